"""HTML as the legal portals serve it: the national database's full-text page (SharePoint: the whole page
inside one form, the text in nested <span><font> under layout tables) reads as the document."""

from __future__ import annotations

import planparse
from planparse import SectionKind


def test_the_legal_portal_page_reads_as_the_constitution(realworld):
    plan = planparse.parse_file(realworld / "vbpl-hien-phap-1992.html")
    assert plan.text.startswith("HIẾN PHÁP\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM NĂM 1992\nLỜI NÓI ĐẦU")
    articles = [s for s in plan.walk() if s.kind == SectionKind.ARTICLE]
    assert [a.label for a in articles[:3]] == ["Điều 1", "Điều 2", "Điều 3"]
    assert len(articles) == 147  # the constitution of 1992 has 147 articles
    assert "Nước Cộng hòa xã hội chủ nghĩa Việt Nam là một nước độc lập" in plan.text
    assert "Trung ương" not in plan.text.split("\n")[0]  # the site's title and menus are not the document
