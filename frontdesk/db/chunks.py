"""Long imports write in short transactions, pausing between them so a clerk's save is never kept waiting long."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from frontdesk.db.connection import transaction

Item = TypeVar("Item")

CHUNK_SECONDS = 0.4  # a clerk's save waits at most about this long for the lock
# Longer than SQLite's longest busy-handler sleep (100 ms): a save waiting for the lock retries inside the
# pause and gets it, instead of losing every race to the import's next BEGIN IMMEDIATE.
PAUSE_SECONDS = 0.12


class ChunkFailed(Exception):
    """Writing item ``index`` failed; the ``done`` items before its chunk are committed, the rest are not."""

    def __init__(self, done: int, index: int, cause: BaseException) -> None:
        super().__init__(f"item {index} failed after {done} were committed: {cause}")
        self.done, self.index, self.cause = done, index, cause


def write_in_chunks(
    items: Sequence[Item],
    write: Callable[[Item], object],
    *,
    finish: Callable[[], object] | None = None,
    seconds: float | None = None,
    pause: float | None = None,
) -> int:
    """Call ``write`` for every item, committing every ``seconds``; ``finish`` runs in the last transaction.

    Validate everything before calling this: a failure here keeps the chunks already committed and raises
    ChunkFailed. Returns the number of items written.
    """
    seconds = CHUNK_SECONDS if seconds is None else seconds
    pause = PAUSE_SECONDS if pause is None else pause
    done = index = 0
    while True:
        try:
            with transaction():
                started = time.perf_counter()
                while index < len(items):
                    write(items[index])
                    index += 1
                    if time.perf_counter() - started >= seconds:
                        break
                if index == len(items) and finish is not None:
                    finish()
        except Exception as exc:
            raise ChunkFailed(done, index, exc) from exc
        done = index
        if index == len(items):
            return done
        time.sleep(pause)
