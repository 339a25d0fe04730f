#!/usr/bin/env bash
# Fuzzes the readers of untrusted input (npy submissions, Parquet tables, model specs, images, zip
# archives, the ONNX graph walk that finds the token embedding table) with Jazzer, SECONDS per
# target (default 60). Not part of CI's test run. A finding is written to
# mmeb-eval/src/fuzz/resources/<package of the test>/<FuzzTest class>Inputs/<target>/
# (keep it: every later run of this script, and `mvn -Pfuzz test`, replays it as a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
mvn -B -q -Pfuzz test-compile
failed=()
readers=UntrustedReadersFuzzTest
for target in $readers#npySubmission $readers#parquetTable $readers#modelSpec $readers#image \
    $readers#zipArchive OnnxGraphFuzzTest#tokenEmbeddingTable; do
  echo "fuzz: $target for ${seconds}s"
  if ! JAZZER_FUZZ=1 mvn -B -q -Pfuzz surefire:test -pl mmeb-eval \
      -Djazzer.max_duration="${seconds}s" \
      -Dtest="$target"; then
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]} (see mmeb-eval/target/surefire-reports)" >&2
  exit 1
fi
echo "fuzz: no findings"
