"""Site sync at 1,000,000 demo rows: import time against the raw floor, a clerk's longest save wait during the
import (a thread saving every 0.1 s on its own connection), and peak memory of export and import (ru_maxrss; for the
import also the most it and its helper process held together).

    .venv/bin/python tests/benchmarks/bench_sync_million.py [--rows 1000000]
    bash tests/benchmarks/run.sh tests/benchmarks/bench_sync_million.py

Budgets (issue 15): import ≤ 2× the floor, the clerk's wait < 1 s, peak memory ≤ 200 MiB both ways.

Measured 2026-12-02 on the shared 2-core machine (1,410,388 records; load average 1–6, so times are noisy):
export 92 s, peak 130 MiB (met); import 499 s against a 113 s floor, ratio 4.4 (not met; 0.85 in an earlier run
whose floor ran under heavier load), peak 3,005 MiB (not met: the importer still parses the whole workbook
before merging); clerk's longest wait 1.6 s with 2,000-row chunks and 2.0 s with 500-row ones, no save failed
(not met: chunk size is not what bounds it).

After the streamed import (syncperf, 2026-12-02; validated then merged chunk by chunk, long tables on part sheets
of 20,000 rows, a 0.12 s pause after every 0.35 s of lock holding), 1,410,393 records: export 102 s, peak 130 MiB
(met); import 444 s against a 222 s floor, ratio 2.00 — but that floor ran beside this engineer's test runs, so
against the earlier 113 s floor it is about 3.9 (not met); peak 241 MiB (not met, was 3,005: what is left is
calamine's load of one 20,000-row part plus the per-table uuid-hash sets, ~60 bytes a row for referenced tables);
clerk's longest wait 0.75 s over 2,315 saves, none failed (met). At 100,000 rows: main 13.0 s / floor 5.7 s
(2.27), 348 MiB, wait 1.33 s; streamed 30.9 s / floor 14.1 s (2.19, noisy), 174 MiB, wait 0.79 s.

Session 5 (2026-12-02, quiet machine, load < 0.1 before each run), 1,410,863 records:
- before: export 50.9 s, 130 MiB; import 230.3 s against a 74.1 s floor, ratio 3.11; peak 258 MiB; wait 0.26 s.
- after (the workbook read once: checked rows kept in a scratch file on disk with their uuids, not in memory;
  the next part sheet loaded by calamine on a second thread; digests and search tokens worked out before each
  transaction, during the clerk's pause; 5,000-row chunks; WAL folded back every 25,000 pages; part sheets of
  10,000 rows): export 55.8 s, 130 MiB (met); import 165.5 s against a 77.1 s floor, ratio 2.15 (not met);
  peak 219 MiB (not met); clerk's longest wait 0.83 s over 668 saves, none failed (met).
  At 100,000 rows: 10.1 s against a 5.5–5.9 s floor (about 1.8), peak 169 MiB, wait 0.62 s.

Session 6 (2026-12-02, a machine about 2.8 times slower, with slow writes: a pure-Python loop 3.5 s where it took
about 1.2 s, so only ratios compare with the figures above), about 1,411,000 records:
- before (82854ce, random uuids): import 502.7 s against a 216.0 s floor, ratio 2.33; peak 224 MiB; clerk's
  longest wait 3.75 s (fixed 5,000-row chunks took 1.5 s each here, commits 0.4 s with their checkpoints).
- after (time-ordered uuids; the WAL folded back on a thread of its own; transactions sized by the table's pace
  to about 0.5 s, a pause before 0.6 s of holding; 16 MB page cache), quiet machine, import alone (phase
  script; freed heap handed back only once, after the check): 343.1 s against a 172.2 s floor, ratio 1.99; peak
  208 MiB; wait 0.91 s over 1,144 saves. Final code (heap handed back after every part sheet and chunk too),
  this script beside a test run: 583.7 s against 251.3 s, ratio 2.32; peak 185 MiB; wait 1.50 s.

Session 7 (2026-12-03, unchanged code a3f9f1b, a faster machine: the loop 1.8 s; three runs of this script,
quiet, one after another), 1,411,328 records: export 73.5 / 74.4 / 82.1 s, 130–132 MiB (met); import 160.4 s
against 84.7 s (1.89), 175.8 s against 88.0 s (2.00), 217.0 s against 105.2 s (2.06, the machine slower by
then); peak 185 / 181 / 180 MiB (met); clerk's longest wait 0.815 / 0.818 / 0.833 s, none failed (met). So
the ratio sits at the budget, not under it. Where the merge's time goes (1M; the import alone, with timers
around sync_sql.run_many and rows, add_tokens, prepare and time.sleep patched in from a throwaway script): the contact
INSERTs 47 s, the search index's 20 s, sync_base 5 s, digests and tokens 22 s, sleeps 5–7 s over about 440
transactions. Working the digests and tokens out in a worker process (reading the scratch file) was tried and
dropped: they had been done inside the clerk's pauses, so the main thread only slept more instead (35 s of
sleep over 360 pauses; the import took 250 and 267 s), and the worker added 40 MiB. What is left to win is in the writes
themselves and the 17% of lock time the pauses take, not in Python beside them.

Session 8 (2026-12-03, a slower machine that day: export 88–94 s, the floor 99–113 s). A py-spy profile of the
import put the search index's work at about 40 s (its INSERTs plus most of the 26 s of commits: FTS5 writes a
segment at every commit and merges them 4 at a time). Indexing 1,000,000 demo contacts alone in 2,000-row
transactions: 49 s with FTS5's default merging, 26 s merging 8 at a time (the longest commit 0.71 s → 0.11 s);
16 at a time is no faster and let a level's 16 segments be merged in one go, a 5 s commit (this script measured
the clerk waiting 4.7 s). The import now merges 8 at a time (search_index.bulk_merging), and its scratch file
keeps rows in marshal's form (a third faster than pickle both ways). This script, twice: import 210.7 s against
99.0 s (2.13) and 227.6 s against 113.2 s (2.01); peak 187 / 175 MiB; clerk's longest wait 0.892 / 0.944 s,
none failed. Side by side (a phase script on /dev/shm, floor then import, this code then 9ab578f): merge
164.0 s against 187.0 s (transactions 119.3 s against 136.4 s, the index's share), import 225.3 s against
252.5 s, but floors of 119.4 s and 100.1 s for the same code (ratios 1.89 and 2.52). So the ratio is still at
the budget, not reliably under it, on this machine: its floor alone varies by a fifth between runs. Also tried and dropped: saves
retrying every 2 ms instead of SQLite's busy handler (whose sleeps reach 100 ms), so the import's pause could be
0.03 s: no gain measured (the pauses are mostly spent preparing the next chunk), and at 1M rows the import was
slower (248 s).

Session 9 (2026-12-03, the machine drifting slower through the afternoon: the same floor took 116.6 s, then
121.6, 143.4 and 172.0 s), 1,411,328 records, the import alone beside the clerk (a phase script using this
file's child_import and raw_import). Before (531a6a0): 239.5 s against 116.6 s, ratio 2.05; peak 181 MiB;
wait 0.849 s. Where the time went: the contact INSERTs 59.6 s (the floor's own executemany of the same rows
took 67.4 s, its calamine read 42.9 s), the search index 24.9 s, sync_base 7.7 s, commits about 19 s, and
50 s with the lock left free (0.12 s after nearly every one of ~460 transactions, filled by the 31 s of
digests and tokens). A 64 MB page cache: 229 s but 196 MiB (dropped). After: saves ask for the lock every
2 ms (connection.LOCK_POLL_S; this clerk now saves through the app's transaction()), so the breaks are
20 ms, and the digests and tokens are worked out by a helper process on the idle core (preparer). With
5,000-row chunks: 195.4 s against 121.6 s (1.61), 236.6 / 121.7 (1.94), 278.2 / 143.4 (1.94); clerk's
longest wait 0.72–0.88 s, none failed; memory of both processes together 187 and 203 MiB (the import's own
175). With 2,500-row chunks (this code): 247.1 s against 172.0 s (1.44); 169 MiB together (155 its own);
wait 0.504 s over 1,167 saves, none failed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

if __name__ == "__main__":  # run as a plain script: import frontdesk from this checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_common  # noqa: E402
from bench_sync import raw_import  # noqa: E402

from frontdesk.domain.roles import SYSTEM  # noqa: E402
from frontdesk.paths import data_paths  # noqa: E402
from frontdesk.services.core import site, system  # noqa: E402
from frontdesk.settings import Settings  # noqa: E402

WAIT_S, MEMORY_MIB, RATIO = 1.0, 200, 2.0


class Clerk(threading.Thread):
    """Saves every 0.1 s through the app's own transaction() on a connection of its own (this thread's), like the
    counter window beside the import."""

    def __init__(self) -> None:
        super().__init__(name="clerk", daemon=True)
        self.stop, self.waits, self.errors = threading.Event(), [], []

    def run(self) -> None:
        from frontdesk.db.connection import database, transaction  # the app's own way to save, on this thread

        db = database.obj
        with transaction():
            db.execute_sql("CREATE TABLE IF NOT EXISTS bench_clerk_save (n INTEGER)")
        try:
            while not self.stop.is_set():
                began = time.perf_counter()
                try:
                    with transaction():
                        db.execute_sql("INSERT INTO bench_clerk_save VALUES (1)")
                except Exception as exc:  # noqa: BLE001 - a failed save is counted, not fatal
                    self.errors.append(str(exc))
                self.waits.append(time.perf_counter() - began)
                time.sleep(0.1)
        finally:
            db.close()


class MemoryWatch(threading.Thread):
    """The largest resident memory of this process plus its children (the import's preparer) at one moment,
    sampled every 0.1 s from /proc: what the import takes of the machine, not only of its own process."""

    def __init__(self) -> None:
        super().__init__(name="memory-watch", daemon=True)
        self.stop, self.peak_mib = threading.Event(), 0.0
        self.alone_mib = self.beside_mib = 0.0  # this process's largest, without and with a helper running

    @staticmethod
    def _rss_kib(pid: str) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:  # the child ended meanwhile
            pass
        return 0

    def run(self) -> None:
        me = str(os.getpid())
        while not self.stop.is_set():
            children = [c for task in Path(f"/proc/{me}/task").iterdir()
                        for c in (task / "children").read_text().split()] if Path(f"/proc/{me}/task").exists() else []
            own = self._rss_kib(me) / 1024
            total = own + sum(self._rss_kib(c) for c in children) / 1024
            self.peak_mib = max(self.peak_mib, total)
            if children:
                self.beside_mib = max(self.beside_mib, own)
            else:
                self.alone_mib = max(self.alone_mib, own)
            time.sleep(0.1)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_export(folder: Path, out: Path) -> dict[str, float]:
    from frontdesk.services.sync.exporter import export_site

    system.start(data_paths(folder), Settings(), backup_on_start=False)
    try:
        before = _peak_mib()
        began = time.perf_counter()
        summary = export_site(SYSTEM, out, since=None)
        return {"seconds": time.perf_counter() - began, "records": summary.total, "peak_mib": _peak_mib(),
                "baseline_mib": before}
    finally:
        system.stop()


def child_import(folder: Path, bundle: Path) -> dict[str, float]:
    from frontdesk.services.sync.importer import import_site

    system.start(data_paths(folder), Settings(), backup_on_start=False)
    try:
        before = _peak_mib()
        clerk, watch = Clerk(), MemoryWatch()
        clerk.start()
        watch.start()
        began = time.perf_counter()
        report = import_site(SYSTEM, bundle)
        took = time.perf_counter() - began
        clerk.stop.set()
        watch.stop.set()
        clerk.join()
        watch.join()
        peak = max(_peak_mib(), watch.peak_mib)  # its own high-water mark, or more with the helper beside it
        return {"seconds": took, "inserted": report.total.inserted, "peak_mib": peak, "own_peak_mib": _peak_mib(),
                "alone_mib": watch.alone_mib, "beside_helper_mib": watch.beside_mib,
                "helper_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                "baseline_mib": before,
                "longest_wait": max(clerk.waits, default=0.0), "saves": len(clerk.waits),
                "failed_saves": len(clerk.errors)}
    finally:
        system.stop()


def _child(*args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _new_site(folder: Path) -> Path:
    system.start(data_paths(folder), Settings(), backup_on_start=False)
    try:
        site.initialize("HQ", "基准总部", "admin", "admin123", "管理员")
    finally:
        system.stop()
    return folder


def _source(rows: int) -> Path:
    """The shared demo database when it is built (copied, never opened there: opening migrates it, and a
    database migrated past another branch's program is refused by it), else one built in a cache of our own."""
    shared = bench_common.CACHE / f"demo-{rows}-{bench_common.DEMO_FORMAT}"
    if (shared / "complete").exists():
        return shared
    bench_common.CACHE = bench_common.CACHE.with_name(bench_common.CACHE.name + "-sync")
    return bench_common.demo_database(rows)


def measure(rows: int, work: Path) -> dict[str, dict[str, float]]:
    source = _source(rows)
    a = work / "a"
    a.mkdir()
    shutil.copy(source / "frontdesk.db", a / "frontdesk.db")  # opened (and migrated) only as this copy
    exported = _child("--export", str(a), str(work / "site.zip"))
    import zipfile

    with zipfile.ZipFile(work / "site.zip") as z:
        z.extract("site.xlsx", work)
    floor = _new_site(work / "floor")
    raw = raw_import(work / "site.xlsx", floor / "frontdesk.db")
    imported = _child("--import", str(_new_site(work / "hq")), str(work / "site.zip"))
    return {"export": exported, "import": imported, "floor": {"seconds": raw}}


def report(f: dict[str, dict[str, float]]) -> None:
    e, i, raw = f["export"], f["import"], f["floor"]["seconds"]
    print(f"export: {e['records']:,.0f} records in {e['seconds']:.1f} s, peak memory {e['peak_mib']:.0f} MiB "
          f"(budget {MEMORY_MIB})")
    print(f"import: raw calamine+executemany {raw:.1f} s, frontdesk {i['seconds']:.1f} s, ratio {i['seconds'] / raw:.2f} "
          f"(budget {RATIO:.1f}); peak memory {i['peak_mib']:.0f} MiB with its helper, {i['own_peak_mib']:.0f} its own "
          f"(budget {MEMORY_MIB})")
    print(f"clerk: {i['saves']:.0f} saves during the import, longest wait {i['longest_wait']:.3f} s (budget {WAIT_S}), "
          f"{i['failed_saves']:.0f} failed")


@pytest.mark.benchmark
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB is Linux's")
def test_sync_at_a_million_rows(tmp_path: Path) -> None:
    figures = measure(1_000_000, tmp_path)
    report(figures)
    assert figures["import"]["longest_wait"] < WAIT_S and figures["import"]["failed_saves"] == 0
    assert figures["import"]["seconds"] <= RATIO * figures["floor"]["seconds"]
    assert figures["export"]["peak_mib"] <= MEMORY_MIB and figures["import"]["peak_mib"] <= MEMORY_MIB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--export", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--import", dest="imp", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export:
        print(json.dumps(child_export(*args.export)))
        return
    if args.imp:
        print(json.dumps(child_import(*args.imp)))
        return
    with tempfile.TemporaryDirectory() as folder:
        report(measure(args.rows, Path(folder)))


if __name__ == "__main__":
    main()
