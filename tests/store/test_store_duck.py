from datetime import date

import pytest
from store_synth import assault, batch, make_doc, mention, retreat

from eventwire.store import Store, content_hash, event_record, open_store
from eventwire.types import Document

KEYS = {
    "documents": ["doc_id"],
    "events": ["event_id"],
    "mentions": ["event_id", "doc_id", "start", '"end"'],
    "errors": ["origin", "reason"],
}


def duplicate_keys(store: Store) -> dict[str, int]:
    out = {}
    for table, key in KEYS.items():
        cols = ", ".join(key)
        out[table] = store.con.execute(
            f"SELECT count(*) FROM (SELECT {cols} FROM {table} GROUP BY {cols} HAVING count(*) > 1)"
        ).fetchall()[0][0]
    return out


def by_id(records):
    return {r["event_id"]: r for r in records}


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "ew.duckdb") as s:
        yield s


def test_round_trip(store):
    docs, events, errors = batch(0)
    gained = store.add(docs, events, errors)
    assert gained == {"documents": 3, "events": 3, "mentions": 5, "errors": 1}
    assert by_id(store.event_records()) == {e.event_id: event_record(e) for e in events}
    assert store.counts() == {"documents": 3, "events": 3, "mentions": 5, "errors": 1}
    d = store.documents_frame(text=True).set_index("doc_id")
    assert d.loc["b0-d0", "text"] == docs[0].text
    assert d.loc["b0-d0", "content_hash"] == content_hash(docs[0].text)


def test_reopen_and_read_only(tmp_path):
    path = tmp_path / "sub" / "ew.duckdb"
    docs, events, errors = batch(0)
    with Store(path) as s:
        s.add(docs, events, errors)
    with Store(path, read_only=True) as s:
        assert s.counts()["events"] == 3
        assert by_id(s.event_records()) == {e.event_id: event_record(e) for e in events}


def test_a_store_from_before_a_column_was_added_gains_it(tmp_path):
    """Stores outlive versions: the documents table of an older store has no `country`; opening adds it."""
    import duckdb

    path = tmp_path / "old.duckdb"
    docs, events, errors = batch(0)
    with Store(path) as s:
        s.add(docs, events, errors)
    con = duckdb.connect(str(path))
    con.execute('ALTER TABLE documents DROP COLUMN "country"')
    con.execute('ALTER TABLE events DROP COLUMN "actor1_inferred"')
    con.execute('ALTER TABLE events DROP COLUMN "actor2_inferred"')
    con.close()
    with Store(path, read_only=True) as s:
        assert "country" not in s.documents_frame().columns and len(s.documents_frame()) == 3
        assert len(list(s.event_records())) == len(events)  # read as they were written
    outlet = Document("from-ua", "Shelling hit Kharkiv overnight, officials said.", country="UA")
    with Store(path) as s:
        s.add([outlet], [], [])
        frame = s.documents_frame().set_index("doc_id")
    assert frame.loc["from-ua", "country"] == "UA" and frame["country"].isna().sum() == 3
    with Store(path, read_only=True) as s:
        assert {"actor1_inferred", "actor2_inferred"} <= set(s.events_frame().columns)


def test_idempotent(store):
    b = batch(0)
    store.add(*b)
    first = store.counts()
    snapshot = store.sql("SELECT * FROM events ORDER BY event_id")
    assert store.add(*b) == {"documents": 0, "events": 0, "mentions": 0, "errors": 0}
    assert store.counts() == first
    assert store.sql("SELECT * FROM events ORDER BY event_id").equals(snapshot)
    assert duplicate_keys(store) == {t: 0 for t in KEYS}


def test_duplicates_inside_one_batch(store):
    docs, events, errors = batch(0)
    store.add(docs + docs, events + events, errors + errors)
    assert store.counts() == {"documents": 3, "events": 3, "mentions": 5, "errors": 1}


def test_known(store):
    docs, events, errors = batch(0)
    store.add(docs, events, errors)
    changed = Document(doc_id="b0-d1", text="another text")
    new = make_doc("new")
    probe = {d.doc_id: content_hash(d.text) for d in (docs[0], changed, new)}
    assert store.known(probe) == {"b0-d0"}
    assert store.known(list(probe.items())) == {"b0-d0"}
    assert store.known([docs[0], docs[2], new]) == {"b0-d0", "b0-d2"}
    assert store.known([]) == set()


def test_batch_is_atomic(store, monkeypatch):
    store.add(*batch(0))
    before = store.counts()
    reached = []

    def boom(self):
        reached.append(self.con.execute("SELECT count(*) FROM documents").fetchall()[0][0])
        raise RuntimeError("crash in the middle of a batch")

    monkeypatch.setattr(Store, "_insert_events", boom)
    with pytest.raises(RuntimeError):
        store.add(*batch(1))
    assert reached == [6]  # the documents of batch 1 were in, inside the transaction
    assert store.counts() == before
    assert store.known(batch(1)[0]) == set()
    monkeypatch.undo()
    store.add(*batch(1))  # the store still works, and the batch goes in whole
    assert store.counts()["documents"] == 6


def test_event_given_again_gains_mentions(store):
    a, b = make_doc("a", 0), make_doc("b", 1)
    store.add([a], [assault("e", [a])])
    store.add([b], [assault("e", [a, b])])
    (rec,) = store.event_records()
    assert rec == event_record(assault("e", [a, b]))
    assert store.counts()["mentions"] == 2


def test_changed_document_replaces_its_mentions(store):
    a, b = make_doc("a", 0), make_doc("b", 1)
    store.add([a, b], [assault("shared", [a, b]), retreat("only-a", [a])])
    a2 = Document(doc_id="a", text="Rewritten. Rebels shelled the border post.", published=date(2022, 7, 5))
    store.add([a2], [bare_on(a2)])
    recs = by_id(store.event_records())
    assert "only-a" not in recs  # its only mention pointed into the old text
    assert [m["doc_id"] for m in recs["shared"]["mentions"]] == ["b"]
    assert recs["shared"]["num_mentions"] == recs["shared"]["num_documents"] == 1
    assert store.known([a2]) == {"a"} and store.known([a]) == set()


def bare_on(doc):
    from eventwire.types import Event

    return Event("new-a", "ASSAULT", "190", [mention(doc, "shelled")])


def test_errors_keyed_by_origin_and_reason(tmp_path):
    with Store(tmp_path / "e.duckdb", run_id="run1") as s:
        s.add(errors=batch(0)[2])
    with Store(tmp_path / "e.duckdb", run_id="run2") as s:
        s.add(errors=batch(0)[2])
        assert s.sql("SELECT origin, reason, run_id FROM errors").to_dict("records") == [
            {"origin": "bad-0.bin", "reason": "binary file", "run_id": "run2"}
        ]


def test_events_frame_filters(store):
    for i in range(3):
        store.add(*batch(i))
    df = store.events_frame()
    assert len(df) == 9 and {"actor1_name", "location_lat", "acled_event_type", "location_geonameid"} <= set(df)
    assert set(store.events_frame(event_type="ASSAULT").event_id) == {"ev-assault-0", "ev-assault-1", "ev-assault-2"}
    assert len(store.events_frame(event_type=["ASSAULT", "RETREAT"])) == 6
    assert set(store.events_frame(date=None).event_type) == {"COERCE"}
    assert len(store.events_frame(since="2022-07-02", until=date(2022, 7, 2))) == 3
    assert len(store.events_frame(min_confidence=0.6)) == 3
    assert set(store.events_frame(doc_id="b1-d2").event_id) == {"ev-assault-1", "ev-bare-1"}
    assert len(store.events_frame(limit=2)) == 2
    recs = list(store.event_records(location_country="UKR"))
    assert {r["event_type"] for r in recs} == {"ASSAULT"}
    with pytest.raises(ValueError, match="unknown event filter 'colour'"):
        store.events_frame(colour="red")


def test_event_without_mentions(store):
    from eventwire.types import Event

    ev = Event("lonely", "CONSULT", "04", [])
    store.add([], [ev])
    assert list(store.event_records()) == [event_record(ev)]


def test_schema_ddl():
    ddl = Store.schema()
    assert 'PRIMARY KEY ("event_id", "doc_id", "start", "end")' in ddl
    assert '"location_lat" DOUBLE' in ddl and '"date" DATE' in ddl


def test_a_guessed_country_is_kept_as_a_guess_and_contradicts_no_later_report(store):
    from dataclasses import replace

    from eventwire.merge import merge_documents
    from eventwire.types import Actor

    first, later = make_doc("g1", 0), make_doc("g2", 1, published=date(2022, 7, 5))
    guessed = replace(assault("ev-guessed", [first]), actor1=Actor(text="they", country="RUS", sector="MIL",
                                                                   inferred=True))
    stated = replace(assault("ev-stated", [later]), actor1=Actor(text="Ukrainian artillery", name="Ukraine",
                                                                 country="UKR", sector="MIL"))
    # in memory a guess contradicts nothing: the two reports are one shelling
    assert len(merge_documents([guessed, stated])) == 1
    store.add([first], [guessed], [], merge=True)
    assert next(store.event_records())["actor1"]["inferred"] is True
    store.add([later], [stated], [], merge=True)  # the store reads the stored event's country as the guess it was
    assert store.counts()["events"] == 1
