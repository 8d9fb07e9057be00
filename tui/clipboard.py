"""Citations of events and articles, and getting them to the clipboard.

The copy goes through the terminal (OSC 52), which works over SSH because
the sequence travels with the output to the analyst's own terminal.  tmux
and GNU screen swallow OSC 52 unless told otherwise, so inside them the
sequence is also sent wrapped for pass-through.
"""

from __future__ import annotations

import base64
from typing import Any, Mapping

from tui.styles import one_line


def _and(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names) or "(participants unknown)"
    return ", ".join(names[:-1]) + " and " + names[-1]


def written_about(estimate: Mapping[str, Any] | None) -> str:
    """An undated article's estimated date, said as one: ``undated, about 2023-05-15 to 2023-05-24``."""
    if not estimate:
        return ""
    earliest, latest = one_line(str(estimate.get("earliest", ""))), one_line(str(estimate.get("latest", "")))
    if not earliest:
        return "undated"
    return f"undated, about {earliest}" if earliest == latest else f"undated, about {earliest} to {latest}"


def event_date(event: Mapping[str, Any]) -> str:
    """The event's dates as the article gives them: ``2023-05-21 to 2023-05-27 ("next week")``."""
    date = event.get("date") or None
    if not date:
        return "date not stated"
    start, end, words = date.get("start", ""), date.get("end", ""), one_line(date.get("text", ""))
    days = start if start == end or not end else f"{start} to {end}"
    days = f'{days} ("{words}")' if words else days
    return f"{days}, estimated (the article is undated)" if date.get("estimated") else days


def citation(event: Mapping[str, Any], title: str = "", source: str = "", published: str = "") -> str:
    """An event as a self-contained citation, ready to paste into a note.

    Participants, type, date, place, status, the sentence it came from,
    and the article id (with title, source and date when known).
    """
    people = _and([one_line(p) for p in event.get("participants") or ()])
    place = one_line(event.get("location") or "") or "place not stated"
    head = f"{people}: {one_line(event.get('type', 'event'))}, {one_line(event.get('status', ''))}, {event_date(event)}, {place}."
    sentence = one_line(event.get("sentence", ""))
    where = [f"article {one_line(event.get('article', ''))}"]
    about = ", ".join(x for x in (one_line(source), one_line(published)[:10]) if x)
    if title:
        where.insert(0, f'"{one_line(title)}"' + (f" ({about})" if about else ""))
    return f'{head}\n"{sentence}"\n— {", ".join(where)}'


def article_citation(title: str, article_id: str, source: str = "", published: str = "", url: str = "") -> str:
    """An article as a one-paragraph reference."""
    about = ", ".join(x for x in (one_line(source), one_line(published)[:10]) if x)
    parts = [f'"{one_line(title)}"' + (f" ({about})" if about else ""), f"article {one_line(article_id)}"]
    if url:
        parts.append(one_line(url))
    return ", ".join(parts)


def osc52(text: str) -> str:
    """The OSC 52 sequence setting the clipboard to ``text``."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{payload}\a"


def passthrough(text: str, environ: Mapping[str, str]) -> list[str]:
    """Extra, wrapped copies of the OSC 52 sequence for tmux and GNU screen.

    tmux forwards ``ESC P tmux; ... ESC \\`` when ``allow-passthrough`` is
    on; screen forwards DCS strings, but only short ones, so the payload is
    cut into chunks.
    """
    out = []
    sequence = osc52(text)
    if environ.get("TMUX"):
        out.append("\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\")
    if environ.get("STY"):
        payload = sequence[len("\x1b]52;c;") : -1]
        chunks = [payload[i : i + 76] for i in range(0, len(payload), 76)] or [""]
        out.append("\x1bP\x1b]52;c;" + "\x1b\\\x1bP".join(chunks) + "\a\x1b\\")
    return out
