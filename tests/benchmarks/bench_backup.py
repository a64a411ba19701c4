"""Backup of the 1,000,000-contact demo database: size against the raw file (target ≥ 3× smaller), time, and a
clerk saving every 0.1 s beside it (every save succeeds, the copy finishes).

    .venv/bin/python tests/benchmarks/bench_backup.py [--rows 1000000]
    bash tests/benchmarks/run.sh tests/benchmarks/bench_backup.py
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pytest

if __name__ == "__main__":  # run as a plain script: import frontdesk from this checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import demo_database  # noqa: E402
from bench_import_wait import Clerk  # noqa: E402

from frontdesk.db import backup  # noqa: E402

TARGET_RATIO = 3.0


def measure(rows: int, out: Path) -> dict[str, float]:
    folder = demo_database(rows)
    database = folder / "frontdesk.db"
    raw = database.stat().st_size
    clerk = Clerk(database)
    clerk.start()
    began = time.perf_counter()
    try:
        made = backup.backup_database(out, keep=None, source_file=database, attachments=folder / "attachments")
    finally:
        took = time.perf_counter() - began
        clerk.stop.set()
        clerk.join()
    return {"rows": rows, "raw_mb": raw / 2**20, "backup_mb": made.stat().st_size / 2**20, "seconds": took,
            "saves": len(clerk.waits), "failed": len(clerk.errors), "max_wait_s": max(clerk.waits)}


def report(f: dict[str, float]) -> bool:
    ratio = f["raw_mb"] / f["backup_mb"]
    ok = ratio >= TARGET_RATIO and f["failed"] == 0
    print(f"\nbackup of the {f['rows']:,}-contact demo database: {f['raw_mb']:.0f} MB → {f['backup_mb']:.0f} MB "
          f"({ratio:.1f}× smaller, target ≥ {TARGET_RATIO:.0f}×) in {f['seconds']:.1f} s")
    print(f"  clerk saving every 0.1 s meanwhile: {f['saves']} saves, {f['failed']} failed, "
          f"longest wait {f['max_wait_s'] * 1000:.0f} ms  {'ok' if ok else 'FAIL'}")
    return ok


@pytest.mark.benchmark
def test_backup_is_small_and_finishes_beside_a_saving_clerk(tmp_path):
    assert report(measure(1_000_000, tmp_path))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        sys.exit(0 if report(measure(args.rows, tmp)) else 1)
    finally:
        shutil.rmtree(tmp)
