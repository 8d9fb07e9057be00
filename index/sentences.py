"""Stage 3: split cleaned text into paragraphs and sentences, with spans.

A rule-based splitter tuned to news: abbreviations ("U.S.", "Mr.", "Jan.",
"Corp."), initials ("C. William Verity"), and quotes closing a sentence.
A line break always ends a sentence (headlines have no full stop).
"""

from __future__ import annotations

import re
from typing import Iterable

from index.model import Sentence, Span

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr st sr jr rev hon pres
    corp inc ltd co cos bros plc llc dept univ assn est approx vs etc al no nos fig
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a u.s.s.r a.m p.m d.c n.y calif mass wash fla ariz ill mich tex
    ft mt pp ed eds vol
    """.split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]*([A-Z0-9])")


def _ends_with_abbreviation(text: str, end: int) -> bool:
    """Is the full stop at ``end - 1`` part of an abbreviation or initial?"""
    start = end - 1
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start : end - 1].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "C. William Verity"
        return True
    return "." in word and all(len(part) <= 2 for part in word.split("."))  # "U.S", "e.g"


def _split_paragraph(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        if text[match.start()] == "." and stop - match.start() == 1 and _ends_with_abbreviation(text, match.start() + 1):
            # "Mr. Baker", "Jan. 5", "C. William": never a boundary.  "U.S." ends
            # a sentence only when a typical sentence opener follows it.
            word = text[max(start, match.start() - 3) : match.start()].lower()
            next_word = re.match(r"\s+(\w+)", text[stop:end])
            if not (word.endswith((".s", ".k", ".n")) and next_word and next_word.group(1) in _SENTENCE_OPENERS):
                continue
        following = _NEXT_START.match(text, stop, end)
        if not following:
            continue
        yield sentence_start, stop
        sentence_start = following.start(1)
        while sentence_start > stop and text[sentence_start - 1] in "\"'“‘([":
            sentence_start -= 1
    if sentence_start < end:
        yield sentence_start, end


# Words that open a new sentence after "U.S." (otherwise "U.S. Trade ..." joins).
_SENTENCE_OPENERS = frozenset(
    "The A An He She It They We I But And In On At This That These Those His Her Its Their "
    "Officials Analysts Sources However Meanwhile Earlier Later".split()
)


MAX_SENTENCE = 1200
"""Longer "sentences" (lists, tables, unpunctuated dumps) are cut at a comma,
semicolon or space, so no later stage ever works on an unbounded span."""


def _bounded(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < MAX_SENTENCE // 2:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_SENTENCE - 1
        yield start, start + cut + 1
        start += cut + 1
        while start < end and text[start] == " ":
            start += 1
    if start < end:
        yield start, end


def split_sentences(text: str, furniture: Iterable[Span] = ()) -> tuple[Sentence, ...]:
    """Sentences of every paragraph (line) of ``text``, in order."""
    furniture_spans = list(furniture)
    sentences: list[Sentence] = []
    offset = 0
    paragraph = 0
    for line in text.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = line_start + (len(line) - len(line.lstrip()))
        trail = line_end - (len(line) - len(line.rstrip()))
        is_furniture = any(f.start <= lead and trail <= f.end for f in furniture_spans)
        for s, e in _split_paragraph(text, lead, trail):
            for a, b in _bounded(text, s, e):
                sentences.append(Sentence(Span(a, b), paragraph, is_furniture))
        paragraph += 1
    return tuple(sentences)
