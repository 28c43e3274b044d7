"""The README's Python example runs and prints what it says it prints."""

from __future__ import annotations

import contextlib
import io
import os
import re

import pytest

from conftest import ROOT


BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), flags=re.S)


@pytest.mark.parametrize("block", BLOCKS, ids=[f"example-{k + 1}" for k in range(len(BLOCKS))])
def test_readme_python_example_prints_what_it_claims(block):
    expected = [line.strip()[2:] for line in block.splitlines() if line.strip().startswith("# ")]
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    assert out.getvalue().splitlines() == expected
