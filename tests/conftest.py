"""Shared fixtures: the corpus of plans and their gold facts."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED_PLANS = ("lai-chau-3414-kh-ubnd-2023.txt", "dong-nai-2023-ke-hoach-chuyen-doi-so-bao-chi.md")


def corpus_documents() -> list[Path]:
    """Every plan document in corpus/ that has gold facts beside it."""
    docs = [p for p in sorted(CORPUS.iterdir()) if p.suffix in {".txt", ".md"}]
    return [p for p in docs if p.with_name(p.stem + ".facts.json").exists()]


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS
