"""Reading text and markdown: encodings detected, bad input refused with a typed error naming the file."""

from __future__ import annotations

import codecs

import pytest

import planparse
from planparse import (
    CorruptFileError,
    EmptyDocumentError,
    FileMissingError,
    NotAPlanError,
    UndecodableError,
    UnsupportedFormatError,
)

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
