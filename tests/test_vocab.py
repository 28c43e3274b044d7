"""The language data in src/planparse/data: every table loads and holds together."""

from __future__ import annotations

from planparse.lang import vocab


def test_every_table_loads():
    assert vocab.doctypes()["KH"] == "Kế hoạch"
    assert vocab.abbreviations()["UBND"] == "Ủy ban nhân dân"
    assert vocab.signature_marks()["Q."] == "Quyền "
    assert vocab.body_heads()["Ủy ban nhân dân"] is True
    assert "thành phố" in vocab.admin_units()
    assert vocab.section_roles()
    assert vocab.column("positions", "position")
    assert vocab.column("continuation_words", "word")


def test_provinces_before_and_after_the_2025_mergers():
    provinces = vocab.provinces()
    current = [p for p in provinces.values() if p.merged_into is None]
    assert len(current) == 34
    for p in provinces.values():
        if p.merged_into:
            assert p.merged_into.casefold() in provinces, p
            assert provinces[p.merged_into.casefold()].merged_into is None
    assert provinces["hà giang"].merged_into == "Tuyên Quang"
    assert provinces["hồ chí minh"].full_name == "thành phố Hồ Chí Minh"


def test_section_roles_are_known_roles():
    from planparse.model import SectionRole

    for _, role in vocab.section_roles():
        SectionRole(role)
