"""The corpora the benchmark runs on, all derived from the Reuters-21578 JSON lines.

* the corpus itself (19,043 stories), copied to a working file so updates can
  rewrite it;
* a slice of N stories taken evenly through it (``--quick``);
* a 10x corpus: ten copies with new ids (``x3-reuters-17``) and publication
  dates moved on by 52 weeks per copy (the weekday, which relative dates in
  the text depend on, stays the same), 190,430 stories.

Derived files are written once into the output folder and reused while the
source file is unchanged.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterator

WEEKS_PER_COPY = 52
STAMP_SUFFIX = ".source"


def records(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def write_records(path: Path, items, level: int = 1) -> int:
    """Write JSON lines (gzip) atomically; returns the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=level) as handle:
        for record in items:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, path)
    return n


def _stamp(source: Path) -> str:
    st = source.stat()
    return f"{source.resolve()}|{st.st_size}|{st.st_mtime_ns}"


def _fresh(target: Path, source: Path, extra: str = "") -> bool:
    stamp = target.with_name(target.name + STAMP_SUFFIX)
    return target.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == _stamp(source) + extra


def _mark(target: Path, source: Path, extra: str = "") -> None:
    target.with_name(target.name + STAMP_SUFFIX).write_text(_stamp(source) + extra, encoding="utf-8")


def shift_date(value: str, weeks: int) -> str:
    if not value:
        return value
    try:
        moved = datetime.fromisoformat(value) + timedelta(weeks=weeks)
    except ValueError:
        return value
    return moved.isoformat(timespec="seconds")


def tenfold(source: Path, target: Path, copies: int = 10) -> Path:
    """``copies`` copies of every story with new ids and dates 52 weeks apart."""
    if _fresh(target, source, f"|x{copies}"):
        return target
    base = list(records(source))

    def generate():
        for k in range(copies):
            for record in base:
                copy = dict(record)
                copy["id"] = f"x{k}-{record['id']}"
                copy["date"] = shift_date(record.get("date", ""), WEEKS_PER_COPY * k)
                yield copy

    write_records(target, generate())
    _mark(target, source, f"|x{copies}")
    return target


def spread(source: Path, target: Path, count: int) -> Path:
    """``count`` stories taken evenly through the corpus (every k-th), so the slice
    covers every month the corpus does and the date-range queries find something."""
    if _fresh(target, source, f"|spread{count}"):
        return target
    total = sum(1 for _ in records(source))
    stride = max(1, total // count)

    def generate():
        taken = 0
        for n, record in enumerate(records(source)):
            if n % stride == 0 and taken < count:
                taken += 1
                yield record

    write_records(target, generate())
    _mark(target, source, f"|spread{count}")
    return target


def working_copy(source: Path, target: Path) -> Path:
    """A copy an update benchmark may rewrite (the shared corpus is read-only).

    Left as it is when it already equals the source (its ``.clean`` mark), so
    an index built from it stays up to date between runs.
    """
    clean = target.with_name(target.name + ".clean")
    if target.exists() and clean.exists() and clean.read_text(encoding="utf-8") == _stamp(source) + _file_stamp(target):
        return target
    write_records(target, records(source))
    mark_clean(source, target)
    return target


def _file_stamp(path: Path) -> str:
    st = path.stat()
    return f"|{st.st_size}|{st.st_mtime_ns}"


def mark_clean(source: Path, target: Path) -> None:
    target.with_name(target.name + ".clean").write_text(_stamp(source) + _file_stamp(target), encoding="utf-8")


def rewrite_changed(original: list[dict], target: Path, seed: int, count: int = 10) -> list[str]:
    """``target`` = ``original`` with ``count`` stories' bodies changed; their ids."""
    rng = random.Random(seed)
    chosen = set(rng.sample(range(len(original)), count))
    out = []
    for n, record in enumerate(original):
        if n in chosen:
            record = dict(record)
            record["body"] = record["body"] + f"\n    The minister will visit Paris next week for talks (revision {seed})."
        out.append(record)
    write_records(target, out)
    return [original[n]["id"] for n in sorted(chosen)]


def rewrite_deleted(original: list[dict], target: Path, seed: int, count: int = 10) -> list[str]:
    """``target`` = ``original`` less ``count`` stories; their ids."""
    rng = random.Random(seed)
    chosen = set(rng.sample(range(len(original)), count))
    write_records(target, (r for n, r in enumerate(original) if n not in chosen))
    return [original[n]["id"] for n in sorted(chosen)]
