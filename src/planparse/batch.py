"""Batch conversion: many documents in parallel worker processes, nothing lost.

Outputs go to OUTDIR: one JSON file per document (``json``), or one line per document
in ``plans.jsonl`` / ``facts.jsonl`` (``jsonl``); each is written whole or not at all.
``manifest.jsonl`` records what was converted from which source (size, modification
time, parser version), so that a rerun skips what is up to date and an interrupted
batch resumes where it stopped. ``errors.jsonl`` lists every failure of the last run.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import json
import os
import signal
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from planparse import __version__
from planparse.errors import MissingExtraError, PlanparseError
from planparse.model import Plan
from planparse.pipeline import parse_file
from planparse.read import SUFFIXES

MANIFEST = "manifest.jsonl"
ERRORS = "errors.jsonl"
PARSER = f"planparse {__version__}"

EXIT_OK = 0
EXIT_SOME_FAILED = 3  # 1 is a batch that could not run at all, 2 a usage error
EXIT_INTERRUPTED = 130


def documents(paths: Sequence[str | Path], suffixes: Collection[str] | None = SUFFIXES) -> Iterator[tuple[Path, Path]]:
    """Each file named, and the files with ``suffixes`` (plan documents, by default; ``None``: every file)
    inside each folder named, recursively and sorted; facts views (``*.facts.json``) are not plans.

    Yields ``(path, relative)``: ``relative`` is the path inside the folder named, or the
    name of a file named.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.endswith(".facts.json")
                           and (suffixes is None or p.suffix and p.suffix.lower() in suffixes))
            yield from ((p, p.relative_to(path)) for p in found)
        else:
            yield path, Path(path.name)


def plan_json(plan: Plan, facts: bool = False, compact: bool = False) -> str:
    """The JSON of ``plan`` (or of its facts view) as ``planparse parse``/``facts`` write it, or on one line."""
    if facts:
        text = json.dumps(plan.to_facts(), ensure_ascii=False, indent=None if compact else 1)
    else:
        text = plan.model_dump_json(indent=None if compact else 2)
    return text if compact else text + "\n"


@dataclass(frozen=True)
class Outcome:
    """What converting one document gave: the source's stamp when read, and the output text
    (unless the worker wrote it) or the type and message of the error."""

    stamp: dict | None = None
    text: str | None = None
    error: str | None = None
    message: str | None = None


def convert(file: str, output: str | None, facts: bool, compact: bool, ocr: str = "auto") -> Outcome:
    """Parse one document and write its output to ``output`` (or return it); runs in a worker.

    A failure is returned, never raised.
    """
    stamp = _stamp(file)
    try:
        text = plan_json(parse_file(file, ocr), facts, compact)
        if output is None:
            return Outcome(stamp, text)
        write_atomic(Path(output), text)
        return Outcome(stamp)
    except PlanparseError as exc:
        return Outcome(stamp, error=type(exc).__name__, message=exc.reason)
    except Exception as exc:  # a bug of ours, a full disk: recorded like any failure, the batch goes on
        return Outcome(stamp, error=type(exc).__name__, message=f"{exc}")


@dataclass(frozen=True)
class Job:
    """One document to convert: the path as found, its absolute path, and its output name in OUTDIR."""

    file: str
    source: str
    output: str


@dataclass
class Report:
    """The counts of a batch; ``exit_code`` tells all-good from some-failed from interrupted."""

    total: int = 0
    converted: int = 0
    skipped: int = 0
    failed: int = 0
    bytes_read: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_SOME_FAILED if self.failed else EXIT_OK

    def summary(self, outdir: Path) -> str:
        """One line: what was done, how fast, where the failures are listed."""
        rate = f"{self.converted / self.seconds:.1f} documents/s, {self.bytes_read / 1e6 / self.seconds:.2f} MB/s" \
            if self.seconds and self.converted else "nothing to convert"
        line = (f"{self.total} documents: {self.converted} converted, {self.skipped} up to date, "
                f"{self.failed} failed in {self.seconds:.1f} s ({rate})")
        if self.failed:
            line += f"; failures listed in {outdir / ERRORS}"
        if self.interrupted:
            line = f"interrupted; {line}; run again to resume"
        return line


class _Lines:
    """An append-only JSON-lines file whose every line is written whole by one system call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def read(self) -> list[str]:
        """The complete lines; a last line cut short by a crash is dropped from the file."""
        if not self.path.exists():
            return []
        *lines, tail = self.path.read_text("utf-8").split("\n")
        if tail:
            self.rewrite(lines)
        return lines

    def rewrite(self, lines: list[str]) -> None:
        write_atomic(self.path, "".join(line + "\n" for line in lines))

    def append(self, line: str) -> None:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.write(self._fd, (line + "\n").encode("utf-8"))

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _stamp(path: str) -> dict | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def write_atomic(path: Path, text: str) -> None:
    """Write ``path`` through a temporary file and ``os.replace``: whole or not at all, even on Ctrl-C."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8") as f:  # a new file, with the permissions the umask gives
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _error_line(file: str, error: str, message: str) -> str:
    return json.dumps({"file": file, "error": error, "message": message}, ensure_ascii=False)


class Batch:
    """A batch conversion into ``outdir``: plan the jobs, skip what is up to date, run the rest."""

    def __init__(self, outdir: str | Path, fmt: str = "json", facts: bool = False, ocr: str = "auto") -> None:
        if fmt not in ("json", "jsonl"):
            raise ValueError(f"format must be 'json' or 'jsonl', not {fmt!r}")
        self.outdir = Path(outdir)
        self.jsonl = fmt == "jsonl"
        self.facts = facts
        self.ocr = ocr
        self.manifest = _Lines(self.outdir / MANIFEST)
        self.errors = _Lines(self.outdir / ERRORS)
        self.lines = _Lines(self.outdir / ("facts.jsonl" if facts else "plans.jsonl"))
        self.report = Report()

    def plan(self, inputs: Sequence[str | Path]) -> tuple[list[Job], list[str]]:
        """The jobs for ``inputs`` (each file once) and the error lines of files whose outputs collide."""
        outdir = self.outdir.resolve()
        found: dict[str, tuple[Path, Path]] = {}
        for path, rel in documents(inputs, None):  # every file: each is converted or says why not
            source = path.resolve()
            if outdir not in source.parents:
                found.setdefault(str(source), (path, rel))
        if self.jsonl:
            return [Job(str(path), source, self.lines.path.name) for source, (path, _) in found.items()], []
        suffix = ".facts.json" if self.facts else ".json"
        claims: dict[Path, list[str]] = defaultdict(list)
        for source, (_, rel) in found.items():
            claims[rel.with_name(rel.stem + suffix)].append(source)
        named: dict[str, Path] = {}  # two sources would make one output: both keep their suffix in the name
        for out, sources in claims.items():
            for source in sources:
                rel = found[source][1]
                named[source] = out if len(sources) == 1 else rel.with_name(rel.name + suffix)
        jobs, taken, collisions = [], {}, []
        for source, out in named.items():
            path = found[source][0]
            if out in taken:
                collisions.append(_error_line(str(path), "OutputCollisionError",
                                              f"its output {out} is also that of {taken[out]}; convert it apart"))
                continue
            taken[out] = path
            jobs.append(Job(str(path), source, out.as_posix()))
        return jobs, collisions

    def _up_to_date(self, jobs: list[Job]) -> set[Job]:
        """The jobs whose output exists and was made by this parser from the source as it is now."""
        done: dict[tuple[str, str], dict] = {}
        lines = self.manifest.read()
        for line in lines:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                entry = json.loads(line)
                done[entry["source"], entry["output"]] = entry
        if len(done) < len(lines):  # superseded entries: keep the manifest as long as the outputs
            self.manifest.rewrite([json.dumps(e, ensure_ascii=False) for e in done.values()])
        lines = self.lines.read() if self.jsonl else []
        written = {}  # jsonl: the line of each document (its last line, if a crash left two)
        for line in lines:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                written[json.loads(line)["file"]] = line
        current = set()
        for job in jobs:
            entry = done.get((job.source, job.output))
            if (entry and entry.get("parser") == PARSER and _stamp(job.source) == entry.get("stamp")
                    and (entry.get("file") in written if self.jsonl else (self.outdir / job.output).exists())):
                current.add(job)
        if self.jsonl:  # drop the lines of documents about to be converted again
            redo = {job.source for job in jobs if job not in current}
            keep = {e["file"] for (source, out), e in done.items()
                    if out == self.lines.path.name and source not in redo}
            kept = [line for file, line in written.items() if file in keep]
            if len(kept) < len(lines):
                self.lines.rewrite(kept)
        return current

    def saved(self, inputs: Sequence[str | Path]) -> Iterator[tuple[str, Path | None]]:
        """Each document of ``inputs`` (its absolute path) and its up-to-date JSON output, or ``None`` if it has
        none (it failed); what ``planparse batch --db`` stores. Needs one file per document (``json``)."""
        if self.jsonl or self.facts:
            raise ValueError("only a batch of one Plan JSON file per document can be stored in a database")
        jobs, _ = self.plan(inputs)
        current = self._up_to_date(jobs)
        for job in jobs:
            yield job.source, self.outdir / job.output if job in current else None

    def _finish(self, job: Job, outcome: Outcome) -> None:
        """Record one document's output (appending its line, for jsonl) or its error."""
        if outcome.error is not None:
            self.errors.append(_error_line(job.file, outcome.error, outcome.message or ""))
            self.report.failed += 1
            return
        if outcome.text is not None:
            key = "facts" if self.facts else "plan"
            self.lines.append(f'{{"file": {json.dumps(job.file, ensure_ascii=False)}, "{key}": {outcome.text}}}')
        entry = {"source": job.source, "file": job.file, "output": job.output, "stamp": outcome.stamp,
                 "parser": PARSER}
        self.manifest.append(json.dumps(entry, ensure_ascii=False))
        self.report.converted += 1
        self.report.bytes_read += outcome.stamp["size"] if outcome.stamp else 0

    def run(self, inputs: Sequence[str | Path], jobs: int | None = None, scheduler: str | None = None,
            progress: bool = False) -> Report:
        """Convert ``inputs`` with ``jobs`` worker processes, or on the Dask cluster at ``scheduler``."""
        from tqdm import tqdm

        start = time.perf_counter()
        self.outdir.mkdir(parents=True, exist_ok=True)
        todo, collisions = self.plan(inputs)
        current = self._up_to_date(todo)
        self.report.total = len(todo) + len(collisions)
        self.report.skipped = len(current)
        self.report.failed = len(collisions)
        self.errors.rewrite(collisions)
        todo = [job for job in todo if job not in current]
        bar = tqdm(total=self.report.total, initial=len(current), unit="doc", disable=not progress,
                   dynamic_ncols=True, smoothing=0.05)
        try:
            with _Workers(jobs, scheduler) as submit:
                self._convert_all(todo, submit, bar, window=4 * (jobs or os.cpu_count() or 1))
        except KeyboardInterrupt:
            self.report.interrupted = True
        finally:
            bar.close()
            for lines in (self.manifest, self.errors, self.lines):
                lines.close()
            self.report.seconds = time.perf_counter() - start
        return self.report

    def _convert_all(self, todo: list[Job], submit: Callable[..., cf.Future], bar, window: int) -> None:
        """Keep at most ``window`` documents in flight, finishing each as soon as it is done."""
        queue = iter(todo)
        pending: dict[cf.Future, Job] = {}
        while True:
            for job in islice(queue, window - len(pending)):
                output = None if self.jsonl else str((self.outdir / job.output).resolve())
                pending[submit(convert, job.file, output, self.facts, self.jsonl, self.ocr)] = job
            if not pending:
                return
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in done:
                job = pending.pop(future)
                exc = future.exception()
                if exc is not None:  # the worker itself died (killed, out of memory): record it, go on
                    outcome = Outcome(error=type(exc).__name__, message=f"the worker failed: {exc}")
                else:
                    outcome = future.result()
                self._finish(job, outcome)
                bar.update()
                if self.report.failed:
                    bar.set_postfix(failed=self.report.failed, refresh=False)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which stops the batch between documents."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Workers(contextlib.AbstractContextManager):
    """A ``submit`` function over local worker processes, or over a Dask cluster; a broken pool is replaced."""

    def __init__(self, jobs: int | None, scheduler: str | None) -> None:
        self.jobs = jobs
        self.client = None
        if scheduler:
            try:
                from distributed import Client
            except ImportError:
                raise MissingExtraError("--scheduler needs Dask: pip install 'planparse[dask]'") from None
            self.client = Client(scheduler)
            self.pool = self.client.get_executor()
        else:
            self.pool = self._local_pool()

    def _local_pool(self) -> cf.Executor:
        return cf.ProcessPoolExecutor(max_workers=self.jobs, initializer=_ignore_sigint)

    def __enter__(self) -> Callable[..., cf.Future]:
        return self.submit

    def submit(self, fn: Callable, *args) -> cf.Future:
        try:
            return self.pool.submit(fn, *args)
        except cf.process.BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._local_pool()
            return self.pool.submit(fn, *args)

    def __exit__(self, exc_type, *_) -> None:
        if self.client is not None:
            self.pool.shutdown(wait=exc_type is None)
            self.client.close()
        else:
            self.pool.shutdown(wait=True, cancel_futures=True)
