"""``MaqalExtractor``: maqal as a datatrove extraction step, where pipelines use ``Trafilatura(...)``.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from maqal.datatrove import MaqalExtractor

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/", glob_pattern="*.warc.gz"),
        MaqalExtractor(language="ar", min_words=50),
        JsonlWriter("out/"),
    ], tasks=4).run()

Each task keeps one ``maqal records`` child and streams its documents through it (no process per
document, as the sandbox of the base class would start). A document's text becomes the article
text (``markdown=True``: its Markdown); ``metadata`` gains ``title``, ``language``,
``published``, ``words`` and ``arabic_share``, and with ``keep_structure`` (the default) the
whole maqal/1 document as a JSON string under ``maqal`` (as maqal wrote it: never parsed here). Documents that fail, time out or are
filtered out are dropped and counted in the step's stats (``timeout``, ``crashed``, ``empty``,
``skipped_language`` …), as the base class counts its own.
"""

from __future__ import annotations

import collections
from typing import Any, Optional

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

from .extractor import Extractor, make_record


class MaqalExtractor(BaseExtractor):
    """maqal's extraction as a datatrove step (see the module's description)."""

    name = "⛏ maqal"

    def __init__(
        self,
        markdown: bool = False,
        keep_structure: bool = True,
        language: Optional[str] = None,
        min_words: Optional[int] = None,
        timeout: float = 1,
        binary: Optional[str] = None,
        jobs: int = 1,
        window: int = 32,
    ):
        super().__init__(timeout)
        self.markdown = markdown
        self.keep_structure = keep_structure
        self.language = language
        self.min_words = min_words
        self.binary = binary
        self.jobs = jobs
        self.window = window
        self._extractor: Optional[Extractor] = None

    def _fields(self) -> list:
        fields = ["markdown" if self.markdown else "text", "title", "language", "published", "words", "arabicShare"]
        return fields + (["document"] if self.keep_structure else [])

    def _make_extractor(self) -> Extractor:
        # The child's own budget is the step's timeout; this side kills it a little later. Pages go
        # framed (WarcReader's text as UTF-8 bytes after a header line); the structure is stored as
        # the JSON text the child wrote, never parsed here.
        return Extractor(
            self.binary, fields=self._fields(), language=self.language, min_words=self.min_words,
            jobs=self.jobs, record_timeout=self.timeout, deadline=self.timeout + 2.0, window=self.window,
            document_json=True,
        )

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_extractor"] = None
        return state

    def extract(self, text: str) -> str:
        """One page's article text (the base class's single-document entry)."""
        if self._extractor is None:
            self._extractor = self._make_extractor()
        answer = self._extractor.extract(text)
        return answer.get("markdown" if self.markdown else "text", "") if answer.get("ok") else ""

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        waiting: "collections.deque[Any]" = collections.deque()

        def records():
            for index, doc in enumerate(data):
                self.stat_update(StatHints.total)
                waiting.append(doc)
                yield make_record(index, doc.text, url=doc.metadata.get("url"))

        with self._make_extractor() as extractor:
            answers = extractor.extract_many(records())
            while True:
                with self.track_time():
                    answer = next(answers, None)
                if answer is None:
                    break
                doc = waiting.popleft()
                if not answer.get("ok"):
                    reason = answer.get("skipped")
                    self.stat_update(f"skipped_{reason}" if reason else answer["error"]["kind"])
                    self.stat_update(StatHints.dropped)
                    continue
                self.stat_update("extracted")
                doc.text = answer["markdown" if self.markdown else "text"]
                doc.metadata.update({
                    "title": answer.get("title"),
                    "language": answer.get("language"),
                    "published": answer.get("published"),
                    "words": answer.get("words"),
                    "arabic_share": answer.get("arabicShare"),
                })
                if self.keep_structure:
                    doc.metadata["maqal"] = answer["document"]
                if doc.text.strip():
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)
