"""The development corpora read with default settings (skipped where ../shared is absent). Only the first
records are read: reading streams, so this stays fast."""

from itertools import islice
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.types import Document

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.parametrize(
    "name, id_field, date_field",
    [("guardian_syria_249.jsonl", "row_id", "date"), ("ukraine_war_news_447.jsonl", "id", "gdelt_seendate")],
)
def test_corpus_reads_with_defaults(name, id_field, date_field):
    import json

    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    with open(path, encoding="utf-8") as f:
        first = json.loads(f.readline())
    docs = list(islice(read_inputs([path]), 3))
    assert all(isinstance(d, Document) for d in docs)
    assert docs[0].doc_id == str(first[id_field])
    assert docs[0].published is not None and docs[0].published.isoformat() == str(first[date_field])[:10]
    assert docs[0].text == first["text"]


def test_seed_header():
    path = CORPUS / "seed" / "shafaq-2022-07-04-luhansk.txt"
    if not path.exists():
        pytest.skip(f"{path} not available")
    (doc,) = read_inputs([path])
    assert doc.published.isoformat() == "2022-07-04" and doc.source == "Shafaq News"
    assert doc.text.startswith("President Vladimir Putin on Monday")
