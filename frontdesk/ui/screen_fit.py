"""Windows on a 1366×768 counter screen: the usable size, a scroll area that grows to its content, clamping."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget

SCREEN = QSize(1366, 768)  # the typical counter PC
USABLE = QSize(1366, 728)  # less the taskbar: what a window may cover, frame included
TITLE_BAR = 32  # the window frame's title bar above a window's client area


def usable_rect(widget: QWidget | None = None) -> QRect:
    """The available area of the widget's screen (or the primary one), never larger than :data:`USABLE`."""
    from PySide6.QtGui import QGuiApplication

    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    avail = screen.availableGeometry() if screen is not None else QRect(0, 0, USABLE.width(), USABLE.height())
    return QRect(avail.x(), avail.y(), min(avail.width(), USABLE.width()), min(avail.height(), USABLE.height()))


def client_limit(widget: QWidget | None = None) -> QSize:
    """The largest client size of a window whose frame (title bar) must fit the usable area."""
    rect = usable_rect(widget)
    return QSize(rect.width(), rect.height() - TITLE_BAR)


def fit_size(widget: QWidget) -> None:
    """Shrink a window to the usable area (the content scrolls or the layout gives way)."""
    limit = client_limit(widget)
    if widget.width() > limit.width() or widget.height() > limit.height():
        widget.resize(min(widget.width(), limit.width()), min(widget.height(), limit.height()))


def keep_on_screen(widget: QWidget) -> None:
    """Move a window that grew (a dialog showing its errors) back up or left so its frame stays on the screen."""
    rect = usable_rect(widget)
    x = min(widget.x(), rect.right() + 1 - widget.width())
    y = min(widget.y(), rect.bottom() + 1 - widget.height() - TITLE_BAR)
    if (x, y) != (widget.x(), widget.y()):
        widget.move(max(x, rect.left()), max(y, rect.top()))


def clamp_to_screen(widget: QWidget) -> None:
    """A restored window inside the available screen area: no bigger than it, moved onto it."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.screenAt(widget.geometry().center()) or widget.screen()
    avail = screen.availableGeometry() if screen is not None else usable_rect(widget)
    width = min(widget.width(), avail.width())
    height = min(widget.height(), avail.height() - TITLE_BAR)
    widget.resize(max(width, 1), max(height, 1))
    x = min(max(widget.x(), avail.left()), avail.right() + 1 - widget.width())
    y = min(max(widget.y(), avail.top()), avail.bottom() + 1 - height - TITLE_BAR)
    widget.move(max(x, avail.left()), max(y, avail.top()))


class FitScrollArea(QScrollArea):
    """A frameless vertical scroll area that asks for its content's full size (not Qt's 24 lines).

    The window around it is capped to the screen, so a long form scrolls instead of running off it.
    """

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 2

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = self.widget().sizeHint()
        return QSize(hint.width() + self._bar(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = self.widget().minimumSizeHint()
        return QSize(hint.width() + self._bar(), min(hint.height(), 120))
