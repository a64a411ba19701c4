"""Foundation tables: site settings, departments, staff accounts, number sequences, audit trail."""

from __future__ import annotations

import peewee

from frontdesk.clock import now
from frontdesk.db.fields import sql_default
from frontdesk.db.models.base import BaseModel, SyncedModel


class SchemaVersion(BaseModel):
    """One row per applied migration."""

    version = peewee.IntegerField(primary_key=True)
    name = peewee.CharField(max_length=100)
    applied_at = peewee.DateTimeField(default=now)


class SiteSetting(BaseModel):
    """Site-wide options (site code and name, module thresholds) as key/value text."""

    key = peewee.CharField(max_length=64, primary_key=True)
    value = peewee.TextField()


class Department(SyncedModel):
    """A department that contacts are transferred to and staff belong to."""

    name = peewee.CharField(max_length=50)
    note = peewee.CharField(max_length=200, default="")
    active = peewee.BooleanField(default=True)

    class Meta:
        indexes = ((("site_code", "name"), True),)


class Staff(SyncedModel):
    """A member of staff; with a password hash also a login account."""

    staff_no = peewee.CharField(max_length=20)  # 工号, the login name
    name = peewee.CharField(max_length=30, index=True)
    department = peewee.ForeignKeyField(
        Department, field="uuid", null=True, backref="staff", on_delete="SET NULL", column_name="department_uuid"
    )
    position = peewee.CharField(max_length=30, default="")
    role = peewee.CharField(max_length=10, default="staff")
    phone = peewee.CharField(max_length=20, default="")
    hire_date = peewee.DateField(null=True)
    active = peewee.BooleanField(default=True)
    password_hash = peewee.CharField(max_length=255, null=True)
    failed_logins = peewee.IntegerField(default=0)
    locked_until = peewee.DateTimeField(null=True)
    last_login = peewee.DateTimeField(null=True)

    class Meta:
        indexes = ((("site_code", "staff_no"), True),)


class NumberSequence(BaseModel):
    """Last human number issued per site, module and day; only ever counts up."""

    site_code = peewee.CharField(max_length=16)
    module = peewee.CharField(max_length=4)
    day = peewee.CharField(max_length=8)
    last = peewee.IntegerField(default=0)

    class Meta:
        primary_key = peewee.CompositeKey("site_code", "module", "day")


class AuditLog(SyncedModel):
    """Who changed what, when: old and new values as JSON text; hash-chained per site (domain/audit_chain)."""

    at = peewee.DateTimeField(default=now, index=True)
    actor_uuid = peewee.CharField(max_length=36, default="")
    actor_name = peewee.CharField(max_length=30, default="")
    entity = peewee.CharField(max_length=40)
    entity_uuid = peewee.CharField(max_length=36, index=True)
    action = peewee.CharField(max_length=20)
    old_value = peewee.TextField(default="")
    new_value = peewee.TextField(default="")
    note = peewee.CharField(max_length=200, default="")
    prev_hash = peewee.CharField(max_length=64, default="", constraints=[sql_default("")])
    hash = peewee.CharField(max_length=64, default="", constraints=[sql_default("")])
