"""The store's control_changes table: written from the stored events, the same rows on every refresh."""

from __future__ import annotations

from eventwire.ingest import read_inputs
from eventwire.pipeline import run_into_store
from eventwire.store import open_store
from eventwire.store.control import TABLE, read_control, refresh_control


def rows(store) -> list[tuple]:
    return store.con.execute(f'SELECT * EXCLUDE (evidence), evidence FROM {TABLE} ORDER BY change_id').fetchall()


def test_table_written_and_refresh_is_idempotent(seed_store):
    with open_store(seed_store) as store:
        assert refresh_control(store) == 3
        first = rows(store)
        assert refresh_control(store) == 3
        assert rows(store) == first  # no duplicates, same ids, same evidence
        places = {r[2]: r for r in first}
    assert set(places) == {"Luhansk Oblast", "Lysychansk", "Siverskodonetsk"}


def test_read_back_equals_derived(seed_store):
    from eventwire.control import derive_control, event_from_record

    with open_store(seed_store) as store:
        refresh_control(store)
        stored = read_control(store)
        derived = derive_control(event_from_record(r) for r in store.event_records())
    assert stored == derived


def test_rerun_of_the_same_input_keeps_the_table(seed_store, seed_dir):
    with open_store(seed_store) as store:
        refresh_control(store)
        before = rows(store)
        run_into_store(read_inputs([str(seed_dir)]), store)  # skipped: already in the store
        refresh_control(store)
        assert rows(store) == before
