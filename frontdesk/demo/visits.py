"""Demo key customers and return visits over the last year (bulk-inserted), linked to visited contacts and closed complaints."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from frontdesk import clock
from frontdesk.db.bulk import insert_rows
from frontdesk.db.connection import database
from frontdesk.db.models import Complaint, Contact, KeyCustomer, ReturnVisit, current_site_code
from frontdesk.demo.context import DemoContext
from frontdesk.demo.satisfaction import dimensions_for
from frontdesk.domain.complaints import Satisfaction
from frontdesk.domain.reception import ContactStatus
from frontdesk.domain.stages import Stage
from frontdesk.domain.visits import CustomerLevel, VisitMethod

COMPANIES = ["物流有限公司", "货运车队", "客运有限公司", "商贸有限公司", "冷链运输公司", "旅游客运公司", "建材有限公司"]
PLACES = ["金华", "义乌", "永康", "兰溪", "东阳", "丽水", "温州", "衢州"]
OPINIONS = ["希望服务区增加货车停车位", "收费站高峰期排队较长", "对上次投诉的处理结果满意", "卫生间保洁有明显改善",
            "希望增加夜间餐饮供应", "ETC 通道故障较多", "客服人员态度热情", "路面施工提示不够醒目", ""]
SUGGESTIONS = ["建议设置大件运输专用通道", "建议在微信公众号发布路况", "建议增设新能源充电桩", "建议延长便利店营业时间",
               "", "", "建议定期组织客户座谈会"]
RESULTS = ["已记录意见并反馈相关部门", "问题已解决，客户表示满意", "客户对处理结果基本认可", "已解释相关政策，客户表示理解",
           "客户仍有意见，已约定再次回访", "已将建议转交路政巡查部"]
FIELDS = [
    "uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "customer_name", "phone", "contact",
    "complaint", "visited_at", "method", "opinions", "suggestions", "result", "satisfaction", "next_visit_date",
    "visitor", "sat_speed", "sat_result", "sat_communication",
]
KEY_FIELDS = ["uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "name", "phone", "level", "note",
              "active"]
METHOD_WEIGHTS = [(VisitMethod.PHONE, 60), (VisitMethod.ON_SITE, 12), (VisitMethod.SMS, 10), (VisitMethod.WECHAT, 18)]
STEP_ROWS = 1000
SATISFACTION_WEIGHTS = [(Satisfaction.SATISFIED, 65), (Satisfaction.BASIC, 25), (Satisfaction.UNSATISFIED, 5), ("", 5)]


def _key_customers(ctx: DemoContext, count: int, now: datetime) -> None:
    r = ctx.rng
    site = current_site_code()
    taken = {row.phone for row in KeyCustomer.select(KeyCustomer.phone).where(KeyCustomer.site_code == site)}
    rows = []
    while len(rows) < count:
        phone = ctx.mobile() if r.random() < 0.8 else f"0579{r.randrange(10**7, 10**8)}"
        if phone in taken:
            continue
        taken.add(phone)
        company = r.random() < 0.6
        name = r.choice(PLACES) + ctx.person_name()[1:] + r.choice(COMPANIES) if company else ctx.customer_name()
        level = CustomerLevel.KEY if company or r.random() < 0.3 else CustomerLevel.REGULAR
        note = f"联系人：{ctx.person_name()}" if company else r.choice(["常走金丽温高速", "每周来服务区加油", ""])
        created = now - timedelta(days=r.randrange(30, 700))
        rows.append((ctx.uuid(created), site, created, created, 1, False, name, phone, level.value, note, r.random() > 0.05))
    insert_rows(KeyCustomer, KEY_FIELDS, rows)


def _targets(ctx: DemoContext, n: int) -> tuple[list[tuple], list[tuple]]:
    """Visited contacts and closed complaints (without a visit yet) a visit can be linked to."""
    linked = ReturnVisit.select(ReturnVisit.contact).where(ReturnVisit.contact.is_null(False))
    contacts = list(
        Contact.select(Contact.uuid, Contact.customer_name, Contact.phone, Contact.received_at)
        .where((Contact.status == ContactStatus.VISITED.value) & (Contact.phone != "") & (Contact.deleted == False))  # noqa: E712
        .where(Contact.uuid.not_in(linked))
        .order_by(Contact.id.desc()).limit(n).tuples()
    )
    complaints: list[tuple] = []
    if database.obj.table_exists(Complaint._meta.table_name):
        visited = ReturnVisit.select(ReturnVisit.complaint).where(ReturnVisit.complaint.is_null(False))
        complaints = list(
            Complaint.select(Complaint.uuid, Complaint.customer_name, Complaint.phone, Complaint.closed_at,
                             Complaint.contact)
            .where((Complaint.stage == Stage.CLOSED.value) & Complaint.closed_at.is_null(False)
                   & Complaint.uuid.not_in(visited))
            .limit(n).tuples()
        )
    return contacts, complaints


def generate_visits(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """Key customers first, then ``n`` visits in steps of ``STEP_ROWS``."""
    now = clock.now()
    targets: tuple[list[tuple[str, str]], list[tuple], list[tuple]] | None = None
    for size in ctx.remaining([0, *(min(STEP_ROWS, n - start) for start in range(0, n, STEP_ROWS))]):
        if not size:
            with ctx.step():
                _key_customers(ctx, min(400, max(12, n // 4)), now)
            continue
        if targets is None:
            customers = list(KeyCustomer.select(KeyCustomer.name, KeyCustomer.phone)
                             .where(KeyCustomer.site_code == current_site_code()).order_by(KeyCustomer.id).tuples())
            contacts, complaints = _targets(ctx, n - ctx.made)
            ctx.rng.shuffle(contacts)
            # about 80% of closed complaints are visited; the rest stay on the due list
            targets = customers, contacts, complaints[: int(len(complaints) * 0.8)]
        rows = _visits(ctx, size, now, *targets)
        with ctx.step(size):
            insert_rows(ReturnVisit, FIELDS, rows)
        progress(ctx.made)


def _visits(ctx: DemoContext, size: int, now: datetime, customers: list[tuple[str, str]], contacts: list[tuple],
            complaints: list[tuple]) -> list[tuple]:
    """``size`` visits, linked to the targets as long as they last (each one taken off its list)."""
    r, site = ctx.rng, current_site_code()
    methods, method_w = zip(*METHOD_WEIGHTS, strict=True)
    moods, mood_w = zip(*SATISFACTION_WEIGHTS, strict=True)
    rows = []
    for _ in range(size):
        contact_uuid = complaint_uuid = None
        pick = r.random()
        if complaints and pick < 0.3:
            complaint_uuid, name, phone, closed, contact_uuid = complaints.pop()
            when = min(now, closed + timedelta(hours=r.randint(20, 72)))
        elif contacts and pick < 0.65:
            contact_uuid, name, phone, received = contacts.pop()
            when = min(now, received + timedelta(hours=r.randint(24, 96)))
        else:
            name, phone = r.choice(customers)
            when = ctx.moment_in_last_year()
        name = name or "客户"
        later = when.date() + timedelta(days=r.randint(20, 90)) if r.random() < 0.1 else None
        uuid = ctx.uuid(when)
        method, opinion, suggestion, result = (r.choices(methods, method_w)[0].value, r.choice(OPINIONS),
                                               r.choice(SUGGESTIONS), r.choice(RESULTS))
        mood = str(r.choices(moods, mood_w)[0])
        rows.append((
            uuid, site, when, when, 1, False, name[:30], phone, contact_uuid, complaint_uuid, when,
            method, opinion, suggestion, result, mood, later, r.choice(ctx.staff_uuids),
            *dimensions_for(mood, uuid, share=0.8),  # older visits were rated overall only
        ))
    return rows
