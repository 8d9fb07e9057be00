"""Stage 4b: estimate when an article was written, when nothing says so.

A story saved from a web page often comes as bare text, with no date.
"Next week" and "on Thursday" mean nothing without one, and "the Commerce
Secretary" names a different person in 2023 and in 2025.  A careful reader
dates such a story from its own clues, and so do we:

- a full date beside "Published" or "Updated", or on a line of its own;
- a wire dateline ("WASHINGTON, May 19 (Reuters) -");
- a weekday with its date ("Friday (Oct 27)"): only some years fit;
- the offices of the people it names: "Secretary of State Antony Blinken"
  was written between 2021-01-26 and 2025-01-20 (the fact base knows);
- the dates it names: a story speaks of days near its own, before them
  when it says "will", after them when it says "did";
- "last November", "in February" (past) and "the September G20 meeting"
  (still to come) fence the months it can have been written in;
- the gatherings it names, whose dates the calendar of gatherings knows:
  "the G20 summit last November in Bali" is the one of 2022.

Each clue is a set of day ranges with a weight; the days most clues agree
on are the estimate.  The answer is a window, never a false precise day:
the events stage then resolves every relative date against both ends of it,
so the event's window says honestly how much the clues allow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Sequence

from index.knowledge import Gathering, Knowledge, Person
from index.model import DateEstimate

Range = tuple[date, date]

_WIDEST = timedelta(days=4 * 366)
"""A window wider than this says nothing an analyst can use: no estimate."""


@dataclass(frozen=True, slots=True)
class Clue:
    """Day ranges the story's day lies in, by one piece of evidence."""

    ranges: tuple[Range, ...]
    weight: int
    reason: str
    hint: bool = False
    """A likelihood, not a bound: it picks the likeliest day inside the window, never narrows it."""


class _Words:
    """The regular expressions built from time.yaml, once per knowledge base."""

    def __init__(self, kb: Knowledge) -> None:
        words = kb.time_words
        dating = words.get("dating") or {}
        self.latest: date = _as_date(dating.get("latest")) or date(2026, 12, 31)
        self.earliest: date = _as_date(dating.get("earliest")) or date(1970, 1, 1)
        self.near = timedelta(days=int(dating.get("near_days", 60)))
        self.near_with_year = timedelta(days=int(dating.get("near_days_with_year", 366)))
        self.close = timedelta(days=int(dating.get("close_days", 10)))
        self.named_after = timedelta(days=int(dating.get("named_after_office_days", 730)))
        self.gathering_days = timedelta(days=int(dating.get("gathering_days", 400)))
        self.months: dict[str, int] = words["months"]
        self.weekdays: dict[str, int] = words["weekdays"]
        month = "|".join(sorted((re.escape(m) for m in self.months), key=len, reverse=True))
        weekday = "|".join(sorted((re.escape(w) for w in self.weekdays), key=len, reverse=True))
        day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        year = r"(?:19[789]\d|20\d\d)"
        self.full_date = re.compile(
            rf"\b(?:(?P<m1>{month})\.?\s+(?P<d1>{day}),?\s+(?P<y1>{year})\b|(?P<d2>{day})\s+(?P<m2>{month})\.?,?\s+(?P<y2>{year})\b|(?P<y3>{year})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?=T\d|\b))",
            re.IGNORECASE,
        )
        self.month_day = re.compile(rf"(?<![\w-])(?P<m>{month})\.?\s+(?P<d>{day})(?![\w:]|,?\s+{year})", re.IGNORECASE)
        self.weekday_date = re.compile(
            rf"(?<![\w-])(?P<w>{weekday})\.?,?\s*\(?\s*(?:the\s+)?(?:(?P<m>{month})\.?\s+(?P<d>{day})|(?P<d2>{day})\s+(?P<m2>{month}))\)?(?![\w:])",
            re.IGNORECASE,
        )
        self.dateline = re.compile(rf"^\s*(?-i:[A-Z])[A-Za-z .'/-]{{1,40}}(?:,\s+(?-i:[A-Z])[A-Za-z .'/-]{{1,30}})?,\s+(?P<m>{month})\.?\s+(?P<d>{day})\b(?:,?\s+(?P<y>{year}))?(?:\s*(?:\(|-|–|—|/)|[ \t]*$)", re.MULTILINE | re.IGNORECASE)
        self.month_phrase = re.compile(
            rf"(?<![\w-])(?P<mod>last|next|this|in|early|late|mid-?|since|during|until|by|coming|the)?\s*(?P<m>(?-i:January|February|March|April|May|June|July|August|September|October|November|December))(?!\s+(?:{day})\b|,?\s+{year})",
            re.IGNORECASE,
        )
        self.year_phrase = re.compile(rf"\b(?P<pre>in|since|during|of|from|early|late|mid-?|by|until|through)\s+(?P<y>{year})\b(?![-/]\d)", re.IGNORECASE)
        self.future_sure = _phrase_regex(dating.get("future_cues") or ())
        self.future = _phrase_regex([*(dating.get("future_cues") or ()), *(dating.get("future_hints") or ())])
        self.past = re.compile(r"(?<![\w])(?:%s|\w{3,}ed)(?![\w])" % "|".join(re.escape(str(w)) for w in dating.get("past_cues") or ()), re.IGNORECASE)
        self.loose_titles = {str(t).lower() for t in dating.get("loose_titles") or ()}
        self.recent_months = int(dating.get("recent_months", 7))
        self.ahead_months = int(dating.get("ahead_months", 10))
        self.past_holder = _phrase_regex(dating.get("past_holder") or ())
        self.not_yet = _phrase_regex(dating.get("not_yet_holder") or ())
        stamp = "|".join(re.escape(w) for w in sorted(dating.get("stamp_words") or (), key=len, reverse=True))
        self.stamp = (
            re.compile(rf"\b(?:{stamp})(?!\w)[:\s]*(?:on\s+)?(?:(?:\w+day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?(?:\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?,?\s+)?$", re.IGNORECASE)
            if stamp else None
        )


def _phrase_regex(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(str(w)) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:%s)(?![\w])" % "|".join(alternatives or ["(?!)"]), re.IGNORECASE)


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _words(kb: Knowledge) -> _Words:
    found = kb.cache.get("dating.words")
    if found is None:
        found = kb.cache["dating.words"] = _Words(kb)
    return found


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


_BOUNDARY = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\.\s|\n")


_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|No|Jr|Sr|Lt))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Col|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))(?<!\bSept)[.!?]\s|\n")
"""A sentence's end, but not the full stop of "U.S.", "Mr." or "Nov."."""


def _sentence_start(text: str, position: int) -> int:
    start = max(0, position - 600)
    for match in _SENTENCE_END.finditer(text, start, position):
        start = match.end()
    return start


def _still_to_come(text: str, position: int, words: _Words) -> bool:
    """Whether the date at ``position`` lies ahead of the story's day, by the
    nearest part of its sentence that has a tense: "tariffs due to come into
    effect on November 1" ahead, "began his second term in January" behind."""
    start = _sentence_start(text, position)
    stop = [m.start() for m in (_SENTENCE_END.search(text, position),) if m]
    sentence_end = min(stop) if stop else len(text)
    cuts = [start, *(m.end() for m in _BOUNDARY.finditer(text, start, position)), position]
    for left in reversed(cuts[:-1]):
        part = text[left:position]
        if words.future_sure.search(part):  # "will be convened on December 9"
            return True
        ahead = [m.start() for m in words.future.finditer(part)]
        behind = [m.start() for m in words.past.finditer(part)]
        if ahead or behind:  # the cue nearest the date speaks for it
            return max(ahead, default=-1) > max(behind, default=-1)
    after = _BOUNDARY.search(text, position, sentence_end)
    part = text[position : after.start() if after else sentence_end]
    return words.future_sure.search(part) is not None or (words.future.search(part) is not None and words.past.search(part) is None)


def _years(words: _Words) -> range:
    return range(words.earliest.year, words.latest.year + 1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


# --- the clues ------------------------------------------------------------


def _stamp_clues(text: str, words: _Words) -> list[Clue]:
    """A full date beside "Published"/"Updated", or alone on a short line: the story's own day."""
    clues = []
    for match in words.full_date.finditer(text):
        day = _full_date(match, words)
        if day is None:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end != -1 else len(text)]
        before = text[line_start : match.start()]
        own_line = len(line.strip()) <= len(match.group(0)) + 30 and not re.search(r"[.!?]\s*$", line.strip()[:-1] or "")
        stamped = words.stamp is not None and words.stamp.search(before) is not None
        if stamped or (own_line and not re.search(r"[a-z]{4,}\s+[a-z]{4,}", line.replace(match.group(0), ""))):
            clues.append(Clue(((day, day),), 40, f"dated {match.group(0).strip()}"))
    return clues


def _full_date(match: re.Match[str], words: _Words) -> date | None:
    g = match.groupdict()
    if g["y1"]:
        return _day(int(g["y1"]), words.months[g["m1"].lower()], _number(g["d1"]))
    if g["y2"]:
        return _day(int(g["y2"]), words.months[g["m2"].lower()], _number(g["d2"]))
    return _day(int(g["y3"]), int(g["m3"]), int(g["d3"]))


def _dateline_clues(text: str, words: _Words, dateline: str = "") -> list[Clue]:
    """"WASHINGTON, Feb 26 -": the story's own day, short of its year."""
    match = words.dateline.search(f"{dateline} -") if dateline else None
    match = match or words.dateline.search(text[:500])
    if not match:
        return []
    month, day = words.months[match["m"].lower()], _number(match["d"])
    years = [int(match["y"])] if match["y"] else list(_years(words))
    ranges = tuple((d, d) for d in (_day(y, month, day) for y in years) if d)
    said = match.group(0).strip(" -–—(/\n\t")
    return [Clue(ranges, 10, f"dateline {said}")] if ranges else []


def _weekday_clues(text: str, words: _Words, used: list[tuple[int, int]]) -> list[Clue]:
    """"Friday (Oct 27)": the years in which Oct 27 is a Friday, and the week after it."""
    clues = []
    for match in words.weekday_date.finditer(text):
        month = words.months[(match["m"] or match["m2"]).lower()]
        day = _number(match["d"] or match["d2"])
        weekday = words.weekdays[match["w"].lower()]
        days = [d for d in (_day(y, month, day) for y in _years(words)) if d and d.weekday() == weekday]
        if days:
            used.append(match.span())
            clues.append(Clue(tuple((d - timedelta(days=2), d + timedelta(days=7)) for d in days), 4, f"{match.group(0).strip()} is a {match['w']}"))
    return clues


_LANDMARK_BEFORE = re.compile(r"(?i)\b(?:took\s+office|sworn\s+in|inaugurated|(?:came|returned)\s+to\s+power|took\s+power|since|born|founded|established|elected)\s+(?:on\s+)?$")
"""Before a named day that marks a landmark (an inauguration, a founding): it may lie far from the story's day."""


def _named_day_clues(text: str, words: _Words, used: list[tuple[int, int]]) -> list[Clue]:
    """A named day is near the story's day: before it if still to come, after it if done."""
    clues = []
    for match in [*words.full_date.finditer(text), *words.month_day.finditer(text)]:
        if any(a <= match.start() < b for a, b in used):
            continue
        g = match.groupdict()
        if "y1" in g:
            whole = _full_date(match, words)
            days = [whole] if whole else []
        else:
            month, day = words.months[g["m"].lower()], _number(g["d"])
            days = [d for d in (_day(y, month, day) for y in _years(words)) if d]
        if not days:
            continue
        if _LANDMARK_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "took office on Jan. 1", "in power since March 3": a landmark, not a day near the story's
        coming = _still_to_come(text, match.start(), words)
        reach = words.near_with_year if "y1" in g else words.near
        near = tuple((d - reach, d + reach) for d in days)
        side = tuple(((d - reach, d) if coming else (d, d + reach)) for d in days)
        label = match.group(0).strip()
        close = tuple(((d - words.close, d) if coming else (d, d + words.close)) for d in days)
        clues.append(Clue(near, 1, f"names {label}"))
        if "y1" not in g:  # (a date with its year is often far off and its tense unsure: "the year ending March 31 1988")
            clues.append(Clue(side, 1, f"{label} {'still to come' if coming else 'past'}"))
        clues.append(Clue(close, 1, f"{label} most likely within {words.close.days} days", hint=True))
    return clues


def _month_clues(text: str, words: _Words) -> list[Clue]:
    """"last November", "in February" (done), "the September meeting" (to come): months that fence the day."""
    clues = []
    for match in words.month_phrase.finditer(text):
        month = words.months[match["m"].lower()]
        mod = (match["mod"] or "").lower()
        if match["m"] == "May" and mod not in ("last", "next", "in", "early", "late", "mid", "mid-", "since", "until", "by", "during"):
            continue  # "May" is too often the verb
        if mod == "this":
            continue
        if mod == "last":
            coming = False
        elif mod in ("next", "coming"):
            coming = True
        else:
            coming = _still_to_come(text, match.start(), words)
        ranges = []
        for year in _years(words):
            if coming:  # a month still to come is seldom named more than ten months ahead
                ranges.append((_add_months(date(year, month, 1), -words.ahead_months), _month_end(year, month)))
            elif mod == "last":  # "last November": not November itself (that is "this month"), within the year after
                ranges.append((_month_end(year, month) + timedelta(days=1), _add_months(date(year, month, 1), 12) - timedelta(days=1)))
            else:  # a month gone, named without its year: a recent one
                ranges.append((date(year, month, 1), _add_months(date(year, month, 1), words.recent_months)))
        clues.append(Clue(tuple(ranges), 1, f"{match.group(0).strip()} ({'to come' if coming else 'past'})"))
    return clues


def _year_clues(text: str, words: _Words) -> list[Clue]:
    """"since 2018", "in 2019" (done) put the day after the year began; "by 2030" (to come) before it ends."""
    clues = []
    for match in words.year_phrase.finditer(text):
        year = int(match["y"])
        coming = match["pre"].lower() in ("by", "until") or _still_to_come(text, match.start(), words)
        if coming:
            clues.append(Clue(((words.earliest, date(year, 12, 31)),), 1, f"{match.group(0)} (to come)"))
        else:
            clues.append(Clue(((date(year, 1, 1), words.latest),), 1, f"{match.group(0)} (past)"))
    return clues


def _names(kb: Knowledge) -> re.Pattern[str]:
    found = kb.cache.get("dating.names")
    if found is None:
        forms = sorted((re.escape(n) for n in kb.person_by_name), key=len, reverse=True)
        surnames = sorted(
            (re.escape(s) for s, people in kb.people_by_surname.items() if len(s) > 2 and any(r.office != "other" for p in people for r in p.roles)),
            key=len, reverse=True,
        )
        found = kb.cache["dating.names"] = re.compile(r"(?<![\w-])(?:(?P<full>%s)|(?P<sur>%s))(?![\w-])" % ("|".join(forms), "|".join(surnames)))
    return found


def _title_before(text: str, start: int, kb: Knowledge) -> tuple[str | None, str, str]:
    """The office a title just before a name names, the words before that title, and the title."""
    tokens = re.findall(r"[\w.’'-]+|,", text[max(0, start - 80) : start])
    while tokens and tokens[-1] == ",":
        tokens.pop()
    for size in range(min(5, len(tokens)), 0, -1):
        phrase = " ".join(tokens[-size:]).lower()
        phrase = re.sub(r"^(?:\w+['’]s\s+)", "", phrase)
        sense = kb.titles.get(phrase)
        if sense is not None and sense.office:
            if size < len(tokens) and tokens[-size - 1].lower() in _UNDERLINGS:
                return None, "", ""  # "Vice Foreign Minister Choe": not the foreign minister's office
            return sense.office, " ".join(tokens[-size - 2 : -size]), phrase
    return None, "", ""


_UNDERLINGS = frozenset({"vice", "deputy", "assistant", "under", "junior", "acting", "associate", "shadow"})


def _title_after(text: str, end: int, kb: Knowledge) -> tuple[str | None, str]:
    """"Li Chenggang, China's vice commerce minister": the office after the name and a comma."""
    match = re.match(r",\s+(?:the\s+)?((?:[\w.’'-]+\s+){0,6}[\w.’'-]+)", text[end : end + 90])
    if not match:
        return None, ""
    tokens = match.group(1).split()
    for first in range(0, min(3, len(tokens))):
        for size in range(min(5, len(tokens) - first), 0, -1):
            phrase = re.sub(r"^(?:\w+['’]s\s+)", "", " ".join(tokens[first : first + size]).lower()).rstrip(",.")
            sense = kb.titles.get(phrase)
            if sense is not None and sense.office:
                return sense.office, phrase
    return None, ""


def _office_clues(text: str, kb: Knowledge, words: _Words) -> list[Clue]:
    """A person named with an office held it on the story's day (unless "former")."""
    clues: dict[str, Clue] = {}
    named: dict[str, Clue] = {}
    for match in _names(kb).finditer(text):
        office, before, title = _title_before(text, match.start(), kb)
        if match["full"]:
            person: Person | None = kb.person_by_name.get(match["full"])
            if office is None:
                office, title = _title_after(text, match.end(), kb)
        else:
            if office is None:
                continue
            holders = [p for p in kb.people_by_surname.get(match["sur"], []) if any(r.office == office for r in p.roles)]
            person = holders[0] if len(holders) == 1 else None
        whose = _COUNTRY_POSSESSIVE.search(text, max(0, match.start() - 40), match.start()) if person is not None and office is None and match["full"] else None
        if whose is not None and person is not None:
            place = kb.places.get(whose.group(1))
            if place is not None and place.country == person.country and person.roles:
                office, before, title = "", whose.group(0), ""  # "Brazil's Lula": whatever office he held
        if person is not None and office is None and match["full"] and person.name not in named:
            spans = [(r.start - words.named_after, (r.end or words.latest) + words.named_after) for r in person.roles if r.start]
            if spans:  # named at all: news names people while they matter, in office or near it (a candidate, a former minister)
                named[person.name] = Clue(tuple(spans), 1, f"names {person.name}")
        if person is None or office is None or person.name in clues:
            continue
        loose = title in words.loose_titles or office == ""  # "top diplomat", "Brazil's Lula": any office he held will do
        roles = [r for r in person.roles if (loose or r.office == office) and r.start is not None]
        if not roles:
            continue  # a title the story gets wrong tells nothing of the day
        if words.past_holder.search(before):
            continue
        if words.not_yet.search(before) or words.not_yet.search(text[match.end() : match.end() + 20]):
            ranges = tuple((r.start - timedelta(days=120), r.start) for r in roles if r.start)  # type: ignore[operator]
            reason = f"{person.name} not yet {roles[0].title}"
        else:
            ranges = tuple((r.start, r.end or words.latest) for r in roles if r.start)  # type: ignore[misc]
            spans = ", ".join(f"{r.start}..{r.end or 'now'}" for r in roles)
            reason = f"{person.name} {roles[0].title} ({spans})"
        clues[person.name] = Clue(ranges, 3, reason)
    return [*clues.values(), *(c for name, c in named.items() if name not in clues)]


_COUNTRY_POSSESSIVE = re.compile(r"\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})[’']s\s+$")
"""'Brazil's Luiz Inacio Lula da Silva': the country's leader of the day, whatever his title."""


def _gathering_clues(text: str, kb: Knowledge, words: _Words, around: Sequence[Range] = ()) -> list[Clue]:
    """A gathering the story places or dates ("the G20 summit last November in Bali"): its edition's day fences the story's.

    Where the sentence leaves two editions (Korea hosted APEC in 2005 and in
    2025), the days the story's other clues allow choose between them."""
    clues = []
    for fits, match_start in _editions_named(text, kb.gatherings, words):
        near = text[max(0, match_start - 40) : match_start + 90]
        said = _GATHERING_TIME.search(near)
        ahead = words.future_sure.search(text, match_start, min(len(text), match_start + 90))  # "G-7 leaders who are due to attend a summit"
        coming = said.group(1) is not None if said else bool(ahead) or _still_to_come(text, match_start, words)

        def reach(edition: Gathering) -> Range:
            if coming:
                return (edition.start - words.gathering_days, edition.start)
            return (edition.start, edition.end + words.gathering_days)

        if len(fits) > 1 and around:
            fits = [e for e in fits if any(a <= reach(e)[1] and reach(e)[0] <= b for a, b in around)]
        if len(fits) > 1:
            fits = [e for e in fits if e.city] or fits  # "a G20 meeting in India": the summit, not the virtual follow-up
        if len(fits) != 1:
            continue
        edition = fits[0]
        clues.append(Clue((reach(edition),), 3, f"{edition.label} ({edition.start}) {'to come' if coming else 'past'}"))
    return clues


def _editions_named(text: str, gatherings: Sequence[Gathering], words: _Words) -> list[tuple[list[Gathering], int]]:
    """Editions a story pins down: a series' name with, in the same sentence, an
    edition's own name, its year, its host city or country, and no month that
    contradicts it ("the G20 summit last November in Bali": 2022).  A name two
    series share ("G-7" for the summits and the finance ministers) must be
    settled by the sentence alone, or it dates nothing."""
    by_series: dict[str, list[Gathering]] = {}
    for g in gatherings:
        by_series.setdefault(g.series, []).append(g)
    candidates: list[tuple[int, int, list[Gathering]]] = []
    for editions in by_series.values():
        pattern = editions[0].pattern
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            stop = [p for p in (text.find(". ", match.end()), text.find("\n", match.end())) if p != -1]
            sentence = text[start : min(stop) if stop else len(text)]
            months = {words.months[m.lower()] for m in _MONTH_NAMES.findall(sentence)}
            fitting = [e for e in editions if not months or e.start.month in months or e.end.month in months]
            fits = [e for e in fitting if any(re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", sentence, re.IGNORECASE) for a in e.aliases)]
            fits = fits or [e for e in fitting if re.search(rf"\b{e.start.year}\b", sentence)]
            # the host must be the gathering's place ("in Bali", "the Venice summit"), not any place the sentence names
            beside = text[max(start, match.start() - 80) : match.end() + 80]
            fits = fits or [e for e in fitting if e.city and _hosted(e.city, beside)]
            fits = fits or [e for e in fitting if any(_hosted(n, beside) for n in e.country_names)]
            if fits:
                candidates.append((match.start(), match.end(), fits))
    found: dict[tuple[str, ...], tuple[list[Gathering], int]] = {}
    for start, end, fits in candidates:
        rivals = {e.series for s, e_, f in candidates if s < end and start < e_ for e in f}
        if len(rivals) == 1:  # one series' name, not two series' at once
            found.setdefault(tuple(e.label for e in fits), (fits, start))
    return list(found.values())


def _hosted(place: str, text: str) -> bool:
    """``place`` named as where a gathering is: "in Bali", "at Gyeongju", "the Venice summit"."""
    name = re.escape(place)
    return re.search(rf"\b(?:in|at|hosted\s+by)\s+(?:the\s+)?{name}(?![\w-])|(?<![\w-]){name}\s+(?:summit|meeting|conference|talks)\b", text) is not None


_GATHERING_TIME = re.compile(
    r"(?i)\b(?:(next|coming|upcoming|forthcoming|later\s+this)\s+(?:week|month|year|[A-Z][a-z]+)|(last|previous|earlier\s+this|past)\s+(?:week|month|year|[A-Z][a-z]+))\b"
)
""""the APEC summit next month", "the G20 summit last November": the words beside a gathering date it better than its clause."""
_MONTH_NAMES = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")


# --- putting the clues together --------------------------------------------


def _sweep(clues: Sequence[Clue], words: _Words) -> Iterable[tuple[Range, int]]:
    """Each stretch of days between two clue edges, with the clue weight on it."""
    changes: dict[date, int] = {}
    for clue in clues:
        for start, end in _merged(clue.ranges, words):
            changes[start] = changes.get(start, 0) + clue.weight
            after = end + timedelta(days=1)
            changes[after] = changes.get(after, 0) - clue.weight
    weight = 0
    points = sorted(changes)
    for here, following in zip(points, points[1:]):
        weight += changes[here]
        yield (here, following - timedelta(days=1)), weight


def best_days(clues: Sequence[Clue], words: _Words) -> tuple[list[Range], int]:
    """The day ranges most clue weight agrees on, and that weight."""
    best: list[Range] = []
    top = 0
    for segment, weight in _sweep(clues, words):
        if weight <= 0:
            continue
        if weight > top:
            top, best = weight, [segment]
        elif weight == top:
            best.append(segment)
    return best, top


def _days_weighing(clues: Sequence[Clue], words: _Words, floor: int) -> list[Range]:
    """The day ranges that at least ``floor`` clue weight agrees on."""
    return [segment for segment, weight in _sweep(clues, words) if weight >= floor and weight > 0]


def _merged(ranges: Iterable[Range], words: _Words) -> list[Range]:
    clipped = sorted((max(a, words.earliest), min(b, words.latest)) for a, b in ranges if b >= words.earliest and a <= words.latest and a <= b)
    merged: list[Range] = []
    for start, end in clipped:
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


_MARGIN = 2
"""How much more clue weight the estimate must have than the best window a
year or more away: a dateline's day and one named date do not fix a year."""


def _best_elsewhere(clues: Sequence[Clue], words: _Words, earliest: date, latest: date) -> int:
    """The most clue weight any day well outside ``earliest``..``latest`` gets."""
    fence = (earliest - timedelta(days=180), latest + timedelta(days=180))
    outside = [Clue(((words.earliest, fence[0]), (fence[1], words.latest)), 10_000, "outside")]
    segments, weight = best_days([*clues, *outside], words)
    return max(weight - 10_000, 0) if segments else 0


def find_clues(text: str, kb: Knowledge, dateline: str = "") -> list[Clue]:
    """Every dating clue in ``text`` (and in the story's ``dateline``, if it came apart)."""
    words = _words(kb)
    used: list[tuple[int, int]] = []
    stamps = _stamp_clues(text, words)
    if stamps:
        return stamps
    clues = [
        *_dateline_clues(text, words, dateline),
        *_weekday_clues(text, words, used),
        *_named_day_clues(text, words, used),
        *_month_clues(text, words),
        *_year_clues(text, words),
        *_office_clues(text, kb, words),
    ]
    around = best_days([c for c in clues if not c.hint], words)[0] if clues else []
    return [*clues, *_gathering_clues(text, kb, words, around)]


def estimate_publication(text: str, kb: Knowledge, dateline: str = "") -> DateEstimate | None:
    """When ``text`` was most likely written, as a window; None when its clues are too few or too loose."""
    words = _words(kb)
    clues = find_clues(text, kb, dateline)
    bounds = [c for c in clues if not c.hint]
    if not bounds:
        return None
    segments, weight = best_days(bounds, words)
    if not segments:
        return None
    earliest, latest = segments[0][0], segments[-1][1]
    if latest - earliest > _WIDEST:
        return None
    rival = _best_elsewhere(bounds, words, earliest, latest)
    if weight - rival < _MARGIN:
        # another year fits almost as well: the window is every day that fits as well as the rival
        segments = _days_weighing(bounds, words, rival)
        earliest, latest = segments[0][0], segments[-1][1]
        if latest - earliest > _WIDEST or weight - _best_elsewhere(bounds, words, earliest, latest) < _MARGIN:
            return None  # the clues do not settle it
    inside = [Clue(tuple(segments), 1000, "window"), *(c for c in clues if c.hint)]
    likeliest = best_days(inside, words)[0] or segments
    last = likeliest[-1]
    best = last[0] + (last[1] - last[0]) // 2
    agreeing = [c.reason for c in bounds if any(a <= last[1] and last[0] <= b for a, b in c.ranges)]
    return DateEstimate(earliest=earliest, latest=latest, best=best, basis=tuple(agreeing))
