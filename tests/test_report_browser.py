"""The HTML comparison in a real browser: Debian's headless Chromium, driven by Playwright.

The README's test command installs ``chromium``; without it these tests fail, saying so.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("pandas")
from playwright.sync_api import Page, sync_playwright  # noqa: E402

import planparse  # noqa: E402
from conftest import CORPUS, SHARED_PLANS  # noqa: E402
from planparse.comparison.report import to_html  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
LAI_CHAU, DONG_NAI = (str(CORPUS / name) for name in SHARED_PLANS)


@pytest.fixture(scope="module")
def shared() -> planparse.Comparison:
    return planparse.compare([LAI_CHAU, DONG_NAI], reference=LAI_CHAU)


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "needs Chromium: apt-get install -y chromium chromium-driver (README)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, shared, tmp_path) -> tuple[Page, list[str], list[str]]:
    """The report open in a new page, with the script errors and the requests beyond the file it made."""
    path = tmp_path / "comparison.html"
    path.write_text(to_html(shared), "utf-8")
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: requests.append(req.url) if req.url != path.as_uri() else None)
    page.goto(path.as_uri())
    yield page, errors, requests
    page.close()


def test_the_page_opens_offline_without_script_errors(page):
    page, errors, requests = page
    assert page.title().startswith("planparse: comparison of 2 plans answering 348/QĐ-TTg")
    assert errors == [] and requests == []
    contents = page.locator("nav a")
    assert contents.count() >= 8
    for link in contents.all():  # every entry of the table of contents leads somewhere
        assert page.locator(link.get_attribute("href")).count() == 1


def test_each_chart_draws_one_point_per_plan_with_a_number(page, shared):
    page, _, _ = page
    numbered = shared.objectives[shared.objectives["value"].notna()]
    expected = numbered.groupby(["horizon", "group"]).size().to_dict()
    drawn = {}
    for section in page.locator("section[data-horizon]").all():
        horizon = int(section.get_attribute("data-horizon"))
        for figure in section.locator("figure").all():
            points = figure.locator("a.point")
            assert all(p.locator("circle").bounding_box() for p in points.all())  # rendered, with a size
            drawn[horizon, int(figure.get_attribute("data-group"))] = points.count()
            assert figure.locator("a.point.reference").count() <= 1
            assert figure.locator("line.refline").count() == figure.locator("a.point.reference").count()
    assert drawn == expected


def test_a_point_links_to_its_sentence(page, shared):
    page, _, _ = page
    texts = dict(zip(shared.objectives["target"], shared.objectives["text"]))
    point = page.locator("section[data-horizon='2030'] a.point:not(.reference)").first
    target = point.get_attribute("data-target")
    point.click()
    assert page.evaluate("location.hash") == f"#{target}"
    sentence = page.locator(f"li#{target}")
    assert sentence.is_visible() and texts[target] in sentence.inner_text()
    assert sentence.evaluate("e => e.matches(':target')")
    box = sentence.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]


def test_the_filters_hide_a_horizon_and_a_province(page):
    page, errors, _ = page
    visible = page.locator("a.point:visible").count()
    page.locator("#filters input[name=horizon][value='2025']").uncheck()
    assert not page.locator("section[data-horizon='2025']").is_visible()
    assert page.locator("section[data-horizon='2030']").is_visible()
    page.locator("#filters input[name=plan][value='Đồng Nai']").uncheck()
    shown = page.locator("section[data-horizon='2030'] a.point:visible")
    assert 0 < shown.count() < visible
    assert shown.count() == page.locator("section[data-horizon='2030'] a.point.reference").count()
    assert not page.locator("table.targets td[data-plan='Đồng Nai']:visible").count()
    assert errors == []
