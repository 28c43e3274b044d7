"""A PDF's text layer is judged before it is trusted: a layer whose glyphs are shifted by a constant is
repaired; good text is left alone."""

from __future__ import annotations

import pdfplumber

import formats
import planparse
from conftest import CORPUS
from planparse.read import textlayer

PLAN = CORPUS / "nghe-an-2024-phong-chong-thien-tai.txt"


def test_a_pdf_whose_glyphs_are_shifted_reads_as_its_text(tmp_path):
    text = PLAN.read_text("utf-8")
    shifted = formats.write_shifted_pdf(text, tmp_path / "shifted.pdf")
    with pdfplumber.open(shifted) as pdf:
        layer = pdf.pages[0].extract_text()
    assert textlayer.share(layer) < 0.3  # the fixture's layer really is garbage ("7ẫ1+ 1*+ẩ $1")
    plan = planparse.parse_file(shifted)
    assert plan.text == planparse.parse_file(formats.write_pdf(text, tmp_path / "plain.pdf")).text
    assert plan.source.encoding is None


def test_good_text_is_left_alone():
    text = PLAN.read_text("utf-8")
    assert textlayer.share(text) >= 0.9
    assert textlayer.repair(text) is textlayer.same


def test_garbage_is_not_repaired_into_something():
    """A scanner's poor OCR layer has no shift that makes it Vietnamese: it is not text."""
    garbage = ("r.rBND TiNH r-Av ooNc cqNG noA rA ngt cnt xcui,l \\,IET NAM DQc lfl p-Tgdo-H4 nh phtc sdxQr W "
               "s6:&M /TTr-SNV co quan nhd nudc c6 thiim quyin quy dinh tai Diiu 15 Nghi dinh") * 3
    assert textlayer.share(garbage) < textlayer.USABLE
    assert textlayer.repair(garbage) is None
