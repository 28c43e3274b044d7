"""Inputs made to stall, exhaust or crash the parser: each gives its typed error or its plan, within a stated
bound of time and of memory (peak resident size, measured in a subprocess of its own).

The bounds are generous (a hang or a quadratic blows them by far, a slow machine does not). Nested HTML is
left to the HTML reader's own tests.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from planparse.genre import DATE_LINE

SECONDS = 120  # the bound on any one case, on a loaded 2-core machine; a quadratic case took hours
PEAK_MB = 500


def run_isolated(code: str) -> dict:
    """Run ``code`` (which sets ``result``) in a fresh interpreter; its result, seconds and peak memory in MB."""
    program = "import json, resource, time\nstart = time.perf_counter()\n" + textwrap.dedent(code) + textwrap.dedent("""
        print(json.dumps({"result": result, "seconds": time.perf_counter() - start,
                          "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    """)
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=SECONDS * 3,
                          env={"PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def outcome_of(parse_call: str) -> str:
    """Code that sets ``result`` to the plan's number or the error's type and message, for ``parse_call``."""
    return f"""
        import planparse
        try:
            result = ["plan", planparse.{parse_call}.document.number]
        except planparse.PlanparseError as exc:
            result = [type(exc).__name__, str(exc)]
    """


def within_bounds(run: dict) -> list:
    assert run["seconds"] < SECONDS, run
    assert run["peak_mb"] < PEAK_MB, run
    return run["result"]


# -- long lines ---------------------------------------------------------------------------------------------------


@given(st.lists(st.sampled_from(list("ab ,.\n") + ["ngày 1 ", "tháng 2 ", "năm 2024", "Hà Nội"]),
                max_size=40).map("".join))
def test_the_date_line_is_found_where_a_search_from_anywhere_finds_it(text):
    anywhere = re.compile(DATE_LINE.pattern.replace(r"(?:^|(?<=[,\n]))", "", 1), DATE_LINE.flags)
    assert anywhere.pattern != DATE_LINE.pattern
    found, expected = DATE_LINE.search(text), anywhere.search(text)
    assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict()))


def test_a_long_line_is_parsed_in_linear_time():
    header = "ỦY BAN NHÂN DÂN\\nSố: 12/KH-UBND\\nHà Nội, ngày 1 tháng 2 năm 2024\\nKẾ HOẠCH\\n"
    code = outcome_of(f"parse('{header}' + '.' * 200_000 + '\\n' + 'Hà Nội, ' * 25_000 + '\\n' + 'ngày ' * 40_000)")
    assert within_bounds(run_isolated(code)) == ["plan", "12/KH-UBND"]
