"""Training tables (培训): sessions (岗前 / 定期 / 专项) and each person's attendance and test score."""

from __future__ import annotations

import peewee

from frontdesk.db.fields import MoneyField
from frontdesk.db.models.assessment import ScoreField
from frontdesk.db.models.base import SyncedModel
from frontdesk.db.models.core import Staff


class HoursField(MoneyField):
    """Hours to two places, kept as integer hundredths like money (exact, sortable in SQL)."""


class TrainingSession(SyncedModel):
    """One session held: what kind, on what, when, how long, by whom, and the pass mark if there was a test."""

    kind = peewee.CharField(max_length=12, index=True)
    title = peewee.CharField(max_length=60)
    held_on = peewee.DateField(index=True)
    hours = HoursField()
    trainer = peewee.CharField(max_length=30, default="")
    content = peewee.TextField(default="")
    pass_score = ScoreField(null=True)  # NULL: no test
    created_by_name = peewee.CharField(max_length=30, default="")

    class Meta:
        table_name = "training_session"


class TrainingAttendance(SyncedModel):
    """One person at one session: present / absent / on leave, and the test score when present and tested."""

    session = peewee.ForeignKeyField(TrainingSession, field="uuid", column_name="session_uuid", backref="attendance")
    staff = peewee.ForeignKeyField(Staff, field="uuid", column_name="staff_uuid", backref="+")
    status = peewee.CharField(max_length=10, default="present")
    score = ScoreField(null=True)

    class Meta:
        table_name = "training_attendance"
