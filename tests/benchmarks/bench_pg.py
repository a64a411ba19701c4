"""PostgreSQL at scale: a benchmark cluster whose data stays in the cache, the demo site of ``--rows`` contacts moved
onto it with ``migrate-to`` (timed once, the time kept beside the data), then the reception list cases of
bench_lists (each ≤ 100 ms), the dashboard (≤ 1 s) and the monthly report (≤ 2 s) on it.

    .venv/bin/python tests/benchmarks/bench_pg.py [--rows 1000000]

The cluster lives in ``FRONTDESK_BENCH_PG`` (default /var/tmp/frontdesk-bench-pg: the ``postgres`` user that
runs the server cannot enter /root/.cache), listens on a unix socket there only, and is stopped on exit with its
data kept for the next run.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bench_common import ROOT, best_of, demo_database, print_timings

sys.path.insert(0, str(ROOT / "tests"))
import pgcluster  # noqa: E402

PG_CACHE = Path(os.environ.get("FRONTDESK_BENCH_PG", "/var/tmp/frontdesk-bench-pg"))
LIST_MS, DASHBOARD_MS, MONTHLY_MS = 100.0, 1000.0, 2000.0
OPTIONS = "-c shared_buffers=256MB -c work_mem=32MB -c maintenance_work_mem=256MB -c max_wal_size=4GB " \
          "-c synchronous_commit=off -c effective_cache_size=1GB"


def start_cluster() -> str:
    """Start the cached cluster (creating it the first time); returns its socket folder."""
    data = PG_CACHE / "data"
    if os.geteuid() == 0:
        PG_CACHE.mkdir(parents=True, exist_ok=True)
        shutil.chown(PG_CACHE, "postgres", "postgres")
    PG_CACHE.chmod(0o700)
    if not (data / "PG_VERSION").exists():
        subprocess.run(pgcluster._as_postgres(pgcluster._tool("initdb"), "-D", str(data), "-U", "postgres",
                                              "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"),
                       check=True, stdout=subprocess.DEVNULL)
    options = f"-c listen_addresses='' -c unix_socket_directories='{PG_CACHE}' {OPTIONS}"
    subprocess.run(pgcluster._as_postgres(pgcluster._tool("pg_ctl"), "-D", str(data), "-l", str(PG_CACHE / "log"),
                                          "-w", "-t", "120", "-o", options, "start"), check=True,
                   stdout=subprocess.DEVNULL)
    atexit.register(lambda: subprocess.run(pgcluster._as_postgres(
        pgcluster._tool("pg_ctl"), "-D", str(data), "-w", "-m", "fast", "stop"), stdout=subprocess.DEVNULL,
        check=False))
    return str(PG_CACHE)


def url(socket: str, name: str) -> str:
    return f"postgresql://postgres@/{name}?host={socket}"


def server_site(rows: int) -> tuple[str, Path, dict]:
    """The database holding the ``rows`` demo site (moved there by migrate-to once), its data folder, and what
    the move measured."""
    import psycopg

    socket = start_cluster()
    folder = demo_database(rows)
    name = f"demo_{rows}"
    marker = PG_CACHE / f"{name}.json"
    if not marker.exists():
        with psycopg.connect(url(socket, "postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        print(f"moving the {rows:,}-contact SQLite site onto PostgreSQL with migrate-to (once)…", flush=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "frontdesk", "--data-dir", str(folder), "migrate-to",
                        url(socket, name)], check=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        with psycopg.connect(url(socket, name)) as conn:
            contacts = conn.execute("SELECT COUNT(*) FROM contact").fetchone()[0]
            size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]
        marker.write_text(json.dumps({"migrate_to_seconds": round(seconds, 1), "contacts": contacts,
                                      "database_size": size, "sqlite_bytes": (folder / "frontdesk.db").stat().st_size}))
    return url(socket, name), folder, json.loads(marker.read_text())


SITE_OFFSET = 10_000_000  # ids of site k's copies: k × this + the original id


def scale_site(sites: int, per_site: int) -> tuple[str, Path, dict]:
    """Head office at scale, built with COPY from the migrated 1M demo site: site S01 as the demo made it, and
    sites S02…S{sites} each a copy of its first ``per_site`` contacts (own ids, uuids and numbers) with their
    search grams. The contact indexes (all but the unique ones) are dropped for the load and built again after it."""
    import psycopg

    base, folder, _moved = server_site(1_000_000)
    socket = str(PG_CACHE)
    name = f"scale_{sites}x{per_site}"
    marker = PG_CACHE / f"{name}.json"
    if marker.exists():
        return url(socket, name), folder, json.loads(marker.read_text())
    started = time.perf_counter()
    with psycopg.connect(url(socket, "postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "demo_1000000"')  # a file copy of the 1M site
    target = url(socket, name)
    with psycopg.connect(target, autocommit=True) as conn:
        columns = [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'contact' "
            "ORDER BY ordinal_position")]
        indexes = conn.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN "
                               "('contact', 'contact_grams') AND indexdef NOT LIKE 'CREATE UNIQUE%'").fetchall()  # keys stay
        fkeys = conn.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                             "WHERE conrelid = 'contact'::regclass AND contype = 'f'").fetchall()
        for index, _sql in indexes:
            conn.execute(f'DROP INDEX "{index}"')
        for key, _sql in fkeys:
            conn.execute(f'ALTER TABLE contact DROP CONSTRAINT "{key}"')
        last_id = conn.execute("SELECT id FROM contact ORDER BY id OFFSET %s LIMIT 1", (per_site - 1,)).fetchone()[0]
    renamed = {
        "id": "id + {off}",
        "uuid": "md5(uuid || '{code}')::uuid::text",
        "site_code": "'{code}'",
        "origin_site": "'{code}'",
        "number": "'{code}' || substr(number, 4)",
    }
    select = ", ".join(renamed.get(c, c) for c in columns)
    for k in range(2, sites + 1):
        code, off = f"S{k:02d}", k * SITE_OFFSET
        with psycopg.connect(target) as src, psycopg.connect(target) as dst:
            for table, query, cols in (
                ("contact", f"SELECT {select.format(code=code, off=off)} FROM contact WHERE id <= {last_id}",
                 ", ".join(columns)),
                ("contact_grams", f"SELECT rowid + {off}, grams FROM contact_grams WHERE rowid <= {last_id}",
                 "rowid, grams"),
            ):
                with src.cursor().copy(f"COPY ({query}) TO STDOUT") as out, \
                        dst.cursor().copy(f"COPY {table} ({cols}) FROM STDIN") as into:
                    for block in out:
                        into.write(block)
            dst.commit()
        print(f"  site {code}: {per_site:,} contacts copied ({time.perf_counter() - started:.0f} s)", flush=True)
    loaded = time.perf_counter() - started
    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '512MB'")
        for _index, sql in indexes:
            conn.execute(sql)
        for key, sql in fkeys:
            conn.execute(f'ALTER TABLE contact ADD CONSTRAINT "{key}" {sql}')
        conn.execute("SELECT setval(pg_get_serial_sequence('contact', 'id'), (SELECT MAX(id) FROM contact))")
        conn.execute("ANALYZE")
        contacts = conn.execute("SELECT COUNT(*) FROM contact").fetchone()[0]
        size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]
    built = {"contacts": contacts, "sites": sites, "database_size": size, "copy_seconds": round(loaded, 1),
             "build_seconds": round(time.perf_counter() - started, 1)}
    marker.write_text(json.dumps(built))
    return target, folder, built


def run(rows: int) -> tuple[dict, list[tuple[str, float, float]], list[tuple[str, float, float]]]:
    from datetime import date, timedelta

    import bench_lists

    from frontdesk.domain.report import month_period
    from frontdesk.paths import data_paths
    from frontdesk.services.core import auth, system
    from frontdesk.services.reports import dashboard as reports_dashboard
    from frontdesk.services.reports import monthly as reports_monthly
    from frontdesk.settings import Settings

    if SCALE:
        database, folder, moved = scale_site(*SCALE)
        rows = 1_000_000  # the data folder (logins, paths) is the 1M demo site's
    else:
        database, folder, moved = server_site(rows)
    if REPEAT != 5:  # a quick look at a big database: fewer runs per case, each printed as it is measured
        def quick(fn, repeat=5):  # noqa: ANN001, ANN202
            median, best = best_of(fn, REPEAT)
            print(f"  … {median:9.1f} ms", flush=True)
            return median, best

        bench_lists.best_of = quick
    lists = bench_lists.run(rows, database=database)
    system.start(data_paths(folder), Settings(database=database), backup_on_start=False)
    actor = auth.login("admin", "admin123")
    last = date.today().replace(day=1) - timedelta(days=1)
    month = month_period(last.year, last.month)
    reports = [
        ("dashboard (工作台)", *best_of(lambda: reports_dashboard.dashboard(actor), repeat=min(3, REPEAT))),
        ("monthly service quality", *best_of(lambda: reports_monthly.service_quality(actor, month),
                                             repeat=min(3, REPEAT))),
    ]
    system.stop()
    return moved, lists, reports


SCALE: tuple[int, int] | None = None  # (sites, contacts per copied site): the head-office database
REPEAT = 5


def report(rows: int) -> bool:
    moved, lists, reports = run(rows)
    if SCALE:
        rows = moved["contacts"]
        print(f"\n{rows:,} contacts in {moved['sites']} sites ({moved['database_size']}), built with COPY in "
              f"{moved['build_seconds']:.0f} s (rows {moved['copy_seconds']:.0f} s, then indexes)")
    else:
        print(f"\nmigrate-to of the {rows:,}-contact SQLite site ({moved['sqlite_bytes'] / 2**20:,.0f} MB): "
              f"{moved['migrate_to_seconds']:.1f} s; {moved['contacts']:,} contacts, {moved['database_size']} "
              "on the server")
    ok = print_timings(f"PostgreSQL: reception list at {rows:,} contacts, median of {REPEAT}", lists, LIST_MS)
    ok &= print_timings(f"PostgreSQL: dashboard at {rows:,} contacts", reports[:1], DASHBOARD_MS)
    ok &= print_timings(f"PostgreSQL: monthly report at {rows:,} contacts", reports[1:], MONTHLY_MS)
    return ok


@pytest.mark.benchmark
def test_postgresql_at_a_million_contacts() -> None:
    assert report(1_000_000)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sites", type=int, help="head office: this many sites (S01 the 1M demo site)…")
    parser.add_argument("--per-site", type=int, default=200_000, help="…each other site this many contacts")
    parser.add_argument("--repeat", type=int, default=5, help="runs per case (after one warm-up)")
    args = parser.parse_args()
    REPEAT = args.repeat
    if args.sites:
        SCALE = (args.sites, args.per_site)
    sys.exit(0 if report(args.rows) else 1)
