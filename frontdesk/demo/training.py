"""Demo training records: a year of monthly 定期 sessions, a 岗前 one for the newest staff, two 专项 ones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from frontdesk.db.bulk import insert_rows
from frontdesk.db.models import Staff, TrainingAttendance, TrainingSession, current_site_code
from frontdesk.demo.context import DemoContext
from frontdesk.domain.training import Attendance, TrainingKind

PERIODIC = ["收费标准与文明用语", "投诉处理流程与时限", "服务礼仪与仪容仪表", "路况信息与出行服务", "应急处置预案",
            "会员与促销政策", "消防安全与设施使用", "客户资料保密规定", "首问负责制与转办", "情绪管理与沟通技巧",
            "新版 ETC 业务", "年度服务质量回顾"]
SPECIAL = [("春运保障专项培训", 3), ("投诉处理技巧专项培训", 2)]
SESSION_FIELDS = ("uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "kind", "title", "held_on",
                  "hours", "trainer", "content", "pass_score", "created_by_name")
ATTEND_FIELDS = ("uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "session", "staff", "status",
                 "score")


def _sessions(today: date) -> list[tuple[str, str, date, Decimal, str]]:
    """(kind, title, day, hours, pass mark or '') from about a year ago up to last week."""
    out = []
    for months_back in range(11, -1, -1):
        day = (today.replace(day=1) - timedelta(days=30 * months_back)).replace(day=8)
        if day < today:
            out.append((TrainingKind.PERIODIC.value, PERIODIC[months_back], day, Decimal(2), "60"))
    out.append((TrainingKind.INDUCTION.value, "新员工岗前培训", today - timedelta(days=150), Decimal(16), "70"))
    for index, (title, hours) in enumerate(SPECIAL):
        out.append((TrainingKind.SPECIAL.value, title, today - timedelta(days=40 + 180 * index), Decimal(hours), ""))
    return sorted(out, key=lambda s: s[2])


def generate(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """One step whatever ``n``: the sessions, and for each the team's (clerks and managers) attendance and scores."""
    people = list(Staff.live().where((Staff.active == True) & (Staff.role != "admin"))  # noqa: E712  managers train too
                  .order_by(Staff.staff_no))
    if not people:
        return
    site = current_site_code()
    for _ in ctx.remaining([0]):
        r = ctx.rng
        sessions, attendance = [], []
        for kind, title, day, hours, pass_mark in _sessions(ctx.today):
            moment = datetime.combine(day, time(17, 0))
            uuid = ctx.uuid(moment)
            sessions.append((uuid, site, moment, moment, 1, False, kind, title, day, hours,
                             r.choice(["主管老李", "培训部", "值班经理"]), f"{title}：讲解、案例与现场演练",
                             Decimal(pass_mark) if pass_mark else None, "主管"))
            group = people[-4:] if kind == TrainingKind.INDUCTION.value else people
            for person in group:
                status = r.choices([Attendance.PRESENT.value, Attendance.ABSENT.value, Attendance.LEAVE.value],
                                   [88, 5, 7])[0]
                score = (Decimal(r.randint(52, 100)) if pass_mark and status == Attendance.PRESENT.value else None)
                attendance.append((ctx.uuid(moment), site, moment, moment, 1, False, uuid, person.uuid, status, score))
        with ctx.step(len(sessions) + len(attendance)):
            insert_rows(TrainingSession, SESSION_FIELDS, sessions)
            insert_rows(TrainingAttendance, ATTEND_FIELDS, attendance)
        progress(ctx.made)
