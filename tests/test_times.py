"""The time grammar: one row per phrasing, as a plan writes it, and what it means."""

from __future__ import annotations

import datetime as dt

import pytest

from planparse.lang.times import find_times, has_limit, lexicon, read_cell
from planparse.model import TimeExpression

D = dt.date

# phrase, kind, fields the reading must have
PHRASES = [
    # exact dates
    ("trước ngày 15/12/2023", "date", {"date": D(2023, 12, 15), "lead": "trước"}),
    ("Trước ngày 31/12/2025", "date", {"date": D(2025, 12, 31), "lead": "Trước"}),
    ("ngày 30 tháng 6 năm 2024", "date", {"date": D(2024, 6, 30), "lead": None}),
    ("trước ngày 30 tháng 6 năm 2025", "date", {"date": D(2025, 6, 30)}),
    ("hoàn thành trước ngày 15/4/2024", "date", {"date": D(2024, 4, 15), "lead": "hoàn thành trước"}),
    ("chậm nhất ngày 05/01/2024", "date", {"date": D(2024, 1, 5), "lead": "chậm nhất"}),
    ("chậm nhất là ngày 10/6/2024", "date", {"date": D(2024, 6, 10)}),
    ("trước 31/12/2024", "date", {"date": D(2024, 12, 31)}),
    ("xong trước ngày 15-12-2023", "date", {"date": D(2023, 12, 15)}),
    ("hạn chót ngày 01.11.2024", "date", {"date": D(2024, 11, 1)}),
    ("trước  ngày  20   tháng 11  năm 2024", "date", {"date": D(2024, 11, 20)}),
    # annual
    ("trước ngày 15 tháng 12 hàng năm", "annual", {"month": 12, "day": 15}),
    ("trước ngày 20 tháng 11 hằng năm", "annual", {"month": 11, "day": 20}),
    ("trước ngày 05 tháng 12 hằng năm", "annual", {"month": 12, "day": 5}),
    ("trước ngày 15/12 hằng năm", "annual", {"month": 12, "day": 15}),
    ("ngày 01 tháng 12 mỗi năm", "annual", {"month": 12, "day": 1}),
    ("trong tháng 6 hằng năm", "annual", {"month": 6, "day": None}),
    # quarters
    ("quý III/2023", "quarter", {"year": 2023, "quarter": 3}),
    ("chậm nhất trong quý III/2023", "quarter", {"year": 2023, "quarter": 3, "lead": "chậm nhất trong"}),
    ("Quý IV năm 2024", "quarter", {"year": 2024, "quarter": 4}),
    ("trong quý I/2024", "quarter", {"year": 2024, "quarter": 1, "lead": "trong"}),
    ("vào quý IV/2025", "quarter", {"year": 2025, "quarter": 4, "lead": "vào"}),
    ("quý 2/2024", "quarter", {"year": 2024, "quarter": 2}),
    ("quý II / 2024", "quarter", {"year": 2024, "quarter": 2}),
    ("trong quý II", "quarter", {"year": None, "quarter": 2}),
    # months
    ("tháng 6/2024", "month", {"year": 2024, "month": 6}),
    ("trong tháng 10 năm 2024", "month", {"year": 2024, "month": 10, "lead": "trong"}),
    ("trước tháng 12-2023", "month", {"year": 2023, "month": 12}),
    # years and periods
    ("năm 2024", "year", {"year": 2024}),
    ("trong năm 2025", "year", {"year": 2025, "lead": "trong"}),
    ("2023-2025", "period", {"start_year": 2023, "end_year": 2025}),
    ("2026 - 2027", "period", {"start_year": 2026, "end_year": 2027}),
    ("giai đoạn 2021 - 2025", "period", {"start_year": 2021, "end_year": 2025}),
    ("trong giai đoạn 2024-2025", "period", {"start_year": 2024, "end_year": 2025}),
    ("từ năm 2023 đến năm 2025", "period", {"start_year": 2023, "end_year": 2025}),
    ("năm 2024 - 2025", "period", {"start_year": 2024, "end_year": 2025}),
    ("thời kỳ 2021–2030", "period", {"start_year": 2021, "end_year": 2030}),
    ("từ 2024 tới 2026", "period", {"start_year": 2024, "end_year": 2026}),
    # periodic
    ("định kỳ 6 tháng", "periodic", {"amount": 6, "unit": "month"}),
    ("định kỳ hằng quý", "periodic", {"amount": 3, "unit": "month"}),
    ("hằng tháng", "periodic", {"amount": 1, "unit": "month"}),
    ("định kỳ hằng tuần", "periodic", {"amount": 1, "unit": "week"}),
    ("hàng tuần", "periodic", {"amount": 1, "unit": "week"}),
    ("định kỳ hằng năm", "periodic", {"amount": 1, "unit": "year"}),
    ("định kỳ 12 tháng", "periodic", {"amount": 1, "unit": "year"}),
    ("6 tháng/lần", "periodic", {"amount": 6, "unit": "month"}),
    ("định kỳ 2 năm", "periodic", {"amount": 2, "unit": "year"}),
    # durations from an event
    ("trong vòng 30 ngày kể từ ngày ký", "duration", {"amount": 30, "unit": "day", "anchor": "kể từ ngày ký"}),
    ("trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ", "duration",
     {"amount": 15, "unit": "working_day", "anchor": "kể từ ngày nhận được hồ sơ"}),
    ("trong vòng 06 tháng", "duration", {"amount": 6, "unit": "month", "anchor": None}),
    ("10 ngày tính từ ngày kết thúc đợt kiểm tra", "duration", {"amount": 10, "unit": "day"}),
]


@pytest.mark.parametrize(("phrase", "kind", "fields"), PHRASES, ids=[p[0] for p in PHRASES])
def test_phrase_reads_as(phrase, kind, fields):
    times = find_times(phrase)
    assert len(times) == 1, times
    time = times[0]
    assert time.kind.value == kind
    for name, value in fields.items():
        assert getattr(time, name) == value, name
    assert time.text == phrase.strip()
    assert (time.start, time.end) == (0, len(phrase))


@pytest.mark.parametrize(("phrase", "kind", "fields"), PHRASES, ids=[p[0] for p in PHRASES])
def test_a_phrase_in_capitals_reads_as_written(phrase, kind, fields):
    """The grammar reads its words ignoring their case (Vietnamese letters included: ``TRƯỚC NGÀY``, ``ĐỊNH KỲ``)."""
    for form in (phrase.upper(), " ".join(w[0].upper() + w[1:] for w in phrase.split(" ") if w)):
        times = find_times(form)
        assert len(times) == 1, form
        time = times[0]
        assert time.kind.value == kind and (time.start, time.end) == (0, len(form))
        for name, value in fields.items():
            read = getattr(time, name)
            assert read.casefold() == value.casefold() if isinstance(value, str) else read == value, (form, name)


def test_a_list_of_quarters_or_months_reads_its_last():
    """A list (``Quý III, IV/2026``, ``tháng 10, 11/2019``) or span of months limits work by its last quarter or
    month."""
    quarter = find_times("Quý III, IV/2026")
    months = find_times("trong tháng 10, 11/2019; từ tháng 3 đến tháng 9/2026")
    assert [(t.kind.value, t.quarter, t.year) for t in quarter] == [("quarter", 4, 2026)]
    assert [(t.kind.value, t.month, t.year) for t in months] == [("month", 11, 2019), ("month", 9, 2026)]
    assert [(t.kind.value, t.month, t.year) for t in read_cell("Tháng 10-11/2019")] == [("month", 11, 2019)]


def test_at_least_forty_phrasings():
    assert len({p[0] for p in PHRASES}) >= 40


CELLS = [
    ("Thường xuyên", "ongoing", {}),
    ("Liên tục", "ongoing", {}),
    ("Hằng năm", "annual", {"month": None, "day": None}),
    ("hàng năm", "annual", {"month": None, "day": None}),
    ("Khi có yêu cầu", "on_event", {"event": "Khi có yêu cầu"}),
    ("Khi có yêu cầu từ Bộ TTTT", "on_event", {"event": "Khi có yêu cầu từ Bộ TTTT"}),
    ("Sau khi có hướng dẫn của Bộ", "on_event", {"event": "Sau khi có hướng dẫn của Bộ"}),
    ("Theo yêu cầu", "on_event", {}),
    ("Ngay sau khi Kế hoạch được ban hành", "on_event", {}),
    ("Quý I/2026", "quarter", {"year": 2026, "quarter": 1}),
    ("2026 - 2030", "period", {"start_year": 2026, "end_year": 2030}),
    ("Trước ngày 30/11/2024", "date", {"date": D(2024, 11, 30)}),
]


@pytest.mark.parametrize(("cell", "kind", "fields"), CELLS, ids=[c[0] for c in CELLS])
def test_time_column_cell_reads_as(cell, kind, fields):
    times = read_cell(cell, offset=100)
    assert [t.kind.value for t in times] == [kind]
    for name, value in fields.items():
        assert getattr(times[0], name) == value
    assert times[0].start == 100 + cell.index(times[0].text)


# a span or a list of periods for one piece of work is one limit, its end (FACTS.md)
SPANS = [
    ("Quý II/2024 và Quý IV/2024", "quarter", {"year": 2024, "quarter": 4}),
    ("Quý III, IV/2026", "quarter", {"year": 2026, "quarter": 4}),
    ("Quý III, năm 2022", "quarter", {"year": 2022, "quarter": 3}),
    ("Tháng 12, năm 2022", "month", {"year": 2022, "month": 12}),
    ("Quý IV/2026, 2027", "period", {"start_year": 2026, "end_year": 2027}),
    ("Năm 2025; Năm 2030", "period", {"start_year": 2025, "end_year": 2030}),
    ("Năm 2022 và hàng năm", "period", {"start_year": 2022, "end_year": None}),
    ("Năm 2025 và các năm tiếp theo", "period", {"start_year": 2025, "end_year": None}),
    ("Từ tháng 3 đến tháng 9/2026", "month", {"year": 2026, "month": 9}),
    ("10-11/2019", "month", {"year": 2019, "month": 11}),
    ("12/2019", "month", {"year": 2019, "month": 12}),
    ("Tháng 3/2026", "month", {"year": 2026, "month": 3}),
    ("Trong năm 2026", "year", {"year": 2026}),
    ("Trước năm 2025", "period", {"start_year": None, "end_year": 2025}),
    ("trước ngày 05 hằng tháng", "periodic", {"amount": 1, "unit": "month", "day": 5}),
    ("Hằng tuần", "periodic", {"amount": 1, "unit": "week"}),
    ("Định kỳ hằng quý", "periodic", {"amount": 3, "unit": "month"}),
    ("Theo kế hoạch của tỉnh", "on_event", {}),
    ("Theo hướng dẫn của Trung ương", "on_event", {}),
    ("Tháng 12/2025 - Tháng 3/2026", "month", {"year": 2026, "month": 3}),  # the span's end
    ("Từ năm 2026", "period", {"start_year": 2026, "end_year": None}),
    ("Đến năm 2030", "period", {"start_year": None, "end_year": 2030}),
]


@pytest.mark.parametrize(("cell", "kind", "fields"), SPANS, ids=[c[0] for c in SPANS])
def test_a_cell_naming_one_span_gives_one_time(cell, kind, fields):
    times = read_cell(cell)
    assert [t.kind.value for t in times] == [kind]
    assert {name: getattr(times[0], name) for name in fields} == fields


def test_limits_on_several_steps_in_one_cell_give_one_each():
    times = read_cell("Ban hành trong tháng 01/2026, kiểm tra chậm nhất trong tháng 6/2026")
    assert [(t.kind.value, t.year, t.month) for t in times] == [("month", 2026, 1), ("month", 2026, 6)]


@pytest.mark.parametrize("text", [
    "Thường xuyên rà soát lại hiệu lực giấy phép",  # an adverb of the task, not a time
    "Xây dựng Kế hoạch hàng năm cho các đơn vị",
    "Phối hợp với các cơ quan liên quan",
])
def test_words_only_a_whole_cell_makes_a_time_are_no_time_in_running_text(text):
    assert find_times(text) == []


@pytest.mark.parametrize("text", [
    "báo cáo 6 tháng",  # a report's name
    "làm 05 người chết",
    "ngày 31/02/2024",  # no such day
    "giai đoạn 2025 - 2021",  # backwards
    "Quyết định số 09/2021/CT-TTg",  # a số hiệu
    "tăng 20% so với 30 ngày trước",
    "số 1142/QĐ-UBND",
])
def test_not_a_time(text):
    assert [t.kind.value for t in find_times(text) if t.kind.value != "year"] == []


def test_times_in_running_text_keep_their_spans():
    text = "Báo cáo trước ngày 10/6/2024 (báo cáo 6 tháng) và trước ngày 10/12/2024 (báo cáo năm)."
    times = find_times(text, offset=7)
    assert [t.date for t in times] == [D(2024, 6, 10), D(2024, 12, 10)]
    for t in times:
        assert text[t.start - 7:t.end - 7] == t.text


def test_a_limit_lead_is_told_from_a_placing_one():
    limit, placing = find_times("hoàn thành trong quý I/2024; trong quý II/2024")
    assert has_limit(limit) and not has_limit(placing)


def test_the_words_are_data():
    words = lexicon()
    assert "trước" in words["limit"] and "Thường xuyên".casefold() in words["ongoing"]
    assert words["frequency"]["hằng tuần"] == "1 week" and words["frequency"]["hằng quý"] == "3 month"


@pytest.mark.parametrize(("saved", "amount", "unit"), [(3, 3, "month"), (12, 1, "year"), (24, 2, "year")])
def test_a_repeat_saved_under_schema_1_reads_as_amount_and_unit(saved, amount, unit):
    time = TimeExpression.model_validate({"kind": "periodic", "text": "định kỳ", "every_months": saved,
                                          "start": 0, "end": 7})
    assert (time.amount, time.unit) == (amount, unit)
