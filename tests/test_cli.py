"""The command line: subcommands, output, and errors as one line with a non-zero exit code."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT
from planparse.cli import main, schema_json

LAI_CHAU = CORPUS / "lai-chau-3414-kh-ubnd-2023.txt"


def test_facts_prints_the_facts_view(capsys):
    assert main(["facts", str(LAI_CHAU)]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["format"] == "planparse-facts/1"
    assert facts["document"]["number"] == "3414/KH-UBND"


def test_parse_writes_the_plan_json(tmp_path):
    out = tmp_path / "plan.json"
    assert main(["parse", str(LAI_CHAU), "-o", str(out)]) == 0
    plan = json.loads(out.read_text("utf-8"))
    assert plan["document"]["issuer"] == "Ủy ban nhân dân tỉnh Lai Châu"
    assert "Ủy ban" in out.read_text("utf-8")  # Vietnamese stays readable, not \\u-escaped
    assert not list(tmp_path.glob("*.tmp"))


def test_summary_goes_on_after_a_bad_file(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(LAI_CHAU.read_text("utf-8"), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["summary", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "good.txt: Kế hoạch · 3414/KH-UBND · 2023-09-08" in captured.out
    assert "bad.txt" in captured.err and "Traceback" not in captured.err


def test_errors_are_one_line_without_traceback(tmp_path):
    missing = tmp_path / "missing.txt"
    proc = subprocess.run([sys.executable, "-m", "planparse", "facts", str(missing)], capture_output=True,
                          text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"planparse: error: {missing}: no such file"


def test_committed_schema_is_up_to_date():
    committed = (ROOT / "schemas" / "plan.schema.json").read_text("utf-8")
    assert committed == schema_json(), "stale: run `planparse schema -o schemas/plan.schema.json`"


def test_schema_command_writes_the_file(tmp_path):
    out = tmp_path / "plan.schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["title"] == "Plan"


def test_schema_without_a_file_prints_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Plan"
    assert not list(tmp_path.iterdir())


def test_version_names_the_package_version():
    import planparse

    proc = subprocess.run([sys.executable, "-m", "planparse", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == f"planparse {planparse.__version__}"


def test_parse_dash_reads_the_document_from_standard_input():
    proc = subprocess.run([sys.executable, "-m", "planparse", "parse", "-"], input=LAI_CHAU.read_bytes(),
                          capture_output=True)
    assert proc.returncode == 0, proc.stderr
    plan = json.loads(proc.stdout)
    assert plan["document"]["number"] == "3414/KH-UBND" and plan["source"]["path"] is None
    proc = subprocess.run([sys.executable, "-m", "planparse", "facts", "-"], input=b"", capture_output=True)
    assert proc.returncode == 1 and proc.stderr.decode().startswith("planparse: error: <stdin>: ")


@pytest.mark.parametrize("command", [["summary"], ["compare"], ["db", "add", "plans.duckdb"]])
def test_every_command_that_reads_documents_takes_the_limits(command, tmp_path, capsys, monkeypatch):
    """A limit given to summary, compare or db add is the one applied: the file over it is refused, named."""
    monkeypatch.chdir(tmp_path)
    assert main([*command, str(LAI_CHAU), "--max-chars", "100", "--ocr", "never"]) == 1
    err = capsys.readouterr().err
    assert str(LAI_CHAU) in err and "--max-chars" in err
