"""Territorial control: who holds what, from when, on what evidence — derived from capture and withdrawal events.

    derive_control(events) -> list[ControlChange]       every change of hands, with its evidence and status
    control_at(changes, date) -> list[ControlState]     who holds each place on a date
    history(changes, place) -> list[ControlChange]      one place's changes, oldest first

A stage after merge and before store: it reads `Event`s and returns plain dataclasses, knows no database and no
web server. Sides and rules are spelled out in `sides.py` and `derive.py`.
"""

from eventwire.control.derive import derive_control
from eventwire.control.model import CONTROL_STATUSES, LEVELS, ControlChange, ControlEvidence, ControlState
from eventwire.control.records import change_from_record, change_record, event_from_record
from eventwire.control.sides import side_name, side_of
from eventwire.control.timeline import control_at, history

__all__ = [
    "CONTROL_STATUSES", "LEVELS", "ControlChange", "ControlEvidence", "ControlState", "change_from_record",
    "change_record", "control_at", "derive_control", "event_from_record", "history", "side_name", "side_of",
]
