"""Cleaning: Unicode, tone marks, spaces, reflow of hard-wrapped lines, and the map back to source lines."""

from __future__ import annotations

import unicodedata

import unicodedata

import pytest

from planparse.clean import clean, normalize_line, normalize_tones


@pytest.mark.parametrize(
    "before, after",
    [
        ("hoà bình", "hòa bình"),
        ("HOÀ", "HÒA"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("thuỷ lợi", "thủy lợi"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("tối ưu hoá", "tối ưu hóa"),
        ("toà soạn", "tòa soạn"),
        ("quý III", "quý III"),  # u belongs to qu: the mark stays on y
        ("hoàng hôn", "hoàng hôn"),  # a final consonant: the mark stays on a
        ("thuyết minh", "thuyết minh"),
        ("hòa", "hòa"),
        ("hoặc", "hoặc"),  # regression: a breve and a final consonant
        ("khuyến khích", "khuyến khích"),
    ],
)
def test_tone_marks_take_one_placement(before, after):
    assert normalize_tones(before) == after


def test_decomposed_text_is_composed():
    nfd = unicodedata.normalize("NFD", "Kế hoạch chuyển đổi số")
    assert normalize_line(nfd) == "Kế hoạch chuyển đổi số"


def test_the_horned_u_a_font_wrote_as_oi_is_given_back():
    """Text layers of PDFs made with some fonts give ư Ư as ƣ Ƣ (U+01A3, U+01A2), letters no Vietnamese word has."""
    assert normalize_line("PHƢƠNG HƢỚNG hoạt động của Hội, như vậy") == "PHƯƠNG HƯỚNG hoạt động của Hội, như vậy"
    assert normalize_line("Ƣu tiên ƣ\u0300a") == "Ưu tiên ừa"
    cleaned = clean("Nhiệm vụ trọng tâm\nĐịnh hƣớng phát triển\n")
    assert "Định hướng phát triển" in cleaned.text
    at = cleaned.text.index("hướng")
    assert cleaned.to_raw(at + 1) == "Nhiệm vụ trọng tâm\nĐịnh hƣớng".index("ƣ")


def test_odd_spaces_dashes_and_emphasis_are_made_plain():
    assert normalize_line("**Giai\u00a0đoạn**  2021 \u2013 2025\u200b") == "Giai đoạn 2021 - 2025"
    assert normalize_line("*Hà Nội, ngày 01 tháng 02 năm 2024*") == "Hà Nội, ngày 01 tháng 02 năm 2024"
    assert normalize_line("Ðồng Nai") == "Đồng Nai"


WRAPPED = """\
I. MỤC ĐÍCH,
YÊU CẦU
1. Mục đích
- Chuyển đổi số báo chí nhằm
xây dựng các cơ quan báo chí tỉnh theo hướng chuyên nghiệp;
làm tốt sứ mệnh thông tin tuyên truyền.
3. Các sở: Sở Tài chính, Sở
Kế hoạch và Đầu tư
Trên cơ sở đề nghị của các cơ
quan, đơn vị tham mưu bố trí kinh phí.
Thực hiện Quyết định số
348/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ.
"""


def test_hard_wrapped_lines_are_rejoined_and_labels_kept():
    lines = clean(WRAPPED).text.split("\n")
    assert lines == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Chuyển đổi số báo chí nhằm xây dựng các cơ quan báo chí tỉnh theo hướng chuyên nghiệp; "
        "làm tốt sứ mệnh thông tin tuyên truyền.",
        "3. Các sở: Sở Tài chính, Sở Kế hoạch và Đầu tư",
        "Trên cơ sở đề nghị của các cơ quan, đơn vị tham mưu bố trí kinh phí.",
        "Thực hiện Quyết định số 348/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ.",
    ]


# a text layer dumped page by page: a blank line, a form feed and the page's number inside a sentence
PAGE_BREAK = """- Bảo vệ nghiêm ngặt diện tích rừng đặc dụng và Khu bảo tồn loài và

\f7

sinh cảnh của tỉnh, nhằm giữ vững đa dạng sinh học.
2.1. Về ngân sách: bố trí tối thiểu 2% tổng chi ngân sách

hằng năm cho sự nghiệp bảo vệ môi trường.

12

Trung tâm Y tế có 12 giường bệnh.
"""


def test_a_sentence_broken_by_a_blank_line_or_a_page_break_is_one_line():
    """A line in lower case after a blank line (and a page's number alone) goes on with the sentence left open; a
    number alone before a capitalised line (a row's number) and a closed sentence's next paragraph stay apart."""
    assert clean(PAGE_BREAK).text.split("\n") == [
        "- Bảo vệ nghiêm ngặt diện tích rừng đặc dụng và Khu bảo tồn loài và sinh cảnh của tỉnh, nhằm giữ vững đa "
        "dạng sinh học.",
        "2.1. Về ngân sách: bố trí tối thiểu 2% tổng chi ngân sách hằng năm cho sự nghiệp bảo vệ môi trường.",
        "12",
        "Trung tâm Y tế có 12 giường bệnh.",
    ]
    # without a page break a number alone is a value, kept: a table's cells one a line
    assert clean("Kinh phí dự kiến\n\n500\n\ntriệu đồng\n").text.split("\n") == ["Kinh phí dự kiến", "500 triệu đồng"]


def test_a_heading_that_lists_bodies_goes_on_after_its_comma():
    """A numbered line that ends with a comma is a list broken over lines, even before a capitalised body."""
    text = ("1. Các sở, ban, ngành thuộc tỉnh, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh,\n"
            "Ủy ban nhân dân các xã, phường tổ chức thực hiện.\n2. Sở Tài chính\nBố trí kinh phí.\n")
    assert clean(text).text.split("\n") == [
        "1. Các sở, ban, ngành thuộc tỉnh, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Ủy ban nhân dân các xã, phường "
        "tổ chức thực hiện.", "2. Sở Tài chính", "Bố trí kinh phí."]


def test_markdown_headings_and_bullets_survive():
    text = "## KẾ HOẠCH\n### Về chuyển đổi số\n- Mục một\n  - + Mục con\n* Mục hai\n"
    assert clean(text).text.split("\n") == ["## KẾ HOẠCH", "### Về chuyển đổi số", "- Mục một", "- + Mục con",
                                            "* Mục hai"]


def test_every_offset_maps_back_to_its_source_line():
    cleaned = clean(WRAPPED)
    text = cleaned.text
    assert cleaned.line_of(text.index("xây dựng")) == 5
    assert cleaned.line_of(text.index("làm tốt")) == 6
    assert cleaned.line_of(text.index("Kế hoạch và Đầu tư")) == 8
    assert cleaned.line_of(text.index("quan, đơn vị")) == 10
    assert cleaned.line_of(text.index("348/QĐ-TTg")) == 12


def test_two_column_rows_are_unfolded_column_by_column():
    text = ("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 86/QĐ-UBND | Ninh Bình, ngày 12 tháng 01 năm 2024\n")
    cleaned = clean(text)
    assert cleaned.text.split("\n") == ["ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", "Số: 86/QĐ-UBND",
                                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Ninh Bình, ngày 12 tháng 01 năm 2024"]
    assert cleaned.line_of(cleaned.text.index("Ninh Bình, ngày")) == 2


def test_windows_line_ends_and_stray_escapes():
    assert clean("Dòng một.\r\nDòng hai.\\r\\nDòng ba.").text == "Dòng một.\nDòng hai.\nDòng ba."


# --- the offset map --------------------------------------------------------------------------------------------

MESSY = (
    "UBND TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số:  12/KH-UBND\u00a0| Lai Châu, ngày 08 tháng 9 năm 2023\n"
    "\n"
    "**KẾ HOẠCH** thực hiện\u200b chuyển đổi số\n"
    "1. Sở Thông tin và Truyền thông chủ trì, phối hợp với các cơ quan báo chí\n"
    "tỉnh xây dựng kế hoạch; Ke\u0302\u0301 hoa\u0323ch hoà *nhập*.\n"
)


def test_every_character_of_the_cleaned_text_points_at_its_source_character():
    cleaned = clean(MESSY)
    for k, ch in enumerate(cleaned.text):
        if ch.isspace():
            continue
        source = MESSY[cleaned.to_raw(k)]
        base = unicodedata.normalize("NFD", ch)[0]  # a tone mark may move within its syllable (hoà → hòa)
        assert unicodedata.normalize("NFD", source)[0] == base, (k, ch, source)


def test_spans_map_back_and_forth():
    cleaned = clean(MESSY)
    for word in ("CỘNG HÒA", "12/KH-UBND", "KẾ HOẠCH", "Sở Thông tin", "các cơ quan báo chí tỉnh", "Kế hoạch"):
        start = cleaned.text.index(word)
        raw = cleaned.to_raw(start)
        assert cleaned.from_raw(raw) == start
        assert cleaned.line_of(start) == MESSY.count("\n", 0, raw) + 1


def test_the_columns_of_a_row_keep_their_own_source_offsets():
    cleaned = clean(MESSY)
    right = cleaned.text.index("CỘNG HÒA")
    assert MESSY[cleaned.to_raw(right):].startswith("CỘNG HÒA")
    assert cleaned.text.index("Số:") < right  # the left column first, then the right


def test_a_lines_first_two_characters_never_hide_an_opener():
    """The partial test on a line's head (``_may_open``) passes every line the opener's pattern matches: each line of
    the corpus and of the shared plans, and openers written in either case."""
    from conftest import CORPUS, ROOT

    from planparse.clean import _block_opener, _may_open

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.iterdir()) if p.suffix in {".txt", ".md"}]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "shared" / "corpus").glob("*.txt"))]
    lines = {normalize_line(line) for text in texts for line in text.splitlines()}
    lines |= {"a) Mục tiêu", "đ. Nội dung", "kính gửi:", "KÍNH GỬI:", "điều 1.", "v/v: triển khai", "[1] Theo",
              "noi nhan:", "* Lào Cai", "— — —", "IV- Tổ chức", "12- Sở Y tế", "1.2.3 Nhiệm vụ", "T/M UBND"}
    opened = [line for line in lines if line and _block_opener().match(line)]
    assert len(opened) > 100
    assert all(_may_open(line[:2]) for line in opened)
    assert not _may_open("ch") and not _may_open("Tổ")
