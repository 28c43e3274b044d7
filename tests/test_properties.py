"""Properties over arbitrary text: parse returns a Plan or raises a planparse error, deterministically."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planparse
from planparse import Plan, PlanparseError

GENRE = st.sampled_from([
    "Số: 12/KH-UBND", "KẾ HOẠCH", "I. MỤC TIÊU", "1.1. Mục tiêu cụ thể", "a) Nhiệm vụ", "- 67% cơ quan", "+ tăng",
    "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "|", "-------",
    "Hà Nội, ngày 1 tháng 2 năm 2024", "ngày  tháng  năm 2024", "Căn cứ Quyết định số 348/QĐ-TTg;", "## TIÊU ĐỀ",
    "Điều 1.", "(Đã ký)", "V/v", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "09- NQ/TU", "hoà", "\ufeff", "\u0301",
])
TEXTS = st.one_of(
    st.text(),
    st.binary().map(lambda b: b.decode("latin-1")),
    st.lists(st.one_of(GENRE, st.text(max_size=30)), max_size=30).map("\n".join),
)


def outcome(text: str):
    try:
        return planparse.parse(text)
    except PlanparseError as exc:
        return exc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_parse_returns_a_plan_or_raises_a_planparse_error(text):
    result = outcome(text)
    assert isinstance(result, (Plan, PlanparseError))
    if isinstance(result, Plan):
        for section in result.walk():
            prov = section.provenance
            assert 0 <= prov.start <= prov.end <= len(result.text)
        for ref in result.references:
            assert result.text[ref.provenance.start:ref.provenance.end].replace(" ", "") == ref.number


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_output_is_deterministic(text):
    first, second = outcome(text), outcome(text)
    if isinstance(first, Plan):
        assert first.model_dump_json() == second.model_dump_json()
    else:
        assert type(first) is type(second) and str(first) == str(second)


def test_empty_and_blank_text():
    for text in ("", " ", "\n\n\t", "\u200b"):
        assert isinstance(outcome(text), planparse.EmptyDocumentError)
