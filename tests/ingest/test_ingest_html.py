"""HTML through trafilatura: main text, metadata, charset, failures."""

from datetime import date

from eventwire.ingest import read_inputs
from eventwire.types import Document, InputError

PARAS = (
    "Russian artillery shelled residential districts of the city on Monday, killing at least nine civilians, "
    "regional officials said.",
    "The governor said rescue teams were still searching the rubble of two apartment blocks late into the evening.",
)


def _page(head: str = "", body_extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><title>Shelling kills nine | Daily Test</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>Shelling kills nine</h1>{paras}{body_extra}</article>"
        "<footer>Copyright Daily Test. All rights reserved.</footer></body></html>"
    )


def test_html_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    head = (
        '<meta property="og:site_name" content="Daily Test">'
        '<meta property="article:published_time" content="2022-03-01T10:00:00+00:00">'
        '<link rel="canonical" href="https://daily.test/a">'
    )
    p.write_text(_page(head), encoding="utf-8")
    (doc,) = read_inputs([p], published=date(1999, 1, 1), source="Fallback")
    assert isinstance(doc, Document)
    assert PARAS[0] in doc.text and PARAS[1] in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.published == date(2022, 3, 1) and doc.source == "Daily Test"
    assert doc.title == "Shelling kills nine" and doc.url == "https://daily.test/a" and doc.doc_id == "page.html"


def test_html_date_not_guessed_from_body_text(tmp_path):
    p = tmp_path / "page.htm"
    extra = "<p>The ceasefire signed on 3 March 2021 collapsed within weeks, residents said.</p>"
    p.write_text(_page(body_extra=extra))
    (doc,) = read_inputs([p])
    assert doc.published is None
    (doc,) = read_inputs([p], published=date(2022, 4, 4))
    assert doc.published == date(2022, 4, 4)


def test_html_declared_charset_is_honoured(tmp_path):
    p = tmp_path / "latin.html"
    page = _page('<meta charset="windows-1252">').replace("civilians", "civilians \u2013 caf\u00e9 owners")
    p.write_bytes(page.encode("cp1252"))
    (doc,) = read_inputs([p])
    assert "caf\u00e9 owners" in doc.text


def test_html_undeclared_non_utf8_is_an_error(tmp_path):
    p = tmp_path / "bad.html"
    p.write_bytes(_page().replace("civilians", "caf\u00e9").encode("latin-1"))
    (err,) = read_inputs([p])
    assert isinstance(err, InputError) and "UTF-8" in err.reason


def test_html_without_text_is_an_error(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    (err,) = read_inputs([p])
    assert isinstance(err, InputError) and "no article text" in err.reason
