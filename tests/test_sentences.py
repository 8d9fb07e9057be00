from index.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [text[s.span.start : s.span.end] for s in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Baker met C. William Verity on Jan. 5 in Washington. The U.S. Trade Representative said talks went well."
    assert texts(text) == ["Mr. Baker met C. William Verity on Jan. 5 in Washington.", "The U.S. Trade Representative said talks went well."]


def test_a_sentence_can_end_with_us_before_a_new_one() -> None:
    assert texts("The minister flew to the U.S. He will stay a week.") == ["The minister flew to the U.S.", "He will stay a week."]


def test_quotes_and_line_breaks_end_sentences() -> None:
    text = "“We are ready,” he said. “Talks start now.”\nHeadline without stop\nLast one!"
    assert texts(text) == ["“We are ready,” he said.", "“Talks start now.”", "Headline without stop", "Last one!"]


def test_spans_point_into_the_text() -> None:
    text = "First one. Second one.\n\nThird."
    for s in split_sentences(text):
        assert text[s.span.start : s.span.end].strip() == text[s.span.start : s.span.end]


def test_no_sentence_is_longer_than_the_bound() -> None:
    from index.sentences import MAX_SENTENCE

    text = "Officials met in Paris and discussed trade, " * 500
    found = split_sentences(text)
    assert len(found) > 1 and all(len(s.span) <= MAX_SENTENCE for s in found)
    assert "".join(text[s.span.start : s.span.end] for s in found).replace(" ", "") == text.replace(" ", "")
