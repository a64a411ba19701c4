"""The audit trail: who changed which record, when, from what to what; each site's entries hash-chained."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from frontdesk.clock import now
from frontdesk.db.connection import database
from frontdesk.db.models import AuditLog, current_site_code
from frontdesk.domain import audit_chain
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import Message, T, ValidationError
from frontdesk.services.core.permissions import require


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
    entry = AuditLog(
        actor_uuid=actor.uuid,
        actor_name=actor.name,
        entity=entity,
        entity_uuid=entity_uuid,
        action=action,
        old_value=_dump(old),
        new_value=_dump(new),
        note=note[:200],
    )
    entry.prev_hash = chain_head(entry.site_code)  # the caller's write transaction keeps the chain in order
    entry.hash = audit_chain.entry_hash(entry.__data__, entry.prev_hash)
    entry.save(force_insert=True)


def chain_head(site_code: str | None = None) -> str:
    """The hash of this site's newest audit entry ("" before the first): what a signed sheet prints."""
    site = current_site_code() if site_code is None else site_code
    row = (AuditLog.select(AuditLog.hash).where(AuditLog.site_code == site).order_by(AuditLog.id.desc())
           .first())
    return row.hash if row is not None else ""


def anchor() -> str:
    """The line that anchors a printed sheet in this site's chain (its head's short code, now)."""
    return audit_chain.anchor_line(chain_head(), now())


def find_code(code: str, site_code: str | None = None) -> dict[str, Any] | None:
    """The entry of this site's chain whose hash the printed short ``code`` begins (id, at, later entries),
    or None when none does: the entries up to the printed one were rewritten or deleted since."""
    digits = audit_chain.normal_code(code)
    if not digits:
        raise ValidationError({"code": T("errors", "校验码应为 12 位十六进制数字，如 1a2b-3c4d-5e6f")})
    site = current_site_code() if site_code is None else site_code
    mine = AuditLog.site_code == site
    row = AuditLog.select(AuditLog.id, AuditLog.at).where(mine & AuditLog.hash.startswith(digits)).first()
    if row is None:
        return None
    return {"id": row.id, "at": row.at, "later": AuditLog.select().where(mine & (AuditLog.id > row.id)).count()}


def chain_problems() -> list[Message]:
    """One message per site whose chain is broken, naming the first entry where it breaks (one pass, in SQL order)."""
    columns = [AuditLog.id, AuditLog.prev_hash, AuditLog.hash,
               *(getattr(AuditLog, name) for name in audit_chain.CHAINED_FIELDS)]
    names = ["id", "prev_hash", "hash", *audit_chain.CHAINED_FIELDS]
    query = AuditLog.select(*columns).order_by(AuditLog.site_code, AuditLog.id)
    # values as the driver hands them (the hash reads a stored time as written): parsing 1M times costs seconds
    site, chain, broken = None, [], []
    for row in database.obj.execute_sql(*query.sql()):
        entry = dict(zip(names, row, strict=True))
        if entry["site_code"] != site:
            broken.append(audit_chain.first_break(chain))
            site, chain = entry["site_code"], []
        chain.append(entry)
    broken.append(audit_chain.first_break(chain))
    return [_problem(b) for b in broken if b is not None]


def _problem(broken: audit_chain.ChainBreak) -> Message:
    e = broken.entry
    template = (T("errors", "审计记录被改动：站点 {0} 第 {1} 条（{2:%Y-%m-%d %H:%M} {3} {4} {5}）与其校验码不符")
                if broken.reason == "altered" else
                T("errors", "审计记录不连续：站点 {0} 第 {1} 条（{2:%Y-%m-%d %H:%M} {3} {4} {5}）之前的记录被删除或改动"))
    at = AuditLog.at.python_value(e["at"])
    return template.format(e["site_code"] or "-", e["id"], at, e["actor_name"], e["entity"], e["action"])


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
