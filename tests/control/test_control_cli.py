"""`eventwire control` over the seed's store: the state at a date, a place's history with evidence, every change."""

from __future__ import annotations

from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def control(*args: str):
    return runner.invoke(app, ["control", *args], env={"COLUMNS": "200"})


def test_state_at_a_date(seed_store):
    early = control("--db", str(seed_store), "--at", "2022-07-01")
    assert early.exit_code == 0, early.output
    assert "Siverskodonetsk" in early.output and "Lysychansk" not in early.output
    late = control("--db", str(seed_store), "--at", "2022-07-04")
    assert all(p in late.output for p in ("Luhansk Oblast", "Lysychansk", "Siverskodonetsk"))


def test_place_history_shows_the_evidence(seed_store):
    got = control("--db", str(seed_store), "--place", "Sievierodonetsk")
    assert got.exit_code == 0, got.output
    assert "2022-06-26" in got.output and "week" in got.output
    assert "Russia took control of the neighbouring city of Severodonetsk" in got.output


def test_every_change_and_errors(seed_store, tmp_path):
    every = control("--db", str(seed_store), "--all")
    assert every.exit_code == 0 and "3 control changes" in every.output
    assert control("--db", str(seed_store), "--place", "Atlantis").exit_code == 2
    assert control("--db", str(seed_store), "--at", "July").exit_code == 2
    assert control("--db", str(tmp_path / "none.duckdb")).exit_code == 2
