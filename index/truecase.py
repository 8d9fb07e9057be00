"""Stage between clean and sentences: capitals for stories the wire sent in lower case.

Some wire stories arrive wholly in lower case ("public finances director jorge
marcano"): every rule that reads names from capitals would find nothing.
``truecase`` gives such a text back with the capitals a careful reader would
restore (sentence starts, the knowledge base's places, people, organisations,
months, and the surname after a known given name), character for character
the same length, so every span found in it points at the same words of the
original.  A text with ordinary capitals is left alone (``None``).
"""

from __future__ import annotations

import re

from index.knowledge import Knowledge

_WORD = re.compile(r"[a-z][a-z’'.-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s{2,})([\"“‘']?)([a-z])")
_COMMON = frozenset(
    "a an the and or but of to in on at for from by with as is are was were be been has have had will would "
    "said says told that this these those it its he she they his her their who which when where while after "
    "before since until about over under into than then there here not no also only new more most other "
    "director minister president secretary governor chairman official officials bank banks committee "
    "may march can will said mark rose bill grant price young long hope rich summit china turkey chad "
    "guinea jordan niger georgia victoria york".split()
)
"""Words too common to be capitalised on the knowledge base's say alone ("said", "may", "mark", "china" the ware)."""


def _lower_forms(kb: Knowledge) -> dict[str, str]:
    """Lower-case surface form -> the cased form the knowledge base knows (built once)."""
    cached = kb.cache.get("truecase_forms")
    if cached is not None:
        return cached
    forms: dict[str, str] = {}

    def add(form: str) -> None:
        form = str(form)
        if any(c.isupper() for c in form):
            forms.setdefault(form.lower(), form)

    for table in (kb.places, kb.adjectives, kb.orgs, kb.person_by_name, kb.seats):
        for form in table:
            if str(form).lower() not in _COMMON:
                add(form)
    for person in kb.people:  # a known officer's surname ("azpurua"), unless it is also a common word ("said")
        if str(person.surname).lower() not in _COMMON:
            add(person.surname)
    for word in kb.time_words.get("months", {}):
        if len(word) > 3:
            add(str(word).capitalize())
    for word in kb.time_words.get("weekdays", {}):
        add(str(word).capitalize())
    kb.cache["truecase_forms"] = forms
    return forms


_ASCII_CAPITAL = re.compile(r"[A-Z]")


def is_lower_case_story(text: str) -> bool:
    """Almost no capitals in a text of some length: sent in lower case."""
    if len(_ASCII_CAPITAL.findall(text)) >= 0.01 * len(text):
        return False  # (the common case, settled without a Python loop over every character: this runs on every story)
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 80 and sum(c.isupper() for c in letters) < 0.01 * len(letters)


def truecase(text: str, kb: Knowledge) -> str | None:
    """The text with its capitals restored, the same length; None when it has capitals already."""
    if not is_lower_case_story(text):
        return None
    forms = _lower_forms(kb)
    given = {str(w).lower() for w in (kb.names.get("given_names") or ())} - _COMMON
    longest = max((len(f.split()) for f in forms), default=1)
    out = list(text)

    def put(start: int, cased: str) -> None:
        for i, c in enumerate(cased):
            if out[start + i].lower() == c.lower():
                out[start + i] = c

    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        matched = 0
        for n in range(min(longest, len(words) - i), 0, -1):
            start, end = words[i].start(), words[i + n - 1].end()
            piece = text[start:end]
            cased = forms.get(piece) or forms.get(piece.rstrip("."))
            if cased is not None and len(cased) <= len(piece) and " ".join(piece.split()) == piece:
                put(start, cased)
                matched = n
                break
        if matched:
            i += matched
            continue
        word = words[i].group(0)
        if word in given:  # "jorge marcano": a known given name and the surname after it
            put(words[i].start(), word.capitalize())
            for k in (1, 2):
                if i + k < len(words) and words[i + k].group(0) not in _COMMON and words[i + k].group(0).isalpha() and text[words[i + k - 1].end() : words[i + k].start()] == " ":
                    put(words[i + k].start(), words[i + k].group(0).capitalize())
                else:
                    break
        i += 1
    for m in _SENTENCE_START.finditer(text):
        out[m.start(2)] = m.group(2).upper()
    cased_text = "".join(out)
    return cased_text if len(cased_text) == len(text) else None
