"""The layout markers' building blocks: a line in capitals, a numbering label."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from planparse.lang.genre import _LOWER_NOT_LETTER, either, has_vietnamese, is_caps, is_position, starts_with_doctype
from planparse.lang.numbering import match_label
from planparse.model import SectionKind


@pytest.mark.parametrize(("line", "caps"), [
    ("KẾ HOẠCH", True), ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", True), ("II. NHIỆM VỤ 2025", True),
    ("Kế hoạch", False), ("KẾ HOẠCh", False), ("A", False), ("2024 - 2025", False), ("", False),
    ("TỈNH ⅱ", True),  # a small Roman numeral is no letter
    ("TỈNH 中", False),  # nor a letter with no case a capital
])
def test_a_line_in_capitals_has_only_capital_letters(line, caps):
    assert is_caps(line) is caps


def test_the_lower_case_marks_that_are_no_letters_are_all_known():
    """is_caps passes over a line str.isupper() rejects unless it holds one of these."""
    odd = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).islower() and not chr(c).isalpha()}
    assert {ch for ch in odd if _LOWER_NOT_LETTER.fullmatch(ch)} == odd


@pytest.mark.parametrize(("line", "kind", "text"), [
    ("Điều 1. Phạm vi", SectionKind.ARTICLE, "Điều 1"), ("II. NHIỆM VỤ", SectionKind.ROMAN, "II"),
    ("1.2. Mục tiêu", SectionKind.DECIMAL, "1.2"), ("3) Sở Y tế", SectionKind.ARABIC, "3"),
    ("a) Tuyên truyền", SectionKind.LETTER, "a"), ("- Sở Tài chính", SectionKind.BULLET, "-"),
    ("## Mục tiêu", SectionKind.MARKDOWN, "##"), ("➢ Sở Y tế", SectionKind.BULLET, "➢"),
])
def test_a_label_opens_a_line(line, kind, text):
    label = match_label(line)
    assert label is not None and (label.kind, label.text) == (kind, text)


@pytest.mark.parametrize("line", ["Sở Y tế chủ trì", " 1. indented", "-----", "Năm 2025", ""])
def test_a_line_with_no_label(line):
    assert match_label(line) is None


@pytest.mark.parametrize(("text", "vietnamese"), [
    ("Kế hoạch", True), ("ĐIỀU LỆ", True), (unicodedata.normalize("NFD", "Việt Nam"), True),  # marks apart
    ("Vie\u0323\u0302t", True), ("Ke hoach trien khai", False), ("plain English text", False), ("", False),
])
def test_a_text_is_vietnamese_by_its_letters_composed_or_not(text, vietnamese):
    assert has_vietnamese(text) is vietnamese


@pytest.mark.parametrize(("line", "name"), [
    ("KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NĂM 2025 CỦA TỈNH", "KẾ HOẠCH"),
    (unicodedata.normalize("NFD", "KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH"), "KẾ HOẠCH"),  # a long line, decomposed
    ("\u0301" * 40 + "KẾ HOẠCH thực hiện", "KẾ HOẠCH"),  # marks standing alone before the name
    ("# Kế hoạch số 5", "KẾ HOẠCH"), ("KẾ HOẠCHS", None), ("Báo cáo", "BÁO CÁO"), ("Về việc", None),
])
def test_a_type_line_opens_with_the_name_of_a_type(line, name):
    assert starts_with_doctype(line) == name


def test_a_position_in_capitals_opens_a_line():
    assert is_position("PHÓ CHỦ TỊCH") and is_position("CHỦ TỊCH UBND TỈNH")
    assert not is_position("Phó Chủ tịch") and not is_position("SỞ Y TẾ")


def test_patterns_joined_keep_each_its_own_case():
    joined = either(re.compile("Kính gửi", re.IGNORECASE), re.compile("Số"))
    assert joined.match("KÍNH GỬI") and joined.match("Số:") and not joined.match("SỐ")
