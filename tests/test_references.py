"""Cited documents: each form of số hiệu, its date and type, anywhere in the text, once each."""

from __future__ import annotations

import datetime as dt

import pytest

from planparse import parse


def refs(text: str):
    return parse(text).references


@pytest.mark.parametrize(
    "sentence, number, date, type_",
    [
        ("Căn cứ Quyết định số 348/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ;", "348/QĐ-TTg",
         dt.date(2023, 4, 6), "Quyết định"),
        ("theo tinh thần Chỉ thị 09/2021/CT-TTg ngày 31/3/2021 của Thủ tướng;", "09/2021/CT-TTg",
         dt.date(2021, 3, 31), "Chỉ thị"),
        ("Nghị quyết số 09- NQ/TU ngày 25/02/2022 của Ban Chấp hành Đảng bộ tỉnh;", "09-NQ/TU",
         dt.date(2022, 2, 25), "Nghị quyết"),
        ("Căn cứ Luật Báo chí số 103/2016/QH13;", "103/2016/QH13", None, "Luật"),
        ("Quyết định số 362/QĐ-TTg ngày 03 tháng 4 năm 2019 của Thủ tướng;", "362/QĐ-TTg",
         dt.date(2019, 4, 3), "Quyết định"),
        ("giao tại Quyết định 1628/QĐ- UBND ngày 12/12/2022 để triển khai.", "1628/QĐ-UBND",
         dt.date(2022, 12, 12), "Quyết định"),
        ("Nghị định số 30/2020/NĐ-CP về công tác văn thư.", "30/2020/NĐ-CP", None, "Nghị định"),
        ("Văn bản số 2154/UBND-VX ngày 3/7/2024 của Ủy ban nhân dân tỉnh.", "2154/UBND-VX",
         dt.date(2024, 7, 3), "Văn bản"),
        ("Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ.", "01/2011/TT-BNV",
         dt.date(2011, 1, 19), "Thông tư"),
        ("Kết luận số 57-KL/TW ngày 8/3/2023 của Bộ Chính trị.", "57-KL/TW", dt.date(2023, 3, 8), "Kết luận"),
    ],
)
def test_reference_forms(sentence, number, date, type_):
    (ref,) = refs(sentence)
    assert (ref.number, ref.date, ref.type) == (number, date, type_)


def test_references_in_footnotes_and_tables_once_each_with_every_mention():
    text = ("Bám sát chỉ đạo của Trung ương[1].\n|\nTheo Quyết định số 348/QĐ-TTg\n|\n"
            "[1] Quyết định số 348/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ; "
            "Quyết định số 781/QĐ-BTTTT ngày 08/5/2023 của Bộ Thông tin và Truyền thông.")
    found = refs(text)
    assert [r.number for r in found] == ["348/QĐ-TTg", "781/QĐ-BTTTT"]
    assert found[0].date == dt.date(2023, 4, 6)  # the date from a later mention
    assert len(found[0].mentions) == 2
    start = found[1].provenance.start
    assert parse(text).text[start:found[1].provenance.end] == "781/QĐ-BTTTT"


@pytest.mark.parametrize("text", ["giai đoạn 2021-2025 và 2023 - 2025", "ngày 06/4/2023", "tập huấn/đào tạo",
                                  "đạt 67%/năm", "COVID-19"])
def test_things_that_are_not_references(text):
    assert refs("Kế hoạch: " + text) == []


def test_the_documents_own_number_is_not_a_reference():
    text = ("Số: 3414/KH-UBND\nLai Châu, ngày 08 tháng 9 năm 2023\nKẾ HOẠCH\nCHUYỂN ĐỔI SỐ\n"
            "I. PHỤ LỤC\n(Kèm theo Kế hoạch số 3414/KH-UBND ngày 08 tháng 09 năm 2023)\n")
    assert refs(text) == []


def test_a_number_never_runs_across_a_line_break():
    plan = parse("Thực hiện Kế hoạch số 12/KH-\nUBND tỉnh Lai Châu và Văn bản 0/A/\nA")
    for ref in plan.references:
        assert "\n" not in plan.text[ref.provenance.start:ref.provenance.end], ref.number


def test_a_note_above_the_header_cites_nothing():
    """What a copier or a web page put above the header (the file's name, where it came from) is no citation."""
    text = ("# Chương trình số 12-CTr/TU, bản text; xem Kết luận 75-KL/TW\n"
            "TỈNH ỦY YÊN BÁI\n*\nSố 12-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nYên Bái, ngày 02 tháng 9 năm 2026\n"
            "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 57-NQ/TW\nI. MỤC ĐÍCH\n- Quán triệt Nghị quyết.\n")
    assert [r.number for r in refs(text)] == ["57-NQ/TW"]
