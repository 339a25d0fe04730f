#!/usr/bin/env bash
# GPU acceptance for mmeb-eval: run this on a machine with an NVIDIA GPU (and, for the TensorRT
# checks, TensorRT 10). It checks the CUDA 12 / cuDNN 9 libraries, runs the GPU-only tests
# (embeddings compared with CPU by cosine), the fallback cases (CUDA_VISIBLE_DEVICES= and cuda:9),
# CPU-vs-GPU parity on mmeb-mini through `check`, a throughput sweep over --workers with
# nvidia-smi dmon utilisation, the devices' ceiling (bench encoding --replay), TensorRT with and without its
# caches, and a deliberately oversized batch. It writes one results file (Markdown) and, with
# --update-benchmarks, copies it into BENCHMARKS.md's GPU section.
#
# On a machine without a GPU everything runs that can (fallback cases, CPU runs) and the GPU parts
# are reported as skipped. Exit status: 0 when nothing failed, 1 otherwise.
#
#   scripts/gpu-acceptance.sh [--out FILE] [--update-benchmarks] [--model SPEC] [--task TASK]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cli="$root/bin/mmeb-eval"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="results/gpu-acceptance/$(hostname -s 2>/dev/null || echo host)-$stamp.md"
model="models/demo/spec.json"
task="MiniGrounding"
update=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --model) model="$2"; shift 2 ;;
    --task) task="$2"; shift 2 ;;
    --update-benchmarks) update=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"
failures=0
rows=()
notes=()

record() { # name status detail
  rows+=("| $1 | $2 | $3 |")
  [ "$2" = "FAIL" ] && failures=$((failures + 1))
  printf '%-44s %-8s %s\n' "$1" "$2" "$3" >&2
}
note() { notes+=("$1"); }
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# --- 1. Environment: driver, GPUs, libraries ------------------------------------------------
gpus=0
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >"$work/gpus.txt" 2>/dev/null; then
  gpus=$(grep -c '^GPU ' "$work/gpus.txt")
  driver=$(nvidia-smi --query-gpu=driver_version --format=csv,noheader 2>/dev/null | head -1)
  record "NVIDIA driver and GPUs" pass "$gpus GPU(s), driver $driver: $(sed 's/ (UUID.*//' "$work/gpus.txt" | paste -sd ';' -)"
else
  record "NVIDIA driver and GPUs" skipped "nvidia-smi not found or no GPU"
fi

find_lib() { # soname: found in the loader cache or LD_LIBRARY_PATH?
  if ldconfig -p 2>/dev/null | grep -q "$1"; then return 0; fi
  local d
  IFS=: read -ra dirs <<<"${LD_LIBRARY_PATH:-}"
  for d in "${dirs[@]}"; do [ -n "$d" ] && [ -e "$d/$1" ] && return 0; done
  return 1
}
missing=()
for lib in libcudart.so.12 libcublas.so.12 libcublasLt.so.12 libcufft.so.11 libcurand.so.10 libcudnn.so.9; do
  find_lib "$lib" || missing+=("$lib")
done
if [ ${#missing[@]} -eq 0 ]; then
  record "CUDA 12 / cuDNN 9 libraries" pass "all found"
  cuda_libs=1
else
  record "CUDA 12 / cuDNN 9 libraries" "$([ "$gpus" -gt 0 ] && echo FAIL || echo skipped)" "missing: ${missing[*]}"
  cuda_libs=0
fi
if find_lib libnvinfer.so.10; then trt=1; record "TensorRT 10 libraries" pass "libnvinfer.so.10 found"
else trt=0; record "TensorRT 10 libraries" skipped "libnvinfer.so.10 not found: TensorRT checks skipped"; fi
gpu=$([ "$gpus" -gt 0 ] && [ "$cuda_libs" = 1 ] && echo 1 || echo 0)

# --- 2. Build and data ------------------------------------------------------------------------
if ! "$cli" --help >/dev/null 2>"$work/build.txt"; then
  record "build" FAIL "$(tail -1 "$work/build.txt")"
fi
"$cli" data synth --out "$work/mini" >/dev/null 2>&1 || record "data synth" FAIL "cannot write mmeb-mini"

run_mini() { # name device [extra options...]: a run of $model on mmeb-mini; stderr kept
  local name="$1" device="$2"
  shift 2
  "$cli" run --model "$model" --benchmark mmeb-mini --data "$work/mini" --device "$device" \
    --out "$work/$name" --cache-dir "$work/cache-$name" "$@" >"$work/$name.out" 2>"$work/$name.err"
}

# --- 3. GPU-only tests ------------------------------------------------------------------------
if [ "$gpu" = 1 ]; then
  if mvn -B -q -pl mmeb-eval test -Dtest='GpuParityTest,DeviceProbeTest,MiniLmEncoderTest' \
      -Dsurefire.failIfNoSpecifiedTests=false >"$work/gputests.txt" 2>&1; then
    record "GPU-only tests (cosine vs CPU > 0.9999)" pass "GpuParityTest, DeviceProbeTest, MiniLmEncoderTest"
  else
    record "GPU-only tests (cosine vs CPU > 0.9999)" FAIL "$(grep -m1 -E 'FAIL|ERROR' "$work/gputests.txt")"
  fi
else
  record "GPU-only tests (cosine vs CPU > 0.9999)" skipped "no usable GPU"
fi

# --- 4. Fallback cases (run everywhere) -------------------------------------------------------
fallback() { # name env-assignment device expected-warning-pattern
  local name="$1" envset="$2" device="$3" pattern="$4"
  if env $envset "$cli" run --model "$model" --benchmark mmeb-mini --data "$work/mini" \
      --tasks MiniShapes --device "$device" --out "$work/$name" --cache-dir "$work/cache-$name" \
      >"$work/$name.out" 2>"$work/$name.err"; then
    local warnings
    warnings=$(grep -c '^warning: ' "$work/$name.err")
    if [ "$warnings" = 1 ] && grep -q "$pattern" "$work/$name.err"; then
      record "fallback: $name" pass "$(grep '^warning: ' "$work/$name.err" | cut -c1-160)"
    else
      record "fallback: $name" FAIL "expected one warning matching '$pattern', got $warnings"
    fi
  else
    record "fallback: $name" FAIL "exit $?: $(tail -1 "$work/$name.err")"
  fi
}
fallback "CUDA_VISIBLE_DEVICES=" "CUDA_VISIBLE_DEVICES=" cuda:0 "cuda:0 unavailable (.*); running on CPU"
fallback "cuda:9" "MMEB_ACCEPTANCE=1" cuda:9 "cuda:9 unavailable (.*); running on CPU"

# --- 5. CPU vs GPU parity through check -------------------------------------------------------
if run_mini parity-cpu cpu; then
  if [ "$gpu" = 1 ]; then
    if run_mini parity-gpu cuda:0 && ! grep -q '^warning: ' "$work/parity-gpu.err"; then
      if "$cli" check --baseline "$work/parity-cpu" --candidate "$work/parity-gpu" \
          --max-drop 0.5 --max-dataset-drop 1 >"$work/check.txt" 2>&1; then
        record "CPU vs GPU parity (check)" pass "$(tail -1 "$work/check.txt")"
      else
        record "CPU vs GPU parity (check)" FAIL "$(tail -1 "$work/check.txt")"
      fi
    else
      record "CPU vs GPU parity (check)" FAIL "GPU run failed or fell back: $(tail -1 "$work/parity-gpu.err")"
    fi
  else
    record "CPU vs GPU parity (check)" skipped "no usable GPU (the CPU run passed)"
  fi
else
  record "CPU run on mmeb-mini" FAIL "$(tail -1 "$work/parity-cpu.err")"
fi

# --- 6. Throughput: workers sweep with GPU utilisation, device ceiling ------------------------
bench() { # device workers [extra...] -> prints bench encoding's report
  local device="$1" workers="$2"
  shift 2
  "$cli" bench encoding --model "$model" --benchmark mmeb-mini --task "$task" --data "$work/mini" \
    --device "$device" --workers "$workers" --rounds 3 "$@" 2>>"$work/bench.err"
}
cores=$(nproc)
if [ "$gpu" = 1 ]; then
  devices="cuda:0"
  [ "$gpus" -ge 2 ] && devices="cuda:0 cuda:0,1"
  for device in $devices; do
    for workers in 1 2 4 8 16; do
      [ "$workers" -gt "$cores" ] && continue
      nvidia-smi dmon -s u -d 1 >"$work/dmon.txt" 2>/dev/null &
      dmon=$!
      report=$(bench "$device" "$workers")
      kill "$dmon" 2>/dev/null
      wait "$dmon" 2>/dev/null
      util=$(awk '$1 ~ /^[0-9]+$/ && $2 ~ /^[0-9]+$/ { s += $2; n++ } END { if (n) printf "%.0f", s / n; else printf "?" }' "$work/dmon.txt")
      # the pipelined mode's row ("  pipelined x4   1234.5   0.321   97.0%") and issue 13's ratio
      rate=$(echo "$report" | awk '$1 == "pipelined" { print $3; exit }')
      ratio=$(echo "$report" | sed -n 's/.*pipelined \/ slowest stage alone (\([^)]*\)): \([0-9.]*\).*/\2 (\1)/p')
      # the share of the wall time the device threads spent running the model (the rest: waiting)
      busy=$(echo "$report" | sed -n 's/.*model busy \([0-9.]*%\).*/\1/p' | head -1)
      record "throughput $device, $workers workers" pass "${rate:-?} items/s, pipelined / slowest stage alone ${ratio:-?}, device threads in the model ${busy:-?} of the wall time, mean SM utilisation ${util}%"
    done
    ceiling=$(bench "$device" 1 --replay 100 | awk '/device ceiling/ { print $3 }')
    record "device ceiling $device (bench --replay 100)" pass "${ceiling:-?} items/s"
  done
else
  record "throughput sweep over workers (nvidia-smi dmon)" skipped "no usable GPU"
  ceiling=$(bench cpu 1 --replay 20 | awk '/device ceiling/ { print $3 }')
  record "device ceiling cpu (bench --replay 20)" pass "${ceiling:-?} items/s (CPU, for comparison)"
fi

# --- 7. TensorRT with and without caches ------------------------------------------------------
if [ "$gpu" = 1 ] && [ "$trt" = 1 ]; then
  for mode in none cold warm; do
    cache="$work/trt-cache"
    [ "$mode" = none ] && cache=none
    t0=$(seconds)
    if bench tensorrt:0 1 --tensorrt-cache "$cache" --replay 20 >"$work/trt-$mode.txt"; then
      t1=$(seconds)
      fell=$(grep -c 'tensorrt:0 unavailable' "$work/bench.err")
      record "TensorRT, cache $mode" "$([ "$fell" = 0 ] && echo pass || echo FAIL)" \
        "process $(elapsed "$t0" "$t1") s, ceiling $(awk '/device ceiling/ { print $3 }' "$work/trt-$mode.txt") items/s"
    else
      record "TensorRT, cache $mode" FAIL "$(tail -1 "$work/bench.err")"
    fi
  done
else
  record "TensorRT with/without engine and timing caches" skipped "no GPU or no TensorRT"
fi

# --- 8. A deliberately oversized batch --------------------------------------------------------
if [ "$gpu" = 1 ]; then
  if run_mini oversized cuda:0 --tasks "$task" --batch-size 4096 --gpu-mem-limit 64m; then
    split=$(grep -c 'out of GPU memory' "$work/oversized.err")
    record "oversized batch (4096, --gpu-mem-limit 64m)" pass \
      "finished; $([ "$split" -gt 0 ] && grep -m1 'out of GPU memory' "$work/oversized.err" | cut -c1-140 || echo 'fitted without a split')"
  else
    record "oversized batch (4096, --gpu-mem-limit 64m)" FAIL "$(tail -1 "$work/oversized.err")"
  fi
else
  record "oversized batch (split on out-of-memory)" skipped "no usable GPU (OutOfMemorySplitTest covers it on CPU)"
fi

# --- Results ----------------------------------------------------------------------------------
{
  echo "<!-- gpu-acceptance:begin -->"
  echo "Written by \`scripts/gpu-acceptance.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'):"
  echo "$(hostname -s 2>/dev/null), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"
  echo "$(java -version 2>&1 | head -1), onnxruntime_gpu $(grep -m1 '<onnxruntime.version>' pom.xml | sed 's/.*>\(.*\)<.*/\1/'),"
  echo "model \`$model\`, task \`$task\` of mmeb-mini (\`data synth\`, seed 0), git $(git rev-parse --short HEAD 2>/dev/null)."
  echo
  echo "| check | result | details |"
  echo "|---|---|---|"
  printf '%s\n' "${rows[@]}"
  for n in "${notes[@]+"${notes[@]}"}"; do echo; echo "$n"; done
  echo
  echo "$([ "$failures" = 0 ] && echo "Nothing failed." || echo "$failures check(s) FAILED.")"
  echo "<!-- gpu-acceptance:end -->"
} >"$out"
echo "results: $out" >&2

if [ "$update" = 1 ]; then
  python3 - "$out" BENCHMARKS.md <<'EOF'
import sys
results, target = sys.argv[1], sys.argv[2]
block = open(results).read().strip()
text = open(target).read()
begin, end = "<!-- gpu-acceptance:begin -->", "<!-- gpu-acceptance:end -->"
i, j = text.index(begin), text.index(end) + len(end)
open(target, "w").write(text[:i] + block + text[j:])
EOF
  echo "BENCHMARKS.md: GPU section updated" >&2
fi
[ "$failures" = 0 ]
