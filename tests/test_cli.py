"""The `readout` command end to end, on the seeds and on a Reuters slice."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REUTERS_SLICE, ROOT, SEEDS, SHARED, needs_shared

EVENT_KEYS = {"id", "article", "type", "cameo", "participants", "location", "date", "status", "sentence", "span", "evidence"}


def readout(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True, cwd=cwd, env=full_env, timeout=300)


def test_events_json_has_the_scored_form_and_spans_point_into_the_text() -> None:
    out = readout("events", "--json", str(SEEDS))
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(events) >= 10
    texts = {}
    from index.load import load_articles
    from index.model import Article

    for a in load_articles([SEEDS]):
        if isinstance(a, Article):
            texts[a.id] = a.text
    for e in events:
        assert set(e) == EVENT_KEYS
        assert e["type"] in ("meeting", "visit", "call", "talks", "summit")
        assert e["status"] in ("occurred", "planned", "proposed", "postponed", "cancelled")
        assert e["cameo"].startswith("04")
        assert texts[e["article"]][e["span"][0] : e["span"][1]] == e["sentence"]
        assert e["date"] is None or set(e["date"]) == {"start", "end", "text"}


def test_entities_json_spans_point_into_the_text() -> None:
    out = readout("entities", "--json", str(SEEDS))
    assert out.returncode == 0, out.stderr
    mentions = [json.loads(line) for line in out.stdout.splitlines()]
    kinds = {m["kind"] for m in mentions}
    assert {"person", "title", "country", "place", "date"} <= kinds
    from index.load import load_articles
    from index.model import Article

    texts = {a.id: a.text for a in load_articles([SEEDS]) if isinstance(a, Article)}
    for m in mentions:
        assert texts[m["article"]][m["span"][0] : m["span"][1]] == m["text"]


@needs_shared
def test_the_scoring_tools_read_our_output(tmp_path: Path) -> None:
    events = tmp_path / "e.jsonl"
    events.write_text(readout("events", "--json", str(SEEDS)).stdout, encoding="utf-8")
    score = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), str(SHARED / "gold" / "seeds.yaml"), str(events)], capture_output=True, text=True, check=True)
    assert score.stdout.strip().splitlines()[-1].startswith("strict F1")


def test_index_then_search_on_a_reuters_slice(tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    built = readout("index", "--index", str(index_dir), str(REUTERS_SLICE), str(SEEDS))
    assert built.returncode == 0, built.stderr
    assert "articles read      30" in built.stdout and "events found" in built.stdout
    found = readout("search", "--json", "--index", str(index_dir), "--limit", "3", "talks")
    assert found.returncode == 0, found.stderr
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert 1 <= len(hits) <= 3 and all(h["snippets"] for h in hits)
    table = readout("search", "--index", str(index_dir), "--events", "type:visit")
    assert table.returncode == 0 and "hits for type:visit" in table.stdout


def test_search_uses_the_index_readout_index_wrote_last(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert readout("index", str(SEEDS), env=env).returncode == 0
    found = readout("search", "--articles", "Raimondo", env=env)
    assert found.returncode == 0, found.stderr
    assert "hits for Raimondo" in found.stdout


def test_the_environment_variable_chooses_the_index(tmp_path: Path) -> None:
    env = {"READOUT_INDEX": str(tmp_path / "env-ix")}
    assert readout("index", str(SEEDS), env=env).returncode == 0
    assert (tmp_path / "env-ix").is_dir()


@pytest.mark.parametrize(
    "args, message",
    [
        (("index", "/no/such/path"), "/no/such/path: no such file or folder"),
        (("search", "--index", "/no/such/index", "x"), "no index here yet"),
        (("events", "--config", "/no/such/config.yaml"), "config file not found"),
    ],
)
def test_user_mistakes_are_one_clear_line_and_a_nonzero_exit(args, message) -> None:
    out = readout(*args)
    assert out.returncode == 2
    assert message in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_a_bad_query_is_one_clear_line(seed_index: Path) -> None:
    out = readout("search", "--index", str(seed_index), "bogus:field")
    assert out.returncode == 2 and "unknown field 'bogus'" in out.stderr and "Traceback" not in out.stderr


def test_a_config_with_a_wrong_type_names_the_key(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("corpus: 5\n", encoding="utf-8")
    out = readout("events", "--config", str(config))
    assert out.returncode == 2 and "key 'corpus' must be" in out.stderr


def test_markup_in_an_article_is_printed_as_inert_text(tmp_path: Path) -> None:
    story = tmp_path / "evil.txt"
    story.write_text("[bold red]Ministers[/bold red] met \x1b]52;c;ZXZpbA==\x07in Rome \x1b[2J on Monday.", encoding="utf-8")
    out = readout("entities", str(story), env={"COLUMNS": "200"})
    assert out.returncode == 0
    assert "\x1b" not in out.stdout
    events = readout("search", "--index", str(tmp_path / "ix"), "x")
    assert events.returncode == 2


def test_an_undated_article_is_named_on_stderr_with_its_estimated_dates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Secretary of State Antony Blinken said Friday (Oct 27) he would visit Beijing next week.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The talks went on late into the night, officials said.", encoding="utf-8")
    result = readout("events", "--json", str(tmp_path))
    assert result.returncode == 0
    assert "a.txt" in result.stderr and "dated from its text as 2023-10-25 to 2023-11-03" in result.stderr
    assert "b.txt" in result.stderr and "too few clues to date it" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(e["date"] is None or e["date"].get("estimated") for e in events)
