"""notebooks/compare_provinces.ipynb runs top to bottom, so it cannot rot."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

from conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")

NOTEBOOK = ROOT / "notebooks" / "compare_provinces.ipynb"
KERNEL = "planparse-test"


def test_the_comparison_notebook_runs(tmp_path, monkeypatch):
    # a kernel of this interpreter, whatever kernels the machine has
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": KERNEL, "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    work = tmp_path / "work"
    (work / "notebooks").mkdir(parents=True)
    shutil.copy(NOTEBOOK, work / "notebooks")
    (work / "corpus").symlink_to(ROOT / "corpus")

    nb = nbformat.read(work / "notebooks" / NOTEBOOK.name, as_version=4)
    assert not any(cell.get("outputs") for cell in nb.cells), "commit the notebook without outputs"
    nbclient.NotebookClient(nb, timeout=120, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(work / "notebooks")}}).execute()

    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 2  # the targets, the deadlines by month
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "348/QĐ-TTg" in html and "Sở Thông tin và Truyền thông" in html  # the strategies, who leads
    assert any('class="spans"' in o.get("data", {}).get("text/html", "") for o in outputs)  # displaCy's view
