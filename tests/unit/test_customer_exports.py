"""Customer phones in a clerk's exports are masked (138****8000); managers and admins get them whole; files are 0600."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sync_helpers import add_contact

from frontdesk.demo import runner as demo
from frontdesk.domain.phones import mask_phone
from frontdesk.domain.roles import ROLE_PERMISSIONS, Actor, Permission, Role
from frontdesk.services.aftersales import order_list as aftersales_list
from frontdesk.services.core import list_exports
from frontdesk.services.core.listing import ListQuery

# dates in these tests are fixed or counted from a frozen clock, so they pass at any real date
pytestmark = pytest.mark.usefixtures("frozen_clock")

MASKED = re.compile(r"^\d{3}\*+\d{4}$")
FULL = re.compile(r"^\d{8,}$")


def _phones(path: Path) -> list[str]:
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    at = header.index("电话")
    return [row[at] for row in ws.iter_rows(min_row=2, values_only=True) if row[at]]


def _export_all(actor: Actor, folder: Path) -> dict[str, list[str]]:
    out = {}
    for name in ("export_contacts", "export_complaints", "export_visits"):
        path = folder / f"{name}.xlsx"
        getattr(list_exports, name)(actor, ListQuery()).write(path)
        out[name] = _phones(path)
    for name in ("export_returns", "export_repairs"):
        path = folder / f"{name}.xlsx"
        getattr(aftersales_list, name)(actor, ListQuery(), path)
        out[name] = _phones(path)
    return out


@pytest.mark.parametrize(("text", "masked"), [("13800138000", "138****8000"), ("057188886666", "057*****6666"),
                                              ("4008123456", "400***3456"), ("12345", "***45"), ("", ""), (None, None)])
def test_mask_phone(text, masked):
    assert mask_phone(text) == masked


def test_the_permission_is_in_the_roles_table():
    assert Permission.EXPORT_CUSTOMER_DATA not in ROLE_PERMISSIONS[Role.STAFF]
    assert Permission.EXPORT_CUSTOMER_DATA in ROLE_PERMISSIONS[Role.MANAGER]
    assert Permission.EXPORT_CUSTOMER_DATA in ROLE_PERMISSIONS[Role.ADMIN]


def test_a_clerks_exports_mask_every_customer_phone(make_actor, tmp_path):
    clerk = make_actor(Role.STAFF)
    demo.generate(150, 11)
    add_contact(clerk, "王女士", "问路", "13800138000")
    phones = _export_all(clerk, tmp_path)
    for name, found in phones.items():
        assert found, f"{name}: no phones to check"
        assert all(MASKED.match(p) for p in found), (name, [p for p in found if not MASKED.match(p)][:3])
    assert "138****8000" in phones["export_contacts"]


def test_a_managers_exports_keep_the_full_number(manager, tmp_path):
    demo.generate(150, 11)
    add_contact(manager, "王女士", "问路", "13800138000")
    phones = _export_all(manager, tmp_path)
    for name, found in phones.items():
        assert found and all(FULL.match(p) for p in found), name
    assert "13800138000" in phones["export_contacts"]


def test_the_staff_roster_export_is_not_masked(manager, tmp_path):
    from frontdesk.services.core import staff

    staff.save_staff(manager, staff.StaffInput("3001", "张三", phone="13900139000"))
    path = tmp_path / "s.xlsx"
    list_exports.export_staff(manager, ListQuery()).write(path)
    assert "13900139000" in _phones(path)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_exported_files_are_readable_by_the_user_only(admin, tmp_path):
    old = os.umask(0o022)
    try:
        add_contact(admin, "王女士", "问路")
        path = tmp_path / "c.xlsx"
        path.write_bytes(b"an older file, world-readable")
        os.chmod(path, 0o644)
        list_exports.export_contacts(admin, ListQuery()).write(path)  # replaced, not rewritten in place
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
