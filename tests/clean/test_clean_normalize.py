"""Same-length normalisation."""

import pytest

from eventwire.clean import clean, normalize
from eventwire.types import Document

TRICKY = (
    "\ufeff\u201cWe won\u2019t leave,\u201d she said \u2014 \u00abnever\u00bb. \u2018Quoted\u2019 \u201eLow\u201c "
    "\u2033Prime\u2033 10\u201320 \u22125\u00b0C \u2010 \u2011 \u2012 \u2015 "
    "nbsp\u00a0thin\u2009narrow\u202fideo\u3000tab\t"
    "Ｋｙｉｖ ２０２２ 𝐊𝐲𝐢𝐯 ｶ "
    "Luh\u00adansk zero\u200bwidth joi\u200dner \u200eLRM\u200f "
    "e\u0301 \ufb01 \u2026 10\u00b2 \U0001f1fa\U0001f1e6 \U0001f468\u200d\U0001f469 "
    "line\u2028sep para\u2029sep nel\x85 vt\x0b ff\x0c bell\x07 del\x7f c1\x90 "
    "crlf\r\nlone\rcr\n\udcff"
)


def test_length_is_preserved_on_tricky_text():
    assert len(normalize(TRICKY)) == len(TRICKY)
    doc = Document("d", TRICKY)
    assert len(clean(doc).text) == len(TRICKY)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\u201cYes\u201d \u00abno\u00bb \u201elow\u201f \u2033x\u2033", '"Yes" "no" "low" "x"'),
        (
            "Kyiv\u2019s \u2018word\u2019 \u201aa\u201b rock\u0060n\u00b4roll Kam\u02bcianske",
            "Kyiv's 'word' 'a' rock'n'roll Kam'ianske",
        ),
        ("a\u2013b a\u2014b a\u2212b a\u2010b a\u2011b a\u2012b a\u2015b", "a-b a-b a-b a-b a-b a-b a-b"),
        ("a\u00a0b\u2009c\u202fd\u3000e\tf", "a b c d e f"),
        ("Ｋｙｉｖ ２０２２，ＵＮ", "Kyiv 2022,UN"),
        ("\U0001d40a\U0001d432\U0001d422\U0001d42f", "Kyiv"),
        ("a\u2028b\u2029c\x85d\x0be\x0cf", "a\nb\nc\nd\ne\nf"),
        ("a\r\nb\rc", "a \nb\nc"),
        ("bell\x07 nul\x00 c1\x9b", "bell  nul  c1 "),
        ("ﬁ … 10² e\u0301 Łódź", "ﬁ … 10² e\u0301 Łódź"),  # kept: NFKC would lengthen or change them
    ],
)
def test_replacements(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Luh\u00adansk is", "Luhansk  is"),  # inside a word: closed up, the space goes after it
        ("inter\u200bna\u00adtional.", "international  ."),
        ("said\u200b. Then", "said . Then"),  # at a boundary: a space in place
        ("\ufeffStart \u200eKyiv\u200f", " Start  Kyiv "),
        ("Kyiv\u200b\u200bthe", "Kyivthe  "),
    ],
)
def test_invisible_format_characters(raw, expected):
    out = normalize(raw)
    assert out == expected and len(out) == len(raw)


def test_plain_ascii_is_untouched():
    text = "Plain ASCII text, with 'quotes', \"double\" - and\nnew lines.\n\nDone."
    assert normalize(text) == text
