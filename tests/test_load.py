"""Stage 1: reading files of every kind; bad files are reported, never fatal."""

import gzip
import json
from pathlib import Path

import pytest

from index.load import discover, load_articles, read_source
from index.model import Article, Problem

from conftest import REUTERS, SEEDS, needs_shared


def split(items):
    arts = [i for i in items if isinstance(i, Article)]
    probs = [i for i in items if isinstance(i, Problem)]
    return arts, probs


def test_seeds_load_with_ids_from_file_names_and_dates_from_sidecars() -> None:
    arts, probs = split(list(load_articles([SEEDS])))
    assert probs == []
    assert [a.id for a in arts] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert {a.id: a.published_date.isoformat() for a in arts}["000_a5c58ae0fba963d3"] == "2023-05-19"
    assert all(a.title for a in arts)


@needs_shared
def test_seed_files_are_the_shared_ones_byte_for_byte() -> None:
    shared = SEEDS.parent.parent / "shared" / "seeds"
    files = sorted(p for p in shared.iterdir() if p.is_file())
    assert len(files) >= 5, files
    for path in files:
        assert (SEEDS / path.name).read_bytes() == path.read_bytes(), path.name


def test_front_matter_gives_metadata_and_keeps_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Ministers meet\ndate: 2024-02-03\nsource: Wire\nurl: http://x\nregion: EU\n---\nThe ministers met in Rome.\n", encoding="utf-8")
    (a,) = split(list(read_source(path)))[0]
    assert (a.id, a.title, a.published_date.isoformat(), a.source, a.url) == ("story", "Ministers meet", "2024-02-03", "Wire", "http://x")
    assert a.metadata == {"region": "EU"}
    assert a.text == "The ministers met in Rome."


def test_jsonl_with_a_bad_line_loads_the_good_ones_and_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"id": "x1", "body": "One.", "date": "2023-01-02"}) + "\n{not json\n" + json.dumps({"text": "Two.", "tag": 5}) + "\n",
        encoding="utf-8",
    )
    arts, probs = split(list(read_source(path)))
    assert [a.id for a in arts] == ["x1", "c-3"]
    assert arts[1].metadata == {"tag": 5}
    assert len(probs) == 1 and probs[0].line == 2 and str(path) in str(probs[0])


@needs_shared
def test_the_reuters_corpus_loads_as_it_is() -> None:
    seen = 0
    with gzip.open(REUTERS, "rt", encoding="utf-8") as handle:
        first = json.loads(handle.readline())
    for item in read_source(REUTERS):
        assert isinstance(item, Article), item
        if seen == 0:
            assert item.id == first["id"] and item.dateline == first["dateline"]
            assert item.published.isoformat() == first["date"]
            assert "\n    " not in item.text
        seen += 1
        if seen == 300:
            break
    assert seen == 300


def test_unreadable_files_are_reported_with_path_and_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody", encoding="utf-8")
    (tmp_path / "bomb.md").write_text("---\na: &a [x, x]\nb: [*a, *a]\n---\nBody", encoding="utf-8")
    (tmp_path / "notgz.jsonl.gz").write_bytes(b"plain text, not gzip")
    (tmp_path / "good.txt").write_text("The envoy arrived.", encoding="utf-8")
    arts, probs = split(list(load_articles([tmp_path])))
    assert [a.id for a in arts] == ["good"]
    reasons = {Path(p.path).name: p.reason for p in probs}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["image.txt"]
    assert "malformed front matter" in reasons["bad.md"]
    assert "aliases" in reasons["bomb.md"]
    assert "compressed" in reasons["notgz.jsonl.gz"]


def test_latin1_text_is_decoded_with_a_warning_and_utf16_with_bom_is_read(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Talks in Zürich.".encode("latin-1"))
    (tmp_path / "wide.txt").write_bytes("Talks in Paris.".encode("utf-16"))
    arts, probs = split(list(load_articles([tmp_path])))
    assert sorted(a.text for a in arts) == ["Talks in Paris.", "Talks in Zürich."]
    assert [p.severity for p in probs] == ["warning"]


def test_missing_paths_and_symlink_loops_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("Envoys met.", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    sources, problems = discover([tmp_path, tmp_path / "missing"])
    assert [s.path.name for s in sources] == ["story.txt"]
    assert any("no such file" in p.reason for p in problems)
    assert any("loop" in p.reason for p in problems)


def test_html_pages_give_text_title_and_date(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Envoy visits Paris</title><meta property='article:published_time' content='2024-03-05'></head>"
        "<body><nav>Home | World</nav><article><h1>Envoy visits Paris</h1>"
        "<p>The special envoy arrived in Paris on Tuesday for two days of talks with French officials on the crisis.</p>"
        "<p>He is expected to meet the foreign minister on Wednesday before flying to Berlin for further meetings.</p>"
        "</article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    (a,) = split(list(read_source(page)))[0]
    assert a.title == "Envoy visits Paris"
    assert a.published_date.isoformat() == "2024-03-05"
    assert "arrived in Paris on Tuesday" in a.text and "Home | World" not in a.text


@pytest.mark.parametrize(
    "text, place",
    [
        ("Leaders hold talks\n\nNUSA DUA, Indonesia, Nov 14 (Reuters) - The two leaders met.", "Nusa Dua"),
        ("WOODSIDE, California, Nov 15 (Reuters) - The two leaders met.", "Woodside"),
        ("BEIJING (AP) — The minister said.", "Beijing"),
        ("Leaders agree deals\n\nWASHINGTON, June 22\n\nThe two leaders met.", "Washington"),
        ("CAMP DAVID, Maryland (Kyodo) -- The leaders met.", "Camp David"),
        ("Leaders meet\n\nA. Writer\n\nSAMARKAND, SEPTEMBER 16\n\nThe leaders met.", "Samarkand"),
        ("The U.S. Agriculture Department - is not considering it.", ""),
    ],
)
def test_a_dateline_is_read_from_the_first_lines_with_its_region(text: str, place: str) -> None:
    from conftest import article

    assert article(text, None).dateline == place
