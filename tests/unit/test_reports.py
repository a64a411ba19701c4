"""Reports and dashboard against a small hand-made dataset: every figure, midnight edges, month ends, empty periods."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import openpyxl
import pytest

from frontdesk import clock
from frontdesk.db.models import Complaint, ComplaintEvent, Contact, Department, ReturnVisit, Transfer
from frontdesk.domain.report import Period, month_period, week_period
from frontdesk.errors import PermissionDenied
from frontdesk.services.reports import daily as reports_daily
from frontdesk.services.reports import dashboard as reports_dashboard
from frontdesk.services.reports import monthly as reports_monthly
from frontdesk.services.reports import output as reports_output
from frontdesk.services.reports import personnel as reports_personnel
from frontdesk.services.reports import weekly as reports_weekly

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")

NOV = month_period(2026, 11)
_n = iter(range(1, 10_000))


def contact(actor, at: datetime, channel="phone", category="consult", status="open", request="咨询停车场收费标准",
            closed_at=None) -> Contact:
    return Contact.create(number=f"S01-JD-T-{next(_n):04d}", received_at=at, channel=channel, category=category,
                          status=status, request=request, owner=actor.uuid, closed_at=closed_at)


@pytest.fixture
def data(admin):
    """Contacts at the edges of 2026-11-30 (the month's last day) and of 2026-12-01."""
    contact(admin, datetime(2026, 11, 30, 0, 0, 0), "walk_in", "complaint", "closed", "投诉卫生间不干净",
            closed_at=datetime(2026, 11, 30, 3, 0))
    contact(admin, datetime(2026, 11, 30, 23, 59, 59), "phone", "consult", "transferred")
    contact(admin, datetime(2026, 11, 29, 12, 0), "phone", "query", "visited", "查询停车场收费标准",
            closed_at=datetime(2026, 11, 29, 13, 0))
    contact(admin, datetime(2026, 12, 1, 0, 0, 0), "online", "help")  # the next month
    contact(admin, datetime(2026, 10, 31, 23, 59, 59), "letter", "praise")  # the month before
    gone = contact(admin, datetime(2026, 11, 15, 10, 0))
    gone.deleted = True
    gone.save()
    return admin


def test_period_bounds_and_month_ends():
    assert month_period(2026, 2) == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert month_period(2028, 2).last == date(2028, 2, 29)
    assert month_period(2026, 12) == Period(date(2026, 12, 1), date(2026, 12, 31))
    p = Period(date(2026, 11, 30), date(2026, 11, 30))
    assert p.start == datetime(2026, 11, 30) and p.end == datetime(2026, 12, 1)
    assert week_period(date(2026, 11, 24)) == Period(date(2026, 11, 23), date(2026, 11, 29))
    with pytest.raises(ValueError):
        Period(date(2026, 11, 2), date(2026, 11, 1))


def test_daily_summary_counts_midnight_edges(data):
    report = reports_daily.daily_summary(data, Period(date(2026, 11, 30), date(2026, 11, 30)))
    day = report.table("daily").rows
    assert len(day) == 1  # one day: no 合计 row
    # total, 现场 电话 在线 信函, 投诉, 已转办, 已办结, 处理中
    assert day[0] == ["2026-11-30 周一", 2, 1, 1, 0, 0, 1, 1, 1, 0]
    shares = {r[0]: (r[1], r[2]) for r in report.table("categories").rows}
    assert shares["投诉"] == (1, Decimal("0.5000")) and shares["表扬"] == (0, Decimal("0.0000"))
    assert report.table("clerks").rows == [["admin", "管理员", 2, 1, Decimal("0.5000")]]


def test_daily_summary_over_the_month(data):
    report = reports_daily.daily_summary(data, NOV)
    rows = report.table("daily").rows
    assert len(rows) == 31 and rows[-1][0] == "合计"
    assert rows[-1] == ["合计", 3, 1, 2, 0, 0, 1, 1, 2, 0]  # 10-31 23:59:59, 12-01 00:00 and the deleted one left out
    assert rows[28][:2] == ["2026-11-29 周日", 1] and rows[0][1] == 0
    assert ("接待总数", "3") in report.figures


def test_empty_period(data):
    empty = Period(date(2025, 1, 1), date(2025, 1, 7))
    daily = reports_daily.daily_summary(data, empty)
    assert daily.table("daily").rows[-1][1] == 0 and daily.notes
    assert all(r[2] is None for r in daily.table("categories").rows)  # no share of nothing
    weekly = reports_weekly.weekly_analysis(data, empty)
    assert weekly.table("topics").rows == [] and weekly.table("overdue").rows == []
    assert weekly.table("close_time").rows[-1] == ["合计", 0, 0, None, None]
    monthly = reports_monthly.service_quality(data, month_period(2025, 1))
    assert monthly.table("deadline").rows[-1][2] == 0 and monthly.table("visits").rows[-1][1:] == [0, 0, 0]
    assert ("按时答复率", "—") in monthly.figures


def _transfer(actor, dept, due: datetime, replied: datetime | None, status: str) -> None:
    c = contact(actor, due - timedelta(days=1), status="transferred")
    Transfer.create(contact=c.uuid, department=dept.uuid, transferred_by=actor.uuid, transferred_at=c.received_at,
                    due_at=due, status=status, replied_at=replied)


def test_weekly_categories_overdue_rate_and_close_time(data):
    dept = Department.create(name="工程维修部")
    week = Period(date(2026, 11, 24), date(2026, 11, 30))
    _transfer(data, dept, datetime(2026, 11, 25, 10), datetime(2026, 11, 25, 9), "replied")  # on time
    _transfer(data, dept, datetime(2026, 11, 26, 10), datetime(2026, 11, 26, 11), "replied")  # late
    _transfer(data, dept, datetime(2026, 11, 27, 10), None, "pending")  # waiting past due
    _transfer(data, dept, datetime(2026, 12, 1, 0, 0), None, "pending")  # due after the week
    report = reports_weekly.weekly_analysis(data, week, moment=datetime(2026, 11, 30, 12))
    assert report.table("overdue").rows[0] == ["工程维修部", 3, 1, 1, 1, Decimal("0.6667")]
    assert ("转办超期率", "66.7%") in report.figures
    cats = {r[0]: r[1:] for r in report.table("categories").rows}
    # this week (7): the 11-30 pair, the 11-29 query, 4 transfer contacts (consult, a day before each due time)
    assert cats["投诉"] == [1, Decimal("0.1429"), 0, 1, None]  # nothing the week before: no growth rate
    assert cats["查询"][:3] == [1, Decimal("0.1429"), 0] and cats["咨询"][0] == 5 and cats["合计"][0] == 7
    close = {r[0]: r[1:] for r in report.table("close_time").rows}
    assert close["投诉"] == [1, 1, Decimal("1.0000"), Decimal("3.0")]  # closed 3 hours after midnight
    topics = report.table("topics").rows
    assert topics[0][1:3] == ["停车场", 6] and topics[1][1:3] == ["收费标准", 6]  # whole words (segmented)


def _case(opened: datetime, closed: datetime, answered: datetime, severity="general", category="attitude",
          dept=None, satisfaction="satisfied") -> None:
    case = Complaint.create(number=f"S01-TS-T-{next(_n):04d}", opened_at=opened, subject="测试", category=category,
                            severity=severity, level=1, stage="closed", satisfaction=satisfaction, closed_at=closed,
                            department=dept.uuid if dept else None)
    times = [opened + timedelta(minutes=10), opened + timedelta(minutes=20), opened + timedelta(minutes=30),
             answered, closed - timedelta(minutes=1), closed]
    for at, stage in zip(times, ["verify", "plan", "feedback", "execute", "archive", "closed"], strict=True):
        ComplaintEvent.create(complaint=case.uuid, kind="stage", to_stage=stage, at=at,
                              remedy="other" if stage == "execute" else "")


def test_monthly_service_quality(data):
    dept = Department.create(name="商户管理部")
    mon = datetime(2026, 11, 2, 9)  # a Monday; 5 working days → Monday 11-09 09:00
    _case(mon, datetime(2026, 11, 3, 9), mon + timedelta(hours=2), dept=dept)  # on time
    _case(mon, datetime(2026, 11, 30, 23, 59), datetime(2026, 11, 12, 9), dept=dept, category="price",
          satisfaction="unsatisfied")  # answered late
    _case(datetime(2026, 10, 30, 9), datetime(2026, 12, 1, 0, 0), datetime(2026, 11, 2, 9))  # closed next month
    _case(datetime(2026, 10, 20, 9), datetime(2026, 11, 1, 0, 0), datetime(2026, 10, 21, 9),
          severity="major", satisfaction="basic")  # opened before, closed on the month's first midnight
    ReturnVisit.create(customer_name="王先生", visited_at=datetime(2026, 11, 30, 23, 59, 59), method="phone",
                       satisfaction="satisfied", visitor=data.uuid)
    ReturnVisit.create(customer_name="李女士", visited_at=datetime(2026, 12, 1), method="phone", visitor=data.uuid)
    report = reports_monthly.service_quality(data, NOV)
    cats = {r[0]: r[1:] for r in report.table("categories").rows}
    assert cats["服务态度"] == [1, Decimal("0.5000"), 0, 1, 0] and cats["收费价格"] == [1, Decimal("0.5000"), 0, 1, 0]
    assert cats["合计"] == [2, Decimal("1.0000"), 0, 2, 0]
    deadline = {r[0]: r[1:] for r in report.table("deadline").rows}
    assert deadline["一般投诉"][:2] == [5, 2] and deadline["一般投诉"][4:] == [1, 1, Decimal("0.5000")]
    assert deadline["重大投诉"][:2] == [10, 1] and deadline["合计"][4:] == [2, 1, Decimal("0.6667")]
    depts = {r[0]: r[1:] for r in report.table("departments").rows}
    assert depts["商户管理部"][:5] == [2, 2, 1, 1, Decimal("0.5000")]
    assert depts["未指定部门"][:2] == [0, 1]
    sat = {r[0]: r[1:] for r in report.table("satisfaction").rows}
    assert sat["结案投诉"] == [1, 1, 1, 0, Decimal("0.6667")] and sat["回访"] == [1, 0, 0, 0, Decimal("1.0000")]
    assert report.table("visits").rows[-1] == ["合计", 1, 0, 0]
    assert ("按时答复率", "66.7%") in report.figures


def test_dashboard_counts_match_lists(frozen_clock, data, staff_actor):
    dept = Department.create(name="财务部")
    now = clock.now()
    today = datetime.combine(now.date(), datetime.min.time())
    contact(data, today, "walk_in", "complaint")
    contact(data, today - timedelta(seconds=1), "walk_in", "complaint")  # yesterday
    _transfer(data, dept, today + timedelta(hours=23, minutes=59), None, "pending")
    _transfer(data, dept, today + timedelta(days=1), None, "pending")  # tomorrow
    _transfer(data, dept, today + timedelta(hours=1), today, "replied")
    board = reports_dashboard.dashboard(staff_actor)  # today: the walk-in complaint and the tomorrow transfer's contact
    assert board.contacts == 2 and board.by_channel["walk_in"] == 1 and board.by_category["complaint"] == 1
    assert board.transfers_due_today == 1
    assert board.repairs_pickup == {"repaired": 0, "unrepairable": 0, "notified": 0} and board.returns_pending == 0
    assert board.attendance_exceptions == 0


def test_outputs_contain_the_figures(data, tmp_path):
    report = reports_daily.daily_summary(data, NOV)
    path = tmp_path / "daily.xlsx"
    assert reports_output.write_xlsx(report, path) == 5
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["概要", "按日汇总", "按类别", "按渠道", "按首问负责人"]
    sheet = wb["按日汇总"]
    assert [c.value for c in sheet[32]][:3] == ["合计", 3, 1] and sheet.freeze_panes == "A2"
    assert wb["按类别"]["C5"].value == pytest.approx(1 / 3, abs=1e-4) and wb["按类别"]["C5"].number_format == "0.0%"
    doc = reports_output.print_document(report, "测试站")
    assert doc.landscape and doc.tables[0].rows[-1][:2] == ["合计", "3"]


def test_fines_table_and_permissions(data, staff_actor, manager):
    with pytest.raises(PermissionDenied):
        reports_personnel.fines_table(staff_actor, NOV)
    report = reports_personnel.fines_table(manager, NOV)
    assert report.table("fines").rows == [["合计", "0 人", 0, Decimal("0.00"), Decimal("0.00"), Decimal("0.00"),
                                           Decimal("0.00"), 0, Decimal("0.00"), 0, 0, 0]]
    assert reports_personnel.period_keys_within(NOV, ["2026-10", "2026-11", "2026-Q4"]) == ["2026-11"]
    q4 = Period(date(2026, 10, 1), date(2026, 12, 31))
    assert reports_personnel.period_keys_within(q4, ["2026-Q4", "2026-10", "2027-01"]) == ["2026-10", "2026-Q4"]


def test_answer_deadline_fast_path_agrees_with_the_full_replay(data):
    mon = datetime(2026, 11, 2, 9)
    _case(mon, datetime(2026, 11, 20, 9), datetime(2026, 11, 9, 9))  # exactly 5 working days: on time
    _case(mon, datetime(2026, 11, 20, 9), datetime(2026, 11, 9, 9, 0, 1))  # one second late
    _case(mon, datetime(2026, 11, 20, 9), datetime(2026, 11, 12, 9))  # late unless paused…
    paused = Complaint.select().order_by(Complaint.id.desc()).first()
    ComplaintEvent.create(complaint=paused.uuid, kind="pause", at=datetime(2026, 11, 3, 9))
    ComplaintEvent.create(complaint=paused.uuid, kind="resume", at=datetime(2026, 11, 10, 9))  # …for 5 working days
    cases = reports_monthly.closed_cases(NOV)
    assert [c.on_time for c in cases] == [True, False, True]
    for case in Complaint.select().dicts():
        assert reports_monthly._replayed_on_time(case) == cases[case["id"] - 1].on_time


def test_answer_deadline_fast_path_uses_each_case_policy(data):
    from frontdesk.db.models import SlaPolicy
    from frontdesk.domain.sla_policy import DEFAULT_POLICY, to_json

    three = SlaPolicy.create(effective_from=datetime(2026, 1, 1).date(), spec=to_json(DEFAULT_POLICY.with_(
        answer_general=3)))
    mon = datetime(2026, 11, 2, 9)
    _case(mon, datetime(2026, 11, 20, 9), datetime(2026, 11, 6, 9))  # 4 working days: on time by the seeds' 5
    _case(mon, datetime(2026, 11, 20, 9), datetime(2026, 11, 6, 9))  # … late by its site's 3
    Complaint.update(policy_uuid=three.uuid).where(Complaint.id == 2).execute()
    cases = reports_monthly.closed_cases(NOV)
    assert [c.on_time for c in cases] == [True, False]
    for case in Complaint.select().dicts():
        assert reports_monthly._replayed_on_time(case) == cases[case["id"] - 1].on_time


def test_the_month_line_stops_at_today(data, frozen_clock):
    """Days not yet come are not plotted as 0: the month's line has a point per day up to today, the axis all days."""
    frozen_clock.set(datetime(2026, 11, 18, 10, 0))
    line = reports_monthly.service_quality(data, NOV).charts[0]
    assert line.kind == "line" and len(line.categories) == 30 and len(line.series[0][1]) == 18
    frozen_clock.set(datetime(2026, 12, 2, 9, 0))
    assert len(reports_monthly.service_quality(data, NOV).charts[0].series[0][1]) == 30  # a past month: every day
    assert reports_monthly.service_quality(data, month_period(2027, 1)).charts[0].series[0][1] == []  # not begun
