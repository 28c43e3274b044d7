"""Vietnamese word segmentation by underthesea's CRF model, aligned to character offsets.

A Vietnamese word is often several syllables written apart (``Công nghệ thông
tin``); underthesea's segmenter groups them. Its model and normalisation tables
are read from the installed ``underthesea`` package's files, once, on first use,
and run by ``underthesea_core`` — the ``underthesea`` package itself (numpy,
joblib and its other pipelines) is never imported, so a batch worker stays light.
Where the words cannot be aligned with the text (a few characters are
normalised), the rest of the text falls back to one word per syllable or mark.
"""

from __future__ import annotations

import importlib.util
import pickle
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from planparse.lang.tokens import tokenize

_PIECE = re.compile(r"\w+|[^\w\s]")
_MODEL = ("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727")
_NORMALISATION = ("pipeline", "text_normalize", "tn_rules_2023_07_14.bin")
_INSIDE = "I-W"  # the tag of a syllable that continues the word before it


@dataclass(frozen=True)
class _Segmenter:
    featurizer: Any
    tagger: Any
    characters: dict[str, str]
    tokens: dict[str, str]


@cache
def _segmenter() -> _Segmenter:
    from underthesea_core import CRFFeaturizer, CRFTagger  # the compiled core: small

    spec = importlib.util.find_spec("underthesea")  # finds the package's files without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("underthesea is not installed")
    root = Path(next(iter(spec.submodule_search_locations)))
    model = root.joinpath(*_MODEL)
    tagger = CRFTagger()
    tagger.load(str(model / "models.bin"))
    # underthesea writes these with joblib; they hold plain Python objects, so pickle reads them
    featurizer = CRFFeaturizer(_load(model / "features.bin"), _load(model / "dictionary.bin"))
    rules = _load(root.joinpath(*_NORMALISATION))
    return _Segmenter(featurizer, tagger, rules["character"], rules["token"])


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
    tags = s.tagger.tag(s.featurizer.process([[[token] for token in tokens]])[0])
    out: list[str] = []
    for tag, token in zip(tags, tokens, strict=True):
        if tag == _INSIDE and out:
            out[-1] += " " + token
        else:
            out.append(token)
    return out


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
