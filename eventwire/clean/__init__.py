"""Stage 2, clean: one `Document` in, one `CleanDoc` out.

    clean(doc) -> CleanDoc(doc, text, paragraphs, repeats)

`text` is `doc.text` normalised character for character (same length, see `normalize`), `paragraphs` its
paragraph spans, `repeats` the paragraphs and sentences that repeat an earlier one (see `repeats`);
`CleanDoc.extraction_text()` blanks them. Documents are independent: nothing is shared between calls.
"""

from __future__ import annotations

from eventwire.clean.normalize import normalize
from eventwire.clean.repeats import find_repeats
from eventwire.clean.segment import paragraphs, sentences
from eventwire.types import CleanDoc, Document

__all__ = ["clean", "normalize", "paragraphs", "sentences"]


def clean(doc: Document) -> CleanDoc:
    """Normalise `doc.text` (same length), split it into paragraphs and find the repeated passages."""
    text = normalize(doc.text)
    paras = paragraphs(text)
    return CleanDoc(doc=doc, text=text, paragraphs=paras, repeats=find_repeats(text, paras))
