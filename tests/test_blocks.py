"""The blocks the readers give: what a person sees in the file, as paragraphs, tables and columns."""

from __future__ import annotations

import time

import docx
import pytest
from docx.enum.text import WD_BREAK

import formats
import planparse
from planparse.blocks import Columns, Paragraph, Table, TableCell
from planparse.errors import LimitExceededError

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def _tables(source) -> list[Table]:
    return [block for block in source.blocks if isinstance(block, Table)]


def test_a_docx_header_laid_out_as_a_table_is_a_table_of_its_two_cells(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    issuer = table.cell(0, 0).paragraphs[0]
    issuer.add_run("UBND TỈNH X").add_break(WD_BREAK.LINE)  # a soft line break inside the cell
    issuer.add_run("SỞ Y")
    motto = table.cell(0, 1)
    motto.paragraphs[0].text = MOTTO[0]
    motto.add_paragraph(MOTTO[1])
    document.add_heading("KẾ HOẠCH", level=1)
    path = tmp_path / "header.docx"
    document.save(str(path))

    source = planparse.read(path)
    header, title = source.blocks
    assert header == Table(((TableCell(("UBND TỈNH X", "SỞ Y")), TableCell(MOTTO)),), position=0)
    assert header.is_layout
    assert (title.text, title.level, title.style, title.position) == ("KẾ HOẠCH", 1, "Heading 1", 1)
    assert source.text.split("\n")[:2] == [f"UBND TỈNH X | {MOTTO[0]}", f"SỞ Y | {MOTTO[1]}"]


def test_a_docx_annex_table_keeps_its_merged_cells(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "TT"  # vMerge over two rows
    table.cell(0, 1).merge(table.cell(1, 1)).text = "Nhiệm vụ"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Kinh phí (triệu đồng)"  # gridSpan of two columns
    for c, text in [(2, "Ngân sách"), (3, "Khác")]:
        table.cell(1, c).text = text
    for r, row in [(2, ("1", "Rà soát", "100", "20")), (3, ("2", "Kiểm tra", "50", ""))]:
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "annex.docx"
    document.save(str(path))

    [block] = _tables(planparse.read(path))
    assert block.rows[0] == (TableCell(("TT",), rowspan=2), TableCell(("Nhiệm vụ",), rowspan=2),
                             TableCell(("Kinh phí (triệu đồng)",), colspan=2))
    assert block.rows[1] == (TableCell(covered=True), TableCell(covered=True), TableCell(("Ngân sách",)),
                             TableCell(("Khác",)))
    assert [cell.text for cell in block.rows[2]] == ["1", "Rà soát", "100", "20"]
    assert block.width == 4 and not block.is_layout


def test_a_two_column_pdf_header_is_columns_on_page_1(tmp_path):
    text = (f"UBND TỈNH X | {MOTTO[0]}\nSỞ Y | {MOTTO[1]}\n\n"
            "# KẾ HOẠCH\n\nTriển khai chuyển đổi số năm 2024 trên địa bàn tỉnh.\n")
    source = planparse.read(formats.write_pdf(text, tmp_path / "header.pdf"))
    header = source.blocks[0]
    assert isinstance(header, Columns)
    assert (header.left, header.right, header.page) == (("UBND TỈNH X", "SỞ Y"), MOTTO, 1)
    assert [(block.text, block.page) for block in source.blocks[1:3]] == [
        ("KẾ HOẠCH", 1), ("Triển khai chuyển đổi số năm 2024 trên địa bàn tỉnh.", 1)]


def test_html_blocks_have_heading_levels_list_labels_and_cell_spans(tmp_path):
    page = """<html><body><h2>I. MỤC TIÊU</h2><ol type="a"><li>Mục tiêu chung</li><li>Mục tiêu cụ thể</li></ol>
    <table border="1"><tr><th rowspan="2">TT</th><th colspan="2">Kinh phí</th></tr>
    <tr><th>Ngân sách</th><th>Khác</th></tr><tr><td>1</td><td>100</td><td>20</td></tr></table></body></html>"""
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")

    source = planparse.read(path)
    paragraphs = [block for block in source.blocks if isinstance(block, Paragraph)]
    assert [(p.text, p.level, p.label) for p in paragraphs] == [
        ("I. MỤC TIÊU", 2, None), ("Mục tiêu chung", None, "a."), ("Mục tiêu cụ thể", None, "b.")]
    [block] = _tables(source)
    assert block.rows == (
        (TableCell(("TT",), rowspan=2), TableCell(("Kinh phí",), colspan=2)),
        (TableCell(covered=True), TableCell(("Ngân sách",)), TableCell(("Khác",))),
        (TableCell(("1",)), TableCell(("100",)), TableCell(("20",))))
    assert source.text.split("\n")[:3] == ["## I. MỤC TIÊU", "a. Mục tiêu chung", "b. Mục tiêu cụ thể"]


def _read_html(tmp_path, page: str):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    return planparse.read(path)


def test_html_keeps_the_last_run_of_text(tmp_path):
    assert _read_html(tmp_path, "<body><div>Kế hoạch số 12/KH-UBND ngày 05/01/2024</div></body>").text == (
        "Kế hoạch số 12/KH-UBND ngày 05/01/2024")
    signed = _read_html(tmp_path, "<body><div>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH<br>Nguyễn Văn A</div></body>")
    assert signed.text.split("\n") == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]


def test_html_pre_keeps_its_lines(tmp_path):
    tasks = [f"{k}. Nhiệm vụ số {k}" for k in range(1, 38)]
    page = "<body><pre>KẾ HOẠCH\nSố: 12/KH-UBND\r\n\n" + "\n".join(tasks) + "\n</pre></body>"
    assert _read_html(tmp_path, page).text.split("\n") == ["KẾ HOẠCH", "Số: 12/KH-UBND", *tasks]
    inline = "<body><div><p>KẾ HOẠCH</p><pre>1. Rà soát\n2. Kiểm tra</pre>Nơi nhận:</div></body>"
    assert _read_html(tmp_path, inline).text.split("\n") == ["KẾ HOẠCH", "1. Rà soát", "2. Kiểm tra", "Nơi nhận:"]


def _nested(depth: int, text: str = "Kế hoạch số 12/KH-UBND") -> str:
    return "<div>" * depth + text + "</div>" * depth


def test_deep_html_is_read_without_recursion_in_linear_time(tmp_path):
    started = time.monotonic()
    chain = _read_html(tmp_path, f"<body>{_nested(4500)}</body>")  # quadratic before: ~10 s
    branches = _read_html(tmp_path, f"<body>{_nested(4000, 'Kế hoạch')}{_nested(4000, 'Nơi nhận')}</body>")
    assert chain.text == "Kế hoạch số 12/KH-UBND" and branches.text == "Kế hoạch\nNơi nhận"
    assert time.monotonic() - started < 8


def test_html_beyond_the_limits_is_refused_naming_the_limit(tmp_path):
    started = time.monotonic()
    with pytest.raises(LimitExceededError, match="deeper; the limit is 5,000: raise it with --max-depth"):
        _read_html(tmp_path, f"<body>{_nested(100_000)}</body>")
    with pytest.raises(LimitExceededError, match="elements; the limit is 200,000: raise it with --max-elements"):
        _read_html(tmp_path, "<body>" + "<p>Kế hoạch</p>" * 250_000 + "</body>")
    assert time.monotonic() - started < 30


def test_the_html_limits_are_raised_by_their_options(tmp_path):
    """A page beyond a default limit reads when the user raises it, as the error says."""
    from planparse.read.limits import Limits

    path = tmp_path / "deep.html"
    path.write_text(f"<body>{_nested(300)}</body>", encoding="utf-8")
    with pytest.raises(LimitExceededError, match="--max-depth"):
        planparse.read(path, Limits(depth=200))
    assert planparse.read(path, Limits(depth=400)).text == "Kế hoạch số 12/KH-UBND"
    with pytest.raises(LimitExceededError, match="--max-elements"):
        planparse.read(path, Limits(elements=100))


def test_a_plain_text_is_a_paragraph_a_line_and_renders_as_itself(tmp_path):
    text = "KẾ HOẠCH\r\nTriển khai năm 2025\n\n| a | b | c |\n- Sở Y tế chủ trì"
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode("utf-8"))
    source = planparse.read(path)
    lines = text.split("\n")
    assert list(source.blocks) == [Paragraph(line, position=n) for n, line in enumerate(lines, start=1)]
    assert (len(source.blocks), source.blocks[-1], source.blocks[1:3]) == (5, Paragraph(lines[-1], position=5),
                                                                         tuple(source.blocks)[1:3])
    assert source.text == text
    assert source.rendering.line_blocks == (0, 1, 2, 3, 4) and set(source.rendering.line_pages) == {None}
    assert source.rendering.cells == () and source.rendering.table_rows == {}
