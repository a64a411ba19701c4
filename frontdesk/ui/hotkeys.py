"""The main window's hotkeys: F2–F7 start the desk's main jobs, F5 refreshes, Ctrl+F searches, F1 lists them all."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from frontdesk.ui.messages import status

if TYPE_CHECKING:
    from frontdesk.ui.main_window import MainWindow


@dataclass(frozen=True)
class Job:
    """A hotkey that opens ``page`` and calls ``method`` (a dotted path on the page) there."""

    key: str
    title: str  # Chinese source text, context "hotkeys"
    page: str
    method: str


JOBS = [
    Job("F2", QT_TRANSLATE_NOOP("hotkeys", "新接待登记"), "reception", "form.new"),
    Job("F3", QT_TRANSLATE_NOOP("hotkeys", "新建投诉…"), "complaints", "new_case"),
    Job("F4", QT_TRANSLATE_NOOP("hotkeys", "退换货登记…"), "returns", "new_order"),
    Job("F6", QT_TRANSLATE_NOOP("hotkeys", "维修受理…"), "repairs", "new_order"),
    Job("F7", QT_TRANSLATE_NOOP("hotkeys", "交接班…"), "handover", "hand_over"),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("hotkeys", text)


def _call(obj: object, dotted: str) -> None:
    for name in dotted.split("."):
        obj = getattr(obj, name)
    obj()  # type: ignore[operator]


def add_hotkeys(window: MainWindow) -> QMenu:
    """The 办理 menu: one QAction per job (disabled, saying why, where the account may not open the page),
    then 刷新 (F5) and 搜索 (Ctrl+F). All are window-wide: they work whichever widget has the focus."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("hotkeys", "办理(&W)"))
    allowed = {spec.key for spec in window.specs}
    for job in JOBS:
        action = QAction(_tr(job.title), window)
        action.setObjectName(f"hotkey_{job.page}")
        action.setShortcut(QKeySequence(job.key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if job.page in allowed:
            action.triggered.connect(lambda _checked=False, job=job: start_job(window, job))
        else:
            action.setEnabled(False)
            action.setStatusTip(QCoreApplication.translate("hotkeys", "当前账户没有这项权限"))
            action.setToolTip(QCoreApplication.translate("hotkeys", "当前账户没有这项权限"))
        menu.addAction(action)
    menu.addSeparator()
    for name, text, key, slot in (
        ("hotkey_refresh", QT_TRANSLATE_NOOP("hotkeys", "刷新当前列表"), "F5",
         lambda: refresh_current(window)),
        ("hotkey_search", QT_TRANSLATE_NOOP("hotkeys", "搜索当前列表"), "Ctrl+F",
         lambda: search_current(window)),
    ):
        action = QAction(_tr(text), window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        menu.addAction(action)
    return menu


def start_job(window: MainWindow, job: Job) -> None:
    page = window.open_page(job.page)
    if page is not None:
        _call(page, job.method)


def refresh_current(window: MainWindow) -> None:
    page = window.current_page()
    if page is not None:
        page.refresh()
        status(QCoreApplication.translate("hotkeys", "已刷新"))


def search_box(page: QWidget) -> QLineEdit | None:
    """The visible search box of the page's current list (the one on the tab shown), if it has one."""
    boxes = [w for w in page.findChildren(QLineEdit, "search") if w.isVisibleTo(page)]
    return boxes[0] if boxes else None


def search_current(window: MainWindow) -> None:
    page = window.current_page()
    box = search_box(page) if page is not None else None
    if box is None:
        status(QCoreApplication.translate("hotkeys", "本页没有搜索框"))
        return
    box.setFocus(Qt.FocusReason.ShortcutFocusReason)
    box.selectAll()


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str, bool]]:
    """(keys, what, menu, enabled) for every menu action with a shortcut, in menu order."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        title = re.sub(r"\s*\(&\w\)", "", menu.title()).replace("&", "")  # 办理(&W) -> 办理, &Work -> Work
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append((keys, action.text().replace("&", ""), title, action.isEnabled()))
    return rows

