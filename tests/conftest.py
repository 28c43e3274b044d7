"""Shared fixtures: the corpus of plans and their gold facts."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SCORER = Path(os.environ.get("PLANPARSE_SCORER", ROOT.parent / "shared" / "eval" / "score.py"))
REALWORLD = ROOT.parent / "shared" / "realworld" / "files"
SHARED_PLANS = ("lai-chau-3414-kh-ubnd-2023.txt", "dong-nai-2023-ke-hoach-chuyen-doi-so-bao-chi.md")


# real ministry and government plans (../shared/corpus), as their offices wrote them
REAL_PLANS = ("bo-nnmt-2200-2026", "bo-tnmt-09-2024", "bxd-836-2019", "cp-88-2022", "ttg-1422-2024")


def corpus_documents(real: bool = True) -> list[Path]:
    """Every plan document in corpus/ that has gold facts beside it; without the ``real`` ministry and
    government plans, only those the test formats (tests/formats.py) can write as PDF, DOCX and HTML."""
    docs = [p for p in sorted(CORPUS.iterdir()) if p.suffix in {".txt", ".md"}]
    return [p for p in docs if p.with_name(p.stem + ".facts.json").exists() and (real or p.stem not in REAL_PLANS)]


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_as(tmp_path_factory):
    """``corpus_as(fmt)``: every corpus plan but the real ones written as a ``pdf``, ``docx`` or ``html`` file
    (made once). The real plans' own layouts (a header in a pipe table, a table one cell a line) are more than
    tests/formats.py writes; add them here when it does."""
    import formats

    made: dict[str, dict[Path, Path]] = {}

    def make(fmt: str) -> dict[Path, Path]:
        if fmt not in made:
            folder = tmp_path_factory.mktemp(fmt)
            write = getattr(formats, f"write_{fmt}")
            made[fmt] = {doc: write(doc.read_text("utf-8"), folder / f"{doc.stem}.{fmt}")
                         for doc in corpus_documents(real=False)}
        return made[fmt]

    return make


@pytest.fixture(scope="session")
def realworld() -> Path:
    """The folder of real office files (shared/realworld/files): the tests that read them fail without it."""
    if not REALWORLD.is_dir():
        pytest.fail(f"the real office files are not at {REALWORLD} (the shared folder beside the project)")
    return REALWORLD


@pytest.fixture(scope="session")
def scorer():
    """The shared accuracy scorer (shared/eval/score.py) as a module."""
    if not SCORER.exists():
        pytest.fail(f"the shared scorer is not at {SCORER}: the accuracy tests need the project's shared folder "
                    f"(shared/, beside this repository: eval/score.py scores the facts FACTS.md defines), or "
                    f"PLANPARSE_SCORER set to the path of its score.py", pytrace=False)
    spec = importlib.util.spec_from_file_location("planparse_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
