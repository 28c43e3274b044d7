"""The format readers one by one: what a person sees in the file is what the reader gives."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import formats
import planparse
from conftest import corpus_documents
from planparse.blocks import Table
from planparse.clean import clean, unfold_columns

# --- DOCX ----------------------------------------------------------------------------------------------------


def _numbered_docx(path, items: list[tuple[int, str]], levels: list[tuple[str, str]], start: int = 1):
    """A DOCX whose paragraphs (level, text) are numbered by one multi-level list."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start if i == 0 else 1}"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    numbering.find(f"{{{numbering.nsmap['w']}}}num").addprevious(
        parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    for level, text in items:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))
    document.save(str(path))
    return path


def test_docx_numbering_is_written_as_the_reader_sees_it(tmp_path):
    items = [(0, "MỤC TIÊU"), (1, "Mục tiêu chung"), (1, "Mục tiêu cụ thể"), (2, "đến năm 2025"),
             (2, "đến năm 2030"), (0, "NHIỆM VỤ"), (1, "Chuyển đổi số"), (2, "hạ tầng")]
    path = _numbered_docx(tmp_path / "list.docx", items,
                          [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")], start=2)
    lines = planparse.read(path).text.split("\n")
    assert lines == ["II. MỤC TIÊU", "1. Mục tiêu chung", "2. Mục tiêu cụ thể", "a) đến năm 2025",
                     "b) đến năm 2030", "III. NHIỆM VỤ", "1. Chuyển đổi số", "a) hạ tầng"]


def test_docx_decimal_labels_carry_the_levels_above(tmp_path):
    path = _numbered_docx(tmp_path / "decimal.docx", [(0, "Mục đích"), (1, "Yêu cầu"), (1, "Phạm vi"), (0, "Nội dung")],
                          [("decimal", "%1."), ("decimal", "%1.%2.")])
    assert planparse.read(path).text.split("\n") == ["1. Mục đích", "1.1. Yêu cầu", "1.2. Phạm vi", "2. Nội dung"]


def test_docx_bullets_headings_and_merged_cells(tmp_path):
    document = docx.Document()
    document.add_heading("KẾ HOẠCH", level=1)
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["TT", "Nhiệm vụ", "Chủ trì"], strict=True):
        cell.text = text
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Rà soát | cập nhật"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Sở Nội vụ"
    table.cell(2, 0).text = "2"
    table.cell(2, 1).add_paragraph("Kiểm tra")
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert planparse.read(path).text.split("\n") == [
        "# KẾ HOẠCH", "| TT | Nhiệm vụ | Chủ trì |", "|---|---|---|", "| 1 | Rà soát \\| cập nhật | Sở Nội vụ |",
        "| 2 | Kiểm tra | |"]


def test_docx_text_is_what_word_shows_of_runs_links_tabs_and_breaks(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Điều 1.\tBan hành kèm theo ")
    paragraph._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="rId99"><w:r><w:t>Quyết định</w:t></w:r>'
                                  f'<w:r><w:t xml:space="preserve"> số 12</w:t></w:r></w:hyperlink>'))
    run = paragraph.add_run("ngày 3")
    run.add_break()  # a line break: a new line of the paragraph
    run.add_text("tháng 4")
    run.add_break(docx.enum.text.WD_BREAK.PAGE)  # a page break: no text
    run.add_text("năm 2025")
    path = tmp_path / "runs.docx"
    document.save(str(path))
    assert planparse.read(path).text.split("\n") == [
        "Điều 1. Ban hành kèm theo Quyết định số 12ngày 3", "tháng 4năm 2025"]


def test_docx_numbering_is_used_by_the_writer(tmp_path):
    doc = next(d for d in corpus_documents() if "soc-trang" in d.name)
    path = formats.write_docx(doc.read_text("utf-8"), tmp_path / "plan.docx")
    raw = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "II. MỤC TIÊU" not in raw and "II. MỤC TIÊU" in planparse.read(path).text


# --- HTML ----------------------------------------------------------------------------------------------------


def test_html_site_chrome_is_dropped_and_lists_numbered(tmp_path):
    page = """<html><head><meta charset="utf-8"><title>x</title><script>var a = "Số: 1/KH";</script></head>
    <body><nav><a href="/">Trang chủ</a> <a href="/vb">Văn bản</a></nav>
    <div id="wrap"><div class="left"><ul><li><a href="/1">Quyết định số 9/QĐ-UBND ngày 1/1/2024</a></li>
    <li><a href="/2">Kế hoạch số 8/KH-UBND</a></li></ul></div>
    <div class="content"><p>KẾ HOẠCH<br>Về chuyển đổi số</p><ol type="I"><li>MỤC ĐÍCH</li><li>MỤC TIÊU</li></ol>
    <p>Căn cứ <b>Quyết định số 348/QĐ-TTg</b> ngày 06/4/2023 của Thủ tướng Chính phủ về việc phê duyệt
    Chiến lược chuyển đổi số báo chí đến năm 2025, định hướng đến năm 2030.</p></div></div>
    <footer>Bản quyền thuộc Cổng thông tin điện tử tỉnh</footer></body></html>"""
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("utf-8"))
    text = planparse.read(path).text
    assert text.split("\n")[:4] == ["KẾ HOẠCH", "Về chuyển đổi số", "I. MỤC ĐÍCH", "II. MỤC TIÊU"]
    assert "Căn cứ Quyết định số 348/QĐ-TTg ngày 06/4/2023" in text
    for chrome in ("Trang chủ", "9/QĐ-UBND", "8/KH-UBND", "Bản quyền", "var a"):
        assert chrome not in text


def test_html_layout_tables_give_two_columns(tmp_path):
    page = ("<html><body><table><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH NINH BÌNH</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            "<br>Độc lập - Tự do - Hạnh phúc</td></tr></table><p>KẾ HOẠCH</p></body></html>")
    path = tmp_path / "header.html"
    path.write_text(page, encoding="utf-8")
    assert clean(planparse.read(path).text).text.split("\n")[:4] == [
        "ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


# --- PDF -----------------------------------------------------------------------------------------------------


def test_a_pdf_table_over_pages_is_one_table(tmp_path):
    rows = [f"{k} | Nhiệm vụ số {k} của kế hoạch | Sở Nội vụ | Quý {k % 4 + 1}/2024" for k in range(1, 121)]
    text = "KẾ HOẠCH\n\nTT | Nhiệm vụ | Chủ trì | Thời gian\n" + "\n".join(rows) + "\n\nKết thúc.\n"
    source = planparse.read(formats.write_pdf(text, tmp_path / "long.pdf"))
    lines = source.text.split("\n")
    table = [line for line in lines if line.startswith("|")]
    assert table[0] == "| TT | Nhiệm vụ | Chủ trì | Thời gian |"
    assert len(table) == 2 + 120 and table.count(table[0]) == 1
    assert [line.split(" | ")[0] for line in table[2:]] == [f"| {k}" for k in range(1, 121)]
    pages = [source.rendering.line_pages[lines.index(row)] for row in table]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3}
    [block] = [block for block in source.blocks if isinstance(block, Table)]
    assert len(block.rows) == 121 and not block.is_layout and block.row_pages == (1, *pages[2:])


# --- sniffing and the text cleaner ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_the_format_comes_from_the_content_not_the_name(tmp_path, fmt):
    doc = corpus_documents()[0]
    path = getattr(formats, f"write_{fmt}")(doc.read_text("utf-8"), tmp_path / f"x.{fmt}")
    renamed = path.rename(tmp_path / "download")
    source = planparse.read(renamed)
    assert source.info.format == fmt
    assert planparse.parse_file(renamed).document.number == planparse.parse_file(doc).document.number


def test_pipe_tables_are_left_alone_by_the_cleaner():
    table = ["| TT | Nhiệm vụ | Chủ trì |", "|---|---|---|", "| 1 | Rà soát \\| cập nhật | Sở Nội vụ |",
             "| 2 | Kiểm tra | |", "| a | b |", "|---|---|"]
    assert [line for _, line, _, _ in unfold_columns([(k, line, 0, None) for k, line in enumerate(table, 1)])] == table
    cleaned = clean("KẾ HOẠCH\n" + "\n".join(table) + "\nsau bảng\n").text.split("\n")
    assert cleaned[1:1 + len(table)] == table


@pytest.mark.parametrize(("name", "number", "date"), [("to-trinh-so-tu-phap.pdf", "85/TTr-STP", "2026-04-03"),
                                                      ("cv-gui-cac-bo-tinh-ve-viec-bo-sung-so-lieu-1.pdf",
                                                       "5816/BNV-CCHC", "2025-07-31")])
def test_the_number_and_day_stamped_on_a_signed_pdf_fill_their_blanks(realworld, name, number, date):
    """E-office systems stamp the number and day into the blanks (``Số: /TTr-STP``, ``ngày tháng 4``) as
    annotations after signing; they are read in their lines."""
    document = planparse.parse_file(realworld / name).document
    assert (document.number, document.date.isoformat()) == (number, date)


def test_a_signature_box_drawn_apart_from_the_lines_stays_out_of_the_text(realworld):
    text = planparse.read(realworld / "58-cd-vpcp-10012026-2-signed.pdf").text
    assert "Cơquanpháthành" not in text
