"""Long imports write in short transactions, pausing between them so a clerk's save is never kept waiting long."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from frontdesk.db.connection import transaction
from frontdesk.errors import T, UserError

Item = TypeVar("Item")

CHUNK_SECONDS = 0.4  # a clerk's save waits at most about this long for the lock
# Longer than SQLite's longest busy-handler sleep (100 ms): a save waiting for the lock retries inside the
# pause and gets it, instead of losing every race to the import's next BEGIN IMMEDIATE.
PAUSE_SECONDS = 0.12


class ChunkFailed(Exception):
    """Writing item ``index`` failed after ``done`` items were committed in earlier chunks.

    With an ``undo`` (see write_in_chunks) ``undone`` says those were undone again; ``undo_error`` is why not.
    """

    def __init__(self, done: int, index: int, cause: BaseException) -> None:
        super().__init__(f"item {index} failed after {done} were committed: {cause}")
        self.done, self.index, self.cause = done, index, cause
        self.undone = False
        self.undo_error: BaseException | None = None

    def user_error(self, line: int, kept: int = 0) -> UserError:
        """What an import tells the user when line ``line`` failed; ``kept``: committed rows that someone
        changed meanwhile, so the undo left them as they are."""
        cause = _reason(self.cause)
        if self.undone or not self.done:
            text = T("errors", "导入在第 {0} 行中断：{1}\n已写入的 {2} 行已撤销，数据与导入前相同。问题解决后请重新导入。").format(
                line, cause, self.done)
            if kept:
                text += T("errors", "\n其中 {0} 行导入后已被他人修改，保留了修改后的内容。").format(kept)
            return UserError(text)
        return UserError(T("errors", "导入在第 {0} 行中断：{1}\n之前写入的 {2} 行未能撤销（{3}）。问题解决后再导入同一表格，已写入的行显示为“不变”，只补上其余的行。").format(
            line, cause, self.done, _reason(self.undo_error) if self.undo_error else ""))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return exc.message
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def expected(exc: BaseException) -> bool:
    """Whether an import's failure is the user's to read (bad data, the disk, the database) and not a bug."""
    return isinstance(exc, UserError | OSError)


def write_in_chunks(
    items: Sequence[Item],
    write: Callable[[Item], Any],
    *,
    finish: Callable[[], object] | None = None,
    undo: Callable[[list[Any]], object] | None = None,
    seconds: float | None = None,
    pause: float | None = None,
) -> int:
    """Call ``write`` for every item, committing every ``seconds``; ``finish`` runs in the last transaction.

    Validate everything before calling this. On a failure ChunkFailed is raised. Without ``undo`` the chunks
    already committed stay. With ``undo``, whatever ``write`` returns is what undoing that item needs, and
    the committed chunks are undone, newest first, each by ``undo(values, newest first)`` in a short
    transaction of its own, so the database is as before (``undone``). Returns the number of items written.
    """
    seconds = CHUNK_SECONDS if seconds is None else seconds
    pause = PAUSE_SECONDS if pause is None else pause
    done = index = 0
    committed: list[list[Any]] = []
    while True:
        values: list[Any] = []
        try:
            with transaction():
                started = time.perf_counter()
                while index < len(items):
                    values.append(write(items[index]))
                    index += 1
                    if time.perf_counter() - started >= seconds:
                        break
                if index == len(items) and finish is not None:
                    finish()
        except Exception as exc:
            failed = ChunkFailed(done, index, exc)
            if undo is not None:
                _undo(committed, undo, pause, failed)
            raise failed from exc
        done = index
        if undo is not None:
            committed.append(values)
        if index == len(items):
            return done
        time.sleep(pause)


def _undo(committed: list[list[Any]], undo: Callable[[list[Any]], object], pause: float,
          failed: ChunkFailed) -> None:
    try:
        while committed:
            with transaction():
                undo(committed[-1][::-1])
            committed.pop()
            if committed:
                time.sleep(pause)
    except Exception as exc:  # noqa: BLE001 - reported with the failure itself
        failed.undo_error = exc
        return
    failed.undone = True
