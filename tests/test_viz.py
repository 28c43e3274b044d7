"""A plan's facts as displaCy spans: each span covers the words its provenance points at."""

from __future__ import annotations

import planparse
from conftest import CORPUS, SHARED_PLANS
from planparse.viz import displacy_spans

PLAN = CORPUS / SHARED_PLANS[0]


def test_spans_cover_each_objective_of_the_objectives_part():
    plan = planparse.parse_file(PLAN)
    data = displacy_spans(plan)
    assert data["text"] == " ".join(data["tokens"])
    spans = [" ".join(data["tokens"][s["start_token"]:s["end_token"]])
             for s in data["spans"] if s["label"] == "OBJECTIVE"]
    words = [" ".join(plan.text[o.provenance.start:o.provenance.end].split()) for o in plan.objectives]
    assert len(spans) == len(words)
    for span, objective in zip(spans, words):  # whole tokens: a closing stop may come with the last word
        assert span.startswith(objective) and len(span) - len(objective) <= 1
    assert {"QUANTITY"} <= {s["label"] for s in data["spans"]}
    assert all(0 <= s["start_token"] < s["end_token"] <= len(data["tokens"]) for s in data["spans"])


def test_the_whole_text_with_references_and_budget():
    plan = planparse.parse_file(PLAN)
    data = displacy_spans(plan, role=None)
    labels = {s["label"] for s in data["spans"]}
    assert {"OBJECTIVE", "QUANTITY", "REFERENCE", "BUDGET"} <= labels
    first = plan.references[0].provenance
    assert any(" ".join(data["tokens"][s["start_token"]:s["end_token"]]).find(plan.text[first.start:first.end]) >= 0
               for s in data["spans"] if s["label"] == "REFERENCE")


def test_displacy_renders_it():
    from spacy import displacy

    html = displacy.render(displacy_spans(planparse.parse_file(PLAN)), style="span", manual=True)
    assert "OBJECTIVE" in html and "67%" in html
