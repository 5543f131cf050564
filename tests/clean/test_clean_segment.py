"""Paragraph and sentence spans."""

from eventwire.clean import clean, paragraphs, sentences
from eventwire.types import Document, Span


def _texts(text, spans):
    return [text[s.start : s.end] for s in spans]


def test_blank_lines_split_paragraphs_and_spans_are_trimmed():
    text = "  First para\ncontinues here.  \n\n \n\tSecond para.\n  \nThird.\n\n"
    spans = paragraphs(text)
    assert _texts(text, spans) == ["First para\ncontinues here.", "Second para.", "Third."]
    assert spans[0] == Span(2, 28)


def test_single_newlines_split_when_there_is_no_blank_line():
    text = "One line.\nTwo line.\n   Three line.  \n"
    assert _texts(text, paragraphs(text)) == ["One line.", "Two line.", "Three line."]


def test_no_newline_is_one_paragraph_and_empty_text_none():
    assert paragraphs("Just one.") == [Span(0, 9)]
    assert paragraphs("") == [] and paragraphs(" \n\n ") == []


def test_paragraphs_after_crlf_normalisation():
    doc = Document("d", "First.\r\n\r\nSecond.\r\n")
    c = clean(doc)
    assert _texts(doc.text, c.paragraphs) == ["First.", "Second."]


def test_sentences():
    text = (
        'Mr. Smith met officials in the U.S. on Monday. Then J. Doe left! "We stay," he said. '
        "5 died.Kharkiv was shelled. It was 3.5 km away?"
    )
    got = _texts(text, sentences(text, Span(0, len(text))))
    assert got == [
        "Mr. Smith met officials in the U.S. on Monday.",
        "Then J. Doe left!",
        '"We stay," he said.',
        "5 died.",
        "Kharkiv was shelled.",
        "It was 3.5 km away?",
    ]
