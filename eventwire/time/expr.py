"""The expression the time stage returns: a `TimeExpr` that also carries its TimeML reading.

`TimeExpr.type`/`value` are what the events stage works with: an anchored offset ("a year earlier", "the
following month") stays a DURATION with its `relation`, so that the events stage can resolve it against the
event its clause names (`shift`). TimeML (and TimeBank-style gold) writes some of these as the date they point
to instead, resolved against the time in focus: "a year earlier" in a results story is the year-ago quarter
("1988-Q3"), "the following year" after "in 1995" is "1996". `timeml_type`/`timeml_value` give that reading;
for every other expression they equal `type`/`value`, except that decades are written the TimeML way ("199"
for the 1990s, where `value` keeps "199X").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import TimeExpr


@dataclass(slots=True)
class Timex(TimeExpr):
    """A `TimeExpr` with its TimeML type and value (see the module docstring)."""

    timeml_type: str = ""
    timeml_value: str | None = None
