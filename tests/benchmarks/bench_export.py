"""Export speed against raw openpyxl write-only mode, and peak memory; a script and a benchmark test.

    .venv/bin/python tests/benchmarks/bench_export.py --rows 100000 [--memory-rows 1000000]
    .venv/bin/python -m pytest tests/benchmarks/bench_export.py -m benchmark
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

if __name__ == "__main__":  # run as a plain script: import frontdesk from this checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from frontdesk.excel.exporter import YUAN_FORMAT, Column, Kind, export_rows  # noqa: E402

COLUMNS = [
    Column("no", "编号"),
    Column("seq", "序号", Kind.INT),
    Column("name", "姓名"),
    Column("amount", "金额", Kind.MONEY),
    Column("day", "日期", Kind.DATE),
    Column("at", "登记时间", Kind.DATETIME),
    Column("done", "已处理", Kind.BOOL),
    Column("status", "状态", Kind.ENUM, labels={"open": "处理中", "closed": "已关闭", "void": "作废"}),
    Column("note", "备注"),
    Column("qty", "数量", Kind.INT),
    Column("phone", "电话"),
    Column("fee", "费用", Kind.MONEY, number_format=YUAN_FORMAT),
]
NAMES = ["张三", "李四", "王五", "赵六", "=HYPERLINK(\"http://x\",\"y\")"]
STATUSES = ["open", "closed", "void"]


def rows(n: int) -> Iterator[tuple[Any, ...]]:
    """``n`` rows of twelve mixed columns, generated lazily."""
    start = dt.datetime(2026, 1, 1, 8, 0)
    for i in range(n):
        at = start + dt.timedelta(minutes=i)
        yield (f"S01-WX-{at:%Y%m%d}-{i % 10000:04d}", i, NAMES[i % 5], Decimal(i % 100000) / 100, at.date(), at,
               i % 3 == 0, STATUSES[i % 3], f"客户反映问题 {i}，已登记", i % 97, f"138{i:08d}", Decimal("12.50"))


def raw_openpyxl(path: Path, n: int) -> None:
    """The baseline: openpyxl write-only mode appending the same plain values, no formatting."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("列表")
    ws.append([c.header for c in COLUMNS])
    for row in rows(n):
        ws.append(row)
    wb.save(path)


def ours(path: Path, n: int) -> None:
    export_rows(path, "列表", COLUMNS, rows(n), total=n)


def timed(fn: Any, path: Path, n: int) -> float:
    began = time.perf_counter()
    fn(path, n)
    return time.perf_counter() - began


def compare(n: int, folder: Path) -> tuple[float, float]:
    """Seconds for raw openpyxl and for ours, writing ``n`` rows each."""
    return timed(raw_openpyxl, folder / "raw.xlsx", n), timed(ours, folder / "ours.xlsx", n)


def peak_rss_mib(n: int, folder: Path) -> float:
    """Peak resident memory (VmHWM) of a fresh process exporting ``n`` rows, in MiB; Linux only."""
    child = subprocess.run([sys.executable, __file__, "--export-only", str(n), "--out", str(folder / "big.xlsx")],
                           check=True, capture_output=True, text=True)
    return int(child.stdout.split()[-1]) / 2**10


def _own_peak_kib() -> int:
    # VmHWM belongs to this process image; getrusage's ru_maxrss would include the parent's pre-exec size
    status = Path("/proc/self/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1])


@pytest.mark.benchmark
def test_export_within_budget_of_raw_openpyxl(tmp_path: Path) -> None:
    raw, mine = compare(20_000, tmp_path)
    print(f"raw openpyxl {raw:.2f}s, ours {mine:.2f}s, ratio {mine / raw:.3f}")
    assert mine <= 1.1 * raw


@pytest.mark.benchmark
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_export_million_rows_peak_memory(tmp_path: Path) -> None:
    peak = peak_rss_mib(1_000_000, tmp_path)
    print(f"peak RSS {peak:.1f} MiB")
    assert peak <= 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--memory-rows", type=int, default=0, help="also report peak RSS for this many rows")
    parser.add_argument("--export-only", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_only:
        ours(args.out, args.export_only)
        print(_own_peak_kib())
        return
    with tempfile.TemporaryDirectory() as folder:
        raw, mine = compare(args.rows, Path(folder))
        print(f"rows x columns   {args.rows:,} x {len(COLUMNS)}")
        print(f"raw openpyxl     {raw:8.2f} s")
        print(f"frontdesk export {mine:8.2f} s")
        print(f"ratio            {mine / raw:8.3f}  (budget 1.10)")
        if args.memory_rows:
            peak = peak_rss_mib(args.memory_rows, Path(folder))
            print(f"peak RSS         {peak:8.1f} MiB exporting {args.memory_rows:,} rows (budget 200)")


if __name__ == "__main__":
    main()
