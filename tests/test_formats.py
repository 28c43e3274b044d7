"""Every format gives the facts of the text it carries: each corpus plan written as PDF, DOCX and HTML."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

import formats
from conftest import corpus_documents
from planparse import Plan, Source, parse_file, read

FORMATS = ["pdf", "docx", "html"]


@cache
def _read(path: Path) -> Source:
    return read(path)


@cache
def _plan(path: Path) -> Plan:
    return parse_file(path)


def facts_f1(scorer, gold: dict, pred: dict) -> tuple[float, list[str]]:
    """F1 over every fact of every part, and what was missed or extra."""
    tallies = {part: scorer.Tally() for part in scorer.PARTS}
    misses: list[str] = []
    scorer.score_one(gold, pred, tallies, misses)
    total = scorer.Tally()
    for tally in tallies.values():
        total.tp, total.fp, total.fn = total.tp + tally.tp, total.fp + tally.fp, total.fn + tally.fn
    return total.prf()[2], misses


@pytest.fixture(scope="module")
def text_facts():
    return {doc: parse_file(doc).to_facts() for doc in corpus_documents(real=False)}


@pytest.mark.parametrize("doc", corpus_documents(real=False), ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_gives_the_facts_of_its_text(scorer, corpus_as, text_facts, fmt, doc):
    plan = _plan(corpus_as(fmt)[doc])
    assert plan.source.format == fmt
    f1, misses = facts_f1(scorer, text_facts[doc], plan.to_facts())
    assert f1 >= 0.98, misses


@pytest.mark.parametrize("doc", corpus_documents(real=False), ids=lambda p: p.stem)
def test_pdf_facts_carry_the_page_they_are_on(corpus_as, doc):
    path = corpus_as("pdf")[doc]
    plan = _plan(path)
    with pdfplumber.open(path) as pdf:
        pages = ["".join((page.extract_text() or "").split()) for page in pdf.pages]
    assert plan.references
    for ref in plan.references:
        for mention in ref.mentions:
            assert mention.page is not None
            assert "".join(plan.text[mention.start:mention.end].split()) in pages[mention.page - 1]
    assert all(p.page for p in plan.document.provenance.values())
    assert all(section.provenance.page for section in plan.walk())


def test_text_sources_have_no_pages():
    plan = parse_file(corpus_documents(real=False)[0])
    assert all(ref.provenance.page is None for ref in plan.references)


def _paragraphs(doc) -> list[str]:
    """The paragraphs the writers set: what a reader must give back one per line."""
    return [formats.plain(b.text) for b in formats.blocks(doc.read_text("utf-8")) if b.kind in ("para", "heading")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_paragraphs_come_back_whole_and_in_order(corpus_as, fmt):
    for doc in corpus_documents(real=False):
        text = "\n".join(line.lstrip("# ") for line in _read(corpus_as(fmt)[doc]).text.split("\n"))
        wanted = _paragraphs(doc)
        found, at = 0, 0
        for paragraph in wanted:
            k = text.find(paragraph, at)
            if k >= 0:
                found, at = found + 1, k + len(paragraph)
        assert found >= 0.97 * len(wanted), doc.name


def _cells(line: str) -> tuple[str, ...]:
    return tuple(cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line.strip()[1:-1]))


@pytest.mark.parametrize("fmt", FORMATS)
def test_tables_come_back_as_pipe_tables(corpus_as, fmt):
    tables = 0
    for doc in corpus_documents(real=False):
        lines = _read(corpus_as(fmt)[doc]).text.split("\n")
        for block in formats.blocks(doc.read_text("utf-8")):
            if block.kind != "table":
                continue
            tables += 1
            header, *rows = block.rows
            start = next(k for k, line in enumerate(lines) if line.startswith("|") and _cells(line) == header)
            assert set(lines[start + 1]) == {"|", "-"}
            assert [_cells(line) for line in lines[start + 2:start + 2 + len(rows)]] == list(rows)
    assert tables >= 3


def test_the_two_column_header_is_kept_apart(corpus_as):
    for doc in corpus_documents(real=False):
        columns = [b for b in formats.blocks(doc.read_text("utf-8")) if b.kind == "columns"]
        if not columns:
            continue
        plan = _plan(corpus_as("pdf")[doc])
        lines = plan.text.split("\n")
        for block in columns:
            left = [formats.plain(x) for x in block.left]
            right = [formats.plain(x) for x in block.right]
            at = [lines.index(x) for x in left + right]
            assert at == sorted(at), doc.name  # the left column, then the right column, each whole


def test_running_headers_and_page_numbers_are_dropped(corpus_as):
    for doc, path in corpus_as("pdf").items():
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        text = _read(path).text
        assert not re.search(r"Trang \d+/\d+", text)
        first = next(b for b in formats.blocks(doc.read_text("utf-8")) if b.text or b.left)
        running = formats.plain(first.text or first.left[0])
        assert text.count(running) == doc.read_text("utf-8").count(running), (doc.name, pages)
