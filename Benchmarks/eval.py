#!/usr/bin/env python3
"""Scores maqal on the real pages in ../shared/corpus against the truth files there.

Main-text precision, recall and F1 over the multiset of word tokens; title and date matches;
fundus sections and paragraphs; and checks that need no truth: no U+FFFD, no mojibake
pattern, a title and a body, no boilerplate phrase left in the body. Prints one row per page
and a summary, and exits non-zero when a figure falls below Benchmarks/eval-floors.json.

    python3 Benchmarks/eval.py --maqal .build/release/maqal [--corpus ../shared/corpus] [--json]
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
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


def pages(corpus):
    for folder in ("html", "legacy-encoding", "text"):
        path = os.path.join(corpus, folder)
        for name in sorted(os.listdir(path)):
            if name.endswith((".html", ".htm", ".txt")):
                yield folder, os.path.join(path, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maqal", default=os.path.join(HERE, "..", ".build", "release", "maqal"))
    parser.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus"))
    parser.add_argument("--floors", default=os.path.join(HERE, "eval-floors.json"))
    parser.add_argument("--json", action="store_true", help="print the rows as JSON lines too")
    args = parser.parse_args()

    if not os.path.isdir(args.corpus):
        print(f"eval: the corpus folder {args.corpus} is missing (it lives in ../shared/corpus beside the repository)")
        return 0 if os.environ.get("EVAL_OPTIONAL") == "1" else 1

    rows, problems = [], []
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
        # A plain text that opens with prose has no title line, and maqal invents none.
        if not metadata["title"] and document["source"]["format"] == "html":
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
