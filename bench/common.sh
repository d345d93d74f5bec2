# Sourced by bench scripts: medians, elapsed times, and how kindj is run.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
m() { printf '%s\n' "$@" | median; }
# Seconds since START (a `date +%s%N` value), two decimals.
seconds() { awk -v s="$1" -v e="$(date +%s%N)" 'BEGIN {printf "%.2f", (e - s) / 1e9}'; }

# kindj as users run it: this checkout's launcher, with its start-up flags and class data sharing archive.
# KINDJ_JAR=path runs that jar with plain `java -jar` instead, e.g. a build of an older commit to compare with.
if [[ -n ${KINDJ_JAR:-} ]]; then
  kindj() { java -jar "$KINDJ_JAR" "$@"; }
else
  "$root/kindj" version >/dev/null   # builds the CLI when needed
  kindj() { "$root/kindj" "$@"; }
fi
# A second kindj to alternate with in the same rounds, if given: BEFORE_LAUNCHER=path runs another checkout's
# ./kindj launcher (its flags and archive, e.g. main's, to compare launchers), else BEFORE_JAR=path that jar with
# plain `java -jar`.
before() {
  if [[ -n ${BEFORE_LAUNCHER:-} ]]; then "$BEFORE_LAUNCHER" "$@"; else java -jar "$BEFORE_JAR" "$@"; fi
}
has_before() { [[ -n ${BEFORE_LAUNCHER:-}${BEFORE_JAR:-} ]]; }
