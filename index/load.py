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
from typing import Any, Callable, Iterable, Iterator, Mapping

import yaml

from index.clean import clean, printable, safe_label, safe_value, strip_unsafe
from index.model import Article, Problem

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl", ".jsonl.gz", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.yaml"
MAX_FRONT_MATTER = 64 * 1024
MAX_ARTICLE_BYTES = 2_000_000
"""The most one article may hold: a text file, or one line of a collection.

The longest news stories are a few hundred kilobytes; a bigger "article" is a
dump or a log, and reading it would only cost memory and extraction time.  It
is reported and skipped, never truncated."""
MAX_HTML_BYTES = 16_000_000
"""The most one web page may hold (pages carry scripts and styles besides the story)."""
JUDGE_LINES = 20
"""A collection whose first this-many lines are all bad is not JSON lines at all."""
MAX_DATE_TEXT = 64
KNOWN_KEYS = {"id", "title", "date", "published", "source", "url", "dateline", "body", "text"}

_DATELINE_PLACE = r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?)(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
"""A dateline's city in capitals, and its region or country if given: "NUSA DUA, Indonesia"."""
_DATELINE = re.compile(
    _DATELINE_PLACE + r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\(\w+\)\s*)?(?:--|[:—–-])\s",
    re.MULTILINE,
)
"""A wire dateline at the start of the story's first paragraphs: "NUSA DUA, Indonesia, Nov 14 (Reuters) -", "BEIJING (AP) —"."""
_DATELINE_LINE = re.compile(
    _DATELINE_PLACE + r",\s*(?:[A-Z][a-z]{2,8}|[A-Z]{3,9})\.?\s+\d{1,2}(?:,?\s+\d{4})?[ \t]*$",
    re.MULTILINE,
)
"""A dateline on a line of its own, with its day: "WASHINGTON, June 22"."""


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


_COMPRESSED_MAGIC = (b"\x1f\x8b", b"PK\x03\x04", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"BZh91AY&SY", b"\x28\xb5\x2f\xfd")
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"\x7fELF", b"\xd0\xcf\x11\xe0", b"SQLite format 3\x00", b"\x00asm", b"MZ\x90\x00")
# Bytes that no text file holds in numbers: C0 controls other than bell,
# backspace, tab, newline, form feed, carriage return and ESC (a captured
# terminal log is full of those, and is still text), and DEL.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (7, 8, 9, 10, 12, 13, 27)) + b"\x7f"


def binary_reason(head: bytes) -> str | None:
    """Why the first bytes of a file say it is not text, or None."""
    head = head[:8192]
    if head.startswith(b"\x1f\x8b"):
        return "binary file (gzip-compressed), not text; a compressed collection must be named *.jsonl.gz"
    if head.startswith(_COMPRESSED_MAGIC):
        return "binary file (an archive), not text"
    if head.startswith(_BINARY_MAGIC):
        return "binary file (an image, document or program), not text"
    if not head:
        return None
    nuls = head.count(b"\x00")
    if nuls > max(4, len(head) // 100):
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


MAX_YAML_DEPTH = 50


def yaml_too_deep(text: str) -> bool:
    """Does ``text`` open more than ``MAX_YAML_DEPTH`` brackets at once?

    PyYAML takes time quadratic in the nesting depth (minutes for a few
    thousand levels in 64 KB), so deep nesting is refused before parsing.
    Brackets inside quotes count too: no real metadata comes close.
    """
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_YAML_DEPTH:
            return True
    return False


_BRACKETS = re.compile(r"[\[\]{}]")


def _reject_aliases(text: str, what: str = "front matter") -> None:
    """YAML aliases in front matter are refused: they enable expansion bombs."""
    if yaml_too_deep(text):
        raise UnreadableFile(f"malformed {what}: nested more than {MAX_YAML_DEPTH} levels deep")
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise UnreadableFile(f"{what} uses YAML aliases (*name), which are not allowed")


def _safe_yaml_mapping(text: str, what: str) -> dict[str, Any]:
    try:
        _reject_aliases(text, what)
        value = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise UnreadableFile(f"malformed {what}{where}: {getattr(error, 'problem', None) or error}") from None
    except (ValueError, TypeError, OverflowError) as error:  # e.g. an integer of 5,000 digits, 30 February
        raise UnreadableFile(f"malformed {what}: {str(error)[:120]}") from None
    except RecursionError:
        raise UnreadableFile(f"malformed {what}: nested too deeply") from None
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
    return _safe_yaml_mapping(strip_unsafe(head), "front matter"), body


# --- dates --------------------------------------------------------------------


@lru_cache(maxsize=4096)
def parse_published(value: str) -> datetime | None:
    """A publication date from ISO text, or from other forms via dateparser.

    None when the text is not a date (or too long to be one); never raises.
    """
    value = value.strip()
    if not value or len(value) > MAX_DATE_TEXT:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed.replace(tzinfo=None)
    except ValueError:
        pass
    import dateparser  # slow to import; only for the rare non-ISO date

    try:
        parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # dateparser has raised OverflowError, ValueError and more on odd input
        return None
    return parsed.replace(tzinfo=None) if parsed else None


def _as_datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, (bool, list, dict, tuple, set)):
        return None
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
    """The dateline's place, from the first lines (a headline may come before it)."""
    head = text.lstrip()[:600]
    for line_start in [0, *(m.end() for m in re.finditer(r"\n\s*", head))][:4]:
        match = _DATELINE.match(head, line_start) or _DATELINE_LINE.match(head, line_start)
        if match:
            return match.group("place").strip().title()
    return ""


def build_article(
    article_id: str, raw_text: str, meta: Mapping[str, Any], path: Path | str, record_hash: str
) -> tuple[Article, list[str]]:
    """Clean the text and sort the metadata into an ``Article``, with warnings.

    Every string of the result is safe to print.  A date that cannot be read
    is dropped with a warning: the article is kept.  Raises
    ``UnreadableFile`` only when there is no text at all.
    """
    warnings: list[str] = []
    cleaned = clean(raw_text)
    if not cleaned.text.strip():
        raise UnreadableFile("no article text")
    if "\x00" in raw_text:
        warnings.append(f"{raw_text.count(chr(0))} NUL bytes in the text (removed)")
    published_value = meta.get("date", meta.get("published"))
    published = _as_datetime(published_value)
    if published_value not in (None, "") and published is None:
        warnings.append(f"unreadable date {printable(str(published_value)[:40])!r}; the article is kept without a date")
    title = safe_label(meta.get("title") or "") or _title_from(cleaned.text, cleaned.furniture)
    dateline = safe_label(meta.get("dateline") or "") or _dateline_from(cleaned.text)
    extra = {safe_label(k): safe_value(v) for k, v in meta.items() if k not in KNOWN_KEYS}
    article = Article(
        id=safe_label(article_id) or "untitled",
        text=cleaned.text,
        title=title,
        published=published,
        source=safe_label(meta.get("source") or ""),
        url=safe_label(meta.get("url") or ""),
        dateline=dateline,
        path=shown_path(path),
        furniture=cleaned.furniture,
        metadata=extra,
        content_hash=record_hash,
    )
    return article, warnings


def make_article(
    article_id: str, raw_text: str, meta: Mapping[str, Any], path: Path | str, record_hash: str
) -> Article:
    """Clean the text and sort the metadata into an ``Article`` (``build_article`` without its warnings)."""
    return build_article(article_id, raw_text, meta, path, record_hash)[0]


def _id_from_name(path: Path) -> str:
    """An article id from a file name: control characters and undecodable bytes shown as escapes."""
    return safe_label(printable(stem_of(path))) or "untitled"


def _hash(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=12)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _meta_text(meta: Mapping[str, Any]) -> str:
    """The metadata as stable text, for hashing (whatever types YAML gave us)."""
    try:
        return json.dumps(meta, sort_keys=True, default=str)
    except (TypeError, ValueError, RecursionError):  # keys of mixed types, nesting
        return repr(sorted((str(k), repr(v)) for k, v in meta.items()))


def _too_large(size: int, limit: int, what: str = "file") -> str:
    return f"{what} too large for one article: {size / 1e6:.1f} MB (at most {limit / 1e6:.1f} MB); not read"


def _open_regular(path: Path) -> io.BufferedReader:
    """Open ``path`` for reading if it is a regular file; never blocks on a pipe."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(mode):
            raise UnreadableFile("not a regular file (a pipe, device or socket); not read")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_bounded(path: Path, limit: int, what: str = "file") -> tuple[bytes, bool]:
    """The bytes of ``path`` (at most ``limit``), and whether it changed while read."""
    with _open_regular(path) as handle:
        before = os.fstat(handle.fileno())
        if before.st_size > limit:
            raise UnreadableFile(_too_large(before.st_size, limit, what))
        data = handle.read(limit + 1)
        if len(data) > limit:
            raise UnreadableFile(_too_large(len(data), limit, what))
        after = os.fstat(handle.fileno())
    changed = (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns) or len(data) != before.st_size
    return data, changed


CHANGED_WHILE_READ = "changed while being read; it will be read again on the next run"


def _warning(path: Path, reason: str, line: int | None = None) -> Problem:
    return Problem(shown_path(path), reason, line=line, severity="warning")


def _read_text_article(path: Path) -> Iterator[Article | Problem]:
    data, changed = _read_bounded(path, MAX_ARTICLE_BYTES)
    if changed:
        yield _warning(path, CHANGED_WHILE_READ)
    if not data.strip():
        raise UnreadableFile("empty file" if not data else "empty file (only blank space)")
    text, warning = decode(data)
    if warning:
        yield _warning(path, warning)
    meta, body = split_front_matter(text)
    sidecar = _sidecar(path)
    if os.path.lexists(sidecar):
        try:
            side_data, _ = _read_bounded(sidecar, MAX_FRONT_MATTER, f"metadata file {sidecar.name}")
            side_text = decode(side_data)[0]
        except UnreadableFile as error:
            raise UnreadableFile(f"metadata file {sidecar.name}: {error}") from None
        except OSError as error:
            raise UnreadableFile(f"metadata file {sidecar.name}: {_os_reason(error, sidecar)}") from None
        side = _safe_yaml_mapping(strip_unsafe(side_text), f"metadata file {sidecar.name}")
        meta = {**side, **meta}
    article_id = safe_label(meta.get("id") or "") or _id_from_name(path)
    article, warnings = build_article(article_id, body, meta, path, _hash(text, _meta_text(meta)))
    for reason in warnings:
        yield _warning(path, reason)
    yield article


def _read_html_article(path: Path) -> Iterator[Article | Problem]:
    data, changed = _read_bounded(path, MAX_HTML_BYTES)
    if changed:
        yield _warning(path, CHANGED_WHILE_READ)
    if not data.strip():
        raise UnreadableFile("empty file" if not data else "empty file (only blank space)")
    html, warning = decode(data)
    if warning:
        yield _warning(path, warning)
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
    article, warnings = build_article(_id_from_name(path), body, meta, path, _hash(html))
    for reason in warnings:
        yield _warning(path, reason)
    yield article


# --- collections: streamed, one line at a time ---------------------------------------


class _Lines:
    """Numbered lines of a byte or text stream, each at most ``limit`` long.

    A longer line is read through in pieces and handed out as ``None`` with
    its size: memory stays bounded by ``limit`` whatever the file holds.
    """

    def __init__(self, stream: Any, limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.number = 0

    def __iter__(self) -> Iterator[tuple[int, Any, int]]:
        newline = None
        while True:
            line = self.stream.readline(self.limit + 1)
            if not line:
                return
            if newline is None:
                newline = b"\n" if isinstance(line, bytes) else "\n"
            self.number += 1
            if len(line) > self.limit and not line.endswith(newline):
                size = len(line)
                del line
                while True:
                    piece = self.stream.readline(1 << 20)
                    size += len(piece)
                    if not piece or piece.endswith(newline):
                        break
                yield self.number, None, size
                continue
            yield self.number, line, len(line)


def _open_collection(path: Path) -> tuple[Any, Any, str | None]:
    """(stream of lines, file to close, encoding warning) for a collection."""
    handle = _open_regular(path)
    try:
        raw: Any = handle
        if path.name.lower().endswith(".gz"):
            raw = gzip.GzipFile(fileobj=handle, mode="rb")
        head = raw.peek(8192)[:8192]
        for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
            if head.startswith(bom):
                return io.TextIOWrapper(raw, encoding=codec, errors="replace", newline="\n"), handle, None
        wide = _utf16_without_bom(head)
        if wide:
            return io.TextIOWrapper(raw, encoding=wide, errors="replace", newline="\n"), handle, f"no byte order mark; read as {wide.upper()}"
        if head.startswith(b"\xef\xbb\xbf"):
            raw.read(3)
        reason = binary_reason(head)
        if reason:
            raise UnreadableFile(reason.replace("file", "data", 1) + (" (inside the gzip)" if raw is not handle else ""))
        return raw, handle, None
    except BaseException:
        handle.close()
        raise


def _line_text(line: Any) -> tuple[str, bool]:
    """A line as text, and whether it was not valid UTF-8."""
    if isinstance(line, str):
        return line, False
    try:
        return line.decode("utf-8"), False
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace"), True


def _read_collection(path: Path, known: KnownTest | None = None) -> Iterator[Article | Known | Problem]:
    """One article per JSON line; a bad line is reported with its number and skipped.

    A file none of whose first lines is JSON is not a collection: it is
    reported once, not line by line.
    """
    good = 0
    nonblank = 0
    json_seen = False  # has any line parsed as a JSON object?
    held: list[Problem] = []  # problems met before the first line that parsed
    latin = 0
    first_latin: int | None = None
    lines: _Lines | None = None
    try:
        stream, handle, warning = _open_collection(path)
        with handle:
            if warning:
                yield _warning(path, warning)
            lines = _Lines(stream, MAX_ARTICLE_BYTES)
            for number, line, size in lines:
                if line is None:
                    nonblank += 1
                    outcome: list[Article | Problem] = [Problem(shown_path(path), _too_large(size, MAX_ARTICLE_BYTES, "line"), line=number)]
                    parsed = False
                else:
                    text, guessed = _line_text(line)
                    if not text.strip():
                        continue
                    nonblank += 1
                    if guessed:
                        latin += 1
                        first_latin = first_latin or number
                    outcome, parsed = _record(path, number, text, known)
                if parsed and not json_seen:
                    json_seen = True
                    yield from held
                    held = []
                if json_seen:
                    for item in outcome:
                        good += isinstance(item, (Article, Known))
                        yield item
                    continue
                held.extend(outcome)
                if len(held) >= JUDGE_LINES:
                    first = held[0]
                    raise UnreadableFile(
                        f"not a JSON lines collection: none of the first {len(held)} lines is a JSON object "
                        f"(line {first.line}: {first.reason})"
                    )
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield from held
        held = []
        if lines is None or not lines.number:
            raise UnreadableFile(f"cannot read compressed data: not gzip data, or damaged ({error})") from None
        raise UnreadableFile(f"cannot read compressed data after line {lines.number}: damaged or cut short ({error})") from None
    except OSError as error:
        yield from held
        held = []
        if lines is not None and lines.number and not isinstance(error, (PermissionError, IsADirectoryError)):
            raise UnreadableFile(f"cannot read the rest of the file after line {lines.number}: {_os_reason(error, path)}") from None
        raise
    yield from held
    if latin:
        plural = "s" if latin > 1 else ""
        yield _warning(path, f"{latin} line{plural} not valid UTF-8 (first: line {first_latin}); read as Windows-1252/Latin-1", line=first_latin)
    if good == 0:
        raise UnreadableFile("empty file" if nonblank == 0 else "no articles in the collection")


def _record(path: Path, number: int, line: str, known: KnownTest | None = None) -> tuple[list[Article | Known | Problem], bool]:
    """The article on one line of a collection (with its warnings) or the problem; and whether the line was JSON."""
    where = shown_path(path)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return [Problem(where, f"not a JSON object ({error.msg} at column {error.colno})", line=number)], False
    except (ValueError, RecursionError) as error:  # 5,000-digit numbers, nesting 100,000 deep
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)[:80]
        return [Problem(where, f"not a JSON object ({reason})", line=number)], False
    if not isinstance(record, dict):
        return [Problem(where, f"not a JSON object (a JSON {type(record).__name__})", line=number)], False
    body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return [Problem(where, "no 'body' or 'text'", line=number)], True
    raw_id = record.get("id")
    article_id = safe_label(raw_id) if raw_id not in (None, "") and not isinstance(raw_id, (dict, list)) else ""
    article_id = article_id or f"{_id_from_name(path)}-{number}"
    digest = _hash(line)
    if known is not None and known(article_id, digest):
        return [Known(article_id, digest)], True
    try:
        article, warnings = build_article(article_id, body, record, path, digest)
    except UnreadableFile as error:
        return [Problem(where, str(error), line=number)], True
    return [*(Problem(where, w, line=number, severity="warning") for w in warnings), article], True


def _safe_problem(problem: Problem) -> Problem:
    """Every problem leaves with its path and reason safe to print."""
    path, reason = printable(problem.path), printable(problem.reason)
    if (path, reason) == (problem.path, problem.reason):
        return problem
    return Problem(path, reason, line=problem.line, severity=problem.severity)


@dataclass(frozen=True, slots=True)
class Known:
    """A story of a collection whose content hash the caller already holds.

    ``read_source(..., known=...)`` yields it instead of the ``Article``:
    the story is neither cleaned nor parsed further (an incremental run
    re-reads a 19,000-story file to find the ten stories that changed).
    """

    id: str
    content_hash: str


KnownTest = Callable[[str, str], bool]
"""(article id, content hash) -> does the caller already hold this story?"""


def expected_records(source: SourceFile | Path) -> int:
    """About how many stories a source holds, for a progress bar: the lines of a
    collection (counted as a stream, about 0.1 s for 20 MB of gzip), else 1.
    Never raises: a file that cannot be read counts 1 and is reported when read."""
    path = source.path if isinstance(source, SourceFile) else Path(source)
    name = path.name.lower()
    if not name.endswith((".jsonl", ".jsonl.gz")):
        return 1
    lines = 0
    try:
        with _open_regular(path) as handle:
            stream = gzip.GzipFile(fileobj=handle, mode="rb") if name.endswith(".gz") else handle
            while chunk := stream.read(1 << 20):
                lines += chunk.count(b"\n")
    except (OSError, EOFError, ValueError, zlib.error, UnreadableFile):
        pass  # the lines counted so far
    return max(1, lines)


def read_source(source: SourceFile | Path, known: KnownTest | None = None) -> Iterator[Article | Known | Problem]:
    """Every article in one file, or Problems saying why not.  Never raises.

    ``known``: stories of a collection for which it returns True come as
    ``Known`` records, not cleaned (files of one article are always read).
    """
    for item in _read_source(source, known):
        yield _safe_problem(item) if isinstance(item, Problem) else item


def _read_source(source: SourceFile | Path, known: KnownTest | None = None) -> Iterator[Article | Known | Problem]:
    path = source.path if isinstance(source, SourceFile) else Path(source)
    shown = shown_path(path)
    suffix = suffix_of(path)
    try:
        if suffix in (".jsonl", ".jsonl.gz"):
            yield from _read_collection(path, known)
        elif suffix in (".html", ".htm"):
            yield from _read_html_article(path)
        else:
            yield from _read_text_article(path)
    except UnreadableFile as error:
        yield Problem(shown, str(error))
    except PermissionError:
        yield Problem(shown, "permission denied")
    except FileNotFoundError:
        yield Problem(shown, "file disappeared while being read" if not os.path.islink(path) else "broken symbolic link")
    except IsADirectoryError:
        yield Problem(shown, "is a folder")
    except OSError as error:
        yield Problem(shown, _os_reason(error, path))
    except RecursionError:
        yield Problem(shown, "structure nested too deeply")
    except MemoryError:
        yield Problem(shown, "not enough memory to read it")
    except Exception as error:  # a bug of ours or of a library: report it, go on with the next file
        yield Problem(shown, f"could not be read ({type(error).__name__}: {str(error)[:120]})")


def load_articles(paths: Iterable[Path]) -> Iterator[Article | Problem]:
    """Every article under ``paths``, in a stable order, with the problems met."""
    sources, problems = discover(paths)
    for problem in problems:
        yield _safe_problem(problem)
    for source in sources:
        yield from read_source(source)
