#!/usr/bin/env bash
# Benchmarks/convert-bench.sh: throughput and memory of `maqal convert` (part of `make bench`, not run in CI).
#   1. the corpus repeated into a tree of FILES (default 2,000) pages: files/s and MB/s at --jobs 1 and 2,
#      and a second run where every output is up to date;
#   2. peak RSS for 2,000 and SMALL (default 20,000) small files: memory must not grow with the count.
# Environment: CORPUS (default ../shared/corpus), FILES, SMALL, SCRATCH (the build folder, default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${CORPUS:-../shared/corpus}"
files="${FILES:-2000}"
small="${SMALL:-20000}"
scratch="${SCRATCH:-.build}"
if [ ! -d "$corpus" ]; then
  echo "convert-bench: the corpus folder $corpus is missing (it lives in ../shared/corpus beside the repository)"
  exit 1
fi

# In .build, the binary `make release` makes: a plain `swift build -c release` there has other flags, so it
# rebuilt everything and left a dynamically linked maqal for the rest of `make bench` (and the next make
# release rebuilt it again).
if [ "$scratch" = .build ]; then
  make --no-print-directory release >/dev/null
else
  swift build -c release --scratch-path "$scratch" >/dev/null
fi
maqal="$scratch/release/maqal"

# GNU time gives wall time and peak RSS of one process; install it when we may, else measure from Python.
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get install -y -qq time >/dev/null 2>&1 || true
fi
measure() { # measure COMMAND... → prints "SECONDS PEAK_KB"; the command's own output is dropped
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
    cat "$work/time"
  else
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{time.perf_counter() - start:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
  fi
}

work="$(mktemp -d "${TMPDIR:-/tmp}/maqal-convert-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# 1. The corpus, copied round after round into folders of its own shape until there are enough pages.
pages=()
for folder in html legacy-encoding text; do
  for page in "$corpus/$folder"/*; do [ -f "$page" ] && pages+=("$page"); done
done
count=0
round=0
while [ "$count" -lt "$files" ]; do
  round=$((round + 1))
  for page in "${pages[@]}"; do
    [ "$count" -ge "$files" ] && break
    target="$work/corpus/round-$round/$(basename "$(dirname "$page")")"
    mkdir -p "$target"
    cp "$page" "$target/"
    count=$((count + 1))
  done
done
bytes=$(du -sb "$work/corpus" | cut -f1)

table_row() { # table_row LABEL FILES BYTES "SECONDS PEAK_KB"
  python3 -c '
import sys
label, files, size, seconds, peak = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
seconds = max(seconds, 0.01)
print(f"{label:<24} {files:>7} {seconds:>8.2f} {files / seconds:>9.1f} {size / 1e6 / seconds:>7.2f} {peak / 1024:>9.1f}")
' "$1" "$2" "$3" $4
}

echo "corpus repeated: $count pages from ${#pages[@]} ($(python3 -c "print(f'{$bytes / 1e6:.1f}')") MB), $(nproc) cores"
printf '%-24s %7s %8s %9s %7s %9s\n' "run" "files" "seconds" "files/s" "MB/s" "peak MB"
# Each run writes a folder of its own, as a first conversion does; the folders are removed at the end,
# not between runs: ext4 without a journal steps over recently freed inodes one by one when it
# allocates, so deleting 2,000 outputs just before a run would time the file system, not maqal.
for jobs in 1 2; do
  table_row "--jobs $jobs" "$count" "$bytes" "$(measure "$maqal" convert "$work/corpus" -o "$work/out-$jobs" --jobs "$jobs")"
done
table_row "--jobs 2, all up to date" "$count" 0 "$(measure "$maqal" convert "$work/corpus" -o "$work/out-2" --jobs 2)"
# The same with input and output in memory (tmpfs), when there is one: maqal's scaling with no disk at all.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  shm="$(mktemp -d /dev/shm/maqal-convert-bench.XXXXXX)"
  trap 'rm -rf "$work" "$shm"' EXIT
  cp -r "$work/corpus" "$shm/corpus"
  for jobs in 1 2; do
    table_row "--jobs $jobs, tmpfs" "$count" "$bytes" "$(measure "$maqal" convert "$shm/corpus" -o "$shm/out-$jobs" --jobs "$jobs")"
  done
  rm -rf "$shm"
fi

# 2. Many small files: peak memory should be the same for 2,000 and for 20,000.
python3 - "$work/small" "$small" <<'PY'
import os, sys
root, count = sys.argv[1], int(sys.argv[2])
text = "عنوان المقال رقم {n}\n\nهذه فقرة أولى من المقال رقم {n}، وفيها كلام يكفي ليكون نصاً حقيقياً.\n"
for n in range(count):
    folder = os.path.join(root, f"d{n // 1000:03d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"n{n:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(text.format(n=n))
PY
small_bytes=$(du -sb "$work/small" | cut -f1)
echo
printf '%-24s %7s %8s %9s %7s %9s\n' "small files, --jobs 2" "files" "seconds" "files/s" "MB/s" "peak MB"
table_row "first 2,000" 2000 $((small_bytes * 2000 / small)) \
  "$(measure "$maqal" convert "$work/small/d000" "$work/small/d001" -o "$work/small-out-2k" --jobs 2)"
table_row "all $small" "$small" "$small_bytes" "$(measure "$maqal" convert "$work/small" -o "$work/small-out" --jobs 2)"
