"""The header grammar on small documents: each form the genre uses."""

from __future__ import annotations

import datetime as dt

import pytest

from planparse import parse

BODY = "I. MỤC ĐÍCH, YÊU CẦU\n- Triển khai kịp thời.\n"


def header(left: str, number: str, date_line: str, title: str) -> str:
    return (f"{left}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Số: {number}\n{date_line}\n{title}\n")


def test_plan_header_fields():
    doc = parse(header("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG", "125/KH-UBND", "Hà Giang, ngày 05 tháng 3 năm 2024",
                       "KẾ HOẠCH\nPHÁT TRIỂN DU LỊCH CỘNG ĐỒNG\nTRÊN ĐỊA BÀN TỈNH HÀ GIANG") + BODY).document
    assert doc.type == "Kế hoạch"
    assert doc.type_code == "KH"
    assert doc.number == "125/KH-UBND"
    assert doc.date == dt.date(2024, 3, 5)
    assert doc.place == "Hà Giang"
    assert doc.issuer == "Ủy ban nhân dân tỉnh Hà Giang"
    assert doc.title == "Phát triển du lịch cộng đồng trên địa bàn tỉnh Hà Giang"
    assert doc.provenance["number"].line == 6


def test_abbreviated_issuer_is_expanded_and_parent_kept():
    doc = parse(header("UBND TỈNH NGHỆ AN\nSỞ TT&TT", "45/KH-STTTT", "Nghệ An, ngày 1 tháng 2 năm 2024",
                       "KẾ HOẠCH\nBẢO ĐẢM AN TOÀN THÔNG TIN") + BODY).document
    assert doc.issuer == "Sở Thông tin và Truyền thông"
    assert doc.parent_issuer == "Ủy ban nhân dân tỉnh Nghệ An"


def test_unissued_copy_has_no_number_nor_date():
    doc = parse(header("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "      /KH-UBND", "Hà Tĩnh, ngày     tháng 3 năm 2024",
                       "KẾ HOẠCH\nCẢI CÁCH HÀNH CHÍNH") + BODY).document
    assert doc.number is None
    assert doc.date is None
    assert doc.place == "Hà Tĩnh"
    assert doc.type == "Kế hoạch"


def test_interleaved_columns():
    text = ("ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH CAO BẰNG\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 77/KH-UBND\nCao Bằng, ngày 09 tháng 10 năm 2024\nKẾ HOẠCH\nPHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ\n" + BODY)
    doc = parse(text).document
    assert (doc.issuer, doc.number, doc.place, doc.date) == ("Ủy ban nhân dân tỉnh Cao Bằng", "77/KH-UBND",
                                                            "Cao Bằng", dt.date(2024, 10, 9))


def test_columns_on_one_line_split_by_a_bar():
    text = ("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "------- | Độc lập - Tự do - Hạnh phúc\n"
            "Số: 86/KH-UBND | Ninh Bình, ngày 12 tháng 01 năm 2024\nKẾ HOẠCH\nCẢI CÁCH HÀNH CHÍNH\n" + BODY)
    doc = parse(text).document
    assert (doc.issuer, doc.number, doc.place) == ("Ủy ban nhân dân tỉnh Ninh Bình", "86/KH-UBND", "Ninh Bình")


@pytest.mark.parametrize("vv", ["V/v", "V/V:"])
def test_cong_van_has_no_type_code_and_a_vv_title(vv):
    text = (f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 2154/UBND-VX\n{vv} triển khai Kế hoạch chuyển đổi số\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 3 tháng 7 năm 2024\n"
            "Kính gửi: Các sở, ban, ngành tỉnh.\nThực hiện chỉ đạo của Tỉnh ủy, đề nghị các cơ quan báo cáo.\n")
    doc = parse(text).document
    assert doc.type == "Công văn"
    assert doc.number == "2154/UBND-VX"
    assert doc.title == "Triển khai Kế hoạch chuyển đổi số"


@pytest.mark.parametrize(
    "block, position, marks",
    [
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An", "Chủ tịch", ["TM."]),
        ("TM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An", "Phó Chủ tịch", ["TM.", "KT."]),
        ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Văn An", "Phó Chủ tịch", ["KT."]),
        ("Q. CHỦ TỊCH\nNguyễn Văn An", "Quyền Chủ tịch", ["Q."]),
        ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nNguyễn Văn An", "Chánh Văn phòng", ["TL."]),
        ("TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ\nNguyễn Văn An", "Giám đốc Sở Nội vụ", ["TUQ."]),
        ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNGUYỄN VĂN AN", "Phó Giám đốc", ["KT."]),
        ("TM. ỦY BAN NHÂN DÂN\nNguyễn Văn An", None, ["TM."]),
    ],
    ids=["TM", "TM-KT", "KT-one-line", "Q", "TL", "TUQ", "KT-caps-name", "TM-no-position"],
)
def test_signature_forms(block, position, marks):
    text = header("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN", "9/KH-UBND", "Lạng Sơn, ngày 2 tháng 5 năm 2024",
                  "KẾ HOẠCH\nPHÒNG CHỐNG THIÊN TAI") + BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n" + block + "\n"
    doc = parse(text).document
    assert doc.signer == "Nguyễn Văn An"
    assert doc.signer_position == position
    assert doc.signature_marks == marks


def test_issuer_from_the_signature_when_the_header_has_none():
    text = ("Đồng Nai, ngày 31 tháng 5 năm 2023\n\n## KẾ HOẠCH\n\n### Triển khai chuyển đổi số\n\n" + BODY
            + "\n**TM. ỦY BAN NHÂN DÂN**\n\n**Nguyễn Sơn Hùng**\n")
    doc = parse(text).document
    assert doc.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"
    assert doc.signing_for == "Ủy ban nhân dân"
    assert doc.title == "Triển khai chuyển đổi số"


def test_recipients_are_listed_and_archive_line_skipped():
    text = header("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU", "1/KH-UBND", "Lai Châu, ngày 2 tháng 5 năm 2024",
                  "KẾ HOẠCH\nX") + BODY + ("Nơi nhận:\n- Bộ Thông tin và Truyền thông;\n- Báo Lai Châu; Đài PT-TH tỉnh;"
                                          "\n- Lưu: VT, VX4.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Lương\n")
    names = [r.name for r in parse(text).document.recipients]
    assert names == ["Bộ Thông tin và Truyền thông", "Báo Lai Châu", "Đài PT-TH tỉnh"]


def test_decision_issuing_a_plan_keeps_the_decisions_header():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 301/QĐ-UBND\nYên Bái, ngày 4 tháng 3 năm 2024\nQUYẾT ĐỊNH\n"
            "Về việc ban hành Kế hoạch chuyển đổi số năm 2024\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2024.\n"
            "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nVũ Thị Hiền Hạnh\n"
            "KẾ HOẠCH\nCHUYỂN ĐỔI SỐ NĂM 2024\n(Ban hành kèm theo Quyết định số 301/QĐ-UBND ngày 04/3/2024)\n" + BODY)
    plan = parse(text)
    doc = plan.document
    assert (doc.type, doc.number, doc.signer, doc.signer_position) == ("Quyết định", "301/QĐ-UBND",
                                                                       "Vũ Thị Hiền Hạnh", "Phó Chủ tịch")
    assert doc.title == "Ban hành Kế hoạch chuyển đổi số năm 2024"
    assert [r.number for r in plan.references] == ["77/2015/QH13"]


def test_mixed_case_issuer_and_city_place():
    text = ("Ủy ban nhân dân\nThành phố Hồ Chí Minh\nSố: 5/KH-UBND\nThành phố Hồ Chí Minh, ngày 7 tháng 8 năm 2024\n"
            "KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ\n" + BODY)
    doc = parse(text).document
    assert doc.issuer == "Ủy ban nhân dân Thành phố Hồ Chí Minh"
    assert doc.place == "Thành phố Hồ Chí Minh"


def test_a_sentence_mentioning_a_plan_is_not_the_type_line():
    text = "Hà Nội, ngày 7 tháng 8 năm 2024\nKế hoạch này thay thế các văn bản trước.\n" + BODY
    assert parse(text).document.type is None
