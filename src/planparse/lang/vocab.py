"""Language data: the tables in ``planparse/data/``, each declared once here and loaded through one loader.

Each table is a TSV file: ``#`` comment lines, a header row naming the columns,
then one row per entry. :data:`TABLES` declares every table: its columns, the
values a column allows (a closed set, a pattern, or a set the model owns), and
the columns whose values together are a key (never empty, unique). :func:`table`
loads a table once and fails loudly on a bad row, naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

Allowed = frozenset[str] | re.Pattern[str] | Callable[[], frozenset[str]]
"""The values a cell may take: a closed set, a pattern the whole cell matches, or a closed set made on demand."""


class DataError(ValueError):
    """A data table that does not hold to its declaration."""


@dataclass(frozen=True)
class Column:
    """A column of a table; ``allowed`` is None for free text, and ``complete`` asks each allowed value to occur."""

    name: str
    allowed: Allowed | None = None
    complete: bool = False


@dataclass(frozen=True)
class Table:
    """A table's declaration: its columns in order, its key, and the values one column allows by another's.

    The key's cells are never empty and (case-folded when ``folded``) unique together.
    ``depends`` maps (column, on) to the values ``column`` allows for each value of ``on``.
    """

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    folded: bool = False
    depends: tuple[str, str, Mapping[str, Allowed]] | None = None

    def __post_init__(self) -> None:
        names = [c.name for c in self.columns]
        assert set(self.key) <= set(names), self.name
        assert self.depends is None or {self.depends[0], self.depends[1]} <= set(names), self.name

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _model_values(enum: str, leave_out: frozenset[str] = frozenset()) -> Callable[[], frozenset[str]]:
    """The values of an enum of ``planparse.model`` (imported when first needed: the model imports the grammars)."""

    def values() -> frozenset[str]:
        from planparse import model

        return frozenset(member.value for member in getattr(model, enum)) - leave_out

    return values


YES = frozenset({"yes", ""})
EMPTY = frozenset({""})
_DATE = re.compile(r"(?:|\d{4}-\d{2}-\d{2})")
_COUNT = re.compile(r"[1-9]\d*")
FILLED = re.compile(r".+")  # any text, not empty


_QUANTITY_VALUES: dict[str, Allowed] = {
    "comparator_pre": frozenset({">=", "<="}), "comparator_post": frozenset({">=", "<="}),
    "linker": EMPTY, "range_from": EMPTY, "range_sep": EMPTY, "percent": EMPTY, "currency": EMPTY,
    "money_multiplier": _COUNT, "count_noun": EMPTY, "level_prefix": EMPTY, "level_suffix": EMPTY,
    "number_word": _COUNT, "change_verb": frozenset({"up", "down"}), "not_change": EMPTY,
    "target_marker": EMPTY, "baseline": EMPTY, "per_year": EMPTY, "time_word": EMPTY,
}
_TIME_VALUES: dict[str, Allowed] = {
    **dict.fromkeys(("limit", "within", "linker", "yearly", "day", "month", "quarter", "year", "period",
                     "range_from", "range_to", "periodic", "duration_lead", "anchor", "ongoing", "event",
                     "before", "onward", "span_joiner", "upon", "goal", "horizon"), EMPTY),
    "frequency": re.compile(r"[1-9]\d? (?:day|week|month|year)"),
    "duration_unit": frozenset({"day", "working_day", "week", "month", "year"}),
}


def _word_table(name: str, word: str, category: str, values: Mapping[str, Allowed]) -> Table:
    """A table of a grammar's words: (word, category, value), each category with words."""
    return Table(name, (Column(word), Column(category, frozenset(values), complete=True), Column("value")),
                 key=(word, category), depends=("value", category, values))


TABLES: dict[str, Table] = {t.name: t for t in (
    Table("abbreviations", (Column("abbreviation"), Column("expansion", FILLED)), key=("abbreviation",)),
    Table("admin_units", (Column("unit"),), key=("unit",)),
    Table("bodies", (Column("name"),
                     Column("level", frozenset({"national", "province", "district", "commune", "party", "mass",
                                                "press"})),
                     Column("place", frozenset({"drop", "unit", "name"})),
                     Column("merged_on", _DATE), Column("merged_into")), key=("name",), folded=True),
    Table("body_aliases", (Column("alias"), Column("name", FILLED)), key=("alias",), folded=True),
    Table("body_heads", (Column("head"), Column("levelled", YES), Column("sentence", YES | {"lower"}),
                                Column("toneless")),
          key=("head",)),
    Table("position_bodies", (Column("position"), Column("stands_for")), key=("position",), folded=True),
    Table("body_words", (Column("word"), Column("role", frozenset({"plural", "joiner", "list_separator",
                                                                   "qualifier_break", "of", "committee",
                                                                   "name_break", "parent", "relative", "bullet",
                                                                   "adverbial"}),
                                                complete=True)), key=("word", "role")),
    Table("budget_terms", (Column("term"), Column("kind", _model_values("BudgetKind", frozenset({"allocated"})))),
          key=("term",), folded=True),
    Table("catchall_words", (Column("word"), Column("alone", YES)), key=("word",)),
    Table("collective_nouns", (Column("noun"), Column("generic", YES)), key=("noun",)),
    Table("continuation_words", (Column("word"),), key=("word",)),
    Table("doctypes", (Column("name"), Column("code"), Column("uncoded", YES)), key=("name",)),
    Table("duty_verbs", (Column("verb"),), key=("verb",)),
    Table("genre_markers", (Column("phrase"),
                            Column("marker", frozenset({"motto", "motto_end", "party_motto", "number", "about", "legal_opener",
                                                        "addressees", "recipients", "archive", "signed", "annex",
                                                        "document", "attached", "parent_named", "subject", "draft",
                                                        "part", "closing"}),
                                   complete=True)), key=("phrase", "marker")),
    Table("indicator_words", (Column("word"), Column("kind", frozenset({"stop", "generic", "synonym"})),
                              Column("canonical")), key=("word",), folded=True,
          depends=("canonical", "kind", {"stop": EMPTY, "generic": EMPTY, "synonym": FILLED})),
    Table("legacy_tcvn3", (Column("byte", re.compile(r"[0-9A-F]{2}")), Column("letter", FILLED)), key=("byte",)),
    Table("legacy_vni", (Column("written"), Column("letter", FILLED)), key=("written",)),
    Table("objective_words", (Column("phrase"),
                              Column("category", frozenset({"horizon_lead", "general", "specific", "heading",
                                                            "split_opener", "predicate", "subject_opener",
                                                            "indicator_column", "unit_column", "baseline_column",
                                                            "vision", "horizon_joiner"}),
                                     complete=True)), key=("phrase", "category"), folded=True),
    Table("positions", (Column("position"),), key=("position",), folded=True),
    Table("provinces", (Column("name"), Column("kind", frozenset({"tỉnh", "thành phố"})), Column("merged_on", _DATE),
                        Column("merged_into")), key=("name",), folded=True),
    _word_table("quantity_words", "word", "category", _QUANTITY_VALUES),
    Table("role_cues", (Column("cue"), Column("role", frozenset({"lead", "support", "request", "frame", "condition",
                                                                     "manner"}),
                                                             complete=True)),
          key=("cue",), folded=True),
    Table("section_roles", (Column("keyword"), Column("role", _model_values("SectionRole"))), key=("keyword",),
          folded=True),
    Table("signature_marks", (Column("mark"), Column("meaning", FILLED), Column("position_prefix")), key=("mark",)),
    Table("syllables", (Column("part", frozenset({"onset", "vowel", "coda"}), complete=True), Column("letters")),
          key=("part", "letters")),
    Table("table_headers", (Column("header"),
                            Column("column", frozenset({"number", "task", "lead", "support", "output", "timeframe"}))),
          key=("header",), folded=True),
    _word_table("time_words", "word", "category", _TIME_VALUES),
)}


def _allows(allowed: Allowed, value: str) -> bool:
    if isinstance(allowed, re.Pattern):
        return allowed.fullmatch(value) is not None
    return value in (allowed if isinstance(allowed, frozenset) else allowed())


def read(name: str, text: str) -> tuple[dict[str, str], ...]:
    """The rows of ``text`` as table ``name`` declares them; :class:`DataError` names the file and line of a bad row."""
    decl = TABLES[name]
    where = f"data/{name}.tsv"
    rows: list[dict[str, str]] = []
    keys: dict[tuple[str, ...], int] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() and "\t" not in line or line.startswith("#"):
            continue

        def fail(problem: str) -> DataError:
            return DataError(f"{where}:{number}: {problem}: {line!r}")

        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != decl.header:
                raise fail(f"columns {tuple(cells)}, declared {decl.header}")
            header_seen = True
            continue
        if len(cells) != len(decl.columns):
            raise fail(f"{len(cells)} cells, declared {len(decl.columns)}")
        row = dict(zip(decl.header, cells))
        key = tuple(row[c] for c in decl.key)
        if not all(key):
            raise fail(f"empty key {decl.key}")
        for col in decl.columns:
            if col.allowed is not None and not _allows(col.allowed, row[col.name]):
                raise fail(f"{col.name} {row[col.name]!r} is not an allowed value")
        if decl.depends:
            col, on, allowed = decl.depends
            if not _allows(allowed[row[on]], row[col]):
                raise fail(f"{col} {row[col]!r} is not allowed for {on} {row[on]!r}")
        folded = tuple(k.casefold() for k in key) if decl.folded else key
        if folded in keys:
            raise fail(f"duplicate key {key}, first on line {keys[folded]}")
        keys[folded] = number
        rows.append(row)
    if not header_seen:
        raise DataError(f"{where}: no header row")
    for col in decl.columns:
        if col.complete and isinstance(col.allowed, frozenset):
            if missing := sorted(col.allowed - {row[col.name] for row in rows}):
                raise DataError(f"{where}: no rows for {col.name} {missing}")
    return tuple(rows)


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``data/<name>.tsv`` as dicts, validated against its declaration in :data:`TABLES`."""
    return read(name, resources.files("planparse.data").joinpath(f"{name}.tsv").read_text("utf-8"))


def column(name: str) -> tuple[str, ...]:
    """The first column of a table: a word list."""
    first = TABLES[name].columns[0].name
    return tuple(row[first] for row in table(name))


@cache
def grouped(name: str) -> dict[str, dict[str, str]]:
    """A word table by its second column: each value → {word (first column): third column, or ""}, in file order.

    Every value the second column allows is present (with no words if the table has none for it).
    """
    decl = TABLES[name]
    word, group = decl.columns[0].name, decl.columns[1]
    value = decl.columns[2].name if len(decl.columns) > 2 else None
    out: dict[str, dict[str, str]] = {g: {} for g in sorted(group.allowed)} if isinstance(
        group.allowed, frozenset) else {}
    for row in table(name):
        out.setdefault(row[group.name], {})[row[word]] = row[value] if value else ""
    return out


def words(name: str, group: str) -> tuple[str, ...]:
    """The words of one group of a word table (``grouped``), in file order."""
    return tuple(grouped(name)[group])


@cache
def body_words(role: str) -> frozenset[str]:
    """The function words of the body grammar with ``role`` (plural, joiner, list_separator, qualifier_break, of, relative,
    committee), lower case."""
    return frozenset(words("body_words", role))


@cache
def doctypes() -> dict[str, str]:
    """Type code (``KH``) → type name (``Kế hoạch``), for the types that have a code."""
    return {r["code"]: r["name"] for r in table("doctypes") if r["code"]}


@cache
def doctype_names() -> tuple[str, ...]:
    """The name of every document type (``Kế hoạch``, ``Điều lệ`` …)."""
    return tuple(r["name"] for r in table("doctypes"))


@cache
def uncoded_doctype() -> str:
    """The type of a numbered document whose number carries no type code (``Công văn``)."""
    return next(r["name"] for r in table("doctypes") if r["uncoded"] == "yes")


@cache
def position_bodies() -> dict[str, str]:
    """Position that stands for the body it heads (``Thủ trưởng``), case-folded → the group noun it names alone
    (``bộ`` for ``Bộ trưởng``; empty: only the body written after it)."""
    return {r["position"].casefold(): r["stands_for"] for r in table("position_bodies")}


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation (``UBND``) → expansion (``Ủy ban nhân dân``)."""
    return {r["abbreviation"]: r["expansion"] for r in table("abbreviations")}


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
    rows = table("provinces")
    return {
        r["name"].casefold(): Province(r["name"], r["kind"], r["merged_on"] or None, r["merged_into"] or None)
        for r in rows
    }


@cache
def signature_marks() -> dict[str, str]:
    """Signature mark (``Q.``) → the prefix it gives the position (``Quyền ``)."""
    rows = table("signature_marks")
    return {r["mark"]: r["position_prefix"] for r in rows}


@cache
def signature_mark_meanings() -> dict[str, str]:
    """Signature mark (``TM.``, ``T/M``) → what it means (``thay mặt``)."""
    return {r["mark"]: r["meaning"] for r in table("signature_marks")}


@cache
def section_roles() -> tuple[tuple[str, str], ...]:
    """(keyword, role) pairs in priority order."""
    return tuple((r["keyword"], r["role"]) for r in table("section_roles"))


@cache
def body_heads() -> dict[str, bool]:
    """Head noun of a body's name (``Sở``) → whether the body exists at every level (``Ủy ban nhân dân``)."""
    return {r["head"]: r["levelled"] == "yes" for r in table("body_heads")}


@cache
def toneless_heads() -> dict[str, str]:
    """A head noun as a typo leaves it without its marks (``Vu``) → the head (``Vụ``)."""
    return {r["toneless"]: r["head"] for r in table("body_heads") if r["toneless"]}


@cache
def sentence_heads() -> frozenset[str]:
    """Head nouns whose bodies are named in sentence case (``Vụ Hợp tác quốc tế``), case-folded."""
    return frozenset(r["head"].casefold() for r in table("body_heads") if r["sentence"])


@cache
def lower_heads() -> frozenset[str]:
    """Head nouns whose names may open in lower case (``Tổ công tác``, ``Tổ giúp việc``), case-folded."""
    return frozenset(r["head"].casefold() for r in table("body_heads") if r["sentence"] == "lower")


@cache
def admin_units() -> tuple[str, ...]:
    """Administrative unit words (``tỉnh``, ``thành phố``), longest first."""
    return tuple(sorted(column("admin_units"), key=len, reverse=True))


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
    rows = table("bodies")
    return {
        r["name"].casefold(): KnownBody(r["name"], r["level"], r["place"], r["merged_on"] or None,
                                        r["merged_into"] or None)
        for r in rows
    }


@cache
def body_aliases() -> dict[str, str]:
    """Other written form of a standard name (case-folded) → the standard name."""
    return {r["alias"].casefold(): r["name"] for r in table("body_aliases")}


@cache
def collective_nouns() -> dict[str, bool]:
    """Noun naming a group of bodies (``sở``, ``cơ quan``) → whether it is generic (a catch-all alone)."""
    return {r["noun"]: r["generic"] == "yes" for r in table("collective_nouns")}


@cache
def role_cues() -> tuple[tuple[str, str], ...]:
    """(cue, role) pairs: lead, support, request, frame and condition."""
    return tuple((r["cue"], r["role"]) for r in table("role_cues"))


@cache
def duty_verbs() -> tuple[str, ...]:
    """Verbs that open a duty after its subject, longest first."""
    return tuple(sorted(column("duty_verbs"), key=len, reverse=True))


@cache
def catchall_words() -> frozenset[str]:
    """Words that leave a group of generic nouns a catch-all (``có liên quan``, ``trên địa bàn``)."""
    return frozenset(r["word"] for r in table("catchall_words"))


@cache
def catchall_qualifiers() -> tuple[tuple[str, ...], ...]:
    """Qualifiers that make any group a catch-all (``các sở liên quan``), as case-folded words."""
    return tuple(tuple(r["word"].casefold().split()) for r in table("catchall_words")
                 if r["alone"] == "yes")
