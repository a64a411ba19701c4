"""Head office: each report and the 工作台 for one site (S01, S02) or for every site, nothing of another leaking in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from frontdesk import clock
from frontdesk.domain.report import Period
from frontdesk.domain.visits import KeyCustomerInput
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception import visits
from frontdesk.services.reports import daily, dashboard, monthly, personnel, weekly
from frontdesk.services.reports.output import print_document, write_xlsx
from tests.unit.test_counters_sites import _records, at_site

pytestmark = pytest.mark.usefixtures("frozen_clock")

SITES = ("S01", "S02", None)


@pytest.fixture
def sites(staff_actor, manager):  # noqa: ANN001, ANN201
    """S01: 3 walk-ins, a complaint, a 30 yuan fine; S02: 2 walk-ins, a complaint, a 50 yuan fine."""
    _records(staff_actor, manager, 3, True, "30")
    with at_site("S02"):
        _records(staff_actor, manager, 2, True, "50")


def _period(site: str | None) -> Period:
    today = clock.today()
    return Period(today - timedelta(days=1), today, site)


def _contacts(actor, site: str | None) -> int:  # noqa: ANN001
    return reception.list_contacts(actor, ListQuery(filters={"site": site} if site else {})).total


def test_daily_summary_by_site(sites, staff_actor):
    totals = {}
    for site in SITES:
        report = daily.daily_summary(staff_actor, _period(site))
        totals[site] = report.table("daily").rows[-1][1]  # the period's totals row
        assert totals[site] == _contacts(staff_actor, site)
        assert ("站点 " + site in report.title) if site else "站点" not in report.title
        staff_rows = report.table("clerks").rows
        assert sum(r[2] for r in staff_rows) == totals[site]
    assert totals["S01"] > totals["S02"] > 0 and totals[None] == totals["S01"] + totals["S02"]


def test_weekly_analysis_by_site(sites, staff_actor):
    totals = {}
    for site in SITES:
        report = weekly.weekly_analysis(staff_actor, _period(site))
        totals[site] = report.table("categories").rows[-1][1]
        assert report.table("close_time").rows[-1][1] == totals[site]
        assert weekly.previous(_period(site)).site == site  # the period compared with is the same site's
    assert totals["S01"] > totals["S02"] > 0 and totals[None] == totals["S01"] + totals["S02"]


def test_monthly_service_quality_by_site(sites, staff_actor):
    opened = {}
    for site in SITES:
        report = monthly.service_quality(staff_actor, _period(site))
        opened[site] = report.table("categories").rows[-1][1]
        assert sum(r[1] for r in report.table("departments").rows) == opened[site]
        assert ("S02" in report.title) == (site == "S02")
    assert (opened["S01"], opened["S02"], opened[None]) == (1, 1, 2)


def test_fines_by_site_printed_and_exported(sites, manager, tmp_path):
    for site, amount in (("S01", "30.00"), ("S02", "50.00"), (None, "80.00")):
        report = personnel.fines_table(manager, _period(site))
        totals = report.table("fines").rows[-1]
        assert totals[2] == 1 + (site is None) and totals[6] == Decimal(amount)
        assert print_document(report, "测试站").title == report.title
        path = tmp_path / f"fines-{site}.xlsx"
        write_xlsx(report, path)
        book = load_workbook(path, read_only=True)
        cells = {str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row
                 if v is not None}
        book.close()  # a read-only workbook keeps its file open until closed
        assert any(f"站点 {site}" in c for c in cells) if site else not any("（站点" in c for c in cells)


def test_of_site_on_a_period_copy_keeps_the_days():
    period = _period(None)
    assert replace(period, site="S02").days == period.days and replace(period, site="S02").site == "S02"


def test_dashboard_by_site(sites, staff_actor, manager):
    visits.save_key_customer(staff_actor, KeyCustomerInput(name="李先生", phone="13900000001"))
    with at_site("S02"):
        for i in (2, 3):
            visits.save_key_customer(staff_actor, KeyCustomerInput(name="赵女士", phone=f"1390000000{i}"))
    boards = {site: dashboard.dashboard(manager, site=site) for site in SITES}
    assert [boards[s].visits_due for s in SITES] == [1, 2, 3]  # key customers not yet visited this year
    for site in SITES:
        assert boards[site].contacts == _contacts(staff_actor, site)
    assert boards["S01"].complaints_open == boards["S02"].complaints_open == 1
    assert boards[None].complaints_open == 2
    for name in ("contacts", "complaints_overdue", "transfers_due_today", "transfers_overdue", "replies_due",
                 "follow_ups_due", "returns_pending"):
        values = [getattr(boards[s], name) for s in SITES]
        assert values[2] == values[0] + values[1], name
    pickups = [sum((boards[s].repairs_pickup or {}).values()) for s in SITES]
    assert pickups[2] == pickups[0] + pickups[1]


def test_fines_attendance_exceptions_by_site(sites, staff_actor, manager):
    """Shifts carry no period field of their own in the query: the site still narrows them."""
    from tests.unit.test_assessments import shift

    today = clock.today()
    shift(staff_actor.uuid, today, "late")
    with at_site("S02"):
        shift(staff_actor.uuid, today, "absent")
        shift(staff_actor.uuid, today - timedelta(days=1), "absent")
    for site, late, absent in (("S01", 1, 0), ("S02", 0, 2), (None, 1, 2)):
        totals = personnel.fines_table(manager, _period(site)).table("fines").rows[-1]
        assert (totals[9], totals[11]) == (late, absent), site


def test_assessment_results_of_one_site_ranked_among_themselves(manager, staff_actor, make_actor):
    from frontdesk.db.models import Assessment
    from frontdesk.domain.roles import Role
    from frontdesk.services.assessments import runs
    from tests.unit.test_assessments import _full_marks, _run

    people = [staff_actor, make_actor(Role.STAFF, "客服小张"), make_actor(Role.STAFF, "客服小赵")]
    run = _run(manager, people)
    for row, mark in zip(runs.team(manager, run), (3, 5, 3), strict=True):
        runs.score(manager, row["uuid"], _full_marks(runs.get_assessment(manager, row["uuid"]), mark))
    # 客服小张 (first overall) was assessed at site S02, as a head office import keeps it
    (Assessment.update(site_code="S02").where(Assessment.staff == people[1].uuid).execute())
    quarter = (date(2026, 1, 1), date(2026, 3, 31))  # the run is for 2026-Q1

    def ranked(site: str | None) -> list[tuple[int, str]]:
        table = personnel.assessment_results(manager, Period(*quarter, site)).table("assessments")
        return [(row[1], row[3]) for row in table.rows]

    assert ranked(None) == [(1, "客服小张"), (2, "客服小王"), (2, "客服小赵")]
    assert ranked("S01") == [(1, "客服小王"), (1, "客服小赵")]
    assert ranked("S02") == [(1, "客服小张")]
