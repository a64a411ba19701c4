"""Demo contacts and transfers spread over the last year (bulk-inserted, indexed for search)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from frontdesk import clock
from frontdesk.db import search_index
from frontdesk.db.bulk import insert_rows, reserve_ids
from frontdesk.db.models import Contact, Transfer, current_site_code
from frontdesk.db.numbering import reserve
from frontdesk.demo.context import DemoContext
from frontdesk.domain.reception import Category, Channel, ContactStatus, ReplyMode, TransferStatus

REQUESTS: dict[str, list[str]] = {
    Category.CONSULT: ["咨询{road}到{city}的通行费标准", "咨询服务区加油站营业时间", "咨询会员积分兑换规则",
                       "咨询{floor}楼儿童乐园开放时间", "咨询ETC办理需要哪些材料", "咨询停车场收费标准"],
    Category.QUERY: ["查询{date}的通行记录和发票", "查询遗失物品：黑色双肩包", "查询订单{order}的配送进度",
                     "查询会员卡余额", "查询{road}今天是否施工封道"],
    Category.HELP: ["车辆在{road}{km}公里处抛锚，需要施救", "老人与家属走失，请求广播寻人", "手机没电，借用充电宝",
                    "孩子身体不适，需要医药箱", "轮胎漏气，请求帮助联系修理"],
    Category.COMPLAINT: ["投诉{floor}楼商户服务态度差，拒绝退款", "投诉收费站排队时间过长", "投诉卫生间不干净",
                         "投诉停车场多收费{amount}元", "投诉购买的商品有质量问题", "投诉员工说话不礼貌"],
    Category.SUGGESTION: ["建议增加母婴室指示牌", "建议餐厅增加清淡菜品", "建议延长夜间营业时间", "建议增设电动车充电桩"],
    Category.PRAISE: ["表扬客服{staff}热情周到，帮忙找回钱包", "表扬保洁阿姨工作认真", "表扬施救人员到场迅速"],
    Category.OTHER: ["询问附近酒店", "要求借用雨伞", "反映空调温度太低"],
}
HANDLING = ["已当场解答，客户满意", "已告知客户办理流程及所需材料", "已联系相关部门，承诺两小时内回复",
            "已安排人员到场处理", "已登记并转相关部门处理", "已向客户致歉并说明情况", "已协助客户完成查询"]
ROADS = ["G60沪昆高速", "G15沈海高速", "金丽温高速", "杭金衢高速", "G25长深高速"]
CITIES = ["杭州", "金华", "丽水", "温州", "衢州", "义乌"]

FIELDS = [
    "id", "uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "number", "received_at",
    "channel", "category", "customer_name", "phone", "request", "handling", "reply_mode", "promised_reply_at",
    "follow_up", "follow_up_owner", "follow_up_due", "status", "owner", "closed_at",
]
TRANSFER_FIELDS = [
    "uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "contact", "department",
    "transferred_by", "transferred_at", "due_at", "instructions", "status", "reply", "result", "replied_at",
    "chase_count", "last_chased_at",
]
STEP_ROWS = 300  # contacts in one step: its write (with the search index) takes tens of milliseconds
CHANNEL_WEIGHTS = [(Channel.WALK_IN, 45), (Channel.PHONE, 40), (Channel.ONLINE, 12), (Channel.LETTER, 3)]
CATEGORY_WEIGHTS = [(Category.CONSULT, 35), (Category.QUERY, 20), (Category.HELP, 12), (Category.COMPLAINT, 12),
                    (Category.SUGGESTION, 8), (Category.PRAISE, 5), (Category.OTHER, 8)]


def _request(ctx: DemoContext, category: str) -> str:
    r = ctx.rng
    return r.choice(REQUESTS[category]).format(
        road=r.choice(ROADS), city=r.choice(CITIES), floor=r.randint(1, 6), date=f"{r.randint(1, 12)}月{r.randint(1, 28)}日",
        order=f"{r.randrange(10**8):08d}", km=r.randint(10, 380), amount=r.choice([5, 10, 20]), staff=ctx.person_name(),
    )


def _plan(n: int, days: int) -> list[tuple[int, int, int, int]]:
    """(day, part, parts, contacts) for ``n`` contacts over ``days``, no step above ``STEP_ROWS``."""
    plan = []
    for day in range(days):
        count = n // days + (1 if day < n % days else 0)
        parts = -(-count // STEP_ROWS)
        plan += [(day, part, parts, count // parts + (1 if part < count % parts else 0)) for part in range(parts)]
    return plan


def generate_contacts(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """``n`` contacts spread evenly over the last 365 days: a step per day, or per part of a busy day."""
    site = current_site_code()
    channels, channel_w = zip(*CHANNEL_WEIGHTS, strict=True)
    categories, category_w = zip(*CATEGORY_WEIGHTS, strict=True)
    now = clock.now()
    days = 365
    for day_index, part, parts, count in ctx.remaining(_plan(n, days)):
        r = ctx.rng
        day = (now - timedelta(days=days - 1 - day_index)).date()
        span = (22 - 7) * 3600 // parts  # each part of the day its own hours, so numbers follow the clock
        seconds = sorted(r.randrange(7 * 3600 + part * span, 7 * 3600 + (part + 1) * span) for _ in range(count))
        rows, texts, transfers = [], [], []
        for sec in seconds:
            received = datetime(day.year, day.month, day.day) + timedelta(seconds=sec)
            if received > now:
                received = now - timedelta(seconds=r.randrange(1, 3600))
            category = r.choices(categories, category_w)[0].value
            channel = r.choices(channels, channel_w)[0].value
            name = ctx.customer_name() if r.random() > 0.1 else ""
            phone = ctx.mobile() if (channel == Channel.PHONE or r.random() < 0.6) else ""
            request = _request(ctx, category)
            age = (now - received).days
            if age > 3:
                status = ContactStatus.VISITED if r.random() < 0.15 else ContactStatus.CLOSED
            else:
                status = r.choice([ContactStatus.OPEN, ContactStatus.TRANSFERRED, ContactStatus.CLOSED])
            transferred = status == ContactStatus.TRANSFERRED or (status != ContactStatus.OPEN and r.random() < 0.08)
            handling = r.choice(HANDLING) if status != ContactStatus.OPEN else ""
            owner = r.choice(ctx.staff_uuids)
            closed = received + timedelta(minutes=r.randint(3, 2880)) if status in (
                ContactStatus.CLOSED, ContactStatus.VISITED) else None
            later = r.random() < 0.2
            contact_uuid = ctx.uuid(received)
            rows.append((
                contact_uuid, site, received, closed or received, 1, False, received,
                channel, category, name, phone, request, handling,
                ReplyMode.LATER.value if later else ReplyMode.IMMEDIATE.value,
                received + timedelta(hours=r.choice([2, 4, 24])) if later else None,
                "", None, None, status.value, owner, min(closed, now) if closed else None,
            ))
            texts.append((name, phone, request, handling))
            if transferred:
                due = received + timedelta(hours=r.choice([4, 24, 48]))
                replied = status != ContactStatus.TRANSFERRED or r.random() < 0.3
                transfers.append((
                    ctx.uuid(received), site, received, received, 1, False,
                    contact_uuid, r.choice(ctx.department_uuids), owner, received, due, "请尽快核实并答复客户",
                    TransferStatus.REPLIED.value if replied else TransferStatus.PENDING.value,
                    "已核实处理" if replied else "", "已答复客户" if replied else "",
                    min(due, now) if replied else None, 0 if replied else r.randint(0, 3), None,
                ))
        with ctx.step(count):
            # ids and numbers are taken under the write lock: a clerk saving meanwhile may have taken the next
            ids = reserve_ids(Contact, len(rows))
            numbers = reserve("JD", day, count)
            insert_rows(Contact, FIELDS, ((ids[k], *row[:6], numbers[k], *row[6:]) for k, row in enumerate(rows)),
                        reserved=True)
            insert_rows(Transfer, TRANSFER_FIELDS, transfers)
            search_index.add_many((ids[k], search_index.contact_texts(numbers[k], *t)) for k, t in enumerate(texts))
        progress(ctx.made)
