"""OCR: scanned plans read into their facts, real scans and broken text layers read as Vietnamese.

OCR takes seconds a page: these tests read few pages (corpus plans of two to four pages, real files of
one or two)."""

from __future__ import annotations

import pytest

import formats
import planparse
from conftest import CORPUS
from planparse import MissingProgramError, NeedsOCRError
from planparse.read import ocr
from planparse.read.textlayer import share
from test_formats import facts_f1

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SCANS = [("nghe-an-2024-phong-chong-thien-tai", 300, 0.0), ("soc-trang-2024-y-te-co-so", 200, 1.5)]


@pytest.mark.parametrize(("stem", "dpi", "skew"), SCANS, ids=[f"{s}-{d}dpi-{k}deg" for s, d, k in SCANS])
def test_a_scanned_plan_gives_the_facts_of_its_text(scorer, tmp_path, stem, dpi, skew):
    text_plan = planparse.parse_file(CORPUS / f"{stem}.txt")
    scan = formats.write_scan((CORPUS / f"{stem}.txt").read_text("utf-8"), tmp_path / "scan.pdf", dpi, skew)
    pages: list[tuple[int, int]] = []
    plan = planparse.parse_file(scan, progress=lambda done, total: pages.append((done, total)))
    f1, misses = facts_f1(scorer, text_plan.to_facts(), plan.to_facts())
    assert f1 >= 0.9, misses
    total = pages[-1][1]
    assert pages == [(n, total) for n in range(1, total + 1)] and total >= 2  # the bar counts every page
    assert {ref.provenance.page for ref in plan.references} <= set(range(1, total + 1))
    assert plan.references[0].provenance.page == 1


IMAGES = [("scan.tif", 300), ("scan.png", 300), ("photo.jpg", None)]


@pytest.mark.parametrize(("name", "dpi"), IMAGES, ids=[name for name, _ in IMAGES])
def test_an_image_of_a_plans_pages_gives_the_facts_of_its_text(scorer, tmp_path, name, dpi):
    """A scanner's multi-page TIFF, one page as PNG, a photo's JPEG that states no resolution."""
    stem = "nghe-an-2024-phong-chong-thien-tai"
    text_plan = planparse.parse_file(CORPUS / f"{stem}.txt")
    image = formats.write_page_images((CORPUS / f"{stem}.txt").read_text("utf-8"), tmp_path / name, dpi)
    pages: list[tuple[int, int]] = []
    plan = planparse.parse_file(image, progress=lambda done, total: pages.append((done, total)))
    assert plan.source.format == "image"
    header = ("type", "number", "date", "place", "issuer")  # on the first page
    assert [plan.to_facts()["document"][k] for k in header] == [text_plan.to_facts()["document"][k] for k in header]
    if name.endswith(".tif"):  # every page: the whole plan
        assert pages[-1][0] == pages[-1][1] >= 2
        f1, misses = facts_f1(scorer, text_plan.to_facts(), plan.to_facts())
        assert f1 >= 0.9, misses
        assert {a.body.provenance.page for a in plan.assignments} >= {2}


def test_an_image_is_not_read_without_ocr(tmp_path):
    image = formats.write_page_images("KẾ HOẠCH\nChuyển đổi số", tmp_path / "scan.png")
    with pytest.raises(NeedsOCRError, match="scan.png.*--ocr auto"):
        planparse.parse_file(image, ocr="never")


def test_a_real_scan_gives_its_number_and_date(realworld):
    plan = planparse.parse_file(realworld / "1-cv-xin-phep-dai-hoi.pdf")  # a Tờ trình scanned, no text layer
    assert (plan.document.number, plan.document.date.isoformat()) == ("310/HHDN-K4", "2025-05-14")
    assert MOTTO in plan.text and share(plan.text) >= 0.85
    cited = {ref.number: ref.provenance.page for ref in plan.references}
    assert cited["2207/QĐ-UBND"] == 1


BROKEN = {"298-pc04.pdf": ("BỘ CÔNG AN", "CÔNG AN TỈNH", "TỜ TRÌNH", "Kính gửi"),
          "294-ttr.pdf": ("SỞ NỘI VỤ", "TỜ TRÌNH", "Kính gửi", "Nơi nhận")}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_text_layer_reads_as_vietnamese(realworld, name):
    """298-pc04: a legacy font encoding (CØNG HOÀ XÃ HØI); 294-ttr: a scanner's poor OCR layer
    (r.rBND TiNH r-Av ooNc). Neither is taken for TCVN3 or VNI: both are read again by OCR."""
    plan = planparse.parse_file(realworld / name)
    assert all(words in plan.text for words in BROKEN[name]), plan.text[:400]
    assert share(plan.text) >= 0.85
    assert plan.source.encoding is None
    with pytest.raises(NeedsOCRError, match="no usable text layer"):
        planparse.parse_file(realworld / name, ocr="never")


def test_image_pages_of_a_text_pdf_are_read(realworld):
    """A signed PDF whose pages are images under a caption in text: the pages are read by OCR."""
    plan = planparse.parse_file(realworld / "58-cd-vpcp-10012026-3-signed.pdf")
    assert plan.document.issuer == "Thủ tướng Chính phủ"
    assert "Ban Chỉ đạo quốc gia về dữ liệu" in plan.text


def test_without_tesseract_the_error_names_the_packages(realworld, monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr.tesseract.cache_clear()
    try:
        with pytest.raises(MissingProgramError) as err:
            planparse.parse_file(realworld / "1-cv-xin-phep-dai-hoi.pdf")
    finally:
        ocr.tesseract.cache_clear()
    assert "1-cv-xin-phep-dai-hoi.pdf" in str(err.value) and "tesseract-ocr tesseract-ocr-vie" in str(err.value)


def test_ocr_never_on_the_command_line(realworld, capsys):
    from planparse.cli import main

    assert main(["facts", str(realworld / "294-ttr.pdf"), "--ocr", "never"]) == 1
    err = capsys.readouterr().err
    assert "294-ttr.pdf" in err and "no usable text layer" in err and "--ocr auto" in err


def test_a_batch_shows_the_pages_ocr_reads(tmp_path, capsys):
    from planparse.batch import Batch

    scans = tmp_path / "in"
    scans.mkdir()
    text = "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n\nKẾ HOẠCH\nChuyển đổi số báo chí\n\nI. MỤC TIÊU\n- Đến năm 2025, 67% cơ quan báo chí tỉnh đưa nội dung lên nền tảng số.\n"
    formats.write_scan(text, scans / "scan.pdf", 150)
    report = Batch(tmp_path / "out", "json").run([scans], jobs=1, progress=True)
    assert report.failed == 0
    assert "ocr=1/1 pages" in capsys.readouterr().err
