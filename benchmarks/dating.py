"""How well undated articles are dated: ``python -m benchmarks.dating``.

Three checks, all against days someone else fixed:

- the five seeds as ``../shared/seeds`` holds them (bare text) against the
  publication day the hand annotation gives (``../shared/gold/seeds.yaml``);
- the bare-text test sets (``tests/data/modern*/``) against their annotated day;
- every annotated Reuters test story (``tests/data/reuters*.jsonl``) with its
  date taken away, against the wire's own timestamp.

For each: how many get an estimate, how many of those windows hold the true
day, and the median width of the windows.  Prints one table; exit status 0.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml

from index.dating import estimate_publication
from index.knowledge import default_knowledge
from index.load import load_articles
from index.model import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _rows(articles: list[tuple[Article, date]]) -> tuple[int, int, int, float | None]:
    kb = default_knowledge()
    estimated = held = 0
    widths: list[int] = []
    for article, true_day in articles:
        found = estimate_publication(article.text, kb, article.dateline)
        if found is None:
            continue
        estimated += 1
        held += found.earliest <= true_day <= found.latest
        widths.append((found.latest - found.earliest).days + 1)
    return len(articles), estimated, held, statistics.median(widths) if widths else None


def _annotated(folder: Path, gold_path: Path) -> list[tuple[Article, date]]:
    """The bare-text articles of ``folder``, each with the publication day its annotation gives."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))["articles"]
    return [(a, gold[a.id]["published"]["date"]) for a in load_articles([folder]) if isinstance(a, Article) and a.id in gold]


def seeds() -> list[tuple[Article, date]]:
    return _annotated(SHARED / "seeds", SHARED / "gold" / "seeds.yaml")


def modern() -> list[tuple[Article, date]]:
    """The bare-text sets written for the tests (tests/data/modern*/), against their annotated day."""
    found = []
    for folder in sorted(p for p in (ROOT / "tests" / "data").glob("modern*") if p.is_dir()):
        found.extend(_annotated(folder, ROOT / "tests" / "gold" / f"{folder.name}.yaml"))
    return found


def reuters() -> list[tuple[Article, date]]:
    found = []
    for path in sorted((ROOT / "tests" / "data").glob("reuters*.jsonl")):
        for article in load_articles([path]):
            if isinstance(article, Article) and article.published is not None:
                found.append((replace(article, published=None), article.published.date()))
    return found


def main() -> int:
    print(f"{'set':44} {'stories':>7} {'dated':>6} {'window holds the day':>21} {'median width (days)':>20}")
    sets = (
        ("../shared/seeds (bare text)", seeds()),
        ("tests/data/modern*/ (bare text)", modern()),
        ("tests/data/reuters*.jsonl, dates removed", reuters()),
    )
    for name, articles in sets:
        total, estimated, held, width = _rows(articles)
        print(f"{name:44} {total:7} {estimated:6} {held:14} of {estimated:<4} {width if width is not None else '-':>20}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
