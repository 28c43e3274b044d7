"""Assignments: who leads and who supports, from headings, prose and task tables."""

from __future__ import annotations

import planparse

HEADER = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 12/KH-UBND
Lai Châu, ngày 08 tháng 9 năm 2023
KẾ HOẠCH
Thực hiện chuyển đổi số
"""


def plan_of(body: str) -> planparse.Plan:
    return planparse.parse(HEADER + body)


def pairs(body: str) -> set[tuple[str, str]]:
    return {(a["body"], a["role"]) for a in plan_of(body).to_facts()["assignments"]}


ORGANISATION = """I. NHIỆM VỤ
1. Nâng cao nhận thức
- Các cơ quan báo chí tỉnh xây dựng kế hoạch đào tạo.
- Sở TTTT chủ trì, phối hợp với Sở Nội vụ, Công an tỉnh tổ chức tập huấn.
II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính, Sở KH&ĐT
Tham mưu bố trí kinh phí; phối hợp với Đài PT-TH tỉnh tuyên truyền.
2. Các sở: Sở Y tế, Sở Tư pháp
Chủ trì, phối hợp với các cơ quan, đơn vị liên quan thực hiện.
3. Đề nghị Ban Tuyên giáo Tỉnh ủy: Chỉ đạo, định hướng thông tin.
4. Các sở, ban, ngành; UBND các huyện, thành phố
Báo cáo kết quả về Sở Thông tin và Truyền thông trước ngày 25 tháng 11 hằng năm.
Nơi nhận:
- Bộ Thông tin và Truyền thông;
- Báo Lai Châu;
- Lưu: VT.
"""


def test_a_heading_naming_several_bodies_assigns_each():
    found = pairs(ORGANISATION)
    assert {("Sở Tài chính", "lead"), ("Sở Kế hoạch và Đầu tư", "lead")} <= found
    assert {("Sở Y tế", "lead"), ("Sở Tư pháp", "lead"), ("Ban Tuyên giáo Tỉnh ủy", "lead")} <= found
    assert {("Các sở, ban, ngành", "lead"), ("Ủy ban nhân dân các huyện, thành phố", "lead")} <= found
    assert ("Các sở", "lead") not in found


def test_phoi_hop_in_prose_gives_support_and_chu_tri_gives_lead():
    found = pairs(ORGANISATION)
    assert {("Sở Thông tin và Truyền thông", "lead"), ("Sở Nội vụ", "support"), ("Công an tỉnh", "support"),
            ("Đài Phát thanh và Truyền hình Lai Châu", "support")} <= found


def test_the_subject_of_a_duty_leads_it():
    assert ("Các cơ quan báo chí tỉnh", "lead") in pairs(ORGANISATION)


def test_recipients_catch_alls_and_bodies_reported_to_are_not_assignees():
    bodies = {body for body, _ in pairs(ORGANISATION)}
    assert "Bộ Thông tin và Truyền thông" not in bodies and "Báo Lai Châu" not in bodies
    assert not any("liên quan" in body for body in bodies)
    assert ("Sở Thông tin và Truyền thông", "support") not in pairs(ORGANISATION)


def test_each_assignment_keeps_its_task_and_where_the_body_is_written():
    plan = plan_of(ORGANISATION)
    a = next(a for a in plan.assignments if a.body.name == "Công an tỉnh")
    assert plan.text[a.body.provenance.start:a.body.provenance.end] == "Công an tỉnh"
    assert "tổ chức tập huấn" in a.task
    assert a.task_provenance is not None


TABLE = """I. TỔ CHỨC THỰC HIỆN
Các đơn vị thực hiện theo Phụ lục.
PHỤ LỤC
TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
1 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Các sở, ban, ngành | Quý II/2024
2 | Tổ chức Hội thi | Sở Nội vụ | Đài PT-TH tỉnh; Báo Lai Châu; các đơn vị có liên quan | Trước ngày 30/11/2024
"""


def test_a_task_table_gives_chu_tri_and_phoi_hop_columns_with_the_deadline():
    plan = plan_of(TABLE)
    found = {(a.body.name, a.role.value, a.task, a.deadline) for a in plan.assignments}
    assert ("Văn phòng Ủy ban nhân dân tỉnh", "lead", "Rà soát thủ tục hành chính", "Quý II/2024") in found
    assert ("Các sở, ban, ngành", "support", "Rà soát thủ tục hành chính", "Quý II/2024") in found
    assert ("Báo Lai Châu", "support", "Tổ chức Hội thi", "Trước ngày 30/11/2024") in found
    assert ("Đài Phát thanh và Truyền hình Lai Châu", "support", "Tổ chức Hội thi",
            "Trước ngày 30/11/2024") in found
    assert not any("liên quan" in name for name, *_ in found)


FLATTENED = """I. TỔ CHỨC THỰC HIỆN
Các đơn vị thực hiện theo Phụ lục.
PHỤ LỤC
TT
|
Nhiệm vụ
|
Chủ trì
|
Phối hợp
|
Thời gian
|
1
|
Ứng dụng nền tảng số
|
Các cơ quan báo chí tỉnh
|
Sở TTTT đôn đốc, theo dõi
|
2024-2025
|
"""


def test_a_flattened_table_cell_names_its_body_before_other_words():
    found = pairs(FLATTENED)
    assert found == {("Các cơ quan báo chí tỉnh", "lead"), ("Sở Thông tin và Truyền thông", "support"),
                     ("Các đơn vị", "lead")}  # the prose's subject: a plural of a generic noun is a collective body


def test_a_short_group_takes_the_fullest_form_the_plan_uses():
    body = """I. TỔ CHỨC THỰC HIỆN
1. Các cơ quan báo chí tỉnh
Xây dựng kế hoạch.
2. Sở Thông tin và Truyền thông
Chủ trì, phối hợp với các cơ quan báo chí thực hiện.
"""
    assert ("Các cơ quan báo chí tỉnh", "support") in pairs(body)


def test_the_provinces_of_a_national_plan_take_their_full_form():
    body = """I. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm giám sát.
2. Bộ Tài chính chủ trì, phối hợp với Ủy ban nhân dân các tỉnh, thành phố rà soát.
"""
    assert pairs(body) == {("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "lead"),
                           ("Bộ Tài chính", "lead"),
                           ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "support")}


def test_a_letter_without_organisation_part_assigns_its_numbered_bodies():
    body = """Kính gửi:
- Các sở, ban, ngành cấp tỉnh;
- Ủy ban nhân dân các huyện.
Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện tốt các nội dung sau:
1. Sở Nông nghiệp và Phát triển nông thôn
Chủ trì, phối hợp với Sở Tài nguyên và Môi trường theo dõi thời tiết.
2. Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh
Bố trí lực lượng cứu hộ.
"""
    assert pairs(body) == {("Sở Nông nghiệp và Phát triển nông thôn", "lead"),
                           ("Sở Tài nguyên và Môi trường", "support"),
                           ("Bộ Chỉ huy Quân sự tỉnh", "lead"), ("Công an tỉnh", "lead")}


def test_a_letters_numbered_item_that_asks_a_body_for_work_assigns_it():
    body = """Kính gửi: Các sở, ban, ngành cấp tỉnh.
Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:
1. Các sở, ban, ngành cấp tỉnh tổ chức nghiên cứu, cụ thể hóa các nhiệm vụ.
2. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ xây dựng dự thảo Kế hoạch, hoàn thành trước ngày 05/10/2026.
Căn cứ ý kiến chỉ đạo, yêu cầu các sở, ngành triển khai thực hiện./.
"""
    assert pairs(body) == {("Các sở, ban, ngành cấp tỉnh", "lead"), ("Sở Tài chính", "lead"),
                           ("Sở Nội vụ", "support")}


def test_a_duty_takes_the_deadline_written_in_it():
    plan = plan_of(ORGANISATION)
    a = next(a for a in plan.assignments if a.body.name == "Các sở, ban, ngành")
    assert a.deadline == "trước ngày 25 tháng 11 hằng năm"
    assert plan.text[a.deadline_provenance.start:a.deadline_provenance.end] == a.deadline


def test_subjects_after_a_time_and_listed_with_semicolons_all_lead():
    found = pairs("I. NHIỆM VỤ\n1. Hoàn thiện thể chế\nTrong năm 2022, các bộ, ngành; các cấp chính quyền địa "
                  "phương; các tập đoàn kinh tế, tổng công ty nhà nước và các cơ quan, tổ chức liên quan hoàn thành "
                  "việc quán triệt Nghị quyết.\n")
    assert found == {("Các bộ, ngành", "lead"), ("Các cấp chính quyền địa phương", "lead"),
                     ("Các tập đoàn kinh tế, tổng công ty nhà nước", "lead")}


def test_ministry_units_and_the_provinces_as_a_level():
    found = pairs("I. TỔ CHỨC THỰC HIỆN\n1. Cục Biến đổi khí hậu chủ trì, phối hợp với Vụ Pháp chế, Vụ Hợp tác "
                  "quốc tế và cơ quan chuyên môn thuộc Bộ Tài chính hoàn thiện dự thảo Nghị định.\n"
                  "2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm giám sát.\n")
    assert found == {("Cục Biến đổi khí hậu", "lead"), ("Vụ Pháp chế", "support"), ("Vụ Hợp tác quốc tế", "support"),
                     ("Cơ quan chuyên môn thuộc Bộ Tài chính", "support"),
                     ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "lead")}


def test_the_2025_local_levels_and_mass_organisations():
    found = pairs("I. TỔ CHỨC THỰC HIỆN\n1. UBND các xã, phường, đặc khu tổ chức tuyên truyền.\n"
                  "2. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp giám sát.\n")
    assert ("Ủy ban nhân dân các xã, phường, đặc khu", "lead") in found
    assert ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead") in found


def test_responsibility_columns_of_a_task_table_name_the_lead():
    for column in ("Trách nhiệm thực hiện", "Đơn vị thực hiện", "Cơ quan chủ trì"):
        found = pairs(f"PHỤ LỤC\n| TT | Nhiệm vụ | {column} | Thời gian |\n|---|---|---|---|\n"
                      "| 1 | Tuyên truyền | Tỉnh đoàn, Hội LHPN tỉnh | Tháng 3/2026 |\n")
        assert found == {("Tỉnh đoàn", "lead"), ("Hội Liên hiệp Phụ nữ tỉnh", "lead")}, column


def test_bodies_a_duty_asks_for_after_a_semicolon_are_its_object():
    found = pairs("I. NHIỆM VỤ\n1. Cục Biến đổi khí hậu rà soát hiện trạng; yêu cầu các tổ chức, doanh nghiệp "
                  "thực hiện chương trình theo cơ chế trao đổi.\n2. Đề nghị Tỉnh đoàn tổ chức tuyên truyền.\n")
    assert found == {("Cục Biến đổi khí hậu", "lead"), ("Tỉnh đoàn", "lead")}


def test_the_subject_after_a_clause_framing_the_duty_leads():
    found = pairs("I. NHIỆM VỤ\n1. Bảo đảm kinh phí\nĐối với các nhiệm vụ thuộc chức năng, nhiệm vụ thường xuyên, "
                  "các bộ, ngành, địa phương có trách nhiệm bố trí kinh phí.\n")
    assert found == {("Các bộ, ngành, địa phương", "lead")}


def test_generic_groups_written_as_plurals_are_bodies_but_not_when_liên_quan_or_a_bare_noun():
    found = pairs("II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính chủ trì, phối hợp chặt chẽ với các cơ quan, đơn vị khác "
                  "bố trí kinh phí.\n2. Các địa phương lập kế hoạch bảo vệ rừng.\n"
                  "3. Sở Y tế phối hợp với các đơn vị có liên quan và cơ quan được phân công thực hiện.\n")
    assert found == {("Sở Tài chính", "lead"), ("Các cơ quan, đơn vị khác", "support"), ("Các địa phương", "lead"),
                     ("Sở Y tế", "lead")}


def test_the_subject_leads_past_an_aside_of_manner_before_its_verb():
    found = pairs("II. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành cấp tỉnh theo chức năng nhiệm vụ, phối hợp với Sở Y tế "
                  "triển khai thực hiện.\n2. Sở Tài chính trong phạm vi chức năng, nhiệm vụ được giao, tham mưu bố "
                  "trí kinh phí.\n")
    assert found == {("Các sở, ban, ngành cấp tỉnh", "lead"), ("Sở Y tế", "support"), ("Sở Tài chính", "lead")}


def test_a_task_tables_column_headers_written_as_lines_are_no_duties():
    """A text dump writes a table's header cells as lines: groups with chủ trì or a verb, short, no full stop."""
    cells = ["TT", "Nhiệm vụ cụ thể", "Cơ quan, tổ chức đảng chủ trì", "Cá nhân phụ trách chỉ đạo, kiểm tra, đôn đốc",
             "Thời hạn thực hiện", "1", "Rà soát văn bản quy phạm pháp luật.", "Sở Tư pháp", "2026 - 2030"]
    found = pairs("II. NHIỆM VỤ\n\n" + "\n\n".join(cells) + "\n")
    assert not any(body.startswith(("Cơ quan", "Cá nhân")) for body, _ in found)


def test_a_subject_after_how_often_leads_and_one_after_a_condition_does_not():
    found = pairs("II. TỔ CHỨC THỰC HIỆN\n1. Hằng năm, các địa phương lập kế hoạch bố trí kinh phí.\n"
                  "2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, Sở Nội vụ báo cáo Ủy ban nhân dân tỉnh.\n")
    assert found == {("Các địa phương", "lead")}


def test_duties_in_a_monitoring_part_are_assignments():
    found = pairs("I. NHIỆM VỤ\n1. Sở Y tế chủ trì tuyên truyền.\nII. GIÁM SÁT VÀ ĐÁNH GIÁ\n- Các bộ, ngành và "
                  "UBND các tỉnh chịu trách nhiệm giám sát việc thực hiện Kế hoạch.\n")
    assert found == {("Sở Y tế", "lead"), ("Các bộ, ngành", "lead"), ("Ủy ban nhân dân các tỉnh", "lead")}


def test_a_heading_listing_ministries_and_provinces_gives_one_lead_each():
    found = pairs("I. TỔ CHỨC THỰC HIỆN\n1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các "
                  "tỉnh, thành phố trực thuộc trung ương\n- Bố trí nguồn lực triển khai thực hiện Kế hoạch.\n")
    assert found == {("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "lead"),
                     ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "lead")}


def test_two_bodies_of_one_head_joined_by_va_are_the_body_the_plan_names_with_the_head_once():
    # a body formed of two, called by both its parts' names where the plan elsewhere names it as one
    found = pairs("I. NHIỆM VỤ\n1. Trung tâm Văn hóa và Thể thao tổ chức các giải thi đấu.\n"
                  "2. Sở Nội vụ chủ trì, phối hợp với Trung tâm Văn hóa và Trung tâm Thể thao tổ chức tập huấn.\n")
    assert ("Trung tâm Văn hóa và Thể thao", "support") in found
    assert not {("Trung tâm Văn hóa", "support"), ("Trung tâm Thể thao", "support")} & found


def test_two_bodies_of_one_head_joined_by_va_stay_two_when_the_plan_names_no_such_body():
    found = pairs("I. NHIỆM VỤ\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và Sở Tư pháp tập huấn.\n")
    assert {("Sở Tài chính", "support"), ("Sở Tư pháp", "support")} <= found


def test_a_cell_naming_in_lower_case_a_body_another_cell_names_in_full_reads_that_body():
    found = pairs("I. NHIỆM VỤ\n| TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
                  "| 1 | Rà soát quy hoạch | Sở Xây dựng | - Ban quản lý dự án; - Sở Tài chính. | Quý II/2024 |\n"
                  "| 2 | Lập hồ sơ | Ban Quản lý dự án | - Sở Xây dựng. | Quý III/2024 |\n")
    assert {("Ban Quản lý dự án", "support"), ("Sở Tài chính", "support"), ("Ban Quản lý dự án", "lead")} <= found


def test_a_heading_that_gives_its_part_a_role_names_as_its_own_the_bodies_after_cua():
    found = pairs("I. NHIỆM VỤ CHỦ YẾU CỦA SỞ Y TẾ\n1. Chủ trì, phối hợp với Sở Tài chính tập huấn.\n"
                  "2. Nâng cao năng lực của các trạm y tế xã\nTổ chức tập huấn cán bộ.\n")
    assert ("Sở Y tế", "lead") in found
    assert not {("Các trạm y tế xã", "lead"), ("Trạm y tế xã", "lead")} & found  # a task's object, not its owner


def test_a_duty_subject_under_a_heading_naming_bodies_leads_but_a_closing_call_assigns_nothing():
    found = pairs("I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n- Chủ trì tổng hợp kết quả.\n"
                  "- Đối với nhiệm vụ thường xuyên, các sở, ngành, địa phương có trách nhiệm bố trí kinh phí.\n"
                  "2. Sở Tài chính\nBố trí kinh phí.\n"
                  "Căn cứ Kế hoạch này, các cơ quan, đơn vị, địa phương triển khai thực hiện nghiêm túc./.\n")
    assert {("Sở Nội vụ", "lead"), ("Các sở, ngành, địa phương", "lead"), ("Sở Tài chính", "lead")} <= found
    assert ("Các cơ quan, đơn vị, địa phương", "lead") not in found


def test_a_paragraph_straight_after_a_numbered_item_is_that_items_text_not_a_closing_call():
    found = pairs("I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ tổng hợp kết quả.\n2. Giao Sở Tài chính bố trí kinh phí.\n"
                  "Các sở, ngành tổ chức thực hiện các nội dung trên./.\n")
    assert ("Các sở, ngành", "lead") in found


def test_sentence_starts_are_those_of_their_pattern():
    """The sentence starts found by str.find are the ends of ``(?:\\n|[.;:]\\s+)(?=\\w)``, each past the one before."""
    import random
    import re

    from planparse.extract.assignments import _sentence_starts

    pattern = re.compile(r"(?:\n|[.;:]\s+)(?=\w)")
    pieces = ["a", "Đ", "ế", "1", "_", ".", ";", ":", ",", "-", " ", "\t", "\n", "\u00a0"]
    rng = random.Random(0)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _sentence_starts(text, start, end) == [m.end() for m in pattern.finditer(text, start, end)], text
