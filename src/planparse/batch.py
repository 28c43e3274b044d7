"""Batch conversion: many documents in parallel worker processes, nothing lost.

Outputs go to OUTDIR: one JSON file per document (``json``), or one line per document
in ``plans.jsonl`` / ``facts.jsonl`` (``jsonl``); each is written whole or not at all.
``manifest.jsonl`` records what was converted from which source (size, modification
time, parser version), so that a rerun skips what is up to date and an interrupted
batch resumes where it stopped; it records too the failures that come from a document
itself, which a rerun does not retry until the document, the parser or the limits
change (or ``retry_failed``). ``errors.jsonl`` lists every document without an output.

Each local worker converts one document at a time: one that runs past the time limit
has its worker killed and replaced, a worker's death costs only its own document, and
workers end when the batch's process does, however it ends.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import json
import multiprocessing
import multiprocessing.connection
import os
import re
import signal
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path

from planparse import __version__
from planparse.errors import FileMissingError, MissingExtraError, PlanparseError, TimeLimitError, WorkerDiedError
from planparse.model import Plan
from planparse.pipeline import parse_file
from planparse.read import SUFFIXES, Limits, Progress

MANIFEST = "manifest.jsonl"
ERRORS = "errors.jsonl"
PARSER = f"planparse {__version__}"

# office files a plan is often kept in that planparse does not read: listed with the reason, not passed over
TIMEOUT = 300.0  # seconds a document may take; a real plan takes a few
_TEMPORARY = re.compile(r"\..+\.(\d+)\.[0-9a-f]{8}\.tmp")  # what write_atomic writes first

EXIT_OK = 0
EXIT_SOME_FAILED = 3  # 1 is a batch that could not run at all, 2 a usage error
EXIT_INTERRUPTED = 130


def documents(paths: Sequence[str | Path], suffixes: Collection[str] | None = SUFFIXES) -> Iterator[tuple[Path, Path]]:
    """Each file named, and the files with ``suffixes`` (plan documents, by default; ``None``: every file)
    inside each folder named, recursively and sorted; facts views (``*.facts.json``) are not plans. A broken
    link is listed, for its reader to say so.

    Yields ``(path, relative)``: ``relative`` is the path inside the folder named, or the
    name of a file named.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if not p.name.endswith(".facts.json") and not p.is_dir()
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
    (unless the worker wrote it) or the type and message of the error; ``lasting`` for an
    error that comes from the document itself, so that converting it again would repeat it."""

    stamp: dict | None = None
    text: str | None = None
    error: str | None = None
    message: str | None = None
    lasting: bool = False


def convert(file: str, output: str | None, facts: bool, compact: bool, limits: Limits = Limits(),
            ocr: str = "auto", progress: Progress | None = None) -> Outcome:
    """Parse one document and write its output to ``output`` (or return it); runs in a worker.
    ``progress(done, total)`` is told of the pages OCR reads.

    A failure is returned, never raised.
    """
    stamp = _stamp(file)
    try:
        text = plan_json(parse_file(file, limits, ocr, progress), facts, compact)
        if output is None:
            return Outcome(stamp, text)
        write_atomic(Path(output), text)
        return Outcome(stamp)
    except PlanparseError as exc:  # a missing extra or an unreadable file is the setup's, not the document's
        return Outcome(stamp, error=type(exc).__name__, message=exc.reason,
                       lasting=not isinstance(exc, (MissingExtraError, FileMissingError)))
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
    not_retried: int = 0  # of the failed: failures of a past run, the document unchanged since
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
        if self.not_retried:
            line += (f"; {self.not_retried} of the failures not retried, the documents unchanged since they failed"
                     " (--retry-failed retries them)")
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
        *whole, tail = self.path.read_bytes().split(b"\n")  # a cut may split a character: decode whole lines
        lines = [line.decode("utf-8") for line in whole]
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


def clean_temporary(outdir: Path) -> None:
    """Remove the temporary files that writers which died (killed mid-write) left in ``outdir``."""
    for path in outdir.rglob(".*.tmp"):
        m = _TEMPORARY.fullmatch(path.name)
        if m and not _alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                path.unlink()


def _alive(pid: int) -> bool:
    if os.name != "posix":  # no harmless way to ask: keep the file
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _error_line(file: str, error: str, message: str) -> str:
    return json.dumps({"file": file, "error": error, "message": message}, ensure_ascii=False)


class Batch:
    """A batch conversion into ``outdir``: plan the jobs, skip what is up to date, run the rest.

    Each document is read within ``limits`` (its PDF pages read by OCR as ``ocr`` says) and converted within
    ``timeout`` seconds (local workers).
    """

    def __init__(self, outdir: str | Path, fmt: str = "json", facts: bool = False, limits: Limits = Limits(),
                 timeout: float = TIMEOUT, retry_failed: bool = False, ocr: str = "auto") -> None:
        if fmt not in ("json", "jsonl"):
            raise ValueError(f"format must be 'json' or 'jsonl', not {fmt!r}")
        self.outdir = Path(outdir)
        self.jsonl = fmt == "jsonl"
        self.facts = facts
        self.limits = limits
        self.ocr = ocr
        self.timeout = timeout
        self.retry_failed = retry_failed
        self.manifest = _Lines(self.outdir / MANIFEST)
        self.errors = _Lines(self.outdir / ERRORS)
        self.lines = _Lines(self.outdir / ("facts.jsonl" if facts else "plans.jsonl"))
        self.report = Report()

    @property
    def settings(self) -> dict:
        """What a failure depends on besides the document and the parser: the limits, OCR and the time limit."""
        return {**asdict(self.limits), "ocr": self.ocr, "timeout": self.timeout}

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

    def _up_to_date(self, jobs: list[Job]) -> tuple[set[Job], dict[Job, dict]]:
        """The jobs whose output exists and was made by this parser from the source as it is now, and
        the jobs that failed so (under the same limits) from the document itself, with their manifest entry."""
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
        current, failed = set(), {}
        for job in jobs:
            entry = done.get((job.source, job.output))
            if not entry or entry.get("parser") != PARSER or _stamp(job.source) != entry.get("stamp"):
                continue
            if "error" in entry:
                if not self.retry_failed and entry.get("settings") == self.settings:
                    failed[job] = entry
            elif entry.get("file") in written if self.jsonl else (self.outdir / job.output).exists():
                current.add(job)
        if self.jsonl:  # drop the lines of documents about to be converted again
            redo = {job.source for job in jobs if job not in current}
            keep = {e["file"] for (source, out), e in done.items()
                    if out == self.lines.path.name and source not in redo}
            kept = [line for file, line in written.items() if file in keep]
            if len(kept) < len(lines):
                self.lines.rewrite(kept)
        return current, failed

    def saved(self, inputs: Sequence[str | Path]) -> Iterator[tuple[str, Path | None]]:
        """Each document of ``inputs`` (its absolute path) and its up-to-date JSON output, or ``None`` if it has
        none (it failed); what ``planparse batch --db`` stores. Needs one file per document (``json``)."""
        if self.jsonl or self.facts:
            raise ValueError("only a batch of one Plan JSON file per document can be stored in a database")
        jobs, _ = self.plan(inputs)
        current, _ = self._up_to_date(jobs)
        for job in jobs:
            yield job.source, self.outdir / job.output if job in current else None

    def _finish(self, job: Job, outcome: Outcome) -> None:
        """Record one document's output (appending its line, for jsonl) or its error (in the manifest too,
        if lasting)."""
        entry = {"source": job.source, "file": job.file, "output": job.output, "stamp": outcome.stamp,
                 "parser": PARSER}
        if outcome.error is not None:
            self.errors.append(_error_line(job.file, outcome.error, outcome.message or ""))
            self.report.failed += 1
            if outcome.lasting:
                entry.update(error=outcome.error, message=outcome.message, settings=self.settings)
                self.manifest.append(json.dumps(entry, ensure_ascii=False))
            return
        if outcome.text is not None:
            key = "facts" if self.facts else "plan"
            self.lines.append(f'{{"file": {json.dumps(job.file, ensure_ascii=False)}, "{key}": {outcome.text}}}')
        self.manifest.append(json.dumps(entry, ensure_ascii=False))
        self.report.converted += 1
        self.report.bytes_read += outcome.stamp["size"] if outcome.stamp else 0

    def run(self, inputs: Sequence[str | Path], jobs: int | None = None, scheduler: str | None = None,
            progress: bool = False) -> Report:
        """Convert ``inputs`` with ``jobs`` worker processes, or on the Dask cluster at ``scheduler``."""
        from tqdm import tqdm

        start = time.perf_counter()
        self.outdir.mkdir(parents=True, exist_ok=True)
        clean_temporary(self.outdir)
        todo, collisions = self.plan(inputs)
        current, failed = self._up_to_date(todo)
        self.report.total = len(todo) + len(collisions)
        self.report.skipped = len(current)
        self.report.failed = self.report.not_retried = len(failed)
        self.report.failed += len(collisions)
        self.errors.rewrite(collisions + [_error_line(job.file, e["error"], e.get("message") or "")
                                          for job, e in failed.items()])
        todo = [job for job in todo if job not in current and job not in failed]
        bar = tqdm(total=self.report.total, initial=len(current) + len(failed), unit="doc", disable=not progress,
                   dynamic_ncols=True, smoothing=0.05)
        tasks = ((job, (job.file, None if self.jsonl else str((self.outdir / job.output).resolve()), self.facts,
                        self.jsonl, self.limits, self.ocr)) for job in todo)
        workers = jobs or os.cpu_count() or 1
        def pages(done: int, total: int) -> None:  # of the documents OCR is reading
            bar.set_postfix(**({"failed": self.report.failed} if self.report.failed else {}),
                            ocr=f"{done}/{total} pages")

        done = _on_dask(tasks, scheduler, 4 * workers) if scheduler else _Pool(workers, self.timeout, pages).run(tasks)
        try:
            for job, outcome in done:
                self._finish(job, outcome)
                bar.update()
                if self.report.failed:
                    bar.set_postfix(failed=self.report.failed, refresh=False)
        except KeyboardInterrupt:
            self.report.interrupted = True
        finally:
            done.close()  # the workers end
            bar.close()
            for lines in (self.manifest, self.errors, self.lines):
                lines.close()
            clean_temporary(self.outdir)  # of the workers stopped mid-write
            self.report.seconds = time.perf_counter() - start
        return self.report


@dataclass(frozen=True)
class _Pages:
    """A worker's word that OCR has read ``done`` of its document's ``total`` pages."""

    done: int
    total: int


class _Worker:
    """A worker process, converting the documents sent through its pipe one at a time."""

    def __init__(self, context: multiprocessing.context.BaseContext) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def result(self) -> Outcome | _Pages | None:
        """What the worker sent (its outcome, or the pages OCR has read so far), or ``None`` if it died."""
        try:
            return self.conn.recv() if self.conn.poll() else None
        except (EOFError, OSError):
            return None

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def death(self) -> str:
        """How the (dead) worker ended, in words."""
        code = self.process.exitcode
        if code is None or code >= 0:
            return f"exit status {code}"
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}" + (", out of memory?" if -code == signal.SIGKILL else "")
        return f"killed by signal {-code}"


def _serve(conn: multiprocessing.connection.Connection) -> None:
    """A worker's life: convert what it is sent until the pipe closes, or the process that started it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    while True:
        try:
            args = conn.recv()
        except EOFError:
            return
        conn.send(convert(*args, progress=lambda done, total: conn.send(_Pages(done, total))))


def _end_with(parent: int) -> None:
    """End this process once ``parent`` has ended (this process then belongs to another)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


class _Pool:
    """Local worker processes, each converting one document at a time within ``timeout`` seconds."""

    def __init__(self, size: int, timeout: float, pages: Progress | None = None) -> None:
        self.size = size
        self.timeout = timeout
        self.pages = pages
        self.context = multiprocessing.get_context()
        self.idle: list[_Worker] = []
        self.busy: dict[_Worker, tuple[Job, float]] = {}  # each worker's document and deadline

    def run(self, tasks: Iterable[tuple[Job, tuple]]) -> Iterator[tuple[Job, Outcome]]:
        """Convert each ``(job, arguments of convert)``, yielding each job's outcome as soon as it is known."""
        queue = iter(tasks)
        try:
            while True:
                for job, args in islice(queue, self.size - len(self.busy)):
                    self._start(job, args)
                if not self.busy:
                    return
                yield from self._ended()
        finally:
            for worker in [*self.idle, *self.busy]:
                worker.kill()

    def _start(self, job: Job, args: tuple) -> None:
        worker = self.idle.pop() if self.idle else _Worker(self.context)
        try:
            worker.conn.send(args)
        except OSError:  # it died idle: a new one takes the document
            worker.kill()
            worker = _Worker(self.context)
            worker.conn.send(args)
        self.busy[worker] = (job, time.monotonic() + self.timeout)

    def _ended(self) -> Iterator[tuple[Job, Outcome]]:
        """Wait until a document is done, a worker dies or a deadline passes; the jobs that ended so."""
        first = min(deadline for _, deadline in self.busy.values())
        ready = set(multiprocessing.connection.wait(
            [w.conn for w in self.busy] + [w.process.sentinel for w in self.busy],
            timeout=max(0.0, first - time.monotonic())))
        for worker, (job, deadline) in list(self.busy.items()):
            if worker.conn in ready or worker.process.sentinel in ready:
                outcome = worker.result()
                if isinstance(outcome, _Pages):  # still at work: OCR has read more of its pages
                    if self.pages:
                        self.pages(outcome.done, outcome.total)
                    continue
                if outcome is None:
                    worker.kill()
                    outcome = Outcome(_stamp(job.source), error=WorkerDiedError.__name__, lasting=True,
                                      message=f"the process converting it died ({worker.death()})")
                else:
                    self.idle.append(worker)
            elif time.monotonic() >= deadline:
                worker.kill()
                outcome = Outcome(_stamp(job.source), error=TimeLimitError.__name__, lasting=True,
                                  message=f"converting it took longer than the time limit of {self.timeout:g} s;"
                                          " raise it with --timeout to convert it")
            else:
                continue
            del self.busy[worker]
            yield job, outcome


def _on_dask(tasks: Iterable[tuple[Job, tuple]], scheduler: str, window: int) -> Iterator[tuple[Job, Outcome]]:
    """Convert each ``(job, arguments of convert)`` on the Dask cluster at ``scheduler`` (without a time limit),
    ``window`` documents in flight, yielding each job's outcome as soon as it is known."""
    try:
        from distributed import Client
    except ImportError:
        raise MissingExtraError("--scheduler needs Dask: pip install 'planparse[dask]'") from None
    with Client(scheduler) as client:
        pool = client.get_executor()
        queue = iter(tasks)
        pending: dict[cf.Future, Job] = {}
        try:
            while True:
                for job, args in islice(queue, window - len(pending)):
                    pending[pool.submit(convert, *args)] = job
                if not pending:
                    return
                done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    job = pending.pop(future)
                    exc = future.exception()
                    yield job, (future.result() if exc is None else
                                Outcome(error=type(exc).__name__, message=f"the worker failed: {exc}"))
        finally:
            pool.shutdown(wait=False)
