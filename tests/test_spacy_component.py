"""The spaCy integration: tokenizer, the planparse component loaded by name, labelled spans, displaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from conftest import CORPUS
from planparse.spacy_component import LABELS, SPANS_KEY, UndertheseaTokenizer, blank, render

LAI_CHAU = CORPUS / "lai-chau-3414-kh-ubnd-2023.txt"


def test_the_component_loads_by_name_in_a_fresh_interpreter():
    code = (
        "import spacy\n"
        "nlp = spacy.blank('xx')\n"
        "nlp.add_pipe('planparse')\n"
        "doc = nlp('Sở TTTT chủ trì, phối hợp với Công an tỉnh thực hiện.')\n"
        "print(nlp.pipe_names, doc.spans['planparse'] is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    assert out.stdout.strip() == "['planparse'] True"


@pytest.mark.parametrize("text", ["Sở Thông tin và Truyền thông chủ trì.", "  Hai  dòng\n\nvà  khoảng trắng ",
                                  "UBND tỉnh; Sở TT&TT (đã ký)"])
def test_the_tokenizer_keeps_the_text_and_groups_words(text):
    doc = UndertheseaTokenizer(spacy.blank("xx").vocab)(text)
    assert doc.text == text


def test_the_tokenizer_gives_one_token_per_word():
    doc = UndertheseaTokenizer(spacy.blank("xx").vocab)("Sở Thông tin và Truyền thông chủ trì")
    assert "Thông tin" in [t.text for t in doc] and "chủ trì" in [t.text for t in doc]


@pytest.fixture(scope="module")
def lai_chau_doc():
    return blank()(LAI_CHAU.read_text("utf-8"))


def test_spans_carry_the_plan_facts_back_to_the_raw_text(lai_chau_doc):
    spans = lai_chau_doc.spans[SPANS_KEY]
    assert {s.label_ for s in spans} == set(LABELS)
    texts = {(s.label_, s.text) for s in spans}
    assert ("REFERENCE", "348/QĐ-TTg") in texts
    assert ("BODY", "Sở Thông tin và Truyền thông") in texts
    assert ("BODY", "Sở TTTT") in texts
    assert ("QUANTITY", "67%") in texts
    assert ("DEADLINE", "Thường xuyên") in texts
    assert lai_chau_doc._.plan.document.number == "3414/KH-UBND"


def test_displacy_renders_the_spans(lai_chau_doc):
    html = render(lai_chau_doc, jupyter=False)
    assert "Sở Thông tin và Truyền thông" in html and "BODY" in html


def test_a_text_that_is_not_a_plan_gets_no_spans():
    doc = blank()("hello world")
    assert list(doc.spans[SPANS_KEY]) == [] and doc._.plan is None


def test_spans_land_on_their_words_in_a_messy_text():
    """Decomposed letters, doubled spaces, emphasis and a wrapped line: each span still covers its words."""
    text = ("KẾ HOẠCH\n\nIII. TỔ CHỨC THỰC HIỆN\n"
            "1. **Sở Thông  tin và Truyền thông** chủ trì, phối hợp với Sở Tài chi\u0301nh\n"
            "triển khai trước ngày 15 tháng 12 năm 2025.\n")
    doc = blank()(text)
    spans = {(s.label_, s.text) for s in doc.spans[SPANS_KEY]}
    assert ("BODY", "Sở Thông  tin và Truyền thông") in spans
    assert ("BODY", "Sở Tài chi\u0301nh") in spans
    assert ("DEADLINE", "trước ngày 15 tháng 12 năm 2025") in spans


def test_displacy_keeps_every_line_break(lai_chau_doc):
    html = render(lai_chau_doc, jupyter=False)
    assert html.count("<br>") == lai_chau_doc.text.count("\n") > 100
    assert "ỦY BAN NHÂN DÂN <br>" in html
