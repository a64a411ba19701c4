"""All models, imported here so migrations and services find them in one place."""

from frontdesk.db.models.base import BaseModel, SyncedModel, current_site_code, set_current_site
from frontdesk.db.models.complaints import Complaint, ComplaintEvent, Holiday
from frontdesk.db.models.core import (
    AuditLog,
    Department,
    NumberSequence,
    SchemaVersion,
    SiteSetting,
    Staff,
)
from frontdesk.db.models.phrases import ForbiddenPhrase, StandardPhrase
from frontdesk.db.models.reception import Contact, Transfer
from frontdesk.db.models.visits import KeyCustomer, ReturnVisit

__all__ = [
    "AuditLog",
    "BaseModel",
    "Complaint",
    "ComplaintEvent",
    "Contact",
    "Department",
    "ForbiddenPhrase",
    "Holiday",
    "KeyCustomer",
    "NumberSequence",
    "ReturnVisit",
    "SchemaVersion",
    "SiteSetting",
    "Staff",
    "StandardPhrase",
    "SyncedModel",
    "Transfer",
    "current_site_code",
    "set_current_site",
]
