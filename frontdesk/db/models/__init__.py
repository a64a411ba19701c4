"""The model registry: every model by name. Base and core tables load at once; a module's tables load
the first time one of them is asked for (start-up does not pay for every module), or all by ``all_models()``.

A new module in ``db/models/`` must be listed in ``MODULES`` and each of its models in ``_LAZY``
(``tests/unit/test_model_registry.py`` fails otherwise): fresh databases, the migration check and
site sync all take their tables from here, so none can be left out silently."""

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

# every module of db/models that defines tables, in the order their tables are listed
MODULES: tuple[str, ...] = (
    "core", "reception", "complaints", "phrases", "visits", "aftersales", "discipline", "sync", "assessment",
    "knowledge", "expressway", "training", "duty", "supervision",
)

_CORE = (AuditLog, Department, NumberSequence, SchemaVersion, SiteSetting, Staff)

_LAZY: dict[str, str] = {
    "Assessment": "assessment",
    "AssessmentRun": "assessment",
    "AssessmentTemplate": "assessment",
    "ChangeCounter": "sync",
    "Complaint": "complaints",
    "ComplaintEvent": "complaints",
    "Contact": "reception",
    "DeskMessage": "duty",
    "DismissalProposal": "discipline",
    "DutyCheck": "duty",
    "DutyItem": "duty",
    "FineMonth": "discipline",
    "FineRule": "discipline",
    "ForbiddenPhrase": "phrases",
    "Handover": "discipline",
    "HelpCall": "expressway",
    "Holiday": "complaints",
    "ImportHistory": "sync",
    "Incident": "discipline",
    "Inspection": "supervision",
    "InspectionFinding": "supervision",
    "KbArticle": "knowledge",
    "KeyCustomer": "visits",
    "LeaveRequest": "discipline",
    "OutboundNotice": "expressway",
    "PublicOpinion": "supervision",
    "RepairEvent": "aftersales",
    "RepairOrder": "aftersales",
    "ReturnOrder": "aftersales",
    "ReturnVisit": "visits",
    "SelfCheck": "assessment",
    "Shift": "discipline",
    "ShiftSwap": "discipline",
    "ShiftType": "discipline",
    "SlaPolicy": "complaints",
    "StandardPhrase": "phrases",
    "SyncBase": "sync",
    "SyncConflict": "sync",
    "SyncPeer": "sync",
    "SyncSent": "sync",
    "TrainingAttendance": "training",
    "TrainingSession": "training",
    "SyncShadow": "sync",
    "Transfer": "reception",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def all_models() -> list[type[BaseModel]]:
    """Every registered table's model: the core ones, then each module's in ``_LAZY`` order."""
    lazy = [__getattr__(name) for name in sorted(_LAZY, key=lambda n: (MODULES.index(_LAZY[n]), n))]
    return [*_CORE, *lazy]


def load_all() -> None:
    """Import every model module."""
    all_models()


__all__ = [
    "Assessment",
    "AssessmentRun",
    "AssessmentTemplate",
    "AuditLog",
    "BaseModel",
    "ChangeCounter",
    "Complaint",
    "ComplaintEvent",
    "Contact",
    "Department",
    "DeskMessage",
    "DismissalProposal",
    "DutyCheck",
    "DutyItem",
    "FineMonth",
    "FineRule",
    "ForbiddenPhrase",
    "Handover",
    "HelpCall",
    "Holiday",
    "ImportHistory",
    "Incident",
    "Inspection",
    "InspectionFinding",
    "KbArticle",
    "KeyCustomer",
    "LeaveRequest",
    "NumberSequence",
    "OutboundNotice",
    "PublicOpinion",
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
    "SlaPolicy",
    "Staff",
    "StandardPhrase",
    "SyncBase",
    "SyncConflict",
    "SyncPeer",
    "SyncSent",
    "SyncShadow",
    "SyncedModel",
    "TrainingAttendance",
    "TrainingSession",
    "Transfer",
    "all_models",
    "current_site_code",
    "set_current_site",
]
