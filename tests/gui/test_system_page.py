"""System page: backup and restore run on a worker thread (the window stays live); the limits are saved."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from frontdesk.db import backup as backups
from frontdesk.services.core import system
from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.pages import system_page
from frontdesk.ui.pages.system_page import SystemPage


def _page(qtbot, paths, admin) -> SystemPage:  # noqa: ANN001
    page = SystemPage(AppContext(paths, Settings(), admin, "测试服务台"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def _ticks_while(qtbot, release: threading.Event, started: threading.Event) -> int:  # noqa: ANN001
    """How often a UI timer fires while the job holds on (it can only fire if the UI thread is free)."""
    assert started.wait(5)
    ticks = [0]
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start(10)
    qtbot.wait(200)
    timer.stop()
    release.set()
    return ticks[0]


def test_backup_runs_on_a_worker_while_the_window_stays_live(qtbot, paths, admin, message_boxes, monkeypatch):
    real, threads = backups.backup_database, []
    started, release = threading.Event(), threading.Event()

    def slow_backup(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread())
        started.set()
        assert release.wait(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(backups, "backup_database", slow_backup)
    page = _page(qtbot, paths, admin)
    assert page.backups.rowCount() == 0
    button = page.findChild(QPushButton, "backupNow")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isEnabled() and page.busy.isVisible() and page.busy.maximum() == 0  # busy, no percentage
    assert _ticks_while(qtbot, release, started) >= 5  # the UI thread ran its timer during the backup
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=10_000)
    assert threads and threads[0] is not threading.main_thread()
    kind, text = message_boxes[-1]
    assert kind == "information" and "备份完成" in text and ".tar.zst" in text
    assert page.backups.rowCount() == 1 and button.isEnabled() and not page.busy.isVisible()
    page.max_total.setValue(2)
    page.keep.setValue(3)
    saved = Settings.load(paths.settings_file)
    assert (saved.backups_max_total_mb, saved.backups_to_keep) == (2048, 3)


def test_a_failed_backup_says_why_and_frees_the_buttons(qtbot, paths, admin, message_boxes, monkeypatch):
    def full(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise backups.backup_error(OSError(28, "No space left on device"), paths.backups)

    monkeypatch.setattr(backups, "backup_database", full)
    page = _page(qtbot, paths, admin)
    qtbot.mouseClick(page.findChild(QPushButton, "backupNow"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=10_000)
    assert message_boxes[-1][0] in ("warning", "critical") and "备份" in message_boxes[-1][1]
    assert page.backup_button.isEnabled() and not page.busy.isVisible()


def test_restore_checks_the_backup_on_a_worker_then_restarts(qtbot, paths, admin, message_boxes, monkeypatch):
    system.backup_now(admin, paths, 5)
    real, threads = system.schedule_restore, []
    started, release = threading.Event(), threading.Event()

    def slow_restore(*args):  # noqa: ANN002, ANN202
        threads.append(threading.current_thread())
        started.set()
        assert release.wait(5)
        return real(*args)

    restarted = []
    monkeypatch.setattr(system, "schedule_restore", slow_restore)
    monkeypatch.setattr(system_page, "restart_application", lambda: restarted.append(1))
    page = _page(qtbot, paths, admin)
    page.table.selectRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "restore"), Qt.MouseButton.LeftButton)
    assert message_boxes[-1][0] == "question" and page.busy.isVisible()
    assert _ticks_while(qtbot, release, started) >= 5
    qtbot.waitUntil(lambda: bool(restarted), timeout=10_000)
    assert threads[0] is not threading.main_thread() and paths.restore_marker.exists()
    assert message_boxes[-1][0] == "information" and "检查无误" in message_boxes[-1][1]
