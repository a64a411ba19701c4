"""The fine schedule (罚款标准): versions by effective date, so a change never alters past incidents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import FineRule
from frontdesk.domain import fines
from frontdesk.domain.fines import Dismissal, RuleSpec, Unit
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import audit, master_data
from frontdesk.services.core.permissions import require

_COLUMNS = (FineRule.uuid, FineRule.code, FineRule.category, FineRule.offence, FineRule.min_amount,
            FineRule.max_amount, FineRule.unit, FineRule.dismissal, FineRule.tiers, FineRule.effective_from,
            FineRule.active, FineRule.changed_by, FineRule.note)


def spec_of(row: FineRule | dict[str, Any]) -> RuleSpec:
    get = row.get if isinstance(row, dict) else lambda key: getattr(row, key)
    return RuleSpec(get("code"), get("category"), get("offence"), get("min_amount"), get("max_amount"),
                    Unit(get("unit")), Dismissal(get("dismissal")), fines.parse_tiers(get("tiers") or ""))


def of_site(site: str | None = None) -> peewee.Expression:
    """The versions that apply at ``site`` (default this one): its own, head office's and the shared defaults
    (no site code). Rules are per site: another site's version, arrived by sync, is kept but never applies here."""
    return FineRule.site_code.in_(master_data.sources(site))


def _newest(site: str | None = None) -> tuple[Any, ...]:
    # at one effective date a site's own version goes before head office's, then the shared default
    return (FineRule.effective_from.desc(), master_data.rank(FineRule.site_code, site), FineRule.id.desc())


def rule_for(code: str, on: date, site: str | None = None) -> FineRule | None:
    """The version of rule ``code`` in force at ``site`` (default this one) on ``on`` (None if none, or retired)."""
    row = (
        FineRule.live().where((FineRule.code == code) & (FineRule.effective_from <= on) & of_site(site))
        .order_by(*_newest(site)).first()
    )
    return row if row is not None and row.active else None


def rule_by_uuid(uuid: str) -> FineRule:
    row = FineRule.get_or_none(FineRule.uuid == uuid)
    if row is None:
        raise NotFound(T("errors", "罚款标准条目不存在"))
    return row


def current_rules(actor: Actor, on: date | None = None) -> list[dict[str, Any]]:
    """Every rule as in force on ``on`` (default today), by code; anyone may read the schedule."""
    require(actor, Permission.DESK_WORK)
    day = on or now().date()
    latest = (
        FineRule.select(FineRule.code, peewee.fn.MAX(FineRule.effective_from).alias("eff"))
        .where((FineRule.deleted == False) & (FineRule.effective_from <= day) & of_site())  # noqa: E712
        .group_by(FineRule.code)
    )
    rows = (
        FineRule.select(*_COLUMNS)
        .join(latest, on=((FineRule.code == latest.c.code) & (FineRule.effective_from == latest.c.eff)))
        .where((FineRule.deleted == False) & of_site())  # noqa: E712
        .order_by(FineRule.code, master_data.rank(FineRule.site_code), FineRule.id.desc()).dicts()
    )
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["code"] not in out:
            out[row["code"]] = dict(row, range_text=spec_of(row).range_text)
    out = {code: row for code, row in out.items() if row["active"]}  # the newest version retired it
    return sorted(out.values(), key=lambda r: ({"R": 0, "W": 1, "L": 2}.get(r["code"][:1], 3), r["code"]))


def rule_history(actor: Actor, code: str) -> list[dict[str, Any]]:
    """Every version of one rule, newest first."""
    require(actor, Permission.DESK_WORK)
    rows = FineRule.live().where((FineRule.code == code) & of_site()).order_by(*_newest())
    return [dict(r, range_text=spec_of(r).range_text) for r in rows.select(*_COLUMNS).dicts()]


def money(text: str | Decimal, field: str) -> Decimal:
    """Parse a yuan amount typed by a user; ValidationError for anything not a number."""
    try:
        value = Decimal(str(text).strip() or "x")
    except InvalidOperation:
        raise ValidationError({field: T("errors", "请输入金额，例如 20 或 20.50")}) from None
    if not value.is_finite():
        raise ValidationError({field: T("errors", "请输入金额，例如 20 或 20.50")})
    problem = fines.money_problem(value)  # more than two decimals or above the ceiling: refused, not rounded
    if problem:
        raise ValidationError({field: problem})
    return value.quantize(Decimal("0.01"))


def version_problems(spec: RuleSpec, effective_from: date) -> dict[str, str]:
    """Why ``save_version`` would refuse this version (field → message); empty when it would save it."""
    errors = fines.spec_problems(spec)
    if effective_from < now().date():
        errors["effective_from"] = T("errors", "生效日期不能早于今天（已发生的违纪按原标准）")
    if spec.category not in (fines.RULES_CAT, fines.WORK_CAT, fines.LABOUR_CAT):
        errors["category"] = T("errors", "请选择类别")
    return errors


LOOKUP: Any = object()  # save_version finds the version it supersedes itself


def version_stamp(code: str) -> tuple[int, int]:
    """(count, newest id) of a rule's live versions: the same stamp later means none was added or removed."""
    db = FineRule._meta.database
    codes = master_data.sources()
    sql = (f"SELECT COUNT(*), MAX(id) FROM fine_rule WHERE code = {db.param} AND deleted = {db.param} "
           f"AND site_code IN ({', '.join([db.param] * len(codes))})")
    count, newest = db.execute_sql(sql, (code, False, *codes)).fetchone()
    return int(count), int(newest or 0)


def save_version(actor: Actor, spec: RuleSpec, effective_from: date, note: str = "", active: bool = True,
                 *, before: FineRule | None = LOOKUP) -> str:
    """A new version of a rule (or a new rule) from ``effective_from``; never earlier than today.

    An import that has just read every version passes ``before`` (the version this one supersedes, or None),
    having checked with ``version_stamp`` that the rule has not changed since.
    """
    require(actor, Permission.MANAGE_REFERENCE)
    errors = version_problems(spec, effective_from)
    if errors:
        raise ValidationError(errors)
    code = spec.code.strip().upper()
    with transaction():
        if before is LOOKUP:
            before = rule_for(code, effective_from) or FineRule.live().where(
                (FineRule.code == code) & of_site()).order_by(*_newest()).first()
        row = FineRule.create(
            code=code, category=spec.category, offence=spec.offence.strip(), min_amount=spec.min_amount,
            max_amount=spec.max_amount, unit=spec.unit.value, dismissal=spec.dismissal.value,
            tiers=fines.tiers_text(spec.tiers), effective_from=effective_from, active=active,
            changed_by=actor.name, note=note.strip()[:200],
        )
        old = _plain(before) if before is not None else None
        audit.record(actor, "fine_rule", code, "new_version" if before else "create", old, _plain(row),
                     f"{effective_from} 起生效")
        return row.uuid


def _plain(row: FineRule) -> dict[str, Any]:
    return {"offence": row.offence, "min_amount": row.min_amount, "max_amount": row.max_amount, "unit": row.unit,
            "dismissal": row.dismissal, "tiers": row.tiers, "active": row.active,
            "effective_from": row.effective_from}
