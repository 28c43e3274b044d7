"""Tasks and deadlines: what counts as a time limit on work, and the task each one limits."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import CORPUS
from planparse import parse, parse_file

HEAD = "KẾ HOẠCH\nVề chuyển đổi số\n"


def _facts(text: str) -> list[dict]:
    return parse(HEAD + text).to_facts()["deadlines"]


def test_lai_chau_annex_gives_its_eight_task_rows():
    plan = parse_file(CORPUS / "lai-chau-3414-kh-ubnd-2023.txt")
    rows = [t for t in plan.tasks if t.source == "table"]
    assert [t.number for t in rows] == ["1", "2", "3", "4", "5.1", "5.2", "6", "7"]
    assert all(t.lead and t.support and t.output and t.timeframe for t in rows)
    first = rows[0]
    assert (first.lead, first.support, first.output, first.timeframe) == (
        "Các cơ quan báo chí tỉnh", "Sở TTTT; các đơn vị, địa phương có liên quan", "Xây dựng Kế hoạch hàng năm",
        "2023-2025")
    assert rows[4].group == rows[5].group == "Thực hiện quy hoạch báo chí"
    assert rows[4].text == "Theo dõi, đánh giá kết quả triển khai Quy hoạch"
    for task in rows:  # every cell keeps where it came from
        for name, span in task.cells.items():
            value = task.text if name == "text" else getattr(task, name)
            assert plan.text[span.start:span.end] == value
    source = (CORPUS / "lai-chau-3414-kh-ubnd-2023.txt").read_text("utf-8").split("\n")
    assert all(source[t.cells["timeframe"].line - 1] == t.timeframe for t in rows)


def test_each_table_deadline_links_to_its_row():
    plan = parse_file(CORPUS / "lai-chau-3414-kh-ubnd-2023.txt")
    by_row = {plan.tasks[d.task].number: d.time.kind.value for d in plan.deadlines
              if d.task is not None and plan.tasks[d.task].source == "table"}
    assert by_row == {"1": "period", "2": "period", "3": "on_event", "4": "period", "5.1": "on_event",
                      "5.2": "period", "6": "ongoing", "7": "ongoing"}


def test_prose_deadline_links_to_its_duty_and_the_body_heading_over_it():
    plan = parse(HEAD + "I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\na) Theo dõi việc thực hiện Kế hoạch.\n"
                 "b) Báo cáo kết quả trước ngày 15/12/2024.\n2. Sở Tài chính\nBố trí kinh phí thực hiện.\n")
    (deadline,) = plan.deadlines
    task = plan.tasks[deadline.task]
    assert (task.text, task.lead, task.timeframe) == (
        "Báo cáo kết quả trước ngày 15/12/2024.", "Sở Nội vụ", "trước ngày 15/12/2024")
    assert deadline.time.date == dt.date(2024, 12, 15)
    assert plan.text[deadline.provenance.start:deadline.provenance.end] == "trước ngày 15/12/2024"
    assert [t.lead for t in plan.tasks] == ["Sở Nội vụ", "Sở Nội vụ", "Sở Tài chính"]


def test_a_numbered_sentence_with_a_paragraph_under_it_sets_its_own_limit():
    """A công văn's numbered item is its duty whatever follows it: a sentence, not a heading over its text."""
    plan = parse("ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\nSố: 312/UBND-KT\nYên Bái, ngày 15 tháng 9 năm 2026\n"
                 "V/v triển khai Kế hoạch\n1. Các sở, ban, ngành tổ chức nghiên cứu, triển khai thực hiện.\n"
                 "2. Giao Sở Tài chính chủ trì xây dựng dự thảo Kế hoạch, hoàn thành trước ngày 05/10/2026.\n"
                 "Căn cứ ý kiến chỉ đạo, yêu cầu các sở, ngành triển khai thực hiện./.\n")
    (deadline,) = plan.deadlines
    assert (deadline.time.date, plan.tasks[deadline.task].text) == (
        dt.date(2026, 10, 5), "Giao Sở Tài chính chủ trì xây dựng dự thảo Kế hoạch, hoàn thành trước ngày 05/10/2026.")


def test_a_time_column_a_text_dump_wrote_a_cell_a_line_gives_each_value():
    """pdftotext writes a table's columns one after another, a cell a line: under the time column's header alone,
    each line that is a time value and nothing else is a row's limit (FACTS: every value of a time column)."""
    cells = ["TT", "Nhiệm vụ cụ thể", "Cơ quan chủ trì", "Thời hạn thực hiện", "1", "Rà soát văn bản quy phạm.", "2",
             "Xây dựng kế hoạch bảo vệ môi trường giai đoạn 2031 - 2040.", "Sở Tư pháp", "Sở Nông nghiệp và Môi trường",
             "Trước ngày 15/10/2026", "2026 - 2030"]
    text = "II. NHIỆM VỤ\n\n" + "\n\n".join(cells) + "\n"  # pdftotext: a blank line between cells
    found = [(d["kind"], d.get("date"), d.get("start_year"), d.get("end_year")) for d in _facts(text)]
    assert found == [("date", "2026-10-15", None, None), ("period", None, 2026, 2030)]


@pytest.mark.parametrize(("text", "expected"), [
    ("I. TỔ CHỨC THỰC HIỆN\n- Báo cáo trước ngày 25 tháng 11 hàng năm.\n",
     [{"kind": "annual", "month": 11, "day": 25, "text": "trước ngày 25 tháng 11 hàng năm"}]),
    ("I. NHIỆM VỤ\n- Xây dựng kế hoạch, hoàn thành trong quý I/2024.\n",
     [{"kind": "quarter", "year": 2024, "quarter": 1, "text": "hoàn thành trong quý I/2024"}]),
    ("I. NHIỆM VỤ\n- Tổ chức sơ kết vào quý IV/2025.\n",
     [{"kind": "quarter", "year": 2025, "quarter": 4, "text": "vào quý IV/2025"}]),
    ("I. NHIỆM VỤ\n- Đào tạo bác sĩ, hoàn thành trong giai đoạn 2024-2025.\n",
     [{"kind": "period", "start_year": 2024, "end_year": 2025, "text": "hoàn thành trong giai đoạn 2024-2025"}]),
    ("I. TỔ CHỨC THỰC HIỆN\nThời gian thực hiện: giai đoạn 2024 - 2025.\n",
     [{"kind": "period", "start_year": 2024, "end_year": 2025, "text": "giai đoạn 2024 - 2025"}]),
    ("I. TỔ CHỨC THỰC HIỆN\nTiến độ: Thường xuyên.\n", [{"kind": "ongoing", "text": "Thường xuyên"}]),
    ("I. NHIỆM VỤ\n- Vì mục tiêu chung, hướng tới mục tiêu an toàn; hoàn thành rà soát trước ngày 30/6/2025.\n",
     [{"kind": "date", "date": "2025-06-30", "text": "trước ngày 30/6/2025"}]),
    ("I. TỔ CHỨC THỰC HIỆN\n- Hoàn thành di dời trước ngày 30 tháng 6 năm 2025.\n",
     [{"kind": "date", "date": "2025-06-30", "text": "trước ngày 30 tháng 6 năm 2025"}]),
])
def test_prose_deadlines_in_the_facts_view(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    "I. MỤC TIÊU\n1. Mục tiêu đến năm 2025\n- 100% xã đạt chuẩn trong quý IV/2025.\n",  # objectives: horizons
    "Căn cứ Quyết định số 12/QĐ-UBND ngày 15/9/2022 của Ủy ban nhân dân tỉnh;\n",  # a cited document's date
    "I. NHIỆM VỤ\n- Triển khai Chương trình chuyển đổi số giai đoạn 2021 - 2025.\n",  # a programme's name
    "I. NHIỆM VỤ\n- Thường xuyên rà soát, cập nhật dữ liệu.\n",  # an adverb, not a time column
    "I. NHIỆM VỤ\n- Hằng năm, tăng 20% số lượng tin, bài.\n",
    "I. NHIỆM VỤ\n- Rà soát lỗ hổng trước khi đưa hệ thống vào vận hành.\n",
    "I. NHIỆM VỤ\n- Kiểm tra định kỳ hệ thống cấp độ 3.\n",
    "I. KINH PHÍ\nĐối với năm 2023, các đơn vị sử dụng kinh phí đã giao.\n",
    "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n",
    "I. NHIỆM VỤ\n- Chuyển đổi năng lượng hướng tới mục tiêu trung hòa các-bon trước năm 2050.\n",  # a goal's horizon
    # the year an aim is reached is its horizon, not a limit on the work (FACTS: deadlines)
    "I. NHIỆM VỤ\n- Phát triển du lịch, hướng tới xây dựng Sa Pa trở thành khu du lịch xanh vào năm 2030.\n",
])
def test_not_deadlines(text):
    assert _facts(text) == []


@pytest.mark.parametrize(("duty", "expected"), [
    ("- Báo cáo kết quả trước ngày 15/12.", {"kind": "date", "date": "2024-12-15"}),
    ("- Định kỳ báo cáo kết quả trước ngày 15/12.", {"kind": "annual", "month": 12, "day": 15}),
    ("- Hằng năm, báo cáo kết quả trước ngày 15 tháng 12.", {"kind": "annual", "month": 12, "day": 15}),
])
def test_a_day_without_its_year(duty, expected):
    plan = parse("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nSố: 12/KH-UBND\nNinh Bình, ngày 12 tháng 01 năm 2024\n"
                 "KẾ HOẠCH\nVề chuyển đổi số\nI. TỔ CHỨC THỰC HIỆN\n" + duty + "\n")
    (fact,) = plan.to_facts()["deadlines"]
    assert {k: v for k, v in fact.items() if k != "text"} == expected


def test_month_and_recurring_limits_in_the_facts_view_a_duration_only_in_the_model():
    plan = parse(HEAD + "I. NHIỆM VỤ\n- Báo cáo định kỳ 6 tháng; trình phê duyệt trong vòng 30 ngày kể từ ngày ký;"
                 " hoàn thành trong tháng 6/2024.\n")
    assert [d.time.kind.value for d in plan.deadlines] == ["periodic", "duration", "month"]
    assert [{k: v for k, v in f.items() if k != "text"} for f in plan.to_facts()["deadlines"]] == [
        {"kind": "recurring", "every": "half_year", "day": None}, {"kind": "month", "year": 2024, "month": 6}]
    assert {d.task for d in plan.deadlines} == {0}


@pytest.mark.parametrize(("text", "expected"), [
    ("I. TỔ CHỨC THỰC HIỆN\n- Các sở báo cáo kết quả trước ngày 05 hằng tháng.\n",
     {"kind": "recurring", "every": "month", "day": 5}),
    ("I. TỔ CHỨC THỰC HIỆN\n- Sở Nội vụ tổng hợp, báo cáo định kỳ hằng quý.\n",
     {"kind": "recurring", "every": "quarter", "day": None}),
    ("I. TỔ CHỨC THỰC HIỆN\n- Văn phòng tổng hợp tình hình, báo cáo định kỳ hằng tuần.\n",
     {"kind": "recurring", "every": "week", "day": None}),
    ("I. TỔ CHỨC THỰC HIỆN\n- Công an tỉnh báo cáo trước 11 giờ ngày thứ 5 hằng tuần.\n",
     {"kind": "recurring", "every": "week", "day": None}),  # a day of the week, not of the month
    ("I. NHIỆM VỤ\n- Ban hành quy chế, chậm nhất trong tháng 6/2026.\n", {"kind": "month", "year": 2026, "month": 6}),
    ("I. NHIỆM VỤ\n- Hoàn thành việc sắp xếp trong năm 2026.\n",
     {"kind": "period", "start_year": 2026, "end_year": 2026}),
    ("I. NHIỆM VỤ\n- Hoàn thành việc số hóa vào năm 2025.\n",  # a limit word with it: a limit
     {"kind": "period", "start_year": 2025, "end_year": 2025}),
    ("I. NHIỆM VỤ\n- Hoàn thành việc số hóa trước năm 2025.\n",
     {"kind": "period", "start_year": None, "end_year": 2025}),
    ("I. NHIỆM VỤ\n- Trình Quốc hội tại kỳ họp cuối năm 2023.\n",
     {"kind": "period", "start_year": 2023, "end_year": 2023}),
    # work due at once upon an event; an event the text dates is due by its date
    ("I. NHIỆM VỤ\n- Tổ chức phổ biến ngay sau khi các văn bản được ban hành.\n", {"kind": "on_event"}),
    ("I. NHIỆM VỤ\n- Ban hành văn bản hướng dẫn ngay sau khi Luật Khoáng sản (sửa đổi) ban hành trong năm 2024.\n",
     {"kind": "period", "start_year": 2024, "end_year": 2024}),
])
def test_limits_running_text_sets(text, expected):
    (fact,) = _facts(text)
    assert {k: v for k, v in fact.items() if k != "text"} == expected


@pytest.mark.parametrize("text", [
    "I. NHIỆM VỤ\n- Tổ chức giao ban hằng tháng giữa các đơn vị.\n",  # how often, not a limit
    "I. NHIỆM VỤ\n- Thường xuyên rà soát, cập nhật dữ liệu hằng quý.\n",
])
def test_a_frequency_inside_a_sentence_sets_no_limit(text):
    assert _facts(text) == []


def test_a_yearly_repeat_pinned_to_a_day_is_one_annual_limit():
    facts = _facts("I. TỔ CHỨC THỰC HIỆN\n- Các bộ định kỳ hằng năm báo cáo tình hình thực hiện, "
                   "gửi Bộ Tài nguyên và Môi trường trước ngày 25 tháng 12.\n")
    assert [(f["kind"], f["month"], f["day"]) for f in facts] == [("annual", 12, 25)]


def test_time_cells_of_a_task_table_one_limit_per_row():
    plan = parse(HEAD + "PHỤ LỤC\n| TT | Nhiệm vụ | Chủ trì | Thời gian thực hiện |\n|---|---|---|---|\n"
                 "| 1 | Tổ chức hội nghị | Cục Lâm nghiệp và Kiểm lâm | Quý III, IV/2026 |\n"
                 "| 2 | Xây dựng cơ sở dữ liệu | Cục Lâm nghiệp và Kiểm lâm | Quý IV/2026, 2027 |\n"
                 "| 3 | Ban hành và kiểm tra | Sở Nội vụ | Ban hành trong tháng 01/2026, kiểm tra chậm nhất trong "
                 "tháng 6/2026 |\n"
                 "| 4 | Tuyên truyền | Sở Nội vụ | Theo kế hoạch của tỉnh |\n")
    assert [{k: v for k, v in f.items() if k != "text"} for f in plan.to_facts()["deadlines"]] == [
        {"kind": "quarter", "year": 2026, "quarter": 4}, {"kind": "period", "start_year": 2026, "end_year": 2027},
        {"kind": "month", "year": 2026, "month": 1}, {"kind": "month", "year": 2026, "month": 6},
        {"kind": "on_event"}]


def test_a_yearly_cell_with_a_day_is_an_annual_day():
    plan = parse(HEAD + "PHỤ LỤC\n| TT | Nhiệm vụ | Chủ trì | Thời hạn |\n|---|---|---|---|\n"
                 "| 1 | Báo cáo kết quả | Sở Nội vụ | Hằng năm, trước ngày 15/12 |\n")
    assert [(f["kind"], f["month"], f["day"]) for f in plan.to_facts()["deadlines"]] == [("annual", 12, 15)]


def test_deadline_in_a_table_cell_is_counted_once():
    plan = parse(HEAD + "PHỤ LỤC\nTT | Nhiệm vụ | Chủ trì | Thời gian hoàn thành\n"
                 "1 | Tổ chức hội thi | Sở Nội vụ | Trước ngày 30/11/2024\n")
    assert plan.to_facts()["deadlines"] == [{"kind": "date", "date": "2024-11-30", "text": "Trước ngày 30/11/2024"}]


def test_time_labels_are_sought_on_the_lines_of_their_colon_as_in_the_whole_text():
    """Only the lines holding a colon are searched for a time label; they give what a search of the whole text
    gives, a label whose words a line break parts included."""
    from planparse.extract.tasks import _labels, _time_label, _time_opens
    from planparse.lang.scan import find
    texts = ["Thời gian thực hiện: 2025\n- Tiến độ: Quý II/2026; lộ trình: 2027",
             "Nhiệm vụ thời gian:\nThời gian thực hiện: 2025\nThời hạn: trước ngày 15/12/2025",
             "1. Rà soát\nThời\ngian thực hiện: năm 2025\nThời   hạn\n\n hoàn thành: 2026",
             "Lộ trình thực hiện (dự kiến): 2026 - 2030; Tiến\nđộ: tháng 6/2026"]
    for text in [*texts, *(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt")))]:
        assert [m.span() for m in _labels(text)] == [m.span() for m in find(_time_label(), _time_opens(), text)]
    assert [m["value"] for m in _labels(texts[2])] == ["năm 2025"]
