"""A client for ``maqal records``: one child process, one framed page (or JSON line) in, one JSON line out."""

from __future__ import annotations

import base64
import collections
import itertools
import json
import os
import queue
import select
import shutil
import subprocess
import threading
import time
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

Record = Dict[str, Any]
Answer = Dict[str, Any]


class ExtractorError(RuntimeError):
    """The maqal binary is missing, or the child broke the protocol (an answer for the wrong id)."""


def find_binary(binary: Optional[str] = None) -> str:
    """The maqal binary: ``binary`` if given, else ``$MAQAL_BIN``, else ``maqal`` on ``PATH``."""
    candidate = binary or os.environ.get("MAQAL_BIN") or shutil.which("maqal")
    if not candidate:
        raise ExtractorError("the maqal binary was not found: set MAQAL_BIN or put maqal on PATH")
    if os.sep not in candidate:
        found = shutil.which(candidate)
        if not found:
            raise ExtractorError(f"the maqal binary {candidate!r} is not on PATH")
        candidate = found
    if not (os.path.isfile(candidate) and os.access(candidate, os.X_OK)):
        raise ExtractorError(f"the maqal binary {candidate!r} is not an executable file")
    return candidate


def make_record(
    id: Union[str, int],
    html: Optional[Union[str, bytes]] = None,
    *,
    text: Optional[str] = None,
    url: Optional[str] = None,
    content_type: Optional[str] = None,
    charset: Optional[str] = None,
    date: Optional[str] = None,
) -> Record:
    """One protocol record. ``html`` as ``bytes`` is kept as is under ``body`` and reaches the
    child as raw bytes (framed, or as ``body_base64`` on the NDJSON protocol), so that the HTTP
    charset (``content_type`` or ``charset``), ``<meta>`` and sniffing all apply; as ``str`` it is
    taken as already decoded."""
    record: Record = {"id": id}
    if isinstance(html, (bytes, bytearray, memoryview)):
        record["body"] = bytes(html)
    elif html is not None:
        record["html"] = html
    elif text is not None:
        record["text"] = text
    else:
        raise ValueError("a record needs html (str or bytes) or text")
    for key, value in (("url", url), ("content_type", content_type), ("charset", charset), ("date", date)):
        if value is not None:
            record[key] = value
    return record


_PAGE_KEYS = ("html", "text", "body", "body_base64")


def ndjson_line(record: Record) -> bytes:
    """A record as one line of the NDJSON protocol (raw ``body`` bytes as ``body_base64``)."""
    if isinstance(record.get("body"), (bytes, bytearray, memoryview)):
        body = bytes(record["body"])
        record = {key: value for key, value in record.items() if key != "body"}
        record["body_base64"] = base64.b64encode(body).decode("ascii")
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def frame(record: Record) -> List[bytes]:
    """A record as ``maqal records --framed`` reads it: a JSON header line with ``body_bytes`` and
    ``body`` (``raw``, ``html`` or ``text``), then the page's bytes as they are: no base64, no JSON
    escaping of the page, which is most of the cost of a record on either side."""
    header = {key: value for key, value in record.items() if key not in _PAGE_KEYS}
    if record.get("body") is not None:
        body, kind = bytes(record["body"]), "raw"
    elif record.get("html") is not None:
        body, kind = record["html"].encode("utf-8", "replace"), "html"
    elif record.get("text") is not None:
        body, kind = record["text"].encode("utf-8", "replace"), "text"
    elif record.get("body_base64") is not None:
        body, kind = base64.b64decode(record["body_base64"]), "raw"
    else:
        # No page: sent as it is, the child answers it invalid-record.
        return [json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"]
    header["body_bytes"] = len(body)
    if kind != "raw":
        header["body"] = kind
    return [json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n", body]


try:
    import fcntl

    _F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)  # Linux's number, named only from Python 3.10
except ImportError:  # not on Windows
    fcntl = None


class _Child:
    """One ``maqal records`` process, a thread feeding its stdin, and line reads with a deadline."""

    def __init__(self, arguments: Sequence[str]):
        self.process = subprocess.Popen(
            list(arguments), stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, close_fds=True
        )
        # Pipes of 1 MB instead of 64 KB: a page of 130 KB crosses in one write and one read, not
        # a dozen of each with a wake-up of the other side between them (Linux only; elsewhere the
        # default stays).
        for stream in (self.process.stdin, self.process.stdout) if fcntl else ():
            try:
                fcntl.fcntl(stream.fileno(), _F_SETPIPE_SZ, 1 << 20)
            except (OSError, AttributeError):
                pass
        self._buffer = bytearray()
        self._pieces: "queue.Queue[Optional[List[bytes]]]" = queue.Queue()
        # Writing from a thread of its own: the child never waits for the next record while this
        # side is busy with answers, and a full pipe never blocks the reading of answers.
        self._writer = threading.Thread(target=self._write, name="maqal-records-writer", daemon=True)
        self._writer.start()

    def send(self, pieces: List[bytes]) -> None:
        """Queues one record: its pieces (a line, or a header line and a body) are written in one go."""
        self._pieces.put(pieces)

    def _write(self) -> None:
        descriptor = self.process.stdin.fileno()
        while True:
            pieces = self._pieces.get()
            if pieces is None:
                break
            try:
                # writev: header and body go out together without being joined into a new buffer.
                views = [memoryview(piece) for piece in pieces if piece]
                while views:
                    written = os.writev(descriptor, views)
                    while views and written >= len(views[0]):
                        written -= len(views[0])
                        views.pop(0)
                    if views and written:
                        views[0] = views[0][written:]
            except (BrokenPipeError, OSError, ValueError):
                break
        try:
            self.process.stdin.close()
        except OSError:
            pass

    def read_line(self, timeout: float) -> Optional[bytes]:
        """The next answer line; ``None`` when ``timeout`` seconds pass first. Raises ``EOFError``
        when the child has gone."""
        deadline = time.monotonic() + timeout
        descriptor = self.process.stdout.fileno()
        while True:
            newline = self._buffer.find(b"\n")
            if newline >= 0:
                line = bytes(self._buffer[:newline])
                del self._buffer[: newline + 1]
                return line
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([descriptor], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(descriptor, 1 << 20)
            if not chunk:
                raise EOFError("maqal records ended")
            self._buffer += chunk

    def kill(self) -> None:
        self._pieces.put(None)
        try:
            self.process.kill()
        except OSError:
            pass
        self.process.wait()
        self.process.stdout.close()

    def close(self, timeout: float = 10.0) -> None:
        """Ends the input and waits for the child to exit (killing it past ``timeout``)."""
        self._pieces.put(None)
        self._writer.join(timeout)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


class Extractor:
    """Keeps one ``maqal records`` child and sends it pages.

    ``extract`` answers one page; ``extract_many`` streams many through the child with up to
    ``window`` records in flight, answers in input order. Each answer is the protocol line as a
    dict: ``{"id", "url", "ok": True, "document": {...}}`` (or the ``fields`` asked for),
    ``{"ok": False, "skipped": ...}`` or ``{"ok": False, "error": {"kind", "message"}}``.

    ``framed`` (the default) sends each page framed (``maqal records --framed``: a JSON header line,
    then the page's bytes as they are); ``framed=False`` sends one JSON line per record. With
    ``document_json``, the ``document`` of an answer (``fields`` with ``"document"``, or no fields)
    is left as the JSON text the child wrote, a ``str``, for a caller that stores it rather than
    walks it: the answer's other fields are parsed without it.

    Two time limits: ``record_timeout`` is passed to the child (``--record-timeout-ms``), which
    answers a slow page with a ``timeout`` error and goes on; ``deadline`` (seconds, by default
    ``record_timeout`` + 5) is this side's: when the child has not answered the oldest record
    by then, or has died, it is killed and started anew, that record is answered with
    ``{"kind": "timeout"}`` or ``{"kind": "crashed"}``, and the records after it are sent again.
    """

    def __init__(
        self,
        binary: Optional[str] = None,
        *,
        fields: Optional[Sequence[str]] = None,
        language: Optional[str] = None,
        min_words: Optional[int] = None,
        jobs: int = 1,
        record_timeout: float = 5.0,
        deadline: Optional[float] = None,
        window: int = 32,
        extra_args: Sequence[str] = (),
        framed: bool = True,
        document_json: bool = False,
    ):
        self.binary = find_binary(binary)
        arguments = [self.binary, "records", "--jobs", str(jobs), "--record-timeout-ms", str(int(record_timeout * 1000))]
        if framed:
            arguments.append("--framed")
        if fields:
            fields = list(fields)
            if document_json and "document" in fields:
                # Fields come in the order asked: the document last lets it be cut off the line unparsed.
                fields = [field for field in fields if field != "document"] + ["document"]
            arguments += ["--fields", ",".join(fields)]
        self.framed = framed
        self.document_json = document_json
        if language:
            arguments += ["--language", language]
        if min_words:
            arguments += ["--min-words", str(min_words)]
        self.arguments: List[str] = arguments + list(extra_args)
        self.deadline = deadline if deadline is not None else record_timeout + 5.0
        self.window = max(1, window)
        self.restarts = 0
        self._child: Optional[_Child] = None
        self._ids = itertools.count()

    # The child is a process: engines that pickle the step (Spark, datatrove) start their own.
    def __getstate__(self) -> Dict[str, Any]:
        state = self.__dict__.copy()
        state["_child"] = None
        state["_ids"] = None
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._ids = itertools.count()

    def __enter__(self) -> "Extractor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def close(self) -> None:
        """Ends the child (it exits 0 at the end of its input)."""
        if self._child is not None:
            child, self._child = self._child, None
            child.close()

    def _running(self) -> _Child:
        if self._child is None or self._child.process.poll() is not None:
            self._child = _Child(self.arguments)
        return self._child

    def _restart(self) -> _Child:
        if self._child is not None:
            self._child.kill()
            self._child = None
        self.restarts += 1
        return self._running()

    def extract(
        self,
        html: Optional[Union[str, bytes]] = None,
        *,
        text: Optional[str] = None,
        url: Optional[str] = None,
        content_type: Optional[str] = None,
        charset: Optional[str] = None,
        id: Optional[Union[str, int]] = None,
    ) -> Answer:
        """One page (``str`` HTML, raw ``bytes`` or ``text``) → its answer dict."""
        record = make_record(
            id if id is not None else f"r{next(self._ids)}", html, text=text, url=url,
            content_type=content_type, charset=charset,
        )
        return next(iter(self.extract_many([record])))

    def extract_many(self, records: Iterable[Record]) -> Iterator[Answer]:
        """Streams protocol records (see ``make_record``) through the child; one answer per record, in order."""
        pending: "collections.deque[tuple[Record, List[bytes]]]" = collections.deque()
        try:
            yield from self._stream(records, pending)
        finally:
            # Left before the end: answers still in flight would be read as the next call's.
            if pending:
                self._restart()

    def _encode(self, record: Record) -> List[bytes]:
        return frame(record) if self.framed else [ndjson_line(record)]

    def _decode(self, line: bytes) -> Answer:
        if self.document_json:
            # A '"' inside a JSON string is always escaped, so ',"document":' can only be a key; before
            # it come only flat fields, so the first one is the answer's own, and the document runs
            # from there to the line's closing brace.
            cut = line.find(b',"document":')
            if cut >= 0:
                answer = json.loads(line[:cut] + b"}")
                answer["document"] = line[cut + len(b',"document":') : -1].decode("utf-8")
                return answer
        return json.loads(line)

    def _stream(self, records: Iterable[Record], pending: "collections.deque[tuple[Record, List[bytes]]]") -> Iterator[Answer]:
        source = iter(records)
        exhausted = False
        child = self._running()
        # When the oldest record in flight started to be the child's work.
        oldest_since = time.monotonic()
        while True:
            while not exhausted and len(pending) < self.window:
                try:
                    record = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pieces = self._encode(record)
                if not pending:
                    oldest_since = time.monotonic()
                pending.append((record, pieces))
                child.send(pieces)
            if not pending:
                return
            record, _ = pending[0]
            failure: Optional[str] = None
            try:
                answer_line = child.read_line(max(0.0, oldest_since + self.deadline - time.monotonic()))
            except EOFError:
                answer_line, failure = None, "crashed"
            if answer_line is None:
                failure = failure or "timeout"
                message = (
                    f"maqal records gave no answer within {self.deadline:g} s: it was restarted"
                    if failure == "timeout"
                    else "maqal records ended before answering: it was restarted"
                )
                pending.popleft()
                yield {"id": record.get("id"), "url": record.get("url"), "ok": False,
                       "error": {"kind": failure, "message": message}}
                child = self._restart()
                for _, pieces in pending:
                    child.send(pieces)
                oldest_since = time.monotonic()
                continue
            answer = self._decode(answer_line)
            if answer.get("id") != record.get("id"):
                self._restart()
                raise ExtractorError(f"maqal records answered id {answer.get('id')!r} for record {record.get('id')!r}")
            pending.popleft()
            oldest_since = time.monotonic()
            yield answer
