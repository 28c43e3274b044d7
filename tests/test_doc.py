"""Word 97-2003 .doc, RTF and OpenDocument text: through LibreOffice, through antiword when LibreOffice is
absent, and refused, naming the package to install, when neither is."""

from __future__ import annotations

import shutil
import subprocess

import pytest

import formats
import planparse
from conftest import CORPUS
from planparse import MissingProgramError
from planparse.read import doc as doc_reader
from planparse.read.textlayer import share

DOC = "to-trinh-ve-sap-nhap-hoi-dieu-duong.doc"  # an unsigned Tờ trình, its header laid out in a table
TITLE = "Đề nghị cho phép sáp nhập Hội Điều dưỡng tỉnh Bình Thuận"


def without(monkeypatch, *programs: str) -> None:
    """Make ``programs`` look uninstalled to the .doc reader."""
    which = shutil.which
    monkeypatch.setattr(doc_reader.shutil, "which", lambda name: None if name in programs else which(name))


def check_the_doc(plan: planparse.Plan) -> None:
    """What a user sees of the .doc: proper Vietnamese, and its header as printed."""
    assert plan.source.format == "doc"
    assert share(plan.text) >= 0.85
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in plan.text
    doc = plan.document
    assert (doc.type, doc.issuer, doc.signer) == ("Tờ trình", "Sở Nội vụ", "Nguyễn Đức Vũ")
    assert doc.title.startswith(TITLE)
    assert doc.number is None  # unsigned: "Số:    /TTr-SNV"


def test_a_doc_through_libreoffice(realworld):
    assert shutil.which("soffice"), "LibreOffice is not installed (Debian: libreoffice-writer-nogui)"
    check_the_doc(planparse.parse_file(realworld / DOC))


def test_a_doc_through_antiword_without_libreoffice(realworld, monkeypatch):
    assert shutil.which("antiword"), "antiword is not installed (Debian: antiword)"
    without(monkeypatch, "soffice", "libreoffice")
    check_the_doc(planparse.parse_file(realworld / DOC))


def test_a_doc_without_either_names_the_packages(realworld, monkeypatch):
    without(monkeypatch, "soffice", "libreoffice", "antiword")
    with pytest.raises(MissingProgramError) as err:
        planparse.parse_file(realworld / DOC)
    message = str(err.value)
    assert DOC in message and "libreoffice-writer-nogui" in message and "antiword" in message


@pytest.mark.parametrize("fmt", ["rtf", "odt"])
def test_rtf_and_odt_through_libreoffice(tmp_path, fmt):
    text = (CORPUS / "nghe-an-2024-phong-chong-thien-tai.txt").read_text("utf-8")
    docx = formats.write_docx(text, tmp_path / "plan.docx")
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", fmt, "--outdir", str(tmp_path / "out"), str(docx)], check=True,
                   capture_output=True, timeout=120)
    plan = planparse.parse_file(tmp_path / "out" / f"plan.{fmt}")
    assert plan.source.format == fmt
    assert planparse.parse_file(docx).to_facts() == plan.to_facts()


def test_odt_without_libreoffice_names_the_package(tmp_path, monkeypatch):
    without(monkeypatch, "soffice", "libreoffice")
    path = tmp_path / "plan.odt"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text" + b"\x00" * 64)
    with pytest.raises(MissingProgramError, match="libreoffice-writer-nogui"):
        planparse.parse_file(path)
