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
# The release build as `make release` makes it (the same flags, so nothing is rebuilt for the bench).
make --no-print-directory release >"$log" 2>&1 || { tail -30 "$log"; exit 1; }
mkdir -p .build-bench
ln -sfn "$PWD" .build-bench/maqal
# SwiftPM caches a path dependency's file list: forget it so files added since the last run are built.
rm -f .build-bench/build/release.yaml .build-bench/build/build.db
(cd Benchmarks && swift build -c release --scratch-path ../.build-bench/build >"$log" 2>&1) || { tail -30 "$log"; exit 1; }

results=$(mktemp)
generated=$(mktemp -d)
trap 'rm -f "$log" "$results"; rm -rf "$generated"' EXIT
{
echo "== in-process, per stage (release build)"
.build-bench/build/release/maqal-bench "$corpus" "$seconds"

echo
echo "== whole process"
python3 - "$corpus" <<'PY'
import os, resource, statistics, subprocess, sys, tempfile, time
corpus = sys.argv[1]
maqal = ".build/release/maqal"
runs = 100
# Medians: on a shared machine a few runs are slowed by other work, which a mean would count. The CPU
# time (user + system of the child) is printed beside the wall time: on a loaded machine most of the
# wall time is waiting for a core, which the load average beside it tells.
def startup(arguments):
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen([maqal] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        walls.append(time.perf_counter() - start)
        if status != 0:
            raise SystemExit(f"maqal {' '.join(arguments)} failed")
        cpus.append(usage.ru_utime + usage.ru_stime)
    return (f"{statistics.median(walls) * 1000:.1f} ms median over {runs} runs "
            f"(CPU {statistics.median(cpus) * 1000:.1f} ms; load average {os.getloadavg()[0]:.1f})")
with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as line:
    line.write("الساعة المائية من أقدم أدوات قياس الزمن.\n")
print(f"start-up (maqal --version): {startup(['--version'])}")
print(f"start-up (one-line text file): {startup([line.name])}")
os.unlink(line.name)
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

echo
echo "== generated pages (list-heavy and paragraph-heavy)"
# Written by one Python process and measured from another: a child's peak RSS includes its parent's at the fork.
python3 - "$generated" <<'PY'
import os, sys
# One long list and many paragraphs: the shapes whose node count grows fastest with the page's size.
pages = {
    "list-heavy": "<ul>" + "".join(f"<li>البند {i} من القائمة</li>\n" for i in range(250_000)) + "</ul>",
    "paragraph-heavy": "".join(
        f"<p>الفقرة {i}: نص عربي يطول قليلا ليشبه فقرة من مقال حقيقي فيه جملتان أو ثلاث، ثم ينتهي هنا.</p>\n"
        for i in range(60_000)),
}
for name, body in pages.items():
    with open(os.path.join(sys.argv[1], name + ".html"), "w", encoding="utf-8") as file:
        file.write('<html><head><meta charset="utf-8"><title>صفحة</title></head><body><article>')
        file.write(body)
        file.write("</article></body></html>")
PY
python3 - "$generated" <<'PY'
import os, subprocess, sys, time
maqal = ".build/release/maqal"
for name in ("list-heavy", "paragraph-heavy"):
    path = os.path.join(sys.argv[1], name + ".html")
    start = time.perf_counter()
    child = subprocess.Popen([maqal, path, "--format", "json"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"maqal failed on the generated {name} page")
    size = os.path.getsize(path) / 1e6
    print(f"generated {name} page ({size:.1f} MB): {seconds:.2f} s, peak RSS {usage.ru_maxrss / 1024:.1f} MB")
PY

if [ -x Benchmarks/convert-bench.sh ]; then
  echo
  echo "== maqal convert"
  Benchmarks/convert-bench.sh
fi

echo
echo "== maqal warc"
Benchmarks/warc-bench.sh "$corpus"
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
startupLine = number(r"^start-up \(one-line text file\): ([\d.]+) ms")
largest = number(r"^peak RSS parsing the largest page .*: ([\d.]+) MB$")
reading = number(r"^share spent only reading: ([\d.]+) %")
largestSize = number(r"^peak RSS parsing the largest page \(.*, ([\d.]+) MB\)")
def generated(name):  # size in MB, seconds and peak RSS in MB of a generated page
    found = re.search(r"^generated " + name + r" page \(([\d.]+) MB\): ([\d.]+) s, peak RSS ([\d.]+) MB$", text, re.M)
    return tuple(float(group) for group in found.groups()) if found else (None, None, None)
listSize, listSeconds, listPeak = generated("list-heavy")
paraSize, paraSeconds, paraPeak = generated("paragraph-heavy")
# Peak RSS against input size, on every page measured one at a time.
bounded = [(size, peak) for size, peak in ((largestSize, largest), (listSize, listPeak), (paraSize, paraPeak))
           if size is not None and peak is not None]
worst = max(bounded, key=lambda pair: pair[1] - (6 * pair[0] + 30), default=None)
one, _ = row("--jobs 1")
two, _ = row("--jobs 2")
_, few = row("first 2,000")
_, many = row(next(iter(re.findall(r"^(all \d+)\s", text, re.M)), "all"))
checks = [
    ("pipeline time / libxml2 floor", ratio, "≤ 1.35×", ratio is not None and ratio <= 1.35, f"{ratio}×"),
    ("250,000-item list page, time", listSeconds, "≤ 0.6 s", listSeconds is not None and listSeconds <= 0.6,
     f"{listSeconds} s"),
    ("250,000-item list page, peak RSS", listPeak, "≤ 100 MB", listPeak is not None and listPeak <= 100,
     f"{listPeak} MB"),
    ("peak RSS vs input size (worst)", worst, "≤ 6× + 30 MB", worst is not None and worst[1] <= 6 * worst[0] + 30,
     f"{worst[1]} MB / {worst[0]} MB" if worst else None),
    ("convert --jobs 2 speed-up", one and two and one / two, "≥ 1.8×", bool(one and two) and one / two >= 1.8,
     f"{one / two:.2f}×" if one and two else None),
    ("peak RSS, largest page", largest, "≤ 40 MB", largest is not None and largest <= 40, f"{largest} MB"),
    ("peak RSS, many files vs 2,000", few and many, "flat (≤ +10%)", bool(few and many) and many <= few * 1.1,
     f"{few} → {many} MB" if few and many else None),
    ("start-up, maqal --version", startup, "≤ 4 ms", startup is not None and startup <= 4, f"{startup} ms"),
    ("start-up, one-line text file", startupLine, "≤ 4 ms", startupLine is not None and startupLine <= 4,
     f"{startupLine} ms"),
    ("warc: share spent only reading", reading, "≤ 15 %", reading is not None and reading <= 15, f"{reading} %"),
]
print()
print("== targets")
for name, value, target, met, shown in checks:
    verdict = "not measured" if value is None else ("met" if met else "MISSED")
    print(f"{name:<32} {shown or '-':>16}  target {target:<14} {verdict}")
print("(≥ 25× trafilatura's throughput is measured by `make compare`)")
PY
