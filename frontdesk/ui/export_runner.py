"""Run a list export off the UI thread behind a QProgressDialog that can cancel it (any module's list)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from frontdesk.errors import UserError
from frontdesk.excel.exporter import ExportCancelled
from frontdesk.ui.messages import show_user_error, status

Progress = Callable[[int, int | None], None]
# job(progress, cancel) -> rows written; runs on a worker thread (export_rows' own progress/cancel signature)
ExportJob = Callable[[Progress, Callable[[], bool]], int]


class _Worker(QObject):
    progressed = Signal(int, int)  # rows done, total (-1: unknown)
    done = Signal(object)  # the row count, or the exception raised

    def __init__(self, job: ExportJob, cancelled: threading.Event) -> None:
        super().__init__()
        self.job = job
        self.cancelled = cancelled

    def run(self) -> None:
        try:
            result: object = self.job(lambda n, total: self.progressed.emit(n, -1 if total is None else total),
                                      self.cancelled.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, which re-raises bugs
            result = exc
        self.done.emit(result)


class _Receiver(QObject):
    """Lives on the UI thread, so queued signals from the worker run their slots there (a bare lambda
    would run on the worker's thread and touch the dialog from it)."""

    def __init__(self, on_progress: Callable[[int, int], None], on_done: Callable[[object], object]) -> None:
        super().__init__()
        self._on_progress, self._on_done = on_progress, on_done

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        self._on_progress(done, total)

    @Slot(object)
    def done(self, result: object) -> None:
        self._on_done(result)


def choose_xlsx(parent: QWidget, default_name: str) -> Path | None:
    """Ask where to save an .xlsx (starting in the home folder); None if the user cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ExportRunner", "导出Excel"),
        str(Path.home() / default_name), "Excel (*.xlsx)")
    if not path:
        return None
    return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")


def run_export(parent: QWidget, job: ExportJob, label: str) -> int | None:
    """Run ``job`` on a worker thread with a cancellable progress dialog; the row count, or None.

    None means cancelled (no file written) or an expected error already shown to the user;
    any other exception is a bug and is raised again here, on the UI thread.
    """
    cancelled = threading.Event()
    dialog = QProgressDialog(label, QCoreApplication.translate("ExportRunner", "取消"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ExportRunner", "导出Excel"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(cancelled.set)

    def show_progress(done: int, total: int) -> None:
        if total > 0 and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total > 0 else 0)
        dialog.setLabelText(QCoreApplication.translate("ExportRunner", "{0}（已写入 {1:,} 行）").format(label, done))

    outcome: list[object] = []
    loop = QEventLoop()
    thread = QThread()
    worker = _Worker(job, cancelled)
    worker.moveToThread(thread)
    receiver = _Receiver(show_progress, lambda result: (outcome.append(result), loop.quit()))  # UI thread
    worker.progressed.connect(receiver.progressed, Qt.ConnectionType.QueuedConnection)
    worker.done.connect(receiver.done, Qt.ConnectionType.QueuedConnection)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    result = outcome[0]
    if isinstance(result, ExportCancelled):
        status(QCoreApplication.translate("ExportRunner", "已取消导出"))
        return None
    if isinstance(result, UserError):
        show_user_error(parent, result)
        return None
    if isinstance(result, OSError):
        show_user_error(parent, UserError(QCoreApplication.translate("ExportRunner", "无法写入文件：{0}").format(result.strerror or result)))
        return None
    if isinstance(result, BaseException):
        raise result
    return int(result)  # type: ignore[call-overload]
