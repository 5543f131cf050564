"""kill -9 in the middle of a run leaves whole batches only; a rerun gives the clean run's store."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from store_synth import batch, batches
from test_store_duck import KEYS, duplicate_keys

from eventwire.store import Store

WRITER = Path(__file__).with_name("store_writer.py")
N_BATCHES = 400  # far more than get written before the kill
PER_BATCH = {"documents": 3, "events": 3, "mentions": 5, "errors": 1}


def test_kill_9_then_rerun(tmp_path):
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path.cwd()), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(db), str(N_BATCHES)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        committed = -1
        for line in proc.stdout:
            committed = int(line.split()[1])
            if committed >= 2:
                break
        assert committed >= 2, proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    # The killed store opens (WAL replayed) and holds whole batches only.
    with Store(db) as s:
        counts = s.counts()
        k = counts["documents"] // PER_BATCH["documents"]
        assert committed + 1 <= k < N_BATCHES
        assert counts == {t: k * n for t, n in PER_BATCH.items()}
        assert duplicate_keys(s) == {t: 0 for t in KEYS}

        # Rerun of everything, as a runner would: known documents are skipped, the rest is added.
        n = k + 3
        for docs, events, errors in batches(n):
            known = s.known(docs)
            s.add([d for d in docs if d.doc_id not in known], events, errors)
        rerun_counts = s.counts()
        rerun_records = sorted(s.event_records(), key=lambda r: r["event_id"])
        rerun_docs = s.sql("SELECT * EXCLUDE (coded_at) FROM documents ORDER BY doc_id")
        assert duplicate_keys(s) == {t: 0 for t in KEYS}

    with Store(tmp_path / "clean.duckdb") as clean:
        for i in range(n):
            clean.add(*batch(i))
        assert rerun_counts == clean.counts() == {t: n * c for t, c in PER_BATCH.items()}
        assert rerun_records == sorted(clean.event_records(), key=lambda r: r["event_id"])
        assert rerun_docs.equals(clean.sql("SELECT * EXCLUDE (coded_at) FROM documents ORDER BY doc_id"))
