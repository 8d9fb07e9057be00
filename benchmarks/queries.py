"""The fixed query set: what an analyst types, in every form the syntax offers.

Each query has its Readout form, the equivalent SQLite FTS5 expression and
the needles of a plain substring scan, so all three engines answer the same
question (top 20 with snippets, exact total).  Picked from the Reuters
corpus of 1987: common and rare words, two-word AND, phrases, prefixes,
fielded queries (person, place, type, status) and words with a date range.
"""

from __future__ import annotations

from dataclasses import dataclass

ALL = "{title body person place org}"


@dataclass(frozen=True)
class Query:
    category: str
    q: str
    """As typed into Readout."""
    fts: str
    """The FTS5 MATCH expression."""
    scan: tuple[tuple[str, str], ...]
    """(column, lower-case needle) pairs that must all occur, for the substring scan."""
    date: tuple[str, str] | None = None
    """A date range (first day, last day) the document's window must overlap."""


def _text(word: str) -> tuple[str, str]:
    return ("text", word.lower())


QUERIES: tuple[Query, ...] = (
    # common words (1,000-3,000 of the 19,043 stories)
    Query("common", "market", f"{ALL}: market", (_text("market"),)),
    Query("common", "bank", f"{ALL}: bank", (_text("bank"),)),
    Query("common", "oil", f"{ALL}: oil", (_text("oil"),)),
    Query("common", "trade", f"{ALL}: trade", (_text("trade"),)),
    Query("common", "government", f"{ALL}: government", (_text("government"),)),
    # rare words (under 150 stories)
    Query("rare", "Yeutter", f"{ALL}: yeutter", (_text("yeutter"),)),
    Query("rare", "Nakasone", f"{ALL}: nakasone", (_text("nakasone"),)),
    Query("rare", "Volcker", f"{ALL}: volcker", (_text("volcker"),)),
    Query("rare", "Stoltenberg", f"{ALL}: stoltenberg", (_text("stoltenberg"),)),
    Query("rare", "cocoa", f"{ALL}: cocoa", (_text("cocoa"),)),
    # two words, both required
    Query("and", "oil prices", f"{ALL}: (oil prices)", (_text("oil"), _text("price"))),
    Query("and", "Japan tariffs", f"{ALL}: (japan tariffs)", (_text("japan"), _text("tariff"))),
    Query("and", "Brazil debt", f"{ALL}: (brazil debt)", (_text("brazil"), _text("debt"))),
    Query("and", "coffee quotas", f"{ALL}: (coffee quotas)", (_text("coffee"), _text("quota"))),
    Query("and", "Reagan trade", f"{ALL}: (reagan trade)", (_text("reagan"), _text("trade"))),
    # phrases
    Query("phrase", '"trade talks"', f'{ALL}: "trade talks"', (_text("trade talks"),)),
    Query("phrase", '"interest rates"', f'{ALL}: "interest rates"', (_text("interest rates"),)),
    Query("phrase", '"Federal Reserve"', f'{ALL}: "federal reserve"', (_text("federal reserve"),)),
    Query("phrase", '"finance minister"', f'{ALL}: "finance minister"', (_text("finance minister"),)),
    # prefixes
    Query("prefix", "Nakaso*", f"{ALL}: nakaso*", (_text("nakaso"),)),
    Query("prefix", "petro*", f"{ALL}: petro*", (_text("petro"),)),
    Query("prefix", "currenc*", f"{ALL}: currenc*", (_text("currenc"),)),
    # fielded
    Query("fielded", "person:Yeutter", "person: yeutter", (("person", "yeutter"),)),
    Query("fielded", 'person:"James Baker"', 'person: "james baker"', (("person", "james baker"),)),
    Query("fielded", "place:Tokyo", "place: tokyo", (("place", "tokyo"),)),
    Query("fielded", "place:Washington", "place: washington", (("place", "washington"),)),
    Query("fielded", "type:meeting", "type: meeting", (("type", "meeting"),)),
    Query("fielded", "status:planned", "status: planned", (("status", "planned"),)),
    Query("fielded", "type:visit status:planned", "type: visit AND status: planned", (("type", "visit"), ("status", "planned"))),
    Query("fielded", "person:Reagan type:meeting", "person: reagan AND type: meeting", (("person", "reagan"), ("type", "meeting"))),
    # a word and a date range
    Query("date", "oil date:[1987-03-01 to 1987-03-31]", f"{ALL}: oil", (_text("oil"),), ("1987-03-01", "1987-03-31")),
    Query("date", "trade date:[1987-04-01 to 1987-04-15]", f"{ALL}: trade", (_text("trade"),), ("1987-04-01", "1987-04-15")),
    Query("date", "Japan date:[1987-06-01 to 1987-10-31]", f"{ALL}: japan", (_text("japan"),), ("1987-06-01", "1987-10-31")),
    # mixed
    Query("mixed", 'Yeutter "trade talks"', f'{ALL}: (yeutter "trade talks")', (_text("yeutter"), _text("trade talks"))),
    Query("mixed", "OPEC Vienna meeting", f"{ALL}: (opec vienna meeting)", (_text("opec"), _text("vienna"), _text("meet"))),
)

SEED_QUERIES: tuple[str, ...] = (
    "China", "Raimondo", '"trade talks"', "Raimon*", "person:Raimondo", "place:Detroit", "type:meeting",
    "status:planned", "China date:[2023-05-01 to 2023-06-30]", "Wang Tai", "meetings", "trade", "oil prices", "Yeutter",
)
"""Queries over seeds/ and the test slice of Reuters (the CI regression check: seconds, not minutes)."""

SEED_QUERIES_FTS5: tuple[Query, ...] = (
    Query("ci", "China", f"{ALL}: china", ()),
    Query("ci", "Raimondo", f"{ALL}: raimondo", ()),
    Query("ci", '"trade talks"', f'{ALL}: "trade talks"', ()),
    Query("ci", "Raimon*", f"{ALL}: raimon*", ()),
    Query("ci", "person:Raimondo", "person: raimondo", ()),
    Query("ci", "place:Detroit", "place: detroit", ()),
    Query("ci", "type:meeting", "type: meeting", ()),
    Query("ci", "status:planned", "status: planned", ()),
    Query("ci", "China date", f"{ALL}: china", (), ("2023-05-01", "2023-06-30")),
    Query("ci", "Wang Tai", f"{ALL}: (wang tai)", ()),
    Query("ci", "meetings", f"{ALL}: meetings", ()),
    Query("ci", "trade", f"{ALL}: trade", ()),
    Query("ci", "oil prices", f"{ALL}: (oil prices)", ()),
    Query("ci", "Yeutter", f"{ALL}: yeutter", ()),
)
"""The same questions for FTS5: the yardstick the CI check divides by."""
