"""The audit trail: who changed which record, when, from what to what."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from frontdesk.db.models import AuditLog
from frontdesk.domain.roles import Actor, Permission
from frontdesk.services.permissions import require


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return value


def _dump(values: dict[str, Any] | None) -> str:
    if not values:
        return ""
    return json.dumps({k: _plain(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


def record(
    actor: Actor,
    entity: str,
    entity_uuid: str,
    action: str,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    note: str = "",
) -> None:
    """Append an audit row (call inside the transaction that made the change)."""
    if old and new:
        changed = {k for k in set(old) | set(new) if _plain(old.get(k)) != _plain(new.get(k))}
        old = {k: old.get(k) for k in changed}
        new = {k: new.get(k) for k in changed}
    AuditLog.create(
        actor_uuid=actor.uuid,
        actor_name=actor.name,
        entity=entity,
        entity_uuid=entity_uuid,
        action=action,
        old_value=_dump(old),
        new_value=_dump(new),
        note=note[:200],
    )


def history(actor: Actor, entity_uuid: str) -> list[dict[str, Any]]:
    """Audit rows for one record, oldest first (managers and admins)."""
    require(actor, Permission.MANAGE_PERSONNEL)
    rows = AuditLog.select().where(AuditLog.entity_uuid == entity_uuid).order_by(AuditLog.at, AuditLog.id)
    return [
        {
            "at": r.at,
            "actor": r.actor_name,
            "action": r.action,
            "old": json.loads(r.old_value) if r.old_value else {},
            "new": json.loads(r.new_value) if r.new_value else {},
            "note": r.note,
        }
        for r in rows
    ]
