"""The README's Python example runs and prints what it says it prints."""

from __future__ import annotations

import contextlib
import io
import os
import re

from conftest import ROOT


def test_readme_python_example_prints_what_it_claims():
    readme = (ROOT / "README.md").read_text("utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
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
