"""Properties over arbitrary text: parse returns a Plan or raises a planparse error, deterministically; every
grammar finishes in linear time on long lines and repeated markers."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import planparse
from planparse import Plan, PlanparseError

GENRE = st.sampled_from([
    "Số: 12/KH-UBND", "KẾ HOẠCH", "I. MỤC TIÊU", "1.1. Mục tiêu cụ thể", "a) Nhiệm vụ", "- 67% cơ quan", "+ tăng",
    "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "|", "-------",
    "Hà Nội, ngày 1 tháng 2 năm 2024", "ngày  tháng  năm 2024", "Căn cứ Quyết định số 348/QĐ-TTg;", "## TIÊU ĐỀ",
    "Điều 1.", "(Đã ký)", "V/v", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "09- NQ/TU", "hoà", "\ufeff", "\u0301",
])
TEXTS = st.one_of(
    st.text(),
    st.binary().map(lambda b: b.decode("latin-1")),
    st.lists(st.one_of(GENRE, st.text(max_size=30)), max_size=30).map("\n".join),
)


def outcome(text: str):
    try:
        return planparse.parse(text)
    except PlanparseError as exc:
        return exc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_parse_returns_a_plan_or_raises_a_planparse_error(text):
    result = outcome(text)
    assert isinstance(result, (Plan, PlanparseError))
    if isinstance(result, Plan):
        for section in result.walk():
            prov = section.provenance
            assert 0 <= prov.start <= prov.end <= len(result.text)
        for ref in result.references:
            assert result.text[ref.provenance.start:ref.provenance.end].replace(" ", "") == ref.number


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_output_is_deterministic(text):
    first, second = outcome(text), outcome(text)
    if isinstance(first, Plan):
        assert first.model_dump_json() == second.model_dump_json()
    else:
        assert type(first) is type(second) and str(first) == str(second)


def test_empty_and_blank_text():
    for text in ("", " ", "\n\n\t", "\u200b"):
        assert isinstance(outcome(text), planparse.EmptyDocumentError)


# Linear time: long lines and repeated markers through every grammar. A catastrophic pattern (one whose time grows
# with the square or cube of a line's length) is a defect; each call runs under a watchdog in a forked process, so
# that one that hangs fails the test, naming the grammar, instead of blocking the run.
MARKERS = [
    "Điều 1. ", "Số: 12/KH-UBND ", "ngày 1 tháng 2 năm 2024 ", "Hà Nội, ", "67% ", "trước ngày 30/6/2024 ",
    "chủ trì ", "phối hợp với ", "Sở Tài chính ", "UBND tỉnh ", "Ủy ban nhân dân ", "1.2.3. ", "a) ", "- ", "+ ",
    "| a | b ", "|", "Ban Chỉ Đạo ", "KẾ HOẠCH ", "CỘNG HÒA ", "năm 2025 ", "Quý I ", "hằng năm ", "đến năm 2030 ",
    "1.000.000 ", "tỷ đồng ", "(Đã ký) ", "Căn cứ ", "V/v ", "TM. ", "Nguyễn Văn An ", "Sở, ", "và ", "I. ", "II.",
    "(", "[", "/", "1", ".", "…", "_", " ", "x", "A", "đạt ", "trên ", "1,2 ", "Nơi nhận: ", "(Kèm theo ",
]
LONG = 20_000
WATCHDOG_S = 60.0  # per call: linear grammars take well under a second on these texts, a catastrophic one hours
PLAN: str | None = None


def _plan_with(line: str) -> str:
    """A real plan with ``line`` as an item of its tasks: the extractors meet it in its context."""
    global PLAN
    if PLAN is None:
        from conftest import CORPUS

        PLAN = (CORPUS / "lai-chau-3414-kh-ubnd-2023.txt").read_text("utf-8")
    cut = PLAN.index("\n", len(PLAN) // 3) + 1
    return PLAN[:cut] + "1. " + line + "\n" + PLAN[cut:]


def _grammars():
    """Every entry point of the language layer, the cleaner, the table finder and the outline that takes a text,
    and the whole pipeline (document build, outline, every extractor) on the text and on a plan holding it."""
    from planparse import blocks, clean, tables
    from planparse.lang import bodies, genre, names, numbering, quantities, syllables, times

    patterns = {f"genre.{k}": v.finditer for k, v in vars(genre).items() if isinstance(v, re.Pattern)}
    return {
        **patterns,
        **{f"genre.{f.__name__}": f for f in (
            genre.date_line, genre.has_vietnamese, genre.is_table_row, genre.is_lone_label, genre.is_caps,
            genre.starts_with_doctype, genre.is_position, genre.is_signer_name, genre.opens_part,
            genre.body_opener, genre.issuer_code, genre.type_code)},
        "numbering.match_label": numbering.match_label, "numbering.is_rule": numbering.is_rule,
        "quantities.extract_quantities": quantities.extract_quantities, "quantities.read_cell": quantities.read_cell,
        "times.find_times": times.find_times, "times.read_cell": times.read_cell, "times.repeats": times.repeats,
        **{f"names.{f.__name__}": f for f in (
            names.expand_abbreviations, names.place_case, names.proper_case_body, names.sentence_case,
            names.initials, names.province_in)},
        "bodies.find_all": lambda t: bodies.BodyReader().find_all(t),
        "bodies.listing": lambda t: bodies.BodyReader().listing(t),
        "bodies.run": lambda t: bodies.BodyReader().run(t, 0),
        "bodies.names_a_body": bodies.names_a_body,
        "syllables.syllable_share": syllables.syllable_share,
        "clean.clean": clean.clean, "clean.normalize_line": clean.normalize_line,
        "clean.starts_block": clean.starts_block,
        "tables.find_tables": tables.find_tables, "blocks.lines_of": blocks.lines_of,
        "parse": outcome, "parse, in a plan": lambda t: outcome(_plan_with(t)),
    }


def _run_all(text: str, current, started) -> None:
    """In the forked process: every grammar on ``text``, saying which one runs and since when."""
    import time

    for k, fn in enumerate(_grammars().values()):
        current.value, started.value = k, time.monotonic()
        result = fn(text)
        if hasattr(result, "__next__"):
            for _ in result:
                pass
    current.value = -1


def _finishes(text: str) -> None:
    import multiprocessing
    import time

    context = multiprocessing.get_context("fork")
    current, started = context.Value("i", 0), context.Value("d", time.monotonic())
    child = context.Process(target=_run_all, args=(text, current, started))
    child.start()
    while child.is_alive():
        child.join(0.2)
        if child.is_alive() and time.monotonic() - started.value > WATCHDOG_S:
            child.kill()
            child.join()
            name = list(_grammars())[current.value]
            raise AssertionError(f"{name} ran over {WATCHDOG_S:.0f} s on {text[:60]!r}… ({len(text)} characters)")
    assert child.exitcode == 0 and current.value == -1, f"a grammar failed on {text[:60]!r}…"


# a line: a run of one to three markers, or of a marker between runs of words, 20,000 characters or more long
LONG_LINES = st.builds(
    lambda unit, n: (unit * (n // len(unit) + 1))[:n],
    st.lists(st.sampled_from(MARKERS), min_size=1, max_size=3).map("".join),
    st.integers(LONG, LONG + 5_000),
)
# a document of many short lines, each the same few markers (the grammars that run line by line)
MARKER_LINES = st.builds(
    lambda unit, n: "\n".join([unit] * (n // (len(unit) + 1) + 1)),
    st.lists(st.sampled_from(MARKERS), min_size=1, max_size=4).map("".join),
    st.integers(LONG, LONG + 5_000),
)


# no shrinking: a failing text is a marker run, which the message shows; shrinking would fork for each attempt
@settings(max_examples=8, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(LONG_LINES, MARKER_LINES))
def test_every_grammar_finishes_on_long_lines_and_repeated_markers(text):
    _finishes(text)


def test_the_watchdog_names_a_grammar_that_hangs(monkeypatch):
    import time

    monkeypatch.setattr(sys.modules[__name__], "WATCHDOG_S", 0.5)
    monkeypatch.setattr(sys.modules[__name__], "_grammars", lambda: {"a stuck grammar": lambda t: time.sleep(30)})
    with pytest.raises(AssertionError, match="a stuck grammar ran over"):
        _finishes("x" * 10)
