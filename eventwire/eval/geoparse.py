"""`eventwire eval geoparse`: the geo stage against toponym gold with coordinates (GeoWebNews + LGL style JSONL).

Each input line is a document: {"corpus", "doc_id", "text", "toponyms": [{"start", "end", "phrase", "lat", "lon",
"geonameid", "type", "offset_status", ...}]}. The text goes through the real pipeline (clean -> nlp.parse ->
geo.geoparse) and is scored per corpus and overall:

- detection: precision/recall/F1 of toponym spans, a predicted span matching a gold one when they overlap (one to
  one, largest overlap first). Gold toponyms are the annotations with coordinates (GeoWebNews annotates metonyms,
  modifiers and demonym adjectives with coordinates too: they count). Annotations that are places without
  coordinates (a street, a plural demonym such as "Mexicans") are neutral: a prediction on them is neither right
  nor wrong. Predictions on nothing, or on an annotated non-place (a homonym like "Iceland" the shop, a language,
  an organisation name), are false positives.
- resolution with gold spans: every gold span is resolved in its document (`geo.resolve_spans`, the same resolver
  as `geoparse`): accuracy within 161 km (100 miles), exact geonameid (over gold that has one), mean and median
  error in km, and the AUC of the error curve (area under the sorted log(1 + km) errors, normalised by the log of
  half the Earth's circumference, 20,039 km; lower is better). Unresolved spans count as 20,039 km off.
  `placed_share` is the share of gold spans given a point, `placed_accuracy_161` the accuracy of those points:
  how often a location we do give is right (a name we cannot place is better left unplaced than put far away).
- end to end: every gold toponym is scored from the raw text; a gold toponym nothing found, or found without a
  place, counts 20,039 km off. `detected_accuracy_161` is the accuracy over the found ones only.
- error kinds: each end-to-end miss is put in one automatically decidable bucket ("missed: not in the
  gazetteer", "wrong reading: city instead of admin1", ...); the ten most common are reported per corpus.
"""

from __future__ import annotations

import json
import math
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from rich.table import Table

from ..geo.gazetteer import distance_km as km
from ..types import ParsedDoc, Toponym
from . import pair_spans

EARTH_HALF_KM = 20039.0
# Annotation types of GeoWebNews that are not places; a prediction on them is a false positive.
NOT_PLACE_TYPES = {"Non_Toponym", "Literal_Expression", "Non_Lit_Expression", "Homonym", "Language"}


def auc(errors: list[float]) -> float:
    """Area under the sorted log(1 + error km) curve, normalised to 0 (all exact) .. 1 (all antipodal)."""
    if not errors:
        return 0.0
    ys = sorted(math.log(1 + min(e, EARTH_HALF_KM)) for e in errors)
    if len(ys) == 1:
        return ys[0] / math.log(1 + EARTH_HALF_KM)
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:]))
    return area / ((len(ys) - 1) * math.log(1 + EARTH_HALF_KM))


def _gold_of(rec: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """(gold toponyms with coordinates, neutral place annotations, annotated non-places)."""
    gold, neutral, nonplace = [], [], []
    for t in rec.get("toponyms", []):
        if t.get("start") is None or t.get("end") is None or t.get("offset_status", "ok") != "ok":
            continue
        if t.get("lat") is not None and t.get("lon") is not None:
            gold.append(t)
        elif t.get("type") in NOT_PLACE_TYPES:
            nonplace.append(t)
        else:
            neutral.append(t)
    return gold, neutral, nonplace


def _pair(gold: list[dict], pred: list[Toponym]) -> list[tuple[int, int]]:
    return pair_spans([(g["start"], g["end"]) for g in gold], [(p.start, p.end) for p in pred])


def _overlaps(p: Toponym, spans: list[dict]) -> bool:
    return any(min(s["end"], p.end) - max(s["start"], p.start) > 0 for s in spans)


def _placed(t: Toponym | None) -> bool:
    return t is not None and t.place is not None and t.place.lat is not None and t.place.lon is not None


def _error_km(g: dict, t: Toponym | None) -> float:
    if not _placed(t):
        return EARTH_HALF_KM
    return km(float(g["lat"]), float(g["lon"]), t.place.lat, t.place.lon)


def _gid(g: dict) -> int | None:
    v = g.get("geonameid")
    try:
        return int(v) if v not in (None, "") else None
    except (TypeError, ValueError):
        return None


class _Tally:
    """Counts of one corpus (or all)."""

    def __init__(self) -> None:
        self.docs = 0
        self.gold = 0
        self.pred = 0
        self.pred_neutral = 0
        self.tp_pred = 0
        self.tp_gold = 0
        self.e2e_errors: list[float] = []
        self.e2e_found_errors: list[float] = []
        self.e2e_gid = [0, 0]  # right, total (gold with a geonameid)
        self.span_errors: list[float] = []
        self.span_placed_errors: list[float] = []
        self.span_gid = [0, 0]
        self.kinds: Counter = Counter()
        self.span_kinds: Counter = Counter()
        self.failed_docs = 0

    def metrics(self) -> dict:
        counted = self.pred - self.pred_neutral
        p = self.tp_pred / counted if counted else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0

        def acc(errs: list[float]) -> float:
            return round(sum(e <= 161 for e in errs) / len(errs), 4) if errs else 0.0

        def summary(errs: list[float]) -> dict:
            return {"mean_km": round(statistics.fmean(errs), 1) if errs else 0.0,
                    "median_km": round(statistics.median(errs), 1) if errs else 0.0,
                    "auc": round(auc(errs), 4)}

        return {
            "documents": self.docs,
            "failed_documents": self.failed_docs,
            "gold": self.gold,
            "predicted": self.pred,
            "detection": {"precision": round(p, 4), "recall": round(r, 4),
                          "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0},
            "gold_spans": {"accuracy_161": acc(self.span_errors),
                           "geonameid_accuracy": round(self.span_gid[0] / self.span_gid[1], 4) if self.span_gid[1] else 0.0,
                           "placed_share": round(len(self.span_placed_errors) / len(self.span_errors), 4)
                           if self.span_errors else 0.0,
                           "placed_accuracy_161": acc(self.span_placed_errors),
                           **summary(self.span_errors)},
            "end_to_end": {"accuracy_161": acc(self.e2e_errors),
                           "geonameid_accuracy": round(self.e2e_gid[0] / self.e2e_gid[1], 4) if self.e2e_gid[1] else 0.0,
                           "detected_accuracy_161": acc(self.e2e_found_errors),
                           **summary(self.e2e_errors)},
            "error_kinds": [[k, n] for k, n in self.kinds.most_common(10)],
            "gold_span_error_kinds": [[k, n] for k, n in self.span_kinds.most_common(10)],
        }


def _classify(gaz, parsed: ParsedDoc, g: dict, t: Toponym | None, err: float) -> str:
    """One automatically decidable reason for an end-to-end (or gold-span) miss."""
    phrase = parsed.clean.text[g["start"]:g["end"]]
    gid = _gid(g)
    gold_place = gaz.by_geonameid(gid) if gid else None
    gold_kind = gold_place.precision if gold_place else "unlisted"
    if t is None:
        if gaz.is_demonym(phrase):
            return "missed: demonym"
        if not phrase[:1].isupper():
            return "missed: lower-case mention"
        if not gaz.is_name(phrase):
            return f"missed: name not in gazetteer ({gold_kind} gold)"
        return f"missed: known name dropped by context ({gold_kind} gold)"
    if t.place is None:
        if not gaz.is_name(t.text) and not gaz.is_demonym(t.text):
            return "unresolved: name not in gazetteer"
        return "unresolved: weak evidence"
    p = t.place
    if gid and p.geonameid == gid:
        return f"right place, point off ({p.precision}, {'>' if err > 500 else '<'}500 km)"
    if gold_place is None:
        return "gold place not in gazetteer" + (" (no geonameid)" if not gid else "")
    readings = {q.geonameid for q in gaz.lookup(t.text)}
    if gid not in readings:
        return f"gold place not a reading of the name ({gold_kind} gold, {p.precision} found)"
    if gold_kind != p.precision:
        return f"wrong reading: {p.precision} instead of {gold_kind}"
    if gold_place.country != p.country:
        return f"wrong reading: {gold_kind} in another country"
    return f"wrong reading: another {gold_kind} in the same country"


def read_records(path: str | Path, *, limit: int | None = None, every: int = 1) -> list[dict]:
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        n = 0
        for line in fh:
            if not line.strip():
                continue
            if n % every == 0:
                out.append(json.loads(line))
                if limit is not None and len(out) >= limit:
                    break
            n += 1
    return out


def parse_records(records: list[dict]) -> list[ParsedDoc]:
    """clean -> nlp.parse (batched) for each record's text, as the pipeline does."""
    from ..clean import clean
    from ..nlp import parse
    from ..types import Document

    cleaned = [clean(Document(doc_id=str(r.get("doc_id", i)), text=r.get("text") or "", url=r.get("url"),
                              source=r.get("source"),
                              country=r.get("outlet_country"))) for i, r in enumerate(records)]
    return list(parse(cleaned, batch_size=16))


def score(records: list[dict], parsed_docs: Iterable[ParsedDoc], gazetteer=None, *, examples: int = 0,
          learn_homes: bool = True) -> dict:
    """Score already parsed documents (parallel to `records`); `evaluate` does the reading and parsing.

    End to end, the batch is geoparsed as `eventwire geoparse` does it, each outlet's home learned from its
    articles (`learn_homes=False` scores each document alone); gold spans are resolved with the same homes."""
    from ..geo import load_gazetteer
    from ..geo.geoparse import geoparse_batch, resolve_spans

    gaz = gazetteer or load_gazetteer()
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    mistakes: list[dict] = []
    t0 = time.perf_counter()
    batch = geoparse_batch(parsed_docs, gaz, learn_homes=learn_homes)
    geo_seconds = time.perf_counter() - t0
    for rec, (parsed, pred, home) in zip(records, batch):
        corpus = rec.get("corpus") or "all"
        groups = [tallies[corpus], tallies["overall"]] if corpus != "overall" else [tallies["overall"]]
        gold, neutral, _nonplace = _gold_of(rec)
        t0 = time.perf_counter()
        try:
            if isinstance(pred, Exception):
                raise pred
            by_span = resolve_spans(parsed, [(g["start"], g["end"]) for g in gold], gaz, home)
            failed = False
        except Exception:  # noqa: BLE001 - one bad document is a per-document failure, scored as all missed
            pred, by_span, failed = [], [None] * len(gold), True
        geo_seconds += time.perf_counter() - t0
        pairs = dict(_pair(gold, pred))  # gold index -> pred index
        matched_pred = set(pairs.values())
        n_neutral = sum(1 for j, p in enumerate(pred) if j not in matched_pred and _overlaps(p, neutral))
        for tl in groups:
            tl.docs += 1
            tl.failed_docs += failed
            tl.gold += len(gold)
            tl.pred += len(pred)
            tl.pred_neutral += n_neutral
            tl.tp_pred += len(matched_pred)
            tl.tp_gold += len(pairs)
        for i, g in enumerate(gold):
            t = pred[pairs[i]] if i in pairs else None
            err = _error_km(g, t)
            span_t = by_span[i]
            span_err = _error_km(g, span_t)
            gid = _gid(g)
            kind = _classify(gaz, parsed, g, t, err) if err > 161 else None
            span_kind = _classify(gaz, parsed, g, span_t, span_err) if span_err > 161 else None
            for tl in groups:
                tl.e2e_errors.append(err)
                if t is not None:
                    tl.e2e_found_errors.append(err)
                tl.span_errors.append(span_err)
                if _placed(span_t):
                    tl.span_placed_errors.append(span_err)
                if gid:
                    tl.e2e_gid[1] += 1
                    tl.span_gid[1] += 1
                    tl.e2e_gid[0] += bool(t and t.place and t.place.geonameid == gid)
                    tl.span_gid[0] += bool(span_t and span_t.place and span_t.place.geonameid == gid)
                if kind:
                    tl.kinds[kind] += 1
                if span_kind:
                    tl.span_kinds[span_kind] += 1
            if kind and len(mistakes) < examples:
                got = t.place if t is not None else None
                mistakes.append({"corpus": corpus, "doc_id": rec.get("doc_id"), "kind": kind, "gold": g["phrase"],
                                 "gold_name": g.get("name"), "gold_gid": gid,
                                 "found": t.text if t else None, "got": got.name if got else None,
                                 "got_gid": got.geonameid if got else None, "got_country": got.country if got else None,
                                 "km": round(err), "context": parsed.clean.text[max(0, g["start"] - 60):g["end"] + 40]})
    order = sorted(k for k in tallies if k != "overall") + ["overall"]
    out = {"corpora": {k: tallies[k].metrics() for k in order}}
    overall = out["corpora"]["overall"]
    out.update({
        "documents": overall["documents"],
        "gold": overall["gold"],
        "detection_precision": overall["detection"]["precision"],
        "detection_recall": overall["detection"]["recall"],
        "detection_f1": overall["detection"]["f1"],
        "gold_span_accuracy_161": overall["gold_spans"]["accuracy_161"],
        "gold_span_geonameid_accuracy": overall["gold_spans"]["geonameid_accuracy"],
        "end_to_end_accuracy_161": overall["end_to_end"]["accuracy_161"],
        "end_to_end_geonameid_accuracy": overall["end_to_end"]["geonameid_accuracy"],
        "end_to_end_auc": overall["end_to_end"]["auc"],
        "geoparse_seconds": round(geo_seconds, 2),
    })
    if examples:
        out["mistakes"] = mistakes
    return out


def evaluate(path: str | Path, *, limit: int | None = None, every: int = 1, examples: int = 0,
             learn_homes: bool = True) -> dict:
    """Score the geo stage end to end (raw text through clean, parse, geoparse) and with gold spans.

    `limit` keeps the first documents only; `every` = k keeps every k-th document (a fixed, deterministic subset for
    quick checks); `examples` > 0 adds up to that many end-to-end mistakes to the output.
    """
    started = time.perf_counter()
    records = read_records(path, limit=limit, every=every)
    t0 = time.perf_counter()
    parsed = parse_records(records)
    parse_seconds = time.perf_counter() - t0
    out = score(records, parsed, examples=examples, learn_homes=learn_homes)
    out["parse_seconds"] = round(parse_seconds, 2)
    out["seconds"] = round(time.perf_counter() - started, 2)
    return out


def geoparse_table(metrics: dict) -> Table:
    """The metrics as a human table, one column per corpus (the CLI prints it before the JSON line)."""
    corpora = metrics["corpora"]
    t = Table(title=f"geoparse: {metrics['documents']} documents, {metrics['gold']} gold toponyms")
    t.add_column("metric")
    for name in corpora:
        t.add_column(name, justify="right")

    def row(label: str, get, fmt: str = "{:.3f}") -> None:
        t.add_row(label, *(fmt.format(get(m)) for m in corpora.values()))

    row("documents", lambda m: m["documents"], "{}")
    row("gold toponyms", lambda m: m["gold"], "{}")
    row("found toponyms", lambda m: m["predicted"], "{}")
    for k in ("precision", "recall", "f1"):
        row(f"detection {k}", lambda m, k=k: m["detection"][k])
    for mode, label in (("gold_spans", "gold spans"), ("end_to_end", "end to end")):
        row(f"{label}: acc@161 km", lambda m, mode=mode: m[mode]["accuracy_161"])
        row(f"{label}: exact geonameid", lambda m, mode=mode: m[mode]["geonameid_accuracy"])
        if mode == "end_to_end":
            row(f"{label}: acc@161 of found", lambda m: m["end_to_end"]["detected_accuracy_161"])
        else:
            row(f"{label}: share placed", lambda m: m["gold_spans"]["placed_share"])
            row(f"{label}: acc@161 of placed", lambda m: m["gold_spans"]["placed_accuracy_161"])
        row(f"{label}: mean error km", lambda m, mode=mode: m[mode]["mean_km"], "{:.0f}")
        row(f"{label}: median error km", lambda m, mode=mode: m[mode]["median_km"], "{:.1f}")
        row(f"{label}: AUC (lower better)", lambda m, mode=mode: m[mode]["auc"])
    overall = corpora.get("overall") or next(iter(corpora.values()))
    for k, _n in overall["error_kinds"]:
        t.add_row(f"error: {k}", *(str(dict(map(tuple, m["error_kinds"])).get(k, "")) for m in corpora.values()))
    return t
