"""maqal over WARC files with PySpark, in the style of Common Crawl's cc-pyspark jobs.

    spark-submit maqal_spark.py warc_paths.txt out/ --num_output_partitions 4

The input is a text file with one WARC path or URL per line (as Common Crawl's ``warc.paths``
lists them; ``file://`` paths, local paths and anything ``smart_open`` reads if it is
installed). Each partition reads its WARC files with warcio (``mapPartitions``), keeps one
``maqal records`` child and streams the HTML responses through it; the rows are written as
Parquet: ``id`` (WARC-Record-ID), ``url``, ``warc_date``, ``ok``, ``error``, ``skipped``,
``title``, ``language``, ``published``, ``words``, ``arabic_share``, ``text``.

The maqal binary is found by ``--maqal_bin``, else ``$MAQAL_BIN``, else ``PATH``; on a cluster
ship it with ``--archives`` (see README.md).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterable, Iterator, Optional

ROW_FIELDS = ["id", "url", "warc_date", "ok", "error", "skipped", "title", "language", "published", "words",
              "arabic_share", "text"]
HTML_TYPES = ("text/html", "application/xhtml+xml")


class MaqalSparkJob:
    """WARC paths in, one Parquet row per HTML page out."""

    name = "maqal"

    def __init__(self, arguments: argparse.Namespace):
        self.arguments = arguments

    @staticmethod
    def parser() -> argparse.ArgumentParser:
        parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
        parser.add_argument("input", help="a text file of WARC paths or URLs, one a line")
        parser.add_argument("output", help="the folder to write the Parquet files to")
        parser.add_argument("--num_input_partitions", type=int, default=4, help="partitions of the path list")
        parser.add_argument("--num_output_partitions", type=int, default=1, help="Parquet files to write")
        parser.add_argument("--maqal_bin", help="the maqal binary (default: $MAQAL_BIN, then PATH)")
        parser.add_argument("--language", help="keep only documents in this language by their letters: ar, fa, ur")
        parser.add_argument("--min_words", type=int, default=0, help="keep only documents with this many words")
        parser.add_argument("--record_timeout", type=float, default=5.0, help="seconds maqal may spend on one page")
        parser.add_argument("--local_temp_dir", default=None, help="unused; accepted for cc-pyspark command lines")
        return parser

    # MARK: WARC records, as cc-pyspark's process_warcs does it

    @staticmethod
    def open_warc(path: str):
        path = path.strip()
        if path.startswith("file://"):
            path = path[len("file://"):]
        if "://" in path:
            from smart_open import open as smart_open  # only for remote paths

            return smart_open(path, "rb")
        return open(path, "rb")

    def html_records(self, paths: Iterable[str]) -> Iterator[dict]:
        """Protocol records (see maqal.extractor.make_record) for every HTML response of the WARC files."""
        from warcio.archiveiterator import ArchiveIterator

        from maqal.extractor import make_record

        for path in paths:
            if not path.strip():
                continue
            with self.open_warc(path) as stream:
                for record in ArchiveIterator(stream):
                    if record.rec_type not in ("response", "resource", "conversion"):
                        continue
                    content_type = None
                    if record.http_headers is not None:
                        if not record.http_headers.get_statuscode().startswith("2"):
                            continue
                        content_type = record.http_headers.get_header("Content-Type")
                    else:
                        content_type = record.rec_headers.get_header("Content-Type")
                    if content_type and content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                        continue
                    # warcio undoes chunking and Content-Encoding; the raw bytes let maqal use the HTTP charset.
                    body = record.content_stream().read()
                    yield make_record(
                        record.rec_headers.get_header("WARC-Record-ID"), body,
                        url=record.rec_headers.get_header("WARC-Target-URI"), content_type=content_type,
                        date=record.rec_headers.get_header("WARC-Date"),
                    )

    def process_partition(self, paths: Iterable[str]) -> Iterator[tuple]:
        from maqal import Extractor

        arguments = self.arguments
        dates = {}

        def records():
            for record in self.html_records(paths):
                dates[record["id"]] = record.get("date")
                yield record

        fields = ["text", "title", "language", "published", "words", "arabicShare"]
        with Extractor(arguments.maqal_bin, fields=fields, language=arguments.language,
                       min_words=arguments.min_words or None, record_timeout=arguments.record_timeout) as extractor:
            for answer in extractor.extract_many(records()):
                error = answer.get("error")
                share = answer.get("arabicShare")
                yield (
                    answer.get("id"), answer.get("url"), dates.pop(answer.get("id"), None), bool(answer.get("ok")),
                    error["kind"] if error else None, answer.get("skipped"), answer.get("title"),
                    answer.get("language"), answer.get("published"), answer.get("words"),
                    float(share) if share is not None else None, answer.get("text"),
                )

    def run(self) -> None:
        from pyspark.sql import SparkSession
        from pyspark.sql.types import BooleanType, DoubleType, LongType, StringType, StructField, StructType

        session = SparkSession.builder.appName(self.name).getOrCreate()
        schema = StructType([
            StructField(name, BooleanType() if name == "ok" else LongType() if name == "words"
                        else DoubleType() if name == "arabic_share" else StringType(), True)
            for name in ROW_FIELDS
        ])
        paths = session.sparkContext.textFile(self.arguments.input, minPartitions=self.arguments.num_input_partitions)
        rows = paths.mapPartitions(self.process_partition)
        frame = session.createDataFrame(rows, schema)
        frame.coalesce(self.arguments.num_output_partitions).write.mode("overwrite").parquet(self.arguments.output)
        session.stop()


def main(argv: Optional[list] = None) -> None:
    MaqalSparkJob(MaqalSparkJob.parser().parse_args(argv)).run()


if __name__ == "__main__":
    main(sys.argv[1:])
