"""The outline of a công văn: its addressees, and its numbered items headed by bodies."""

from __future__ import annotations

import pytest

import planparse
from planparse.model import SectionRole
from planparse.lang.bodies import names_a_body

CONG_VAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 501/UBND-KT
Quảng Trị, ngày 10 tháng 5 năm 2024
Kính gửi:
- Các sở, ban, ngành cấp tỉnh;
- Ủy ban nhân dân các huyện, thị xã.
Thực hiện Chỉ thị số 08/CT-TTg ngày 18/3/2024 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh yêu cầu:
1. Sở Tài chính
- Bố trí kinh phí thực hiện.
2. Ban hành kế hoạch kiểm tra trong tháng 6/2024.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_addressees_form_their_own_part_and_do_not_swallow_the_letter():
    sections = planparse.parse(CONG_VAN).sections
    roles = [(s.role, s.label, s.title) for s in sections]
    assert roles[1] == (SectionRole.ADDRESSEES, None, "Kính gửi")
    assert [c.title for c in sections[1].children] == [
        "Các sở, ban, ngành cấp tỉnh;",
        "Ủy ban nhân dân các huyện, thị xã.",
    ]
    assert roles[2][0] == SectionRole.LEGAL_BASIS


def test_a_top_level_item_headed_by_a_body_is_an_organisation_item():
    items = [s for s in planparse.parse(CONG_VAN).sections if s.label in ("1", "2")]
    assert [(s.title, s.role) for s in items] == [
        ("Sở Tài chính", SectionRole.ORGANISATION),
        ("Ban hành kế hoạch kiểm tra trong tháng 6/2024.", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Tài chính", True),
        ("UBND các huyện, thành phố", True),
        ("Các sở, ban, ngành", True),
        ("Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh", True),
        ("Ban hành kế hoạch", False),
        ("Hội nghị tổng kết", False),
        ("Phòng, chống thiên tai", False),
    ],
)
def test_names_a_body(text, expected):
    assert names_a_body(text) is expected
