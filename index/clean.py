"""Stage 2: turn raw article text into the text we store, search and show.

Cleaning removes what must never reach a terminal (control characters,
escape sequences, bidi overrides), rejoins hard-wrapped wire lines into
paragraphs, and marks page furniture.  The result is the one text every
span of every later stage points into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.model import Span

# ESC-introduced sequences: CSI (colours, cursor moves), OSC (titles, OSC 52
# clipboard writes, hyperlinks) terminated by BEL or ST, DCS/SOS/PM/APC
# strings, and the two-character escapes.  An unterminated string sequence
# ends at the end of its line, so a stray ``ESC ]`` cannot swallow the rest
# of an article; every pattern is linear.  The 8-bit C1 forms (U+0080-U+009F,
# common in mis-decoded text) are removed as single characters below: what
# follows them is inert text once they are gone.
_ESCAPE_SEQUENCES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?                              # CSI
  | \x1b[\]PX^_][^\n\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC DCS SOS PM APC ... BEL/ST
  | \x1b[ -/]*[0-~]                                       # other escapes
  | \x1b
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, C1 controls; bidi embeddings,
# overrides, isolates and marks (they reorder what a terminal displays);
# invisible characters that split or hide words (zero-width space, word
# joiner, soft hyphen, invisible operators, Unicode tags); BOMs; and lone
# surrogates (undecodable file names, broken JSON escapes), which cannot be
# written as UTF-8 at all.  Zero-width (non-)joiners stay: scripts such as
# Persian, the Indic ones and emoji need them.
_UNSAFE_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f"
)
_CONTROL = re.compile(f"[{_UNSAFE_CLASS}]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")
_INDENT = re.compile(r"^[ \t]{2,}")


def strip_unsafe(text: str) -> str:
    """Remove terminal escape sequences and control characters.

    Anything that could act on a terminal goes; printable text stays, so
    ``[bold]`` in an article remains the six inert characters it is.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _LINE_SEPARATORS.sub("\n", text)
    if "\x1b" in text:
        text = _ESCAPE_SEQUENCES.sub("", text)
    return _CONTROL.sub("", text.replace("\t", " "))


def safe_label(value: object) -> str:
    """A one-line label (title, id, source, URL) with nothing unsafe in it."""
    return " ".join(strip_unsafe(str(value)).split())


def safe_value(value: object) -> object:
    """Metadata made safe to show: every string in it, keys too, via ``strip_unsafe``."""
    if isinstance(value, str):
        return strip_unsafe(value)
    if isinstance(value, dict):
        return {safe_value(k) if isinstance(k, str) else k: safe_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [safe_value(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return printable(bytes(value).decode("utf-8", "backslashreplace"))
    return value


_SHOWN_AS_ESCAPE = re.compile(f"[{_UNSAFE_CLASS}\n\t\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` for one line of a terminal: every unsafe character as a visible escape.

    For file names and other things the user must recognise: nothing is
    dropped, so ``evil\\x1b[2J.txt`` is shown as exactly that, and a byte of
    a file name that is not UTF-8 as ``\\xe9``.
    """

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that os.fsdecode could not decode
            return f"\\x{code - 0xDC00:02x}"
        if code <= 0xFF:
            return {"\n": "\\n", "\t": "\\t"}.get(char, f"\\x{code:02x}")
        if code <= 0xFFFF:
            return f"\\u{code:04x}"
        return f"\\U{code:08x}"

    return _SHOWN_AS_ESCAPE.sub(escape, text)


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None if it wasn't.

    Wire copy is wrapped near 65-80 columns: nearly every line is short and
    many lines are close to the same maximum.  Web text has one paragraph a
    line, so long lines are common.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return None
    wrapped = [n for n in lengths if n <= 100]
    if len(lengths) - len(wrapped) <= max(1, len(lengths) // 10):
        lengths = wrapped  # one overlong line (two lines run together in transmission) does not make it web text
    p95 = lengths[int(len(lengths) * 0.95) - 1] if len(lengths) >= 20 else lengths[-1]
    if p95 > 100 or p95 < 50:
        return None
    near_max = sum(1 for n in lengths if n >= p95 - 12)
    return p95 if near_max >= len(lengths) * 0.3 else None


def _reflow(text: str) -> str:
    """Rejoin hard-wrapped lines; paragraphs end at indents and blank lines."""
    lines = [line.rstrip() for line in text.split("\n")]
    width = _wrap_width(lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if out and out[-1] != "":
                out.append("")
            continue
        furniture = _is_furniture(stripped)
        if width and out and out[-1] != "" and not _INDENT.match(line) and not furniture and not _is_furniture(out[-1]):
            previous = out[-1]
            first_word = stripped.split(" ", 1)[0]
            if len(previous) + 1 + len(first_word) > width - 12 or not previous.endswith((".", "!", "?", ":", '"', "”")):
                out[-1] = previous + " " + stripped
                continue
        if width and out and out[-1] != "" and _INDENT.match(line):
            out.append("")  # an indented line opens a new paragraph
        out.append(stripped)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    furniture: tuple[Span, ...]


@lru_cache(maxsize=1)
def _furniture_pattern() -> re.Pattern[str]:
    import yaml

    from index.knowledge import data_file  # here: the app's start-up imports this module, not the fact base

    patterns = yaml.safe_load(data_file("furniture.yaml").read_text(encoding="utf-8"))["line_patterns"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


MAX_FURNITURE_LINE = 300
"""Furniture is a short line; a longer one is story (and matching it would cost time)."""


def _is_furniture(stripped: str) -> bool:
    return len(stripped) <= MAX_FURNITURE_LINE and _furniture_pattern().fullmatch(stripped) is not None


def furniture_spans(text: str) -> tuple[Span, ...]:
    """Spans of the lines that are page furniture rather than story."""
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and _is_furniture(stripped):
            spans.append(Span(offset, offset + len(line)))
        offset += len(line) + 1
    return tuple(spans)


def clean(raw: str) -> CleanText:
    """The stored form of an article's text, and where its furniture is."""
    text = _reflow(strip_unsafe(raw))
    return CleanText(text=text, furniture=furniture_spans(text))
