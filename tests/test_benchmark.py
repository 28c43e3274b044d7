"""The benchmark's quick mode runs and reports every figure of the issue (its timings are not checked here:
speed is measured by the benchmark on a quiet machine, never by a test)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REALWORLD, ROOT


def test_quick_benchmark_reports_every_figure(tmp_path, realworld):
    out = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--count", "20",
                           "--json", str(out)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    figures = json.loads(out.read_text("utf-8"))
    assert figures["quick"] is True
    assert {"load_average_at_start", "load_average_at_end", "cpu", "cores"} <= figures["machine"].keys()
    assert [run["jobs"] for run in figures["batch"]] == [1, 2]
    assert figures["scaling_1_to_2"] > 0
    for measure in ("parse_vs_word_tokenize", "one_line", "growth", "docx_vs_word_tokenize"):
        assert figures[measure]["ratio"] > 0, measure
    assert figures["one_line"]["chars"] == 20_000
    assert figures["growth"]["large_bytes"] > 9 * figures["growth"]["small_bytes"]
    assert figures["docx_vs_word_tokenize"]["files"] > 0 and REALWORLD.is_dir()
    assert figures["pdf"]["pages"] > 0 and figures["pdf"]["pages_per_s"] > 0
    assert figures["worker"]["rss_mb"] > 0 and figures["worker"]["start_to_first_parse_s"] > 0
    for row in ("scaling, 1 → 2 workers", "one line of 20,000 characters", "real DOCX files", "pages/s",
                "start to first parse"):
        assert row in done.stdout, row
