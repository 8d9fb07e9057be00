"""The knowledge Readout extracts with: people and their dated roles, places,
organisations, titles and trigger words.  All of it lives in YAML files
under ``index/data/`` (and in user files named in config.yaml); this module
only loads and indexes it for fast look-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_file(name: str) -> Path:
    return DATA_DIR / name


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~6x faster


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_SAFE_LOADER)


@dataclass(frozen=True, slots=True)
class Role:
    office: str
    title: str
    start: date | None
    end: date | None

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    surname: str
    country: str | None
    family_name_first: bool
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_on(self, day: date | None) -> Role | None:
        """The office held on ``day`` (the most specific one if several)."""
        held = [r for r in self.roles if r.holds_on(day)]
        if not held:
            return None
        return sorted(held, key=lambda r: (r.office in ("other",), r.office == "head_of_government"))[0]

    def ever_held(self, office: str) -> bool:
        return any(r.office == office for r in self.roles)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country | city | region
    country: str | None
    historic_name: str | None = None
    historic_until: date | None = None

    def name_on(self, day: date | None) -> str:
        """The name news used on ``day`` ("West Germany" before 1990)."""
        if self.historic_name and day and self.historic_until and day <= self.historic_until:
            return self.historic_name
        return self.name


@dataclass(frozen=True, slots=True)
class Org:
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Gathering:
    """One edition of a recurring gathering ("the G20 summit in Bali", 2022-11-15..16)."""

    series: str
    label: str
    start: date
    end: date
    city: str | None
    country: str | None
    aliases: tuple[str, ...]
    """The edition's own names, if it has any ("COP28", "15th BRICS summit")."""
    kind: str = "summit"
    approx: bool = False
    """Only the month is known: good for dating a story by months, not by days."""
    country_names: tuple[str, ...] = ()
    """The host country as news writes it ("India", "Indian"), to tell editions apart."""
    pattern: re.Pattern[str] | None = None
    """The series' names, shared by its editions."""


@dataclass(frozen=True, slots=True)
class TitleSense:
    """What a title word names: an office, a generic role, or a group."""

    office: str | None
    role: str
    country: str | None = None


@dataclass
class Knowledge:
    """Every look-up table the extractor needs, built once per process."""

    people: list[Person] = field(default_factory=list)
    person_by_name: dict[str, Person] = field(default_factory=dict)
    people_by_surname: dict[str, list[Person]] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)  # surface form -> place
    countries: dict[str, Place] = field(default_factory=dict)  # code -> country
    adjectives: dict[str, str] = field(default_factory=dict)  # "Chinese" -> CN
    seats: dict[str, str] = field(default_factory=dict)  # "Kremlin" -> SU
    capitals: dict[str, str] = field(default_factory=dict)  # "US" -> "Washington"
    orgs: dict[str, Org] = field(default_factory=dict)
    titles: dict[str, TitleSense] = field(default_factory=dict)  # lower-case title -> sense
    triggers: Mapping[str, Any] = field(default_factory=dict)
    words: Mapping[str, Any] = field(default_factory=dict)
    time_words: Mapping[str, Any] = field(default_factory=dict)
    names: Mapping[str, Any] = field(default_factory=dict)
    predecessors: dict[str, tuple[date, str]] = field(default_factory=dict)  # "RU" -> (1991-12-26, "SU")
    gatherings: list[Gathering] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)
    """Derived look-up structures other stages build once and keep here."""

    def holder(self, country: str | None, office: str, day: date | None) -> Person | None:
        """Who held ``office`` for ``country`` on ``day`` (None if unknown)."""
        if not country:
            return None
        found = [
            p
            for p in self.people
            if p.country == country and any(r.office == office and r.holds_on(day) for r in p.roles)
        ]
        return found[0] if len(found) == 1 else None

    def country_on(self, code: str | None, day: date | None) -> str | None:
        """The state a place belonged to on ``day``: Moscow is in the Soviet Union in 1987."""
        if code and day is not None:
            before = self.predecessors.get(code)
            if before is not None and day < before[0]:
                return before[1]
        return code

    def country_name(self, code: str | None, day: date | None = None) -> str | None:
        place = self.countries.get(code or "")
        return place.name_on(day) if place else None


def _as_date(value: Any) -> date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _people_from(records: Iterable[Mapping[str, Any]]) -> list[Person]:
    people = []
    for rec in records:
        name = str(rec["name"]).strip()
        family_first = bool(rec.get("family_name_first", False))
        words = name.split()
        surname = str(rec.get("surname") or (words[0] if family_first else words[-1]))
        roles = tuple(
            Role(
                office=str(r.get("office", "other")),
                title=str(r.get("title", "")),
                start=_as_date(r.get("from")),
                end=_as_date(r.get("to")),
            )
            for r in rec.get("roles") or []
        )
        people.append(
            Person(
                name=name,
                surname=surname,
                country=rec.get("country"),
                family_name_first=family_first,
                aliases=tuple(str(a) for a in rec.get("aliases") or ()),
                roles=roles,
            )
        )
    return people


def build_knowledge(extra_people_files: Sequence[Path] = (), data_dir: Path | None = None) -> Knowledge:
    """Load every data file (and a user's people files) into look-up tables."""
    kb = Knowledge()

    def data_file(name: str) -> Path:
        return (data_dir or DATA_DIR) / name

    people = _people_from(_load_yaml(data_file("people.yaml")).get("people") or [])
    for extra in extra_people_files:
        people.extend(_people_from((_load_yaml(extra) or {}).get("people") or []))
    merged: dict[str, Person] = {}
    for person in people:  # a user's entry for a known name adds to it
        if person.name in merged:
            old = merged[person.name]
            person = Person(
                old.name, old.surname, person.country or old.country, old.family_name_first,
                old.aliases + person.aliases, old.roles + person.roles,
            )
        merged[person.name] = person
    kb.people = list(merged.values())
    for person in kb.people:
        for form in (person.name, *person.aliases):
            kb.person_by_name[form] = person
        kb.people_by_surname.setdefault(person.surname, []).append(person)

    places = _load_yaml(data_file("places.yaml"))
    for rec in places.get("countries") or []:
        historic = rec.get("historic_name") or {}
        country = Place(rec["name"], "country", rec["code"], historic.get("name"), _as_date(historic.get("until")))
        kb.countries[rec["code"]] = country
        for form in (rec["name"], *(rec.get("aliases") or ())):
            kb.places.setdefault(str(form), country)
        for adjective in rec.get("adjectives") or ():
            kb.adjectives.setdefault(str(adjective), rec["code"])
        for seat in rec.get("seat_metonyms") or ():
            kb.seats.setdefault(str(seat), rec["code"])
        if rec.get("capital"):
            kb.capitals[rec["code"]] = str(rec["capital"])
    for rec in places.get("predecessors") or []:
        until = _as_date(rec.get("until"))
        if until is not None:
            kb.predecessors[str(rec["code"])] = (until, str(rec["was"]))
    for rec in places.get("cities") or []:
        city = Place(rec["name"], "city", rec.get("country"))
        for form in (rec["name"], *(rec.get("aliases") or ())):
            kb.places.setdefault(str(form), city)
    for rec in places.get("regions") or []:
        region = Place(rec["name"], "region", None)
        for form in (rec["name"], *(rec.get("aliases") or ())):
            kb.places.setdefault(str(form), region)

    for rec in _load_yaml(data_file("orgs.yaml")).get("organisations") or []:
        org = Org(rec["name"], rec.get("kind", "other"))
        for form in (rec["name"], *(rec.get("aliases") or ())):
            kb.orgs.setdefault(str(form), org)

    titles = _load_yaml(data_file("titles.yaml"))
    for office, forms in (titles.get("offices") or {}).items():
        for form in forms:
            kb.titles[str(form).lower()] = TitleSense(office=str(office), role=str(form))
    for form in titles.get("roles") or []:
        kb.titles.setdefault(str(form).lower(), TitleSense(office=None, role=str(form)))
    kb.words = titles
    gatherings = data_file("gatherings.yaml")
    if gatherings.exists():
        kb.gatherings = _gatherings_from(_load_yaml(gatherings) or {}, kb)
    kb.triggers = _load_yaml(data_file("triggers.yaml"))
    kb.time_words = _load_yaml(data_file("time.yaml"))
    kb.names = _load_yaml(data_file("names.yaml"))
    return kb


def _gatherings_from(data: Mapping[str, Any], kb: Knowledge) -> list[Gathering]:
    """The calendar of gatherings, one ``Gathering`` per dated edition (cancelled ones left out)."""
    found: list[Gathering] = []
    named: dict[str, tuple[str, ...]] = {}  # country code -> the ways news writes it (one pass over the tables per country)

    def country_names(code: str | None) -> tuple[str, ...]:
        key = code or ""
        if key not in named:
            country = kb.countries.get(key)
            named[key] = tuple([country.name] + [a for a, c in kb.adjectives.items() if c == code] + [f for f, p in kb.places.items() if p is country]) if country else ()
        return named[key]

    for series, rec in (data.get("series") or {}).items():
        names = [str(n) for n in rec.get("names") or () if n]
        if not names:
            continue
        pattern = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
        for edition in rec.get("editions") or ():
            start, end = _as_date(edition.get("from")), _as_date(edition.get("to"))
            if start is None or "cancel" in str(edition.get("note") or "").lower():
                continue
            code = str(edition["country"]) if edition.get("country") else None
            aliases = tuple(str(a) for a in edition.get("aliases") or () if a)
            city = str(edition["city"]) if edition.get("city") else None
            label = f"{names[0]} {start.year}" + (f" {city}" if city else "")
            found.append(
                Gathering(
                    str(series), label, start, end or start, city, code, aliases, str(rec.get("kind") or "summit"),
                    str(edition.get("approx") or "") == "month", country_names(code), pattern,
                )
            )
    return found


@lru_cache(maxsize=4)
def default_knowledge(extra_people_files: tuple[Path, ...] = ()) -> Knowledge:
    """The process-wide knowledge base (built once: loading costs ~0.2 s)."""
    return build_knowledge(extra_people_files)
