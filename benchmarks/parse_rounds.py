"""Warm parses of 20 plans of about 20 KB, untimed: run under valgrind by ``parse_icount.sh``.

    .venv/bin/python benchmarks/parse_rounds.py ROUNDS

200 plans are generated (seed 0) and the 20 nearest 20 KB kept, chosen as run.py chooses those of its
parse/word_tokenize measure from its larger collection; one warming parse, then the 20 parsed ROUNDS times.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import run
from generate import generate

import planparse


def main() -> None:
    rounds = int(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="planparse-plans-") as tmp:
        paths = generate(Path(tmp), 200, 0)
        near = run.near_ratio_bytes(paths)
        planparse.parse_file(near[0])
        for _ in range(rounds):
            for path in near:
                planparse.parse_file(path)


if __name__ == "__main__":
    main()
