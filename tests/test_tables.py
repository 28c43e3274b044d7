"""Tables in every form they reach the cleaned text, and the task rows read from them."""

from __future__ import annotations

import pytest

from planparse import parse
from planparse.clean import clean
from planparse.tables import find_tables
from planparse.extract.tasks import columns, table_tasks

HEAD = "KẾ HOẠCH\nVề chuyển đổi số\nI. NHIỆM VỤ\n1. Triển khai nhiệm vụ.\nPHỤ LỤC\n"


def _tables(raw: str):
    cleaned = clean(raw)
    return cleaned, find_tables(cleaned.text)


def _rows(table):
    return [[c.text for c in row] for row in table.rows]


def test_markdown_table_with_rule():
    _, tables = _tables(
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn hoàn thành |\n"
        "|:---:|---|---|:---:|\n"
        "| 1 | Ban hành quy chế | Sở Nội vụ | Quý II/2024 |\n"
        "| 2 | Kiểm tra công vụ | Sở Nội vụ | Thường xuyên |\n"
    )
    (table,) = tables
    assert [c.text for c in table.header] == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành"]
    assert _rows(table) == [["1", "Ban hành quy chế", "Sở Nội vụ", "Quý II/2024"],
                            ["2", "Kiểm tra công vụ", "Sở Nội vụ", "Thường xuyên"]]


def test_bare_pipe_rows_keep_one_row_a_line():
    cleaned, tables = _tables(
        "TT | Nhiệm vụ | Chủ trì | Tiến độ\n"
        "1 | Xây dựng sàn thương mại điện tử | Sở Công Thương | Trước ngày 31/12/2025\n"
        "2 | Đào tạo kỹ năng | Sở Công Thương | Hằng năm\n"
        "Trên đây là Kế hoạch.\n"
    )
    (table,) = tables
    assert _rows(table)[1] == ["2", "Đào tạo kỹ năng", "Sở Công Thương", "Hằng năm"]
    assert "Trên đây" not in cleaned.text[table.start:table.end]


def test_flattened_table_each_cell_closed_by_a_lone_pipe():
    raw = ("TT\n|\nNhiệm vụ\n|\nĐơn vị chủ trì\n|\nPhối hợp\n|\nSản phẩm\n|\nThời gian thực hiện\n|\n"
           "1\n|\nTập huấn cán bộ\n|\nSở Nội vụ\n|\nCác sở\n|\nLớp tập huấn\n|\n2024-2025\n|\n"
           "2\n|\nRà soát thủ tục\n|\nVăn phòng\n|\n|\nBáo cáo\n|\nQuý III/2024\n|\n")
    cleaned, tables = _tables(raw)
    (table,) = tables
    assert len(table.header) == 6
    assert _rows(table) == [["1", "Tập huấn cán bộ", "Sở Nội vụ", "Các sở", "Lớp tập huấn", "2024-2025"],
                            ["2", "Rà soát thủ tục", "Văn phòng", "", "Báo cáo", "Quý III/2024"]]
    cell = table.rows[1][5]
    assert cleaned.text[cell.start:cell.end] == "Quý III/2024"
    assert cleaned.line_of(cell.start) == raw.split("\n").index("Quý III/2024") + 1


def test_flattened_cells_that_wrap_are_joined_by_the_cleaner():
    raw = ("TT\n|\nNhiệm vụ\n|\nChủ trì\n|\nThời gian thực hiện\n|\n"
           "1\n|\nPhát triển các sản phẩm báo\nchí số của tỉnh\n|\nSở TTTT\n|\n2023-2025\n|\n")
    _, (table,) = _tables(raw)
    assert table.rows[0][1].text == "Phát triển các sản phẩm báo chí số của tỉnh"


def test_pipe_row_that_wraps_runs_on_until_it_is_as_wide_as_the_header():
    _, (table,) = _tables(
        "| TT | Nhiệm vụ | Chủ trì | Thời hạn |\n"
        "|---|---|---|---|\n"
        "| 1 | Xây dựng cơ sở dữ liệu\n"
        "ngành giáo dục | Sở GD&ĐT | Quý IV/2024 |\n"
        "| 2 | Số hóa học bạ | Sở GD&ĐT | 2024-2025 |\n"
    )
    assert _rows(table) == [["1", "Xây dựng cơ sở dữ liệu ngành giáo dục", "Sở GD&ĐT", "Quý IV/2024"],
                            ["2", "Số hóa học bạ", "Sở GD&ĐT", "2024-2025"]]


def test_escaped_pipe_stays_in_its_cell_and_short_rows_are_padded():
    _, (table,) = _tables("| TT | Nhiệm vụ | Chủ trì |\n|---|---|---|\n| 1 | Cổng A \\| B |\n| 2 | C | D |\n")
    assert _rows(table) == [["1", "Cổng A | B", ""], ["2", "C", "D"]]


def test_header_of_a_document_dumped_in_two_columns_is_no_table():
    raw = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 12/KH-UBND\n|\n"
           "Lai Châu, ngày 08 tháng 9 năm 2023\n|\nKẾ HOẠCH\n")
    assert _tables(raw)[1] == []


@pytest.mark.parametrize(("header", "expected"), [
    (["TT", "Nhiệm vụ, giải pháp", "Chủ trì", "Phối hợp", "Kết quả sản phẩm", "Thời gian thực hiện"],
     {"number": 0, "task": 1, "lead": 2, "support": 3, "output": 4, "timeframe": 5}),
    (["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời hạn hoàn thành"],
     {"number": 0, "task": 1, "lead": 2, "support": 3, "output": 4, "timeframe": 5}),
    (["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Tiến độ"],
     {"number": 0, "task": 1, "lead": 2, "support": 3, "timeframe": 4}),
])
def test_header_synonyms_name_the_columns(header, expected):
    raw = " | ".join(header) + "\n" + " | ".join(str(i) for i in range(1, len(header) + 1)) + "\n"
    _, (table,) = _tables(raw)
    assert columns(table.header) == expected


def test_a_table_of_targets_gives_no_tasks():
    cleaned, (table,) = _tables("| TT | Chỉ tiêu | Năm 2024 | Năm 2025 |\n|---|---|---|---|\n| 1 | Tỷ lệ | 60 | 75 |\n")
    assert table_tasks(table, lambda start, end: None) == []


def test_group_rows_head_their_sub_rows_and_are_no_tasks():
    plan = parse(HEAD + (
        "| TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| I | Cải cách thể chế | | | |\n"
        "| 1 | Rà soát văn bản | Sở Tư pháp | Các sở | Quý II/2024 |\n"
        "| 2 | Thực hiện quy hoạch | | | |\n"
        "| 2.1 | Theo dõi quy hoạch | Sở Xây dựng | | Thường xuyên |\n"
        "| 2.2 | Báo cáo quy hoạch | Sở Xây dựng | Các huyện | Khi có yêu cầu |\n"
        "| 3 | Kiểm tra | Sở Nội vụ | | 2024-2025 |\n"
    ))
    rows = [t for t in plan.tasks if t.source == "table"]
    assert [(t.number, t.group) for t in rows] == [
        ("1", "Cải cách thể chế"), ("2.1", "Thực hiện quy hoạch"), ("2.2", "Thực hiện quy hoạch"),
        ("3", "Cải cách thể chế")]
    assert rows[1].support is None and rows[2].support == "Các huyện"
    assert [d.time.kind.value for d in plan.deadlines] == ["quarter", "ongoing", "on_event", "period"]
    assert [plan.tasks[d.task].number for d in plan.deadlines] == ["1", "2.1", "2.2", "3"]


def test_a_two_level_header_and_numbered_group_rows_of_a_bare_pipe_table():
    _, (table,) = _tables(
        "Thời gian | Nội dung công việc | Cơ quan quản lý | Thực hiện\n"
        " |  |  | Đơn vị chủ trì | Đơn vị phối hợp\n"
        "I | GIAI ĐOẠN 1: LẬP NHIỆM VỤ\n"
        "1 | Lập nhiệm vụ quy hoạch\n"
        "10-11/2019 | Xây dựng khung định hướng | Cơ quan lập quy hoạch | Ban Quản lý quy hoạch | - Vụ Pháp chế\n"
        " | Lấy ý kiến các Bộ | Cơ quan lập quy hoạch | Vụ Vật liệu xây dựng | - Văn phòng Bộ\n"
    )
    assert [c.text for c in table.header] == ["Thời gian", "Nội dung công việc", "Cơ quan quản lý",
                                              "Đơn vị chủ trì", "Đơn vị phối hợp"]
    assert _rows(table) == [
        ["I", "GIAI ĐOẠN 1: LẬP NHIỆM VỤ", "", "", ""], ["1", "Lập nhiệm vụ quy hoạch", "", "", ""],
        ["10-11/2019", "Xây dựng khung định hướng", "Cơ quan lập quy hoạch", "Ban Quản lý quy hoạch", "- Vụ Pháp chế"],
        ["", "Lấy ý kiến các Bộ", "Cơ quan lập quy hoạch", "Vụ Vật liệu xây dựng", "- Văn phòng Bộ"]]


def test_a_markdown_header_over_rows_written_one_cell_a_line():
    _, tables = _tables(
        "| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |\n| --- | --- | --- | --- |\n"
        "Thời gian thực hiện\n1\nTổ chức tuyên truyền\na)\nTổ chức Hội nghị phổ biến.\nCục Lâm nghiệp và Kiểm lâm\n"
        "Vụ Pháp chế; các cơ quan, đơn vị có liên quan\nQuý III, IV/2026\nb)\nXây dựng Thông tư.\n"
        "Cục Lâm nghiệp và Kiểm lâm\nVụ Pháp chế\nQuý III/2026\n")
    (table,) = tables
    assert [c.text for c in table.header][-1] == "Thời gian thực hiện"
    assert _rows(table) == [
        ["1", "Tổ chức tuyên truyền", "", "", ""],
        ["a)", "Tổ chức Hội nghị phổ biến.", "Cục Lâm nghiệp và Kiểm lâm",
         "Vụ Pháp chế; các cơ quan, đơn vị có liên quan", "Quý III, IV/2026"],
        ["b)", "Xây dựng Thông tư.", "Cục Lâm nghiệp và Kiểm lâm", "Vụ Pháp chế", "Quý III/2026"]]


ONE_CELL_A_LINE = "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n| --- | --- | --- | --- | --- |\n"


def test_cells_of_a_row_written_one_a_line_take_the_lines_written_after_the_row_in_order():
    # a PDF copy writes each cell's first line in turn, then the cells' further lines after the row's last cell
    raw = (ONE_CELL_A_LINE + "1\nXây dựng cơ sở dữ liệu về dân cư và\nSở Tư pháp, Cục\nVụ Tổ chức cán bộ; Văn phòng Bộ\n"
           "Quý II/2025\nđất đai của tỉnh.\nThống kê tỉnh\n2\nTập huấn cán bộ.\nSở Nội vụ\nCác sở, ngành\nNăm 2025\n")
    cleaned, (table,) = _tables(raw)
    assert _rows(table) == [
        ["1", "Xây dựng cơ sở dữ liệu về dân cư và đất đai của tỉnh.", "Sở Tư pháp, Cục Thống kê tỉnh",
         "Vụ Tổ chức cán bộ; Văn phòng Bộ", "Quý II/2025"],
        ["2", "Tập huấn cán bộ.", "Sở Nội vụ", "Các sở, ngành", "Năm 2025"]]
    tail = cleaned.text.index("Thống kê tỉnh")
    assert cleaned.line_of(tail) == raw.split("\n").index("Thống kê tỉnh") + 1


def test_a_cell_left_on_a_head_noun_does_not_run_on_into_a_line_that_names_a_body_of_its_own():
    _, (table,) = _tables(ONE_CELL_A_LINE + "1\nTập huấn cán bộ.\nViện Chiến lược, Cục\nSở Tài chính\nNăm 2025\n"
                                            "Quản lý giá\n")
    assert _rows(table) == [["1", "Tập huấn cán bộ.", "Viện Chiến lược, Cục Quản lý giá", "Sở Tài chính", "Năm 2025"]]


def test_a_line_in_lower_case_continues_the_cell_before_it_in_a_row_written_one_cell_a_line():
    _, (table,) = _tables(ONE_CELL_A_LINE + "1\nTập huấn cán bộ\ncấp xã.\nSở Nội vụ\nCác sở\nNăm 2025\n")
    assert _rows(table) == [["1", "Tập huấn cán bộ cấp xã.", "Sở Nội vụ", "Các sở", "Năm 2025"]]


def test_a_plan_whose_task_table_wraps_after_its_rows_keeps_each_rows_bodies_and_deadline():
    plan = parse(HEAD + ONE_CELL_A_LINE + "1\nXây dựng cơ sở dữ liệu về dân cư và\nSở Tư pháp, Cục\n"
                 "Vụ Tổ chức cán bộ\nQuý IV/2025, 2026\nđất đai của tỉnh.\nThống kê tỉnh\n")
    facts = plan.to_facts()
    assert {(a["body"], a["role"]) for a in facts["assignments"]} >= {
        ("Sở Tư pháp", "lead"), ("Cục Thống kê tỉnh", "lead"), ("Vụ Tổ chức cán bộ", "support")}
    assert [(d["kind"], d["start_year"], d["end_year"]) for d in facts["deadlines"]] == [("period", 2025, 2026)]
