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

__all__ = [
    "AuditLog",
    "BaseModel",
    "Department",
    "NumberSequence",
    "SchemaVersion",
    "SiteSetting",
    "Staff",
    "SyncedModel",
    "current_site_code",
    "set_current_site",
]
