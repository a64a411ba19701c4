"""A light poll for a list other counters add to: a cheap probe on a QTimer, a refresh only when it changed."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from frontdesk.errors import UserError

log = logging.getLogger(__name__)

POLL_MS = 30_000  # the reception list looks for other counters' records every 30 s
TYPING_GRACE_S = 5.0  # a key pressed this recently in a text field means the clerk is typing: wait
TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


class ListPoll(QObject):
    """Every ``interval_ms`` while ``page`` is shown, run ``probe`` (one indexed query, e.g. the newest change
    number); when its answer differs from the last one and nobody is typing, call ``refresh``.

    Typing means a key pressed in a text field in the last few seconds: then the refresh waits for a later
    tick, so a list never jumps under the clerk's hands. A probe that fails (server gone) is skipped quietly;
    the next save or page load says what is wrong.
    """

    def __init__(self, page: QWidget, probe: Callable[[], object], refresh: Callable[[], None],
                 interval_ms: int = POLL_MS, typing_grace_s: float = TYPING_GRACE_S) -> None:
        super().__init__(page)
        self.page, self.probe, self.refresh = page, probe, refresh
        self.typing_grace_s = typing_grace_s
        self.last_key = 0.0
        self.refreshes = 0
        self.seen: object = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        page.installEventFilter(self)
        if page.isVisible():
            self._start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            if isinstance(watched, TEXT_INPUTS):
                self.last_key = time.monotonic()
        elif watched is self.page and kind == QEvent.Type.Show:
            self._start()
        elif watched is self.page and kind == QEvent.Type.Hide:
            self._stop()
        return False

    def _start(self) -> None:
        if self.timer.isActive():
            return
        self.seen = self._probe()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # key presses only, while the page is shown
        self.timer.start()

    def _stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _probe(self) -> object:
        try:
            return self.probe()
        except UserError as exc:
            log.info("list poll skipped: %s", exc.message)
            return self.seen

    def typing(self) -> bool:
        return time.monotonic() - self.last_key < self.typing_grace_s

    def tick(self) -> None:
        """One poll: probe; refresh when it changed and the clerk is not typing (else try again next tick)."""
        if self.typing():
            return
        mark = self._probe()
        if mark == self.seen:
            return
        self.seen = mark
        self.refreshes += 1
        self.refresh()
