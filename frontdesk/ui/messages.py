"""Message bridge: any code tells the user something through here, never by building a QMessageBox itself."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from frontdesk.errors import Message, UserError, ValidationError

log = logging.getLogger(__name__)


class MessageBridge(QObject):
    """Signals that the main window shows in its status bar."""

    info = Signal(str)
    warning = Signal(str)


bridge = MessageBridge()


def localized(text: str) -> str:
    """A services/domain ``Message`` in the UI language (arguments that are Messages too); other text as is."""
    if not isinstance(text, Message):
        return text
    args = [localized(a) if isinstance(a, Message) else a for a in text.args]
    kwargs = {k: localized(v) if isinstance(v, Message) else v for k, v in text.kwargs.items()}
    translated = QCoreApplication.translate(text.context, text.template)
    return translated.format(*args, **kwargs) if args or kwargs else translated


def localized_error(exc: UserError) -> str:
    """The error's message in the UI language; a ValidationError's joined field messages piece by piece."""
    if isinstance(exc, ValidationError) and exc.fields and exc.message == "；".join(exc.fields.values()):
        separator = QCoreApplication.translate("messages", "；")
        return separator.join(localized(message) for message in exc.fields.values())
    return localized(exc.message)


def status(text: str) -> None:
    """A short note in the status bar."""
    bridge.info.emit(text)


def warn(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("messages", "提示"), text)


def inform(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or QCoreApplication.translate("messages", "提示"), text)


def confirm(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    answer = QMessageBox.question(
        parent, title or QCoreApplication.translate("messages", "请确认"), text, QMessageBox.Yes | QMessageBox.No, QMessageBox.No
    )
    return answer == QMessageBox.Yes


def show_user_error(parent: QWidget | None, exc: UserError) -> None:
    """An expected problem: a clear message, nothing else."""
    log.info("user error: %s", exc.message)
    warn(parent, localized_error(exc))


def ask_reload(parent: QWidget | None, text: str) -> bool:
    """The record changed under an open form (revision check): True to reload it, False to keep what was typed."""
    title = QCoreApplication.translate("messages", "记录已被修改")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    reload = box.addButton(QCoreApplication.translate("messages", "重新载入最新内容"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(QCoreApplication.translate("messages", "保留我填写的内容"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is reload
