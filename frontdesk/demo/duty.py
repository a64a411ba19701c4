"""Demo desk duties: a few messages for absent colleagues and the next shift (some read), and the duty checklist
ticked over the last days with the morning meter readings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from frontdesk import clock
from frontdesk.db.models import DutyCheck, DutyItem, Shift, Staff
from frontdesk.demo.context import DemoContext
from frontdesk.domain.duty import CheckStatus, MessageInput
from frontdesk.services.core import auth
from frontdesk.services.personnel import messages

DUTY_DAYS = 8  # the manager's list of misses looks back 7 days
MESSAGES = (
    ("张先生（金卡会员）", "找王教练改约周六上午的私教课，请回电确认。", True),
    ("物业李工", "明早 7:30 停水检修一小时，请提前在更衣区张贴通知。", False),
    ("快递员", "会员刘女士的包裹已放前台储物柜 3 号，来取时请核对手机尾号。", False),
    ("", "2 号收银机小票打印机卡纸，已报修，维修人员下午到。", False),
    ("陈女士", "咨询瑜伽年卡续费优惠，请主管回电。", False),
    ("", "失物招领：男更衣室拾到黑色钱包一个，已登记放保险柜。", True),
)


def generate(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """One step, whatever ``n``: the messages above, half for a named colleague and half for the next shift;
    the older ones already read."""
    team = list(Staff.live().where(Staff.active == True, Staff.role != "admin").order_by(Staff.staff_no))  # noqa: E712
    if len(team) < 3:
        return
    for _ in ctx.remaining([0]):
        with ctx.step() as step:
            r = ctx.rng
            for i, (caller, body, urgent) in enumerate(MESSAGES):
                author, recipient = r.sample(team, 2)  # the admin reads the next-shift ones (the screenshots' user)
                phone = ctx.mobile() if caller else ""
                uuid = messages.leave_message(auth.actor_for(author), MessageInput(
                    body, recipient.uuid if i % 2 == 0 else "", caller, phone, urgent))
                if i < 2:
                    messages.acknowledge(auth.actor_for(recipient), uuid)
                step.rows += 1
        progress(step.rows)


def generate_duties(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """One step, whatever ``n``: the checklist ticked on the scheduled shifts of the last few days (the meter read
    each morning, a little higher each day), one line in eight left undone for the manager's W08 list."""
    today = ctx.today
    items = list(DutyItem.live().where(DutyItem.active == True).order_by(DutyItem.position))  # noqa: E712
    if not items:
        return
    for _ in ctx.remaining([0]):
        with ctx.step() as step:
            r = ctx.rng
            meter = Decimal("48210.00")
            moment = clock.now()
            slots = (Shift.select(Shift.day, Shift.shift_type, Shift.staff, Shift.end_at, Staff.name)
                     .join(Staff, on=(Shift.staff == Staff.uuid))
                     .where(Shift.deleted == False, Shift.day >= today - timedelta(days=DUTY_DAYS),  # noqa: E712
                            Shift.day <= today)
                     .order_by(Shift.day, Shift.start_at, Staff.staff_no).dicts())
            seen: set[tuple[date, str]] = set()
            for slot in slots:
                key = (slot["day"], slot["shift_type"])
                if key in seen:
                    continue
                seen.add(key)
                for item in items:
                    if item.shift_type_uuid and item.shift_type_uuid != slot["shift_type"]:
                        continue
                    due = datetime.combine(slot["day"], time.fromisoformat(item.due_time or "12:00"))
                    done_at = due + timedelta(minutes=r.randrange(-10, 25))
                    if done_at > moment or r.random() < 0.125:
                        continue  # not yet, or forgotten
                    if item.needs_reading:
                        meter += Decimal(r.randrange(30000, 52000)) / 100
                    DutyCheck.create(item_uuid=item.uuid, day=slot["day"], shift_type_uuid=slot["shift_type"],
                                     status=CheckStatus.DONE.value, done_at=done_at, staff_uuid=slot["staff"],
                                     staff_name=slot["name"], reading=meter if item.needs_reading else None)
                    step.rows += 1
        progress(step.rows)
