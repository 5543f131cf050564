"""`eventwire control`: who holds what at a date, or one place's history with its evidence (Rich tables)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

err = Console(stderr=True)


def _gazetteer_ids(name: str) -> list[int]:
    """GeoNames ids a name may mean (alternate spellings included: "Sievierodonetsk")."""
    from .geo import load_gazetteer

    return [p.geonameid for p in load_gazetteer().lookup(name)[:5] if p.geonameid is not None]


def control_command(
    db: Path = typer.Option(Path("eventwire.duckdb"), "--db", help="Store to read."),
    at: Optional[str] = typer.Option(None, "--at", help="Who holds what on this day (YYYY-MM-DD); default: latest."),
    place: Optional[str] = typer.Option(None, "--place", help="A place's history (name or geonameid), with evidence."),
    every: bool = typer.Option(False, "--all", help="Every change (conflicting and denied ones too), one a line."),
) -> None:
    """Territorial control derived from capture and withdrawal events: the state at a date, or a place's history."""
    from .control import control_at, history, side_name
    from .store import open_store
    from .store.control import read_control

    if not db.exists():
        err.print(f"[red]error[/red] {db}: no such store (make one with `eventwire run INPUT… --db {db}`)")
        raise typer.Exit(2)
    day = None
    if at is not None:
        try:
            day = dt.date.fromisoformat(at)
        except ValueError:
            raise typer.BadParameter(f"{at!r} is not a date; use YYYY-MM-DD", param_hint="--at") from None
    with open_store(db, read_only=True) as store:
        changes = read_control(store)
    out = Console() if Console().is_terminal else Console(width=160)
    if place is not None:
        found = [c for c in history(changes, place, resolve=_gazetteer_ids) if day is None or c.date <= day.isoformat()]
        if not found:
            err.print(f"[red]error[/red] no control change for {escape(place)!r} in {db}")
            raise typer.Exit(2)
        table = Table(title=f"Control of {found[0].place_name}: {len(found)} changes")
        for col in ("from", "precision", "side", "from side", "status", "conf", "basis", "conflict"):
            table.add_column(col)
        for c in found:
            table.add_row(c.date, c.date_precision, c.side, c.from_side or "?", c.status, f"{c.confidence:.2f}",
                          escape("; ".join(c.basis)), "yes" if c.conflict else "")
        out.print(table)
        for c in found:
            head = f"{c.date} → {escape(side_name(c.side))}"
            out.print(f"\n[bold]{head}[/bold] ({c.status}; rules {', '.join(c.rules)})")
            for ev in c.evidence:
                where = escape(f" [{ev.scope}]") if ev.scope != "place" else ""
                out.print(f"  - {ev.voice}{where} {escape(ev.doc_id)} ({escape(ev.source or '?')}, "
                          f"{ev.published or '?'}) {ev.start}-{ev.end}: {escape(ev.sentence.strip())}",
                          highlight=False, soft_wrap=True)
        return
    if every:
        shown = [c for c in changes if day is None or c.date <= day.isoformat()]
        table = Table(title=f"{len(shown)} control changes")
        for col in ("place", "level", "side", "from side", "date", "precision", "status", "conf", "conflict",
                    "evidence", "first document"):
            table.add_column(col)
        for c in sorted(shown, key=lambda c: (c.date, c.place_name)):
            table.add_row(escape(c.place_name), c.level, c.side, c.from_side or "?", c.date, c.date_precision,
                          c.status, f"{c.confidence:.2f}", "yes" if c.conflict else "", str(len(c.evidence)),
                          escape(c.evidence[0].doc_id if c.evidence else ""))
        out.print(table)
        return
    states = control_at(changes, day)
    title = f"Control on {day.isoformat()}" if day else "Control (latest)"
    table = Table(title=f"{title}: {len(states)} places from {len(changes)} changes")
    for col in ("place", "level", "side", "since", "precision", "status", "conf", "contested", "evidence"):
        table.add_column(col)
    for s in sorted(states, key=lambda s: (s.level != "admin1", s.place_name)):
        alt = ", ".join(f"{a.side} {a.date}" for a in s.alternatives)
        table.add_row(escape(s.place_name), s.level, s.side, s.since, s.date_precision, s.status,
                      f"{s.confidence:.2f}", escape(alt), str(len(s.change.evidence)))
    out.print(table)
