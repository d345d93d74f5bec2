#!/usr/bin/env bash
# Writes the class data sharing archive of the CLI jar (run by the build right after the jar is made; the
# ./kindj launcher uses it): the classes one `kindj get clusters` loads, already parsed and verified, so that
# every kindj command starts faster. A JVM that finds the archive made for another jar or JDK ignores it; a
# truncated one can crash the JVM, so the archive is written under a temporary name, tried, and renamed only when
# a JVM started with it.
# A failure here costs only the speed-up: the build goes on without an archive.
# Usage: cds-archive.sh JAR ARCHIVE
set -uo pipefail
jar=$1 archive=$2
partial="$archive.$$.partial"
rm -f "$archive"
# Without an engine the command fails, after loading most of the same classes.
java -XX:ArchiveClassesAtExit="$partial" -Xlog:disable -Xlog:all=error:stderr -jar "$jar" get clusters >/dev/null 2>&1
# A crash report of the trial goes next to the archive, not into the directory the build runs in.
if [[ -s $partial ]] && java -XX:SharedArchiveFile="$partial" -Xshare:on -Xlog:disable \
    -XX:ErrorFile="$(dirname "$archive")/hs_err_cds_%p.log" -jar "$jar" version >/dev/null 2>&1; then
  mv -f "$partial" "$archive"
else
  rm -f "$partial"
  echo "[kindj] no class data sharing archive written (this JDK may not make one); the CLI starts without it" >&2
fi
