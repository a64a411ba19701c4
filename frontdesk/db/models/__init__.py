"""All models in one namespace. Base and core tables load at once; a module's tables load the first
time one of them is asked for (start-up does not pay for every module), or all by ``load_all()``."""

from __future__ import annotations

import importlib
from typing import Any

from frontdesk.db.models.base import BaseModel, SyncedModel, current_site_code, set_current_site
from frontdesk.db.models.core import (
    AuditLog,
    Department,
    NumberSequence,
    SchemaVersion,
    SiteSetting,
    Staff,
)

_LAZY: dict[str, str] = {
    "Assessment": "assessment",
    "AssessmentRun": "assessment",
    "AssessmentTemplate": "assessment",
    "Complaint": "complaints",
    "ComplaintEvent": "complaints",
    "Contact": "reception",
    "DismissalProposal": "discipline",
    "FineMonth": "discipline",
    "FineRule": "discipline",
    "ForbiddenPhrase": "phrases",
    "Handover": "discipline",
    "Holiday": "complaints",
    "ImportHistory": "sync",
    "Incident": "discipline",
    "KeyCustomer": "visits",
    "LeaveRequest": "discipline",
    "RepairEvent": "aftersales",
    "RepairOrder": "aftersales",
    "ReturnOrder": "aftersales",
    "ReturnVisit": "visits",
    "SelfCheck": "assessment",
    "Shift": "discipline",
    "ShiftSwap": "discipline",
    "ShiftType": "discipline",
    "StandardPhrase": "phrases",
    "SyncBase": "sync",
    "SyncConflict": "sync",
    "Transfer": "reception",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def load_all() -> None:
    """Import every model module (sync discovers the synced tables by subclass)."""
    for module in sorted(set(_LAZY.values())):
        importlib.import_module(f"{__name__}.{module}")


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
