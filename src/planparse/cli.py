"""The ``planparse`` command: a thin ``main(argv)`` over the library.

    planparse parse FILE [-o OUT]      the Plan as JSON
    planparse facts FILE               the planparse-facts/1 view
    planparse summary PATH...          one line per document (folders are searched)
    planparse schema [-o OUT]          the JSON Schema of a Plan
    planparse compare FILE... [--reference FILE] [--format table|csv|json|html] [-o OUT]
    planparse batch INPUT... -o OUTDIR one output per document, in parallel, resumable
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from planparse.batch import TIMEOUT, Batch, documents, plan_json, write_atomic
from planparse.errors import PlanparseError
from planparse.model import Plan, SectionKind
from planparse.pipeline import load_plan, parse_file
from planparse.read import Limits

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


def _cmd_parse(args: argparse.Namespace) -> int:
    _write(plan_json(parse_file(args.file, _limits(args))), args.output)
    return 0


def _cmd_facts(args: argparse.Namespace) -> int:
    _write(plan_json(parse_file(args.file, _limits(args)), facts=True), args.output)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    _write(schema_json(), args.output)
    if args.output != "-":
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    failed = done = 0
    for path, _ in documents(args.paths):
        try:
            print(summary_line(path, parse_file(path)), flush=True)
            done += 1
        except PlanparseError as exc:
            print(f"planparse: error: {exc}", file=sys.stderr, flush=True)
            failed += 1
    print(f"{done} parsed, {failed} failed", file=sys.stderr)
    return 1 if failed or not done else 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from planparse.comparison import compare
    from planparse.comparison.report import render

    plans = _plans(args.files)
    if not plans:
        print("planparse: error: no plan documents found", file=sys.stderr)
        return 1
    result = compare(plans, reference=_plan(Path(args.reference)) if args.reference else None)
    _write(render(result, args.format), args.output)
    return 0


def _plans(paths: Sequence[str]) -> list[Plan]:
    """The plans named: documents are parsed; plans saved as ``*.json`` (a ``planparse batch`` folder) are loaded."""
    plans = []
    for name in paths:
        saved = [p for p, _ in documents([name], (".json",))] if Path(name).is_dir() else []
        plans += [load_plan(p) for p in saved] if saved else [_plan(p) for p, _ in documents([name])]
    return plans


def _plan(path: Path) -> Plan:
    return load_plan(path) if path.suffix.lower() == ".json" else parse_file(path)


def _cmd_batch(args: argparse.Namespace) -> int:
    batch = Batch(args.output, args.format, args.facts, _limits(args), args.timeout, args.retry_failed)
    report = batch.run(args.inputs, args.jobs, args.scheduler, progress=not args.quiet and sys.stderr.isatty())
    if report.total == 0:
        print(f"planparse: error: no documents found in {' '.join(args.inputs)}", file=sys.stderr)
        return 1
    print(report.summary(batch.outdir), file=sys.stderr)
    return report.exit_code


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


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(**{f.name: getattr(args, f"max_{f.name}") for f in fields(Limits)})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planparse", description="Parse Vietnamese administrative plans.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("parse", help="write the Plan of a document as JSON")
    p.add_argument("file")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    _limit_options(p)
    p.set_defaults(run=_cmd_parse)
    p = sub.add_parser("facts", help="print the planparse-facts/1 view of a document")
    p.add_argument("file")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    _limit_options(p)
    p.set_defaults(run=_cmd_facts)
    p = sub.add_parser("summary", help="one line per document of files and folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(run=_cmd_summary)
    p = sub.add_parser("schema", help="write the JSON Schema of a Plan")
    p.add_argument("-o", "--output", default=str(DEFAULT_SCHEMA), help=f"default: {DEFAULT_SCHEMA}; - for stdout")
    p.set_defaults(run=_cmd_schema)
    p = sub.add_parser("compare", help="put plans side by side: targets by indicator and year, bodies, budget")
    p.add_argument("files", nargs="+", metavar="FILE", help="plan documents or folders of them")
    p.add_argument("--reference", metavar="FILE", help="the plan the others are compared with")
    p.add_argument("--format", choices=("table", "csv", "json", "html"), default="table")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
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
    _limit_options(p)
    p.set_defaults(run=_cmd_batch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (errors are one line on stderr, never a traceback)."""
    args = build_parser().parse_args(argv)
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
