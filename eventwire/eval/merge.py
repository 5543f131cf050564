"""`eventwire eval merge`: does the merge stage put the mentions of one real event together, and only those?

The gold (`eval_data/merge/`, see its GUIDELINE.md) lists sentence spans of a corpus, each with a gold event id
(its occasion and its act; null when the span reports no act). The gold's documents are coded and merged across
documents (`merge_documents`); each gold span is aligned with one of our mentions in the same document whose
trigger lies inside it (news before background, a new event before one pointed back to, then the main-clause
one), so a gold mention we never found is left out of the clustering scores and counted in `found`. Over the
aligned mentions:

- pairwise precision/recall/F1: of the pairs we put together, how many the gold puts together, and back;
- B-cubed precision/recall/F1: per mention, the share of its predicted cluster that is in its gold cluster, and
  back, averaged (robust to one giant cluster dominating the pair counts);
- the same pairwise scores over cross-document pairs only, and for in-document merging alone (the baseline the
  cross-document merge improves on), and with lines aligned by the main clause alone (what the alignment's
  ranking adds to the figure);
- the pairwise and B-cubed scores of each of the gold's sets apart (a gold line's `set`: "chosen" when absent, the
  topic groups picked by hand; "drawn", the groups a fixed rule drew from the corpus), pairs within one set only;
- the pairwise and B-cubed scores against the occasions (every line, grouped by what one speaker did on one
  occasion whatever the act): how far the merge is from the guideline's first, coarser grouping.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from rich.table import Table

from ..merge.within import is_background, refers_back

REPO = Path(__file__).resolve().parents[2]


def load_gold(path: str | Path) -> tuple[dict, list[dict]]:
    meta, rows = {}, []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            if "meta" in obj:
                meta = obj["meta"]
            else:
                rows.append(obj)
    return meta, rows


def evaluate(gold_path: str | Path, corpus: str | Path | None = None) -> dict:
    from ..ingest import read_inputs
    from ..merge import merge_documents
    from ..pipeline import code_documents
    from ..types import Document

    started = time.perf_counter()
    meta, rows = load_gold(gold_path)
    if corpus is None:
        corpus = REPO / meta.get("corpus_root", "../shared") / meta["corpus"]
    wanted = {g["doc_id"] for g in rows}
    docs = [d for d in read_inputs([corpus]) if isinstance(d, Document) and d.doc_id in wanted]
    per_doc = [e for r in code_documents(docs) if not r.error for e in r.events]
    merged = merge_documents(per_doc)
    ours, within = _mentions(merged), _mentions(per_doc)
    # A line whose act is NONE reports no event (commentary, a feeling): it is scored only as part of its occasion.
    gold = [g for g in rows if g.get("event")]
    metrics = {
        "gold_mentions": len(gold), "gold_events": len({g["event"] for g in gold}),
        "gold_documents": len(wanted), "documents_coded": len(docs), "gold_lines_not_events": len(rows) - len(gold),
        "our_events": len(merged), "our_events_in_document": len(per_doc),
        **_scores(gold, ours, within),
        # The coarser grouping of the guideline's first version: everything one speaker did on one occasion.
        "occasions": _occasion_scores(rows, ours),
        "seconds": round(time.perf_counter() - started, 1),
    }
    return metrics


def _scores(gold: list[dict], ours: dict[str, list], within: dict[str, list]) -> dict:
    matched = _align(gold, ours)
    aligned = {i: ev for i, (ev, _kind) in matched.items()}
    kind_of = {i: kind for i, (_ev, kind) in matched.items()}
    aligned_within = {i: ev for i, (ev, _kind) in _align(gold, within).items()}
    # The alignment's own share of the figure: by the main clause alone, as before news and pointing back counted.
    by_clause = {i: ev for i, (ev, _kind) in _align(gold, ours, main_clause_only=True).items()}
    g_of = {i: gold[i]["event"] for i in aligned}
    # The merge apart from the coding: only the mentions we code as the act the gold line reports.
    same_act = {i: ev for i, (ev, kind) in matched.items() if gold[i].get("act") and kind[0] == gold[i]["act"]}
    return {
        "found": len(aligned), "found_share": round(len(aligned) / len(gold), 3) if gold else 0.0,
        "pairwise": _pairwise(g_of, aligned), "bcubed": _bcubed(g_of, aligned),
        "pairwise_cross_document": _pairwise(g_of, aligned, cross_only=gold),
        "pairwise_in_document_only": _pairwise(g_of, aligned_within),
        "pairwise_main_clause_alignment": _pairwise({i: gold[i]["event"] for i in by_clause}, by_clause),
        "same_act": {"found": len(same_act), "pairwise": _pairwise(g_of, same_act), "bcubed": _bcubed(g_of, same_act)},
        # Gold pairs whose two mentions we code as one kind: the merge joins only compatible kinds, so pairwise
        # recall cannot pass this share.
        "gold_pairs_same_kind": _pairwise(g_of, kind_of)["pairs_both"],
        "sets": {name: _set_scores(gold, aligned, g_of, kind_of, name) for name in sorted({_set(g) for g in gold})},
    }


def _occasion_scores(rows: list[dict], ours: dict[str, list]) -> dict:
    gold = [{**g, "event": g.get("occasion") or g["event"]} for g in rows]
    aligned = {i: ev for i, (ev, _kind) in _align(gold, ours).items()}
    g_of = {i: gold[i]["event"] for i in aligned}
    return {"gold_mentions": len(gold), "gold_events": len({g["event"] for g in gold}), "found": len(aligned),
            "pairwise": _pairwise(g_of, aligned), "bcubed": _bcubed(g_of, aligned)}


def _set(g: dict) -> str:
    return g.get("set", "chosen")


def _set_scores(gold: list[dict], aligned: dict[int, str], g_of: dict[int, str], kind_of: dict[int, tuple],
                name: str) -> dict:
    members = [i for i, g in enumerate(gold) if _set(g) == name]
    found = {i: aligned[i] for i in members if i in aligned}
    kinds = {i: kind_of[i] for i in found}
    return {"gold_mentions": len(members), "found": len(found), "pairwise": _pairwise(g_of, found),
            "bcubed": _bcubed(g_of, found), "gold_pairs_same_kind": _pairwise(g_of, kinds)["pairs_both"]}


def _mentions(events) -> dict[str, list[tuple[int, int, tuple[bool, bool, int], str, tuple]]]:
    """doc_id -> [(trigger start, end, rank, event id, kind)]; kind is the PLOVER type (with the mode of COERCE).
    The rank orders the mentions of one gold span by what the sentence reports: the news before background (the
    gold leaves out background such as "the invasion of Ukraine in 2022 is the reason behind not inviting
    Putin"), a new event before one pointed back to ("the Japanese leader's visit follows Xi's state visit to
    Russia", "the meeting comes a week after Xi and Putin signed a statement": the gold files these under what
    they bring), then the main clause."""
    out: dict[str, list] = defaultdict(list)
    for e in events:
        for m in e.mentions:
            kind = (m.event_type, m.mode if m.event_type == "COERCE" else None)
            background = not m.date_inherited and is_background(m.date, m.date_precision, m.evidence.published)
            rank = (background, refers_back(m, possessive=True), m.depth)
            out[m.evidence.doc_id].append((m.evidence.start, m.evidence.end, rank, e.event_id, kind))
    return out


def _align(gold: list[dict], ours: dict[str, list], main_clause_only: bool = False) -> dict[int, tuple[str, tuple]]:
    """gold index -> (our event id, our mention's kind). Clause spans pick first (shortest gold span first), then
    sentences; each of our mentions serves one gold mention; within a span the best-ranked trigger wins (news
    before background, a new event before one pointed back to, then the main clause: smallest depth; with
    `main_clause_only`, the smallest depth alone)."""
    used: set[tuple[str, int, int]] = set()
    out: dict[int, tuple[str, tuple]] = {}
    for i in sorted(range(len(gold)), key=lambda i: gold[i]["end"] - gold[i]["start"]):
        g = gold[i]
        options = [(rank, s, e, ev, kind) for s, e, rank, ev, kind in ours.get(g["doc_id"], ())
                   if s < g["end"] and g["start"] < e and (g["doc_id"], s, e) not in used]
        if options:
            rank, s, e, ev, kind = min(options, key=lambda o: (o[0][-1:] if main_clause_only else o[0], *o[1:4]))
            used.add((g["doc_id"], s, e))
            out[i] = (ev, kind)
    return out


def _prf(tp: int, pred: int, gold: int) -> dict:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "pairs_ours": pred, "pairs_gold": gold, "pairs_both": tp}


def _pairwise(g_of: dict[int, str], p_of: dict[int, str], cross_only: list[dict] | None = None) -> dict:
    tp = pred = gold = 0
    for a, b in combinations(sorted(p_of), 2):
        if cross_only is not None and cross_only[a]["doc_id"] == cross_only[b]["doc_id"]:
            continue
        same_g, same_p = g_of[a] == g_of[b], p_of[a] == p_of[b]
        tp += same_g and same_p
        pred += same_p
        gold += same_g
    return _prf(tp, pred, gold)


def _bcubed(g_of: dict[int, str], p_of: dict[int, str]) -> dict:
    by_g, by_p = defaultdict(set), defaultdict(set)
    for i in p_of:
        by_g[g_of[i]].add(i)
        by_p[p_of[i]].add(i)
    if not p_of:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = sum(len(by_g[g_of[i]] & by_p[p_of[i]]) / len(by_p[p_of[i]]) for i in p_of) / len(p_of)
    r = sum(len(by_g[g_of[i]] & by_p[p_of[i]]) / len(by_g[g_of[i]]) for i in p_of) / len(p_of)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def merge_table(m: dict) -> Table:
    """The metrics as a human table (the CLI prints it before the JSON line)."""
    t = Table(title=f"merge: {m['gold_mentions']} gold mentions in {m['gold_events']} events, "
                    f"{m['gold_documents']} documents; {m['found']} found; gold pairs we code as one kind "
                    f"{m['gold_pairs_same_kind']} of {m['pairwise']['pairs_gold']}")
    for col in ("score", "precision", "recall", "F1", "pairs ours/gold/both"):
        t.add_column(col, justify="right" if col != "score" else "left")
    for key, label in (("pairwise", "pairwise"), ("bcubed", "B-cubed"),
                       ("pairwise_cross_document", "pairwise, cross-document pairs"),
                       ("pairwise_in_document_only", "pairwise, in-document merge only"),
                       ("pairwise_main_clause_alignment", "pairwise, lines aligned by main clause alone")):
        if key in m:
            _add_row(t, label, m[key])
    act = m.get("same_act")
    if act:
        _add_row(t, f"pairwise, mentions coded as the gold's act ({act['found']} of {m['found']})", act["pairwise"])
    occ = m.get("occasions")
    if occ:
        _add_row(t, f"pairwise, occasions ({occ['found']} of {occ['gold_mentions']} lines found)", occ["pairwise"])
        _add_row(t, "B-cubed, occasions", occ["bcubed"])
    sets = m.get("sets", {})
    if len(sets) > 1:  # one set is the whole gold, shown above
        for name, part in sets.items():
            _add_row(t, f"pairwise, {name} set ({part['found']} of {part['gold_mentions']} found; gold pairs of "
                        f"one kind {part['gold_pairs_same_kind']})", part["pairwise"])
            _add_row(t, f"B-cubed, {name} set", part["bcubed"])
    return t


def _add_row(t: Table, label: str, s: dict) -> None:
    pairs = f"{s['pairs_ours']}/{s['pairs_gold']}/{s['pairs_both']}" if "pairs_ours" in s else ""
    t.add_row(label, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", pairs)
