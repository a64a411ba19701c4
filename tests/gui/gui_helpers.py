"""Helpers shared by the GUI tests: the real main window for an actor, scripted dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog

from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.main_window import MainWindow


def window_for(qtbot: Any, paths: Any, actor: Any) -> MainWindow:
    """The main window as ``actor`` sees it, shown, with its first page built and filled."""
    window = MainWindow(AppContext(paths, Settings(), actor, "测试服务台"))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.pageShown):  # the first page is built after the first paint
        window.show()
    if hasattr(window, "overdue_label"):  # the status-bar count fills in after the first paint too
        qtbot.waitUntil(lambda: window.overdue_label.text() != "")
    return window


def scripted(monkeypatch: Any, cls: type[QDialog], script: Callable[[Any], Any]) -> list[QDialog]:
    """Replace ``cls.exec`` with ``script(dialog)`` (which fills and accepts); returns the dialogs seen."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        script(dialog)
        return dialog.result()

    monkeypatch.setattr(cls, "exec", run)
    return seen
