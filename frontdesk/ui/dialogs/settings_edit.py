"""User settings: interface language, list page size and the database (this PC or the site's server)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.paths import DataPaths
from frontdesk.services.core import system
from frontdesk.settings import LANGUAGES, Settings
from frontdesk.ui.keyboard import focus_on_show
from frontdesk.ui.widgets.inputs import ChoiceCombo


class SettingsDialog(QDialog):
    """Edits ``settings`` in place when accepted; ``language_changed`` tells the caller to offer a restart."""

    def __init__(self, settings: Settings, parent: QWidget | None = None, paths: DataPaths | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.paths = paths
        self.language_changed = False
        self.database_changed = False
        self._database = settings.database
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(540)
        self.language = ChoiceCombo(list(LANGUAGES.items()))
        self.language.setObjectName("language")
        self.language.set_value(settings.language)
        self.page_size = QSpinBox()
        self.page_size.setRange(10, 500)
        self.page_size.setSingleStep(10)
        self.page_size.setValue(settings.page_size)
        self.page_size.setSuffix(self.tr(" 条/页"))
        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("列表每页"), self.page_size)
        self.database = QLabel()
        self.database.setObjectName("database")
        self.database.setWordWrap(True)
        self._show_database()
        change = QPushButton(self.tr("更改…"))
        change.setObjectName("change_database")
        change.clicked.connect(self.change_database)
        change.setEnabled(paths is not None)
        form.addRow(self.tr("数据库"), self.database)
        form.addRow("", change)
        hint = QLabel(self.tr("更改界面语言或数据库后需重新启动程序。"))
        hint.setStyleSheet("color: #666;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        focus_on_show(self)

    def _show_database(self) -> None:
        if system.on_server(Settings(database=self._database)):
            self.database.setText(self.tr("站点的数据库服务器 {0}").format(
                system.shown_database(self.paths, Settings(database=self._database)) if self.paths else ""))
        else:
            self.database.setText(self.tr("仅本机（数据文件夹中的 SQLite 文件）"))

    def change_database(self) -> None:
        """The same choice as at first run, with its connection test; applied when the program restarts."""
        from frontdesk.ui.dialogs.first_run import DatabaseDialog

        if self.paths is None:
            return
        draft = Settings(database=self._database)
        dialog = DatabaseDialog(self.paths, draft, self, first_run=False)
        if dialog.exec() and dialog.changed:
            self._database = draft.database
            self.database_changed = True
            self._show_database()

    def accept(self) -> None:
        if self.database_changed:
            self.settings.database = self._database
        self.language_changed = self.language.value() != self.settings.language
        self.settings.language = self.language.value()
        self.settings.page_size = self.page_size.value()
        super().accept()
