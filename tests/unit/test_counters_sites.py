"""Head office: lists filtered by site, the sites found by index probes, and the side-by-side site comparison."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from frontdesk import clock
from frontdesk.db.models import set_current_site
from frontdesk.domain.complaints import ComplaintInput
from frontdesk.domain.repairs import RepairInput
from frontdesk.domain.report import Period
from frontdesk.domain.returns import Inspection, ReturnInput
from frontdesk.domain.sla import Stage
from frontdesk.services.aftersales import order_list, repairs, returns
from frontdesk.services.complaints import case_list
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core import list_exports, site_filter
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.discipline.incidents import IncidentInput
from frontdesk.services.personnel import attendance, selfchecks
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception import transfers
from frontdesk.services.reports import output
from frontdesk.services.reports.site_comparison import site_comparison
from tests.unit.test_counters_revision import walk_in

pytestmark = pytest.mark.usefixtures("frozen_clock")


@contextmanager
def at_site(code: str) -> Iterator[None]:
    """Records written as if by site ``code`` (as a head office import keeps each row's site code)."""
    set_current_site(code)
    try:
        yield
    finally:
        set_current_site("S01")


def _records(staff_actor, manager, contacts: int, complaint: bool, fine: str | None) -> None:  # noqa: ANN001
    for i in range(contacts):
        reception.save_contact(staff_actor, walk_in(request=f"咨询 {i}"))
    if complaint:
        uuid = complaints.open_complaint(staff_actor, ComplaintInput(customer_name="王女士", phone="13800138000",
                                                                     subject="停车场多收费")).uuid
        complaints.advance(staff_actor, uuid, Stage.VERIFY, "已核实")
    if fine:
        (uuid,) = discipline.record_incident(manager, IncidentInput(
            staff_uuids=[staff_actor.uuid], rule_code="R06", occurred_at=clock.now() - timedelta(hours=1),
            amount=Decimal(fine), description="测试"))
        discipline.confirm(manager, uuid)
    repairs.create_repair(staff_actor, RepairInput(
        customer_name="张先生", phone="13700001111", item="蓝牙耳机", fault="左耳无声音", appearance="完好",
        warranty="in", estimated_date=clock.today() + timedelta(days=5), estimated_cost="0", pickup_mode="self"))
    returns.create_return(staff_actor, ReturnInput(
        customer_name="王女士", phone="13800138000", kind="return", category="clothing", item="羊毛大衣",
        amount_paid="100.00", purchase_date=clock.today() - timedelta(days=3), receipt_no="XP1", reason="尺码不合适",
        inspection=Inspection(packaging_note="吊牌在"), refund_amount="100.00"))


@pytest.fixture
def two_sites(staff_actor, manager):  # noqa: ANN001, ANN201
    _records(staff_actor, manager, 3, True, "30")
    with at_site("S02"):
        _records(staff_actor, manager, 3, False, "50")


def test_one_site_no_filter_shown(staff_actor, manager):
    _records(staff_actor, manager, 1, False, None)
    assert [code for code, _label in site_filter.known_sites(staff_actor)] == ["S01"]


def test_every_site_list_filters_by_site(two_sites, staff_actor, manager):
    assert [code for code, _label in site_filter.known_sites(staff_actor)] == ["S01", "S02"]
    site = {"site": "S02"}

    def total(lister, actor=staff_actor, **filters) -> int:  # noqa: ANN001, ANN003
        return lister(actor, ListQuery(filters=filters)).total

    assert (total(reception.list_contacts), total(reception.list_contacts, **site)) == (6, 3)
    assert all(r["number"].startswith("S02-") for r in reception.list_contacts(staff_actor, ListQuery(filters=site)).rows)
    assert total(reception.list_contacts, site="S01", category="consult") == 3
    assert (total(case_list.list_complaints), total(case_list.list_complaints, **site)) == (1, 0)
    assert (total(discipline.list_incidents, manager), total(discipline.list_incidents, manager, **site)) == (2, 1)
    assert (total(order_list.list_repairs), total(order_list.list_repairs, **site)) == (2, 1)
    assert (total(order_list.list_returns), total(order_list.list_returns, **site)) == (2, 1)
    assert total(transfers.list_transfers, **site) == 0
    assert total(attendance.list_attendance, manager, **site) == 0 and total(selfchecks.list_checks, manager, **site) == 0
    assert list_exports.export_list("contacts", manager, ListQuery(filters=site)).total == 3  # exports alike


def test_site_comparison_side_by_side_and_exported(two_sites, manager, tmp_path):
    today = clock.today()
    report = site_comparison(manager, Period(today - timedelta(days=1), today))
    rows = {r[0]: r for r in report.table("sites").rows}
    assert list(rows) == ["S01", "S02", "合计"]
    assert rows["S01"][1:3] == [3, 1] and rows["S02"][1:3] == [3, 0]  # contacts, complaints
    assert rows["S01"][9:] == [1, Decimal("30.00")] and rows["S02"][9:] == [1, Decimal("50.00")]
    assert rows["合计"][1] == 6 and rows["合计"][10] == Decimal("80.00")
    path = tmp_path / "sites.xlsx"
    output.write_xlsx(report, path)
    book = load_workbook(path, read_only=True)
    assert any(row and "S02" in [str(v) for v in row] for row in book.worksheets[-1].iter_rows(values_only=True))
    book.close()
