"""Short news reports of our own for the merge tests."""

from __future__ import annotations

from datetime import date

from eventwire.types import Document

KUPIANSK_A = ("Russian forces shelled the city of Kupiansk on Sunday, killing two civilians, the regional governor "
              "said. Rescue teams worked through the night to clear the rubble of a school and two apartment blocks. "
              "The governor said more than forty homes were damaged and electricity was cut in the eastern "
              "districts of the town.")
KUPIANSK_B = "Russian troops shelled Kupiansk on Sunday. Officials said two civilians were killed in the attack."
KHERSON = "Russian forces shelled the city of Kherson on Sunday, the regional governor said."
TALKS = "Ukrainian and Turkish officials met in Istanbul on Tuesday to discuss grain exports."
# The same wire story as KUPIANSK_A, republished by another outlet with its own dateline and credit line.
KUPIANSK_COPY = "KYIV, May 15 (Copy Four) - " + KUPIANSK_A + " Reporting by a staff writer."

REPORTS = {
    "a-wire": ("Wire One", KUPIANSK_A),
    "b-daily": ("Daily Two", KUPIANSK_B),
    "c-post": ("Post Three", KHERSON),
    "d-copy": ("Copy Four", KUPIANSK_COPY),
    "e-talks": ("Daily Two", TALKS),
}


def make_docs(ids=None) -> list[Document]:
    ids = ids or list(REPORTS)
    return [Document(doc_id=i, text=REPORTS[i][1], published=date(2023, 5, 15), source=REPORTS[i][0]) for i in ids]


