"""Incremental merging in the store: batches join stored events, in any order or split, and reruns add nothing."""

from __future__ import annotations

import json

from merge_texts import make_docs
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.pipeline import run_into_store
from eventwire.store import open_store

ALL = ["a-wire", "b-daily", "c-post", "d-copy", "e-talks"]


def _code(path, batches: list[list[str]]):
    with open_store(path) as store:
        for ids in batches:
            run_into_store(make_docs(ids), store, batch_size=len(ids))
        groups = store.sql(
            "SELECT event_id, list(doc_id || ':' || start ORDER BY doc_id, start) AS ms FROM mentions GROUP BY 1")
        events = store.sql("SELECT event_id, num_mentions, num_sources, num_documents, confidence FROM events")
    return {frozenset(ms) for ms in groups["ms"]}, events


def _kupiansk(events, groups) -> frozenset:
    return next(g for g in groups if any(m.startswith("b-daily") for m in g))


def test_one_batch_two_orders_and_two_splits_give_the_same_events(tmp_path):
    one, ev_one = _code(tmp_path / "one.duckdb", [ALL])
    rev, ev_rev = _code(tmp_path / "rev.duckdb", [list(reversed(ALL))])
    split1, _ = _code(tmp_path / "s1.duckdb", [["c-post", "e-talks"], ["a-wire"], ["d-copy", "b-daily"]])
    split2, _ = _code(tmp_path / "s2.duckdb", [["d-copy"], ["b-daily", "e-talks", "a-wire"], ["c-post"]])
    assert one == rev == split1 == split2
    # within one batch, the order does not change the ids either
    assert sorted(ev_one["event_id"]) == sorted(ev_rev["event_id"])
    kup = _kupiansk(ev_one, one)
    assert {m.split(":")[0] for m in kup} >= {"a-wire", "b-daily", "d-copy"}


def test_copies_count_once_toward_sources_and_confidence(tmp_path):
    groups, events = _code(tmp_path / "x.duckdb", [["a-wire", "d-copy"], ["b-daily"]])
    with open_store(tmp_path / "x.duckdb") as store:
        row = store.sql("SELECT e.* FROM events e JOIN mentions m USING (event_id) WHERE m.doc_id = 'b-daily' "
                        "AND e.event_type = 'ASSAULT' LIMIT 1").iloc[0]
        solo = store.sql("SELECT confidence FROM events e JOIN mentions m USING (event_id) "
                         "WHERE m.doc_id = 'c-post' LIMIT 1")
    assert row["num_documents"] == 3
    assert row["num_sources"] == 2  # Wire One and Daily Two; Copy Four republished Wire One
    assert _code(tmp_path / "y.duckdb", [["c-post"]])[1]["confidence"].max() < row["confidence"]


def test_a_rerun_adds_nothing(tmp_path):
    db = tmp_path / "r.duckdb"
    first, ev1 = _code(db, [ALL])
    with open_store(db) as store:
        before = store.counts()
        summary = run_into_store(make_docs(ALL), store)
        assert summary.skipped == len(ALL)
        assert store.counts() == before
    with open_store(db) as store:  # the same events given again (not skipped) join themselves, nothing new
        from eventwire.pipeline import code_documents

        results = list(code_documents(make_docs(ALL)))
        store.add([r.doc for r in results], [e for r in results for e in r.events], merge=True)
        assert store.counts() == before


def test_explain_names_the_reasons(tmp_path):
    db = tmp_path / "e.duckdb"
    groups, events = _code(db, [["a-wire"], ["b-daily", "d-copy"]])
    with open_store(db) as store:
        eid = store.sql("SELECT event_id FROM mentions WHERE doc_id = 'b-daily' ORDER BY start LIMIT 1").iloc[0, 0]
    result = CliRunner().invoke(app, ["explain", eid, "--db", str(db)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "b-daily" in text and "a-wire" in text
    assert "type: same PLOVER type ASSAULT" in text
    assert "place: same place" in text and "km" in text
    assert "date: gap 0 days vs window" in text
    assert "near-duplicate of document a-wire" in text
    assert "first reported 2023-05-15, last reported 2023-05-15" in text
    bad = CliRunner().invoke(app, ["explain", "nope", "--db", str(db)])
    assert bad.exit_code == 2


def test_eval_merge_scores_a_tiny_gold(tmp_path):
    corpus = tmp_path / "c.jsonl"
    with corpus.open("w") as f:
        for d in make_docs(["a-wire", "b-daily", "c-post"]):
            f.write(json.dumps({"id": d.doc_id, "text": d.text, "date": "2023-05-15", "source": d.source}) + "\n")
    text = {d.doc_id: d.text for d in make_docs(["a-wire", "b-daily", "c-post"])}

    def span(doc, words):
        s = text[doc].index(words)
        return {"doc_id": doc, "start": s, "end": s + len(words)}

    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"meta": {"corpus": str(corpus)}},
        {**span("a-wire", "Russian forces shelled the city of Kupiansk on Sunday"), "event": "K", "act": "ASSAULT"},
        {**span("b-daily", "Russian troops shelled Kupiansk on Sunday"), "event": "K", "act": "ASSAULT"},
        # an annotator who reads the Kherson shelling as a threat: found, but not coded as its act
        {**span("c-post", "Russian forces shelled the city of Kherson on Sunday"), "event": "H", "act": "THREATEN"},
        # a line of the Kupiansk story that reports no act: scored with its occasion only
        {**span("a-wire", "Rescue teams worked through the night"), "event": None, "act": "NONE", "occasion": "K"},
    ]) + "\n")
    result = CliRunner().invoke(app, ["eval", "merge", str(gold), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert metrics["found"] == 3
    assert metrics["pairwise"]["f1"] == 1.0 and metrics["bcubed"]["f1"] == 1.0
    assert metrics["gold_pairs_same_kind"] == 1  # the two Kupiansk shellings: both ASSAULT
    assert metrics["same_act"]["found"] == 2 and metrics["same_act"]["pairwise"]["pairs_both"] == 1
    assert metrics["gold_mentions"] == 3 and metrics["gold_lines_not_events"] == 1
    assert metrics["occasions"]["gold_mentions"] == 4 and metrics["occasions"]["gold_events"] == 2


def test_a_later_batch_joins_an_event_stored_with_only_its_article_date(tmp_path):
    from datetime import date

    from eventwire.types import Document

    later = Document(doc_id="p-later", text="Russian forces shelled Kupiansk, the regional governor said.",
                     published=date(2023, 5, 18), source="Wire One")
    earlier = Document(doc_id="q-earlier", text="Russian troops shelled the city of Kupiansk on Monday.",
                       published=date(2023, 5, 16), source="Daily Two")
    with open_store(tmp_path / "l.duckdb") as store:
        run_into_store([later], store)
        run_into_store([earlier], store)
        rows = store.sql("SELECT event_id, count(DISTINCT doc_id) AS n FROM mentions GROUP BY 1")
    assert rows["n"].max() == 2, rows


def test_a_vague_event_republished_word_for_word_joins_the_stored_one_and_only_that(tmp_path):
    from datetime import date

    from eventwire.types import Document

    said = "The former governor was arrested on corruption charges earlier this year, prosecutors said."
    other = "A former mayor was detained on bribery charges earlier this year, the court heard."
    docs = [Document(doc_id="x-one", text="Officials gave few details. " + said, published=date(2023, 5, 16),
                     source="One"),
            Document(doc_id="y-two", text=said + " He denies wrongdoing.", published=date(2023, 5, 17), source="Two"),
            Document(doc_id="z-three", text=other, published=date(2023, 5, 17), source="Three")]
    with open_store(tmp_path / "v.duckdb") as store:
        for doc in docs:  # one batch each: the later ones must find the stored centre
            run_into_store([doc], store)
        groups = store.sql("SELECT list(doc_id ORDER BY doc_id) AS docs FROM mentions GROUP BY event_id")
    assert sorted(map(list, groups["docs"])) == [["x-one", "y-two"], ["z-three"]]


def test_an_event_retold_in_a_translation_joins_in_one_batch_and_across_batches(tmp_path):
    from datetime import date

    from merge_texts import VERSION_ONE, VERSION_TWO

    from eventwire.types import Document

    one = Document(doc_id="v-one", text=VERSION_ONE, published=date(2023, 3, 10), source="One")
    two = Document(doc_id="v-two", text=VERSION_TWO, published=date(2023, 3, 10), source="Two")

    def appeals(batches, name):
        with open_store(tmp_path / name) as store:
            for batch in batches:  # later batches rebuild the stored article's story from its mentions
                run_into_store(batch, store)
            rows = store.sql("SELECT list(DISTINCT m.doc_id ORDER BY m.doc_id) AS docs FROM mentions m "
                             "JOIN events e USING (event_id) WHERE e.event_type = 'REQUEST' GROUP BY event_id")
        return sorted(map(list, rows["docs"]))

    # "urged residents to stay in shelters", unplaced and dated by the articles: only the retold sentence ties them
    assert appeals([[one, two]], "a.duckdb") == [["v-one", "v-two"]]
    assert appeals([[one], [two]], "b.duckdb") == appeals([[two], [one]], "c.duckdb") == [["v-one", "v-two"]]


def test_a_later_report_dated_by_month_finds_a_stored_event_dated_later_in_that_month(tmp_path):
    from datetime import date

    from eventwire.types import Document

    week = Document(doc_id="w-week", text="Ukrainian forces shelled Russian positions in Kherson region last week, "
                    "officials said.", published=date(2022, 8, 15), source="One")
    month = Document(doc_id="m-month", text="Ukrainian forces launched an offensive near the city of Kherson in "
                     "August, the report said.", published=date(2022, 9, 20), source="Two")

    def together(batches, name):
        with open_store(tmp_path / name) as store:
            for batch in batches:
                run_into_store(batch, store)
            rows = store.sql("SELECT count(DISTINCT doc_id) AS n FROM mentions GROUP BY event_id")
        return sorted(rows["n"])

    one_batch = together([[week, month]], "one.duckdb")
    assert one_batch == [2]  # the week's shelling is within the month's offensive, the town inside the province
    assert together([[week], [month]], "two.duckdb") == one_batch


def test_two_events_one_article_kept_apart_do_not_meet_again_in_a_third_article_s_event(tmp_path):
    from datetime import date

    from eventwire.merge import merge_documents
    from eventwire.pipeline import code_documents
    from eventwire.types import Document

    wide = Document(doc_id="w-wide", text="Foreign leaders have been visiting Kyiv this week, the ministry said.",
                    published=date(2023, 2, 24), source="One")
    two = Document(doc_id="v-two", text="The Italian prime minister was in Kyiv on Tuesday. The Spanish prime "
                                        "minister was in Kyiv on Thursday.", published=date(2023, 2, 24), source="Two")
    events = [e for r in code_documents([wide, two]) for e in r.events]
    assert len([e for e in events if e.mentions[0].evidence.doc_id == "v-two"]) == 2  # two visits
    merged = merge_documents(events)
    # the vague "leaders visiting Kyiv" may take one of them, never both into one event
    assert all(len({m.evidence.doc_id + str(m.actor1 and m.actor1.country) for m in e.mentions
                    if m.evidence.doc_id == "v-two"}) <= 1 for e in merged)
    assert any(len({m.evidence.doc_id for m in e.mentions}) == 2 for e in merged)
    with open_store(tmp_path / "t.duckdb") as store:
        run_into_store([wide], store)
        run_into_store([two], store)
        per_event = store.sql("SELECT event_id, count(*) FILTER (WHERE doc_id = 'v-two') AS n FROM mentions "
                              "GROUP BY 1")
    assert per_event["n"].max() == 1 and len(per_event) == 2


def test_undated_reports_meet_only_undated_ones_in_memory_and_in_the_store(tmp_path):
    from datetime import date

    from eventwire.merge import merge_documents
    from eventwire.pipeline import code_documents
    from eventwire.types import Document

    text = "Russian forces shelled the centre of Kupiansk, killing two civilians, the governor said."
    docs = [Document(doc_id="u-one", text=text, published=None, source="One"),
            Document(doc_id="u-two", text=text.replace("the governor", "officials"), published=None, source="Two"),
            Document(doc_id="u-dated", text=text.replace("Kupiansk,", "Kupiansk in May,"),
                     published=date(2023, 5, 16), source="Three")]  # dated by month: met by undated reports before
    events = [e for r in code_documents(docs) for e in r.events]
    groups = sorted(sorted({m.evidence.doc_id for m in e.mentions}) for e in merge_documents(events))
    assert groups == [["u-dated"], ["u-one", "u-two"]]
    with open_store(tmp_path / "u.duckdb") as store:
        for doc in docs:  # one batch each: the later ones must find the stored undated event
            run_into_store([doc], store)
        stored = store.sql("SELECT list(DISTINCT doc_id ORDER BY doc_id) AS docs FROM mentions GROUP BY event_id")
    assert sorted(map(list, stored["docs"])) == groups


def test_explain_says_when_the_articles_vouched_for_a_join():
    from eventwire.cli import reason_lines
    from eventwire.merge import Summary, merge_across
    from eventwire.types import Place

    def s(doc, key, start, **kw):
        return Summary(key=key, order=(doc, start), event_type=kw.pop("t", "AGREE"), cameo=kw.pop("c", "030"),
                       date="2024-04-16", precision="inherited", **kw)

    lyon = Place(geonameid=2996944, name="Lyon", feature_code="PPL", country="FRA", admin1="84", lat=45.75,
                 lon=4.85, precision="city")
    out = merge_across([s("a", "a1", 0, t="REJECT", c="120", place=lyon), s("a", "a2", 9, actor2="BLR"),
                        s("b", "b1", 0, t="REJECT", c="120", place=lyon), s("b", "b2", 9, actor2="BLR")])
    assert out.cluster["b2"] == "a2"
    lines = reason_lines({"reasons": {"across": out.reasons["b2"]}}, "a2")
    assert any(x.startswith("vouched: their articles report another event together") for x in lines)
    assert not any(x.startswith("vouched") for x in reason_lines({"reasons": {"across": out.reasons["b1"]}}, "a1"))
