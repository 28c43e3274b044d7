"""Names of bodies and places: abbreviations expanded, capitals turned into proper case.

``UBND TỈNH LAI CHÂU`` → ``Ủy ban nhân dân tỉnh Lai Châu``;
``SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI`` → ``Sở Lao động - Thương binh và Xã hội``.
The casing follows the convention of official names: the head noun as the
vocabulary writes it, the first word of each field capitalised, the
administrative unit in lower case and the place name in title case.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from planparse.lang import vocab
from planparse.lang.genre import is_caps
from planparse.lang.scan import cased
from planparse.lang.syllables import is_syllable


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    keys = sorted(vocab.abbreviations(), key=len, reverse=True)
    return re.compile(r"(?<![\w&.])(" + "|".join(map(re.escape, keys)) + r")(?![\w&]|-\w)")


def expand_abbreviations(text: str) -> str:
    """``Sở TT&TT`` → ``Sở Thông tin và Truyền thông``; ``UBND tỉnh`` → ``Ủy ban nhân dân tỉnh``."""
    return _abbreviation_pattern().sub(lambda m: vocab.abbreviations()[m.group(1)], text)


def capitalize(word: str) -> str:
    """First letter upper, the rest lower (``CHÂU`` → ``Châu``)."""
    return word[:1].upper() + word[1:].lower()


def place_case(text: str) -> str:
    """A place name in title case, as the gazetteer writes it when it knows it."""
    known = vocab.provinces().get(text.casefold())
    if known:
        return known.name
    return " ".join(w if w == "-" else "-".join(capitalize(p) for p in w.split("-")) for w in text.split())


@cache
def _heads() -> tuple[tuple[str, list[str]], ...]:
    """(head as written, its case-folded words), longest first."""
    return tuple((h, h.casefold().split()) for h in sorted(vocab.body_heads(), key=len, reverse=True))


def _match_head(words: list[str]) -> tuple[str, int] | None:
    folded = [w.casefold() for w in words]
    for head, parts in _heads():
        if folded[:len(parts)] == parts:
            return head, len(parts)
    return None


def _unit_committee(head: str) -> bool:
    """A head that is a unit's party committee (``Tỉnh ủy``, ``Huyện ủy``): a unit and a committee word."""
    words = head.split()
    unit = match_unit(words, 0)
    return unit is not None and len(words) == unit[1] + 1 and words[-1].casefold() in vocab.body_words("committee")


def match_unit(words: list[str], i: int) -> tuple[str, int] | None:
    """The administrative unit written at ``words[i:]`` (``thành phố``), with its number of words."""
    folded = [w.casefold() for w in words[i:i + 2]]
    for unit, parts in _units():
        if folded[:len(parts)] == parts:
            return unit, len(parts)
    return None


@cache
def _units() -> tuple[tuple[str, list[str]], ...]:
    """(administrative unit, its words), longest first."""
    return tuple((unit, unit.split()) for unit in vocab.admin_units())


@cache
def _province_words() -> int:
    """The most words a province's name has: a longer rest of a name is no province (and is not joined to see)."""
    return max(len(name.split()) for name in vocab.provinces())


def proper_case_body(name: str) -> str:
    """A body's name, expanded and (when written in capitals) in proper case."""
    caps = is_caps(name)
    name = " ".join(expand_abbreviations(name).split())
    if not caps:
        return name[:1].upper() + name[1:]
    words = name.split()
    out: list[str] = []
    i = 0
    head = _match_head(words)
    if head:
        out.append(head[0])
        i = head[1]
        if _unit_committee(head[0]):  # Huyện ủy Bắc Quang: a unit's party committee, then the unit's name
            j = next((k for k in range(i, len(words)) if words[k].casefold() in vocab.body_words("joiner")), len(words))
            out += [place_case(" ".join(words[i:j]))] if j > i else []
            i = j
    field_start = True
    while i < len(words):
        word = words[i]
        after_joiner = bool(out) and (out[-1].casefold() in vocab.body_words("joiner") or out[-1].endswith(","))
        unit = None if after_joiner else match_unit(words, i)
        if unit:
            i += unit[1]
            if i < len(words) and words[i].casefold() in vocab.body_words("committee"):
                out.append(f"{capitalize(unit[0])} {words[i].casefold()}")  # Tỉnh ủy, Thành ủy: a body, not a place
                i += 1
                continue
            j = i
            while j < len(words) and not match_unit(words, j):
                j += 1
            out += [unit[0], place_case(" ".join(words[i:j]))] if j > i else [unit[0]]
            i = j
            continue
        if len(words) - i <= _province_words() and " ".join(words[i:]).casefold() in vocab.provinces():
            out.append(place_case(" ".join(words[i:])))  # Tỉnh ủy Lai Châu
            break
        if not is_caps(word) and any(ch.isalpha() for ch in word):
            out.append(word)  # an expanded abbreviation, already in proper case
        elif word.casefold() in vocab.body_words("joiner"):
            out.append(word.lower())
        else:
            out.append(capitalize(word) if field_start else word.lower())
        field_start = word.casefold() in vocab.body_words("joiner") or word.endswith(",")
        i += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _proper_names() -> tuple[str, ...]:
    """The provinces and the known bodies of more than one word (``Báo`` alone is also a word: báo chí)."""
    return (*(p.name for p in vocab.provinces().values()), *(b.name for b in vocab.bodies().values() if " " in b.name))


@lru_cache(maxsize=64)
def _names_restored(names: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """The ``names`` in lower case, as one pattern, and as written."""
    written = {name.lower(): name for name in names}
    alternatives = "|".join(map(re.escape, sorted(written, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), written


def sentence_case(text: str, keep: tuple[str, ...] = ()) -> str:
    """A title in capitals as a sentence (NĐ 30/2020, Phụ lục II: proper names keep their capitals): the names
    in ``keep``, provinces and known bodies restored, an abbreviation (no Vietnamese syllable: ``TTHC``) kept."""
    if not is_caps(text):
        return text
    lowered = _LETTERS.sub(lambda m: m[0].lower() if is_syllable(m[0]) else m[0], text)
    keep = tuple(name for name in keep if name)
    for pattern, written in [_names_restored(_proper_names())] + ([_names_restored(keep)] if keep else []):
        lowered = pattern.sub(lambda m: written[m[0]], lowered)
    first = next((k for k, ch in enumerate(lowered) if ch.isalpha()), 0)  # past an opening bracket
    return lowered[:first] + lowered[first:first + 1].upper() + lowered[first + 1:]


def initials(name: str) -> str:
    """The capitals a số hiệu writes a body's name with: ``Sở Tư pháp`` → ``STP``; ``Sở Giáo dục và Đào tạo`` →
    ``SGDĐT`` (joining words left out, the marks of a letter too, đ kept)."""
    words = [w for w in re.split(r"[\s,]+", name) if w and w.casefold() not in vocab.body_words("joiner")]
    letters = (unicodedata.normalize("NFD", w[0].upper())[0] for w in words if w[0].isalpha())
    return "".join(letters)


@cache
def _coded_bodies() -> dict[str, str | None]:
    """Initials → the one known body they stand for (``None`` when two bodies share them)."""
    out: dict[str, str | None] = {}
    for body in vocab.bodies().values():
        code = initials(body.name)
        out[code] = body.name if out.get(code, body.name) == body.name else None
    return out


def body_of_code(code: str) -> str | None:
    """The known body whose initials a số hiệu's issuer code is (``STP`` → ``Sở Tư pháp``), if only one has them."""
    return _coded_bodies().get(code)


@cache
def province_pattern() -> re.Pattern[str]:
    """Any province's name (before or after the 2025 mergers) as whole words, in any case. Each name is led by its
    first letter as it may be written, read case-sensitively (the rest ignoring case): a search skips in C to a
    letter that opens a name, where a pattern read ignoring case throughout is tried at every character."""
    names = sorted((p.name for p in vocab.provinces().values()), key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(first) + r"(?<!\w.)(?i:" + re.escape(name[1:]) + ")"
                                       for name in names for first in cased(name[0])) + r")(?!\w)")


def province_in(text: str | None) -> str | None:
    """The first province named in ``text``, as the gazetteer writes it (``UBND TỈNH LAI CHÂU`` → ``Lai Châu``)."""
    m = province_pattern().search(text or "")
    return place_case(m.group()) if m else None

