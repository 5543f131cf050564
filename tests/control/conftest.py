"""Fixtures for the control tests: the seed article beside the repository, coded into a store."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seed"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not SEED_DIR.is_dir():
        pytest.skip("../shared/corpus/seed is not beside the repository")
    return SEED_DIR


@pytest.fixture(scope="session")
def seed_store(seed_dir, tmp_path_factory) -> Path:
    """A store coded from the seed (control_changes included)."""
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import run_into_store
    from eventwire.store import open_store
    from eventwire.store.control import refresh_control

    path = tmp_path_factory.mktemp("control") / "seed.duckdb"
    with open_store(path) as store:
        run_into_store(read_inputs([str(seed_dir)]), store)
        refresh_control(store)
    return path
