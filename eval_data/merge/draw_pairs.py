"""Print the article pairs the merge gold's "drawn" set was annotated on (GUIDELINE.md says the rule).

    python eval_data/merge/draw_pairs.py        # from the repository root, with ../shared beside it

Lists every pair scoring 12 or more, best first; the drawn set is the pairs scoring 20 or more.
"""

import datetime as dt
import json
import math
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1].parent / "shared" / "corpus" / "ukraine_war_news_447.jsonl"


def _names(text: str) -> set[str]:
    return set(re.findall(r"\b[A-Z][a-z]{3,}\b", text[:1500]))


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}


def main() -> None:
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    chosen = {json.loads(line).get("doc_id") for line in (HERE / "ukraine_merge_gold.jsonl").open()
              if '"set"' not in line}
    used_by = Counter(w for r in rows for w in _names(r["text"]))
    info = [(r["id"], dt.datetime.strptime(r["id"][:15], "%Y%m%dT%H%M%S"), _names(r["text"]), _shingles(r["text"]))
            for r in rows if r["id"] not in chosen]
    pairs = []
    for a, b in combinations(info, 2):
        if abs((a[1] - b[1]).total_seconds()) > 2 * 86400:
            continue
        if len(a[3] & b[3]) / max(1, len(a[3] | b[3])) >= 0.5:
            continue  # a republication
        shared = sorted(w for w in a[2] & b[2] if used_by[w] <= 15)
        score = sum(math.log(len(rows) / used_by[w]) for w in shared)
        if score >= 12:
            pairs.append((round(score, 1), a[0], b[0], shared))
    for score, x, y, shared in sorted(pairs, reverse=True):
        print(score, x, y, " ".join(shared[:8]))


if __name__ == "__main__":
    main()
