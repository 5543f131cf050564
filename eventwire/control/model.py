"""The control stage's plain data: a change of hands with its evidence, and the state of a place at a date."""

from __future__ import annotations

from dataclasses import dataclass, field

# How a change is supported, weakest to strongest. "denied": a report that a side took a place, denied by the text
# itself; kept beside the others, never used for the state.
CONTROL_STATUSES = ("denied", "claimed", "reported", "corroborated")
# Place levels a control change can be about (GeoNames: populated place, ADM2, ADM1).
LEVELS = ("settlement", "admin2", "admin1")


@dataclass(frozen=True, slots=True)
class ControlEvidence:
    """One sentence that supports a change. `voice` says whose word it is:

    - "claim": the gaining side says it (its officials speak, or the text quotes its wording: "liberated");
    - "admission": the losing side says it;
    - "withdrawal": the losing side's own pull-out, as reported;
    - "report": the outlet's own voice.
    `scope`: "place" (about the place itself), "region" (about the region whose last bastion the place was),
    "bastion" (about the region's last bastion, supporting the region's change).
    """

    event_id: str
    doc_id: str
    sentence: str
    start: int
    end: int
    voice: str
    source: str | None = None
    published: str | None = None
    scope: str = "place"


@dataclass(frozen=True, slots=True)
class ControlChange:
    """A place passes to `side` from `date` on (first day of the period when `date_precision` is coarser than day;
    on or before `date` when it is "by": the reports give no date, only their own).

    `rule` says why this is a change: "capture" (a side took it), "withdrawal" (the other side pulled out),
    "transfer" (handed over), "region" (the event's own place is the admin1), "last-bastion" (the region's last
    stronghold fell). `conflict`: another change for the same place within a week gives a different side (or this
    one is denied); both are kept, the `conflicts_with` ids say which.
    """

    change_id: str
    place_key: str  # "gn:<geonameid>" or, for a region known only by name, "adm1:<ISO3>:<admin1>"
    place_name: str
    level: str  # one of LEVELS
    side: str
    date: str
    date_precision: str
    status: str  # one of CONTROL_STATUSES
    confidence: float
    rules: tuple[str, ...]
    basis: tuple[str, ...]  # human-readable: "claimed by RUS", "withdrawal of UKR reported by Shafaq News"
    evidence: tuple[ControlEvidence, ...]
    event_ids: tuple[str, ...]
    from_side: str | None = None
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = ()  # the words articles used for the place
    conflict: bool = False
    conflicts_with: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ControlState:
    """Who holds a place at a date: the latest change on or before it. `contested`: changes of that latest period
    disagree; `alternatives` are the other sides' changes then."""

    place_key: str
    place_name: str
    level: str
    side: str
    since: str
    date_precision: str
    status: str
    confidence: float
    change: ControlChange
    contested: bool = False
    alternatives: tuple[ControlChange, ...] = field(default_factory=tuple)
