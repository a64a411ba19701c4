"""A scanned QR code (or a whole typed number) to the record it names: kind, uuid and number."""

from __future__ import annotations

from typing import NamedTuple

from frontdesk.db.models import Complaint, Contact, RepairOrder, ReturnOrder
from frontdesk.domain import scan_codes
from frontdesk.domain.roles import Actor, Permission
from frontdesk.services.core.permissions import require

_MODELS = {"return": ReturnOrder, "repair": RepairOrder, "complaint": Complaint, "contact": Contact}


class Found(NamedTuple):
    """The record to open."""

    kind: str
    uuid: str
    number: str


def find_scanned(actor: Actor, text: str) -> Found | None:
    """The live record the scanned ``text`` names (by its unique number, through the number's index), or
    None when ``text`` is no code or names nothing here."""
    require(actor, Permission.DESK_WORK)
    scanned = scan_codes.parse(text)
    if scanned is None:
        return None
    model = _MODELS[scanned.kind]
    uuid = model.select(model.uuid).where((model.number == scanned.number) & (model.deleted == False)).scalar()  # noqa: E712
    return Found(scanned.kind, uuid, scanned.number) if uuid else None
