"""Aligning targets across plans: which objectives of different plans measure the same thing.

A target's indicator (its words without the numbers) is reduced to terms: parenthesised asides, place
names and numbers dropped, abbreviations expanded, words segmented by underthesea, stop and generic words
(``data/indicator_words.tsv``) left out. Two targets are as similar as the TF-IDF cosine of their terms over
the set compared, so the words every target shares (``cơ quan báo chí`` in a press plan) weigh little.
Targets are then grouped greedily, most similar pairs first: a group never holds two targets of one plan
for one horizon (one-to-one matching between any two plans), two targets of one plan (for different years)
are paired only when their words nearly repeat, and two groups join only when their targets are similar on
average (no chaining through one middling pair).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from planparse.lang import segment, vocab
from planparse.lang.names import expand_abbreviations, province_pattern

THRESHOLD = 0.35
"""The least similarity at which two targets of different plans measure the same thing."""
SAME_PLAN_THRESHOLD = 0.6
"""The least similarity at which two targets of one plan (for different years) measure the same thing: a plan
that sets one indicator for several years repeats its words."""

_ASIDE = re.compile(r"\([^()]*\)")
_WORDY = re.compile(r"[^\W\d_]", re.UNICODE)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Target:
    """One objective to align: the plan it belongs to, its horizon, and the words of its indicator."""

    plan: int
    horizon: int | None
    words: str
    subject: str | None = None


@dataclass(frozen=True)
class _Words:
    dropped: frozenset[str]
    stop: frozenset[str]
    canonical: dict[str, str]


@cache
def _words() -> _Words:
    rows = vocab.table("indicator_words")
    return _Words(
        dropped=frozenset(r["word"].casefold() for r in rows if r["kind"] != "synonym"),
        stop=frozenset(r["word"].casefold() for r in rows if r["kind"] == "stop"),
        canonical={r["word"].casefold(): r["canonical"].casefold() for r in rows if r["kind"] == "synonym"},
    )


def stop_words() -> frozenset[str]:
    """The function words of ``data/indicator_words.tsv`` (``các``, ``của`` …), lower case."""
    return _words().stop


def terms(words: str, places: Iterable[str] = ()) -> list[str]:
    """The terms of an indicator: segmented words, lower case, without asides, places, numbers and stop words.

    ``places`` are further place names to drop (a district plan's own district).
    """
    text = _ASIDE.sub(" ", expand_abbreviations(words))
    text = province_pattern().sub(" ", text)
    for place in places:
        text = re.sub(rf"(?<!\w){re.escape(place)}(?!\w)", " ", text, flags=re.IGNORECASE)
    out = []
    for token in segment.words(text):
        word = " ".join(token.casefold().split())
        word = _words().canonical.get(word, word)
        if _WORDY.search(word) and not _DIGIT.search(word) and word not in _words().dropped:
            out.append(word)
    return out


def similarities(term_lists: Sequence[Sequence[str]], subjects: Sequence[Sequence[str]] | None = None
                 ) -> list[list[float]]:
    """The TF-IDF cosine of every two term lists, IDF taken over the lists given.

    With ``subjects`` (the terms of what each target counts, empty when unknown), the cosine of two targets
    that both name their subject is scaled by how alike the subjects are: at worst halved.
    """
    n = len(term_lists)
    df = Counter(t for terms_ in term_lists for t in set(terms_))
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
    vectors = [_vector(terms_, idf) for terms_ in term_lists]
    sim = [[_dot(a, b) for b in vectors] for a in vectors]
    if subjects is not None:
        subject_vectors = [_vector(terms_, idf) for terms_ in subjects]
        for i, a in enumerate(subject_vectors):
            for j, b in enumerate(subject_vectors):
                if a and b:
                    sim[i][j] *= (1 + _dot(a, b)) / 2
    return sim


def _vector(terms_: Sequence[str], idf: dict[str, float]) -> dict[str, float]:
    vec = {t: (1 + math.log(c)) * idf.get(t, 1.0) for t, c in Counter(terms_).items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def align(targets: Sequence[Target], places: Iterable[str] = (), threshold: float = THRESHOLD,
          same_plan: float = SAME_PLAN_THRESHOLD) -> list[int]:
    """The indicator group of every target, groups numbered in order of their first target."""
    places = tuple(places)
    sim = similarities([terms(t.words, places) for t in targets],
                       [terms(t.subject, places) if t.subject else [] for t in targets])
    slot = [(t.plan, t.horizon) for t in targets]
    members = {i: [i] for i in range(len(targets))}
    group = list(range(len(targets)))
    pairs = sorted(
        ((sim[i][j], i, j) for i in range(len(targets)) for j in range(i + 1, len(targets))
         if slot[i] != slot[j] and sim[i][j] >= (threshold if slot[i][0] != slot[j][0] else same_plan)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    for _, i, j in pairs:
        a, b = group[i], group[j]
        if a == b or {slot[k] for k in members[a]} & {slot[k] for k in members[b]}:
            continue
        cross = [sim[x][y] for x in members[a] for y in members[b]]
        if sum(cross) / len(cross) < threshold:
            continue
        for k in members[b]:
            group[k] = a
        members[a] += members.pop(b)
    order = {g: n for n, g in enumerate(dict.fromkeys(group))}
    return [order[g] for g in group]
