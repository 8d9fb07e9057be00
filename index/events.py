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
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Sequence

from index.entities import _HEADLINE_WORDS
from index.knowledge import Knowledge
from index.model import Article, DateWindow, Event, Evidence, Mention, Sentence, Span
from index.timex import TimeExpression

STATUS_STRENGTH = {"cancelled": 5, "postponed": 4, "proposed": 3, "planned": 2, "occurred": 1}
_PAST_VERB = re.compile(r"^(?:signed|reached|concluded|initialled|met|visited|held|hosted|received|telephoned|phoned|spoke|talked|arrived|flew|travel+ed|toured|went|left|sent|negotiated|discussed|sat|conferred|stopped|came|was\s+(?:\w+\s+)?(?:in|here)|were\s+(?:\w+\s+)?(?:in|here))\b", re.I)


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    form: str
    span: Span
    verb: bool
    weak: bool


@lru_cache(maxsize=8)
def _trigger_pattern(key: int, forms: tuple[tuple[str, str, bool], ...]) -> re.Pattern[str]:
    body = trie_alternation({f for f, _, _ in forms})
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def trie_alternation(words: Iterable[str]) -> str:
    """``a|b|c`` for the words as a trie (``meet(?:ing(?:s)?|s)?``), spaces as ``\\s+``.

    Matches what the longest-first alternation matches, but Python's regular
    expressions try one branch per letter instead of every word at every
    position: about six times faster over a sentence.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        if set(node) == {""}:
            return ""
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@dataclass
class _Tables:
    pattern: re.Pattern[str]
    form_info: dict[str, list[tuple[str, bool]]]
    weak: frozenset[str]
    status: list[tuple[str, re.Pattern[str]]]
    negation: re.Pattern[str]
    clause_break: re.Pattern[str]
    forums: re.Pattern[str]
    forum_modifier: re.Pattern[str]
    """A forum's name just before an engagement noun: "ICO quota talks", "OPEC's talks"."""
    blockers_any: re.Pattern[str]
    blocked_after: dict[str, re.Pattern[str]]


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
    lenders = set(t.get("lender_forums") or ())
    clause = "|".join([re.escape(b) for b in t["clause_breaks"]] + [r",\s+(?!including\b)\w+ing\b"])
    tables = _Tables(
        pattern=pattern,
        form_info=info,
        weak=frozenset(str(w).lower() for w in t.get("weak_nouns") or ()),
        status=status,
        negation=words(t["negations"]),
        clause_break=re.compile(clause),
        forums=re.compile(r"(?<![\w-])(?<!National\s)(?:%s)(?![\w-])" % "|".join(re.escape(f) for f in sorted(t["summit_forums"], key=len, reverse=True))),
        forum_modifier=re.compile(r"(?<![\w-])(?<!National\s)(?:%s)(?:['’]s)?\s+(?:(?!(?:in|on|at|of|for|to|and|or|the|a|an|with|by)\b)[a-z-]+\s+){0,2}$" % "|".join(
            re.escape(f) for f in sorted(t["summit_forums"], key=len, reverse=True) if f not in lenders  # "IMF talks" are a country's with the Fund
        )),
        blockers_any=words((t.get("blockers") or {}).get("any") or ()),
        blocked_after={
            word: re.compile(r"\s+[\"“']?(?:the\s+|its\s+|their\s+)?(?:(?!with\b|on\b|in\b|at\b|for\b|to\b|and\b|or\b)[\w.’'-]+\s+){0,%d}?(?:%s)\b" % (4 if word.startswith("me") else 0 if word.startswith("summit") else 3, "|".join(re.escape(str(f)) for f in followers)), re.IGNORECASE)
            for word, followers in (t.get("not_followed_by") or {}).items()
        },
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
    orphan: bool = False
    """Parties unknown or only countries: folded into a named event if one fits."""
    sidelines: "_Draft | None" = None
    """The gathering on whose sidelines this meeting happens."""
    into: "_Draft | None" = None
    """The event this mention was merged into."""
    heading: bool = False
    forum: str | None = None
    """The named gathering a summit mention is of ("Group of Five", "APEC")."""
    mentioned_in: list[Span] = field(default_factory=list)
    """Sentences that name the gathering again without an engagement word of their own ("Opening the meeting, X said")."""
    during: "_Draft | None" = None
    """The visit this meeting takes place during ("during his stay")."""
    elsewhere: bool = False
    """The text places it somewhere we cannot name ("talks in North and South America"): no place is guessed."""
    instance: bool = False
    """A gathering told as one of a series ("the last ministerial meeting", "the next meeting"): not the one in the news."""
    creditors: bool = False
    """Debt talks of one country with its creditor banks (the lenders are no country)."""
    trigger_is_verb: bool = False
    pair_echo: bool = False
    """Its parties were read from "the two countries": a clearer sentence may name them."""
    definite: bool = False
    """Named as one already known ("the talks", "these meetings"): it may be a meeting told as talks."""


_SUBJECT_NOUN_PHRASE = re.compile(r"\s*[\"“]?(?:the|a|an|these|those|this|that|their|his|her|its)\s+(?:[\w.’'-]+\s+){0,3}$", re.I)
"""Only a determiner and modifiers before a noun trigger: it heads the clause's subject."""
_NOUN_COMPLEMENT = r"(?:\s+(?:with|between|in|on|of|at|among|involving)\s+[^,;.:]{1,120}?)?"
"""What follows an engagement noun before its verb: "discussions with Murata and other officials"."""
_REPORTED_SUBJECT = re.compile(r"\b(?:said|says|say|added|adds|that)\s+(?:the|a|an|these|those|this|their|his|her|its)\s+(?:[\w.’'-]+\s+){0,3}$")
"""A noun trigger heading the subject of a reported clause: "He said the talks with the banks will follow in April"."""
_WILL_AUX = r"will|(?:is|are)\s+(?:expected|scheduled|due|set|to)"
_MAYBE_AUX = r"(?:could|may|might)\s+(?:take\s+place|be\s+held|happen|occur|go\s+ahead|come)"
_WOULD_AUX = r"would\s+(?:take\s+place|be\s+held|begin|start|open|resume|follow|continue|convene)"
_AUX_AFTER_OBJECT = re.compile(_NOUN_COMPLEMENT + rf"\s+(?:{_WILL_AUX})\b")
"""'… discussions with Murata and other officials will focus': the subject's own auxiliary, past its complement."""
_MAYBE_AFTER_OBJECT = re.compile(_NOUN_COMPLEMENT + rf"\s+{_MAYBE_AUX}\b")
_OWN_AUX_AFTER = re.compile("(" + _NOUN_COMPLEMENT + rf")\s+(?:{_WILL_AUX}|{_MAYBE_AUX}|{_WOULD_AUX})\b")
"""A noun engagement's own auxiliary past its complement: "the talks with the banks will follow in April", "the talks would take place in Jeddah on Sunday"."""
_CONDITIONAL_OPENER = re.compile(r"\s*[\"“]?(?:If|Unless|Should)\b[^,;]{3,120},")
"""A sentence opening with a condition: what its main clause plans only may happen."""
_BETWEEN_OPEN = re.compile(r"\bbetween\s+(?:the\s+)?[^,;]{1,60}$")


_TIME_WORD_AHEAD = re.compile(r"(?:the\s+)?(?:end\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|mid-|year-end)\b")


def _clause(text: str, sentence: Span, at: Span, breaks: re.Pattern[str]) -> Span:
    """The clause of ``sentence`` around ``at``, split at conjunctions."""
    start, end = sentence.start, sentence.end
    for m in breaks.finditer(text, sentence.start, sentence.end):
        if m.group().strip() == "and the" and _BETWEEN_OPEN.search(text, max(sentence.start, m.start() - 70), m.start()):
            continue  # "talks between the EC and the Soviet Union": one phrase, not two clauses
        if m.group().strip(" ,") in ("before", "after") and _TIME_WORD_AHEAD.match(text, m.end()):
            continue  # "to meet before June": a time, not a new clause
        if m.group().strip(" ,") == "as" and text.startswith(("part of", "well"), m.end()):
            continue  # "in Kuwait as part of a Gulf tour": one phrase
        if m.end() <= at.start:
            start = max(start, m.end())
        elif m.start() >= at.end:
            end = min(end, m.start())
            break
    return Span(start, end)


_SPOKE_BY_PHONE = re.compile(r"(?i)\b(spoke|spoken|speaks|speak|speaking|talked|talks|talk|talking|conferred)\s+(?:with|to)\s+(?:[^.;:]|(?<=\b[A-Z])\.){2,80}?\s+(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone\b")
"""'"talked with U.S. Treasury Secretary James Baker over the telephone": a call (an initial's full stop is no sentence end)."""
_CALLED = re.compile(r"\b(?:[A-Z][\w’'-]+|he|she)\s+(?:had\s+|has\s+|would\s+|will\s+)?(called|rang|call|phone)\s+(?:[A-Z][\w’'-]+\s+){0,4}[A-Z][\w’'-]+(?!['’]s)(?=\s+(?:on|early|late|last|this|yesterday|today|tomorrow|twice|again|after|before|during|shortly|from|at|and)\b|\s*[.,;])")
"""One person called another: "Baker called Miyazawa early this week" (not "called X a friend", "called for")."""
_IS_IN = re.compile(r"\b(?:is|are|be|was|were)\s+(?:currently\s+|now\s+|already\s+|still\s+|(?:also\s+)?(?:expected|due)\s+(?:here\s+|back\s+)?)?in(?=\s+(?:the\s+)?[A-Z])|\b(?:is|are|was|were)\s+(?:also\s+)?(?:expected|due)\s+here\b|\b(?:left|leaves|leave|leaving)\s+(?:[A-Z][\w.’'-]*\s+){1,3}for(?=\s+[A-Z])|\b(?:left|leaves|leave|leaving)\s+(?:(?:at\s+the|over\s+the|next|this|last|on|early|late)\s+\w+|tomorrow|today|tonight|yesterday)(?:\s+(?:morning|afternoon|evening|night|early|late|tomorrow|today|tonight|yesterday))*\s+for(?=\s+(?:the\s+)?[A-Z])")

_SIGNED_ACCORD = re.compile(r"\b(signed|signs|sign|initialled|reached|reach|reaches|concluded)\s+(?:(?:an?|the|a\s+new|a\s+bilateral|broad|basic|two|three|four|several)\s+)?(?:[\w-]+\s+){0,2}?(?:agreements?|accords?|pacts?|treaty|treaties|protocols?)\b(?![^.;]{0,40}?\bwith\s+(?:[\w-]+\s+){0,3}(?:company|companies|firms?|interests|consortium|unions?|group)\b)")
"""Governments signing or reaching an accord: the talks that made it ("Nigeria and Britain signed an agreement to reschedule")."""
_ACCORD_PARTY_AFTER = re.compile(r"[^.;]{0,80}?\b(?:with|to)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?")
"""The other side of an accord, named by its country: "… covering debts to Britain", "… with France"."""
_NATIONS_AS_PARTIES = re.compile(r"^\s*(?:[A-Z][\w.-]*\s+(?:of\s+(?=[A-Z]))?){0,6}(?:and\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+(?:of\s+(?=[A-Z]))?){1,5})?(?:(?:have|has|had|will|would|is\s+to|are\s+to|(?:is|are)\s+expected\s+to|(?:is|are)\s+due\s+to|(?:is|are)\s+set\s+to|formally|today|yesterday|also)\s+)*$")
"""Only capitalised names (the countries) before the accord verb: "West Germany and Sierra Leone", "Yugoslavia has"."""
_HEADS_AS_NOUN = re.compile(r"(?i)\b(?:government|state|department|agency|section|family|army|bank|community|delegation|ministry|mission|company|household|industry|union|EC|EEC|NATO|OPEC)\s+$")
_WAS_HERE = re.compile(r"\b(?:is|are|was|were)\s+(?:currently\s+|now\s+|still\s+|already\s+|last\s+)?here\b(?!\s+(?:to\s+stay|for\s+good|again)\b)")
"""'When Nikonov was here …', 'Shultz, who is here for talks': a visit to the dateline city."""


def _place_follows(text: str, end: int, *words: str) -> bool:
    """A place (a capitalised name, or one of ``words``: "here", "home") right after a travel verb: "return to Cairo" (not "return to growth")."""
    return re.match(r"\s+(?:the\s+)?[A-Z]" + "".join(rf"|\s+{w}\b" for w in words), text[end : end + 6]) is not None


def find_triggers(text: str, sentence: Span, kb: Knowledge) -> list[Trigger]:
    tables = _tables(kb)
    found: list[Trigger] = []
    for m in _SPOKE_BY_PHONE.finditer(text, sentence.start, sentence.end):  # "had spoken with Zelenskiy by phone"
        found.append(Trigger("call", m.group(1).lower(), Span(m.start(1), m.end(1)), True, False))
    words = text[sentence.start : sentence.end]
    if "called" in words or "rang" in words or "call " in words or "phone " in words:
        for m in _CALLED.finditer(text, sentence.start, sentence.end):
            found.append(Trigger("call", m.group(1).lower(), Span(m.start(1), m.end(1)), True, False))
    for m in _IS_IN.finditer(text, sentence.start, sentence.end):
        if re.search(r"(?i)\b(?:forces|troops|soldiers|army|armies|warships|ships|vessels|units|refugees|weapons|missiles|stocks|prices|funds|money|shares)\s+(?:\w+\s+)?$", text[max(sentence.start, m.start() - 30) : m.start()]):
            continue  # "no Libyan forces are in Chad": no visit
        form = "is in" if m.group(0).endswith("in") else "arrive here" if m.group(0).endswith("here") else "left for"
        found.append(Trigger("visit", form, Span(m.start(), m.end()), True, False))
    if "agree" in words or "accord" in words or "pact" in words or "treat" in words or "protocol" in words:
        for m in _SIGNED_ACCORD.finditer(text, sentence.start, sentence.end):
            subject = text[max(sentence.start, text.rfind(",", sentence.start, m.start()) + 1, m.start() - 90) : m.start()]
            if not subject.strip() and re.search(r"\b[A-Z][\w.-]*\s+[A-Z][\w.-]*,\s*$", text[max(sentence.start, m.start() - 40) : m.start()]):
                subject = "They "  # "Zhou Nan and the EC's commissioner, Willy De Clercq, signed": a name closes the subject
            if _NATIONS_AS_PARTIES.search(subject) and re.search(r"[A-Z]", subject) and not _BUSINESS_MARKS.search(text, sentence.start, sentence.end) and not re.search(r"<[A-Z][^<>]{1,40}>", text[sentence.start : sentence.end]):
                found.append(Trigger("talks", "accord", Span(m.start(1), m.end(1)), True, False))  # "West Germany and Tanzania have signed an agreement on rescheduling"
    for m in _WAS_HERE.finditer(text, sentence.start, sentence.end):
        if not any(t.span.start <= m.start() < t.span.end for t in found):
            found.append(Trigger("visit", "is here", Span(m.start(), m.end()), True, True))  # weak: a person must be named before it
    for m in tables.pattern.finditer(text, sentence.start, sentence.end):
        if m.group()[0].isupper() and _OFFICE_NAME.search(text, max(sentence.start, m.start() - 60), m.start()):
            continue  # "Minister for Trade Negotiations", "Office of Multilateral Talks": part of a title or a body's name
        form = " ".join(m.group().lower().split())
        options = tables.form_info.get(form)
        if not options:
            continue
        event_type, verb = options[0]
        if len(options) > 1 and any(v for _, v in options) and not all(v for _, v in options):
            # "meeting", "visit", "tour": a noun after a determiner, else a verb
            determiner = re.search(r"(?i)(?:\b(?:a|an|the|this|that|these|those|their|his|her|its|our|first|next|last|planned|such|any|no|each|every|another|several|many|few|frequent|regular|recent|previous|earlier|further|more|other|numerous|repeated|reciprocal|two|three|four|\d+|[’']s)\s+(?:(?!(?:to|and|or|will|would|did|does|do|can|may|must|after|before|for|of|in|on|at|with|by|from|as|than|that|is|are|was|were|be|been|has|have|had)(?![\w-]))[\w.-]+\s+|\([^()]{1,30}\)\s+){0,3})$", text[max(sentence.start, m.start() - 50) : m.start()])
            verb = not determiner
        if form in ("bilateral", "bilaterals") and not re.match(r"\s*(?:[.,;:)”\"]|$|with\b|between\b|on\b|in\b|at\b)", text[m.end() : m.end() + 10]):
            continue  # "bilateral ties": an adjective
        if form.startswith("return") and form.endswith(" to") and not _place_follows(text, m.end(), "here"):
            continue  # "return to the negotiating table", "return to growth": only a return to a place is a visit
        if form == "going to" and not _place_follows(text, m.end()):
            continue  # "I shall be going to Washington" is a trip; "is going to meet" is a tense
        if form.endswith(" for") and (
            not _place_follows(text, m.end(), "home")
            or re.match(r"\s+the\s+(?:[\w.-]+\s+){0,3}(?:summit|conference|meeting|talks|session)\b", text[m.end() : m.end() + 60])
        ):
            continue  # "left for Washington", "heading for Moscow" are trips; "heading for a recession" is not, and "depart for the Venice summit" is the summit's
        if form.split()[0] in ("heads", "head", "headed", "heading") and form.endswith(" to") and not _place_follows(text, m.end(), "here", "home"):
            continue  # "an investment group it heads to acquire Roberts": the verb "head", not a trip
        if form.split()[0] in ("heads", "head", "headed", "heading") and _HEADS_AS_NOUN.search(text, max(sentence.start, m.start() - 25), m.start()):
            continue  # "objections from some EC government heads to his plan": the noun
        if tables.blocked_after.get(form.split()[0]) and tables.blocked_after[form.split()[0]].match(text, m.end()):
            continue  # "meet demand", "meet halfway"
        if form == "call" and re.match(r"\s+(?:(?:on|last|this|early|late)\s+\w+\s+|yesterday\s+|today\s+)?(?:by|from)\s+(?!(?:tele)?phone\b)", text[m.end() : m.end() + 40]):
            continue  # "a call on Monday by 20 members of parliament who asked …": an appeal, not a phone call
        if form == "audience" and not re.match(r"\s+with\b", text[m.end() : m.end() + 12]) and not re.search(r"(?i)\b(?:private|papal|royal|granted\s+(?:him\s+|her\s+)?an|gave\s+(?:him\s+|her\s+)?an|given\s+an|had\s+an|have\s+an)\s+$", text[max(sentence.start, m.start() - 20) : m.start()]):
            continue  # "his mostly American audience": listeners, not an audience with the Pope
        if form in ("mission to", "missions to") and not re.match(r"\s+(?:the\s+)?[A-Z]", text[m.end() : m.end() + 6]):
            continue  # "a mission to Washington" is a trip; "a mission to rescue the talks" is not
        if form == "talks" and re.search(r"(?i)(?:^|[\s\"“])(?:he|she|it|who|one)\s+$", text[max(sentence.start, m.start() - 6) : m.start()]):
            continue  # "She talks and I listen": the verb
        if m.group(0)[:1].isupper() and (re.match(r"\s+(?:[A-Z][a-z]+\s+)*(?:Inc|Corp|Co|Ltd|Plc|PLC|Group|Partners|Holdings|Bancorp|Energy|Resources|Industries|Financial|Capital|Technologies|Systems)\b", text[m.end() : m.end() + 50]) or re.match(r",?\s+(?:the\s+)?(?:company|firm|bank|group)\b", text[m.end() : m.end() + 20])):
            continue  # "Summit Energy Inc": a company's name
        found.append(Trigger(event_type, form, Span(m.start(), m.end()), verb, form in tables.weak))
    ordered: list[Trigger] = []
    for t in sorted(found, key=lambda t: (t.span.start, not t.verb)):  # in reading order: each trigger's subject starts after the one before
        if not ordered or ordered[-1].span.start != t.span.start:
            ordered.append(t)  # one trigger per word ("he would call Moon": the verb, not also the noun)
    return ordered


_DOUBT = re.compile(r"(?i)\b(?:(?:unclear|not\s+clear|uncertain|undecided|unsure|not\s+(?:yet\s+)?(?:known|decided|certain|sure)|asked|asking|wondered|doubt(?:ed|s)?)\s+(?:if|whether)|whether\s+or\s+not|no\s+decision\s+(?:on|about|whether))\b[^.;]*$")
"""Reported doubt about an engagement: it is proposed, not planned."""
_BARE_VERB = re.compile(r"^(?!\w+(?:[^s]s|ed|ing)\b)\w+")
"""A verb's base form ("meet", "discuss", "hold talks"), not "meets", "met", "meeting"."""
_COORDINATED = re.compile(r"^[^.;:\"“”]{0,120}?\s(?:and|or)\s+(?:then\s+|also\s+|later\s+|possibly\s+)?(?:to\s+)?$")
"""The words between two triggers end in "and": the second verb shares the first one's auxiliary."""
_ATTENDED_BY = re.compile(r",?\s+(?:which\s+was\s+)?(?:also\s+)?(?:attended|joined)\s+by\b")
_PAVE_THE_WAY = re.compile(r"(?i)\b(?:pave|paves|paved|paving|open|opens|opened|opening|lay|lays|laid|laying|prepare|prepares|preparing)\s+(?:the\s+)?(?:way|ground|groundwork)\s+for\b[^.;]*$")
_NEW_ENGAGEMENT = re.compile(r"(?i)(?:\b(?:a|an|several|many|other|previous|earlier|recent|two|three|four|some|numerous|repeated|frequent)|\w[’'\"]s)\s+(?:[\w-]+\s+){0,2}$")
"""Before a noun trigger: it names a further engagement, not the one before it."""
_DEFINITE_BEFORE = re.compile(r"(?:\b(?:the|this|that|his|her|their|its)|[’']s)\s+(?:[\w-]+\s+){0,2}$", re.I)
"""A noun trigger that names an engagement already known: "the visit", "Fahd's trip"."""
_FIRST_TO = re.compile(r"(?i)\b(?:first|second|third|last|latest|only|highest[- ]ranking|most\s+senior|top)\s+(?:[\w.’'-]+\s+){0,4}?to\s+$")
"""'the first high-level U.S. official to visit Japan': a comment on a reported engagement, not a new one."""
_GOVERNED_AFTER = re.compile(r"(?i)\s*(?:[\w-]+\s+){0,2}?(?:will|would|is|are|was|were)\s+(?:now\s+|still\s+)?(?:expected|scheduled|set|planned|due|slated)\b")
"""'the trip is set for April 6 to 8': a status word governing the trigger from after it."""
_MINISTERS_GATHER = re.compile(
    r"\b(?:[A-Z]{2,}|(?i:farm|agriculture|agricultural|finance|foreign|trade|oil|energy|economy|economic|defen[cs]e|environment|health|transport|interior|labou?r|fisheries|industry|commerce))\s+ministers\b"
    r"|\b(?i:ministers)\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)*(?:[A-Z]{2,}|Community|Union|Council|Group|Countries|Nations)\b"
    r"|\b(?:[A-Z][\w-]+\s+){1,2}(?:presidents|leaders|premiers|heads\s+of\s+(?:state|government))\b"
)
"""A bloc's ministers as the subject of a meeting: the gathering itself ("EC farm ministers", "ministers of the Gulf Cooperation Council")."""
_BUSINESS_MARKS = re.compile(r"<[A-Z][A-Za-z.&]{0,7}>|\b(?:per\s+share|takeover|tender\s+offer|merger|shareholders?|stockholders?|stake|acquisition|buyout|Inc|Corp|Co\s+Ltd)\b")
"""Marks of a company story: its meetings and calls are business, not diplomacy."""
_LABOUR_MARKS = re.compile(r"(?i)\b(?:unions?|wages?|pay\s+(?:talks|rise|increase|claim|deal)|strikes?|employers|workers|working\s+week|collective\s+bargaining|contract\s+talks|arbitration|walkout)\b")
"""Marks of a labour story: wage talks between a union and employers are not diplomacy."""
_GATHERING_WORDS = re.compile(r"(?i)\b(?:[\w]+-\s?day|ministerial|heads\s+of\s+(?:state|government)|leaders|ministers|again)\b")
"""Words that make a summit noun a gathering of its own: "a two-day ministerial meeting"."""
_OLD_NEWS = re.compile(r"(?i)\b(?:had\s+(?:\w+\s+)?(?:met|held|visited|talked|been)|ago|last|previous|previously|earlier|former|formerly|since|once|ever|(?:19|20)\d\d|in\s+the\s+past|recent|recently|first(?!\s+(?:deputy|vice|secretary|lady|minister))|never|when\b[^;]{0,80}?\b(?:was|were)\s+(?:\w+\s+)?(?:here|in))\b")
"""Words that put a reported engagement before the story's day ("When Nikonov was here")."""
_PROPOSAL_WORD = re.compile(r"(?i)offer|offered|offers|proposal|proposed|propose|proposes|suggest|suggested|hope|hopes|hoped|hoping|request|requested")
_LINKED_ELSEWHERE = re.compile(r"(?i)\b(?:at|during|in|on|before|after|while|when)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w.’'-]+\s+){0,3}$")
"""Between a word of proposing and the trigger: the trigger is where or when, not what is proposed."""
_REPORTED_AFTER = re.compile(r"\b(?:said|says|told|added)\b[^.;]{0,80}?\bthat\b|\b(?:said|says|added)\s+(?:he|she|it|they)\s+(?:had\s+|has\s+|would\s+|will\s+)?\w+")
"""'during a visit to London, told Reuters … that in February …': a time in what was said dates what was said."""
_RELATIVE_VERB = re.compile(r"\s(?:that|which)\s+(?:would|will|could|should|might|may|is|are|was|were|has|have|had)\b")
"""'talks with Japan that would lead to membership next year': what follows dates the relative clause, not the talks."""
_DOMESTIC_PARTY = re.compile(r"(?i)\s+(?:with\s+)?(?:his|her|their)\s+(?:own\s+)?(?:top\s+|senior\s+|closest\s+)?(?:[\w-]+\s+)?(?:advisers|advisors|aides|staff|wife|husband|family|son|daughter|mother|father|doctors|supporters|party)\b|\s+with\s+(?:(?:top|senior|White\s+House|cabinet|party)\s+)?(?:aides|advisers|advisors|staff|party\s+leaders|coalition\s+partners|union\s+leaders|trade\s+unions|employers)\b")
"""'a meeting with his top economic advisers', 'visit his wife': no diplomacy."""
_OFFICE_NAME = re.compile(r"\b(?:Minister|Ministry|Secretary|Department|Office|Commissioner|Council|Committee|Bureau|Agency|Director|Institute|Centre|Center)\s+(?:for|of|on)\s+(?:(?:the\s+)?[A-Z][\w-]*\s+(?:and\s+)?){0,3}$")
_PRESENT_VERB = re.compile(r"^(?:meets|visits|travels|leaves|flies|heads|arrives|begins|starts|opens|goes|tours|sets\s+out|sets\s+off|departs|embarks)\b", re.I)
_NEGATED_VERB_BEFORE = re.compile(r"(?i)\b(?:not|never)\s+(?:be\s+|been\s+|being\s+)?(?!(?:finish|complet|conclud|end|wrapp)\w*)\w+(?:ing|ed)\s+(?:(?:a|an|the|any|formal|official|further|new|separate|direct|bilateral|substantive)\s+){0,2}$")
"""A negated verb governing a noun trigger: "would not be conducting formal negotiations"."""
_HABIT = re.compile(r"(?i)\b(?:meets|meet|talks|talk|speaks|speak|confers|visits|consults)\s+(?:with\s+)?(?:[^.;]|(?<=\b[A-Z])\.){0,80}?\b(?:from\s+time\s+to\s+time|regularly|frequently|routinely|often|usually)\b")
"""A habit, not an engagement: "he talks with the Treasury Secretary from time to time"."""


_IN_PREPOSITION = re.compile(r"(?P<cut>\b(?:at|during)\s+)(?:a|an|the|this|that|their|his|her|its|[A-Z][\w.-]*[’']s)\s+(?:(?!planned|proposed|scheduled|possible|postponed|delayed|cancell?ed|expected|upcoming|forthcoming)[\w-]+\s+){0,3}$")
"""A noun engagement inside 'at/during …': "would be made at a meeting", "no concessions during Lyng's visit"."""
_SUBJECT_OF_COMPLEMENT = re.compile(r"\b(?:hopes?|hoped|hoping|expects?|expected|believes?|believed|thinks?|thought|said|says|predicted|predicts)\s+(?:that\s+)?(?P<cut>(?:his|her|their|its|the|[A-Z][\w.-]*[’']s)\s+(?:[\w-]+\s+){0,2})$")
_AUX_LATER = re.compile(r"[^,;.]{0,60}?\b(?:will|would|could|can|should|may|might)\s+(?!be\s+(?:held|postponed|delayed|cancell?ed|put\s+off)\b)\w+")
"""'he hopes his visit to Washington later this week will help': the visit is the subject of what is hoped."""


_I_AM_TO = re.compile(r"(?<![\w'’])I(?:['’](?:ll|m)|\s+(?:shall|will|would|am|was|have|had))?\s+(?:(?:be|been|also|then|now|soon|later|(?:plan|want|hope|intend|expect|am\s+going)\s+to)\s+){0,3}$")
"""'"On Tuesday I shall be going to Washington," Lawson said': the speaker's own engagement (not "we", often an institution)."""
_STATES_GATHER = re.compile(r"\s+(?:to\s+\w+\b[^.;]{0,70}?\b)?(?:of|among|between|from|for)\s+(?:(?:the|[\w-]+)\s+){0,3}(?:states|nations|countries|governments|ministers|heads\s+of\s+state)\b")
"""'A conference to assess the economic recovery of African states': a gathering of governments."""
_FORUM_TO_MEET = re.compile(r"\b(?:expects?|expected|expecting|wants?|wanted|urged?|urging|asked|asks|called\s+on|calls\s+on|believes?|believed|predicted|predicts)\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*){0,3})\s+to\s+$")


def _forum_session(text: str, sentence: Span, trigger: Trigger, tables: _Tables) -> bool:
    """"OPEC may be forced to meet before a scheduled June session": a forum named
    earlier in the sentence and a scheduling word make the session the forum's own."""
    return bool(
        re.search(r"(?i)\b(?:scheduled|planned|regular|ordinary|extraordinary|emergency|annual|next|upcoming|forthcoming)\s+(?:[A-Z]\w+\s+)?$", text[max(sentence.start, trigger.span.start - 40) : trigger.span.start])
        and tables.forums.search(text, sentence.start, trigger.span.start)
    )


_STAYING_FOR = re.compile(r"\b(?:is|are)\s+(?:staying|remaining|arriving|heading|travell?ing|flying|going|leaving)\b(?:\s+on)?[^.;]{0,70}?\bfor\s+(?:the|a|an|this|next|this\s+week['’]s|next\s+week['’]s)\s+(?:[\w'’.-]+\s+){0,6}$")
"""A traveller on the way to a gathering: "is staying on in South Korea for the Asia-Pacific Economic Cooperation summit"."""
_WHEN_THEY = re.compile(r"\b(?:when|once|until)\s+(?:they|we|the\s+two\s+(?:leaders|men|sides|presidents)|both\s+(?:leaders|men|sides))\s+(?:next\s+|finally\s+|eventually\s+|first\s+)?$")
"""'when they meet': a meeting ahead, told in the present."""
_UNDER_WAY_AFTER = re.compile(r"(?:\s+(?:in|with|on|between)\s+[^,.;]{1,50}?)?\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:still\s+|now\s+)?(?:continuing|under\s*way|proceeding|progressing|going\s+on|in\s+progress|being\s+(?:held|headed|conducted|led))\b")
"""A noun engagement told as in progress: "the talks are continuing", "talks in New York are being headed by X"."""
_ONGOING_OBJECT = re.compile(r"(?i)\b(?:finish|finishing|finished|conclude|concluding|complete|completing|continue|continuing|continued|wrap\s+up|wrapping\s+up|speed\s+up|speeding\s+up|break\s+off|suspend|suspended|stall|stalled|block|blocking)\s+(?:the|these|its|their|his|her|current|ongoing)\s+(?:[\w-]+\s+){0,2}$")


def _status(text: str, clause: Span, trigger: Trigger, tables: _Tables, window: tuple[date, date] | None, published: date | None) -> str | None:
    """The status the governing words give; None when negated.

    Cues before the trigger count within its clause; after it only the
    few words up to the next comma ("the visit will …", "was postponed").
    A cancelling or postponing word wins over a planning one in reach;
    otherwise the nearest cue wins; a past-tense trigger is an event that
    occurred; failing all, the date decides.
    """
    if trigger.form in ("is in", "is here") and re.match(r"(?i)(?:(?:is|are)\s+(?:currently|now|already|still)|(?:was|were)(?:\s+(?:currently|already|still|last))?)\s+(?:in|here)\b", text[trigger.span.start : trigger.span.end]) and not tables.negation.search(text[max(clause.start, trigger.span.start - 22) : trigger.span.start]):
        return "occurred"  # "Knox, who is currently in Buenos Aires": there now, whatever is requested of him
    before_start = max(clause.start, trigger.span.start - 90)
    before = _ASIDE_HEDGE.sub(lambda m: " " * len(m.group(0)), text[before_start : trigger.span.start])  # "Indonesia, Malaysia and, perhaps, Thailand will meet": the hedge is on one of them
    if not trigger.verb and (_BEGAN_AFTER.match(text, trigger.span.end) or _begun_subject(text, clause, trigger)):
        return "occurred"  # "The summit, which began on Friday, is hosted by …", "The summit has been dominated by …": under way
    if not trigger.verb and re.search(r"(?i)\b(?:seeking|seeks|sought|trying|tries|hoping|hopes|aiming|aims)\s+(?:[\w-]+\s+){0,2}through\s+(?:the\s+)?(?:[\w-]+\s+)?$", before[-70:]):
        return "occurred"  # "Ecuador is seeking through negotiations with its banks to postpone payments": the means, under way
    if not trigger.verb and not trigger.weak and re.search(r"(?i)\b(?:current|ongoing|continuing|present)\s+(?:[\w-]+\s+){0,2}$", before[-40:]) and not tables.negation.search(before[-40:]):
        return "occurred"  # "seeking a flexible attitude from its creditor banks in current talks": under way
    if not trigger.verb:
        lead_start = max(text.rfind(". ", 0, trigger.span.start) + 2, trigger.span.start - 200, 0)
        after = _AFTER_ADVERBIAL.search(text, lead_start, trigger.span.start)
        lead = text[lead_start : after.start()] if after else ""
        if after and not _FUTURE_LEAD.search(lead) and _PAST_LEAD.search(lead):
            return "occurred"  # "Stein left Bonn yesterday after talks with Holm": done before what the sentence reports
    after_text = text[trigger.span.end : min(clause.end, trigger.span.end + (30 if trigger.verb else 60))]  # (a noun's complement may run long: "the meeting of the major industrial democracies will")
    after = after_text.split(",")[0]
    if not trigger.verb and re.match(r"^\s*,", text[trigger.span.end : trigger.span.end + 3]) and re.search(r"(?i)(?:^|[.!?]\s+|^[“\"]?)(?:the|a|an|these|those|this|their|his|her)?\s*(?:[\w’'-]+\s+){0,3}$", text[max(0, trigger.span.start - 40) : trigger.span.start]):
        # "The talks, held annually …, will pave the way": the verb after the apposition governs
        rest = re.sub(r"^\s*,[^,]{0,160},", "", text[trigger.span.end : min(trigger.span.end + 220, len(text))])
        after = rest[:30].split(",")[0]
    if re.match(r"(?:\s+(?:between|with|in|at)\s+[^,;]{0,90}?)?\s*,\s*(?:(?:which|that)\s+(?:is|are|was|were)\s+)?(?:scheduled|slated|set|planned|due|expected)\s+(?:for|to|on|in|at|next|this|later)\b", text[trigger.span.end : min(clause.end, trigger.span.end + 140)]):
        return "planned"  # "talks between Reagan and Nakasone, scheduled for Thursday and Friday, come …"
    near_before = text[max(clause.start, trigger.span.start - 22) : trigger.span.start]
    if re.search(r"(?i)\bno\s+(?:plans?|intention|decision)\b", before[-60:]) and not (not trigger.verb and _IN_PREPOSITION.search(before)):
        return "proposed"  # "no plans for an emergency meeting": talked of, not planned
    if tables.negation.search(near_before) and not re.search(r"\bnot only\b", near_before, re.I):
        return None
    if not trigger.verb and _NEGATED_VERB_BEFORE.search(before):
        return None
    habit = _HABIT.search(text, max(clause.start, trigger.span.start - 10), clause.end)
    if habit and habit.start() <= trigger.span.start + 1:
        return None
    ongoing = _ONGOING_OBJECT.search(before) if not trigger.verb else None
    if ongoing and not re.search(r"(?i)\b(?:will|would|due\s+to|expected\s+to|scheduled\s+to|set\s+to|plans?\s+to|to)\s+$", before[: ongoing.start()]) or (ongoing and re.search(r"(?i)\b(?:wants?|wanted|hopes?|hoped|seeks?|sought|trying|tries|tried)\s+to\s+$", before[: ongoing.start()])):
        return "occurred"  # "wants to finish the negotiations as fast as possible": they are under way
    cues: list[tuple[int, str]] = []
    governing = re.match(r"(?i)^(?:\s+(?:(?!that\b|which\b|who\b|said\b|says\b)[\w-]+\s+){0,6}?)?(?:will|would|could|may|might|should|(?:is|was|are|were)\s+(?:expected|scheduled|set|planned|due|likely|to)|has\s+been|had\s+been|took\s+place|takes\s+place|ended|began|opened)\b", after)
    hedged_predicate = bool(governing) and governing.group(0).split()[-1].lower() in ("could", "may", "might") and not re.match(
        r"\s+(?:take\s+place|be\s+held|happen|occur|go\s+ahead|materiali[sz]e|proceed|come|be\s+(?:arranged|scheduled|organi[sz]ed|postponed|delayed|cancell?ed))\b", after[governing.end() :]
    )  # "Nakasone's visit could coincide with the vote": the visit is expected; the coincidence is hedged
    for name, pattern in tables.status:
        for m in pattern.finditer(before):
            if (name == "proposed" and _PROPOSAL_WORD.fullmatch(m.group(0)) or name == "planned" and re.fullmatch(r"(?i)agreed(?:\s+(?:to|on))?|announced", m.group(0))) and _LINKED_ELSEWHERE.search(before, m.end()) and not re.search(r"\b(?:that|to)\b", before[m.end() :]):
                continue  # "would offer a draft treaty … at talks": the offer is made at them, the talks are not offered
            if name == "postponed" and re.match(r"(?i)reschedul", m.group(0)) and (re.search(r"(?i)\b(?:debt|debts|loan|loans|a|an|another|its|their|the|payments?|for|on)\s+$", before[: m.start()]) or re.match(r"\s+(?:of|its|their|\d)", before[m.end() :]) or (re.match(r"\s+the\s", before[m.end() :]) and len(before[m.end() :].split()) > 3)):
                continue  # "another debt rescheduling, probably at the next meeting": the debt's, not the meeting's
            if name == "planned" and re.fullmatch(r"(?i)(?:intends?|intending|aims?|aiming)\s+to", m.group(0)) and len(before) - m.end() > 25:
                continue  # "intends to carry out policies announced at the Paris meeting": the intent governs another verb
            if name in ("postponed", "cancelled") and re.match(r"\s+by\b", before[m.end() :]):
                continue  # "the fund had been delayed by his government's negotiations": the talks delay something else
            cues.append((len(before) - m.end(), name))
        if governing and not hedged_predicate:  # after the trigger only an auxiliary governs it ("the visit will pave the way")
            for m in pattern.finditer(after[: governing.end()]):
                cues.append((m.start() + 3, name))
    if hedged_predicate:
        cues.append((3, "planned"))
    if not trigger.verb and (_SUBJECT_NOUN_PHRASE.fullmatch(text, clause.start, trigger.span.start) or _REPORTED_SUBJECT.search(text, max(clause.start, trigger.span.start - 60), trigger.span.start)):
        if _AUX_AFTER_OBJECT.match(text, trigger.span.end, clause.end):
            cues.append((3, "planned"))  # "The Armacost discussions with Murata and other senior officials will focus on …"
        elif _MAYBE_AFTER_OBJECT.match(text, trigger.span.end, clause.end):
            cues.append((3, "proposed"))  # "The meeting with Holm could take place next week"
        elif _OWN_AUX_AFTER.match(text, trigger.span.end, clause.end):
            cues.append((3, "planned"))  # "that the talks between Berg and Holm would take place on Sunday"
    late = re.search(r"(?i)^[^;]{0,90}?\b(?:has|have|had|was|were|is|are)\s+(?:been\s+|being\s+)?(postponed|cancell?ed|called off|put off|delayed|scrapped|deferred|dropped|rescheduled|suspended)\b", text[trigger.span.end : clause.end])
    if not trigger.verb and not late:  # "Charles' state visit to France, which was due to begin on Sunday, has been postponed"
        late = _LATE_PAST_ASIDE.match(text, trigger.span.end, min(len(text), trigger.span.end + 250))
    if late and not re.search(r"[.;]", late.group(0)) and not re.search(r"(?i)\b(?:at|in|during|after)\s+which\b|\bwhere\b|\bwhen\b", late.group(0)):  # "the planned meeting … has been postponed"
        return "cancelled" if re.match(r"(?i)cancel|called|scrapped|dropped", late.group(1)) else "postponed"
    if not trigger.verb and _DOUBTED_AFTER.match(text[trigger.span.end : clause.end]):
        return "proposed"  # "an early meeting of G-7 finance ministers was unlikely": talked of, not planned
    if re.search(r"(?i)\b(?:debt\s+)?(?:rescheduling|refinancing)\s+$", before):
        cues = [c for c in cues if c[0] > 2]  # "rescheduling negotiations": talks about rescheduling debt, not a postponement
    if not _PAST_VERB.match(text[trigger.span.start : trigger.span.end]) and _LATER_TODAY.search(text, trigger.span.start, clause.end):
        cues.append((5, "planned"))  # "a meeting between Baker and Miyazawa later today": still to come on the story's day
    if re.match(r"^[^,.;]{0,80}?\bcoming\s+up\b", text[trigger.span.end : clause.end]) or re.search(r"\b(?:expected|due)\b", text[trigger.span.start : trigger.span.end]):
        cues.append((0, "planned"))  # "my meeting with Nakasone … coming up", "is expected here on Friday"
    scope = None if trigger.verb else (_IN_PREPOSITION.search(before) or (_SUBJECT_OF_COMPLEMENT.search(before) if _AUX_LATER.match(text, trigger.span.end, clause.end) else None))
    if scope is not None and re.search(r"(?i)\b(?:meet|meets|met|meeting|gather|gathers|gathered|convene|convenes|convened|talk|talks|talked|confer|conferred|sit\s+down|sat\s+down)\s+(?:again\s+|today\s+|tomorrow\s+|here\s+|there\s+)?$", before[: scope.start()]):
        scope = None  # "Arab states due to meet at a summit in Amman": the meeting is the summit, governed as one
    if scope is not None:
            # "the offer would be made at a meeting later this month", "he hopes his visit … will help":
        # a hedge before governs another verb; the engagement itself is taken as arranged
        reach = len(before) - scope.start("cut")
        cues = [(d, "planned" if d >= reach and name == "proposed" else name) for d, name in cues]
    undone = _UNDOING_PARTICIPLE.search(text, max(0, clause.start - 25), trigger.span.start)
    if undone and undone.start() < clause.start + 2:  # the participle opened the clause: "cut short his trip, scrapping planned stops in Sydney"
        cues.append((0, "postponed" if re.match(r"(?i)postpon|putting|delay|defer", undone.group(1)) else "cancelled"))
    strong = [c for c in cues if c[1] in ("cancelled", "postponed") and c[0] <= 45]
    if strong:
        return min(strong)[1]
    if (trigger.form in ("is in", "is here") or trigger.form.startswith("arrive")) and re.search(r"\bshould\s+$", before):
        return "planned"  # "Del Mazo should be in Lima on a visit at a nearby date": expected (not "should meet": urged)
    if not trigger.verb and _UNDER_WAY_AFTER.match(text, trigger.span.end, clause.end):
        return "occurred"  # "negotiations were continuing with Argentina", "The debt talks in New York are being headed by Brodersohn": under way
    if not trigger.verb and _STAYING_FOR.search(text, max(0, trigger.span.start - 150), trigger.span.start) and not (window and published and window[1] < published):
        return "planned"  # "Xi is staying on in South Korea for the APEC summit in Gyeongju on Friday": the gathering is ahead
    if trigger.verb and _WHEN_THEY.search(text, max(0, trigger.span.start - 40), trigger.span.start) and re.fullmatch(r"(?i)meet|visit|talk|hold\s+talks|sit\s+down\s+with", text[trigger.span.start : trigger.span.end]):
        return "planned"  # "he would sign an agreement with Zelenskyy when they meet at the White House": the present after "when" tells the future
    if _DOUBT.search(before[-80:]) and scope is None:
        return "proposed"  # "it was unclear if he would go to Japan": reported doubt outweighs the modal
    trigger_text = text[trigger.span.start : trigger.span.end]
    if trigger.verb and _PAST_VERB.match(trigger_text):
        since_comma = len(before) - (before.rfind(",") + 1)
        modal = [c for c in cues if c[1] in ("proposed", "planned") and c[0] < min(14, since_comma)]
        return min(modal)[1] if modal else "occurred"
    future = bool(window and published and window[0] > published)
    past = bool(window and published and window[1] < published)
    lead_in = text[max(clause.start, trigger.span.start - 40) : trigger.span.end]
    if trigger.verb and window and published and window[0] == window[1] == published and re.match(r"(?i)(?:opens|begins|starts|holds|meets|confers)\b", trigger_text) and not cues:
        return "occurred"  # "Baker holds talks with his counterparts today": under way on the story's day
    if trigger.verb and _PRESENT_VERB.match(trigger_text) and not past and not re.search(r"(?i)\b(?:every|each|usually|often|regularly|annually)\b", text[clause.start : clause.end]):
        if window and published and window[0] == window[1] == published and re.match(r"(?i)(?:opens|begins|starts|holds)\b", trigger_text):
            return "occurred"  # "Lyng opens talks with Japanese officials today": under way on the story's day
        return "planned"  # news writes scheduled travel in the present: "when Miyazawa visits Washington this week"
    if re.search(r"\b(?:is|are)\s+(?:\w+\s+)?(?:heading|travel+ing|flying|coming|going)\s+to\b", lead_in) and not past:
        return "planned"
    if window and published and window[0] == window[1] == published and re.search(r"\b(?:opens|begins|starts)\s+(?:[\w-]+\s+){0,2}$", text[max(clause.start, trigger.span.start - 30) : trigger.span.start]):
        return "occurred"  # "Lyng opens talks with Japanese officials today": under way on the story's day
    if (future or (window and published and window[0] >= published)) and re.search(r"\b(?:meets|visits|travels|leaves|flies|heads|arrives|begins|starts|opens|goes|tours|sets\s+out|sets\s+off|departs|embarks)\b", lead_in):
        return "planned"  # "travels to Italy this evening", "leaves on Saturday on a trip"
    weak = [c for c in cues if c[1] != "cancelled" and c[1] != "postponed"]
    hedge = re.search(r"(?i)\b(?:probably|perhaps|possibly|maybe|potentially|hypothetical|could|might)\b", _ASIDE_HEDGE.sub(" ", text[max(clause.start, trigger.span.start - 80, before_start + scope.start("cut") if scope else 0) : trigger.span.start]))
    if hedge and not (trigger.verb and _PAST_VERB.match(trigger_text)):
        return "proposed"  # a hedge governs the whole clause: "probably … he will head to China"
    if weak:
        choice = min(weak)[1]
        if choice == "occurred" and future:
            return "planned"
        if choice == "planned" and past and min(weak)[0] > 10:
            return "occurred"
        return choice
    if future:
        return "planned"
    if window and published and window[0] <= published <= window[1] and (window[1] - published) > (published - window[0]):
        return "planned"  # "the visit this week", read on the Monday: mostly still to come
    return "occurred"


_UNDOING_PARTICIPLE = re.compile(r",\s+(scrapping|cancell?ing|calling\s+off|shelving|abandoning|postponing|putting\s+off|delaying|deferring)\s+(?:[\w’'-]+\s+){0,3}$")
"""A participle of undoing just before a trigger's noun phrase: ", scrapping planned stops", ", postponing his visit"."""
_ASIDE_HEDGE = re.compile(r"(?i),\s*(?:perhaps|possibly|probably|maybe)\s*,")
"""A hedge set off by commas inside a list hedges one member, not the engagement."""
_LATER_TODAY = re.compile(r"(?i)\blater\s+(?:today|tonight|this\s+(?:morning|afternoon|evening))\b")
_LATE_PAST_ASIDE = re.compile(r"(?i)[^,;.]{0,60},\s*(?:which|that)\s+[^,;.]{0,100},\s*(?:has|have|had|was|were|is|are)\s+(?:now\s+|also\s+)?(?:been\s+|being\s+)?(postponed|cancell?ed|called off|put off|delayed|scrapped|deferred|dropped|rescheduled|suspended)\b")
"""A noun engagement, a relative clause set off by commas, then its verb: "the visit, which was due on Sunday, has been postponed"."""


def _tense(status: str) -> str:
    if status in ("postponed", "cancelled"):
        return "nearest"
    return "future" if status in ("planned", "proposed") else "past"


_HARD_BOUNDARY = re.compile(r";\s|,?\s+and\s+that\s|\s+since\s+(?:the|he|she|they|his|her|its|their|(?:[A-Z][\w.’'-]*\s+){1,3}(?:[a-z]+ed|began|took|came|won|went|was|were|had|has)\b)|\s+but\s|,\s+(?:which|who|where|while|although|though|whereas|adding|saying)\b|\s+(?:after|while|whereas)\s|\s[—–]\s")
_REPORTED_THAT = re.compile(r"\b(?:told|tells|tell|informed|informs|assured|assures|reminded|warned|warns)\s+(?:[\w.’'-]+\s+){1,6}?that\s+")
"""A reported clause after its hearer: what follows "told Xi that" has a subject of its own."""
_OBJECT_ENDS = re.compile(r"\s(?:over|on|about|to|for|that|which|who|in|at|after|before|since|during|when|while)\s|[;:]|,\s+(?:but|which|who|said|says)\b")
"""Where the object of "talks with …" ends: "talks with the United States over rice"."""
_AFTER_ADVERBIAL = re.compile(r"(?i)\b(?:after|following)\s+(?:(?:the|a|an|his|her|their|its|two|three|several)\s+)?(?:[\w-]+\s+){0,2}$")
_FUTURE_LEAD = re.compile(r"(?i)\b(?:will|would|shall|'ll|is\s+to|are\s+to|plans?\s+to|expected\s+to|due\s+to|scheduled\s+to|going\s+to|may|might|could)\b")
_PAST_LEAD = re.compile(r"\b(?:\w{3,}ed|left|met|held|said|told|flew|went|came|made|gave|spoke|took|began|won|was|were)\b")
"""An engagement in an "after" adverbial of a past verb was over by then: "left Bonn yesterday after talks with Kohl"."""
_VISIT_FOR_TALKS = re.compile(r"\s+(?:[^,;.]{0,60}?\s+)?for\s+(?:further\s+|more\s+|new\s+|fresh\s+|renewed\s+|a\s+new\s+round\s+of\s+|another\s+round\s+of\s+|a\s+round\s+of\s+)?(?:[\w-]+\s+)?")
"""Between a visit and the talks it is made for: "will return to Cairo for further negotiations"."""
_WITH_A_COUNTRY = re.compile(r"\s+with\s+(?:the\s+)?(?P<land>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?=\s*(?:[,.;]|$))")
"""'for talks with New Zealand, which …': the other side named by its country alone."""
_TRIP_PURPOSE = re.compile(r"[^,;.:]{0,60}?\bto\s+(?P<verb>discuss|negotiate)\b")
"""A trip's purpose told after it: "has left for Washington to discuss Sri Lanka's request", "a July trip to China to discuss trade"."""
_SETTING_OUT = re.compile(r"(?i)^(?:arriv|left\b|leav|head|depart|set\s+(?:off|out)|sets\s+(?:off|out)|on\s+arriving|is\s+here|are\s+here|(?:is|are)\s+(?:\w+\s+)?(?:expected|due))")
"""A traveller arriving or setting off: the talks the trip is for are still to come ("arrived in Algiers for talks")."""
_MINISTERS_CARRY_ON = re.compile(
    r"\bministers\s+(?:\w+\s+){0,2}(?:resume[ds]?|resuming|hold|holds|held|open(?:ed|s)?|continue[ds]?|begin|began|begins|start(?:ed|s)?|end(?:ed|s)?|abandon(?:ed|s)?|adjourn(?:ed|s)?|suspend(?:ed|s)?|broke\s+off|break\s+off|conclude[ds]?|wound\s+up)\s+(?:their\s+|the\s+)?(?:[\w-]+\s+)?$"
)
"""A forum's ministers carrying on their own talks: "EC farm ministers resume discussions"."""
_ANOTHER_TRIP_TO = re.compile(r"(?i)\b(?:trips?|visits?|tours?|journeys?|travels?|stops?|stopovers?)\s+(?:to|of|in)\s+(?:the\s+)?$")
"""A place after a later engagement noun is that engagement's ("the summit …, including trips to Beijing")."""
_TOLD = re.compile(r"\s+(?:told|tells|assured|assures|warned|warns|informed|informs|urged|urges|pressed|presses|reminded|reminds)\s+(?:[\w.’'-]+\s+){0,3}")
"""A teller and the person told, named just after: "Carney told U.S. President Donald Trump"."""
_HOSTS_BEFORE = re.compile(r"(?i)\b(?:will\s+|to\s+|would\s+|is\s+to\s+)?host(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+|this\s+year['’]s\s+|next\s+year['’]s\s+)?(?:[\w'’.-]+\s+){0,4}$")
_SUBJECT_GAP = re.compile(r"\s*(?:,[^,]{0,60},\s*)?(?:,\s*who\s+)?(?:will|would|is\s+to|is\s+set\s+to|plans\s+to|is\s+due\s+to)?\s*")
_TO_ATTEND = re.compile(r"\s+(?:is|are|was|were|will\s+be)\s+(?:\w+\s+)?(?:expected|due|set|scheduled|likely|invited)\s+to\s+attend\b|\s+(?:will|would)\s+(?:also\s+)?attend\b")
_COUNTERPART_OBJECT = re.compile(r"\s+(?:(?:their|his|her|its|the)\s+)?(?:[A-Z][\w.-]*\s+){1,2}(?:counterparts?|officials?|delegations?|negotiators?|leaders?|teams?|ministers?|envoys?)\b")
"""A verb's object that is a country's unnamed side: "meet their Chinese counterparts"."""
_SAYING = re.compile(r"\b(?:said|says|say|told|tells|added|adds|announced|reported)\b")
_PLACE_OF = re.compile(r"\b(?:in|on|at|to)\s+the\s+(?:[A-Z][\w-]*\s+)?(?:island|city|town|port|resort|capital|province|region|state)\s+of\s+$")
"""A place named by what it is: "on the Indonesian island of Bali", "in the port city of Busan"."""
_SAID_HE = re.compile(r"\s+(?:said|says|told\s+\w+)\s+(?:that\s+)?(?:he|she)\b")
_DURING_A = re.compile(r"(?i)\b(?:during|at|in\s+the\s+course\s+of)\s+(?:a|an|the|their|his|her)\s+(?:[\w.-]+\s+){0,4}$")
_TRAVEL_VERB_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:made|paid|arrived|flew|travell?ed|traveled|went|visited|landed|headed|returned|stopped|began|ended|toured|was|is)\b")
"""The doer of the main clause a ", where he …" hangs from: "Kishida made a surprise visit to Kyiv, where he met Zelenskyy"."""
_ON_THE_WAY = re.compile(r"(?i)\b(?:before|after|while|then|en\s+route|on\s+his\s+way|on\s+her\s+way)\s+(?:flying|travelling|traveling|heading|leaving|going|returning|departing|moving\s+on)\s+(?:on\s+)?(?:to|for|from)\s+(?:the\s+)?$")
_DETERMINER = re.compile(r"(?i)\b(?:a|an|the|his|her|their|its|several|two|three)\b")
_SAID_THEN_WHEN = re.compile(r"(?:,[^,]{0,80},)?\s+(?:said|says|told(?:\s+[\w-]+){0,2}?|made\s+(?:the|his|her|these|those)\s+(?:comments?|remarks?)|spoke|was\s+speaking)\s+(?:today\s+|yesterday\s+|on\s+\w+day\s+)?(?:(?:at|in)\s+[^,.;]{3,70}?\s+)?(?:after|before|following|during|at\s+the|on\s+the|upon|on\s+arriving|on\s+arrival|returning|back)\b")
"""A speaker and the time of his own engagement: "X said at the end of a visit", "Y told reporters after talks"."""
_DOUBTED_AFTER = re.compile(r"(?i)^(?:[^;,.]|(?<=[A-Z])\.){0,90}?\b(?:is|was|are|were|seemed|seems|looked|looks|remained|remains)\s+(?:\w+\s+)?(?:(?:unlikely|doubtful|uncertain|in\s+doubt|possible|under\s+(?:consideration|discussion|study)|being\s+(?:considered|discussed|studied)|mooted)\b(?!\s+to\b)|(?:unlikely|not\s+(?:expected|likely))\s+to\s+(?:be\s+held|be\s+convened|take\s+place|go\s+ahead|happen|occur|materiali[sz]e)\b)")
"""What follows a noun trigger when it is talked of, not planned: "was unlikely", "is unlikely to be held"."""
_RELATIVE_WHO = re.compile(r",\s+who\s+(?:[\w’'-]+\s+){0,8}$")
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_SPEAKER_PRONOUN_BETWEEN = re.compile(r"[.;]")
_OPENS_WITH_PRONOUN = re.compile(r"\s*[\"“]?(?:He|She)\b")
"""A sentence that opens with "He"/"She" is about the story's topic, not the first name in it."""
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b(?!\s+(?:said|says|told|added|noted|stated|believed|thought|hoped|expected|predicted|argued|warned)\s+(?!(?:he|she|to)\b)(?:that\s+)?[A-Z]?)")
"""A pronoun as the subject of the trigger's clause (not "he said Y would meet …"; but "he expected to speak to Trump" is his call)."""
_COORDINATED_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+and\s+(?=[A-Z])|\band\s+(?:he|she)\b(?!\s+(?:said|says|told|added))")
"""'she and Soviet Premier Ryzhkov', 'Ryzhkov and she': a pronoun among the subjects."""
_APPOSITIVE = re.compile(r"(?<=[\w.])\s*,\s+(?:a|an|the)\s+(?:close\s+|senior\s+|former\s+|top\s+|longtime\s+|key\s+)?(?:aide|adviser|advisor|ally|associate|confidant|friend|rival|critic|deputy|successor|predecessor|spokesman|spokeswoman|envoy|assistant|protege|son|daughter|brother|wife|husband)\b[^,;]{0,80},")
"""An apposition describing a subject by someone else: "Dumas, a close aide to President Mitterrand,"."""
_SAID_IN = re.compile(r"\s+(?:in|during|at)\s+(?:a|an|the|their|his|her|this|that)\s+(?:(?!interview|statement|speech|broadcast|letter|message)[\w-]+\s+){0,2}")
"""Between "said" and the engagement it was said in."""
_SPEAKER_AFTER = re.compile(
    r"^(?:\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}(?=\s+(?:said|says|told|added)\b)|,[^,;]{3,140},|,\s+(?:the\s+|a\s+)?(?:[\w.’'-]+\s+){0,3}(?:head|chairman|chief|director|president|minister|secretary|spokesman|spokeswoman|official|governor|leader|member|adviser|ambassador)\s+(?:of|at|for|to)\s+[^,;]{3,100}?)?"
    r"\s*(?:,\s*)?(?:(?:also|further|later|earlier|again|separately)\s+)?(?:said|says|told\s+(?:reporters|journalists|a|the|Reuters|newsmen|(?:[A-Z][\w.-]*\s+){1,3}(?:Radio|Television|TV|Times|Post|newspaper|daily|agency))|added|noted|stated|wrote|according)\b"
)
"""What follows a speaker's name: "said", past an appositive ("Dumas, head of a parliamentary committee said": wire copy drops the closing comma)."""


_NOUN_CHAIN = re.compile(r"(?i)\s*(?:[A-Z][\w.’'-]*\s+){0,3}(?:,\s*)?(?:and|or|before|after|ahead of|followed by|then|with|including|for|to attend|to join|to address|to open)\s+(?:(?:a|an|the|more|further)\s+)?(?:[\w-]+\s+)?$")
"""Between two triggers, a link that lets the second noun share the first one's parties ("talks and a dinner")."""


_ON_A_TRIP = re.compile(r"(?i)\b(?:on|during|as\s+part\s+of)\s+(?:the\s+[\w-]+\s+(?:leg|stage|stop)\s+of\s+)?(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}$")
"""'met X on the fourth leg of a tour': the subject is the one on the tour."""


def _inside_quote(text: str, sentence: Span, at: int) -> bool:
    """Whether ``at`` lies inside quotation marks opened earlier in the sentence."""
    before = text[sentence.start : at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


_SAME_TIME_LINK = re.compile(r"\s+(?:after|before)\s+(?:(?:a|an|the|his|her|their)\s|(?:talks|meetings|discussions|negotiations)\s+(?:with|at|in)\s)|,\s+where\s+(?:he|she|they)\b")
"""Clause links that keep the main clause's time: "arrived last night after a stopover in Riyadh, where he met …",
"announced deals on Thursday after talks at the White House"."""


def _subject_start(text: str, sentence: Span, trigger: Span) -> int:
    start = sentence.start
    for m in _HARD_BOUNDARY.finditer(text, sentence.start, trigger.start):
        start = m.end()
    for m in _REPORTED_THAT.finditer(text, start, trigger.start):
        start = m.end()  # "Biden told Xi that Yellen would travel to China": Yellen travels
    return start


def _object_end(text: str, sentence: Span, trigger: Span, next_trigger: int | None) -> int:
    m = _HARD_BOUNDARY.search(text, trigger.end, sentence.end)
    end = m.start() if m else sentence.end
    new_subject = _NEW_SUBJECT.search(text, trigger.end, end)
    if new_subject:  # "Before meeting with Bush, the Crown Prince paid …"
        end = new_subject.start()
    return min(end, next_trigger) if next_trigger is not None and next_trigger > trigger.end else end


_NEW_SUBJECT = re.compile(
    r",\s+(?:and\s+(?:(?:on|in|at|by|last|this|next|later|earlier|early|late)\s+(?:[\w-]+\s+){0,2}?)?)?(?:(?:the|a|an|his|her|their|its)\s+[\w’'-]+(?:\s+[\w’'-]+)?|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s+(?:\w+ly\s+|today\s+|yesterday\s+|also\s+)?"
    r"(?:paid|met|said|told|was|is|has|had|will|would|made|held|called|visited|flew|left|arrived|ordered|asked|urged|announced|decided|instructed|warned)\b"
)
"""', Nakasone today ordered …', ', and on Thursday Zelenskyy met …': a new clause with its own subject begins."""


def _is_speaker(text: str, m: Mention, sentence: Span, trigger: Span | None = None, spoke_in: Trigger | None = None) -> bool:
    before = text[max(sentence.start, m.span.start - 25) : m.span.start]
    speech = _SPEAKER_AFTER.match(text[m.span.end : min(m.span.end + 160, max(sentence.end, m.span.end))])
    if speech:
        if re.match(r",\s*(?:said|says|added)\s+(?:a|an|the|one|two|several|officials|sources|diplomats|analysts|aides|[A-Z][a-z])", text[m.span.end : m.span.end + 40]):
            return False  # "met Premier Lars Holm, said a spokesman": the spokesman speaks
        # "Lukman, during a brief visit to London, told Reuters": he is the visitor too
        if trigger is not None and m.span.end <= trigger.start and trigger.end <= m.span.end + speech.end():
            return False
        # "Takeshita said in a telephone conversation Tuesday that …", "said during a visit to": he took part
        # (not "Lallier said in a telephone call from Paris": a call to the reporter, unless someone else tells of it)
        return not (trigger is not None and spoke_in is not None and (
            spoke_in.type == "visit" or text.startswith(" with ", trigger.end)
            or spoke_in.type == "call" and re.search(r"\b(?:said|says|told)\b", text[sentence.start : m.span.start])
        ) and _SAID_IN.fullmatch(text, m.span.end + speech.end(), trigger.start))
    # "…, said Yun Sun, director of …" (not "officials said Baldrige will meet …")
    return bool(re.search(r"\b(?:said|says|according to)\s*$", before)) and bool(re.match(r"\s*(?:[,.;:”\"]|$)|\s+(?:of|at|from)\s+(?:the\s+)?[A-Z]", text[m.span.end : m.span.end + 12]))  # (", said David Horner of Merrill Lynch")


def _old_news(text: str, d: _Draft) -> bool:
    """Words near the trigger that put the engagement before the story's day ("had met", "last year", "previous")."""
    end = min(d.trigger.end + 40, _clause_end(text, d.sentence, d.trigger))
    for m in _OLD_NEWS.finditer(text, d.sentence.start, end):
        word = m.group(0).lower()
        if word == "first" or word == "since" and re.search(r"\bfirst\b", text[max(d.sentence.start, m.start() - 80) : m.start()]):
            continue  # "met for their first summit", "their first meeting since the war began": today's
        return True
    return False


_TOLD_BEFORE = re.compile(r"\b(?:said|says|told|tells|added)\b")
"""A reporting verb before the trigger: the engagement is told of, its day unknown ("Yeutter said the case was resolved at a meeting")."""


def _clause_end(text: str, sentence: Span, trigger: Span) -> int:
    """Where the trigger's clause ends: before ", having …", ", who …", "; …" (what follows tells of other times)."""
    after = _CLAUSE_AFTER.search(text, trigger.end, sentence.end)
    return after.start() if after else sentence.end


_CLAUSE_AFTER = re.compile(r",\s+(?:having|who|which|whose|where|after|before|when|while|since|although|though)\b|;")
"""Where a clause of another time begins after the trigger's own."""


def _place_of_something_else(text: str, trigger: Trigger, before: Trigger | None, people: Sequence[Mention], orgs: Sequence[Mention]) -> bool:
    """'X is in Y' whose subject is an engagement ("the talks will be in Washington") or a company, not a person."""
    if before is not None and not before.verb and _SAME_PHRASE.fullmatch(text, before.span.end, trigger.span.start) and not any(
        before.span.end <= m.span.start and m.span.end <= trigger.span.start for m in people
    ):
        return True
    return any(0 <= trigger.span.start - m.span.end <= 4 and re.fullmatch(r"\s*(?:to\s+)?", text[m.span.end : trigger.span.start]) for m in orgs)


_SAME_PHRASE = re.compile(r"(?:(?!\b(?:when|where|while|whom?|which|that|he|she|they|we|and|but|if|as)\b)[^,;.]){0,80}")
"""Words inside one noun phrase and its verb: no clause of its own ("the talks leading up to the main event will")."""


def _coordinated_with(text: str, first: Mention, people: Sequence[Mention], before: int) -> list[Mention]:
    """The people joined to ``first`` by "and" or commas in one subject: "Modi and President Biden"."""
    joined: list[Mention] = []
    last = first
    for m in people:
        if m.span.start < last.span.end or m.span.end > before:
            continue
        if not _JOINED_NAME.fullmatch(text, last.span.end, m.span.start):
            break
        joined.append(m)
        last = m
    return joined


_JOINED_NAME = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:[A-Z][\w.’'-]*|of|the)\s+){0,4}")
"""Between two names of one subject: ", ", " and ", " and President "."""


def _main_subject(text: str, sentence: Span, people: Sequence[Mention], before: int, trigger: Span | None = None) -> Mention | None:
    """The first person named before ``before`` who is not only quoted as saying it
    (a speaker whose apposition holds ``trigger`` took part: "Ileto, briefing reporters after a meeting with Shultz, said")."""
    return next((m for m in people if m.span.end <= before and not _is_speaker(text, m, sentence, trigger)), None)


_BY_COUNTRY_GROUP = re.compile(r"(?:\s+(?:to|of)\s+[^,;]{1,40}?)?\s+by\s+(?:a\s+|an\s+|the\s+)?(?:senior\s+|top\s+|high-level\s+|high-ranking\s+|government\s+)?([A-Z][\w.-]+)\s+(?:[a-z]+\s+)?(?:officials|delegation|delegates|team|ministers|mission|negotiators|leaders|monarchs|kings|rulers|presidents)\b")
"""A visit made by a country's group: "a trip to Japan by senior Nigerian officials"."""
_COUNTRY_GROUP_SUBJECT = re.compile(r"(?:^|\b(?:A|An|The|a|an|the)\s+)(?:high-level\s+|senior\s+|top\s+|government\s+)?([A-Z][\w.-]+)\s+(?:[a-z]+\s+)?(?:mission|delegation|team|officials|negotiators|trade\s+mission)\s+(?:(?:is|are|was|were|will|would|has|have|had)\s+)?(?:(?:now|also|currently|due\s+to|expected\s+to|to|been)\s+)*$")
"""A country's group as a visit's subject: "A Japanese trade delegation will visit Washington"."""
_MISSION_SENDER = re.compile(r"(?:\b([A-Z][\w.-]+)\s+(?:(?:will|would|is\s+to|plans\s+to|is\s+sending|has\s+sent|agreed\s+to)\s+)?(?:send|sends|sent|sending|dispatch|dispatched|dispatches)\s+|\b(?:A|An|The|a|an|the)\s+(?=[A-Z]))(?:(?:a|an|its)\s+)?(?:([A-Z][\w.-]+)\s+)?(?:[a-z-]+\s+){0,2}$")
"""The country sending a mission: "Japan will send a trade mission to …", "a Japanese mission to …"."""
_SENDS = re.compile(r"\b(?:send|sends|sent|sending|dispatch|dispatches|dispatched|dispatching)\s+(?:(?:a|an|its|their|his|her|several|two|three)\s+)?(?:[\w-]+\s+){0,3}$")
_ABSENT_FROM = re.compile(r"(?i)\b(?:(?:was|were|is|are|be)\s+not\s+(?:present|invited)\s+(?:at|to)|(?:(?:did|does|do|will|would|could|can)(?:\s+not|n[’']t)|cannot|won[’']t|can[’']t)\s+(?:be\s+able\s+to\s+)?(?:attend|join)|absent\s+from|stayed\s+away\s+from|boycott(?:ed|ing|s)?|skipped|skip)\s+(?:[\w’'-]+\s+){0,5}$")
_COMPANY = re.compile(r"<[A-Z][^<>\n]{0,60}>|\b(?:S\.A|N\.V|A\.G|S\.p\.A|P\.A)\.|\b(?:Inc|Corp|Plc|PLC|AB|SA|AG|NV|Ltd|Co|Cos|Corporation|Bancorp|GmbH|SpA|KK)\b\.?(?![-’'\w])")
_FIRM_SUBJECT = re.compile(r"\b(?:firm|firms|company|companies|manufacturer|manufacturers|carmaker|automaker|conglomerate|brokerage)\s+(?:(?:is|are|was|were|has|have|had)\s+(?:been\s+)?)?$")
def _business(text: str, sentence: Span, trigger: Trigger) -> bool:
    """Talks, a meeting or a call whose subject is a company ("Suzuki Motor Co Ltd <SZMT.T>", "a big
    Japanese electronic firm is negotiating", "Japanese steel mills and Canadian exporters have had
    negotiations"), with no government party or person's reported view beside it."""
    if trigger.type not in ("talks", "meeting", "call"):
        return False
    start = _subject_start(text, sentence, trigger.span)
    found = _COMPANY.search(text, start, trigger.span.start) or trigger.type == "talks" and (
        trigger.verb and _FIRM_SUBJECT.search(text, start, trigger.span.start) or _TRADERS.search(text, start, trigger.span.start)
    )
    return bool(found) and not _OFFICIAL_OR_SPEECH.search(text, start, trigger.span.start)


_TRADERS = re.compile(r"\b(?:mills|exporters|importers|refiners|traders|firms|companies|manufacturers|carmakers|automakers|shipowners|airlines|utilities|shareholders|unions|workers|employers|steelmakers|brewers|distributors|suppliers)\b")
_OFFICIAL_OR_SPEECH = re.compile(r"\b(?:(?:said|says|told\s+\w+)\s+(?:he|she|that)|Minister|Secretary|Governor|President|Premier|Chancellor|government|ministry|Ministry|officials)\b")
"""A government party or a person's reported view beside a company: "Bank of Montreal Chairman Mulholland said he expected debt negotiations …"."""
"""A company named in an engagement's subject ("Sweden's Sandvik AB <SVIK.ST> … have finalised negotiations")."""
_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\s+(?:[\w-]+\s+)?$")
"""Two surnames joined before an engagement: "the Reagan-Gorbachev summit"."""


def _by_surname(word: str, people: Sequence[Mention], kb: Knowledge, day: date | None = None) -> str | None:
    """The person a bare surname stands for: one the story names (family name
    first or last: "Chung" of "Chung In-yong"), else the fact base's only one
    in public life within two years of the story's day."""
    named = {m.canonical for m in people if word in (m.canonical.split()[-1], m.canonical.split()[0])}
    if len(named) == 1:
        return named.pop()
    index = kb.cache.get("by_surname")
    if index is None:
        index = {}
        for person in {id(p): p for p in kb.person_by_name.values()}.values():
            index.setdefault(person.surname, []).append(person)
        kb.cache["by_surname"] = index
    known = index.get(word, [])
    if day is not None:
        slack = timedelta(days=730)
        known = [p for p in known if any((r.start is None or r.start - slack <= day) and (r.end is None or day <= r.end + slack) for r in p.roles)]
    return known[0].name if len(known) == 1 else None


def _participants(
    text: str,
    sentence: Span,
    people: Sequence[Mention],
    trigger: Trigger,
    next_trigger: int | None,
    topic: str | None,
    previous: tuple[int, list[str], list[str]] | None = None,
) -> list[str]:
    """The parties of one trigger: its subject and its objects.

    The subject is the people named between the clause's start and the
    trigger (not the speaker of a "said"), a relative "who" points back to
    the person before it, and "he"/"she" to the story's current topic; the
    objects are the people named after the trigger up to the next clause
    or engagement word.
    """
    names: list[str] = []
    if trigger.form in ("visiting",) and re.search(r"(?:\b(?:the|a|an)|,)\s+$", text[max(sentence.start, trigger.span.start - 6) : trigger.span.start]):
        visitor = next((m for m in people if 0 <= m.span.start - trigger.span.end <= 60), None)
        if visitor is not None:  # "the visiting U.S. Agriculture Secretary Richard Lyng"
            return [visitor.canonical]

    def add(name: str) -> None:
        if name not in names:
            names.append(name)

    invited = re.search(r"(?i)\binvit(?:ation|ations|ed|es|e|ing)\s+(?:to\s+|for\s+)?", text[max(sentence.start, trigger.span.start - 120) : trigger.span.start])
    if invited and trigger.type == "visit" and trigger.verb and re.search(r"\bto\s+$", text[trigger.span.start - 4 : trigger.span.start]):
        at = max(sentence.start, trigger.span.start - 120) + invited.end()
        guests = [m.canonical for m in people if at <= m.span.start and m.span.end <= trigger.span.start]
        if guests:  # "Reagan's invitation to Gorbachev to visit the United States": Gorbachev visits
            return guests

    possessor = None if trigger.verb else next(
        (m for m in people if 0 <= trigger.span.start - m.span.end <= 30 and re.fullmatch(r"(?:[’']s?|\"s)\s+(?:[\w-]+\s+){0,2}", text[m.span.end : trigger.span.start])), None
    )
    subject_from = _subject_start(text, sentence, trigger.span)
    if possessor is not None:  # "a vote sponsored by Gephardt is due during Nakasone's visit": the visitor is Nakasone
        owners = [possessor]
        for m in reversed([m for m in people if m.span.end <= possessor.span.start and m.span.start >= sentence.start]):
            if not re.fullmatch(r"\s*,?\s*(?:and\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}", text[m.span.end : owners[0].span.start]):
                break
            owners.insert(0, m)  # "Blinken, Yellen and Raimondo's visits": all three
        for m in owners:
            add(m.canonical)
        subject_from = trigger.span.start
    for aside in _ASIDE.finditer(text, sentence.start, trigger.span.start):
        if aside.start() < subject_from <= aside.end() <= trigger.span.start and not text[aside.end() : trigger.span.start].strip(" ").startswith(("said", "says", "told")):
            antecedent = [m for m in people if m.span.end <= aside.start() and aside.start() - m.span.end <= 3]
            if antecedent:  # "Mustapha, who leaves for Moscow on Tuesday, met Mubarak": the subject is before the aside
                add(antecedent[-1].canonical)
                subject_from = aside.end()
    relative = _RELATIVE_WHO.search(text, sentence.start, trigger.span.start)
    if relative:
        antecedent = [m for m in people if m.span.end <= relative.start() and relative.start() - m.span.end <= 3]
        if antecedent:
            add(antecedent[-1].canonical)
        subject_from = relative.end()
    if previous is not None and not relative:
        subject_from = max(subject_from, previous[0])
    described = [(a.start(), a.end()) for a in _APPOSITIVE.finditer(text, subject_from, trigger.span.start)]
    # "Dumas, a close aide to President Mitterrand, met …": who describes him is no party
    subjects = [
        m for m in people
        if subject_from <= m.span.start and m.span.end <= trigger.span.start and not _is_speaker(text, m, sentence, trigger.span, None if trigger.weak else trigger)
        and not any(a <= m.span.start and m.span.end <= b for a, b in described)
        and not (previous is not None and m.canonical in previous[2] and m.canonical not in previous[1])  # the last verb's object
    ]
    coordinated = _COORDINATED_PRONOUN.search(text, subject_from, trigger.span.start) if subjects else None
    if coordinated:  # "Thatcher said she and Soviet Premier Ryzhkov had … during talks": she is the speaker
        speaker = next((m for m in reversed(people) if m.span.end <= coordinated.start() and _is_speaker(text, m, sentence) and not _SPEAKER_PRONOUN_BETWEEN.search(text, m.span.end, coordinated.start())), None)
        if speaker is not None:
            add(speaker.canonical)
        elif topic:
            add(topic)
    for m in subjects:
        add(m.canonical)
    if not subjects and previous is not None and not relative and not _PRONOUN.search(text, subject_from, trigger.span.start) and (
        trigger.verb or _NOUN_CHAIN.match(text, previous[0], trigger.span.start) or _ON_A_TRIP.search(text, previous[0], trigger.span.start)
    ):
        for name in previous[1]:  # "X will meet Y before travelling to Z": X travels
            add(name)
    elif not subjects and not relative and _SUBJECT_PRONOUN.search(text, subject_from, trigger.span.start):
        pronoun = _SUBJECT_PRONOUN.search(text, subject_from, trigger.span.start)
        speaker = next((m for m in reversed(people) if m.span.end <= pronoun.start() and _is_speaker(text, m, sentence) and not _SPEAKER_PRONOUN_BETWEEN.search(text, m.span.end, pronoun.start())), None)
        host = None
        if re.search(r",\s+(?:where|when|after\s+which)\s+$", text[max(sentence.start, pronoun.start() - 16) : pronoun.start()]):
            doers = [m for m in people if sentence.start <= m.span.start and m.span.end <= pronoun.start() and _TRAVEL_VERB_AFTER.match(text, m.span.end)]
            host = doers[-1] if doers else None
        if speaker is not None:
            add(speaker.canonical)  # "Yellen said she hopes to travel to China": she is Yellen
        elif host is not None:
            add(host.canonical)  # "Kishida made a surprise visit to Kyiv, where he met Zelenskyy": he is Kishida
        elif topic:
            add(topic)  # "he will meet": the story's topic ("He said France was negotiating": not him)
    object_end = _object_end(text, sentence, trigger.span, next_trigger)
    agent = re.match(r"\s+(?:to\s+[^,;]{0,40}?\s+|(?:[\w-]+\s+){1,4}?)?by\s+", text[trigger.span.end : object_end])
    if agent and not trigger.verb:  # "a visit to Beijing by Blinken", "trips by Yellen and Raimondo"
        agents = [m.canonical for m in people if trigger.span.end + agent.end() <= m.span.start and m.span.end <= object_end and not _is_speaker(text, m, sentence)]
        if agents:
            return list(dict.fromkeys(agents))
    excluded = re.search(r"\b(?:rather than|instead of|but not|not with|without(?!\s+portfolio)|since)\b", text[trigger.span.end : object_end])
    if excluded:  # "may meet deputies rather than Greer", "to visit China since Biden took office": not parties
        object_end = trigger.span.end + excluded.start()
    comma = text.rfind(",", sentence.start, trigger.span.start)
    inside_apposition = comma > 0 and any(m.span.end == comma for m in people) and bool(re.match(r",\s+[a-z]", text[comma : comma + 4]))
    for m in people:
        closes_apposition = inside_apposition and re.match(r",\s*(?:said|says|told|added)\b", text[m.span.end : m.span.end + 12]) is not None
        # "Ileto, briefing reporters after a separate meeting with Shultz, said": Ileto speaks, Shultz was met
        if trigger.span.end <= m.span.start and m.span.end <= object_end and (closes_apposition or not _is_speaker(text, m, sentence)):
            if next_trigger is not None and re.match(r"[’']s\b", text[m.span.end : m.span.end + 2]) and m.span.end < next_trigger:
                continue  # "Nakasone's talks": the agent of the next engagement, not this one's object
            if _SUBJECT_MATTER_OF.search(text, max(trigger.span.end, m.span.start - 60), m.span.start):
                continue  # "raised the killing of journalist Jamal Khashoggi during the meeting": what was discussed, not who met
            add(m.canonical)
    gerund = re.search(r"\b(?:after|before|while|upon|on|since)\s+$", text[max(sentence.start, trigger.span.start - 10) : trigger.span.start])
    has_subject = any(m.span.end <= trigger.span.start for m in people if m.canonical in names)
    if gerund and trigger.verb and (names or trigger.type == "visit") and not has_subject:
        # ("He told reporters at the airport on arriving here": his own arrival)
        # "He spoke to reporters after meeting President Garcia": the main subject met him
        main = _main_subject(text, sentence, people, trigger.span.start, trigger.span)
        if main is not None and re.search(r"\bby\s+(?:[\w.’'-]+\s+){0,4}$", text[max(sentence.start, main.span.start - 40) : main.span.start]):
            main = None  # "He was welcomed by the Crown Prince, before meeting the King": the agent of a passive is not its subject
        if main is not None and topic and _OPENS_WITH_PRONOUN.match(text, sentence.start) and main.span.start > sentence.start + 3:
            main = None  # "He will meet Premier Li in Beijing, before flying to the Cook Islands": he flies, not Li
        teller = next((m for m in people if m.span.end <= trigger.span.start and _SAID_HE.match(text, m.span.end)), None)
        if main is not None:
            add(main.canonical)
        elif teller is not None:
            add(teller.canonical)  # "Trump said he agreed to lower tariffs after meeting Xi": Trump met him
        elif topic and _PRONOUN.search(text, sentence.start, trigger.span.start):
            add(topic)
    if not any(m.span.end <= trigger.span.start and m.canonical in names for m in people) and (
        trigger.verb and re.search(r"(?:,\s*|\s)and\s+(?:then\s+|also\s+|later\s+|will\s+|is\s+to\s+)?$", text[max(sentence.start, trigger.span.start - 20) : trigger.span.start])
        or not trigger.verb and re.search(r"(?:,\s*|\s)and\s+(?:then\s+|also\s+|later\s+)?(?:will\s+|is\s+to\s+|would\s+)?(?:have|has|had|hold|holds|held|begin|began|open|opened)\s+(?:[\w-]+\s+){0,2}$", text[max(sentence.start, trigger.span.start - 45) : trigger.span.start])
    ):
        # "Duffy is on a visit to Malaysia after talks in Thailand, and leaves for Indonesia": the sentence's subject
        main = _main_subject(text, sentence, people, trigger.span.start)
        if main is not None and main.span.start - sentence.start < 40:
            add(main.canonical)
        elif main is None and topic and _OPENS_WITH_PRONOUN.match(text, sentence.start):
            add(topic)
    after_noun = not trigger.verb and trigger.type != "summit" and re.search(r"(?i)\b(?:after|before|following|during|ahead\s+of|at\s+the\s+(?:end|close|start|conclusion|outset)\s+of|on\s+the\s+(?:last|final|first|second|third)\s+day\s+of|(?:after\s+|upon\s+|on\s+)?returning\s+from|(?:was|is)?\s*back\s+from)\s+(?:(?:a|an|the|his|her|their|its|several|two|three)\s+(?:[\w.-]+\s+){0,4}|(?:[a-z-]+\s+){0,2})$", text[max(sentence.start, trigger.span.start - 60) : trigger.span.start])
    if after_noun and not _DETERMINER.search(after_noun.group(0)) and not re.match(r"\s+(?:with|at|in)\s", text[trigger.span.end : trigger.span.end + 6]):
        after_noun = None  # without an article only "after talks with X", "after talks at the White House"
    if after_noun and not any(m.span.end <= trigger.span.start and m.canonical in names for m in people):
        # "Aqazadeh arrived after a brief stopover in Riyadh", "X said she was pleased after meetings with Y": the main subject
        main = _main_subject(text, sentence, people, trigger.span.start, trigger.span)
        if main is not None and _OPENS_WITH_PRONOUN.match(text, sentence.start):
            main = None  # "He held talks with Sarney during a stopover": he, not Sarney
        if main is None and _PRONOUN.search(text, sentence.start, trigger.span.start):
            main = next((m for m in people if m.span.end <= trigger.span.start), None)
            if main is None and topic:
                add(topic)
        if main is None and (trigger.type == "visit" or names or _WITH_UNNAMED_OFFICIALS.match(text, trigger.span.end)):  # "Murakhovsky said at the end of a brief visit here …": the speaker's own visit
            main = next((m for m in people if m.span.end <= trigger.span.start and _SAID_THEN_WHEN.match(text, m.span.end, trigger.span.start)), None)
        if len(names) < 2 and trigger.type in ("meeting", "talks") and not any(trigger.span.end <= m.span.start for m in people if m.canonical in names):
            # "Carney told Trump on Tuesday that Canada won't be for sale, during a first meeting in the Oval Office": the two of them
            for teller in (m for m in people if sentence.start <= m.span.start and m.span.end <= trigger.span.start):
                hearer = next((m for m in people if teller.span.end < m.span.start < trigger.span.start and _TOLD.fullmatch(text, teller.span.end, m.span.start)), None)
                if hearer is not None:
                    add(teller.canonical)
                    add(hearer.canonical)
                    break
        if main is not None:
            add(main.canonical)
            for partner in _coordinated_with(text, main, people, trigger.span.start):
                add(partner.canonical)  # "Modi and Biden announced deals after talks at the White House": both
    if possessor is None and not trigger.verb and trigger.type == "visit" and re.search(r"(?i)\bduring\s+(?:the|his|her|their|a|an)\s+(?:[\w-]+\s+){0,2}$", text[max(sentence.start, trigger.span.start - 40) : trigger.span.start]):
        whose = re.search(r",\s+who\s+[^,;]{0,120}\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", text[sentence.start : trigger.span.start])
        owner = next((m for m in people if whose and 0 <= sentence.start + whose.start() - m.span.end <= 3), None)
        if owner is not None:
            return [owner.canonical]  # "Herrington, who is to meet King Hassan during his visit": Herrington's visit
        main = _main_subject(text, sentence, people, trigger.span.start)
        if main is not None and main.span.start - sentence.start < 40:  # "Biden would not meet Xi during the trip": the trip is the subject's
            return [main.canonical]
        if topic and _SUBJECT_PRONOUN.match(text, sentence.start):  # "He held talks with Sarney during a stopover in Brasilia"
            return [topic]
    if not trigger.verb and _OWN_ENGAGEMENT.search(text, max(sentence.start, trigger.span.start - 40), trigger.span.start):
        main = next((m for m in people if sentence.start <= m.span.start and m.span.end <= trigger.span.start), None)
        if main is not None and main.canonical not in names:  # "Modi told Putin …, in his first meeting with the Russian leader": Modi's meeting
            names.insert(0, main.canonical)
    opener = re.match(r"[\"“]?(?:After|Before|Following|During|Upon|On|While|Ahead of)\b[^,;]*,", text[sentence.start : sentence.end])
    if opener and trigger.span.end <= sentence.start + opener.end():
        # a preposed adverbial: "After a day of meetings with X, Clark told …" — Clark took part
        main = next(
            (
                m for m in people
                if m.span.start >= sentence.start + opener.end()
                and re.match(r",?\s+(?:[a-z]+\s+)?(?:told|said|met|was|is|has|had|will|would|paid|held|called|visited|flew|arrived|left|urged|signed|spoke|added|made)\b", text[m.span.end : m.span.end + 30])
            ),
            None,
        )  # the main clause's subject is the person followed by its verb, past any list in the opener
        if main is not None:
            add(main.canonical)
    if trigger.verb and len(names) == 1 and re.match(r"\s+(?:him|her)\b", text[trigger.span.end : trigger.span.end + 5]):
        # "Modi and Putin held talks, a day after Putin hosted him": the other person just named (else the story's topic)
        other = next((m.canonical for m in reversed(people) if sentence.start <= m.span.start and m.span.end <= trigger.span.start and m.canonical not in names and not _is_speaker(text, m, sentence)), None)
        if other is None and topic and topic not in names:
            other = topic
        if other is not None:
            add(other)
    return names


_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:[a-z]+ly\s+|then\s+|also\s+|later\s+|first\s+)?$")
_BY_AGENT = re.compile(r"[^,;.]{0,80}?\bby\s+(?:(?:the\s+)?[\w.’'-]+\s+){0,5}$")


def _received_by(text: str, trigger: Trigger, people: Sequence[Mention]) -> bool:
    """A passive welcome with its host named after "by": "He was then welcomed at Al-Salam Palace by Crown Prince Mohammed bin Salman"."""
    if not re.match(r"(?:receiv|welcom|greet)", trigger.form) or not _BE_BEFORE.search(text, max(0, trigger.span.start - 25), trigger.span.start):
        return False
    return any(0 < m.span.start - trigger.span.end <= 130 and _BY_AGENT.fullmatch(text, trigger.span.end, m.span.start) for m in people)


_SUBJECT_MATTER_OF = re.compile(r"(?i)\b(?:killing|murder|death|assassination|arrest|detention|imprisonment|jailing|execution|kidnapping|abduction|release|extradition|case|fate|trial)\s+of\s+(?:[\w.’'-]+\s+){0,3}$")
"""A person named as what a meeting was about: "the killing of journalist Jamal Khashoggi", "the release of Gershkovich"."""
_WITH_UNNAMED_OFFICIALS = re.compile(r"\s+with\s+(?:(?:the|his|her|their)\s+)?(?:[A-Z][\w.]*\s+){1,2}(?:officials|counterparts|negotiators|delegates|delegation|leaders|ministers)\b")
"""'meetings with U.S. officials': a side named only by its country."""
_SINCE_CLAUSE = re.compile(r"\b[Ss]ince\s+(?:the|he|she|they|his|her|its|their|[A-Z][\w.’'-]*)\b[^,;]*$")
"""A time inside a "since …" clause dates what began then, not the engagement."""
_OWN_ENGAGEMENT = re.compile(r",\s+(?:in|during|at)\s+(?:his|her)\s+(?:[\w-]+\s+){0,3}$")
"""', in his first in-person meeting with …': an apposition naming the main subject's own engagement."""


def _subjects_of(text: str, sentence: Span, people: Sequence[Mention], trigger: Trigger, names: list[str]) -> list[str]:
    """The participants of a trigger named in its subject, before it."""
    start = _subject_start(text, sentence, trigger.span)
    before = {m.canonical for m in people if start <= m.span.start and m.span.end <= trigger.span.start}
    return [n for n in names if n in before]


def _location(
    text: str, clause: Span, trigger: Trigger, places: Sequence[Mention], article: Article, kb: Knowledge, here: str | None, after: int = 0
) -> str | None:
    if here and trigger.form.endswith(" here"):
        return here  # "on arriving here for talks that transfers to China rose": the dateline's city
    best: tuple[int, str] | None = None
    asides = _asides(text, clause, trigger.span)
    for m in places:
        if not clause.contains(m.span) or m.text in kb.adjectives and m.text not in kb.places:
            continue
        if any(a.contains(m.span) for a in asides):
            continue  # "Mustapha, who leaves for Moscow on Tuesday, met Mubarak": the trip's place
        if m.span.end <= trigger.span.start and m.span.start < after:
            continue  # that place belongs to an earlier engagement of the sentence
        before = text[max(clause.start, m.span.start - 30) : m.span.start]
        if trigger.form.startswith("return") and 0 <= m.span.start - trigger.span.end <= 5:
            best = (-100, _place_name(m, kb))  # "returned from Washington": where he had been
            continue
        if trigger.type == "visit" and not trigger.verb and m.span.end <= trigger.span.start and re.search(r"\b(?:leaving|left|leaves|leave|departing|departed|departs)\s+$", before) and _VISIT_ENDS.fullmatch(text, m.span.end, trigger.span.start):
            best = (-100, _place_name(m, kb))
            continue  # "before leaving Tokyo yesterday at the end of a four-day visit": the place the visit ended in
        if re.search(r"(?i)\b(?:between|and|from|with|of|by|against|over|toward|towards)\s+(?:the\s+)?$", before) and not re.search(
            r"\b(?:(?:tour|visit|trip)s?|island|city|town|port|resort|capital|province|region|state)\s+of\s+(?:the\s+)?$", before
        ):  # ("on the Indonesian island of Bali", "in the city of Vladivostok": the place itself)
            continue
        if m.span.end <= trigger.span.start and re.search(r"\bfrom\s+(?:[\w-]+\s+){0,2}$", text[m.span.end : trigger.span.start]):
            continue  # "had flown to West Germany from talks with Mitterrand in Normandy": where she went after them
        if m.span.start >= trigger.span.end and re.search(r"\b(?:ahead\s+of|prior\s+to|in\s+advance\s+of|in\s+preparation\s+for|since)\b", text[trigger.span.end : m.span.start]):
            continue  # "talks with Kohl ahead of her visit to Moscow next week", "his first meeting with Putin since the war in Ukraine began": another time's place
        if text[m.span.end : m.span.end + 2] in ("’s", "'s") and not (
            re.search(r"\b(?:in|at)\s+$", before) and getattr(kb.places.get(m.text), "kind", None) == "city"
        ):  # (but "met at Riyadh's Diriyah Palace" is in Riyadh)
            continue
        if m.span.start > trigger.span.end and re.search(r"(?i)\b(?:on|about|over|regarding|concerning)\s+(?:the\s+)?$", before):
            continue  # "a summit on Ukraine", "talks about Taiwan": the topic, not the place
        if trigger.type != "visit" and _ON_THE_WAY.search(text, max(0, m.span.start - 45), m.span.start) and (m.span.start > trigger.span.end or "," in text[m.span.end : trigger.span.start]):
            # (the clause may start after its "before"; but "before travelling to Detroit for a meeting": the meeting is there)
            continue  # "before flying to Jeddah, he met Abbas in Bethlehem": where he went next, not where they met
        if m.span.start > trigger.span.end and _ANOTHER_TRIP_TO.search(text, trigger.span.end, m.span.start):
            continue  # "The summit capped months of efforts, including trips to Beijing by Blinken": the trips' place
        if re.search(r"(?i)\b(?:director|minister|secretary|commissioner|envoy|ambassador|representative|department|ministry|office|bureau)\s+(?:for|of|to)\s+(?:the\s+)?$", before):
            continue  # "assistant director for Africa Paul Acquah": part of a title
        if 0 <= trigger.span.start - m.span.end <= 25 and re.fullmatch(r"\s?|\s+(?:(?:[a-z-]+|Economic|Trade|Security|Peace|Arms|Energy|Monetary|Western|Nuclear)\s+){1,2}", text[m.span.end : trigger.span.start]) and (m.kind == "place" or m.kind == "country" and trigger.type == "visit" and not trigger.verb):
            best = (-100, _place_name(m, kb))
            continue  # "a Washington meeting", "the Venice summit"
        preposition = re.search(r"\b(?i:in|at|to|visit|visiting|visited|visits|for|here|tours? of|trips? to|inside|near|outside)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,2}$", before) or (
            None if re.match(r" [A-Z]", text[m.span.end : m.span.end + 2]) else _PLACE_OF.search(before)  # ("the resort of Porto Cervo": not Porto)
        )
        if not preposition:
            continue
        if _INSIDE_A_NAME.match(text, m.span.end) and getattr(kb.places.get(m.text), "kind", None) == "region":
            continue  # "the Pacific Islands Forum": a region inside a name (but "the Tokyo Stock Exchange" is in Tokyo)
        following = re.match(r"\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})", text[m.span.end : m.span.end + 40])
        if following and any(" ".join(following.group(1).split()[:k]).lower() in kb.titles for k in (1, 2, 3)):
            continue  # "the visit of U.S. Secretary of State Shultz": a nationality, not the place
        if not re.search(r"\b(?i:in|at|to|visit|visiting|visited|visits|for|tours? of|trips? to|inside)\s+(?:(?:the|a|an)\s+)?$", before) and re.match(r"(?i)to\s+(?!(?:the|a|an|northern|southern|eastern|western|central|north|south|east|west|neighbouring|neighboring|nearby)\b)[a-z]", preposition.group(0)):
            continue  # "to discuss relaxed U.S. rules": an infinitive, not a destination
        between = text[trigger.span.end : m.span.start] if m.span.start >= trigger.span.end else ""
        gap = len(between) if re.search(r"\b(?:was|were|is|are|has|have|had|said|says|made|will|would|who|which)\b", between) else len(re.sub(r"[A-Z][\w.’'-]*|\band\b|,", "", between))
        if m.span.start >= trigger.span.end and gap > 70 or m.span.end <= trigger.span.start and trigger.span.start - m.span.end > 45:
            continue  # too far from the engagement to be its place (the parties' names do not count)
        if re.match(r"\s+(?:(?!(?:after|before|for|and|or|with|to|in|on|at|during|following|ahead|of|since|until)\b)[a-z-]+\s+){0,2}(?:summit|meeting|talks|conference|visit|trip|session)s?\b", text[m.span.end : m.span.end + 40]) and m.span.start >= trigger.span.end:
            continue  # "to prepare for the Venice economic summit": that place is the summit's
        distance = abs(m.span.start - trigger.span.end) if m.span.start >= trigger.span.end else (trigger.span.start - m.span.end) + 30
        rank = distance - (20 if m.kind == "place" else 0)
        if best is None or rank < best[0]:
            # a city as the story writes it ("Berne", "Peking"); a country by its name
            best = (rank, _place_name(m, kb))
    if best is None:
        seat = re.search(r"\b(?:at|in|to)\s+the\s+(White House|Kremlin|Elysee(?: Palace)?|Élysée(?: Palace)?|Chancellery|Blue House|Zhongnanhai|Great Hall of the People|Downing Street)\b", text[trigger.span.start : min(clause.end, trigger.span.end + 70)]) or re.search(
            r"\b(?:a|an|the)\s+(White House|Kremlin|Elysee|Élysée|Downing Street)\s+(?:[\w-]+\s+)?$", text[max(clause.start, trigger.span.start - 40) : trigger.span.start]
        )  # "hosted him at the White House", "a White House summit": in Washington
        if seat:  # "hosted him at the White House": in Washington
            code = kb.seats.get(seat.group(1)) or kb.seats.get(seat.group(1).split()[0])
            if code and code in kb.capitals:
                return kb.capitals[code]
        relative = re.search(r",\s+which\s+(?:\w+\s+){1,3}$", text[max(clause.start - 80, 0) : trigger.span.start])
        if relative:  # "Norway, which he visited two weeks ago"
            comma = trigger.span.start - (len(text[max(clause.start - 80, 0) : trigger.span.start]) - relative.start())
            antecedent = next((m for m in places if 0 <= comma - m.span.end <= 1), None)
            if antecedent is not None:
                return antecedent.canonical
    if best is None and not trigger.verb:
        relative_place = _OWN_RELATIVE.match(text, trigger.span.end, min(len(text), trigger.span.end + 200))
        if relative_place and relative_place.group("place"):
            named = next((m for m in places if m.span.start == relative_place.start("place")), None)
            if named is not None:  # "a meeting …, which could take place in Venezuela in May"
                return _place_name(named, kb)
    if best is None:
        fronted = next((m for m in places if clause.start <= m.span.start <= clause.start + 12 and _FRONTED_PLACE.fullmatch(text, clause.start, m.span.start) and re.match(r"(?:\s+(?:on|last|this|early|late|earlier)\s+[\w ]{0,20}?)?,\s", text[m.span.end : m.span.end + 30]) and m.span.end < trigger.span.start), None)
        if fronted is not None and not _SAYING.search(text, fronted.span.end, trigger.span.start):
            # "In Paris on Monday, Macron hosted an emergency meeting": the fronted place is the main clause's
            # (not "In Dar es Salaam, Bomani said … the London talks": where he spoke)
            return _place_name(fronted, kb)
    if best is None and trigger.type in ("summit", "meeting", "talks"):
        going = _GOING_TO_ATTEND.search(text, max(0, trigger.span.start - 200), trigger.span.start)
        if going:  # "would leave for Washington on Monday to attend the IMF's Interim Committee meeting": there
            destination = next((m for m in places if m.span.start == going.start(1)), None)
            if destination is not None:
                return _place_name(destination, kb)
    if best is None and here and re.search(r"\bhere\b|\b(?:in|to)\s+the\s+(?:city|capital)\b", text[max(clause.start, trigger.span.start - 15) : min(clause.end, trigger.span.end + 65)], re.I):
        # ("during his stay in the city": the dateline's city too)
        return here
    return best[1] if best else None


_FRONTED_PLACE = re.compile(r"[\"“]?(?:In|At|in|at)\s+(?:the\s+)?")
_INSIDE_A_NAME = re.compile(r"(?:\s+[A-Z][\w-]*){0,2}\s+(?:Forum|Council|Community|Union|Bank|Organi[sz]ation|Cooperation|Co-operation|Group|Committee|Commission|Fund|Association|Club|Exchange|Treaty|Agency|Institute|Corporation|Company|University|Party)\b")
_VISIT_ENDS = re.compile(r"[^.;]{0,40}?\b(?:at\s+the\s+end\s+of|after|ending|concluding|wrapping\s+up|to\s+end|to\s+conclude)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}$")
"""Between a place left and a visit: "leaving Tokyo yesterday at the end of a four-day visit"."""
_GOING_TO_ATTEND = re.compile(
    r"\b(?:leave|leaves|left|leaving|fly|flies|flew|flying|travel|travels|travelled|traveled|travelling|traveling|go|goes|went|going|head|heads|headed|heading|arrive|arrives|arrived|arriving)\s+(?:for|to|in)\s+(?:the\s+)?"
    r"([A-Z][\w.-]*)(?:[^.;]{0,60}?\bto\s+(?:attend|take\s+part\s+in|participate\s+in|join)\s+[^.;]{0,100}|(?:\s+[A-Z][\w.-]*){0,2}\s+for\s+(?:the|a|an|this|next|its)\s+[^.;,]{0,80})$"
)
"""Travel to a place to attend a gathering ("flying to the Cook Islands for the Pacific Islands Forum leaders' meeting"): the gathering is there."""


def _place_name(m: Mention, kb: Knowledge) -> str:
    """A city as the story writes it ("Berne", "Peking"); a seat of government as its capital ("the Elysee": Paris); a country by its name."""
    place = kb.places.get(m.text)
    if place is not None and place.kind == "city":
        return m.text
    if m.text in kb.seats and kb.seats[m.text] in kb.capitals and (place is None or place.kind != "country"):
        return kb.capitals[kb.seats[m.text]]
    return m.canonical


def _is_duration(t: TimeExpression) -> bool:
    """"a three-day visit": how long, not when."""
    return bool(re.fullmatch(r"(?i)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|few)[- ](?:day|week)", t.text))


def _date(clause: Span, sentence: Span, trigger: Trigger, times: Sequence[TimeExpression], status: str, text: str = "", published: date | None = None, previous_end: int = -1) -> DateWindow | None:
    """The window of the temporal phrase nearest the trigger, read in the
    event's tense: in its clause first, then earlier in its sentence; a
    duration ("a three-day visit") only when nothing else dates it."""

    def usable(t: TimeExpression) -> bool:
        if text and t.span.end <= trigger.span.start and _inside_quote(text, sentence, t.span.start) and not _inside_quote(text, sentence, trigger.span.start):
            return False  # '"today's era is not of war", in his first meeting': the quote's time is not the meeting's
        since = _SINCE_CLAUSE.search(text, max(sentence.start, t.span.start - 100), t.span.start) if text else None
        if since and not (since.start() <= trigger.span.start and not re.search(r"[,;]", text[since.start() : trigger.span.start])):
            # (not "since the last meeting in February 1986", "since their February Paris meeting": that meeting's)
            return False  # "his first trip since Moscow launched its invasion in February 2022": the invasion's time
        if text and t.span.end != trigger.span.start - 1 and _names_something_else(text, t):
            return False  # "in the light of the February agreement": the month dates the agreement
        if re.match(r"(?i)from\b", t.text):
            # "from April 21 to 24" is a range; "a visit to the U.S. from April 29": it starts then
            return bool(re.search(r"(?i)\b(?:to|through|until)\b|[-–]", t.text)) or t.span.start > trigger.span.end
        return not re.match(r"(?i)(since|until|by)\b", t.text)

    def pick(candidates: list[TimeExpression]) -> DateWindow | None:
        if not candidates:
            return None
        if len(candidates) == 1 and _is_duration(candidates[0]) and re.search(r"(?i)\b(?:begin|begins|beginning|began|start|starts|starting|opens|opening|arrives|arriving)\b", text[max(sentence.start, trigger.span.start - 40) : trigger.span.start]):
            t = candidates[0]  # "is beginning a four-day visit": the days ahead
            window = t.future or t.past
            return DateWindow(window[0], window[1], t.text, t.span) if window else None
        if previous_end >= 0 and any(t.span.start >= trigger.span.end for t in candidates):
            # "an earlier round here last September and the first talks between X and Y in January":
            # a time between the previous engagement and this one is the previous one's
            candidates = [
                t for t in candidates
                if not (previous_end <= t.span.start < trigger.span.start and re.search(r"\s(?:and|while|but)\s", text[t.span.end : trigger.span.start]))
            ] or candidates  # (not "is expected here on Friday for talks": one time for both)
        t = min(candidates, key=lambda t: abs(t.span.start - trigger.span.end) if t.span.start >= trigger.span.start else trigger.span.start - t.span.end + 5)
        tense = _tense(status)
        if status == "proposed" and t.past and t.future and (t.future[0] - t.past[0]).days > 60:
            tense = "nearest"  # "In February, X was invited to Caracas for talks", read in March: not next February
        window = t.window(tense, published)
        return DateWindow(window[0], window[1], t.text, t.span) if window else None

    own = re.match(
        r"(?:\s+(?:of|by|to|in)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,6}?(?:[A-Z][\w.’'-]*))?,\s+which\s+(?:(?:will|(?:is|was|were|are|had\s+been)\s+(?:due|scheduled|set|expected)\s+to|was\s+to)\s+)?(?:start|starts|begin|begins|began|open|opens|opened|run|runs|ran|end|ends|ended|takes?\s+place|took\s+place|is|was)\s+(?:in\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}\s+)?"
        r"|" + _OWN_RELATIVE.pattern +
        r"|(?:\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?,?\s+(?:starting|beginning|opening)\s+(?:on\s+)?",
        text[trigger.span.end : trigger.span.end + 120],
    ) if text else None
    if own:  # "the conference, which starts June 25": the relative clause dates the engagement itself
        found = pick([t for t in times if t.span.start == trigger.span.end + own.end() or 0 <= t.span.start - (trigger.span.end + own.end()) <= 3])
        if found:
            return found
    if text and published and trigger.type == "visit" and status in ("planned", "proposed"):
        for t in times:  # "will also be visiting South Korea before returning to London on April 11": by then
            back = _BEFORE_RETURNING.search(text, trigger.span.end, t.span.start) if sentence.contains(t.span) and t.span.start > trigger.span.end and t.future else None
            if back and t.future[0] > published:
                return DateWindow(published, t.future[0], text[back.start() : t.span.end], Span(back.start(), t.span.end))
    new_clause = _NEW_SUBJECT.search(text, trigger.span.end, sentence.end) if text else None
    asides = _asides(text, sentence, trigger.span)
    in_clause = [
        t for t in times
        if clause.contains(t.span) and usable(t)
        and not any(a.contains(t.span) for a in asides)
        and not (t.span.end <= trigger.span.start and _SPEECH_BETWEEN.search(text, t.span.end, trigger.span.start))
        and not (t.span.end <= trigger.span.start and status in ("planned", "proposed") and _told_then(text, sentence, t))
        and not (t.span.start >= trigger.span.end and _TOLD_THE.search(text, max(sentence.start, trigger.span.start - 20), trigger.span.start)
                 and re.search(r"\b(?:would|will|was|were|is|are|had|has|have|could|should|must|can)\b", text[trigger.span.end : t.span.start]))
        and not (t.span.start >= trigger.span.end and not _SCHEDULED_FOR.fullmatch(text, trigger.span.end, t.span.start) and (
            _HARD_BOUNDARY.search(text, trigger.span.end, t.span.start) or _RELATIVE_VERB.search(text, trigger.span.end, t.span.start)
            or (new_clause is not None and new_clause.start() < t.span.start) or _REPORTED_AFTER.search(text, trigger.span.end, t.span.start)
            or _OTHER_ACT_AFTER.search(text, trigger.span.end, t.span.start)
        ))
    ]
    adjacent = [t for t in in_clause if _is_duration(t) and 0 <= trigger.span.start - t.span.end <= 25 and re.fullmatch(r"[- ](?:[a-z]+\s+){0,2}", text[t.span.end : trigger.span.start])]
    explicit = [t for t in in_clause if not _is_duration(t) and not re.match(r"(?i)(?:in|over|during)\s+(?:recent|the\s+(?:past|last|coming|next))\b", t.text)]
    if adjacent and not explicit:  # "a three-day visit" dates the visit itself
        return pick(adjacent)
    earlier = [t for t in times if sentence.contains(t.span) and t.span.end <= trigger.span.start and usable(t) and not _SPEECH_BETWEEN.search(text, t.span.end, trigger.span.start) and not (status in ("planned", "proposed") and _told_then(text, sentence, t)) and not any(a.contains(t.span) for a in asides) and not any(
        not _SAME_TIME_LINK.match(text, b.start()) for b in _HARD_BOUNDARY.finditer(text, t.span.end, trigger.span.start)
    )]
    for group in (in_clause, earlier):
        found = pick([t for t in group if not _is_duration(t)])
        if found:
            return found
    return pick([t for t in in_clause if _is_duration(t)])


_SCHEDULED_FOR = re.compile(r"[^,;.]{0,80}?,?\s+(?:that|which)\s+(?:had\s+been|has\s+been|have\s+been|was|were|is|are)\s+(?:originally\s+|initially\s+|previously\s+|first\s+)?(?:scheduled|planned|set|due|slated|expected)\s+(?:to\s+(?:begin|start|open|take\s+place|be\s+held)\s+)?(?:for\s+|on\s+|in\s+)?")
"""An engagement's own time in a relative clause: "talks with Seoul that had been scheduled for May 16", "a trip that had been scheduled to begin Friday"."""
_OWN_RELATIVE = re.compile(
    r"(?:\s+(?:of|between|with)\s+[^,;.]{0,90}?)?,\s+which\s+(?:could|may|might|would|will)\s+(?:also\s+)?(?:take\s+place|be\s+held|convene|open|begin|start)\s+(?:in\s+(?:the\s+)?(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s+)?"
)
"""A relative clause telling where and when the engagement itself is to happen: "an eventual meeting of the Andean Pact presidents and President Reagan, which could take place in Venezuela in May"."""
_BEFORE_RETURNING = re.compile(r"\bbefore\s+(?:returning|flying|heading|going)\s+(?:home|back)?[^.;]{0,40}$")
_OTHER_ACT_AFTER = re.compile(r"\b(?:follows|followed|precedes|preceded|coincides|coincided|ahead\s+of|prior\s+to|in\s+advance\s+of|in\s+preparation\s+for|(?:pave|paves|paved|paving|prepare|prepares|prepared|preparing)\s+the\s+(?:way|ground|groundwork)\s+for)\b|\b(?:arranged|announced|agreed|decided|requested|proposed|set\s+up|confirmed|disclosed|reported)\s*$")
"""Between an engagement and a later time: the time dates something else ("X's trip follows the decision 10 days ago", "the meeting had been arranged last week")."""


_MODIFIED_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:agreement|accord|pact|deal|figures?|data|statistics|decision|package|plan|proposal|report|rise|fall|increase|decline|cut|crisis|moratorium|election|budget|target|statement|communique|announcement|offer|elections)\b")
"""'the February agreement', 'the April figures': a time naming something else."""


def _names_something_else(text: str, t: TimeExpression) -> bool:
    """A month or year alone or after "the"/"their" that modifies a noun other than the engagement
    ("their February Paris accord", "the 2016 American election")."""
    return bool(re.match(r"(?:(?:[Tt]he|[Aa]n?|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)\s+)?(?:[A-Z][a-z]+\.?|(?:19|20)\d\d)$", t.text) and _MODIFIED_NOUN.match(text, t.span.end))


def _told_then(text: str, sentence: Span, t: TimeExpression) -> bool:
    """A time between a speech verb and its "that": "Witkoff told Fox News later on Tuesday that the talks would take place on Sunday" (the telling's day, for an engagement still to come)."""
    return bool(text) and bool(re.match(r"\s*,?\s*that\s", text[t.span.end : t.span.end + 8])) and bool(
        re.search(r"\b(?:said|says|told|tells|added|announced|confirmed|stated)\s+(?:[\w.’'-]+\s+){0,3}$", text[max(sentence.start, t.span.start - 40) : t.span.start])
    )


_SPEECH_BETWEEN = re.compile(r"\b(?:said|says|told|added|stated)\s+(?:that\s+)?(?:the|a|an|he|she|they|it|[A-Z])")
"""'Speaking late yesterday, Yeutter said the case was resolved at a meeting …': the time is the speech's."""


_ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;]{3,140},")
_ENGAGEMENT_BEFORE = re.compile(r"(?i)\b(?:trip|tour|visit|talks|meeting|summit|session|conference|journey|stay|mission)s?\b(?:\s+[^\s,;]+){0,3}\s*$")
"""A relative clause set off by commas ("Mustapha, who leaves for Moscow on Tuesday,"), not one telling of an engagement ("his trip, which runs from April 26")."""


def _asides(text: str, sentence: Span, trigger: Span) -> list[Span]:
    """Relative clauses of the sentence that do not hold the trigger: "Mustapha, who leaves
    for Moscow on Tuesday, met Mubarak" (Moscow and Tuesday are the trip's, not the meeting's)."""
    found = []
    for m in _ASIDE.finditer(text, sentence.start, sentence.end):
        if m.end() <= trigger.start and not _ENGAGEMENT_BEFORE.search(text, max(sentence.start, m.start() - 40), m.start()):  # (one after the trigger may tell of the engagement itself: "his trip, which runs from April 26")
            found.append(Span(m.start(), m.end()))
    for m in _PARTICIPLE_ASIDE.finditer(text, sentence.start, sentence.end):
        if not m.start() <= trigger.start < m.end():  # "the group of petroleum exporters, formed in 1983, in Caracas tomorrow": the group's founding
            found.append(Span(m.start(), m.end()))
    return found


_TOLD_THE = re.compile(r"\b(?:told|tells|telling|addressed|addresses|addressing|briefed|informed)\s+(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,2}$")
"""'Delors told the meeting the authority would … in October': a time after the trigger is in what was told."""
_PARTICIPLE_ASIDE = re.compile(r",\s+(?:formed|founded|created|established|set\s+up|launched|built|born|elected|appointed|adopted|signed|ratified)\s+[^,;]{2,80},")


def _cameo(event_type: str, location: str | None) -> str:
    return {"call": "041", "visit": "042", "talks": "046", "summit": "044"}.get(
        event_type, "044" if location else "040"
    )


_TOPIC_TALKS = re.compile(r"\b(?:trade|economic|peace|arms|nuclear|security|military|border|tariff|debt|budget|rescheduling|refinancing|loan|aid|grain|farm|agricultural|fisheries|fishing|aviation|textile|commodity|currency|monetary|financial|energy|oil|formal|bilateral|working-level|high-level|framework|round|two days of|ministerial)\s+(?:of\s+)?$", re.I)
_GROUP_AFTER = re.compile(r"^\s+(?:with|between)\s+(?:the\s+|their\s+|its\s+)?(?:(?!and\b|or\b)[\w.-]+\s+){0,3}?(?:representatives|officials|delegations?|negotiators|counterparts|members|executives|leaders of|a delegation)", re.I)


def _refine_type(text: str, trigger: Trigger, participants: list[str], forums: re.Pattern[str], clause: Span, people: Sequence[Mention] = ()) -> str:
    """Apply the type rules of news writing to a trigger's first guess."""
    form = trigger.form
    if trigger.type == "meeting" and participants and all(_is_country_code(p) for p in participants) and (
        trigger.verb and re.match(r"[^.;]{0,80}?\bfor\s+(?:\w+\s+){0,2}(?:talks|negotiations|discussions|consultations)\b", text[trigger.span.end : clause.end])
        or _CREDITOR_BODY.search(text, clause.start, clause.end)
    ):
        return "talks"  # "Poland met the Paris Club … for renewed talks", "Brazil will meet its bank advisory committee": delegations negotiate
    if trigger.type == "call" and form == "call" and (
        re.match(r"\s+on\s+(?:the\s+)?(?:[A-Z]|him\b|her\b|them\b)", text[trigger.span.end : trigger.span.end + 12])
        or re.search(r"(?i)\b(?:pay|pays|paid|paying|make|makes|made|making)\s+(?:a|an)\s+(?:brief\s+|short\s+|official\s+|formal\s+)?$", text[max(clause.start, trigger.span.start - 30) : trigger.span.start])
    ) and not re.search(r"(?i)(?:tele)?phone", text[max(clause.start, trigger.span.start - 30) : trigger.span.end + 30]):
        return "meeting"  # "he is to call on President Sarney", "paid a call on Camdessus": a visit in person
    if trigger.type == "visit" and trigger.verb and form.startswith("visit"):
        # "visited Biden for an hour": calling on a person is a meeting
        if any(0 <= m.span.start - trigger.span.end <= 2 or re.fullmatch(r"\s+(?:[A-Z][\w.’'-]*\s+){1,4}", text[trigger.span.end : m.span.start]) for m in people if m.span.start >= trigger.span.end):
            return "meeting"  # "before visiting Agriculture Secretary Richard Lyng"
    before = text[max(clause.start, trigger.span.start - 40) : trigger.span.start]
    of_forum = re.match(r"\s+of\s+(?:the\s+)?(?:\([\w.-]{1,12}\)\s+|[\w]+-(?:nation|member|country)\s+)?", text[trigger.span.end : trigger.span.end + 40]) if form in ("meeting", "meetings") else None
    if of_forum and forums.match(text, trigger.span.end + of_forum.end()):
        return "summit"  # "Delegates from 46 countries are gathering for the 20th meeting of the Asian Development Bank"
    if trigger.type == "meeting" and (form in ("meeting", "meetings") or trigger.verb and form in ("met", "meet", "meets", "meeting")) and re.search(r"(?i)\b(?:negotiators|delegations?|delegates)\b", text[clause.start : trigger.span.start]):
        return "talks"  # "negotiators will hold emergency meetings"
    if trigger.type == "talks" and form in ("talks", "hold talks", "held talks", "holds talks", "holding talks"):
        after = text[trigger.span.end : trigger.span.end + 60]
        with_person = re.match(r"^\s+with\s+(?:(?:the|his|her|their|its)\s+)?(?:[\w.’'-]+\s+){0,5}?$", text[trigger.span.end : next((m.span.start for m in people if m.span.start >= trigger.span.end), trigger.span.end)] + " ")
        with_person = with_person or re.match(r"^\s+with\s+(?:him|her|them)\b", after)
        if not _TOPIC_TALKS.search(before) and not _GROUP_AFTER.match(after) and with_person and len(participants) >= 1:
            return "meeting"  # "talks with President X" (not "talks with the Soviet Union": delegations negotiate)
        if re.match(r"(?i)^\s+between\s+(?:the\s+two\s+leaders|\w+\s+and\s+\w+\b)", after) and not _TOPIC_TALKS.search(before) and len(participants) == 2 and not any(_is_country_code(p) for p in participants):
            return "meeting"  # "talks between Biden and Xi" (not "talks between France and Iran": delegations negotiate)
    if trigger.type == "meeting" and form.startswith("summit") and len(participants) < 2 and not trigger.verb:
        return "summit"  # "the economic summit meeting in Venice": the gathering
    if trigger.type == "summit" and re.match(r"^\s+with\s+(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z]", text[trigger.span.end : trigger.span.end + 60]) and any(m.span.start >= trigger.span.end and m.span.start - trigger.span.end <= 40 for m in people):
        return "meeting"  # "a summit with Biden": two leaders' meeting
    if trigger.type == "summit" and len(participants) == 2 and not any(_is_country_code(p) for p in participants) and (
        _NAME_PAIR.search(text, max(0, trigger.span.start - 40), trigger.span.start) or re.search(r"\b(?:White House|Kremlin|Elysee|Élysée|Downing Street)\s+$", text[max(0, trigger.span.start - 25) : trigger.span.start])
    ):
        return "meeting"  # "the Reagan-Gorbachev summit", "agreed … at a White House summit": two leaders' meeting
    if trigger.type == "summit":
        between = re.match(r"^\s+(?:(?:in|at|on|next|this|later|early|in\s+early|in\s+late)\s+[\w.’'-]+\s+(?:[\w.’'-]+\s+)?){0,2}between\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,5}?(?:and|&)\s+", text[trigger.span.end : trigger.span.end + 130])
        if between and not forums.search(text[trigger.span.start - 30 : trigger.span.start]):
            return "meeting"  # "a summit between Trump and Xi" is their meeting
    if trigger.type == "meeting" and form in ("meeting", "meetings"):
        after = text[trigger.span.end : trigger.span.end + 80]
        if re.match(r"^\s+of\s+(?:the\s+)?(?:[\w()’'.-]+\s+){0,8}(?:ministers|leaders|heads|officials|members|governors|democracies|nations|powers|economies)\b", after) or forums.search(before[-25:]):
            return "summit"
        forum_after = re.match(r"^\s+of\s+(?:the\s+)?", after)
        if forum_after and forums.match(after, forum_after.end()):
            return "summit"  # "a meeting of the Group of Five"
        if re.match(r"^\s+of\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:conference|assembly|alliance)\b", after):
            return "summit"  # "the next ordinary meeting of the conference"
    if trigger.type == "talks" and form == "talks" and not trigger.verb:
        forum_after = re.match(r"^\s+(?:of|among)\s+(?:the\s+)?", text[trigger.span.end : trigger.span.end + 20])
        if forum_after and forums.match(text, trigger.span.end + forum_after.end()):
            return "summit"  # "full-blown talks of the Group of Five": the forum's gathering
    return trigger.type


_NATION_PAIR = re.compile(r"(?<![\w.])([A-Z][\w.’'-]*?)\s*[/–-]\s*([A-Z][\w.’']*)\s+(?:(?:superpower|bilateral|leaders['’]?|two-day|three-day)\s+)?$")


def _nation_pair(text: str, start: int, end: int, kb: Knowledge) -> list[str]:
    """The two countries of "the U.S./Soviet summit", "a Sino-Soviet summit"
    (adjectives or names joined by a slash or hyphen just before the noun)."""
    m = _NATION_PAIR.search(text, start, end)
    if not m:
        return []
    codes = []
    for word in m.groups():
        place = kb.places.get(word)
        code = kb.adjectives.get(word) or (place.country if place is not None and place.kind == "country" else None)
        if not code:
            return []
        codes.append(code)
    return codes if codes[0] != codes[1] else []


def _is_country_code(party: str) -> bool:
    """A party named by its country ("FR"), not a person."""
    return len(party) == 2 and party.isupper()


def _bucket(sentences: Sequence[Sentence], items: Sequence) -> dict[int, list]:
    """Items (mentions or times) by the start of the sentence holding them."""
    import bisect

    starts = [s.span.start for s in sentences]
    out: dict[int, list] = {}
    for item in items:
        i = bisect.bisect_right(starts, item.span.start) - 1
        if i >= 0 and sentences[i].span.contains(item.span):
            out.setdefault(starts[i], []).append(item)
    return out


def dateline_place(article: Article, kb: Knowledge) -> str | None:
    """The city a story was filed from ("CARACAS, March 11" → Caracas)."""
    if not article.dateline:
        return None
    head = re.sub(r"[^A-Za-z .'’-]", "", article.dateline.split(",")[0]).strip()
    for form in (head, head.title(), " ".join(w.capitalize() for w in head.split())):
        place = kb.places.get(form)
        if place:
            return form if place.kind == "city" else place.name
    return head.title() if head else None


def extract_events(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    kb: Knowledge,
    undated_by_days: int = 0,
) -> tuple[Event, ...]:
    """Every engagement the article reports, one event each.

    ``undated_by_days``: for an article read as of an estimated day, how many
    days the estimate spans (the calendar of gatherings then places nothing:
    which edition is meant depends on a date we do not know)."""
    text = article.text
    tables = _tables(kb)
    published = article.published_date
    people = [m for m in mentions if m.kind == "person"]
    places = [m for m in mentions if m.kind in ("place", "country")]
    orgs = [m for m in mentions if m.kind == "org"]
    here = dateline_place(article, kb)
    nationality = {m.canonical: m.country for m in people if m.country}
    for name in {m.canonical for m in people} - set(nationality):
        person = kb.person_by_name.get(name)
        if person is not None and person.country:
            nationality[name] = person.country
    leaders = _article_leaders(people, kb, published)
    # each sentence's mentions and times, bucketed once (a long story stays linear)
    people_at = _bucket(sentences, people)
    places_at = _bucket(sentences, places)
    orgs_at = _bucket(sentences, orgs)
    times_at = _bucket(sentences, times)
    starts = [s.span.start for s in sentences]

    def places_near(span: Span) -> list[Mention]:
        """This sentence's places and the previous one's (for "which he visited")."""
        i = starts.index(span.start)
        return places_at.get(starts[i - 1], []) + places_at.get(span.start, []) if i else places_at.get(span.start, [])
    drafts: list[_Draft] = []
    topic: str | None = None
    last_speaker: str | None = None
    """The person who last "said" something: the "I" of a quote that "he said" closes."""
    salience: dict[str, int] = {}
    recent_window: list[list[str]] = []
    previous_drafts: list[_Draft] = []
    for sentence in sentences:
        if sentence.furniture:
            continue
        span = sentence.span
        sentence_people = [m for m in people_at.get(span.start, ()) if not _is_modifier(text, m)]
        sentence_places = places_at.get(span.start, [])
        sentence_orgs = orgs_at.get(span.start, [])
        sentence_times = times_at.get(span.start, [])
        triggers = find_triggers(text, span, kb)
        triggers = [
            t for n, t in enumerate(triggers)
            if not (t.form == "is in" and _place_of_something_else(text, t, triggers[n - 1] if n > 0 else None, sentence_people, sentence_orgs))
        ]  # "the talks will be in Washington", "expected Tesla to be in India": nobody travels
        this_sentence: list[_Draft] = []
        for n, trigger in enumerate(triggers):
            clause = _clause(text, span, trigger.span, tables.clause_break)
            if n > 0 and trigger.type == "talks" and trigger.verb and (
                (not triggers[n - 1].verb and re.fullmatch(r"\s+(?:(?:would|will|was|is)\s+be\s+)?to\s+", text[triggers[n - 1].span.end : trigger.span.start]))
                or (triggers[n - 1].verb and re.fullmatch(r"[^.;:,]{0,100}?\s(?:on\s+\w+\s+)?to\s+", text[triggers[n - 1].span.end : trigger.span.start]))
            ):
                continue  # "a tour to discuss the debt", "will meet Chun on Monday to discuss trade": the purpose of the engagement before it
            forums_meeting = tables.forums.search(text, max(span.start, trigger.span.start - 45), trigger.span.start) or re.match(
                r"(?:,[^,;]{1,40},)?\s+with\s+(?:(?:the|his|her)\s+)?[A-Z]", text[trigger.span.end : trigger.span.end + 60]
            )  # "an ICO executive board meeting", "his annual meeting, on April 5-6 in Ottawa, with Prime Minister Mulroney": no company's
            blocked = any(
                not (forums_meeting and re.fullmatch(r"(?i)(?:board|annual|special)\s+meeting", b.group(0)))
                for b in tables.blockers_any.finditer(text[max(clause.start, trigger.span.start - 15) : trigger.span.end + 15])
            )
            if blocked or _DOMESTIC_PARTY.match(text, trigger.span.end):
                continue
            if not trigger.verb and _ABSENT_FROM.search(text, max(span.start, trigger.span.start - 60), trigger.span.start):
                continue  # "Funaro, who was not present at yesterday's meeting": told for who was missing
            if _business(text, span, trigger):
                continue  # "Suzuki Motor Co Ltd <SZMT.T> is negotiating a joint venture with Hungary": business, not diplomacy
            following = [t for t in triggers[n + 1 :] if not (t.form == "visiting" and re.search(r"\b(?:the|a|an)\s+$", text[max(span.start, t.span.start - 5) : t.span.start]))]
            next_start = following[0].span.start if following else None  # ("talks with the visiting Polish leader Jaruzelski": he is the talks' other party too)
            sentence_topic = None if _OPENS_WITH_PRONOUN.match(text, span.start) else next(
                (m.canonical for m in sentence_people if m.span.end <= trigger.span.start and not _is_speaker(text, m, span)), None
            )  # "He held talks with Sarney …": he is the story's topic, not Sarney
            previous = None
            link = text[triggers[n - 1].span.end : trigger.span.start] if n > 0 else ""
            which = re.search(r",\s+which\b", link) and not re.search(r"\b(?:said|stated|says|told|that|who)\b", link)
            condition = _CONDITIONAL_OPENER.match(text, span.start, trigger.span.start)
            if condition and triggers[n - 1].span.end <= condition.end() if n > 0 else False:
                link = link + " that"  # "If the talks go well, Museveni is likely to meet Moi": the condition's engagement shares no parties
            if n > 0 and this_sentence and this_sentence[-1].trigger == triggers[n - 1].span and (which or not re.search(r"\b(?:said|stated|says|say|told|that|which|who|whom|whose)\b", link)):
                prior = this_sentence[-1]
                prior_end = _object_end(text, span, triggers[n - 1].span, trigger.span.start)
                prior_objects = [m.canonical for m in sentence_people if triggers[n - 1].span.end <= m.span.start and m.span.end <= prior_end]
                previous = (triggers[n - 1].span.end, _subjects_of(text, span, sentence_people, triggers[n - 1], list(prior.participants)), prior_objects)
            participants = _participants(text, span, sentence_people, trigger, next_start, sentence_topic or topic, previous)
            if trigger.verb and len(participants) == 1 and _WHEN_THEY.search(text, max(span.start, trigger.span.start - 40), trigger.span.start):
                first = next((m.canonical for m in sentence_people if m.span.end <= trigger.span.start and m.canonical not in participants), None)
                if first is not None:  # "Trump said he would sign an agreement with Zelenskyy when they meet": the two of them
                    participants = [first, *participants]
            visiting_group = _VISITING_GROUP.match(text, trigger.span.end) if trigger.form == "visiting" and re.search(r"\b(?:the|a|an)\s+$", text[max(span.start, trigger.span.start - 6) : trigger.span.start]) else None
            if visiting_group:  # "telling a visiting Nicaraguan delegation yesterday": the delegation's country visits
                nation = next((m.country for m in sentence_places if m.span.start == visiting_group.start(1) and m.country), None)
                led = re.match(r"\s+(?:headed|led)\s+by\s+", text[visiting_group.end() : visiting_group.end() + 20])
                heads = [m.canonical for m in sentence_people if led and 0 <= m.span.start - (visiting_group.end() + led.end()) <= 40]
                participants = ([nation] if nation else []) + heads[:1]
            sent_mission = trigger.form.startswith("mission") and bool(_SENDS.search(text, max(span.start, trigger.span.start - 60), trigger.span.start))
            if sent_mission or (trigger.form.startswith("mission") and re.search(r"\b(?:A|An|a|an|the|The)\s+(?:[a-z-]+\s+)?[A-Z][\w.-]+\s+(?:[a-z-]+\s+){0,2}$", text[max(span.start, trigger.span.start - 40) : trigger.span.start])):
                participants = []  # "plans to send a mission", "an Iranian trade mission": the sender's, not the speaker's: the country below, if any
            if not participants and trigger.type == "visit":
                # "A Japanese trade delegation will visit Washington" (the subject), "a recent trip to Japan by senior Nigerian officials" (the agent)
                if trigger.verb:
                    start = max(span.start, trigger.span.start - 60)
                    group = _COUNTRY_GROUP_SUBJECT.search(text[start : trigger.span.start])
                elif trigger.form.startswith("mission"):  # "Japan will send a trade mission to the United States", "a Japanese mission to Brazil"
                    start = max(span.start, trigger.span.start - 60)
                    group = _MISSION_SENDER.search(text[start : trigger.span.start])
                else:
                    start = trigger.span.end
                    group = _BY_COUNTRY_GROUP.match(text[start : min(span.end, start + 90)])
                at = [start + group.start(k) for k in range(1, (group.re.groups if group else 0) + 1) if group.start(k) >= 0] if group else []
                nation = next((m.country for m in sentence_places if m.span.start in at and m.country), None)
                if nation:
                    participants = [nation]
                else:
                    participants = _mission_of_bodies(text, span, trigger, sentence_orgs, kb)  # "IMF and World Bank teams have visited Warsaw"
            pair = _NAME_PAIR.search(text, max(span.start, trigger.span.start - 40), trigger.span.start)
            if pair:  # "the earlier Reagan-Gorbachev summit", "the Biden-Xi meeting": both are parties
                named = [_by_surname(word, people, kb, published) for word in pair.groups()]
                if all(named):
                    participants = list(dict.fromkeys([*named, *participants]))
            if trigger.type == "call" and len(participants) == 1:
                caller = next((m for m in sentence_people if m.canonical == participants[0] and m.span.end <= trigger.span.start and _SPEAKER_AFTER.match(text[m.span.end : trigger.span.start])), None)
                teller = next((m.canonical for m in sentence_people if caller is not None and m.span.end <= caller.span.start and m.canonical not in participants and _is_speaker(text, m, span)), None)
                if teller is not None:  # "Reagan said Takeshita said in a telephone conversation …": the two spoke
                    participants = [*participants, teller]
            subject_text = text[_subject_start(text, span, trigger.span) : trigger.span.start]
            quoted = _inside_quote(text, span, trigger.span.start)
            first_person = trigger.verb and quoted and bool(_I_AM_TO.search(text, max(span.start, trigger.span.start - 40), trigger.span.start))
            if quoted and (first_person or re.search(r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}$", text[max(span.start, trigger.span.start - 30) : trigger.span.start])):
                speaker = next((m.canonical for m in sentence_people if _is_speaker(text, m, span)), None)
                if speaker is None and re.search(r"(?i)\b(?:he|she)\s+(?:said|added|told)\b", text[span.start : span.end]):
                    speaker = last_speaker or topic
                if speaker and speaker not in participants:
                    participants = [*participants, speaker]  # '"left my meeting today", Clark said': the speaker took part
            fronted = _FRONTED_PARTICIPLE.match(text, span.start) or _SPOKE_AFTER.match(text, span.start)
            if fronted and trigger.span.end <= fronted.end() and (topic or last_speaker) and not trigger.verb:
                who = topic or last_speaker  # "Speaking to reporters after talks with President Suharto, he said …": he was at the talks
                if who not in participants:
                    participants = [who, *participants]
            if trigger.form == "is here":  # "Abe, who was here paving the way for the visit of Nakasone": only the one who is here
                participants = [p for p in participants if any(m.canonical == p and m.span.end <= trigger.span.start for m in sentence_people)]
            if trigger.weak and not first_person and not (participants and all(_is_country_code(p) for p in participants) and trigger.type == "visit") and not any(m.span.end <= trigger.span.start for m in sentence_people if m.canonical in participants) and not _PRONOUN.search(subject_text):
                participants = [p for p in participants if False]
            if participants and trigger.type in ("meeting", "talks", "call") and not trigger.weak:
                side = _UNNAMED_SIDE.match(text, trigger.span.end, min(span.end, trigger.span.end + 110)) or (
                    _UNNAMED_OBJECT.match(text, trigger.span.end, min(span.end, trigger.span.end + 80)) if trigger.verb and trigger.type == "meeting" else None
                )  # ("has met top Chinese leaders")
                code = _land_code(kb, side.group("land")) if side else None
                if code and not any(trigger.span.end <= m.span.start <= side.end() + 3 for m in sentence_people) and code not in participants and all(nationality.get(p) != code for p in participants):
                    participants = [*participants, code]  # "held talks with the president of the Peruvian central bank": Peru's side, unnamed
            orphan = False
            referent: _Draft | None = None
            heading = sentence_is_heading(text, span)
            group_region = text[_subject_start(text, span, trigger.span) : min(span.end, next_start or span.end)]
            if len(leaders) == 2 and _GROUP_REFERENCE.search(group_region) and not any(m.canonical in participants for m in sentence_people if m.span.end <= trigger.span.start and m.span.start >= _subject_start(text, span, trigger.span)):
                participants = list(leaders)
            elif len(leaders) == 2 and set(participants) < set(leaders) and _GROUP_REFERENCE.search(text, max(span.start, trigger.span.start - 75), trigger.span.start):
                participants = list(leaders)  # "Modi was welcomed on the South Lawn before the two leaders held talks": both of them
            elif not participants and _PAIR_REFERENCE.search(text, _subject_start(text, span, trigger.span), trigger.span.start):
                # "He met President Ferro on Tuesday. The two leaders agreed to meet again in June": the pair just reported
                pair = next((d for d in reversed(drafts + this_sentence) if 0 <= span.start - d.sentence.end <= 600 and len([p for p in d.participants if not _is_country_code(p)]) == 2), None)
                if pair is not None:
                    participants = [p for p in pair.participants if not _is_country_code(p)]
                elif recent_window and len(set(recent_window[-1])) == 2:
                    participants = list(dict.fromkeys(recent_window[-1]))  # "Singh told his counterpart Wei … The two Ministers met in Moscow": the two just named
            resolved_pair = False
            two = _TWO_COUNTRIES.search(text, _subject_start(text, span, trigger.span), min(span.end, trigger.span.end + 40)) if not participants and trigger.type in ("talks", "meeting", "call") and not trigger.form.startswith("discuss") else None
            if two and (two.group("sides") or two.group("both_sides")) and _NOT_NATIONS.search(text, max(0, span.start - 300), span.end):
                two = None
            if two:
                pair = _last_two_countries(places, trigger.span.start, text)
                if pair:  # "officials from the two countries held their semi-annual grain talks": the two the story named
                    participants = pair
                    resolved_pair = True
            if not participants:
                earlier = [m.canonical for m in sentence_people if m.span.end <= trigger.span.start]
                if re.search(r"\b(?:his|her)\b[^.]{0,30}$", text[span.start : trigger.span.start]) and earlier:
                    participants = [earlier[-1]]
                elif not trigger.verb and recent_window and recent_window[-1] and re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", text[max(span.start, trigger.span.start - 30) : trigger.span.start]):
                    participants = [recent_window[-1][-1]]  # "…Labour leader Neil Kinnock. It showed his popularity slumped after his trip": the last one named
            elif (topic or last_speaker) and not trigger.verb and re.search(r"\b(?:[Hh]is|[Hh]er)\s+(?:[\w-]+\s+){0,2}$", text[max(span.start, trigger.span.start - 30) : trigger.span.start]) and not any(
                m.span.end <= trigger.span.start and m.canonical in participants for m in sentence_people
            ):
                owner = topic if topic and topic not in participants else None
                subject = next((m for m in sentence_people if m.span.end <= trigger.span.start and not _is_modifier(text, m)), None)
                if subject is not None and subject.canonical not in participants and (owner is None or re.match(r"\s+(?:told|said|says|added|explained|insisted)\b", text[subject.span.end : subject.span.end + 12])):
                    owner = subject.canonical  # "Stoltenberg told the DIHT that his meeting on Monday with Baker had resolved differences": the teller's own
                sides = {nationality.get(p, p) for p in participants}
                if owner is not None and len(sides) == 1 and nationality.get(owner) in sides and recent_window:
                    # "Reagan will seek $2.5 billion … a gesture in advance of his annual meeting with Prime Minister Mulroney":
                    # not the Canadian the story is about but the foreigner just named
                    owner = next((p for p in recent_window[-1] if p not in participants and nationality.get(p) not in (None, *sides)), owner)
                if owner is not None:  # "In his talks with Japanese Defence Minister Kurihara, he said": his is the story's man
                    participants = [owner, *participants]
            if len(participants) == 1 and topic and topic not in participants and re.search(r"\btheir\s+(?:[\w-]+\s+){0,2}$", text[max(span.start, trigger.span.start - 25) : trigger.span.start]) and _SUBJECT_PRONOUN.search(text, span.start, trigger.span.start):
                participants = [topic, *participants]  # "the formula he agreed upon with Gorbachev at their summit": he and Gorbachev
            if not participants:
                same = [d for d in previous_drafts if d.type == trigger.type and d.participants and (not d.orphan or d.heading)]
                if same and not trigger.verb and re.search(r"(?i)\b(?:a|the|that|this|such)\s+$", text[clause.start : trigger.span.start]):
                    # "the visit": the one of the story's most talked-about people
                    referent = max(same, key=lambda d: (max((salience.get(p, 0) for p in d.participants), default=0), same.index(d)))
                    participants = list(referent.participants)
            if not trigger.verb and trigger.type in ("talks", "meeting") and (
                re.search(r"\bat\s+(?:a|an|the|this|that|its|their)\s+(?:[\w.-]+\s+){0,4}$", text[max(clause.start, trigger.span.start - 60) : trigger.span.start])
                or re.search(r"\b(?:discussed|discusses|raised|raises|explained|outlined|presented|reviewed)\b[^.;]{0,80}\bin\s+(?:[\w.-]+\s+){0,2}$", text[max(clause.start, trigger.span.start - 100) : trigger.span.start])
            ):  # ("Balladur discussed the need to control spending in talks here today with Lawson")
                doer = _main_subject(text, span, sentence_people, trigger.span.start, trigger.span)
                if doer is not None and doer.canonical not in participants and doer.span.start >= clause.start:
                    participants = [doer.canonical, *participants]  # "Peres discussed the Middle East with Soviet officials at a committee meeting here": he was there
            if participants and trigger.type in ("talks", "meeting") and (
                re.match(r"\s+with\s+", text[trigger.span.end : trigger.span.end + 7]) or trigger.verb and _COUNTERPART_OBJECT.match(text, trigger.span.end)
            ):  # ("would meet their Chinese counterparts")
                cut = _OBJECT_ENDS.search(text, trigger.span.end + 6, min(clause.end, trigger.span.end + 80))
                reach = Span(trigger.span.end, cut.start() if cut else min(clause.end, trigger.span.end + 80))
                if not any(reach.contains(m.span) for m in sentence_people):
                    # "Carney told reporters after talks with the U.S., Japanese and EC": a named side and the countries it met
                    own = {nationality.get(p) for p in participants}
                    sides = [
                        kb.country_on(m.country, published) for m in sentence_places
                        if reach.contains(m.span) and m.kind == "country" and m.country and not re.match(r"['’]s?\b", text[m.span.end : m.span.end + 2])
                    ]
                    participants = [*participants, *dict.fromkeys(c for c in sides if c and c not in participants and c not in own)]
            visit = next((d for d in reversed(this_sentence) if d.type == "visit" and d.participants and d.location), None) if not participants and not trigger.verb and trigger.type in ("talks", "meeting") and not (
                re.match(r"\s+of\s", text[trigger.span.end : trigger.span.end + 4]) and tables.forums.search(text, trigger.span.end, min(span.end, trigger.span.end + 50))
            ) else None  # (not "for meetings of the Interim Committee": the gathering, below)
            if visit is not None and (
                visit is this_sentence[-1] and _VISIT_FOR_TALKS.fullmatch(text, visit.trigger.end, trigger.span.start)
                or this_sentence[-1].type == "summit" and _FOR_GATHERING.fullmatch(text, visit.trigger.end, this_sentence[-1].trigger.start)
                and re.fullmatch(r"\s+and\s+(?:also\s+)?for\s+(?:[\w-]+\s+)?", text[this_sentence[-1].trigger.end : trigger.span.start])
            ):  # ("will leave for Washington to attend the Interim Committee meeting and for talks with U.S. officials")
                own = {nationality.get(p, p) for p in visit.participants}
                if not re.match(r"\s+with\b", text[trigger.span.end : trigger.span.end + 6]):
                    host = _country_of_place(kb, visit.location, published)
                    participants = [*visit.participants, *([host] if host and host not in own else [])]  # "the Canadian team will return to Cairo for further negotiations": with Egypt
                else:  # "for talks with U.S. officials" (not "for talks with investors": no side of ours)
                    side = _UNNAMED_SIDE.match(text, trigger.span.end, min(span.end, trigger.span.end + 110)) or _WITH_A_COUNTRY.match(text, trigger.span.end, span.end)
                    code = _land_code(kb, side.group("land")) if side else None
                    if code and code not in own and not any(trigger.span.end <= m.span.start <= side.end() for m in sentence_people):
                        participants = [*visit.participants, code]
            retinue_of: str | None = None
            lender_talks = trigger.type == "talks" and _WITH_LENDER.match(text, trigger.span.end) is not None
            if not participants and (not trigger.weak or lender_talks) and trigger.type in ("talks", "meeting"):  # ("recent discussions with the Paris Club")
                wide = Span(min(clause.start, max(span.start, _subject_start(text, span, trigger.span))), clause.end)
                participants = _country_parties(text, wide, trigger, sentence_places, kb, sentence_orgs, published)
                if not participants:
                    leader = next((m.canonical for m in sentence_people if m.span.end <= trigger.span.start and not _is_speaker(text, m, span)), None)
                    participants = _counterpart_parties(text, span, clause, trigger, sentence_places, kb, nationality.get(leader) if leader else None)
                    if participants and leader is not None and _RETINUE_WHO.search(text, span.start, trigger.span.start):
                        retinue_of = leader  # the retinue's own talks, not the leader's: on the leader's trip
                if not participants and trigger.form == "accord":
                    # "Yugoslavia has reached an agreement with Western creditors", "Mexico signed a rescheduling accord … debts to Britain"
                    reach = _ACCORD_PARTY_AFTER.match(text, trigger.span.end, span.end)
                    sides = [
                        kb.country_on(m.country, published) for m in sentence_places
                        if m.kind == "country" and m.country and (wide.start <= m.span.start < trigger.span.start or reach and trigger.span.end <= m.span.start < reach.end())
                        and not re.match(r"['’]s?\b", text[m.span.end : m.span.end + 2])
                    ]
                    participants = list(dict.fromkeys(c for c in sides if c))
                orphan = retinue_of is None
            forum_talks = (
                not participants and trigger.type == "talks" and _MINISTERS_CARRY_ON.search(text, max(span.start, trigger.span.start - 60), trigger.span.start) is not None
                and (tables.forums.search(text, max(span.start, trigger.span.start - 80), trigger.span.start) is not None or (
                    re.search(r"(?i)\bthe\s+(?:\w+\s+)?ministers\s+", text[max(span.start, trigger.span.start - 60) : trigger.span.start]) is not None
                    and tables.forums.search(text, max(0, span.start - 300), span.start) is not None
                ))
            ) or (
                not participants and trigger.type == "talks" and not trigger.verb
                and tables.forum_modifier.search(text, max(span.start, trigger.span.start - 60), trigger.span.start) is not None
            )  # "EC farm ministers resume discussions in Luxembourg tomorrow", "… The ministers will resume talks at 10.00", "ICO quota talks broke down": the forum's own session
            states_gather = trigger.form == "conference" and _STATES_GATHER.match(text, trigger.span.end, clause.end) is not None
            if trigger.weak and not participants and not states_gather and not (trigger.type in ("summit", "meeting") and (
                tables.forums.search(text, max(span.start, trigger.span.start - 30), trigger.span.start)
                or _forum_session(text, span, trigger, tables)
            )) and not forum_talks:  # "OPEC may be forced to meet before a scheduled June session": the forum's own session
                continue  # (but "the OPEC conference here" is the gathering itself)
            if re.match(r"(?:spok|speak)\w*\s+(?:to|with)$", trigger.form) and not any(
                0 <= m.span.start - trigger.span.end <= 40 and re.fullmatch(r"\s+(?:(?:the\s+)?[A-Z][\w.’'-]*\s+){0,4}", text[trigger.span.end : m.span.start] + " ")
                for m in sentence_people
            ):
                continue  # "spoke to reporters", "speak to the issue": only speaking with a named person is a call
            if re.match(r"host", trigger.form) and re.match(r"\s+(?:the\s+|a\s+|an\s+|this\s+year['’]s\s+|next\s+year['’]s\s+)?(?:[\w'’.-]+\s+){0,4}(?:summit|conference|meeting|gathering|talks)\b", text[trigger.span.end : trigger.span.end + 70]):
                continue  # "Carney will host the G7 leaders' summit": the summit is the event, its host a party of it
            received_by = _received_by(text, trigger, sentence_people)
            if re.match(r"receiv", trigger.form) and not received_by and not any(
                0 <= m.span.start - trigger.span.end <= 45 and re.fullmatch(r"\s+(?:(?:the|a|an|visiting|his|her|their)\s+)?(?:(?:[A-Z][\w.’'-]*|of|for|and|[a-z]+-level|delegation|delegations|envoy|envoys|team)\s+){0,6}", text[trigger.span.end : m.span.start] + " ")
                for m in sentence_people
            ):
                continue  # "the amount they receive toward the levy", "received bipartisan support from Sen. X": receiving a person is a meeting, receiving money or support is not
            if trigger.form == "met" and re.search(r"\b(?:be|been|being)\s+$", text[max(span.start, trigger.span.start - 10) : trigger.span.start]) and re.search(r"(?i)\b(?:targets?|goals?|deadlines?|demands?|needs|requirements?|conditions?|criteria|obligations?|quotas?|commitments?)\b", text[max(span.start, trigger.span.start - 60) : trigger.span.start]):
                continue  # "the deficit reduction targets will be met": a target reached
            if trigger.form.startswith("welcom") and not received_by and not any(0 <= m.span.start - trigger.span.end <= 45 and re.fullmatch(r"\s+(?:(?:the\s+)?(?:visiting\s+)?[A-Z][\w.’'-]*\s+){0,5}", text[trigger.span.end : m.span.start] + " ") and not re.match(r"[’']s\b", text[m.span.end : m.span.end + 2]) for m in sentence_people):
                continue  # "welcomed the decision", "welcomed President Reagan's firm action": only welcoming a person is a meeting
            if trigger.form.startswith("discuss") and len(participants) < 2 and not forum_talks and not re.search(r"(?i)\bwith\b", text[trigger.span.end : min(clause.end, trigger.span.end + 80)]):
                continue  # "Nakasone would discuss the Venice summit": a topic, not talks with anyone
            if sent_mission and any(not _is_country_code(p) for p in participants):
                continue  # "his agency plans to send a mission to Brazil": no party of ours travels
            event_type = _refine_type(text, trigger, participants, tables.forums, clause, sentence_people)
            if event_type == "summit" and trigger.form in ("conference", "gathering", "session", "sessions", "session of", "ministerial") and not (
                tables.forums.search(text, clause.start, clause.end)
                or _forum_session(text, span, trigger, tables)
                or re.search(r"(?i)\b(?:ministers?|leaders|heads of (?:state|government)|delegates|delegations|nations|countries|states|governments)\b", text[clause.start : clause.end])
            ):
                continue  # "a press conference", "an engineering conference": no diplomacy
            if event_type in ("summit", "meeting", "talks") and not trigger.verb:
                participants = [*participants, *(p for p in _hosts_and_attendees(text, span, trigger, sentence_people) if p not in participants)]
            forum_subject = _FORUM_TO_MEET.search(text, max(span.start, trigger.span.start - 60), trigger.span.start) if trigger.verb and trigger.type == "meeting" else None
            if forum_subject and tables.forums.fullmatch(forum_subject.group(1)):
                event_type, participants, orphan = "summit", [], False  # "expects OPEC to meet before June": the forum gathers; the analyst only expects it
            if not participants and event_type == "meeting" and (tables.forums.search(text, clause.start, trigger.span.start) or _forum_session(text, span, trigger, tables)):
                event_type = "summit"  # "Deputy Finance Ministers from the Group of 10 met here"
            if event_type == "summit" and not trigger.verb:
                nations = _nation_pair(text, max(span.start, trigger.span.start - 40), trigger.span.start, kb)
                if nations:  # "the U.S./Soviet summit": two countries' leaders meet
                    event_type = "meeting"
                    participants = list(dict.fromkeys([*(p for p in participants if not _is_country_code(p)), *nations]))
                    orphan = False
            ministers_gather = False
            if not participants and (
                trigger.type == "meeting" and event_type in ("meeting", "summit") and _MINISTERS_GATHER.search(text, max(span.start, clause.start - 200), trigger.span.start)
                or forum_talks
            ):
                event_type = "summit"  # "Farm ministers will meet again on November 16": the bloc's ministers gather
                orphan = False
                ministers_gather = True
            if not participants and event_type != "summit":
                if re.search(r"(?i)\b(?:negotiators|delegations?|officials|ministers|sides)\b", subject_text) or re.search(r"(?i)\bthe\s+(?:[\w-]+\s+){0,2}$", text[clause.start : trigger.span.start]):
                    orphan = True  # "the trade talks", "negotiators met": kept to merge into a named event
                else:
                    continue
            own_end = clause.end
            if next_start is not None and not triggers[n + 1].verb and _NEW_ENGAGEMENT.search(text, max(span.start, next_start - 40), next_start):
                own_end = next_start  # "X's trip follows several visits to Y": what comes after is the other engagement's
            near = [
                t for t in sentence_times
                if clause.contains(t.span) and not re.match(r"(?i)(since|until|by)\b", t.text) and t.span.end <= max(own_end, trigger.span.end)
                and not (t.span.start >= trigger.span.end and _RELATIVE_VERB.search(text, trigger.span.end, t.span.start) and not _SCHEDULED_FOR.fullmatch(text, trigger.span.end, t.span.start))
                and not (t.span.start >= trigger.span.end and re.search(r"\bsince\s", text[trigger.span.end : t.span.start]))  # "to visit Japan since Reagan announced last week"
                and not _names_something_else(text, t)  # "the February agreement"
            ]
            hint: tuple[date, date] | None = None
            if near:
                closest = min(near, key=lambda t: abs(t.span.start - trigger.span.end))
                if closest.past == closest.future or closest.future is None or closest.past is None:
                    hint = closest.past or closest.future
                elif _STARTS_AHEAD.match(text, trigger.span.end):
                    hint = closest.future  # "the four-day visit of President X, which starts on Friday": the coming Friday
                elif re.search(r"\b(?:meets|visits|travels|leaves|flies|heads|arrives|begins|starts|opens|goes|tours|sets\s+out|sets\s+off|departs|embarks)\b", text[max(clause.start, trigger.span.start - 40) : trigger.span.end]) or _PLURAL_MEET.search(text, max(clause.start, trigger.span.start - 40), trigger.span.end):
                    hint = closest.future  # (and "APEC leaders formally meet on Thursday and Friday": scheduled, in the present)
                elif published and not re.match(r"(?i)(?:on\s+|this\s+|next\s+|last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day", closest.text):
                    nearest = closest.window("nearest", published)
                    if nearest and nearest[0] > published and not _has_cue(text, clause, trigger, tables) and not (trigger.verb and _PAST_VERB.match(text[trigger.span.start : trigger.span.end])):
                        hint = nearest  # "an April summit" read in March, with nothing else to go by, is next month
            status = _status(text, clause, trigger, tables, hint, published)
            if status is None:
                continue
            if referent is not None and not _has_cue(text, clause, trigger, tables) and not (trigger.verb and _PAST_VERB.match(text[trigger.span.start : trigger.span.end])):
                status = referent.status  # "the meeting": as the meeting it refers to
            elif status == "occurred" and hint is None and this_sentence and not (trigger.verb and _PAST_VERB.match(text[trigger.span.start : trigger.span.end])) and not _has_cue(text, clause, trigger, tables):
                status = this_sentence[-1].status  # "…expected to meet X before travelling to Y": one governing verb
            if (
                trigger.verb and this_sentence and this_sentence[-1].status in ("planned", "proposed") and status != this_sentence[-1].status
                and _BARE_VERB.match(trigger.form) and not _PAST_VERB.match(trigger.form) and _COORDINATED.search(text[this_sentence[-1].trigger.end : trigger.span.start])
            ):
                status = this_sentence[-1].status  # "will hold talks with X and meet Y": the modal governs both verbs
            purpose_of: _Draft | None = None
            if status == "occurred" and not trigger.verb and trigger.type in ("talks", "meeting") and this_sentence and this_sentence[-1].type == "visit":
                trip = this_sentence[-1]
                if _SETTING_OUT.match(text[trip.trigger.start : trip.trigger.end]) and _VISIT_FOR_TALKS.fullmatch(text, trip.trigger.end, trigger.span.start):
                    status, purpose_of = "planned", trip  # "arrived in Algiers at the head of a large delegation for talks": the talks are ahead
            opener = _CONDITIONAL_OPENER.match(text, span.start, trigger.span.start)
            if status == "planned" and opener and trigger.span.start >= opener.end():
                status = "proposed"  # "If the talks prove successful, the team will hold similar talks in Paris": only if
            if (
                event_type == "visit" and status == "planned" and not trigger.verb and published and re.match(r"\s+here\b", text[trigger.span.end : trigger.span.end + 8])
                and (
                    any((t.past or t.future) and (t.past or t.future)[0] <= published <= (t.future or t.past)[1] for t in near)
                    or not near and any(d.type == "visit" and d.status == "occurred" and set(participants) <= set(d.participants) for d in drafts + this_sentence)
                )
                and not re.search(r"(?i)\b(?:will|next|coming|upcoming|forthcoming|planned|scheduled|due|expected|later)\b", text[max(clause.start, trigger.span.start - 40) : trigger.span.start])
            ):
                status = "occurred"  # "no concessions are expected during Lyng's two-week visit here": he is here now
            if event_type == "summit" and status == "proposed" and published and any(t.future and t.future[0] > published for t in near) and not (
                not trigger.verb and _DOUBTED_AFTER.match(text[trigger.span.end : clause.end])
            ):
                status = "planned"  # a scheduled gathering is planned, whatever is hoped of it
            if not trigger.verb and _ATTENDED_BY.match(text, trigger.span.end) and _DEFINITE_BEFORE.search(text, max(span.start, trigger.span.start - 40), trigger.span.start):
                joined = next((d for d in reversed(drafts + this_sentence) if d.type == trigger.type and d.participants and not d.orphan), None)
                if joined is not None:  # "the meeting, also attended by Poehl": he joins the meeting already reported
                    participants = list(dict.fromkeys([*joined.participants, *participants]))
            if not trigger.verb and _DEFINITE_BEFORE.search(text, max(span.start, trigger.span.start - 40), trigger.span.start) and participants and not _has_cue(text, clause, trigger, tables) and not any(
                clause.start <= t.span.start and t.span.end <= own_end and not (t.span.start >= trigger.span.end and _HARD_BOUNDARY.search(text, trigger.span.end, t.span.start))
                for t in sentence_times
            ):
                # "the visit", "King Fahd's trip" with nothing of its own: the engagement already reported
                earlier = next((d for d in reversed(drafts + this_sentence) if d.type == event_type and set(participants) <= set(d.participants) and not d.orphan), None)
                if earlier is not None:
                    status = earlier.status
            echo = None
            if trigger.verb and participants and _FIRST_TO.search(text, max(span.start, trigger.span.start - 70), trigger.span.start):
                echo = next((d for d in reversed(drafts + this_sentence) if d.type == event_type and set(participants) <= set(d.participants) and not d.orphan), None)
                if echo is not None:  # "He is the first U.S. official to visit Japan since …": the visit already reported
                    status = echo.status
            window = _date(Span(clause.start, max(trigger.span.end, min(clause.end, own_end))), span, trigger, sentence_times, status, text, published, triggers[n - 1].span.end if n and span.contains(triggers[n - 1].span) else -1)
            if trigger.form == "accord" and status == "occurred" and window is not None and published is not None and window.start > published:
                window = None  # "signed an agreement to end Portuguese rule in 1999": the accord's terms, not the signing's day
            if trigger.form == "accord" and (
                window is not None and published is not None and window.end < published - timedelta(days=45)
                or len(participants) < 2 and re.match(r"\s+(?:the|that|this|its)\s", text[trigger.span.end : trigger.span.end + 6]) and not _ACCORD_PARTY_AFTER.match(text, trigger.span.end, span.end)
            ):
                continue  # an old accord told as background ("signed a three-year accord with Taipei last year"), or one already known ("And West Germany reached the accord")
            if echo is not None:
                window = echo.window
            if window is None and not trigger.verb and _DURING_A.search(text, max(span.start, trigger.span.start - 70), trigger.span.start):
                # "Carney told Trump on Tuesday that ..., during a first meeting in the Oval Office": the main clause's day
                asides = _asides(text, span, trigger.span)
                earlier = [
                    t for t in sentence_times
                    if span.start <= t.span.start and t.span.end <= trigger.span.start and not _is_duration(t)
                    and not any(a.contains(t.span) for a in asides) and not _SAYING.search(text, t.span.end, trigger.span.start)
                ]
                if earlier and not any(earlier[-1].span.end <= o.span.start < trigger.span.start for o in triggers if o is not trigger):
                    found = earlier[-1].window(_tense(status), published)
                    window = DateWindow(found[0], found[1], earlier[-1].text, earlier[-1].span) if found else None
            if status == "proposed" and window and published and window.start > published and _PAVE_THE_WAY.search(text, max(span.start, trigger.span.start - 120), trigger.span.start):
                status = "planned"  # "pave the way for the prime minister's visit starting next Wednesday": it is scheduled
                window = _date(Span(clause.start, max(trigger.span.end, min(clause.end, own_end))), span, trigger, sentence_times, status, text, published, triggers[n - 1].span.end if n and span.contains(triggers[n - 1].span) else -1)
            if window and published and status in ("planned", "proposed") and window.end < published - timedelta(days=14) and not re.search(
                r"(?i)\b(?:will|next|expected|scheduled|due|plans?|planned|would|could|may|might|possible)\b", text[max(clause.start, trigger.span.start - 60) : trigger.span.end + 20]
            ):
                status = "occurred"  # "declined to attend the February meeting", read in April
            if window is None and status == "occurred" and published and event_type == "visit" and re.match(r"(?i)arrived\b", trigger.form):
                window = DateWindow(published - timedelta(days=1), published, text[trigger.span.start : trigger.span.end], None)  # a wire story's arrival: that day or the one before
            if window is None and status == "occurred" and published and event_type == "visit":
                now = re.search(r"(?i)\b(?:currently|now|is here|are here|is in|are in)\b", text[max(clause.start, trigger.span.start - 20) : min(clause.end, trigger.span.end + 20)])
                if now:  # "is currently in Damascus": the story's day
                    window = DateWindow(published, published, now.group(0), None)
            local = _BODY_DATELINE.match(text, span.start)
            here_now = (local.group(1).title() if local and local.group(1).title() in kb.places else here)  # "ROME - Peres … at a meeting here": the body's own dateline
            location = _location(text, Span(clause.start, max(trigger.span.end, min(clause.end, own_end))), trigger, places_near(span), article, kb, here_now, triggers[n - 1].span.end if n else 0)
            if visiting_group:
                location = here if re.search(r"\bhere\b", text[span.start : span.end]) else None  # (the radio quoted may speak from elsewhere)
            trip_of_leader = next((d for d in reversed(drafts + this_sentence) if d.type == "visit" and retinue_of in d.participants and d.location), None) if retinue_of else None
            if trip_of_leader is not None:  # "King Fahd will be accompanied by his ministers, who will hold talks with their British counterparts"
                location, window = trip_of_leader.location, window or trip_of_leader.window
            if purpose_of is not None:  # "arrived here last night for talks": the talks are where he arrived, not when
                location = location or purpose_of.location
                window = window if window is None or published is None or window.end >= published else None
            if event_type == "visit" and location is None:
                host = re.search(r"\b([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)?)\s+(?:has\s+|had\s+)?(?:agreed to|welcomed|approved|accepted|hosted|invited)\s+(?:the|his|her|a|this)\s+(?:[\w-]+\s+)?(?:visit|trip)\b", text[span.start : span.end])
                if host and host.group(1) in kb.places:  # "Beijing agreed to the visit": the host
                    location = host.group(1) if kb.places[host.group(1)].kind == "city" else kb.places[host.group(1)].name
            if trigger.form == "is in" and location is None:
                continue  # "is in" is a visit only when a place follows
            if trigger.form.startswith("return") and trigger.form.endswith(" to") and not _returns_abroad(participants, location, nationality, kb, published):
                continue  # "before returning to London", "Baker returned to the United States": going home is no visit
            forum = (
                tables.forums.search(text, max(span.start, trigger.span.start - 70), min(span.end, trigger.span.end + 60))  # (a long name: "the International Coffee Organization executive board meets")
                or (tables.forums.search(text, span.start, trigger.span.start) if _forum_session(text, span, trigger, tables) else None)
            ) if event_type == "summit" else None
            if event_type == "summit" and not participants and not ministers_gather:
                if forum or (location is not None and (trigger.type == "summit" or "summit" in trigger.form)):
                    orphan = False  # "a meeting of the Group of Five", "a summit in Amman on November 8": the gathering itself is the event
                else:
                    # "at the end of a two-day ministerial meeting": a gathering of its own, its members unnamed
                    gathering_noun = states_gather or trigger.type == "summit" and not trigger.weak or trigger.form.startswith("summit") or (
                        trigger.type == "meeting" and not trigger.verb and re.match(r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:conference|assembly|ministers|leaders|presidents|heads|democracies|nations|powers|economies)\b", text[trigger.span.end : trigger.span.end + 70])
                    )  # "the next ordinary meeting of the conference" (not "a meeting of its executive board")
                    gathering = re.search(r"(?i)\bpart(?:y|ies)\b", text[trigger.span.end : min(span.end, trigger.span.end + 60)]) is None and gathering_noun and (
                        window is not None or location is not None or _GATHERING_WORDS.search(text, max(span.start, trigger.span.start - 30), min(span.end, trigger.span.end + 40))
                    )
                    participants = [] if gathering else [topic] if topic else []  # (not the story's man: a gathering is no one's)
                    orphan = not participants and not gathering
            anaphoric = bool(re.search(r"(?i)\b(?:that|this|those|these|such|the same)\s+(?:[\w-]+\s+)?$", text[max(span.start, trigger.span.start - 25) : trigger.span.start]))
            quality = -2.5 * anaphoric - 3.5 * resolved_pair + len(participants) + (location is not None) + (window is not None) + (1.5 if trigger.verb else 0) - (3 if orphan else 0) - (2 if heading else 0)
            draft = _Draft(event_type, participants, location, window, status, span, trigger.span, quality, [span], orphan or heading, heading=heading)
            if event_type in ("meeting", "talks") and _DURING_STAY.search(text, span.start, span.end):
                draft.during = next((d for d in reversed(drafts + this_sentence) if d.type == "visit" and set(d.participants) & set(participants)), None)
            draft.during = trip_of_leader or draft.during
            if forum:
                draft.forum = _forum_key(forum.group(0))
            if event_type == "summit" and this_sentence and re.search(r"(?i)\bsidelines\s+of\s+(?:the|that|this|a|an|its)?\s*(?:[\w()-]+\s+){0,6}$", text[span.start : trigger.span.start]):
                host = next((d for d in reversed(this_sentence) if d.type == "meeting"), None)
                if host is not None:
                    host.sidelines = draft
                    draft.participants = list(host.participants)
                    draft.status = host.status if host.status != "occurred" or draft.status == "occurred" else draft.status
                    draft.window = draft.window or host.window
                    draft.location = draft.location or host.location
            draft.creditors = orphan and len(participants) == 1 and _is_country_code(participants[0])
            draft.pair_echo = resolved_pair
            draft.trigger_is_verb = trigger.verb
            draft.instance = event_type == "summit" and bool(re.search(r"(?i)\b(?:last|previous|next|earlier|following)\s+(?:[\w()-]+\s+){0,3}$", text[max(span.start, trigger.span.start - 40) : trigger.span.start]))
            draft.definite = not trigger.verb and bool(re.search(r"(?i)\b(?:the|these|those|that|this|their|such)\s+$", text[max(span.start, trigger.span.start - 8) : trigger.span.start]))
            draft.elsewhere = location is None and bool(re.match(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]", text[trigger.span.end : trigger.span.end + 12]))
            this_sentence.append(draft)
            if event_type == "call" and trigger.verb:  # "he would call Moon and Abe from Air Force One": a call to each
                callers = [p for p in draft.participants if any(m.canonical == p and m.span.end <= trigger.span.start for m in sentence_people)]
                called = [p for p in draft.participants if p not in callers]
                if len(called) >= 2 and (callers or topic):
                    caller = callers or [topic]
                    draft.participants = [*caller, called[0]]
                    for other in called[1:]:
                        this_sentence.append(replace(draft, participants=[*caller, other], evidence=[span], score=draft.score - 0.5))
        for g in this_sentence:  # "Scholz will travel to Rio next week for a summit of the G20": he attends it
            trip = next((v for v in this_sentence if v.type == "visit" and v.participants and v.trigger.end <= g.trigger.start and _FOR_GATHERING.fullmatch(text, v.trigger.end, g.trigger.start)), None) if g.type == "summit" and all(_is_country_code(p) for p in g.participants) else None
            if trip is not None:
                g.participants, g.orphan = list(trip.participants), g.heading
        stay = _DURING_STAY.search(text, span.start, span.end)
        named = next((v for v in this_sentence if v.type == "visit" and stay.start() < v.trigger.start < stay.end()), None) if stay else None
        if named is not None:  # "is scheduled to meet King Hassan during his 24-hour official visit": that visit, named later in the sentence
            arrival = next((a for a in reversed(drafts) if a.type == "visit" and a.status == "occurred" and a.window is not None and published is not None
                            and a.window.end >= published - timedelta(days=2) and set(named.participants) <= set(a.participants) and a.location and not _EARLIER_TRIP.search(text, max(a.sentence.start, a.trigger.start - 30), a.trigger.start)), None)
            if arrival is not None and named.status != "occurred" and named.window is None and named.location in (None, arrival.location):
                # "arrived in Rabat on Monday … is to meet King Hassan during his 24-hour official visit": the visit under way
                named.status, named.window, named.location = "occurred", arrival.window, arrival.location
            for d in this_sentence:
                if d.during is not None and d is not named and set(d.participants) & set(named.participants):
                    d.during = named
        for d in list(this_sentence):  # "King Faisal visited in 1967 and King Khaled in 1981": the verb is not repeated
            if d.window is None or d.window.span is None or not d.participants or d.orphan:
                continue
            gap = _GAPPED.match(text, d.window.span.end)
            if not gap:
                continue
            second = next((m for m in sentence_people if gap.start(1) <= m.span.start < gap.end(1)), None)
            later = next((t for t in sentence_times if second is not None and 0 <= t.span.start - second.span.end <= 2), None)
            if second is None or later is None:
                continue
            window = later.window(_tense(d.status), published)
            if window is None:
                continue
            if second.canonical in d.participants and len(d.participants) > 1:
                d.participants = [p for p in d.participants if p != second.canonical]  # he is the second engagement's, not the first's
            objects = {m.canonical for m in sentence_people if d.trigger.end <= m.span.start and m.span.end <= d.window.span.start}
            kept = [p for p in d.participants if p not in objects] if objects & set(d.participants) else []
            this_sentence.append(replace(  # ("met Holm on Monday and Berg on Tuesday": the same subject, another object)
                d, participants=[*kept, second.canonical], window=DateWindow(window[0], window[1], later.text, later.span), evidence=[span],
                trigger=Span(second.span.start, second.span.end), score=d.score - 1,
            ))
        for trip in [d for d in this_sentence if d.type == "visit" and d.participants and d.location and not d.orphan]:
            purpose = _TRIP_PURPOSE.match(text, trip.trigger.end, span.end)
            if purpose is None or any(d.type != "visit" and trip.trigger.start < d.trigger.start <= purpose.start("verb") for d in this_sentence):
                continue  # (the talks already told: "will visit Kenya for talks")
            host = _country_of_place(kb, trip.location, published)
            own = {nationality.get(p, p) for p in trip.participants}
            status = "planned" if trip.status == "occurred" and _SETTING_OUT.match(text[trip.trigger.start : trip.trigger.end]) else trip.status
            this_sentence.append(replace(  # "De Mel has left for Washington to discuss Sri Lanka's request": the talks the trip is for
                trip, type="talks", participants=[*trip.participants, *([host] if host and host not in own else [])], status=status,
                window=trip.window if status == trip.status else None, evidence=[span], trigger=Span(purpose.start("verb"), purpose.end("verb")),
                score=trip.score - 1, trigger_is_verb=True, definite=False, pair_echo=False,
            ))
        for d in this_sentence:  # "Kirya will visit Kenya tomorrow for talks": the talks are with the host country
            if d.type in ("talks", "meeting") and len(d.participants) == 1 and not _is_country_code(d.participants[0]):
                trip = next((v for v in this_sentence if v.type == "visit" and v.participants == d.participants and v.location and v.trigger.start < d.trigger.start), None)
                host = kb.places.get(trip.location) if trip is not None else None
                if host is not None and host.country and host.country != nationality.get(d.participants[0]) and re.match(r"\s+(?:[\w-]+\s+){0,4}?for\s+(?:[\w-]+\s+)?$", text[trip.trigger.end : d.trigger.start]):
                    d.participants = [*d.participants, host.country]
                elif d.type == "talks" and trip is None and d.location and not d.trigger_is_verb and re.match(r"\s+in\s+(?:the\s+)?[A-Z]", text[d.trigger.end : d.trigger.end + 8]) and not (
                    re.search(r"(?i)\b(?:debt|monetary|bank|banks|creditors?|multilateral|round)\s+(?:[\w-]+\s+)?$", text[max(span.start, d.trigger.start - 30) : d.trigger.start])
                    or tables.forums.search(text, max(span.start, d.trigger.start - 40), d.trigger.start) or _CREDITOR_BODY.search(text, max(span.start, d.trigger.start - 60), d.trigger.start)
                ):  # (not "debt talks in New York", "GATT talks in Geneva": the banks', the forum's)
                    own = nationality.get(d.participants[0])
                    host = _country_of_place(kb, d.location, published)
                    if host and own and host != own:  # "his scheduled talks in Moscow next week" (an American's): with the Soviet side
                        d.participants = [*d.participants, host]
        drafts.extend(this_sentence)
        if this_sentence:
            previous_drafts = this_sentence
        last_speaker = next((m.canonical for m in reversed(sentence_people) if _is_speaker(text, m, span)), last_speaker)
        for m in sentence_people:
            weight = 2 if m.span.start - span.start < 60 and not _is_speaker(text, m, span) else 1
            salience[m.canonical] = salience.get(m.canonical, 0) + weight
        recent = [m.canonical for m in sentence_people]
        recent_window = (recent_window + [recent])[-3:]
        candidates = list(dict.fromkeys(name for names in recent_window for name in names))
        if candidates:
            # "he": the most talked-about person of the last few sentences (ties: the latest named)
            topic = max(reversed(candidates), key=lambda name: (salience.get(name, 0), name in recent))
    merged = _merge([d for d in drafts if not d.orphan], kb, nationality)
    for d in drafts:
        if d.sidelines is not None and d.into is not None:
            gathering = d.sidelines.into or d.sidelines
            if gathering.location:  # a meeting on the sidelines is where the gathering is
                d.into.location = gathering.location
            elif d.into.location:  # "met in Moscow on the sidelines of a meeting of defence ministers": and so is the gathering
                gathering.location = d.into.location
            d.into.window = d.into.window or gathering.window
    for d in drafts:
        if d.during is not None and d.into is not None:
            visit = d.during.into or d.during
            d.into.location = d.into.location or visit.location
            d.into.window = d.into.window or visit.window
    merged = _absorb_orphans(merged, [d for d in drafts if d.orphan], kb)
    if here and published:
        home = kb.places[here].country if here in kb.places else None
        for d in merged:  # a wire story's meetings of the day happen where it was filed (with a party of that country, if their nationalities are known)
            countries = [nationality.get(p) for p in d.participants]
            if home and countries and None not in countries and home not in countries and d.window is not None and d.window.end < published:
                continue  # "Lawson, who met Funaro yesterday", filed from Bonn: not in Bonn
            if d.type in ("meeting", "talks") and d.location is None and not d.elsewhere and (d.status == "occurred" or d.window is not None and d.window.start == d.window.end == published) and (
                d.window is None or (d.window.start >= published - timedelta(days=2) and d.window.end <= published + timedelta(days=1))
            ):
                d.location = here
        for d in merged:  # a foreign visitor's trip of the day, filed from a city: the visit is there
            visitors = [nationality.get(p) for p in d.participants]
            if d.type == "visit" and d.location is None and home and visitors and all(c and c != home for c in visitors) and (
                d.status == "planned" and not _ELSEWHERE_WORDS.search(text, d.sentence.start, d.sentence.end)
                or d.status == "occurred" and (
                    d.window is None or (d.window.start >= published - timedelta(days=2) and d.window.end <= published) or d.window.start <= published <= d.window.end + timedelta(days=1)
                )
            ):
                d.location = here
        for d in merged:  # "Leaders of the European Community began their two-day summit": reported from where it opened
            if d.type == "summit" and d.location is None and d.status == "occurred" and d.forum and _OPENED.search(text, d.sentence.start, d.sentence.end) and not _OLD_NEWS.search(text, d.sentence.start, d.sentence.end):
                d.location = here
        for d in merged:  # a wire story's news of the day: what happened, undated, where it was filed, happened that day or the day before
            where = kb.places.get(d.location or "")
            if d.window is None and d.status == "occurred" and (d.location is None or d.location == here or (where is not None and home and where.country == home)) and not _old_news(text, d):
                d.window = DateWindow(published - timedelta(days=1), published, text[d.trigger.start : d.trigger.end], None)
    elif published:
        lead = [s for s in sentences if not s.furniture and not sentence_is_heading(text, s.span)][:4]
        told = {m.canonical for s in lead[:2] for m in people_at.get(s.span.start, ())}
        lands = {m.country for s in lead[:2] for m in places_at.get(s.span.start, ()) if m.country}
        for d in merged:  # no dateline: what the story's first sentences report as done, undated, among the lead's people or countries, is its news of the day
            if d.window is None and d.status == "occurred" and lead and d.sentence.start <= lead[-1].span.start and not _old_news(text, d) and d.participants and not _TOLD_BEFORE.search(text, d.sentence.start, d.trigger.start) and (
                set(d.participants) & told or all(nationality.get(p, p) in lands for p in d.participants)
            ):
                d.window = DateWindow(published - timedelta(days=1), published, text[d.trigger.start : d.trigger.end], None)
    for i, d in enumerate(drafts):  # "… two previous state tours of Britain by Saudi monarchs. King Faisal visited in 1967": the same destination
        if d.type == "visit" and d.location is None and _NO_OBJECT_AFTER.match(text, d.trigger.end):
            before = next((b for b in reversed(drafts[:i]) if b.type == "visit" and b.location and 0 < d.sentence.start - b.sentence.end <= 400 and (
                d.trigger_is_verb or set(d.participants) & set(b.participants)
            ) and getattr(kb.places.get(b.location), "kind", None) != "region" and not _EARLIER_TRIP.search(text, max(b.sentence.start, b.trigger.start - 30), b.trigger.start)), None)
            # (not "arrived in Rabat after a tour of the Gulf": "his 24-hour official visit" is not the tour)
            target = d.into or d
            if before is not None and target.location is None:
                target.location = (before.into or before).location
    if undated_by_days <= 31:
        _place_gatherings(merged, text, kb, published)
    _inherit_visit_places(merged, kb, nationality, published)
    for d in drafts:  # "Blinken's visit … including possible trips by Yellen and Raimondo": the same destination
        target = d.into
        if d.type != "visit" or target is None or target.location:
            continue
        sibling = next((o.into for o in drafts if o is not d and o.type == "visit" and o.sentence == d.sentence and o.into is not None and o.into.location and o.into is not target), None)
        if sibling is not None:
            place = kb.places.get(sibling.location or "")
            target.location = kb.country_name(place.country, published) if place and place.kind == "city" and place.country else sibling.location
    summits = sorted((d for d in merged if d.type == "summit" and d.evidence), key=lambda d: min(e.start for e in d.evidence))
    for sentence in sentences:
        if _THE_GATHERING.search(text, sentence.span.start, sentence.span.end):
            told = [d for d in summits if min(e.start for e in d.evidence) <= sentence.span.start]
            told = [d for d in told if d.status == "occurred"] or told  # "Opening the meeting …" is of the one under way, not "a summit due late this year"
            if told and sentence.span not in told[-1].evidence:  # "Opening the meeting, al-Tayer said": the gathering last told of
                told[-1].mentioned_in.append(sentence.span)
    for d in summits:
        for name in _gathering_officials(text, d, people_at, published):
            if name not in d.participants:
                d.participants.append(name)
    if len(_BUSINESS_MARKS.findall(text)) >= 3 or len(_LABOUR_MARKS.findall(text)) >= 3:
        # a company story ("<WX>", "per share", "takeover"): meetings and calls of people with no country are boardroom business
        merged = [d for d in merged if d.type in ("summit", "visit") or any(_is_country_code(p) or p in nationality for p in d.participants)]
    merged = [d for d in merged if not _domestic(d, kb, nationality, published)]
    merged.sort(key=lambda d: (min(e.start for e in d.evidence) if d.evidence else d.sentence.start, d.trigger.start))  # in reading order, as a reader meets them
    events = []
    for n, d in enumerate(merged, start=1):
        evidence = tuple(Evidence(text[s.start : s.end], s) for s in sorted(set(d.evidence), key=lambda s: (s.start, s.end)))  # in reading order, once each
        events.append(
            Event(
                id=f"{article.id}#e{n}",
                article=article.id,
                type=d.type,
                cameo=_cameo(d.type, d.location),
                participants=tuple(dict.fromkeys(kb.country_on(p, published) if _is_country_code(p) else p for p in d.participants)),  # Moscow's host in 1987 is SU
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


_OFFICIAL_ROLE = re.compile(r"(?i)\b(?:minister|president|premier|chancellor|secretary|governor|commissioner|chairman|chairwoman|chair|king|emir|sultan|leader|head|delegate|envoy|ambassador|representative)\b")
_RAN_THE_GATHERING = re.compile(
    r"(?i)\b(?:open(?:ing|ed|s)?|chair(?:ing|ed|s)?|host(?:ing|ed|s)?|address(?:ing|ed|es)?|attend(?:ing|ed|s)?|presid(?:ing|ed|es)\s+over|clos(?:ing|ed|es))\s+(?:the|a|an|this|yesterday['’]s|today['’]s|last\s+week['’]s|its|their)\s+(?:[\w'’/-]+\s+){0,4}(?:meeting|meetings|session|gathering|talks|conference|council|summit)\b"
)
_THE_GATHERING = re.compile(r"(?i)\b(?:the|this|yesterday['’]s|today['’]s)\s+(?:[\w'’/-]+\s+){0,3}(?:meeting|session|gathering|conference|council|summit)\b")
_SPOKE_AT_THE_GATHERING = re.compile(r"(?i)\b(?:at|after|before|during|on\s+the\s+sidelines\s+of)\s+(?:the|a|an|this|yesterday['’]s|today['’]s)\s+(?:[\w'’/-]+\s+){0,4}(?:meeting|session|gathering|talks|conference|council|summit)\b")


def _country_of_place(kb: Knowledge, location: str | None, day: date | None) -> str | None:
    """The country a known place lay in on the day (Berlin in 1987: West Germany's code)."""
    place = kb.places.get(location or "")
    return kb.country_on(place.country, day) if place is not None and place.country else None


def _land_code(kb: Knowledge, land: str) -> str | None:
    """A country's code from its adjective or its name ("Soviet", "New Zealand")."""
    return kb.adjectives.get(land) or getattr(kb.places.get(land), "country", None)


def _returns_abroad(participants: Sequence[str], location: str | None, nationality: dict[str, str], kb: Knowledge, published: date | None) -> bool:
    """A return is a visit only to another country's soil, every party's country known: "the Canadian team will return to Cairo"."""
    where = _country_of_place(kb, location, published)
    if not participants or where is None:
        return False
    return all((p if _is_country_code(p) else nationality.get(p)) not in (None, where) for p in participants)


_GROUP_AFTER_BODY = re.compile(r"\s+(?:and\s+(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}\s+)?(?:[a-z-]+\s+)?(?:missions?|teams?|delegations?|experts)\b")
_BODY_KINDS = frozenset({"multilateral", "summit_forum"})


def _mission_of_bodies(text: str, sentence: Span, trigger: Trigger, orgs: Sequence[Mention], kb: Knowledge) -> list[str]:
    """An intergovernmental body's mission as the party of a visit: "IMF and World Bank teams have visited Warsaw",
    "a World Bank mission was due here soon", "an IMF mission to Brazil"."""
    found: list[str] = []
    for m in orgs:
        if getattr(kb.orgs.get(m.canonical), "kind", None) not in _BODY_KINDS or not (sentence.start <= m.span.start and m.span.end <= trigger.span.start):
            continue
        group = _GROUP_AFTER_BODY.match(text, m.span.end, trigger.span.end)
        if group is None:
            continue
        between = text[group.end() : trigger.span.start]
        if trigger.verb and not re.fullmatch(r"[^.;]{0,70}", between) or not trigger.verb and not re.fullmatch(r"\s*", between) and group.end() != trigger.span.end:
            continue  # (the group is the verb's subject, or the "mission" noun itself)
        if re.search(r"\b(?:said|says|told|reported|met|meets|meeting)\b", between):
            continue
        found.append(m.canonical)
        later = [o for o in orgs if m.span.end < o.span.start < group.end() and getattr(kb.orgs.get(o.canonical), "kind", None) in _BODY_KINDS]
        found.extend(o.canonical for o in later)
    return list(dict.fromkeys(found))


def _gathering_officials(text: str, d: _Draft, people_at: dict[int, list[Mention]], published: date | None) -> list[str]:
    """Who took part in a multilateral gathering, as news reports it: the official who opened, chaired, hosted
    or addressed it ("Opening the meeting, Ahmed al-Tayer, the UAE's Minister of State, said"; "after chairing a
    two-day meeting of farm ministers, Tornaes said"), and, for one just held, the official quoted at or after
    it ("At a news conference after today's G-7 meeting, Miyazawa said")."""
    found: list[str] = []
    recent = d.status == "occurred" and (d.window is None or published is None or d.window.end >= published - timedelta(days=7))
    for span in [*d.evidence, *d.mentioned_in]:
        own = span == d.sentence or span in d.mentioned_in  # (another mention's sentence may tell of another gathering too)
        for m in people_at.get(span.start, ()):
            if not (m.role and _OFFICIAL_ROLE.search(m.role)):
                continue
            before = text[max(span.start, m.span.start - 90) : m.span.start]
            after = text[m.span.end : min(span.end, m.span.end + 120)]
            ran_before = _RAN_THE_GATHERING.search(before)
            who = _WHO_RAN.match(after)
            ran = (ran_before and not re.search(r"[;.]", before[ran_before.end() :])) or (who and _RAN_THE_GATHERING.match(after, who.end()))
            spoke = recent and own and _SPEAKER_VERB_AFTER.match(after) and any(
                at.start() < m.span.start and (span in d.mentioned_in or at.start() <= d.trigger.start < at.end())
                for at in _SPOKE_AT_THE_GATHERING.finditer(text, span.start, span.end)
            )  # (the gathering phrase is this one's: not "the formal session …, a follow-up to talks held last Sunday in Qatar")
            if ran or spoke:
                found.append(m.canonical)
    return list(dict.fromkeys(found))


_WHO_RAN = re.compile(r"[^.;]{0,60}?,?\s+who\s+(?:had\s+|has\s+)?(?:also\s+|just\s+)?")
_SPEAKER_VERB_AFTER = re.compile(r"(?:,[^,;]{0,100},)?\s*(?:also\s+)?(?:said|told|says|tells|spoke|(?:was|were)\s+speaking)\b")


def _domestic(d: _Draft, kb: Knowledge, nationality: dict[str, str], published: date | None) -> bool:
    """An engagement with no foreign party is no diplomacy: a Fed chairman's
    trip to Dallas, a president meeting his Treasury Secretary at home.

    Only when every party is a person of one known country, and the place is
    a city of that country (a trip) or unknown or at home (a meeting);
    talks of two Americans in Tokyo stay, a foreign side being implied."""
    people = list(d.participants)
    if not people or any(_is_country_code(p) for p in people):
        return False
    countries = {nationality.get(p) for p in people}
    if len(countries) != 1 or None in countries:
        return False
    home = countries.pop()
    place = kb.places.get(d.location or "")
    where = _country_of_place(kb, d.location, published)
    if d.type == "visit":
        return place is not None and place.kind == "city" and where == home
    if d.type in ("meeting", "talks", "call") and len(people) >= 2:
        return d.location is None or where == home
    return False


_WHO_ATTENDED = re.compile(r",\s+who\s+(?:has\s+|had\s+|will\s+|is\s+to\s+|was\s+)?(?:just\s+|also\s+)?(?:attended|attend|attending|chaired|chairs|chairing|addressed|opened)\s+(?:the|a|an|this|last\s+week's)\s+(?:[\w’'-]+\s+){0,4}")
"""A person, then a relative clause with the gathering as its object: he was there."""


def _hosts_and_attendees(text: str, sentence: Span, trigger: Trigger, people: Sequence[Mention]) -> list[str]:
    """A gathering's named host and attendees: "Carney will host the G7 leaders' summit …, a gathering Trump is
    expected to attend"; "a diplomatic win for host Prime Minister Narendra Modi"."""
    found: list[str] = []
    hosting = _HOSTS_BEFORE.search(text, max(sentence.start, trigger.span.start - 70), trigger.span.start)
    if hosting:
        host = next((m for m in reversed(people) if sentence.start <= m.span.start and m.span.end <= hosting.start() and _SUBJECT_GAP.fullmatch(text, m.span.end, hosting.start())), None)
        if host is not None:
            found.append(host.canonical)
    for m in people:
        if not sentence.contains(m.span):
            continue
        if re.search(r"(?i)\bhost\s+(?:[A-Z][\w.’'-]*\s+){0,3}$", text[max(sentence.start, m.span.start - 40) : m.span.start]):
            found.append(m.canonical)  # "for host Prime Minister Narendra Modi"
        elif m.span.start > trigger.span.end and _TO_ATTEND.match(text, m.span.end):
            found.append(m.canonical)  # "a gathering Trump is expected to attend"
        elif m.span.end <= trigger.span.start and _WHO_ATTENDED.fullmatch(text, m.span.end, trigger.span.start):
            found.append(m.canonical)  # "Oteiba, who had just attended the OPEC ministerial meeting"
    return list(dict.fromkeys(found))


def _place_gatherings(drafts: list[_Draft], text: str, kb: Knowledge, published: date | None) -> None:
    """A gathering the story names without its city is where that edition met.

    "next week's spring meetings of the IMF and World Bank" (April 1987) met
    in Washington; the calendar of gatherings says so when exactly one
    edition of a series the sentence names falls in the gathering's dates
    (or, undated, in the weeks around the story's day on the side its status
    gives)."""
    if published is None or not kb.gatherings:
        return
    for d in drafts:
        if d.type != "summit" or d.location is not None:
            continue
        zone = text[max(d.sentence.start, d.trigger.start - 80) : min(d.sentence.end, d.trigger.end + 80)]
        if d.window is not None:
            lo, hi = d.window.start, d.window.end
        elif d.status == "occurred":
            lo, hi = published - timedelta(days=14), published
        else:
            lo, hi = published, published + timedelta(days=60)
        editions = {
            g.label: g for g in kb.gatherings
            if g.start <= hi and lo <= g.end and not (g.approx and d.window is not None and d.window.start == d.window.end) and g.pattern is not None and g.pattern.search(zone)
        }
        cities = {g.city for g in editions.values()}
        if len(cities) == 1 and None not in cities:
            d.location = next(iter(cities))


def _inherit_visit_places(drafts: list[_Draft], kb: Knowledge, nationality: dict[str, str], published: date | None = None) -> None:
    """A visitor's meetings and talks happen where the visit is.

    A meeting with no place (or only a country) takes the place of a visit
    or gathering of one of its participants that is current at the same
    time (same status family, overlapping or unknown dates) — the city when
    the visit names one in that country — and its dates when it has none.
    """
    for v in drafts:  # "will stop in Hong Kong" + "in Hong Kong, he will hold meetings on April 27": the stop's day
        if v.type == "visit" and v.location and v.window is None:
            dated = next((d for d in drafts if d.type in ("meeting", "talks") and d.window and d.location == v.location and set(v.participants) <= set(d.participants) and (d.status == "occurred") == (v.status == "occurred")), None)
            if dated is not None:
                v.window = dated.window
    hosts = [d for d in drafts if d.type in ("visit", "summit") and d.location]
    for d in drafts:
        if d.type not in ("meeting", "talks") and not (d.type == "summit" and d.participants and d.location is None and not any(_is_country_code(p) for p in d.participants)) or d.elsewhere:
            continue
        if d.window is None and d.status == "occurred":
            visit = next((v for v in drafts if v.type == "visit" and v.window and v.status == d.status and set(d.participants) & set(v.participants) and v.location and d.location and _places_agree(v.location, d.location, kb)), None)
            if visit is not None:
                d.window = visit.window
        country = kb.places.get(d.location).country if d.location and d.location in kb.places else None
        if d.location and not (country and kb.places[d.location].kind == "country"):
            continue
        for v in sorted(hosts, key=lambda h: (kb.places.get(h.location or "") is None or kb.places[h.location].kind != "city")):
            ongoing = v.status == "occurred" and v.window is not None and (
                v.window.text.lower() in ("is in", "are in", "currently", "now", "is here", "are here")
                or (published is not None and v.type == "visit" and d.status == "planned" and d.window is None and v.window.end >= published - timedelta(days=2))
            )  # (or arrived yesterday: "Conable, who flew to Indonesia yesterday, will meet Suharto")
            same_time = (
                ((d.status == "occurred") == (v.status == "occurred") or ongoing)
                and (
                    not d.window or not v.window or not (d.window.end < v.window.start or v.window.end < d.window.start)
                    # a trip dated by its day of departure: "sets out Wednesday" … "talks scheduled for Thursday and Friday"
                    or (v.window.end - v.window.start).days <= 1 and v.window.start <= d.window.start <= v.window.end + timedelta(days=7)
                )
            )
            if not same_time or not set(d.participants) & set(v.participants):
                continue
            where = kb.places.get(v.location or "")
            if where is None or where.kind == "region":
                continue  # "a tour of the Far East": no place to hand on
            if where and where.country and any(nationality.get(p) not in (None, where.country) for p in d.participants if p not in v.participants):
                continue  # "meet South Korean President Chun" does not happen on the Hong Kong stop
            target = kb.places.get(v.location or "")
            if d.location and not (target and target.kind == "city" and target.country == country):
                continue
            d.location = v.location
            if d.window is None and v.type == "visit" and (d.status == "occurred") == (v.status == "occurred"):
                d.window = v.window
            break


_FOR_GATHERING = re.compile(r"[^.;]{0,80}\b(?:for|to\s+attend)\s+(?:(?:a|an|the|its|this|next\s+week's|an?\s+annual)\s+)?(?:[\w'’-]+\s+|\([\w.-]{1,12}\)\s+){0,6}")
"""Between a trip and a gathering it is for: "travel to Rio de Janeiro next week for a"."""
_DURING_STAY = re.compile(r"(?i)\bduring\s+(?:the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:visit|stay|trip|tour)\b")
_EARLIER_TRIP = re.compile(r"(?i)\b(?:after|following|before|ahead\s+of)\s+(?:a|an|the|his|her|their|its)?\s*(?:[\w-]+\s+){0,3}$")
"""A trip in an adverbial of time: another trip than the one the story is about."""


def _absorb_orphans(named: list[_Draft], orphans: list[_Draft], kb: Knowledge) -> list[_Draft]:
    """Fold "the trade talks", "negotiators met" into the named event they
    refer to; keep an orphan on its own only when countries name its parties."""
    def countries(d: _Draft) -> set[str]:
        found = set()
        for name in d.participants:
            person = kb.person_by_name.get(name)
            if person and person.country:
                found.add(person.country)
            elif _is_country_code(name):
                found.add(name)
        return found

    orphans = sorted(orphans, key=lambda o: len(o.participants) < 2)  # parties named by country first: the others may fold into them
    for o in orphans:
        family = {o.type} | ({"meeting", "talks"} if o.type in ("meeting", "talks") else set())
        fits = [
            d for d in named
            if d.type in family and _places_agree(d.location, o.location, kb) and _windows_agree(d.window, o.window) and d.status == o.status
            and (not o.participants or (countries(o) and countries(o) <= countries(d)) or set(o.participants) <= set(d.participants))
        ]
        fits = [d for d in fits if min(abs(o.sentence.start - e.start) for e in d.evidence) < 900]
        if fits:
            before = [d for d in fits if d.evidence and d.evidence[0].start <= o.sentence.start]
            target = max(before, key=lambda d: d.evidence[0].start) if before else min(fits, key=lambda d: d.evidence[0].start)
            target.evidence.append(o.sentence)
            o.into = target
            if target.pair_echo and set(o.participants) == set(target.participants) and o.sentence.start < target.sentence.start:
                target.sentence, target.trigger = o.sentence, o.trigger  # "Talks between France and Iran" is clearer than "between the two countries"
            if o.location and (not target.location and not any(x.sidelines for x in [target]) or (target.type != "visit" and _more_specific(o.location, target.location or "", kb))):
                target.location = o.location
            target.window = target.window or o.window
            continue
        if (len(o.participants) >= 2 or o.creditors) and not o.heading:
            named.append(o)
    return named


def _places_agree(a: str | None, b: str | None, kb: Knowledge) -> bool:
    if not a or not b or a == b:
        return True
    pa, pb = kb.places.get(a), kb.places.get(b)
    return bool(pa and pb and (pa.country == pb.country))


def _more_specific(a: str, b: str, kb: Knowledge) -> bool:
    pa, pb = kb.places.get(a), kb.places.get(b)
    return bool(pa and pb and pa.kind == "city" and pb.kind == "country")


def _windows_agree(a: DateWindow | None, b: DateWindow | None) -> bool:
    return not a or not b or not (a.end < b.start or b.end < a.start)


_ELSEWHERE_WORDS = re.compile(r"\b(?:to|in|To|In)\s+(?:the\s+)?[A-Z]|\b(?:abroad|tour|trip)\b")
"""A planned visit whose sentence names somewhere or a tour: the dateline may not be its place."""
_PLURAL_MEET = re.compile(r"\b(?:leaders|ministers|officials|delegations|negotiators|presidents|heads\s+of\s+state)\s+(?:\w+ly\s+)?(?:meet|gather|convene)$")
_PERFECT_AFTER = re.compile(r"\s+(?:has|have)\s+(?:so\s+far\s+|already\s+)?been\s+(?!(?:postponed|cancell?ed|called|put|delayed|scrapped|deferred|dropped|rescheduled|suspended|planned|scheduled|set|proposed|expected|arranged|announced|agreed|mooted|suggested|invited)\b)[a-z]+ed\b")
"""'The summit has been dominated by …': a noun engagement told in the present perfect has begun."""
def _begun_subject(text: str, clause: Span, trigger: Trigger) -> bool:
    """'The summit has been dominated by …': the engagement heads the subject of a present perfect (not "hopes for his trip have been …")."""
    return not trigger.verb and bool(_PERFECT_AFTER.match(text, trigger.span.end)) and bool(_SUBJECT_NOUN_PHRASE.fullmatch(text, clause.start, trigger.span.start))


_BEGAN_AFTER = re.compile(r",\s+which\s+(?:began|opened|started|ended|closed|took\s+place|was\s+held|convened)\b")
"""A noun engagement told by its own past verb in a relative clause: it has happened or is under way."""
_STARTS_AHEAD = re.compile(r"(?:\s+(?:of|by)\s+(?:[A-Z][\w.’'-]*\s+){1,6}?(?:[A-Z][\w.’'-]*))?,\s+which\s+(?:starts|begins|opens|runs|will\s+\w+|is\s+(?:due|scheduled|set|expected)\s+to)\b")
_NO_OBJECT_AFTER = re.compile(r"\s+(?:(?:in|on|last|earlier|twice|once|recently)\b|[,.;])|[,.;]")
"""'King Faisal visited in 1967': a visit verb with no destination of its own."""
_OPENED = re.compile(r"\b(?:began|begin|begins|opened|opens|open|ended|ends|closed|closes|concluded|concludes|resumed|resumes)\b")
_GAPPED = re.compile(r",?\s+and\s+((?:[A-Z][\w.’'-]*\s+){1,4}?)(?=(?:in|on|last)\s)")
"""After an engagement's time: "… in 1967 and King Khaled in 1981" (a second subject, the verb left out)."""
_BODY_DATELINE = re.compile(r"\s*([A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+)?)\s+-\s+")
_VISITING_GROUP = re.compile(r"\s+([A-Z][\w.-]*)\s+(?:(?:trade|government|parliamentary|official|military|economic|high-level)\s+)?(?:delegation|team|mission|officials|delegates|ministers)\b")
_FRONTED_PARTICIPLE = re.compile(r"\s*[\"“]?(?:Speaking|Talking|Addressing|Briefing)\b[^.;\"“”]{0,160}?,\s+(?:he|she)\s+(?:said|told|added|says)\b")
"""'Speaking to reporters after talks with President Suharto, he said': the speaker took part in what the opening phrase tells."""
_SPOKE_AFTER = re.compile(r"\s*(?:He|She)\s+(?:spoke|talked|told)\s+(?:to\s+)?(?:reporters|journalists|newsmen|the\s+press)\b[^.;]{0,80}?\b(?:after|following)\s+[^.;]{0,100}")
"""'He spoke to reporters after talks with Turkey's ambassador': he was at the talks."""
_TWO_COUNTRIES = re.compile(r"(?i)\b(?:the\s+two\s+(?:countries|nations|governments|(?P<sides>sides))|both\s+(?:countries|nations|governments|(?P<both_sides>sides)))\b")
_NOT_NATIONS = re.compile(r"(?i)\b(?:unions?|workers|employers|strikes?|management|company|companies|shareholders|board|EC|European\s+Community|OPEC|bloc|blocs)\b")
"""Around "the two sides": they may be a union and employers, or a bloc and a country, not two nations."""


def _last_two_countries(places: Sequence[Mention], before: int, text: str = "") -> list[str]:
    """The two countries the story is about so far (named most often before ``before``,
    not counting places things happen in), for "the two countries", "both sides"."""
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for m in places:
        if m.span.end > before or m.kind != "country" or not m.country:
            continue
        if text and re.search(r"(?i)\b(?:in|at|inside|across|around|near)\s+(?:the\s+)?$", text[max(0, m.span.start - 12) : m.span.start]):
            continue  # "met in Malaysia": where, not who
        counts[m.country] = counts.get(m.country, 0) + 1
        last[m.country] = m.span.start
    ranked = sorted(counts, key=lambda c: (counts[c], last[c]), reverse=True)
    if len(ranked) == 2 or len(ranked) > 2 and counts[ranked[1]] >= 2 and counts[ranked[1]] > counts[ranked[2]]:
        return sorted(ranked[:2], key=lambda c: last[c])
    return []  # no clear pair: better no parties than the wrong two


_PAIR_REFERENCE = re.compile(r"(?i)\b(?:the\s+two\s+(?:leaders|presidents|men|women|ministers|premiers|prime\s+ministers|heads\s+of\s+state)|both\s+(?:leaders|men|ministers)|the\s+pair)\b")
"""Two people named before, referred to together: "the two leaders", "both men"."""
_GROUP_REFERENCE = re.compile(r"(?i)\b(?:the\s+two\s+(?:leaders|presidents|heads\s+of\s+state)|both\s+(?:leaders|presidents)|the\s+(?:two\s+)?countries[’']\s+leaders|their\s+leaders)\b|\bwhen\s+they\s+(?:attend|meet)\b")
_MODIFIER_AFTER = re.compile(r"^[’']?s?\s+(?:administration|government|campaign|team|aides?|officials|era|policy|policies|doctrine|cabinet|camp)\b")


def _is_modifier(text: str, m: Mention) -> bool:
    """"the Biden administration": a name used as an adjective, not a party."""
    return bool(_MODIFIER_AFTER.match(text[m.span.end : m.span.end + 20]))


def _article_leaders(people: Sequence[Mention], kb: Knowledge, day: date | None) -> tuple[str, ...]:
    """The two heads of state or government an article is most about."""
    counts: dict[str, int] = {}
    for m in people:
        person = kb.person_by_name.get(m.canonical)
        role = person.role_on(day) if person else None
        if role and role.office in ("head_of_state", "head_of_government"):
            counts[m.canonical] = counts.get(m.canonical, 0) + 1
    ranked = sorted(counts, key=lambda name: -counts[name])
    if len(ranked) >= 2 and (len(ranked) == 2 or counts[ranked[1]] > counts[ranked[2]]):
        return tuple(ranked[:2])
    return ()


def _country_parties(text: str, clause: Span, trigger: Trigger, places: Sequence[Mention], kb: Knowledge, orgs: Sequence[Mention] = (), day: date | None = None) -> list[str]:
    """Country codes of an engagement between countries ("U.S.-Japan trade
    talks", "talks between Beijing and Washington", "Soviet counterparts",
    "U.S. Agriculture Department officials")."""
    codes: list[str] = []
    for m in orgs:
        if clause.contains(m.span):
            head = m.text.split(" ")[0]
            code = kb.country_on(kb.adjectives.get(head) or (kb.places[head].country if head in kb.places and kb.places[head].kind == "country" else None), day)
            if code and code not in codes:
                codes.append(code)
    for m in places:
        if re.search(r"(?i)\b(?:in|at|to|inside|near|(?:home|way|back|returning)\s+from)\s+(?:the\s+)?$", text[max(clause.start, m.span.start - 20) : m.span.start]):
            continue  # "the meeting in Vienna": where it is, not who takes part
        if re.match(r"\s+(?:[Rr]ound|[Aa]ccord|[Aa]greement|[Dd]eclaration|[Pp]act|Club|Group|Plan|[Cc]onvention|[Tt]reaty)\b|(?:[-–][A-Z][a-z]+)?\s+(?:war|conflict|border|frontier|ceasefire|dispute)\b", text[m.span.end : m.span.end + 24]):
            continue  # "the Uruguay round", "the Paris Club": a name, not a party; "the Iraq-Iran war": a war, not its parties' talks
        if clause.contains(m.span) and m.country and m.kind == "country" or (
            clause.contains(m.span) and m.text in kb.seats
        ):
            code = m.country or kb.country_on(kb.seats.get(m.text), day)
            if code and code not in codes:
                codes.append(code)
    if not codes:
        subject_blocs = [m.canonical for m in orgs if clause.start <= m.span.start < trigger.span.start and m.canonical in _BLOC_PARTIES]
        if len(set(subject_blocs)) >= 2:  # "The European Community (EC) and Soviet-led Comecon ended talks here"
            return list(dict.fromkeys(subject_blocs))
    between = re.match(r"\s+(?:[\w-]+\s+){0,3}?between\s+", text[trigger.span.end : min(clause.end, trigger.span.end + 50)])
    if between and len(codes) >= 2:  # "Britain believed an IMF program would help along negotiations between Brazil and the commercial banks"
        start = trigger.span.end + between.end()
        stop = start + (re.search(r"[.;:]\s|,\s+(?!and\b)|$", text[start : start + 120]).start())
        inside = [m.country for m in places if start <= m.span.start < stop and m.kind == "country" and m.country]
        if len(set(inside)) == 1 and re.search(r"(?i)\b(?:commercial|creditor|foreign|international)\s+banks\b|\bcreditors\b|" + _CREDITORS.pattern[4:], text[start:stop]):
            return inside[:1]
    if len(codes) < 2:
        if between:  # "talks last week between the European Community (EC) and the United States": a bloc is a party too
            start = trigger.span.end + between.end()
            stop = start + (re.search(r"[.;:]\s|$", text[start : start + 120]).start())
            blocs = [m.canonical for m in orgs if start <= m.span.start < stop and m.canonical in _BLOC_PARTIES]
            nations = [m.country for m in places if start <= m.span.start < stop and m.kind == "country" and m.country]
            if blocs and nations:
                return list(dict.fromkeys([*blocs, *nations]))
            if len(set(nations)) == 1 and _CREDITORS.search(text, start, stop):
                return nations[:1]  # "talks between the Philippines government and its bank advisory committee": the country and its lenders
    if len(codes) == 1 and re.search(r"\bwith\s+(?:the\s+)?[A-Z]", text[trigger.span.end : clause.end]) and any(
        clause.start <= m.span.start < trigger.span.start and m.canonical in _BLOC_PARTIES for m in orgs
    ) and not any(clause.start <= m.span.start < trigger.span.start and m.country == codes[0] for m in places):
        return codes  # "European Community foreign ministers agreed to formal talks … with Hungary": the bloc has no code
    if len(codes) == 1 and _CREDITOR_BODY.search(text, clause.start, clause.end):
        return codes  # "Poland met the Paris Club of western creditor nations for renewed talks": the debtor and its lenders
    return codes if len(codes) >= 2 else []


_WITH_LENDER = re.compile(r"\s+(?:(?:next|this|last)\s+(?:week|month|year)\s+)?with\s+(?:the\s+|its\s+)?(?:(?:international|multilateral|official)\s+(?:lending\s+)?(?:agencies|institutions|lenders)|Paris\s+Club|London\s+Club|IMF|International\s+Monetary\s+Fund|World\s+Bank|(?:commercial\s+|foreign\s+|creditor\s+)?(?:bank\s+)?(?:creditors|creditor\s+banks|advisory\s+committee|steering\s+committee))\b")
"""Talks of a debtor with its lenders: "recent discussions with the Paris Club", "talks with the IMF"."""
_CREDITOR_BODY = re.compile(r"\b(?:Paris\s+Club|(?:international|multilateral|official)\s+lending\s+(?:agencies|institutions)|with\s+(?:the\s+)?(?:IMF|International\s+Monetary\s+Fund|World\s+Bank)|IMF\s+(?:talks|negotiations)|London\s+Club|creditor\s+(?:banks|nations|governments|countries)|(?:bank|banks')\s+advisory\s+committee|(?:the|its|their)\s+advisory\s+committee|steering\s+committee|commercial\s+bank\s+creditors|creditor\s+banks|\bwith\s+(?:its\s+|their\s+|the\s+|private\s+)*(?:commercial|international|foreign)\s+(?:bank\s+)?(?:banks|creditors|lenders)|its\s+creditors)\b")
_CREDITORS = re.compile(r"(?i)\b(?:its|their)\s+(?:[\w-]+\s+){0,3}(?:creditors?|lenders|banks|bank\s+(?:advisory\s+)?committee|advisory\s+committee|steering\s+committee)\b")
"""A country's creditor banks: in debt talks they are the other side, and not a country."""
_BLOC_PARTIES = frozenset({"European Community", "European Union", "Comecon", "Council for Mutual Economic Assistance", "OPEC", "ASEAN", "NATO", "Gulf Cooperation Council", "African Union", "Arab League"})
"""Organisations that negotiate as one party with a country."""


def _counterpart_parties(text: str, sentence: Span, clause: Span, trigger: Trigger, places: Sequence[Mention], kb: Knowledge, leader_country: str | None = None) -> list[str]:
    """"U.S. officials … when they held grain talks with Soviet counterparts": the
    counterparts' country and the country of the sentence's subject.  "King Fahd
    will be accompanied by his ministers, who will hold talks with their British
    counterparts": failing a country, the country of the one whose ministers they are."""
    after = re.match(r"\s+with\s+(?:their\s+|its\s+)?(\w[\w.]*)\s+(?:counterparts?|officials|negotiators|delegations?|delegates)\b", text[trigger.span.end : trigger.span.end + 60])
    if not after:
        return []
    other = kb.adjectives.get(after.group(1)) or (kb.places[after.group(1)].country if after.group(1) in kb.places else None)
    own = next(
        (m.country for m in places if sentence.start <= m.span.start and m.span.end <= clause.start and m.kind == "country" and m.country and m.country != other
         and re.match(r"\s+(?:officials|negotiators|delegations?|delegates|government|administration|side)\b", text[m.span.end : m.span.end + 20])),
        None,
    )
    if own is None and leader_country and leader_country != other and _RETINUE_WHO.search(text, sentence.start, trigger.span.start):
        own = leader_country
    return [own, other] if own and other else []


_RETINUE_WHO = re.compile(r"\b(?:his|her|their)\s+(?:[\w,-]+\s+){0,6}(?:ministers|officials|aides|advisers|delegation|delegates|negotiators)\s*,?\s+(?:who|which)\s+(?:\w+\s+){0,3}$")
"""'his trade, defence, oil and health ministers, who will hold talks': the leader's own team."""


_UNNAMED_SIDE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?with\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+|his\s+|her\s+)?(?:[a-z-]+\s+){0,3}?(?:of\s+(?:the\s+)?)?"
    r"(?P<land>[A-Z][\w.]*)\s+(?:[a-z-]+\s+){0,2}?(?:officials?|counterparts?|delegations?|negotiators|government|authorities|bank|ministry|side|team|leaders?|president|premier|minister|ambassador|envoy)\b"
)
"""An unnamed other side after the trigger: "talks with the president of the Peruvian central bank", "met Soviet officials"."""
_UNNAMED_OBJECT = re.compile(r"\s+(?:(?:the|top|senior|leading|several|some|other|visiting|high-ranking|high-level|government)\s+){0,2}(?P<land>[A-Z][\w.]*)\s+(?:[a-z-]+\s+){0,2}?(?:officials?|leaders?|ministers?|counterparts?|delegation|delegates|negotiators|government|authorities)\b")
"""A side named only by its country as a meeting verb's object: "De Clercq has met top Chinese leaders"."""


def _has_cue(text: str, clause: Span, trigger: Trigger, tables: _Tables) -> bool:
    """Does a status word of its own govern the trigger (before it, or an auxiliary just after)?"""
    scope = text[max(clause.start, trigger.span.start - 70) : trigger.span.start]
    if any(p.search(scope) for _, p in tables.status) or _BEGAN_AFTER.match(text, trigger.span.end) or _begun_subject(text, clause, trigger):
        return True
    aux = None if trigger.verb else _OWN_AUX_AFTER.match(text, trigger.span.end, clause.end)
    if aux and not re.search(r"\b(?:would|could|should|is|are|was|were|be|been|has|have|had|to|that|which|who)\s", aux.group(1)) and not re.search(r"\bof\s+(?:[\w’'-]+\s+){0,2}$", text[max(clause.start, trigger.span.start - 30) : trigger.span.start]):
        return True  # "the talks with commercial bank creditors on … will follow in April" (not "… would be a forum to show this will existed")
    governed = _GOVERNED_AFTER.match(text, trigger.span.end, clause.end)
    return bool(governed) and any(p.search(governed.group(0)) for _, p in tables.status)


def sentence_is_heading(text: str, span: Span) -> bool:
    """A headline or crosshead: no closing punctuation, or in title case."""
    body = text[span.start : span.end].strip()
    words = re.findall(r"[A-Za-z][\w’'-]*", body)
    capitalised = sum(1 for w in words if w[0].isupper())
    title_case = len(words) >= 4 and capitalised >= 0.7 * len(words) and any(w in _HEADLINE_WORDS for w in words[1:])
    return not body.endswith((".", "!", "?", "”", '"', "’", ")")) or title_case


def _forum_key(name: str) -> str:
    """One key for a forum's spellings: "G-7", "G7" and "Group of Seven"."""
    key = name.upper().replace("-", "").replace(" ", "")
    return {"GROUPOFSEVEN": "G7", "GROUPOFFIVE": "G5", "GROUPOF20": "G20", "GROUPOFTWENTY": "G20", "GROUPOFEIGHT": "G8"}.get(key, key)


def _same_delegations(pa: set[str], pb: set[str], kind: str, nationality: dict[str, str] | None) -> bool:
    """"Trade negotiators from the two sides met" (US, CN) and "Bessent and He Lifeng held
    talks": the countries' delegations and the people heading them are one set of parties."""
    if kind not in ("talks", "meeting") or not nationality or not pa or not pb:
        return False
    countries, people = (pa, pb) if all(_is_country_code(p) for p in pa) else (pb, pa)
    if not all(_is_country_code(p) for p in countries) or any(_is_country_code(p) for p in people):
        return False
    of_people = {nationality.get(p) for p in people}
    return None not in of_people and of_people == countries


def _compatible(a: _Draft, b: _Draft, kb: Knowledge | None = None, nationality: dict[str, str] | None = None) -> bool:
    kin = {a.type, b.type} == {"meeting", "talks"} and (a.definite or b.definite)  # "met Holm … said the talks went well"
    if a.type != b.type and not kin or a.status != b.status and not {a.status, b.status} <= {"planned", "proposed"}:
        return False
    if a.forum and b.forum and a.forum != b.forum:
        return False  # the G-5 and the G-7 are two gatherings
    if a.type == "summit" and a.sentence == b.sentence and a.trigger != b.trigger:
        return False  # "ministers will meet tomorrow, after the end of a two-day summit meeting": two gatherings
    if a.type == "summit" and a.instance != b.instance:
        return False  # "the last ministerial meeting in February 1986" is not this week's
    pa, pb = set(a.participants), set(b.participants)
    if not (pa <= pb or pb <= pa) and not _same_delegations(pa, pb, a.type, nationality):
        return False
    if pa and pb and pa.isdisjoint(pb) and a.trigger_is_verb and b.trigger_is_verb and a.window and b.window and a.window != b.window:
        return False  # "Yellen would travel to China in the coming days, and Blinken would visit in the coming weeks": two trips
    if pa != pb and min(len(pa), len(pb)) >= 2 and a.type == "meeting" and not (a.heading or b.heading) and a.window and b.window and a.window != b.window:
        return False  # "a day of meetings with X, Y and Z" and "my meeting with Y today": a round and one of its meetings
    if a.location and b.location and a.location != b.location:
        # a visit to a country takes in its cities ("fly to the United States … travelling to Detroit")
        if not (kb and (a.type == "visit" or _more_specific(a.location, b.location, kb) or _more_specific(b.location, a.location, kb)) and _places_agree(a.location, b.location, kb)):
            return False  # (a meeting "in Malaysia" and the talks "in Kuala Lumpur" can be one)
    if a.window and b.window and (a.window.end < b.window.start or b.window.end < a.window.start):
        return False
    if kb and nationality:
        for placed, other in ((a, b), (b, a)):
            where = kb.places.get(placed.location or "") if not other.location else None
            added = set(other.participants) - set(placed.participants)
            visitors = {nationality.get(p) for p in placed.participants}
            if a.type in ("meeting", "talks") and where and where.country and where.country not in visitors and None not in visitors and any(
                nationality.get(p) not in (None, where.country, *visitors) for p in added
            ):
                return False  # a visitor's "meet British officials in Hong Kong" and "meet South Korea's President Chun": two meetings
    return True


def _merge(drafts: list[_Draft], kb: Knowledge | None = None, nationality: dict[str, str] | None = None) -> list[_Draft]:
    """One event per engagement: fold compatible mentions together."""
    merged: list[_Draft] = []
    for d in drafts:
        fits = [m for m in merged if _compatible(m, d, kb, nationality)]
        # a later mention ("Baldrige's visit") is of the engagement last talked about
        target = max(fits, key=lambda m: max(e.start for e in m.evidence)) if fits else None
        if target is None:
            copy = replace(d, participants=list(d.participants), evidence=list(d.evidence))
            d.into = copy
            merged.append(copy)
            continue
        d.into = target
        if target.type != d.type and target.definite and not d.definite:
            target.type, target.definite = d.type, False  # "the talks" were the meeting told later
        for p in d.participants:
            if p not in target.participants:
                target.participants.append(p)
        if target.type in ("meeting", "talks") and target.location and d.location and kb is not None and _more_specific(d.location, target.location, kb) and _places_agree(d.location, target.location, kb):
            target.location = d.location  # "met in Malaysia" and "the talks in Kuala Lumpur": the city
        target.location = target.location or d.location
        if target.window is None or (d.window and (d.window.end - d.window.start) < (target.window.end - target.window.start)):
            target.window = d.window or target.window
        if d.sentence not in target.evidence:
            target.evidence.append(d.sentence)
        if d.status in ("cancelled", "postponed") and STATUS_STRENGTH[d.status] > STATUS_STRENGTH[target.status]:
            target.status = d.status
        target.forum = target.forum or d.forum
        if d.score > target.score:
            if target.status not in ("cancelled", "postponed"):
                target.status = d.status
            target.sentence, target.trigger, target.score = d.sentence, d.trigger, d.score
    return merged
