"""Bugs: logged to the rotating log file and reported in a dialog naming the log; the app keeps running."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from frontdesk.errors import DatabaseUnreachable, UserError
from frontdesk.logfile import PrivateRotatingFileHandler
from frontdesk.ui.messages import localized_error

log = logging.getLogger("frontdesk")


def setup_logging(log_file: Path, level: int = logging.INFO) -> None:
    """Log to ``log_file`` (1 MB × 5 files kept) and to stderr for warnings."""
    root = logging.getLogger()
    root.setLevel(level)
    handler = PrivateRotatingFileHandler(log_file, max_bytes=1_000_000, backup_count=5)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    root.addHandler(console)


class CrashHandler:
    """An excepthook: UserError → a message; anything else → log + crash dialog; never exits."""

    def __init__(self, log_file: Path) -> None:
        self.log_file = log_file
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(exc, KeyboardInterrupt):
            QApplication.quit()
            return
        parent = QApplication.activeWindow()
        if not isinstance(exc, UserError):
            exc = _expected(exc) or exc
        if isinstance(exc, DatabaseUnreachable):  # the server went away: 重试 / 退出, never the crash dialog
            if not self._showing:
                from frontdesk.ui.dialogs.unreachable import ask_retry

                self._showing = True
                try:
                    ask_retry(parent, exc)
                finally:
                    self._showing = False
            return
        if isinstance(exc, UserError):
            QMessageBox.warning(parent, QCoreApplication.translate("crash", "提示"), localized_error(exc))
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error:\n%s", text)
        if self._showing:
            return
        self._showing = True
        try:
            box = QMessageBox(parent)
            box.setIcon(QMessageBox.Critical)
            box.setWindowTitle(QCoreApplication.translate("crash", "程序出错"))
            box.setText(
                QCoreApplication.translate(
                    "crash", "程序遇到了一个意外错误，刚才的操作可能没有完成。\n已保存的数据不受影响，可以继续使用。"
                )
            )
            box.setInformativeText(
                QCoreApplication.translate("crash", "错误详情已记录到日志文件：\n{0}\n请把该文件发给技术支持。").format(
                    self.log_file
                )
            )
            box.setDetailedText(text)
            box.exec()
        finally:
            self._showing = False


def _expected(exc: BaseException) -> UserError | None:
    """The UserError a driver error amounts to (a server gone away mid-session), else None: a bug."""
    try:
        from frontdesk.services.core import system

        return system.expected_error(exc)
    except Exception:  # noqa: BLE001 - reporting a bug must not fail on a second one
        return None
