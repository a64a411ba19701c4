"""Migration step for shifts, attendance, fines, incidents and handover: tables, indexes, seeded rows."""

from __future__ import annotations

import uuid
from datetime import date

import peewee

from frontdesk.db.models import (
    DismissalProposal,
    FineMonth,
    FineRule,
    Handover,
    Incident,
    LeaveRequest,
    Shift,
    ShiftSwap,
    ShiftType,
)
from frontdesk.domain import fines

SHIFT_SEED = [("早班", "08:00", "16:00"), ("中班", "16:00", "00:00"), ("晚班", "00:00", "08:00")]
_NS = uuid.UUID("1d0f5b8e-6a43-4f0e-a2d1-7b9c3e5f8a21")

INDEXES = (
    ("shift_staff_day", "shift", "staff_uuid, day"),
    ("shift_day_status", "shift", "day, status"),
    ("shift_status_day", "shift", "status, day"),
    ("shift_end", "shift", "end_at"),
    ("shift_swap_shift", "shift_swap", "shift_uuid"),
    ("leave_staff_start", "leave_request", "staff_uuid, start_at"),
    ("leave_start", "leave_request", "start_at"),
    ("fine_rule_code_from", "fine_rule", "code, effective_from"),
    ("incident_occurred", "incident", "occurred_at"),
    ("incident_status_occurred", "incident", "status, occurred_at"),
    ("incident_staff_occurred", "incident", "staff_uuid, occurred_at"),
    ("incident_month_staff", "incident", "month, staff_uuid"),
    ("incident_shift", "incident", "shift_uuid"),
    ("dismissal_incident", "dismissal_proposal", "incident_uuid"),
    ("handover_day", "handover", "day, shift_type_uuid"),
    ("handover_incoming", "handover", "incoming_uuid, acknowledged_at"),
)


def create(db: peewee.Database) -> None:
    db.create_tables([ShiftType, Shift, ShiftSwap, LeaveRequest, FineRule, Incident, DismissalProposal,
                      FineMonth, Handover])
    for name, table, columns in INDEXES:
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table}({columns})")
    for position, (name, start, end) in enumerate(SHIFT_SEED):
        ShiftType.create(uuid=str(uuid.uuid5(_NS, f"shift-type:{name}")), name=name, start=start, end=end,
                         position=position)
    effective = date.fromisoformat(fines.SEED_EFFECTIVE)
    for rule in fines.DEFAULT_RULES:
        FineRule.create(
            uuid=fines.seed_uuid(rule.code), code=rule.code, category=rule.category, offence=rule.offence,
            min_amount=rule.min_amount, max_amount=rule.max_amount, unit=rule.unit.value,
            dismissal=rule.dismissal.value, tiers=fines.tiers_text(rule.tiers), effective_from=effective,
            changed_by="默认标准", note="seed 002 / 001",
        )
