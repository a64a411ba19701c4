"""The command line: init, check, backup, demo data, exit codes."""

from dataclasses import replace
from pathlib import Path

from frontdesk.cli import main


def run(tmp_path: Path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path / "d"), *args])


def test_init_check_backup_demo(tmp_path, capsys):
    assert run(tmp_path, "check") == 1  # not initialised yet
    assert run(tmp_path, "init", "--site-code", "S07", "--site-name", "东阳服务区",
               "--admin-user", "admin", "--admin-password", "secret1") == 0
    assert run(tmp_path, "check") == 0
    assert "状态：正常" in capsys.readouterr().out
    assert run(tmp_path, "backup") == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed.is_file() and printed.parent.name == "backups"
    assert run(tmp_path, "demo-data", "--rows", "50") == 0
    assert "staff: " in capsys.readouterr().out
    assert run(tmp_path, "demo-data", "--rows", "50") == 0  # a second run: nothing written, no IntegrityError
    assert "已有完整的演示数据（约 50 条，种子 2026），这次没有再写入" in capsys.readouterr().out


def test_an_interrupted_demo_data_run_is_finished_by_the_next(tmp_path, capsys, monkeypatch):
    from frontdesk.demo import reception, runner

    def ctrl_c(_done: int) -> None:
        raise KeyboardInterrupt

    def interrupted(ctx, n, _progress):  # noqa: ANN001, ANN202 - Ctrl+C after the first day of contacts
        reception.generate_contacts(ctx, n, ctrl_c)

    assert run(tmp_path, "init", "--site-code", "S07", "--site-name", "东阳服务区",
               "--admin-user", "admin", "--admin-password", "secret1") == 0
    monkeypatch.setattr(runner, "GENERATORS", tuple(
        replace(g, run=interrupted) if g.name == "contacts" else g for g in runner.GENERATORS))
    assert run(tmp_path, "demo-data", "--rows", "30", "--seed", "4") == 130
    assert "再次运行 demo-data 即从中断处继续" in capsys.readouterr().err
    monkeypatch.undo()
    assert run(tmp_path, "demo-data") == 0
    out = capsys.readouterr().out
    assert "上次生成演示数据未完成（约 30 条，种子 4），现在从中断处继续" in out and "contacts: 27" in out


def test_bad_init_exits_nonzero_with_message(tmp_path, capsys):
    assert run(tmp_path, "init", "--site-code", "x", "--site-name", "站",
               "--admin-user", "admin", "--admin-password", "secret1") == 2
    assert "--site-code" in capsys.readouterr().err


def test_demo_data_needs_init(tmp_path, capsys):
    assert run(tmp_path, "demo-data", "--rows", "5") == 2
    assert "init" in capsys.readouterr().err


def test_check_detects_corruption(tmp_path, capsys):
    run(tmp_path, "init", "--site-code", "S07", "--site-name", "站", "--admin-user", "admin",
        "--admin-password", "secret1")
    db = tmp_path / "d" / "frontdesk.db"
    data = bytearray(db.read_bytes())
    data[4096 : 4096 + 16] = b"\xff" * 16  # scribble over the header of the second page
    db.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    assert run(tmp_path, "check") != 0
