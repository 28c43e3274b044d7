"""Accuracy on the corpus, measured by the shared scorer (shared/eval/score.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED_PLANS, corpus_documents
from planparse import parse_file


def test_corpus_holds_the_shared_plans_and_our_own():
    names = {p.name for p in corpus_documents()}
    assert set(SHARED_PLANS) <= names
    assert len(names - set(SHARED_PLANS)) >= 6


# the F1 each part must reach on every corpus plan (the issues' acceptance thresholds, or better)
MINIMUM_F1 = {
    "document": 1.0,
    "references": 1.0,
    "objectives": 0.95,
    "quantities": 1.0,
    "deadlines": 0.95,
    "assignments": 0.95,
    "bodies": 1.0,
    "budget_sources": 1.0,
}


@pytest.mark.parametrize(("doc", "part"), [
    pytest.param(doc, part, id=f"{part}-{doc.stem}")
    for part in MINIMUM_F1 for doc in corpus_documents()])
def test_facts_match_gold(scorer, doc, part):
    gold = json.loads(doc.with_name(doc.stem + ".facts.json").read_text("utf-8"))
    pred = parse_file(doc).to_facts()
    tallies = {p: scorer.Tally() for p in scorer.PARTS}
    misses: list[str] = []
    scorer.score_one(gold, pred, tallies, misses)
    precision, recall, f1 = tallies[part].prf()
    assert f1 >= MINIMUM_F1[part], [m for m in misses if m.startswith(part)]


@pytest.mark.parametrize("doc", corpus_documents(), ids=lambda p: p.stem)
def test_facts_view_has_every_field(doc):
    facts = parse_file(doc).to_facts()
    assert facts["format"] == "planparse-facts/1"
    assert list(facts) == ["format", "document", "references", "objectives", "assignments", "deadlines",
                           "budget_sources"]
    assert set(facts["document"]) == {"type", "number", "date", "place", "issuer", "title", "signer",
                                      "signer_position"}


def test_without_the_shared_scorer_the_accuracy_tests_fail_saying_where_it_comes_from(tmp_path):
    env = {**os.environ, "PLANPARSE_SCORER": str(tmp_path / "score.py")}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__,
                           "-k", "test_facts_match_gold and document and lai-chau"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert proc.returncode != 0, proc.stdout
    assert "skipped" not in proc.stdout
    assert f"the shared scorer is not at {tmp_path / 'score.py'}" in proc.stdout
    assert "shared folder" in proc.stdout and "PLANPARSE_SCORER" in proc.stdout
