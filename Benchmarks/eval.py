#!/usr/bin/env python3
"""Scores maqal on the real pages in ../shared/corpus against the truth files there.

Main-text precision, recall and F1 over the multiset of word tokens; title and date matches;
fundus sections and paragraphs; and checks that need no truth: no U+FFFD, no mojibake
pattern, a title and a body, no boilerplate phrase left in the body. Then the structure truth of
Benchmarks/structure-truth/ (title, section heads with levels, list sizes, furniture that must be
absent), scored for maqal and, where it is installed, for trafilatura on the same checks. Prints
one row per page and a summary, and exits non-zero when a figure falls below
Benchmarks/eval-floors.json.

    python3 Benchmarks/eval.py --maqal .build/release/maqal [--corpus ../shared/corpus] [--json]
"""
import argparse
import collections
import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STRUCTURE = os.path.join(HERE, "structure-truth")
# make compare's virtual environment, where trafilatura is installed (eval itself installs nothing).
PEER_PYTHON = os.path.join(HERE, "..", ".venv-compare", "bin", "python")
# Joiners and direction marks: some tools drop the ZWNJ inside Persian words, which would split or join words.
INVISIBLE = re.compile("[\u200b-\u200f\u2066-\u2069\ufeff]")
MOJIBAKE = ["Ø§", "Ã˜", "ط§ظ„", "ÙŠ", "Ù„"]
# Phrases that must never survive in a body (ARABIC.md §4 S/X classes), as keys.
BOILERPLATE = ["زر الذهاب إلى الأعلى", "مقالات ذات صلة", "اترك تعليقاً", "جميع الحقوق محفوظة",
               "لن يتم نشر عنوان بريدك الإلكتروني", "جدول المحتويات", "شارك المقال"]


def key(text):
    """A matching key like maqal's ArabicKey: harakat and tatweel gone, alef/yeh/teh folded."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u064b-\u0652\u0670\u0640]", "", text)
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return " ".join(re.findall(r"\w+", text.lower()))


def tokens(text):
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def prf(found, truth):
    got, want = collections.Counter(tokens(found)), collections.Counter(tokens(truth))
    overlap = sum((got & want).values())
    if not got or not want:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    f1 = 0.0 if overlap == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def block_texts(blocks):
    for block in blocks:
        kind = block["type"]
        if kind == "section":
            yield block["heading"]["text"]
            yield from block_texts(block["children"])
        elif kind in ("paragraph", "code"):
            yield block["text"]
        elif kind == "list":
            for item in block["items"]:
                yield item["text"]
                yield from block_texts(item["children"])
        elif kind == "quote":
            yield from block_texts(block["children"])
        elif kind == "table":
            for row in block["header"] + block["rows"]:
                yield " ".join(row)
        elif kind == "figure" and block.get("caption"):
            yield block["caption"]


def count(blocks, kind):
    total = 0
    for block in blocks:
        if block["type"] == kind:
            total += 1
        for child in ("children",):
            if child in block:
                total += count(block[child], kind)
        if block["type"] == "list":
            for item in block["items"]:
                total += count(item["children"], kind)
    return total


def truth_for(corpus, stem):
    """The truth that exists for a page: text, title, date, sections/paragraphs, snippets."""
    folder = os.path.join(corpus, "truth")
    found = {}
    def load(suffix):
        path = os.path.join(folder, stem + suffix)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                return handle.read()
        return None
    if (raw := load(".magic-html.json")):
        found["text"] = json.loads(raw)["record"]["content"]
    if (raw := load(".text.txt")):
        found["text"] = raw
    if (raw := load(".metadata.json")):
        data = json.loads(raw)
        found["title"] = data.get("title")
    if (raw := load(".fundus.json")):
        data = json.loads(raw)["V1"]
        sections = data["body"]["sections"]
        found["text"] = "\n".join(p for s in sections for p in s["headline"] + s["paragraphs"])
        found["title"] = data["title"]
        found["date"] = data["publishing_date"][:10]
        found["paragraphs"] = sum(len(s["paragraphs"]) for s in sections)
    if (raw := load(".date.json")):
        found["date"] = json.loads(raw)["record"]["date"]
    if (raw := load(".trafilatura-eval.json")):
        record = json.loads(raw)["record"]
        found["title"] = record["title"]
        found["with"], found["without"] = record["with"], record["without"]
    return found


# -- structure truth ---------------------------------------------------------------------------------

def skey(text):
    """The matching key for structure checks: key() with invisible joiners and marks removed."""
    return key(INVISIBLE.sub("", text or ""))


def structure_truths():
    """The structure truth files by corpus page (`html/NAME.html`), written by reading each page."""
    found = {}
    if os.path.isdir(STRUCTURE):
        for name in sorted(os.listdir(STRUCTURE)):
            if name.endswith(".json"):
                with open(os.path.join(STRUCTURE, name), encoding="utf-8") as handle:
                    truth = json.load(handle)
                found[truth["page"]] = truth
    return found


def section_heads(blocks):
    """(level, text) of every section head of a maqal body, in document order."""
    for block in blocks:
        if block["type"] == "section":
            yield block["level"], block["heading"]["text"]
            yield from section_heads(block["children"])
        elif block["type"] == "list":
            for item in block["items"]:
                yield from section_heads(item["children"])
        elif block["type"] == "quote":
            yield from section_heads(block["children"])


def list_sizes(blocks):
    """The item count of every list of a maqal body, nested lists on their own, in document order."""
    for block in blocks:
        if block["type"] == "list":
            yield len(block["items"])
            for item in block["items"]:
                yield from list_sizes(item["children"])
        elif block["type"] in ("section", "quote"):
            yield from list_sizes(block["children"])


def multiset_f1(found, truth):
    """F1 of two multisets; 1.0 when both are empty (nothing to find, nothing invented)."""
    if not found and not truth:
        return 1.0
    overlap = sum((collections.Counter(found) & collections.Counter(truth)).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(found), overlap / len(truth)
    return 2 * precision * recall / (precision + recall)


def relative_heads(heads):
    """Heads as (depth below the page's top section level, key): the outline's shape, whatever level it starts at."""
    heads = [(int(level), text) for level, text in heads]
    if not heads:
        return []
    top = min(level for level, _ in heads)
    return [(level - top, skey(text)) for level, text in heads]


def score_structure(truth, title, heads, lists, text):
    """One page's structure scores against its truth; a check the truth leaves out is not scored."""
    row = {}
    if "title" in truth:
        row["title"] = skey(truth["title"]) == skey(title)
    if "headings" in truth:
        # A head that repeats the title is the headline inside the text (trafilatura keeps the h1), not a section.
        sections = [(level, text) for level, text in heads if not truth.get("title") or skey(text) != skey(truth["title"])]
        row["headings"] = multiset_f1(relative_heads(sections), relative_heads(truth["headings"]))
    if "lists" in truth:
        row["lists"] = multiset_f1(list(lists), truth["lists"])
    padded = f" {skey(text)} "
    row["absent"] = sum(f" {skey(phrase)} " not in padded for phrase in truth["absent"])
    row["absentOf"] = len(truth["absent"])
    return row


def structure_summary(rows):
    """Titles matched, mean heading and list F1, furniture kept out, over the rows given."""
    def mean(values):
        return sum(values) / len(values) if values else 0.0
    return {
        "structureTitles": sum(row["title"] for row in rows if "title" in row),
        "structureTitlesOf": sum("title" in row for row in rows),
        "structureHeadings": mean([row["headings"] for row in rows if "headings" in row]),
        "structureLists": mean([row["lists"] for row in rows if "lists" in row]),
        "structureAbsent": sum(row["absent"] for row in rows),
        "structureAbsentOf": sum(row["absentOf"] for row in rows),
    }


def describe_structure(summary):
    return (f"titles {summary['structureTitles']}/{summary['structureTitlesOf']}, "
            f"heads F1 {summary['structureHeadings']:.3f}, lists F1 {summary['structureLists']:.3f}, "
            f"furniture kept out {summary['structureAbsent']}/{summary['structureAbsentOf']}")


def trafilatura_structure(paths):
    """trafilatura's title, heads (XML `head rend="hN"`), list sizes and text for each HTML page."""
    import trafilatura
    from lxml import etree

    found = {}
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            xml = trafilatura.extract(data, output_format="xml", with_metadata=True)
        except Exception:  # a peer failing on a page is a result too
            xml = None
        if not xml:
            found[path] = {"title": None, "heads": [], "lists": [], "text": ""}
            continue
        root = etree.fromstring(xml)
        main = root.find("main")
        heads, lists, text = [], [], ""
        if main is not None:
            for head in main.iter("head"):
                rend = head.get("rend") or "h2"
                level = int(rend[1:]) if re.fullmatch(r"h[1-6]", rend) else 2
                heads.append((level, " ".join("".join(head.itertext()).split())))
            lists = [len(element.findall("item")) for element in main.iter("list")]
            text = " ".join(main.itertext())
        title = root.get("title")
        found[path] = {"title": title, "heads": heads, "lists": lists, "text": f"{title or ''}\n{text}"}
    return found


def peer_structure(paths):
    """trafilatura's structure per page from this Python or make compare's venv, else None and why."""
    if importlib.util.find_spec("trafilatura") is not None:
        return trafilatura_structure(paths), None
    if not os.path.exists(PEER_PYTHON):
        return None, "trafilatura is not installed here and .venv-compare is missing (make compare creates it)"
    result = subprocess.run([PEER_PYTHON, os.path.abspath(__file__), "--trafilatura-worker", *paths],
                            capture_output=True)
    if result.returncode != 0:
        return None, f"trafilatura in .venv-compare failed: {result.stderr.decode(errors='replace').strip()[-300:]}"
    return json.loads(result.stdout), None


def pages(corpus):
    for folder in ("html", "legacy-encoding", "text"):
        path = os.path.join(corpus, folder)
        for name in sorted(os.listdir(path)):
            if name.endswith((".html", ".htm", ".txt")):
                yield folder, os.path.join(path, name)


def print_structure(structure_rows, truth_count):
    """The structure table, maqal beside trafilatura on the HTML pages; returns maqal's summary."""
    html = [path for path, _, _ in structure_rows if path.endswith((".html", ".htm"))]
    peer, skipped = peer_structure(html) if html else (None, "no HTML pages")
    peer_rows = {}
    if peer:
        for path, truth, _ in structure_rows:
            if path in peer:
                found = peer[path]
                peer_rows[path] = score_structure(truth, found["title"], found["heads"], found["lists"], found["text"])

    def cells(row):
        if row is None:
            return f"{'':5} {'':5} {'':5} {'':5}"
        title = "-" if "title" not in row else ("ok" if row["title"] else "MISS")
        heads = f"{row['headings']:5.2f}" if "headings" in row else f"{'-':>5}"
        lists = f"{row['lists']:5.2f}" if "lists" in row else f"{'-':>5}"
        return f"{title:5} {heads} {lists} {row['absent']:>2}/{row['absentOf']:<2}"

    print(f"\nstructure truth ({truth_count} pages in Benchmarks/structure-truth/): title, heads F1, lists F1, "
          f"furniture kept out")
    print(f"{'page':48} {'maqal':24} trafilatura")
    for path, _, row in structure_rows:
        print(f"{os.path.basename(path)[:48]:48} {cells(row)}      {cells(peer_rows.get(path))}")
    summary = structure_summary([row for _, _, row in structure_rows])
    print(f"structure: maqal, all {len(structure_rows)} pages: {describe_structure(summary)}")
    if peer_rows:
        on_html = structure_summary([row for path, _, row in structure_rows if path in peer_rows])
        print(f"structure: maqal, the {len(peer_rows)} HTML pages: {describe_structure(on_html)}")
        print(f"structure: trafilatura, the same {len(peer_rows)} HTML pages: "
              f"{describe_structure(structure_summary(list(peer_rows.values())))}")
    else:
        print(f"structure: trafilatura skipped: {skipped}")
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maqal", default=os.path.join(HERE, "..", ".build", "release", "maqal"))
    parser.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus"))
    parser.add_argument("--floors", default=os.path.join(HERE, "eval-floors.json"))
    parser.add_argument("--json", action="store_true", help="print the rows as JSON lines too")
    parser.add_argument("--trafilatura-worker", nargs="+", metavar="PAGE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.trafilatura_worker:
        print(json.dumps(trafilatura_structure(args.trafilatura_worker), ensure_ascii=False))
        return 0

    if not os.path.isdir(args.corpus):
        print(f"eval: the corpus folder {args.corpus} is missing (it lives in ../shared/corpus beside the repository)")
        return 0 if os.environ.get("EVAL_OPTIONAL") == "1" else 1

    rows, problems = [], []
    truths = structure_truths()
    structure_rows = []  # (path, structure truth, maqal's scores)
    for folder, path in pages(args.corpus):
        name = os.path.basename(path)
        stem = name.rsplit(".", 1)[0]
        result = subprocess.run([args.maqal, path, "--format", "json", "--compact"], capture_output=True)
        if result.returncode != 0:
            problems.append(f"{name}: maqal failed: {result.stderr.decode(errors='replace').strip()}")
            continue
        document = json.loads(result.stdout)
        metadata = document["metadata"]
        body = "\n".join(block_texts(document["body"]))
        everything = json.dumps(document, ensure_ascii=False)
        truth = truth_for(args.corpus, stem)
        row = {"page": name, "encoding": document["source"]["encoding"], "words": document["stats"]["words"],
               "title": bool(metadata["title"]), "published": metadata["published"]}
        if "\ufffd" in everything:
            problems.append(f"{name}: U+FFFD in the output")
        if any(pattern in everything for pattern in MOJIBAKE):
            problems.append(f"{name}: a mojibake pattern is left in the output")
        # A plain text that opens with prose has no title line, and maqal invents none; nor does a
        # page whose structure truth says it has no headline (a test page titled with its encoding).
        structure = truths.get(f"{folder}/{name}")
        untitled = structure is not None and "title" in structure and structure["title"] is None
        if not metadata["title"] and document["source"]["format"] == "html" and not untitled:
            problems.append(f"{name}: no title")
        if not document["body"] and folder != "legacy-encoding":
            problems.append(f"{name}: empty body")
        body_key = key(body)
        for phrase in BOILERPLATE:
            if key(phrase) in body_key:
                problems.append(f"{name}: boilerplate '{phrase}' left in the body")
        if "text" in truth:
            scored = body
            # Some truth files start with the headline: score the title with the body there.
            if metadata["title"] and key(metadata["title"])[:60] in key(truth["text"][:600]):
                scored = metadata["title"] + "\n" + body
            row["precision"], row["recall"], row["f1"] = prf(scored, truth["text"])
        if truth.get("title"):
            row["titleMatch"] = key(truth["title"]) == key(metadata["title"] or "")
        if truth.get("date"):
            row["truthDate"] = truth["date"]
            row["dateMatch"] = (metadata["published"] or "")[:10] == truth["date"]
        if "with" in truth:
            row["snippets"] = sum(key(s) in body_key for s in truth["with"]) + \
                sum(key(s) not in body_key for s in truth["without"])
            row["snippetsOf"] = len(truth["with"]) + len(truth["without"])
        if "paragraphs" in truth:
            row["paragraphs"] = count(document["body"], "paragraph")
            row["truthParagraphs"] = truth["paragraphs"]
        rows.append(row)
        if (structure := truths.get(f"{folder}/{name}")):
            shown = "\n".join([metadata["title"] or "", *metadata["subtitles"], body])
            structure_rows.append((path, structure, score_structure(
                structure, metadata["title"], list(section_heads(document["body"])),
                list_sizes(document["body"]), shown)))

    print(f"{'page':48} {'enc':12} {'words':>6} {'P':>5} {'R':>5} {'F1':>5}  date")
    for row in rows:
        f1 = f"{row['precision']:5.2f} {row['recall']:5.2f} {row['f1']:5.2f}" if "f1" in row else f"{'':5} {'':5} {'':5}"
        date = ""
        if "truthDate" in row:
            date = f"{row['published'] or '-'} vs {row['truthDate']} {'ok' if row['dateMatch'] else 'MISS'}"
        extra = ""
        if "snippets" in row:
            extra += f" snippets {row['snippets']}/{row['snippetsOf']}"
        if "paragraphs" in row:
            extra += f" paragraphs {row['paragraphs']}/{row['truthParagraphs']}"
        if "titleMatch" in row:
            extra += f" title {'ok' if row['titleMatch'] else 'MISS'}"
        print(f"{row['page'][:48]:48} {row['encoding']:12} {row['words']:6} {f1}  {date}{extra}")
        if args.json:
            print(json.dumps(row, ensure_ascii=False))

    scored = [row["f1"] for row in rows if "f1" in row]
    dates = [row["dateMatch"] for row in rows if "dateMatch" in row]
    titles = [row["titleMatch"] for row in rows if "titleMatch" in row]
    summary = {
        "pages": len(rows) + len([p for p in problems if "maqal failed" in p]),
        "meanF1": sum(scored) / len(scored) if scored else 0.0,
        "minF1": min(scored) if scored else 0.0,
        "datesMatched": sum(dates), "dates": len(dates),
        "titlesMatched": sum(titles), "titles": len(titles),
        "problems": len(problems),
    }
    print(f"summary: {summary['pages']} pages, mean F1 {summary['meanF1']:.3f} (min {summary['minF1']:.3f}) over "
          f"{len(scored)} pages with truth text, dates {summary['datesMatched']}/{summary['dates']}, "
          f"titles {summary['titlesMatched']}/{summary['titles']}, {summary['problems']} problems")
    for problem in problems:
        print(f"problem: {problem}")

    summary.update(print_structure(structure_rows, len(truths)))
    untruthed = [f"{folder}/{os.path.basename(path)}" for folder, path in pages(args.corpus)
                 if f"{folder}/{os.path.basename(path)}" not in truths]
    if untruthed:
        print(f"structure: {len(untruthed)} corpus pages have no truth file yet: {', '.join(untruthed)}")

    failed = []
    if os.path.exists(args.floors):
        with open(args.floors, encoding="utf-8") as handle:
            floors = json.load(handle)
        for name, floor in floors.items():
            if name.startswith("_"):
                continue
            value = summary[name]
            ok = value <= floor if name == "problems" else value >= floor
            if not ok:
                failed.append(f"{name} {value} is below the floor {floor}")
    for failure in failed:
        print(f"FAIL: {failure}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
