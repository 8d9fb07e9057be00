"""Stage 1: find article files and read them into cleaned ``Article`` records.

Readable inputs: ``.txt``/``.md`` (optional YAML front matter or a
``NAME.meta.yaml`` sidecar), ``.jsonl``/``.jsonl.gz`` collections, and
``.html`` pages.  Whatever cannot be read becomes a ``Problem`` naming the
file (and line) and the reason; reading goes on.  Files are only ever read.

Whatever a file holds, reading it is bounded: a text or HTML file, a line of
a collection and a front matter block each have a size limit, a collection
is streamed line by line (a line longer than the limit is skipped without
being held in memory), and only regular files are opened, so a pipe or a
device named ``story.txt`` cannot block or flood us.  Every string that
leaves this module (text, title, id, metadata, the paths in problems) has had
terminal escape sequences and control characters removed or made visible.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import io
import json
import os
import re
import stat
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import yaml

from index.clean import clean, printable, safe_label, safe_value, strip_unsafe
from index.model import Article, Problem

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl", ".jsonl.gz", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.yaml"
MAX_FRONT_MATTER = 64 * 1024
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""The most one article may hold: a text or HTML file, or one line of a collection.

The longest news stories are a few hundred kilobytes; a bigger "article" is a
dump or a log, and reading it would only cost memory and extraction time.  It
is reported and skipped, never truncated."""
JUDGE_LINES = 20
"""A collection whose first this-many lines are all bad is not JSON lines at all."""
MAX_DATE_TEXT = 64
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
        """The path as the index stores and shows it (escaped if it holds controls or undecodable bytes)."""
        return shown_path(self.path)


def shown_path(path: Path | str) -> str:
    """A path as text that is safe to store and print: unchanged unless it needs escaping."""
    return printable(str(path))


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


def _os_reason(error: OSError, path: Path | str) -> str:
    """A short, precise reason for an ``OSError`` met on ``path``."""
    code = error.errno
    if code == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(path) else "no such file or folder"
    if code == errno.ELOOP:
        return "symbolic link loop"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ENAMETOOLONG:
        return "file name too long"
    return error.strerror or str(error)


def _regular_file_problem(path: Path) -> str | None:
    """Why ``path`` is not a regular file we can open, or None if it is one."""
    try:
        st = os.stat(path)
    except OSError as error:
        return _os_reason(error, path)
    if stat.S_ISDIR(st.st_mode):
        return "is a folder"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a pipe, device or socket); not read"
    return None


def _source(path: Path) -> SourceFile:
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        resolved = Path(os.path.abspath(path))
    return SourceFile(resolved, fingerprint(resolved))


def discover(paths: Iterable[Path]) -> tuple[list[SourceFile], list[Problem]]:
    """Every article file under ``paths`` (recursively), and what was wrong.

    Symbolic links are followed once: a folder reached twice (a link loop)
    is reported, not walked forever.  Only regular files are taken: pipes,
    devices, sockets and broken links are reported.
    """
    found: dict[str, SourceFile] = {}
    problems: list[Problem] = []
    for given in paths:
        given = Path(given).expanduser()
        try:
            given_stat = os.stat(given)
        except OSError as error:
            problems.append(Problem(shown_path(given), _os_reason(error, given)))
            continue
        if not stat.S_ISDIR(given_stat.st_mode):
            if not stat.S_ISREG(given_stat.st_mode):
                problems.append(Problem(shown_path(given), "not a regular file (a pipe, device or socket); not read"))
            elif suffix_of(given):
                source = _source(given)
                found.setdefault(source.key, source)
            else:
                problems.append(Problem(shown_path(given), f"not an article file (expected one of {', '.join(ARTICLE_SUFFIXES)})"))
            continue
        seen_dirs: set[tuple[int, int]] = set()

        def walk_error(error: OSError) -> None:
            problems.append(Problem(shown_path(error.filename or given), _os_reason(error, error.filename or given)))

        for root, dirs, files in os.walk(given, followlinks=True, onerror=walk_error):
            try:
                st = os.stat(root)
            except OSError as error:
                problems.append(Problem(shown_path(root), _os_reason(error, root)))
                dirs[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                problems.append(Problem(shown_path(root), "folder reached again through a symbolic link (a loop?); not read twice"))
                dirs[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                    continue
                candidate = Path(root) / name
                if not suffix_of(candidate):
                    continue
                reason = _regular_file_problem(candidate)
                if reason:
                    problems.append(Problem(shown_path(candidate), reason))
                    continue
                source = _source(candidate)
                found.setdefault(source.key, source)
    return sorted(found.values(), key=lambda s: s.key), problems


# --- decoding ---------------------------------------------------------------


class UnreadableFile(Exception):
    """Raised with the reason a file cannot be used; becomes a Problem."""


_BINARY_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c", b"\xd0\xcf\x11\xe0", b"SQLite format 3\x00", b"\x00asm", b"\x28\xb5\x2f\xfd",
    b"BZh91AY&SY", b"MZ\x90\x00",
)
# Bytes that no text file holds in numbers: C0 controls other than bell,
# backspace, tab, newline, form feed, carriage return and ESC (a captured
# terminal log is full of those, and is still text), and DEL.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (7, 8, 9, 10, 12, 13, 27)) + b"\x7f"


def binary_reason(head: bytes) -> str | None:
    """Why the first bytes of a file say it is not text, or None."""
    head = head[:8192]
    if head.startswith(_BINARY_MAGIC):
        return "binary file (an image, archive or program), not text"
    if not head:
        return None
    nuls = head.count(b"\x00")
    if nuls > max(1, len(head) // 100):
        return "binary file (NUL bytes), not text"
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    if controls > max(2, len(head) // 20):
        return "binary file (control bytes), not text"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` if ``head`` looks like BOM-less UTF-16 ASCII-range text."""
    head = head[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= len(odd) * 0.9 and even.count(0) <= len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) >= len(even) * 0.9 and odd.count(0) <= len(odd) * 0.1:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of ``data`` and a warning if we had to guess its encoding.

    Never fails on text: UTF-8 (with or without BOM), UTF-16 and UTF-32
    with a BOM, BOM-less UTF-16, and anything else as Windows-1252/Latin-1
    with a warning.  Raises ``UnreadableFile`` for binary data.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), None
        except UnicodeDecodeError as error:
            return data[3:].decode("utf-8", errors="replace"), f"not valid UTF-8 (byte {error.start + 3}); undecodable bytes shown as \ufffd"
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec), None
            except UnicodeDecodeError as error:
                return body.decode(codec, errors="replace"), f"not valid {codec.upper()[:6]} (byte {error.start + len(bom)}); undecodable bytes shown as \ufffd"
    wide = _utf16_without_bom(data)
    if wide:
        text = data.decode(wide, errors="replace")
        return text, f"no byte order mark; read as {wide.upper()}"
    reason = binary_reason(data)
    if reason:
        raise UnreadableFile(reason)
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
