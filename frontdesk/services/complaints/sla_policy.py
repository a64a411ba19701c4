"""The site's SLA policy (时限标准): versions by effective date; a case keeps the version in force when it opened."""

from __future__ import annotations

from datetime import date
from typing import Any

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import SlaPolicy as PolicyRow
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.sla_policy import DEFAULT_POLICY, SlaPolicy, from_json, policy_problems, to_json
from frontdesk.errors import T, ValidationError
from frontdesk.services.core import audit, master_data
from frontdesk.services.core.permissions import require

_BY_UUID: dict[str, SlaPolicy] = {}  # versions never change once saved: a new one is a new row


def policy_of(uuid: str | None) -> SlaPolicy:
    """The policy version ``uuid`` (the seeds' defaults for "" or a version this database does not have)."""
    if not uuid:
        return DEFAULT_POLICY
    policy = _BY_UUID.get(uuid)
    if policy is None:
        row = PolicyRow.select(PolicyRow.spec).where(PolicyRow.uuid == uuid).first()
        if row is None:
            return DEFAULT_POLICY
        policy = _BY_UUID[uuid] = from_json(row.spec)
    return policy


def in_force(on: date) -> PolicyRow | None:
    """The version in force here on ``on``: the newest of this site's and head office's (the site's own first
    at one date; ``master_data``); None: no version saved, the seeds' defaults apply."""
    return (PolicyRow.live()
            .where(PolicyRow.site_code.in_(master_data.sources()) & (PolicyRow.effective_from <= on))
            .order_by(PolicyRow.effective_from.desc(), master_data.rank(PolicyRow.site_code),
                      PolicyRow.id.desc()).first())


def uuid_in_force(on: date) -> str:
    row = in_force(on)
    return row.uuid if row is not None else ""


def _plain(row: PolicyRow | None, policy: SlaPolicy) -> dict[str, Any]:
    return {"uuid": row.uuid if row else "", "effective_from": row.effective_from if row else None,
            "changed_by": row.changed_by if row else "", "note": row.note if row else "", "policy": policy}


def current_policy(actor: Actor, on: date | None = None) -> dict[str, Any]:
    """The version in force on ``on`` (default today): uuid, effective_from, changed_by, note and ``policy``."""
    require(actor, Permission.DESK_WORK)
    row = in_force(on or now().date())
    return _plain(row, from_json(row.spec) if row else DEFAULT_POLICY)


def policy_history(actor: Actor) -> list[dict[str, Any]]:
    """Every version of the policy that applies here (this site's and head office's), newest first."""
    require(actor, Permission.DESK_WORK)
    rows = (PolicyRow.live().where(PolicyRow.site_code.in_(master_data.sources()))
            .order_by(PolicyRow.effective_from.desc(), master_data.rank(PolicyRow.site_code), PolicyRow.id.desc()))
    return [_plain(r, from_json(r.spec)) for r in rows]


def save_policy(actor: Actor, policy: SlaPolicy, effective_from: date | None = None, note: str = "") -> str:
    """A new version from ``effective_from`` (default today, never earlier): cases opened from then use it."""
    require(actor, Permission.MANAGE_REFERENCE)
    day = effective_from or now().date()
    errors = policy_problems(policy)
    if day < now().date():
        errors["effective_from"] = T("errors", "生效日期不能早于今天（已受理的投诉按原标准）")
    if errors:
        raise ValidationError(errors)
    with transaction():
        before = in_force(day)
        row = PolicyRow.create(effective_from=day, spec=to_json(policy), changed_by=actor.name,
                               note=note.strip()[:200])
        old = {"spec": before.spec, "effective_from": before.effective_from} if before else None
        audit.record(actor, "sla_policy", row.uuid, "new_version" if before else "create", old,
                     {"spec": row.spec, "effective_from": day}, f"{day} 起生效")
        return row.uuid
