"""Stage 6: diplomatic events — who meets whom, where, when, and whether.

For every engagement word (the trigger words of ``data/triggers.yaml``) the
clause around it gives the parties (the people named in it), the place (a
place after "in", "at", "to"; "here" is the dateline's city), the time (the
temporal phrase nearest the trigger, read in the event's tense) and the
status (the words that govern the trigger).  Mentions of one engagement
across the article are merged into one event carrying all its evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Iterable, Sequence

from index.knowledge import Knowledge
from index.model import Article, DateWindow, Event, Evidence, Mention, Sentence, Span
from index.timex import TimeExpression

STATUS_STRENGTH = {"cancelled": 5, "postponed": 4, "proposed": 3, "planned": 2, "occurred": 1}
_PAST_VERB = re.compile(r"^(?:met|visited|held|hosted|received|telephoned|phoned|spoke|talked|arrived|flew|travel+ed|toured|went|left|sent|negotiated|discussed|sat|conferred|stopped|came)\b", re.I)
_SPEECH_AFTER = re.compile(r"^\s*(?:,\s*)?(?:said|says|told|added|noted|stated|wrote|according)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|according to|told)\s*$")
_PRONOUN_SUBJECT = re.compile(r"^[\"“]?(?:He|She)\b")


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    form: str
    span: Span
    verb: bool
    weak: bool


@lru_cache(maxsize=8)
def _trigger_pattern(key: int, forms: tuple[tuple[str, str, bool], ...]) -> re.Pattern[str]:
    alternatives = sorted({f for f, _, _ in forms}, key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@dataclass
class _Tables:
    pattern: re.Pattern[str]
    form_info: dict[str, list[tuple[str, bool]]]
    weak: frozenset[str]
    status: list[tuple[str, re.Pattern[str]]]
    negation: re.Pattern[str]
    clause_break: re.Pattern[str]
    forums: re.Pattern[str]
    blockers_any: re.Pattern[str]


def _tables(kb: Knowledge) -> _Tables:
    cached = kb.cache.get("event_tables")
    if cached is not None:
        return cached
    t = kb.triggers
    forms: list[tuple[str, str, bool]] = []
    info: dict[str, list[tuple[str, bool]]] = {}
    for event_type, groups in t["types"].items():
        for group in ("verbs", "nouns"):
            for form in groups.get(group) or ():
                form = str(form).lower()
                forms.append((form, event_type, group == "verbs"))
                info.setdefault(" ".join(form.split()), []).append((event_type, group == "verbs"))
    pattern = _trigger_pattern(id(kb), tuple(forms))

    def words(items: Iterable[str]) -> re.Pattern[str]:
        body = "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))
        return re.compile(rf"(?<![\w'’])(?:{body})(?![\w])", re.IGNORECASE)

    status = [(name, words(cues)) for name, cues in t["status"].items()]
    clause = "|".join(re.escape(b) for b in t["clause_breaks"])
    tables = _Tables(
        pattern=pattern,
        form_info=info,
        weak=frozenset(str(w).lower() for w in t.get("weak_nouns") or ()),
        status=status,
        negation=words(t["negations"]),
        clause_break=re.compile(clause),
        forums=re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(re.escape(f) for f in sorted(t["summit_forums"], key=len, reverse=True))),
        blockers_any=words((t.get("blockers") or {}).get("any") or ()),
    )
    kb.cache["event_tables"] = tables
    return tables


@dataclass
class _Draft:
    type: str
    participants: list[str]
    location: str | None
    window: DateWindow | None
    status: str
    sentence: Span
    trigger: Span
    score: float
    evidence: list[Span] = field(default_factory=list)


def _clause(text: str, sentence: Span, at: Span, breaks: re.Pattern[str]) -> Span:
    """The clause of ``sentence`` around ``at``, split at conjunctions."""
    start, end = sentence.start, sentence.end
    for m in breaks.finditer(text, sentence.start, sentence.end):
        if m.end() <= at.start:
            start = max(start, m.end())
        elif m.start() >= at.end:
            end = min(end, m.start())
            break
    return Span(start, end)


def find_triggers(text: str, sentence: Span, kb: Knowledge) -> list[Trigger]:
    tables = _tables(kb)
    found: list[Trigger] = []
    for m in tables.pattern.finditer(text, sentence.start, sentence.end):
        form = " ".join(m.group().lower().split())
        options = tables.form_info.get(form)
        if not options:
            continue
        event_type, verb = options[0]
        # "meeting" is both a verb and a noun; "meet" the verb of a meeting.
        found.append(Trigger(event_type, form, Span(m.start(), m.end()), verb, form in tables.weak))
    return found


_PRESENT_VERB = re.compile(r"^(?:meets|visits|travels|leaves|flies|heads|arrives|begins|starts|opens|goes|tours)\b", re.I)


def _status(text: str, clause: Span, trigger: Trigger, tables: _Tables, window: tuple[date, date] | None, published: date | None) -> str | None:
    """The status the governing words give; None when negated.

    Cues before the trigger count within its clause; after it only the
    few words up to the next comma ("the visit will …", "was postponed").
    A cancelling or postponing word wins over a planning one in reach;
    otherwise the nearest cue wins; a past-tense trigger is an event that
    occurred; failing all, the date decides.
    """
    before_start = max(clause.start, trigger.span.start - 70)
    before = text[before_start : trigger.span.start]
    after_text = text[trigger.span.end : min(clause.end, trigger.span.end + 30)]
    after = after_text.split(",")[0]
    near_before = text[max(clause.start, trigger.span.start - 22) : trigger.span.start]
    if tables.negation.search(near_before) and not re.search(r"\bnot only\b", near_before, re.I):
        return None
    cues: list[tuple[int, str]] = []
    for name, pattern in tables.status:
        for m in pattern.finditer(before):
            cues.append((len(before) - m.end(), name))
        for m in pattern.finditer(after):
            cues.append((m.start() + 3, name))
    strong = [c for c in cues if c[1] in ("cancelled", "postponed") and c[0] <= 45]
    if strong:
        return min(strong)[1]
    trigger_text = text[trigger.span.start : trigger.span.end]
    if trigger.verb and _PAST_VERB.match(trigger_text):
        modal = [c for c in cues if c[1] in ("proposed", "planned") and c[0] < 25]
        return min(modal)[1] if modal else "occurred"
    future = bool(window and published and window[0] > published)
    past = bool(window and published and window[1] < published)
    if trigger.verb and _PRESENT_VERB.match(trigger_text) and future:
        return "planned"
    weak = [c for c in cues if c[1] != "cancelled" and c[1] != "postponed"]
    if weak:
        choice = min(weak)[1]
        if choice == "occurred" and future:
            return "planned"
        if choice == "planned" and past and min(weak)[0] > 10:
            return "occurred"
        return choice
    if future:
        return "planned"
    return "occurred"


def _tense(status: str) -> str:
    return "future" if status in ("planned", "proposed") else "past"


_HARD_BOUNDARY = re.compile(r";\s|\s+but\s|,\s+(?:which|who|where|while|although|though|whereas|adding|saying)\b|\s+(?:after|while|whereas)\s|\s[—–]\s")
_RELATIVE_WHO = re.compile(r",\s+who\s+(?:[\w’'-]+\s+){0,8}$")
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_SPEAKER_AFTER = re.compile(r"^\s*(?:,\s*)?(?:said|says|told\s+(?:reporters|journalists|a|the|Reuters|newsmen)|added|noted|stated|wrote|according)\b")


def _subject_start(text: str, sentence: Span, trigger: Span) -> int:
    start = sentence.start
    for m in _HARD_BOUNDARY.finditer(text, sentence.start, trigger.start):
        start = m.end()
    return start


def _object_end(text: str, sentence: Span, trigger: Span, next_trigger: int | None) -> int:
    m = _HARD_BOUNDARY.search(text, trigger.end, sentence.end)
    end = m.start() if m else sentence.end
    return min(end, next_trigger) if next_trigger is not None and next_trigger > trigger.end else end


def _is_speaker(text: str, m: Mention, sentence: Span) -> bool:
    before = text[max(sentence.start, m.span.start - 25) : m.span.start]
    return bool(_SPEAKER_AFTER.match(text[m.span.end : m.span.end + 30])) or bool(re.search(r"\b(?:said|says|according to)\s*$", before))


def _participants(
    text: str, sentence: Span, people: Sequence[Mention], trigger: Trigger, next_trigger: int | None, topic: str | None
) -> list[str]:
    """The parties of one trigger: its subject and its objects.

    The subject is the people named between the clause's start and the
    trigger (not the speaker of a "said"), a relative "who" points back to
    the person before it, and "he"/"she" to the story's current topic; the
    objects are the people named after the trigger up to the next clause
    or engagement word.
    """
    names: list[str] = []

    def add(name: str) -> None:
        if name not in names:
            names.append(name)

    subject_from = _subject_start(text, sentence, trigger.span)
    relative = _RELATIVE_WHO.search(text, sentence.start, trigger.span.start)
    if relative:
        antecedent = [m for m in people if m.span.end <= relative.start() and relative.start() - m.span.end <= 3]
        if antecedent:
            add(antecedent[-1].canonical)
        subject_from = relative.end()
    subjects = [m for m in people if subject_from <= m.span.start and m.span.end <= trigger.span.start and not _is_speaker(text, m, sentence)]
    for m in subjects:
        add(m.canonical)
    if not subjects and not relative and topic and _PRONOUN.search(text, subject_from, trigger.span.start):
        add(topic)
    object_end = _object_end(text, sentence, trigger.span, next_trigger)
    for m in people:
        if trigger.span.end <= m.span.start and m.span.end <= object_end and not _is_speaker(text, m, sentence):
            add(m.canonical)
    return names


def _location(
    text: str, clause: Span, trigger: Trigger, places: Sequence[Mention], article: Article, kb: Knowledge, here: str | None
) -> str | None:
    best: tuple[int, str] | None = None
    for m in places:
        if not clause.contains(m.span) or m.text in kb.adjectives and m.text not in kb.places:
            continue
        before = text[max(clause.start, m.span.start - 14) : m.span.start].lower()
        if re.search(r"\b(?:between|and|from|with|of|by|against|over|toward|towards)\s+(?:the\s+)?$", before) and not re.search(r"\b(?:tour|visit|trip)s?\s+of\s+(?:the\s+)?$", before):
            continue
        if text[m.span.end : m.span.end + 2] in ("’s", "'s"):
            continue
        preposition = re.search(r"\b(?:in|at|to|visit|visiting|visited|visits|for|here|tour of|trip to|inside)\s+(?:the\s+)?$", before)
        if not preposition:
            continue
        distance = abs(m.span.start - trigger.span.end) if m.span.start >= trigger.span.end else (trigger.span.start - m.span.end) + 30
        rank = distance - (20 if m.kind == "place" else 0)
        if best is None or rank < best[0]:
            best = (rank, m.canonical)
    if best is None and here and re.search(r"\bhere\b", text[clause.start : clause.end], re.I):
        return here
    return best[1] if best else None


def _date(clause: Span, sentence: Span, trigger: Trigger, times: Sequence[TimeExpression], status: str) -> DateWindow | None:
    def usable(t: TimeExpression) -> bool:
        return not re.match(r"(?i)(since|until|by|from|through)\b", t.text)

    for scope in (clause, sentence):
        candidates = [t for t in times if scope.contains(t.span) and usable(t)]
        if candidates:
            t = min(candidates, key=lambda t: abs(t.span.start - trigger.span.end) if t.span.start >= trigger.span.start else trigger.span.start - t.span.end + 5)
            window = t.window(_tense(status))
            if window:
                return DateWindow(window[0], window[1], t.text, t.span)
    return None


def _cameo(event_type: str, location: str | None) -> str:
    return {"call": "041", "visit": "042", "talks": "046", "summit": "044"}.get(
        event_type, "044" if location else "040"
    )


_TOPIC_TALKS = re.compile(r"\b(?:trade|economic|peace|arms|nuclear|security|military|border|tariff|debt|budget|formal|bilateral|working-level|high-level|framework|round|two days of|ministerial)\s+(?:of\s+)?$", re.I)
_GROUP_AFTER = re.compile(r"^\s+(?:with|between)\s+(?:the\s+)?(?:representatives|officials|delegations?|negotiators|members|executives|leaders of|a delegation)", re.I)


def _refine_type(text: str, trigger: Trigger, participants: list[str], forums: re.Pattern[str], clause: Span, people: Sequence[Mention] = ()) -> str:
    """Apply the type rules of news writing to a trigger's first guess."""
    form = trigger.form
    if trigger.type == "visit" and trigger.verb and form.startswith("visit"):
        # "visited Biden for an hour": calling on a person is a meeting
        if any(0 <= m.span.start - trigger.span.end <= 2 for m in people):
            return "meeting"
    before = text[max(clause.start, trigger.span.start - 40) : trigger.span.start]
    if trigger.type == "talks" and form in ("talks", "negotiations"):
        after = text[trigger.span.end : trigger.span.end + 60]
        if not _TOPIC_TALKS.search(before) and not _GROUP_AFTER.match(after) and re.match(r"^\s+with\s+", after) and len(participants) >= 1:
            return "meeting"
    if trigger.type == "summit":
        between = re.match(r"^\s+between\s+", text[trigger.span.end : trigger.span.end + 10])
        if between and len(participants) == 2:
            return "meeting"
    if trigger.type == "meeting" and form in ("meeting", "meetings"):
        after = text[trigger.span.end : trigger.span.end + 80]
        if re.match(r"^\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,5}(?:ministers|leaders|heads|officials|members|governors)\b", after) or forums.search(before[-25:]):
            return "summit"
    return trigger.type


def dateline_place(article: Article, kb: Knowledge) -> str | None:
    """The city a story was filed from ("CARACAS, March 11" → Caracas)."""
    if not article.dateline:
        return None
    head = article.dateline.split(",")[0].strip()
    for form in (head, head.title(), " ".join(w.capitalize() for w in head.split())):
        place = kb.places.get(form)
        if place:
            return place.name
    return head.title() if head else None


def extract_events(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    kb: Knowledge,
) -> tuple[Event, ...]:
    """Every engagement the article reports, one event each."""
    text = article.text
    tables = _tables(kb)
    published = article.published_date
    people = [m for m in mentions if m.kind == "person"]
    places = [m for m in mentions if m.kind in ("place", "country")]
    here = dateline_place(article, kb)
    drafts: list[_Draft] = []
    topic: str | None = None
    previous_drafts: list[_Draft] = []
    for sentence in sentences:
        if sentence.furniture:
            continue
        span = sentence.span
        sentence_people = [m for m in people if span.contains(m.span)]
        triggers = find_triggers(text, span, kb)
        this_sentence: list[_Draft] = []
        for n, trigger in enumerate(triggers):
            clause = _clause(text, span, trigger.span, tables.clause_break)
            if tables.blockers_any.search(text[max(clause.start, trigger.span.start - 15) : trigger.span.end + 15]):
                continue
            next_start = triggers[n + 1].span.start if n + 1 < len(triggers) else None
            sentence_topic = next((m.canonical for m in sentence_people if m.span.end <= trigger.span.start and not _is_speaker(text, m, span)), None)
            participants = _participants(text, span, sentence_people, trigger, next_start, sentence_topic or topic)
            if not participants:
                earlier = [m.canonical for m in sentence_people if m.span.end <= trigger.span.start]
                if re.search(r"\b(?:his|her)\b[^.]{0,30}$", text[span.start : trigger.span.start]) and earlier:
                    participants = [earlier[-1]]
            if not participants:
                same = [d for d in previous_drafts if d.type == trigger.type and d.participants]
                if same and not trigger.verb and re.search(r"(?i)\b(?:a|the|that|this|such)\s+$", text[clause.start : trigger.span.start]):
                    participants = list(same[-1].participants)
            if trigger.weak and not participants:
                continue
            if not participants and trigger.type not in ("summit",):
                continue
            event_type = _refine_type(text, trigger, participants, tables.forums, clause, sentence_people)
            near = [t for t in times if clause.contains(t.span) and not re.match(r"(?i)(since|until|by)\b", t.text)]
            first_window = None
            if near:
                closest = min(near, key=lambda t: abs(t.span.start - trigger.span.end))
                first_window = closest.future if (closest.future and closest.past and closest.future != closest.past and closest.future[0] > (published or closest.future[0])) and trigger.verb and _PRESENT_VERB.match(text[trigger.span.start : trigger.span.end]) else (closest.past or closest.future)
            status = _status(text, clause, trigger, tables, first_window, published)
            if status is None:
                continue
            window = _date(clause, span, trigger, times, status)
            location = _location(text, clause, trigger, places, article, kb, here)
            if event_type == "summit" and not participants:
                participants = [topic] if topic else []
                if not participants:
                    continue
            quality = len(participants) + (location is not None) + (window is not None) + (1.5 if trigger.verb else 0)
            draft = _Draft(event_type, participants, location, window, status, span, trigger.span, quality, [span])
            this_sentence.append(draft)
        drafts.extend(this_sentence)
        if this_sentence:
            previous_drafts = this_sentence
        subject = next((m.canonical for m in sentence_people if not _is_speaker(text, m, span)), None)
        if subject:
            topic = subject
    merged = _merge(drafts)
    _inherit_visit_places(merged)
    events = []
    for n, d in enumerate(merged, start=1):
        evidence = tuple(Evidence(text[s.start : s.end], s) for s in d.evidence)
        events.append(
            Event(
                id=f"{article.id}#e{n}",
                article=article.id,
                type=d.type,
                cameo=_cameo(d.type, d.location),
                participants=tuple(d.participants),
                location=d.location,
                date=d.window,
                status=d.status,
                sentence=text[d.sentence.start : d.sentence.end],
                span=d.sentence,
                evidence=evidence,
                trigger=d.trigger,
            )
        )
    return tuple(events)


def _inherit_visit_places(drafts: list[_Draft]) -> None:
    """A visitor's meetings and talks happen where the visit is.

    A meeting with no place of its own takes the place of a visit by one
    of its participants that is current at the same time (same status
    family, overlapping or unknown dates).
    """
    visits = [d for d in drafts if d.type == "visit" and d.location]
    for d in drafts:
        if d.location or d.type not in ("meeting", "talks"):
            continue
        for v in visits:
            same_time = (
                (d.status == "occurred") == (v.status == "occurred")
                and (not d.window or not v.window or not (d.window.end < v.window.start or v.window.end < d.window.start))
            )
            if same_time and set(d.participants) & set(v.participants):
                d.location = v.location
                break


def _compatible(a: _Draft, b: _Draft) -> bool:
    if a.type != b.type or a.status != b.status and not {a.status, b.status} <= {"planned", "proposed"}:
        return False
    pa, pb = set(a.participants), set(b.participants)
    if not (pa <= pb or pb <= pa):
        return False
    if a.location and b.location and a.location != b.location:
        return False
    if a.window and b.window and (a.window.end < b.window.start or b.window.end < a.window.start):
        return False
    return True


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per engagement: fold compatible mentions together."""
    merged: list[_Draft] = []
    for d in drafts:
        target = next((m for m in merged if _compatible(m, d)), None)
        if target is None:
            merged.append(replace(d, participants=list(d.participants), evidence=list(d.evidence)))
            continue
        for p in d.participants:
            if p not in target.participants:
                target.participants.append(p)
        target.location = target.location or d.location
        if target.window is None or (d.window and (d.window.end - d.window.start) < (target.window.end - target.window.start)):
            target.window = d.window or target.window
        if d.sentence not in target.evidence:
            target.evidence.append(d.sentence)
        if STATUS_STRENGTH[d.status] > STATUS_STRENGTH[target.status]:
            target.status = d.status
        if d.score > target.score:
            target.sentence, target.trigger, target.score = d.sentence, d.trigger, d.score
    return merged
