"""Stage 1: find article files and read them into cleaned ``Article`` records.

Readable inputs: ``.txt``/``.md`` (optional YAML front matter or a
``NAME.meta.yaml`` sidecar), ``.jsonl``/``.jsonl.gz`` collections, and
``.html`` pages.  Whatever cannot be read becomes a ``Problem`` naming the
file (and line) and the reason; reading goes on.  Files are only ever read.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import yaml

from index.clean import clean
from index.model import Article, Problem

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl", ".jsonl.gz", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.yaml"
MAX_FRONT_MATTER = 64 * 1024
KNOWN_KEYS = {"id", "title", "date", "published", "source", "url", "dateline", "body", "text"}

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?)(?:,\s*[A-Z][A-Za-z.]+\s*\d{0,2})?\s*(?:\(\w+\)\s*)?[:—–-]\s"
)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file of the corpus, with a fingerprint that changes when it does."""

    path: Path
    fingerprint: str

    @property
    def key(self) -> str:
        return str(self.path)


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(ARTICLE_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return ""


def stem_of(path: Path) -> str:
    suffix = suffix_of(path)
    return path.name[: -len(suffix)] if suffix else path.stem


def _sidecar(path: Path) -> Path:
    return path.with_name(stem_of(path) + SIDECAR_SUFFIX)


def fingerprint(path: Path) -> str:
    """Size and mtime of the file and of its sidecar: cheap, and enough."""
    parts = []
    for candidate in (path, _sidecar(path)):
        try:
            st = candidate.stat()
        except OSError:
            continue
        parts.append(f"{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def discover(paths: Iterable[Path]) -> tuple[list[SourceFile], list[Problem]]:
    """Every article file under ``paths`` (recursively), and what was wrong.

    Symbolic links are followed once: a folder reached twice (a link loop)
    is reported, not walked forever.
    """
    found: dict[str, SourceFile] = {}
    problems: list[Problem] = []
    for given in paths:
        given = Path(given).expanduser()
        if not given.exists():
            problems.append(Problem(str(given), "no such file or folder"))
            continue
        if given.is_file():
            if suffix_of(given):
                path = given.resolve()
                found.setdefault(str(path), SourceFile(path, fingerprint(path)))
            else:
                problems.append(Problem(str(given), f"not an article file (expected one of {', '.join(ARTICLE_SUFFIXES)})"))
            continue
        seen_dirs: set[tuple[int, int]] = set()
        for root, dirs, files in os.walk(given, followlinks=True, onerror=lambda e: problems.append(Problem(str(e.filename), e.strerror or str(e)))):
            try:
                st = os.stat(root)
            except OSError as error:
                problems.append(Problem(root, error.strerror or str(error)))
                dirs[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                problems.append(Problem(root, "folder reached again through a symbolic link (a loop?); not read twice"))
                dirs[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                    continue
                candidate = Path(root) / name
                if suffix_of(candidate):
                    path = candidate.resolve()
                    found.setdefault(str(path), SourceFile(path, fingerprint(path)))
    return sorted(found.values(), key=lambda s: s.key), problems


# --- decoding ---------------------------------------------------------------


class UnreadableFile(Exception):
    """Raised with the reason a file cannot be used; becomes a Problem."""


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of ``data`` and a warning if we had to guess its encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    head = data[:8192]
    if head.count(b"\x00") > max(1, len(head) // 100):
        raise UnreadableFile("binary file (NUL bytes), not text")
    if head.startswith((b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b")):
        raise UnreadableFile("binary file, not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        text = data.decode("cp1252", errors="replace")
        return text, f"not valid UTF-8 (byte {error.start}); read as Windows-1252/Latin-1"


def _reject_aliases(text: str) -> None:
    """YAML aliases in front matter are refused: they enable expansion bombs."""
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise UnreadableFile("front matter uses YAML aliases (*name), which are not allowed")


def _safe_yaml_mapping(text: str, what: str) -> dict[str, Any]:
    try:
        _reject_aliases(text)
        value = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise UnreadableFile(f"malformed {what}{where}: {getattr(error, 'problem', None) or error}") from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UnreadableFile(f"malformed {what}: expected key: value pairs, got {type(value).__name__}")
    return {str(k): v for k, v in value.items()}


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between ``---`` lines at the top, and the body."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return {}, text
    match = re.search(r"^(?:---|\.\.\.)\s*$", text[4:], re.MULTILINE)
    if not match or match.start() > MAX_FRONT_MATTER:
        raise UnreadableFile("malformed front matter: no closing '---' line")
    head = text[4 : 4 + match.start()]
    body = text[4 + match.end() :].lstrip("\r\n")
    return _safe_yaml_mapping(head, "front matter"), body


# --- dates --------------------------------------------------------------------


@lru_cache(maxsize=4096)
def parse_published(value: str) -> datetime | None:
    """A publication date from ISO text, or from other forms via dateparser."""
    value = value.strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed.replace(tzinfo=None)
    except ValueError:
        pass
    import dateparser  # slow to import; only for the rare non-ISO date

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed


def _as_datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return parse_published(str(value))


# --- building articles ----------------------------------------------------------------


def _title_from(text: str, furniture: Iterable[Any]) -> str:
    skip = {(s.start, s.end) for s in furniture}
    offset = 0
    for line in text.split("\n"):
        span = (offset, offset + len(line))
        offset += len(line) + 1
        if line.strip() and span not in skip:
            line = line.strip()
            return line if len(line) <= 160 else line[:157].rsplit(" ", 1)[0] + "…"
    return ""


def _dateline_from(text: str) -> str:
    match = _DATELINE.match(text.lstrip())
    return match.group("place").strip().title() if match else ""


def make_article(
    article_id: str, raw_text: str, meta: Mapping[str, Any], path: Path, record_hash: str
) -> Article:
    """Clean the text and sort the metadata into an ``Article``."""
    cleaned = clean(raw_text)
    if not cleaned.text.strip():
        raise UnreadableFile("no article text")
    published_value = meta.get("date", meta.get("published"))
    published = _as_datetime(published_value)
    if published_value not in (None, "") and published is None:
        raise UnreadableFile(f"unreadable date {str(published_value)[:40]!r}")
    title = str(meta.get("title") or "").strip() or _title_from(cleaned.text, cleaned.furniture)
    dateline = str(meta.get("dateline") or "").strip() or _dateline_from(cleaned.text)
    extra = {k: v for k, v in meta.items() if k not in KNOWN_KEYS}
    return Article(
        id=str(article_id),
        text=cleaned.text,
        title=" ".join(title.split()),
        published=published,
        source=str(meta.get("source") or ""),
        url=str(meta.get("url") or ""),
        dateline=dateline,
        path=str(path),
        furniture=cleaned.furniture,
        metadata=extra,
        content_hash=record_hash,
    )


def _hash(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=12)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _read_text_article(path: Path) -> Iterator[Article | Problem]:
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableFile("empty file")
    text, warning = decode(data)
    if warning:
        yield Problem(str(path), warning, severity="warning")
    meta, body = split_front_matter(text)
    sidecar = _sidecar(path)
    if sidecar.exists():
        side = _safe_yaml_mapping(decode(sidecar.read_bytes())[0], f"metadata file {sidecar.name}")
        meta = {**side, **meta}
    article_id = str(meta.get("id") or stem_of(path))
    yield make_article(article_id, body, meta, path, _hash(text, json.dumps(meta, sort_keys=True, default=str)))


def _read_html_article(path: Path) -> Iterator[Article | Problem]:
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableFile("empty file")
    html, warning = decode(data)
    if warning:
        yield Problem(str(path), warning, severity="warning")
    import trafilatura  # a well-kept boilerplate remover; heavy, so imported here

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None:
        raise UnreadableFile("no article text found in the page")
    record = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = record.get("text") or ""
    meta = {k: record.get(k) for k in ("title", "date", "url") if record.get(k)}
    source = record.get("sitename") or record.get("hostname")
    if source:
        meta["source"] = source
    yield make_article(stem_of(path), body, meta, path, _hash(html))


def _open_lines(path: Path) -> io.TextIOBase:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="strict", newline="\n")
    return open(path, encoding="utf-8", errors="strict", newline="\n")


def _read_collection(path: Path) -> Iterator[Article | Problem]:
    """One article per JSON line; a bad line is reported and skipped."""
    good = 0
    try:
        with _open_lines(path) as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    yield Problem(str(path), f"not a JSON object ({error.msg})", line=number)
                    continue
                if not isinstance(record, dict):
                    yield Problem(str(path), "not a JSON object", line=number)
                    continue
                body = record.get("body", record.get("text"))
                if not isinstance(body, str) or not body.strip():
                    yield Problem(str(path), "no 'body' or 'text'", line=number)
                    continue
                article_id = record.get("id")
                article_id = str(article_id) if article_id not in (None, "") else f"{stem_of(path)}-{number}"
                try:
                    yield make_article(article_id, body, record, path, _hash(line))
                    good += 1
                except UnreadableFile as error:
                    yield Problem(str(path), str(error), line=number)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise UnreadableFile(f"cannot read compressed data ({error})") from None
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"not UTF-8 text (byte {error.start})") from None
    if good == 0:
        raise UnreadableFile("no articles in the collection")


def read_source(source: SourceFile | Path) -> Iterator[Article | Problem]:
    """Every article in one file, or Problems saying why not.  Never raises."""
    path = source.path if isinstance(source, SourceFile) else Path(source)
    suffix = suffix_of(path)
    try:
        if suffix in (".jsonl", ".jsonl.gz"):
            yield from _read_collection(path)
        elif suffix in (".html", ".htm"):
            yield from _read_html_article(path)
        else:
            yield from _read_text_article(path)
    except UnreadableFile as error:
        yield Problem(str(path), str(error))
    except PermissionError:
        yield Problem(str(path), "permission denied")
    except FileNotFoundError:
        yield Problem(str(path), "file disappeared while being read")
    except IsADirectoryError:
        yield Problem(str(path), "is a folder")
    except OSError as error:
        yield Problem(str(path), error.strerror or str(error))
    except RecursionError:
        yield Problem(str(path), "structure nested too deeply")


def load_articles(paths: Iterable[Path]) -> Iterator[Article | Problem]:
    """Every article under ``paths``, in a stable order, with the problems met."""
    sources, problems = discover(paths)
    yield from problems
    for source in sources:
        yield from read_source(source)
