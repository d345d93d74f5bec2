#!/usr/bin/env bash
# Runs every example as a user would, against the kindj artifacts `mvn install` put into ~/.m2.
# Each example opens one cluster (named ju-*, tc-* or helm-example) and deletes it before the next starts.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

"$root/scripts/build-test-images.sh" app
for example in junit-quickstart multi-node testcontainers helm operator; do
  echo "[examples] $example" >&2
  mvn -B -ntp -f "$root/examples/$example/pom.xml" verify
done
echo "[examples] plain-java" >&2
mvn -B -ntp -f "$root/examples/plain-java/pom.xml" compile exec:java
echo "[examples] ci-cli" >&2
KINDJ="$root/kindj" CLUSTER=ju-ci LOGS="$root/examples/ci-cli/target/kindj-logs" "$root/examples/ci-cli/ci.sh"
