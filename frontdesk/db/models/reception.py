"""Reception log tables: contacts (one per customer contact) and their transfers to departments."""

from __future__ import annotations

import peewee

from frontdesk.db.models.base import SyncedModel
from frontdesk.db.models.core import Department, Staff


class Contact(SyncedModel):
    """One contact at the desk, whatever its outcome (接待登记)."""

    number = peewee.CharField(max_length=32, unique=True)
    received_at = peewee.DateTimeField(index=True)
    channel = peewee.CharField(max_length=12, index=True)
    category = peewee.CharField(max_length=12, index=True)
    customer_name = peewee.CharField(max_length=30, default="", index=True)
    phone = peewee.CharField(max_length=20, default="", index=True)  # digits only
    request = peewee.TextField(default="")
    handling = peewee.TextField(default="")
    reply_mode = peewee.CharField(max_length=12, default="immediate")
    promised_reply_at = peewee.DateTimeField(null=True)
    follow_up = peewee.CharField(max_length=200, default="")
    follow_up_owner = peewee.ForeignKeyField(
        Staff, field="uuid", null=True, column_name="follow_up_owner_uuid", backref="+", on_delete="SET NULL"
    )
    follow_up_due = peewee.DateField(null=True)
    status = peewee.CharField(max_length=12, default="open", index=True)
    # 首问负责制: the clerk who first received the contact owns it until it is closed.
    owner = peewee.ForeignKeyField(Staff, field="uuid", column_name="owner_uuid", backref="+", index=True)
    closed_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "contact"


class Transfer(SyncedModel):
    """A contact handed to a department to answer by a due time (转办)."""

    contact = peewee.ForeignKeyField(Contact, field="uuid", column_name="contact_uuid", backref="transfers")
    department = peewee.ForeignKeyField(Department, field="uuid", column_name="department_uuid", backref="+")
    transferred_by = peewee.ForeignKeyField(Staff, field="uuid", column_name="transferred_by_uuid", backref="+")
    transferred_at = peewee.DateTimeField(index=True)
    due_at = peewee.DateTimeField(index=True)
    instructions = peewee.CharField(max_length=500, default="")
    status = peewee.CharField(max_length=12, default="pending", index=True)
    reply = peewee.TextField(default="")
    result = peewee.CharField(max_length=500, default="")
    replied_at = peewee.DateTimeField(null=True)
    chase_count = peewee.IntegerField(default=0)
    last_chased_at = peewee.DateTimeField(null=True)
