"""The reader's words and de-duplicated characters are pdfplumber's, on real pages and on the cases its
rules single out."""

from __future__ import annotations

import pdfplumber
from pdfplumber.utils import dedupe_chars, extract_text, extract_words

from planparse.read import pdfwords

SAMPLE = 8  # real office PDFs compared (every PDF of the folder in turn, taken evenly)
KEYS = ("text", "x0", "x1", "top", "bottom", "size")


def _theirs(chars: list[dict]) -> list[dict]:
    return [{key: word[key] for key in KEYS} for word in extract_words(chars, extra_attrs=["size"])]


def _char(text: str, x0: float, top: float, size: float = 12.0, width: float = 6.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + size, "doctop": top,
            "size": size, "upright": True, "fontname": "Times"}


def test_real_pages_give_pdfplumbers_words_text_and_characters(realworld):
    pdfs = sorted(realworld.glob("*.pdf"))
    compared = 0
    for path in pdfs[:: max(1, len(pdfs) // SAMPLE)]:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                chars = page.chars
                assert pdfwords.words(chars) == _theirs(chars), (path.name, page.page_number)
                assert pdfwords.text(chars) == extract_text(chars), (path.name, page.page_number)
                doubled = chars + [dict(c, x0=c["x0"] + 0.3) for c in chars[::3]]
                assert pdfwords.dedupe(doubled) == dedupe_chars(doubled), (path.name, page.page_number)
                compared += bool(chars)
    assert compared, "no page with characters was compared"


def test_the_cases_pdfplumbers_rules_single_out():
    """A ligature spelt out, a character overlapping the one before, an empty text (a word of its own), a
    gap, a space, a top more than 3 points off the previous character's in one line, runs of one size."""
    chars = [_char("ﬁ", 10, 100), _char("n", 16, 100), _char("a", 20, 101), _char("", 22, 100),
             _char("e", 28, 100.5), _char("b", 40, 100), _char(" ", 46, 100), _char("c", 52, 100),
             _char("d", 58, 103.5), _char("x", 10, 120, size=9), _char("y", 16, 102, size=9),
             _char("z", 22, 98)]
    assert pdfwords.words(chars) == _theirs(chars)
    assert [w["text"] for w in _theirs(chars)] == ["fina", "", "e", "b", "c", "d", "y", "x", "z"]
    assert pdfwords.text(chars) == extract_text(chars) == "finya  ze b c\nd\nx"
    doubled = [_char("a", 10, 100), _char("a", 10.5, 100.4), _char("b", 16, 100), _char("a", 10, 100)]
    assert pdfwords.dedupe(doubled) == dedupe_chars(doubled) == doubled[:1] + doubled[2:3]


def test_text_that_is_not_upright_is_left_to_pdfplumber():
    chars = [dict(_char("a", 10, 100), upright=False), dict(_char("b", 10, 106), upright=False)]
    assert pdfwords.words(chars) == extract_words(chars, extra_attrs=["size"])
    assert pdfwords.text(chars) == extract_text(chars)
