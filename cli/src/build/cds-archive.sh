#!/usr/bin/env bash
# Writes the class data sharing archive of the CLI jar (run by the build right after the jar is made; the
# ./kindj launcher uses it): the JDK's and kindj's classes that `kindj version`, `get clusters`,
# `load docker-image` and `delete cluster` load, already parsed and verified, so that every kindj command starts
# faster.
# A static archive (-Xshare:dump from a class list), not a dynamic one (-XX:ArchiveClassesAtExit): only a static
# archive can hold classes of old class-file versions, and picocli's are Java 5 ones, ~170 classes that a dynamic
# archive leaves to be read from the jar and verified in every run.
# A JVM that finds the archive made for another jar or JDK ignores it; a truncated one can crash the JVM, so the
# archive is written under a temporary name, tried, and renamed only when a JVM started with it.
# A failure here costs only the speed-up: the build goes on without an archive.
# Usage: cds-archive.sh JAR ARCHIVE
set -uo pipefail
jar=$1 archive=$2
partial="$archive.$$.partial"
classes="$archive.$$.classes"
rm -f "$archive"
kubeconfig="$archive.$$.kubeconfig"
trap 'rm -f "$classes" "$classes".* "$partial" "$kubeconfig"' EXIT
# Each command's classes. Without an engine or cluster the engine commands fail, after loading most of the same
# classes. The delete names no cluster that exists, and reads (and leaves as it is) a kubeconfig of another one.
printf 'apiVersion: v1\nkind: Config\nclusters:\n- name: kindj-class-list-other\n  cluster: {server: "https://127.0.0.1:1"}\n' \
  > "$kubeconfig"
n=0
for command in "version" "get clusters" "load docker-image --name kindj-class-list-absent kindj-class-list/absent" \
    "delete cluster --name kindj-class-list-absent --kubeconfig $kubeconfig"; do
  # shellcheck disable=SC2086 # the command's words
  java -XX:DumpLoadedClassList="$classes.$((n += 1))" -Xlog:disable -Xlog:all=error:stderr -jar "$jar" $command \
    >/dev/null 2>&1
done
# A class that a listed lambda links at dump time is left out of the archive when its class file is older than
# Java 6 (it could not be verified then): picocli's own CommandLine among them. Those lambdas are made at run time
# instead, which costs less than reading picocli's largest classes.
cat "$classes".* | grep -v '^@lambda-proxy.*picocli/' | sort -u > "$classes"
# A crash report of the trial goes next to the archive, not into the directory the build runs in.
if java -Xshare:dump -XX:SharedClassListFile="$classes" -XX:SharedArchiveFile="$partial" -Xlog:disable \
      -Xlog:all=error:stderr -cp "$jar" >/dev/null 2>&1 \
    && [[ -s $partial ]] && java -XX:SharedArchiveFile="$partial" -Xshare:on -Xlog:disable \
      -XX:ErrorFile="$(dirname "$archive")/hs_err_cds_%p.log" -jar "$jar" version >/dev/null 2>&1; then
  mv -f "$partial" "$archive"
else
  echo "[kindj] no class data sharing archive written (this JDK may not make one); the CLI starts without it" >&2
fi
