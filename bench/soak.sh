#!/usr/bin/env bash
# Issue 17's soak (scenario 4): churn on a 1+2 cluster, by default 200 pods in 10 minutes, then the checks. It runs
# SoakIT, the same code the test suite runs for 40 s with 20 pods, and prints its numbers: GET latency idle and under
# churn (p50, p99), the churn's time, each node's memory, iptables rules, veths and frozen cgroups before and after.
# The latency target (within 2x of idle) is judged here; a failed check of the test (pods left Terminating, memory,
# rules or veths not back) fails the script, after the numbers.
# Usage: bench/soak.sh [DURATION] [PODS]   (an ISO-8601 duration, default PT10M; default 200 pods)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
(cd "$root" && mvn -o -B verify -pl provisioner -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=SoakIT \
  -Dkindj.soak.duration="${1:-PT10M}" -Dkindj.soak.pods="${2:-200}") >"$log" 2>&1 || status=$?
grep -o 'measured: .*' "$log" || true
# issue 17's target: GET p50 and p99 under churn within 2x of the idle cluster's
grep -o '[0-9.]*x and [0-9.]*x idle' "$log" | awk '{p50 = $1 + 0; p99 = $3 + 0;
  print "GET latency under churn within 2x of idle: " ((p50 <= 2 && p99 <= 2) ? "met" : "NOT met") " (p50 " $1 ", p99 " $3 ")"}'
if [[ $status != 0 ]]; then
  grep -E '^\[ERROR\]|Expect|expected|but was' "$log" | head -20
fi
exit "$status"
