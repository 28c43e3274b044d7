"""The plans database: converted plans in one DuckDB file that researchers query with SQL (needs planparse[db]).

>>> from planparse.database import PlanDatabase
>>> with PlanDatabase("plans.duckdb") as db:  # doctest: +SKIP
...     db.add_paths(["out/"])
...     db.sql("SELECT province, horizon, display, text FROM targets").fetchall()

Each plan is stored under its ``source`` (the absolute path of its document) in one transaction: a new or
changed plan replaces that plan's rows and nothing else; an interrupted write leaves the database as it was
before that plan. After plans are added or removed, the targets of every strategy touched are grouped by
indicator again, as ``planparse compare`` groups them (table ``target_groups``, view ``targets``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from planparse.batch import MANIFEST, documents
from planparse.comparison.strategy import strategy_of
from planparse.database import schema
from planparse.database.rows import Row, document_row, plan_rows
from planparse.errors import (
    DatabaseError,
    DatabaseLockedError,
    InputError,
    MissingExtraError,
    NewerSchemaError,
    NotADatabaseError,
    OlderSchemaError,
    PlanparseError,
)
from planparse.model import Plan
from planparse.pipeline import parse_file
from planparse.read import Limits

if TYPE_CHECKING:
    import duckdb

__all__ = ["PlanDatabase", "Changes"]

_LOCKED = re.compile(r"lock", re.IGNORECASE)


@dataclass
class Changes:
    """What a write did: the sources added, replaced, removed and left as they were."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    strategies: set[str | None] = field(default_factory=set)
    """the strategies whose plans changed (their targets are grouped again)"""

    def summary(self, path: Path) -> str:
        """One line: what changed in the database at ``path``."""
        return (f"{path}: {len(self.added)} plans added, {len(self.replaced)} replaced, {len(self.removed)} "
                f"removed, {len(self.unchanged)} unchanged, {len(self.failed)} failed")


class PlanDatabase:
    """A plans database file, created on first use; ``read_only`` for queries alongside other readers."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        try:
            import duckdb
            import pyarrow  # noqa: F401  (the rows of a plan are inserted as Arrow tables)
        except ImportError as exc:
            raise MissingExtraError(f"the plans database needs DuckDB ({exc}); install planparse[db]") from None
        self.path = Path(path)
        if read_only and not self.path.is_file():
            raise DatabaseError("no such database; make it with planparse db add or planparse batch --db",
                                self.path)
        try:
            self.con: duckdb.DuckDBPyConnection = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise self._open_error(exc) from None
        try:
            self._check_schema(read_only)
        except BaseException:
            self.con.close()
            raise

    def _open_error(self, exc: Exception) -> DatabaseError:
        message = str(exc)
        if _LOCKED.search(message):
            return DatabaseLockedError("another process has the database open (close it, or wait for it to "
                                       f"finish): {message}", self.path)
        if "not a valid DuckDB database" in message or "database file" in message:
            return NotADatabaseError("not a DuckDB database", self.path)
        return DatabaseError(message, self.path)

    def _check_schema(self, read_only: bool) -> None:
        tables = {row[0] for row in self.con.execute("SELECT table_name FROM information_schema.tables "
                                                     "WHERE table_schema = 'main'").fetchall()}
        if not tables:
            if read_only:
                raise NotADatabaseError("an empty DuckDB database, not a plans database", self.path)
            self._transaction(schema.create_statements())
            return
        if "meta" not in tables:
            raise NotADatabaseError("a DuckDB database, but not one planparse wrote (no meta table)", self.path)
        version = int(self._one("SELECT value FROM meta WHERE key = 'schema_version'")[0])
        if version > schema.SCHEMA_VERSION:
            raise NewerSchemaError(f"written by a newer planparse (schema {version}; this one knows "
                                   f"{schema.SCHEMA_VERSION}): upgrade planparse (pip install -U planparse)",
                                   self.path)
        if version < schema.SCHEMA_VERSION:
            self._migrate(version, read_only)

    def _migrate(self, version: int, read_only: bool) -> None:
        missing = [v for v in range(version, schema.SCHEMA_VERSION) if v not in schema.MIGRATIONS]
        if missing or read_only:
            why = "cannot be migrated" if missing else "must be migrated first (open it for writing once)"
            raise OlderSchemaError(f"written by an older planparse (schema {version}, now {schema.SCHEMA_VERSION}) "
                                   f"and {why}: rebuild it with planparse db add NEW.duckdb OUTDIR", self.path)
        statements = [s for v in range(version, schema.SCHEMA_VERSION) for s in schema.MIGRATIONS[v]]
        self._transaction([*statements, f"UPDATE meta SET value = '{schema.SCHEMA_VERSION}' "
                                        "WHERE key = 'schema_version'"])

    def _transaction(self, statements: Iterable[str]) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            for statement in statements:
                self.con.execute(statement)
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _one(self, query: str, params: Sequence | None = None) -> tuple | None:
        """The first row a query gives (the whole result is fetched: the connection is free again)."""
        rows = self.con.execute(query, params).fetchall()
        return rows[0] if rows else None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> PlanDatabase:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------------------------------

    def sql(self, query: str, params: Sequence | None = None) -> duckdb.DuckDBPyRelation:
        """A query over the tables and views (``.df()``, ``.fetchall()`` … on the result)."""
        return self.con.sql(query, params=params)

    def sources(self) -> dict[str, str]:
        """Every stored plan's source and the hash of its JSON."""
        return dict(self.con.execute("SELECT source, sha256 FROM documents").fetchall())

    def plans(self, strategy: str | None = None) -> list[Plan]:
        """The stored plans in the order they were first added; with ``strategy`` (``348/QĐ-TTg``), the plans
        that answer it (:func:`planparse.comparison.strategy.strategy_of`)."""
        query = "SELECT j.plan FROM plan_json j JOIN documents d USING (plan_id)"
        params = []
        if strategy:
            query += " WHERE lower(d.strategy) = lower(?)"
            params = ["".join(strategy.split())]
        rows = self.con.execute(query + " ORDER BY d.plan_id", params).fetchall()
        return [Plan.model_validate_json(row[0]) for row in rows]

    # --- writing ---------------------------------------------------------------------------------------------

    def add(self, plan: Plan, source: str | Path, text: str | None = None, regroup: bool = True) -> bool:
        """Store ``plan`` (whose JSON is ``text``, if at hand) under ``source``, replacing what that source had;
        ``False`` if it was stored already as it is."""
        return self._write(plan, str(source), text, self._stored(str(source)), regroup)

    def _write(self, plan: Plan, key: str, text: str | None, before: tuple | None, regroup: bool) -> bool:
        """:meth:`add`, knowing what ``key`` holds (``before``: see :meth:`_stored`)."""
        sha256 = _sha256(text if text is not None else plan.model_dump_json())
        if before is not None and before[1] == sha256:
            return False
        plan_id = before[0] if before else self._one("SELECT nextval('plan_ids')")[0]
        document = document_row(plan, plan_id, key, sha256) | {"added": dt.datetime.now()}
        tables = {"documents": [document], "plan_json": [{"plan_id": plan_id, "plan": plan.model_dump_json()}],
                  **plan_rows(plan, plan_id)}
        self.con.execute("BEGIN TRANSACTION")
        try:
            if before:
                self._delete(plan_id)
            for name, rows in tables.items():
                self._insert(name, rows)
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")
        if regroup:
            self.regroup({document["strategy"], before[2] if before else document["strategy"]})
        return True

    def remove(self, source: str | Path, regroup: bool = True) -> bool:
        """Drop the plan stored under ``source``; ``False`` if there is none."""
        row = self._stored(str(source))
        if row is None:
            return False
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._delete(row[0])
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")
        if regroup:
            self.regroup({row[2]})
        return True

    def _delete(self, plan_id: int) -> None:
        for name in schema.TABLES:
            self.con.execute(f'DELETE FROM "{name}" WHERE plan_id = ?', [plan_id])

    def _insert(self, name: str, rows: list[Row]) -> None:
        if not rows:
            return
        import pyarrow as pa

        types = {"INTEGER": pa.int32(), "DOUBLE": pa.float64(), "VARCHAR": pa.string(), "BOOLEAN": pa.bool_(),
                 "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}
        table = pa.table({c: pa.array([row.get(c) for row in rows], types[t]) for c, t in schema.TABLES[name]})
        self.con.register("_rows", table)
        try:
            self.con.execute(f'INSERT INTO "{name}" SELECT * FROM _rows')
        finally:
            self.con.unregister("_rows")

    def regroup(self, strategies: Iterable[str | None] | None = None) -> None:
        """Group the targets of the plans of each strategy (all strategies by default) by indicator, as
        ``planparse compare`` does over those plans, in one transaction per strategy."""
        from planparse.comparison import compare

        if strategies is None:
            strategies = [row[0] for row in self.con.execute("SELECT DISTINCT strategy FROM documents").fetchall()]
        for strategy in strategies:
            rows = self.con.execute(
                "SELECT d.plan_id, j.plan FROM documents d JOIN plan_json j USING (plan_id) "
                "WHERE d.strategy IS NOT DISTINCT FROM ? ORDER BY d.plan_id", [strategy]).fetchall()
            plans = [Plan.model_validate_json(text) for _, text in rows]
            targets = [(plan_id, n) for (plan_id, _), plan in zip(rows, plans) for n in range(len(plan.objectives))]
            groups: list[Row] = []
            if targets:  # the comparison's rows come plan by plan, objective by objective
                frame = compare(plans).objectives
                columns = ["group", "indicator", "value", "comparator", "unit", "display"]
                frame = frame[columns].astype(object).where(frame[columns].notna(), None)
                groups = [{"plan_id": plan_id, "objective": n, "strategy": strategy, "indicator_group": group,
                           "indicator": indicator, "value": value, "comparator": comparator, "unit": unit,
                           "display": display}
                          for (plan_id, n), (group, indicator, value, comparator, unit, display)
                          in zip(targets, frame.itertuples(index=False))]
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute("DELETE FROM target_groups WHERE strategy IS NOT DISTINCT FROM ?", [strategy])
                self._insert("target_groups", groups)
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            self.con.execute("COMMIT")

    def add_paths(self, paths: Sequence[str | Path], limits: Limits = Limits(), ocr: str = "auto") -> Changes:
        """Add plans saved as JSON (files, or folders ``planparse batch`` wrote) and plan documents (parsed
        within ``limits``, with ``ocr`` as in :func:`~planparse.parse_file`).

        A plan from a batch folder is stored under the source its ``manifest.jsonl`` names, any other under
        its file's absolute path. A file that cannot be read is listed in ``failed`` and the rest go on.
        """
        changes = Changes()
        for path, source, text in _saved(paths):
            try:
                self._store(source, path, text, changes, limits, ocr)
            except PlanparseError as exc:
                changes.failed.append(str(exc))
        self.regroup(changes.strategies)
        return changes

    def sync(self, saved: Iterable[tuple[str, Path | None]], roots: Sequence[str | Path]) -> Changes:
        """Make the database hold the plans of a batch: each ``(source, output)`` is added from its JSON
        output, or removed when it has none (it failed); a stored plan whose source lies under ``roots`` and is
        not among ``saved`` (its document is gone) is removed."""
        changes = Changes()
        seen = set()
        for source, output in saved:
            seen.add(source)
            if output is not None:
                self._store(source, output, output.read_text("utf-8"), changes)
            else:
                self._drop(source, changes)
        folders = [Path(r).resolve() for r in roots]
        for source in self.sources():
            path = Path(source)
            if source not in seen and any(path == f or f in path.parents for f in folders):
                self._drop(source, changes)
        self.regroup(changes.strategies)
        return changes

    def _stored(self, source: str) -> tuple[int, str, str | None] | None:
        """The ``plan_id``, JSON hash and strategy of the plan stored under ``source``."""
        return self._one("SELECT plan_id, sha256, strategy FROM documents WHERE source = ?", [source])

    def _store(self, source: str, path: Path, text: str | None, changes: Changes, limits: Limits = Limits(),
               ocr: str = "auto") -> None:
        """Add the plan at ``path`` (JSON ``text``, or a document to parse) unless it is stored as it is."""
        before = self._stored(source)
        if before and text is not None and before[1] == _sha256(text):
            changes.unchanged.append(source)
            return
        plan = parse_file(path, limits, ocr) if text is None else _plan_from(path, text)
        if not self._write(plan, source, text, before, regroup=False):
            changes.unchanged.append(source)
            return
        (changes.replaced if before else changes.added).append(source)
        changes.strategies |= {strategy_of(plan), *([before[2]] if before else [])}

    def _drop(self, source: str, changes: Changes) -> None:
        before = self._stored(source)
        if before and self.remove(source, regroup=False):
            changes.removed.append(source)
            changes.strategies.add(before[2])

    def export(self, outdir: str | Path) -> list[Path]:
        """Every table and view as a Parquet file in ``outdir`` (``targets.parquet`` …), for pandas, polars,
        Spark or Dask."""
        out = Path(outdir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name in [*schema.TABLES, *schema.VIEWS]:
            path = out / f"{name}.parquet"
            self.con.execute(f"COPY (SELECT * FROM \"{name}\") TO '{_quoted(path)}' (FORMAT parquet)")
            written.append(path)
        return written


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _saved(paths: Sequence[str | Path]) -> Iterable[tuple[Path, str, str | None]]:
    """Each plan named: its path, the source it is stored under, and its JSON text (``None`` for a document
    to parse)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            sources = _manifest_sources(path)
            for file, _ in documents([path], (".json",)):
                yield file, sources.get(file.resolve(), str(file.resolve())), file.read_text("utf-8")
            for file, _ in documents([path]):
                if file.suffix.lower() != ".json":
                    yield file, str(file.resolve()), None
        elif path.suffix.lower() == ".json":
            sources = _manifest_sources(path.parent)
            yield path, sources.get(path.resolve(), str(path.resolve())), path.read_text("utf-8")
        else:
            yield path, str(path.resolve()), None


def _manifest_sources(outdir: Path) -> dict[Path, str]:
    """The source of every output a batch wrote in ``outdir``, from its manifest."""
    manifest = outdir / MANIFEST
    if not manifest.is_file():
        return {}
    sources = {}
    for line in manifest.read_text("utf-8").splitlines():
        try:
            entry = json.loads(line)
            sources[(outdir / entry["output"]).resolve()] = entry["source"]
        except (ValueError, KeyError, TypeError):
            continue
    return sources


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plan_from(path: Path, text: str) -> Plan:
    """The plan whose JSON ``text`` was read from ``path``."""
    try:
        return Plan.model_validate_json(text)
    except ValidationError as exc:
        raise InputError(f"not the JSON of a parsed plan ({exc.errors()[0]['msg']})", path) from None
