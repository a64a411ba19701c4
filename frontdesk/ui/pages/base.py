"""The page contract: a widget built for a session context, refreshed when shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from frontdesk.domain.roles import Permission
from frontdesk.ui.context import AppContext


class Page(QWidget):
    """Base of every module page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def refresh(self) -> None:
        """Re-read what the page shows (called when the page is shown)."""


@dataclass(frozen=True)
class PageSpec:
    """A navigation entry: key, title (Chinese source text), the permission it needs, and its factory."""

    key: str
    title: str
    permission: Permission
    factory: Callable[[AppContext], Page]
    icon: str = ""
