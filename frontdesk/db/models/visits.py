"""Return visit tables: calls back to customers (回访) and the key/regular customers visited twice a year."""

from __future__ import annotations

import peewee

from frontdesk.db.fields import sql_default
from frontdesk.db.models.base import SyncedModel
from frontdesk.db.models.complaints import Complaint
from frontdesk.db.models.core import Staff
from frontdesk.db.models.reception import Contact


class ReturnVisit(SyncedModel):
    """One visit back to a customer: how, what they said, the result, and when to call again."""

    customer_name = peewee.CharField(max_length=30, index=True)
    phone = peewee.CharField(max_length=20, default="")  # digits only
    contact = peewee.ForeignKeyField(
        Contact, field="uuid", null=True, column_name="contact_uuid", backref="+", on_delete="SET NULL"
    )
    complaint = peewee.ForeignKeyField(
        Complaint, field="uuid", null=True, column_name="complaint_uuid", backref="+", on_delete="SET NULL"
    )
    visited_at = peewee.DateTimeField(index=True)
    method = peewee.CharField(max_length=10)
    opinions = peewee.TextField(default="")
    suggestions = peewee.TextField(default="")
    result = peewee.TextField(default="")
    satisfaction = peewee.CharField(max_length=12, default="")  # overall; derived from the three below when given
    sat_speed = peewee.CharField(max_length=12, default="", constraints=[sql_default("")])  # 处理速度
    sat_result = peewee.CharField(max_length=12, default="", constraints=[sql_default("")])  # 处理结果
    sat_communication = peewee.CharField(max_length=12, default="", constraints=[sql_default("")])  # 沟通态度
    next_visit_date = peewee.DateField(null=True, index=True)
    visitor = peewee.ForeignKeyField(Staff, field="uuid", column_name="visitor_uuid", backref="+", index=True)

    class Meta:
        table_name = "return_visit"


class KeyCustomer(SyncedModel):
    """A key (重点客户) or regular (常客) customer: visited at least twice a calendar year."""

    name = peewee.CharField(max_length=50, index=True)
    phone = peewee.CharField(max_length=20)  # digits only
    level = peewee.CharField(max_length=10, default="key")
    note = peewee.CharField(max_length=200, default="")
    active = peewee.BooleanField(default=True)

    class Meta:
        table_name = "key_customer"
        indexes = ((("site_code", "phone"), True),)
