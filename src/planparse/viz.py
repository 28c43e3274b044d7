"""A plan's facts as highlighted spans, for displaCy's span view (``style="span", manual=True``).

>>> from spacy import displacy
>>> displacy.render(displacy_spans(plan), style="span", manual=True)  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from planparse.model import Plan, SectionRole

_TOKEN = re.compile(r"\S+")


def displacy_spans(plan: Plan, role: SectionRole | None = SectionRole.OBJECTIVES) -> dict:
    """The text of the plan's parts with ``role`` (the whole text for ``None``) as displaCy's manual span data:
    tokens, and spans labelled OBJECTIVE, QUANTITY, REFERENCE and BUDGET from the plan's provenance."""
    start, end = _extent(plan, role)
    tokens = [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(plan.text[start:end])]
    spans = []
    for label, s, e in _facts(plan):
        covered = [i for i, (ts, te, _) in enumerate(tokens) if ts < e and te > s]
        if covered:
            spans.append({"start_token": covered[0], "end_token": covered[-1] + 1, "label": label})
    return {"text": " ".join(t for _, _, t in tokens), "tokens": [t for _, _, t in tokens], "spans": spans}


def _extent(plan: Plan, role: SectionRole | None) -> tuple[int, int]:
    """From the first to the end of the last section with ``role``; the whole text when none has it."""
    parts = [s for s in plan.walk() if s.role == role] if role else []
    if not parts:
        return 0, len(plan.text)
    return min(s.provenance.start for s in parts), max(s.end for s in parts)


def _facts(plan: Plan) -> Iterator[tuple[str, int, int]]:
    for objective in plan.objectives:
        yield "OBJECTIVE", objective.provenance.start, objective.provenance.end
        for q in objective.quantities:
            yield "QUANTITY", q.start, q.end
    for q in plan.quantities:
        yield "QUANTITY", q.start, q.end
    for ref in plan.references:
        for mention in ref.mentions or [ref.provenance]:
            yield "REFERENCE", mention.start, mention.end
    for source in plan.budget_sources:
        yield "BUDGET", source.provenance.start, source.provenance.end
