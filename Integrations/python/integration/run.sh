#!/usr/bin/env bash
# make integration: datatrove and PySpark with maqal, in a git-ignored venv (.venv-integration).
set -euo pipefail
cd "$(dirname "$0")/../../.."
venv=.venv-integration
if [ ! -x "$venv/bin/spark-submit" ] || ! "$venv/bin/python" -c 'import datatrove, warcio, trafilatura, cchardet, magic, orjson, lxml_html_clean' 2>/dev/null; then
  echo "integration: installing datatrove, warcio, trafilatura, pyspark into $venv (pyspark is large)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q datatrove warcio trafilatura pyspark faust-cchardet python-magic orjson lxml_html_clean pytest
fi
command -v java >/dev/null || { echo "integration: Spark needs Java (17) on PATH"; exit 1; }
"$venv/bin/python" Integrations/python/integration/run.py --maqal .build/release/maqal "$@"
