"""Benchmark OCR: pages read per second, per worker, with 1 and 2 workers.

    .venv/bin/python benchmarks/ocr.py [--plans 3] [--dpi 300] [--json FILE]

The first ``--plans`` corpus plans are printed to PDF and scanned (``tests/formats.write_scan``: page images,
no text layer); each scan is parsed as a user's batch does, one worker process per document, and the
pages each worker reads a second are reported (rendering, straightening, Tesseract and parsing included).
Needs Tesseract and its Vietnamese model (Debian: tesseract-ocr tesseract-ocr-vie).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import formats  # noqa: E402
from planparse.pipeline import parse_file  # noqa: E402


def _pages(path: str) -> int:
    """Parse the scan at ``path``; the pages OCR read."""
    done: list[int] = []
    parse_file(path, progress=lambda n, total: done.append(total))
    return done[-1] if done else 0


def run(scans: list[Path], workers: int) -> dict:
    start = time.perf_counter()
    with cf.ProcessPoolExecutor(workers) as pool:
        pages = sum(pool.map(_pages, map(str, scans)))
    seconds = time.perf_counter() - start
    return {"workers": workers, "pages": pages, "seconds": round(seconds, 1),
            "pages_per_second": round(pages / seconds, 3), "pages_per_second_per_worker":
            round(pages / seconds / workers, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=3)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    plans = sorted((ROOT / "corpus").glob("*.txt"))[:args.plans]
    with tempfile.TemporaryDirectory() as folder:
        scans = [formats.write_scan(p.read_text("utf-8"), Path(folder) / f"{p.stem}.pdf", args.dpi) for p in plans]
        results = [run(scans, workers) for workers in (1, 2)]
    for r in results:
        print(f"{r['workers']} worker(s): {r['pages']} pages in {r['seconds']} s: {r['pages_per_second']} pages/s, "
              f"{r['pages_per_second_per_worker']} pages/s per worker")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
