"""maqal for corpus engines: one long-lived ``maqal records`` child per worker.

``Extractor`` keeps the child, writes each page framed (a JSON header line, then the page's
bytes as they are) and reads one answer a line; a record that runs past its deadline, or a child
that dies, is reported as a failed record and the child is started anew, so the engine never sees
a crash.
"""

from .extractor import Extractor, ExtractorError, find_binary

__all__ = ["Extractor", "ExtractorError", "find_binary"]
__version__ = "0.1.0"
