"""Stage 5: find temporal phrases and resolve them against the article's date.

Each phrase gets two readings, one for a past event and one for a future
one ("on Thursday" is the last Thursday for a meeting that happened, the
coming one for a meeting that is planned); the events stage picks by
status.  A phrase always keeps its own words and resolves to a window of
days, never to a false precise day.  dateparser is used only on the few
numeric dates the grammar below does not cover, and its answers cached.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from index.knowledge import Knowledge
from index.model import Span

Window = tuple[date, date]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    span: Span
    text: str
    past: Window | None
    future: Window | None

    def window(self, tense: str, around: date | None = None) -> Window | None:
        """The window for an event of ``tense``: "past", "future", or
        "nearest" (the reading closest to ``around``, for an engagement
        that was postponed or cancelled and may lie either side)."""
        if tense == "nearest" and around is not None and self.past and self.future:
            def distance(w: Window) -> int:
                return 0 if w[0] <= around <= w[1] else min(abs((w[0] - around).days), abs((w[1] - around).days))
            return min((self.past, self.future), key=distance)
        if tense == "future":
            return self.future or self.past
        return self.past or self.future


def _month_window(year: int, month: int) -> Window:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week_of(day: date) -> Window:
    """The Sunday-to-Saturday week holding ``day`` (news weeks start Sunday)."""
    start = day - timedelta(days=(day.weekday() + 1) % 7)
    return start, start + timedelta(days=6)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _grammar(month_words: tuple[str, ...], weekday_words: tuple[str, ...]) -> re.Pattern[str]:
    month = r"(?:%s)\.?" % "|".join(sorted(month_words, key=len, reverse=True))
    weekday = r"(?:%s)" % "|".join(sorted(weekday_words, key=len, reverse=True))
    number = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|several|few|couple of)"
    unit = r"(?:days?|weeks?|months?|years?)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    patterns = [
        rf"(?P<mly0>(?:(?:in|of|since|until|by|from)\s+)?(?P<mly0_m>{month})\s+(?P<mly0_mod>last|next|this)\s+year)",
        # "May 25 or 26", "April 13-16", "March 3, 1987", "Oct 27"
        rf"(?P<md>(?:(?:from|between)\s+)?(?P<md_m>{month})(?:\s+|-)(?P<md_d1>{day})(?:\s*(?:-|–|to|or|and|through)\s*(?:(?P<md_m2>{month})\s+)?(?P<md_d2>{day}))?(?:,?\s+(?P<md_y>(?:19|20)\d\d))?)(?![\d:])",
        # "25 May 2023", "13-16 April"
        rf"(?P<dm>(?P<dm_d1>{day})(?:\s*(?:-|–|to|or|and)\s*(?P<dm_d2>{day}))?\s+(?P<dm_m>{month})(?:,?\s+(?P<dm_y>(?:19|20)\d\d))?)",
        # ISO and numeric dates
        r"(?P<iso>(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d))",
        r"(?P<num>\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b)",
        # "on Thursday and Friday", "next Monday and Tuesday"
        rf"(?P<wdr>(?:(?P<wdr_mod>next|last|this|on)\s+)?(?P<wdr_a>{weekday})\s+(?:and|or|to|through|-|–)\s+(?P<wdr_b>{weekday}))",
        # "on Thursday", "next Wednesday", "last Tuesday", "Friday (Oct 27)" is md inside
        rf"(?P<wd>(?:(?P<wd_mod>next|last|this|coming|early|late|on|by|until|from|since)\s+)?(?P<wd_day>{weekday})(?:\s+(?P<wd_part>morning|afternoon|evening|night))?)",
        # "at the end of September", "the beginning of May"
        rf"(?P<part>(?:at\s+|by\s+|from\s+|until\s+)?the\s+(?P<part_w>end|beginning|start|middle)\s+of\s+(?P<part_m>{month})(?:,?\s+(?P<part_y>(?:19|20)\d\d))?)",
        # "last November", "in March", "early this month", "next month", "mid-April"
        rf"(?P<mn>(?P<mn_mod>last|next|this|in|early|late|mid-?|by|since|until|through|during|from|the|a|coming|before)\s*(?P<mn_m>{month})(?![\s-]*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*(?:pct|percent|mln|billion|dlrs)))(?:,?\s+(?P<mn_y>(?:19|20)\d\d))?)",
        rf"(?P<my>(?P<my_m>{month})\s+(?P<my_y>(?:19|20)\d\d))",
        # periods relative to the article's date
        r"(?P<rel>(?P<rel_pre>later|earlier|early|late|end of|the end of)?\s*(?:(?<=later\s)in\s+|(?<=earlier\s)in\s+)?(?P<rel_mod>next|last|this|past|coming|previous|(?<=the\s)following|(?<=later\sin\s)the|(?<=earlier\sin\s)the|(?<=end\sof\s)the(?=\s+(?:month|week|year)\b))\s+(?P<rel_unit>week|weekend|month|year|quarter)(?!\s+of\b))",
        r"(?P<wkend>(?:over|during|at|on)\s+the\s+weekend|weekend(?=\s+(?:[a-z-]+\s+)?(?:visit|trip|talks|meeting|meetings|summit|tour|stay|session)s?\b))",
        # "a summer meeting", "next spring" ("fall" is too often a fall in prices)
        r"(?P<season>(?:(?P<season_mod>this|next|last|coming|early|late|mid-?)\s*)?(?P<season_n>spring|summer|autumn|winter))",
        r"(?P<endwk>(?:at\s+|by\s+)?end-week|(?:at|by)\s+(?:the\s+)?week['’]?s\s+end|(?:at|by)\s+the\s+end\s+of\s+the\s+week)",
        rf"(?P<ago>(?P<ago_n>{number})\s+(?P<ago_u>{unit})\s+ago)",
        rf"(?P<dur>(?P<dur_n>{number}|\d+)[- ](?P<dur_u>day|week)(?=[- ](?:[a-z]+\s+){{0,2}}(?:visit|trip|tour|talks|meeting|summit|conference|session|stay)))",
        rf"(?P<within>(?:in|within)\s+(?:the\s+)?(?:next\s+)?(?P<within_n>{number})\s+(?P<within_u>{unit}))",
        rf"(?P<pastn>(?:over|in|during)\s+the\s+(?:past|last)\s+(?P<pastn_n>{number})\s+(?P<pastn_u>{unit}))",
        r"(?P<coming>(?:in|over)\s+the\s+(?:coming|next|following)\s+(?P<coming_u>days|weeks|months))",
        r"(?P<recent>(?:in|over)\s+recent\s+(?P<recent_u>days|weeks|months))",
        # "is likely to visit Moscow soon": within the month ahead (not "as soon as", "soon after")
        r"(?<!as\s)(?<!too\s)(?<!how\s)(?P<soon>soon|shortly)(?!\s+(?:after|before|as|afterwards|thereafter|to\s+be)\b)",
        # "around 3 p.m. local time", "at 1115 est": a clock time of the story's day
        r"(?P<clock>(?:at|around|about|by|after|before|until|from)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|(?:at|around|about|by|for)\s+(?:\d{3,4}|\d{1,2}[:.]\d{2})\s+(?:hours\s+(?:local\b|(?:est|edt|gmt|bst|cet|local\s+time)\b)|(?:est|edt|gmt|bst|cet|local\s+time)\b))",
        r"(?P<deictic>(?:earlier|later)\s+(?:in\s+the\s+day|today|this\s+(?:morning|afternoon|evening))|yesterday|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening)|last\s+night|tomorrow\s+(?:morning|afternoon|evening))",
        r"(?P<year>(?:in|during|early|late|by|since|until|from|through|of)\s+(?P<year_y>(?:19|20)\d\d)|(?<=the\s)(?P<year_m>(?:19|20)\d\d)(?=\s+(?:[A-Z][\w.-]*\s+){0,3}(?:[Ss]ummit|meeting|talks|visit|conference|session|round|election)))",
        # a bare capitalised month: "a planned February trip"
        rf"(?P<bm>(?P<bm_m>{month}))",
    ]
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w])", re.IGNORECASE)


class _Hint:
    """A cheap test every match of ``_grammar`` passes: some word it cannot do without.

    A month or weekday name, a unit of time, a deictic word, a year or a
    numeric date.  "may" counts only as May (capitalised), after a day
    number ("25 may") or before "last/next/this year": the grammar's other
    readings of a lower-case "may" are dropped by ``find_time_expressions``.
    """

    _LETTERS = re.compile(r"[a-z]+")
    _NUMERIC = re.compile(r"(?:19|20)\d\d|\d/\d|\d\s*[ap]\.?m\b|\d{3,4}\s+(?:est|edt|gmt|bst|cet|local)\b|\d[:.]\d\d\s+(?:hours\s+)?(?:est|edt|gmt|bst|cet|local)\b", re.IGNORECASE)
    _MAY = re.compile(
        r"\bM(?i:ay)\b|(?i:\d(?:st|nd|rd|th)?\s*(?:(?:-|–|to|or|and)\s*\d+(?:st|nd|rd|th)?\s*)?\s+may\b|\bmay\s+(?:last|next|this)\s+year\b)"
    )

    def __init__(self, month_words: tuple[str, ...], weekday_words: tuple[str, ...]) -> None:
        words = {w.lower() for w in (*month_words, *weekday_words)} - {"may"}
        words |= {"spring", "summer", "autumn", "winter", "day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "quarter",
                  "yesterday", "today", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "soon", "shortly"}
        self.words = frozenset(words)

    def search(self, text: str, start: int, end: int) -> bool:
        chunk = text[start:end]
        found = set(self._LETTERS.findall(chunk.lower()))
        if not self.words.isdisjoint(found) or self._NUMERIC.search(chunk):
            return True
        return "may" in found and self._MAY.search(chunk) is not None


def _count(word: str, numbers: dict[str, int]) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else numbers.get(word, 1)


def _infer_year(month: int, day: int, published: date) -> tuple[Window | None, Window | None]:
    """(past, future) readings of a day given without its year."""
    past = future = None
    for year in (published.year - 1, published.year, published.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate is None:
            continue
        if candidate <= published + timedelta(days=3):
            past = (candidate, candidate)
        if future is None and candidate >= published - timedelta(days=3):
            future = (candidate, candidate)
    return past, future


def _infer_month(month: int, published: date, strict: bool = False) -> tuple[Window, Window]:
    """(past, future) readings of a month named without its year."""
    this_year = _month_window(published.year, month)
    if month == published.month and not strict:
        return this_year, this_year
    past = this_year if (month < published.month) else _month_window(published.year - 1, month)
    future = this_year if (month > published.month) else _month_window(published.year + 1, month)
    return past, future


def _nearest_if_close(readings: tuple[Window, Window], published: date, days: int = 125) -> tuple[Window, Window]:
    """"The February meeting" read in April is the last one, whatever the
    verb's tense: a month named without direction is the nearest one when
    that is within about four months."""
    past, future = readings
    gap_past = (published - past[1]).days
    gap_future = (future[0] - published).days
    if past == future:
        return readings
    if gap_past <= days and gap_past < gap_future:
        return past, past
    if gap_future <= days and gap_future < gap_past:
        return future, future
    return readings


def resolve(match: re.Match[str], published: date, kb: Knowledge) -> tuple[Window | None, Window | None]:
    """(past, future) windows for one grammar match."""
    months: dict[str, int] = kb.time_words["months"]
    weekdays: dict[str, int] = kb.time_words["weekdays"]
    numbers: dict[str, int] = kb.time_words["numbers"]
    g = match.groupdict()

    def month_of(word: str) -> int:
        return months[word.lower().rstrip(".")]

    def day_of(word: str) -> int:
        return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]

    if g["md"] or g["dm"]:
        p = "md" if g["md"] else "dm"
        m1 = month_of(g[f"{p}_m"])
        d1 = day_of(g[f"{p}_d1"])
        m2 = month_of(g["md_m2"]) if p == "md" and g["md_m2"] else m1
        d2 = day_of(g[f"{p}_d2"]) if g[f"{p}_d2"] else d1
        if g[f"{p}_y"]:
            year = int(g[f"{p}_y"])
            a, b = _safe_date(year, m1, d1), _safe_date(year, m2, d2)
            if a and b and a <= b:
                return (a, b), (a, b)
            return None, None
        past1, future1 = _infer_year(m1, d1, published)
        if not (past1 or future1):
            return None, None

        def widen(w: Window | None) -> Window | None:
            if w is None:
                return None
            end = _safe_date(w[0].year + (1 if m2 < m1 else 0), m2, d2)
            return (w[0], end) if end and end >= w[0] else w

        return widen(past1), widen(future1)
    if g["iso"]:
        d = _safe_date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        return ((d, d), (d, d)) if d else (None, None)
    if g["num"]:
        d = _dateparser_day(g["num"], published)
        return ((d, d), (d, d)) if d else (None, None)
    if g["wdr"]:
        mod = (g["wdr_mod"] or "").lower()
        a, b = weekdays[g["wdr_a"].lower()], weekdays[g["wdr_b"].lower()]
        if mod == "next":
            week_start = _week_of(published)[0] + timedelta(days=7)
            first = week_start + timedelta(days=(a + 1) % 7)
            last_ = week_start + timedelta(days=(b + 1) % 7)
            return (first, last_), (first, last_)
        back_b = published - timedelta(days=(published.weekday() - b) % 7)
        back_a = back_b - timedelta(days=(b - a) % 7)
        fwd_a = published + timedelta(days=(a - published.weekday()) % 7)
        fwd_b = fwd_a + timedelta(days=(b - a) % 7)
        return (back_a, back_b), (fwd_a, fwd_b)
    if g["dur"]:
        days = _count(g["dur_n"], numbers) * (7 if g["dur_u"].lower() == "week" else 1)
        return (published - timedelta(days=days - 1), published), (published, published + timedelta(days=days - 1))
    if g["wd"]:
        mod = (g["wd_mod"] or "").lower()
        target = weekdays[g["wd_day"].lower()]
        delta_back = (published.weekday() - target) % 7
        delta_fwd = (target - published.weekday()) % 7
        last = published - timedelta(days=delta_back)
        coming = published + timedelta(days=delta_fwd)
        if mod == "next":
            week_start = _week_of(published)[0] + timedelta(days=7)
            nxt = week_start + timedelta(days=(target + 1) % 7)
            if 0 < delta_fwd and coming < week_start:
                # "next Wednesday" written on a Monday is this week's or next week's
                # Wednesday, and writers use both: the window holds the two readings
                return (coming, nxt), (coming, nxt)
            return (nxt, nxt), (nxt, nxt)
        if mod == "last":
            prev = last if delta_back else published - timedelta(days=7)
            return (prev, prev), (prev, prev)
        return (last, last), (coming, coming)
    if g["part"]:
        month = month_of(g["part_m"])
        if g["part_y"]:
            whole = _month_window(int(g["part_y"]), month)
            readings = (whole, whole)
        else:
            readings = _infer_month(month, published)
        part = g["part_w"].lower()

        def piece(w: Window) -> Window:
            if part == "end":
                return (w[1] - timedelta(days=9), w[1])
            if part == "middle":
                return (w[0] + timedelta(days=9), w[0] + timedelta(days=20))
            return (w[0], w[0] + timedelta(days=9))

        return piece(readings[0]), piece(readings[1])
    if g["mly0"]:
        step = {"last": -1, "next": 1, "this": 0}[g["mly0_mod"].lower()]
        w = _month_window(published.year + step, month_of(g["mly0_m"]))
        return w, w
    if g["bm"]:
        return _nearest_if_close(_infer_month(months[g["bm_m"].lower().rstrip(".")], published), published)
    if g["mn"] or g["my"]:
        p = "mn" if g["mn"] else "my"
        month = month_of(g[f"{p}_m"])
        mod = (g.get("mn_mod") or "").lower() if p == "mn" else ""
        if g[f"{p}_y"]:
            w = _month_window(int(g[f"{p}_y"]), month)
            return w, w
        if mod == "last":
            past, _ = _infer_month(month, published, strict=True)
            return past, past
        if mod in ("next", "coming"):
            _, future = _infer_month(month, published, strict=True)
            return future, future
        if mod == "before" and not g[f"{p}_y"]:
            _, future = _infer_month(month, published, strict=True)
            if future[0] > published:  # "expects OPEC to meet before June": from now until June
                w = (published, future[0] - timedelta(days=1))
                return w, w
            return None, None
        if mod in ("the", "a"):
            return _nearest_if_close(_infer_month(month, published), published)
        return _infer_month(month, published)
    if g["rel"]:
        mod, unit = g["rel_mod"].lower(), g["rel_unit"].lower()
        pre = (g["rel_pre"] or "").lower()
        step = {"next": 1, "coming": 1, "following": 1, "last": -1, "past": -1, "previous": -1, "this": 0, "the": 0}[mod]  # "later in the month": this one
        if unit == "week":
            start, end = _week_of(published + timedelta(days=7 * step))
            if pre in ("later",) and step == 0:
                start = max(start, published)
            elif pre in ("earlier",) and step == 0:
                end = min(end, published)
            elif pre == "early":
                end = start + timedelta(days=3)
            elif pre in ("late", "end of", "the end of"):
                start = end - timedelta(days=3)
            return (start, end), (start, end)
        if unit == "weekend":
            if step == 0:
                sat = published + timedelta(days=(5 - published.weekday()) % 7)
                if published.weekday() in (0, 1):  # "this weekend" read on a Monday: the one just past
                    sat -= timedelta(days=7)
            elif step > 0:
                sat = published + timedelta(days=(5 - published.weekday()) % 7 or 7)
            else:
                sat = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
            return (sat, sat + timedelta(days=1)), (sat, sat + timedelta(days=1))
        if unit == "month":
            y, m = _shift_month(published.year, published.month, step)
            start, end = _month_window(y, m)
            if pre == "later" and step == 0:
                start = published
            elif pre == "earlier" and step == 0:
                end = published
            elif pre == "early":
                end = start + timedelta(days=9)
            elif pre in ("late", "end of", "the end of"):
                start = end - timedelta(days=9)
            return (start, end), (start, end)
        if unit == "quarter":
            q = (published.month - 1) // 3
            y, m = _shift_month(published.year, q * 3 + 1, 3 * step)
            start = date(y, m, 1)
            y2, m2 = _shift_month(y, m, 2)
            end = _month_window(y2, m2)[1]
            return (start, end), (start, end)
        year = published.year + step
        start, end = date(year, 1, 1), date(year, 12, 31)
        if pre == "later" and step == 0:
            start = published
        elif pre == "earlier" and step == 0:
            end = published
        elif pre == "early":
            end = date(year, 4, 30)
        elif pre in ("late", "end of", "the end of"):
            start = date(year, 9, 1)
        return (start, end), (start, end)
    if g["endwk"]:  # "a stop-over here at end-week": the last days of the story's week
        start, end = _week_of(published)
        return (max(end - timedelta(days=3), published), end), (max(end - timedelta(days=3), published), end)
    if g["season"]:
        first_month = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}[g["season_n"].lower()]

        def season(year: int) -> Window:
            start = date(year, first_month, 1)
            end_month = first_month + 2
            end = date(year + end_month // 13, (end_month - 1) % 12 + 1, 1)
            return start, (date(end.year + end.month // 12, end.month % 12 + 1, 1) - timedelta(days=1))

        mod = (g["season_mod"] or "").lower()
        this_year = season(published.year)
        earlier = this_year if this_year[0] <= published else season(published.year - 1)
        later = this_year if this_year[1] >= published else season(published.year + 1)
        if mod == "next":
            later = season(later[0].year + 1) if later[0] <= published else later
            return later, later
        if mod == "last":
            earlier = season(earlier[0].year - 1) if earlier[1] >= published else earlier
            return earlier, earlier
        return earlier, later
    if g["wkend"]:
        back = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
        if published.weekday() == 6:
            back = published - timedelta(days=1)
        fwd = published + timedelta(days=(5 - published.weekday()) % 7)
        return (back, back + timedelta(days=1)), (fwd, fwd + timedelta(days=1))
    if g["ago"]:
        n = _count(g["ago_n"], numbers) * kb.time_words["units"][g["ago_u"].lower()]
        d = published - timedelta(days=n)
        spread = max(0, n // 7)
        return (d - timedelta(days=spread), d + timedelta(days=spread)), None
    if g["within"]:
        n = _count(g["within_n"], numbers) * kb.time_words["units"][g["within_u"].lower()]
        return None, (published, published + timedelta(days=n))
    if g["pastn"]:
        count, unit = _count(g["pastn_n"], numbers), g["pastn_u"].lower().rstrip("s")
        if unit in ("month", "year"):
            y, m = _shift_month(published.year, published.month, -count * (12 if unit == "year" else 1))
            start = _safe_date(y, m, min(published.day, calendar.monthrange(y, m)[1])) or published
            return (start, published), None
        return (published - timedelta(days=count * kb.time_words["units"][unit]), published), None
    if g["coming"]:
        n = {"days": 7, "weeks": 30, "months": 180}[g["coming_u"].lower()]
        return None, (published, published + timedelta(days=n))
    if g["soon"]:
        return None, (published, published + timedelta(days=30))
    if g["recent"]:
        n = {"days": 7, "weeks": 30, "months": 180}[g["recent_u"].lower()]
        return (published - timedelta(days=n), published), None
    if g["clock"]:
        return (published, published), (published, published)
    if g["deictic"]:
        word = " ".join(g["deictic"].lower().split())
        if word == "yesterday" or word == "last night":
            d = published - timedelta(days=1)
        elif word.startswith("tomorrow"):
            d = published + timedelta(days=1)
        else:
            d = published
        return (d, d), (d, d)
    if g["year"]:
        y = int(g["year_y"] or g["year_m"])  # "in 1986", "the 1986 Tokyo summit"
        w = (date(y, 1, 1), date(y, 12, 31))
        return w, w
    return None, None


@lru_cache(maxsize=1024)
def _dateparser_day(text: str, published: date) -> date | None:
    import dateparser  # ~1 ms a call: kept off the hot path, cached

    from datetime import datetime

    parsed = dateparser.parse(
        text, settings={"RELATIVE_BASE": datetime(published.year, published.month, published.day), "DATE_ORDER": "MDY"}
    )
    return parsed.date() if parsed else None


_NOT_A_MONTH_AFTER = re.compile(r"\s*(?:be|have|not|also|still|well|soon|need|want|never|seek|meet|visit|come|go|take|make|help|lead|hold)\b", re.I)


_SUPERLATIVE_BEFORE = re.compile(r"(?i)\b(?:first|only|highest|lowest|biggest|largest|smallest|best|worst|strongest|weakest|most|least)\b(?:\s+(?!(?:will|would|could|should|shall|may|might|be|begin|start|take)\b)[\w’'-]+){0,8}\s*$")


def find_time_expressions(
    text: str, start: int, end: int, published: date | None, kb: Knowledge
) -> list[TimeExpression]:
    """Temporal phrases in ``text[start:end]``, resolved against ``published``.

    Without a publication date nothing relative can be resolved, so only
    phrases that carry their own year are kept.
    """
    grammar = kb.cache.get("time_grammar")
    if grammar is None:
        grammar = _grammar(tuple(kb.time_words["months"]), tuple(w for w in kb.time_words["weekdays"] if w.endswith("day")))
        kb.cache["time_grammar"] = grammar
    hint = kb.cache.get("time_hint")
    if hint is None:
        hint = kb.cache["time_hint"] = _Hint(tuple(kb.time_words["months"]), tuple(kb.time_words["weekdays"]))
    found: list[TimeExpression] = []
    if not hint.search(text, start, end):
        return found  # no word any phrase of the grammar needs: most sentences
    for match in grammar.finditer(text, start, end):
        words = match.group(0)
        # "may" the modal verb is not the month May.
        month_word = match.group("mn_m") or match.group("my_m")
        if month_word and month_word.lower() == "may" and not month_word[0].isupper():
            continue
        if match.group("mn") and month_word and month_word.lower() == "may" and _NOT_A_MONTH_AFTER.match(text, match.end()):
            continue
        if match.group("mn") and (match.group("mn_mod") or "").lower() in ("the",) and month_word and month_word[0].islower():
            continue
        if match.group("md") and match.group("md_m")[0].islower():
            continue
        if match.group("bm") and (not match.group("bm_m")[0].isupper() or match.group("bm_m").lower().rstrip(".") in ("may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr", "sept")):
            continue
        if match.group("within") and _SUPERLATIVE_BEFORE.search(text, max(0, match.start() - 80), match.start()):
            continue  # "the first summit in 30 years", "the lowest in five years": a span of history, not a date
        anchor = published or date(1970, 1, 1)
        try:
            past, future = resolve(match, anchor, kb)
        except (KeyError, ValueError, OverflowError):
            continue
        if published is None and not any(match.group(k) for k in ("md_y", "dm_y", "iso", "my_y", "mn_y", "year_y")):
            continue
        if past is None and future is None:
            continue
        lead = len(words) - len(words.lstrip())
        s, e = match.start() + lead, match.end()
        if text[e - 1] == "." and (e == len(text) or not text[e].isalnum()):
            e -= 1  # the sentence's full stop, not an abbreviation's
        found.append(TimeExpression(Span(s, e), text[s:e], past, future))
    return found
