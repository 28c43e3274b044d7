"""Vietnamese word segmentation by underthesea's CRF model, aligned to character offsets.

A Vietnamese word is often several syllables written apart (``Công nghệ thông
tin``); underthesea's segmenter groups them. Its model and normalisation tables
are read from the installed ``underthesea`` package's files, once, on first use,
and run by ``underthesea_core`` — the ``underthesea`` package itself (numpy,
joblib and its other pipelines) is never imported, so a batch worker stays light.
Where the words cannot be aligned with the text (a few characters are
normalised), the rest of the text falls back to one word per syllable or mark.
The model's features are computed here (:func:`_features`, the model's own
template restated): in a third of the instructions of ``underthesea_core``'s
featurizer, the same strings (``tests/test_segment.py`` compares them).
"""

from __future__ import annotations

import importlib.util
import pickle
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import and_
from pathlib import Path
from typing import Any

from planparse.lang.tokens import tokenize

_PIECE = re.compile(r"\w+|[^\w\s]")
_MODEL = ("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727")
_NORMALISATION = ("pipeline", "text_normalize", "tn_rules_2023_07_14.bin")
_INSIDE = "I-W"  # the tag of a syllable that continues the word before it
_INTEGER = re.compile(r"[+-]?[0-9]+")  # isdigit: the token is a 32-bit integer, as the featurizer parses it


@dataclass(frozen=True)
class _Segmenter:
    dictionary: frozenset[str]
    tagger: Any
    characters: dict[str, str]
    tokens: dict[str, str]


@cache
def _segmenter() -> _Segmenter:
    from underthesea_core import CRFTagger  # the compiled core: small

    root = _package()
    model = root.joinpath(*_MODEL)
    tagger = CRFTagger()
    tagger.load(str(model / "models.bin"))
    # underthesea writes these with joblib; they hold plain Python objects, so pickle reads them
    if _load(model / "features.bin") != [feature.split("=")[0] for feature in _features(["."], frozenset())[0]]:
        raise ValueError(f"{model}: features other than those _features computes")
    rules = _load(root.joinpath(*_NORMALISATION))
    return _Segmenter(frozenset(_load(model / "dictionary.bin")), tagger, rules["character"], rules["token"])


def _package() -> Path:
    """The installed ``underthesea`` package's folder, found without importing it."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("underthesea is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _load(path: Path) -> Any:
    with path.open("rb") as f:
        return pickle.load(f)  # noqa: S301 - the installed model's own files


def words(text: str) -> list[str]:
    """The words of ``text`` as ``underthesea.word_tokenize`` writes them (syllables joined by a space, a few
    characters normalised)."""
    s = _segmenter()
    tokens = tokenize(text, s.characters, s.tokens)
    if not tokens:
        return []
    tags = s.tagger.tag(_features(tokens, s.dictionary))
    out: list[str] = []
    for tag, token in zip(tags, tokens, strict=True):
        if tag == _INSIDE and out:
            out[-1] += " " + token
        else:
            out.append(token)
    return out


def _features(tokens: list[str], dictionary: frozenset[str]) -> list[list[str]]:
    """Each token's features, the model's template (``features.bin``) as ``underthesea_core.CRFFeaturizer``
    writes them: a token or the tokens of a span joined by a space, lower-cased, whether it is a 32-bit integer,
    whether each of its tokens opens with a letter that is its own capital, whether it is in the dictionary
    (lower-cased); BOS or EOS where the span runs past the sentence. Each n-gram is built once, and the strings
    of the yes/no features once for each window of values (:func:`_yes_no`)."""
    lower = [t.lower() for t in tokens]
    title = [t[:1] == t[:1].upper() for t in tokens]
    pairs, lower_pairs, lower_triples = _grams(tokens, 2), _grams(lower, 2), _grams(lower, 3)

    def padded(values: list[Any], width: int = 1) -> list[Any]:  # index i + 2: the n-gram that opens at token i
        return ["BOS", "BOS", *values, *["EOS"] * (width + 1)]

    word, low = padded(tokens), padded(lower)
    pair, lower_pair, triple = padded(pairs, 2), padded(lower_pairs, 2), padded(_grams(tokens, 3), 3)
    places = list(zip(  # the yes/no values of each place: _yes_no's order
        padded([_is_integer(t) for t in tokens]), padded(title), padded(list(map(and_, title, title[1:])), 2),
        padded(list(map(all, zip(title, title[1:], title[2:]))), 3), padded([t in dictionary for t in lower]),
        padded([g in dictionary for g in lower_pairs], 2), padded([g in dictionary for g in lower_triples], 3)))
    windows = zip(places, places[1:], places[2:], places[3:], places[4:])
    return [[
        "T[-2]=" + word[i - 2], "T[-1]=" + word[i - 1], "T[0]=" + word[i], "T[1]=" + word[i + 1],
        "T[2]=" + word[i + 2], "T[-2,-1]=" + pair[i - 2], "T[-1,0]=" + pair[i - 1], "T[0,1]=" + pair[i],
        "T[1,2]=" + pair[i + 1], "T[-2,0]=" + triple[i - 2], "T[-1,1]=" + triple[i - 1], "T[0,2]=" + triple[i],
        "T[-2].lower=" + low[i - 2], "T[-1].lower=" + low[i - 1], "T[0].lower=" + low[i],
        "T[1].lower=" + low[i + 1], "T[2].lower=" + low[i + 2], "T[-2,-1].lower=" + lower_pair[i - 2],
        "T[-1,0].lower=" + lower_pair[i - 1], "T[0,1].lower=" + lower_pair[i], "T[1,2].lower=" + lower_pair[i + 1],
        *_yes_no(window),
    ] for i, window in zip(range(2, len(tokens) + 2), windows)]


@lru_cache(maxsize=4096)  # a few hundred windows of yes/no values occur; their strings are written once
def _yes_no(window: tuple[tuple[bool | str, ...], ...]) -> tuple[str, ...]:
    """The yes/no features of a token, from the values of the five places around it (index: the offset + 2),
    each whether its token is an integer, opens with a capital (so do the two and three tokens from it), is in
    the dictionary (so are the two and three tokens from it); BOS or EOS past the sentence."""
    digit, title, title2, title3, known, known2, known3 = zip(*window, strict=True)
    return (
        f"T[-1].isdigit={digit[1]}", f"T[0].isdigit={digit[2]}", f"T[1].isdigit={digit[3]}",
        f"T[-2].istitle={title[0]}", f"T[-1].istitle={title[1]}", f"T[0].istitle={title[2]}",
        f"T[1].istitle={title[3]}", f"T[2].istitle={title[4]}", f"T[0,1].istitle={title2[2]}",
        f"T[0,2].istitle={title3[2]}", f"T[-2].is_in_dict={known[0]}", f"T[-1].is_in_dict={known[1]}",
        f"T[0].is_in_dict={known[2]}", f"T[1].is_in_dict={known[3]}", f"T[2].is_in_dict={known[4]}",
        f"T[-2,-1].is_in_dict={known2[0]}", f"T[-1,0].is_in_dict={known2[1]}", f"T[0,1].is_in_dict={known2[2]}",
        f"T[1,2].is_in_dict={known2[3]}", f"T[-2,0].is_in_dict={known3[0]}", f"T[-1,1].is_in_dict={known3[1]}",
        f"T[0,2].is_in_dict={known3[2]}",
    )


def _grams(tokens: list[str], width: int) -> list[str]:
    """The runs of ``width`` tokens joined by a space, in order of their first token."""
    return [" ".join(tokens[k:k + width]) for k in range(len(tokens) - width + 1)]


def _is_integer(token: str) -> bool:
    return _INTEGER.fullmatch(token) is not None and -2**31 <= int(token) < 2**31


def word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each word of ``text``, in order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for token in words(text):
        span = _align(text, token, pos)
        if span is None:
            break
        spans.append(span)
        pos = span[1]
    spans += [(m.start(), m.end()) for m in _PIECE.finditer(text, pos)]
    return spans


def _align(text: str, token: str, pos: int) -> tuple[int, int] | None:
    """Where ``token`` (its pieces joined by single spaces) occurs at ``pos``, skipping whitespace."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    start = pos
    for k, piece in enumerate(token.split()):
        if k:
            while pos < len(text) and text[pos].isspace():
                pos += 1
        if not text.startswith(piece, pos):
            return None
        pos += len(piece)
    return (start, pos) if pos > start else None
