"""The Document every extractor receives: the cleaned text, its blocks, sections and tables, and one way
to locate an offset.

Built once per parse from a reader's :class:`~planparse.read.Source`: the blocks are
rendered as text, cleaned (keeping an offset map to the rendered text), the
tables taken from the reader's table blocks (a plain text's tables are guessed
from its lines), and the outline built. :meth:`Document.locate` is where every
fact's :class:`~planparse.model.Provenance` is made: span, source line and page.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import accumulate
from typing import Generic, TypedDict, TypeVar

from planparse.blocks import Block, Line, Table as TableBlock, lines_of
from planparse.clean import Cleaned, clean
from planparse.errors import EmptyDocumentError, NotAPlanError
from planparse.lang.genre import has_vietnamese
from planparse.lang.quantities import core, extract_quantities
from planparse.lang.times import find_times
from planparse.model import Provenance, Quantity, Section, SourceInfo, TimeExpression
from planparse.outline import build_outline
from planparse.read import Source
from planparse.lang.syllables import syllable_share
from planparse.tables import Cell, Table, find_tables

_ESCAPED_PIPE = re.compile(r"\\\|")
TONELESS = 0.8  # the share of syllables in words of a Vietnamese text written without diacritics
_Item = TypeVar("_Item", Quantity, TimeExpression)
# a Provenance validated from its fields' dict: the model's own validator, without __init__'s keyword arguments
_PROVENANCE = Provenance.__pydantic_validator__


class ProvenanceFields(TypedDict):
    """The fields of a :class:`~planparse.model.Provenance`."""

    start: int
    end: int
    line: int
    page: int | None


class _Reading(Generic[_Item]):
    """A grammar's reading of texts, ``read(text, offset)``, for one document: each distinct text is read once
    and its items moved to each offset asked for (a plan's targets, tasks and bodies read the same sentences).
    With ``core``, a text is read as its span ``core(text)``, which gives the same items (a target's sentence with
    or without its bullet and closing mark)."""

    def __init__(self, read: Callable[[str, int], list[_Item]], spans: tuple[str, ...],
                 core: Callable[[str], tuple[int, int]] | None = None) -> None:
        self._read, self._spans, self._core = read, spans, core  # spans: the fields that hold offsets
        self._seen: dict[str, tuple[int, list[_Item]]] = {}  # a text → the offset it was read at, its items

    def __call__(self, text: str, offset: int = 0) -> list[_Item]:
        if self._core is not None:
            start, end = self._core(text)
            text, offset = text[start:end], offset + start
        seen = self._seen.get(text)
        if seen is None:
            seen = self._seen[text] = offset, self._read(text, offset)
        at, found = seen
        if at == offset:
            return list(found)
        return [item.model_copy(update={name: getattr(item, name) + offset - at for name in self._spans
                                        if getattr(item, name) is not None}) for item in found]


@dataclass(frozen=True)
class Document:
    """A document ready for extraction. ``text`` is the cleaned text every span points into."""

    source: Source
    cleaned: Cleaned
    tables: tuple[Table, ...]
    sections: list[Section] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.cleaned.text

    @property
    def info(self) -> SourceInfo:
        return self.source.info

    @property
    def blocks(self) -> Sequence[Block]:
        return self.source.blocks

    @cached_property
    def quantities(self) -> _Reading[Quantity]:
        """:func:`~planparse.lang.quantities.extract_quantities`, each distinct text (its
        :func:`~planparse.lang.quantities.core`) read once."""
        return _Reading(extract_quantities, ("start", "end", "range_id"), core)

    @cached_property
    def times(self) -> _Reading[TimeExpression]:
        """:func:`~planparse.lang.times.find_times`, each distinct text read once."""
        return _Reading(find_times, ("start", "end"))

    def table_at(self, offset: int) -> Table | None:
        """The first of :attr:`tables` that holds cleaned ``offset``, if any (found by bisection: one look-up
        for every line of a long document)."""
        starts, reach = self._table_index
        k = bisect.bisect_right(reach, offset)  # the first table that ends past the offset, tables before it end
        return self.tables[k] if k < bisect.bisect_right(starts, offset) else None

    @cached_property
    def _table_index(self) -> tuple[list[int], list[int]]:
        """The tables' starts, and the furthest end of the tables up to each."""
        return [t.start for t in self.tables], list(accumulate((t.end for t in self.tables), max))

    def line_of(self, offset: int) -> int:
        """The 1-based source line of cleaned ``offset``."""
        return self.cleaned.line_of(offset)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page of cleaned ``offset`` (``None`` for a source without pages)."""
        rendering = self.source.rendering
        return rendering.line_pages[self._rendered_line(offset)] if rendering.paged else None

    def block_of(self, offset: int) -> int:
        """The index in :attr:`blocks` of the block cleaned ``offset`` came from."""
        return self.source.rendering.line_blocks[self._rendered_line(offset)]

    def _rendered_line(self, offset: int) -> int:
        """The 0-based line of the rendered source text that cleaned ``offset`` came from."""
        line = bisect.bisect_right(self.source.rendering.line_starts, self.cleaned.to_raw(offset)) - 1
        return max(line, 0)

    def locate(self, start: int, end: int) -> Provenance:
        """The provenance of ``text[start:end]``: the span, its source line and page."""
        return _PROVENANCE.validate_python(self.provenance_fields(start, end))

    def provenance_fields(self, start: int, end: int) -> ProvenanceFields:
        """The fields of :meth:`locate`'s provenance, for a model that is validated whole (the outline's sections)."""
        page = self.page_of(start) if self.source.rendering.paged else None  # most sources have no pages
        return {"start": start, "end": end, "line": self.cleaned.line_of(start), "page": page}

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``text[start:end]`` in the source text (``source.text``)."""
        if end <= start:
            at = self.cleaned.to_raw(start)
            return at, at
        return self.cleaned.to_raw(start), self.cleaned.to_raw(end - 1) + 1


def build(source: Source) -> Document:
    """The Document of ``source``; raise :class:`EmptyDocumentError` or :class:`NotAPlanError`."""
    if not source.text.strip():
        raise EmptyDocumentError("the document is empty")
    cleaned = clean(source.text)
    if not cleaned.text.strip():
        raise EmptyDocumentError("the document holds only blank or invisible characters")
    if not has_vietnamese(cleaned.text):
        if syllable_share(cleaned.text, every_word=True) >= TONELESS:
            raise NotAPlanError("Vietnamese written without diacritics (tone marks), which planparse does not read;"
                                " it needs the document with its Vietnamese letters")
        raise NotAPlanError("no Vietnamese text found; this does not look like a Vietnamese plan")
    lines = lines_of(cleaned.text)  # read by the table finder and the outline
    document = Document(source, cleaned, _tables(source, cleaned, lines))
    return replace(document, sections=build_outline(document, lines))


def _tables(source: Source, cleaned: Cleaned, lines: list[Line]) -> tuple[Table, ...]:
    """The reader's data tables, each cell with its span in the cleaned text; and the tables a text
    written with pipes holds outside them (a plain text's only tables), found in its ``lines``."""
    rendering = source.rendering
    found: list[Table] = []
    spans: list[tuple[int, int]] = []
    by_block: dict[int, list] = {}
    for cell in rendering.cells:
        by_block.setdefault(cell.block, []).append(cell)
    for k, cells in by_block.items():
        block = source.blocks[k]
        assert isinstance(block, TableBlock)
        rows: list[list[Cell]] = []
        for cell in cells:
            if cell.column == 0:
                rows.append([])
            start, end = cleaned.from_raw(cell.start), cleaned.from_raw(cell.end)
            rows[-1].append(Cell(" ".join(_ESCAPED_PIPE.sub("|", cleaned.text[start:end]).split()), start, end))
        rendered = rendering.table_rows[k]  # the rendered lines of its rows
        first = cleaned.from_raw(rendering.line_starts[rendered[0]])
        after = rendered[-1] + 1
        end = cleaned.from_raw(rendering.line_starts[after] - 1 if after < len(rendering.line_starts)
                               else len(rendering.text))
        spans.append((first, end))
        if len(rows) > 1:
            found.append(Table(tuple(rows[0]), tuple(tuple(row) for row in rows[1:]), first, end))
    found += [t for t in find_tables(cleaned.text, lines) if not any(s <= t.start < e for s, e in spans)]
    return tuple(sorted(found, key=lambda t: t.start))
