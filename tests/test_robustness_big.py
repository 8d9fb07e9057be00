"""Big inputs (issue 6): a 50 MB single-line file and a 200 MB collection are
read in bounded memory, streamed; what is too big for one article is reported,
and the rest is read.

The files are generated in the test's temporary folder.  Memory is measured
in a fresh process (peak resident size, ``ru_maxrss``) so that nothing the
test process holds can hide or fake the figure.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from index.load import MAX_ARTICLE_BYTES

from test_robustness_support import ROOT, fingerprint_tree

MB = 1_000_000

MEASURE = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    from index.load import load_articles
    from index.model import Article

    def peak_mb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    list(load_articles([Path(sys.argv[1]) / "warm-up.txt"]))  # imports and caches, before the baseline
    baseline = peak_mb()
    started = time.perf_counter()
    articles, problems = 0, []
    for item in load_articles([Path(p) for p in sys.argv[2:]]):
        if isinstance(item, Article):
            articles += 1
        else:
            problems.append([Path(item.path).name, item.line, item.severity, item.reason])
    print(json.dumps({"articles": articles, "problems": problems, "grew_mb": peak_mb() - baseline,
                      "seconds": time.perf_counter() - started}))
    """
)


def measure(folder: Path, *paths: Path) -> dict:
    folder = folder / "warm"
    folder.mkdir()
    (folder / "warm-up.txt").write_text("The envoy met the minister in Oslo on Monday.", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(folder), *map(str, paths)], capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def story(n: int, size: int = 20_000) -> str:
    sentence = f"Story {n}: the foreign ministers met in Geneva on Monday and agreed to hold further talks next month. "
    return json.dumps({"id": f"s{n}", "date": "2024-01-02", "title": f"Talks {n}", "body": (sentence * (size // len(sentence) + 1))[:size]})


def test_a_50_mb_single_line_is_reported_and_skipped_in_bounded_memory(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    line = b"word " * (50 * MB // 5)
    (corpus / "one-line.txt").write_bytes(line)
    (corpus / "one-line.html").write_bytes(b"<p>" + line + b"</p>")
    (corpus / "one-record.jsonl").write_bytes(b'{"id": "big", "body": "' + line + b'"}\n')
    with open(corpus / "between.jsonl", "wb") as handle:  # good lines around a 50 MB one
        handle.write(story(1, 500).encode() + b"\n")
        handle.write(b'{"id": "big", "body": "' + line + b'"}\n')
        handle.write(story(2, 500).encode() + b"\n")
    with gzip.open(corpus / "squeezed.jsonl.gz", "wb", compresslevel=1) as handle:  # 50 MB that gzip makes small
        handle.write(story(3, 500).encode() + b"\n" + b'{"body": "' + line + b'"}\n')
    before = fingerprint_tree(corpus)
    result = measure(tmp_path, *(corpus / n for n in ("one-line.txt", "one-line.html", "one-record.jsonl", "between.jsonl", "squeezed.jsonl.gz")))
    assert result["articles"] == 3
    reasons = {(name, line): reason for name, line, severity, reason in result["problems"] if severity == "skipped"}
    assert reasons == {
        ("one-line.txt", None): "file too large for one article: 50.0 MB (at most 2.0 MB); not read",
        ("one-line.html", None): "file too large for one article: 50.0 MB (at most 16.0 MB); not read",
        ("one-record.jsonl", 1): "line too large for one article: 50.0 MB (at most 2.0 MB); not read",
        ("one-record.jsonl", None): "no articles in the collection",
        ("between.jsonl", 2): "line too large for one article: 50.0 MB (at most 2.0 MB); not read",
        ("squeezed.jsonl.gz", 2): "line too large for one article: 50.0 MB (at most 2.0 MB); not read",
    }
    assert result["grew_mb"] < 3 * MAX_ARTICLE_BYTES / MB + 20, result  # a few articles' worth, not 50 MB
    assert result["seconds"] < 20
    assert fingerprint_tree(corpus) == before
    print(f"50 MB single lines: peak memory grew {result['grew_mb']:.1f} MB, {result['seconds']:.1f} s")


def test_a_200_mb_collection_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        while handle.tell() < 200 * MB:
            count += 1
            handle.write(story(count) + "\n")
    assert path.stat().st_size >= 200 * MB
    before = fingerprint_tree(path)
    result = measure(tmp_path, path)
    assert result["problems"] == [] and result["articles"] == count
    assert result["grew_mb"] < 40, result  # the file is 200 MB; a story is 20 KB
    assert result["seconds"] < 60
    assert fingerprint_tree(path) == before
    print(f"200 MB collection: {count} stories, peak memory grew {result['grew_mb']:.1f} MB, {result['seconds']:.1f} s")
