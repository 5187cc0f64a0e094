"""The tests run the real maqal binary: $MAQAL_BIN, else the repository's own build."""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.join(HERE, "..", "src"))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))


def _binary():
    for candidate in (os.environ.get("MAQAL_BIN"), os.path.join(ROOT, ".build", "debug", "maqal"),
                      os.path.join(ROOT, ".build", "release", "maqal")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def binary():
    found = _binary()
    if found is None:
        pytest.fail("no maqal binary: run `swift build` in the repository or set MAQAL_BIN")
    return found
