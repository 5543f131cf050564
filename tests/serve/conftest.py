"""Fixtures for the API and map tests: stores built by the real pipeline, a real uvicorn server on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "eventwire" / "sample"
SEED_DIR = REPO.parent / "shared" / "corpus" / "seed"


def _build_store(inputs: Path, db: Path) -> Path:
    """Code `inputs` into the store `db` with the real command line (`eventwire run`)."""
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "run", str(inputs), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return db


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    return _build_store(SAMPLE, tmp_path_factory.mktemp("sample") / "sample.duckdb")


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    if not SEED_DIR.is_dir():
        pytest.skip("../shared/corpus/seed is not beside the repository")
    return _build_store(SEED_DIR, tmp_path_factory.mktemp("seed") / "seed.duckdb")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`eventwire.serve.serve(db)` in its own process on 127.0.0.1 and a free port."""

    def __init__(self, db: Path):
        self.db = db
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        code = "import sys; from eventwire.serve import serve; serve(sys.argv[1], port=int(sys.argv[2]), log_level='warning')"
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, str(db), str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}: {self.proc.stdout.read()}")
            try:
                if httpx.get(self.url + "/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("server did not answer within 60 s")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="session")
def sample_server(sample_db):
    server = Server(sample_db)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def seed_server(seed_db):
    server = Server(seed_db)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def api(sample_server):
    with httpx.Client(base_url=sample_server.url, timeout=30) as client:
        yield client
