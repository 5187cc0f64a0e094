#!/usr/bin/env python3
"""Saved pages at the speed of plain ones: the largest corpus page as it is, wrapped as Chrome's
MHTML (quoted-printable), gzipped, and as SingleFile saves it with several MB of inlined images.

Each file is parsed by the release binary (`maqal FILE --format json`) a few times; the report
gives the best wall time, the time per MB of the page's own HTML, and the JSON's size (an
inlined image must not reach it). Run by `make bench` (Benchmarks/bench.sh) or alone:

    python3 Benchmarks/saved-bench.py [--maqal .build/release/maqal] [--corpus ../shared/corpus]
"""
import argparse
import base64
import gzip
import os
import subprocess
import sys
import tempfile
import time



def quoted_printable(data):
    lines = []
    for raw in data.split(b"\n"):
        out, width = [], 0
        for byte in raw.rstrip(b"\r"):
            token = chr(byte) if 0x20 <= byte <= 0x7E and byte != 0x3D else "=%02X" % byte
            if width + len(token) > 75:
                out.append("=\r\n")
                width = 0
            out.append(token)
            width += len(token)
        lines.append("".join(out))
    return "\r\n".join(lines)


def mhtml(page):
    boundary = "----MultipartBoundary--bench----"
    return ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://bench.example/page\r\nSubject: bench\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"%s\"\r\n\r\n"
            "--%s\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n%s\r\n--%s--\r\n"
            % (boundary, boundary, quoted_printable(page), boundary)).encode("ascii")


def singlefile(page, megabytes):
    """The page with `megabytes` of base64 JPEG-like data inlined in three images after its first paragraph."""
    chunk = os.urandom(int(megabytes * 1e6 * 3 / 4 / 3))
    images = "".join('<figure><img src="data:image/jpeg;base64,%s" alt="bench %d"></figure>'
                     % (base64.b64encode(b"\xff\xd8\xff\xe0" + chunk).decode(), n) for n in range(3))
    text = page.decode("utf-8", "replace")
    at = text.find("</p>")
    at = at + 4 if at >= 0 else len(text) // 2
    return ('<!-- Page saved with SingleFile \n url: https://bench.example/page \n-->' + text[:at] + images
            + text[at:]).encode("utf-8")


def best(maqal, path, runs):
    times = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([maqal, path, "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             check=True)
        times.append(time.perf_counter() - start)
        size = len(out.stdout)
    return min(times), size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--maqal", default=".build/release/maqal")
    parser.add_argument("--corpus", default="../shared/corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=9)
    args = parser.parse_args()
    pages = [os.path.join(args.corpus, "html", name) for name in os.listdir(os.path.join(args.corpus, "html"))]
    largest = max(pages, key=os.path.getsize)
    page = open(largest, "rb").read()
    html_mb = len(page) / 1e6
    with tempfile.TemporaryDirectory() as scratch:
        forms = {
            "plain .html": ("page.html", page),
            "MHTML, quoted-printable": ("page.mhtml", mhtml(page)),
            ".html.gz": ("page.html.gz", gzip.compress(page)),
            "SingleFile, %.0f MB of data: images" % args.megabytes: ("single.html", singlefile(page, args.megabytes)),
        }
        print("page: %s (%.2f MB of HTML); best of %d runs of `maqal FILE --format json`"
              % (os.path.basename(largest), html_mb, args.runs))
        for label, (name, data) in forms.items():
            path = os.path.join(scratch, name)
            with open(path, "wb") as f:
                f.write(data)
            seconds, size = best(args.maqal, path, args.runs)
            print("  %-36s %7.2f MB file  %7.1f ms  %6.1f ms per MB of page HTML  JSON %6.1f KB"
                  % (label, len(data) / 1e6, seconds * 1000, seconds * 1000 / html_mb, size / 1e3))


main()
