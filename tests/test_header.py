"""The header grammar on small documents: each form the genre uses."""

from __future__ import annotations

import datetime as dt

import pytest

import planparse
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


# --- every document type, every layout (Nghị định 30/2020/NĐ-CP and the offices' own forms) ---------------------

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
LETTER = "Kính gửi: Sở Tài chính.\nĐề nghị Sở Tài chính phối hợp thực hiện.\n"


@pytest.mark.parametrize(("type_line", "expected"), [
    ("TỜ TRÌNH", "Tờ trình"), ("PHIẾU TRÌNH", "Phiếu trình"), ("ĐIỀU LỆ", "Điều lệ"), ("GIẤY MỜI", "Giấy mời"),
    ("THAM LUẬN", "Tham luận"), ("BÁO CÁO", "Báo cáo"), ("BIÊN BẢN", "Biên bản"), ("PHƯƠNG ÁN", "Phương án"),
    ("THÔNG BÁO", "Thông báo"), ("QUY CHẾ", "Quy chế"), ("CÔNG ĐIỆN", "Công điện"),
])
def test_every_document_type_is_named_by_its_title_block(type_line, expected):
    text = header("SỞ NỘI VỤ", "      /SNV-TCBC", "Gia Lai, ngày 4 tháng 2 năm 2026",
                  f"{type_line}\nVề việc tổ chức hội nghị tổng kết năm 2025") + LETTER
    doc = parse(text).document
    assert (doc.type, doc.title) == (expected, "Tổ chức hội nghị tổng kết năm 2025")


def test_a_letter_known_by_its_subject_line_is_a_cong_van_even_unnumbered():
    text = header("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI", "     /UBND-NC", "Gia Lai, ngày    tháng 3 năm 2026",
                  "V/v góp ý dự thảo Điều lệ\nHội Cựu giáo chức tỉnh") + LETTER
    doc = parse(text).document
    assert (doc.type, doc.number, doc.date) == ("Công văn", None, None)
    assert doc.title == "Góp ý dự thảo Điều lệ Hội Cựu giáo chức tỉnh"
    assert doc.issuer == "Ủy ban nhân dân tỉnh Gia Lai"


def test_the_subject_under_the_number_is_the_title_without_v_v():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 15/UBND-NC\nVề kết quả Đại hội Hội Luật gia tỉnh\n"
            f"{MOTTO}\nGia Lai, ngày 9 tháng 3 năm 2026\n" + LETTER)
    doc = parse(text).document
    assert (doc.type, doc.number, doc.title) == ("Công văn", "15/UBND-NC", "Kết quả Đại hội Hội Luật gia tỉnh")


def test_an_office_under_the_provincial_committee_is_named_with_it():
    text = ("UBND TỈNH LÂM ĐỒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "VĂN PHÒNG | Độc lập - Tự do - Hạnh phúc\n"
            "Số: 08-01/PT-NC | Lâm Đồng, ngày 05 tháng 01 năm 2026\nPHIẾU TRÌNH\nKính gửi: Lãnh đạo UBND tỉnh.\n")
    doc = parse(text).document
    assert (doc.type, doc.number, doc.issuer) == ("Phiếu trình", "08-01/PT-NC",
                                                  "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng")


def test_the_issuer_stops_before_the_title_headings():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n" + MOTTO + "\n## ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)\n"
            "## HỘI CỰU GIÁO CHỨC TỈNH LÂM ĐỒNG\n(Kèm theo Quyết định số /QĐ-UBND ngày tháng 10 năm 2025)\n"
            "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Tên gọi\n")
    doc = parse(text).document
    assert (doc.type, doc.issuer) == ("Điều lệ", "Ủy ban nhân dân tỉnh Lâm Đồng")
    assert doc.title == "(Sửa đổi, bổ sung) hội cựu giáo chức tỉnh Lâm Đồng"


def test_number_and_date_on_one_baseline_of_a_pdf():
    text = ("UBND TỈNH BÌNH PHƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 519/TTr-SNV Bình Phước, ngày 24 tháng 02 năm 2025\nTỜ TRÌNH\nVề việc tổ chức đại hội\n" + LETTER)
    doc = parse(text).document
    assert (doc.number, doc.place, doc.date, doc.issuer) == ("519/TTr-SNV", "Bình Phước", dt.date(2025, 2, 24),
                                                             "Sở Nội vụ")


def test_a_portal_copy_with_each_cell_broken_across_lines():
    text = ("ỦY\nBAN NHÂN DÂN\nTỈNH HÀ GIANG\n-------\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh\nphúc\n"
            "Số:\n123/KH-UBND\nHà\nGiang, ngày 15 tháng 4 năm 2024\nKẾ HOẠCH\nPHÁT TRIỂN DU LỊCH\nCỘNG ĐỒNG\n" + BODY)
    doc = parse(text).document
    assert (doc.issuer, doc.number, doc.place, doc.date) == ("Ủy ban nhân dân tỉnh Hà Giang", "123/KH-UBND",
                                                            "Hà Giang", dt.date(2024, 4, 15))
    assert doc.title == "Phát triển du lịch cộng đồng"


@pytest.mark.parametrize("place", ["Bà Rịa - Vũng Tàu", "Thừa Thiên Huế"])
def test_a_portal_copy_that_breaks_a_place_of_several_words(place):
    """A web copy breaks the date line anywhere in the place's name; a province's name is joined again whole."""
    head, tail = place.rsplit(" ", 1)
    text = (f"ỦY BAN NHÂN DÂN\nTỈNH {place.upper()}\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n"
            f"Số: 08/KH-UBND\n|\n{head}\n{tail}, ngày 08 tháng 01 năm 2023\n|\nKẾ HOẠCH\nTRUYỀN THÔNG CHÍNH SÁCH\n" + BODY)
    doc = parse(text).document
    assert (doc.place, doc.date, doc.title) == (place, dt.date(2023, 1, 8), "Truyền thông chính sách")


def test_an_issuer_whose_second_line_was_lost_takes_the_place_of_the_date_line():
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n------- | Độc lập - Tự do - Hạnh phúc\n"
            "Số: 45/KH-UBND | Quảng Trị, ngày 3 tháng 6 năm 2024\nKẾ HOẠCH\nChuyển đổi số năm 2024\n" + BODY)
    assert parse(text).document.issuer == "Ủy ban nhân dân tỉnh Quảng Trị"


def test_a_header_under_a_copiers_note_and_a_title_naming_a_date():
    text = ("[Bản trích chữ tự động từ tệp gốc, chuẩn hóa Unicode.]\n"
            "| BỘ NỘI VỤ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n| --- | --- |\n"
            "| Số: 09/KH-BNV | Hà Nội, ngày 06 tháng 8 năm 2024 |\nKẾ HOẠCH\n"
            "THỰC HIỆN CHỈ THỊ SỐ 13/CT-TTG NGÀY 02 THÁNG 5 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ\n" + BODY)
    doc = parse(text).document
    assert (doc.issuer, doc.number, doc.date, doc.place) == ("Bộ Nội vụ", "09/KH-BNV", dt.date(2024, 8, 6), "Hà Nội")
    assert doc.title == "Thực hiện chỉ thị số 13/CT-TTG ngày 02 tháng 5 năm 2024 của Thủ tướng Chính phủ"


@pytest.mark.parametrize(("written", "title"), [
    ("VỀ VIỆC BỔ SUNG TTHC THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TƯ PHÁP",
     "Bổ sung TTHC thuộc thẩm quyền giải quyết của Sở Tư pháp"),
    ("ỨNG DỤNG CNTT TRONG PHÒNG, CHỐNG DỊCH COVID-19 TẠI TỈNH ĐIỆN BIÊN",
     "Ứng dụng CNTT trong phòng, chống dịch COVID-19 tại tỉnh Điện Biên"),
    ("THỰC HIỆN KẾT LUẬN CỦA BỘ CHÍNH TRỊ VỀ PHÁT TRIỂN BÁO CHÍ",  # báo alone is a word: no body
     "Thực hiện kết luận của Bộ Chính trị về phát triển báo chí"),
])
def test_a_title_in_capitals_keeps_the_capitals_of_proper_names_and_abbreviations(written, title):
    """NĐ 30/2020, Phụ lục II: the names of bodies and places are capitalised; an abbreviation is no syllable."""
    text = ("UBND TỈNH ĐIỆN BIÊN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/QĐ-UBND\n"
            f"Điện Biên, ngày 3 tháng 6 năm 2024\nQUYẾT ĐỊNH\n{written}\n" + BODY)
    assert parse(text).document.title == title


def test_a_docx_header_table_with_a_spacer_column_and_breaks_inside_its_cells(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    cells = {(0, 0): ["UBND TỈNH KON TUM", "SỞ NỘI VỤ"], (0, 2): MOTTO.split("\n"),
             (1, 0): ["Số:      /SNV-TCBC", "V/v báo cáo tình hình tổ chức,", "hoạt động của hội năm 2025"],
             (1, 2): ["Kon Tum, ngày     tháng 12 năm 2025"]}
    for (r, c), lines in cells.items():
        paragraph = table.cell(r, c).paragraphs[0]
        for k, line in enumerate(lines):
            run = paragraph.add_run(line)
            if k < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)
    for line in LETTER.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "letter.docx"
    document.save(str(path))

    doc = planparse.parse_file(path).document
    assert (doc.type, doc.number, doc.date, doc.place, doc.issuer) == ("Công văn", None, None, "Kon Tum", "Sở Nội vụ")
    assert doc.title == "Báo cáo tình hình tổ chức, hoạt động của hội năm 2025"


@pytest.mark.parametrize(("block", "signer", "position"), [
    ("TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nNguyễn Văn An", "Nguyễn Văn An", "Phó Chánh Văn phòng"),
    ("TM. BAN CHỈ ĐẠO\nPHÓ TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND TỈNH\nLê Thị Bình", "Lê Thị Bình", "Phó Trưởng ban"),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nKý\nTrần Văn Cường", "Trần Văn Cường", "Phó Giám đốc"),  # a signature image's text
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐỗ Văn Dũng", "Đỗ Văn Dũng", "Phó Chủ tịch"),
])
def test_the_signers_own_position_in_a_multi_level_signature_block(block, signer, position):
    text = (header("ỦY BAN NHÂN DÂN\nTỈNH KON TUM", "5/BC-UBND", "Kon Tum, ngày 2 tháng 3 năm 2026",
                   "BÁO CÁO\nKết quả thực hiện Đề án 06") + BODY + f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n{block}\n")
    doc = parse(text).document
    assert (doc.signer, doc.signer_position) == (signer, position)


def test_a_signature_block_in_a_cell_beside_the_recipients():
    text = (header("BỘ XÂY DỰNG", "12/KH-BXD", "Hà Nội, ngày 2 tháng 3 năm 2026", "KẾ HOẠCH\nCẢI CÁCH HÀNH CHÍNH")
            + BODY + "| Nơi nhận: - Như trên; - Lưu: VT. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn Em |\n| --- | --- |\n")
    doc = parse(text).document
    assert (doc.signer, doc.signer_position) == ("Nguyễn Văn Em", "Thứ trưởng")


def test_the_issuing_authority_under_a_decisions_title_is_not_its_signature():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 30/QĐ-UBND\nYên Bái, ngày 4 tháng 3 năm 2024\nQUYẾT ĐỊNH\n"
            "Về việc phê duyệt Điều lệ Hội Làm vườn\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Điều lệ.\n"
            "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nVũ Thị Hạnh\n")
    doc = parse(text).document
    assert (doc.signer, doc.signer_position) == ("Vũ Thị Hạnh", "Phó Chủ tịch")


def test_a_signature_block_dumped_line_by_line_beside_the_recipients():
    text = (header("ỦY BAN NHÂN DÂN\nTỈNH KON TUM", "5/UBND-NC", "Kon Tum, ngày 2 tháng 3 năm 2026",
                   "V/v cập nhật số liệu") + "Kính gửi: Sở Nội vụ.\nĐề nghị Sở Nội vụ cập nhật số liệu.\n"
            "Nơi nhận: TL. CHỦ TỊCH\n- Như trên; KT. CHÁNH VĂN PHÒNG\n- Lưu: VT, NC; PHÓ CHÁNH VĂN PHÒNG\n"
            "Nguyễn Văn Giang\n")
    doc = parse(text).document
    assert (doc.signer, doc.signer_position) == ("Nguyễn Văn Giang", "Phó Chánh Văn phòng")


def test_a_mark_typed_or_read_wrong_on_the_type_does_not_hide_it():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n" + MOTTO + "\nĐIỆU LỆ\nHỘI CỰU GIÁO CHỨC TỈNH LÂM ĐỒNG\n"
            "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Tên gọi\n")
    doc = parse(text).document
    assert (doc.type, doc.title, doc.issuer) == ("Điều lệ", "Hội cựu giáo chức tỉnh Lâm Đồng",
                                                 "Ủy ban nhân dân tỉnh Lâm Đồng")
    ocr = parse(text.replace("ĐIỆU LỆ", "QUYÉT ĐỊNH")).document  # an OCR's É for Ế
    assert ocr.type == "Quyết định"


def test_a_type_set_as_a_heading_in_mixed_case_has_its_title_under_it():
    text = ("UBND TỈNH HÀ GIANG\nSố: 5/KH-UBND\nHà Giang, ngày 1 tháng 2 năm 2024\n# Kế hoạch\n"
            "Phát triển du lịch cộng đồng\n" + BODY)
    doc = parse(text).document
    assert (doc.type, doc.title, doc.number, doc.place) == ("Kế hoạch", "Phát triển du lịch cộng đồng", "5/KH-UBND",
                                                           "Hà Giang")


def test_an_issuer_whose_lower_line_was_lost_is_named_by_its_numbers_code():
    text = ("UBND TỈNH LÂM ĐỒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n------- | Độc lập - Tự do - Hạnh phúc\n"
            "Số: 85/TTr-STP | Lâm Đồng, ngày 3 tháng 4 năm 2026\nTỜ TRÌNH\nVề việc phê duyệt Đề án\n" + LETTER)
    doc = parse(text).document
    assert (doc.issuer, doc.parent_issuer) == ("Sở Tư pháp", "Ủy ban nhân dân tỉnh Lâm Đồng")
    own = parse(text.replace("85/TTr-STP", "85/TTr-UBND")).document
    assert (own.issuer, own.parent_issuer) == ("Ủy ban nhân dân tỉnh Lâm Đồng", None)


HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH TIỀN GIANG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "---------------\nSố: 328/KH-UBND\nTiền Giang, ngày 08 tháng 10 năm 2019\n\nKẾ HOẠCH\n"
          "XÂY DỰNG CHÍNH QUYỀN SỐ CỦA TỈNH TIỀN GIANG\n\nI. MỤC TIÊU\n- Nâng cao nhận thức của các ngành.\n")
PREAMBLES = {
    "navigation": "Bộ lọc tìm kiếm\n\nTải văn bản\n\nLưu trữ Góp ý\n\n  • Thuộc tính\n  • Nội dung\n\n",
    "summary": "Văn bản khác 328/KH-UBND\n\nKế hoạch 328/KH-UBND năm 2019 về xây dựng chính quyền số Tiền Giang\n\n"
               "Nội dung toàn văn Kế hoạch 328/KH-UBND\n\n\n",
    "properties": "Kế hoạch 328/KH-UBND năm 2019 xây dựng chính quyền số\n| Số hiệu | 328/KH-UBND |\n"
                  "| Ngày ban hành | 08/10/2019 |\n| Loại văn bản | Kế hoạch |\n| Người ký | Nguyễn Văn A |\n|\n",
}


@pytest.mark.parametrize("preamble", PREAMBLES.values(), ids=PREAMBLES.keys())
def test_a_header_under_what_a_web_page_puts_above_it(preamble):
    """A legal portal's copy: navigation, a summary or a table of the document's properties above the header."""
    doc = parse(preamble + HEADER).document
    assert (doc.type, doc.number, doc.date, doc.issuer) == ("Kế hoạch", "328/KH-UBND", dt.date(2019, 10, 8),
                                                            "Ủy ban nhân dân tỉnh Tiền Giang")
    assert doc.title == "Xây dựng chính quyền số của tỉnh Tiền Giang"


@pytest.mark.parametrize("authority", ["ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA",
                                       "ỦY BAN NHÂN DÂN TỈNH"])
def test_a_decisions_issuing_authority_is_not_its_title(authority):
    """NĐ 30/2020: a decision names its issuing authority (the body, or its head; its place may be left to the
    header) on the line under its title."""
    text = ("UBND TỈNH THANH HÓA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 4216/QĐ-UBND\nThanh Hóa, ngày 06 tháng 10 năm 2020"
            f"\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH THANH HÓA\n{authority}\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n")
    assert parse(text).document.title == "Ban hành kế hoạch chuyển đổi số tỉnh Thanh Hóa"


# --- the Party's documents (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW) ------------------------------------------------

PARTY_BODY = ("I. MỤC ĐÍCH, YÊU CẦU\n- Quán triệt sâu sắc các quan điểm của Đảng.\n"
              "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy;\n- Lưu Văn phòng Tỉnh ủy.\n")


def party_header(issuer: str, number: str, date_line: str) -> str:
    """The form's columns as a text layer gives them one after the other: the issuer over its star and number,
    then the Party's name where the motto goes and the date line."""
    return f"{issuer}\n*\nSố {number}\nĐẢNG CỘNG SẢN VIỆT NAM\n{date_line}\n"


@pytest.mark.parametrize("mark", ["T/M", "T/M."])
def test_a_party_document_reads_its_header_and_signature(mark):
    text = (party_header("TỈNH ỦY QUẢNG NINH", "27-KH/TU", "Quảng Ninh, ngày 15 tháng 3 năm 2025")
            + "KẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n-----\n"
            + PARTY_BODY + f"{mark} BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn An\n")
    doc = parse(text).document
    assert (doc.type, doc.number, doc.date, doc.place) == ("Kế hoạch", "27-KH/TU", dt.date(2025, 3, 15), "Quảng Ninh")
    assert doc.issuer == "Tỉnh ủy Quảng Ninh"
    assert doc.title == "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
    assert (doc.signer, doc.signer_position, doc.signature_marks) == ("Nguyễn Văn An", "Bí thư", ["T/M"])
    assert doc.signing_for == "Ban Thường vụ"


def test_a_party_header_laid_out_in_two_columns_on_one_line():
    """The parent party organisation over the issuer; the Party's name beside the first, the date beside the second."""
    text = ("ĐẢNG BỘ TỈNH HÀ GIANG ĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY BẮC QUANG\n"
            "* Bắc Quang, ngày 02 tháng 6 năm 2025\nSố 45 -CTr/HU\nCHƯƠNG TRÌNH\nchuyển đổi số trong các cơ quan đảng\n"
            + PARTY_BODY + "K/T BÍ THƯ\nPHÓ BÍ THƯ THƯỜNG TRỰC\nTrần Thị Bình\n")
    doc = parse(text).document
    assert (doc.issuer, doc.parent_issuer) == ("Huyện ủy Bắc Quang", "Đảng bộ tỉnh Hà Giang")
    assert (doc.number, doc.date, doc.place) == ("45-CTr/HU", dt.date(2025, 6, 2), "Bắc Quang")
    assert (doc.type, doc.title) == ("Chương trình", "Chuyển đổi số trong các cơ quan đảng")
    assert (doc.signer, doc.signer_position) == ("Trần Thị Bình", "Phó Bí thư Thường trực")


def test_a_party_documents_blank_number_is_none():
    text = party_header("TỈNH ỦY THÁI BÌNH", "      -CTr/TU", "Thái Bình, ngày     tháng 8 năm 2026") + (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Kết luận số 75-KL/TW\n" + PARTY_BODY)
    doc = parse(text).document
    assert (doc.number, doc.date, doc.place, doc.issuer, doc.type) == (
        None, None, "Thái Bình", "Tỉnh ủy Thái Bình", "Chương trình")
    assert doc.title == "Hành động thực hiện Kết luận số 75-KL/TW"  # the words in capitals on the type line lead it


def test_a_title_that_names_the_party_keeps_its_name():
    """The Party's name stands for the motto only as a cell of its own, not at the end of a title in capitals."""
    doc = parse(header("ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH", "30/KH-UBND", "Nam Định, ngày 10 tháng 1 năm 2025",
                       "KẾ HOẠCH\nKỶ NIỆM 95 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM\n(03/02/1930 - 03/02/2025)")
                + BODY).document
    assert doc.title.casefold() == "kỷ niệm 95 năm ngày thành lập đảng cộng sản việt nam"


def test_a_note_a_copier_headed_the_text_with_is_not_its_header():
    """Markdown headings above the issuer (the name a copier gave the file, where it came from) hold no field: the
    type and title stand under the number in the genre, and the date is the date line's."""
    note = ("# KẾ HOẠCH SỐ 27-KH/TU NGÀY 20/3/2025 CỦA TỈNH ỦY QUẢNG NINH - BẢN TEXT\n"
            "# Trích từ bản PDF; ảnh trang 1 ghi 'Quảng Ninh, ngày 20 tháng 3 năm 2025'\n\n")
    text = note + party_header("TỈNH ỦY QUẢNG NINH", "      -KH/TU", "Quảng Ninh, ngày    tháng 3 năm 2025") + (
        "KẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW\n" + PARTY_BODY)
    doc = parse(text).document
    assert (doc.date, doc.issuer, doc.title) == (None, "Tỉnh ủy Quảng Ninh", "Thực hiện Nghị quyết số 57-NQ/TW")
