"""The merge tests' reports, coded once by the real pipeline (real model, real gazetteer)."""

from __future__ import annotations

import pytest
from merge_texts import make_docs

from eventwire.pipeline import code_documents


@pytest.fixture(scope="session")
def coded() -> dict:
    """doc_id -> (Document, its in-document events)."""
    docs = make_docs()
    return {r.doc.doc_id: (r.doc, r.events) for r in code_documents(docs)}
