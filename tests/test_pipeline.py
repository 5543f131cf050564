"""The runner: the same events whatever the engine or the number of workers."""

import json
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.pipeline import code_documents
from eventwire.store import event_record
from eventwire.types import Document

SAMPLE = Path(__file__).resolve().parents[1] / "eventwire" / "sample"


@pytest.fixture(scope="module")
def docs():
    return [d for d in read_inputs([SAMPLE]) if isinstance(d, Document)]


def records(results):
    out = []
    for r in results:
        assert r.error is None, r.error
        out.extend(json.dumps(event_record(e), sort_keys=True) for e in r.events)
    return sorted(out)


@pytest.fixture(scope="module")
def serial(docs):
    return records(code_documents(docs))


def test_serial_path_codes_every_sample_document(docs, serial):
    assert len(docs) == 5 and len(serial) >= 10


def test_worker_processes_give_the_same_events(docs, serial):
    assert records(code_documents(docs, workers=2, batch_size=2)) == serial


def test_ray_engine_gives_the_same_events(docs, serial):
    ray = pytest.importorskip("ray", reason="the Ray engine is the 'ray' extra; make test installs it")
    from eventwire.ray_engine import code_documents_ray

    try:
        assert records(code_documents_ray(docs, workers=2, batch_size=2)) == serial
    finally:
        ray.shutdown()


def test_a_document_that_breaks_a_stage_is_reported_and_the_rest_coded(docs, monkeypatch):
    import eventwire.pipeline as pipeline

    real = pipeline.extract_mentions

    def flaky(parsed, *args):
        if parsed.doc.doc_id == docs[1].doc_id:
            raise ValueError("synthetic failure")
        return real(parsed, *args)

    monkeypatch.setattr(pipeline, "extract_mentions", flaky)
    results = list(code_documents(docs))
    failed = [r for r in results if r.error]
    assert len(results) == len(docs) and len(failed) == 1
    assert "synthetic failure" in failed[0].error.reason and failed[0].error.origin
