#!/usr/bin/env bash
# Renders every fixture and every corpus page as JSON and Markdown into one folder, so a change that
# must not alter output can be checked with `diff -r BEFORE AFTER`.
#   Benchmarks/snapshot.sh OUTDIR [MAQAL_BINARY]
set -euo pipefail
out=${1:?usage: Benchmarks/snapshot.sh OUTDIR [MAQAL_BINARY]}
bin=${2:-.build/debug/maqal}
cd "$(dirname "$0")/.."
mkdir -p "$out"
inputs=$(find Fixtures -type f \( -name '*.html' -o -name '*.htm' -o -name '*.txt' -o -name '*.mhtml' -o -name '*.mht' -o -name '*.webarchive' \) ! -name '*.expected.*' | sort)
if [ -d ../shared/corpus ]; then
  inputs+=$'\n'$(find ../shared/corpus -type f \( -name '*.html' -o -name '*.txt' \) | sort)
else
  echo "snapshot: ../shared/corpus is missing; only the fixtures are rendered" >&2
fi
count=0
while IFS= read -r file; do
  [ -n "$file" ] || continue
  name=$(printf '%s' "$file" | sed 's|^\.\./||; s|/|__|g')
  "$bin" "$file" --format json >"$out/$name.json" 2>"$out/$name.err" || true
  "$bin" "$file" --format markdown >"$out/$name.md" 2>>"$out/$name.err" || true
  count=$((count + 1))
done <<<"$inputs"
echo "snapshot: $count inputs rendered into $out"
