#!/usr/bin/env bash
# The whole test suite, from a fresh machine: starts (or installs) Docker, builds or reuses the
# node image, then runs every module's tests against the real engine and real clusters.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/ensure-docker.sh

start=$(date +%s)
./kindj build node-image
echo "[test] node image ready after $(( $(date +%s) - start )) s" >&2

mvn -B -ntp install

# The examples, as standalone projects against the artifacts just installed (one cluster each).
examples/run-examples.sh

# One closing line for the whole run, counted from every Surefire (unit) and Failsafe (integration) report, of
# the modules and the examples.
find . \( -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' \) -print0 \
  | xargs -0 cat | awk '
  /<testsuite / {
    for (i = 1; i <= NF; i++) {
      split($i, kv, "="); gsub(/"/, "", kv[2])
      if (kv[1] == "tests") t += kv[2]; else if (kv[1] == "failures") f += kv[2]
      else if (kv[1] == "errors") e += kv[2]; else if (kv[1] == "skipped") s += kv[2]
    }
  }
  END { printf "kindj: %d passed, %d failed, %d skipped\n", t - f - e - s, f + e, s }'
