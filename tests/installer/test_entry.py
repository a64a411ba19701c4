"""The frozen entry's dispatch (CLI command → frontdesk.cli, else the window) and resource lookup, without a build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from frontdesk.paths import resource_dir

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import frontdesk_entry  # noqa: E402


@pytest.mark.parametrize(
    ("args", "cli"),
    [
        (["init", "--site-code", "S01"], True),
        (["--data-dir", "/tmp/x", "check"], True),
        (["--data-dir", "check"], False),  # "check" is the folder here, not the command
        (["--data-dir", "/tmp/x", "demo-data", "--rows", "10"], True),
        (["--help"], True),
        ([], False),
        (["--data-dir", "/tmp/x", "--lang", "en"], False),
        (["--benchmark-login", "admin", "--benchmark-exit-on-paint"], False),
    ],
)
def test_dispatch(args: list[str], cli: bool) -> None:
    assert frontdesk_entry.wants_cli(args) is cli


def test_every_cli_command_is_known() -> None:
    assert {"init", "check", "backup", "restore", "demo-data", "screenshots"} <= frontdesk_entry.cli_commands()


def test_cli_runs_through_the_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = frontdesk_entry.main(["frontdesk", "--data-dir", str(tmp_path), "init", "--site-code", "S09",
                                 "--site-name", "入口测试", "--admin-user", "admin", "--admin-password", "admin123"])
    assert code == 0
    assert "已初始化站点 S09" in capsys.readouterr().out


def test_resources_beside_the_source_or_inside_the_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert resource_dir() == ROOT / "resources"
    assert (resource_dir() / "print" / "page.html").is_file()
    assert (resource_dir() / "icons" / "frontdesk.png").is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_dir() == tmp_path / "resources"


def test_the_import_helper_runs_through_the_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A frozen build starts a large import's helper as its own executable with the worker argument."""
    from frontdesk.services.sync import preparer

    served: list[Path] = []
    monkeypatch.setattr(preparer, "serve", lambda scratch, _in, _out: served.append(scratch) or 0)
    assert frontdesk_entry.main(["frontdesk", preparer.WORKER_ARG, str(tmp_path / "scratch.db")]) == 0
    assert served == [tmp_path / "scratch.db"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert preparer.command() == [sys.executable, preparer.WORKER_ARG]
