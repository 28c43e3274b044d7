"""``planparse`` as a command, for the batch tests, with one change: a document whose text holds ``HANG`` never
finishes parsing (its facts are never extracted); the process parsing it first appends its id to the file named by ``$HANG_PIDS``.

Run as ``python tests/hanging_batch.py batch …``. The change is made when this module is loaded, which
worker processes do too, however they are started.
"""

from __future__ import annotations

import os
import sys
import time

import planparse.pipeline
from planparse.cli import main

HANG = "TÀI LIỆU KHÔNG BAO GIỜ XONG"
_extract = planparse.pipeline.extract


def _hanging_extract(doc):
    if HANG in doc.text:
        with open(os.environ["HANG_PIDS"], "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        while True:
            time.sleep(1)
    return _extract(doc)


planparse.pipeline.extract = _hanging_extract

if __name__ == "__main__":
    sys.exit(main())
