"""Budget sources: each kind of funding named in the budget section, and only there."""

from __future__ import annotations

import pytest

from planparse import parse


def plan_with(budget: str, elsewhere: str = "") -> list[str]:
    text = ("KẾ HOẠCH\nTHỬ NGHIỆM\nI. NHIỆM VỤ\n- " + (elsewhere or "Triển khai.") + "\nII. KINH PHÍ THỰC HIỆN\n"
            + budget + "\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\nTham mưu bố trí vốn đầu tư phát triển.\n")
    return [s.kind.value for s in parse(text).budget_sources]


@pytest.mark.parametrize(
    "sentence, kinds",
    [
        ("Ngân sách nhà nước theo phân cấp hiện hành.", ["state_budget"]),
        ("Kinh phí sự nghiệp giáo dục theo phân cấp.", ["state_budget"]),
        ("Vốn ngân sách Trung ương, ngân sách tỉnh.", ["state_budget"]),
        ("Lồng ghép với các chương trình, đề án có liên quan.", ["program_integration"]),
        ("Huy động từ các nguồn tài trợ, viện trợ.", ["aid"]),
        ("Huy động xã hội hóa từ doanh nghiệp.", ["socialization"]),
        ("Nguồn thu sự nghiệp của các đơn vị.", ["self_funded"]),
        ("Vốn đầu tư công trung hạn của tỉnh.", ["investment_capital"]),
        ("Các nguồn kinh phí hợp pháp khác.", ["other_lawful"]),
        ("Kinh phí đã được giao tại Quyết định số 1628/QĐ-UBND ngày 12/12/2022.", ["allocated"]),
        ("Thực hiện theo Luật Ngân sách nhà nước số 83/2015/QH13.", ["state_budget"]),
        ("Ngân sách nhà nước; lồng ghép các chương trình; xã hội hóa và các nguồn hợp pháp khác.",
         ["state_budget", "program_integration", "socialization", "other_lawful"]),
    ],
)
def test_budget_kinds(sentence, kinds):
    assert plan_with(sentence) == kinds


def test_funding_named_outside_the_budget_section_does_not_count():
    assert plan_with("Ngân sách nhà nước.", elsewhere="Huy động xã hội hóa các nguồn lực.") == ["state_budget"]


def test_a_budget_heading_nested_under_organisation():
    text = ("KẾ HOẠCH\nTHỬ NGHIỆM\nI. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của các sở\n- Triển khai.\n"
            "2. Kinh phí\nNguồn tài trợ của doanh nghiệp.\n")
    sources = parse(text).budget_sources
    assert [s.kind.value for s in sources] == ["aid"]
    assert parse(text).text[sources[0].provenance.start:sources[0].provenance.end] == "tài trợ"


def budget_of(budget: str, elsewhere: str = "Triển khai."):
    return parse("KẾ HOẠCH\nTHỬ NGHIỆM\nI. NHIỆM VỤ\n- " + elsewhere + "\nII. KINH PHÍ THỰC HIỆN\n" + budget
                 + "\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\nBố trí 300 triệu đồng.\n")


@pytest.mark.parametrize(
    "sentence, values",
    [
        ("Tổng kinh phí dự kiến 1.500 triệu đồng.", [1_500_000_000]),
        ("Tổng kinh phí 1,5 tỷ đồng từ ngân sách tỉnh.", [1_500_000_000]),
        ("Năm 2024: 500 triệu đồng; năm 2025: 750.000.000 đồng.", [500_000_000, 750_000_000]),
        ("Kinh phí khoảng 2 tỷ VNĐ.", [2_000_000_000]),
        ("Ngân sách nhà nước theo phân cấp hiện hành.", []),
    ],
)
def test_budget_amounts_in_vnd(sentence, values):
    plan = budget_of(sentence, elsewhere="Hỗ trợ 100 triệu đồng cho mỗi xã.")
    assert [a.value for a in plan.budget_amounts] == values
    for amount in plan.budget_amounts:
        assert plan.text[amount.provenance.start:amount.provenance.end] == amount.text


def test_allocations_are_the_decisions_the_budget_section_cites_by_number():
    plan = budget_of("Kinh phí đã giao tại Quyết định số 1535/QĐ-UBND ngày 08/12/2023 và Quyết định số "
                     "20/QĐ-UBND; thực hiện theo Luật Ngân sách nhà nước số 83/2015/QH13.",
                     elsewhere="Thực hiện Quyết định số 99/QĐ-TTg.")
    assert [r.number for r in plan.budget_allocations] == ["1535/QĐ-UBND", "20/QĐ-UBND"]


def _sources(text: str) -> list[str]:
    return [s.kind.value for s in parse("KẾ HOẠCH\nTHỬ NGHIỆM\n" + text).budget_sources]


@pytest.mark.parametrize(("text", "kinds"), [
    # no Kinh phí part: the item among the organisation that speaks of the money
    ("I. NHIỆM VỤ\n1. Tuyên truyền.\nII. TỔ CHỨC THỰC HIỆN\n1. Cục Lâm nghiệp và Kiểm lâm chủ trì.\n"
     "2. Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách nhà nước trong dự toán chi thường xuyên hằng năm, "
     "huy động nguồn lực quốc tế và các nguồn hợp pháp khác theo quy định.\n",
     ["state_budget", "aid", "other_lawful"]),
    # a funding item among the tasks or solutions; the units' own funds
    ("I. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền.\n2. Nguồn kinh phí: các cơ quan, đơn vị sử dụng kinh phí của "
     "cơ quan, đơn vị mình.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n", ["self_funded"]),
    # with no budget item, money named among the tasks is not a budget source
    ("I. NHIỆM VỤ\n1. Huy động xã hội hóa các nguồn lực cho du lịch.\nII. TỔ CHỨC THỰC HIỆN\n"
     "1. Sở Tài chính tham mưu.\n", []),
])
def test_budget_item_outside_a_budget_part(text, kinds):
    assert _sources(text) == kinds


@pytest.mark.parametrize(("sentence", "kinds"), [
    ("Ngân sách nhà nước theo quy định của pháp luật về Đầu tư công.", ["state_budget"]),  # a law, not capital
    ("Ưu tiên đầu tư công nghệ số từ ngân sách tỉnh.", ["state_budget"]),
])
def test_bare_public_investment_names_no_capital(sentence, kinds):
    assert plan_with(sentence) == kinds
