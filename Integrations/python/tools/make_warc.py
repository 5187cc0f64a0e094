#!/usr/bin/env python3
"""Writes WARC files for maqal's tests, benchmarks and integration runs (no WARC is checked in).

Standard library only. Records are written as Common Crawl writes them: warcinfo first, then for
each page a request, a response and a metadata record, each record its own gzip member.

    make_warc.py OUT.warc.gz --pages 50                      generated Arabic articles
    make_warc.py OUT.warc.gz --corpus ../shared/corpus --min-bytes 8000000   real pages, repeated
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import sys
import uuid
from typing import Iterable, List, Optional, Sequence, Tuple

ARTICLE = """<!doctype html><html lang="ar"><head>{head}<title>{title}</title></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a></nav><article><h1>{title}</h1>
<p>عرفت الحضارة العربية الساعات المائية منذ قرون، وكتب الجزري عنها كتاباً مفصلاً في معرفة الحيل الهندسية سنة {n}.</p>
<h2>كيف كانت تعمل</h2>
<p>كانت الساعة تقيس الوقت بسيلان الماء من إناء إلى آخر، فتتحرك التماثيل وتدق الأجراس عند تمام كل ساعة من النهار.</p>
<ul><li>الإناء الأعلى: يملأ بالماء كل صباح.</li><li>العوامة: تهبط مع الماء فتحرك الحبال.</li></ul>
<p>وما تزال نماذج منها محفوظة في المتاحف، يزورها الطلاب والباحثون من أنحاء العالم العربي، رقم المقال {n}.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def article(n: int, head: str = "") -> str:
    """An Arabic article whose title carries ``n``."""
    return ARTICLE.format(n=n, head=head, title=f"مقال رقم {n} عن الساعات المائية")


def title_of(n: int) -> str:
    return f"مقال رقم {n} عن الساعات المائية"


class WARCWriter:
    """Writes WARC/1.0 records, each as one gzip member (or plain with ``compress=False``)."""

    def __init__(self, stream: io.BufferedIOBase, compress: bool = True, date: str = "2025-03-01T10:00:00Z"):
        self.stream = stream
        self.compress = compress
        self.date = date

    def record(self, warc_type: str, block: bytes, uri: Optional[str] = None,
               content_type: Optional[str] = None, extra: Sequence[Tuple[str, str]] = ()) -> str:
        record_id = f"<urn:uuid:{uuid.uuid4()}>"
        headers = [("WARC-Type", warc_type), ("WARC-Record-ID", record_id), ("WARC-Date", self.date)]
        if uri:
            headers.append(("WARC-Target-URI", uri))
        if content_type:
            headers.append(("Content-Type", content_type))
        headers += list(extra)
        headers.append(("Content-Length", str(len(block))))
        data = b"WARC/1.0\r\n" + b"".join(f"{k}: {v}\r\n".encode("utf-8") for k, v in headers) + b"\r\n" + block + b"\r\n\r\n"
        self.stream.write(gzip.compress(data, compresslevel=6) if self.compress else data)
        return record_id

    def warcinfo(self) -> str:
        return self.record("warcinfo", b"software: maqal make_warc.py\r\nformat: WARC File Format 1.0\r\n",
                           content_type="application/warc-fields")

    def page(self, uri: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             http_headers: Sequence[str] = (), status: str = "200 OK", extra: Sequence[Tuple[str, str]] = ()) -> str:
        """request, response and metadata records for one fetch; the response's record id."""
        host = uri.split("/")[2] if "://" in uri else "example.com"
        path = "/" + uri.split("/", 3)[3] if uri.count("/") >= 3 else "/"
        self.record("request", f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(), uri=uri,
                    content_type="application/http; msgtype=request")
        head = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}"] + list(http_headers)
        message = ("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + body
        # Common Crawl names the payload's type as it identified it; datatrove's WarcReader reads it.
        identified = [("WARC-Identified-Payload-Type", content_type.split(";")[0].strip())]
        record_id = self.record("response", message, uri=uri, content_type="application/http; msgtype=response",
                                extra=identified + list(extra))
        self.record("metadata", b"fetchTimeMs: 120\r\n", uri=uri, content_type="application/warc-fields")
        return record_id


def generated(writer: WARCWriter, pages: int) -> List[Tuple[str, str, Optional[int]]]:
    """``pages`` Arabic articles (every fifth in windows-1256 named only by the HTTP header), with
    images, revisits and 404 pages among them; the (record id, uri, n) of each HTML response in
    order, ``n`` being ``None`` for a 404 page."""
    written = []
    writer.warcinfo()
    for n in range(pages):
        uri = f"https://news.example/{n}"
        if n % 5 == 4:
            record_id = writer.page(uri, article(n).encode("cp1256"), "text/html; charset=windows-1256")
        else:
            record_id = writer.page(uri, article(n).encode("utf-8"))
        written.append((record_id, uri, n))
        if n % 10 == 3:
            writer.page(f"https://news.example/logo{n}.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
            writer.record("revisit", b"HTTP/1.1 200 OK\r\n\r\n", uri=uri,
                          content_type="application/http; msgtype=response",
                          extra=[("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest")])
        if n % 10 == 7:
            uri = f"https://news.example/missing{n}"
            record_id = writer.page(uri, b"<html><body>not found</body></html>", status="404 Not Found")
            written.append((record_id, uri, None))
    return written


def from_corpus(writer: WARCWriter, corpus: str, min_bytes: int) -> int:
    """The corpus's HTML pages, repeated until ``min_bytes`` of pages are written; the count written."""
    folders = [os.path.join(corpus, name) for name in ("html", "legacy-encoding")]
    files = sorted(os.path.join(folder, name) for folder in folders if os.path.isdir(folder)
                   for name in os.listdir(folder) if name.endswith((".html", ".htm")))
    if not files:
        raise SystemExit(f"make_warc.py: no HTML pages in {corpus}")
    writer.warcinfo()
    written = 0
    total = 0
    while total < min_bytes:
        for path in files:
            with open(path, "rb") as handle:
                body = handle.read()
            writer.page(f"https://corpus.example/{written}/{os.path.basename(path)}", body,
                        "text/html", http_headers=["Server: test"])
            written += 1
            total += len(body)
            if total >= min_bytes:
                break
    return written


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", help="the WARC file to write (.warc.gz, or .warc for a plain file)")
    parser.add_argument("--pages", type=int, default=50, help="generated articles (without --corpus)")
    parser.add_argument("--corpus", help="a folder with html/ (and legacy-encoding/) pages to use instead")
    parser.add_argument("--min-bytes", type=int, default=8_000_000, help="with --corpus: page bytes to reach")
    arguments = parser.parse_args(argv)
    with open(arguments.output, "wb") as stream:
        writer = WARCWriter(stream, compress=not arguments.output.endswith(".warc"))
        if arguments.corpus:
            count = from_corpus(writer, arguments.corpus, arguments.min_bytes)
        else:
            count = sum(1 for _, _, n in generated(writer, arguments.pages) if n is not None)
    print(f"{arguments.output}: {count} pages, {os.path.getsize(arguments.output)} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
