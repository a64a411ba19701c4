"""The frozen bundle (slow): CLI and window from the executable, data kept across an upgrade, size and start-up."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import layout  # noqa: E402

pytestmark = pytest.mark.slow

BUNDLE_TARGET_MB = 200
RATIO_TARGET = 1.2
REPEAT = 5
ROWS = 20_000
INIT = ["init", "--site-code", "S01", "--site-name", "测试服务台", "--admin-user", "admin",
        "--admin-password", "admin123"]
WINDOW = ["--benchmark-login", "admin", "--benchmark-exit-on-paint"]
# Run the previous release: the same source without its newest migration; its new databases are what
# the frozen steps up to that version build (today's fresh schema is the newest one).
PREVIOUS_RELEASE = (
    "import sys\n"
    "from frontdesk.db import migrations\n"
    "migrations.MIGRATIONS = migrations.MIGRATIONS[:-1]\n"
    "migrations.create_fresh = lambda db: migrations.run_steps(db, migrations.MIGRATIONS)\n"
    "from frontdesk.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _env(**extra: str) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", FRONTDESK_BENCHMARK="1", **extra)


@pytest.fixture(scope="module")
def exe() -> Path:
    """The bundle's executable: reused when newer than its sources (or just built by build.py), else built."""
    if os.environ.get("FRONTDESK_BUNDLE_FRESH") != "1" and not layout.bundle_is_current():
        subprocess.run([sys.executable, str(layout.INSTALLER / "build.py"), "--skip-tests"], check=True, cwd=ROOT)
    path = layout.bundle_exe()
    assert path.exists(), path
    return path


def frozen(exe: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # cwd elsewhere: the bundle must not lean on the source tree
    return subprocess.run([str(exe), "--data-dir", str(data), *args], capture_output=True, text=True,
                          timeout=180, env=_env(), cwd=data.parent)


def source(data: Path, *args: str, program: tuple[str, ...] = ("-m", "frontdesk")) -> None:
    subprocess.run([sys.executable, *program, "--data-dir", str(data), *args], check=True, cwd=ROOT,
                   env=_env(), capture_output=True, text=True, timeout=600)


def row_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                  if "_fts" not in r[0] and not r[0].startswith("sqlite_")]  # FTS index: not records
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def lost_rows(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """Tables that have fewer rows than before (the audit log and settings may gain some)."""
    return {t: n - after.get(t, 0) for t, n in before.items() if after.get(t, 0) < n}


def test_bundle_carries_resources_and_only_used_qt(exe: Path) -> None:
    internal = exe.parent / "_internal"
    for rel in ("resources/translations/frontdesk_en.qm", "resources/print/page.html",
                "resources/print/document.css", "resources/icons/frontdesk.png"):
        assert (internal / rel).is_file(), rel
    names = [p.name for p in exe.parent.rglob("*")]
    assert "qtbase_zh_CN.qm" in names
    unwanted = [n for n in names if re.search(r"WebEngine|Qt6?Qml|Qt6?Quick|Qt6?3D|Multimedia|VirtualKeyboard", n)]
    assert unwanted == []
    assert not [n for n in names if n.endswith(".db")], "no database in the install folder"


def test_cli_init_and_check(exe: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    init = frozen(exe, data, *INIT)
    assert init.returncode == 0, init.stderr
    assert "已初始化站点 S01" in init.stdout
    check = frozen(exe, data, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "状态：正常" in check.stdout
    assert (data / "frontdesk.db").is_file()


def test_cli_demo_data_export_and_import(exe: Path, tmp_path: Path) -> None:
    """Demo data (working days from chinesecalendar), an Excel export (openpyxl), an import check (calamine)."""
    site_a, site_b, book = tmp_path / "a", tmp_path / "b", tmp_path / "s01.xlsx"
    assert frozen(exe, site_a, *INIT).returncode == 0
    demo = frozen(exe, site_a, "demo-data", "--rows", "300")
    assert demo.returncode == 0, demo.stderr
    export = frozen(exe, site_a, "export", "--all", "--out", str(book))
    assert export.returncode == 0, export.stderr
    assert frozen(exe, site_b, *[a if a != "S01" else "S02" for a in INIT]).returncode == 0
    check = frozen(exe, site_b, "import", "--dry-run", str(book))
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_window_paints_offscreen(exe: Path, tmp_path: Path, lang: str) -> None:
    data = tmp_path / "data"
    assert frozen(exe, data, *INIT).returncode == 0
    run = frozen(exe, data, "--lang", lang, *WINDOW)
    assert run.returncode == 0, run.stderr
    assert re.search(r"^painted \d", run.stdout, re.M), run.stdout + run.stderr
    assert re.search(r"^filled \d", run.stdout, re.M), run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    log = (data / "logs" / "frontdesk.log").read_text(encoding="utf-8")
    assert "not found" not in log, log  # translations (the app's .qm, Qt's qtbase_zh_CN) and templates


def test_frozen_run_keeps_source_run_records(exe: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    source(data, *INIT)
    source(data, "demo-data", "--rows", "500")
    before = row_counts(data / "frontdesk.db")
    assert before["contact"] > 0
    assert frozen(exe, data, "check").returncode == 0
    run = frozen(exe, data, *WINDOW)
    assert "painted" in run.stdout, run.stderr
    after = row_counts(data / "frontdesk.db")
    assert lost_rows(before, after) == {}
    assert after["contact"] == before["contact"]


def test_upgrade_migrates_with_backup_and_keeps_records(exe: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    program = ("-c", PREVIOUS_RELEASE)
    source(data, *INIT, program=program)
    before = row_counts(data / "frontdesk.db")
    with sqlite3.connect(data / "frontdesk.db") as conn:
        old_version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    check = frozen(exe, data, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    after = row_counts(data / "frontdesk.db")
    assert lost_rows(before, after) == {}
    with sqlite3.connect(data / "frontdesk.db") as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] > old_version
    backups = list((data / "backups").glob(f"*before-v{old_version + 1}*.db"))
    assert len(backups) == 1, list((data / "backups").iterdir())
    assert row_counts(backups[0]) == before


def time_to_paint(cmd: list[str], cwd: Path) -> float:
    """Seconds from spawning ``cmd`` to its 'painted' line (as tests/benchmarks/bench_startup.py)."""
    painted = None
    started = time.perf_counter()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=cwd,
                          env=_env()) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("painted") and painted is None:
                painted = time.perf_counter() - started
        proc.wait(timeout=120)
    assert painted is not None, f"{cmd[0]} never painted"
    return painted


def test_size_and_startup_against_source(exe: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    source(data, *INIT)
    source(data, "demo-data", "--rows", str(ROWS))
    source_cmd = [sys.executable, "main.py", "--data-dir", str(data), *WINDOW]
    frozen_cmd = [str(exe), "--data-dir", str(data), *WINDOW]
    for _ in range(2):  # warm the page cache for both
        time_to_paint(source_cmd, ROOT)
        time_to_paint(frozen_cmd, tmp_path)
    src, frz = [], []
    for _ in range(REPEAT):
        src.append(time_to_paint(source_cmd, ROOT))
        frz.append(time_to_paint(frozen_cmd, tmp_path))
    tarball = layout.tarball()
    figures = {
        "bundle_mb": round(layout.folder_size(layout.BUNDLE) / 2**20, 1),
        "bundle_target_mb": BUNDLE_TARGET_MB,
        "tarball_mb": round(tarball.stat().st_size / 2**20, 1) if tarball.exists() else None,
        "rows": ROWS,
        "repeat": REPEAT,
        "source_ms": round(statistics.median(src) * 1000),
        "frozen_ms": round(statistics.median(frz) * 1000),
        "source_all_ms": [round(s * 1000) for s in src],
        "frozen_all_ms": [round(f * 1000) for f in frz],
    }
    figures["ratio"] = round(figures["frozen_ms"] / figures["source_ms"], 2)
    figures["ratio_target"] = RATIO_TARGET
    layout.FIGURES.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(json.dumps(figures))
    assert figures["bundle_mb"] <= BUNDLE_TARGET_MB
    assert figures["ratio"] <= RATIO_TARGET
