"""System page: a backup from the button is listed; the retention limits are saved as settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.pages.system_page import SystemPage


def test_backup_button_lists_the_compressed_backup_and_limits_are_saved(qtbot, paths, admin, message_boxes):
    ctx = AppContext(paths, Settings(), admin, "测试服务台")
    page = SystemPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.backups.rowCount() == 0
    qtbot.mouseClick(page.findChild(QPushButton, "backupNow"), Qt.MouseButton.LeftButton)
    assert message_boxes and message_boxes[-1][0] == "information" and ".tar.zst" in message_boxes[-1][1]
    assert page.backups.rowCount() == 1
    page.max_total.setValue(2)
    page.keep.setValue(3)
    saved = Settings.load(paths.settings_file)
    assert (saved.backups_max_total_mb, saved.backups_to_keep) == (2048, 3)
