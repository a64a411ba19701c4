"""The Excel exports of the module lists, by name: each list's export is declared beside its query (one
ListSpec per list, frontdesk.services.core.list_spec); here they are collected for the pages and the command line."""

from __future__ import annotations

from collections.abc import Callable

from frontdesk.domain.roles import Actor
from frontdesk.services.aftersales import order_list as aftersales_list
from frontdesk.services.complaints import case_list as complaint_list
from frontdesk.services.core import staff, staff_list
from frontdesk.services.core.list_spec import ColumnKind, ListExport
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.expressway import help_calls, notices
from frontdesk.services.personnel import (
    attendance,
    duties,
    handover,
    messages,
    selfchecks,
    supervision,
    training,
)
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception import knowledge, phrases, transfers, visits

__all__ = ["EXPORTS", "ColumnKind", "ListExport", "export_list"]

Maker = Callable[[Actor, ListQuery], ListExport]

EXPORTS: dict[str, Maker] = {
    "contacts": reception.export_contacts,
    "transfers": transfers.export_transfers,
    "complaints": complaint_list.export_complaints,
    "visits": visits.export_visits,
    "staff": staff_list.export_staff,
    "returns": aftersales_list.returns_export,
    "repairs": aftersales_list.repairs_export,
    "incidents": discipline.export_incidents,
    "shifts": attendance.export_shifts,
    "handovers": handover.export_handovers,
    "selfchecks": selfchecks.export_selfchecks,
    "departments": staff.export_departments,
    "phrases": phrases.export_phrases,
    "forbidden": phrases.export_forbidden,
    "knowledge": knowledge.export_articles,
    "help_calls": help_calls.export_help_calls,
    "notices": notices.export_notices,
    "training": training.export_sessions,
    "messages": messages.export_messages,
    "duty_checks": duties.export_checks,
    "inspections": supervision.export_inspections,
    "opinions": supervision.export_opinions,
}


def export_list(name: str, actor: Actor, query: ListQuery) -> ListExport:
    """The list ``name`` (a key of EXPORTS) as the actor sees it, filtered by ``query``, ready to write."""
    return EXPORTS[name](actor, query)


def export_contacts(actor: Actor, query: ListQuery) -> ListExport:
    """The reception list (接待登记) with its filters and search."""
    return export_list("contacts", actor, query)


def export_transfers(actor: Actor, query: ListQuery) -> ListExport:
    """The transfer list (转办督办)."""
    return export_list("transfers", actor, query)


def export_complaints(actor: Actor, query: ListQuery) -> ListExport:
    """The complaint list (投诉处理)."""
    return export_list("complaints", actor, query)


def export_visits(actor: Actor, query: ListQuery) -> ListExport:
    """The return-visit history (回访记录)."""
    return export_list("visits", actor, query)


def export_staff(actor: Actor, query: ListQuery) -> ListExport:
    """The staff roster (员工档案); the same columns the roster import reads back."""
    return export_list("staff", actor, query)
