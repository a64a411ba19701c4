"""The 工作台 figures: today's contacts, open and overdue cases, what is due today — each as its list counts it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import peewee

from frontdesk.clock import now
from frontdesk.db.models import Complaint, Contact, HelpCall, Transfer
from frontdesk.domain.expressway import HelpOutcome
from frontdesk.domain.reception import Category, Channel, TransferStatus
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import Message
from frontdesk.services.complaints import case_list as complaint_list
from frontdesk.services.core import holidays
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.permissions import require
from frontdesk.services.personnel import duties, messages
from frontdesk.services.reception import contacts, transfers, visits
from frontdesk.services.reports.common import aftersales_ready, discipline_ready

REPAIR_PICKUP = ("repaired", "unrepairable", "notified")  # 已修好 / 无法修复 / 已通知取件: the customer is to collect
ATTENDANCE_EXCEPTIONS = ("late", "early", "absent")


@dataclass
class Dashboard:
    """The figures; None for a module that is not part of this build (its card is not shown)."""

    day: date
    contacts: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    complaints_open: int = 0
    complaints_overdue: int = 0
    transfers_due_today: int = 0
    transfers_overdue: int = 0
    visits_due: int = 0
    replies_due: int = 0  # promised replies due today or overdue, contact still open
    follow_ups_due: int = 0  # follow-ups due today or overdue, contact still open
    repairs_pickup: dict[str, int] | None = None
    returns_pending: int | None = None
    attendance_exceptions: int | None = None
    calendar_warning: Message | None = None  # holiday data missing (this year; next year from 1 November)
    messages_pending: int = 0  # messages for this user (or the next shift) not yet read
    help_calls_open: int = 0  # expressway help calls still being handled
    duties_missed: int | None = None  # duty lines left undone in the last 7 days, not yet raised (managers)


def _site(model: type[peewee.Model], site: str | None) -> list[peewee.Expression]:
    """The WHERE term keeping one site's rows of ``model`` (none for every site)."""
    return [model.site_code == site] if site else []


def _contacts_today(day: date, site: str | None = None) -> tuple[dict[str, int], dict[str, int]]:
    start = datetime.combine(day, time.min)
    rows = (
        Contact.select(Contact.channel, Contact.category, peewee.fn.COUNT(Contact.id))
        .where((Contact.received_at >= start) & (Contact.received_at < start + timedelta(days=1))
               & (Contact.deleted == False), *_site(Contact, site))  # noqa: E712
        .group_by(Contact.channel, Contact.category)
        .tuples()
    )
    channels = {c.value: 0 for c in Channel}
    categories = {c.value: 0 for c in Category}
    for channel, category, n in rows:
        channels[channel] = channels.get(channel, 0) + n
        categories[category] = categories.get(category, 0) + n
    return channels, categories


def _aftersales(site: str | None = None) -> tuple[dict[str, int], int]:
    from frontdesk.db.models.aftersales import RepairOrder, ReturnOrder

    repairs = dict.fromkeys(REPAIR_PICKUP, 0)
    for status, n in (RepairOrder.select(RepairOrder.status, peewee.fn.COUNT(RepairOrder.id))
                      .where(RepairOrder.status.in_(REPAIR_PICKUP) & (RepairOrder.deleted == False),  # noqa: E712
                             *_site(RepairOrder, site))
                      .group_by(RepairOrder.status).tuples()):
        repairs[status] = n
    pending = (ReturnOrder.select(peewee.fn.COUNT(ReturnOrder.id))
               .where((ReturnOrder.status == "pending_approval") & (ReturnOrder.deleted == False),  # noqa: E712
                      *_site(ReturnOrder, site))
               .scalar())
    return repairs, pending or 0


def _attendance(actor: Actor, day: date, site: str | None = None) -> int:
    """Today's late, early and absent shifts: everyone's for a manager, one's own for staff (as the list)."""
    from frontdesk.db.models.discipline import Shift

    where = (Shift.day == day) & Shift.status.in_(ATTENDANCE_EXCEPTIONS) & (Shift.deleted == False)  # noqa: E712
    if not actor.can(Permission.MANAGE_PERSONNEL):
        where &= Shift.staff == actor.uuid
    return Shift.select(peewee.fn.COUNT(Shift.id)).where(where, *_site(Shift, site)).scalar() or 0


def _overdue(site: str, moment: datetime) -> tuple[int, int]:
    """One site's overdue complaints and transfers, counted as ``case_list``/``transfers.overdue_count`` do."""
    complaints_late = (Complaint.select(peewee.fn.COUNT(Complaint.id))
                       .where((Complaint.deleted == False) & (Complaint.due_at < moment)  # noqa: E712
                              & (Complaint.site_code == site)).scalar() or 0)
    transfers_late = (Transfer.select(peewee.fn.COUNT(Transfer.id))
                      .where((Transfer.status == TransferStatus.PENDING.value) & (Transfer.due_at < moment)
                             & (Transfer.deleted == False) & (Transfer.site_code == site)).scalar() or 0)  # noqa: E712
    return complaints_late, transfers_late


def dashboard(actor: Actor, moment: datetime | None = None, site: str | None = None) -> Dashboard:
    """Every figure of the 工作台, each counted with the same conditions as the list its link opens; with
    ``site`` (head office) only that site's records."""
    require(actor, Permission.DESK_WORK)
    moment = moment or now()
    board = Dashboard(day=moment.date())
    board.by_channel, board.by_category = _contacts_today(board.day, site)
    board.contacts = sum(board.by_channel.values())
    board.complaints_open = (
        Complaint.select(peewee.fn.COUNT(Complaint.id))
        .where(Complaint.stage.in_(complaint_list.OPEN_STAGES) & (Complaint.deleted == False),  # noqa: E712
               *_site(Complaint, site))
        .scalar() or 0
    )
    if site:
        board.complaints_overdue, board.transfers_overdue = _overdue(site, now())
    else:
        board.complaints_overdue = complaint_list.overdue_count(actor)
        board.transfers_overdue = transfers.overdue_count(actor)
    due_today = transfers.transfer_filters(ListQuery(filters={"due_today": True, **({"site": site} if site else {})}))
    board.transfers_due_today = Transfer.select(peewee.fn.COUNT(Transfer.id)).where(*due_today).scalar() or 0
    board.visits_due = visits.due_count(actor, board.day, site)
    for kind in ("reply", "follow_up"):
        due = (Contact.select(peewee.fn.COUNT(Contact.id))
               .where(*contacts.due_filters(kind, board.day), *_site(Contact, site)).scalar() or 0)
        setattr(board, "replies_due" if kind == "reply" else "follow_ups_due", due)
    if aftersales_ready():
        board.repairs_pickup, board.returns_pending = _aftersales(site)
    if discipline_ready() and actor.can(Permission.READ_OWN_PERSONNEL):
        board.attendance_exceptions = _attendance(actor, board.day, site)
    board.messages_pending = messages.pending_count(actor)
    board.help_calls_open = (HelpCall.select(peewee.fn.COUNT(HelpCall.id))
                             .where((HelpCall.deleted == False) & (HelpCall.outcome == HelpOutcome.OPEN.value),  # noqa: E712
                                    *_site(HelpCall, site)).scalar() or 0)
    if actor.can(Permission.MANAGE_PERSONNEL):
        board.duties_missed = sum(1 for line in duties.missed(actor, moment=moment) if not line["incident_uuid"])
    if actor.can(Permission.MANAGE_REFERENCE):
        board.calendar_warning = holidays.calendar_warning() or holidays.next_year_warning(actor)
    return board
