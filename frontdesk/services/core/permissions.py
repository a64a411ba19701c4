"""Permission checks every service runs before it reads or writes."""

from __future__ import annotations

from frontdesk.domain.roles import PERMISSION_LABELS, Actor, Permission
from frontdesk.errors import Message, PermissionDenied, T


def require(actor: Actor, permission: Permission) -> None:
    """Raise PermissionDenied unless ``actor``'s role grants ``permission``."""
    if not actor.can(permission):
        raise PermissionDenied(
            T("errors", "当前账户（{0}，{1}）没有“{2}”权限。").format(
                actor.name, Message("enum", actor.role.label), Message("enum", PERMISSION_LABELS[permission])
            )
        )
