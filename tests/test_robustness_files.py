"""Bad input files (issue 6): each is reported with its path and reason or read
with a warning; the good ones are indexed; nothing of the corpus is modified.

Every case is one entry of ``CASES``: the bytes of a file, and what the user
must be told about it.  ``test_each_bad_file_alone`` reads each alone;
``test_a_corpus_of_every_bad_file_indexes_the_good_ones`` indexes them all
together, through the library and through ``readout index``, and checks by
count and by id that every readable article is in the index and that the
corpus is byte for byte what it was.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import time
from pathlib import Path

import pytest

from index.indexer import Indexer
from index.load import discover, load_articles, read_source
from index.model import Article, Problem
from index.store import Store

from test_robustness_support import (
    assert_index_holds_corpus,
    fingerprint_tree,
    readable_articles,
    readout,
    unsafe_in,
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
GOOD_LINE = json.dumps({"id": "good-1", "title": "Ministers meet", "date": "2024-02-03", "body": "The foreign ministers met in Vienna on Monday."})
GOOD_LINE_2 = json.dumps({"id": "good-2", "body": "The envoy flew to Nairobi for talks."})
BILLION_LAUGHS = "---\n" + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{n}: &a{n} [*a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}]\n" for n in range(1, 10)
) + "---\nThe envoy arrived in Oslo.\n"


def gz(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as handle:
        handle.write(data)
    return buffer.getvalue()


# name -> (bytes, expected articles, [(severity, reason substring, line or None)])
CASES: dict[str, tuple[bytes, int, list[tuple[str, str, int | None]]]] = {
    "empty.txt": (b"", 0, [("skipped", "empty file", None)]),
    "blank.md": (b"  \n\n\t\n", 0, [("skipped", "empty file", None)]),
    "picture.txt": (PNG, 0, [("skipped", "binary file", None)]),
    "picture.html": (PNG, 0, [("skipped", "binary file", None)]),
    "png-in-gzip.jsonl.gz": (gz(PNG), 0, [("skipped", "binary data", None)]),
    "csv-in-gzip.jsonl.gz": (gz(b"id,body\n" + b"".join(b"%d,some text\n" % n for n in range(500))), 0, [("skipped", "not a JSON lines collection", None)]),
    "gzip-named.txt": (gz(b"The envoy met the minister.\n"), 0, [("skipped", "gzip-compressed", None)]),
    "not-gzip.jsonl.gz": (GOOD_LINE.encode() + b"\n", 0, [("skipped", "not gzip data", None)]),
    "cut-short.jsonl.gz": (gz((GOOD_LINE + "\n" + GOOD_LINE_2 + "\n" + GOOD_LINE.replace("good-1", "good-3") + "\n").encode() * 1)[:-12], 2, [("skipped", "cut short", None)]),
    "random-bytes.txt": (bytes((n * 7919 + 13) % 256 for n in range(20000)), 0, [("skipped", "binary file", None)]),
    "latin1.txt": ("Talks in Zürich and Genève on Monday.".encode("latin-1"), 1, [("warning", "not valid UTF-8", None)]),
    "cp1252.md": ("The minister said: “we will meet” – in Zürich.".encode("cp1252"), 1, [("warning", "Windows-1252", None)]),
    "broken-utf8.txt": ("Talks in Zürich".encode() + b"\xff\xfe\xc3" + " resumed.".encode(), 1, [("warning", "not valid UTF-8", None)]),
    "latin1.jsonl": (json.dumps({"id": "lat-1", "body": "Talks in Zürich."}, ensure_ascii=False).encode("latin-1") + b"\n" + GOOD_LINE_2.encode() + b"\n", 2, [("warning", "1 line not valid UTF-8 (first: line 1)", 1)]),
    "utf16-bom.txt": ("Talks in Genève resumed.".encode("utf-16"), 1, []),
    "utf16-be-bom.md": (b"\xfe\xff" + "Talks in Genève resumed.".encode("utf-16-be"), 1, []),
    "utf16-bom.jsonl": ((GOOD_LINE.replace("good-1", "wide-1") + "\n" + GOOD_LINE_2.replace("good-2", "wide-2") + "\n").encode("utf-16"), 2, []),
    "utf16-no-bom.txt": ("Talks in Paris resumed on Monday.".encode("utf-16-le"), 1, [("warning", "no byte order mark", None)]),
    "utf16-odd.txt": ("Talks in Paris.".encode("utf-16") + b"\x41", 1, [("warning", "UTF-16", None)]),
    "utf8-bom.txt": ("\ufeffTalks in Lisbon.".encode(), 1, []),
    "nul-bytes.txt": (b"Talks in\x00 Oslo\x00 resumed.", 1, [("warning", "2 NUL bytes", None)]),
    "zero-filled.txt": (b"\x00" * 8192 + b"The end of a half-written file.", 0, [("skipped", "binary file (NUL bytes)", None)]),
    "unclosed.md": (b"---\ntitle: Talks\nThe envoy met the minister.\n", 0, [("skipped", "no closing '---'", None)]),
    "bad-yaml.md": (b"---\ntitle: [unclosed\n---\nBody.\n", 0, [("skipped", "malformed front matter at line", None)]),
    "list-front-matter.md": (b"---\n- a\n- b\n---\nBody.\n", 0, [("skipped", "expected key: value pairs", None)]),
    "alias-bomb.md": (BILLION_LAUGHS.encode(), 0, [("skipped", "aliases", None)]),
    "deep-yaml.md": (b"---\nx: " + b"[" * 5000 + b"]" * 5000 + b"\n---\nBody.\n", 0, [("skipped", "nested more than", None)]),
    "huge-int.md": (b"---\nn: " + b"9" * 6000 + b"\n---\nBody.\n", 0, [("skipped", "malformed front matter", None)]),
    "python-tag.md": (b"---\nx: !!python/object/apply:os.system ['touch PWNED']\n---\nBody.\n", 0, [("skipped", "malformed front matter", None)]),
    "bad-date.md": (b"---\ndate: the day after the summit\n---\nThe ministers met in Rome.\n", 1, [("warning", "unreadable date", None)]),
    "mixed.jsonl": (
        "\n".join(
            [
                GOOD_LINE,  # 1
                "{not json",  # 2
                "[1, 2, 3]",  # 3
                json.dumps({"id": "no-body", "title": "x"}),  # 4
                "[" * 100_000 + "]" * 100_000,  # 5
                '{"id": ' + "9" * 5000 + ', "body": "x"}',  # 6
                "",
                json.dumps({"id": {"a": 1}, "body": "The envoy met the minister in Kyiv."}),  # 8
                GOOD_LINE_2,  # 9
            ]
        ).encode(),
        3,
        [("skipped", "not a JSON object", 2), ("skipped", "a JSON list", 3), ("skipped", "no 'body' or 'text'", 4),
         ("skipped", "nested too deeply", 5), ("skipped", "not a JSON object", 6)],
    ),
}


def make_corpus(root: Path, names=None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names or CASES:
        (root / name).write_bytes(CASES[name][0])
    return root


def split(items):
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize("name", list(CASES))
def test_each_bad_file_alone(tmp_path: Path, name: str) -> None:
    make_corpus(tmp_path, [name])
    before = fingerprint_tree(tmp_path)
    data, articles, expected = CASES[name]
    started = time.perf_counter()
    arts, probs = split(list(read_source(tmp_path / name)))
    assert time.perf_counter() - started < 5
    assert len(arts) == articles, probs
    for severity, reason, line in expected:
        assert any(p.severity == severity and reason in p.reason and (line is None or p.line == line) for p in probs), probs
    assert len(probs) == len(expected), probs
    for p in probs:
        assert str(tmp_path / name) in p.path and not unsafe_in(str(p))
    for a in arts:
        assert a.text.strip() and not unsafe_in(a.text.replace("\n", "")) and not unsafe_in(a.title)
    assert fingerprint_tree(tmp_path) == before
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_decoded_text_keeps_its_letters(tmp_path: Path) -> None:
    make_corpus(tmp_path, ["latin1.txt", "cp1252.md", "utf16-bom.txt", "latin1.jsonl", "nul-bytes.txt", "utf16-bom.jsonl"])
    texts = {a.id: a.text for a in load_articles([tmp_path]) if isinstance(a, Article)}
    assert texts["latin1"] == "Talks in Zürich and Genève on Monday."
    assert texts["cp1252"] == "The minister said: “we will meet” – in Zürich."
    assert texts["utf16-bom"] == "Talks in Genève resumed."
    assert texts["lat-1"] == "Talks in Zürich."
    assert texts["nul-bytes"] == "Talks in Oslo resumed."
    assert {"wide-1", "wide-2"} <= set(texts)


def test_a_corpus_of_every_bad_file_indexes_the_good_ones(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "story.txt").write_text("The envoy met the minister in Accra.", encoding="utf-8")
    (corpus / "sub" / "loop").symlink_to(corpus)  # a symlink loop
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    os.mkfifo(corpus / "pipe.txt")  # would block a naive reader forever
    before = fingerprint_tree(corpus)
    expected, _ = readable_articles([corpus])
    assert len(expected) == sum(articles for _, articles, _ in CASES.values()) + 1

    store = Store(tmp_path / "ix")
    report = Indexer(store, workers=1).run([corpus])
    assert report.articles_indexed == len(expected)
    assert_index_holds_corpus(Store(store.path), [corpus])
    reasons = {(Path(p.path).name, p.line): p.reason for p in report.problems}
    assert "symbolic link" in reasons[("loop", None)] or any("loop" in r for r in reasons.values())
    assert reasons[("dangling.txt", None)] == "broken symbolic link"
    assert "not a regular file" in reasons[("pipe.txt", None)]
    assert reasons[("mixed.jsonl", 2)].startswith("not a JSON object")

    # and as the user sees it: every skipped file named with its reason, on stderr
    shown = readout("index", "--index", str(tmp_path / "ix-cli"), str(corpus), timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "Traceback" not in shown.stderr
    assert f"articles read      {len(expected)}" in shown.stdout
    for name, (_, articles, problems) in CASES.items():
        for severity, reason, line in problems:
            where = f"{corpus / name}:{line}" if line else f"{corpus / name}"
            word = "skipped" if severity == "skipped" else "warning"
            assert any(where in row and word in row and reason in row for row in shown.stderr.splitlines()), (name, reason, shown.stderr)
    assert fingerprint_tree(corpus) == before


def test_a_bad_line_among_good_ones_is_reported_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": f"w{n}", "body": f"Story {n}: the envoy met the minister."}) for n in range(1, 101)]
    lines[41] = '{"id": "w42", "body": "unterminated'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = fingerprint_tree(tmp_path)
    store = Store(tmp_path / "ix")
    report = Indexer(store, workers=1).run([path])
    assert [(p.line, p.severity) for p in report.problems] == [(42, "skipped")]
    assert str(report.problems[0]).startswith(f"{path}:42: not a JSON object")
    assert assert_index_holds_corpus(Store(store.path), [path]) == 99
    assert Store(store.path).count("article:w41") == 1 and Store(store.path).count("article:w42") == 0
    assert fingerprint_tree(tmp_path / "wire.jsonl") == before


def test_a_pipe_or_device_named_like_an_article_never_blocks(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    started = time.perf_counter()
    sources, problems = discover([tmp_path])
    direct = list(read_source(tmp_path / "pipe.txt")) + list(read_source(tmp_path / "zero.txt"))
    given = discover([tmp_path / "pipe.txt"])[1]
    assert time.perf_counter() - started < 2
    assert sources == []
    assert sorted(Path(p.path).name for p in problems) == ["pipe.txt", "zero.txt"]
    assert all("not a regular file" in p.reason for p in [*problems, *direct, *given])


def test_file_names_with_escapes_and_undecodable_bytes_are_shown_escaped(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    evil = os.fsencode(corpus) + b"/evil\x1b]0;pwned\x07\x1b[2J.txt"
    with open(evil, "wb") as handle:
        handle.write("Ministers met in Rome.".encode())
    with open(os.fsencode(corpus) + b"/caf\xe9.txt", "wb") as handle:
        handle.write("Envoys met in Paris.".encode())
    with open(os.fsencode(corpus) + b"/empty\x1b[31m.txt", "wb") as handle:
        pass
    before = fingerprint_tree(corpus)
    store = Store(tmp_path / "ix")
    report = Indexer(store, workers=1).run([corpus])
    assert report.articles_indexed == 2
    ids = {d["article"]: d["source"] for d in Store(store.path).all_documents() if d["kind"] == "article"}
    assert ids == {"caf\\xe9": f"{corpus}/caf\\xe9.txt", "evil\\x1b]0;pwned\\x07\\x1b[2J": f"{corpus}/evil\\x1b]0;pwned\\x07\\x1b[2J.txt"}
    assert [str(p) for p in report.problems] == [f"{corpus}/empty\\x1b[31m.txt: empty file"]
    assert Store(store.path).count("Rome") == 1 and Store(store.path).count("Paris") == 1
    # the command line shows them escaped, and a second run finds nothing changed
    shown = readout("index", "--index", str(tmp_path / "ix-cli"), str(corpus))
    assert shown.returncode == 0 and "\x1b" not in shown.stdout + shown.stderr
    assert "empty\\x1b[31m.txt: empty file" in shown.stderr
    assert Indexer(Store(store.path), workers=1).run([corpus]).articles_read == 0
    assert fingerprint_tree(corpus) == before


def test_duplicate_ids_across_files_keep_both_articles_addressable(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    (corpus / "a" / "story.txt").write_text("The envoy met the minister in Lima.", encoding="utf-8")
    (corpus / "b" / "story.txt").write_text("The envoy met the minister in Quito.", encoding="utf-8")
    (corpus / "wire.jsonl").write_text(json.dumps({"id": "story", "body": "Talks in Bogota."}) + "\n", encoding="utf-8")
    store = Store(tmp_path / "ix")
    Indexer(store, workers=1).run([corpus])
    store = Store(store.path)
    assert assert_index_holds_corpus(store, [corpus]) == 3
    page = store.search("article:story", kind="article", limit=10)
    assert page.total == 3 and len({h.source for h in page.hits}) == 3
    assert store.count("article:story Lima") == 1 and store.count("article:story Quito") == 1


def test_duplicate_ids_across_files_are_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    (corpus / "a" / "story.txt").write_text("The envoy met the minister in Lima.", encoding="utf-8")
    (corpus / "b" / "story.txt").write_text("The envoy met the minister in Quito.", encoding="utf-8")
    report = Indexer(Store(tmp_path / "ix"), workers=1).run([corpus])
    dupes = [p for p in report.problems if "story" in p.reason and "also in" in p.reason]
    assert len(dupes) == 1 and dupes[0].severity == "warning"
    assert str(corpus / "a" / "story.txt") in str(dupes[0]) and str(corpus / "b" / "story.txt") in str(dupes[0])
    # an incremental run that adds a third copy reports it too
    (corpus / "c.jsonl").write_text(json.dumps({"id": "story", "body": "Talks in Bogota."}) + "\n", encoding="utf-8")
    report = Indexer(Store(tmp_path / "ix"), workers=1).run([corpus])
    assert any("c.jsonl" in str(p) and "also in" in p.reason for p in report.problems)
