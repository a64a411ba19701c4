"""Demo desk duties: a few messages for absent colleagues and the next shift (some read), and the duty checklist
ticked over the last days with the morning meter readings; inspections with findings and public-opinion entries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from frontdesk import clock
from frontdesk.db.models import DutyCheck, DutyItem, Shift, ShiftType, Staff
from frontdesk.demo.context import DemoContext
from frontdesk.domain.duty import CheckStatus, DutyItemInput, MessageInput
from frontdesk.domain.supervision import FindingInput, InspectionInput, OpinionInput
from frontdesk.errors import ValidationError
from frontdesk.services.core import auth
from frontdesk.services.personnel import duties, messages, supervision

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
    if not DutyItem.live().where(DutyItem.active == True).exists():  # noqa: E712
        return
    for _ in ctx.remaining([0]):
        with ctx.step() as step:
            r = ctx.rng
            _night_items()
            items = list(DutyItem.live().where(DutyItem.active == True).order_by(DutyItem.position))  # noqa: E712
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


NIGHT_ITEMS = (  # the seed's checklist has morning and evening lines only; the night shift gets its own two
    ("夜间巡查大厅及储物柜", "02:00", "门窗、储物柜、消防通道"),
    ("交班前整理台面、核对钥匙", "07:30", "钥匙、对讲机、备用金逐项清点"),
)


def _night_items() -> None:
    """Two checklist lines for 晚班 (the 值守 page opens on the current shift, often the night one)."""
    admin = auth.site_admin_actor()
    night = ShiftType.live().where(ShiftType.name == "晚班").first()
    if admin is None or night is None:
        return
    last = DutyItem.live().count()
    for i, (name, due, note) in enumerate(NIGHT_ITEMS):
        duties.save_item(admin, DutyItemInput(name, night.uuid, due, note=note, position=last + i))


OPINIONS = (
    ("online", "大众点评", 5, "小鹿爱运动", "前台小姐姐很热情，办卡流程清楚。", True),
    ("online", "美团", 2, "匿名用户", "晚上前台等了十分钟没人理，电话也没人接。", False),
    ("comment_box", "", None, "", "希望更衣室增加储物柜，周末经常没位置。", True),
    ("comment_box", "", None, "张女士", "瑜伽课广播提示太晚，进场时已经开始了。", False),
    ("media", "本地生活论坛", None, "老会员", "停车场收费调整没有提前通知。", False),
    ("online", "微信公众号", 4, "Lily", "课程安排合理，希望增加早课。", False),
)


def generate_supervision(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """One step, whatever ``n``: a few inspection rounds and a mystery-shopper visit of the last week with findings
    (a coaching note, a note, one incident), and public-opinion entries, some followed up and closed."""
    boss = Staff.live().where((Staff.role == "manager") & (Staff.active == True)).first()  # noqa: E712
    team = list(Staff.live().where(Staff.active == True, Staff.role == "staff").order_by(Staff.staff_no))  # noqa: E712
    if boss is None or len(team) < 3:
        return
    manager = auth.actor_for(boss)
    for _ in ctx.remaining([0]):
        with ctx.step() as step:
            r = ctx.rng
            moment = clock.now().replace(second=0, microsecond=0)
            lines = supervision.default_checklist()
            for days, kind, inspector in ((6, "round", boss.name), (3, "mystery", "第三方暗访员 A"), (1, "round", boss.name)):
                clerk = r.choice(team)
                failed = r.sample(range(len(lines)), 1 if kind == "round" else 2)
                uuid = supervision.save_inspection(manager, InspectionInput(
                    kind, moment - timedelta(days=days, hours=r.randrange(1, 5)), inspector, clerk.uuid,
                    tuple((line, i not in failed) for i, line in enumerate(lines)),
                    "整体规范，个别细节需改进" if kind == "round" else "进门 20 秒无人问好；咨询答复准确",
                    rf"\\nas\录音\{'暗访' if kind == 'mystery' else '巡查'}\{days}-前台.mp3"))
                supervision.add_finding(manager, uuid, FindingInput(
                    "问好语气平淡，未使用标准问候语", clerk.uuid, "coaching", coaching="示范标准问候，一周后复查"))
                if kind == "mystery":
                    try:
                        supervision.add_finding(manager, uuid, FindingInput("见顾客进门未主动问好", clerk.uuid,
                                                                            "incident", "R07"))
                    except ValidationError:  # that month's fine sheet is signed off: noted only
                        supervision.add_finding(manager, uuid, FindingInput("见顾客进门未主动问好", clerk.uuid))
                else:
                    supervision.add_finding(manager, uuid, FindingInput("台面有私人物品"))
                step.rows += 1
            for i, (source, platform, rating, author, content, closed) in enumerate(OPINIONS):
                uuid = supervision.log_opinion(auth.actor_for(r.choice(team)), OpinionInput(
                    source, moment - timedelta(days=i, hours=r.randrange(1, 8)), content, platform, rating, author))
                if closed:
                    supervision.follow_up(manager, uuid, "已回复并感谢，意见已转相关部门", close=True)
                elif i == 1:
                    supervision.follow_up(manager, uuid, "已在平台致歉，调取当晚排班核实中")
                step.rows += 1
        progress(step.rows)
