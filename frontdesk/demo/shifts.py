"""Demo schedule, attendance, leave, swaps, incidents (with appeals), a signed-off month and handovers."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

from frontdesk import clock
from frontdesk.db.connection import transaction
from frontdesk.db.models import (
    FineMonth,
    Handover,
    Incident,
    LeaveRequest,
    Shift,
    ShiftSwap,
    ShiftType,
    Staff,
)
from frontdesk.demo.context import DemoContext
from frontdesk.domain import attendance as rules
from frontdesk.services.core import auth
from frontdesk.services.discipline import fine_rules, fine_sheet
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.personnel import attendance, handover

PAST_DAYS, FUTURE_DAYS = 45, 10
MANUAL = [("R01", "工作时间在前台扎堆聊天", 5), ("R02", "上班时间处理私人网购退货", 10),
          ("R04", "非做账时间倚靠前台", 10), ("R07", "见顾客未主动问好", 20), ("W01", "未佩戴工牌上岗", 10),
          ("W02", "工装不整，衬衫未扎", 10), ("W05", "答复错误引起顾客投诉", 20), ("W06", "退款未按流程复核", 30),
          ("L05", "未经同意离开值班台席 20 分钟", 20), ("L06", "值班时玩手机游戏", 20), ("R06", "不服从排班安排，顶撞主管", 30)]


def _actors(ctx: DemoContext) -> tuple[list[Staff], object]:
    people = list(Staff.live().where((Staff.active == True) & (Staff.role == "staff")).order_by(Staff.staff_no))  # noqa: E712
    boss = Staff.live().where((Staff.role == "manager") & (Staff.active == True)).first()  # noqa: E712
    return people, auth.actor_for(boss or Staff.get(Staff.role == "admin"))


def _attend(ctx: DemoContext, shift: Shift, moment: datetime) -> None:
    r = ctx.rng
    if shift.end_at > moment:
        if shift.start_at <= moment and r.random() < 0.9:
            shift.clock_in, shift.clock_method = shift.start_at - timedelta(minutes=r.randint(3, 20)), "password"
        return
    roll = r.random()
    if roll < 0.03:
        return  # absent
    late = r.randint(6, 75) if roll < 0.11 else 0
    early = r.randint(10, 50) if 0.11 <= roll < 0.14 else 0
    shift.clock_in = shift.start_at + timedelta(minutes=late) if late else shift.start_at - timedelta(minutes=r.randint(1, 25))
    shift.clock_out = shift.end_at - timedelta(minutes=early) if early else shift.end_at + timedelta(minutes=r.randint(0, 15))
    shift.clock_method = "password" if r.random() < 0.95 else "manager"


def generate(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """Shifts with attendance (a step per day), leaves and swaps, incidents and a signed-off month, handovers."""
    people, boss = _actors(ctx)
    if len(people) < 4:
        return
    moment = clock.now().replace(second=0)
    types = list(ShiftType.live().order_by(ShiftType.position))
    days: list[object] = list(range(-PAST_DAYS, FUTURE_DAYS))
    for phase in ctx.remaining([*days, "leaves", "proposals", "incidents", "confirmations", "handovers"]):
        day = _shifts(ctx, people, types, ctx.today + timedelta(days=phase), moment) if isinstance(phase, int) else []
        with ctx.step() as step:
            if isinstance(phase, int):
                for shift in day:  # worked out before the step: only the saves hold the write lock
                    shift.save()
                step.rows = len(day)
            elif phase == "leaves":
                _leaves_and_swaps(ctx, people, boss, moment)
            elif phase == "proposals":
                # inside the step's transaction: the service reads its shifts lazily while it writes, which
                # outside a transaction fails ("database is locked") when a clerk commits meanwhile
                attendance.propose_incidents(boss, moment)  # it sweeps first
            elif phase == "incidents":
                step.rows = _incidents(ctx, people, boss, moment)
            elif phase == "confirmations":
                step.rows = _confirmations(ctx, boss)
            else:
                step.rows = _handovers(ctx, boss, moment)
        progress(ctx.made)


def _shifts(ctx: DemoContext, people: list[Staff], types: list[ShiftType], day: date, moment: datetime) -> list[Shift]:
    """The day's crew, two per shift type, with their clock-ins up to ``moment`` (not saved yet)."""
    crew = ctx.rng.sample(people, min(len(people), 2 * len(types)))
    shifts = []
    for index, kind in enumerate(types):
        start, end = rules.shift_window(day, rules.parse_hhmm(kind.start), rules.parse_hhmm(kind.end))
        for person in crew[2 * index:2 * index + 2]:
            if any(s.staff_uuid == person.uuid and s.start_at < end and s.end_at > start for s in shifts) or \
                    Shift.live().where((Shift.staff == person.uuid) & (Shift.start_at < end)
                                       & (Shift.end_at > start)).exists():
                continue
            shift = Shift(staff=person.uuid, shift_type=kind.uuid, day=day, start_at=start, end_at=end)
            _attend(ctx, shift, moment)
            attendance.recompute(shift, moment)
            shifts.append(shift)
    return shifts


def _leaves_and_swaps(ctx: DemoContext, people: list[Staff], boss: object, moment: datetime) -> None:
    r = ctx.rng
    for person, kind, days, status in ((people[0], "sick", -20, "approved"), (people[1], "annual", 3, "pending"),
                                       (people[2], "personal", 5, "pending"), (people[3], "phone", -6, "pending")):
        start = datetime.combine(ctx.today + timedelta(days=days), datetime.min.time())
        LeaveRequest.create(staff=person.uuid, kind=kind, start_at=start, end_at=start + timedelta(days=1),
                            reason={"sick": "感冒发烧", "annual": "回老家探亲", "personal": "孩子家长会",
                                    "phone": "急性肠胃炎，电话请假"}[kind],
                            requested_at=start - timedelta(days=2), status=status, recorded_by=boss.uuid,
                            paperwork_due=start + timedelta(days=3) if kind == "phone" else None)
    coming = list(Shift.live().where(Shift.start_at > moment + timedelta(days=2)).order_by(Shift.start_at).limit(6))
    for shift in coming[:2]:
        other = r.choice([p for p in people if p.uuid != shift.staff_uuid])
        ShiftSwap.create(shift=shift.uuid, requester=shift.staff_uuid, target=other.uuid, reason="家中有事，与同事调班",
                         requested_at=moment - timedelta(hours=r.randint(1, 30)))
    for leave in LeaveRequest.select():
        for shift in Shift.live().where((Shift.staff == leave.staff_uuid) & (Shift.start_at < leave.end_at)
                                        & (Shift.end_at > leave.start_at)):
            if attendance.recompute(shift, moment):
                shift.save()


def _incidents(ctx: DemoContext, people: list[Staff], boss: object, moment: datetime) -> int:
    """A manual incident every other day, a shared one (W03) and a serious one (R05)."""
    r = ctx.rng
    made = 0
    for offset in range(1, PAST_DAYS, 2):
        code, text, amount = r.choice(MANUAL)
        when = moment - timedelta(days=offset, hours=r.randint(0, 8))
        discipline.record_incident(boss, discipline.IncidentInput(
            staff_uuids=[r.choice(people).uuid], rule_code=code, occurred_at=when, amount=Decimal(amount),
            description=text, evidence=r.choice(["监控录像", "顾客反映", "主管巡查发现", ""])))
        made += 1
    rule = fine_rules.rule_for("W03", ctx.today)
    if rule:
        discipline.record_incident(boss, discipline.IncidentInput(
            staff_uuids=[p.uuid for p in people[:2]], rule_code="W03", occurred_at=moment - timedelta(days=3),
            amount=rule.min_amount, description="交班时前台地面有纸屑，柜台物品杂乱"))
    discipline.record_incident(boss, discipline.IncidentInput(
        staff_uuids=[people[-1].uuid], rule_code="R05", occurred_at=moment - timedelta(days=4), amount=Decimal(150),
        description="与顾客因退款争吵，声音很大", serious=True, evidence="监控录像 14:32"))
    return made


def _confirmations(ctx: DemoContext, boss: object) -> int:
    """Most incidents confirmed, a few appealed (one upheld), and last month signed off when nothing is open."""
    r = ctx.rng
    this_month = fine_sheet.month_of(ctx.today)
    last_month = fine_sheet.month_of(ctx.today.replace(day=1) - timedelta(days=1))
    for incident in Incident.live().order_by(Incident.occurred_at):
        if incident.month == last_month or r.random() < 0.7:
            discipline.confirm(boss, incident.uuid)
    appeals = list(Incident.live().where((Incident.month == this_month) & (Incident.status == "confirmed")).limit(3))
    for i, incident in enumerate(appeals):
        clerk = auth.actor_for(Staff.get(Staff.uuid == incident.staff_uuid))
        discipline.appeal(clerk, incident.uuid, "当时正在处理顾客求助，并非违纪，请主管核实")
        if i == 0:
            discipline.decide_appeal(boss, incident.uuid, True, "经查看监控属实，撤销处罚")
    if not Incident.live().where((Incident.month == last_month) & Incident.status.in_(fine_sheet.OPEN_STATUSES)).exists():
        fine_sheet.sign_off(boss, last_month)
    return FineMonth.select().count()


def _handovers(ctx: DemoContext, boss: object, moment: datetime) -> int:
    r = ctx.rng
    snapshot = json.dumps(handover.open_items(boss), ensure_ascii=False)
    slots = (Shift.select(Shift.day, Shift.shift_type, Shift.end_at, Shift.staff)
             .where((Shift.end_at <= moment) & (Shift.end_at > moment - timedelta(days=14))).order_by(Shift.end_at))
    seen: dict[tuple[date, str], Shift] = {}
    for shift in slots:
        seen.setdefault((shift.day, shift.shift_type_uuid), shift)
    made = 0
    keys = sorted(seen)
    with transaction():
        for i, key in enumerate(keys):
            if r.random() < 0.06 and i < len(keys) - 1:
                continue  # a shift that ended without a handover, flagged on the page
            shift = seen[key]
            nxt = seen[keys[i + 1]] if i + 1 < len(keys) else None
            events = [{"what": "顾客遗失钱包，已登记失物", "who": "值班客服", "when": f"{shift.end_at - timedelta(hours=3):%H:%M}",
                       "result": "失主已认领"}] if r.random() < 0.25 else []
            Handover.create(day=key[0], shift_type=key[1], outgoing=shift.staff_uuid,
                            incoming=nxt.staff_uuid if nxt else None, handed_at=shift.end_at, open_items=snapshot,
                            events=json.dumps(events, ensure_ascii=False),
                            notes=r.choice(["", "打印机缺纸，已报行政", "2 号窗口电脑开机慢", "ETC 发票机已更换色带"]),
                            acknowledged_at=shift.end_at + timedelta(minutes=r.randint(2, 15)) if nxt and i < len(keys) - 1 else None)
            made += 1
    return made
