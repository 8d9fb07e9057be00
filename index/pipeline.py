"""The extraction pipeline: one article in, one ``Extraction`` out.

``extract`` is a pure function of the article and the knowledge base — no
I/O, no global state besides caches — so a batch engine can run it
anywhere, and two processes give the same answer.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from index.entities import extract_entities
from index.fingerprint import extraction_fingerprint  # noqa: F401  (part of the pipeline's interface)
from index.events import extract_events
from index.knowledge import Knowledge, default_knowledge
from index.model import Article, Extraction, Mention
from index.sentences import split_sentences
from index.timex import find_time_expressions


def extract(article: Article, kb: Knowledge | None = None) -> Extraction:
    """Sentences, entity mentions and events of one article."""
    kb = kb or default_knowledge()
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
    events = extract_events(article, sentences, mentions, times, kb)
    return Extraction(article=article, sentences=sentences, mentions=mentions, events=events)


def extract_all(articles: Iterable[Article], kb: Knowledge | None = None) -> Iterator[Extraction]:
    kb = kb or default_knowledge()
    for article in articles:
        yield extract(article, kb)
