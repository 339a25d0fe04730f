#!/usr/bin/env bash
# Peak RSS of `mmeb-eval run` at 1x, 4x and 16x task size (BENCHMARKS.md, section "Memory").
#
#   scripts/bench-memory.sh [WORK_DIR]        (from anywhere; needs Maven, a JDK 17, /usr/bin/time)
#
# The task (MemoryBenchTask): 400 x scale queries, each with its own image, ranking 10 labels,
# V1 layout. The model: the tiny text graph with a vision graph that takes any size
# (scripts/make_any_size_vision_fixture.py), images resized to 224 x 224 as a CLIP model's: each
# prepared image is 602 KB of float32, so 16x = 6400 images = 3.9 GB of prepared batches. Each
# scale runs in a fresh JVM (-Xmx4g, the launcher's default) with a fresh cache; /usr/bin/time
# reports its peak resident set size.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cd "$root"
mvn -q -B test-compile -DskipTests >&2
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -pl mmeb-eval >&2
cp="$root/mmeb-eval/target/classes:$root/mmeb-eval/target/test-classes:$(cat "$work/cp.txt")"
jvm=(java --add-modules jdk.incubator.vector -Dmmeb.home="$root")

model="$work/model"
mkdir -p "$model"
cp mmeb-eval/src/test/resources/encode/any-size/vision.onnx "$model/"
cp mmeb-eval/src/test/resources/encode/tiny/text.onnx mmeb-eval/src/test/resources/encode/tiny/tokenizer.json "$model/"
cat > "$model/spec.json" <<'JSON'
{
  "name": "any-size-224",
  "architecture": "dual",
  "text_graph": {"file": "text.onnx", "input_ids": "input_ids", "attention_mask": "attention_mask",
                 "output": "text_embeds", "pooling": "pooled"},
  "vision_graph": {"file": "vision.onnx", "pixel_values": "pixel_values", "output": "image_embeds",
                   "pooling": "pooled"},
  "tokenizer": {"file": "tokenizer.json", "max_length": 16, "pad_id": 0, "pad_side": "right"},
  "image": {"resize": "exact", "size": 224, "rescale": 0.00392156862745098,
            "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]},
  "instruction": {"mode": "strip"},
  "normalize": true
}
JSON

echo "| task size | queries (own image each) | prepared pixels in all | peak RSS | wall |"
echo "|---|---|---|---|---|"
for scale in 1 4 16; do
  data="$work/scale$scale"
  "${jvm[@]}" -cp "$cp" org.mmeb.eval.pipeline.bench.MemoryBenchTask "$data" "$scale"
  rm -rf "$work/cache$scale" "$work/results$scale"
  /usr/bin/time -f "%M %e" -o "$work/time$scale" \
    "${jvm[@]}" -Xmx4g -cp "$cp" org.mmeb.eval.cli.Main run --model "$model/spec.json" \
      --benchmark memory-bench --task-file "$data/task.json" --data "$data" --device cpu \
      --out "$work/results$scale" --cache-dir "$work/cache$scale" > "$work/run$scale.log" 2>&1
  read -r rss_kb wall < "$work/time$scale"
  queries=$((400 * scale))
  echo "| ${scale}x | $queries | $((queries * 602 / 1024)) MB | $((rss_kb / 1024)) MB | ${wall} s |"
done
