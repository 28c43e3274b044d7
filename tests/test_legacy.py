"""Legacy Vietnamese encodings (TCVN3, VNI): recognised, converted when certain, refused when not."""

from __future__ import annotations

import pytest

import planparse
from conftest import corpus_documents
from planparse.lang import vocab
from planparse.read import legacy


_EIGHT_BIT = str.maketrans({"≥": ">=", "≤": "<="})  # what an 8-bit file writes for signs it lacks


def _tcvn3_codes() -> dict[str, str]:
    return {r["letter"]: chr(int(r["byte"], 16)) for r in vocab.table("legacy_tcvn3")}


def to_tcvn3(text: str) -> bytes:
    """Unicode as an ABC-keyboard user typed it: capitals with tone marks take the small letter's code
    (the ``.VnTimeH`` font draws them as capitals; in other fonts they are lost)."""
    codes = _tcvn3_codes()
    out = "".join(codes.get(ch) or codes.get(ch.lower()) or ch for ch in text.translate(_EIGHT_BIT))
    return out.encode("cp1252", errors="replace")


def to_vni(text: str) -> bytes:
    codes = {r["letter"]: r["written"] for r in vocab.table("legacy_vni")}
    return "".join(codes.get(ch, ch) for ch in text.translate(_EIGHT_BIT)).encode("cp1252", errors="replace")


def test_the_tables_are_one_to_one():
    tcvn3 = vocab.table("legacy_tcvn3")
    assert len({r["byte"] for r in tcvn3}) == len({r["letter"] for r in tcvn3}) == len(tcvn3)
    vni = vocab.table("legacy_vni")
    assert len({r["written"] for r in vni}) == len({r["letter"] for r in vni}) == len(vni)
    assert legacy.from_vni("Keá hoaïch") == "Kế hoạch"
    assert legacy.from_tcvn3("KÕ ho¹ch") == "Kế hoạch"


@pytest.mark.parametrize("encode, name", [(to_tcvn3, "TCVN3"), (to_vni, "VNI")])
@pytest.mark.parametrize("doc", corpus_documents(), ids=lambda p: p.stem)
def test_legacy_text_files_give_the_facts_of_the_unicode_text(tmp_path, doc, encode, name):
    path = tmp_path / doc.name
    path.write_bytes(encode(doc.read_text("utf-8")))
    plan = planparse.parse_file(path)
    assert plan.source.encoding == name
    assert plan.to_facts() == planparse.parse_file(doc).to_facts()


def test_capitals_set_in_vntimeh_come_back_as_capitals():
    assert legacy.from_tcvn3(to_tcvn3("KẾ HOẠCH CHUYỂN ĐỔI SỐ").decode("cp1252")) == "KẾ HOẠCH CHUYỂN ĐỔI SỐ"
    assert legacy.from_tcvn3(to_tcvn3("Số: 12/KH-UBND").decode("cp1252")) == "Số: 12/KH-UBND"


def test_unicode_and_other_latin_languages_are_left_alone():
    text = planparse.parse_file(corpus_documents()[0]).text
    assert legacy.convert(text) == (text, None)
    french = "Le développement économique régional à l'échelle européenne " * 5
    assert legacy.convert(french) == (french, None)


def test_a_docx_set_in_a_legacy_font_is_converted(tmp_path):
    import formats

    doc = corpus_documents()[0]
    tcvn3 = to_tcvn3(doc.read_text("utf-8")).decode("cp1252")
    path = formats.write_docx(tcvn3, tmp_path / "vntime.docx")
    plan = planparse.parse_file(path)
    assert plan.source.encoding == "TCVN3"
    text_facts = planparse.parse_file(doc).to_facts()
    assert plan.to_facts()["document"] == text_facts["document"]
    assert plan.to_facts()["references"] == text_facts["references"]
