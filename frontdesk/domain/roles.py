"""Roles, permissions and the signed-in actor (pure rules; services enforce them)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from frontdesk.errors import QT_TRANSLATE_NOOP


class Role(StrEnum):
    """Account roles, lowest first."""

    STAFF = "staff"
    MANAGER = "manager"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.STAFF: QT_TRANSLATE_NOOP("enum", "客服"),
    Role.MANAGER: QT_TRANSLATE_NOOP("enum", "主管"),
    Role.ADMIN: QT_TRANSLATE_NOOP("enum", "管理员"),
}


class Permission(StrEnum):
    """What an action needs; mapped to roles per SPEC's table."""

    DESK_WORK = "desk_work"  # reception, complaints, returns, repairs, handover, self-check
    READ_OWN_PERSONNEL = "read_own_personnel"  # own incidents, fines, attendance, assessments
    MANAGE_PERSONNEL = "manage_personnel"  # incidents, fines, attendance corrections, assessments
    MANAGE_REFERENCE = "manage_reference"  # fine schedule, departments, holidays, templates
    MANAGE_ROSTER = "manage_roster"  # staff roster (not accounts)
    APPROVE_AFTERSALES = "approve_aftersales"  # large refunds, return/exchange policy, repair settings
    MANAGE_COMPLAINTS = "manage_complaints"  # complaint classification, assignment, plan approval, archive
    MANAGE_ACCOUNTS = "manage_accounts"  # roles, passwords, locks
    ADMIN_SITE = "admin_site"  # site settings, backup/restore, import
    EXPORT_CUSTOMER_DATA = "export_customer_data"  # customers' full phone numbers in exported files


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.STAFF: frozenset({Permission.DESK_WORK, Permission.READ_OWN_PERSONNEL}),
    Role.MANAGER: frozenset(
        {
            Permission.DESK_WORK,
            Permission.READ_OWN_PERSONNEL,
            Permission.MANAGE_PERSONNEL,
            Permission.MANAGE_REFERENCE,
            Permission.MANAGE_ROSTER,
            Permission.APPROVE_AFTERSALES,
            Permission.MANAGE_COMPLAINTS,
            Permission.EXPORT_CUSTOMER_DATA,
        }
    ),
    Role.ADMIN: frozenset(Permission),
}

PERMISSION_LABELS = {
    Permission.DESK_WORK: QT_TRANSLATE_NOOP("enum", "前台业务"),
    Permission.READ_OWN_PERSONNEL: QT_TRANSLATE_NOOP("enum", "查看本人考勤考核"),
    Permission.MANAGE_PERSONNEL: QT_TRANSLATE_NOOP("enum", "管理考勤、违纪、罚款与考核"),
    Permission.MANAGE_REFERENCE: QT_TRANSLATE_NOOP("enum", "维护罚款标准、部门、节假日与考核模板"),
    Permission.MANAGE_ROSTER: QT_TRANSLATE_NOOP("enum", "维护员工档案"),
    Permission.APPROVE_AFTERSALES: QT_TRANSLATE_NOOP("enum", "审批大额退款、维护售后政策"),
    Permission.MANAGE_COMPLAINTS: QT_TRANSLATE_NOOP("enum", "投诉分类指派、方案审批与归档"),
    Permission.MANAGE_ACCOUNTS: QT_TRANSLATE_NOOP("enum", "管理账户与密码"),
    Permission.ADMIN_SITE: QT_TRANSLATE_NOOP("enum", "站点设置、备份恢复与数据导入"),
    Permission.EXPORT_CUSTOMER_DATA: QT_TRANSLATE_NOOP("enum", "导出客户资料（完整电话号码）"),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in user as services see it."""

    uuid: str
    staff_no: str
    name: str
    role: Role
    site_code: str

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


SYSTEM = Actor(uuid="", staff_no="system", name="系统", role=Role.ADMIN, site_code="")
