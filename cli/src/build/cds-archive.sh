#!/usr/bin/env bash
# Writes the class data sharing archive of the CLI jar (run by the build right after the jar is made; the
# ./kindj launcher uses it): the classes one `kindj get clusters` loads, already parsed and verified, so that
# every kindj command starts faster. A JVM that finds the archive made for another jar or JDK ignores it; a
# truncated one can crash the JVM, so the archive is written under a temporary name and renamed when complete.
# A failure here costs only the speed-up: the build goes on without an archive.
# Usage: cds-archive.sh JAR ARCHIVE
set -uo pipefail
jar=$1 archive=$2
partial="$archive.$$.partial"
rm -f "$archive"
# Without an engine the command fails, after loading most of the same classes.
java -XX:ArchiveClassesAtExit="$partial" -Xlog:disable -Xlog:all=error:stderr -jar "$jar" get clusters >/dev/null 2>&1
if [[ -s $partial ]]; then
  mv -f "$partial" "$archive"
else
  rm -f "$partial"
  echo "[kindj] no class data sharing archive written (this JDK may not support it); the CLI starts without one" >&2
fi
