"""Near-duplicate documents: a republished wire story is found, an independent report is not."""

from __future__ import annotations

from eventwire.merge import confidence, independent_sources, near_duplicates
from eventwire.merge.neardup import signature

from merge_texts import KUPIANSK_A, KUPIANSK_B, KUPIANSK_COPY


def test_a_republished_story_is_a_near_duplicate_of_the_original():
    found = near_duplicates({"z-copy": KUPIANSK_COPY, "a-wire": KUPIANSK_A, "b-daily": KUPIANSK_B})
    assert found.keys() == {"z-copy"}
    assert found["z-copy"][0] == "a-wire" and found["z-copy"][1] >= 0.7


def test_copies_point_at_the_earliest_document_whatever_the_order():
    texts = {"c": KUPIANSK_COPY, "a": KUPIANSK_A, "b": KUPIANSK_A + " Updated."}
    assert near_duplicates(texts) == near_duplicates(dict(reversed(list(texts.items()))))
    assert {of for of, _ in near_duplicates(texts).values()} == {"a"}


def test_a_new_copy_is_found_against_known_signatures():
    found = near_duplicates({"new": KUPIANSK_COPY}, known={"old": signature(KUPIANSK_A)}, candidates=[("new", "old")])
    assert found["new"][0] == "old"


def test_copies_count_once_and_confidence_rises_only_with_independent_sources():
    docs = [("a", "Wire One"), ("d", "Copy Four"), ("b", "Daily Two")]
    assert independent_sources(docs, {}) == 3
    assert independent_sources(docs, {"d": "a"}) == 2
    assert confidence(0.6, 1) == 0.6
    assert confidence(0.6, 1) < confidence(0.6, 2) < confidence(0.6, 3) < 1
    assert confidence(0.6, 2, "claimed") < confidence(0.6, 2, "reported")
