"""Child process of the kill -9 test: writes batches to a DuckDB store, saying after each commit."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_synth import batch  # noqa: E402

from eventwire.store import Store  # noqa: E402


def main(db: str, n: int) -> None:
    with Store(db) as store:
        for i in range(n):
            docs, events, errors = batch(i)
            store.add(docs, events, errors)
            print(f"committed {i}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
