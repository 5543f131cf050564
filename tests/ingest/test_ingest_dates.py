from datetime import date, datetime

import pytest

from eventwire.ingest.dates import parse_date

D = date(2022, 3, 1)


@pytest.mark.parametrize(
    "value",
    [
        "2022-03-01",
        "2022-03-01T12:00:00Z",
        "2022-03-01T23:30:00-05:00",  # the date as written, no zone shift
        "2022-03-01 10:00",
        "2022/3/1",
        "20220301T120000Z",
        "20220301120000",
        "20220301",
        20220301,
        "1 March 2022",
        "March 1, 2022",
        "Tue, 01 Mar 2022 10:00:00 GMT",
        D,
        datetime(2022, 3, 1, 23, 59),
    ],
)
def test_readable_dates(value):
    assert parse_date(value) == D


@pytest.mark.parametrize(
    "value", [None, "", "  ", "01/03/2022", "2022-13-01", "soon", "20221301", True, "Smarch 1, 2022"]
)
def test_unreadable_dates_give_none(value):
    assert parse_date(value) is None
