#!/usr/bin/env bash
# A full one-node kindj cluster (node Ready, CoreDNS available) against fabric8 kube-api-test, alternating in one JVM:
# both medians and the ratio (issue 16's target <= 1.5). Usage: bench/one-node.sh [RUNS]   (STEPS=1 as api-only.sh)
FLAVOR=one-node exec "$(dirname "${BASH_SOURCE[0]}")/api-only.sh" "$@"
