"""The comparison written out: the HTML report holds every aligned row, each cell traceable to its sentence;
`planparse compare` writes every format."""

from __future__ import annotations

import csv
import io
import json
from html import escape
from html.parser import HTMLParser

import pytest

pytest.importorskip("pandas")

import planparse  # noqa: E402
from conftest import CORPUS, SHARED_PLANS  # noqa: E402
from planparse.cli import main  # noqa: E402
from planparse.comparison.report import render, to_html  # noqa: E402

LAI_CHAU, DONG_NAI = (str(CORPUS / name) for name in SHARED_PLANS)


class _Report(HTMLParser):
    """The target rows of a report: (horizon, group) → {plan: (cell text, link, class)}; and the sources by id."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[tuple[str, str], dict[str, tuple[str, str | None, str]]] = {}
        self.sources: dict[str, str] = {}
        self.external: list[str] = []
        self._row: tuple[str, str] | None = None
        self._cell: list | None = None
        self._source: list | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if (tag in {"link", "img", "iframe"} or (tag == "script" and "src" in a)
                or (tag == "a" and not (a.get("href") or "#").startswith("#"))):
            self.external.append(tag)
        if tag == "tr" and "data-group" in a:
            self._row = (a["data-horizon"], a["data-group"])
            self.rows[self._row] = {}
        elif tag == "td" and self._row and "data-plan" in a:
            self._cell = [a["data-plan"], "", None, a.get("class", "")]
        elif tag == "a" and self._cell is not None and "href" in a:
            self._cell[2] = a["href"].lstrip("#")
        elif tag == "li" and "id" in a:
            self._source = [a["id"], ""]

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[1] += data
        if self._source is not None:
            self._source[1] += data

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            plan, text, link, cls = self._cell
            self.rows[self._row][plan] = (text, link, cls)
            self._cell = None
        elif tag == "tr":
            self._row = None
        elif tag == "li" and self._source is not None:
            self.sources[self._source[0]] = self._source[1]
            self._source = None


@pytest.fixture(scope="module")
def shared() -> planparse.Comparison:
    return planparse.compare([LAI_CHAU, DONG_NAI], reference=LAI_CHAU)


def _parse(html: str) -> _Report:
    report = _Report()
    report.feed(html)
    return report


def test_the_html_report_holds_every_aligned_row_and_cell(shared):
    report = _parse(to_html(shared))
    expected = {(str(h), str(g)) for h, g, _ in shared.wide.index}
    assert set(report.rows) == expected
    for (horizon, group, _), cells in shared.wide.iterrows():
        row = report.rows[(str(horizon), str(group))]
        assert set(row) == set(shared.plans)
        for plan, value in cells.items():
            assert row[plan][0] == (value or "—")


def test_every_cell_links_to_the_sentence_it_was_read_from(shared):
    report = _parse(to_html(shared))
    texts = dict(zip(shared.objectives["target"], shared.objectives["text"]))
    lines = dict(zip(shared.objectives["target"], shared.objectives["line"]))
    linked = [cell[1] for row in report.rows.values() for cell in row.values() if cell[1]]
    assert sorted(linked) == sorted(texts)  # every target is in the table once
    for target in linked:
        assert texts[target] in report.sources[target]
        assert f"line {lines[target]}" in report.sources[target]


def test_differences_are_highlighted(shared):
    report = _parse(to_html(shared))
    classes = {(row.plan, str(row.horizon), str(row.group)): row.status for row in shared.differences.itertuples()}
    for (horizon, group), cells in report.rows.items():
        assert "reference" in cells["Lai Châu"][2]
        assert classes[("Đồng Nai", horizon, group)] in cells["Đồng Nai"][2]
    assert {"missing", "higher"} <= set(classes.values())


def test_the_report_lists_every_task_with_its_lead(shared):
    html = to_html(shared)
    for row in shared.tasks.itertuples():
        assert escape(row.task) in html


def test_the_report_is_self_contained(shared):
    html = to_html(shared)
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert not _parse(html).external


def test_the_csv_is_the_tidy_table(shared):
    rows = list(csv.DictReader(io.StringIO(render(shared, "csv"))))
    assert len(rows) == len(shared.objectives)
    assert {"plan", "horizon", "group", "indicator", "value", "comparator", "unit", "text", "line"} <= set(rows[0])


def test_the_json_holds_every_table(shared):
    data = json.loads(render(shared, "json"))
    assert data["reference"] == "Lai Châu"
    assert [p["plan"] for p in data["plans"]] == ["Lai Châu", "Đồng Nai"]
    assert len(data["objectives"]) == len(shared.objectives)
    assert len(data["differences"]) == len(shared.differences)
    assert {s["kind"] for s in data["budget_sources"]} == set(shared.budget["kind"])


def test_the_text_table_shows_each_horizon_and_the_differences(shared):
    text = render(shared, "table")
    assert "== targets for 2025 ==" in text and "== targets for 2030 ==" in text
    assert "== differences from Lai Châu ==" in text and "missing" in text


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        render(planparse.compare([LAI_CHAU]), "xml")


# --- the command line ------------------------------------------------------------------------------------------


def test_cli_compare_writes_an_html_report(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["compare", LAI_CHAU, DONG_NAI, "--reference", LAI_CHAU, "--format", "html", "-o", str(out)]) == 0
    report = _parse(out.read_text("utf-8"))
    assert len(report.rows) == len(planparse.compare([LAI_CHAU, DONG_NAI]).wide)


def test_cli_compare_prints_a_table_by_default(capsys):
    assert main(["compare", LAI_CHAU, DONG_NAI]) == 0
    out = capsys.readouterr().out
    assert "Lai Châu" in out and "Đồng Nai" in out and "== targets for 2030 ==" in out


def test_cli_compare_takes_folders(tmp_path, capsys):
    for name in SHARED_PLANS:
        (tmp_path / name).write_text((CORPUS / name).read_text("utf-8"), encoding="utf-8")
    assert main(["compare", str(tmp_path), "--format", "json"]) == 0
    assert [p["plan"] for p in json.loads(capsys.readouterr().out)["plans"]] == ["Đồng Nai", "Lai Châu"]  # file order


def test_cli_compare_names_a_bad_file(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["compare", LAI_CHAU, str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"planparse: error: {missing}: no such file"


def test_compare_reads_the_plans_a_batch_wrote(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", LAI_CHAU, DONG_NAI, "-o", str(out), "--quiet"]) == 0
    assert main(["compare", str(out), "--format", "json"]) == 0
    from_batch = json.loads(capsys.readouterr().out)
    assert main(["compare", DONG_NAI, LAI_CHAU, "--format", "json"]) == 0  # the batch folder's (sorted) order
    assert from_batch == json.loads(capsys.readouterr().out)


def test_compare_names_a_json_file_that_is_not_a_plan(tmp_path, capsys):
    bad = tmp_path / "notes.json"
    bad.write_text('{"title": "ghi chú"}', encoding="utf-8")
    assert main(["compare", str(bad)]) == 1
    assert f"{bad}: not the JSON of a parsed plan" in capsys.readouterr().err
