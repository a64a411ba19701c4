"""Desk duty tables: messages for absent colleagues (留言转告) and the venue's per-shift duty checklist (值守清单)."""

from __future__ import annotations

import peewee

from frontdesk.db.fields import MoneyField
from frontdesk.db.models.base import SyncedModel


class DeskMessage(SyncedModel):
    """A message left for a named colleague, or for whoever works the next shift (``recipient_uuid`` empty);
    shown to them at login and on the handover page until they acknowledge it."""

    author_uuid = peewee.CharField(max_length=36)
    author_name = peewee.CharField(max_length=30, default="")
    recipient_uuid = peewee.CharField(max_length=36, default="")  # "" = the next shift
    recipient_name = peewee.CharField(max_length=30, default="")
    caller = peewee.CharField(max_length=30, default="")  # who asked for the message to be passed on
    caller_phone = peewee.CharField(max_length=30, default="")
    body = peewee.CharField(max_length=500)
    urgent = peewee.BooleanField(default=False)
    left_at = peewee.DateTimeField()
    acknowledged_at = peewee.DateTimeField(null=True)
    acknowledged_by = peewee.CharField(max_length=36, default="")
    acknowledged_by_name = peewee.CharField(max_length=30, default="")

    class Meta:
        table_name = "desk_message"


class DutyItem(SyncedModel):
    """One line of a site's duty checklist (seed 002: 抄早电表, 开关区域照明 …): for every shift or one shift type,
    due at a time of day, with a reading (and its unit) to record when ``needs_reading``."""

    name = peewee.CharField(max_length=60)
    shift_type_uuid = peewee.CharField(max_length=36, default="")  # "" = every shift
    due_time = peewee.CharField(max_length=5, default="")  # HH:MM, "" = any time in the shift
    needs_reading = peewee.BooleanField(default=False)
    unit = peewee.CharField(max_length=10, default="")
    note = peewee.CharField(max_length=200, default="")  # e.g. the class timetable for 课程广播提示
    position = peewee.IntegerField(default=0)
    active = peewee.BooleanField(default=True)

    class Meta:
        table_name = "duty_item"


class DutyCheck(SyncedModel):
    """An item done on one shift (a tick, with its reading), or missed: a missed one names the W08 incident
    the manager raised for it."""

    item_uuid = peewee.CharField(max_length=36)
    day = peewee.DateField()
    shift_type_uuid = peewee.CharField(max_length=36, default="")
    status = peewee.CharField(max_length=10, default="done")  # done / missed
    done_at = peewee.DateTimeField(null=True)
    staff_uuid = peewee.CharField(max_length=36, default="")
    staff_name = peewee.CharField(max_length=30, default="")
    reading = MoneyField(null=True)  # a meter reading: exact Decimal, two places, stored as hundredths (syncs as INT)
    note = peewee.CharField(max_length=200, default="")
    incident_uuid = peewee.CharField(max_length=36, default="")

    class Meta:
        table_name = "duty_check"
