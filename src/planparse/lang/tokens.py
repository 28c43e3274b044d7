"""The token grammar of underthesea's word segmenter (``underthesea.pipeline.word_tokenize.regex_tokenize``,
underthesea 9.5, GPL-3.0), restated so that segmenting needs neither the ``underthesea`` package's import
(numpy, joblib, its other pipelines) nor anything but the model's own files.

The segmenter's CRF was trained on these tokens: the patterns, their order and the normalisation of short
tokens must stay underthesea's own (``tests/test_segment.py`` checks the words against ``word_tokenize``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_W = f"[{_UPPER}{_UPPER.lower()}]"
_U = f"[{_UPPER}]"

_SPECIALS = [r"=\>", r"==>", r"->", r"\.{2,}", r"-{2,}", r">>", r"\d+x\d+", r"v\.v\.\.\.", r"v\.v\.", r"v\.v",
             r"°[CF]"]
_ABBREVIATIONS = [r"[A-ZĐ]+&[A-ZĐ]+", r"T\.Ư", rf"{_U}+(?:\.{_W}+)+\.?", f"{_W}+['’]{_W}+", r"[A-ZĐ]+\.(?!$)",
                  r"Tp\.", r"Mr\.", r"Mrs\.", r"Ms\.", r"Dr\.", r"ThS\.", "Th.S", "Th.s", r"e-mail",
                  r"\d+[A-Z]+\d*-\d+", r"NĐ-CP"]
_URL = r"""
  (?:
  (ftp|http)s?:
    (?:/{1,3}|[a-z0-9%])
    |
    [a-z0-9.\-]+[.](?:[a-z]{2,13})/
  )
  (?:[^\s()<>{}\[\]]+|\([^\s()]*?\([^\s()]+\)[^\s()]*?\)|\([^\s]+?\))+
  (?:\([^\s()]*?\([^\s()]+\)[^\s()]*?\)|\([^\s]+?\)|[^\s`!()\[\]{};:'".,<>?«»“”‘’])
  |
  (?:(?<!@)[a-z0-9]+(?:[.\-][a-z0-9]+)*[.](?:[a-z]{2,13})\b/?(?!@))
"""
_EMAIL = r"[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+"
_PHONE = [r"\d{2,}-\d{3,}-\d{3,}"]
_DATETIME = [r"\d{1,2}\/\d{1,2}\/\d+", r"\d{1,2}\/\d{1,4}", r"\d{1,2}-\d{1,2}-\d+", r"\d{1,2}-\d{1,4}",
             r"\d{1,2}\.\d{1,2}\.\d+", r"\d{4}\/\d{1,2}\/\d{1,2}", r"\d{2}:\d{2}:\d{2}"]
_NAME = [r"\d+[A-Z]+\d+", r"\d+[A-Z]+"]
_NUMBER = [r"\d+(?:\.\d+)+,\d+", r"\d+(?:\.\d+)+", r"\d+(?:,\d+)+", r"\d+(?:[\.,_]\d+)?"]
_EMOJI = [r":\)\)*", r"=\)\)+", r"♥‿♥", r":D+(?=\s)", r":D+(?=$)", r"<3"]
_PUNCT = [r"\.", r"\,", r"\(", r"\)", r"ʺ"]
_WORD_HYPHEN = [r"(?<=\b)\w+\-[\w+-]*\w+"]
_SYMBOL = [r"\+", r"×", r"-", r"÷", r":+", r"%", r"%", r"\$", r"\>", r"\<", r"=", r"\^", r"_", r":+"]


def _alternatives(name: str, patterns: list[str] | str) -> str:
    body = patterns if isinstance(patterns, str) else "(" + "|".join(patterns) + ")"
    return f"(?P<{name}>{body})"


# in underthesea's order, which decides between patterns that match at the same place
_TOKEN = re.compile("(" + "|".join([
    _alternatives("special", _SPECIALS), _alternatives("abbr", _ABBREVIATIONS), _alternatives("url", _URL),
    _alternatives("email", _EMAIL), _alternatives("phone", _PHONE), _alternatives("datetime", _DATETIME),
    _alternatives("name", _NAME), _alternatives("number", _NUMBER), _alternatives("emoji", _EMOJI),
    _alternatives("punct", _PUNCT), _alternatives("word_hyphen", _WORD_HYPHEN), r"(?P<word>\w+)",
    _alternatives("sym", _SYMBOL), r"(?P<non_word>[^\w\s])",
]) + ")", re.VERBOSE | re.UNICODE)
_SHORT = 6  # tokens up to this length are normalised
# A plain text: letters, spaces and a few marks, where every pattern before ``word`` needs a character it has
# not (a digit, ``.``, ``-``, ``:``, ``@``, ``&``, an apostrophe …) but ``Th.S`` / ``Th.s`` (any character at
# the dot); its tokens are its runs of letters and its marks, as _TOKEN finds them, at a fraction of the cost.
_PLAIN = re.compile(r"(?:[^\W\d_]|[\s,;()])*")
_ANY_TH = re.compile(r"Th.[Ss]")
_PLAIN_TOKEN = re.compile(r"[^\W\d_]+|[,;()]")


def tokenize(text: str, characters: Mapping[str, str], tokens: Mapping[str, str]) -> list[str]:
    """underthesea's tokens of ``text``, normalised by its ``characters`` and (short ones) its ``tokens`` maps."""
    text = _characters(text, characters)
    # underthesea normalises each short token's characters again: a no-op on a piece of a text already in NFC
    # and free of the odd characters (the standard ones are none of them, and NFC makes none of them)
    pieces = _PLAIN_TOKEN.findall(text) if _plain(text) else [m.group() for m in _TOKEN.finditer(text)]
    return [tokens.get(token, token) if len(token) <= _SHORT else token for token in pieces]


def _plain(text: str) -> bool:
    return _PLAIN.fullmatch(text) is not None and _ANY_TH.search(text) is None


def _characters(text: str, characters: Mapping[str, str]) -> str:
    text = unicodedata.normalize("NFC", text)
    for odd, standard in characters.items():
        text = text.replace(odd, standard)
    return text
