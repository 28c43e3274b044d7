"""Generate a collection of plans for benchmarking, by recombining the corpus plans.

Each generated plan takes the header and signature of one corpus plan and, for each of
its parts (purpose, objectives, tasks, budget, organisation), the part of that role from
another plan, with one to four task parts; the parts are renumbered in the header plan's
style, the place is moved to another province, and numbers and percentages are redrawn.
The result varies in layout (text, markdown, two-column headers, hard wraps), numbering,
length (about 5 to 35 KB) and wording as real collections do. Seeded and deterministic.

    python benchmarks/generate.py OUTDIR [--count 1000] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

import planparse
from planparse.model import SectionKind
from planparse.lang.vocab import provinces

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
BODY_ROLES = ("purpose", "objectives", "tasks", "budget", "organisation")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True)
class Part:
    """A top-level part of a corpus plan: its source lines, its role, its label and heading line."""

    role: str
    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Template:
    """A corpus plan cut into header lines, body parts and closing lines (signature, recipients, annex)."""

    suffix: str
    place: str
    roman: bool
    head: tuple[str, ...]
    parts: tuple[Part, ...]
    tail: tuple[str, ...]


def cut(path: Path) -> Template:
    """Cut a corpus plan at its top-level sections (a plan without numbered parts is all head)."""
    plan = planparse.parse_file(path)
    lines = path.read_text("utf-8").splitlines()
    body = [s for s in plan.sections if s.role in BODY_ROLES and s.provenance and s.label]
    if not body:
        return Template(path.suffix, plan.document.place or "", True, tuple(lines), (), ())
    starts = [s.provenance.line - 1 for s in body]
    closing = [s.provenance.line - 1 for s in plan.sections if s.provenance and s.provenance.line - 1 > starts[-1]]
    ends = starts[1:] + [min(closing, default=len(lines))]
    parts = tuple(Part(s.role, s.label, tuple(lines[a:b])) for s, a, b in zip(body, starts, ends, strict=True))
    return Template(path.suffix, plan.document.place, body[0].kind == SectionKind.ROMAN, tuple(lines[:starts[0]]),
                    parts, tuple(lines[ends[-1]:]))


def _relabel(part: Part, number: int, roman: bool) -> list[str]:
    label = ROMAN[number - 1] if roman else str(number)
    first = re.sub(rf"(?<![\w.]){re.escape(part.label)}\.", label + ".", part.lines[0], count=1)
    return [first, *part.lines[1:]]


def _redraw_numbers(text: str, rng: random.Random) -> str:
    text = re.sub(r"(Số:\s*)\d+", lambda m: m.group(1) + str(rng.randint(1, 9999)), text)
    return re.sub(r"\b\d{1,2}(?=\s?%)", lambda m: str(rng.randint(10, 99)), text)


def compose(templates: list[Template], rng: random.Random, province: str) -> tuple[str, str]:
    """One new plan: (text, suffix)."""
    base = rng.choice(templates)
    donors = {role: [p for t in templates if t.suffix == base.suffix for p in t.parts if p.role == role]
              for role in BODY_ROLES}
    lines = list(base.head)
    number = 0
    for role in dict.fromkeys(p.role for p in base.parts):
        count = min(rng.randint(1, 4), len(donors[role])) if role == "tasks" else 1
        for part in rng.sample(donors[role], k=count):
            number += 1
            lines += _relabel(part, number, base.roman)
    lines += base.tail
    text = "\n".join(lines) + "\n"
    for place in sorted({t.place for t in templates if t.place}):
        text = text.replace(place, province).replace(place.upper(), province.upper())
    return _redraw_numbers(text, rng), base.suffix


def generate(outdir: Path, count: int = 1000, seed: int = 0) -> list[Path]:
    """Write ``count`` plans into ``outdir`` (in folders of 100, as collections are kept); return their paths."""
    templates = [cut(p) for p in sorted(CORPUS.iterdir()) if p.suffix in {".txt", ".md"}]
    names = sorted(p.name for p in provinces().values())
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        province = rng.choice(names)
        text, suffix = compose(templates, rng, province)
        path = outdir / f"{i // 100:02d}" / f"{i:05d}-{province.lower().replace(' ', '-')}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = generate(args.outdir, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} plans, {size / 1e6:.1f} MB, in {args.outdir}")


if __name__ == "__main__":
    main()
