"""make integration: maqal inside datatrove and PySpark on generated WARC files, checked and timed.

1. datatrove's LocalPipelineExecutor, WarcReader → MaqalExtractor → JsonlWriter, on a WARC of
   generated Arabic articles (a fifth of them windows-1256 named only by HTTP) among images,
   revisits, 404s, requests and metadata: one row per HTML page, the right ids, Arabic text.
2. spark-submit --master local[2] spark/maqal_spark.py on the same WARC: the same check on the
   Parquet rows.
3. MaqalExtractor beside datatrove's own Trafilatura step on a WARC of the real corpus pages:
   documents per CPU-second of the whole pipeline (this process and its children), and of the
   extraction step alone (minus a WarcReader → JsonlWriter pass over the same file).

    python run.py --maqal ../../.build/release/maqal [--skip-spark]
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(PACKAGE))
sys.path.insert(0, os.path.join(PACKAGE, "src"))
sys.path.insert(0, os.path.join(PACKAGE, "tools"))

import make_warc  # noqa: E402


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def rows_of(folder: str) -> list:
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, "*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle]
    return rows


def datatrove_run(warc_folder: str, step, work: str, name: str, writer: bool = True):
    """Runs WarcReader → step → JsonlWriter (without the step or the writer when they are not
    given); rows (none without a writer), CPU seconds of this process and its children, wall seconds."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    output = os.path.join(work, f"out-{name}")
    shutil.rmtree(output, ignore_errors=True)
    pipeline = ([WarcReader(warc_folder, glob_pattern="*.warc.gz")] + ([step] if step else [])
                + ([JsonlWriter(output)] if writer else []))
    executor = LocalPipelineExecutor(pipeline=pipeline, tasks=1, workers=1,
                                     logging_dir=os.path.join(work, f"logs-{name}"), skip_completed=False)
    cpu, wall = cpu_seconds(), time.perf_counter()
    executor.run()
    return rows_of(output), cpu_seconds() - cpu, time.perf_counter() - wall


def check(label: str, got: list, expected: list) -> bool:
    """got and expected are (id, title-or-text) pairs; prints the verdict."""
    ids_ok = [row[0] for row in got] == [row[0] for row in expected]
    arabic = sum(1 for (_, text), (_, title) in zip(got, expected) if text and title in text)
    ok = ids_ok and arabic == len(expected)
    print(f"{label}: {len(got)} rows for {len(expected)} HTML pages; ids in order: {ids_ok}; "
          f"Arabic title found in the text: {arabic}/{len(expected)} -> {'PASS' if ok else 'FAIL'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--maqal", default=os.path.join(ROOT, ".build", "release", "maqal"))
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--corpus-bytes", type=int, default=40_000_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--skip-spark", action="store_true")
    arguments = parser.parse_args()
    os.environ["MAQAL_BIN"] = os.path.abspath(arguments.maqal)
    from maqal.datatrove import MaqalExtractor

    work = tempfile.mkdtemp(prefix="maqal-integration-")
    failures = 0
    try:
        generated_folder = os.path.join(work, "generated")
        os.makedirs(generated_folder)
        warc_path = os.path.join(generated_folder, "crawl.warc.gz")
        with open(warc_path, "wb") as stream:
            written = make_warc.generated(make_warc.WARCWriter(stream), arguments.pages)
        # A 404 page is an HTML record too: datatrove's WarcReader hands it on (it reads no status), and
        # its text is "not found"; maqal_spark.py, like maqal warc, passes non-2xx responses over.
        every_page = [(record_id, make_warc.title_of(n) if n is not None else "not found") for record_id, _, n in written]
        expected = [(record_id, make_warc.title_of(n)) for record_id, _, n in written if n is not None]
        print(f"== generated WARC: {len(expected)} articles and {len(every_page) - len(expected)} 404 pages among "
              f"images, revisits, requests and metadata, {os.path.getsize(warc_path)} bytes")

        # 1. datatrove
        rows, cpu, wall = datatrove_run(generated_folder, MaqalExtractor(), work, "maqal-generated")
        got = [(row["id"], row["text"]) for row in rows]
        failures += not check("datatrove WarcReader → MaqalExtractor → JsonlWriter", got, every_page)
        by_id = {row["id"]: row for row in rows}
        titles = sum(1 for record_id, title in expected if by_id.get(record_id, {}).get("metadata", {}).get("title") == title)
        structured = sum(1 for row in rows if json.loads(row["metadata"].get("maqal", "{}")).get("body"))
        print(f"  metadata.title right: {titles}/{len(expected)}; maqal document kept in metadata: {structured}/{len(rows)}")

        # 2. Spark
        if arguments.skip_spark:
            print("spark: skipped (--skip-spark)")
        else:
            failures += not spark_run(warc_path, expected, work)

        # 3. speed beside Trafilatura
        if os.path.isdir(arguments.corpus):
            failures += not speed(arguments, work, MaqalExtractor)
        else:
            print(f"speed: the corpus {arguments.corpus} is missing; the comparison needs its real pages")
            failures += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("integration:", "PASS" if not failures else f"{failures} FAILED")
    return 1 if failures else 0


def spark_run(warc_path: str, expected: list, work: str) -> bool:
    paths = os.path.join(work, "warc.paths")
    with open(paths, "w") as handle:
        handle.write(f"file://{warc_path}\n")
    # The package ships to the executors as a zip, as on a cluster.
    package_zip = os.path.join(work, "maqal-python.zip")
    with zipfile.ZipFile(package_zip, "w") as archive:
        for path in glob.glob(os.path.join(PACKAGE, "src", "maqal", "*.py")):
            archive.write(path, os.path.join("maqal", os.path.basename(path)))
    output = os.path.join(work, "spark-out")
    submit = os.path.join(os.path.dirname(sys.executable), "spark-submit")
    command = [submit, "--master", "local[2]", "--py-files", package_zip, "--conf", "spark.ui.showConsoleProgress=false",
               "--conf", f"spark.executorEnv.MAQAL_BIN={os.environ['MAQAL_BIN']}",
               os.path.join(PACKAGE, "spark", "maqal_spark.py"), paths, output,
               "--num_input_partitions", "2", "--num_output_partitions", "1"]
    print("$", " ".join(command))
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYSPARK_PYTHON": sys.executable})
    if result.returncode != 0:
        print(result.stderr[-4000:])
        print("spark-submit: FAIL")
        return False
    print(f"  spark-submit ran in {time.perf_counter() - started:.1f} s")
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[1]").appName("maqal-check")
               .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    rows = session.read.parquet(output).collect()
    session.stop()
    by_id = {row["id"]: row for row in rows}
    got = [(row_id, by_id[row_id]["text"] if row_id in by_id else None) for row_id, _ in expected]
    got = [pair for pair in got if pair[1] is not None]
    ok = check("spark-submit --master local[2] maqal_spark.py → Parquet", got, expected) and len(rows) == len(expected)
    print(f"  Parquet rows: {len(rows)}; ok: {sum(1 for row in rows if row['ok'])}; "
          f"language ar: {sum(1 for row in rows if row['language'] == 'ar')}")
    return ok


def speed(arguments, work: str, MaqalExtractor) -> bool:
    from datatrove.pipeline.extractors import Trafilatura

    sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
    import eval as scoring  # make eval's truth files and multiset-of-words F1

    folder = os.path.join(work, "corpus-warc")
    os.makedirs(folder)
    path = os.path.join(folder, "corpus.warc.gz")
    with open(path, "wb") as stream:
        pages = make_warc.from_corpus(make_warc.WARCWriter(stream), arguments.corpus, arguments.corpus_bytes)
    print(f"== speed: a WARC of the corpus's HTML pages repeated, {pages} pages, {os.path.getsize(path) / 1e6:.1f} MB; "
          f"each pipeline run {arguments.rounds} times after a first run, the least CPU kept")
    truths = {}
    for name in os.listdir(os.path.join(arguments.corpus, "html")) + os.listdir(os.path.join(arguments.corpus, "legacy-encoding")):
        stem = os.path.splitext(name)[0]
        text = scoring.truth_for(arguments.corpus, stem).get("text")
        if text:
            truths[name] = text

    def measured(step_factory, name, writer=True):
        best = None
        for round_ in range(arguments.rounds + 1):
            rows, cpu, wall = datatrove_run(folder, step_factory(), work, name, writer=writer)
            if round_ and (best is None or cpu < best[1]):
                best = (rows, cpu, wall)
        return best

    def f1(rows):
        scores, seen = [], set()
        for row in rows:
            page = row["metadata"].get("url", "").rsplit("/", 1)[-1]
            if page in truths and page not in seen:
                seen.add(page)
                scores.append(scoring.prf(row["text"], truths[page])[2])
        return sum(scores) / len(scores) if scores else 0.0, len(scores)

    # Trafilatura's timeout is wall time: on a busy machine its default second drops pages that only
    # waited for the CPU, so it gets ten. Its deduplication would blank the repeated pages of this
    # WARC after their first copy: it is off, so both steps answer every page.
    steps = {"MaqalExtractor": lambda: MaqalExtractor(keep_structure=False),
             "Trafilatura": lambda: Trafilatura(timeout=10, deduplicate=False)}
    # The step alone: WarcReader → step against WarcReader by itself (no writer, whose cost depends on
    # how much text comes out), the step's child processes included.
    _, read_cpu, read_wall = measured(lambda: None, "read-only", writer=False)
    alone = {name: measured(factory, name + "-alone", writer=False) for name, factory in steps.items()}
    whole = {name: measured(factory, name) for name, factory in steps.items()}
    print(f"{'pipeline':<44} {'docs':>5} {'CPU s':>6} {'wall s':>6} {'docs/CPU-s':>10} {'text F1':>8}")
    print(f"{'WarcReader alone':<44} {pages:>5} {read_cpu:>6.2f} {read_wall:>6.2f}")
    rates = {}
    for name in steps:
        rows, cpu, wall = whole[name]
        _, step_total, _ = alone[name]
        step_cpu = step_total - read_cpu
        rates[name] = (len(rows) / cpu, len(rows) / step_cpu if step_cpu > 0 else float("inf"))
        score, scored = f1(rows)
        print(f"{'WarcReader → ' + name + ' → JsonlWriter':<44} {len(rows):>5} {cpu:>6.2f} {wall:>6.2f} "
              f"{rates[name][0]:>10.1f} {score:>8.3f}  (F1 over the {scored} distinct pages with truth text)")
        print(f"{'  ' + name + ' step alone (minus WarcReader)':<44} {len(rows):>5} {step_cpu:>6.2f} "
              f"{'':>6} {rates[name][1]:>10.1f}")
    ratio_whole = rates["MaqalExtractor"][0] / rates["Trafilatura"][0]
    ratio_step = rates["MaqalExtractor"][1] / rates["Trafilatura"][1]
    print(f"MaqalExtractor vs Trafilatura: {ratio_step:.1f}× the documents per CPU-second of the extraction step "
          f"(target ≥ 10×: {'met' if ratio_step >= 10 else 'NOT met'}); {ratio_whole:.1f}× for the whole pipeline, "
          f"WarcReader's own reading and decoding and the writer included")
    return len(whole["MaqalExtractor"][0]) > 0


if __name__ == "__main__":
    sys.exit(main())
