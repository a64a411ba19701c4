"""After-sales site settings: return/exchange windows per item category, the refund approval threshold, stuck days."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from frontdesk.db.connection import transaction
from frontdesk.domain.returns import (
    ItemCategory,
    Window,
    default_policies,
)
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import AFTERSALES_POLICY, REFUND_THRESHOLD, STUCK_DAYS

MAX_DAYS = 365


@dataclass(frozen=True)
class AftersalesSettings:
    policies: dict[str, Window]
    refund_threshold: Decimal
    stuck_days: int


def policies() -> dict[str, Window]:
    """Windows per category: stored values over the defaults (7 days to return, 15 to exchange)."""
    result = default_policies()
    for category, days in AFTERSALES_POLICY.get().items():
        if category in result and isinstance(days, list) and len(days) == 2:
            result[category] = Window(int(days[0]), int(days[1]))
    return result


def refund_threshold() -> Decimal:
    return REFUND_THRESHOLD.get()


def stuck_days() -> int:
    return STUCK_DAYS.get()


def load() -> AftersalesSettings:
    return AftersalesSettings(policies(), refund_threshold(), stuck_days())


def save(actor: Actor, new: AftersalesSettings) -> None:
    """Managers edit the windows, the threshold and the stuck-order days (audited)."""
    require(actor, Permission.APPROVE_AFTERSALES)
    errors: dict[str, str] = {}
    for category, window in new.policies.items():
        if category not in {c.value for c in ItemCategory}:
            errors["policies"] = T("errors", "未知的商品类别：{0}").format(category)
        elif not (0 <= window.return_days <= MAX_DAYS and 0 <= window.exchange_days <= MAX_DAYS):
            errors[f"policy_{category}"] = T("errors", "天数应在 0–{0} 之间").format(MAX_DAYS)
    if not isinstance(new.refund_threshold, Decimal) or new.refund_threshold <= 0:
        errors["refund_threshold"] = T("errors", "审批金额应大于 0")
    if not 1 <= new.stuck_days <= 90:
        errors["stuck_days"] = T("errors", "滞留天数应在 1–90 之间")
    if errors:
        raise ValidationError(errors)
    with transaction():
        old = load()
        AFTERSALES_POLICY.put({k: [w.return_days, w.exchange_days] for k, w in new.policies.items()})
        REFUND_THRESHOLD.put(new.refund_threshold)
        STUCK_DAYS.put(new.stuck_days)
        audit.record(actor, "aftersales_settings", "aftersales", "update",
                     _plain(old), _plain(new))


def _plain(s: AftersalesSettings) -> dict[str, object]:
    return {"policies": {k: [w.return_days, w.exchange_days] for k, w in sorted(s.policies.items())},
            "refund_threshold": s.refund_threshold, "stuck_days": s.stuck_days}
