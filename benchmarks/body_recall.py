"""Body recall on the corpus: planparse against underthesea's NER (ORG spans), and what word segmentation adds.

For each corpus plan, the gold bodies (``corpus/*.facts.json``, assignments) are
compared with the shared scorer's normalisation (``../shared/eval/score.py``):
- planparse: the bodies of its assignments (with underthesea word segmentation,
  and without it: one token per syllable);
- underthesea NER: the ORG spans it tags in the same parts of the plan
  (tasks, organisation, annex), abbreviations expanded; ``exact`` counts a gold
  body found when an ORG span names it, ``partial`` when one shares at least
  half its words (word F1 >= 0.5).

Run: ``.venv/bin/python benchmarks/body_recall.py`` (prints a markdown table).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from pathlib import Path

from planparse import parse_file
from planparse import document
from planparse.extract.assignments import extract, scope
from planparse.read import read
from planparse.lang.names import expand_abbreviations

ROOT = Path(__file__).resolve().parent.parent
SCORER = Path(os.environ.get("PLANPARSE_SCORER", ROOT.parent / "shared" / "eval" / "score.py"))


def scorer():
    spec = importlib.util.spec_from_file_location("planparse_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def org_spans(text: str) -> list[str]:
    """The ORG spans underthesea's NER tags in ``text``, line by line."""
    from underthesea import ner

    spans: list[str] = []
    for line in text.split("\n"):
        if not line.strip() or line.strip() == "|":
            continue
        current: list[str] = []
        for word, _pos, _chunk, tag in ner(line):
            if tag == "B-ORG" or (tag == "I-ORG" and not current):
                if current:
                    spans.append(" ".join(current))
                current = [word]
            elif tag == "I-ORG":
                current.append(word)
            else:
                if current:
                    spans.append(" ".join(current))
                current = []
        if current:
            spans.append(" ".join(current))
    return spans


def main() -> int:
    sc = scorer()
    rows = []
    totals = {"gold": 0, "pp": 0, "pp_syll": 0, "ner": 0, "ner_partial": 0, "ner_spans": 0}
    times = {"pp": 0.0, "ner": 0.0}
    for doc in sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in {".txt", ".md"}):
        gold_facts = json.loads(doc.with_name(doc.stem + ".facts.json").read_text("utf-8"))
        place = gold_facts["document"]["place"]
        gold = {sc.body(a["body"], place) for a in gold_facts["assignments"]}
        t = time.perf_counter()
        plan = parse_file(doc)
        times["pp"] += time.perf_counter() - t
        found = {sc.body(a.body.name, place) for a in plan.assignments}
        syllables = extract(document.build(read(doc)), plan.document, plan.tasks, plan.deadlines, segment=False)
        found_syll = {sc.body(a.body.name, place) for a in syllables}
        scope_text = "\n".join(plan.text[s.provenance.start:end] for s, end in scope(plan.sections))
        t = time.perf_counter()
        orgs = {sc.body(expand_abbreviations(span), place) for span in org_spans(scope_text)}
        times["ner"] += time.perf_counter() - t
        exact = gold & orgs
        partial = {g for g in gold if any(sc.word_f1(g, o) >= 0.5 for o in orgs)}
        counts = (len(gold), len(gold & found), len(gold & found_syll), len(exact), len(partial), len(orgs))
        for key, n in zip(("gold", "pp", "pp_syll", "ner", "ner_partial", "ner_spans"), counts, strict=True):
            totals[key] += n
        rows.append((doc.stem, *counts))
    print("| plan | gold bodies | planparse | planparse, no segmentation | NER exact | NER partial | ORG spans |")
    print("|---|---|---|---|---|---|---|")
    for stem, g, pp, syll, ner_exact, ner_partial, spans in rows:
        print(f"| {stem} | {g} | {pp} | {syll} | {ner_exact} | {ner_partial} | {spans} |")
    g = totals["gold"]
    print(f"| **recall** | {g} | **{totals['pp'] / g:.3f}** | {totals['pp_syll'] / g:.3f} | "
          f"{totals['ner'] / g:.3f} | {totals['ner_partial'] / g:.3f} | {totals['ner_spans']} |")
    print(f"\nparse time (whole pipeline) {times['pp']:.2f} s; underthesea NER on the same parts {times['ner']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
