"""Golden snapshots of the outline (labels, titles, roles) of the shared plans.

Regenerate with ``PLANPARSE_REGENERATE_GOLDEN=1 pytest tests/test_outline_golden.py``
and review the diff; a missing golden file is a failure, never a silent write.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import CORPUS, SHARED_PLANS
from planparse import Plan, parse_file

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("PLANPARSE_REGENERATE_GOLDEN") == "1"


def render(plan: Plan) -> str:
    """One line per section: indentation for depth, kind, label, role and title."""
    out: list[str] = []

    def walk(sections, depth):
        for s in sections:
            role = s.role.value if s.role else "-"
            out.append(f"{'  ' * depth}{s.kind.value} [{s.label or ''}] ({role}) {s.title}")
            walk(s.children, depth + 1)

    walk(plan.sections, 0)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("name", SHARED_PLANS)
def test_outline_matches_golden(name):
    golden = GOLDEN / f"{Path(name).stem}.outline.txt"
    actual = render(parse_file(CORPUS / name))
    if REGENERATE:
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"missing golden file {golden}; run with PLANPARSE_REGENERATE_GOLDEN=1 and review"
    assert actual == golden.read_text(encoding="utf-8")


def test_regeneration_switch_is_off():
    assert not REGENERATE, "PLANPARSE_REGENERATE_GOLDEN must not be set when the suite runs for real"
