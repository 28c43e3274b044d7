"""The ``planparse`` command: a thin ``main(argv)`` over the library.

    planparse parse FILE [-o OUT]      the Plan as JSON (FILE - : standard input)
    planparse facts FILE               the planparse-facts/1 view
    planparse summary PATH...          one line per document (folders are searched)
    planparse schema [-o OUT]          the JSON Schema of a Plan
    planparse compare FILE... [--reference FILE] [--format table|csv|json|html] [-o OUT]
    planparse compare --db DB [--strategy NUMBER] [--reference FILE] …   the stored plans
    planparse batch INPUT... -o OUTDIR [--db DB]  one output per document, in parallel, resumable
    planparse db add DB PATH...        add converted plans (or documents) to a plans database
    planparse db export DB DIR         every table and view of a plans database as Parquet
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import fields
from pathlib import Path

from planparse import __version__
from planparse.batch import TIMEOUT, Batch, documents, plan_json, write_atomic
from planparse.comparison import plan_of
from planparse.errors import PlanparseError
from planparse.model import Plan, SectionKind
from planparse.pipeline import load_plan, parse_file
from planparse.read import OCR_MODES, Limits, Progress

DEFAULT_SCHEMA = Path("schemas/plan.schema.json")
HEADINGS = {SectionKind.ARTICLE, SectionKind.ROMAN, SectionKind.ARABIC, SectionKind.DECIMAL, SectionKind.CAPS}


def schema_json() -> str:
    """The JSON Schema of :class:`Plan`, as committed in ``schemas/plan.schema.json``."""
    return json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


def _write(text: str, out: str | None) -> None:
    if out in (None, "-"):
        sys.stdout.write(text)
        return
    write_atomic(Path(out), text)


def summary_line(path: Path, plan: Plan) -> str:
    """One line about a parsed plan: what, which, when, who, and how much was found."""
    doc = plan.document
    headings = sum(1 for s in plan.walk() if s.kind in HEADINGS)
    parts = [
        doc.type or "?",
        doc.number or "(no number)",
        doc.date.isoformat() if doc.date else "(no date)",
        doc.issuer or "(issuer unknown)",
        f"{len(plan.references)} references",
        f"{headings} headings",
    ]
    return f"{path}: " + " · ".join(parts)


def _parse_input(name: str, limits: Limits, ocr: str = "auto") -> Plan:
    """The plan of the file ``name``, or of standard input for ``-`` (in any format), within ``limits``; a bar
    counts the pages read by OCR when standard error is a terminal."""
    with _page_bar() as progress:
        if name != "-":
            return parse_file(name, limits, ocr, progress)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "stdin"
            path.write_bytes(sys.stdin.buffer.read(limits.file_bytes + 1))  # more is refused, unread
            try:
                plan = parse_file(path, limits, ocr, progress)
            except PlanparseError as exc:
                raise exc.with_path("<stdin>") from None
    return plan.model_copy(update={"source": plan.source.model_copy(update={"path": None})})


@contextlib.contextmanager
def _page_bar() -> Iterator[Progress | None]:
    """A progress callback drawing a bar of the pages read by OCR (none when standard error is not a terminal)."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="page", desc="OCR", leave=False, dynamic_ncols=True)
        bar.update(done - bar.n)

    try:
        yield progress
    finally:
        if bar is not None:
            bar.close()


def _cmd_parse(args: argparse.Namespace) -> int:
    _write(plan_json(_parse_input(args.file, _limits(args), args.ocr)), args.output)
    return 0


def _cmd_facts(args: argparse.Namespace) -> int:
    _write(plan_json(_parse_input(args.file, _limits(args), args.ocr), facts=True), args.output)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    _write(schema_json(), args.output)
    if args.output not in (None, "-"):
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    failed = done = 0
    for path, _ in documents(args.paths):
        try:
            print(summary_line(path, parse_file(path, _limits(args), args.ocr)), flush=True)
            done += 1
        except PlanparseError as exc:
            print(f"planparse: error: {exc}", file=sys.stderr, flush=True)
            failed += 1
    print(f"{done} parsed, {failed} failed", file=sys.stderr)
    return 1 if failed or not done else 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from planparse.comparison import compare
    from planparse.comparison.report import render

    reference = plan_of(args.reference, _limits(args), args.ocr) if args.reference else None
    if args.db:
        from planparse.comparison.strategy import strategy_of
        from planparse.database import PlanDatabase

        strategy = args.strategy or (strategy_of(reference) if reference else None)
        with PlanDatabase(args.db, read_only=True) as db:
            plans = db.plans(strategy)
    else:
        plans = _plans(args.files, _limits(args), args.ocr)
    if not plans:
        where = f"{args.db} (strategy {strategy})" if args.db and strategy else args.db or " ".join(args.files)
        print(f"planparse: error: no plans found in {where}", file=sys.stderr)
        return 1
    _write(render(compare(plans, reference=reference), args.format), args.output)
    return 0


def _plans(paths: Sequence[str], limits: Limits, ocr: str) -> list[Plan]:
    """The plans named: documents are parsed; plans saved as ``*.json`` (a ``planparse batch`` folder) are loaded."""
    plans = []
    for name in paths:
        saved = [p for p, _ in documents([name], (".json",))] if Path(name).is_dir() else []
        plans += [load_plan(p) for p in saved] if saved else [plan_of(p, limits, ocr) for p, _ in documents([name])]
    return plans


def _cmd_batch(args: argparse.Namespace) -> int:
    batch = Batch(args.output, args.format, args.facts, _limits(args), args.timeout, args.retry_failed, args.ocr)
    report = batch.run(args.inputs, args.jobs, args.scheduler, progress=not args.quiet and sys.stderr.isatty())
    if report.total == 0:
        print(f"planparse: error: no documents found in {' '.join(args.inputs)}", file=sys.stderr)
        return 1
    print(report.summary(batch.outdir), file=sys.stderr)
    if args.db and not report.interrupted:
        from planparse.database import PlanDatabase

        with PlanDatabase(args.db) as db:
            print(db.sync(batch.saved(args.inputs), args.inputs).summary(db.path), file=sys.stderr)
    return report.exit_code


def _cmd_db_add(args: argparse.Namespace) -> int:
    from planparse.database import PlanDatabase

    with PlanDatabase(args.db) as db:
        changes = db.add_paths(args.paths, _limits(args), args.ocr)
    for failure in changes.failed:
        print(f"planparse: error: {failure}", file=sys.stderr)
    print(changes.summary(db.path), file=sys.stderr)
    return 1 if changes.failed else 0


def _cmd_db_export(args: argparse.Namespace) -> int:
    from planparse.database import PlanDatabase

    with PlanDatabase(args.db, read_only=True) as db:
        written = db.export(args.outdir)
    print(f"wrote {len(written)} Parquet files to {args.outdir}", file=sys.stderr)
    return 0


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return int(value)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {value!r}")
    return seconds


def _limit_options(p: argparse.ArgumentParser) -> None:
    """The ``--max-…`` options: what one document may cost (see :class:`Limits`)."""
    group = p.add_argument_group("limits", "a document over one is refused, with the option that raises it")
    for f in fields(Limits):
        group.add_argument(Limits.option(f.name), type=_positive, default=f.default, metavar="N",
                           help=f"the most {f.metadata['help']} (default: {f.default:,})")


def _ocr_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ocr", choices=OCR_MODES, default="auto",
                   help="read PDF pages by OCR (Tesseract): auto, those with no usable text (default); always; never")


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(**{f.name: getattr(args, f"max_{f.name}") for f in fields(Limits)})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planparse", description="Parse Vietnamese administrative plans.")
    parser.add_argument("--version", action="version", version=f"planparse {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("parse", help="write the Plan of a document as JSON")
    p.add_argument("file", help="the document; - reads it from standard input")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    _limit_options(p)
    _ocr_option(p)
    p.set_defaults(run=_cmd_parse)
    p = sub.add_parser("facts", help="print the planparse-facts/1 view of a document")
    p.add_argument("file", help="the document; - reads it from standard input")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    _limit_options(p)
    _ocr_option(p)
    p.set_defaults(run=_cmd_facts)
    p = sub.add_parser("summary", help="one line per document of files and folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _limit_options(p)
    _ocr_option(p)
    p.set_defaults(run=_cmd_summary)
    p = sub.add_parser("schema", help="print the JSON Schema of a Plan")
    p.add_argument("-o", "--output", help=f"output file (default: standard output; the committed one is "
                                          f"{DEFAULT_SCHEMA})")
    p.set_defaults(run=_cmd_schema)
    p = sub.add_parser("compare", help="put plans side by side: targets by indicator and year, bodies, budget")
    p.add_argument("files", nargs="*", metavar="FILE", help="plan documents or folders of them")
    p.add_argument("--db", metavar="DB", help="compare the plans stored in this plans database instead")
    p.add_argument("--strategy", metavar="NUMBER",
                   help="with --db: the plans citing this document (348/QĐ-TTg); default: the reference's strategy")
    p.add_argument("--reference", metavar="FILE", help="the plan the others are compared with")
    p.add_argument("--format", choices=("table", "csv", "json", "html"), default="table")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    _limit_options(p)
    _ocr_option(p)
    p.set_defaults(run=_cmd_compare)
    p = sub.add_parser("batch", help="convert files and folders to JSON in parallel; resumable",
                       description="Convert every document to JSON in OUTDIR. Outputs already up to date are "
                                   "skipped; failures are listed in OUTDIR/errors.jsonl. Exit status: 0 all "
                                   "converted, 3 some failed, 130 interrupted (run again to resume).")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files and folders (searched recursively)")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="folder of the outputs")
    p.add_argument("-j", "--jobs", type=_positive, metavar="N", help="worker processes (default: one per CPU)")
    p.add_argument("--format", choices=("json", "jsonl"), default="json",
                   help="json: one file per document (default); jsonl: one line per document in plans.jsonl")
    p.add_argument("--facts", action="store_true", help="write the planparse-facts/1 view instead of the Plan")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run on this Dask scheduler (needs planparse[dask])")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--timeout", type=_seconds, default=TIMEOUT, metavar="SECONDS",
                   help=f"time a document may take (default: {TIMEOUT:g}; not applied on Dask); "
                        "one that takes longer fails with TimeLimitError")
    p.add_argument("--retry-failed", action="store_true",
                   help="retry the documents that failed before, even if unchanged since (by default they are "
                        "retried only when they, the limits or planparse change)")
    p.add_argument("--db", metavar="DB", help="then store the plans in this plans database (needs planparse[db])")
    _limit_options(p)
    _ocr_option(p)
    p.set_defaults(run=_cmd_batch)
    p = sub.add_parser("db", help="a DuckDB database of plans: add plans, export it as Parquet")
    db = p.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    p = db.add_parser("add", help="add plans (JSON a batch wrote, or documents) to a database, made if new")
    p.add_argument("db", metavar="DB")
    p.add_argument("paths", nargs="+", metavar="PATH", help="JSON files, batch output folders, documents")
    _limit_options(p)
    _ocr_option(p)
    p.set_defaults(run=_cmd_db_add)
    p = db.add_parser("export", help="write every table and view as Parquet files")
    p.add_argument("db", metavar="DB")
    p.add_argument("outdir", metavar="DIR")
    p.set_defaults(run=_cmd_db_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (errors are one line on stderr, never a traceback)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "compare" and bool(args.files) == bool(args.db):
        parser.error("compare: give either plan files or --db")
    if args.command == "compare" and args.strategy and not args.db:
        parser.error("compare: --strategy needs --db")
    if args.command == "batch" and args.db and (args.format != "json" or args.facts):
        parser.error("batch: --db stores Plan JSON files: not with --format jsonl or --facts")
    try:
        return args.run(args)
    except PlanparseError as exc:
        print(f"planparse: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (| head): not an error of ours
        sys.stderr.close()
        return 0
    except OSError as exc:
        print(f"planparse: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("planparse: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
