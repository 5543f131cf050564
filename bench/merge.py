"""Cross-document merge at scale: 1M synthetic event mentions through `merge_across`, timed, with peak RSS.

    python bench/merge.py [--mentions 1000000] [--seed 7]

The mentions are synthetic but spread like the real thing: event types drawn from the ACLED Ukraine dev set's
sub-event distribution (mapped through eventwire's own kinds), places Zipf-distributed over 3,000 towns in 25
provinces (a few cities get most reports), dates over two years, mostly day-precise, some dated only by their
article or by week or month, actors mostly Russian or Ukrainian or unknown, and about a third of them repeated
reports of an event already drawn (another outlet, a day later). Appends a line to bench/results/merge.jsonl.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record  # noqa: E402

from eventwire.events.kinds import KINDS  # noqa: E402
from eventwire.merge import Summary, merge_across  # noqa: E402
from eventwire.types import Place  # noqa: E402

ACLED_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "acled_ukraine_dev.jsonl"


def type_distribution() -> list[tuple[tuple[str, str, str | None, str | None], float]]:
    """(PLOVER type, CAMEO, mode, ACLED sub-type) with the ACLED dev set's frequencies (uniform without it)."""
    by_sub = {}
    for k in KINDS.values():
        if k.acled:
            by_sub.setdefault(k.acled[1], (k.plover, k.cameo, k.mode, k.acled[1]))
    counts = Counter()
    if ACLED_DEV.exists():
        for line in ACLED_DEV.read_text().splitlines():
            sub = json.loads(line).get("sub_event_type")
            if sub in by_sub:
                counts[sub] += 1
    kinds = list(by_sub)
    total = sum(counts.values()) or len(kinds)
    return [(by_sub[s], (counts[s] or (0 if counts else 1)) / total) for s in kinds if counts[s] or not counts]


def synthetic(n: int, seed: int) -> list[Summary]:
    rng = np.random.default_rng(seed)
    types = type_distribution()
    t_idx = rng.choice(len(types), size=n, p=np.array([w for _, w in types]) / sum(w for _, w in types))
    n_places = 3000
    lat = rng.uniform(44.5, 52.0, n_places)
    lon = rng.uniform(22.5, 40.0, n_places)
    province = rng.integers(0, 25, n_places)
    places = [Place(geonameid=100000 + i, name=f"Town {i}", feature_code="PPL", country="UKR",
                    admin1=f"Province {province[i]}", lat=float(lat[i]), lon=float(lon[i]), precision="city")
              for i in range(n_places)]
    provinces = [Place(geonameid=900 + j, name=f"Province {j}", feature_code="ADM1", country="UKR",
                       admin1=f"Province {j}", lat=None, lon=None, precision="admin1") for j in range(25)]
    zipf = 1.0 / np.arange(1, n_places + 1) ** 1.1
    p_idx = rng.choice(n_places, size=n, p=zipf / zipf.sum())
    coarse_place = rng.random(n)  # 8% only the province, 4% no place at all
    day0 = dt.date(2022, 2, 24).toordinal()
    days = rng.integers(0, 730, size=n)
    prec = rng.choice(["day", "inherited", "week", "month"], size=n, p=[0.7, 0.2, 0.06, 0.04])
    actor = rng.choice(["RUS", "UKR", None], size=n, p=[0.5, 0.2, 0.3])
    repeat = rng.random(n) < 0.33  # another outlet reporting an event already drawn
    out: list[Summary] = []
    for i in range(n):
        j = int(rng.integers(0, i)) if repeat[i] and i else i
        plover, cameo, mode, sub = types[t_idx[j]][0]
        place = places[p_idx[j]]
        if coarse_place[j] < 0.04:
            place = None
        elif coarse_place[j] < 0.12:
            place = provinces[province[p_idx[j]]]
        day = days[j] + (1 if j != i and rng.random() < 0.3 else 0)
        precision = str(prec[i])
        date = dt.date.fromordinal(day0 + int(day))
        if precision == "month":
            date = date.replace(day=1)
        out.append(Summary(key=f"m{i:07d}", order=(f"doc{i:07d}", 0), event_type=plover, cameo=cameo, mode=mode,
                           acled_sub=sub, actor1=actor[j], place=place, date=date.isoformat(), precision=precision))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    t0 = time.perf_counter()
    summaries = synthetic(args.mentions, args.seed)
    t1, c1 = time.perf_counter(), time.process_time()
    assignment = merge_across(summaries)
    t2, c2 = time.perf_counter(), time.process_time()
    events = len(set(assignment.cluster.values()))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    record("merge", {
        "benchmark": "merge_across over synthetic mentions", "mentions": args.mentions, "events": events,
        "mentions_per_event": round(args.mentions / events, 2), "generate_s": round(t1 - t0, 1),
        "merge_s": round(t2 - t1, 1), "merge_cpu_s": round(c2 - c1, 1), "mentions_per_s": round(args.mentions / (t2 - t1)),
        "peak_rss_mb": round(peak_mb), "load_average": round(__import__("os").getloadavg()[0], 2), "command": "python bench/merge.py" + (
            f" --mentions {args.mentions}" if args.mentions != 1_000_000 else ""),
    })


if __name__ == "__main__":
    main()
