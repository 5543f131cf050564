"""The TimeML reading the time stage gives beside its own, results-story focus, tense cues, and bad input.

`type`/`value` are what the events stage uses (an anchored offset stays a DURATION with its `relation`);
`timeml_type`/`timeml_value` are what TimeML writes. All sentences are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.time import Timex, find_timexes
from eventwire.types import TimeExpr

MONDAY = date(2022, 7, 4)
RESULTS_DAY = date(1989, 10, 26)


def by_text(text: str, anchor: date | None = MONDAY) -> dict[str, Timex]:
    out = {}
    for e in find_timexes(text, anchor):
        assert isinstance(e, TimeExpr) and isinstance(e, Timex)
        assert text[e.start : e.end] == e.text
        out[e.text] = e
    return out


# --- both readings ----------------------------------------------------------------------------------------------

def test_plain_expressions_read_the_same_both_ways():
    for e in find_timexes("On Saturday, two days after the vote, prices rose 5% in July 2021.", MONDAY):
        if e.text != "two days after":
            assert (e.timeml_type, e.timeml_value) == (e.type, e.value)


def test_anchored_offset_keeps_its_duration_for_the_events_stage():
    e = by_text("The town fell a day after the bridge was blown up.")["a day after"]
    assert (e.type, e.value, e.relation) == ("DURATION", "P1D", "after")
    assert (e.timeml_type, e.timeml_value) == ("DURATION", "P1D")  # TimeML: a duration too


def test_an_earlier_offset_is_a_date_in_timeml():
    e = by_text("Wages were 3.8 percent higher than a year earlier.", date(1998, 2, 6))["a year earlier"]
    assert (e.type, e.value, e.relation) == ("DURATION", "P1Y", "before")
    assert (e.timeml_type, e.timeml_value) == ("DATE", "1997")
    e = by_text("Shelling resumed, as it had three days earlier.")["three days earlier"]
    assert (e.timeml_type, e.timeml_value) == ("DATE", "2022-07-01")


def test_a_year_earlier_in_a_results_story_is_the_quarter_in_focus():
    text = ("The company posted a third-quarter loss of $2 million. Sales slipped. "
            "A year earlier, it earned $5 million.")
    got = by_text(text, RESULTS_DAY)
    assert got["A year earlier"].value == "P1Y"
    assert got["A year earlier"].timeml_value == "1988-Q3"


def test_the_nine_months_take_the_focus_off_the_quarter():
    text = ("Profit rose in the third quarter. For the nine months, net was $9 million, "
            "compared with $7 million a year earlier.")
    assert by_text(text, RESULTS_DAY)["a year earlier"].timeml_value == "1988"


def test_a_year_named_since_the_quarter_takes_the_focus_off_it():
    text = "Profit rose in the third quarter. This year sales fell. A year ago they rose."
    assert by_text(text, RESULTS_DAY)["A year ago"].value == "1988"


def test_the_quarter_in_focus_holds_across_sentences():
    text = ("Profit rose in the third quarter. Sales rose. Costs fell. Margins widened. "
            "Net was up from a year ago.")
    assert by_text(text, RESULTS_DAY)["a year ago"].value == "1988-Q3"


@pytest.mark.parametrize("text, span, value", [
    ("Profit rose in the third quarter. In the 1988 quarter it fell.", "the 1988 quarter", "1988-Q3"),
    ("Profit rose in the third quarter, against a loss for the same period last year.",
     "the same period last year", "1988-Q3"),
    ("Profit rose in the third quarter. Last year's quarter was weak.", "Last year's quarter", "1988-Q3"),
    ("In the quarter ended July 31, sales rose.", "the quarter", "1989-Q2"),
    ("In the quarter ended Sept. 30, sales rose.", "the quarter", "1989-Q3"),
    ("Earnings will be lower for the last half of 1989.", "the last half of 1989", "1989-H2"),
])
def test_results_story_periods(text, span, value):
    assert by_text(text, RESULTS_DAY)[span].value == value


def test_the_following_year_counts_from_the_date_just_told():
    text = "On May 22, 1995, he was made a general, and the following year he was sent to Washington."
    e = by_text(text, date(1998, 4, 18))["the following year"]
    assert (e.type, e.value, e.relation) == ("DURATION", "P1Y", "after")
    assert (e.timeml_type, e.timeml_value) == ("DATE", "1996")
    # with no date told before it, from the article date
    assert by_text("Talks failed. The following month, fighting resumed.")["The following month"].timeml_value \
        == "2022-08"


def test_decades_are_written_the_timeml_way_in_the_timeml_reading():
    e = by_text("Prices doubled in the 1990s.")["the 1990s"]
    assert (e.value, e.timeml_value) == ("199X", "199")


# --- tense cues -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, anchor, span, value", [
    # "since" puts the time behind, whatever comes later in the sentence
    ("The carrier has been on patrol since March and was scheduled to return in May.", date(1990, 8, 13),
     "March", "1990-03"),
    # a deadline in a past-tense clause is the nearer one
    ("Ottawa gave the bidder until mid-November to submit more information.", date(1989, 10, 30),
     "mid-November", "1989-11"),
    ("Lenders extended the loans through January.", date(1989, 10, 30), "January", "1990-01"),
    # but a month gone by with a past tense stays behind
    ("The offensive started in September.", MONDAY, "September", "2021-09"),
    # "before Friday's ..." names an event as often past as ahead: the clause decides
    ("Its share was 7% before Friday's purchases.", date(1989, 10, 30), "Friday", "1989-10-27"),
])
def test_tense_cues(text, anchor, span, value):
    assert by_text(text, anchor)[span].value == value


# --- bad input --------------------------------------------------------------------------------------------------

def test_no_article_date_leaves_relative_values_unresolved_never_today():
    text = ("On Saturday, two days ago, officials said last week that prices rose a year earlier and fell "
            "in the quarter; the following year they rose in June. Now talks resume tomorrow night.")
    got = by_text(text, None)
    for span in ("Saturday", "two days ago", "last week", "the quarter", "June", "tomorrow night"):
        assert got[span].value is None, span
        assert got[span].timeml_value is None, span
    assert got["a year earlier"].value == "P1Y"  # a duration needs no date
    assert got["a year earlier"].timeml_value is None
    assert got["the following year"].timeml_value is None
    assert got["Now"].value == "PRESENT_REF"  # says "now", not which day
    today = date.today().isoformat()
    assert not any((e.value or "").startswith(today) or (e.timeml_value or "").startswith(today)
                   for e in got.values())


def test_no_article_date_still_resolves_what_the_text_dates():
    got = by_text("On 4 July 2022 the town fell; the following day troops withdrew.", None)
    assert got["4 July 2022"].value == "2022-07-04"
    assert got["the following day"].timeml_value == "2022-07-05"


@pytest.mark.parametrize("text, span", [
    ("The order was dated 31 February 2022.", "31 February 2022"),
    ("The order was dated February 30, 2022.", "February 30, 2022"),
    ("The order was dated 29 February 2023.", "29 February 2023"),
    ("The file is stamped 2022-02-30.", "2022-02-30"),
    ("The file is stamped 2022-13-01.", None),
    ("The order was dated 30/02/2022.", "30/02/2022"),
    ("The order was dated 31 April.", "31 April"),
    ("In the quarter ended Feb. 30, sales rose.", "the quarter"),
])
def test_impossible_dates_are_rejected_not_wrapped(text, span):
    got = by_text(text)
    if span is None:
        assert not any(e.value and e.value.startswith("2023-01") for e in got.values())  # no wrap to January
        return
    assert got[span].value is None
    assert got[span].timeml_value is None


def test_leap_day_is_kept():
    assert by_text("The order was dated 29 February 2024.")["29 February 2024"].value == "2024-02-29"
