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


PLAN_HEAD = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 52/KH-UBND
Quảng Trị, ngày 10 tháng 5 năm 2024
KẾ HOẠCH
Chuyển đổi số năm 2024
"""


def test_a_part_ends_where_the_next_part_of_its_rank_starts_whatever_its_numbering():
    text = PLAN_HEAD + """1. Mục đích
- Nâng cao nhận thức.
2. Mục tiêu
a) 100% hồ sơ được số hóa.
b) 80% thủ tục trực tuyến toàn trình.
II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện thể chế
- Rà soát quy định.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ chủ trì.
"""
    plan = planparse.parse(text)
    top = [(s.label, s.role) for s in plan.sections if s.label]
    assert top == [("1", SectionRole.PURPOSE), ("2", SectionRole.OBJECTIVES), ("II", SectionRole.TASKS),
                   ("III", SectionRole.ORGANISATION)]
    assert [o.text for o in plan.objectives] == ["100% hồ sơ được số hóa", "80% thủ tục trực tuyến toàn trình"]


def test_the_articles_of_a_decision_and_the_plan_it_issues_are_parts_of_their_own():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 9/QĐ-UBND\nQuảng Trị, ngày 10 tháng 5 năm 2024\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch chuyển đổi số năm 2024\nỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2024.\n"
            "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn An\n"
            "KẾ HOẠCH\nCHUYỂN ĐỔI SỐ NĂM 2024\nI. MỤC TIÊU\n- 100% hồ sơ được số hóa.\nII. NHIỆM VỤ\n- Rà soát.\n")
    plan = planparse.parse(text)
    articles = [s.label for s in plan.sections for s in [s, *s.children] if s.label and s.label.startswith("Điều")]
    assert articles == ["Điều 1", "Điều 2"]
    assert [(o.text, o.horizon) for o in plan.objectives] == [("100% hồ sơ được số hóa", 2024)]
    assert (plan.document.type, plan.document.signer) == ("Quyết định", "Lê Văn An")


def test_parts_numbered_with_a_hyphen_end_each_other():
    text = PLAN_HEAD + ("I- MỤC TIÊU\n- 100% hồ sơ được số hóa.\nII- NHIỆM VỤ\n- 90% cán bộ được tập huấn kỹ năng số.\n"
                        "2- 3 ngày mỗi quý dành cho kiểm tra.\n")
    plan = planparse.parse(text)
    assert [(s.label, s.role) for s in plan.sections if s.label] == [("I", SectionRole.OBJECTIVES),
                                                                     ("II", SectionRole.TASKS)]
    assert [o.text for o in plan.objectives] == ["100% hồ sơ được số hóa"]


@pytest.mark.parametrize(("purpose", "objectives", "tasks"), [
    ("Phần I. Mục đích, yêu cầu", "Phần II. Mục tiêu", "Phần III. Nhiệm vụ"),
    ("PHẦN THỨ NHẤT: MỤC ĐÍCH, YÊU CẦU", "PHẦN THỨ HAI: MỤC TIÊU", "PHẦN THỨ BA: NHIỆM VỤ"),
    ("MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "NHIỆM VỤ"),
])
def test_parts_and_unnumbered_headings_in_capitals_have_their_roles(purpose, objectives, tasks):
    text = PLAN_HEAD + (f"{purpose}\n1. Nâng cao nhận thức.\n{objectives}\n1. 100% hồ sơ được số hóa.\n"
                        f"{tasks}\n1. Rà soát 100% quy trình.\n")
    plan = planparse.parse(text)
    assert [s.role for s in plan.sections[1:]] == [SectionRole.PURPOSE, SectionRole.OBJECTIVES, SectionRole.TASKS]
    assert [o.text for o in plan.objectives] == ["100% hồ sơ được số hóa"]
    assert plan.document.title == "Chuyển đổi số năm 2024"


def test_no_opener_of_a_special_part_begins_with_a_label():
    """The outline reads a labelled line as an item without trying the preamble's, a lead's or a signature's
    openers: none of them may begin with a label."""
    from planparse.lang import vocab
    from planparse.lang.genre import positions
    from planparse.lang.numbering import match_label

    openers = [*(vocab.words("genre_markers", group) for group in ("legal_opener", "recipients", "addressees")),
               vocab.signature_marks(), [caps for caps, _ in positions()]]
    for phrase in (phrase for group in openers for phrase in group):
        for written in (phrase, phrase.upper(), phrase.capitalize()):
            assert match_label(f"{written} Sở Tài chính") is None, written
