"""The plans database: a batch mirrored into DuckDB, its views, Parquet export, and bad database files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

duckdb = pytest.importorskip("duckdb", reason="the plans database needs planparse[db] (in .[dev])")
pd = pytest.importorskip("pandas")

import planparse  # noqa: E402
from conftest import CORPUS, ROOT, SHARED_PLANS, corpus_documents  # noqa: E402
from planparse.cli import main  # noqa: E402
from planparse.comparison.strategy import strategy_of  # noqa: E402
from planparse.database import PlanDatabase, schema  # noqa: E402

PRESS = "348/QĐ-TTg"


def _folder(root: Path, docs: list[Path]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        shutil.copy(doc, root / doc.name)
    return root


def _batch(inputs: Path, outdir: Path, db: Path) -> int:
    return main(["batch", str(inputs), "-o", str(outdir), "--db", str(db), "-j", "1", "-q"])


def _contents(path: Path) -> dict[str, list[tuple]]:
    """Every plan table's rows, each plan named by its source instead of its id (and without the time added)."""
    with PlanDatabase(path, read_only=True) as db:
        out = {}
        for name in schema.PLAN_TABLES:
            columns = [c for c, _ in schema.TABLES[name] if c not in ("plan_id", "added", "source")]
            rows = db.sql(f'SELECT d.source, {", ".join(f"t.{c}" for c in columns)} FROM "{name}" t '
                          "JOIN documents d USING (plan_id)").fetchall()
            out[name] = sorted(rows, key=repr)
        groups = db.sql("SELECT g.strategy, g.indicator_group, d.source, g.objective, g.display FROM target_groups g "
                        "JOIN documents d USING (plan_id)").fetchall()
        members: dict[tuple, set] = {}
        for strategy, group, source, objective, display in groups:
            members.setdefault((strategy, group), set()).add((source, objective, display))
        out["target_groups"] = sorted(sorted(m) for m in members.values())
    return out


def _stored(path: Path) -> dict[str, tuple]:
    with PlanDatabase(path, read_only=True) as db:
        return {source: (plan_id, added) for plan_id, source, added
                in db.sql("SELECT plan_id, source, added FROM documents").fetchall()}


def test_a_batch_again_with_a_file_changed_one_added_one_removed_holds_exactly_their_new_states(tmp_path, capsys):
    docs = corpus_documents()
    first, changed, removed, added = docs[:5], docs[1], docs[2], docs[5]
    inputs = _folder(tmp_path / "plans", first)
    db = tmp_path / "plans.duckdb"
    assert _batch(inputs, tmp_path / "out", db) == 0
    before = _stored(db)
    assert len(before) == 5

    with open(inputs / changed.name, "a", encoding="utf-8") as f:
        f.write("\n- Phấn đấu 90% hồ sơ được xử lý trực tuyến đến năm 2026.\n")
    (inputs / removed.name).unlink()
    shutil.copy(added, inputs / added.name)
    assert _batch(inputs, tmp_path / "out", db) == 0
    assert "1 plans added, 1 replaced, 1 removed, 3 unchanged" in capsys.readouterr().err

    # exactly the rows a database built afresh from the folder as it is now holds
    fresh = tmp_path / "fresh.duckdb"
    assert _batch(inputs, tmp_path / "fresh-out", fresh) == 0
    assert _contents(db) == _contents(fresh)
    # and the plans that did not change were not touched
    after = _stored(db)
    unchanged = {str((inputs / d.name).resolve()) for d in first if d not in (changed, removed)}
    assert {s: after[s] for s in unchanged} == {s: before[s] for s in unchanged}
    assert str((inputs / removed.name).resolve()) not in after


def test_a_plan_interrupted_while_written_leaves_the_database_as_it_was_before_it(tmp_path, monkeypatch):
    db_path = tmp_path / "plans.duckdb"
    lai_chau, dong_nai = (planparse.parse_file(CORPUS / name) for name in SHARED_PLANS)
    with PlanDatabase(db_path) as db:
        db.add(lai_chau, "lai-chau")
    before = _contents(db_path)

    insert = PlanDatabase._insert

    def interrupted(self, name, rows):
        if name == "tasks":  # documents, references, sections … are written; then Ctrl-C
            raise KeyboardInterrupt
        insert(self, name, rows)

    changed = lai_chau.model_copy(update={"objectives": lai_chau.objectives[:3]})
    with PlanDatabase(db_path) as db:
        monkeypatch.setattr(PlanDatabase, "_insert", interrupted)
        for plan, source in ((dong_nai, "dong-nai"), (changed, "lai-chau")):
            with pytest.raises(KeyboardInterrupt):
                db.add(plan, source)
        monkeypatch.setattr(PlanDatabase, "_insert", insert)
    assert _contents(db_path) == before
    with PlanDatabase(db_path) as db:  # and the next run adds what was interrupted
        assert db.add(dong_nai, "dong-nai")
        assert db.sql("SELECT count(*) FROM documents").fetchall() == [(2,)]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    with PlanDatabase(path) as db:
        changes = db.add_paths([CORPUS])
    assert len(changes.added) == len(corpus_documents()) and not changes.failed
    return path


def _targets(frame: pd.DataFrame) -> list[tuple]:
    columns = ["province", "horizon", "group", "display", "text", "line"]
    frame = frame[columns].astype(object).where(frame[columns].notna(), None)
    return sorted(map(tuple, frame.itertuples(index=False)), key=repr)


def test_the_targets_view_gives_every_strategy_s_targets_as_compare_shows_them(corpus_db):
    plans = [planparse.parse_file(path) for path in corpus_documents()]
    strategies = {strategy_of(p) for p in plans}
    assert PRESS in strategies and len(strategies) > 5
    with PlanDatabase(corpus_db, read_only=True) as db:
        for strategy in strategies:
            shown = planparse.compare([p for p in plans if strategy_of(p) == strategy]).objectives
            stored = db.sql("SELECT province, horizon, indicator_group AS \"group\", display, text, line "
                            "FROM targets WHERE strategy = ?", params=[strategy]).df()
            assert _targets(stored) == _targets(shown), strategy
    # the two press plans share rows: 2030's content-platform target is one group, 100% in both
    with PlanDatabase(corpus_db, read_only=True) as db:
        rows = db.sql("SELECT province, display FROM targets WHERE strategy = ? AND horizon = 2030 AND "
                      "indicator_group = (SELECT indicator_group FROM targets WHERE province = 'Lai Châu' AND "
                      "horizon = 2030 AND text LIKE '%đưa nội dung%')", params=[PRESS]).fetchall()
    assert sorted(rows) == [("Lai Châu", "100%"), ("Đồng Nai", "100%")]


def test_who_leads_what_and_the_deadlines_of_a_month_come_from_the_plans(corpus_db):
    lai_chau = planparse.parse_file(CORPUS / SHARED_PLANS[0])
    with PlanDatabase(corpus_db, read_only=True) as db:
        leads = db.sql("SELECT body, task, line FROM leads WHERE province = 'Lai Châu'").fetchall()
        november = db.sql("SELECT kind, day, text, lead FROM deadline_months WHERE province = 'Lai Châu' "
                          "AND month = 11").fetchall()
    expected = [(a.body.name, a.task, a.body.provenance.line) for a in lai_chau.assignments if a.role == "lead"]
    assert sorted(leads, key=repr) == sorted(expected, key=repr) and leads
    # README: Lai Châu's first deadline is the 25th of November every year, for the task the groups lead
    assert ("annual", 25, lai_chau.deadlines[0].time.text, "Các sở, ban, ngành; UBND các huyện, thành phố") \
        in november


def test_every_row_carries_its_provenance_into_the_plan_text(corpus_db):
    with PlanDatabase(corpus_db, read_only=True) as db:
        rows = db.sql("SELECT j.plan, o.text, o.span_start, o.span_end FROM objectives o "
                      "JOIN plan_json j USING (plan_id)").fetchall()
    assert rows
    for plan_json, text, start, end in rows:
        assert json.loads(plan_json)["text"][start:end].startswith(text[:10])


def test_parquet_export_reads_back_into_pandas_with_the_same_rows(corpus_db, tmp_path):
    assert main(["db", "export", str(corpus_db), str(tmp_path / "parquet")]) == 0
    with PlanDatabase(corpus_db, read_only=True) as db:
        for name in [*schema.TABLES, *schema.VIEWS]:
            stored = db.sql(f'SELECT * FROM "{name}"').df()
            read = pd.read_parquet(tmp_path / "parquet" / f"{name}.parquet")
            assert list(read.columns) == list(stored.columns), name
            assert _rows(read) == _rows(stored), name
    assert len(pd.read_parquet(tmp_path / "parquet" / "objectives.parquet")) > 50


def _rows(frame: pd.DataFrame) -> list[tuple]:
    """The rows as plain Python values (pandas reads a date as a date, DuckDB hands it over as a timestamp)."""
    def plain(value):
        if pd.api.types.is_scalar(value) and pd.isna(value):
            return None
        if isinstance(value, pd.Timestamp):
            return value.date() if value == value.normalize() else value.to_pydatetime()
        value = value.item() if hasattr(value, "item") else value
        return int(value) if isinstance(value, float) and value.is_integer() else value

    return sorted((tuple(map(plain, row)) for row in frame.astype(object).itertuples(index=False)), key=repr)


def test_compare_over_the_database_is_compare_over_the_plans_of_the_strategy(corpus_db, tmp_path, capsys):
    lai_chau, dong_nai = (str(CORPUS / name) for name in SHARED_PLANS)
    assert main(["compare", "--db", str(corpus_db), "--reference", lai_chau, "--format", "json"]) == 0
    from_db = json.loads(capsys.readouterr().out)
    assert main(["compare", dong_nai, lai_chau, "--reference", lai_chau, "--format", "json"]) == 0
    assert from_db == json.loads(capsys.readouterr().out)
    assert main(["compare", "--db", str(corpus_db), "--strategy", "999/QĐ-TTg"]) == 1
    assert "no plans found" in capsys.readouterr().err


def test_a_plan_added_later_is_compared_at_once(corpus_db, tmp_path, capsys):
    db = tmp_path / "plans.duckdb"
    shutil.copy(corpus_db, db)
    text = (CORPUS / SHARED_PLANS[0]).read_text("utf-8").replace("Lai Châu", "Lào Cai").replace("LAI CHÂU", "LÀO CAI")
    text = text.replace("67%", "75%")
    (tmp_path / "lao-cai.txt").write_text(text, "utf-8")
    assert main(["db", "add", str(db), str(tmp_path / "lao-cai.txt")]) == 0
    assert "1 plans added" in capsys.readouterr().err
    with PlanDatabase(db, read_only=True) as store:
        rows = store.sql("SELECT province, display FROM targets WHERE strategy = ? AND horizon = 2025 AND "
                         "text ILIKE '%đưa nội dung%'", params=[PRESS]).fetchall()
        groups = store.sql("SELECT count(DISTINCT indicator_group) FROM targets WHERE strategy = ? AND "
                           "horizon = 2025 AND text ILIKE '%đưa nội dung%'", params=[PRESS]).fetchall()
    assert sorted(rows) == [("Lai Châu", "67%"), ("Lào Cai", "75%"), ("Đồng Nai", "✓")] and groups == [(1,)]


# --- bad database files ---------------------------------------------------------------------------------------


def _fails(argv: list[str], capsys, error: type, path: Path) -> str:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("planparse: error: ") and str(path) in err and err.count("\n") == 1, err
    with pytest.raises(error) as caught:
        PlanDatabase(path).close()
    assert caught.value.path == str(path)
    return err


def test_a_file_that_is_not_duckdb_is_a_typed_error_naming_it(tmp_path, capsys):
    path = tmp_path / "plans.duckdb"
    path.write_text("not a database\n", "utf-8")
    err = _fails(["db", "add", str(path), str(CORPUS / SHARED_PLANS[0])], capsys, planparse.NotADatabaseError, path)
    assert "not a DuckDB database" in err
    assert path.read_text("utf-8") == "not a database\n"


def test_a_duckdb_file_planparse_did_not_write_is_a_typed_error(tmp_path, capsys):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    _fails(["compare", "--db", str(path)], capsys, planparse.NotADatabaseError, path)


def _with_version(path: Path, version: int) -> Path:
    PlanDatabase(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    con.close()
    return path


def test_a_database_of_a_newer_schema_says_to_upgrade_planparse(tmp_path, capsys):
    path = _with_version(tmp_path / "plans.duckdb", schema.SCHEMA_VERSION + 1)
    err = _fails(["db", "export", str(path), str(tmp_path / "out")], capsys, planparse.NewerSchemaError, path)
    assert "newer planparse" in err and "upgrade" in err


def test_a_database_of_an_older_schema_is_migrated_or_says_to_rebuild(tmp_path, capsys, monkeypatch):
    path = _with_version(tmp_path / "plans.duckdb", schema.SCHEMA_VERSION - 1)
    monkeypatch.delitem(schema.MIGRATIONS, schema.SCHEMA_VERSION - 1, raising=False)
    err = _fails(["db", "add", str(path), str(CORPUS / SHARED_PLANS[0])], capsys, planparse.OlderSchemaError, path)
    assert "rebuild" in err
    monkeypatch.setitem(schema.MIGRATIONS, schema.SCHEMA_VERSION - 1, ["ALTER TABLE documents ADD COLUMN note VARCHAR"])
    with PlanDatabase(path) as db:
        assert db.sql("SELECT value FROM meta").fetchall() == [(str(schema.SCHEMA_VERSION),)]
        assert "note" in db.sql("SELECT * FROM documents").columns


def test_a_version_1_database_keeps_its_repeats_as_amount_and_unit(tmp_path):
    path = _with_version(tmp_path / "plans.duckdb", 1)
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE deadlines ADD COLUMN every_months INTEGER")
    con.execute("INSERT INTO deadlines (plan_id, deadline, kind, text, every_months) VALUES "
                "(1, 0, 'periodic', 'định kỳ hằng quý', 3), (1, 1, 'periodic', 'định kỳ hằng năm', 12)")
    con.close()
    with PlanDatabase(path) as db:
        rows = db.sql("SELECT text, amount, unit FROM deadlines ORDER BY deadline")
        assert rows.fetchall() == [("định kỳ hằng quý", 3, "month"), ("định kỳ hằng năm", 1, "year")]
        assert "every_months" not in rows.columns


def test_a_database_another_process_writes_is_a_typed_error(tmp_path, capsys):
    path = tmp_path / "plans.duckdb"
    PlanDatabase(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('open', flush=True); "
                               "sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "open"
        err = _fails(["db", "add", str(path), str(CORPUS / SHARED_PLANS[0])], capsys, planparse.DatabaseLockedError,
                     path)
        assert "another process" in err
    finally:
        holder.communicate("", timeout=30)
    with PlanDatabase(path) as db:  # once it is closed, the database opens
        assert db.add_paths([CORPUS / SHARED_PLANS[0]]).added
