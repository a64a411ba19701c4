"""Complaint tables: cases (投诉), their event log, SLA policy versions, and the local holiday override calendar."""

from __future__ import annotations

import peewee

from frontdesk.db.fields import sql_default
from frontdesk.db.models.base import SyncedModel
from frontdesk.db.models.core import Department, Staff
from frontdesk.db.models.reception import Contact


class Complaint(SyncedModel):
    """One complaint case. Its stage deadlines are recomputed from ComplaintEvent on every read.

    ``due_at`` is only a search index over that log (the earliest running deadline, NULL when none
    can pass), rewritten from the log by every change to the case or to the holiday calendar.
    """

    number = peewee.CharField(max_length=32, unique=True)
    contact = peewee.ForeignKeyField(
        Contact, field="uuid", null=True, column_name="contact_uuid", backref="+", on_delete="SET NULL"
    )
    opened_at = peewee.DateTimeField(index=True)
    opened_by = peewee.CharField(max_length=36, default="")  # Staff uuid of the clerk who opened it
    customer_name = peewee.CharField(max_length=30, default="", index=True)
    phone = peewee.CharField(max_length=20, default="", index=True)  # digits only
    subject = peewee.CharField(max_length=100)
    description = peewee.TextField(default="")
    category = peewee.CharField(max_length=16, default="other")
    department = peewee.ForeignKeyField(
        Department, field="uuid", null=True, column_name="department_uuid", backref="+", on_delete="SET NULL"
    )
    # 归责: the member of staff the complaint is attributed to (feeds assessments)
    staff = peewee.ForeignKeyField(
        Staff, field="uuid", null=True, column_name="staff_uuid", backref="+", on_delete="SET NULL"
    )
    # 承办人: the member of staff who verifies and handles the case (assigned by a manager)
    handler = peewee.ForeignKeyField(
        Staff, field="uuid", null=True, column_name="handler_uuid", backref="+", on_delete="SET NULL"
    )
    policy_uuid = peewee.CharField(max_length=36, default="", constraints=[sql_default("")])  # SlaPolicy in force when opened; "" = the seeds'
    severity = peewee.CharField(max_length=10, default="general")
    level = peewee.SmallIntegerField(default=1)
    stage = peewee.CharField(max_length=10, default="accept")
    paused = peewee.BooleanField(default=False)
    due_at = peewee.DateTimeField(null=True)
    satisfaction = peewee.CharField(max_length=12, default="")  # overall; derived from the three below when given
    sat_speed = peewee.CharField(max_length=12, default="", constraints=[sql_default("")])  # 处理速度
    sat_result = peewee.CharField(max_length=12, default="", constraints=[sql_default("")])  # 处理结果
    sat_communication = peewee.CharField(max_length=12, default="", constraints=[sql_default("")])  # 沟通态度
    customer_confirmed = peewee.BooleanField(default=False)
    closed_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "complaint"


class ComplaintEvent(SyncedModel):
    """One entry of a case's log: a stage change, a pause, a resume or a note (who, when, why)."""

    complaint = peewee.ForeignKeyField(Complaint, field="uuid", column_name="complaint_uuid", backref="events")
    kind = peewee.CharField(max_length=10)
    from_stage = peewee.CharField(max_length=10, default="")
    to_stage = peewee.CharField(max_length=10, default="")
    at = peewee.DateTimeField()
    actor_uuid = peewee.CharField(max_length=36, default="")
    actor_name = peewee.CharField(max_length=30, default="")
    note = peewee.TextField(default="")
    remedy = peewee.CharField(max_length=10, default="")  # on a move to 执行: refund / exchange / other
    promised_at = peewee.DateTimeField(null=True)  # on a move to 执行: what was promised to the customer
    field = peewee.CharField(max_length=20, default="", constraints=[sql_default("")])  # classify: the field changed; escalate: reported_to
    old_value = peewee.CharField(max_length=60, default="", constraints=[sql_default("")])
    new_value = peewee.CharField(max_length=60, default="", constraints=[sql_default("")])  # classify: the new value; escalate: to whom

    class Meta:
        table_name = "complaint_event"


class SlaPolicy(SyncedModel):
    """One version of a site's SLA policy (budgets, clocks that apply, service hours) from ``effective_from``.

    A case keeps the version in force when it was opened (``Complaint.policy_uuid``); a new version
    never changes an older case's deadlines.
    """

    effective_from = peewee.DateField()
    spec = peewee.TextField()  # domain.sla_policy.to_json
    changed_by = peewee.CharField(max_length=30, default="")
    note = peewee.CharField(max_length=200, default="")

    class Meta:
        table_name = "sla_policy"


class Holiday(SyncedModel):
    """A local override of the statutory calendar: this date is a working day, or a day off."""

    date = peewee.DateField()
    is_workday = peewee.BooleanField()
    note = peewee.CharField(max_length=100, default="")

    class Meta:
        table_name = "holiday"
        indexes = ((("site_code", "date"), True),)
