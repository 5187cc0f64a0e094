#!/usr/bin/env bash
# make bench: speed and memory of maqal on the real corpus, measured in one run.
#   1. in-process: MB/s and pages/s per stage, the libxml2-parse floor, allocations, peak RSS;
#   2. whole process: start-up time of `maqal --version`, peak RSS on the largest page;
#   3. batch: `maqal convert` at --jobs 1 and 2 (Benchmarks/convert-bench.sh), when present.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${CORPUS:-../shared/corpus}"
if [ ! -d "$corpus" ]; then
  echo "bench: the corpus folder $corpus is missing (it lives in ../shared/corpus beside the repository)"
  exit 1
fi
seconds="${SECONDS_PER_MEASUREMENT:-2}"

log=$(mktemp)
swift build -c release >"$log" 2>&1 || { tail -30 "$log"; exit 1; }
mkdir -p .build-bench
ln -sfn "$PWD" .build-bench/maqal
# SwiftPM caches a path dependency's file list: forget it so files added since the last run are built.
rm -f .build-bench/build/release.yaml .build-bench/build/build.db
(cd Benchmarks && swift build -c release --scratch-path ../.build-bench/build >"$log" 2>&1) || { tail -30 "$log"; exit 1; }

echo "== in-process, per stage (release build)"
.build-bench/build/release/maqal-bench "$corpus" "$seconds"

echo
echo "== whole process"
python3 - "$corpus" <<'PY'
import os, resource, subprocess, sys, time
corpus = sys.argv[1]
maqal = ".build/release/maqal"
runs = 50
start = time.perf_counter()
for _ in range(runs):
    subprocess.run([maqal, "--version"], stdout=subprocess.DEVNULL, check=True)
print(f"start-up (maqal --version): {(time.perf_counter() - start) / runs * 1000:.1f} ms mean over {runs} runs")
pages = [os.path.join(corpus, d, f) for d in ("html", "legacy-encoding") for f in os.listdir(os.path.join(corpus, d))]
largest = max(pages, key=os.path.getsize)
before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
subprocess.run([maqal, largest, "--format", "json"], stdout=subprocess.DEVNULL, check=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"peak RSS parsing the largest page ({os.path.basename(largest)}, {os.path.getsize(largest) / 1e6:.2f} MB): "
      f"{peak / 1024:.1f} MB")
PY

if [ -x Benchmarks/convert-bench.sh ]; then
  echo
  echo "== maqal convert"
  Benchmarks/convert-bench.sh
fi
