"""Benchmark planparse: batch throughput and peak memory with 1 and 2 workers, and the
time of a full parse against ``underthesea.word_tokenize`` on the same 20 KB plans.

    .venv/bin/python benchmarks/run.py [--count 1000] [--seed 0] [--repeat 2] [--json FILE]

A collection of ``--count`` plans is generated (``generate.py``) in a temporary folder;
``planparse batch`` converts it once per worker count and repetition, as a user runs it
(wall time from start to exit, process start-up included; the best repetition counts);
the memory of the whole process tree is sampled every 100 ms. The parse/word_tokenize
ratio is checked on the mean over 20 plans of about 20 KB (each plan's ratio is shown
too: on a loaded machine one plan's timing is noisy). Needs ``pip install -e '.[dev]'``
(for psutil).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from generate import generate

TARGET_RATIO, TARGET_SCALING, TARGET_MEMORY_MB = 0.5, 1.7, 400
RATIO_TEXTS, RATIO_BYTES = 20, 20_000


def machine() -> dict:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    from planparse import __version__

    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "os": platform.platform(terse=True), "planparse": __version__,
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def run_batch(plans: Path, out: Path, jobs: int) -> dict:
    """Run ``planparse batch`` on ``plans``; its wall time and the peak memory of its process tree."""
    cmd = [sys.executable, "-m", "planparse", "batch", str(plans), "-o", str(out), "-j", str(jobs), "-q"]
    cpu_before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak = peak_one = 0
    while proc.poll() is None:
        with_children = [root, *root.children(recursive=True)]
        rss = []
        for p in with_children:
            with contextlib.suppress(psutil.Error):  # the process ended between listing and reading
                rss.append(p.memory_info().rss)
        peak, peak_one = max(peak, sum(rss)), max(peak_one, max(rss, default=0))
        time.sleep(0.1)  # light: the sampler must not take CPU from the workers
    seconds = time.perf_counter() - start
    err = proc.stderr.read()
    if proc.returncode != 0:
        raise SystemExit(f"planparse batch failed ({proc.returncode}): {err}")
    return {"jobs": jobs, "seconds": seconds, "cpu_seconds": _children_cpu() - cpu_before,
            "peak_rss_mb": peak / 2**20, "peak_process_rss_mb": peak_one / 2**20,
            "summary": err.strip()}


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (with the workers they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def parse_vs_tokenize(paths: list[Path], times: int = 5) -> dict:
    """Full parse time against ``underthesea.word_tokenize`` time on the same texts.

    Each is the best of ``times`` runs, the two taking turns so that both meet the same load.
    """
    import underthesea

    import planparse

    planparse.parse_file(paths[0])  # load both once, as a batch worker does
    underthesea.word_tokenize(paths[0].read_text("utf-8"))
    parse_s, tokenize_s = [], []
    for path in paths:
        text = path.read_text("utf-8")
        best = [float("inf"), float("inf")]
        for _ in range(times):
            for i, (fn, arg) in enumerate(((planparse.parse_file, path), (underthesea.word_tokenize, text))):
                start = time.perf_counter()
                fn(arg)
                best[i] = min(best[i], time.perf_counter() - start)
        parse_s.append(best[0])
        tokenize_s.append(best[1])
    ratios = [p / t for p, t in zip(parse_s, tokenize_s, strict=True)]
    sizes = [p.stat().st_size for p in paths]
    return {"texts": len(paths), "bytes_min": min(sizes), "bytes_max": max(sizes),
            "parse_ms": 1000 * statistics.mean(parse_s), "word_tokenize_ms": 1000 * statistics.mean(tokenize_s),
            "ratio": sum(parse_s) / sum(tokenize_s), "ratio_median": statistics.median(ratios),
            "ratio_max": max(ratios)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="plans in the collection (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=2, help="runs per worker count; the best counts (default 2)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    result = {"machine": machine()}
    with tempfile.TemporaryDirectory(prefix="planparse-bench-") as tmp:
        plans = Path(tmp) / "plans"
        paths = generate(plans, args.count, args.seed)
        size = sum(p.stat().st_size for p in paths)
        result["collection"] = {"plans": len(paths), "mb": size / 1e6, "seed": args.seed}
        runs: dict[int, dict] = {}
        for i in range(args.repeat):
            for jobs in (1, 2):
                run = run_batch(plans, Path(tmp) / f"out-{jobs}-{i}", jobs)
                if jobs not in runs or run["seconds"] < runs[jobs]["seconds"]:
                    runs[jobs] = run
        for run in runs.values():
            run["documents_per_s"] = len(paths) / run["seconds"]
            run["mb_per_s"] = size / 1e6 / run["seconds"]
        result["batch"] = list(runs.values())
        result["scaling_1_to_2"] = runs[1]["seconds"] / runs[2]["seconds"]
        near = sorted(paths, key=lambda p: abs(p.stat().st_size - RATIO_BYTES))[:RATIO_TEXTS]
        result["parse_vs_word_tokenize"] = parse_vs_tokenize(near)
    result["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report(result))


def report(r: dict) -> str:
    """The figures as a markdown table, each checked against its target."""
    m, c, pv = r["machine"], r["collection"], r["parse_vs_word_tokenize"]
    peak = max(run["peak_rss_mb"] for run in r["batch"])
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}, {m['os']}; "
        f"load average {m['load_average_at_start'][0]} at start, {m['load_average_at_end'][0]} at end.",
        f"Collection: {c['plans']} generated plans, {c['mb']:.1f} MB (seed {c['seed']}).",
        "",
        "| measure | value | target |",
        "|---|---|---|",
    ]
    for run in r["batch"]:
        lines.append(f"| batch, {run['jobs']} worker{'s' if run['jobs'] > 1 else ''} | {run['seconds']:.1f} s: "
                     f"{run['documents_per_s']:.0f} documents/s, {run['mb_per_s']:.2f} MB/s "
                     f"({run['cpu_seconds']:.1f} s of CPU), "
                     f"peak {run['peak_rss_mb']:.0f} MB (largest process {run['peak_process_rss_mb']:.0f} MB) | |")
    lines += [
        f"| scaling, 1 → 2 workers | {r['scaling_1_to_2']:.2f}x | ≥ {TARGET_SCALING}x "
        f"{'✓' if r['scaling_1_to_2'] >= TARGET_SCALING else '✗'} |",
        f"| peak memory, all processes | {peak:.0f} MB | < {TARGET_MEMORY_MB} MB "
        f"{'✓' if peak < TARGET_MEMORY_MB else '✗'} |",
        f"| full parse / word_tokenize, {pv['texts']} plans of {pv['bytes_min'] / 1000:.1f}–"
        f"{pv['bytes_max'] / 1000:.1f} KB | {pv['parse_ms']:.1f} ms / {pv['word_tokenize_ms']:.1f} ms = "
        f"{pv['ratio']:.2f}x (per plan: median {pv['ratio_median']:.2f}x, worst {pv['ratio_max']:.2f}x) | "
        f"≤ {TARGET_RATIO}x {'✓' if pv['ratio'] <= TARGET_RATIO else '✗'} |",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
