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
swift build -c release --static-swift-stdlib >"$log" 2>&1 || { tail -30 "$log"; exit 1; }
mkdir -p .build-bench
ln -sfn "$PWD" .build-bench/maqal
# SwiftPM caches a path dependency's file list: forget it so files added since the last run are built.
rm -f .build-bench/build/release.yaml .build-bench/build/build.db
(cd Benchmarks && swift build -c release --scratch-path ../.build-bench/build >"$log" 2>&1) || { tail -30 "$log"; exit 1; }

results=$(mktemp)
trap 'rm -f "$log" "$results"' EXIT
{
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

echo
echo "== saved pages (the largest page plain, as MHTML, gzipped, and as SingleFile with 9 MB of inlined images)"
python3 Benchmarks/saved-bench.py --maqal .build/release/maqal --corpus "$corpus"

if [ -x Benchmarks/convert-bench.sh ]; then
  echo
  echo "== maqal convert"
  Benchmarks/convert-bench.sh
fi
} | tee "$results"

# The issue's targets, each read back from the figures above, so the run ends with its verdict.
python3 - "$results" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def number(pattern):
    found = re.search(pattern, text, re.M)
    return float(found.group(1)) if found else None
def row(label):  # seconds and peak MB of a convert-bench row
    found = re.search(r"^" + re.escape(label) + r"\s+\d+\s+([\d.]+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)$", text, re.M)
    return (float(found.group(1)), float(found.group(2))) if found else (None, None)
ratio = number(r"^ratio pipeline/floor: ([\d.]+)×")
startup = number(r"^start-up \(maqal --version\): ([\d.]+) ms")
largest = number(r"^peak RSS parsing the largest page .*: ([\d.]+) MB$")
one, _ = row("--jobs 1")
two, _ = row("--jobs 2")
_, few = row("first 2,000")
_, many = row(next(iter(re.findall(r"^(all \d+)\s", text, re.M)), "all"))
checks = [
    ("pipeline time / libxml2 floor", ratio, "≤ 1.5×", ratio is not None and ratio <= 1.5, f"{ratio}×"),
    ("convert --jobs 2 speed-up", one and two and one / two, "≥ 1.8×", bool(one and two) and one / two >= 1.8,
     f"{one / two:.2f}×" if one and two else None),
    ("peak RSS, largest page", largest, "≤ 40 MB", largest is not None and largest <= 40, f"{largest} MB"),
    ("peak RSS, many files vs 2,000", few and many, "flat (≤ +10%)", bool(few and many) and many <= few * 1.1,
     f"{few} → {many} MB" if few and many else None),
    ("start-up", startup, "≤ 10 ms", startup is not None and startup <= 10, f"{startup} ms"),
]
print()
print("== targets")
for name, value, target, met, shown in checks:
    verdict = "not measured" if value is None else ("met" if met else "MISSED")
    print(f"{name:<32} {shown or '-':>16}  target {target:<14} {verdict}")
print("(≥ 25× trafilatura's throughput is measured by `make compare`)")
PY
