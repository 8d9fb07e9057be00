"""Extraction is a pure function: the same story gives the same events in
any process (a distributed batch engine relies on it), whatever the hash seed."""

import os
import subprocess
import sys

from conftest import REUTERS_SLICE, ROOT, SEEDS


def events_with_seed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "events", "--json", str(REUTERS_SLICE), str(SEEDS)],
        capture_output=True, text=True, cwd=ROOT, env=env, check=True,
    ).stdout


def test_events_do_not_depend_on_the_hash_seed() -> None:
    first = events_with_seed("0")
    assert first.count("\n") > 50
    assert events_with_seed("3") == first


def test_every_extraction_stage_is_in_the_fingerprint() -> None:
    """A new stage module left out of the fingerprint would let stale events survive an upgrade."""
    from pathlib import Path

    import index.fingerprint as fingerprint

    not_extraction = {"__init__", "load", "store", "results", "indexer", "config", "fingerprint"}
    stages = {p.stem for p in (Path(fingerprint.__file__).parent).glob("*.py")} - not_extraction
    assert stages <= set(fingerprint._EXTRACTION_MODULES), stages - set(fingerprint._EXTRACTION_MODULES)
