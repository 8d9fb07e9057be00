"""Stage 4: entity mentions — people, titles, organisations, places, countries.

Three passes over the sentences of one article:

1. a longest-match look-up of every known surface form (people of the fact
   base, places, organisations, country adjectives, titles);
2. people the fact base does not know, found from the ways news names
   people: a title or honorific before a capitalised name, an apposition
   ("Name, a spokesperson for …"), a verb of speech ("said Name");
3. short mentions — a surname, "he", "the minister", "a top Chinese trade
   official" — resolved to a person already met in the article, or to
   whoever held that office on the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple, Sequence

from index.knowledge import Knowledge, Person
from index.model import Article, Mention, Sentence, Span

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9\u00c0-\u024f]+(?:[-–&][A-Za-z0-9\u00c0-\u024f]+)*(?:['’][A-Za-z]{2,})?")


class Token(NamedTuple):
    """A word of the text: a tuple, so the tens of thousands made per story are cheap."""

    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) > 1 and all(c.isupper() for c in letters)


_HYPHEN_SPLIT = re.compile(r"([-–])")
_NATION_PAIR_TOKEN = re.compile(r"[A-Z][a-z]+[-–][A-Z][a-z]+")
"""Two capitalised words joined by a hyphen, each possibly a nation: "Soviet-American"."""
_CONTINUES = re.compile(r" [A-Z][a-z]")


_INITIAL = re.compile(r"[A-Z]")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def _key(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(text))


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # person | org | place | country | adjective | seat | title | honorific
    canonical: str
    country: str | None = None
    office: str | None = None
    person: Person | None = None


@dataclass
class Gazetteer:
    """Token-sequence look-up of every known surface form.

    Entries are indexed by their first token (with the longest entry for
    it), so a token that starts no entry costs one dictionary probe.
    """

    exact: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    lower: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    first_exact: dict[str, int] = field(default_factory=dict)
    first_lower: dict[str, int] = field(default_factory=dict)

    def add(self, surface: str, entry: Entry, case_sensitive: bool = True) -> None:
        key = _key(surface)
        if not key:
            return
        if case_sensitive:
            self.exact.setdefault(key, entry)
            self.first_exact[key[0]] = max(self.first_exact.get(key[0], 0), len(key))
        else:
            key = tuple(k.lower() for k in key)
            self.lower.setdefault(key, entry)
            self.first_lower[key[0]] = max(self.first_lower.get(key[0], 0), len(key))

    def longest(self, tokens: Sequence[Token], i: int, text: str, glued: Sequence[bool] = ()) -> tuple[int, Entry] | None:
        """The longest entry starting at token ``i``: (token count, entry).

        ``glued[k]`` says whether tokens k and k+1 are separated by spaces
        only (a comma or full stop between words breaks a name).
        """
        first = tokens[i].text
        exact_max = self.first_exact.get(first, 0)
        lower_max = self.first_lower.get(first.lower(), 0)
        longest = max(exact_max, lower_max)
        if not longest:
            return None
        limit = 1
        while limit < longest and i + limit < len(tokens) and (glued[i + limit - 1] if glued else not text[tokens[i + limit - 1].end : tokens[i + limit].start].strip()):
            limit += 1
        for n in range(limit, 0, -1):
            window = tokens[i : i + n]
            if n <= exact_max:
                entry = self.exact.get(tuple(t.text for t in window))
                if entry is not None:
                    return n, entry
            if n <= lower_max:
                entry = self.lower.get(tuple(t.text.lower() for t in window))
                if entry is not None:
                    return n, entry
        return None


def gazetteer(kb: Knowledge) -> Gazetteer:
    """Build (once per knowledge base) the look-up of known surface forms."""
    cached = kb.cache.get("gazetteer")
    if cached is not None:
        return cached
    g = Gazetteer()
    for person in kb.people:
        for form in (person.name, *person.aliases):
            g.add(form, Entry("person", person.name, person.country, person=person))
    for form, org in kb.orgs.items():
        g.add(form, Entry("org", org.name))
    for form, place in kb.places.items():
        g.add(form, Entry("country" if place.kind == "country" else "place", place.name, place.country))
    for form, code in kb.adjectives.items():
        g.add(form, Entry("adjective", kb.country_name(code) or form, code))
    for form, code in kb.seats.items():
        if _key(form) not in g.exact:
            g.add(form, Entry("seat", form, code))
    for form, sense in kb.titles.items():
        g.add(form, Entry("title", sense.role, office=sense.office), case_sensitive=False)
    for form in kb.words.get("honorifics") or ():
        g.add(form, Entry("honorific", form), case_sensitive=False)
    kb.cache["gazetteer"] = g
    return g


@dataclass
class PersonRef:
    """A person found in the article, with the short forms that name them."""

    name: str
    country: str | None
    role: str | None
    office: str | None
    short_forms: tuple[str, ...]
    first_at: int
    known: Person | None = None


@dataclass
class EntityResult:
    mentions: list[Mention]
    people: dict[str, PersonRef]


def _words(kb: Knowledge, key: str) -> frozenset[str]:
    cached = kb.cache.get(("words", key))
    if cached is None:
        source = kb.names.get(key) if key in kb.names else kb.words.get(key)
        cached = frozenset(str(w) for w in source or ())
        kb.cache[("words", key)] = cached
    return cached


def _short_forms(name: str, kb: Knowledge, known: Person | None) -> tuple[str, ...]:
    words = [w for w in name.split() if w.lower() not in _words(kb, "particles")]
    if known is not None:
        # the surname, and its spellings in the aliases ("Zelenskyy", "Zelensky" beside "Zelenskiy")
        variants = [] if known.family_name_first else [a.split()[-1] for a in known.aliases if len(a.split()) >= 2]
        return tuple(dict.fromkeys([known.surname, *(v for v in variants if v != known.surname and _similar(v, known.surname))]))
    if len(words) >= 2 and words[0] in _words(kb, "family_first_surnames") and words[-1] not in _words(kb, "family_first_surnames"):
        return (words[0],)
    if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]):
        return (words[0],)  # "Chung In-yong", "Kim Dae-jung": a hyphenated given name follows the family name
    if words and _ARABIC_ARTICLE.match(words[-1]):
        return (words[-1], _ARABIC_ARTICLE.sub("", words[-1]))  # "Mana Said al-Oteiba" is "Oteiba" too
    return (words[-1],) if words else ()


_ARABIC_ARTICLE = re.compile(r"^(?:al|el|Al|El|ad|ar|as|at|az|ash)-(?=[A-Z])")


_PRONOUN_SURNAMES = frozenset({"He", "She"})
"""Surnames that are also pronouns: at a sentence's start before a verb they are the pronoun."""
_PRONOUN_VERB = re.compile(r"\s+(?:is|was|will|would|has|had|said|says|told|tells|added|adds|also|did|does|can|could|should|may|might|must|met|meets|visited|visits|spoke|urged|warned|called)\b")
_UNDERLING_BEFORE = re.compile(r"(?i)\b(?:assistant|deputy|vice|associate|under|junior|acting|former|ex-?)\s*$")
"""Words before "U.S. trade representative" that make it someone else's title."""
_COMPANY_AFTER = re.compile(r"\.?,?\s+(?:Inc|Corp|Ltd|Co|Plc|PLC|AG|SA|NV|BV|GmbH|SpA|Limited|Incorporated|Corporation|Holdings|Securities|Bank)\b")
"""A capitalised run followed by a company's suffix is a firm, not a person."""
_NAME_GOES_ON = re.compile(r"\s+(?:Lines|Line|Corp|Inc|Co|Group|Fund|Bank|Hotel|Hotels|Airlines|Company|Foundation|Club)\b")
"""A title that is part of a company's name: "American President Lines"."""
_APPOSITION_OF = re.compile(r",\s+(?:the|a|an)\s+$")
"""", the British minister": an apposition describing the name just before it."""
_INSTITUTION_AFTER = re.compile(r"['’]s\s+(?:[Oo]ffice|[Dd]epartment|[Mm]inistry|[Aa]gency|[Bb]ureau|[Ss]ecretariat)\b")
"""A title that names an institution ("the Trade Representative's Office"), not a person."""

class _ArticleEntities:
    """Mutable working state for one article's entity pass."""

    def __init__(self, article: Article, sentences: Sequence[Sentence], kb: Knowledge) -> None:
        self.article = article
        self.text = article.text
        self.sentences = [s for s in sentences if not s.furniture]
        self.kb = kb
        self.day: date | None = article.published_date
        self.g = gazetteer(kb)
        self.mentions: list[Mention] = []
        self._tokens: dict[int, list[Token]] = {}
        self.people: dict[str, PersonRef] = {}
        self.taken = bytearray(len(article.text) + 1)
        """1 where a character already belongs to a mention (constant-time look-up)."""
        self.not_names = _words(kb, "not_names")

    # --- helpers -------------------------------------------------------------

    def add(self, kind: str, start: int, end: int, canonical: str, country: str | None = None, role: str | None = None) -> Mention:
        if kind != "person":
            country = self.kb.country_on(country, self.day)  # "Moscow" in 1987 is Soviet
        mention = Mention(kind, Span(start, end), self.text[start:end], canonical, country, role)
        self.mentions.append(mention)
        self.taken[start:end] = b"\x01" * (end - start)
        return mention

    def is_taken(self, start: int, end: int) -> bool:
        return 1 in self.taken[start:end]

    def register(self, name: str, at: int, country: str | None, role: str | None, office: str | None, known: Person | None) -> PersonRef:
        ref = self.people.get(name)
        if ref is None:
            ref = PersonRef(name, country, role, office, _short_forms(name, self.kb, known), at, known)
            self.people[name] = ref
        else:
            ref.country = ref.country or country
            ref.role = ref.role or role
            ref.office = ref.office or office
        return ref

    def known_role(self, person: Person) -> tuple[str | None, str | None]:
        role = person.role_on(self.day)
        return (role.title, role.office) if role else (None, None)

    # --- pass 1: known forms ----------------------------------------------------------

    def pass_known(self) -> list[tuple[Sentence, list[Token], list[tuple[int, int, Entry]]]]:
        out = []
        for sentence in self.sentences:
            tokens = tokenize(self.text, sentence.span.start, sentence.span.end)
            self._tokens[sentence.span.start] = tokens
            glued = [not self.text[a.end : b.start].strip() for a, b in zip(tokens, tokens[1:])]
            found: list[tuple[int, int, Entry]] = []
            i = 0
            while i < len(tokens):
                hit = self.g.longest(tokens, i, self.text, glued)
                if hit is None:
                    i += 1
                    continue
                n, entry = hit
                if entry.kind in ("title", "honorific") and not _title_case_ok(tokens[i : i + n]):
                    i += 1
                    continue
                found.append((i, i + n, entry))
                i += n
            out.append((sentence, tokens, found))
        return out

    def emit_known(self, sentence_hits: list[tuple[Sentence, list[Token], list[tuple[int, int, Entry]]]]) -> None:
        for sentence, tokens, found in sentence_hits:
            covered = {k for a, b, _ in found for k in range(a, b)}
            for k, token in enumerate(tokens):
                if k in covered or not _NATION_PAIR_TOKEN.fullmatch(token.text):
                    continue  # "Soviet-American talks", "Franco-German": each half a country
                pieces, offset = [], token.start
                for piece in _HYPHEN_SPLIT.split(token.text):
                    pieces.append((offset, piece, self.g.exact.get((piece,))))
                    offset += len(piece)
                nations = [(at, piece, entry) for at, piece, entry in pieces if entry is not None and entry.kind in ("country", "adjective")]
                if len(nations) == 2:  # both halves ("Latin-American", "Inter-American" are no pair)
                    for at, piece, entry in nations:
                        self.add("country", at, at + len(piece), self.kb.country_name(entry.country, self.day) or entry.canonical, entry.country)
            for a, b, entry in found:
                start, end = tokens[a].start, tokens[b - 1].end
                if entry.kind == "person" and entry.person is not None:
                    if b < len(tokens) and tokens[b].text in _words(self.kb, "named_after_people") and not self.text[end : tokens[b].start].strip():
                        self.add("org", start, tokens[b].end, self.text[start : tokens[b].end])
                        continue  # "the Ronald Reagan Building": a building, not the president
                    title, office = self.known_role(entry.person)
                    self.register(entry.canonical, start, entry.country, title, office, entry.person)
                    self.add("person", start, end, entry.canonical, entry.country, title)
                elif entry.kind in ("org",):
                    self.add("org", start, end, entry.canonical)
                elif entry.kind in ("country", "adjective", "seat"):
                    name = self.kb.country_name(entry.country, self.day) or entry.canonical
                    if entry.kind == "seat" and entry.canonical in self.kb.places:
                        place = self.kb.places[entry.canonical]
                        self.add("place" if place.kind != "country" else "country", start, end, place.name, place.country)
                    else:
                        self.add("country", start, end, name, entry.country)
                elif entry.kind == "place":
                    self.add("place", start, end, entry.canonical, entry.country)
                elif entry.kind == "title":
                    self.add("title", start, end, entry.canonical, None, entry.office)

    # --- pass 2: people named the ways news names them ------------------------------

    def pass_new_people(self, sentence_hits: list[tuple[Sentence, list[Token], list[tuple[int, int, Entry]]]]) -> None:
        particles = _words(self.kb, "particles")
        for sentence, tokens, found in sentence_hits:
            words = [t for t in tokens if t.text[:1].isalpha()]
            if len(words) >= 4 and sum(1 for t in words if t.text[:1].isupper()) >= 0.75 * len(words) and any(
                t.text in _HEADLINE_WORDS for t in words[1:]
            ):
                continue  # a headline in title case ("… Will Work With US Officials"): capitals say nothing about names
            covered = {k: entry for a, b, entry in found for k in range(a, b)}
            i = 0
            while i < len(tokens):
                if i in covered or not self._name_word(tokens[i], i == 0 or self._sentence_start(tokens, i, sentence)):
                    i += 1
                    continue
                j = i
                while j + 1 < len(tokens) and (j + 1 not in covered or tokens[j].text in particles) and (
                    self.text[tokens[j].end : tokens[j + 1].start] == " "
                    or j > i and _INITIAL.fullmatch(tokens[j].text) and self.text[tokens[j].end : tokens[j + 1].start] == ". "  # "John W. Dixon"
                ) and (
                    self._name_word(tokens[j + 1], False)
                    or (  # "Bob White said": a given name makes a common word after it a surname
                        j == i and tokens[i].text in _words(self.kb, "given_names") and tokens[j + 1].text[:1].isupper() and not tokens[j + 1].all_caps
                        and j + 1 not in covered and (j + 2 >= len(tokens) or not tokens[j + 2].text[:1].isupper())
                    )
                    or _ARABIC_PARTICLE.match(tokens[j + 1].text)
                    or (tokens[j + 1].text in particles and j + 2 < len(tokens) and (self._name_word(tokens[j + 2], False) or _ARABIC_PARTICLE.match(tokens[j + 2].text) or (j + 2 in covered and tokens[j + 2].text[:1].isupper())))
                    or (tokens[j].text in particles and tokens[j + 1].text[:1].isupper())
                ):
                    j += 1
                run = tokens[i : j + 1]
                while run and run[-1].text in particles:
                    run = run[:-1]
                if len(run) > 2 and _PLURAL_TITLE_BEFORE.fullmatch(run[0].text.lower() + " "):
                    run = run[1:]  # "Commissioners Willy de Clercq and …": the title heads a list
                first_index = i
                i = j + 1
                before = covered.get(first_index - 1)
                after_run = tokens.index(run[-1], first_index) + 1 if run else len(tokens)
                if after_run < len(tokens) and tokens[after_run].text in _words(self.kb, "named_after_people") and self.text[run[-1].end : tokens[after_run].start] == " ":
                    continue  # "King Abdulaziz International Airport", "Jomo Kenyatta University": a place named after someone
                if len(run) == 1 and before is not None and before.kind in ("title", "honorific"):
                    royal = self.text[tokens[first_index - 1].start : tokens[first_index - 1].end]
                    if royal in _words(self.kb, "royal_titles") or self.text[max(0, tokens[first_index - 1].start - 6) : tokens[first_index - 1].end] == "Crown Prince":
                        if run[0].text not in self.kb.places and run[0].text not in self.kb.orgs:
                            start, end = tokens[first_index - 1].start, run[0].end
                            known_ref = next((r for r in self.people.values() if r.name.split()[0] == run[0].text and len(r.name.split()) > 1), None)
                            if known_ref is not None:  # "Prince Abdullah" after "Crown Prince Abdullah bin Abdul Aziz"
                                self.add("person", run[0].start, end, known_ref.name, known_ref.country, known_ref.role)
                                continue
                            name = f"{royal} {run[0].text}"
                            self.register(name, start, self._country_before(start), royal, "head_of_state" if royal in ("King", "Queen", "Emir", "Sultan") else None, None)
                            self.add("person", start, end, name, self._country_before(start), royal)
                    continue
                if not 2 <= len(run) <= 5 or run[0].text in _words(self.kb, "foreign_articles"):
                    continue
                start, end = run[0].start, run[-1].end
                if _COMPANY_AFTER.match(self.text, end):
                    continue  # "broker Wood Gundy Inc": a firm, whatever the word before it
                evidence = self._person_evidence(start, end, before, sentence)
                if evidence is None:
                    continue
                name = " ".join(t.text + ("." if _INITIAL.fullmatch(t.text) and self.text[t.end : t.end + 1] == "." else "") for t in run)
                country, role, office = evidence
                known = self._spelling_variant(run, country, office)
                if known is not None:
                    title, known_office = self.known_role(known)
                    self.register(known.name, start, known.country, title, known_office, known)
                    self.add("person", start, end, known.name, known.country, title)
                    continue
                self.register(name, start, country, role, office, None)
                self.add("person", start, end, name, country, role)

    def _sentence_start_at(self, start: int, sentence: Sentence) -> bool:
        return self.text[sentence.span.start : start].strip(" \"'“‘(") == ""

    def _sentence_start(self, tokens: list[Token], i: int, sentence: Sentence) -> bool:
        return tokens[i].start == sentence.span.start or self.text[sentence.span.start : tokens[i].start].strip(" \"'“‘(") == ""

    def _name_word(self, token: Token, at_start: bool) -> bool:
        t = token.text
        if not t[:1].isupper() or token.all_caps and len(t) > 1 and not re.fullmatch(r"[A-Z]", t):
            return False
        if t in self.not_names or t.rstrip("’'s") in self.not_names:
            return False
        return not any(c.isdigit() for c in t)

    def _person_evidence(self, start: int, end: int, before: Entry | None, sentence: Sentence) -> tuple[str | None, str | None, str | None] | None:
        """(country, role, office) if the context marks the name as a person's."""
        text = self.text
        country: str | None = None
        if before is not None and before.kind in ("title", "honorific"):
            title_mention = next((m for m in reversed(self.mentions) if m.span.end <= start and m.kind == "title"), None)
            country = self._country_before(title_mention.span.start if title_mention else start)
            role = before.canonical if before.kind == "title" else (before.canonical if before.canonical in _words(self.kb, "royal_titles") or before.canonical == "Crown Prince" else None)
            return country, role, before.office
        wide = text[max(sentence.span.start, start - 80) : start]
        lower_portfolio = re.search(r"\b(" + "|".join(_ROLE_WORDS) + r")\s+(?:(?:of|for)\s+(?:(?:the\s+)?(?!the\b|a\b|an\b)[a-z][\w-]*,?\s+){1,6}|without\s+portfolio\s+)$", wide)
        if lower_portfolio and not re.search(r"\b(?:and|or|said|says|told|with|by)\s+$", wide):
            # "Nigerian minister of mines and power Bunu Sheriff Musa": a lower-case portfolio, then the name
            return self._country_in(wide[max(0, lower_portfolio.start() - 25) : lower_portfolio.start() + 1]), lower_portfolio.group(1).lower(), None
        title_then_place = re.search(r"\b((?i:" + "|".join(_ROLE_WORDS) + r"))\s+(?:to|of|in|at|for)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:and\s+)?[A-Z][\w.’'-]*){0,3}\s+$", wide)
        if title_then_place:  # "Ambassador to Athens Nazmi Akiman"
            return self._country_in(wide[: title_then_place.start()][-25:]), title_then_place.group(1), None
        role_before = re.search(r"\b(" + "|".join(_ROLE_WORDS) + r")\b(?:[^,.;]{0,70},){1,2}?\s*$", wide, re.IGNORECASE)
        if role_before and re.match(r"\s*(?:,|\.(?:\s|$)|\s+(?:and|said|told|met|who|was|is|has|had|will|would))", text[end : end + 12]):
            # "the head of Bank of Mexico, Miguel Mancera Aguayo, met …"
            return self._country_in(wide[role_before.start() - 25 if role_before.start() >= 25 else 0 : role_before.end()]), role_before.group(1).lower(), None
        preceding = text[max(sentence.span.start, start - 40) : start].lower()
        following = text[end : min(sentence.span.end, end + 160)]
        speech = _words(self.kb, "speech_verbs")
        prev_word = re.search(r"(\w+)\W*$", preceding)
        next_word = re.match(r"\W*(\w+)", following)
        appositive = re.match(r",\s+(?:a|an|the)?\s*([^,]{0,90}?)\b(" + "|".join(_ROLE_WORDS) + r")\b", following, re.IGNORECASE)
        if appositive and appositive.group(2)[:1].isupper() and len(appositive.group(1).split()) > 2:
            appositive = None  # "…, Special Assistant … to the Pakistani Prime Minister": that title is another person's
        acronyms = re.findall(r"\b[A-Z]{2,}\b", appositive.group(1)) if appositive else []
        if appositive and not [a for a in acronyms if a not in self.kb.places and a not in self.kb.adjectives] or (appositive and appositive.group(1) == ""):
            # "Ahmed al-Tayer, the UAE's Minister of State" (a country's letters, not "the IMF's" …)
            role = (appositive.group(1) + appositive.group(2)).strip()
            return self._country_in(following[: appositive.end()]), role, None
        if re.search(r"\b(?:led|headed|chaired)\s+by\s+(?:[a-z][\w-]*\s+){0,3}(?:" + "|".join(_ROLE_WORDS) + r")\s+(?:[a-z][\w-]*\s+){0,6}$", text[max(sentence.span.start, start - 90) : start]) and not self._sentence_start_at(start, sentence):
            return self._country_in(text[max(sentence.span.start, start - 90) : start]), None, None  # "a mission led by minister of state Balaki Kirya"
        if re.match(r",\s+who\s+(?:chairs|heads|leads|directs|runs|chaired|headed|led)\b", following) and text[start:end].split()[0].lower() not in _words(self.kb, "particles"):
            return None, None, None  # "Douglas Danforth, who chairs a special committee"
        plural_title = _PLURAL_TITLE_BEFORE.search(preceding)
        beside = re.match(r"\s+and\s+", following)
        if plural_title or beside and any(m.kind == "person" and m.span.start == end + beside.end() for m in self.mentions):
            # "EC Commissioners Willy de Clercq and Frans Andriessen": a plural title, or a known person beside it in a list
            return self._country_in(text[max(sentence.span.start, start - 30) : start]), None, None
        if re.match(r",\s+(?:[a-z][\w-]*)(?:\s+[^,;]{1,150})?,\s+(?:said|says|told|added|stated)\b", following) and text[start:end].split()[0].split("-")[0] in _words(self.kb, "given_names"):
            return None, None, None  # "Hans-Peter Stihl, negotiating for the employers, said": a person's apposition, then his words
        after_person = re.search(r"\s+and\s+$", text[max(sentence.span.start, start - 6) : start])
        if after_person and text[start:end].split()[0] in _words(self.kb, "given_names") and any(
            m.kind == "person" and m.span.end == start - len(after_person.group(0)) for m in self.mentions
        ):
            return self._country_in(text[max(sentence.span.start, start - 60) : start]), None, None  # "Sen. John Glenn and John Warner": a second person in the pair
        if text[start:end].split()[0].split("-")[0] in _words(self.kb, "given_names") and re.search(r"(?:['’]s|\"s)\s+$", text[max(sentence.span.start, start - 4) : start]):
            country = self._country_before(start)
            if country:  # "France's Francois Guillaume and West Germany's Ignaz Kiechle": a country's man, by name
                return country, None, None
        if re.match(r"\s+as\s+(?:the\s+|its\s+|a\s+)?(?:[a-z-]+\s+){0,3}(?:" + "|".join(_ROLE_WORDS) + r")\b", following, re.IGNORECASE):
            return None, None, None  # "the term of Fadhil al-Chalabi as deputy secretary general"
        if prev_word and prev_word.group(1) in speech or next_word and next_word.group(1) in speech:
            first = text[start:end].split()[0]
            if first.split("-")[0] in _words(self.kb, "given_names") or "-" in text[start:end].split()[-1]:
                return None, None, None  # (a hyphenated given name too: "Hans-Peter Stihl")
            if prev_word and prev_word.group(1) in speech and re.match(r"\s+of\s+(?:the\s+)?[A-Z]", following):
                return None, None, None  # "said Dillard Spriggs of Petroleum Analysis Ltd": a person of an organisation
            return None  # "Waste Recovery said": a company, not a person
        if re.search(r"\b(?:by|editing by|reporting by|writing by|assistance from)\s*$", preceding):
            return None, None, None
        if _CREDIT_LIST.search(text, sentence.span.start, start):
            return None, None, None  # "Reporting by Claire Dufresne and Julien Marchal in Paris and Helen Ashby in London"
        if _NEWS_WRITER_BEFORE.search(text, max(sentence.span.start, start - 40), start):
            return None, "reporter (byline)", None  # "Associated Press writer Tom Castellan contributed from Washington"
        if self._byline_line(start, end, sentence):
            return None, "(byline)", None  # a name on a line of its own above the dateline
        return None

    def _byline_line(self, start: int, end: int, sentence: Sentence) -> bool:
        """A name alone on its line near the top, before the dateline or the first paragraph ("Kallol Sen")."""
        text = self.text
        if text[sentence.span.start : sentence.span.end].strip(" .") != text[start:end] or start > 800:
            return False
        line_end = text.find("\n", end)
        following = text[line_end:].lstrip() if line_end >= 0 else ""
        first = text[start:end].split()[0]
        return bool(_DATELINE_START.match(following)) or (first in _words(self.kb, "given_names") and bool(following))

    def _country_before(self, start: int) -> str | None:
        """Country of an adjective or possessive just before ``start``."""
        # the list is not in text order (names found in a later pass come last): look at all of it
        return next((m.country for m in reversed(self.mentions) if m.kind == "country" and m.span.end <= start and start - m.span.end <= 3), None)

    def _country_in(self, text: str) -> str | None:
        for token in tokenize(text):
            code = self.kb.adjectives.get(token.text) or (self.kb.places[token.text].country if token.text in self.kb.places else None)
            if code:
                return code
        return None

    def _spelling_variant(self, run: list[Token], country: str | None, office: str | None) -> Person | None:
        """A fact-base person the article misspells ("Emanuel Macron",
        "Francois Mitterand"): a near-identical surname and the office that
        person held on the article's date."""
        if office is None:
            return None
        holders = [
            p for p in self.kb.people
            if (country is None or p.country == country) and any(r.holds_on(self.day) and r.office == office for r in p.roles)
        ]
        for surname in (run[-1].text, run[0].text):
            close = [p for p in holders if _similar(p.surname, surname)]
            if len(close) == 1:
                return close[0]
        return None

    # --- pass 3: short mentions ---------------------------------------------------------

    def pass_short_mentions(self) -> None:
        by_short: dict[str, list[PersonRef]] = {}
        paternal = _words(self.kb, "paternal_surname_countries")
        for ref in self.people.values():
            forms = ref.short_forms
            country = ref.country or (ref.known.country if ref.known is not None else None)
            if country in paternal or (country is None and ref.known is None and len(ref.name.split()) == 3 and ref.name.split()[0] in _words(self.kb, "given_names")):
                # (a three-part name of no known country, "Mario Rodriguez Montero": likely Spanish or Portuguese)
                words = [w for w in (ref.known.surname if ref.known is not None else ref.name).split() if w.lower() not in _words(self.kb, "particles")]
                if len(words) >= (2 if ref.known is not None else 3) and len(words[-2]) > 2 and words[-2].isalpha():
                    forms = (*forms, words[-2])  # "Arturo Hernandez Grisanti" is "Hernandez": the father's surname comes first
            for form in forms:
                by_short.setdefault(form, []).append(ref)
        in_office = _in_office(self.kb, self.day)
        for sentence in self.sentences:
            tokens = self._tokens.get(sentence.span.start)
            if tokens is None:
                tokens = tokenize(self.text, sentence.span.start, sentence.span.end)
            for token in tokens:
                parts = [(token.start, token.end, token.text)]
                if "-" in token.text or "–" in token.text:
                    parts = []
                    offset = token.start
                    for piece in _HYPHEN_SPLIT.split(token.text):
                        if piece not in ("-", "–") and piece:
                            parts.append((offset, offset + len(piece), piece))
                        offset += len(piece)
                for start, end, word in parts:
                    if word.endswith(("'s", "’s")):
                        word = word[:-2]
                    end = start + len(word)
                    if not word[:1].isupper() or self.is_taken(start, end):
                        continue
                    if word in self.not_names and word not in by_short:
                        continue
                    if word in _PRONOUN_SURNAMES and _PRONOUN_VERB.match(self.text, end) and not self.text[sentence.span.start : start].strip(" \"“‘'(“"):
                        continue  # "He is due to hold talks": the pronoun opening a sentence, not He Lifeng
                    kin = _GIVEN_NAME_BEFORE.search(self.text, max(sentence.span.start, start - 20), start)
                    if kin and kin.group(1) in _words(self.kb, "given_names") and not self.is_taken(kin.start(1), kin.end(1)) and (by_short.get(word) or in_office.get(word)):
                        known = [r.name for r in by_short.get(word, [])] + [p.name for p in in_office.get(word, [])]
                        if not any(n.startswith(kin.group(1) + " ") for n in known):
                            # "Reagan and Nancy Reagan": another person of the family, not the president
                            name = f"{kin.group(1)} {word}"
                            ref = self.register(name, kin.start(1), None, None, None, None)
                            self.add("person", kin.start(1), end, name)
                            continue
                    refs = by_short.get(word)
                    if refs:
                        candidates = self._of_the_sex_named(refs, start)
                        ref = self._nearest(candidates, start, self._mentions_before(start) if len(candidates) > 1 else None)
                        parts = ref.name.split()
                        whole = ref.known.surname if ref.known is not None else " ".join(parts[parts.index(word) :]) if word in parts[1:] else ""
                        if " " in whole and whole.startswith(word + " ") and self.text.startswith(whole, start):
                            end = start + len(whole)  # "Hernandez Grisanti said", "Ortiz Mena also said": the whole two-part surname
                        self.add("person", start, end, ref.name, ref.country, ref.role)
                        continue
                    initial = not self.text[sentence.span.start : start].strip(" \"“‘'(")
                    if len(word) >= 6 and word not in self.kb.places and word not in self.kb.orgs and word not in _words(self.kb, "given_names") and (
                        not initial or _TYPO_SUBJECT_VERB.match(self.text, end)
                    ):
                        typo = [k for k in by_short if " " not in k and len(k) >= 5 and k != word and _one_edit(k, word)]
                        if len(typo) == 1 and len({r.name for r in by_short[typo[0]]}) == 1:  # "Schultz is currently visiting Peking", after "George Shultz"
                            ref = by_short[typo[0]][0]
                            self.add("person", start, end, ref.name, ref.country, ref.role)
                            continue
                    holders = in_office.get(word)
                    if not holders and _HONORIFIC_BEFORE.search(self.text, max(0, start - 6), start):
                        # "Mr. Nikonov": a courtesy title names a person, so any office of the day counts
                        holders = [p for p in self.kb.people_by_surname.get(word, ()) if any(r.holds_on(self.day) for r in p.roles)] if self.day else []
                    if holders and len(holders) == 1 and word not in self.not_names and not _CONTINUES.match(self.text, end):
                        person = holders[0]
                        title, office = self.known_role(person)
                        ref = self.register(person.name, start, person.country, title, office, person)
                        by_short.setdefault(word, []).append(ref)
                        self.add("person", start, end, person.name, person.country, title)

    def _of_the_sex_named(self, refs: list[PersonRef], at: int) -> list[PersonRef]:
        """Of two people with one surname, "Mr." names the man and "Mrs." the woman."""
        honorific = _HONORIFIC_BEFORE.search(self.text, max(0, at - 6), at)
        if honorific is None or len(refs) < 2:
            return refs
        said = honorific.group(0).strip().rstrip(".")
        wanted = "f" if said in ("Mrs", "Ms", "Mme") else "m" if said == "Mr" else None
        kept = [r for r in refs if self._sex(r) in (None, wanted)] if wanted else refs
        return kept or refs

    def _sex(self, ref: PersonRef) -> str | None:
        """"f" or "m" when a title before the person's first mention or their role says so."""
        words = f"{self.text[max(0, ref.first_at - 25) : ref.first_at]} {ref.role or ''}"
        for sex, key in (("f", "feminine_titles"), ("m", "masculine_titles")):
            if any(re.search(rf"\b{re.escape(t)}\b", words) for t in _words(self.kb, key)):
                return sex
        return None

    def _mentions_before(self, at: int) -> dict[str, int]:
        """How often each person was named before ``at`` (who the story is about so far)."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.kind == "person" and m.span.end <= at:
                counts[m.canonical] = counts.get(m.canonical, 0) + 1
        return counts

    @staticmethod
    def _nearest(refs: list[PersonRef], at: int, counts: dict[str, int] | None = None) -> PersonRef:
        """Of the people a short form may name, the one the story has named most so far (a
        president named six times, not the spokesman named once since), then one the fact
        base knows ("Biden" after "Joe Biden" and "First Lady Jill Biden"); ties: the latest introduced."""
        before = [r for r in refs if r.first_at <= at]
        if not before:
            return min(refs, key=lambda r: r.first_at)
        counts = counts or {}
        return max(before, key=lambda r: (
            counts.get(r.name, 0) >= 3 and counts.get(r.name, 0) > 2 * max((counts.get(o.name, 0) for o in before if o is not r), default=0),
            r.known is not None,  # a bare surname names the office-holder the fact base knows before a relative or an aide
            r.first_at,
        ))

    # --- titles without names -----------------------------------------------------------

    def resolve_titles(self) -> None:
        """Link "the US commerce secretary" to whoever holds that office.

        The title mention keeps its kind; the resolved person is added as a
        person mention over the same words, so events can use it.
        """
        families = self.kb.names.get("office_families") or {}
        self._resolve_generic_roles()
        self._resolve_bare_titles()
        titles = [m for m in self.mentions if m.kind == "title" and m.role]
        persons = [m for m in self.mentions if m.kind == "person"]
        for title in titles:
            # a title directly followed by a person names that person
            if any(0 <= p.span.start - title.span.end <= 2 for p in persons):
                continue
            if re.search(r"(?:ents|ers|ries|tors|nors|ives)$", title.text):
                continue  # "three Latin American presidents": many people, not the one in office
            if _INSTITUTION_AFTER.match(self.text, title.span.end) or _NAME_GOES_ON.match(self.text, title.span.end):
                continue  # "officials at the U.S. Trade Representative's Office": the office, not its holder
            country = self._country_before(title.span.start)
            if country is None:
                continue
            if _UNDERLING_BEFORE.search(self.text, max(0, self._country_mention_start(title.span.start) - 20), self._country_mention_start(title.span.start)):
                continue  # "an assistant U.S. trade representative": not the Trade Representative
            offices = families.get(title.role, [title.role])
            in_article = [
                ref for ref in self.people.values() if ref.country == country and ref.office in offices
            ]
            person_name = None
            exact = [ref for ref in in_article if ref.office == title.role]
            if exact or in_article:  # "the French Prime Minister" is Chirac, not Mitterrand, though both head France
                person_name = min(exact or in_article, key=lambda r: r.first_at).name
            else:
                holder = self.kb.holder(country, title.role, self.day)
                person_name = holder.name if holder else None
            if person_name:
                ref = self.people.get(person_name)
                start = self._country_mention_start(title.span.start)
                self.mentions.append(
                    Mention("person", Span(start, title.span.end), self.text[start : title.span.end], person_name, country, ref.role if ref else title.canonical)
                )

    def _resolve_generic_roles(self) -> None:
        """"the Chinese official", "the U.S. envoy": the article's most
        mentioned person of that country (named before the reference)."""
        persons = [m for m in self.mentions if m.kind == "person"]
        for title in [m for m in self.mentions if m.kind == "title" and not m.role]:
            if title.canonical.lower() not in ("official", "minister", "negotiator", "envoy", "diplomat", "leader", "president", "premier"):
                continue
            if any(0 <= p.span.start - title.span.end <= 2 for p in persons):
                continue
            if _APPOSITION_OF.search(self.text, max(0, title.span.start - 60), self._country_mention_start(title.span.start)) and any(
                0 <= self._country_mention_start(title.span.start) - p.span.end <= 8 for p in persons
            ):
                continue  # "Michael Howard, the British minister for …": Howard himself, already named
            country = self._country_before(title.span.start)
            lead = self.text[max(0, title.span.start - 30) : title.span.start].lower()
            if country is None or not re.search(r"\bthe\s+(?:\S+\s+){0,2}$", lead):
                continue
            counts: dict[str, int] = {}
            for p in persons:
                if p.country == country and p.span.end <= title.span.start:
                    counts[p.canonical] = counts.get(p.canonical, 0) + 1
            if counts:
                name = max(counts, key=lambda n: counts[n])
                start = self._country_mention_start(title.span.start)
                ref = self.people.get(name)
                self.mentions.append(Mention("person", Span(start, title.span.end), self.text[start : title.span.end], name, country, ref.role if ref else None))

    def _resolve_bare_titles(self) -> None:
        """"the Crown Prince", "the King", "the Prime Minister": the person
        of the article last named with that title."""
        persons = [m for m in self.mentions if m.kind == "person"]
        for match in re.finditer(r"\b[Tt]he\s+((?i:crown prince|king|queen|emir|sultan|sheikh)|(?i:prime minister|premier|chancellor|president|vice president|foreign minister|finance minister)|Secretary|Minister)\b(?!\s+(?:of\b|[A-Z]))", self.text):
            start, end = match.start(1), match.end(1)
            if self.is_taken(start, end) and not any(m.kind == "title" and m.span.start == start for m in self.mentions):
                continue
            title = match.group(1).lower()
            candidates = [
                p for p in persons
                if p.span.end <= start and p.role and (p.role.lower() == title or p.role.lower().endswith(" " + title))
            ]
            if candidates:
                p = candidates[-1]
                self.mentions.append(Mention("person", Span(start, end), self.text[start:end], p.canonical, p.country, p.role))

    def _country_mention_start(self, start: int) -> int:
        for m in reversed(self.mentions):
            if m.kind == "country" and m.span.end <= start and start - m.span.end <= 3:
                return m.span.start
        return start

    def run(self) -> EntityResult:
        hits = self.pass_known()
        self.emit_known(hits)
        self.pass_new_people(hits)
        self.pass_short_mentions()
        self.resolve_titles()
        self.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
        return EntityResult(self.mentions, self.people)


_PLURAL_TITLE_BEFORE = re.compile(r"\b(?:ministers|secretaries|commissioners|presidents|premiers|ambassadors|senators|governors|envoys|negotiators|chancellors|leaders)\s+$")
"""A plural title heading a list of names ("EC Commissioners Willy de Clercq and Frans Andriessen"), lower-cased."""
_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+) $")
"""A capitalised word just before a known surname: a given name, if the list of given names has it."""
_CREDIT_LIST = re.compile(r"(?i)\b(?:reporting|writing|editing|edited|compiled|research|assistance)\s+(?:by|from)\s+[^;()]*?(?:\band|,)\s*$")
"""A later name in a credit line: "Reporting by X and Y in Paris and Z", "With assistance from X and Y"."""
_NEWS_WRITER_BEFORE = re.compile(r"\b(?:[Ww]riter|[Rr]eporter|[Cc]orrespondent|[Pp]hotographer|[Jj]ournalist)s?\s+$")
_DATELINE_START = re.compile(r"[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?(?:\s*[:,]|\s+\(|\s+[—–-])")
"""A wire dateline opening a line: "SAMARKAND, SEPTEMBER 16", "RIYADH:", "BEIJING (AP) —"."""
_ROLE_WORDS = (
    "spokesperson", "spokesman", "spokeswoman", "analyst", "director", "minister", "secretary", "official",
    "adviser", "advisor", "economist", "president", "chairman", "chairwoman", "chief", "head", "editor", "professor",
    "ambassador", "envoy", "governor", "negotiator", "representative", "senator", "executive", "researcher",
    "fellow", "leader", "diplomat", "aide", "deputy", "commissioner", "undersecretary", "under secretary", "strategist", "partner", "founder", "manager",
    "charge d'affaires", "chargé d'affaires", "consul", "consul general", "attache",
)


_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mme)\.?\s+$")


def _in_office(kb: Knowledge, day: date | None) -> dict[str, list[Person]]:
    """Surname -> the fact-base people holding an office on ``day`` (cached)."""
    if day is None:
        return {}
    by_day: dict[date, dict[str, list[Person]]] = kb.cache.setdefault("in_office", {})
    cached = by_day.get(day)
    if cached is None:
        cached = {}
        for surname, persons in kb.people_by_surname.items():
            holding = [p for p in persons if any(r.holds_on(day) and r.office != "other" for r in p.roles)]
            if holding:
                cached[surname] = holding
        if len(by_day) > 4096:
            by_day.clear()
        by_day[day] = cached
    return cached


_HEADLINE_WORDS = frozenset(
    "Will With To For Of In On At And Is Are Be As By From After Over Into Amid Says Say Meets Meet Visits Visit "
    "Talks Seeks Set Hold Holds Hails Urges Warns Vows Agree Agrees Plans Eyes Eyeing Ahead About Against Than Not".split()
)
_ARABIC_PARTICLE = re.compile(r"^(?:al|el|ad|ash|as|at|az|ul|bin|ibn|bint|abu|ben)-[A-Z]")


_TYPO_SUBJECT_VERB = re.compile(r"\s+(?:is|was|has|had|will|would|said|says|told|met|arrived|left|flew|visited)\b")
"""A sentence's first word followed by its verb: a name, not a capitalised common word."""


def _one_edit(a: str, b: str) -> bool:
    """Two surnames one typo apart (a letter added, dropped or changed), first letters alike: "Schultz" for "Shultz"."""
    if a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _similar(a: str, b: str) -> bool:
    """Same name up to a typo: one edit for short names, two for long ones."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.85


def _title_case_ok(tokens: Sequence[Token]) -> bool:
    """A title in running text is either capitalised or wholly lower case."""
    words = [t for t in tokens if t.text not in ("of", "the", "for", "and", "to")]
    return all(t.text[:1].isupper() or re.match(r"[a-z][’']\w", t.text) for t in words) or all(t.text.islower() for t in tokens)  # "Charge d'Affaires"


def extract_entities(article: Article, sentences: Sequence[Sentence], kb: Knowledge) -> EntityResult:
    """Entity mentions of one article (furniture excluded), in text order."""
    return _ArticleEntities(article, sentences, kb).run()

