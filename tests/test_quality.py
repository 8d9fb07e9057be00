"""Extraction quality bars, measured with the shared scoring tools.

Seeds: strict event F1 >= 0.85, detection >= 0.92, status/type/date
accuracy >= 0.90, people F1 >= 0.95 (issue 3).  The Reuters slice's
annotation (tests/gold/reuters25.yaml) is scored too against issue 3's
generalisation bar, strict F1 >= 0.75 (see README, "Extraction quality").
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REUTERS_SLICE, ROOT, SEEDS, SHARED, needs_shared

pytestmark = needs_shared

TOOLS = SHARED / "tools"
REUTERS_GOLD = ROOT / "tests" / "gold" / "reuters25.yaml"
REUTERS_STRICT_FLOOR = 0.75


def run_json(kind: str, source: Path, out: Path) -> Path:
    result = subprocess.run([sys.executable, "-m", "tui.cli", kind, "--json", str(source)], capture_output=True, text=True, cwd=ROOT, check=True)
    out.write_text(result.stdout, encoding="utf-8")
    return out


def score(tool: str, gold: Path, predictions: Path) -> str:
    return subprocess.run([sys.executable, str(TOOLS / tool), str(gold), str(predictions)], capture_output=True, text=True, check=True).stdout


def figure(report: str, pattern: str) -> float:
    match = re.search(pattern, report)
    assert match, f"{pattern!r} not in the scorer's report:\n{report}"
    return float(match.group(1))


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> str:
    events = run_json("events", SEEDS, tmp_path_factory.mktemp("q") / "e.jsonl")
    return score("score_events.py", SHARED / "gold" / "seeds.yaml", events)


def test_seed_events_meet_the_bars(seed_report: str) -> None:
    assert figure(seed_report, r"strict F1 ([\d.]+)") >= 0.85, seed_report
    assert figure(seed_report, r"event F1 ([\d.]+)") >= 0.92, seed_report
    for attribute in ("type", "status", "date"):
        assert figure(seed_report, rf"{attribute} accuracy over matched: \d+/\d+ = ([\d.]+)") >= 0.90, seed_report


def test_seed_people_meet_the_bar(tmp_path: Path) -> None:
    entities = run_json("entities", SEEDS, tmp_path / "n.jsonl")
    assert figure(score("score_people.py", SHARED / "gold" / "seeds.yaml", entities), r"people F1 ([\d.]+)") >= 0.95


def test_reuters_slice_does_not_regress(tmp_path: Path) -> None:
    events = run_json("events", REUTERS_SLICE, tmp_path / "r.jsonl")
    report = score("score_events.py", REUTERS_GOLD, events)
    assert figure(report, r"strict F1 ([\d.]+)") >= REUTERS_STRICT_FLOOR, report
    entities = run_json("entities", REUTERS_SLICE, tmp_path / "rn.jsonl")
    assert figure(score("score_people.py", REUTERS_GOLD, entities), r"people F1 ([\d.]+)") >= 0.90


LATER_SLICES = {
    "reuters_dev30": (0.63, 0.97),
    "reuters_test30": (0.62, 0.95),
    "reuters_val30": (0.66, 0.95),
    "reuters_hold30": (0.52, 0.94),
    "reuters_fresh30": (0.46, 0.96),
    "reuters_probe30": (0.42, 0.94),
    "reuters_learn30": (0.60, 0.93),
    "reuters_check30": (0.42, 0.93),
    "reuters_tune30": (0.50, 0.96),
    "reuters_tune2_30": (0.55, 0.96),
    "modern20": (0.60, 0.95),
    "modern_hold15": (0.58, 0.93),
    "modern_fresh15": (0.46, 0.91),
}
"""Floors (strict F1, people F1) a little under today's figures on the slices annotated
blind after the first was tuned on: the rules they taught must keep holding; raise them as
the rules improve."""


@pytest.mark.parametrize("name", sorted(LATER_SLICES))
def test_later_slices_do_not_regress(tmp_path: Path, name: str) -> None:
    strict_floor, people_floor = LATER_SLICES[name]
    data, gold = ROOT / "tests" / "data" / f"{name}.jsonl", ROOT / "tests" / "gold" / f"{name}.yaml"
    if not data.exists():  # a folder of bare text articles (modern20: no dates given)
        data = ROOT / "tests" / "data" / name
    events = run_json("events", data, tmp_path / "d.jsonl")
    report = score("score_events.py", gold, events)
    assert figure(report, r"strict F1 ([\d.]+)") >= strict_floor, report
    entities = run_json("entities", data, tmp_path / "dn.jsonl")
    assert figure(score("score_people.py", gold, entities), r"people F1 ([\d.]+)") >= people_floor


def test_the_seeds_as_published_without_dates_meet_the_bars(tmp_path: Path) -> None:
    """../shared/seeds holds the five articles as bare text, no sidecar: the
    extractor must date them from their own clues and still meet every bar."""
    bare = SHARED / "seeds"
    assert not list(bare.glob("*.meta.yaml")), "the shared seeds came with dates: this test no longer tests dating"
    report = score("score_events.py", SHARED / "gold" / "seeds.yaml", run_json("events", bare, tmp_path / "e.jsonl"))
    assert figure(report, r"strict F1 ([\d.]+)") >= 0.85, report
    assert figure(report, r"date accuracy over matched: \d+/\d+ = ([\d.]+)") >= 0.90, report
    people = score("score_people.py", SHARED / "gold" / "seeds.yaml", run_json("entities", bare, tmp_path / "n.jsonl"))
    assert figure(people, r"people F1 ([\d.]+)") >= 0.95, people
