"""Quantities: the numbers a plan states outside its targets (in its tasks, organisation, budget …).

The targets' own quantities belong to their objectives; the grammar is ``lang/quantities.py``.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from planparse.document import Document
from planparse.model import Objective, Quantity, SectionRole

_OUTSIDE = {SectionRole.HEADER, SectionRole.SIGNATURE, SectionRole.RECIPIENTS, SectionRole.ADDRESSEES,
            SectionRole.OBJECTIVES, SectionRole.LEGAL_BASIS}


def extract(doc: Document, objectives: list[Objective]) -> list[Quantity]:
    """The quantities stated in the plan's top-level parts other than its header, legal basis, objectives
    and closing, and not inside an objective."""
    taken = sorted((o.provenance.start, o.provenance.end) for o in objectives)
    starts = [s for s, _ in taken]
    reach = list(accumulate((e for _, e in taken), max))  # the furthest end of the spans starting so far
    out = []
    for section in doc.sections:
        if section.role in _OUTSIDE:
            continue
        start = section.provenance.start
        for q in doc.quantities(doc.text[start:section.end], start):
            k = bisect_right(starts, q.start)
            if not (k and q.start < reach[k - 1]):
                out.append(q)
    return out
