"""Demo complaint cases with their event logs: most linked to 投诉 contacts, some overdue, some paused."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from frontdesk import clock
from frontdesk.db.bulk import insert_rows
from frontdesk.db.models import Complaint, ComplaintEvent, Contact, Staff, current_site_code
from frontdesk.db.numbering import reserve
from frontdesk.demo.context import DemoContext
from frontdesk.demo.satisfaction import dimensions_for
from frontdesk.domain.complaints import ComplaintCategory, LogKind, Satisfaction
from frontdesk.domain.reception import Category
from frontdesk.domain.sla import Remedy, Stage
from frontdesk.services.complaints import cases as complaints

SUBJECTS = [
    ("商户服务态度差，拒绝退款", ComplaintCategory.ATTITUDE), ("购买的商品有质量问题", ComplaintCategory.QUALITY),
    ("停车场多收费", ComplaintCategory.PRICE), ("卫生间不干净、有异味", ComplaintCategory.ENVIRONMENT),
    ("收费站排队时间过长", ComplaintCategory.TRAFFIC), ("充电桩故障无法充电", ComplaintCategory.FACILITY),
    ("员工说话不礼貌", ComplaintCategory.ATTITUDE), ("餐厅饭菜价格偏高", ComplaintCategory.PRICE),
]
KEYWORDS = [("态度", ComplaintCategory.ATTITUDE), ("礼貌", ComplaintCategory.ATTITUDE),
            ("质量", ComplaintCategory.QUALITY), ("收费", ComplaintCategory.PRICE), ("退款", ComplaintCategory.PRICE),
            ("卫生", ComplaintCategory.ENVIRONMENT), ("排队", ComplaintCategory.TRAFFIC)]
# How long each stage usually takes (minutes, low–high); a slow case takes three times as long.
# Minutes a stage takes at a desk that keeps its clocks: a case is resolved within the level's hours (seed 003)
# and each stage within its limit; about one case in seven, six times as slow runs late.
DURATIONS = {Stage.ACCEPT: (5, 40), Stage.VERIFY: (60, 420), Stage.PLAN: (30, 240), Stage.FEEDBACK: (10, 60),
             Stage.EXECUTE: (60, 420), Stage.ARCHIVE: (30, 600)}
NOTES = {Stage.VERIFY: "已联系相关部门核实情况", Stage.PLAN: "已拟定处理方案：致歉并补偿", Stage.FEEDBACK: "已电话告知客户方案，客户接受",
         Stage.EXECUTE: "按方案办理退款/更换", Stage.ARCHIVE: "处理完毕，整理归档", Stage.CLOSED: "客户确认满意，结案"}
FIELDS = ["uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "number", "contact", "opened_at",
          "opened_by", "customer_name", "phone", "subject", "description", "category", "department", "staff",
          "severity", "level", "stage", "paused", "due_at", "satisfaction", "customer_confirmed", "closed_at",
          "sat_speed", "sat_result", "sat_communication"]
EVENT_FIELDS = ["uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "complaint", "kind",
                "from_stage", "to_stage", "at", "actor_uuid", "actor_name", "note", "remedy", "promised_at"]


def _sources(ctx: DemoContext, n: int) -> list[dict[str, Any]]:
    """The newest 投诉 contacts (each opens its case), then direct cases at random moments, a few of them
    opened in the last hours (a desk always has cases in hand)."""
    recent = min(n, max(3, n // 20))
    linked = list(
        Contact.select(Contact.uuid, Contact.received_at, Contact.customer_name, Contact.phone, Contact.request,
                       Contact.owner)
        .where((Contact.category == Category.COMPLAINT.value) & (Contact.deleted == False))  # noqa: E712
        .where(~Contact.uuid.in_(Complaint.select(Complaint.contact).where(Complaint.contact.is_null(False))))
        .order_by(Contact.received_at.desc()).limit(n - recent).dicts()
    )
    out = [dict(contact=c["uuid"], opened=c["received_at"], name=c["customer_name"] or "匿名客户", phone=c["phone"],
                text=c["request"], owner=c["owner"]) for c in linked]
    while len(out) < n:
        opened = ctx.moment_in_last_year()
        if recent > 0:
            opened, recent = clock.now().replace(microsecond=0) - timedelta(minutes=ctx.rng.randint(15, 480)), recent - 1
        out.append(dict(contact=None, opened=opened, name=ctx.customer_name(), phone=ctx.mobile(),
                        text="", owner=ctx.rng.choice(ctx.staff_uuids)))
    return out


def _walk(ctx: DemoContext, case: dict[str, Any], opened: datetime, now: datetime, names: dict[str, str],
          events: list[tuple]) -> tuple[Stage, bool, datetime | None]:
    """Append the case's log up to now; returns where it stands (stage, paused, closed_at)."""
    r = ctx.rng
    slow = 6 if r.random() < 0.15 else 1
    at, stage, paused = opened, Stage.ACCEPT, False
    site = current_site_code()

    def add(kind: LogKind, when: datetime, to: Stage | None, note: str, remedy: str = "") -> None:
        actor = r.choice(ctx.staff_uuids)
        events.append((ctx.uuid(when), site, when, when, 1, False, case["uuid"], kind.value, stage.value,
                       to.value if to else "", when, actor, names.get(actor, ""), note, remedy, None))

    while stage is not Stage.CLOSED:
        low, high = DURATIONS[stage]
        step = timedelta(minutes=r.randint(low, high) * slow)
        if stage is Stage.VERIFY and r.random() < 0.12:  # waiting for the customer's receipt
            pause_at = at + step / 3
            if pause_at >= now:
                break
            add(LogKind.PAUSE, pause_at, None, "等待客户提供购物凭证")
            back = pause_at + timedelta(hours=r.randint(4, 96))
            if back >= now:
                return stage, True, None
            add(LogKind.RESUME, back, None, "客户已提供凭证")
            step += back - pause_at
        if at + step >= now:
            break
        at += step
        target = stage.next
        assert target is not None
        remedy = r.choice([Remedy.REFUND, Remedy.EXCHANGE, Remedy.OTHER]).value if target is Stage.EXECUTE else ""
        add(LogKind.STAGE, at, target, NOTES[target], remedy)
        stage = target
    return stage, paused, at if stage is Stage.CLOSED else None


def generate_complaints(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """``n`` cases, one step per day they were opened; a resumed run makes only the ones still missing."""
    site, now = current_site_code(), clock.now()
    names = dict(Staff.select(Staff.uuid, Staff.name).tuples())
    ctx.reseed("sources", ctx.done)
    cases = sorted(_sources(ctx, n - ctx.made), key=lambda c: c["opened"])
    by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in cases:
        by_day[case["opened"].strftime("%Y%m%d")].append(case)
    for _key, day_cases in sorted(by_day.items()):
        ctx.reseed(ctx.done)
        r, rows, events = ctx.rng, [], []
        for case in day_cases:
            case["uuid"] = ctx.uuid(case["opened"])
            subject, category = r.choice(SUBJECTS)
            if case["text"]:  # a case opened from a contact is about what the contact says
                subject = case["text"].splitlines()[0][:100]
                category = next((c for word, c in KEYWORDS if word in subject), ComplaintCategory.OTHER)
            opened = case["opened"]
            stage, paused, closed = _walk(ctx, case, opened, now, names, events)
            severity = "major" if r.random() < 0.15 else "general"
            level = r.choices([1, 2, 3], [60, 30, 10])[0]
            due = None
            if stage is not Stage.CLOSED:
                mine = [e for e in events if e[6] == case["uuid"]]
                keys = ["kind", "at", "to_stage", "remedy", "promised_at"]
                log = [dict(zip(keys, (e[7], e[10], e[9], e[14], e[15]), strict=True)) for e in mine]
                state = complaints.status_of({"opened_at": opened, "severity": severity, "level": level},
                                             complaints.case_events(log), now)
                due = complaints.index_due(state)
            overall = r.choices(list(Satisfaction), [70, 22, 8])[0].value if closed else ""
            rows.append((
                case["uuid"], site, opened, closed or opened, 1, False, "", case["contact"],
                opened, case["owner"], case["name"][:30], case["phone"], subject,
                case["text"] or f"客户反映：{subject}，要求给予说法。", category.value, r.choice(ctx.department_uuids),
                r.choice(ctx.staff_uuids) if r.random() < 0.3 else None, severity, level, stage.value, paused, due,
                overall, bool(closed) and r.random() < 0.9, closed, *dimensions_for(overall, case["uuid"]),
            ))
        with ctx.step(len(rows)):
            # numbers are taken under the write lock: a clerk opening a case meanwhile may have taken the next
            numbers = reserve(complaints.MODULE_CODE, day_cases[0]["opened"].date(), len(rows))
            insert_rows(Complaint, FIELDS, ((*row[:6], number, *row[7:]) for row, number in zip(rows, numbers, strict=True)))
            insert_rows(ComplaintEvent, EVENT_FIELDS, events)
        progress(ctx.made)
