"""Shared fixtures: the shipped seeds, a Reuters slice, and a built index."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
REUTERS = SHARED / "corpus" / "reuters21578.jsonl.gz"
REUTERS_SLICE = ROOT / "tests" / "data" / "reuters25.jsonl"
needs_shared = pytest.mark.skipif(
    not (SHARED / "corpus").is_dir() or not (SHARED / "tools").is_dir(),
    reason=f"{SHARED} not found: the workplace's corpus, gold annotation and scoring tools (CI has them)",
)
"""For tests that read ../shared: skipped, with the reason, on a machine without it."""


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test's cache and state out of the user's home."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.delenv("READOUT_INDEX", raising=False)
    monkeypatch.delenv("READOUT_CONFIG", raising=False)


@pytest.fixture(scope="session")
def kb():
    from index.knowledge import default_knowledge

    return default_knowledge()


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from index.indexer import Indexer
    from index.store import Store

    path = tmp_path_factory.mktemp("seed-index") / "ix"
    Indexer(Store(path), workers=1).run([SEEDS])
    return path


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds, to change and delete files in."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


def article(text: str, published: str | None = "2023-05-19", article_id: str = "t1", dateline: str = ""):
    """An Article built the way the loader builds one (for stage tests)."""
    from index.load import make_article

    meta = {"date": published} if published else {}
    if dateline:
        meta["dateline"] = dateline
    return make_article(article_id, text, meta, Path(f"{article_id}.txt"), "hash")
