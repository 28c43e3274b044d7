"""Benchmark the plans database: adding plans (plans/s) and a typical query's time.

    .venv/bin/python benchmarks/database.py [--count 1000] [--seed 0] [--jobs 2] [--json FILE]

A collection of ``--count`` plans is generated (``generate.py``) and converted with ``planparse batch`` (not
timed here: ``run.py`` measures it); then the converted plans are added to a new database as ``planparse db
add`` adds them (a transaction per plan, then the targets of every strategy grouped by indicator), timed with
and without the grouping; adding them again (nothing changed) is timed too. Each typical query runs 5 times
and the best time counts. Needs ``pip install -e '.[dev]'``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate

from planparse.database import PlanDatabase

QUERIES = {
    "targets of one strategy by province and horizon": (
        "SELECT indicator_group, province, horizon, display FROM targets WHERE strategy = ? "
        "ORDER BY indicator_group, province, horizon"),
    "who leads most tasks, per province": (
        "SELECT province, body, count(*) AS tasks FROM leads GROUP BY province, body ORDER BY tasks DESC LIMIT 20"),
    "every deadline in December": "SELECT province, text, task FROM deadline_months WHERE month = 12",
}


def best(fn, repeat: int = 5) -> float:
    """The least wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", metavar="FILE", help="write the figures here too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root / "plans", args.count, args.seed)
        subprocess.run([sys.executable, "-m", "planparse", "batch", str(root / "plans"), "-o", str(root / "out"),
                        "-j", str(args.jobs), "-q"], check=True)
        with PlanDatabase(root / "plans.duckdb") as db:
            start = time.perf_counter()
            regroup = db.regroup
            db.regroup = lambda strategies=None: None  # time storing alone first
            changes = db.add_paths([root / "out"])
            stored = time.perf_counter() - start
            db.regroup = regroup
            start = time.perf_counter()
            db.regroup()
            grouped = time.perf_counter() - start
            start = time.perf_counter()
            again = db.add_paths([root / "out"])
            unchanged = time.perf_counter() - start
            strategy, plans = db.sql("SELECT strategy, count(*) AS n FROM documents GROUP BY strategy "
                                     "ORDER BY n DESC LIMIT 1").fetchall()[0]
            queries = {name: best(lambda q=query: db.sql(q, params=[strategy] if "?" in q else None).fetchall())
                       for name, query in QUERIES.items()}
            rows = {name: db.sql(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]
                    for name in ("documents", "objectives", "tasks", "assignments", "deadlines", "sections")}
        size = (root / "plans.duckdb").stat().st_size
    figures = {
        "plans": len(changes.added), "failed": len(changes.failed), "rows": rows, "database_mb": round(size / 1e6, 1),
        "add_s": round(stored, 2), "add_plans_per_s": round(len(changes.added) / stored, 1),
        "group_targets_s": round(grouped, 2),
        "add_with_grouping_plans_per_s": round(len(changes.added) / (stored + grouped), 1),
        "add_again_unchanged_s": round(unchanged, 2), "unchanged": len(again.unchanged),
        "largest_strategy": {"strategy": strategy, "plans": plans},
        "queries_ms": {name: round(seconds * 1000, 1) for name, seconds in queries.items()},
    }
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
