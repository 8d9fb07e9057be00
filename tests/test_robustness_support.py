"""Helpers shared by the robustness tests (issue 6); this module holds no tests.

* ``fingerprint_tree`` hashes every file of a corpus, so a test can show that
  nothing a user gave us was modified, added to or removed.
* ``assert_index_holds_corpus`` checks that every readable article of a
  corpus is in an index afterwards, by count and by id.
* ``readout`` runs the command line in a subprocess, as a user would.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterable

from index.load import load_articles
from index.model import Article, Problem

ROOT = Path(__file__).resolve().parent.parent

# What must never reach a terminal from article text: escape sequences and
# C0/C1 controls (other than newline), bidi overrides and isolates.
UNSAFE_CHARS = {chr(c) for c in range(0x20) if c != 0x0A} | {chr(0x7F)} | {chr(c) for c in range(0x80, 0xA0)}
UNSAFE_CHARS |= {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}


def unsafe_in(text: str) -> set[str]:
    return {c for c in text if c in UNSAFE_CHARS}


def fingerprint_tree(root: Path) -> dict[str, tuple[str, int, int]]:
    """Relative path -> (sha256, size, mtime_ns) of every file under ``root``."""
    out: dict[str, tuple[str, int, int]] = {}
    root = Path(root)
    paths: Iterable[Path] = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    for path in paths:
        st = path.stat()
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        out[str(path.relative_to(root)) if path != root else path.name] = (digest.hexdigest(), st.st_size, st.st_mtime_ns)
    return out


def readable_articles(paths: Iterable[Path]) -> tuple[set[tuple[str, str]], list[Problem]]:
    """(source, id) of every article the loader can read under ``paths``, and the problems."""
    keys: set[tuple[str, str]] = set()
    problems = []
    for item in load_articles(list(paths)):
        if isinstance(item, Article):
            keys.add((item.path, item.id))
        else:
            problems.append(item)
    return keys, problems


def indexed_articles(store) -> list[tuple[str, str]]:
    """(source, id) of every article document in ``store`` (a list: duplicates would show)."""
    return sorted((d["source"], d["article"]) for d in store.all_documents() if d.get("kind") == "article")


def assert_index_holds_corpus(store, paths: Iterable[Path]) -> int:
    """Every readable article of the corpus is in the index, by count and by id; returns the count."""
    expected, _ = readable_articles(paths)
    indexed = indexed_articles(store)
    assert len(indexed) == len(set(indexed)), "an article is in the index twice"
    assert set(indexed) == expected, f"missing {sorted(expected - set(indexed))[:5]}, unexpected {sorted(set(indexed) - expected)[:5]}"
    assert store.doc_count("article") == len(expected)
    return len(expected)


def normalised(store) -> list[tuple]:
    """The stored documents of an index in a comparable form (fingerprints aside)."""
    import json

    docs = []
    for d in store.all_documents():
        d = {k: v for k, v in d.items() if k not in ("fingerprint",)}
        docs.append(tuple(sorted((k, json.dumps(v, sort_keys=True, default=str)) for k, v in d.items())))
    return sorted(docs)


def readout(*args: str, env: dict | None = None, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """Run ``readout ARGS`` as a user would, capturing both streams as text."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True, cwd=ROOT, env=full_env, timeout=timeout, **kwargs
    )


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def drop_root_powers():
    """A ``preexec_fn`` that makes a subprocess obey file permissions, even as root.

    Tests may run as root (containers, CI), where ``chmod 000`` blocks nothing.
    The child drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from its bounding
    set before exec, so it reads and writes like an ordinary user.  Not root:
    None (nothing to drop).  Root without the power to drop them: the test is
    skipped, saying why.
    """
    import pytest

    if not is_root():
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2
    probe = subprocess.run(
        [sys.executable, "-c", "import ctypes, sys; l = ctypes.CDLL(None); sys.exit(l.prctl(24, 1, 0, 0, 0) or l.prctl(24, 2, 0, 0, 0))"],
        capture_output=True,
    )
    if probe.returncode != 0:
        pytest.skip("running as root without CAP_SETPCAP: cannot make a child obey file permissions")

    def drop() -> None:
        for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    return drop
