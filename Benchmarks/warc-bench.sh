#!/usr/bin/env bash
# maqal warc on a generated multi-MB .warc.gz of the corpus pages: records/s, MB/s, and the share of the run
# spent only reading (inflating members, parsing WARC and HTTP headers: `maqal warc --read-only`).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus}"
maqal=.build/release/maqal
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
warc="$work/corpus.warc.gz"
python3 Integrations/python/tools/make_warc.py "$warc" --corpus "$corpus" --min-bytes "${WARC_BENCH_BYTES:-40000000}" 2>"$work/made"
python3 - "$maqal" "$warc" "$(cat "$work/made")" <<'PY'
import os, re, resource, subprocess, sys, time
maqal, warc, made = sys.argv[1], sys.argv[2], sys.argv[3]
pages = int(re.search(r": (\d+) pages", made).group(1))
size = os.path.getsize(warc)
# CPU seconds of the child (user + system) as well as wall time: on a shared machine the wall clock
# says more about the neighbours than about maqal.
def best(arguments, runs=3):
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run([maqal, "warc", warc] + arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus), result
read_wall, read_cpu, _ = best(["--read-only"])
full_wall, full_cpu, full = best(["--fields", "text,title"])
two_wall, two_cpu, _ = best(["--fields", "text,title", "--jobs", "2"])
lines = full.stdout.count(b"\n")
mb = size / 1e6
print(f"WARC: {mb:.1f} MB gzip, {pages} HTML pages among {pages * 3 + 1} records, best of 3 runs (wall / CPU seconds)")
print(f"read only (--read-only):                  {read_wall:5.2f} s / {read_cpu:5.2f} s CPU, {mb / read_cpu:6.1f} MB/s of CPU")
print(f"maqal warc --fields text,title --jobs 1:  {full_wall:5.2f} s / {full_cpu:5.2f} s CPU, "
      f"{lines / full_wall:5.0f} records/s, {mb / full_wall:5.1f} MB/s wall; {lines / full_cpu:5.0f} records/s, "
      f"{mb / full_cpu:5.1f} MB/s of CPU")
print(f"maqal warc --fields text,title --jobs 2:  {two_wall:5.2f} s / {two_cpu:5.2f} s CPU, "
      f"{lines / two_wall:5.0f} records/s, {mb / two_wall:5.1f} MB/s wall")
print(f"peak RSS of maqal warc: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.1f} MB "
      f"(the file is streamed: one record in memory at a time)")
print(f"share spent only reading: {read_cpu / full_cpu * 100:.1f} % of CPU ({read_wall / full_wall * 100:.1f} % of wall)")
print(full.stderr.decode().strip())
PY
