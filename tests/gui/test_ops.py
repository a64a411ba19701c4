"""The one op runner: off-thread jobs with progress and cancel, user errors shown once, bugs reported once."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtWidgets import QWidget

from frontdesk.errors import UserError
from frontdesk.ui import messages, ops
from frontdesk.ui.ops import Op, OpContext, attempt, run_with_progress


@pytest.fixture
def parent(qtbot) -> QWidget:  # noqa: ANN001
    widget = QWidget()
    qtbot.add_widget(widget)
    return widget


@pytest.fixture
def bugs(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _type, exc, _tb: seen.append(exc))
    return seen


def test_background_job_reports_progress_and_succeeds_on_the_ui_thread(qtbot, parent) -> None:  # noqa: ANN001
    threads: dict[str, object] = {}
    progress: list[tuple[int, int, str]] = []
    results: list[int] = []
    ended: list[bool] = []

    def job(ctx: OpContext) -> int:
        threads["job"] = threading.current_thread()
        for i in range(3):
            ctx.progress(i, 3, f"step {i}")
        return 42

    def success(value: int) -> None:
        threads["success"] = threading.current_thread()
        results.append(value)

    op = Op(parent, job, success).on_progress(lambda *p: progress.append(p)).finally_(lambda: ended.append(True))
    op.run_in_background()
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert threads["job"] is not threading.main_thread() and threads["success"] is threading.main_thread()
    assert progress == [(0, 3, "step 0"), (1, 3, "step 1"), (2, 3, "step 2")] and ended == [True]
    assert op not in ops._running


def test_user_error_is_shown_once_and_failure_called(parent, message_boxes, bugs) -> None:  # noqa: ANN001
    failed: list[BaseException] = []

    def job(_ctx: OpContext) -> None:
        raise UserError("文件被占用")

    assert Op(parent, job, lambda _r: pytest.fail("no success")).failure(failed.append).run_and_wait() is None
    assert message_boxes == [("warning", "文件被占用")] and len(failed) == 1 and bugs == []


def test_cancel_from_the_progress_dialog_stops_the_job(parent, message_boxes, bugs) -> None:  # noqa: ANN001
    notes: list[str] = []
    messages.bridge.info.connect(notes.append)
    started = threading.Event()

    def job(ctx: OpContext) -> int:
        started.set()
        while True:
            ctx.check()
            ctx.progress(1)

    op = Op(parent, job).with_progress("正在导出…")
    threading.Thread(target=lambda: (started.wait(5), op.ctx.cancel())).start()
    assert op.run_and_wait() is None
    assert isinstance(op.error, ops.OpCancelled) and notes[-1] == "已取消" and message_boxes == [] and bugs == []
    messages.bridge.info.disconnect(notes.append)


def test_a_bug_goes_to_the_crash_handler_not_to_the_user(parent, message_boxes, bugs) -> None:  # noqa: ANN001
    def job(_ctx: OpContext) -> None:
        raise RuntimeError("bug")

    assert run_with_progress(parent, job, "正在计算…") is None
    assert [str(b) for b in bugs] == ["bug"] and message_boxes == []


def test_run_here_shows_user_and_file_errors_and_returns_the_result(parent, message_boxes) -> None:  # noqa: ANN001
    assert attempt(parent, lambda: 7) == 7

    def locked() -> None:
        raise PermissionError(13, "Permission denied")

    assert attempt(parent, locked) is None
    assert message_boxes == [("warning", "无法写入文件：Permission denied")]
    with pytest.raises(ZeroDivisionError):  # a bug on the UI thread propagates to the crash handler
        attempt(parent, lambda: 1 // 0)


def test_succeeded_tells_whether_a_call_without_result_went_through(parent, message_boxes) -> None:  # noqa: ANN001
    from frontdesk.ui.ops import succeeded

    calls: list[int] = []
    assert succeeded(parent, lambda: calls.append(1)) is True and calls == [1]

    def refused() -> None:
        raise UserError("该申请已处理")

    assert succeeded(parent, refused) is False and message_boxes == [("warning", "该申请已处理")]
