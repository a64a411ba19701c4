"""Shift, attendance, leave, fine schedule, discipline incident, fine month and handover tables."""

from __future__ import annotations

import peewee

from frontdesk.db.fields import MoneyField, sql_default
from frontdesk.db.models.base import SyncedModel
from frontdesk.db.models.core import Staff


def _staff(backref: str = "+", null: bool = False, column: str = "staff_uuid") -> peewee.ForeignKeyField:
    return peewee.ForeignKeyField(Staff, field="uuid", null=null, column_name=column, backref=backref,
                                  on_delete="SET NULL" if null else None)


class ShiftType(SyncedModel):
    """A kind of shift (早班 08:00–16:00); an end not after the start means it ends the next day."""

    name = peewee.CharField(max_length=20)
    start = peewee.CharField(max_length=5)  # HH:MM
    end = peewee.CharField(max_length=5)
    position = peewee.IntegerField(default=0)
    active = peewee.BooleanField(default=True)
    # 用餐时间 (seed 001 七(二)): HH:MM or "" for none; away from the desk then is not leaving the post
    meal_start = peewee.CharField(max_length=5, default="", constraints=[sql_default("")])
    meal_end = peewee.CharField(max_length=5, default="", constraints=[sql_default("")])

    class Meta:
        table_name = "shift_type"


class Shift(SyncedModel):
    """One member of staff scheduled on one shift, with the attendance recorded against it.

    ``start_at``/``end_at`` are copied from the shift type when scheduled, so editing a type never
    rewrites past attendance. ``status``, ``late_minutes`` and ``early_minutes`` are the domain's
    computation, stored so lists filter and sort in SQL; every write recomputes them.
    """

    staff = _staff()
    shift_type = peewee.ForeignKeyField(ShiftType, field="uuid", column_name="shift_type_uuid", backref="+")
    day = peewee.DateField()
    start_at = peewee.DateTimeField()
    end_at = peewee.DateTimeField()
    clock_in = peewee.DateTimeField(null=True)
    clock_out = peewee.DateTimeField(null=True)
    clock_method = peewee.CharField(max_length=10, default="")  # password / manager
    status = peewee.CharField(max_length=10, default="scheduled")
    late_minutes = peewee.IntegerField(default=0)
    early_minutes = peewee.IntegerField(default=0)
    swapped_from = peewee.CharField(max_length=36, default="")  # Staff uuid of the original assignee
    corrected = peewee.BooleanField(default=False)
    original_in = peewee.DateTimeField(null=True)
    original_out = peewee.DateTimeField(null=True)
    correction_reason = peewee.CharField(max_length=200, default="")
    corrected_by = peewee.CharField(max_length=36, default="")
    proposed = peewee.BooleanField(default=False)  # an incident was proposed from this attendance

    class Meta:
        table_name = "shift"


class ShiftSwap(SyncedModel):
    """A request to hand one's shift to a colleague (调班), decided by a manager."""

    shift = peewee.ForeignKeyField(Shift, field="uuid", column_name="shift_uuid", backref="swaps")
    requester = _staff(column="requester_uuid")
    target = _staff(column="target_uuid")
    reason = peewee.CharField(max_length=200, default="")
    requested_at = peewee.DateTimeField()
    status = peewee.CharField(max_length=10, default="pending", index=True)
    decided_by = peewee.CharField(max_length=36, default="")
    decided_at = peewee.DateTimeField(null=True)
    note = peewee.CharField(max_length=200, default="")

    class Meta:
        table_name = "shift_swap"


class LeaveRequest(SyncedModel):
    """Leave (type, from–to, reason) approved by a manager; a phone leave has a paperwork deadline."""

    staff = _staff()
    kind = peewee.CharField(max_length=14)
    start_at = peewee.DateTimeField()
    end_at = peewee.DateTimeField()
    reason = peewee.CharField(max_length=200, default="")
    requested_at = peewee.DateTimeField()
    recorded_by = peewee.CharField(max_length=36, default="")
    status = peewee.CharField(max_length=10, default="pending", index=True)
    decided_by = peewee.CharField(max_length=36, default="")
    decided_at = peewee.DateTimeField(null=True)
    paperwork_due = peewee.DateTimeField(null=True)
    paperwork_done = peewee.BooleanField(default=False)

    class Meta:
        table_name = "leave_request"


class FineRule(SyncedModel):
    """One version of a fine-schedule line, in force from ``effective_from`` until a later version."""

    code = peewee.CharField(max_length=8)
    category = peewee.CharField(max_length=10)
    offence = peewee.CharField(max_length=100)
    min_amount = MoneyField()
    max_amount = MoneyField()
    unit = peewee.CharField(max_length=12, default="once")
    dismissal = peewee.CharField(max_length=10, default="none")
    tiers = peewee.CharField(max_length=200, default="")  # "15:10, 30:20, 60:50"
    effective_from = peewee.DateField()
    active = peewee.BooleanField(default=True)  # False: the rule is retired from this date
    changed_by = peewee.CharField(max_length=30, default="")
    note = peewee.CharField(max_length=200, default="")

    class Meta:
        table_name = "fine_rule"


class Incident(SyncedModel):
    """A discipline incident (违纪记录) with its fine; the amount is kept as recorded."""

    number = peewee.CharField(max_length=32, unique=True)
    staff = _staff()
    occurred_at = peewee.DateTimeField()
    month = peewee.CharField(max_length=7)  # YYYY-MM of occurred_at, for the fine sheet
    rule = peewee.ForeignKeyField(FineRule, field="uuid", column_name="rule_uuid", backref="+")
    rule_code = peewee.CharField(max_length=8)
    description = peewee.CharField(max_length=500, default="")
    quantity = peewee.IntegerField(default=1)
    amount = MoneyField()
    evidence = peewee.CharField(max_length=300, default="")
    serious = peewee.BooleanField(default=False)
    recorded_by = peewee.CharField(max_length=36, default="")
    recorded_by_name = peewee.CharField(max_length=30, default="")
    status = peewee.CharField(max_length=10, default="pending")
    source = peewee.CharField(max_length=12, default="manual")
    shift_uuid = peewee.CharField(max_length=36, default="")
    appeal_reason = peewee.CharField(max_length=300, default="")
    appealed_at = peewee.DateTimeField(null=True)
    decision_note = peewee.CharField(max_length=300, default="")
    decided_by_name = peewee.CharField(max_length=30, default="")
    decided_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "incident"


class DismissalProposal(SyncedModel):
    """Raised by an incident under a dismissal-flagged rule; the manager decides."""

    incident = peewee.ForeignKeyField(Incident, field="uuid", column_name="incident_uuid", backref="+")
    staff = _staff()
    status = peewee.CharField(max_length=10, default="pending", index=True)
    decided_by_name = peewee.CharField(max_length=30, default="")
    decided_at = peewee.DateTimeField(null=True)
    note = peewee.CharField(max_length=200, default="")

    class Meta:
        table_name = "dismissal_proposal"


class FineMonth(SyncedModel):
    """A month's fine sheet: signed off (locked) by a manager, or reopened with a reason."""

    month = peewee.CharField(max_length=7)
    locked = peewee.BooleanField(default=False)
    signed_by_name = peewee.CharField(max_length=30, default="")
    signed_at = peewee.DateTimeField(null=True)
    total = MoneyField(default=0)
    reopen_reason = peewee.CharField(max_length=200, default="")

    class Meta:
        table_name = "fine_month"
        indexes = ((("site_code", "month"), True),)


class Handover(SyncedModel):
    """交接班记录: the outgoing clerk's open items, major events and notes; the incoming clerk signs."""

    day = peewee.DateField()
    shift_type = peewee.ForeignKeyField(ShiftType, field="uuid", null=True, column_name="shift_type_uuid",
                                        backref="+", on_delete="SET NULL")
    outgoing = _staff(column="outgoing_uuid")
    incoming = _staff(null=True, column="incoming_uuid")
    handed_at = peewee.DateTimeField()
    open_items = peewee.TextField(default="[]")  # JSON snapshot of what was open at hand-over
    events = peewee.TextField(default="[]")  # JSON: [{what, who, when, result}]
    notes = peewee.TextField(default="")
    acknowledged_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "handover"
