"""Warm parses of run.py's 20 plans of about 20 KB, untimed: run under valgrind by ``parse_icount.sh``.

    .venv/bin/python benchmarks/parse_rounds.py ROUNDS

The plans are generated (200, seed 0) and the 20 nearest 20 KB kept, as run.py's parse/word_tokenize
measure keeps them; one warming parse, then the 20 parsed ROUNDS times.
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
        near = sorted(paths, key=lambda p: abs(p.stat().st_size - run.RATIO_BYTES))[:run.RATIO_TEXTS]
        planparse.parse_file(near[0])
        for _ in range(rounds):
            for path in near:
                planparse.parse_file(path)


if __name__ == "__main__":
    main()
