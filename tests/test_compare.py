"""Comparing plans: targets aligned by what they measure, differences from a reference, the other parts side by side."""

from __future__ import annotations

import json
import sys

import pytest

pd = pytest.importorskip("pandas")

import planparse  # noqa: E402
from conftest import CORPUS, ROOT, SHARED_PLANS, corpus_documents  # noqa: E402
from planparse.comparison import align  # noqa: E402
from planparse.comparison.result import Status  # noqa: E402
from planparse.model import Plan  # noqa: E402

LAI_CHAU, DONG_NAI = (CORPUS / name for name in SHARED_PLANS)
PAIRS = ROOT / "tests" / "data" / "objective_pairs.jsonl"

# the targets both press plans set, each told by words only its own target holds, and the years both set it for
SHARED_TARGETS = {
    "content platforms": ("đưa nội dung", (2025, 2030)),
    "data-analysis and AI platforms": ("trí tuệ nhân tạo", (2025, 2030)),
    "converged newsroom": ("tòa soạn hội tụ", (2025, 2030)),
    "revenue": ("doanh thu", (2025, 2030)),
    "training": ("đào tạo, bồi dưỡng", (2025,)),
    "information security": ("an toàn, an ninh", (2025,)),
}


@pytest.fixture(scope="module")
def corpus_plans() -> dict[str, Plan]:
    return {path.name: planparse.parse_file(path) for path in corpus_documents()}


@pytest.fixture(scope="module")
def shared(corpus_plans) -> planparse.Comparison:
    return planparse.compare([corpus_plans[LAI_CHAU.name], corpus_plans[DONG_NAI.name]],
                             reference=corpus_plans[LAI_CHAU.name])


def _row(cmp: planparse.Comparison, plan: str, words: str, horizon: int) -> pd.Series:
    rows = cmp.objectives[(cmp.objectives["plan"] == plan) & (cmp.objectives["horizon"] == horizon)
                          & cmp.objectives["text"].str.casefold().str.contains(words, regex=False)]
    assert len(rows) == 1, (plan, words, horizon, rows["text"].tolist())
    return rows.iloc[0]


@pytest.mark.parametrize("name", SHARED_TARGETS)
def test_the_two_press_plans_share_a_row_for_each_target_they_both_set(shared, name):
    words, horizons = SHARED_TARGETS[name]
    for horizon in horizons:
        lai_chau, dong_nai = _row(shared, "Lai Châu", words, horizon), _row(shared, "Đồng Nai", words, horizon)
        assert lai_chau["group"] == dong_nai["group"], (name, horizon)
        cells = shared.wide.loc[(horizon, lai_chau["group"])].iloc[0]
        assert cells["Lai Châu"] == lai_chau["display"] and cells["Đồng Nai"] == dong_nai["display"]


def test_one_indicator_group_per_target_the_plans_share_across_years(shared):
    groups = {name: {_row(shared, "Lai Châu", words, h)["group"] for h in horizons}
              for name, (words, horizons) in SHARED_TARGETS.items()}
    assert all(len(g) == 1 for g in groups.values())
    assert len({g.pop() for g in groups.values()}) == len(SHARED_TARGETS)


def test_what_only_one_press_plan_sets_is_reported(shared):
    shared_groups = {_row(shared, "Lai Châu", w, h)["group"] for w, hs in SHARED_TARGETS.values() for h in hs}
    lai_chau = shared.objectives[shared.objectives["plan"] == "Lai Châu"]
    only_lai_chau = {(h, g) for h, g in zip(lai_chau["horizon"], lai_chau["group"])
                     if g not in shared_groups}
    assert only_lai_chau  # more targets in Lai Châu's plan than in Đồng Nai's
    lacks = shared.lacks
    assert set(zip(lacks.loc[lacks["plan"] == "Đồng Nai", "horizon"],
                   lacks.loc[lacks["plan"] == "Đồng Nai", "group"])) == only_lai_chau
    assert lacks[lacks["plan"] == "Lai Châu"].empty
    missing = shared.differences[shared.differences["status"] == Status.MISSING.value]
    assert set(zip(missing["horizon"], missing["group"])) == only_lai_chau


def test_differences_from_the_reference_compare_the_headline_numbers(shared):
    diff = shared.differences.set_index(["horizon", "group"])
    for words, horizons in SHARED_TARGETS.values():
        for horizon in horizons:
            ref, other = _row(shared, "Lai Châu", words, horizon), _row(shared, "Đồng Nai", words, horizon)
            status = diff.loc[(horizon, ref["group"]), "status"]
            if pd.isna(ref["value"]) or pd.isna(other["value"]):
                expected = "same" if pd.isna(ref["value"]) and pd.isna(other["value"]) else "differs"
            elif other["value"] != ref["value"]:
                expected = "higher" if other["value"] > ref["value"] else "lower"
            else:
                expected = "same" if other["comparator"] == ref["comparator"] else "differs"
            assert status == expected, (words, horizon)


def test_aligner_precision_and_recall_on_the_labelled_pairs(corpus_plans):
    """Every plan of the corpus compared at once; a labelled pair is predicted 'same' when its two targets
    fall in one indicator group."""
    cmp = planparse.compare(list(corpus_plans.values()))
    by_file = {name: cmp.objectives[cmp.objectives["file"].str.endswith(name)] for name in corpus_plans}
    tp = fp = fn = 0
    for pair in map(json.loads, PAIRS.read_text("utf-8").splitlines()):
        a, b = (_labelled_group(by_file, pair[side]) for side in ("a", "b"))
        tp += a == b and pair["same"]
        fp += a == b and not pair["same"]
        fn += a != b and pair["same"]
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def _labelled_group(by_file: dict[str, pd.DataFrame], target: dict) -> int:
    """The group of the parsed target closest in words to a labelled one of its horizon (it must be found)."""
    rows = by_file[target["file"].removeprefix("corpus/")]
    rows = rows[rows["horizon"] == target["horizon"]]
    overlap = [_word_f1(target["text"], text) for text in rows["text"]]
    best = max(range(len(overlap)), key=overlap.__getitem__)
    assert overlap[best] >= 0.8, f"labelled target no longer parsed: {target}"
    return int(rows.iloc[best]["group"])


def _word_f1(a: str, b: str) -> float:
    wa, wb = a.casefold().split(), b.casefold().split()
    common = sum(min(wa.count(w), wb.count(w)) for w in set(wa))
    return 2 * common / (len(wa) + len(wb)) if common else 0.0


def test_the_labelled_pairs_hold_hard_negatives_and_cross_plan_positives():
    pairs = [json.loads(line) for line in PAIRS.read_text("utf-8").splitlines()]
    assert all((CORPUS.parent / p[side]["file"]).exists() for p in pairs for side in "ab")
    positives = [p for p in pairs if p["same"]]
    negatives = [p for p in pairs if not p["same"]]
    assert len(positives) >= 20 and len(negatives) >= len(positives)
    assert any(p["a"]["file"] != p["b"]["file"] for p in positives)
    assert sum(p["a"]["file"] == p["b"]["file"] for p in negatives) >= 10  # same plan, same subject
    sides = [tuple((p[side]["file"], p[side]["horizon"], p[side]["text"]) for side in "ab") for p in pairs]
    assert len(set(sides)) == len(pairs)


def test_no_group_holds_two_targets_of_one_plan_for_one_year(corpus_plans):
    cmp = planparse.compare(list(corpus_plans.values()))
    counts = cmp.objectives.groupby(["plan", "horizon", "group"], dropna=False).size()
    assert counts.max() == 1
    assert len(cmp.wide) == len(cmp.objectives.drop_duplicates(["horizon", "group"]))


def test_every_tidy_row_points_at_its_target_in_the_plan_text(shared, corpus_plans):
    plans = {"Lai Châu": corpus_plans[LAI_CHAU.name], "Đồng Nai": corpus_plans[DONG_NAI.name]}
    for row in shared.objectives.itertuples():
        words = " ".join(plans[row.plan].text[row.start:row.end].split())
        assert row.text in words or words in row.text
        [objective] = [o for o in plans[row.plan].objectives if o.provenance.start == row.start]
        assert (objective.text, objective.provenance.line) == (row.text, row.line)
    assert set(shared.objectives.columns) >= {"plan", "issuer", "province", "horizon", "group", "indicator",
                                              "value", "comparator", "unit", "text", "line"}


def test_plans_are_given_as_paths_and_a_reference_outside_them_comes_first():
    cmp = planparse.compare([DONG_NAI], reference=LAI_CHAU)
    assert cmp.plans == ("Lai Châu", "Đồng Nai") and cmp.reference == "Lai Châu"
    assert list(cmp.wide.columns) == ["Lai Châu", "Đồng Nai"]
    same_file = planparse.compare([LAI_CHAU, DONG_NAI], reference=str(LAI_CHAU))
    assert same_file.plans == ("Lai Châu", "Đồng Nai")


def test_without_a_reference_there_are_no_differences_but_lacks_remain():
    cmp = planparse.compare([LAI_CHAU, DONG_NAI])
    assert cmp.reference is None and cmp.differences.empty
    assert not cmp.lacks.empty


def test_two_plans_of_one_province_get_distinct_labels(corpus_plans):
    plan = corpus_plans[LAI_CHAU.name]
    cmp = planparse.compare([plan, plan.model_copy(update={"source": plan.source.model_copy(update={"path": "x"})})])
    assert len(set(cmp.plans)) == 2


def test_budget_sources_side_by_side(shared, corpus_plans):
    for label, name in (("Lai Châu", LAI_CHAU.name), ("Đồng Nai", DONG_NAI.name)):
        kinds = {s.kind.value for s in corpus_plans[name].budget_sources}
        assert set(shared.budget_wide.index[shared.budget_wide[label] != ""]) == kinds


def test_tasks_with_their_leads(shared, corpus_plans):
    for label, name in (("Lai Châu", LAI_CHAU.name), ("Đồng Nai", DONG_NAI.name)):
        mine = shared.tasks[shared.tasks["plan"] == label]
        tasks = corpus_plans[name].tasks
        assert mine["task"].tolist() == [t.text for t in tasks]
        assert [None if pd.isna(x) else x for x in mine["lead"]] == [t.lead for t in tasks]


def _with_facts(plan: Plan, assignments: list[dict], deadlines: list[dict]) -> Plan:
    facts = plan.to_facts() | {"assignments": assignments, "deadlines": deadlines}

    class Stub(Plan):
        def to_facts(self) -> dict:
            return facts

    return Stub.model_validate(plan.model_dump())


def test_bodies_and_deadlines_come_from_the_facts_view(corpus_plans):
    """Bodies of different provinces meet without their place name; deadlines are counted by kind."""
    lai_chau = _with_facts(corpus_plans[LAI_CHAU.name], [
        {"body": "Sở Thông tin và Truyền thông", "role": "lead"},
        {"body": "Đài Phát thanh và Truyền hình Lai Châu", "role": "lead"},
        {"body": "Sở Tài chính", "role": "support"}],
        [{"kind": "annual", "month": 11, "day": 25, "text": "trước ngày 25 tháng 11 hàng năm"}])
    dong_nai = _with_facts(corpus_plans[DONG_NAI.name], [
        {"body": "Sở Thông tin và Truyền thông", "role": "lead"},
        {"body": "Sở Thông tin và Truyền thông", "role": "support"},
        {"body": "Đài Phát thanh và Truyền hình Đồng Nai", "role": "support"}],
        [{"kind": "ongoing", "text": "Thường xuyên"}, {"kind": "ongoing", "text": "Thường xuyên"}])
    cmp = planparse.compare([lai_chau, dong_nai])
    bodies = cmp.bodies_wide
    assert bodies.loc["Sở Thông tin và Truyền thông"].tolist() == ["lead", "lead, support"]
    assert bodies.loc["Đài Phát thanh và Truyền hình"].tolist() == ["lead", "support"]
    assert bodies.loc["Sở Tài chính"].tolist() == ["support", ""]
    assert cmp.deadlines_wide.loc["ongoing"].tolist() == [0, 2]
    assert cmp.deadlines_wide.loc["annual"].tolist() == [1, 0]
    assert set(cmp.deadlines.columns) >= {"plan", "kind", "text", "month", "day"}


def test_every_assignment_of_the_press_plans_is_in_the_bodies_side_by_side(shared, corpus_plans):
    bodies = shared.bodies_wide
    for label, name in (("Lai Châu", LAI_CHAU.name), ("Đồng Nai", DONG_NAI.name)):
        facts = corpus_plans[name].to_facts()["assignments"]
        assert facts
        for entry in facts:
            rows = shared.bodies[(shared.bodies["plan"] == label) & (shared.bodies["body"] == entry["body"])]
            assert entry["role"] in bodies.loc[rows["key"].iloc[0], label].split(", ")
    assert (bodies.loc["Sở Thông tin và Truyền thông"].str.contains("lead")).all()  # both plans' lead office


def test_without_pandas_compare_says_which_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.delitem(sys.modules, "planparse.comparison.tables", raising=False)
    with pytest.raises(planparse.MissingExtraError, match=r"planparse\[compare\]"):
        planparse.compare([LAI_CHAU])


def test_compare_needs_a_plan():
    with pytest.raises(ValueError):
        planparse.compare([])


# --- the aligner's parts -------------------------------------------------------------------------------------


def test_terms_leave_out_asides_places_numbers_and_stop_words():
    terms = align.terms("67% cơ quan báo chí tỉnh Lai Châu đưa nội dung lên các nền tảng số (ưu tiên trong nước)")
    assert "các" not in terms and "tỉnh" not in terms and "lai châu" not in terms
    assert not any(ch.isdigit() for t in terms for ch in t)
    assert "ưu tiên" not in terms and "nội dung" in terms and "nền tảng" in terms


def test_terms_expand_abbreviations_and_drop_the_plans_own_places():
    assert "ủy ban" in " ".join(align.terms("UBND huyện Cẩm Khê", places=["Cẩm Khê"]))
    assert not any("cẩm" in t for t in align.terms("xã của huyện Cẩm Khê", places=["Cẩm Khê"]))


def test_similarity_is_symmetric_and_shared_words_weigh_less():
    lists = [["cơ quan", "báo chí", "nền tảng", "nội dung"], ["cơ quan", "báo chí", "nền tảng", "nội dung"],
             ["cơ quan", "báo chí", "doanh thu"], ["cơ quan", "báo chí", "đào tạo"]]
    sim = align.similarities(lists)
    assert sim[0][1] == pytest.approx(1.0)
    assert all(sim[i][j] == pytest.approx(sim[j][i]) for i in range(4) for j in range(4))
    assert sim[2][3] < 0.5  # only the words every list has in common


def test_subjects_that_differ_lower_the_similarity():
    lists = [["thanh toán", "tiền mặt", "trường"], ["thanh toán", "tiền mặt", "giao dịch"]]
    plain = align.similarities(lists)[0][1]
    assert align.similarities(lists, [["trường"], ["giao dịch"]])[0][1] == pytest.approx(plain / 2)
    assert align.similarities(lists, [["trường"], []])[0][1] == pytest.approx(plain)


def test_two_years_of_one_plan_pair_only_when_their_words_repeat():
    a, b = "trạm y tế khám bệnh bảo hiểm y tế", "trạm y tế chuyển tuyến khám bệnh"
    sim = align.similarities([align.terms(a), align.terms(b)])[0][1]
    assert align.THRESHOLD <= sim < align.SAME_PLAN_THRESHOLD
    one_plan = align.align([align.Target(0, 2025, a), align.Target(0, 2030, b)])
    two_plans = align.align([align.Target(0, 2025, a), align.Target(1, 2030, b)])
    assert one_plan[0] != one_plan[1] and two_plans[0] == two_plans[1]
    repeated = align.align([align.Target(0, 2025, a), align.Target(0, 2030, a)])
    assert repeated[0] == repeated[1]


def test_align_matches_one_to_one_between_two_plans():
    targets = [align.Target(0, 2025, "cơ quan báo chí đưa nội dung lên nền tảng số"),
               align.Target(1, 2025, "cơ quan báo chí đưa nội dung lên nền tảng số trong nước"),
               align.Target(1, 2025, "cơ quan báo chí đưa nội dung lên các nền tảng số"),
               align.Target(1, 2030, "cơ quan báo chí đào tạo phóng viên")]
    groups = align.align(targets)
    assert groups[0] in (groups[1], groups[2]) and groups[1] != groups[2]
    assert groups[3] not in groups[:3]
    assert groups[0] == 0  # numbered in order of first appearance
    assert align.align([]) == []


def test_compare_reads_the_json_a_batch_wrote_as_the_command_line_does(tmp_path):
    from planparse.batch import Batch

    Batch(tmp_path).run([LAI_CHAU, DONG_NAI], jobs=1)
    saved = [tmp_path / f"{path.stem}.json" for path in (LAI_CHAU, DONG_NAI)]
    from_json = planparse.compare(saved, reference=saved[0])
    from_documents = planparse.compare([LAI_CHAU, DONG_NAI], reference=LAI_CHAU)
    pd.testing.assert_frame_equal(from_json.objectives.drop(columns="file"),
                                  from_documents.objectives.drop(columns="file"))
    assert planparse.load_plan(saved[1]).document.issuer == planparse.parse_file(DONG_NAI).document.issuer
