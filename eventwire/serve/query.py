"""The API's filters as parameterised SQL over the store's `events` / `mentions` tables.

Every value a client sends becomes a `?` parameter; the only SQL text built from a request is chosen from
fixed strings here (column names, sort orders). Validation that FastAPI's types cannot express (known event
types, CAMEO prefixes, bounding boxes, date order) raises `FilterError`, which the app answers with 422.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# PLOVER 2021 root event types. A store may hold others (a newer codebook): the app adds the store's own.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
ACLED_TYPES = (
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
)  # fmt: skip
STATUSES = ("reported", "background", "claimed", "denied", "planned")

# sort key -> ORDER BY text (event_id last: a stable order for pagination)
SORTS = {
    "date": '"date" ASC NULLS LAST, event_id',
    "-date": '"date" DESC NULLS LAST, event_id',
    "num_sources": "num_sources ASC NULLS LAST, \"date\" DESC NULLS LAST, event_id",
    "-num_sources": "num_sources DESC NULLS LAST, \"date\" DESC NULLS LAST, event_id",
    "confidence": "confidence ASC NULLS LAST, event_id",
    "-confidence": "confidence DESC NULLS LAST, event_id",
    "fatalities": "fatalities ASC NULLS LAST, event_id",
    "-fatalities": "fatalities DESC NULLS LAST, event_id",
}

_CAMEO = re.compile(r"^\d{2,4}$")
_ISO3 = re.compile(r"^[A-Za-z]{3}$")
_SECTOR = re.compile(r"^[A-Za-z]{2,5}$")


class FilterError(ValueError):
    """A filter value the API refuses: `param` names the query parameter."""

    def __init__(self, param: str, msg: str, value: object = None):
        super().__init__(msg)
        self.param, self.msg, self.value = param, msg, value


def split_values(values: list[str] | None) -> list[str]:
    """Repeated and comma-separated values alike: ["ASSAULT,COERCE", "AID"] -> ["ASSAULT", "COERCE", "AID"]."""
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return list(dict.fromkeys(out))


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """"min_lon,min_lat,max_lon,max_lat" in degrees; min_lon > max_lon is a box across the antimeridian."""
    if text is None or not text.strip():
        return None
    parts = text.split(",")
    if len(parts) != 4:
        raise FilterError("bbox", "bbox is min_lon,min_lat,max_lon,max_lat (four numbers)", text)
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise FilterError("bbox", "bbox values must be numbers: min_lon,min_lat,max_lon,max_lat", text) from None
    if not all(-180 <= x <= 180 for x in (w, e)) or not all(-90 <= y <= 90 for y in (s, n)):
        raise FilterError("bbox", "bbox longitudes must lie in [-180, 180] and latitudes in [-90, 90]", text)
    if s > n:
        raise FilterError("bbox", "bbox min_lat is greater than max_lat", text)
    return w, s, e, n


def _in(column: str, values) -> str:
    """"column IN (?, ?, ...)" with one placeholder per value."""
    return f"{column} IN ({', '.join('?' * len(values))})"


def _like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its own % _ and \\ taken literally (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass
class EventFilters:
    since: date | None = None
    until: date | None = None
    event_type: list[str] = field(default_factory=list)
    cameo: str | None = None
    acled: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    actor: str | None = None
    actor_country: str | None = None
    actor_sector: str | None = None
    country: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    min_sources: int | None = None

    def check(self, known_types: set[str]) -> EventFilters:
        """Normalise and validate; raises `FilterError`."""
        if self.since and self.until and self.since > self.until:
            raise FilterError("since", f"since ({self.since}) is after until ({self.until})", str(self.since))
        types = [t.upper() for t in self.event_type]
        unknown = [t for t in types if t not in known_types]
        if unknown:
            raise FilterError(
                "event_type",
                f"unknown event type {unknown[0]!r}; known types: {', '.join(sorted(known_types))}",
                unknown[0],
            )
        self.event_type = types
        if self.cameo is not None and not _CAMEO.match(self.cameo):
            raise FilterError("cameo", "cameo is a CAMEO code prefix of 2 to 4 digits, e.g. 19 or 0874", self.cameo)
        by_lower = {a.lower(): a for a in ACLED_TYPES}
        acled = []
        for a in self.acled:
            if a.lower() not in by_lower:
                raise FilterError("acled", f"unknown ACLED event type {a!r}; types: {', '.join(ACLED_TYPES)}", a)
            acled.append(by_lower[a.lower()])
        self.acled = acled
        statuses = [s.lower() for s in self.status]
        bad = [s for s in statuses if s not in STATUSES]
        if bad:
            raise FilterError("status", f"unknown status {bad[0]!r}; statuses: {', '.join(STATUSES)}", bad[0])
        self.status = statuses
        for name in ("actor_country", "country"):
            v = getattr(self, name)
            if v is not None:
                if not _ISO3.match(v):
                    raise FilterError(name, f"{name} is an ISO 3166-1 alpha-3 code, e.g. UKR", v)
                setattr(self, name, v.upper())
        if self.actor_sector is not None:
            if not _SECTOR.match(self.actor_sector):
                raise FilterError("actor_sector", "actor_sector is a sector code such as GOV, MIL, REB, CVL", self.actor_sector)
            self.actor_sector = self.actor_sector.upper()
        for name in ("actor", "q", "admin1"):
            v = getattr(self, name)
            if v is not None:
                v = v.strip()
                setattr(self, name, v or None)
        return self

    def where(self, alias: str = "e") -> tuple[str, list]:
        """" WHERE ..." (or "") and its parameters."""
        a = alias + "."
        clauses: list[str] = []
        params: list = []
        if self.since:
            clauses.append(f'{a}"date" >= ?')
            params.append(self.since)
        if self.until:
            clauses.append(f'{a}"date" <= ?')
            params.append(self.until)
        if self.event_type:
            clauses.append(_in(a + "event_type", self.event_type))
            params.extend(self.event_type)
        if self.cameo:
            clauses.append(f"starts_with({a}cameo, ?)")
            params.append(self.cameo)
        if self.acled:
            clauses.append(_in(a + "acled_event_type", self.acled))
            params.extend(self.acled)
        if self.status:
            clauses.append(_in(a + "status", self.status))
            params.extend(self.status)
        if self.actor:
            pattern = _like(self.actor)
            cols = ("actor1_name", "actor1_text", "actor2_name", "actor2_text")
            clauses.append("(" + " OR ".join(f"{a}{c} ILIKE ? ESCAPE '\\'" for c in cols) + ")")
            params.extend([pattern] * len(cols))
        if self.actor_country:
            clauses.append(f"({a}actor1_country = ? OR {a}actor2_country = ?)")
            params.extend([self.actor_country] * 2)
        if self.actor_sector:
            clauses.append(f"({a}actor1_sector = ? OR {a}actor2_sector = ?)")
            params.extend([self.actor_sector] * 2)
        if self.country:
            clauses.append(f"{a}location_country = ?")
            params.append(self.country)
        if self.admin1:
            clauses.append(f"lower({a}location_admin1) = lower(?)")
            params.append(self.admin1)
        if self.bbox:
            w, s, e, n = self.bbox
            clauses.append(f"{a}location_lat BETWEEN ? AND ?")
            params.extend([s, n])
            if w <= e:
                clauses.append(f"{a}location_lon BETWEEN ? AND ?")
                params.extend([w, e])
            else:  # across the antimeridian
                clauses.append(f"({a}location_lon >= ? OR {a}location_lon <= ?)")
                params.extend([w, e])
        if self.q:
            clauses.append(
                f"{a}event_id IN (SELECT m.event_id FROM mentions m WHERE m.sentence ILIKE ? ESCAPE '\\')"
            )
            params.append(_like(self.q))
        if self.min_sources:
            clauses.append(f"{a}num_sources >= ?")
            params.append(self.min_sources)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def highlights(sentence: str, mention: dict, event: dict) -> list[dict]:
    """Spans of `sentence` to mark: the trigger (from the stored offsets) and, found by their words, the actors,
    the place and the date expression. Each span: {"start", "end", "kind", "text", "from"} with offsets into the
    sentence; "from" is "offsets" (stored) or "text" (the record's words found in the sentence). Spans do not
    overlap: the trigger wins, then actors, place and date, in that order."""
    spans: list[dict] = []

    def free(s: int, e: int) -> bool:
        return all(e <= x["start"] or s >= x["end"] for x in spans)

    ss, start, end = mention.get("sentence_start"), mention.get("start"), mention.get("end")
    if None not in (ss, start, end) and 0 <= start - ss <= end - ss <= len(sentence):
        s, e = start - ss, end - ss
        spans.append({"start": s, "end": e, "kind": "trigger", "text": sentence[s:e], "from": "offsets"})
    lower = sentence.lower()
    words = [
        ("actor1", (event.get("actor1") or {}).get("text")),
        ("actor2", (event.get("actor2") or {}).get("text")),
        ("place", (event.get("location") or {}).get("text")),
        ("date", event.get("date_text")),
    ]
    for kind, text in words:
        if not text or len(text) < 2:
            continue
        needle = text.lower()
        i = lower.find(needle)
        while i >= 0:
            if free(i, i + len(needle)):
                spans.append(
                    {"start": i, "end": i + len(needle), "kind": kind, "text": sentence[i : i + len(needle)], "from": "text"}
                )
                break
            i = lower.find(needle, i + 1)
    return sorted(spans, key=lambda x: x["start"])
