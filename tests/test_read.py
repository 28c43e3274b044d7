"""Reading text and markdown: encodings detected, bad input refused with a typed error naming the file."""

from __future__ import annotations

import codecs
import contextlib
import unicodedata

import pytest

import planparse
from conftest import corpus_documents
from planparse import (
    CorruptFileError,
    EmptyDocumentError,
    FileMissingError,
    NotAPlanError,
    UndecodableError,
    UnsupportedFormatError,
)
from planparse.clean import TONES

TEXT = (
    "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 08 tháng 9 năm 2023\nKẾ HOẠCH\nVề chuyển đổi số\n"
)


@pytest.mark.parametrize(
    "encoded, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-no-bom", "utf16be-no-bom"],
)
def test_encodings_are_detected(tmp_path, encoded, encoding):
    path = tmp_path / "plan.txt"
    path.write_bytes(encoded)
    source = planparse.read(path)
    assert source.text.lstrip("\ufeff") == TEXT
    assert source.info.encoding == encoding
    assert planparse.parse_file(path).document.number == "12/KH-UBND"


def test_markdown_is_read_as_markdown(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text("## KẾ HOẠCH\n\n### Về chuyển đổi số\n", encoding="utf-8")
    assert planparse.read(path).info.format == "markdown"


def test_binary_with_a_text_suffix_is_refused(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UndecodableError) as err:
        planparse.parse_file(path)
    assert str(path) in str(err.value)
    assert "binary" in str(err.value)


def test_legacy_8bit_text_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes("Kế hoạch số 12".encode()[:-3] + b"\xe2\x28\xa1 \xff\xfe")
    with pytest.raises(UndecodableError) as err:
        planparse.parse_file(path)
    assert str(path) in str(err.value) and "UTF-8" in str(err.value)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", "\ufeff\u200b\n".encode("utf-8")])
def test_empty_documents_are_refused(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyDocumentError) as err:
        planparse.parse_file(path)
    assert str(path) in str(err.value)


def test_text_that_is_not_vietnamese_is_not_a_plan(tmp_path):
    path = tmp_path / "readme.txt"
    path.write_text("This is an English note about nothing in particular.\n", encoding="utf-8")
    with pytest.raises(NotAPlanError) as err:
        planparse.parse_file(path)
    assert str(path) in str(err.value)


@pytest.mark.parametrize("suffix, error", [(".pdf", CorruptFileError), (".docx", CorruptFileError),
                                           (".xlsx", UnsupportedFormatError)])
def test_unsupported_formats_are_named(tmp_path, suffix, error):
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(b"whatever")
    with pytest.raises(error) as err:
        planparse.parse_file(path)
    assert str(path) in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(FileMissingError) as err:
        planparse.parse_file(tmp_path / "nope.txt")
    assert "nope.txt" in str(err.value)


def test_all_errors_share_one_base():
    for cls in (EmptyDocumentError, FileMissingError, NotAPlanError, UndecodableError, UnsupportedFormatError):
        assert issubclass(cls, planparse.PlanparseError)


def _vietnamese_letters() -> list[str]:
    """Every letter with a Vietnamese mark, both cases: the vowels with their hats and tones, and đ."""
    small = {unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy" for tone in ("", *TONES)}
    small = (small - set("aeiouy")) | {"đ"}
    return sorted(small | {letter.upper() for letter in small})


def test_every_vietnamese_letter_in_either_case_is_recognised():
    letters = _vietnamese_letters()
    assert len(letters) == 134
    for letter in letters:
        assert planparse.parse(f"Ke hoach {letter}").text == f"Ke hoach {letter}"


@pytest.mark.parametrize("text", ["KẾ HOẠCH TỔ CHỨC HỘI NGHỊ", "Số: 12/KH-UBND"])
def test_text_in_capitals_or_with_only_hats_and_horns_is_vietnamese(text):
    assert planparse.parse(text).text == text


def to_windows_1258(text: str) -> bytes:
    """``text`` as Vietnamese Windows writes it in its code page: a letter, its hat or horn, and the
    tone as a combining mark after it when the code page has no letter with both."""
    out = b""
    for ch in text:
        marks = unicodedata.normalize("NFD", ch)
        tone = "".join(mark for mark in marks if mark in TONES)
        letter = unicodedata.normalize("NFC", "".join(mark for mark in marks if mark not in TONES))
        for candidate in (ch, letter + tone):
            with contextlib.suppress(UnicodeEncodeError):
                out += candidate.encode("cp1258")
                break
        else:
            raise ValueError(f"{ch!r} has no Windows-1258 form")
    return out


def test_windows_1258_text_is_read_with_its_tone_marks_composed(tmp_path):
    plan = corpus_documents()[0]
    path = tmp_path / "plan.txt"
    path.write_bytes(to_windows_1258(plan.read_text("utf-8")))
    assert "\u0301".encode("cp1258") in path.read_bytes()  # tones as combining marks
    source = planparse.read(path)
    assert source.info.encoding == "windows-1258"
    assert source.text == unicodedata.normalize("NFC", plan.read_text("utf-8"))
    assert planparse.parse_file(path).document == planparse.parse_file(plan).document


def test_stray_control_characters_in_good_text_are_dropped_with_a_note(tmp_path):
    plan = corpus_documents()[0]
    text = plan.read_text("utf-8")
    path = tmp_path / "plan.txt"
    path.write_bytes(text.replace("\n", "\x00\n", 9).encode("utf-8") + b"\x1b")
    source = planparse.read(path)
    assert source.info.notes == ("10 control characters (NUL and the like) dropped",)
    assert source.text == text
    assert planparse.parse_file(path).document == planparse.parse_file(plan).document
    assert planparse.read(plan).info.notes == ()


@pytest.mark.parametrize("enabled", [True, False])
def test_a_parse_leaves_the_garbage_collector_as_it_found_it(tmp_path, enabled):
    """The cyclic collector is paused while a document is parsed, and runs again after it, a failed parse
    included; a caller who paused it finds it paused."""
    import gc

    (tmp_path / "english.txt").write_text("A plan written in English is no Vietnamese plan.\n", "utf-8")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert planparse.parse(TEXT).document.number == "12/KH-UBND"
        assert gc.isenabled() is enabled
        with pytest.raises(NotAPlanError):  # raised while the document is built
            planparse.parse_file(tmp_path / "english.txt")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
