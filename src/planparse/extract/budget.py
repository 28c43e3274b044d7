"""Budget: the kinds of funding a plan's budget section (Kinh phí) names, the sums it states, the allocations it cites.

A plan without a Kinh phí part speaks of its money in an item among its tasks, solutions or organisation
(``3. Kinh phí thực hiện Kế hoạch được bố trí từ …``, ``- Nguồn kinh phí: …``): an item whose heading opens
with a budget heading word (``data/section_roles.tsv``) is read as the budget section.

The kinds and their Vietnamese terms are in ``data/budget_terms.tsv``. A
decision (Quyết định) cited inside the section is an allocation already made
(``allocated``). Sums (``1.500 triệu đồng``, ``1,5 tỷ đồng``) are read by the
quantity grammar and given in VND.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from planparse.lang import vocab
from planparse.lang.quantities import phrases
from planparse.document import Document
from planparse.model import (
    BudgetAmount,
    BudgetSource,
    Provenance,
    Reference,
    Section,
    SectionRole,
    parts,
    walk_sections,
)

ALLOCATION_CODES = {"QĐ"}


@cache
def _terms() -> dict[str, str]:
    """Term (case-folded) → the kind of funding it names."""
    return {r["term"].casefold(): r["kind"] for r in vocab.table("budget_terms")}


@cache
def _term_pattern() -> re.Pattern[str]:
    return re.compile(phrases(_terms(), lead=True), re.IGNORECASE)


@dataclass(frozen=True)
class Budget:
    """What a plan says of its money: the kinds of funding, the sums, the allocations already made."""

    sources: list[BudgetSource]
    amounts: list[BudgetAmount]
    allocations: list[Reference]


_ITEM_SCOPE = {SectionRole.TASKS, SectionRole.ORGANISATION, None}


@cache
def _budget_heading() -> re.Pattern[str]:
    """A heading that opens with a budget heading word: Kinh phí, Nguồn kinh phí, Nguồn vốn."""
    words = [keyword for keyword, role in vocab.section_roles() if role == SectionRole.BUDGET.value]
    return re.compile(phrases(words, lead=True), re.IGNORECASE)


def _budget_items(sections: list[Section]) -> list[Section]:
    """The items among the tasks and the organisation that speak of the plan's money."""
    return [s for s in walk_sections(sections) if s.role in _ITEM_SCOPE and _budget_heading().match(s.title)]


def extract(doc: Document, references: list[Reference]) -> Budget:
    """The budget facts of the plan's budget sections (or budget items); ``references`` are the plan's references."""
    sections = list(parts(doc.sections, {SectionRole.BUDGET})) or _budget_items(doc.sections)
    cited = _allocations_cited(references)
    return Budget(_sources(doc, sections, cited), _amounts(doc, sections), _allocations(sections, cited))


def _sources(doc: Document, sections: list[Section], cited: list[tuple[Reference, Provenance]]) -> list[BudgetSource]:
    """Each kind of funding the budget sections name (``cited``: the allocations' mentions), once, at its first
    mention."""
    text = doc.text
    found: dict[str, BudgetSource] = {}
    for section in sections:
        start, end = section.provenance.start, section.end
        hits = [(m.start() - start, _terms()[" ".join(m.group().casefold().split())], len(m.group()))
                for m in _term_pattern().finditer(text, start, end)]
        for _, mention in _allocation_mentions(section, cited):
            hits.append((mention.start - start, "allocated", mention.end - mention.start))
        for at, kind, length in sorted(hits):
            if kind not in found:
                span = doc.locate(start + at, start + at + length)
                found[kind] = BudgetSource(kind=kind, text=text[span.start:span.end], provenance=span)
    return list(found.values())


def _allocation_mentions(section: Section, cited: list[tuple[Reference, Provenance]]) -> list[tuple[Reference, Provenance]]:
    """(reference, mention) for each decision ``cited`` inside the section, in order of mention."""
    lo = bisect_left(cited, section.provenance.start, key=lambda pair: pair[1].start)
    hi = bisect_left(cited, section.end, key=lambda pair: pair[1].start)
    return cited[lo:hi]


def _allocations_cited(references: list[Reference]) -> list[tuple[Reference, Provenance]]:
    """(reference, mention) for every mention of a decision that allocates, in order of mention."""
    return sorted(((ref, mention) for ref in references if ref.type_code in ALLOCATION_CODES
                   for mention in ref.mentions), key=lambda pair: pair[1].start)


def _allocations(sections: list[Section], cited: list[tuple[Reference, Provenance]]) -> list[Reference]:
    """The decisions the budget sections cite (``cited``: the allocations' mentions): allocations already made,
    once each, in order of mention."""
    found: dict[str, Reference] = {}
    for section in sections:
        for ref, _ in _allocation_mentions(section, cited):
            found.setdefault(ref.number, ref)
    return list(found.values())


def _amounts(doc: Document, sections: list[Section]) -> list[BudgetAmount]:
    """Every sum of money the budget sections state, in VND, in order."""
    amounts = []
    for section in sections:
        start = section.provenance.start
        for q in doc.quantities(doc.text[start:section.end], start):
            if q.unit == "VND":
                span = doc.locate(q.start, q.end)
                amounts.append(BudgetAmount(value=q.value, text=q.text, provenance=span))
    return amounts
