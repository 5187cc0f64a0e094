"""The Extractor against the real `maqal records` child."""

import json
import os
import subprocess
import sys
import threading
import time

import pytest

import make_warc
from maqal import Extractor, ExtractorError, find_binary
from maqal.extractor import make_record

ARTICLE = make_warc.article(1)
# Several megabytes of markup: far more work than any deadline the tests set.
HUGE = "<html><body>" + "<div><p>فقرة طويلة من النص العربي، وفيها كلمات كثيرة.</p>" * 60000 + "</body></html>"


def test_binary_from_environment(binary, monkeypatch):
    monkeypatch.setenv("MAQAL_BIN", binary)
    assert find_binary() == binary
    monkeypatch.setenv("MAQAL_BIN", "/nonexistent/maqal")
    with pytest.raises(ExtractorError, match="not an executable"):
        find_binary()
    monkeypatch.delenv("MAQAL_BIN")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ExtractorError, match="MAQAL_BIN"):
        find_binary()


def test_extract_html_string(binary):
    with Extractor(binary) as extractor:
        answer = extractor.extract(ARTICLE, url="https://news.example/1", id="a1")
    assert answer["ok"] is True
    assert answer["id"] == "a1"
    assert answer["url"] == "https://news.example/1"
    document = answer["document"]
    assert document["metadata"]["title"] == make_warc.title_of(1)
    assert document["metadata"]["language"] == "ar"
    assert any(block["type"] == "section" for block in document["body"])


def test_bytes_use_the_http_charset(binary):
    # windows-1256 named only by the Content-Type: the page has no <meta>.
    body = ARTICLE.encode("cp1256")
    with Extractor(binary, fields=["title", "text"]) as extractor:
        answer = extractor.extract(body, content_type="text/html; charset=windows-1256")
    assert answer["title"] == make_warc.title_of(1)
    assert "الساعات المائية" in answer["text"]


def test_many_in_order_with_failures_between(binary):
    records = []
    for n in range(40):
        if n % 7 == 3:
            records.append(make_record(n, text="   "))
        else:
            records.append(make_record(n, make_warc.article(n), url=f"https://news.example/{n}"))
    with Extractor(binary, fields=["title"], jobs=2, window=8) as extractor:
        answers = list(extractor.extract_many(records))
    assert [answer["id"] for answer in answers] == list(range(40))
    for n, answer in enumerate(answers):
        if n % 7 == 3:
            assert answer["error"]["kind"] == "empty"
        else:
            assert answer["title"] == make_warc.title_of(n)


def test_filters_answer_skipped(binary):
    persian = "<html><body><article><p>" + "این یک متن فارسی است که برای آزمایش نوشته شده. گفتگو پیچیده است. " * 5 + "</p></article></body></html>"
    with Extractor(binary, language="ar", min_words=10, fields=["words"]) as extractor:
        answers = list(extractor.extract_many([make_record("ar", ARTICLE), make_record("fa", persian),
                                               make_record("short", "<p>الساعات المائية العربية القديمة المعروفة.</p>")]))
    assert answers[0]["ok"] is True and answers[0]["words"] >= 10
    assert answers[1] == {"id": "fa", "url": None, "ok": False, "skipped": "language"}
    assert answers[2]["skipped"] == "min-words"


def test_child_timeout_is_an_answer(binary):
    with Extractor(binary, record_timeout=0.3, fields=["title"]) as extractor:
        answers = list(extractor.extract_many([make_record("huge", HUGE), make_record("next", ARTICLE)]))
        assert extractor.restarts == 0
    assert answers[0]["error"]["kind"] == "timeout"
    assert answers[1]["title"] == make_warc.title_of(1)


@pytest.mark.parametrize("framed", [True, False])
def test_deadline_kills_and_restarts_the_child(binary, framed):
    # The child has no budget of its own here, so only this side's deadline can stop the page.
    with Extractor(binary, record_timeout=0, deadline=1.0, fields=["title"], framed=framed) as extractor:
        first = extractor._running().process.pid
        answers = list(extractor.extract_many([make_record("huge", HUGE * 3), make_record("after", ARTICLE),
                                               make_record("third", make_warc.article(3))]))
        assert extractor.restarts == 1
        assert extractor._running().process.pid != first
    assert answers[0]["id"] == "huge"
    assert answers[0]["error"]["kind"] == "timeout"
    assert "restarted" in answers[0]["error"]["message"]
    assert [answer.get("title") for answer in answers[1:]] == [make_warc.title_of(1), make_warc.title_of(3)]


@pytest.mark.parametrize("framed", [True, False])
def test_a_dead_child_fails_its_record_and_the_stream_goes_on(binary, framed):
    with Extractor(binary, record_timeout=0, fields=["title"], framed=framed) as extractor:
        stream = extractor.extract_many([make_record("one", ARTICLE), make_record("slow", HUGE),
                                         make_record("after", make_warc.article(2))])
        assert next(stream)["title"] == make_warc.title_of(1)
        extractor._child.process.kill()
        rest = list(stream)
        assert extractor.restarts == 1
    assert rest[0]["id"] == "slow" and rest[0]["error"]["kind"] == "crashed"
    assert rest[1]["title"] == make_warc.title_of(2)


def test_leaving_a_stream_early_keeps_later_calls_aligned(binary):
    with Extractor(binary, fields=["title"]) as extractor:
        stream = extractor.extract_many(make_record(n, make_warc.article(n)) for n in range(10))
        assert next(stream)["id"] == 0
        stream.close()
        answer = extractor.extract(make_warc.article(42), id="later")
    assert answer["id"] == "later" and answer["title"] == make_warc.title_of(42)


def test_extractor_pickles_without_its_child(binary):
    import pickle

    with Extractor(binary, fields=["title"]) as extractor:
        extractor.extract(ARTICLE)
        copy = pickle.loads(pickle.dumps(extractor))
    assert copy._child is None
    assert copy.extract(ARTICLE)["title"] == make_warc.title_of(1)
    copy.close()


def test_records_protocol_exits_zero_at_end_of_input(binary):
    lines = "\n".join(json.dumps(make_record(n, make_warc.article(n))) for n in range(3)) + "\n"
    result = subprocess.run([binary, "records", "--fields", "title"], input=lines.encode(), capture_output=True)
    assert result.returncode == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [0, 1, 2]


def test_make_warc_and_maqal_warc_agree(binary, tmp_path):
    path = str(tmp_path / "crawl.warc.gz")
    with open(path, "wb") as stream:
        # maqal warc passes over the 404 pages (counted as http-status).
        written = [entry for entry in make_warc.generated(make_warc.WARCWriter(stream), 20) if entry[2] is not None]
    result = subprocess.run([binary, "warc", path, "--fields", "title,language"], capture_output=True)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["id"], row["url"]) for row in rows] == [(record_id, uri) for record_id, uri, _ in written]
    assert [row["title"] for row in rows] == [make_warc.title_of(n) for _, _, n in written]
    assert b"2 http-status" in result.stderr and b"2 revisit" in result.stderr


def test_framed_and_ndjson_give_the_same_answers(binary):
    records = [make_record("s", ARTICLE, url="https://news.example/s"),
               make_record("b", ARTICLE.encode("cp1256"), content_type="text/html; charset=windows-1256"),
               make_record("t", text="سطر أول\nسطر ثان\n{\"id\": \"x\"}"),
               {"id": "none"}]
    fields = ["title", "text", "words"]
    with Extractor(binary, fields=fields) as framed, Extractor(binary, fields=fields, framed=False) as lines:
        assert "--framed" in framed.arguments and "--framed" not in lines.arguments
        got = list(framed.extract_many(records))
        assert got == list(lines.extract_many(records))
    assert [answer["id"] for answer in got] == ["s", "b", "t", "none"]
    assert got[1]["title"] == make_warc.title_of(1)
    assert got[3]["error"]["kind"] == "invalid-record"


def test_framed_body_with_newlines_and_nul_bytes(binary):
    # A page whose own lines look like headers of the framed protocol, and a NUL byte in it.
    page = ARTICLE.replace("</article>", '\n{"id":"fake","body_bytes":3}\n\x00</article>')
    with Extractor(binary, fields=["title"]) as extractor:
        answers = list(extractor.extract_many([make_record(1, page), make_record(2, page.encode("utf-8")),
                                               make_record(3, make_warc.article(3))]))
    assert [answer["id"] for answer in answers] == [1, 2, 3]
    assert [answer["title"] for answer in answers] == [make_warc.title_of(1)] * 2 + [make_warc.title_of(3)]


def test_document_json_leaves_the_document_unparsed(binary):
    with Extractor(binary, fields=["document", "title"], document_json=True) as extractor:
        assert extractor.arguments[extractor.arguments.index("--fields") + 1] == "title,document"
        answers = list(extractor.extract_many([make_record("a", ARTICLE), make_record("e", text="  ")]))
    assert isinstance(answers[0]["document"], str)
    assert json.loads(answers[0]["document"])["metadata"]["title"] == answers[0]["title"] == make_warc.title_of(1)
    assert answers[1]["error"]["kind"] == "empty" and "document" not in answers[1]
