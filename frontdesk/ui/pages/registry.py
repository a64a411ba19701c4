"""The pages the main window offers, in navigation order; each module adds its own entries here.

Pages are imported when first opened, not at start-up: the window paints sooner, and a page a
role never opens costs nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from frontdesk.domain.roles import Permission
from frontdesk.ui.context import AppContext
from frontdesk.ui.pages.base import Page, PageSpec


def lazy(module: str, cls: str) -> Callable[[AppContext], Page]:
    """A factory that imports ``frontdesk.ui.pages.<module>`` on first use."""

    def factory(ctx: AppContext) -> Page:
        return getattr(importlib.import_module(f"frontdesk.ui.pages.{module}"), cls)(ctx)

    return factory


def page_specs() -> list[PageSpec]:
    desk, reference = Permission.DESK_WORK, Permission.MANAGE_REFERENCE
    return [
        PageSpec("reception", QT_TRANSLATE_NOOP("nav", "接待登记"), desk, lazy("reception_page", "ReceptionPage")),
        PageSpec("transfers", QT_TRANSLATE_NOOP("nav", "转办督办"), desk, lazy("transfers_page", "TransfersPage")),
        PageSpec("complaints", QT_TRANSLATE_NOOP("nav", "投诉处理"), desk, lazy("complaints_page", "ComplaintsPage")),
        PageSpec("visits", QT_TRANSLATE_NOOP("nav", "回访管理"), desk, lazy("visits_page", "VisitsPage")),
        PageSpec("staff", QT_TRANSLATE_NOOP("nav", "员工档案"), Permission.MANAGE_ROSTER, lazy("staff_page", "StaffPage")),
        PageSpec("departments", QT_TRANSLATE_NOOP("nav", "部门管理"), reference,
                 lazy("departments_page", "DepartmentsPage")),
        PageSpec("holidays", QT_TRANSLATE_NOOP("nav", "节假日设置"), reference, lazy("holidays_page", "HolidaysPage")),
        PageSpec("phrases", QT_TRANSLATE_NOOP("nav", "规范用语"), reference, lazy("phrases_page", "PhrasesPage")),
        PageSpec("system", QT_TRANSLATE_NOOP("nav", "系统维护"), Permission.ADMIN_SITE, lazy("system_page", "SystemPage")),
    ]
