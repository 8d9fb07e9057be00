"""The extraction pipeline: one article in, one ``Extraction`` out.

``extract`` is a pure function of the article and the knowledge base — no
I/O, no global state besides caches — so a batch engine can run it
anywhere, and two processes give the same answer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Iterable, Iterator

from index.dating import estimate_publication
from index.entities import extract_entities
from index.fingerprint import extraction_fingerprint  # noqa: F401  (part of the pipeline's interface)
from index.events import extract_events
from index.knowledge import Knowledge, default_knowledge
from index.model import Article, DateEstimate, DateWindow, Extraction, Mention, Span
from index.sentences import split_sentences
from index.timex import find_time_expressions
from index.truecase import truecase


def extract(article: Article, kb: Knowledge | None = None) -> Extraction:
    """Sentences, entity mentions and events of one article."""
    kb = kb or default_knowledge()
    if article.published is None:
        estimate = estimate_publication(article.text, kb, article.dateline)
        if estimate is not None:
            return _extract_estimated(article, estimate, kb)
    return _extract_cased(article, kb)


def _extract_estimated(article: Article, estimate: DateEstimate, kb: Knowledge) -> Extraction:
    """An undated article, read as of the likeliest day; each event's date is
    widened to what the earliest and the latest possible day would make it, so
    "next week" in a story written some time in spring 2023 says so.  The
    article handed back keeps no date: none was given."""

    spread = (estimate.latest - estimate.earliest).days

    def as_of(day: date) -> Extraction:
        return _extract_cased(replace(article, published=datetime(day.year, day.month, day.day)), kb, spread)

    found = as_of(estimate.best)
    bounds = [as_of(day) for day in {estimate.earliest, estimate.latest} - {estimate.best}]
    windows: dict[tuple[int, str], list[DateWindow]] = {}
    for other in bounds:
        for event in other.events:
            if event.date is not None:
                windows.setdefault((event.span.start, event.type), []).append(event.date)
    events = []
    for event in found.events:
        if event.date is not None:
            around = [event.date, *windows.get((event.span.start, event.type), [])]
            start, end = min(w.start for w in around), max(w.end for w in around)
            event = replace(event, date=replace(event.date, start=start, end=end, estimated=True))
        events.append(event)
    return replace(found, article=article, events=tuple(events), dated_by=estimate)


def _extract_cased(article: Article, kb: Knowledge, undated_by_days: int = 0) -> Extraction:
    cased = truecase(article.text, kb)
    if cased is not None:
        # a story sent in lower case is read with its capitals restored; what we
        # hand out quotes the original words (the spans are the same)
        found = _extract(replace(article, text=cased), kb, undated_by_days)
        return _quote_original(found, article)
    return _extract(article, kb, undated_by_days)


def _quote_original(found: Extraction, article: Article) -> Extraction:
    text = article.text

    def quote(span: Span) -> str:
        return text[span.start : span.end]

    mentions = tuple(replace(m, text=quote(m.span)) for m in found.mentions)
    events = tuple(
        replace(
            e,
            sentence=quote(e.span),
            evidence=tuple(replace(v, sentence=quote(v.span)) for v in e.evidence),
            date=replace(e.date, text=quote(e.date.span)) if e.date is not None and e.date.span is not None else e.date,
        )
        for e in found.events
    )
    return replace(found, article=article, mentions=mentions, events=events)


def _extract(article: Article, kb: Knowledge, undated_by_days: int = 0) -> Extraction:
    sentences = split_sentences(article.text, article.furniture)
    published = article.published_date
    times = []
    for sentence in sentences:
        if not sentence.furniture:
            times.extend(find_time_expressions(article.text, sentence.span.start, sentence.span.end, published, kb))
    entities = extract_entities(article, sentences, kb)
    date_mentions = [
        Mention("date", t.span, t.text, (t.past or t.future)[0].isoformat() if (t.past or t.future) else t.text)  # type: ignore[index]
        for t in times
    ]
    mentions = tuple(sorted([*entities.mentions, *date_mentions], key=lambda m: (m.span.start, -m.span.end)))
    events = extract_events(article, sentences, mentions, times, kb, undated_by_days)
    return Extraction(article=article, sentences=sentences, mentions=mentions, events=events)


def extract_all(articles: Iterable[Article], kb: Knowledge | None = None) -> Iterator[Extraction]:
    kb = kb or default_knowledge()
    for article in articles:
        yield extract(article, kb)
