"""Accuracy on real documents first measured unseen: the facts of ``benchmarks/real_plans/*.txt`` against their
hand-made gold, scored by the shared scorer (``../shared/eval/score.py``), overall and per document.

The five texts (a Tỉnh ủy's Chương trình, a ministry's Quyết định, three Công văn) were added after planparse had
been measured on them without change (overall F1 0.771); they are development material now, kept apart from
``corpus/`` to show how the parser fares on texts it was not written for.

Run: ``.venv/bin/python benchmarks/real_plans.py`` (prints the scorer's tables).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from planparse import parse_file

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "benchmarks" / "real_plans"
SCORER = Path(os.environ.get("PLANPARSE_SCORER", ROOT.parent / "shared" / "eval" / "score.py"))


def main() -> int:
    if not SCORER.is_file():
        sys.exit(f"the shared scorer is missing: {SCORER} (set PLANPARSE_SCORER)")
    with tempfile.TemporaryDirectory() as out:
        gold, pred = Path(out, "gold"), Path(out, "pred")
        for text in sorted(PLANS.glob("*.txt")):
            facts = json.dumps(parse_file(text).to_facts(), ensure_ascii=False)
            for folder, content in ((gold, (PLANS / f"{text.stem}.facts.json").read_text("utf-8")), (pred, facts)):
                (folder / text.stem).mkdir(parents=True)
                (folder / text.stem / f"{text.stem}.facts.json").write_text(content, "utf-8")
                (folder / "all").mkdir(exist_ok=True)
                (folder / "all" / f"{text.stem}.facts.json").write_text(content, "utf-8")
        for name in ["all", *sorted(p.stem for p in PLANS.glob("*.txt"))]:
            print(f"## {name}")
            run = subprocess.run([sys.executable, str(SCORER), str(gold / name), str(pred / name)],
                                 capture_output=True, text=True, check=True)
            print(run.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
