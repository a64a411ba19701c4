"""Holiday schedule files: holiday-cn JSON and .ics imported all or nothing; 春节 2027 deadlines follow them."""

from __future__ import annotations

import json
from datetime import date
from datetime import datetime as dt
from pathlib import Path

import pytest

from frontdesk import cli
from frontdesk.clock import FrozenClock
from frontdesk.db.models import Holiday
from frontdesk.domain.complaints import ComplaintInput
from frontdesk.domain.holiday_file import parse_schedule
from frontdesk.errors import PermissionDenied
from frontdesk.services.calendar import edits as calendar_edits
from frontdesk.services.calendar.schedule_import import HolidayFileRefused, import_schedule, preview_schedule
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core import holidays
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reports import dashboard

DATA = Path(__file__).parent.parent / "data"
JSON_FILE, ICS_FILE = DATA / "holidays_2027_test.json", DATA / "holidays_2027_test.ics"


@pytest.fixture
def clock(frozen_clock: FrozenClock) -> FrozenClock:
    frozen_clock.set(dt(2026, 11, 20, 9, 0))
    return frozen_clock


def _days(path: Path) -> dict[date, bool]:
    schedule = parse_schedule(path.read_text(encoding="utf-8"), path.name)
    assert schedule.problems == []
    return {d.day: d.off for d in schedule.days}


def test_json_and_ics_of_the_test_schedule_say_the_same():
    days = _days(JSON_FILE)
    assert days == _days(ICS_FILE)
    assert len(days) == 22 and days[date(2026, 12, 31)] is True  # the December day in next year's file
    assert days[date(2027, 1, 31)] is False and days[date(2027, 2, 20)] is False  # 春节 make-up working days
    assert parse_schedule(ICS_FILE.read_text(encoding="utf-8"), ICS_FILE.name).years == (2027,)
    assert parse_schedule(JSON_FILE.read_text(encoding="utf-8")).years == (2027,)


SPRING_2027 = [  # (start, working days, due) with the test schedule imported: 春节 02-06..02-13 off, 01-31 and 02-20 on
    (dt(2027, 2, 4, 10, 0), 5, dt(2027, 2, 18, 10, 0)),  # Thu: Fri 5th, then Mon 15th–Thu 18th
    (dt(2027, 1, 30, 9, 0), 1, dt(2027, 2, 1, 0, 0)),  # Saturday: the make-up Sunday 31st is the working day
    (dt(2027, 2, 19, 10, 0), 1, dt(2027, 2, 20, 10, 0)),  # Fri → make-up Saturday
    (dt(2027, 2, 10, 15, 0), 5, dt(2027, 2, 20, 0, 0)),  # received in the break: Mon 15th–Fri 19th
    (dt(2026, 12, 30, 10, 0), 1, dt(2027, 1, 4, 10, 0)),  # 元旦 12-31..01-03 off
]


@pytest.mark.parametrize(("start", "n", "due"), SPRING_2027)
def test_spring_festival_2027_deadlines_after_import(manager, clock, start, n, due):
    assert holidays.work_calendar().add_workdays(dt(2027, 2, 4, 10, 0), 5) == dt(2027, 2, 11, 10, 0)  # Mon–Fri
    import_schedule(manager, JSON_FILE)
    assert holidays.work_calendar().add_workdays(start, n) == due


def test_import_clears_the_warning_and_moves_open_deadlines(manager, clock):
    clock.at = dt(2027, 2, 4, 10, 0)
    uuid = complaints.open_complaint(manager, ComplaintInput(
        customer_name="王女士", phone="13800138000", subject="春节前停车多收费", opened_at=clock.at)).uuid
    assert complaints.get_complaint(manager, uuid)["clock"].answer_deadline == dt(2027, 2, 11, 10, 0)
    assert "2027" in holidays.calendar_warning()
    outcome = import_schedule(manager, ICS_FILE)
    assert (outcome.count("new"), outcome.count("update"), outcome.years) == (22, 0, (2027,))
    assert holidays.calendar_warning() is None and holidays.year_covered(2027)
    assert complaints.get_complaint(manager, uuid)["clock"].answer_deadline == dt(2027, 2, 18, 10, 0)
    assert holidays.list_holidays(manager, ListQuery(filters={"year": 2027})).total == 21


def test_preview_writes_nothing_and_a_second_import_changes_only_what_differs(manager, clock):
    calendar_edits.save_holiday(manager, date(2027, 2, 20), False, "本站自定")  # the file says: working day
    calendar_edits.save_holiday(manager, date(2027, 5, 4), False, "本站自定")  # not in the file: stays
    preview = preview_schedule(manager, JSON_FILE)
    assert (preview.count("new"), preview.count("update"), preview.count("same")) == (21, 1, 0)
    assert Holiday.select().count() == 2 and not holidays.year_covered(2027)
    import_schedule(manager, JSON_FILE)
    assert holidays.work_calendar().is_workday(date(2027, 2, 20)) and not holidays.work_calendar().is_workday(
        date(2027, 5, 4))
    again = preview_schedule(manager, ICS_FILE)
    assert again.count("same") == 22 and again.count("new") == again.count("update") == 0


def _write(tmp_path: Path, name: str, content: object) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), "utf-8")
    return path


BAD = [
    ("shape.json", {"year": 2027, "holidays": []}, None, "days", "days"),
    ("notjson.json", "年份,日期\n2027,01-01", None, "file", "JSON"),
    ("year.json", {"year": 2101, "days": [{"name": "元旦", "date": "2101-01-01", "isOffDay": True}]}, None, "year",
     "2000–2100"),
    ("twice.json", {"year": 2027, "days": [{"name": "春节", "date": "2027-02-06", "isOffDay": True},
                                           {"name": "春节", "date": "2027-02-07", "isOffDay": True},
                                           {"name": "春节", "date": "2027-02-06", "isOffDay": False}]},
     3, "date", "第 1 条"),
    ("date.json", {"year": 2027, "days": [{"name": "春节", "date": "2027-02-30", "isOffDay": True}]}, 1, "date",
     "YYYY-MM-DD"),
    ("flag.json", {"year": 2027, "days": [{"name": "春节", "date": "2027-02-06", "isOffDay": "yes"}]}, 1,
     "isOffDay", "true"),
    ("other.json", {"year": 2027, "days": [{"name": "春节", "date": "2028-02-06", "isOffDay": True}]}, 1, "date",
     "2027"),
    ("noevent.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", None, "VEVENT", "VEVENT"),
    ("year.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:19990101\nSUMMARY:元旦 假期\nEND:VEVENT\n"
     "END:VCALENDAR\n", 1, "date", "2000–2100"),
    ("twice.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270206\nDTEND;VALUE=DATE:20270208\n"
     "SUMMARY:春节 假期\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270207\nSUMMARY:春节 补班\nEND:VEVENT\n"
     "END:VCALENDAR\n", 2, "date", "一条放假一条上班"),
    ("summary.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270206\nSUMMARY:春节\nEND:VEVENT\n"
     "END:VCALENDAR\n", 1, "SUMMARY", "放假还是上班"),
]


@pytest.mark.parametrize(("name", "content", "row", "field", "text"), BAD)
def test_bad_files_are_refused_naming_row_and_field_and_change_nothing(manager, clock, tmp_path, name, content,
                                                                        row, field, text):
    calendar_edits.save_holiday(manager, date(2027, 2, 6), True, "本站自定")
    path = _write(tmp_path, name, content)
    with pytest.raises(HolidayFileRefused) as refused:
        import_schedule(manager, path)
    problem = next(p for p in refused.value.problems if p.field == field)
    assert problem.row == row and text in problem.message
    assert [(h.date, h.is_workday, h.note) for h in Holiday.select()] == [(date(2027, 2, 6), True, "本站自定")]
    assert not holidays.year_covered(2027)


def test_only_managers_import(staff_actor, clock):
    with pytest.raises(PermissionDenied):
        preview_schedule(staff_actor, JSON_FILE)


def test_dashboard_warns_managers_from_november_when_next_year_is_missing(manager, staff_actor, clock):
    clock.at = dt(2026, 10, 31, 9, 0)
    assert dashboard.dashboard(manager).calendar_warning is None
    clock.at = dt(2026, 11, 1, 9, 0)
    warning = dashboard.dashboard(manager).calendar_warning
    assert warning is not None and "2027" in warning and warning.context == "warnings"
    assert dashboard.dashboard(staff_actor).calendar_warning is None  # clerks cannot import it
    import_schedule(manager, JSON_FILE)
    assert dashboard.dashboard(manager).calendar_warning is None


def test_a_year_typed_by_hand_is_marked_complete(manager, clock):
    clock.at = dt(2027, 1, 5, 9, 0)
    calendar_edits.save_holiday(manager, date(2027, 2, 8), False, "春节")
    assert holidays.calendar_warning() is not None
    calendar_edits.mark_year(manager, 2027, True)
    assert holidays.calendar_warning() is None and holidays.year_marked(2027)
    calendar_edits.mark_year(manager, 2027, False)
    assert not holidays.year_covered(2027)


def test_cli_imports_a_file(tmp_path, capsys):
    def run(*args: str) -> int:
        return cli.main(["--data-dir", str(tmp_path / "d"), *args])

    assert run("init", "--site-code", "S07", "--site-name", "东阳服务区", "--admin-user", "admin",
               "--admin-password", "secret1") == 0
    assert run("holidays", "import", str(JSON_FILE), "--dry-run") == 0
    assert "新增 22" in capsys.readouterr().out
    assert run("holidays", "import", str(ICS_FILE)) == 0
    assert "已导入" in capsys.readouterr().out
    assert run("holidays", "import", str(JSON_FILE)) == 0
    assert "不变 22" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text('{"year": 1999, "days": []}', "utf-8")
    assert run("holidays", "import", str(bad)) == 2
    assert "year" in capsys.readouterr().err
