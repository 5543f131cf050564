"""Reading a list of changes: the state of every place at a date, and one place's history."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date

from eventwire.control.model import ControlChange, ControlState


def control_at(changes: Iterable[ControlChange], at: date | str | None = None) -> list[ControlState]:
    """Who holds each place on `at` (every change when None): the latest changes on or before it.

    Denied changes never count. When the latest changes of a place (those within a week of the latest) name
    different sides, the state is `contested`: the best supported side comes first, the others are kept as
    `alternatives` — a conflicting report is shown, never overwritten. A change only claimed by the gaining side,
    after a better-supported change to another side, is contested by that earlier one."""
    day = at.isoformat() if isinstance(at, date) else at
    by_place: dict[str, list[ControlChange]] = defaultdict(list)
    for ch in changes:
        if ch.status != "denied" and (day is None or ch.date <= day):
            by_place[ch.place_key].append(ch)
    out = []
    for key in sorted(by_place):
        group = sorted(by_place[key], key=lambda c: c.date)
        latest = group[-1]
        recent = [c for c in group if latest.change_id in c.conflicts_with or c is latest]
        recent.sort(key=lambda c: (c.side, c.change_id))
        recent.sort(key=_rank, reverse=True)  # stable: ties stay in side order
        head, others = recent[0], tuple(c for c in recent[1:] if c.side != recent[0].side)
        if head.status == "claimed":  # a bare claim contests a better-supported earlier holder, it does not settle
            before = [c for c in group if c.side != head.side and c.date < head.date and _rank(c) > _rank(head)]
            if before and before[-1] not in others:
                others = (*others, before[-1])
        out.append(ControlState(place_key=key, place_name=head.place_name, level=head.level, side=head.side,
                                since=head.date, date_precision=head.date_precision, status=head.status,
                                confidence=head.confidence, change=head, contested=bool(others),
                                alternatives=others))
    return out


def _rank(c: ControlChange) -> tuple:
    order = {"claimed": 0, "reported": 1, "corroborated": 2}
    return (order.get(c.status, -1), c.confidence, c.date)


def normalise_name(name: str) -> str:
    """Lower case, accents and punctuation gone: "Sievierodonetsk" and "sievierodonetsk," match."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


def match_tier(change: ControlChange, place: str) -> int | None:
    """How well `place` names this change's place: 0 its id or key, 1 its name, 2 a word articles used for it,
    3 its admin1 name ("Luhansk" for Luhansk Oblast); None when it does not name it at all."""
    wanted = place.strip()
    if wanted in (change.place_key, str(change.geonameid)):
        return 0
    n = normalise_name(wanted)
    if n == normalise_name(change.place_name):
        return 1
    if n in {normalise_name(x) for x in change.aliases}:
        return 2
    if change.level == "admin1" and change.admin1:
        a = normalise_name(change.admin1)
        if n in {a, a + " region", a + " oblast", a + " province"}:
            return 3
    return None


def matches(change: ControlChange, place: str) -> bool:
    """Does `place` (a name, a word the articles used, a geonameid or a place key) name this change's place?"""
    return match_tier(change, place) is not None


def history(changes: Iterable[ControlChange], place: str,
            resolve: Callable[[str], Iterable[int]] | None = None) -> list[ControlChange]:
    """Every change of the place named `place` (denied and conflicting ones included), oldest first.

    `resolve` maps a name to the geonameids it may mean (a gazetteer lookup: "Sievierodonetsk" is GeoNames'
    Siverskodonetsk); without it, names match the place's name and the words articles used for it."""
    changes = list(changes)
    tiers = {c.change_id: match_tier(c, place) for c in changes}
    best = min((t for t in tiers.values() if t is not None), default=None)
    found = [c for c in changes if best is not None and tiers[c.change_id] == best]  # "Luhansk": the city first
    if not found and resolve is not None:
        ids = set(resolve(place))
        found = [c for c in changes if c.geonameid is not None and c.geonameid in ids]
    return sorted(found, key=lambda c: (c.date, c.side, c.change_id))
