"""All models, imported here so migrations and services find them in one place."""

from frontdesk.db.models.aftersales import RepairEvent, RepairOrder, ReturnOrder
from frontdesk.db.models.assessment import Assessment, AssessmentRun, AssessmentTemplate, SelfCheck
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
from frontdesk.db.models.discipline import (
    DismissalProposal,
    FineMonth,
    FineRule,
    Handover,
    Incident,
    LeaveRequest,
    Shift,
    ShiftSwap,
    ShiftType,
)
from frontdesk.db.models.phrases import ForbiddenPhrase, StandardPhrase
from frontdesk.db.models.reception import Contact, Transfer
from frontdesk.db.models.sync import ImportHistory, SyncBase, SyncConflict
from frontdesk.db.models.visits import KeyCustomer, ReturnVisit

__all__ = [
    "Assessment",
    "AssessmentRun",
    "AssessmentTemplate",
    "AuditLog",
    "BaseModel",
    "Complaint",
    "ComplaintEvent",
    "Contact",
    "Department",
    "DismissalProposal",
    "FineMonth",
    "FineRule",
    "ForbiddenPhrase",
    "Handover",
    "Holiday",
    "ImportHistory",
    "Incident",
    "KeyCustomer",
    "LeaveRequest",
    "NumberSequence",
    "RepairEvent",
    "RepairOrder",
    "ReturnOrder",
    "ReturnVisit",
    "SchemaVersion",
    "SelfCheck",
    "Shift",
    "ShiftSwap",
    "ShiftType",
    "SiteSetting",
    "Staff",
    "StandardPhrase",
    "SyncBase",
    "SyncConflict",
    "SyncedModel",
    "Transfer",
    "current_site_code",
    "set_current_site",
]
