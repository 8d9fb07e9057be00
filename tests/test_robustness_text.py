"""Hostile article text (issue 6): on screen all of it is inert text; in the
index it is searchable text.

Rich markup, ANSI and OSC escape sequences (colour, cursor moves, OSC 52
clipboard writes, window titles, hyperlinks), bidi overrides, zero-width
characters, 10,000-character sentences and a word in every script: an
article holding all of them is indexed with the Indexer, its words are
found by search, and what ``readout`` prints carries no control character.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from index.clean import clean, printable, safe_label, strip_unsafe
from index.indexer import Indexer
from index.load import make_article, read_source
from index.model import Article
from index.store import Store

from test_robustness_support import UNSAFE_CHARS, assert_index_holds_corpus, fingerprint_tree, readout, unsafe_in

ESC = "\x1b"
ATTACKS = {
    "colour": f"{ESC}[31;1mred{ESC}[0m",
    "cursor": f"{ESC}[2J{ESC}[H{ESC}[10;10H{ESC}[1A{ESC}[K",
    "osc52": f"{ESC}]52;c;ZWNobyBwd25lZA=={ESC}\\",
    "osc52-bel": f"{ESC}]52;c;ZWNobyBwd25lZA==\x07",
    "title": f"{ESC}]0;pwned title\x07{ESC}]2;other\x07",
    "hyperlink": f"{ESC}]8;;https://evil.example/{ESC}\\click here{ESC}]8;;{ESC}\\",
    "dcs": f"{ESC}P+q544e{ESC}\\",
    "c1-csi": "\x9b31mred\x9b0m",
    "c1-osc": "\x9d0;c1 title\x9c",
    "keypad": f"{ESC}={ESC}>{ESC}7{ESC}8{ESC}c",
    "unterminated": f"{ESC}]0;never ends",
}
MARKUP = "[bold red]Ministers[/bold red] [link=https://evil.example]click[/link] [/] [reverse]x[/reverse] :warning: \\[escaped]"
SCRIPTS = {
    "chinese": "外交部",
    "japanese": "外務大臣",
    "korean": "외교부",
    "arabic": "الدبلوماسية",
    "hebrew": "שלום",
    "persian": "وزیر\u200cامور",  # a zero-width non-joiner belongs in Persian
    "russian": "переговоры",
    "greek": "διπλωματία",
    "hindi": "विदेश",
    "thai": "การทูต",
    "amharic": "ዲፕሎማሲ",
    "georgian": "დიპლომატია",
    "armenian": "դիվանագիտություն",
    "vietnamese": "ngoại giao",
    "turkish": "Dışişleri",
}


def hostile_article() -> str:
    parts = ["The foreign ministers met in Geneva on Monday to discuss the ceasefire."]
    for name, attack in ATTACKS.items():
        parts.append(f"Attack {name} {attack} endsentence{name.replace('-', '')}.")
    parts.append(f"Markup {MARKUP} stays inert.")
    parts.append("Bidi \u202eevil\u202c reversed \u2066isolated\u2069 and \u200fmarked\u200e text.")
    parts.append("Zero width Rai\u200bmondo and Bla\u2060nken and soft\u00adhyphen and Nakaso\ufeffne.")
    parts.append("Scripts " + " , ".join(f"{word}" for word in SCRIPTS.values()) + " 🇫🇷 👩‍👩‍👧 end.")
    parts.append("Line\u2028separator and paragraph\u2029separator.")
    parts.append("Long " + " ".join(f"word{n % 97}" for n in range(1700)) + " lastwordofthelongsentence.")
    parts.append("Blob " + "QUJD" * 5000 + " afterblob.")
    return "\n\n".join(parts)


# --- cleaning ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=400) | st.lists(st.sampled_from(list(ATTACKS.values()) + ["a", " ", "\n", "[b]", ESC, "]", "\x07", "\\", "\x9c"]), max_size=30).map("".join))
def test_cleaned_text_never_holds_anything_that_acts_on_a_terminal(raw: str) -> None:
    out = strip_unsafe(raw)
    assert not unsafe_in(out.replace("\n", "")), [hex(ord(c)) for c in unsafe_in(out)]
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in out)
    out.encode("utf-8")  # always writable
    assert strip_unsafe(out) == out
    text = clean(raw).text
    assert not unsafe_in(text.replace("\n", ""))
    for label in (safe_label(raw), printable(raw)):
        assert not unsafe_in(label) and "\n" not in label
        label.encode("utf-8")


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=12), min_size=1, max_size=20))
def test_words_of_every_script_survive_cleaning(words: list[str]) -> None:
    text = clean(" ".join(words)).text
    for word in words:
        assert word in text


def test_escape_sequences_go_but_their_surroundings_stay() -> None:
    raw = hostile_article()
    text = clean(raw).text
    for name in ATTACKS:
        if name != "unterminated":
            assert f"endsentence{name.replace('-', '')}." in text
    assert "pwned title" not in text and "ZWNobyBwd25lZA" not in text and "evil.example/" not in text
    assert "click here" in text  # a hyperlink's visible words stay, its target goes
    assert MARKUP in text  # markup is kept as the inert characters it is
    assert "Raimondo" in text and "Blanken" in text and "softhyphen" in text and "Nakasone" in text
    assert SCRIPTS["persian"] in text
    assert "Line\nseparator" in text
    assert "never ends" not in text and "lastwordofthelongsentence" in text  # an unterminated OSC ends at its line


# --- the index -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, Path, dict]:
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(hostile_article(), encoding="utf-8")
    front = (  # YAML's own escapes (\\e is ESC) and raw control characters, which YAML itself refuses
        "---\n"
        "title: \"\\e]0;pwned\\e\\\\[bold]Summit\\e[2J \\u202etitle\"\n"
        f"source: Wire{ESC}[31m\n"
        "date: 2024-03-04\n"
        "region: \"\\e]52;c;ZXZpbA==\\a\"\n"
        "---\n"
        "The presidents held talks in Nairobi.\n"
    )
    (corpus / "front.md").write_text(front, encoding="utf-8")
    records = [
        {"id": f"wire{ESC}[2J-1", "title": f"{ESC}]8;;http://evil{ESC}\\Talks{ESC}]8;;{ESC}\\", "body": f"Envoys met in Lusaka.{ESC}[8m hidden"},
        {"id": "wire-2", "body": "\u202eTalks in Harare\u202c resumed \ud800 after a pause.", "tags": [f"{ESC}[31m", {"k": "\x9b2J"}]},
    ]
    (corpus / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    before = fingerprint_tree(corpus)
    started = time.perf_counter()
    report = Indexer(Store(root / "ix"), workers=1).run([corpus])
    seconds = time.perf_counter() - started
    return Store(root / "ix"), corpus, {"report": report, "before": before, "seconds": seconds}


def test_a_hostile_article_is_indexed_whole_and_quickly(hostile_index) -> None:
    store, corpus, info = hostile_index
    assert info["report"].skipped == []
    assert info["seconds"] < 30
    assert assert_index_holds_corpus(store, [corpus]) == 4
    assert fingerprint_tree(corpus) == info["before"]


@pytest.mark.parametrize(
    "query",
    [
        "Geneva", "ceasefire", "Ministers", "click", "endsentencecolour", "endsentenceosc52", "endsentencehyperlink",
        "endsentencec1csi", "Raimondo", "Blanken", "Nakasone", "evil", "isolated", "lastwordofthelongsentence",
        "afterblob", '"Long word0 word1"', "word96", *SCRIPTS.values(),
        "title:Summit", "Nairobi", "Lusaka", "Harare", "title:Talks",
    ],
)
def test_every_word_of_a_hostile_article_is_searchable(hostile_index, query: str) -> None:
    store, _, _ = hostile_index
    page = store.search(query, limit=5)
    assert page.total >= 1, query
    for hit in page.hits:
        for field in (hit.title, hit.article, hit.source, *(s.text for s in hit.snippets)):
            assert not unsafe_in(field.replace("\n", "")), (query, field)


def test_stored_articles_and_their_metadata_are_clean(hostile_index) -> None:
    store, _, _ = hostile_index
    for doc in store.all_documents():
        for name, value in doc.items():
            if name in ("doc_id", "article_key"):  # internal keys, joined by \x1f, never shown
                continue
            text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
            assert ESC not in text and "\x9b" not in text and "\u202e" not in text, doc
            assert not unsafe_in(text.replace("\n", "")), doc
    ids = {d["article"] for d in store.all_documents() if d.get("kind") == "article"}
    assert ids == {"hostile", "front", "wire-1", "wire-2"}
    front = store.article("front")
    assert front is not None and front.title == "[bold]Summit title" and front.source == "Wire"


def test_readout_prints_hostile_text_as_inert_text(hostile_index) -> None:
    store, corpus, _ = hostile_index
    for args in (
        ("search", "--index", str(store.path), "--json", "Ministers"),
        ("search", "--index", str(store.path), "--limit", "50", "Talks OR Ministers OR Nairobi OR evil OR title:Summit"),
        ("events", str(corpus)),
        ("entities", str(corpus)),
    ):
        out = readout(*args)
        assert out.returncode == 0, (args, out.stderr)
        assert "Traceback" not in out.stderr
        shown = out.stdout + out.stderr
        assert not unsafe_in(shown.replace("\n", "")), (args, sorted(hex(ord(c)) for c in unsafe_in(shown)))
    out = readout("search", "--index", str(store.path), "--json", "Ministers")
    snippets = " ".join(s["text"] for line in out.stdout.splitlines() for s in json.loads(line)["snippets"])
    assert "[bold red]Ministers[/bold red]" in snippets  # shown as the characters it is, not as bold red


def test_an_article_of_long_sentences_is_extracted_in_bounded_time(tmp_path: Path) -> None:
    sentence = " ".join(["The minister met the envoy in Paris and said talks would resume"] * 160) + " finalword."
    assert len(sentence) > 10_000
    (tmp_path / "long.txt").write_text(f"{sentence}\n\nThe envoy will visit Rome next week, said otherword.\n", encoding="utf-8")
    started = time.perf_counter()
    report = Indexer(Store(tmp_path / "ix"), workers=1).run([tmp_path / "long.txt"])
    assert time.perf_counter() - started < 20
    assert report.articles_indexed == 1
    store = Store(tmp_path / "ix")
    assert store.count("finalword") == 1 and store.count("otherword") == 1
