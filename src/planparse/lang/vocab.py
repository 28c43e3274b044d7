"""Language data: the tables in ``planparse/data/``, loaded once and validated.

Each table is a TSV file: ``#`` comment lines, a header row naming the columns,
then one row per entry. Loaders check the columns so that a broken data file
fails loudly at first use, naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@cache
def table(name: str, columns: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """The rows of ``data/<name>.tsv`` as dicts, after checking its header is ``columns``."""
    text = resources.files("planparse.data").joinpath(f"{name}.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = tuple(lines[0].split("\t"))
    if header != columns:
        raise ValueError(f"data/{name}.tsv: columns {header}, expected {columns}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        cells += [""] * (len(columns) - len(cells))
        if len(cells) != len(columns) or not cells[0]:
            raise ValueError(f"data/{name}.tsv: malformed row {number}: {line!r}")
        rows.append(dict(zip(columns, cells)))
    return tuple(rows)


def column(name: str, col: str) -> tuple[str, ...]:
    """One-column tables (a word list)."""
    return tuple(row[col] for row in table(name, (col,)))


@cache
def doctypes() -> dict[str, str]:
    """Type code (``KH``) → type name (``Kế hoạch``)."""
    return {r["code"]: r["name"] for r in table("doctypes", ("code", "name"))}


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation (``UBND``) → expansion (``Ủy ban nhân dân``)."""
    return {r["abbreviation"]: r["expansion"] for r in table("abbreviations", ("abbreviation", "expansion"))}


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city; ``merged_into`` is set for those merged away."""

    name: str
    kind: str
    merged_on: str | None
    merged_into: str | None

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"


@cache
def provinces() -> dict[str, Province]:
    """Province name (case-folded) → :class:`Province`."""
    rows = table("provinces", ("name", "kind", "merged_on", "merged_into"))
    return {
        r["name"].casefold(): Province(r["name"], r["kind"], r["merged_on"] or None, r["merged_into"] or None)
        for r in rows
    }


@cache
def signature_marks() -> dict[str, str]:
    """Signature mark (``Q.``) → the prefix it gives the position (``Quyền ``)."""
    rows = table("signature_marks", ("mark", "meaning", "position_prefix"))
    return {r["mark"]: r["position_prefix"] for r in rows}


@cache
def section_roles() -> tuple[tuple[str, str], ...]:
    """(keyword, role) pairs in priority order."""
    return tuple((r["keyword"], r["role"]) for r in table("section_roles", ("keyword", "role")))


@cache
def body_heads() -> dict[str, bool]:
    """Head noun of a body's name (``Sở``) → whether the body exists at every level (``Ủy ban nhân dân``)."""
    return {r["head"]: r["levelled"] == "yes" for r in table("body_heads", ("head", "levelled"))}


@cache
def admin_units() -> tuple[str, ...]:
    """Administrative unit words (``tỉnh``, ``thành phố``), longest first."""
    return tuple(sorted(column("admin_units", "unit"), key=len, reverse=True))


@dataclass(frozen=True)
class KnownBody:
    """A body with a standard name (``data/bodies.tsv``) and what it became in the 2025 reorganisation."""

    name: str
    level: str
    place: str  # drop, unit or name: how a place attaches to the name (see the data file)
    merged_on: str | None
    merged_into: str | None


@cache
def bodies() -> dict[str, KnownBody]:
    """Standard body name (case-folded) → :class:`KnownBody`."""
    rows = table("bodies", ("name", "level", "place", "merged_on", "merged_into"))
    return {
        r["name"].casefold(): KnownBody(r["name"], r["level"], r["place"], r["merged_on"] or None,
                                        r["merged_into"] or None)
        for r in rows
    }


@cache
def body_aliases() -> dict[str, str]:
    """Other written form of a standard name (case-folded) → the standard name."""
    return {r["alias"].casefold(): r["name"] for r in table("body_aliases", ("alias", "name"))}


@cache
def collective_nouns() -> dict[str, bool]:
    """Noun naming a group of bodies (``sở``, ``cơ quan``) → whether it is generic (a catch-all alone)."""
    return {r["noun"]: r["generic"] == "yes" for r in table("collective_nouns", ("noun", "generic"))}


@cache
def role_cues() -> tuple[tuple[str, str], ...]:
    """(cue, role) pairs: lead, support and request."""
    return tuple((r["cue"], r["role"]) for r in table("role_cues", ("cue", "role")))


@cache
def duty_verbs() -> tuple[str, ...]:
    """Verbs that open a duty after its subject, longest first."""
    return tuple(sorted(column("duty_verbs", "verb"), key=len, reverse=True))


@cache
def catchall_words() -> frozenset[str]:
    """Words that leave a group of generic nouns a catch-all (``có liên quan``, ``trên địa bàn``)."""
    return frozenset(r["word"] for r in table("catchall_words", ("word", "alone")))


@cache
def catchall_qualifiers() -> tuple[tuple[str, ...], ...]:
    """Qualifiers that make any group a catch-all (``các sở liên quan``), as case-folded words."""
    return tuple(tuple(r["word"].casefold().split()) for r in table("catchall_words", ("word", "alone"))
                 if r["alone"] == "yes")
