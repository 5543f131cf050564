"""The seed article: paragraph 5 repeats paragraph 2 reworded; paragraph 3 adds news to paragraph 1 and is kept."""

from pathlib import Path

import pytest

from eventwire.clean import clean
from eventwire.ingest import read_inputs

SEED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seed" / "shafaq-2022-07-04-luhansk.txt"


def test_seed_repeats():
    if not SEED.exists():
        pytest.skip(f"{SEED} not available")
    (doc,) = read_inputs([SEED])
    c = clean(doc)
    assert len(c.text) == len(doc.text) and len(c.paragraphs) == 12
    para_no = {(p.start, p.end): i for i, p in enumerate(c.paragraphs, start=1)}
    flagged = [(para_no.get((r.start, r.end)), para_no.get((r.of_start, r.of_end))) for r in c.repeats]
    assert flagged == [(5, 2)]
    assert "soldiers" in c.text[c.repeats[0].start : c.repeats[0].end]
    assert "forces loyal to Kyiv withdrew" in c.extraction_text()
