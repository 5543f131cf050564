"""Plain-text files and the seed-style header."""

from datetime import date

from eventwire.ingest import read_inputs, split_header
from eventwire.types import Document, InputError

ARTICLE = "Troops entered the town on Sunday.\n\nResidents said the shelling had stopped.\n"


def _one(path, **kw):
    out = list(read_inputs([path], **kw))
    assert len(out) == 1, out
    return out[0]


def test_header_gives_date_and_source_and_is_removed(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(" date 2022-07-04 Shafaq News/ " + ARTICLE, encoding="utf-8")
    doc = _one(p, published=date(2000, 1, 1), source="Other")
    assert isinstance(doc, Document)
    assert doc.published == date(2022, 7, 4)
    assert doc.source == "Shafaq News"
    assert doc.text == ARTICLE  # the rest kept exactly, offsets start at the article
    assert doc.doc_id == "a.txt" and doc.origin == str(p)


def test_header_without_leading_space_and_article_on_next_line():
    published, source, text = split_header("date 2021-12-31 Kyiv Independent/\r\nFirst line.\nSecond.")
    assert (published, source, text) == (date(2021, 12, 31), "Kyiv Independent", "First line.\nSecond.")


def test_header_with_impossible_date_is_not_a_header():
    raw = " date 2022-13-45 Someone/ text"
    assert split_header(raw) == (None, None, raw)


def test_text_that_merely_mentions_a_date_is_untouched():
    raw = "On date 2022-07-04 nothing happened / really."
    assert split_header(raw) == (None, None, raw)


def test_no_header_uses_arguments_and_never_today(tmp_path):
    p = tmp_path / "b.text"
    p.write_text(ARTICLE, encoding="utf-8")
    doc = _one(p)
    assert doc.published is None and doc.source is None and doc.text == ARTICLE
    doc = _one(p, published=date(2022, 3, 1), source="Wire")
    assert doc.published == date(2022, 3, 1) and doc.source == "Wire"


def test_bom_dropped_crlf_and_unicode_kept(tmp_path):
    p = tmp_path / "noext"
    body = "Kyiv\u2019s mayor said\r\n\r\nthe \u201cstrike\u201d hit.\r\n"
    p.write_bytes(b"\xef\xbb\xbf" + (" date 2022-03-01 Wire/ " + body).encode("utf-8"))
    doc = _one(p)
    assert doc.text == body and doc.published == date(2022, 3, 1)


def test_header_without_article_is_an_error(tmp_path):
    p = tmp_path / "h.txt"
    p.write_text(" date 2022-07-04 Shafaq News/   \n", encoding="utf-8")
    err = _one(p)
    assert isinstance(err, InputError) and "no article text" in err.reason


def test_whitespace_only_is_an_error(tmp_path):
    p = tmp_path / "w.txt"
    p.write_text(" \n\n\t\n", encoding="utf-8")
    err = _one(p)
    assert isinstance(err, InputError) and "whitespace" in err.reason
