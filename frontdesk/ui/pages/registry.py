"""The pages the main window offers, in navigation order; each module adds its own entries here."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from frontdesk.domain.roles import Permission
from frontdesk.ui.pages.base import PageSpec
from frontdesk.ui.pages.departments_page import DepartmentsPage
from frontdesk.ui.pages.reception_page import ReceptionPage
from frontdesk.ui.pages.staff_page import StaffPage
from frontdesk.ui.pages.system_page import SystemPage
from frontdesk.ui.pages.transfers_page import TransfersPage


def page_specs() -> list[PageSpec]:
    return [
        PageSpec("reception", QT_TRANSLATE_NOOP("nav", "接待登记"), Permission.DESK_WORK, ReceptionPage),
        PageSpec("transfers", QT_TRANSLATE_NOOP("nav", "转办督办"), Permission.DESK_WORK, TransfersPage),
        PageSpec("staff", QT_TRANSLATE_NOOP("nav", "员工档案"), Permission.MANAGE_ROSTER, StaffPage),
        PageSpec("departments", QT_TRANSLATE_NOOP("nav", "部门管理"), Permission.MANAGE_REFERENCE, DepartmentsPage),
        PageSpec("system", QT_TRANSLATE_NOOP("nav", "系统维护"), Permission.ADMIN_SITE, SystemPage),
    ]
