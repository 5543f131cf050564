"""Sides: which party an actor fights for, as an explicit table of facts.

A control timeline asks "who holds X", and the answer is a side, not an actor: Russian troops, the Wagner group and
the Luhansk People's Republic's militia all hold ground for one side. A side is an ISO3 code (the state the forces
fight for) or, for a rebel group that fights for no state, "REB:<ISO3>" of the country it fights in. The table below
is general knowledge about armed groups, not tuning to any article: each row says a group is aligned with a state.
"""

from __future__ import annotations

import re

from eventwire.actors import PRONOUNS_GROUP, PRONOUNS_PERSON
from eventwire.types import Actor

# Armed groups that fight for a state other than the one they stand in (name pattern -> side). Sources: the groups'
# own declarations and the public record (e.g. ACLED's actor dictionary lists DPR/LPR forces as Russia-backed).
ALIGNED: tuple[tuple[str, str, str | None], ...] = (
    # (name pattern, side, only where the place is in this country)
    (r"\b(DPR|LPR|DNR|LNR)\b", "RUS", None),
    (r"\b(Donetsk|Luhansk|Lugansk) People'?s Republic", "RUS", None),
    (r"\bWagner\b", "RUS", None),
    (r"\b(Kadyrov|Chechen)", "RUS", None),
    (r"\b(pro-Russian|Russian-backed|Moscow-backed|Kremlin-backed|loyal to Moscow)\b", "RUS", None),
    (r"\bseparatists?\b", "RUS", "UKR"),  # in Ukraine, "separatists" are the Russia-backed forces of Donbas
    (r"\b(loyal to Kyiv|pro-Ukrainian|Kyiv-backed)\b", "UKR", None),
)
_ALIGNED = tuple((re.compile(p, re.I), side, only) for p, side, only in ALIGNED)


# Sectors that take no side in a fight over ground.
NOT_PARTIES = {"CVL", "REF", "MED", "NGO", "IGO", "BUS"}


def side_of(actor: Actor | None, *, place_country: str | None = None) -> str | None:
    """The side an actor fights for, or None when it cannot be told (no actor, or an actor with no country)."""
    if actor is None:
        return None
    words = " ".join(w for w in (actor.text, actor.name) if w)
    for pattern, side, only in _ALIGNED:
        if only and place_country not in (None, only):
            continue
        if pattern.search(words):
            return side
    guessed = actor.inferred and actor.text.lower() not in PRONOUNS_GROUP | PRONOUNS_PERSON  # a pronoun is resolved
    if not actor.country or guessed or actor.sector in NOT_PARTIES:
        return None  # a country guessed from the setting, or people who hold no ground (civilians, press, aid groups)
    if actor.sector == "REB":
        return f"REB:{actor.country}"
    return actor.country


# Side codes written out for tables and the map legend.
SIDE_NAMES = {"RUS": "Russia and Russia-backed forces", "UKR": "Ukrainian government forces"}


def side_name(side: str | None) -> str:
    if side is None:
        return "unknown"
    if side.startswith("REB:"):
        return f"rebels in {side[4:]}"
    return SIDE_NAMES.get(side, side)
