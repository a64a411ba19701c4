"""Site export/import throughput on 100,000 demo rows against raw floors, and export peak memory at 1,000,000.

    .venv/bin/python tests/benchmarks/bench_sync.py [--rows 100000] [--memory-rows 1000000]
    .venv/bin/python -m pytest tests/benchmarks/bench_sync.py -m benchmark -s -o addopts="" -o python_files="bench_*.py"
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

if __name__ == "__main__":  # run as a plain script: import frontdesk from this checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import demo_database  # noqa: E402

from frontdesk.domain.roles import SYSTEM  # noqa: E402
from frontdesk.paths import data_paths  # noqa: E402
from frontdesk.services.core import site, system  # noqa: E402
from frontdesk.settings import Settings  # noqa: E402


def _copy_site(src: Path, dst: Path) -> Path:
    dst.mkdir(parents=True)
    shutil.copy(src / "frontdesk.db", dst / "frontdesk.db")
    return dst


def _open(folder: Path) -> None:
    system.start(data_paths(folder), Settings(), backup_on_start=False)


def raw_export(db: Path, out: Path) -> float:
    """The floor: plain sqlite3 reads of the same tables and columns, appended by openpyxl write-only mode."""
    from frontdesk.services.sync.schema import select_sql, specs

    began = time.perf_counter()
    con = sqlite3.connect(db)
    wb = Workbook(write_only=True)
    for spec in specs().values():
        ws = wb.create_sheet(spec.name)
        ws.append(spec.keys)
        for row in con.execute(select_sql(spec)):
            ws.append(row)
    wb.save(out)
    con.close()
    return time.perf_counter() - began


def ours_export(out: Path) -> tuple[float, int]:
    from frontdesk.services.sync.exporter import export_site

    began = time.perf_counter()
    summary = export_site(SYSTEM, out, since=None)
    return time.perf_counter() - began, summary.total


def raw_import(xlsx: Path, empty_db: Path) -> float:
    """The floor: a raw calamine read of every sheet plus one sqlite3.executemany of its rows."""
    began = time.perf_counter()
    book = CalamineWorkbook.from_path(str(xlsx))
    con = sqlite3.connect(empty_db)
    con.execute("PRAGMA foreign_keys = OFF")
    for name in book.sheet_names:
        if name.startswith("_"):
            continue
        rows = book.get_sheet_by_name(name).to_python()
        if len(rows) < 2:
            continue
        header, data = rows[0], rows[1:]
        cols = ", ".join(f'"{h}"' for h in header)
        table = name.split("~")[0]  # a long table's part sheets ("contact~2") go into the table
        con.executemany(f'INSERT OR IGNORE INTO "{table}" ({cols}) VALUES ({",".join("?" * len(header))})', data)
    con.commit()
    con.close()
    return time.perf_counter() - began


def ours_import(xlsx: Path) -> tuple[float, int]:
    from frontdesk.services.sync.importer import import_site

    began = time.perf_counter()
    report = import_site(SYSTEM, xlsx)
    return time.perf_counter() - began, report.total.inserted


def _new_site(folder: Path, code: str) -> None:
    _open(folder)
    site.initialize(code, "基准总部", "admin", "admin123", "管理员")


def measure(rows: int, work: Path) -> dict[str, float]:
    source = demo_database(rows)
    a = _copy_site(source, work / "a")
    _open(a)
    try:
        with closing(sqlite3.connect(a / "frontdesk.db")) as con:
            contacts = con.execute("SELECT COUNT(*) FROM contact").fetchone()[0]
        raw_x = raw_export(a / "frontdesk.db", work / "raw.xlsx")
        ours_x, exported = ours_export(work / "site.xlsx")
    finally:
        system.stop()
    _new_site(work / "floor", "HQ")
    system.stop()
    raw_i = raw_import(work / "site.xlsx", work / "floor" / "frontdesk.db")
    _new_site(work / "hq", "HQ")
    try:
        ours_i, inserted = ours_import(work / "site.xlsx")
    finally:
        system.stop()
    return {"contacts": contacts, "records": exported, "raw_export": raw_x, "export": ours_x,
            "raw_import": raw_i, "import": ours_i, "inserted": inserted}


def peak_rss_mib(rows: int, work: Path) -> float:
    """Peak resident memory (VmHWM) of a fresh process exporting a ``rows``-row demo site, in MiB."""
    source = demo_database(rows)
    folder = _copy_site(source, work / "big")
    child = subprocess.run([sys.executable, __file__, "--export-only", str(folder), "--out", str(work / "big.xlsx")],
                           check=True, capture_output=True, text=True)
    return int(child.stdout.split()[-1]) / 2**10


def _report(f: dict[str, float]) -> None:
    print(f"contacts {f['contacts']:,.0f}; records exported {f['records']:,.0f}; inserted at the other site "
          f"{f['inserted']:,.0f}")
    print(f"export: raw sqlite3+openpyxl {f['raw_export']:.2f} s, frontdesk {f['export']:.2f} s, "
          f"ratio {f['export'] / f['raw_export']:.3f} (budget 1.10)")
    print(f"import: raw calamine+executemany {f['raw_import']:.2f} s, frontdesk {f['import']:.2f} s, "
          f"ratio {f['import'] / f['raw_import']:.3f} (budget 2.00)")


@pytest.mark.benchmark
def test_sync_within_budgets(tmp_path: Path) -> None:
    figures = measure(100_000, tmp_path)
    _report(figures)
    assert figures["export"] <= 1.1 * figures["raw_export"]
    assert figures["import"] <= 2.0 * figures["raw_import"]


@pytest.mark.benchmark
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_site_export_million_rows_peak_memory(tmp_path: Path) -> None:
    peak = peak_rss_mib(1_000_000, tmp_path)
    print(f"site export of 1,000,000 rows: peak RSS {peak:.1f} MiB (budget 200)")
    assert peak <= 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--memory-rows", type=int, default=0)
    parser.add_argument("--export-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_only:
        _open(args.export_only)
        ours_export(args.out)
        system.stop()
        status = Path("/proc/self/status").read_text()
        print(int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        _report(measure(args.rows, Path(folder)))
        if args.memory_rows:
            peak = peak_rss_mib(args.memory_rows, Path(folder))
            print(f"site export of {args.memory_rows:,} rows: peak RSS {peak:.1f} MiB (budget 200)")


if __name__ == "__main__":
    main()
