"""HTML pages: main text, title, date and site name through trafilatura (offline; no URL is ever fetched)."""

from __future__ import annotations

import codecs
import re
from datetime import date
from pathlib import Path

from eventwire.ingest.dates import parse_date
from eventwire.ingest.sniff import decode_utf8, undecodable
from eventwire.types import Document, InputError

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Dates only from the page's markup (meta tags, <time>, URL); trafilatura's "extensive search" would also take a
# date from the running text ("on 3 March 2021 the ceasefire..."), which is a guess we do not make.
MIN_WORDS = 5  # fewer words than this is a menu or a stub, not an article
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def decode_html(data: bytes) -> str:
    """The page as text: UTF-8, or the charset the page itself declares in a <meta> tag. Raises ValueError."""
    try:
        return decode_utf8(data)
    except UnicodeDecodeError as err:
        m = _CHARSET.search(data[:4096])
        name = m[1].decode("ascii").lower() if m else None
        try:
            codec = codecs.lookup(name).name if name else None
        except LookupError:
            codec = None
        if codec is None or codec == "utf-8":
            raise ValueError(undecodable(data, err)) from err
        try:
            return data.decode(codec)
        except UnicodeDecodeError as err2:
            raise ValueError(f"is not valid {name} (the charset it declares): {err2.reason}") from err2


def html_document(
    path: Path, rel: str, data: bytes, *, published: date | None, source: str | None
) -> Document | InputError:
    try:
        page = decode_html(data)
    except ValueError as err:
        return InputError(str(path), str(err))
    import trafilatura  # slow to import: only when an HTML file is read

    result = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
    )
    text = getattr(result, "text", None) or ""
    words = len(text.split())
    if words < MIN_WORDS:  # trafilatura falls back to any text it finds, menus included
        found = f" (only {words} word{'s' if words != 1 else ''} found)" if words else ""
        return InputError(str(path), f"has no article text that could be extracted from the HTML{found}")
    return Document(
        doc_id=rel,
        text=text,
        published=parse_date(result.date) or published,
        source=(result.sitename or "").strip() or source,
        url=result.url or None,
        title=(result.title or "").strip() or None,
        origin=str(path),
    )
