"""Inputs made to stall, exhaust or crash the parser: each gives its typed error or its plan, within a stated
bound of time and of memory (peak resident size, measured in a subprocess of its own).

The bounds are generous (a hang or a quadratic blows them by far, a slow machine does not).
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import formats
import planparse
from conftest import ROOT, corpus_documents
from planparse.cli import main
from planparse.lang.genre import DATE_LINE
from planparse.read import Limits
from planparse.read.limits import MB

PLAN = corpus_documents()[0]
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


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory) -> Path:
    return formats.write_docx(PLAN.read_text("utf-8"), tmp_path_factory.mktemp("docx") / "plan.docx")


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


# -- limits: refused before the cost is paid ----------------------------------------------------------------------


def _docx(plan: Path, path: Path, entries: int = 0, bomb_mb: int = 0) -> Path:
    """The DOCX ``plan`` with ``entries`` empty entries more, or a part of ``bomb_mb`` MB of zeros."""
    with zipfile.ZipFile(plan) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, src.read(item))
        for i in range(entries):
            out.writestr(f"word/extra/{i}.xml", b"")
        if bomb_mb:
            with out.open("word/media/zeros.bin", "w", force_zip64=True) as part:
                for _ in range(bomb_mb):
                    part.write(bytes(MB))
    return path


def test_a_zip_bomb_by_ratio_is_refused_unopened(tmp_path, plan_docx):
    path = _docx(plan_docx, tmp_path / "bomb.docx", bomb_mb=1024)
    assert path.stat().st_size < 2 * MB  # 1 GB inside
    error, message = within_bounds(run_isolated(outcome_of(f"parse_file({str(path)!r})")))
    assert error == "UnpackedTooLargeError"
    assert str(path) in message and "unpacks to 1,024" in message and "--max-unpacked-mb" in message


def test_a_zip_bomb_by_count_is_refused_unopened(tmp_path, plan_docx):
    path = _docx(plan_docx, tmp_path / "many.docx", entries=60_000)
    error, message = within_bounds(run_isolated(outcome_of(f"parse_file({str(path)!r})")))
    assert error == "TooManyEntriesError"
    assert str(path) in message and "--max-entries" in message


def test_a_pdf_of_too_many_pages_is_refused_before_its_pages_are_read(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for i in range(Limits().pages + 1):
        pdf.add_page()
        pdf.cell(text=f"Trang {i}")
    path = tmp_path / "long.pdf"
    pdf.output(str(path))
    error, message = within_bounds(run_isolated(outcome_of(f"parse_file({str(path)!r})")))
    assert error == "TooManyPagesError"
    assert str(path) in message and "--max-pages" in message


def test_a_20_mb_text_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "huge.txt"
    text = PLAN.read_text("utf-8")
    path.write_text(text * (20 * MB // len(text.encode("utf-8")) + 1), encoding="utf-8")
    assert path.stat().st_size > 20 * MB
    error, message = within_bounds(run_isolated(outcome_of(f"parse_file({str(path)!r})")))
    assert error == "TextTooLongError"
    assert str(path) in message and "--max-chars" in message


def test_a_limit_is_raised_by_the_option_its_error_names(tmp_path, capsys):
    path = formats.write_pdf(PLAN.read_text("utf-8"), tmp_path / "plan.pdf")
    assert main(["facts", str(path), "--max-pages", "1"]) == 1
    assert "--max-pages" in capsys.readouterr().err
    assert main(["facts", str(path), "--max-pages", "100"]) == 0
    assert json.loads(capsys.readouterr().out)["document"]["number"] == planparse.parse_file(PLAN).document.number


def test_every_real_plan_passes_the_default_limits_with_room(corpus_as):
    room = Limits(**{name: value // 4 for name, value in asdict(Limits()).items()})
    for fmt in ("docx", "pdf"):
        for path in corpus_as(fmt).values():
            planparse.read(path, room)


# -- files that cannot be read ------------------------------------------------------------------------------------


def test_an_unreadable_file_is_a_typed_error_naming_it(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    shutil.copy(PLAN, path)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: the system refuses it as it would another user

        def denied(self, *args, **kwargs):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))

        monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(planparse.FileMissingError) as err:
        planparse.parse_file(path)
    assert str(err.value) == f"{path}: permission denied: the file cannot be read"


@pytest.mark.parametrize("make, reason", [
    (lambda p: (p.symlink_to(p.with_name("b.txt")), p.with_name("b.txt").symlink_to(p)), "a loop of symbolic links"),
    (lambda p: p.symlink_to(p.with_name("gone.txt")), "a broken symbolic link"),
    (lambda p: p.mkdir(), "not a regular file"),
    (lambda p: os.mkfifo(p), "not a regular file"),
], ids=["symlink-loop", "broken-symlink", "folder", "fifo"])
def test_a_path_that_is_no_readable_file_is_a_typed_error_naming_it(tmp_path, make, reason):
    path = tmp_path / "a.txt"
    make(path)
    with pytest.raises(planparse.FileMissingError) as err:
        planparse.parse_file(path)
    assert str(err.value) == f"{path}: {reason}"


# -- text in other shapes: still its plan -------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["nul-bytes", "windows-1258"])
def test_odd_but_good_text_gives_its_plan(tmp_path, shape):
    from test_read import to_windows_1258

    text = PLAN.read_text("utf-8")
    path = tmp_path / f"{shape}.txt"
    path.write_bytes(to_windows_1258(text) if shape == "windows-1258" else text.replace("\n", "\x00\n", 10).encode())
    result = within_bounds(run_isolated(outcome_of(f"parse_file({str(path)!r})")))
    assert result == ["plan", planparse.parse_file(PLAN).document.number]


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_html_nested_beyond_any_page_is_refused_within_bounds(tmp_path, depth):
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * depth + "Kế hoạch số 12/KH-UBND" + "</div>" * depth + "</body></html>",
                    encoding="utf-8")
    error, message = within_bounds(run_isolated(outcome_of(f"parse_file({str(path)!r})")))
    assert error == "LimitExceededError"
    assert str(path) in message and "deep" in message
