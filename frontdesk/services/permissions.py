"""Permission checks every service runs before it reads or writes."""

from __future__ import annotations

from frontdesk.domain.roles import PERMISSION_LABELS, Actor, Permission
from frontdesk.errors import PermissionDenied


def require(actor: Actor, permission: Permission) -> None:
    """Raise PermissionDenied unless ``actor``'s role grants ``permission``."""
    if not actor.can(permission):
        raise PermissionDenied(
            f"当前账户（{actor.name}，{actor.role.label}）没有“{PERMISSION_LABELS[permission]}”权限。"
        )
