"""Responsible bodies: a mention recognised in the text and given its full canonical name.

A body's name is a head noun (``Sở``, ``Ban``, ``Đài``, ``Ủy ban nhân dân`` —
``data/body_heads.tsv``, abbreviations expanded) followed by the name proper,
its words capitalised as official names are (``Sở Tài nguyên và Môi trường``,
``Đài Khí tượng thủy văn tỉnh``), and an administrative unit with its place.
Standard names (``data/bodies.tsv``, ``data/body_aliases.tsv``) and the names a
plan spells out in its own headings (the ``lexicon``) are matched whole, so
their lower-case words need no grammar. A group of bodies is named by
``các`` and group nouns (``Các sở, ban, ngành``, ``các cơ quan báo chí tỉnh``)
or by a levelled body over several units (``UBND các huyện, thành phố``); a
group qualified by ``liên quan`` (``các cơ quan, đơn vị có liên quan``) is a
catch-all, and so is a generic noun written alone
(``cơ quan``, ``đơn vị khác``) or left by a relative clause without its body
(``các cơ quan được phân công``); a plural or a list of generic nouns is a
collective body (``Các địa phương``, ``Các cơ quan, đơn vị khác``); a group of
a body (``cơ quan chuyên môn thuộc Bộ Tài chính``) is narrowed by it.

A ministry's units, a department's Phòng and service units are named in
sentence case (``Vụ Hợp tác quốc tế``, ``Cục Biến đổi khí hậu``; the heads with
``sentence`` in ``body_heads.tsv``): their lower-case words run on to a verb,
a cue or a break; a team's may open in lower case (``Tổ công tác``). A position stands for the body it heads (``Thủ trưởng các
sở, ban, ngành``; ``Bộ trưởng, Thủ trưởng cơ quan ngang bộ`` → ``các bộ, cơ
quan ngang bộ``; ``data/position_bodies.tsv``).

The canonical name expands abbreviations and resolves the place: a
department drops it (``Sở TT&TT tỉnh`` → ``Sở Thông tin và Truyền thông``), a
levelled body keeps its unit (``Công an tỉnh``), a press body takes the
province's name (``Đài PT-TH tỉnh`` in a Lai Châu plan → ``Đài Phát thanh và
Truyền hình Lai Châu``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from operator import attrgetter

from planparse.lang import scan, vocab
from planparse.lang.genre import is_caps
from planparse.lang.names import proper_case_body, province_in
from planparse.lang.quantities import phrases
from planparse.lang.segment import word_spans

_TOKEN = re.compile(r"[\w&]+(?:[-.&,/][\w&]+)*|[^\w\s]")
_ENDING_MARKS = ",.;:"  # marks that end a word written before them: a token of their own (_TOKEN), never abbreviations
_MAX_TAIL = 3  # lower-case words between a name and its unit: Đài Khí tượng [thủy văn] tỉnh
_MAX_QUALIFIER = 10
_WINDOW = 500  # characters a list of bodies is first read in (a list that may go on past them, in four times more)
_LOOKAHEAD = 2 * _MAX_QUALIFIER  # words past a list the grammar reads to end it, beyond a phrase's length
_MAX_LOWER = 6  # lower-case words in a row that continue a name in sentence case: Viện Khoa học [lâm nghiệp] Việt Nam


@dataclass(frozen=True)
class Mention:
    """A body named in the text: its canonical name and where it is written."""

    name: str
    start: int
    end: int
    collective: bool = False
    catchall: bool = False
    successor: str | None = field(default=None, compare=False)


class _Word:
    """A word (abbreviations expanded: UBND gives three words), its folded form and its case read once."""

    __slots__ = ("text", "start", "end", "folded", "capitalised", "is_word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.folded, self.capitalised, self.is_word = _shape(text)


_TEXT, _FOLDED = attrgetter("text"), attrgetter("folded")
_TIGHT = frozenset(",;:)(")  # the marks _join writes with no space before them, or after it: (


@lru_cache(maxsize=8192)
def _shape(text: str) -> tuple[str, bool, bool]:
    """A word's folded form, whether it is capitalised, whether it is a word (not a mark): the same for every
    occurrence of a word, read once for the words a plan uses most."""
    return text.casefold(), text[:1].isupper(), text[:1].isalnum()


def _words(text: str, start: int, end: int) -> list[_Word]:
    """The words of ``text[start:end]`` as the grammar reads them."""
    return _as_read(text, start, end, _raw_words(text, start, end))


def _as_read(text: str, start: int, end: int, words: list[_Word]) -> list[_Word]:
    """``words``, the raw words of ``text[start:end]`` (a list of their own), as the grammar reads them."""
    return _read(words) if _rereads().search(text, start, end) else words


@cache
def _rereads() -> re.Pattern[str]:
    """What _read may read otherwise than as written: a head without its marks, a position's first word written
    with a capital, an abbreviation that expands to either (a span with none of them is read as its raw words)."""
    toneless, firsts = vocab.toneless_heads(), _positions().firsts
    abbreviations = [abbreviation for abbreviation, expansion in vocab.abbreviations().items()
                     if any(w in toneless or w.casefold() in firsts for w in _TOKEN.findall(expansion))]
    exact = [re.escape(w) for w in sorted({*toneless, *abbreviations}, key=len, reverse=True)]
    capitalised = [re.escape(w[0].upper()) + f"(?i:{re.escape(w[1:])})" for w in sorted(firsts, key=len, reverse=True)]
    return re.compile("(?:" + "|".join(exact + capitalised) + r")(?!\w)")


def _read(words: list[_Word]) -> list[_Word]:
    """Words as the grammar reads them: a head's typo mended, positions read as the bodies they head."""
    return _positions_read_as_bodies(_toneless_heads_read(words))


def _toneless_heads_read(words: list[_Word]) -> list[_Word]:
    """A head noun a typo left without its marks (``Vu``) read as the head before a capitalised name written with
    marks (``Vu Kế hoạch - Tài chính`` → ``Vụ Kế hoạch - Tài chính``)."""
    toneless = vocab.toneless_heads()
    if toneless.keys().isdisjoint(map(_TEXT, words)):
        return words
    for k, (word, after) in enumerate(zip(words, words[1:])):
        if word.text in toneless and after.capitalised and not after.text.isascii():
            words[k] = _Word(toneless[word.text], word.start, word.end)
    return words


def _raw_words(text: str, start: int, end: int) -> list[_Word]:
    """The words of ``text[start:end]``: its tokens, abbreviations expanded (``UBND`` gives four words at its
    offsets), a token split at a ``/`` before a capital. The span is cut at its spaces first: a piece of letters
    and digits alone, as most are, is a word of its own (no need of the tokens' pattern), and so is such a piece
    before a mark that ends it (``tỉnh,``), the mark a word after it."""
    abbreviations = vocab.abbreviations()
    span = text[start:end]
    out: list[_Word] = []
    at = 0
    for piece in span.split():
        at = span.find(piece, at)
        if piece.isalnum() and piece not in abbreviations:
            out.append(_Word(piece, start + at, start + at + len(piece)))
        elif piece[-1] in _ENDING_MARKS and piece[:-1].isalnum() and piece[:-1] not in abbreviations:
            mark = start + at + len(piece) - 1
            out += (_Word(piece[:-1], start + at, mark), _Word(piece[-1], mark, mark + 1))
        else:
            out += _piece_words(piece, start + at)
        at += len(piece)
    return out


def _piece_words(piece: str, at: int) -> list[_Word]:
    """The words of a piece of text without spaces at ``at``: its tokens, each a word of its own unless it holds a
    ``/`` or is an abbreviation."""
    abbreviations = vocab.abbreviations()
    out: list[_Word] = []
    for m in _TOKEN.finditer(piece):
        token = m.group()
        if "/" in token or token in abbreviations:
            out += _token_words(token, at + m.start())
        else:
            out.append(_Word(token, at + m.start(), at + m.end()))
    return out


def _token_words(token: str, at: int) -> list[_Word]:
    """The words of a token at ``at`` that holds a ``/`` or is an abbreviation (a token of neither is one word)."""
    abbreviations = vocab.abbreviations()
    out = []
    for piece, offset in _split_slash(token, at):
        expansion = abbreviations.get(piece)
        parts = _TOKEN.findall(expansion) if expansion else [piece]
        out += [_Word(part, offset, offset + len(piece)) for part in parts]
    return out


def _split_slash(token: str, at: int) -> list[tuple[str, int]]:
    """A token split at a ``/`` before a capital, which lists two names (``quy hoạch/Tư vấn``), with offsets."""
    if "/" not in token:
        return [(token, at)]
    parts, start = [], 0
    for k, ch in enumerate(token):
        if ch == "/" and k + 1 < len(token) and token[k + 1].isupper():
            parts += [(token[start:k], at + start), ("/", at + k)]
            start = k + 1
    parts.append((token[start:], at + start))
    return [(part, offset) for part, offset in parts if part]


def _positions_read_as_bodies(words: list[_Word]) -> list[_Word]:
    """Positions read as the bodies they head: dropped before a body's name (``Thủ trưởng`` ``các sở, ban,
    ngành``), the group they name alone in a list (``Bộ trưởng,`` → ``các bộ,``). Only the capitalised words a
    position opens with are read: the words between them are kept as they are."""
    firsts = _positions().firsts
    opens = [k for k, w in enumerate(words) if w.capitalised and w.folded in firsts]
    if not opens:
        return words
    out: list[_Word] = []
    k = 0
    for at in opens:
        if at >= k:  # not within a position read already
            out += words[k:at]
            k = at + _read_position(words, at, out)
    out += words[k:]
    return out


def _read_position(words: list[_Word], k: int, out: list[_Word]) -> int:
    """Reads the capitalised word at ``k`` a position may open with into ``out``: nothing for a position before a
    body, the group a position names alone in a list, else the word itself (as a word that opens no position
    is read). The number of words read."""
    found = _match(_positions(), words, k)
    if not found:
        out.append(words[k])
        return 1
    n = _position_before_body(words, k, found[1])
    if n:
        return n
    after = k + found[1]
    if found[0] and (after >= len(words) or words[after].folded in vocab.body_words("list_separator")):
        start, end = words[k].start, words[after - 1].end
        group = _TOKEN.findall(found[0])
        plural = vocab.body_words("plural")
        if out and out[-1].folded in plural and group[0].casefold() in plural:
            group = group[1:]
        out += [_Word(w, start, end) for w in group]
        return after - k
    out.append(words[k])
    return 1


def _position_before_body(words: list[_Word], k: int, longest: int) -> int:
    """The length of a position at ``k`` (the longest written there has ``longest`` words) that a body's name or a
    group follows, else 0."""
    if k and (head := _match(_heads(), words, k - 1)) and head[1] > 1:
        return 0  # part of a head noun: Ban Chủ nhiệm
    lengths = _positions().lengths_after[words[k].folded]
    folded = tuple(map(_FOLDED, words[k:k + lengths[0]]))
    for n in lengths:  # the lengths of the positions this word opens, longest first
        after = k + n
        if after < len(words) and folded[:n] in _positions() and (
                _head(words, after) or words[after].folded in vocab.body_words("plural")
                or _match(_collective_nouns(), words, after)):
            # Trưởng ban is one position, Trưởng Ban Tuyên giáo a position and a body
            return 0 if longest > n and not words[after].capitalised else n
    return 0


class _Phrases(dict[tuple[str, ...], str]):
    """Phrases as tuples of case-folded words, with the lengths they come in (longest first) and their first
    words (so that a word no phrase opens with is passed over at once)."""

    def __init__(self, items) -> None:
        super().__init__((tuple(key.casefold().split()), value) for key, value in items)
        self.lengths = sorted({len(key) for key in self if key}, reverse=True)
        self.firsts: set[str] = set()
        self.lengths_after: dict[str, list[int]] = {}  # a first word → the lengths of the phrases it opens
        for key in self:
            self._index(key)

    def __setitem__(self, key: tuple[str, ...], value: str) -> None:
        super().__setitem__(key, value)
        if key and len(key) not in self.lengths:
            self.lengths = sorted({*self.lengths, len(key)}, reverse=True)
        self._index(key)

    def _index(self, key: tuple[str, ...]) -> None:
        if key:
            self.firsts.add(key[0])
            lengths = self.lengths_after.setdefault(key[0], [])
            if len(key) not in lengths:
                lengths.append(len(key))
                lengths.sort(reverse=True)


@cache
def _positions() -> _Phrases:
    return _Phrases(vocab.position_bodies().items())


@cache
def _openers() -> frozenset[str]:
    """The words a body, a group of bodies or a position read as one begins with (a head without its marks too)."""
    return frozenset(_heads().firsts | _collective_nouns().firsts | _positions().firsts | vocab.body_words("plural")
                     | {word.casefold() for word in vocab.toneless_heads()})


def may_open_a_body_past_a_comma(text: str, start: int, end: int) -> bool:
    """May a body open past a comma in ``text[start:end]`` (a quick test: if not, no may_open_a_list() there)?"""
    return _past_a_comma().search(text, start, end) is not None


def commas_before_bodies(text: str, start: int, end: int) -> list[int]:
    """The commas of ``text[start:end]`` a body may open past, in order, the text searched once:
    may_open_a_body_past_a_comma() finds a body in a part of it only if one of them is in that part (a superset:
    a phrase read here may run past the part's end)."""
    return [m.start() for m in _comma_before_body().finditer(text, start, end)]


@cache
def _past_a_comma() -> re.Pattern[str]:
    """A comma, the bullets after it and the opening of a body's first word: an opener or an abbreviation."""
    return re.compile("," + _after_comma(), re.IGNORECASE)


@cache
def _comma_before_body() -> re.Pattern[str]:
    """A comma that :func:`_past_a_comma` matches from, the comma alone (the match holds no other comma)."""
    return re.compile(f",(?={_after_comma()})", re.IGNORECASE)


@cache
def _after_comma() -> str:
    bullets = "|".join(re.escape(b) for b in sorted(vocab.body_words("bullet"), key=len, reverse=True))
    return rf"\s*(?:(?:{bullets})\s*)*" + phrases(_openers() | set(vocab.abbreviations()))


# -- the opening of a list: a quick test at C speed before its words are read ----------------------------------


def may_open_a_list(text: str, start: int, end: int, bare: bool = False) -> bool:
    """May a list of bodies read with ``bare`` open ``text[start:end]`` (if not, BodyReader.run finds none there)?"""
    return _opening().match(text, start, end) is not None or bare and _lower_group().match(text, start, end) is not None


_EDGE = r"(?![\w&])"  # where a word may end, however the text's tokens are read (a slash may part them)
_TOKEN_END = r"(?![\w&]|[-.&,/][\w&])"  # where a token ends (_TOKEN), a slash before a word's letter aside
_GAP = r"(?:\s+|(?<![\w&])|(?![\w&]))"  # between two words: a space, or none beside a mark


@cache
def _opening() -> re.Pattern[str]:
    """What a list of bodies may open with, past its bullets: a word _read may read otherwise (an abbreviation, a head
    without its marks, a position); a head noun written with a capital that opens no longer verb (``Ban``, not ``Ban
    hành``); a group noun written with a capital that opens no verb; ``các`` or ``những`` before a group noun. With
    :func:`_lower_group` for a list read ``bare``, a superset of what _group and _head find at a list's first word:
    where neither matches, no body opens the list."""
    plural = "|".join(map(re.escape, sorted(vocab.body_words("plural"))))
    positions = [(_capitals(p[0]), p, "") for p in _positions()]
    groups = [(scan.cased(n[0][0]), n, "") for n in _collective_nouns()]
    heads = [(_capitals(h[0]), h, _no_verb(h[0], len(h))) for h in _heads()]
    nouns = [(_capitals(n[0]), n, _no_verb(n[0], 0)) for n in _collective_nouns()]
    rewritten = _abbreviation_or_toneless()
    return re.compile(rf"{_bullets()}(?:(?i:{plural}){_EDGE}\s*(?:{rewritten}|{_written([*positions, *groups])})"
                      rf"|{rewritten}|{_written([*positions, *heads, *nouns])})")


@cache
def _lower_group() -> re.Pattern[str]:
    """A group noun written in lower case that opens no verb, past a list's bullets: what a list read ``bare`` may
    open with besides :func:`_opening` (a pattern of its own, compiled only when such a list is first read)."""
    nouns = [(lower, n, _no_verb(n[0], 0)) for n in _collective_nouns()
             if (lower := tuple(c for c in scan.cased(n[0][0]) if not c.isupper()))]
    return re.compile(_bullets() + f"(?:{_written(nouns)})")


def _bullets() -> str:
    """A pattern of the spaces and bullets before a list's first word."""
    bullets = "|".join(re.escape(b) for b in sorted(vocab.body_words("bullet"), key=len, reverse=True))
    return rf"\s*(?:(?:{bullets})\s*)*"


@cache
def _abbreviation_or_toneless() -> str:
    """A pattern that matches where an abbreviation (and another word that opens with two letters as one does)
    or a head without its marks is written."""
    abbreviations = vocab.abbreviations()
    twos = {a[1]: {b[0] for b in abbreviations if b[1] == a[1]} for a in abbreviations}
    return "(?:" + "|".join([*(_one_of(tuple(sorted(firsts))) + re.escape(second) for second, firsts in sorted(twos.items())),
                             *(re.escape(w) + _EDGE for w in vocab.toneless_heads())]) + ")"


def _capitals(word: str) -> tuple[str, ...]:
    """The capitals a word may be written with (``_Word.capitalised``)."""
    return tuple(c for c in scan.cased(word[0]) if c.isupper())


def _written(phrases: list[tuple[tuple[str, ...], tuple[str, ...], str]]) -> str:
    """An alternation of phrases, each (its first letters, its words, what may not follow its first word), in any case
    and spacing past the first letter; phrases that open alike share a pattern. A capital that may open a word _read
    reads otherwise (an abbreviation, a head without its marks, a position) in place of a later word ends a phrase
    there: the pattern matches wherever the grammar may read one."""
    tries: dict[tuple[tuple[str, ...], str], dict] = {}
    for letters, words, after_first in phrases:
        node = tries.setdefault((letters, f"(?i:{re.escape(words[0][1:])}){after_first}"), {})
        for word in words[1:]:
            node = node.setdefault(word, {})
        node[""] = {}  # a phrase ends here
    return "|".join(_one_of(letters) + first + _rest(node) for (letters, first), node in tries.items())


def _rest(node: dict) -> str:
    """The pattern of the words that may follow a phrase's word, in a tree of them (see :func:`_written`)."""
    ends = [_EDGE] if "" in node else []
    more = [f"(?i:{re.escape(word)})" + _rest(after) for word, after in node.items() if word]
    if more:
        ends.append(rf"{_GAP}(?:{_rewritten_capitals()}|" + "|".join(more) + ")")
    return ends[0] if len(ends) == 1 else "(?:" + "|".join(ends) + ")"


def _one_of(letters: tuple[str, ...]) -> str:
    return re.escape(letters[0]) if len(letters) == 1 else "[" + "".join(map(re.escape, letters)) + "]"


@cache
def _rewritten_capitals() -> str:
    """The capitals that may open a word _read reads otherwise."""
    capitals = {w[0] for w in (*vocab.abbreviations(), *vocab.toneless_heads())}
    capitals |= {c for p in _positions() for c in _capitals(p[0])}
    return "[" + "".join(map(re.escape, sorted(capitals))) + "]"


def _no_verb(first: str, longer_than: int) -> str:
    """A pattern that fails past a phrase's first word ``first`` where a verb of more than ``longer_than`` words
    opening with that word is written whole (``Tổ`` | ``chức``), its later words in lower case, as _read reads them."""
    rewritten = {*vocab.abbreviations(), *vocab.toneless_heads()}
    rests = ["".join(r"\s+" + re.escape(w) for w in verb[1:]) for verb in _stops()
             if verb[0] == first and len(verb) > longer_than and rewritten.isdisjoint(verb[1:])]
    return f"(?!(?:{'|'.join(rests)}){_TOKEN_END})" if rests else ""

@cache
def _heads() -> _Phrases:
    return _Phrases((h, h) for h in vocab.body_heads())


@cache
def _known() -> _Phrases:
    names = {k.name: k.name for k in vocab.bodies().values()}
    names.update(vocab.body_aliases().items())
    return _Phrases((_split_punct(alias), name) for alias, name in names.items())


@cache
def _units() -> _Phrases:
    return _Phrases((u, u) for u in vocab.admin_units())


@cache
def _collective_nouns() -> _Phrases:
    return _Phrases((n, n) for n in vocab.collective_nouns())


@cache
def duty_openers() -> tuple[str, ...]:
    """The words that open a duty after its subject: the duty verbs and the lead and support cues."""
    cues = [cue for cue, role in vocab.role_cues() if role in {"lead", "support"}]
    return (*vocab.duty_verbs(), *cues)


@cache
def role_cue(role: str) -> re.Pattern[str]:
    """The cues that give bodies a ``role`` (``data/role_cues.tsv``: ``chủ trì`` lead, ``Giao`` request …)."""
    return re.compile(phrases([cue for cue, r in vocab.role_cues() if r == role], lead=True), re.IGNORECASE)


def role_cues_in(role: str, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The cues of ``role`` in ``text[start:end]`` (the pattern opens with a cue's first letter, as written: the
    search skips in C to where one may open)."""
    return role_cue(role).finditer(text, start, end)


def cue_openings(roles: tuple[str, ...], text: str, start: int, end: int) -> list[int]:
    """The places in ``text[start:end]`` where a cue of one of ``roles`` may open, in order (role_cues_in() finds
    a cue of them only in a part of the text that holds one of these places): the text is scanned once."""
    return [m.start() for m in _cue_openings(roles).finditer(text, start, end)]


@cache
def _cue_openings(roles: tuple[str, ...]) -> re.Pattern[str]:
    return scan.starts(cue for cue, r in vocab.role_cues() if r in roles)


@cache
def _stops() -> _Phrases:
    """Words that end a group's qualifier: those that open a duty."""
    return _Phrases((w, w) for w in duty_openers())


@cache
def _name_breaks() -> frozenset[str]:
    """Words that end a name in sentence case."""
    return vocab.body_words("name_break") | vocab.body_words("qualifier_break") | vocab.body_words("plural")


@cache
def _cues() -> frozenset[str]:
    return frozenset(cue for cue, _ in vocab.role_cues())


@cache
def _fillers() -> _Phrases:
    """Words that narrow no group, its level aside (được, giao, khác)."""
    return _Phrases((w, w) for w in vocab.catchall_words())


@cache
def _catchall() -> _Phrases:
    words = [*vocab.catchall_words(), *vocab.admin_units()]
    return _Phrases((w, w) for w in words)


@cache
def _unit_joiners() -> frozenset[str]:
    """Words that both join and list, so join the units of a list (các huyện, thị xã và thành phố)."""
    return vocab.body_words("joiner") & vocab.body_words("list_separator")


def _split_punct(name: str) -> str:
    return " ".join(m.group() for m in _TOKEN.finditer(name))


def _match(table: _Phrases, words: list[_Word], i: int) -> tuple[str, int] | None:
    """The longest entry of ``table`` written at ``words[i:]``: (value, number of words)."""
    lengths = table.lengths_after.get(words[i].folded) if i < len(words) else None
    if not lengths:
        return None
    if lengths == [1]:  # most phrases are one word
        value = table.get((words[i].folded,))
        return (value, 1) if value is not None else None
    folded = tuple(map(_FOLDED, words[i:i + lengths[0]]))
    for n in lengths:
        value = table.get(folded[:n]) if n <= len(folded) else None
        if value is not None:
            return value, n
    return None


def _head(words: list[_Word], i: int) -> int:
    """How many words of a head noun start at ``i`` (0 if none); a head is written with a capital, and is not
    the first word of a verb (``Tổ chức``, ``Ban hành``)."""
    if i >= len(words) or not words[i].capitalised:
        return 0
    found = _match(_heads(), words, i)
    verb = _match(_stops(), words, i)
    return found[1] if found and not (verb and verb[1] > found[1]) else 0


class BodyReader:
    """Recognises bodies in a plan's text, with the plan's province and its own lexicon of names."""

    def __init__(self, province: str | None = None, lexicon: Mapping[str, str] | None = None,
                 segment: bool = True):
        self.province = province
        self.segment = segment
        self.lexicon = _Phrases((_split_punct(k), v) for k, v in (lexicon or {}).items())
        self._segmented: dict[str, list[tuple[int, int]]] = {}  # a plan names its bodies again and again
        self._text = ""
        self._spans: dict[tuple[int, int], list[_Word]] = {}  # the words of a span of ``_text``, read once
        self._keys: dict[str, tuple[str, ...]] = {}  # the lexicon's key of a name as written, read once
        self.learnt: list[tuple[str, ...]] = []  # the lexicon's keys as they were added or renamed, in order
        self._readings: dict[tuple[str, bool], tuple[int, int, list[Mention]]] = {}  # run()'s last reading of a
        # span's text (a table names a row's bodies again and again): the names learnt then, its start, its bodies

    def learn(self, text: str, mention: Mention) -> None:
        """Remember a name the plan spells out, so that its prose mentions are matched whole."""
        if not mention.collective:
            written = text[mention.start:mention.end]  # a table names a row's bodies again and again
            key = self._keys.get(written)
            if key is None:
                key = self._keys[written] = tuple(map(_FOLDED, self._words(text, mention.start, mention.end)))
            if self.lexicon.get(key) != mention.name:
                self.lexicon[key] = mention.name
                self.learnt.append(key)

    def reads_alike(self, text: str, start: int, end: int, learnt: int) -> bool:
        """Does run() read ``text[start:end]`` as it did when ``learnt`` names had been learnt? It does when the span
        is read in one window and no name learnt since has all its words in it (the lexicon is matched against the
        span's words only) nor more words than the grammar's longest phrase (which sets how far a list is read)."""
        since = self.learnt[learnt:]
        if not since:
            return True
        if end - start > _WINDOW or any(len(key) > _longest_phrase() for key in since):
            return False
        words = set(map(_FOLDED, self._words(text, start, end)))
        return not any(words.issuperset(key) for key in since)

    def _words(self, text: str, start: int, end: int) -> list[_Word]:
        """The words of ``text[start:end]`` as the grammar reads them, a new list (callers may change it); a span
        read again (a cell read to learn its names, then for its bodies) is not read anew."""
        if text is not self._text:
            self._text, self._spans = text, {}
        words = self._spans.get((start, end))
        if words is None:
            words = self._spans[start, end] = _words(text, start, end)
        return list(words)

    # -- public readers --------------------------------------------------------------------------

    def listing(self, text: str, start: int = 0, end: int | None = None) -> list[Mention] | None:
        """The bodies of a span that holds nothing but a list of bodies (a heading, a table cell), else None."""
        end = len(text) if end is None else end
        if not may_open_a_list(text, start, end, bare=True):
            return None
        words = self._words(text, start, end)
        while words and not words[-1].is_word:
            words.pop()
        if not words:
            return None
        mentions, k = self._list(text, words, 0, bare=True)
        return mentions if mentions and k == len(words) else None

    def run(self, text: str, start: int, end: int | None = None, bare: bool = False) -> list[Mention]:
        """The list of bodies written from ``start`` on (``phối hợp với Sở Y, Sở Z và …``; a cell's
        ``- Vụ Pháp chế; - Văn phòng Bộ``), empty if none."""
        end = len(text) if end is None else end
        if not may_open_a_list(text, start, end, bare):
            return []
        key = text[start:end], bare
        seen = self._readings.get(key)
        if seen and self.reads_alike(text, start, end, seen[0]):  # the same text read alike: its bodies moved here
            _, at, mentions = seen
            return [replace(m, start=m.start + start - at, end=m.end + start - at) for m in mentions]
        mentions = self._read_list(text, start, end, bare)
        self._readings[key] = len(self.learnt), start, mentions
        return list(mentions)

    def _read_list(self, text: str, start: int, end: int, bare: bool) -> list[Mention]:
        """run()'s reading of a span it may open a list in."""
        stop = min(end, start + _WINDOW)
        while True:  # the words of a window, a wider one while the list may go on past it: linear in the text
            words = self._words(text, start, stop)
            first = next((k for k, w in enumerate(words) if w.folded not in vocab.body_words("bullet")), len(words))
            mentions, last = self._list(text, words, first, bare=bare)
            if stop == end or _next_item(words, last) + self._lookahead() < len(words):
                return mentions
            stop = min(end, start + 4 * (stop - start))

    def _lookahead(self) -> int:
        """How many words past a list's next item the grammar may read: the longest phrase it matches, and some."""
        return _LOOKAHEAD + max(self.lexicon.lengths[:1] + [_longest_phrase()])

    def find_all(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every body named in a span of text, catch-alls left out."""
        end = len(text) if end is None else end
        words = self._words(text, start, end)
        out: list[Mention] = []
        i = 0
        while i < len(words):
            found = self._one(text, words, i, bare=False)
            if found:
                mention, i = found
                if not mention.catchall:
                    out.append(mention)
            else:
                i += 1
        return out

    # -- grammar ---------------------------------------------------------------------------------

    def _list(self, text: str, words: list[_Word], i: int, bare: bool) -> tuple[list[Mention], int]:
        mentions: list[Mention] = []
        found = self._one(text, words, i, bare)
        while found:
            mention, i = found
            mentions.append(mention)
            found = None
            k = _next_item(words, i)
            if k > i:
                found = self._one(text, words, k, bare=True)
        return mentions, i

    def _one(self, text: str, words: list[_Word], i: int, bare: bool) -> tuple[Mention, int] | None:
        if i >= len(words):
            return None
        h = _head(words, i)
        group = self._group(text, words, i, bare, h)
        if group:
            return group
        if not h:
            return None
        j = self._name_end(text, words, i, h)
        if j is None:
            return None
        return self._mention(text, words, i, j), j

    def _name_end(self, text: str, words: list[_Word], i: int, h: int) -> int | None:
        """The end of the name whose head ends at ``i + h``, or None when no name follows the head."""
        k = i + h
        end = k
        known = _match(self.lexicon, words, i) or _match(_known(), words, i)
        head = " ".join(map(_FOLDED, words[i:i + h]))
        sentence = head in vocab.sentence_heads()
        # segmented when a capitalised word is first met; a name in sentence case is not: its lower-case words go
        # on with it whatever words the segmenter makes of them (Cục Biến [đổi khí hậu])
        compounds: dict[int, int] | None = None if self.segment and not sentence else {}
        opens_lower = head in vocab.lower_heads()
        lower = 0
        n = len(words)
        while k < n:
            w = words[k]
            if known and k < i + known[1]:
                k = end = i + known[1]
                continue
            unit = _match(_units(), words, k)
            if unit and not w.capitalised and self._lists_units(words, k + unit[1]):
                return self._unit_list(words, k)  # Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương
            if unit and not w.capitalised:
                k += unit[1]
                while k < n and words[k].capitalised and words[k].is_word and not _head(words, k):
                    k += 1
                return k
            if w.folded in vocab.body_words("plural") and k + 1 < n and _match(_units(), words, k + 1):
                return self._unit_list(words, k + 1)
            inner = _head(words, k)
            if inner and compounds is None:
                compounds = self._compounds(text, words, i + h)
            if inner and compounds.get(k, k) > k + inner:  # one word, not a head: Mặt trận [Tổ quốc]
                inner = 0
            if inner and words[k - 1].folded not in vocab.body_words("list_separator"):
                k = end = k + inner  # a body inside the name: Ban Tuyên giáo Tỉnh ủy, Văn phòng Sở
                continue
            if w.capitalised and w.is_word:
                if compounds is None:
                    compounds = self._compounds(text, words, i + h)
                k = end = compounds.get(k, k + 1)
                lower = 0 if compounds else -1  # unsegmented: the syllable after it most often ends its word (Kỹ
                continue  # [thuật] tiêu chuẩn …), so is not counted among the lower-case words that may go on
            if w.folded in vocab.body_words("joiner") and k + 1 < n and words[k + 1].capitalised and end > i + h \
                    and not (w.folded in vocab.body_words("list_separator") and _head(words, k + 1)):
                k += 1
                continue
            more = self._sentence_words(words, k) if sentence and not known and (end > i + h or opens_lower) \
                and lower < _MAX_LOWER else 0
            if more:
                k = end = k + more
                lower += more
                continue
            tail = self._tail_to_unit(words, k)
            if tail and end > i + h:
                k = tail
                continue
            break
        if end == i + h and not self._stands_alone(words, i, h):
            return None
        return end

    def _sentence_words(self, words: list[_Word], k: int) -> int:
        """How many lower-case words at ``k`` go on with a name in sentence case: 0 at a break, a unit or a verb
        that opens a duty; a verb the name ends with (``Vụ Vật liệu xây dựng`` | là …) goes on."""
        if not self._lower_word(words, k):
            return 0
        verb = _match(_stops(), words, k)
        if not verb:
            return 1
        after = k + verb[1]
        ends = after >= len(words) or not words[after].is_word or words[after].folded in vocab.body_words("name_break")
        return verb[1] if ends and verb[0] not in _cues() else 0

    def _lower_word(self, words: list[_Word], k: int) -> bool:
        """A lower-case word that may belong to a name: no break, no unit."""
        w = words[k]
        return w.is_word and not w.capitalised and w.folded not in _name_breaks() and not _match(_units(), words, k)

    def _stands_alone(self, words: list[_Word], i: int, h: int) -> bool:
        known = vocab.bodies().get(" ".join(map(_TEXT, words[i:i + h])).casefold())
        return bool(known) and (known.level in {"national", "party", "mass"})

    def _tail_to_unit(self, words: list[_Word], k: int) -> int | None:
        """The unit after a few lower-case words of a name (``thủy văn tỉnh``), if one closes it."""
        for step in range(_MAX_TAIL + 1):
            at = k + step
            if at >= len(words) or not words[at].is_word or words[at].capitalised:
                return None
            if _match(_units(), words, at):
                return at if step else None
            if words[at].folded in vocab.body_words("joiner") | vocab.body_words("qualifier_break") \
                    or _match(_stops(), words, at):
                return None
        return None

    def _lists_units(self, words: list[_Word], k: int) -> bool:
        """Does a list of units go on at ``k`` (``, thành phố`` after ``tỉnh``), with no place name after it?"""
        if k + 1 >= len(words) or words[k].folded not in _unit_joiners():
            return False
        unit = _match(_units(), words, k + 1)
        after = k + 1 + unit[1] if unit else k
        return bool(unit) and not (after < len(words) and words[after].capitalised and words[after].is_word)

    def _unit_list(self, words: list[_Word], k: int) -> int:
        """The end of a list of units starting at ``k`` (``huyện, thành phố, thị xã``)."""
        while True:
            unit = _match(_units(), words, k)
            if not unit:
                return k - 1 if words[k - 1].folded in vocab.body_words("joiner") else k
            k += unit[1]
            if k < len(words) and words[k].folded in _unit_joiners() and _match(_units(), words, k + 1):
                k += 1
            else:
                return k

    def _compounds(self, text: str, words: list[_Word], k: int) -> dict[int, int]:
        """For a capitalised word at index ``i``, the index after the segmenter's word that holds it."""
        if k >= len(words):
            return {}
        last = min(len(words), k + 12) - 1
        start, end = words[k].start, words[last].end
        window = text[start:end]
        spans = self._segmented.get(window)
        if spans is None:
            spans = self._segmented[window] = word_spans(window)
        out: dict[int, int] = {}
        i = k
        for a, b in spans:  # a word may open in lower case and go on capitalised: [và Công nghiệp Việt Nam]
            while i <= last and words[i].start < start + a:
                i += 1
            j = i
            while j <= last and words[j].end <= start + b:
                j += 1
            out.update((m, j) for m in range(i, j) if words[m].capitalised)
        return out

    def _group(self, text: str, words: list[_Word], i: int, bare: bool, head: int) -> tuple[Mention, int] | None:
        """A group of bodies: ``các sở, ban, ngành``, ``các cơ quan báo chí tỉnh``, ``cơ quan chủ quản …`` (``head``:
        the words of a head noun at ``i``, :func:`_head`)."""
        k = i
        if words[k].folded in vocab.body_words("plural"):
            k += 1
        elif not (bare or words[k].capitalised) or head or _match(_stops(), words, k):
            return None  # without các, a group noun that is not a head noun nor a verb (Tổ chức …)
        noun = _match(_collective_nouns(), words, k)
        if not noun:
            return None
        nouns = [noun[0]]
        k += noun[1]
        while k + 1 < len(words) and (more := _next_noun(words, k, nouns[-1])):
            nouns.append(more[0])
            k += more[1]
        qualifier: list[_Word] = []
        parent: Mention | None = None  # the body the group belongs to: các đơn vị thuộc Bộ Tài chính
        while k < len(words) and len(qualifier) < _MAX_QUALIFIER:
            w = words[k]
            if qualifier and qualifier[-1].folded in vocab.body_words("parent") \
                    and (_head(words, k) or w.folded in vocab.body_words("plural")):  # của Liên đoàn, của các hội
                found = self._one(text, words, k, bare=True)
                if found and not found[0].catchall:
                    own_end, (parent, k) = k, found
                elif h := _head(words, k):  # a head alone: the organisation the text is about (của Liên đoàn)
                    qualifier += words[k:k + h]
                    k += h
                break
            if not w.is_word or w.folded in vocab.body_words("qualifier_break") or _match(_stops(), words, k) \
                    or _head(words, k):
                break
            qualifier.append(w)
            k += 1
        if not parent and (end := self._catchall_past_adverbial(words, k)):
            qualifier += words[k:end]  # cơ quan chuyên môn theo ngành, lĩnh vực có liên quan
            k = end
        generic = all(vocab.collective_nouns()[n] for n in nouns)
        plural = k > i and words[i].folded in vocab.body_words("plural") or len(nouns) > 1
        if parent:  # the qualifier may go on after the body: các đơn vị thuộc Bộ … có liên quan
            after = k
            while k < len(words) and (more := _match(_catchall(), words, k)):
                k += more[1]
            qualifier += words[after:k]
        related = any(_has_phrase(qualifier, phrase) for phrase in vocab.catchall_qualifiers())
        if parent:  # narrowed by the body it belongs to, named canonically
            groups = parent.name.split(maxsplit=1)[0].casefold() in vocab.body_words("plural")
            of = parent.name[:1].lower() + parent.name[1:] if groups else parent.name  # … của các tổ chức …
            name, catchall = f"{_join(words[i:own_end])} {of}", related
        else:
            dangling = self._dangles(qualifier)  # các đơn vị được giao
            name = _join(words[i:k])
            catchall = related or generic and (dangling or not plural and self._narrows_nothing(qualifier))
        return Mention(name[:1].upper() + name[1:], words[i].start, words[k - 1].end, collective=True,
                       catchall=catchall), k

    def _catchall_past_adverbial(self, words: list[_Word], k: int) -> int | None:
        """The end of ``có liên quan`` closing a group past an adverbial phrase that opens at ``k`` (``theo ngành,
        lĩnh vực``), if the phrase holds nothing but lower-case words and commas; else None."""
        if k >= len(words) or words[k].folded not in vocab.body_words("adverbial"):
            return None
        for j in range(k + 1, min(len(words), k + 1 + _MAX_QUALIFIER)):
            w = words[j]
            for phrase in vocab.catchall_qualifiers():
                if tuple(x.folded for x in words[j:j + len(phrase)]) == phrase:
                    return j + len(phrase)
            if w.capitalised or w.is_word and _match(_stops(), words, j) \
                    or not w.is_word and w.folded not in vocab.body_words("list_separator"):
                return None
        return None

    def _dangles(self, qualifier: list[_Word]) -> bool:
        """Does the qualifier end with a relative clause that names nothing (``được phân công``, ``thuộc``), where
        a body or a level would (``thuộc Bộ Tài chính``, ``thuộc tỉnh``)?"""
        relative = [k for k, w in enumerate(qualifier) if w.folded in vocab.body_words("relative")]
        if not relative:
            return False
        rest = qualifier[relative[-1] + 1:]
        k = 0
        while k < len(rest) and (found := _match(_fillers(), rest, k)):
            k += found[1]
        return k == len(rest)

    def _narrows_nothing(self, qualifier: list[_Word]) -> bool:
        k = 0
        while k < len(qualifier):
            found = _match(_catchall(), qualifier, k)
            if found:
                k += found[1]
            elif qualifier[k].capitalised or qualifier[k].folded == (self.province or "").casefold():
                k += 1  # a place name
            else:
                return False
        return True

    # -- canonical names -------------------------------------------------------------------------

    def _mention(self, text: str, words: list[_Word], i: int, j: int) -> Mention:
        span = words[i:j]
        caps = is_caps(text[span[0].start:span[-1].end])
        core, unit, place = self._split_place(span)
        if any(w.folded in vocab.body_words("plural") | vocab.body_words("list_separator") for w in unit):
            return Mention(_cased(_join(span), caps), span[0].start, span[-1].end, collective=True)
        core_name = _join(core)
        folded = core_name.casefold()
        lexicon_name = self.lexicon.get(tuple(map(_FOLDED, core)))  # its key: the words _split_punct(core_name) has
        standard = vocab.body_aliases().get(folded, lexicon_name or core_name)
        known = vocab.bodies().get(standard.casefold())
        place_name = _join(place) if place else None
        unit_name = _join(unit) if unit else None
        successor = None
        if known:
            core_name = known.name
            if known.place == "drop":
                name = core_name
            elif known.place == "name":
                where = place_name or (self.province if unit_name in (None, "tỉnh", "thành phố") else None)
                name = " ".join(filter(None, [core_name, where or unit_name]))
                successor = f"{known.merged_into} {where}" if known.merged_into and where else None
            else:
                name = " ".join(filter(None, [core_name, unit_name, place_name]))
            successor = successor or known.merged_into
        else:
            name = " ".join(filter(None, [_cased(lexicon_name or core_name, caps), unit_name, place_name]))
        return Mention(name[:1].upper() + name[1:], span[0].start, span[-1].end, successor=successor)

    def _split_place(self, span: list[_Word]) -> tuple[list[_Word], list[_Word], list[_Word]]:
        """The name's core, its administrative unit and its place (``Công an`` ``tỉnh`` ``Nghệ An``)."""
        for k in range(1, len(span)):
            if span[k].capitalised:
                continue
            unit = _match(_units(), span, k)
            if span[k].folded in vocab.body_words("plural") and _match(_units(), span, k + 1) \
                    or unit and self._lists_units(span, k + unit[1]):
                return span[:k], span[k:], []
            if unit:
                return span[:k], span[k:k + unit[1]], span[k + unit[1]:]
        provinces = vocab.provinces()
        for n in (3, 2, 1):
            if len(span) > n + 1 and _join(span[-n:]).casefold() in provinces:
                known = _join(span[:-n]).casefold()
                if known in vocab.bodies() or known in vocab.body_aliases():
                    return span[:-n], [], span[-n:]
        return span, [], []


def _next_item(words: list[_Word], i: int) -> int:
    """Where the next item of a list begins, past the separators after an item that ends at ``i`` (and the
    bullets of a list written as bullets in a cell: ``- Vụ Pháp chế; - Văn phòng Bộ``)."""
    k = i
    while k < len(words) and words[k].folded in vocab.body_words("list_separator"):
        k += 1
    while k > i and k < len(words) and words[k].folded in vocab.body_words("bullet"):
        k += 1
    return k


@cache
def _longest_phrase() -> int:
    """The most words a phrase of the grammar's tables has."""
    tables = (_positions(), _heads(), _known(), _units(), _collective_nouns(), _stops(), _catchall())
    return max(t.lengths[0] for t in tables if t.lengths)


def _next_noun(words: list[_Word], k: int, last: str) -> tuple[str, int] | None:
    """The group noun that goes on a list of them at ``k`` (``, đơn vị``), and the words it takes; a generic noun
    written straight after a generic one, a comma left out, goes on only where the list does (``cơ quan tổ chức,
    cá nhân``; not ``cơ quan tổ chức thực hiện``)."""
    nouns = vocab.collective_nouns()
    if words[k].folded == ",":
        more = _match(_collective_nouns(), words, k + 1)
        return (more[0], 1 + more[1]) if more else None
    more = _match(_collective_nouns(), words, k)
    after = k + more[1] if more else k
    if more and nouns[last] and nouns[more[0]] and after + 1 < len(words) and words[after].folded == "," \
            and _match(_collective_nouns(), words, after + 1):
        return more
    return None


def _has_phrase(words: list[_Word], phrase: tuple[str, ...]) -> bool:
    folded = [w.folded for w in words]
    return any(tuple(folded[k:k + len(phrase)]) == phrase for k in range(len(folded)))


def _join(words: list[_Word]) -> str:
    """Words back into text: no space before , ; : ) nor after ( (words without them joined by spaces at once)."""
    texts = list(map(_TEXT, words))
    if _TIGHT.isdisjoint(texts):
        return " ".join(texts)
    out = ""
    for w in words:
        if out and w.text not in {",", ";", ":", ")"} and not out.endswith("("):
            out += " "
        out += w.text
    return out


def _cased(name: str, caps: bool) -> str:
    return proper_case_body(name) if caps else name


def names_a_body(text: str) -> bool:
    """Does ``text`` open with a body (``Sở Tài chính``) or a group that ``các`` names (``Các sở, ban, ngành``)?

    The test of a heading: a group noun alone (``Cơ quan trình: Sở Tư pháp``) labels a field, not a body.
    """
    if not may_open_a_list(text, 0, len(text)):
        return False  # no list of bodies may open it: run() would find none
    reader = BodyReader(segment=False)
    words = reader._words(text, 0, len(text))  # read once: run() finds a short title's words in the reader
    opens = bool(words) and (bool(_head(words, 0)) or words[0].folded in vocab.body_words("plural"))
    return opens and bool(reader.run(text, 0))


def province_of(*names: str | None) -> str | None:
    """The first province or centrally-run city named in ``names`` (an issuer, a place)."""
    return next(filter(None, map(province_in, names)), None)
