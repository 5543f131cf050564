"""Shared fixtures: where the research data lies (beside the repository, never inside it)."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_GOLD = SHARED / "gold" / "seed-luhansk.json"


@pytest.fixture(scope="session")
def seed_gold() -> Path:
    if not SEED_GOLD.exists():
        pytest.skip("../shared/gold/seed-luhansk.json is not beside the repository")
    return SEED_GOLD
