"""The pipeline: read → blocks → Document (clean, tables, outline) → extract → Plan."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from planparse import document as documents
from planparse.errors import FileMissingError, InputError, PlanparseError
from planparse.extract import assignments, budget, header, objectives, quantities, references, tasks
from planparse.model import Plan, SourceInfo
from planparse.read import Limits, Progress, Source, read


def parse(text: str, source: SourceInfo | None = None) -> Plan:
    """Parse the text of a plan into a :class:`Plan`.

    Raises :class:`EmptyDocumentError` for a text with nothing in it and
    :class:`NotAPlanError` for one that is not Vietnamese.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the text as str, not {type(text).__name__}; use parse_file() for files")
    return _parsed(Source.from_text(text, source or SourceInfo(format="text")))


def parse_file(path: str | Path, limits: Limits = Limits(), ocr: str = "auto",
               progress: Progress | None = None) -> Plan:
    """Read and parse a plan document within ``limits``; every error names the file. ``ocr``: which pages of a
    PDF are read by OCR (``auto``: those with no usable text; ``always``; ``never``); ``progress(done, total)``
    is called as each page is."""
    src = read(path, limits, ocr, progress)
    try:
        return _parsed(src)
    except PlanparseError as exc:
        raise exc.with_path(path) from None


def _parsed(src: Source) -> Plan:
    """The Plan of what a reader gave, the cyclic garbage collector paused meanwhile."""
    with _collector_paused():
        return extract(documents.build(src))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused (if it runs) while a document is parsed. A parse makes objects
    that live until it ends and almost no cycles (a few hundred in a 2 MB text), and the collector's passes over
    ever more live objects took a fifth of a large text's time; the cycles are collected after it."""
    if not gc.isenabled():  # paused by the caller, or by a parse in another thread, which resumes it
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def extract(doc: documents.Document) -> Plan:
    """Every fact of a :class:`~planparse.document.Document`, as a :class:`Plan`."""
    head = header.extract(doc)
    refs = references.extract(doc, head)
    targets = objectives.extract(doc, head)
    money = budget.extract(doc, refs)
    work, deadlines = tasks.extract(doc, head)
    return Plan(source=doc.info, text=doc.text, document=head, references=refs, sections=doc.sections,
                objectives=targets, quantities=quantities.extract(doc, targets),
                budget_sources=money.sources, budget_amounts=money.amounts, budget_allocations=money.allocations,
                tasks=work, deadlines=deadlines, assignments=assignments.extract(doc, head, work, deadlines))


def load_plan(path: str | Path) -> Plan:
    """A plan saved as JSON by ``planparse parse`` or ``planparse batch``, without parsing it again."""
    try:
        return Plan.model_validate_json(Path(path).read_bytes())
    except OSError as exc:
        raise FileMissingError(f"cannot read the file: {exc.strerror}").with_path(path) from None
    except ValidationError as exc:
        raise InputError(f"not the JSON of a parsed plan ({exc.errors()[0]['msg']})").with_path(path) from None
