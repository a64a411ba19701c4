"""User settings: interface language and list page size."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from frontdesk.settings import LANGUAGES, Settings
from frontdesk.ui.keyboard import focus_on_show
from frontdesk.ui.widgets.inputs import ChoiceCombo


class SettingsDialog(QDialog):
    """Edits ``settings`` in place when accepted; ``language_changed`` tells the caller to offer a restart."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language_changed = False
        self.setWindowTitle(self.tr("设置"))
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
        hint = QLabel(self.tr("更改界面语言后需重新启动程序。"))
        hint.setStyleSheet("color: #666;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        focus_on_show(self)

    def accept(self) -> None:
        self.language_changed = self.language.value() != self.settings.language
        self.settings.language = self.language.value()
        self.settings.page_size = self.page_size.value()
        super().accept()
