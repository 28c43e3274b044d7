"""The PDF reader's pages per second on benchmarks/run.py's PDF set, alone (a quick loop for work on it).

    .venv/bin/python benchmarks/pdf_pages.py [--times 3] [--rounds N]

The set is run.py's: the real office PDFs of ``../shared/realworld/files`` and the corpus written as PDF,
those whose every page has a sound text layer, each read with ``read(path, ocr="never")``. The figure is
the sum over the files of each file's best of ``--times`` reads. ``--rounds N`` reads the set N times
after one warm read and prints nothing: run under valgrind with N = 1 and N = 2, the difference is the
instructions of one read of the set, unaffected by the machine's load.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, default=3, help="reads of each file; the best counts (default 3)")
    parser.add_argument("--rounds", type=int, help="read the set this many times, untimed (for valgrind)")
    args = parser.parse_args()
    from planparse.read import read

    with tempfile.TemporaryDirectory(prefix="planparse-pdf-") as tmp:
        pdfs = sound_set(Path(tmp))
        read(pdfs[0][0], ocr="never")
        if args.rounds is not None:
            for _ in range(args.rounds):
                for path, _ in pdfs:
                    read(path, ocr="never")
            return
        seconds = sum(run._best(lambda p: read(p, ocr="never"), path, args.times) for path, _ in pdfs)
    pages = sum(n for _, n in pdfs)
    print(f"{len(pdfs)} files, {pages} pages: {seconds:.2f} s, {pages / seconds:.1f} pages/s")


def sound_set(folder: Path) -> list[tuple[Path, int]]:
    """run.py's PDF set, the corpus written as PDF into ``folder``: each file with its pages."""
    return run.sound_pdfs(run.pdf_set(folder))


if __name__ == "__main__":
    main()
