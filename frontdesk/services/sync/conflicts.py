"""Sync conflicts: list them, show both versions side by side, and let a manager pick one."""

from __future__ import annotations

import json
from typing import Any

from frontdesk.clock import now
from frontdesk.db import sync_sql
from frontdesk.db.connection import transaction
from frontdesk.db.models import ImportHistory, SyncConflict
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.listing import ListQuery, Page, run_page
from frontdesk.services.core.permissions import require
from frontdesk.services.reception import phrases
from frontdesk.services.sync.merge import takes_last_admin, write_row
from frontdesk.services.sync.schema import NOT_CONTENT, rows_by_uuid, specs


def _set_base(peer: str, uuid: str, value: bytes) -> None:
    sync_sql.run("INSERT INTO sync_base (peer, record_uuid, digest) VALUES (?, ?, ?) "
                 "ON CONFLICT (peer, record_uuid) DO UPDATE SET digest = excluded.digest", (peer, uuid, value))


KEEP_LOCAL, TAKE_INCOMING = "local", "incoming"
SORT = {"detected_at": SyncConflict.detected_at, "entity": SyncConflict.entity, "peer": SyncConflict.peer,
        "status": SyncConflict.status}


def list_conflicts(actor: Actor, query: ListQuery) -> Page:
    """Open conflicts first (filter ``status``: open / local / incoming / all)."""
    require(actor, Permission.MANAGE_REFERENCE)
    status = query.filters.get("status", "open")
    select = SyncConflict.select(
        SyncConflict.id, SyncConflict.detected_at, SyncConflict.peer, SyncConflict.entity, SyncConflict.record_uuid,
        SyncConflict.status, SyncConflict.resolved_by, SyncConflict.resolved_at,
    )
    if status != "all":
        select = select.where(SyncConflict.status == status)
    if query.search.strip():
        select = select.where(SyncConflict.record_uuid.startswith(query.search.strip())
                              | SyncConflict.local_values.contains(query.search.strip()))
    return run_page(select, query, SORT, (SyncConflict.detected_at, True), SyncConflict.id)


def open_count(actor: Actor) -> int:
    require(actor, Permission.MANAGE_REFERENCE)
    return SyncConflict.select().where(SyncConflict.status == "open").count()


def get_conflict(actor: Actor, conflict_id: int) -> dict[str, Any]:
    """The conflict with ``differences``: every column whose values differ (bookkeeping columns last), each
    with the base's value too (None when the base is not known here); ``newer`` names the newer side."""
    require(actor, Permission.MANAGE_REFERENCE)
    row = SyncConflict.select().where(SyncConflict.id == conflict_id).dicts().first()
    if row is None:
        raise NotFound(T("errors", "该冲突记录不存在"))
    local, incoming = json.loads(row["local_values"]), json.loads(row["incoming_values"])
    base = json.loads(row["base_values"]) if row.get("base_values") else None
    keys = list(incoming)
    keys.sort(key=lambda k: k in NOT_CONTENT)
    row["differences"] = [{"key": k, "local": local.get(k), "incoming": incoming.get(k),
                           "base": base.get(k) if base is not None else None} for k in keys
                          if local.get(k) != incoming.get(k) or (base is not None and base.get(k) != local.get(k))]
    row["local"], row["incoming"], row["base"] = local, incoming, base
    return row


def resolve(actor: Actor, conflict_id: int, choice: str) -> None:
    """Keep the local version or take the incoming one; either way it becomes the newest revision, so the
    next export carries the choice to the other site, and the same incoming version is not a conflict again."""
    require(actor, Permission.MANAGE_REFERENCE)
    if choice not in (KEEP_LOCAL, TAKE_INCOMING):
        raise ValidationError({"choice": T("errors", "请选择保留本站版本或采用对方版本")})
    with transaction():
        conflict = SyncConflict.get_or_none(SyncConflict.id == conflict_id)
        if conflict is None:
            raise NotFound(T("errors", "该冲突记录不存在"))
        if conflict.status != "open":
            raise ValidationError({"choice": T("errors", "该冲突已处理")})
        spec = specs().get(conflict.entity)
        if spec is None:
            raise NotFound(T("errors", "本程序不认识记录类型 {0}").format(conflict.entity))
        current = rows_by_uuid(spec, [conflict.record_uuid]).get(conflict.record_uuid)
        if current is None:
            raise NotFound(T("errors", "冲突涉及的本站记录已不存在"))
        incoming = json.loads(conflict.incoming_values)
        chosen = list(current) if choice == KEEP_LOCAL else [incoming.get(k) for k in spec.keys]
        at_rev, at_upd = spec.index("revision"), spec.index("updated_at")
        chosen[at_rev] = max(int(current[at_rev] or 0), int(incoming.get("revision") or 0)) + 1
        chosen[at_upd] = str(now())
        if takes_last_admin(spec, [(chosen, current)]):
            raise ValidationError({"choice": T("errors", "采用对方版本会使本站没有可登录的在职管理员，请保留本站版本")})
        write_row(spec, chosen, current)
        _set_base(conflict.peer, conflict.record_uuid, bytes(conflict.incoming_digest))
        conflict.status = choice
        conflict.resolved_by = actor.name
        conflict.resolved_at = now()
        conflict.save()
        audit.record(actor, conflict.entity, conflict.record_uuid, "sync_resolve",
                     new={"choice": choice, "peer": conflict.peer})
    phrases.invalidate_cache()


def list_imports(actor: Actor, query: ListQuery) -> Page:
    """The import history, newest first (site workbooks and hand-made spreadsheets)."""
    require(actor, Permission.MANAGE_REFERENCE)
    select = ImportHistory.select(
        ImportHistory.id, ImportHistory.at, ImportHistory.kind, ImportHistory.file_name, ImportHistory.peer_site,
        ImportHistory.exported_at, ImportHistory.actor_name, ImportHistory.inserted, ImportHistory.updated,
        ImportHistory.skipped, ImportHistory.conflicts, ImportHistory.checksum,
    )
    return run_page(select, query, {"at": ImportHistory.at}, (ImportHistory.at, True), ImportHistory.id)
