"""The database server cannot be reached: a clear message with 重试 / 退出 instead of a crash dialog."""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from frontdesk.errors import UserError
from frontdesk.ui.messages import localized_error

log = logging.getLogger(__name__)


class Answer(Enum):
    RETRY = "retry"
    BACK = "back"  # back to the form, with everything typed still in it
    SETTINGS = "settings"  # at start: change the connection
    QUIT = "quit"


def unreachable_box(parent: QWidget | None, exc: UserError, at_start: bool = False,
                    in_form: bool = False) -> tuple[QMessageBox, dict[object, Answer]]:
    """The message box (not shown yet) and what each of its buttons means."""
    box = QMessageBox(parent)
    box.setObjectName("unreachable")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("unreachable", "无法连接数据库服务器"))
    box.setText(localized_error(exc))
    answers: dict[object, Answer] = {}
    retry = box.addButton(QCoreApplication.translate("unreachable", "重试"), QMessageBox.ButtonRole.AcceptRole)
    retry.setObjectName("retry")
    answers[retry] = Answer.RETRY
    if at_start:
        box.setInformativeText(QCoreApplication.translate("unreachable", "服务器恢复后点“重试”；连接信息有变（地址、密码）时点“连接设置…”。"))
        settings = box.addButton(QCoreApplication.translate("unreachable", "连接设置…"), QMessageBox.ButtonRole.ActionRole)
        settings.setObjectName("connection_settings")
        answers[settings] = Answer.SETTINGS
    elif in_form:
        box.setInformativeText(QCoreApplication.translate("unreachable", "表单中已输入的内容都还在：服务器恢复后点“重试”即可保存，"
                                   "或点“返回表单”稍后再保存。"))
        back = box.addButton(QCoreApplication.translate("unreachable", "返回表单"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("back")
        answers[back] = Answer.BACK
    quit_button = box.addButton(QCoreApplication.translate("unreachable", "退出"), QMessageBox.ButtonRole.DestructiveRole)
    quit_button.setObjectName("quit")
    answers[quit_button] = Answer.QUIT
    box.setDefaultButton(retry)
    box.setEscapeButton(next(b for b, a in answers.items() if a in (Answer.BACK, Answer.SETTINGS, Answer.QUIT)))
    return box, answers


def ask_retry(parent: QWidget | None, exc: UserError, at_start: bool = False, in_form: bool = False) -> Answer:
    """Show the message and return the user's answer (Escape: back to the form, or quit at start)."""
    log.info("database unreachable: %s", exc.message)
    box, answers = unreachable_box(parent, exc, at_start, in_form)
    box.exec()
    answer = answers.get(box.clickedButton(), Answer.BACK if in_form else Answer.QUIT)
    if answer is Answer.QUIT and not at_start:
        QApplication.quit()
    return answer
