"""The nlp stage: the real model's parse, copied into plain data, with eventwire's sentence rule."""

from __future__ import annotations

from eventwire.clean import clean
from eventwire.nlp import parse
from eventwire.types import Document


def _sentences(text: str) -> list[str]:
    parsed = next(parse([clean(Document(doc_id="t", text=text))]))
    return [parsed.clean.text[s.start:s.end].strip() for s in parsed.sentences]


def test_a_subheading_is_not_run_into_the_sentence_after_it():
    text = "The talks ended without a deal.\n\nLondon's appeal\n\nRussia massed troops near the border on Monday."
    assert "Russia massed troops near the border on Monday." in _sentences(text)


def test_a_hard_wrapped_line_stays_in_its_sentence():
    text = "Russian forces shelled the outskirts of\nthe town on Monday. Two houses burned."
    assert _sentences(text)[0] == "Russian forces shelled the outskirts of\nthe town on Monday."
