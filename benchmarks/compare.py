"""Two extractors timed side by side: ``python -m benchmarks.compare REV``.

Why: the machine is noisy, so a change's cost is measured against the
extractor of another commit in one sitting, in alternating rounds, on the same
stories (every 19th story of the Reuters corpus, 1,003 stories), each in its
own process so neither imports the other's code.  ``REV`` is checked out with
``git worktree`` into a temporary folder and removed afterwards.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl.gz"

_TIMER = r"""
import gzip, json, sys, time
sys.path.insert(0, sys.argv[1])
from index.knowledge import default_knowledge
from index.load import make_article
from index.pipeline import extract
kb = default_knowledge()
stories = []
for n, line in enumerate(gzip.open(sys.argv[2], "rt", encoding="utf-8")):
    if n % 19 == 0:
        d = json.loads(line)
        stories.append(make_article(d["id"], d.get("body") or "", {"date": d["date"], "dateline": d.get("dateline")}, "x", "h"))
for article in stories[:50]:
    extract(article, kb)
start = time.perf_counter()
for article in stories:
    extract(article, kb)
print(len(stories) / (time.perf_counter() - start))
"""


def rate(root: Path, corpus: Path) -> float:
    """Stories per second of the extractor under ``root``, in a fresh process."""
    out = subprocess.run([sys.executable, "-c", _TIMER, str(root), str(corpus)], check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare", description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the commit to time against the working tree (e.g. a session's starting commit)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        other = Path(scratch) / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-f", "--detach", str(other), args.rev], check=True, capture_output=True)
        try:
            theirs, ours = [], []
            for _ in range(args.rounds):
                theirs.append(rate(other, args.corpus))
                ours.append(rate(ROOT, args.corpus))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False, capture_output=True)
    print(f"{args.rev}: {statistics.median(theirs):.0f} stories/s (rounds {', '.join(f'{r:.0f}' for r in theirs)})")
    print(f"working tree: {statistics.median(ours):.0f} stories/s (rounds {', '.join(f'{r:.0f}' for r in ours)})")
    print(f"ratio: {statistics.median(ours) / statistics.median(theirs):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
