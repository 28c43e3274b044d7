"""Budget: the kinds of funding a plan's budget section (Kinh phí) names, the sums it states, the allocations it cites.

The kinds and their Vietnamese terms are in ``data/budget_terms.tsv``. A
decision (Quyết định) cited inside the section is an allocation already made
(``allocated``). Sums (``1.500 triệu đồng``, ``1,5 tỷ đồng``) are read by the
quantity grammar and given in VND.
"""

from __future__ import annotations

import re
from functools import cache

from planparse.lang import vocab
from planparse.lang.quantities import extract_quantities, phrases
from planparse.model import BudgetAmount, BudgetSource, Provenance, Reference, Section, SectionRole, parts

ALLOCATION_CODES = {"QĐ"}


@cache
def _terms() -> dict[str, str]:
    """Term (case-folded) → the kind of funding it names."""
    return {r["term"].casefold(): r["kind"] for r in vocab.table("budget_terms")}


@cache
def _term_pattern() -> re.Pattern[str]:
    return re.compile(phrases(_terms(), lead=True), re.IGNORECASE)


def budget_sections(sections: list[Section]) -> list[Section]:
    """The outermost sections whose role is budget."""
    return list(parts(sections, {SectionRole.BUDGET}))


def extract_budget(text: str, sections: list[Section], references: list[Reference], line_of) -> list[BudgetSource]:
    """Each kind of funding the budget sections name, once, at its first mention."""
    found: dict[str, BudgetSource] = {}
    for section in budget_sections(sections):
        start, end = section.provenance.start, section.end
        hits = [(m.start() - start, _terms()[" ".join(m.group().casefold().split())], len(m.group()))
                for m in _term_pattern().finditer(text, start, end)]
        for _, mention in _allocation_mentions(section, references):
            hits.append((mention.start - start, "allocated", mention.end - mention.start))
        for at, kind, length in sorted(hits):
            if kind not in found:
                span = Provenance(start=start + at, end=start + at + length, line=line_of(start + at))
                found[kind] = BudgetSource(kind=kind, text=text[span.start:span.end], provenance=span)
    return list(found.values())


def _allocation_mentions(section: Section, references: list[Reference]):
    """(reference, mention) for each decision cited inside the section."""
    for ref in references:
        for mention in ref.mentions:
            if section.provenance.start <= mention.start < section.end and ref.type_code in ALLOCATION_CODES:
                yield ref, mention


def extract_allocations(sections: list[Section], references: list[Reference]) -> list[Reference]:
    """The decisions the budget sections cite: allocations already made, once each, in order of mention."""
    found: dict[str, Reference] = {}
    for section in budget_sections(sections):
        for ref, _ in sorted(_allocation_mentions(section, references), key=lambda pair: pair[1].start):
            found.setdefault(ref.number, ref)
    return list(found.values())


def extract_amounts(text: str, sections: list[Section], line_of) -> list[BudgetAmount]:
    """Every sum of money the budget sections state, in VND, in order."""
    amounts = []
    for section in budget_sections(sections):
        start = section.provenance.start
        for q in extract_quantities(text[start:section.end], offset=start):
            if q.unit == "VND":
                span = Provenance(start=q.start, end=q.end, line=line_of(q.start))
                amounts.append(BudgetAmount(value=q.value, text=q.text, provenance=span))
    return amounts
