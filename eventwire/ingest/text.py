"""Plain-text articles and the seed's one-line header (` date 2022-07-04 Shafaq News/ <article…>`)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from eventwire.ingest.dates import parse_date
from eventwire.types import Document, InputError

# Optional leading spaces, "date", an ISO date, the source (no "/" or newline, may be empty), "/", then the
# spaces after it; when nothing else follows on that line, its line break too (the article then starts below).
_HEADER = re.compile(
    r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+([^/\n]{0,120}?)[ \t]*/[ \t]*(?:\r?\n)?",
    re.IGNORECASE,
)


def split_header(text: str) -> tuple[date | None, str | None, str]:
    """(published, source, article) from a text whose first line may carry the header.

    Without a header (or with one whose date is not a real date) the text comes back whole with no date or
    source. The article is the text after the header, unchanged.
    """
    m = _HEADER.match(text)
    if not m:
        return None, None, text
    published = parse_date(m[1])
    if published is None:
        return None, None, text
    return published, (m[2].strip() or None), text[m.end() :]


def text_document(
    path: Path, rel: str, text: str, *, published: date | None, source: str | None
) -> Document | InputError:
    """A Document from a decoded text file: the header's date and source win over the caller's defaults."""
    head_date, head_source, article = split_header(text)
    if not article.strip():
        reason = "has a header but no article text" if head_date else "contains only whitespace"
        return InputError(str(path), reason)
    return Document(
        doc_id=rel,
        text=article,
        published=head_date or published,
        source=head_source or source,
        origin=str(path),
    )
