"""Budget sources: the kinds of funding a plan's budget section (Kinh phí) names.

The kinds and their Vietnamese terms are in ``data/budget_terms.tsv``. A
decision (Quyết định) cited inside the section is an allocation already made
(``allocated``).
"""

from __future__ import annotations

from functools import cache

from planparse import vocab
from planparse.model import BudgetSource, Provenance, Reference, Section, SectionRole

ALLOCATION_CODES = {"QĐ"}


@cache
def _terms() -> tuple[tuple[str, str], ...]:
    rows = vocab.table("budget_terms", ("term", "kind"))
    return tuple(sorted(((r["term"].casefold(), r["kind"]) for r in rows), key=lambda t: -len(t[0])))


def budget_sections(sections: list[Section]) -> list[Section]:
    """The outermost sections whose role is budget."""
    out: list[Section] = []
    stack = list(reversed(sections))
    while stack:
        section = stack.pop()
        if section.role is SectionRole.BUDGET:
            out.append(section)
        else:
            stack.extend(reversed(section.children))
    return out


def extract_budget(text: str, sections: list[Section], references: list[Reference], line_of) -> list[BudgetSource]:
    """Each kind of funding the budget sections name, once, at its first mention."""
    found: dict[str, BudgetSource] = {}
    for section in budget_sections(sections):
        start, end = section.provenance.start, section.end
        folded = text[start:end].casefold()
        hits = []
        for term, kind in _terms():
            at = folded.find(term)
            if at >= 0:
                hits.append((at, kind, len(term)))
        for ref in references:
            for mention in ref.mentions:
                if start <= mention.start < end and ref.type_code in ALLOCATION_CODES:
                    hits.append((mention.start - start, "allocated", mention.end - mention.start))
        for at, kind, length in sorted(hits):
            if kind not in found:
                span = Provenance(start=start + at, end=start + at + length, line=line_of(start + at))
                found[kind] = BudgetSource(kind=kind, text=text[span.start:span.end], provenance=span)
    return list(found.values())
