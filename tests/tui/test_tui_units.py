"""The app's pure parts, without a terminal: text, styles, queries, citations, history."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from rich.text import Text

from index.model import Mention, Span
from index.store import StoredArticle
from tui import core
from tui.clipboard import article_citation, citation, osc52, passthrough
from tui.history import History, Recall
from tui.styles import Palette, article_text, inert, reflow, status_text, wrapped_line

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

EVENT = {
    "id": "a1#e1",
    "article": "a1",
    "type": "meeting",
    "cameo": "040",
    "participants": ["Gina Raimondo", "Wang Wentao"],
    "location": None,
    "date": {"start": "2023-05-21", "end": "2023-05-27", "text": "next week"},
    "status": "planned",
    "sentence": "Commerce Minister Wang Wentao will meet his US counterpart,\nGina Raimondo.",
    "span": [10, 80],
    "evidence": [{"sentence": "x", "span": [10, 80]}],
}


# --- making text inert ---------------------------------------------------------


def test_inert_replaces_every_control_character_one_for_one() -> None:
    raw = "a\x1b[31mred\x1b[0m\x07\x9b\u202e\tb\nc"
    out = inert(raw)
    assert len(out) == len(raw)
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\u202e" not in out
    assert "␛[31mred" in out and out.endswith("b\nc")
    assert "\t" not in out


def test_markup_in_article_text_stays_characters() -> None:
    text = Text(inert("[bold]not bold[/bold] [link=http://x]y[/link]"))
    assert text.plain == "[bold]not bold[/bold] [link=http://x]y[/link]"
    assert text.spans == []


# --- laying out an article -------------------------------------------------------


def test_reflow_puts_a_blank_line_between_paragraphs_and_maps_offsets() -> None:
    body = "First paragraph here.\nSecond one.\n\n\nThird."
    flowed = reflow(body)
    assert flowed.text == "First paragraph here.\n\nSecond one.\n\nThird."
    for i, char in enumerate(body):
        if not char.isspace():
            assert flowed.text[flowed.positions[i]] == char
    start, end = flowed.span(Span(22, 33))
    assert flowed.text[start:end] == "Second one."


def test_article_text_layers_every_highlight() -> None:
    body = "Gina Raimondo met Wang Wentao in Detroit.\nREAD MORE"
    palette = Palette()
    mentions = [("person", Span(0, 13)), ("person", Span(18, 29)), ("place", Span(33, 40))]
    text, flowed = article_text(body, mentions, [Span(42, 51)], [Span(5, 13)], [Span(0, 41)], palette, current=0)
    spans = {(s.start, s.end): s.style for s in text.spans}
    assert spans[(0, 41)] == palette.evidence
    assert spans[(33, 40)] == palette.place
    assert spans[(5, 13)] == palette.current_match
    assert spans[(43, 52)] == palette.furniture, "offsets follow the reflow"
    # the later layers win where they overlap: the match is drawn after the person
    order = [s.style for s in text.spans]
    assert order.index(palette.current_match) > order.index(palette.person)


def test_wrapped_line_agrees_with_textual_wrapping() -> None:
    plain = "aaaa bbbb cccc dddd\n\neeee ffff"
    assert wrapped_line(plain, 0, 10) == 0
    assert wrapped_line(plain, 10, 10) == 1  # "cccc" starts the second line
    assert wrapped_line(plain, plain.index("eeee"), 10) == 3
    assert wrapped_line(plain, plain.index("ffff"), 5) == 6


def test_status_text_has_a_glyph_so_status_shows_without_colour() -> None:
    palette = Palette()
    assert status_text("occurred", palette).plain.startswith("●")
    assert status_text("planned", palette).plain.startswith("○")
    assert status_text("occurred", palette).style != status_text("planned", palette).style


def test_palette_follows_the_theme() -> None:
    from textual.theme import BUILTIN_THEMES

    nord = Palette.from_variables(BUILTIN_THEMES["nord"].to_color_system().generate())
    light = Palette.from_variables(BUILTIN_THEMES["textual-light"].to_color_system().generate())
    assert nord.person != light.person
    assert nord.status("occurred") != nord.status("planned")


# --- queries ----------------------------------------------------------------------


def test_narrow_adds_a_quoted_field_clause_once() -> None:
    assert core.narrow("", "person", "Gina Raimondo") == 'person:"Gina Raimondo"'
    q = core.narrow("trade", "place", 'The "Hague"')
    assert q == 'trade place:"The Hague"'
    assert core.narrow(q, "place", "The Hague") == q
    assert core.narrow_on_event("", EVENT) == 'person:"Gina Raimondo" person:"Wang Wentao"'


def test_entity_clauses_read_field_names_and_aliases() -> None:
    assert core.entity_clauses('who:Raimondo place:"New York" type:meeting org:APEC') == [
        ("person", "Raimondo"),
        ("place", "New York"),
        ("org", "APEC"),
    ]


def test_entity_matches_find_mentions_named_by_the_query() -> None:
    text = "Raimondo met Tai in Detroit. Gina Raimondo said so."
    article = StoredArticle(
        "a", "t", text, "", "", "", "", "",
        mentions=(
            Mention("person", Span(0, 8), "Raimondo", "Gina Raimondo"),
            Mention("person", Span(13, 16), "Tai", "Katherine Tai"),
            Mention("place", Span(20, 27), "Detroit", "Detroit"),
            Mention("person", Span(29, 42), "Gina Raimondo", "Gina Raimondo"),
        ),
        furniture=(),
    )
    assert core.entity_matches('person:"Gina Raimondo"', article) == [Span(0, 8), Span(29, 42)]
    assert core.entity_matches("where:Detr*", article) == [Span(20, 27)]
    assert core.entity_matches("Raimondo", article) == []


def test_counts_agree_with_their_number() -> None:
    assert core.counted(1, "event") == "1 event"
    assert core.counted(0, "article") == "0 articles"
    assert core.counted(37, "event") == "37 events"


def test_no_mouse_reports_inside_gnu_screen() -> None:
    from tui.app import mouse_wanted

    assert mouse_wanted({"TERM": "xterm-256color"})
    assert mouse_wanted({"TMUX": "/tmp/tmux-0/default,1,0"})
    assert not mouse_wanted({"STY": "1234.pts-0.host", "TERM": "screen"})


def test_relative_age() -> None:
    assert core.relative_age(5) == "just now"
    assert core.relative_age(61) == "1 minute ago"
    assert core.relative_age(3 * 3600 + 5) == "3 hours ago"
    assert core.relative_age(2 * 86400) == "2 days ago"


# --- keeping the index current ----------------------------------------------------------


def test_keep_current_reports_what_it_finds(tui_index: Path, tmp_path: Path) -> None:
    from index.store import Store
    from tui.indexing import keep_current

    from tui_support import SEEDS

    news: list = []
    keep_current(core.Reader(Store(tmp_path / "none")), tmp_path / "none", [SEEDS], news.append, mode="summary")
    assert [n.state for n in news] == ["missing"]
    news.clear()
    keep_current(core.Reader(Store(tui_index)), tui_index, [SEEDS], news.append, mode="check")
    assert [n.state for n in news] == ["checking", "fresh"]
    assert news[-1].summary.events == Store(tui_index).count("", "event")


# --- citations and the clipboard --------------------------------------------------------


def test_citation_has_everything_an_analyst_needs() -> None:
    text = citation(EVENT, title="Top trade official to visit", source="Reuters", published="2023-05-19T00:00:00")
    head, sentence, where = text.split("\n")
    assert head == 'Gina Raimondo and Wang Wentao: meeting, planned, 2023-05-21 to 2023-05-27 ("next week"), place not stated.'
    assert sentence == '"Commerce Minister Wang Wentao will meet his US counterpart, Gina Raimondo."'
    assert where == '— "Top trade official to visit" (Reuters, 2023-05-19), article a1'
    assert "article a2" in article_citation("T", "a2", "Wire", "2024-01-01", "http://x")


def test_citation_of_event_text_with_escapes_is_inert() -> None:
    event = dict(EVENT, participants=["Eve\x1b]52;c;AAAA\x07"], sentence="evil\x1b[2J")
    assert "\x1b" not in citation(event)


def test_osc52_and_pass_through_for_tmux_and_screen() -> None:
    payload = base64.b64encode("héllo".encode()).decode()
    assert osc52("héllo") == f"\x1b]52;c;{payload}\a"
    assert passthrough("x", {}) == []
    tmux = passthrough("héllo", {"TMUX": "/tmp/tmux-0/default,1,0"})
    assert tmux == [f"\x1bPtmux;\x1b\x1b]52;c;{payload}\a\x1b\\"]
    long = "y" * 500
    (screen,) = passthrough(long, {"STY": "123.pts-0"})
    assert screen.startswith("\x1bP\x1b]52;c;") and screen.endswith("\a\x1b\\")
    chunks = screen[len("\x1bP\x1b]52;c;") : -len("\a\x1b\\")].split("\x1b\\\x1bP")
    assert all(len(c) <= 76 for c in chunks)
    assert base64.b64decode("".join(chunks)).decode() == long


# --- history -------------------------------------------------------------------------------


def test_history_records_moves_to_newest_and_persists(tmp_path: Path) -> None:
    history = History(tmp_path)
    for q in ("a", "b", "a", " ", "c"):
        history.record(q)
    assert history.queries == ["b", "a", "c"]
    assert History(tmp_path).queries == ["b", "a", "c"]


def test_two_apps_merge_their_history(tmp_path: Path) -> None:
    one, two = History(tmp_path), History(tmp_path)
    one.record("from one")
    two.record("from two")
    assert History(tmp_path).queries == ["from one", "from two"]


def test_saved_searches(tmp_path: Path) -> None:
    history = History(tmp_path)
    assert history.save("person:Raimondo")
    assert not history.save("person:Raimondo")
    assert not history.save("   ")
    history.save("Tai", name="Tai's trips")
    assert [(s.name, s.query) for s in History(tmp_path).saved] == [("person:Raimondo", "person:Raimondo"), ("Tai's trips", "Tai")]
    history.unsave("person:Raimondo")
    assert [s.query for s in History(tmp_path).saved] == ["Tai"]


def test_a_damaged_state_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "history.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "saved.json").write_text(json.dumps({"saved": [1, {"query": "ok"}]}), encoding="utf-8")
    history = History(tmp_path)
    assert history.queries == []
    assert [s.query for s in history.saved] == ["ok"]
    history.record("fine")
    assert History(tmp_path).queries == ["fine"]


def test_recall_walks_back_and_returns_to_the_draft(tmp_path: Path) -> None:
    history = History(tmp_path)
    for q in ("one", "two", "three"):
        history.record(q)
    recall = Recall(history)
    assert recall.older("draft") == "three"
    assert recall.older("three") == "two"
    assert recall.older("two") == "one"
    assert recall.older("one") is None
    assert recall.newer() == "two"
    assert recall.newer() == "three"
    assert recall.newer() == "draft"
    assert recall.newer() is None
    assert recall.older("three") == "two", "skips an entry equal to the bar"
