"""Behaviour of the time stage: spans, types, values and precision of temporal expressions in news text.

Articles are dated Monday 4 July 2022 unless a test says otherwise. All sentences are written for these tests.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.time import find_timexes, shift
from eventwire.types import DATE_PRECISIONS

MONDAY = date(2022, 7, 4)
# Research data lies beside the repository, never inside it.
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seed" / "shafaq-2022-07-04-luhansk.txt"


def found(text: str, anchor: date | None = MONDAY) -> dict[str, tuple]:
    """{span text: (type, value, precision)} for every expression, after checking offsets and fields."""
    out = {}
    exprs = find_timexes(text, anchor)
    for e in exprs:
        assert text[e.start : e.end] == e.text
        assert e.type in ("DATE", "TIME", "DURATION", "SET")
        assert e.precision in DATE_PRECISIONS
        out[e.text] = (e.type, e.value, e.precision)
    starts = [e.start for e in exprs]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(exprs, exprs[1:], strict=False)), "expressions overlap"
    return out


def one(text: str, anchor: date | None = MONDAY):
    exprs = find_timexes(text, anchor)
    assert len(exprs) == 1, [(e.text, e.value) for e in exprs]
    e = exprs[0]
    assert text[e.start : e.end] == e.text
    return e


# --- explicit dates -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, span, value, precision",
    [
        ("The talks opened on 4 July 2022 in Geneva.", "4 July 2022", "2022-07-04", "day"),
        ("The talks opened on July 4, 2022 in Geneva.", "July 4, 2022", "2022-07-04", "day"),
        ("The report is dated 2021-11-30.", "2021-11-30", "2021-11-30", "day"),
        ("It was signed on Aug. 7, 1998, in Nairobi.", "Aug. 7, 1998", "1998-08-07", "day"),
        ("Elections were held in July 2021.", "July 2021", "2021-07", "month"),
        ("Fighting resumed in mid-March 2020.", "mid-March 2020", "2020-03", "month"),
        ("The city was shelled on the 3rd of March 2022.", "the 3rd of March 2022", "2022-03-03", "day"),
        ("The war began in 2014.", "2014", "2014", "year"),
        ("The base has been used since 1991 by the army.", "1991", "1991", "year"),
        ("Prices rose through late 2021.", "late 2021", "2021", "year"),
        ("The fighting in the 1990s displaced thousands.", "the 1990s", "199X", "decade"),
        ("Unrest in the early 1980s ended the regime.", "the early 1980s", "198X", "decade"),
    ],
)
def test_explicit_dates(text, span, value, precision):
    assert found(text)[span] == ("DATE", value, precision)


def test_day_month_without_year_takes_the_anchor_year():
    assert found("Troops crossed the river on July 2.")["July 2"] == ("DATE", "2022-07-02", "day")
    assert found("The siege began on 24 February.")["24 February"] == ("DATE", "2022-02-24", "day")


def test_day_month_far_after_the_anchor_is_last_year_unless_a_cue_points_ahead():
    assert found("Protests broke out on December 10.")["December 10"][1] == "2021-12-10"
    assert found("Parliament will vote on December 10.")["December 10"][1] == "2022-12-10"


def test_explicit_dates_resolve_without_anchor():
    assert found("The talks opened on 4 July 2022.", None)["4 July 2022"] == ("DATE", "2022-07-04", "day")
    assert found("Elections were held in July 2021.", None)["July 2021"][1] == "2021-07"


def test_impossible_date_keeps_span_without_value():
    e = one("The order was dated 31 February 2022.")
    assert e.text == "31 February 2022"
    assert e.value is None
    assert one("The file is stamped 2022-02-30.").value is None


def test_ambiguous_slash_date_is_not_resolved_but_clear_one_is():
    assert found("Filed on 04/07/2022 at the court.")["04/07/2022"][1] is None
    assert found("Filed on 24/07/2022 at the court.")["24/07/2022"][1] == "2022-07-24"


def test_day_range_gives_one_expression_per_day():
    got = found("Talks were held on 1 and 2 July in Doha.")
    assert got["1"] == ("DATE", "2022-07-01", "day")
    assert got["2 July"] == ("DATE", "2022-07-02", "day")


# --- months, seasons, quarters --------------------------------------------------------------------------------

def test_month_alone_is_past_leaning():
    assert found("The town fell in June.")["June"] == ("DATE", "2022-06", "month")
    assert found("The town fell in July.")["July"][1] == "2022-07"
    assert found("The offensive started in September.")["September"][1] == "2021-09"


def test_month_alone_with_future_cue_is_the_next_one():
    assert found("Elections will be held in September.")["September"][1] == "2022-09"
    assert found("The summit is due in June.")["June"][1] == "2023-06"
    assert found("They meet again next June.")["next June"][1] == "2023-06"
    assert found("The deal was signed last September.")["last September"][1] == "2021-09"


def test_a_promise_is_dated_in_the_past_and_what_it_promises_ahead():
    assert found("In February, the president vowed to rebuild the bridge.")["February"][1] == "2022-02"
    assert found("The president vowed in February to rebuild the bridge.")["February"][1] == "2022-02"
    assert found("The president vowed to rebuild the bridge in September.")["September"][1] == "2022-09"
    assert found("The mayor promised that the school would reopen in September.")["September"][1] == "2022-09"


@pytest.mark.parametrize("text, span, value", [
    ("Shelling intensified in early December.", "early December", "2021-12"),
    ("Shelling intensified in mid-March.", "mid-March", "2022-03"),
    ("Shelling intensified at the end of May.", "the end of May", "2022-05"),
])
def test_parts_of_months(text, span, value):
    assert found(text)[span] == ("DATE", value, "month")


def test_quarters_and_seasons():
    assert found("Output fell in the first quarter.")["the first quarter"] == ("DATE", "2022-Q1", "quarter")
    assert found("Output fell in the third quarter of 2021.")["the third quarter of 2021"][1] == "2021-Q3"
    assert found("Third-quarter profit rose.")["Third-quarter"][1] == "2022-Q3"
    assert found("Exports fell in Q1 2021.")["Q1 2021"][1] == "2021-Q1"
    assert found("Grain exports resumed this summer.")["this summer"] == ("DATE", "2022-SU", "season")
    assert found("Grain exports stopped last winter.")["last winter"][1] == "2021-WI"
    assert found("The offensive is expected next spring.")["next spring"][1] == "2023-SP"
    assert found("Grain exports stopped in the summer of 2019.")["the summer of 2019"][1] == "2019-SU"


def test_a_season_that_describes_a_noun_dates_nothing():
    assert found("Crowds braved the winter cold to march on Saturday.").keys() == {"Saturday"}
    assert "the summer heat" not in found("The summer heat slowed the convoy.")
    assert found("Shelling eased in the winter months.")["the winter"][2] == "season"
    assert found("Over the summer, rebels took the town.")["the summer"][2] == "season"


# --- weekdays -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, value", [
    ("The city was shelled on Saturday.", "Saturday", "2022-07-02"),
    ("The operation was completed on Sunday.", "Sunday", "2022-07-03"),
    ("Putin on Monday congratulated the troops.", "Monday", "2022-07-04"),
    ("Rebels attacked the base on Thursday night.", "Thursday night", "2022-06-30TNI"),
    ("The convoy left last Friday.", "last Friday", "2022-07-01"),
    ("The convoy leaves next Monday.", "next Monday", "2022-07-11"),
    ("The ministers will meet on Friday in Brussels.", "Friday", "2022-07-08"),
    ("The vote is due on Wednesday.", "Wednesday", "2022-07-06"),
    ("The court is to rule on Tuesday.", "Tuesday", "2022-07-05"),
    ("Officials said the talks are scheduled to resume on Friday.", "Friday", "2022-07-08"),
    ("The report, which will be published later, said troops withdrew on Friday.", "Friday", "2022-07-01"),
    ("On Thursday, the president will visit the front.", "Thursday", "2022-07-07"),
    ("The building will be handed over on Friday.", "Friday", "2022-07-08"),
])
def test_weekdays(text, span, value):
    typ, val, precision = found(text)[span]
    assert val == value
    assert precision == "day"
    assert typ == ("TIME" if "T" in value else "DATE")


def test_weekday_relative_to_another_weekday_anchor():
    wednesday = date(2022, 7, 6)
    assert found("Troops withdrew on Wednesday.", wednesday)["Wednesday"][1] == "2022-07-06"
    assert found("Troops withdrew on Thursday.", wednesday)["Thursday"][1] == "2022-06-30"


# --- days and periods relative to the article date ------------------------------------------------------------

@pytest.mark.parametrize("text, span, expected", [
    ("The mayor spoke today.", "today", ("DATE", "2022-07-04", "day")),
    ("The mayor spoke yesterday.", "yesterday", ("DATE", "2022-07-03", "day")),
    ("The mayor speaks tomorrow.", "tomorrow", ("DATE", "2022-07-05", "day")),
    ("Sirens sounded last night.", "last night", ("TIME", "2022-07-03TNI", "day")),
    ("Sirens sounded this morning.", "this morning", ("TIME", "2022-07-04TMO", "day")),
    ("The curfew starts tonight.", "tonight", ("TIME", "2022-07-04TNI", "day")),
    ("Talks stalled this week.", "this week", ("DATE", "2022-W27", "week")),
    ("Talks stalled last week.", "last week", ("DATE", "2022-W26", "week")),
    ("Talks resume next week.", "next week", ("DATE", "2022-W28", "week")),
    ("Prices rose this month.", "this month", ("DATE", "2022-07", "month")),
    ("Prices rose last month.", "last month", ("DATE", "2022-06", "month")),
    ("Prices rose earlier this month.", "earlier this month", ("DATE", "2022-07", "month")),
    ("Prices rose this year.", "this year", ("DATE", "2022", "year")),
    ("Prices rose last year.", "last year", ("DATE", "2021", "year")),
    ("Prices will rise next year.", "next year", ("DATE", "2023", "year")),
    ("The rebels now control the road.", "now", ("DATE", "PRESENT_REF", "unknown")),
    ("The rebels currently control the road.", "currently", ("DATE", "PRESENT_REF", "unknown")),
    ("The rebels recently took the road.", "recently", ("DATE", "PAST_REF", "unknown")),
    ("The bridge was blown up two days ago.", "two days ago", ("DATE", "2022-07-02", "day")),
    ("The bridge was blown up three weeks ago.", "three weeks ago", ("DATE", "2022-W24", "week")),
    ("The bridge was blown up six months ago.", "six months ago", ("DATE", "2022-01", "month")),
    ("The bridge was blown up a year ago.", "a year ago", ("DATE", "2021", "year")),
    ("Fighting eased over the weekend.", "the weekend", ("DATE", "2022-W26-WE", "week")),
])
def test_relative_to_anchor(text, span, expected):
    assert found(text)[span] == expected


def test_relative_expressions_without_anchor_keep_span_with_no_value():
    got = found("On Saturday, two days ago, the mayor said last week that he spoke yesterday.", None)
    assert got["Saturday"][1] is None
    assert got["two days ago"][1] is None
    assert got["last week"][1] is None
    assert got["yesterday"][1] is None
    assert found("Troops crossed the river on July 2.", None)["July 2"][1] is None
    # ... while durations need no anchor
    assert found("The siege lasted three months.", None)["three months"][1] == "P3M"


# --- durations, sets, times -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, value, precision", [
    ("The siege lasted three months.", "three months", "P3M", "month"),
    ("The ceasefire held for 48 hours.", "48 hours", "PT48H", "day"),
    ("The ceasefire held for two weeks.", "two weeks", "P2W", "week"),
    ("It was the worst in the past two years.", "the past two years", "P2Y", "year"),
    ("The talks lasted twenty-four hours.", "twenty-four hours", "PT24H", "day"),
    ("They signed a two-year deal.", "two-year", "P2Y", "year"),
    ("The war has raged for several years.", "several years", "PXY", "year"),
    ("The war has raged for years.", "years", "PXY", "year"),
    ("The blockade lasted a decade.", "a decade", "P10Y", "decade"),
])
def test_durations(text, span, value, precision):
    assert found(text)[span] == ("DURATION", value, precision)


def test_approximate_duration():
    e = one("The siege lasted nearly three months.")
    assert (e.text, e.value, e.approximate) == ("nearly three months", "P3M", True)
    assert one("The siege lasted three months.").approximate is False


@pytest.mark.parametrize("text, span, value", [
    ("Patrols go out every week.", "every week", "P1W"),
    ("The paper is printed daily.", "daily", "P1D"),
    ("They meet twice a month.", "twice a month", "P1M"),
    ("The plant produces 100,000 barrels a day.", "a day", "P1D"),
    ("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
    ("The market opens on Mondays.", "Mondays", "XXXX-WXX-1"),
])
def test_sets(text, span, value):
    assert found(text)[span][:2] == ("SET", value)


def test_clock_times_take_the_day_of_their_sentence():
    assert found("The blast came at 5 am.")["5 am"] == ("TIME", "2022-07-04T05:00", "day")
    assert found("On Saturday the blast came at 5:30 p.m. local time.")["5:30 p.m. local time"][1] == "2022-07-02T17:30"
    assert found("Voting closes at 10 p.m. Wednesday.")["10 p.m. Wednesday"][1] == "2022-06-29T22:00"


# --- anchored offsets -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, value, precision, relation, approximate", [
    ("His comments came a day after troops pulled out.", "a day after", "P1D", "day", "after", False),
    ("The retreat comes a week after Russia took the city.", "a week after", "P1W", "week", "after", False),
    ("It comes nearly three months after the battle began.", "nearly three months after", "P3M", "month",
     "after", True),
    ("Two days before the vote, the office was raided.", "Two days before", "P2D", "day", "before", False),
    ("A week later the town fell.", "A week later", "P1W", "week", "after", False),
    ("The town had fallen two days earlier.", "two days earlier", "P2D", "day", "before", False),
    ("It came some five years after the war.", "some five years after", "P5Y", "year", "after", True),
    ("The second strike came 48 hours after the first.", "48 hours after", "PT48H", "day", "after", False),
    ("Aid arrived the next day.", "the next day", "P1D", "day", "after", False),
])
def test_anchored_offsets(text, span, value, precision, relation, approximate):
    exprs = {e.text: e for e in find_timexes(text, MONDAY)}
    e = exprs[span]
    assert (e.type, e.value, e.precision, e.relation, e.approximate) == (
        "DURATION", value, precision, relation, approximate)


def test_anchored_offset_span_stops_at_the_relation_word():
    text = "His comments came a day after Ukrainian troops pulled out of the city on Saturday."
    e = find_timexes(text, MONDAY)[0]
    assert text[e.end - 5 : e.end] == "after"


# --- false hits -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The rebels may attack again.",
    "May God protect them, she said.",
    "Thousands march in the capital.",
    "They march on the capital in protest.",
    "Theresa May met the envoy.",
    "The august body met in private.",
    "The sat phone was seized.",
    "We will not surrender.",
    "Sun Yat-sen is revered in Taiwan.",
    "A second attack followed.",
    "The army sent 2,000 troops.",
    "The state sent 2022 people to the border.",
    "Officers arrested 1500 protesters.",
    "The Sunday Times reported the deal.",
    "Bloody Sunday is remembered in Derry.",
    "The vote was 2014 to 1211.",
    "The company was founded by April Ryan.",
    "The fall in prices hurt farmers.",
    "Prices continued to fall in the region.",
    "Many people spring into action.",
    "He is a 52-year-old farmer.",
    "The farmer is 52 years old.",
    "They read USA Today and the Daily Mail.",
])
def test_no_false_hits(text):
    assert find_timexes(text, MONDAY) == []


def test_may_needs_a_cue():
    assert found("The city fell in May.")["May"] == ("DATE", "2022-05", "month")
    assert found("The city fell on May 9.")["May 9"][1] == "2022-05-09"
    assert found("Between March and May the front held.")["May"][1] == "2022-05"


def test_years_need_date_context():
    assert found("The region was annexed in 2014.")["2014"][1] == "2014"
    assert found("2014's annexation changed everything.")["2014"][1] == "2014"
    assert "2014" in found("Since 2014, the war has killed thousands.")


# --- shift ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, expected", [
    (("2022-07-04", "day", "P1D", "after"), ("2022-07-03", "day")),
    (("2022-07-03", "day", "P1W", "after"), ("2022-06-26", "week")),
    (("2022-07-04", "day", "P3M", "after"), ("2022-04", "month")),
    (("2022-07-04", "day", "P1D", "before"), ("2022-07-05", "day")),
    (("2022-07-04", "day", "P2Y", "before"), ("2024", "year")),
    (("2022-07-04", "day", "PT48H", "after"), ("2022-07-02", "day")),
    (("2022-07", "month", "P1D", "after"), ("2022-06", "month")),
    (("2022-W27", "week", "P1W", "after"), ("2022-W26", "week")),
    (("2022", "year", "P1Y", "after"), ("2021", "year")),
    (("2022-03-31", "day", "P1M", "after"), ("2022-02", "month")),
    (("2022-07-04", "day", "PXD", "after"), (None, "unknown")),
    ((None, "unknown", "P1D", "after"), (None, "unknown")),
    (("PRESENT_REF", "unknown", "P1D", "after"), (None, "unknown")),
])
def test_shift(args, expected):
    assert shift(*args) == expected


def test_shift_resolves_the_seed_style_chain():
    # "The retreat comes a week after Russia took Severodonetsk", the retreat being dated 3 July.
    assert shift("2022-07-03", "day", "P1W", "after") == ("2022-06-26", "week")


# --- the seed article (research data, read only when present) -------------------------------------------------

@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_article():
    raw = SEED.read_text(encoding="utf-8")
    body = raw.split("/", 1)[1]  # header " date 2022-07-04 Shafaq News/" removed
    exprs = find_timexes(body, MONDAY)
    for e in exprs:
        assert body[e.start : e.end] == e.text
    by_text = {}
    for e in exprs:
        by_text.setdefault(e.text, []).append(e)
    assert by_text["Monday"][0].value == "2022-07-04"
    assert by_text["Sunday"][0].value == "2022-07-03"
    assert by_text["Saturday"][0].value == "2022-07-02"
    offsets = {e.text: e for e in exprs if e.relation}
    assert offsets["a day after"].value == "P1D" and offsets["a day after"].relation == "after"
    assert offsets["a week after"].value == "P1W"
    nearly = offsets["nearly three months after"]
    assert (nearly.value, nearly.precision, nearly.approximate) == ("P3M", "month", True)
    # chained the way the events stage will: the pull-out came a day before the 4 July comments
    assert shift("2022-07-04", "day", offsets["a day after"].value, "after") == ("2022-07-03", "day")


# --- more forms -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, expected", [
    ("Talks began in January this year.", "January this year", ("DATE", "2022-01", "month")),
    ("Talks began in June last year.", "June last year", ("DATE", "2021-06", "month")),
    ("It happened in nineteen ninety-six.", "nineteen ninety-six", ("DATE", "1996", "year")),
    ("Prices fell through the nineties.", "the nineties", ("DATE", "199X", "decade")),
    ("Troops will stay until the end of the year.", "the end of the year", ("DATE", "2022", "year")),
    ("Talks were held in the week of March 6.", "the week of March 6", ("DATE", "2022-W09", "week")),
    ("It remembers the 1956 uprising.", "1956", ("DATE", "1956", "year")),
    ("Its 2014 invasion of Crimea was condemned.", "2014", ("DATE", "2014", "year")),
    ("Output fell in the past two quarters.", "the past two quarters", ("DURATION", "P2Q", "quarter")),
    ("Shelling has intensified in recent weeks.", "recent weeks", ("DATE", "PAST_REF", "unknown")),
    ("Russia might one day attack again.", "one day", ("DATE", "FUTURE_REF", "unknown")),
    ("The 21st century began badly.", "The 21st century", ("DATE", "20", "unknown")),
    ("The ultimatum expires at 5 p.m. EST, July 8.", "5 p.m. EST, July 8", ("TIME", "2022-07-08T17:00", "day")),
    ("The siege lasted 2 1/2 years.", "2 1/2 years", ("DURATION", "P30M", "month")),
    ("The siege lasted a year and a half.", "a year and a half", ("DURATION", "P18M", "month")),
])
def test_more_forms(text, span, expected):
    typ, value, _ = expected
    got = found(text)[span]
    assert got[:2] == (typ, value)
    if typ == "DATE":
        assert got[2] == expected[2]


def test_article_is_kept_only_when_it_is_part_of_the_number():
    assert "two-year" in found("They signed a two-year deal.")
    assert "a few days" in found("The town fell in a few days.")


def test_words_are_matched_whole():
    assert found("We know the risks now.") == {"now": ("DATE", "PRESENT_REF", "unknown")}
    assert find_timexes("MindSpring said so.", MONDAY) == []
    assert "noon" not in found("The talks ran into the afternoon.")


def test_names_that_look_like_time_words():
    assert find_timexes('He spoke on ABC\'s "This Week" show.', MONDAY) == []
    assert find_timexes("He told CBS's 60 Minutes about it.", MONDAY) == []


@pytest.mark.parametrize("text, span, value", [
    # a future cue inside an earlier, comma-separated phrase does not reach the clause
    ("Ahead of the talks, the ministry on Sunday issued a warning.", "Sunday", "2022-07-03"),
    # "next to" is a place, not the future
    ("Shells landed next to the embassy on Friday.", "Friday", "2022-07-01"),
    # a plan that had been made for Friday lies in the past
    ("The offer had been scheduled to expire Friday.", "Friday", "2022-07-01"),
    # "planned to" names a plan for the coming day
    ("The team planned to leave Kyiv on Thursday.", "Thursday", "2022-07-07"),
    ("Protesters were planning to march on Saturday.", "Saturday", "2022-07-09"),
    # a possessive names an event; only a cue right before it counts
    ("Officials said they will appeal Friday's ruling.", "Friday", "2022-07-01"),
    ("Markets fell ahead of Friday's vote.", "Friday", "2022-07-08"),
])
def test_clause_lean(text, span, value):
    assert found(text)[span][1] == value


def test_undated_day_near_the_anchor_is_read_forward():
    # "payable Jan. 2" in a November report: the coming one
    assert found("The dividend is payable Jan. 2.", date(1989, 11, 2))["Jan. 2"][1] == "1990-01-02"
    # a date a few days ahead, even in a past-tense clause
    assert found("The court said the deadline was July 8.")["July 8"][1] == "2022-07-08"
    # but a day just gone in January is last December's
    assert found("The strike came on Dec. 28.", date(2022, 1, 5))["Dec. 28"][1] == "2021-12-28"


def test_next_month_late_in_the_month_is_the_coming_one():
    late = date(2022, 7, 20)
    assert found("Elections are in August.", late)["August"][1] == "2022-08"
    assert found("Fighting broke out in August.", late)["August"][1] == "2021-08"


def test_quarter_in_focus():
    text = "Profit rose in the third quarter. It fell a year ago. The year-ago quarter was weak."
    got = found(text, date(2022, 10, 20))
    assert got["the third quarter"][1] == "2022-Q3"
    assert got["a year ago"][1] == "2021-Q3"
    assert got["The year-ago quarter"][1] == "2021-Q3"


def test_long_text_is_fast_and_offsets_hold():
    import time
    base = ("On Saturday, two days after the talks, troops withdrew from the city they had held since 2014. "
            "Officials will meet next week, and the ceasefire has held for three months. ")
    text = base * 1000  # about 170,000 characters
    t0 = time.perf_counter()
    exprs = find_timexes(text, MONDAY)
    assert time.perf_counter() - t0 < 5
    assert len(exprs) == 5 * 1000
    assert all(text[e.start : e.end] == e.text for e in exprs)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "1234567890", "!!!", "May", "2022", "Monday"])
def test_degenerate_inputs(text):
    for e in find_timexes(text, MONDAY):
        assert text[e.start : e.end] == e.text


def test_irregular_past_verbs_count_as_past():
    assert found("By the end of March, Russia withdrew.")["the end of March"][1] == "2022-03"
    assert found("Forces will withdraw by the end of March.")["the end of March"][1] == "2023-03"


def test_hyphenated_duration_leaves_the_article_out():
    assert found("The 24-hour ceasefire held.")["24-hour"] == ("DURATION", "PT24H", "day")
