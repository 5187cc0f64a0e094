"""CPU of MaqalExtractor's step per page, split into this process and the maqal child.

    .venv-integration/bin/python Integrations/python/tools/profile_step.py --maqal .build/release/maqal \
        [--corpus ../shared/corpus] [--rounds 4] [--ndjson] [--cprofile]

Builds the corpus WARC that `make integration` times (the corpus's HTML pages repeated to 40 MB), reads it with
datatrove's WarcReader once, then runs `MaqalExtractor(keep_structure=False).run` over the documents `--rounds`
times and prints the least CPU of this process and of the child (getrusage). `--ndjson` sends JSON lines instead
of frames; `--cprofile` prints where this process's time went.
"""

import argparse
import copy
import cProfile
import functools
import os
import pstats
import resource
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "src"))
sys.path.insert(0, HERE)

import make_warc  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--maqal", default=os.path.join(ROOT, ".build", "release", "maqal"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--corpus-bytes", type=int, default=40_000_000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--ndjson", action="store_true")
    parser.add_argument("--cprofile", action="store_true")
    arguments = parser.parse_args()
    os.environ["MAQAL_BIN"] = os.path.abspath(arguments.maqal)

    import maqal.datatrove
    from datatrove.pipeline.readers import WarcReader

    if arguments.ndjson:
        maqal.datatrove.Extractor = functools.partial(maqal.datatrove.Extractor, framed=False)
    with tempfile.TemporaryDirectory(prefix="maqal-profile-") as folder:
        with open(os.path.join(folder, "corpus.warc.gz"), "wb") as stream:
            make_warc.from_corpus(make_warc.WARCWriter(stream), arguments.corpus, arguments.corpus_bytes)
        pages = list(WarcReader(folder, glob_pattern="*.warc.gz").run())

    def run(documents) -> int:
        step = maqal.datatrove.MaqalExtractor(keep_structure=False)
        return sum(1 for _ in step.run(iter(documents)))

    run(copy.deepcopy(pages))  # warm-up: the child's first start, the page cache
    rounds = []
    for _ in range(arguments.rounds):
        # The step rewrites each document's text: every round gets fresh copies, made before the clock starts.
        documents = copy.deepcopy(pages)
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        if arguments.cprofile:
            profile = cProfile.Profile()
            count = profile.runcall(run, documents)
        else:
            count = run(documents)
        own2, children2 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        rounds.append((own2.ru_utime + own2.ru_stime - own.ru_utime - own.ru_stime,
                       children2.ru_utime + children2.ru_stime - children.ru_utime - children.ru_stime))
    own = min(r[0] for r in rounds)
    child = min(r[1] for r in rounds)
    both = min(r[0] + r[1] for r in rounds)
    print(f"{len(pages)} pages, {count} extracted, {'NDJSON lines' if arguments.ndjson else 'framed'}; least of "
          f"{arguments.rounds}: this process {own:.3f} s ({own / len(pages) * 1e3:.2f} ms a page), "
          f"maqal child {child:.3f} s ({child / len(pages) * 1e3:.2f} ms), both {both:.3f} s "
          f"({both / len(pages) * 1e3:.2f} ms)")
    if arguments.cprofile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
