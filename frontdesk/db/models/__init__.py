"""All models, imported here so migrations and services find them in one place."""

from frontdesk.db.models.base import BaseModel, SyncedModel, current_site_code, set_current_site
from frontdesk.db.models.core import (
    AuditLog,
    Department,
    NumberSequence,
    SchemaVersion,
    SiteSetting,
    Staff,
)
from frontdesk.db.models.reception import Contact, Transfer

__all__ = [
    "AuditLog",
    "BaseModel",
    "Contact",
    "Department",
    "NumberSequence",
    "SchemaVersion",
    "SiteSetting",
    "Staff",
    "SyncedModel",
    "Transfer",
    "current_site_code",
    "set_current_site",
]
