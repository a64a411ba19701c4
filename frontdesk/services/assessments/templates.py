"""Assessment templates: managers edit them, every save is a new version, old versions stay for past assessments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontdesk.db.connection import transaction
from frontdesk.db.models import AssessmentTemplate
from frontdesk.db.models.base import new_uuid
from frontdesk.domain.assessment import (
    Dimension,
    Grade,
    ItemSpec,
    PeriodKind,
    TemplateSpec,
    spec_from_json,
    spec_to_json,
    template_problems,
    to_decimal,
)
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.permissions import require


@dataclass
class TemplateInput:
    """The template form; numbers as typed (text or Decimal), checked here."""

    name: str
    weights: dict[str, Any]  # dimension value -> percentage
    items: list[tuple[str, str, str]]  # (dimension value, text, auto) in order; keys are assigned here
    scale_max: int = 5
    thresholds: dict[str, Any] = field(default_factory=dict)  # grade value -> lowest total
    period_kind: str = PeriodKind.QUARTER.value
    family: str = ""  # "" for a new template, else the template whose new version this is
    note: str = ""


def spec_of(template: AssessmentTemplate) -> TemplateSpec:
    return spec_from_json(template.content, template.scale_max)


def get_row(uuid: str) -> AssessmentTemplate:
    row = AssessmentTemplate.live().where(AssessmentTemplate.uuid == uuid).first()
    if row is None:
        raise NotFound(T("errors", "该考核模板不存在"))
    return row


def _as_dict(row: AssessmentTemplate) -> dict[str, Any]:
    return {"uuid": row.uuid, "family": row.family, "version": row.version, "name": row.name,
            "period_kind": row.period_kind, "scale_max": row.scale_max, "current": row.current,
            "changed_by": row.changed_by, "updated_at": row.updated_at, "note": row.note, "spec": spec_of(row)}


def list_templates(actor: Actor, current_only: bool = True) -> list[dict[str, Any]]:
    """The latest version of each template (or every version), newest first."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    select = AssessmentTemplate.live()
    if current_only:
        select = select.where(AssessmentTemplate.current == True)  # noqa: E712
    return [_as_dict(r) for r in select.order_by(AssessmentTemplate.name, AssessmentTemplate.version.desc())]


def versions(actor: Actor, family: str) -> list[dict[str, Any]]:
    require(actor, Permission.READ_OWN_PERSONNEL)
    rows = AssessmentTemplate.live().where(AssessmentTemplate.family == family)
    return [_as_dict(r) for r in rows.order_by(AssessmentTemplate.version.desc())]


def get_template(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.READ_OWN_PERSONNEL)
    return _as_dict(get_row(uuid))


def _parse(data: TemplateInput) -> tuple[TemplateSpec, dict[str, str]]:
    errors: dict[str, str] = {}
    weights = {}
    for dim in Dimension:
        value = to_decimal(data.weights.get(dim.value, ""))
        if value is None:
            errors[f"weight_{dim.value}"] = T("errors", "请填写权重（百分数）")
        else:
            weights[dim] = value
    thresholds = {}
    for grade in (Grade.EXCELLENT, Grade.GOOD, Grade.PASS):
        value = to_decimal(data.thresholds.get(grade.value, ""))
        if value is None:
            errors["thresholds"] = T("errors", "请填写各等级分数线")
        else:
            thresholds[grade] = value
    items, counters = [], {}
    for dim_value, text, auto in data.items:
        dim = Dimension(dim_value)
        counters[dim] = counters.get(dim, 0) + 1
        items.append(ItemSpec(f"{dim.value[0].upper()}{counters[dim]}", dim, text.strip()[:60], auto))
    spec = TemplateSpec(weights=weights, items=tuple(items), scale_max=data.scale_max, thresholds=thresholds)
    if not errors:
        errors = template_problems(spec)
    if not data.name.strip():
        errors["name"] = T("errors", "请填写模板名称")
    return spec, errors


def save_template(actor: Actor, data: TemplateInput) -> str:
    """Save a new template or a new version of one; refused when the weights do not sum to 100%."""
    require(actor, Permission.MANAGE_REFERENCE)
    spec, errors = _parse(data)
    if errors:
        raise ValidationError(errors)
    with transaction():
        version, family, old = 1, data.family or new_uuid(), None
        if data.family:
            previous = (AssessmentTemplate.live().where(AssessmentTemplate.family == data.family)
                        .order_by(AssessmentTemplate.version.desc()).first())
            if previous is None:
                raise NotFound(T("errors", "该考核模板不存在"))
            version = previous.version + 1
            old = {"version": previous.version, "name": previous.name, "content": previous.content,
                   "scale_max": previous.scale_max}
            for earlier in AssessmentTemplate.live().where((AssessmentTemplate.family == data.family)
                                                           & (AssessmentTemplate.current == True)):  # noqa: E712
                earlier.current = False
                earlier.save()  # a save, not an UPDATE: the revision counts up for sync
        row = AssessmentTemplate.create(
            family=family, version=version, name=data.name.strip()[:50], period_kind=PeriodKind(data.period_kind).value,
            scale_max=spec.scale_max, content=spec_to_json(spec), current=True, changed_by=actor.name,
            note=data.note.strip()[:200])
        audit.record(actor, "assessment_template", family, "create" if old is None else "new_version", old,
                     {"version": version, "name": row.name, "content": row.content, "scale_max": row.scale_max},
                     data.note)
    return row.uuid
