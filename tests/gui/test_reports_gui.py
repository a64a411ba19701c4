"""工作台 and 统计报表 through the window: figures open their filtered lists; a report runs, prints and exports."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta

import openpyxl
import pytest
from gui_helpers import window_for

from frontdesk import clock
from frontdesk.db.models import Contact, Department, Transfer
from frontdesk.domain.report import Period

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")


def _contacts(actor) -> None:  # noqa: ANN001
    today = datetime.combine(clock.today(), datetime.min.time())
    for i, (channel, category) in enumerate([("walk_in", "complaint"), ("phone", "consult"), ("phone", "query")]):
        Contact.create(number=f"S01-JD-G-{i}", received_at=today + timedelta(minutes=i), channel=channel,
                       category=category, status="open", request="咨询停车场收费标准", owner=actor.uuid)
    Contact.create(number="S01-JD-G-9", received_at=today - timedelta(seconds=1), channel="phone",
                   category="consult", status="open", request="昨天", owner=actor.uuid)
    dept = Department.create(name="工程维修部")
    first = Contact.get(Contact.number == "S01-JD-G-1")
    Transfer.create(contact=first.uuid, department=dept.uuid, transferred_by=actor.uuid, transferred_at=today,
                    due_at=today + timedelta(hours=23), status="pending")


def test_dashboard_is_home_and_links_open_filtered_lists(qtbot, frozen_clock, paths, manager):
    _contacts(manager)
    window = window_for(qtbot, paths, manager)
    board = window.current_page()
    assert window.specs[0].key == "dashboard" and board is window.pages["dashboard"]
    assert "3" in board.links["contacts"].text() and "2" in board.links["channel:phone"].text()
    page = board.open_link("channel:phone")
    assert window.current_page() is page and page.panel.last_page.total == 2  # the number matches the list
    assert page.channel_filter.value() == "phone" and page.date_from.date() == page.date_to.date()
    window.open_page("dashboard")
    page = board.open_link("category:complaint")
    assert page.panel.last_page.total == 1 and page.channel_filter.value() is None
    window.open_page("dashboard")
    page = board.open_link("transfers_today")
    assert page.due_today.isChecked() and page.panel.last_page.total == 1
    window.open_page("dashboard")
    page = board.open_link("complaints_overdue")
    assert page.overdue_only.isChecked() and not page.open_only.isChecked()
    for key in ("visits_due", "repairs:notified", "returns_pending", "attendance"):
        window.open_page("dashboard")
        assert board.open_link(key) is not None
    assert window.pages["repairs"].status_filter.value() == "notified"
    assert window.pages["attendance"].panel.filters == {"day_from": clock.today(), "day_to": clock.today(),
                                                         "exceptions": True}


def test_report_runs_off_thread_and_prints_and_exports(qtbot, paths, manager, tmp_path):
    _contacts(manager)
    window = window_for(qtbot, paths, manager)
    page = window.open_page("reports")
    assert [s.key for s in page.specs][:4] == ["daily", "weekly", "monthly", "fines"]
    page.choose("daily")
    page.set_period(Period(clock.today() - timedelta(days=1), clock.today()))
    with qtbot.waitSignal(page.reportReady, timeout=10_000):
        page.run()
    assert page.progress.isHidden() and page.report.table("daily").rows[-1][:2] == ["合计", 4]
    pdf = page.export_pdf(tmp_path / "daily.pdf")
    assert pdf is not None and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "每日接待汇总" in text and "合计" in text and "75.0%" in text  # 电话: 3 of the 4 contacts
    xlsx = page.export_excel(tmp_path / "daily.xlsx")
    wb = openpyxl.load_workbook(xlsx)
    assert wb["按日汇总"]["A4"].value == "合计" and wb["按日汇总"]["B4"].value == 4


def test_staff_see_service_reports_only(qtbot, paths, staff_actor):
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("reports")
    assert [s.key for s in page.specs] == ["daily", "weekly", "monthly"]
    page.choose("monthly")
    report = page.compute_now()
    assert report is not None and page.buttons["excel"].isEnabled()


@pytest.mark.parametrize("key", ["weekly", "monthly", "fines"])
def test_each_report_shows_with_charts(qtbot, paths, manager, key):
    _contacts(manager)
    window = window_for(qtbot, paths, manager)
    page = window.open_page("reports")
    page.choose(key)
    page.compute_now()
    assert page.report is not None and page.report.key == key
    from PySide6.QtCharts import QChartView

    assert len(page.body.findChildren(QChartView)) == len([c for c in page.report.charts if not c.empty])
    document = page.document()
    assert document.title == page.report.title and len(document.images) == len(page.body.findChildren(QChartView))


def test_dashboard_shows_messages_help_calls_and_missed_duties(qtbot, frozen_clock, paths, manager, staff_actor):
    """The desk card: messages left for me, help calls still open, duty lines missed (managers); each opens its list."""
    from frontdesk.domain.duty import MessageInput
    from frontdesk.domain.expressway import HelpCallInput
    from frontdesk.services.expressway import help_calls
    from frontdesk.services.personnel import messages

    messages.leave_message(staff_actor, MessageInput("请回电张先生", manager.uuid))
    help_calls.save_help_call(staff_actor, HelpCallInput(
        kind="breakdown", received_at=clock.now() - timedelta(minutes=30), caller_phone="13905791234",
        plate="浙G·12345", vehicle_type="car", direction="up", stake="k123+400", location="北 2 公里",
        description="左后轮爆胎"))
    window = window_for(qtbot, paths, manager)
    board = window.current_page()
    assert "1" in board.links["messages_pending"].text() and "1" in board.links["help_calls_open"].text()
    assert "duties_missed" in board.links  # managers see the missed duty lines
    page = board.open_link("messages_pending")
    assert page.filter.value() == "mine" and page.panel.last_page.total == 1
    window.open_page("dashboard")
    page = board.open_link("help_calls_open")
    assert page.outcome_filter.value() == "open" and page.calls.last_page.total == 1
    window.open_page("dashboard")
    assert board.open_link("duties_missed") is window.pages["duty"]
