from index.clean import clean, strip_unsafe


def test_escape_sequences_and_controls_are_removed_but_markup_stays_inert_text() -> None:
    raw = "Talks \x1b[31mred\x1b[0m end\x1b]52;c;ZXZpbA==\x07 and \x1b]0;title\x1b\\ [bold]x[/bold]\x00\x07\u202e"
    out = strip_unsafe(raw)
    assert "\x1b" not in out and "\x07" not in out and "\x00" not in out and "\u202e" not in out
    assert out == "Talks red end and  [bold]x[/bold]"


def test_hard_wrapped_wire_lines_are_rejoined_into_paragraphs() -> None:
    raw = (
        "Japan's trade minister said he would meet U.S. Trade\n"
        "Representative Clayton Yeutter in Washington next week to\n"
        "discuss the semiconductor dispute between the two countries.\n"
        "    The two officials last met in Tokyo in January, when they\n"
        "agreed to hold further talks on market access and tariffs.\n"
    )
    text = clean(raw).text
    paragraphs = [p for p in text.split("\n") if p]
    assert paragraphs[0].startswith("Japan's trade minister") and paragraphs[0].endswith("two countries.")
    assert "Trade Representative Clayton Yeutter" in paragraphs[0]
    assert paragraphs[1].startswith("The two officials") and paragraphs[1].endswith("tariffs.")


def test_web_text_with_one_paragraph_a_line_is_kept_as_it_is() -> None:
    raw = "A long first paragraph " * 8 + "\nHeadline\nA second long paragraph " * 1 + "x" * 120
    assert clean(raw).text.split("\n")[1] == "Headline"


def test_page_furniture_is_kept_visible_and_marked() -> None:
    raw = "ua en ru\n\nThe minister will visit Paris.\n\nREAD ALSO: Minister meets envoy\nLoading\nALSO SEE:\nPhoto: Reuters\nA caption here (Photo: Getty Images)\n"
    result = clean(raw)
    marked = [result.text[s.start : s.end] for s in result.furniture]
    assert marked == ["ua en ru", "READ ALSO: Minister meets envoy", "Loading", "ALSO SEE:", "Photo: Reuters", "A caption here (Photo: Getty Images)"]
    assert "The minister will visit Paris." in result.text


def test_one_overlong_line_does_not_stop_a_wrapped_story_being_rejoined() -> None:
    from index.clean import clean

    raw = (
        "Agriculture Minister Karl Stein said he\nwill meet Secretary Lars Holm here on April\n17 and 20 to discuss farm trade issues. Holm will\n"
        "visit Oslo from April 16 to 27.\n    Stein told reporters after a cabinet meeting that all topics of concern to both countries will be discussed, such as trade in fish\n"
        "and grain and import controls on farm products, and more\nwords follow on this line.\n"
    )
    text = clean(raw).text
    assert "said he will meet Secretary Lars Holm here on April 17 and 20" in text
