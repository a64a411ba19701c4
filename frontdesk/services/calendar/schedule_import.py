"""Import a holiday schedule file into the override table: preview every date, then write all or none."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from frontdesk.db.connection import transaction
from frontdesk.db.models import Holiday, current_site_code
from frontdesk.domain.holiday_file import RowProblem, Schedule, parse_schedule
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T, UserError
from frontdesk.services.calendar import edits
from frontdesk.services.core import audit
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import HOLIDAY_YEARS

MAX_BYTES = 2_000_000


class HolidayFileRefused(UserError):
    """The file is not imported; ``problems`` names every bad entry (row and field) at once."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        first = problems[0]
        where = T("errors", "第 {0} 条 {1}").format(first.row, first.field) if first.row else first.field
        super().__init__(T("errors", "节假日文件未导入，没有任何改动（共 {0} 处问题）。{1}：{2}").format(
            len(problems), where, first.message))


@dataclass(frozen=True)
class HolidayRow:
    """One date of the file and what importing it does: new, update (an override says otherwise) or same."""

    row: int
    day: date
    off: bool
    name: str
    action: str
    was_off: bool | None = None  # the override it replaces


@dataclass
class HolidayPreview:
    file_name: str
    years: tuple[int, ...]
    rows: list[HolidayRow] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def read_schedule(path: str | os.PathLike[str]) -> Schedule:
    """The file parsed; HolidayFileRefused when it cannot be read as a schedule."""
    file = Path(path)
    try:
        data = file.read_bytes()[:MAX_BYTES + 1]
    except OSError as exc:
        raise UserError(T("errors", "无法读取文件 {0}：{1}").format(file.name, exc.strerror or str(exc))) from exc
    if len(data) > MAX_BYTES:
        raise HolidayFileRefused([RowProblem(None, "file", file.name, T("errors", "文件过大，不是节假日安排"))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise HolidayFileRefused([RowProblem(None, "file", file.name,
                                                 T("errors", "文件不是文本（应为 UTF-8 的 JSON 或 .ics）"))]) from None
    schedule = parse_schedule(text, file.name)
    if schedule.problems:
        raise HolidayFileRefused(schedule.problems)
    return schedule


def _run(actor: Actor, path: str | os.PathLike[str], apply: bool) -> HolidayPreview:
    require(actor, Permission.MANAGE_REFERENCE)
    schedule = read_schedule(path)
    preview = HolidayPreview(Path(path).name, schedule.years)
    site = current_site_code()
    with transaction(write=apply):
        dates = [d.day for d in schedule.days]
        existing = {r.date: r for r in Holiday.select().where((Holiday.site_code == site) & Holiday.date.in_(dates))}
        for day in schedule.days:
            row = existing.get(day.day)
            live = row is not None and not row.deleted
            action = "new" if not live else "same" if bool(row.is_workday) != day.off else "update"
            preview.rows.append(HolidayRow(day.row, day.day, day.off, day.name, action,
                                           (not row.is_workday) if live else None))
            if not apply or action == "same":
                continue
            old = {"date": row.date, "is_workday": row.is_workday, "note": row.note} if live else None
            if row is None:
                row = Holiday(date=day.day)
            row.is_workday, row.note, row.deleted = not day.off, day.name, False
            row.save()
            audit.record(actor, "holiday", row.uuid, "update" if old else "create", old,
                         {"date": row.date, "is_workday": row.is_workday, "note": row.note},
                         note=T("errors", "导入 {0}").format(preview.file_name)[:200])
        if apply:
            HOLIDAY_YEARS.put(sorted(set(HOLIDAY_YEARS.get()) | set(schedule.years)))
            audit.record(actor, "holiday_year", ",".join(map(str, schedule.years)), "import",
                         None, {"file": preview.file_name, "new": preview.count("new"),
                                "update": preview.count("update")})
            edits.calendar_changed()
    return preview


def preview_schedule(actor: Actor, path: str | os.PathLike[str]) -> HolidayPreview:
    """What importing ``path`` would do, date by date; raises HolidayFileRefused naming every bad entry."""
    return _run(actor, path, False)


def import_schedule(actor: Actor, path: str | os.PathLike[str]) -> HolidayPreview:
    """Write every date of the file as an override and mark its years covered, in one transaction (or nothing).

    An override already there for a date of the file is replaced (the file is the State Council schedule);
    overrides on other dates (a site's own adjustments) stay.
    """
    return _run(actor, path, True)
