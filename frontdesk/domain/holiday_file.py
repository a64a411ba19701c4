"""Holiday schedule files (holiday-cn JSON, iCalendar .ics) read into days off and make-up working days."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from frontdesk.errors import Message, T

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_DAYS = 400  # a year's schedule is a few dozen days; more means the file is something else
_WORK_WORDS = ("补班", "上班", "调班", "班")  # checked first: "调休上班" is a working day
_OFF_WORDS = ("假", "休")


@dataclass(frozen=True)
class ScheduleDay:
    """One date of the file: ``row`` is its entry number (the n-th day or event), counted from 1."""

    row: int
    day: date
    off: bool
    name: str


@dataclass(frozen=True)
class RowProblem:
    """Why the file is refused: the entry (None for the whole file), the field, the value found, the reason."""

    row: int | None
    field: str
    value: str
    message: Message


@dataclass
class Schedule:
    """What a file says: its days in file order (one per date) and the years whose schedule it is."""

    years: tuple[int, ...]
    days: list[ScheduleDay] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def parse_schedule(text: str, file_name: str = "") -> Schedule:
    """Read ``text`` as .ics when it starts BEGIN:VCALENDAR (or is named .ics), else as holiday-cn JSON."""
    stripped = text.lstrip("\ufeff \r\n\t")
    if stripped.upper().startswith("BEGIN:VCALENDAR") or file_name.lower().endswith(".ics"):
        return _ics(stripped)
    return _json(stripped)


def _year_problem(year: int) -> Message | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return T("errors", "年份须在 {0}–{1} 之间").format(MIN_YEAR, MAX_YEAR)
    return None


def _json(text: str) -> Schedule:
    refused = Schedule(())
    try:
        data = json.loads(text)
    except ValueError:
        refused.problems.append(RowProblem(None, "file", "", T("errors", "不是节假日 JSON 文件，也不是 .ics 日历")))
        return refused
    if not isinstance(data, dict) or not isinstance(data.get("days"), list):
        refused.problems.append(RowProblem(None, "days", "", T("errors", "文件中没有 days 列表（应为 holiday-cn 格式）")))
        return refused
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        refused.problems.append(RowProblem(None, "year", str(year or ""), T("errors", "请在 year 中写明年份")))
        return refused
    problem = _year_problem(year)
    if problem:
        refused.problems.append(RowProblem(None, "year", str(year), problem))
        return refused
    schedule = Schedule((year,))
    entries: list[tuple[int, date, bool, str]] = []
    for row, item in enumerate(data["days"], start=1):
        if not isinstance(item, dict):
            schedule.problems.append(RowProblem(row, "days", str(item)[:40], T("errors", "应为含 name、date、isOffDay 的一项")))
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            schedule.problems.append(RowProblem(row, "name", str(name or ""), T("errors", "请填写节日名称")))
        off = item.get("isOffDay")
        if not isinstance(off, bool):
            schedule.problems.append(RowProblem(row, "isOffDay", str(off), T("errors", "应为 true（放假）或 false（上班）")))
        raw = item.get("date")
        try:
            day = date.fromisoformat(raw) if isinstance(raw, str) and len(raw) == 10 else None
        except ValueError:
            day = None
        if day is None:
            schedule.problems.append(RowProblem(row, "date", str(raw or ""), T("errors", "日期应写成 YYYY-MM-DD")))
            continue
        if isinstance(name, str) and isinstance(off, bool):
            entries.append((row, day, off, name.strip()))
    _check_days(schedule, entries, {year})
    return schedule


def _unfold(text: str) -> list[tuple[int, str]]:
    """Content lines with their line numbers; a line starting with a space or tab continues the one before."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + line[1:])
        elif line.strip():
            lines.append((number, line))
    return lines


def _ics_text(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value).strip()


def _ics_date(value: str) -> date | None:
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?", value.strip())
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _ics_off(summary: str, categories: str) -> bool | None:
    for text in (categories, summary):
        if any(word in text for word in _WORK_WORDS):
            return False
        if any(word in text for word in _OFF_WORDS):
            return True
    return None


def _ics(text: str) -> Schedule:
    schedule = Schedule(())
    entries: list[tuple[int, date, bool, str]] = []
    event: dict[str, str] | None = None
    row = 0
    for _number, line in _unfold(text):
        name, _, value = line.partition(":")
        key = name.split(";", 1)[0].strip().upper()
        if key == "BEGIN" and value.strip().upper() == "VEVENT":
            row += 1
            event = {}
        elif key == "END" and value.strip().upper() == "VEVENT" and event is not None:
            entries.extend(_ics_event(schedule, row, event))
            event = None
        elif event is not None and key in ("DTSTART", "DTEND", "SUMMARY", "CATEGORIES"):
            event[key] = value
    if row == 0:
        schedule.problems.append(RowProblem(None, "VEVENT", "", T("errors", "日历中没有任何事件（VEVENT）")))
        return schedule
    years = {d.year for _r, d, _o, _n in entries}
    # a year's 元旦 break may start in December before it (holiday-cn puts those days in the next year's file):
    # a year seen only in December, with the next year in the file too, is not a year of its own
    covered = {y for y in years if y + 1 not in years or any(d.year == y and d.month < 12 for _r, d, _o, _n in entries)}
    schedule.years = tuple(sorted(covered))
    _check_days(schedule, entries, covered)
    return schedule


def _ics_event(schedule: Schedule, row: int, event: dict[str, str]) -> list[tuple[int, date, bool, str]]:
    summary = _ics_text(event.get("SUMMARY", ""))
    start = _ics_date(event.get("DTSTART", ""))
    if start is None:
        schedule.problems.append(RowProblem(row, "DTSTART", event.get("DTSTART", ""),
                                            T("errors", "开始日期应写成 YYYYMMDD")))
        return []
    end = _ics_date(event["DTEND"]) if event.get("DTEND") else start + timedelta(days=1)
    if end is None or end <= start or (end - start).days > 60:
        schedule.problems.append(RowProblem(row, "DTEND", event.get("DTEND", ""),
                                            T("errors", "结束日期应晚于开始日期，且不超过 60 天")))
        return []
    off = _ics_off(summary, _ics_text(event.get("CATEGORIES", "")))
    if off is None:
        schedule.problems.append(RowProblem(row, "SUMMARY", summary,
                                            T("errors", "看不出是放假还是上班（标题应含“假”“休”或“班”）")))
        return []
    name = summary
    return [(row, start + timedelta(days=i), off, name) for i in range((end - start).days)]


def _check_days(schedule: Schedule, entries: list[tuple[int, date, bool, str]], years: set[int]) -> None:
    """Dates of the schedule's years (or the December before), each once, never both off and on."""
    if not entries and not schedule.problems:
        schedule.problems.append(RowProblem(None, "days", "", T("errors", "文件中没有任何日期")))
    if len(entries) > MAX_DAYS:
        schedule.problems.append(RowProblem(None, "days", str(len(entries)),
                                            T("errors", "日期过多，不像一年的放假安排（最多 {0} 天）").format(MAX_DAYS)))
        return
    seen: dict[date, ScheduleDay] = {}
    for row, day, off, name in entries:
        problem = _year_problem(day.year)
        if problem is None and day.year not in years and not (day.year + 1 in years and day.month == 12):
            problem = T("errors", "不属于 {0} 年的放假安排").format("、".join(str(y) for y in sorted(years)))
        if problem:
            schedule.problems.append(RowProblem(row, "date", day.isoformat(), problem))
            continue
        earlier = seen.get(day)
        if earlier is not None:
            if earlier.off != off:
                schedule.problems.append(RowProblem(row, "date", day.isoformat(),
                                                    T("errors", "与第 {0} 条同一天，一条放假一条上班").format(earlier.row)))
            continue
        seen[day] = ScheduleDay(row, day, off, name[:100])
    schedule.days = sorted(seen.values(), key=lambda d: d.day)
