"""Batch conversion: every good document converted, every bad one listed, nothing redone, nothing half-written."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, corpus_documents
from planparse.batch import EXIT_INTERRUPTED, EXIT_SOME_FAILED, plan_json
from planparse.cli import main
from planparse.pipeline import parse_file

BAD = {  # name: (bytes, the error it must be listed with)
    "binary.txt": (b"\x00\x01\x02\xff" * 200, "UndecodableError"),
    "empty.md": (b"   \n\n", "EmptyDocumentError"),
    "english.txt": (b"Minutes of the annual meeting.\nAll members were present.\n", "NotAPlanError"),
    "latin1.txt": (b"K\xe9 ho\xe1ch s\xf4 12\n", "UndecodableError"),
    "scan.jpg": (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "CorruptFileError"),  # an image that cannot be decoded: listed too
    "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "UnsupportedFormatError"),  # an OLE file, not Word
}


def _mixed_folder(root: Path) -> tuple[list[Path], dict[Path, str]]:
    """A folder of the corpus plans (some in a subfolder, one in UTF-16) with bad files among them."""
    good = []
    for i, doc in enumerate(corpus_documents()):
        path = root / ("nested/deeper" if i % 3 == 0 else "") / doc.name
        path.parent.mkdir(parents=True, exist_ok=True)
        if i == 1:
            path.write_text(doc.read_text("utf-8"), encoding="utf-16")
        else:
            shutil.copy(doc, path)
        good.append(path)
    bad = {}
    for i, (name, (data, error)) in enumerate(sorted(BAD.items())):
        path = root / ("nested" if i % 2 else "") / name
        path.write_bytes(data)
        bad[path] = error
    (root / "notes.facts.json").write_text("{}", encoding="utf-8")  # not a document: not listed
    return good, bad


def _outputs(outdir: Path, suffix: str = ".json") -> dict[str, str]:
    return {p.relative_to(outdir).as_posix(): p.read_text("utf-8") for p in sorted(outdir.rglob("*" + suffix))}


def _errors(outdir: Path) -> dict[str, str]:
    lines = (outdir / "errors.jsonl").read_text("utf-8").splitlines()
    return {json.loads(line)["file"]: json.loads(line)["error"] for line in lines}


def test_batch_accounts_for_every_file_saying_what_it_is(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(corpus_documents()[0], folder / "plan.txt")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    (folder / "budget.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
                                        + "Workbook".encode("utf-16-le") + b"\x00" * 8)
    (folder / "notes").write_bytes(b"\x00\x01" * 50)
    assert main(["batch", str(folder), "-o", str(tmp_path / "out"), "--jobs", "1"]) == EXIT_SOME_FAILED
    lines = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text("utf-8").splitlines()]
    said = {Path(line["file"]).name: line["message"] for line in lines}
    assert said.keys() == {"photo.jpg", "budget.xls", "notes"}
    assert "JPEG image cannot be decoded" in said["photo.jpg"] and "Excel 97-2003 workbook" in said["budget.xls"]
    assert "4 documents: 1 converted, 0 up to date, 3 failed" in capsys.readouterr().err


def test_batch_converts_every_good_document_and_lists_every_bad_one(tmp_path, capsys):
    good, bad = _mixed_folder(tmp_path / "in")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    code = main(["batch", str(tmp_path / "in"), str(missing), "-o", str(out), "--jobs", "2"])
    assert code == EXIT_SOME_FAILED
    for path in good:
        rel = path.relative_to(tmp_path / "in").with_suffix(".json")
        assert (out / rel).read_text("utf-8") == plan_json(parse_file(path))  # what `planparse parse` writes
    assert _errors(out) == {**{str(p): e for p, e in bad.items()}, str(missing): "FileMissingError"}
    for line in (out / "errors.jsonl").read_text("utf-8").splitlines():
        assert json.loads(line)["message"]
    err = capsys.readouterr().err
    assert f"{len(good) + len(bad) + 1} documents: {len(good)} converted, 0 up to date, {len(bad) + 1} failed" in err
    assert "errors.jsonl" in err
    assert not list(out.rglob("*.tmp"))
    mode = (out / good[0].relative_to(tmp_path / "in").with_suffix(".json")).stat().st_mode & 0o777
    assert mode == 0o666 & ~_umask()  # readable by others as any file the user writes


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_second_run_redoes_only_what_changed_and_forgets_deleted_failures(tmp_path, capsys):
    good, bad = _mixed_folder(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["batch", str(tmp_path / "in"), "-o", str(out), "-q"]) == EXIT_SOME_FAILED
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    changed = good[2]
    changed.write_text(changed.read_text("utf-8").replace("năm 2030", "năm 2035"), encoding="utf-8")
    for path in bad:
        path.unlink()
    capsys.readouterr()
    assert main(["batch", str(tmp_path / "in"), "-o", str(out), "-q"]) == 0
    assert f"{len(good)} documents: 1 converted, {len(good) - 1} up to date, 0 failed" in capsys.readouterr().err
    rewritten = {p for p, ns in stamps.items() if p.stat().st_mtime_ns != ns}
    assert rewritten == {out / changed.relative_to(tmp_path / "in").with_suffix(".json")}
    assert "năm 2035" in next(iter(rewritten)).read_text("utf-8")
    assert (out / "errors.jsonl").read_text("utf-8") == ""


def test_facts_outputs_are_the_facts_view(tmp_path):
    out = tmp_path / "out"
    assert main(["batch", str(CORPUS), "-o", str(out), "--facts", "-q"]) == 0
    outputs = _outputs(out, ".facts.json")
    assert len(outputs) == len(corpus_documents())
    for doc in corpus_documents():
        assert outputs[doc.stem + ".facts.json"] == plan_json(parse_file(doc), facts=True)


def test_jsonl_holds_one_line_per_document_and_stays_so_after_a_change(tmp_path, capsys):
    src = tmp_path / "in"
    good, _ = _mixed_folder(src)
    out = tmp_path / "out"
    main(["batch", str(src), "-o", str(out), "--format", "jsonl", "-q"])
    changed = good[0]
    changed.write_text(changed.read_text("utf-8").replace("năm 2030", "năm 2035"), encoding="utf-8")
    assert main(["batch", str(src), "-o", str(out), "--format", "jsonl", "-q"]) == EXIT_SOME_FAILED
    assert "1 converted" in capsys.readouterr().err
    lines = [json.loads(line) for line in (out / "plans.jsonl").read_text("utf-8").splitlines()]
    assert sorted(line["file"] for line in lines) == sorted(str(p) for p in good)
    for line in lines:
        assert json.dumps(line["plan"], ensure_ascii=False) == json.dumps(
            json.loads(plan_json(parse_file(line["file"]))), ensure_ascii=False)


def test_a_line_cut_short_by_a_crash_is_redone(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(CORPUS), "-o", str(out), "--format", "jsonl", "-q"]) == 0
    jsonl = out / "plans.jsonl"
    jsonl.write_bytes(jsonl.read_bytes()[:-500])  # as if the machine died while writing the last line
    capsys.readouterr()
    assert main(["batch", str(CORPUS), "-o", str(out), "--format", "jsonl", "-q"]) == 0
    assert "1 converted" in capsys.readouterr().err
    files = [json.loads(line)["file"] for line in jsonl.read_text("utf-8").splitlines()]
    assert sorted(files) == sorted(str(p) for p in corpus_documents())


def test_a_line_cut_inside_a_character_is_redone(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(CORPUS), "-o", str(out), "--format", "jsonl", "-q"]) == 0
    jsonl = out / "plans.jsonl"
    data = jsonl.read_bytes()
    jsonl.write_bytes(data[:max(k for k in range(len(data)) if data[k] >= 0xC0) + 1])  # after a letter's first byte
    capsys.readouterr()
    assert main(["batch", str(CORPUS), "-o", str(out), "--format", "jsonl", "-q"]) == 0
    assert "1 converted" in capsys.readouterr().err
    assert len(jsonl.read_text("utf-8").splitlines()) == len(corpus_documents())


def test_two_sources_with_one_name_keep_their_suffixes(tmp_path):
    doc = corpus_documents()[0]
    for suffix in (".txt", ".md"):
        shutil.copy(doc, tmp_path / f"plan{suffix}")
    out = tmp_path / "out"
    assert main(["batch", str(tmp_path / "plan.txt"), str(tmp_path / "plan.md"), "-o", str(out), "-q"]) == 0
    assert set(_outputs(out)) == {"plan.txt.json", "plan.md.json"}


def test_no_documents_found_is_an_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["batch", str(tmp_path / "empty"), "-o", str(tmp_path / "out")]) == 1
    assert "no documents found" in capsys.readouterr().err


def test_an_interrupted_batch_leaves_whole_files_and_resumes_without_redoing_work(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    docs = corpus_documents()
    for i in range(300):
        shutil.copy(docs[i % len(docs)], src / f"{i:03d}-{docs[i % len(docs)].name}")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # Ctrl-C's default action restored in the batch: a test run started in the background of a shell ignores SIGINT,
    # and a process that starts with it ignored (as nohup and & leave it) rightly keeps ignoring it
    proc = subprocess.Popen([sys.executable, "-m", "planparse", "batch", str(src), "-o", str(out), "-j", "1"],
                            stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and manifest.read_text("utf-8").count("\n") >= 10:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)  # what Ctrl-C does
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == EXIT_INTERRUPTED, err
    assert "interrupted" in err and "Traceback" not in err
    assert not list(out.rglob("*.tmp"))
    finished = {p: p.stat().st_mtime_ns for p in out.glob("*.json")}
    for path in finished:
        json.loads(path.read_text("utf-8"))  # whole, never half-written
    recorded = {out / json.loads(line)["output"] for line in manifest.read_text("utf-8").splitlines()}
    assert 10 <= len(recorded) < 300 and recorded <= set(finished)

    assert main(["batch", str(src), "-o", str(out), "-q"]) == 0
    assert f"300 documents: {300 - len(recorded)} converted, {len(recorded)} up to date" in capsys.readouterr().err
    assert all(path.stat().st_mtime_ns == finished[path] for path in recorded)
    assert len(list(out.glob("*.json"))) == 300


def test_the_dask_path_gives_the_same_outputs_as_the_local_one(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = tmp_path / "in"
    _mixed_folder(src)
    assert main(["batch", str(src), "-o", str(tmp_path / "local"), "-q"]) == EXIT_SOME_FAILED
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        code = main(["batch", str(src), "-o", str(tmp_path / "dask"), "-q", "--scheduler", cluster.scheduler_address])
    assert code == EXIT_SOME_FAILED
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local")
    assert _errors(tmp_path / "dask") == _errors(tmp_path / "local")


# -- documents that stall or kill their worker, a batch killed, failures remembered --------------------------------


def _batch_with_a_hanging_document(root: Path, copies: int = 1) -> tuple[Path, list[Path], Path]:
    """A folder of the corpus plans (``copies`` times) and one plan that never finishes parsing."""
    from hanging_batch import HANG

    src = root / "in"
    src.mkdir()
    docs = corpus_documents()
    good = []
    for i in range(copies * len(docs)):
        good.append(src / f"{i:03d}-{docs[i % len(docs)].name}")
        shutil.copy(docs[i % len(docs)], good[-1])
    hang = src / "hang.txt"
    hang.write_text(docs[0].read_text("utf-8") + f"\n{HANG}\n", encoding="utf-8")
    return src, good, hang


def _start(root: Path, *args: str) -> subprocess.Popen:
    """``planparse batch`` as a command whose hanging document's worker writes its id to root/pids."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")]),
           "HANG_PIDS": str(root / "pids")}
    return subprocess.Popen([sys.executable, str(ROOT / "tests" / "hanging_batch.py"), "batch", *args, "-q"],
                            stderr=subprocess.PIPE, text=True, env=env)


def _hanging_worker(root: Path, proc: subprocess.Popen) -> int:
    """The id of the worker stuck on the hanging document, once it is."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if (root / "pids").exists() and (root / "pids").read_text().endswith("\n"):
            return int((root / "pids").read_text().split()[0])
        assert proc.poll() is None, "the batch ended before a worker reached the hanging document"
        time.sleep(0.05)
    raise AssertionError("no worker reached the hanging document")


def _gone(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_a_document_that_never_finishes_is_cut_at_the_timeout_while_the_others_complete(tmp_path):
    src, good, hang = _batch_with_a_hanging_document(tmp_path)
    out = tmp_path / "out"
    start = time.monotonic()
    proc = _start(tmp_path, str(src), "-o", str(out), "-j", "2", "--timeout", "5")
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == EXIT_SOME_FAILED, err
    assert time.monotonic() - start < 120  # not stalled: the hanging document costs its 5 s
    assert _errors(out) == {str(hang): "TimeLimitError"}
    message = json.loads((out / "errors.jsonl").read_text("utf-8"))["message"]
    assert "5 s" in message and "--timeout" in message
    assert set(_outputs(out)) == {p.with_suffix(".json").name for p in good}
    assert _gone(_hanging_worker(tmp_path, proc))


def test_killing_a_worker_fails_only_its_own_document(tmp_path):
    src, good, hang = _batch_with_a_hanging_document(tmp_path, copies=3)
    out = tmp_path / "out"
    proc = _start(tmp_path, str(src), "-o", str(out), "-j", "2")
    os.kill(_hanging_worker(tmp_path, proc), signal.SIGKILL)  # as the kernel does when memory runs out
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == EXIT_SOME_FAILED, err
    assert _errors(out) == {str(hang): "WorkerDiedError"}
    assert "killed by SIGKILL" in (out / "errors.jsonl").read_text("utf-8")
    assert set(_outputs(out)) == {p.with_suffix(".json").name for p in good}


def test_killing_the_batch_leaves_no_worker_alive_and_a_rerun_finishes_the_job(tmp_path, capsys):
    import psutil

    src, good, hang = _batch_with_a_hanging_document(tmp_path, copies=10)
    out = tmp_path / "out"
    proc = _start(tmp_path, str(src), "-o", str(out), "-j", "2")
    hanging = _hanging_worker(tmp_path, proc)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert hanging in {w.pid for w in workers}
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not all(_gone(w.pid) for w in workers):
        time.sleep(0.1)
    assert all(_gone(w.pid) for w in workers)

    hang.unlink()
    assert main(["batch", str(src), "-o", str(out), "-q"]) == 0
    assert f"{len(good)} documents:" in capsys.readouterr().err
    assert set(_outputs(out)) == {p.with_suffix(".json").name for p in good}
    assert not list(out.rglob("*.tmp"))


def test_a_rerun_removes_the_temporary_files_of_writers_that_died(tmp_path):
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = out / "sub" / f".x.json.{int(dead.stdout)}.0123abcd.tmp"
    left.write_text('{"half": ', encoding="utf-8")
    writing = out / f".y.json.{os.getpid()}.4567cdef.tmp"  # of a writer still at work
    writing.write_text('{"half": ', encoding="utf-8")
    assert main(["batch", str(corpus_documents()[0]), "-o", str(out), "-q"]) == 0
    assert not left.exists()
    assert writing.exists()


def test_a_failure_is_retried_only_when_the_document_the_limits_or_the_wish_change(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    english = src / "english.txt"
    english.write_text("Minutes of the annual meeting.\n", encoding="utf-8")
    plan = src / corpus_documents()[0].name
    shutil.copy(corpus_documents()[0], plan)
    out = tmp_path / "out"

    def run(*args: str) -> str:
        capsys.readouterr()
        assert main(["batch", str(src), "-o", str(out), "-q", *args]) in (0, EXIT_SOME_FAILED)
        return capsys.readouterr().err

    assert "0 converted, 0 up to date, 2 failed" in run("--max-chars", "100")
    assert _errors(out) == {str(english): "NotAPlanError", str(plan): "TextTooLongError"}
    err = run("--max-chars", "100")
    assert "0 converted, 0 up to date, 2 failed" in err
    assert "2 of the failures not retried" in err and "--retry-failed" in err
    assert _errors(out) == {str(english): "NotAPlanError", str(plan): "TextTooLongError"}  # still listed
    assert "1 converted, 0 up to date, 1 failed" in run()  # other limits: the plan is retried, and read
    assert "1 of the failures not retried" in run()
    err = run("--retry-failed")
    assert "0 converted, 1 up to date, 1 failed" in err and "not retried" not in err
    english.write_text("Minutes of the annual meeting, amended.\n", encoding="utf-8")
    assert "not retried" not in run()  # changed: retried (and refused again)
    assert _errors(out) == {str(english): "NotAPlanError"}
