"""One op runner for the UI (after Anki's CollectionOp/QueryOp): a service call, off the UI thread when asked.

``Op(parent, job, success).run()`` calls ``job`` here and now; ``.run_in_background()`` on a worker thread
(``.with_progress(label)`` adds a cancellable progress dialog, ``.on_progress(cb)`` feeds a page's own bar);
``.run_and_wait()`` does the same but returns the result once the job is done. In every mode a UserError
is shown to the user through ui.messages, a cancel is noted in the status bar, and anything else is a bug:
logged and reported through the crash handler (sys.excepthook) here, in one place. ``success`` gets the
result on the UI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from frontdesk.errors import UserError
from frontdesk.excel.exporter import ExportCancelled
from frontdesk.services.reports.common import release_thread_connection
from frontdesk.ui.messages import show_user_error, status

log = logging.getLogger(__name__)
R = TypeVar("R")
_running: set[Op[Any]] = set()  # ops on a worker thread, kept alive until they finish


class OpCancelled(ExportCancelled):
    """The user cancelled an op (``OpContext.check()``); nothing was changed."""


class OpContext:
    """What a job gets: ``progress(done, total, text)`` to report, ``cancelled()`` / ``check()`` to stop."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._report = report
        self._cancel = threading.Event()

    def progress(self, done: int, total: int | None = None, text: str = "") -> None:
        if self._report is not None:
            self._report(int(done), -1 if total is None else int(total), str(text))

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise OpCancelled when the user asked to stop (inside a transaction it rolls back)."""
        if self._cancel.is_set():
            raise OpCancelled


def report_bug(exc: BaseException) -> None:
    """An unexpected error: log it and hand it to the crash handler (the crash dialog in the app)."""
    log.debug("op failed with a bug: %r", exc)
    sys.excepthook(type(exc), exc, exc.__traceback__)


def user_error(exc: BaseException) -> UserError | None:
    """The UserError an expected problem amounts to (a file that cannot be written is one), else None."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, OSError):
        return UserError(QCoreApplication.translate("ops", "无法写入文件：{0}").format(exc.strerror or exc))
    return None


class _Worker(QObject):
    progressed = Signal(int, int, str)  # done, total (-1: unknown), text
    done = Signal(object)  # ("ok", result) or ("error", exception)

    def __init__(self, job: Callable[[OpContext], Any], ctx: OpContext) -> None:
        super().__init__()
        self.job, self.ctx = job, ctx

    def run(self) -> None:
        outcome: tuple[str, object]
        try:
            outcome = ("ok", self.job(self.ctx))
            release_thread_connection()  # the worker thread opened its own connection: close it there
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, which sorts errors from bugs
            outcome = ("error", exc)
            try:
                release_thread_connection()
            except Exception:  # noqa: BLE001 - the job's own error is the one to report
                log.exception("closing the worker thread's connection failed")
        self.done.emit(outcome)


class _Receiver(QObject):
    """Lives on the UI thread, so the worker's queued signals run these slots there."""

    def __init__(self, on_progress: Callable[[int, int, str], None], on_done: Callable[[object], None]) -> None:
        super().__init__()
        self._on_progress, self._on_done = on_progress, on_done

    @Slot(int, int, str)
    def progressed(self, done: int, total: int, text: str) -> None:
        self._on_progress(done, total, text)

    @Slot(object)
    def done(self, outcome: object) -> None:
        self._on_done(outcome)


class Op(Generic[R]):
    """A service call for ``parent``: errors shown in one place, ``success(result)`` on the UI thread."""

    def __init__(self, parent: QWidget | None, job: Callable[[OpContext], R],
                 success: Callable[[R], Any] | None = None) -> None:
        self.widget, self.job, self._success = parent, job, success
        self._failure: Callable[[BaseException], Any] | None = None
        self._finished: Callable[[], Any] | None = None
        self._progress_cb: Callable[[int, int, str], None] | None = None
        self._label: str | None = None
        self._title: str | None = None
        self._cancellable = True
        self.ctx = OpContext(self._progressed)
        self.value: R | None = None
        self.error: BaseException | None = None
        self._dialog: QProgressDialog | None = None
        self._thread: QThread | None = None
        self._wait: QEventLoop | None = None

    # --- configuration --------------------------------------------------------------------------------

    def failure(self, callback: Callable[[BaseException], Any]) -> Op[R]:
        """Called (after the message) when the job raised a UserError or was cancelled."""
        self._failure = callback
        return self

    def finally_(self, callback: Callable[[], Any]) -> Op[R]:
        """Called on the UI thread when the job ends, however it ends, before ``success`` or ``failure``
        (re-enable a button, hide a progress bar)."""
        self._finished = callback
        return self

    def with_progress(self, label: str, title: str | None = None, cancellable: bool = True) -> Op[R]:
        """A window-modal progress dialog while the job runs on its worker thread; Cancel stops it."""
        self._label, self._title, self._cancellable = label, title, cancellable
        return self

    def on_progress(self, callback: Callable[[int, int, str], None]) -> Op[R]:
        """``callback(done, total, text)`` on the UI thread for each report (total -1: unknown)."""
        self._progress_cb = callback
        return self

    # --- running --------------------------------------------------------------------------------------

    def run(self) -> R | None:
        """Run the job on this thread (quick calls); the result, or None after an expected error (a UserError,
        or an OSError: a file that cannot be written). A bug propagates to the crash handler."""
        try:
            result = self.job(self.ctx)
        except (UserError, OSError) as exc:
            self._ended()
            self._fail(user_error(exc) or exc)
            return None
        except BaseException:
            self._ended()
            raise  # a bug: up to the crash handler, as any exception in a slot
        self._ended()
        return self._succeed(result)

    def run_in_background(self) -> None:
        """Start the job on a worker thread and return at once; the callbacks follow on the UI thread."""
        self._show_dialog()
        thread = self._thread = QThread()
        worker = _Worker(self.job, self.ctx)
        worker.moveToThread(thread)
        receiver = _Receiver(self._show_progress, self._done)
        worker.progressed.connect(receiver.progressed, Qt.ConnectionType.QueuedConnection)
        worker.done.connect(receiver.done, Qt.ConnectionType.QueuedConnection)
        thread.started.connect(worker.run)
        self._keep = (worker, receiver)
        _running.add(self)
        thread.start()

    def run_and_wait(self) -> R | None:
        """``run_in_background`` and wait (the UI stays live) for the result; None on error or cancel."""
        self._wait = QEventLoop()
        self.run_in_background()
        if self._thread is not None:
            self._wait.exec()
        return self.value

    # --- inside -----------------------------------------------------------------------------------------

    def _progressed(self, done: int, total: int, text: str) -> None:
        """Called by the job: on the UI thread directly (``run``), else through the worker's signal."""
        if threading.current_thread() is threading.main_thread():
            self._show_progress(done, total, text)
        else:
            self._keep[0].progressed.emit(done, total, text)

    def _show_progress(self, done: int, total: int, text: str) -> None:
        if self._progress_cb is not None:
            self._progress_cb(done, total, text)
        dialog = self._dialog
        if dialog is None:
            return
        if total > 0 and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total > 0 else 0)
        dialog.setLabelText(text or QCoreApplication.translate("ops", "{0}（已写入 {1:,} 行）").format(self._label, done))

    def _show_dialog(self) -> None:
        if self._label is None:
            return
        cancel = QCoreApplication.translate("ops", "取消") if self._cancellable else ""
        dialog = self._dialog = QProgressDialog(self._label, cancel, 0, 0, self.widget)
        dialog.setWindowTitle(self._title or self._label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.canceled.connect(self.ctx.cancel)

    def _done(self, outcome: object) -> None:
        kind, value = outcome  # type: ignore[misc]
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
            self._thread = None
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        _running.discard(self)
        self._ended()
        try:
            if kind == "ok":
                self._succeed(value)  # type: ignore[arg-type]
            elif isinstance(value, ExportCancelled):
                status(QCoreApplication.translate("ops", "已取消"))
                self._fail(value, show=False)
            elif (expected := user_error(value)) is not None:  # type: ignore[arg-type]
                self._fail(expected)
            else:
                self.error = value  # type: ignore[assignment]
                report_bug(value)  # type: ignore[arg-type]
        finally:
            if self._wait is not None:
                self._wait.quit()

    def _ended(self) -> None:
        if self._finished is not None:
            self._finished()

    def _succeed(self, result: R) -> R:
        self.value = result
        if self._success is not None:
            self._success(result)
        return result

    def _fail(self, exc: BaseException, show: bool = True) -> None:
        self.error = exc
        if show and isinstance(exc, UserError):
            show_user_error(self.widget, exc)
        if self._failure is not None:
            self._failure(exc)


def attempt(parent: QWidget | None, call: Callable[[], R], success: Callable[[R], Any] | None = None) -> R | None:
    """``call()`` here and now; a UserError is shown (and None returned), a bug goes to the crash handler."""
    return Op(parent, lambda _ctx: call(), success).run()


def run_with_progress(parent: QWidget | None, job: Callable[[OpContext], R], label: str,
                      title: str | None = None) -> R | None:
    """``job`` on a worker thread behind a cancellable progress dialog; its result, or None (error, cancel)."""
    return Op(parent, job).with_progress(label, title).run_and_wait()


def succeeded(parent: QWidget | None, call: Callable[[], Any]) -> bool:
    """``call()`` here and now; False after a UserError (shown), True when it went through."""
    op: Op[Any] = Op(parent, lambda _ctx: call())
    op.run()
    return op.error is None
