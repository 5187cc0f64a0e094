#!/usr/bin/env python3
"""maqal beside the tools people use today, on the same pages in the same run.

Creates .venv-compare (git-ignored) with trafilatura, readability-lxml and jusText from PyPI,
runs each tool (and maqal) over the HTML pages of ../shared/corpus in its own process, and
prints pages/s, MB/s, peak RSS and the same quality scores as `make eval`. The table is written
to Benchmarks/RESULTS.md with the date, the machine and the command.

    python3 Benchmarks/compare.py [--corpus ../shared/corpus] [--rounds 3]
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VENV = os.path.join(ROOT, ".venv-compare")
PEERS = ["trafilatura", "readability-lxml", "jusText"]
KEEP_MARKER = "<!-- sections below are kept by compare.py -->"


def venv_python():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "trafilatura", "readability-lxml", "justext",
                        "lxml_html_clean"], check=True)
    return python


def html_pages(corpus):
    pages = []
    for folder in ("html", "legacy-encoding"):
        path = os.path.join(corpus, folder)
        for name in sorted(os.listdir(path)):
            if name.endswith(".html"):
                pages.append(os.path.join(path, name))
    return pages


# -- workers: one process per tool, printing {"seconds": …, "texts": {page: text}} -----------------

def worker(tool, pages, rounds):
    blobs = {page: open(page, "rb").read() for page in pages}
    texts = {}
    if tool == "trafilatura":
        import trafilatura

        def run(data):
            result = trafilatura.extract(data, output_format="json", with_metadata=True)
            return json.loads(result)["text"] if result else ""
    elif tool == "readability-lxml":
        import lxml.html
        from readability import Document

        def run(data):
            summary = Document(data).summary()
            return lxml.html.fromstring(summary).text_content() if summary else ""
    elif tool == "jusText":
        import justext

        stoplist = justext.get_stoplist("Arabic")

        def run(data):
            return "\n".join(p.text for p in justext.justext(data, stoplist) if not p.is_boilerplate)
    else:
        raise SystemExit(f"unknown tool {tool}")
    for page, data in blobs.items():  # warm-up, and the texts scored
        try:
            texts[page] = run(data)
        except Exception as error:  # a peer failing on a page is a result too
            texts[page] = ""
            print(f"{tool}: {os.path.basename(page)}: {error}", file=sys.stderr)
    start = time.perf_counter()
    for _ in range(rounds):
        for data in blobs.values():
            try:
                run(data)
            except Exception:
                pass
    seconds = (time.perf_counter() - start) / rounds
    print(json.dumps({"seconds": seconds, "texts": texts}, ensure_ascii=False))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker")
    parser.add_argument("--pages", nargs="*")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.pages, args.rounds)
        return 0
    if not os.path.isdir(args.corpus):
        print(f"compare: the corpus folder {args.corpus} is missing")
        return 1
    sys.path.insert(0, HERE)
    import eval as scoring

    python = venv_python()
    pages = html_pages(args.corpus)
    megabytes = sum(os.path.getsize(p) for p in pages) / 1e6
    results = {}
    for tool in PEERS:
        command = [python, os.path.abspath(__file__), "--worker", tool, "--rounds", str(args.rounds), "--pages", *pages]
        stdout, rss = run_child(command)
        data = json.loads(stdout)
        results[tool] = {"seconds": data["seconds"], "texts": data["texts"], "rss": rss}

    maqal = os.path.join(ROOT, ".build", "release", "maqal")

    def maqal_run(passes):
        """Best wall time of one `maqal parse` process over the pages `passes` times; its stdout and RSS."""
        best, stdout, rss = None, b"", 0.0
        for _ in range(args.rounds + 1):
            start = time.perf_counter()
            stdout, rss = run_child([maqal, "parse", *(pages * passes), "--format", "ndjson"])
            wall = time.perf_counter() - start
            best = wall if best is None else min(best, wall)
        return best, stdout, rss

    once, stdout, rss = maqal_run(1)
    texts = {}
    for line, page in zip(stdout.decode().splitlines(), pages):
        document = json.loads(line)
        title = document["metadata"]["title"] or ""
        texts[page] = title + "\n" + "\n".join(scoring.block_texts(document["body"]))
    results["maqal"] = {"seconds": once, "texts": texts, "rss": rss}
    # The peers are timed warm, in-process, without their start-up; maqal's like of that is the time
    # its process takes for each further pass over the pages, start-up and first pass taken away.
    repeated, _, repeated_rss = maqal_run(1 + args.rounds)
    results["maqal, warm"] = {"seconds": (repeated - once) / args.rounds, "texts": texts, "rss": repeated_rss}

    rows = []
    for tool, result in results.items():
        f1s, dates = [], 0
        for page in pages:
            stem = os.path.basename(page).rsplit(".", 1)[0]
            truth = scoring.truth_for(args.corpus, stem)
            if "text" in truth:
                f1s.append(scoring.prf(result["texts"].get(page, ""), truth["text"])[2])
        decoded = sum(1 for page in pages if "legacy-encoding" in page and
                      any("\u0600" <= ch <= "\u06ff" for ch in result["texts"].get(page, "")) and
                      not any("\u0400" <= ch <= "\u04ff" or "\u00c0" <= ch <= "\u00ff" for ch in result["texts"].get(page, "")))
        legacy = sum(1 for page in pages if "legacy-encoding" in page)
        rows.append((tool, len(pages) / result["seconds"], megabytes / result["seconds"], result["rss"],
                     sum(f1s) / len(f1s) if f1s else 0.0, f"{decoded}/{legacy}"))

    speeds = dict((row[0], row[2]) for row in rows)
    header = ("| tool | pages/s | MB/s | maqal's speed × | maqal warm × | peak RSS MB | mean text F1 | legacy pages decoded |\n"
              "|---|---:|---:|---:|---:|---:|---:|---:|")
    lines = [header]
    for tool, pps, mbps, rss, f1, decoded in rows:
        lines.append(f"| {tool} | {pps:.1f} | {mbps:.2f} | {speeds['maqal'] / mbps:.1f} | {speeds['maqal, warm'] / mbps:.1f} "
                     f"| {rss:.1f} | {f1:.3f} | {decoded} |")
    table = "\n".join(lines)
    print(table)
    peer = speeds["trafilatura"]
    def judged(ratio):
        return f"{ratio:.1f}× ({'met' if ratio >= 25 else 'MISSED'})"
    verdict = (f"Target ≥ 25× trafilatura's throughput: whole process {judged(speeds['maqal'] / peer)}, "
               f"warm {judged(speeds['maqal, warm'] / peer)}.")
    print(verdict)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    report = f"""# maqal beside its peers

Measured {datetime.date.today().isoformat()} on {os.cpu_count()} cores ({cpu}), {platform.platform()}.
Command: `make compare` (`python3 Benchmarks/compare.py --rounds {args.rounds}`), over the {len(pages)} HTML pages of
`../shared/corpus` (html/ and legacy-encoding/, {megabytes:.2f} MB). Each peer runs in-process in its own Python process
(time over {args.rounds} rounds after a warm-up, text extraction with metadata where the tool offers it); maqal runs as one
`maqal parse … --format ndjson` process over all pages (best of {args.rounds + 1} runs, start-up included). "maqal, warm"
is timed as the peers are, without start-up and first pass: the extra time of a process given the pages
{args.rounds + 1} times over one given them once, divided by {args.rounds}. Peak RSS is each process's own. Text F1 is the multiset-of-words F1 of `make eval` on the pages whose truth holds the main text
(maqal's title is scored with its body, as the truth files include the headline). "Legacy pages decoded" counts the
windows-1256/ISO-8859-6 pages whose output is Arabic with no Latin-1 or Cyrillic look-alikes.

{table}

{verdict}
"""
    path = os.path.join(HERE, "RESULTS.md")
    # Sections other runs wrote (corpus scale: make bench's WARC figures, make integration) stay.
    kept = ""
    if os.path.exists(path):
        previous = open(path, encoding="utf-8").read()
        if KEEP_MARKER in previous:
            kept = "\n" + previous[previous.index(KEEP_MARKER):]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(report + kept)
    return 0


def run_child(command):
    """Runs a command to the end; returns its stdout and its own peak RSS in MB (kernel accounting)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    stdout = process.stdout.read()
    process.stdout.close()
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    return stdout, usage.ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
