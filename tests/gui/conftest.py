"""GUI fixtures: message boxes answered automatically and recorded, never blocking a test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Every QMessageBox shown is recorded as (kind, text); questions answer Yes."""
    shown: list[tuple[str, str]] = []

    def record(kind: str, answer: QMessageBox.StandardButton):  # noqa: ANN202
        def box(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            shown.append((kind, text))
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    yield shown


@pytest.fixture(autouse=True)
def _no_window_left_behind() -> Iterator[None]:
    """Top-level windows a test made are deleted after it, closed or not: a closed main window stayed the
    application's active window (offscreen), and the next test's keys went to its navigation list."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    before = set(map(id, QApplication.topLevelWidgets())) if QApplication.instance() else set()
    yield
    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        if id(widget) not in before:
            if widget.isVisible():  # qtbot has closed its own by now: closing twice runs closeEvent twice
                widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
