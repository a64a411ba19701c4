"""F1: every shortcut of the main window, read from its menus' actions, and the keys that work in every form."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.ui.hotkeys import shortcut_rows
from frontdesk.ui.keyboard import focus_on_show

# Keys handled inside forms (FormDialog, DateField, the reception form), not by menu actions.
FORM_KEYS = [
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "下一项 / 上一项（按表单顺序）")),
    ("Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "在单行输入框中：保存")),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "保存（在多行文本框中也可）；接待登记：保存并办结")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "对话框：关闭不保存；接待登记：清空")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("ShortcutsDialog", "接待登记：新登记")),
    ("Enter · ↑ / ↓", QT_TRANSLATE_NOOP("ShortcutsDialog", "接待登记的电话栏：填入来电人；换一位来电人")),
    ("Ctrl+P", QT_TRANSLATE_NOOP("ShortcutsDialog", "列表页：打印所选记录的单据")),
    ("1120 · 11-20 · 20261120", QT_TRANSLATE_NOOP("ShortcutsDialog", "日期框：直接输入日期（本年的 11 月 20 日等）")),
    ("t · +3 · -1", QT_TRANSLATE_NOOP("ShortcutsDialog", "日期框：今天、三天后、昨天")),
    ("↑ / ↓ · Alt+↓", QT_TRANSLATE_NOOP("ShortcutsDialog", "日期框：后一天 / 前一天；打开日历")),
]


class ShortcutsDialog(QDialog):
    """The cheat sheet: the window's actions (so it lists what the menus really offer) and the form keys."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("快捷键一览"))
        rows = [(keys, text, menu if enabled else self.tr("{0}（当前账户无权限）").format(menu))
                for keys, text, menu, enabled in shortcut_rows(window)]
        form = self.tr("所有表单")
        rows += [(keys, QCoreApplication.translate("ShortcutsDialog", text), form) for keys, text in FORM_KEYS]
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcuts")
        self.table.setHorizontalHeaderLabels([self.tr("按键"), self.tr("功能"), self.tr("位置")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hint = QLabel(self.tr("主窗口中的快捷键在任何位置都可用，菜单里也列出了它们。"))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(660, 690)  # every row without scrolling; with its title bar within the 728 px of 1366×768
        focus_on_show(self)
