"""Evidence for one person over [start, end): incidents and fines, attendance, complaints, satisfaction, self-checks
and training (the 业务知识 dimension).

Every source is read only when its table exists, so assessments work before a module has landed.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import peewee

from frontdesk.db.connection import database
from frontdesk.db.models import Complaint, Contact, ReturnVisit, SelfCheck
from frontdesk.domain import selfcheck as rules
from frontdesk.services.personnel import training

EXCEPTION_STATUSES = ("late", "early", "absent")
COUNTED_INCIDENTS = ("pending", "confirmed", "appealed")  # revoked incidents are not evidence


def _has(table: str) -> bool:
    return database.obj.table_exists(table)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time.min)


def discipline(staff_uuid: str, start: date, end: date) -> dict[str, Any]:
    """Incidents (not revoked) that occurred in the period, the fines summed, and attendance exceptions."""
    out: dict[str, Any] = {"incidents": 0, "fines": Decimal("0.00"), "late": 0, "early": 0, "absent": 0,
                           "incident_lines": [], "available": False}
    if not _has("incident") or not _has("shift"):
        return out
    from frontdesk.db.models.discipline import Incident, Shift

    out["available"] = True
    where = ((Incident.staff == staff_uuid) & (Incident.deleted == False)  # noqa: E712
             & (Incident.occurred_at >= _moment(start)) & (Incident.occurred_at < _moment(end))
             & Incident.status.in_(COUNTED_INCIDENTS))
    rows = list(Incident.select(Incident.occurred_at, Incident.rule_code, Incident.description, Incident.amount,
                                Incident.status).where(where).order_by(Incident.occurred_at))
    out["incidents"] = len(rows)
    out["fines"] = sum((r.amount for r in rows), Decimal("0.00"))
    out["incident_lines"] = [f"{r.occurred_at:%m-%d} {r.rule_code} {r.description} ¥{r.amount}" for r in rows]
    counts = dict(Shift.select(Shift.status, peewee.fn.COUNT(Shift.id))
                  .where((Shift.staff == staff_uuid) & (Shift.deleted == False)  # noqa: E712
                         & (Shift.day >= start) & (Shift.day < end) & Shift.status.in_(EXCEPTION_STATUSES))
                  .group_by(Shift.status).tuples())
    for status in EXCEPTION_STATUSES:
        out[status] = counts.get(status, 0)
    return out


def work_days(staff_uuid: str, start: date, end: date) -> set[date] | None:
    """Days the person was scheduled (None when there is no schedule to go by)."""
    if not _has("shift"):
        return None
    from frontdesk.db.models.discipline import Shift

    days = {d for (d,) in Shift.select(Shift.day).where(
        (Shift.staff == staff_uuid) & (Shift.deleted == False) & (Shift.day >= start)  # noqa: E712
        & (Shift.day < end) & (Shift.status.not_in(("leave", "swapped")))).tuples()}
    return days or None


def complaints(staff_uuid: str, start: date, end: date) -> dict[str, Any]:
    """Complaints attributed to the person (归责) opened in the period."""
    rows = list(Complaint.select(Complaint.number, Complaint.opened_at, Complaint.subject).where(
        (Complaint.staff == staff_uuid) & (Complaint.deleted == False)  # noqa: E712
        & (Complaint.opened_at >= _moment(start)) & (Complaint.opened_at < _moment(end)))
        .order_by(Complaint.opened_at))
    return {"complaints": len(rows),
            "complaint_lines": [f"{r.opened_at:%m-%d} {r.number} {r.subject}" for r in rows]}


def satisfaction(staff_uuid: str, start: date, end: date) -> dict[str, Any]:
    """Satisfaction from complaints the person handled and closed in the period, and from return visits
    in the period about the person's contacts or cases."""
    counts = {"satisfied": 0, "basic": 0, "unsatisfied": 0}
    lo, hi = _moment(start), _moment(end)
    for (value,) in Complaint.select(Complaint.satisfaction).where(
            ((Complaint.opened_by == staff_uuid) | (Complaint.staff == staff_uuid))
            & (Complaint.deleted == False) & (Complaint.closed_at >= lo) & (Complaint.closed_at < hi)  # noqa: E712
            & (Complaint.satisfaction != "")).tuples():
        counts[value] = counts.get(value, 0) + 1
    theirs_case = Complaint.select(Complaint.uuid).where(
        (Complaint.opened_by == staff_uuid) | (Complaint.staff == staff_uuid))
    theirs_contact = Contact.select(Contact.uuid).where(Contact.owner == staff_uuid)
    for (value,) in ReturnVisit.select(ReturnVisit.satisfaction).where(
            (ReturnVisit.deleted == False) & (ReturnVisit.visited_at >= lo) & (ReturnVisit.visited_at < hi)  # noqa: E712
            & (ReturnVisit.satisfaction != "")
            & (ReturnVisit.complaint.in_(theirs_case) | ReturnVisit.contact.in_(theirs_contact))).tuples():
        counts[value] = counts.get(value, 0) + 1
    rated = sum(counts.values())
    rate = (Decimal(counts["satisfied"] + counts["basic"]) * 100 / rated).quantize(Decimal("0.1"), ROUND_HALF_UP) \
        if rated else None
    return {"satisfied": counts["satisfied"], "basic": counts["basic"], "unsatisfied": counts["unsatisfied"],
            "rated": rated, "satisfaction_rate": rate}


def self_checks(staff_uuid: str, start: date, end: date, frequency: str) -> dict[str, Any]:
    """Checks due in the period (by the site's frequency) against those filled, and the 否 answers."""
    expected = rules.expected_slots(frequency, start, end, work_days(staff_uuid, start, end))
    done_rows = list(SelfCheck.select(SelfCheck.slot, SelfCheck.item_count, SelfCheck.no_count).where(
        (SelfCheck.staff == staff_uuid) & (SelfCheck.deleted == False)  # noqa: E712
        & (SelfCheck.slot >= rules.slot_of(frequency, start)) & (SelfCheck.slot < end)))
    done = {r.slot for r in done_rows} & expected
    return {"checks_expected": len(expected), "checks_done": len(done),
            "check_answers": sum(r.item_count for r in done_rows if r.slot in done),
            "check_no": sum(r.no_count for r in done_rows if r.slot in done)}


def gather(staff_uuid: str, start: date, end: date, frequency: str) -> dict[str, Any]:
    """Everything the assessment form shows beside the scores (plain values; money as Decimal)."""
    evidence: dict[str, Any] = {"period_start": start, "period_end": end}
    evidence |= discipline(staff_uuid, start, end)
    evidence |= complaints(staff_uuid, start, end)
    evidence |= satisfaction(staff_uuid, start, end)
    evidence |= self_checks(staff_uuid, start, end, frequency)
    evidence |= training.evidence(staff_uuid, start, end)  # 业务知识: sessions attended, missed, scores
    return evidence


def to_json_ready(evidence: dict[str, Any]) -> dict[str, Any]:
    """Dates and Decimals as text, for the stored snapshot."""
    out = {}
    for key, value in evidence.items():
        out[key] = str(value) if isinstance(value, Decimal | date) else value
    return out


def from_json(data: dict[str, Any]) -> dict[str, Any]:
    out = dict(data)
    for key in ("period_start", "period_end"):
        if isinstance(out.get(key), str):
            out[key] = date.fromisoformat(out[key])
    if isinstance(out.get("fines"), str):
        out["fines"] = Decimal(out["fines"])
    for key in ("satisfaction_rate", "training_hours", "training_score"):
        if isinstance(out.get(key), str):
            out[key] = Decimal(out[key])
    return out

