"""Quantities: the grammar of plan targets — comparators, units, ranges, changes — and what is not one."""

from __future__ import annotations

import json
import re

import pytest
from conftest import CORPUS
from pydantic import ValidationError

from planparse.lang import quantities
from planparse.lang.quantities import Quantity, core, extract_quantities, lexicon, read_cell


def only(phrase: str) -> Quantity:
    (q,) = extract_quantities(phrase)
    return q


# phrase, value, unit, comparator, kind, other fields expected
SINGLE = [
    # percentages
    ("67% cơ quan báo chí tỉnh", 67, "%", "=", "share", {}),
    ("67 % cơ quan báo chí", 67, "%", "=", "share", {}),
    ("Tỷ lệ bao phủ đạt 100% trở lên", 100, "%", ">=", "share", {}),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế đạt 90% trở lên", 90, "%", ">=", "share", {}),
    ("trên 80% dân số được quản lý sức khỏe", 80, "%", ">=", "share", {}),
    ("Tối thiểu 20% giáo viên", 20, "%", ">=", "share", {}),
    ("ít nhất 30% doanh nghiệp nhỏ và vừa", 30, "%", ">=", "share", {}),
    ("hơn 60% hộ gia đình", 60, "%", ">=", "share", {}),
    ("không dưới 85% số thủ tục", 85, "%", ">=", "share", {}),
    ("tối thiểu là 25% nội dung", 25, "%", ">=", "share", {}),
    ("không quá 5% tổng số hồ sơ", 5, "%", "<=", "share", {}),
    ("tối đa 10% số lượt khám", 10, "%", "<=", "share", {}),
    ("không vượt quá 3% tổng chi", 3, "%", "<=", "share", {}),
    ("tỷ lệ hộ nghèo dưới 2%", 2, "%", "<=", "share", {}),
    ("Chỉ số hài lòng ≥ 90%", 90, "%", ">=", "share", {}),
    ("tỷ lệ hồ sơ trễ hạn ≤5%", 5, "%", "<=", "share", {}),
    ("tỷ lệ hộ nghèo đa chiều 1,5%", 1.5, "%", "=", "share", {}),
    ("tỷ lệ thất nghiệp 2.5%", 2.5, "%", "=", "share", {}),
    ("đạt 20 phần trăm", 20, "%", "=", "share", {}),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên", 98, "%", ">=", "share", {}),
    ("giảm tỷ lệ hộ nghèo xuống còn 2%", 2, "%", "=", "share", {"direction": None}),
    ("tăng cường tuyên truyền để 100% người dân biết", 100, "%", "=", "share", {"direction": None}),
    # counts
    ("02 cơ quan", 2, "count", "=", "count", {"noun": "cơ quan"}),
    ("03 cơ quan báo chí được đầu tư", 3, "count", "=", "count", {"noun": "cơ quan báo chí"}),
    ("có ít nhất 01 sản phẩm", 1, "count", ">=", "count", {"noun": "sản phẩm"}),
    ("thêm 5 xã đạt chuẩn", 5, "count", "=", "count", {"noun": "xã"}),
    ("tối thiểu 03 trung tâm y tế huyện", 3, "count", ">=", "count", {"noun": "trung tâm"}),
    ("ít nhất một loại hình báo chí", 1, "count", ">=", "count", {"noun": "loại hình"}),
    ("tổ chức hai lớp tập huấn", 2, "count", "=", "count", {"noun": "lớp"}),
    ("Có 10 sản phẩm OCOP", 10, "count", "=", "count", {"noun": "sản phẩm OCOP"}),
    ("từ 02 xã trở lên", 2, "count", ">=", "count", {"noun": "xã"}),
    ("đào tạo 1.000 người", 1000, "count", "=", "count", {"noun": "người"}),
    ("Tổ chức ít nhất 02 cuộc diễn tập thực chiến", 2, "count", ">=", "count", {"noun": "cuộc"}),
    ("kiểm tra ít nhất 01 lần/năm", 1, "count", ">=", "count", {"noun": "lần", "per_year": True}),
    # levels
    ("hệ thống thông tin cấp độ 3 trở lên", 3, "level", ">=", "level", {}),
    ("dịch vụ công trực tuyến mức độ 4", 4, "level", "=", "level", {}),
    ("dịch vụ công trực tuyến mức 4", 4, "level", "=", "level", {}),
    ("bệnh viện hạng 2", 2, "level", "=", "level", {}),
    ("bệnh viện đa khoa hạng II", 2, "level", "=", "level", {}),
    ("sản phẩm đạt 3 sao", 3, "level", "=", "level", {}),
    ("đạt từ 4 sao trở lên", 4, "level", ">=", "level", {}),
    # changes
    ("tăng doanh thu tối thiểu 20%", 20, "%", ">=", "increase", {"direction": "up"}),
    ("tăng 20% so với năm 2020", 20, "%", "=", "increase", {"direction": "up", "baseline_year": 2020}),
    ("hàng năm tăng 20%", 20, "%", "=", "increase", {"per_year": True}),
    ("Hằng năm, doanh thu tăng 12%", 12, "%", "=", "increase", {"per_year": True}),
    ("tăng bình quân 15%/năm", 15, "%", "=", "increase", {"per_year": True, "direction": "up"}),
    ("mỗi năm tăng thêm 5% số lượt truy cập", 5, "%", "=", "increase", {"per_year": True}),
    ("giảm 10% chi phí", 10, "%", "=", "increase", {"direction": "down"}),
    ("giảm ít nhất 1,5% so với cuối năm 2023", 1.5, "%", ">=", "increase",
     {"direction": "down", "baseline_year": 2023}),
    ("Cắt giảm tối thiểu 20% thời gian giải quyết", 20, "%", ">=", "increase", {"direction": "down"}),
    ("tăng ít nhất 03 bậc so với năm 2023", 3, "count", ">=", "increase",
     {"noun": "bậc", "direction": "up", "baseline_year": 2023}),
    ("tăng 10% so với cùng kỳ năm 2022", 10, "%", "=", "increase", {"baseline_year": 2022}),
    ("tăng trưởng bình quân 8%/năm giai đoạn 2021-2025", 8, "%", "=", "increase", {"per_year": True}),
    # money
    ("tổng kinh phí 1.500 triệu đồng", 1_500_000_000, "VND", "=", "amount", {}),
    ("kinh phí 1,5 tỷ đồng", 1_500_000_000, "VND", "=", "amount", {}),
    ("hỗ trợ 500 nghìn đồng", 500_000, "VND", "=", "amount", {}),
    ("dự toán 200.000.000 đồng", 200_000_000, "VND", "=", "amount", {}),
    ("dự toán 200.000.000đ", 200_000_000, "VND", "=", "amount", {}),
    ("mức hỗ trợ 1,1 triệu đồng", 1_100_000, "VND", "=", "amount", {}),
    ("không quá 2 tỷ đồng", 2_000_000_000, "VND", "<=", "amount", {}),
    ("ba triệu đồng", 3_000_000, "VND", "=", "amount", {}),
]


@pytest.mark.parametrize("phrase, value, unit, comparator, kind, more", SINGLE, ids=[row[0] for row in SINGLE])
def test_single_quantities(phrase, value, unit, comparator, kind, more):
    q = only(phrase)
    assert (q.value, q.unit, q.comparator, q.kind) == (value, unit, comparator, kind)
    assert q.range_id is None
    for field, expected in more.items():
        assert getattr(q, field) == expected, field


def test_the_phrasing_table_is_broad():
    assert len({row[0] for row in SINGLE}) >= 45


RANGES = [
    ("từ 70% - 80% thủ tục hành chính", 70, 80, "%"),
    ("từ 70 - 80% thủ tục", 70, 80, "%"),
    ("70-80% hồ sơ", 70, 80, "%"),
    ("đạt 70%-80%", 70, 80, "%"),
    ("đạt 70 – 80%", 70, 80, "%"),
    ("từ 10% đến 12%", 10, 12, "%"),
    ("từ 10 đến 12%", 10, 12, "%"),
    ("từ 75% tới 85% số hộ dân", 75, 85, "%"),
    ("xây dựng từ 3 đến 5 mô hình", 3, 5, "count"),
    ("từ 500 triệu đến 1 tỷ đồng", 500_000_000, 1_000_000_000, "VND"),
    ("từ 500 đến 700 triệu đồng", 500_000_000, 700_000_000, "VND"),
]


@pytest.mark.parametrize("phrase, low, high, unit", RANGES, ids=[row[0] for row in RANGES])
def test_ranges_give_a_lower_and_an_upper_bound(phrase, low, high, unit):
    lower, upper = extract_quantities(phrase)
    assert (lower.value, lower.unit, lower.comparator) == (low, unit, ">=")
    assert (upper.value, upper.unit, upper.comparator) == (high, unit, "<=")
    assert lower.range_id == upper.range_id == lower.start
    assert lower.end <= upper.start


def test_a_change_over_a_range_qualifies_both_bounds():
    qs = extract_quantities("Thu nhập bình quân đầu người tăng từ 10% đến 12% so với năm 2023")
    assert [(q.value, q.kind, q.direction, q.baseline_year) for q in qs] == [
        (10, "increase", "up", 2023), (12, "increase", "up", 2023)]


def test_from_with_a_floor_is_one_bound_not_a_range():
    assert [(q.value, q.comparator, q.range_id) for q in extract_quantities("đạt từ 98% trở lên")] == [
        (98, ">=", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Mục tiêu đến năm 2025",
        "Kế hoạch giai đoạn 2021-2025",
        "trong giai đoạn 2021 - 2025",
        "trước ngày 15/12/2023",
        "ngày 15 tháng 12 năm 2023",
        "trước ngày 25 tháng 11 hàng năm",
        "Căn cứ Quyết định số 348/QĐ-TTg ngày 06/4/2023",
        "Nghị định số 30/2020/NĐ-CP",
        "Nghị quyết số 09-NQ/TU",
        "Quyết định số 12 của Ủy ban nhân dân tỉnh",
        "1. Mục tiêu chung",
        "1.1. Cơ quan báo chí",
        "5.2 Tổ chức thực hiện",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "chậm nhất trong quý III/2023",
        "trong quý 3 năm 2024",
        "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng",
        "trẻ em từ 6 đến 36 tháng tuổi",
        "người từ 60 tuổi trở lên",
        "theo chỉ đạo của Trung ương[1]",
        "[1] Quyết định số 12",
        "Điện thoại: 0215.3876.543",
        "Hotline 0912 345 678",
        "khoản 3 Điều 5",
        "một số cơ quan, đơn vị",
        "Bộ phận Một cửa các cấp",
        "cách mạng công nghiệp 4.0 và mạng 5G",
        "trong năm người dân được hỗ trợ",
        "xếp hạng 20/63 tỉnh, thành phố",
        "đạt mức độ chuyển đổi số khá trở lên",
        "Số: 3414/KH-UBND",
    ],
)
def test_not_quantities(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("100% cơ quan báo điện tử có giải pháp đảm bảo an toàn, an ninh hệ thống thông tin cấp độ 3 trở lên",
         [(100, "%", "="), (3, "level", ">=")]),
        (("Các cơ quan báo chí tỉnh tối ưu hóa nguồn thu, trong đó 02 cơ quan báo chí tỉnh (Báo Lai Châu, Đài Phát "
          "thanh - Truyền hình tỉnh) tăng doanh thu tối thiểu 20%"), [(2, "count", "="), (20, "%", ">=")]),
        (("Đảm bảo duy trì, 100% người dân ở vùng sâu, vùng xa được tiếp cận ít nhất một loại hình báo chí của cơ "
          "quan báo chí tỉnh"), [(100, "%", "="), (1, "count", ">=")]),
        ("Hàng năm, các cơ quan báo chí tỉnh tăng 20% số lượng tin, bài mới", [(20, "%", "=")]),
        (("Các cơ quan báo chí tỉnh tối ưu hóa nguồn thu, trong đó 67% cơ quan báo chí tăng doanh thu tối thiểu 20% "
          "trở lên."), [(67, "%", "="), (20, "%", ">=")]),
        ("Tối ưu hóa nguồn thu, tăng doanh thu tối thiểu 20%.", [(20, "%", ">=")]),
        ("Trên 90% cơ sở giáo dục mầm non, phổ thông đạt mức độ chuyển đổi số khá trở lên", [(90, "%", ">=")]),
        ("100% xã, phường có ít nhất 01 sản phẩm OCOP hoặc nông sản đặc trưng được đưa lên sàn",
         [(100, "%", "="), (1, "count", ">=")]),
        ("Có 10 sản phẩm OCOP đạt từ 3 sao trở lên", [(10, "count", "="), (3, "level", ">=")]),
    ],
)
def test_real_sentences(sentence, expected):
    assert [(q.value, q.unit, q.comparator) for q in extract_quantities(sentence)] == expected


def test_real_sentence_qualifiers():
    (q,) = extract_quantities("Hàng năm, các cơ quan báo chí tỉnh tăng 20% số lượng tin, bài mới")
    assert (q.kind, q.direction, q.per_year) == ("increase", "up", True)
    share, increase = extract_quantities(
        "Các cơ quan báo chí tỉnh tối ưu hóa nguồn thu, trong đó 67% cơ quan báo chí tăng doanh thu tối thiểu 20% "
        "trở lên.")
    assert (share.kind, increase.kind) == ("share", "increase")
    assert increase.text == "tối thiểu 20% trở lên"


def test_a_leading_yearly_phrase_governs_the_sentence_a_trailing_one_its_quantity():
    both = extract_quantities("Hàng năm, tăng 20% số tin và 10% số bài.")
    assert [q.per_year for q in both] == [True, True]
    first = extract_quantities("Tổ chức 02 lớp tập huấn hàng năm và bảo đảm 100% cán bộ tham gia.")
    assert [q.per_year for q in first] == [True, False]
    separate = extract_quantities("Hàng năm tổ chức tập huấn; 100% cán bộ tham gia.")
    assert [q.per_year for q in separate] == [False]


def test_a_yearly_phrase_and_a_baseline_reach_no_further_than_their_sentence():
    text = ("Hàng năm, tăng 20% số tin. Đạt 1.5 tỷ đồng! Hàng năm tổ chức 02 lớp\n05 hội nghị; mỗi năm có 3 trạm và "
            "giảm 10% so với năm 2020? Tăng 5% lượt người, 2.500 người so với năm 2019")
    assert [(q.text, q.per_year, q.baseline_year) for q in extract_quantities(text)] == [
        ("20%", True, None), ("1.5 tỷ đồng", False, None), ("02 lớp", True, None), ("05 hội nghị", False, None),
        ("3 trạm", True, None), ("10%", True, 2020), ("5%", False, None), ("2.500 người", False, 2019)]


def test_a_change_verb_governs_only_a_near_quantity_in_its_clause():
    qs = extract_quantities("Doanh thu tăng, trong đó 100% cơ quan tự chủ; giảm 5% chi phí")
    assert [(q.value, q.kind, q.direction) for q in qs] == [(100, "share", None), (5, "increase", "down")]
    (q,) = extract_quantities("tăng 20% số lượng tin bài so với năm 2020")
    assert q.baseline_year == 2020
    (q,) = extract_quantities("tăng 20% số lượng tin bài, giảm chi phí; so với năm 2020")
    assert q.baseline_year is None
    (q,) = extract_quantities("tăng doanh thu tối thiểu 20% trở\nlên so với năm 2020")  # a hard-wrapped line
    assert (q.comparator, q.direction, q.baseline_year) == (">=", "up", 2020)


@pytest.mark.parametrize(
    "sentence, phrase",
    [
        ("Tỷ lệ hồ sơ trễ hạn không quá 2% tổng số hồ sơ", "không quá 2%"),
        ("Tổ chức ít nhất 02 cuộc diễn tập", "ít nhất 02 cuộc"),
        ("cơ sở dữ liệu ngành đạt cấp độ 3 trở lên.", "cấp độ 3 trở lên"),
        ("kinh phí 1,5 tỷ đồng từ ngân sách", "1,5 tỷ đồng"),
        ("đạt 67 % cơ quan", "67 %"),
    ],
)
def test_spans_point_at_the_phrase(sentence, phrase):
    (q,) = extract_quantities(sentence)
    assert sentence[q.start:q.end] == q.text == phrase


@pytest.mark.parametrize("phrase", [row[0] for row in SINGLE + RANGES])
def test_every_span_holds_its_number(phrase):
    numbers = set(lexicon()["number_word"])
    for q in extract_quantities(phrase):
        assert phrase[q.start:q.end] == q.text
        assert re.search(r"\d|\b[IVX]+\b", q.text) or any(word in q.text.casefold() for word in numbers), q.text


def test_offset_shifts_spans_into_the_larger_text():
    text = "Mục tiêu: tăng doanh thu tối thiểu 20%."
    cut = text.index("tăng")
    (q,) = extract_quantities(text[cut:], offset=cut)
    assert text[q.start:q.end] == "tối thiểu 20%"
    assert extract_quantities("từ 70% - 80%", offset=100)[0].range_id == 100


@pytest.mark.parametrize("sentence", [
    "Hàng năm, tăng 20% số tin và 10% số bài",
    "Tỷ lệ hộ nghèo giảm từ 1,5% - 2% so với năm 2020",
    "02 lớp/năm; 100% xã có ít nhất 01 sản phẩm OCOP đạt từ 3 sao trở lên",
    "tối thiểu 20%",
    "5",
])
@pytest.mark.parametrize("before, after", [("- ", ";"), ("+ ", "."), ("• ", ","), ("*", ": "), ("  ", "\n"), ("", "")])
def test_a_bullet_and_closing_mark_change_nothing_read(sentence, before, after):
    """A target's sentence reads the same with its bullet and closing mark (the document reads it once, as its
    :func:`core`)."""
    text = before + sentence + after
    start, end = core(text)
    assert text[start:end] == sentence
    assert extract_quantities(text, 7) == extract_quantities(sentence, 7 + len(before))


def test_quantity_is_frozen_and_strict():
    q = only("67% cơ quan")
    with pytest.raises(ValidationError):
        q.value = 1  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Quantity(**q.model_dump(), extra_field=1)


def test_gold_objectives_of_the_corpus():
    """Every objective of the corpus gold whose text holds its numbers gives exactly its quantities."""
    checked = 0
    for path in sorted(CORPUS.glob("*.facts.json")):
        for objective in json.loads(path.read_text("utf-8"))["objectives"]:
            gold = [(q["value"], q["unit"], q["comparator"]) for q in objective["quantities"]]
            if gold and not re.search(r"\d", objective["text"]):
                continue  # a table row: the numbers are in the horizon columns, not the indicator text
            found = [(q.value, q.unit, q.comparator) for q in extract_quantities(objective["text"])]
            assert found == gold, (path.name, objective["text"])
            checked += 1
    assert checked >= 40


# the data


def test_data_words_load_and_every_category_has_words():
    words = lexicon()
    assert all(words.values()), [category for category, entries in words.items() if not entries]
    assert words["comparator_pre"]["tối thiểu"] == ">="
    assert words["comparator_pre"]["không quá"] == "<="
    assert words["money_multiplier"]["tỷ"] == "1000000000"
    assert words["change_verb"]["giảm"] == "down"


def test_no_yearly_phrase_begins_inside_another():
    """A quantity's yearly phrases are sought near it alone: that finds what a search of the whole text finds
    only while no yearly phrase can begin inside another (the next search starts past one found)."""
    per_year = quantities._grammar().per_year
    words = [form for word in lexicon()["per_year"] for form in (word, word.upper(), word.replace(" ", "  "))]
    for word in words:
        for follower in words:
            for text in (f"{word} {follower}", f"{word}{follower}"):
                assert not [at for at in range(1, len(word)) if per_year.match(text, at)], text


def test_number_words_leave_out_nam_which_is_also_year():
    words = lexicon()["number_word"]
    assert "năm" not in words
    assert sorted(int(v) for v in words.values()) == [1, 2, 3, 4, 6, 7, 8, 9, 10]


def test_unit_words_belong_to_one_unit():
    words = lexicon()
    units = ("percent", "currency", "money_multiplier", "count_noun", "level_suffix")
    seen: dict[str, str] = {}
    for category in units:
        for word in words[category]:
            assert seen.setdefault(word.casefold(), category) == category, word
    # nouns of age and time are not counted things
    assert not {"tuổi", "tháng", "năm", "ngày", "quý"} & {w.casefold() for w in words["count_noun"]}


@pytest.mark.parametrize(
    ("cell", "unit", "expected"),
    [
        ("06", "điểm", (6, "count", "=", "count")),
        ("≥ 90", "%", (90, "%", ">=", "share")),
        ("95%", "", (95, "%", "=", "share")),
        ("Tối thiểu 3", "sao", (3, "level", ">=", "level")),
        ("1,5", "tỷ đồng", (1_500_000_000, "VND", "=", "amount")),
        ("12", "km", (12, "count", "=", "count")),
        ("100 trở lên", "lượt khách", (100, "count", ">=", "count")),
    ],
)
def test_a_table_cell_is_read_with_its_column_unit(cell, unit, expected):
    (q,) = read_cell(cell, unit, offset=40)
    assert (q.value, q.unit, q.comparator, q.kind) == expected
    assert (q.start, q.end, q.text) == (40, 40 + len(cell), cell)


@pytest.mark.parametrize("cell", ["", "-", "x", "Đạt", "2024-2025"])
def test_a_cell_without_a_number_has_no_quantity(cell):
    assert read_cell(cell, "%") == []


@pytest.mark.parametrize(
    "text", ["phấn đấu đến năm 2025 tỉnh dẫn đầu", "trong tháng 6 xã hoàn thành", "quý 3 huyện báo cáo"]
)
def test_a_number_after_a_time_word_is_not_a_count(text):
    assert extract_quantities(text) == []
