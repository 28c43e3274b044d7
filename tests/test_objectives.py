"""Objectives: what a researcher reads off a plan's targets — the year, the words, the numbers."""

from __future__ import annotations

import pytest

import planparse
from planparse.extract.objectives import title_horizon
from planparse.model import ObjectiveScope

HEADER = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
Số: 12/KH-UBND
Hòa Bình, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
Phát triển dịch vụ công trực tuyến năm 2024
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao chất lượng phục vụ người dân.
"""
TASKS = """III. NHIỆM VỤ, GIẢI PHÁP
1. Tổ chức 04 lớp tập huấn cho cán bộ một cửa.
"""


def objectives_of(body: str, header: str = HEADER, tasks: str = TASKS) -> list[planparse.Objective]:
    return planparse.parse(header + body + tasks).objectives


def facts(objective: planparse.Objective) -> tuple:
    return objective.horizon, [(q.value, q.unit, q.comparator) for q in objective.quantities]


def test_headings_give_the_horizon_to_their_bullets():
    found = objectives_of("""II. MỤC TIÊU
1. Mục tiêu đến năm 2025
- 80% hồ sơ được xử lý trực tuyến.
- Tối thiểu 90% người dân hài lòng.
2. Mục tiêu đến năm 2030
- 100% hồ sơ được xử lý trực tuyến.
""")
    assert [facts(o) for o in found] == [
        (2025, [(80, "%", "=")]),
        (2025, [(90, "%", ">=")]),
        (2030, [(100, "%", "=")]),
    ]
    assert found[0].text == "80% hồ sơ được xử lý trực tuyến"


@pytest.mark.parametrize(
    ("heading", "horizon"),
    [
        ("a) Đến năm 2027", 2027),
        ("1. Mục tiêu năm 2024", 2024),
        ("1. Chỉ tiêu giai đoạn 2021 - 2025", 2025),
        ("1.1. Mục tiêu cụ thể đến hết năm 2026", 2026),
    ],
)
def test_heading_forms(heading, horizon):
    found = objectives_of(f"II. MỤC TIÊU\n{heading}\n- 70% xã có điểm phục vụ bưu chính.\n")
    assert [facts(o) for o in found] == [(horizon, [(70, "%", "=")])]


def test_markdown_headings_a_lead_in_on_the_heading_line_and_notes():
    found = planparse.parse("""# KẾ HOẠCH
### **II. MỤC TIÊU**
#### **1. Mục tiêu đến năm 2025**
- **100%** xã có điểm bưu điện văn hóa.
#### 2. Mục tiêu cụ thể
a) Đến năm 2030: 100% hộ dân có cáp quang; 90% người dân dùng dịch vụ công.
(Chi tiết tại Phụ lục kèm theo)
### III. NHIỆM VỤ
1. Triển khai các nhiệm vụ.
""").objectives
    assert [(o.horizon, o.text) for o in found] == [
        (2025, "100% xã có điểm bưu điện văn hóa"),
        (2030, "100% hộ dân có cáp quang"),
        (2030, "90% người dân dùng dịch vụ công"),
    ]


def test_a_top_heading_with_a_year_and_numbered_targets():
    found = objectives_of("""II. MỤC TIÊU, CHỈ TIÊU NĂM 2024
1. 95% hồ sơ được giải quyết đúng hạn.
2. Giảm ít nhất 10% thời gian chờ đợi của người dân.
""")
    assert [facts(o) for o in found] == [(2024, [(95, "%", "=")]), (2024, [(10, "%", ">=")])]


def test_a_general_objective_paragraph_is_one_objective_with_the_year_it_names():
    found = objectives_of("""II. MỤC TIÊU
1. Mục tiêu chung
Xây dựng chính quyền số hiện đại. Phấn đấu đến năm 2030 tỉnh thuộc nhóm dẫn đầu cả nước về dịch vụ công.
2. Mục tiêu cụ thể
- 60% hồ sơ được nộp trực tuyến.
""", header=HEADER.replace(" năm 2024", ""))
    general, specific = found
    assert general.scope == ObjectiveScope.GENERAL and general.horizon == 2030
    assert general.text.startswith("Xây dựng chính quyền số") and general.text.endswith("về dịch vụ công")
    assert specific.scope == ObjectiveScope.SPECIFIC and specific.horizon is None


def test_a_lead_in_sentence_gives_its_own_year():
    found = objectives_of("""II. MỤC TIÊU
Phấn đấu đến năm 2026, toàn tỉnh có ít nhất 03 trung tâm dữ liệu. Đến năm 2028, 100% xã có mạng cáp quang.
""")
    assert [facts(o) for o in found] == [(2026, [(3, "count", ">=")]), (2028, [(100, "%", "=")])]
    assert found[0].text == "Phấn đấu đến năm 2026, toàn tỉnh có ít nhất 03 trung tâm dữ liệu"


def test_targets_joined_by_a_semicolon_are_split_only_when_each_has_a_number():
    found = objectives_of("""II. MỤC TIÊU ĐẾN NĂM 2025
- 100% trường học có kết nối Internet; ít nhất 80% giáo viên sử dụng học liệu số.
- 50% bệnh viện triển khai bệnh án điện tử; từng bước kết nối với cơ sở dữ liệu quốc gia.
""")
    assert [o.text for o in found] == [
        "100% trường học có kết nối Internet",
        "ít nhất 80% giáo viên sử dụng học liệu số",
        "50% bệnh viện triển khai bệnh án điện tử; từng bước kết nối với cơ sở dữ liệu quốc gia",
    ]


def test_a_sentence_listing_several_numbered_targets_gives_one_each():
    found = objectives_of("""II. MỤC TIÊU
- Đến năm 2030, 100% cơ quan báo chí có trang điện tử, 90% cơ quan báo chí có ứng dụng di động, tỷ lệ tin số đạt 70%.
- 100% xã đạt chuẩn, trong đó ít nhất 05 xã đạt chuẩn nâng cao.
""")
    assert [facts(o) for o in found] == [
        (2030, [(100, "%", "=")]),
        (2030, [(90, "%", "=")]),
        (2030, [(70, "%", "=")]),
        (2024, [(100, "%", "="), (5, "count", ">=")]),  # the title's year
    ]


def test_a_lead_in_line_with_sub_bullets_is_not_a_target():
    found = objectives_of("""II. MỤC TIÊU
1. Mục tiêu đến năm 2025
- Các bệnh viện tuyến tỉnh:
+ Triển khai bệnh án điện tử.
+ Thanh toán không dùng tiền mặt đạt 80%.
Các chỉ tiêu theo từng năm như sau:
""")
    assert [o.text for o in found] == ["Triển khai bệnh án điện tử", "Thanh toán không dùng tiền mặt đạt 80%"]
    assert found[0].quantities == []


def test_a_short_title_over_sub_items_groups_them():
    found = objectives_of("""II. MỤC TIÊU ĐẾN NĂM 2025
1. Về hạ tầng số
- 100% thôn có sóng di động 4G.
2. Về nhân lực số
- 80% công chức được tập huấn kỹ năng số.
""")
    assert [o.text for o in found] == ["100% thôn có sóng di động 4G", "80% công chức được tập huấn kỹ năng số"]


def test_a_short_title_over_a_paragraph_is_not_a_target_and_a_year_is_not_a_count():
    found = objectives_of("""II. MỤC TIÊU
1. Mục tiêu tổng quát
Phấn đấu đến năm 2025 tỉnh thuộc nhóm khá về chuyển đổi số.
2. Về nhân lực số
Hằng năm tổ chức từ 05 đến 07 lớp bồi dưỡng kỹ năng số cho công chức.
""")
    assert [(o.scope, o.quantities[:1] and o.quantities[0].value) for o in found] == [
        (ObjectiveScope.GENERAL, []),
        (ObjectiveScope.SPECIFIC, 5),
    ]
    assert found[1].subject == "lớp bồi dưỡng kỹ năng số cho công chức"


def test_ranges_and_baselines():
    (found,) = objectives_of("""II. MỤC TIÊU NĂM 2024
- Thu nhập bình quân tăng từ 8% đến 10% so với năm 2023.
""")
    low, high = found.quantities
    assert (low.value, low.comparator, high.value, high.comparator) == (8, ">=", 10, "<=")
    assert low.kind == "increase" and low.baseline_year == 2023
    assert found.indicator == "Thu nhập bình quân tăng so với năm 2023"


def test_subject_and_indicator():
    share, rate, count = objectives_of("""II. MỤC TIÊU NĂM 2025
- 67% cơ quan báo chí tỉnh đưa nội dung lên các nền tảng số.
- Tỷ lệ hộ gia đình sử dụng nước sạch đạt tối thiểu 70%.
- Có thêm 02 xã đạt chuẩn nông thôn mới kiểu mẫu.
""")
    assert share.subject == "cơ quan báo chí tỉnh"
    assert share.indicator == "cơ quan báo chí tỉnh đưa nội dung lên các nền tảng số"
    assert rate.subject == "hộ gia đình" and rate.indicator == "Tỷ lệ hộ gia đình sử dụng nước sạch"
    assert count.subject == "xã" and count.indicator == "Có thêm xã đạt chuẩn nông thôn mới kiểu mẫu"


def test_provenance_points_at_the_target():
    plan = planparse.parse(HEADER + "II. MỤC TIÊU NĂM 2025\n- 45% doanh nghiệp dùng hóa đơn điện tử.\n" + TASKS)
    (objective,) = plan.objectives
    span = objective.provenance
    assert plan.text[span.start:span.end] == "45% doanh nghiệp dùng hóa đơn điện tử"
    assert plan.text.split("\n")[span.line - 1].endswith("45% doanh nghiệp dùng hóa đơn điện tử.")
    assert all(span.start <= q.start < q.end <= span.end for q in objective.quantities)


def test_quantities_outside_the_objectives_are_kept_apart():
    plan = planparse.parse(HEADER + "II. MỤC TIÊU NĂM 2025\n- 45% doanh nghiệp dùng hóa đơn điện tử.\n" + TASKS)
    assert [q.text for q in plan.quantities] == ["04 lớp"]
    assert [q.text for o in plan.objectives for q in o.quantities] == ["45%"]


def test_a_text_with_no_objectives_part_yields_the_targets_it_states_with_a_horizon():
    report = (
        "Theo kế hoạch, Ủy ban nhân dân tỉnh đặt mục tiêu đến năm 2026: 90% hộ dân được cảnh báo sớm thiên tai; "
        "từ 60% đến 70% xã có đội xung kích. Năm 2023, tỉnh đã tập huấn cho 500 người.\n"
    )
    found = planparse.parse(report).objectives
    assert [facts(o) for o in found] == [(2026, [(90, "%", "=")]), (2026, [(60, "%", ">="), (70, "%", "<=")])]


def test_a_plan_without_targets_has_none():
    assert objectives_of("II. MỤC TIÊU\n1. Nâng cao nhận thức của cán bộ, công chức.\n")[0].quantities == []
    assert planparse.parse("Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm 2023.").objectives == []


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("Triển khai Chiến lược đến năm 2025, định hướng đến năm 2030", 2025),
        ("Xây dựng nông thôn mới giai đoạn 2024 - 2025", 2025),
        ("Cải cách hành chính năm 2024", 2024),
        ("Phòng, chống thiên tai", None),
        ("Thích ứng với biến đổi khí hậu giai đoạn 2021 - 2030, tầm nhìn đến năm 2050", 2030),  # a vision is no horizon
        ("Thực hiện Nghị quyết số 10-NQ/TW của Bộ Chính trị về khoáng sản đến năm 2030", None),  # the cited one's
        (None, None),
    ],
)
def test_title_horizon(title, year):
    assert title_horizon(title) == year


def test_the_title_year_applies_when_no_heading_gives_one():
    (found,) = objectives_of("II. MỤC TIÊU\n- 85% hồ sơ được số hóa.\n")
    assert found.horizon == 2024


def test_facts_view_of_objectives():
    plan = planparse.parse(HEADER + "II. MỤC TIÊU NĂM 2025\n- Giảm ít nhất 1,5% tỷ lệ hộ nghèo.\n" + TASKS)
    assert plan.to_facts()["objectives"] == [
        {"horizon": 2025, "text": "Giảm ít nhất 1,5% tỷ lệ hộ nghèo",
         "quantities": [{"value": 1.5, "unit": "%", "comparator": ">="}]}
    ]


def test_a_markdown_table_of_targets_gives_one_objective_per_row_and_year():
    found = objectives_of("""II. MỤC TIÊU
Các chỉ tiêu chủ yếu:

| STT | Tên chỉ tiêu | ĐVT | Thực hiện năm 2023 | Kế hoạch năm 2024 | Năm 2025 |
|---|---|---|---|---|---|
| 1 | Tỷ lệ hồ sơ nộp trực tuyến | % | 40 | 50 | ≥ 60 |
| 2 | Số xã đạt chuẩn nông thôn mới | xã | 10 | 12 | 15 |
| 3 | Chiều dài đường giao thông được cứng hóa | km | 20 | 35 | |
""")
    assert [(o.horizon, o.text, [(q.value, q.unit, q.comparator) for q in o.quantities]) for o in found] == [
        (2024, "Tỷ lệ hồ sơ nộp trực tuyến", [(50, "%", "=")]),
        (2025, "Tỷ lệ hồ sơ nộp trực tuyến", [(60, "%", ">=")]),
        (2024, "Số xã đạt chuẩn nông thôn mới", [(12, "count", "=")]),
        (2025, "Số xã đạt chuẩn nông thôn mới", [(15, "count", "=")]),
        (2024, "Chiều dài đường giao thông được cứng hóa", [(35, "count", "=")]),
    ]
    assert found[0].subject == "hồ sơ nộp trực tuyến"


def test_a_flattened_table_of_targets_and_a_table_without_years():
    found = objectives_of("""II. MỤC TIÊU
Các chỉ tiêu như sau:
TT
|
Nội dung
|
Đơn vị tính
|
Đến năm 2025
|
Đến năm 2030
|
1
|
Tỷ lệ dân số có hồ sơ sức khỏe điện tử
|
%
|
80
|
95
|
III. BẢNG PHÂN CÔNG
""", tasks="")
    assert [(o.horizon, o.text, o.quantities[0].value) for o in found] == [
        (2025, "Tỷ lệ dân số có hồ sơ sức khỏe điện tử", 80),
        (2030, "Tỷ lệ dân số có hồ sơ sức khỏe điện tử", 95),
    ]
    no_years = "II. MỤC TIÊU NĂM 2025\n| TT | Nội dung | Ghi chú |\n|---|---|---|\n| 1 | Tập huấn | 02 lớp |\n"
    assert objectives_of(no_years) == []


def test_a_table_row_points_back_at_its_indicator_cell():
    table = "| Chỉ tiêu | Năm 2025 |\n|---|---|\n| Tỷ lệ xã có wifi công cộng | 70% |\n"
    plan = planparse.parse(HEADER + "II. MỤC TIÊU\n" + table)
    (objective,) = plan.objectives
    span = objective.provenance
    assert plan.text[span.start:span.start + len(objective.text)] == "Tỷ lệ xã có wifi công cộng"
    q = objective.quantities[0]
    assert plan.text[q.start:q.end] == "70%"


def test_an_aim_without_a_number_is_not_due_by_the_titles_year():
    found = objectives_of("II. MỤC TIÊU\n- Nâng cao năng lực thích ứng của hệ thống tự nhiên.\n"
                          "- 85% hồ sơ được số hóa.\n")
    assert [o.horizon for o in found] == [None, 2024]


def test_an_objectives_part_of_prose_alone_is_one_general_aim():
    found = objectives_of("I. MỤC TIÊU\nNhằm thực hiện đầy đủ Nghị quyết số 10-NQ/TW về khoáng sản đến năm 2030. "
                          "Xác định những nhiệm vụ chủ yếu của các cơ quan.\n")
    assert [(o.scope, o.horizon) for o in found] == [(planparse.ObjectiveScope.GENERAL, None)]


def _stated(text: str) -> list[tuple[int | None, str, list[tuple[float, str, str]]]]:
    return [(o.horizon, o.text, [(q.value, q.unit, q.comparator) for q in o.quantities])
            for o in planparse.parse(text).objectives]


def test_a_report_listing_targets_in_brackets_gives_one_each_with_its_horizon():
    text = ("Tỉnh vừa ban hành kế hoạch chuyển đổi số. Kế hoạch đặt ra 2 mục tiêu đến năm 2026 (100% xã có điểm "
            "phục vụ hành chính công; 70% hồ sơ được xử lý trực tuyến).\n")
    assert _stated(text) == [
        (2026, "100% xã có điểm phục vụ hành chính công", [(100, "%", "=")]),
        (2026, "70% hồ sơ được xử lý trực tuyến", [(70, "%", "=")]),
    ]


def test_one_target_for_two_years_gives_one_per_year():
    text = "Phấn đấu tỷ lệ thanh toán không dùng tiền mặt đạt 40% vào năm 2025 và 55% vào năm 2030.\n"
    assert _stated(text) == [
        (2025, "Phấn đấu tỷ lệ thanh toán không dùng tiền mặt đạt 40% vào năm 2025", [(40, "%", "=")]),
        (2030, "Phấn đấu tỷ lệ thanh toán không dùng tiền mặt đạt 55% vào năm 2030", [(55, "%", "=")]),
    ]


def test_a_rank_to_gain_is_a_target():
    text = "Đến năm 2025, chỉ số năng lực cạnh tranh của tỉnh tăng ít nhất 01 bậc so với năm 2023.\n"
    assert _stated(text) == [(2025, "Đến năm 2025, chỉ số năng lực cạnh tranh của tỉnh tăng ít nhất 01 bậc so với "
                                    "năm 2023", [(1, "count", ">=")])]


def test_targets_inside_a_long_general_aim_begin_at_their_own_words():
    text = ("Mục tiêu chung là phát triển kinh tế số nhanh, bền vững, phấn đấu đến năm 2025 kinh tế số chiếm 20% "
            "GRDP, đến năm 2030 chiếm 30% GRDP.\n")
    assert _stated(text) == [
        (2025, "phấn đấu đến năm 2025 kinh tế số chiếm 20% GRDP", [(20, "%", "=")]),
        (2030, "đến năm 2030 chiếm 30% GRDP", [(30, "%", "=")]),
    ]


def test_a_general_objective_on_its_headings_line_is_one_objective():
    """FACTS: a general objective written as a paragraph is one, its sentences kept together; the heading is no
    part of its text."""
    found = objectives_of("""II. MỤC TIÊU ĐẾN NĂM 2030
1. Mục tiêu tổng quát: Nâng cao năng lực quản trị môi trường. Chủ động phòng ngừa các nguồn thải.
2. Mục tiêu cụ thể: 95% chất thải rắn được thu gom; 100% cụm công nghiệp có hệ thống xử lý nước thải.
""")
    general = [o for o in found if o.scope is ObjectiveScope.GENERAL]
    assert [o.text for o in general] == ["Nâng cao năng lực quản trị môi trường. Chủ động phòng ngừa các nguồn thải"]
    assert [facts(o) for o in found if o.scope is ObjectiveScope.SPECIFIC] == [
        (2030, [(95, "%", "=")]), (2030, [(100, "%", "=")])]


def test_a_long_numbered_title_over_its_targets_is_no_target():
    found = objectives_of("""II. MỤC TIÊU ĐẾN NĂM 2030
2.5. Đẩy mạnh chuyển đổi xanh, phát triển kinh tế tuần hoàn, kinh tế carbon thấp trên địa bàn toàn tỉnh
- Đạt 10% tỷ trọng kinh tế xanh trên GRDP.
- Giảm 9% phát thải khí nhà kính.
""")
    assert [o.text for o in found] == ["Đạt 10% tỷ trọng kinh tế xanh trên GRDP", "Giảm 9% phát thải khí nhà kính"]
