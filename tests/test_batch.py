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
    "scan.jpg": (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "UnsupportedFormatError"),  # not a document: listed too
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
    assert "JPEG image" in said["photo.jpg"] and "Excel 97-2003 workbook" in said["budget.xls"]
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


def test_a_second_run_redoes_only_what_changed_and_retries_failures(tmp_path, capsys):
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
    proc = subprocess.Popen([sys.executable, "-m", "planparse", "batch", str(src), "-o", str(out), "-j", "1"],
                            stderr=subprocess.PIPE, text=True, env=env)
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
