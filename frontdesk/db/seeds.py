"""The rows a fresh database starts with: phrase book, shift types, fine schedule, the default assessment template,
the venue duty checklist.

Every seed row carries the same UUID at every site, so a site import never duplicates it, and no
site code (it is inserted before the site is known, whichever site a process opened before). Old
databases got these rows from the frozen steps (``db/frozen``); changing a seed here needs a new
migration step that makes the same change there.
"""

from __future__ import annotations

import uuid
from datetime import date

from frontdesk.db.models import (
    AssessmentTemplate,
    DutyItem,
    FineRule,
    ForbiddenPhrase,
    ShiftType,
    StandardPhrase,
)
from frontdesk.domain import assessment_seed, duty, fines
from frontdesk.domain import phrases as phrase_seed
from frontdesk.domain.assessment import spec_to_json

NO_SITE = ""
SHIFT_SEED = [("早班", "08:00", "16:00"), ("中班", "16:00", "00:00"), ("晚班", "00:00", "08:00")]
_SHIFT_NS = uuid.UUID("1d0f5b8e-6a43-4f0e-a2d1-7b9c3e5f8a21")


def insert_phrases() -> None:
    for position, (situation, text) in enumerate(phrase_seed.STANDARD_SEED):
        StandardPhrase.create(
            uuid=phrase_seed.seed_uuid("standard", situation, text), site_code=NO_SITE, situation=situation,
            text=text, position=position,
        )
    for category, text, checked, note in phrase_seed.FORBIDDEN_SEED:
        ForbiddenPhrase.create(
            uuid=phrase_seed.seed_uuid("forbidden", "", text), site_code=NO_SITE, text=text, category=category,
            checked=checked, note=note,
        )


def insert_discipline() -> None:
    for position, (name, start, end) in enumerate(SHIFT_SEED):
        ShiftType.create(uuid=str(uuid.uuid5(_SHIFT_NS, f"shift-type:{name}")), site_code=NO_SITE, name=name,
                         start=start, end=end, position=position)
    effective = date.fromisoformat(fines.SEED_EFFECTIVE)
    for rule in fines.DEFAULT_RULES:
        FineRule.create(
            uuid=fines.seed_uuid(rule.code), site_code=NO_SITE, code=rule.code, category=rule.category, offence=rule.offence,
            min_amount=rule.min_amount, max_amount=rule.max_amount, unit=rule.unit.value,
            dismissal=rule.dismissal.value, tiers=fines.tiers_text(rule.tiers), effective_from=effective,
            changed_by="默认标准", note="seed 002 / 001",
        )


def insert_assessment() -> None:
    seed = assessment_seed
    AssessmentTemplate.create(uuid=seed.DEFAULT_UUID, site_code=NO_SITE, family=seed.DEFAULT_FAMILY, version=1, name=seed.DEFAULT_NAME,
                              period_kind="quarter", scale_max=seed.DEFAULT_SPEC.scale_max,
                              content=spec_to_json(seed.DEFAULT_SPEC), changed_by="默认模板",
                              note="seed 004 考核内容")


def insert_duty() -> None:
    """seed 002's venue duty checklist (抄早电表, 开关区域照明, 冷暖设备, 课程广播提示)."""
    shifts = [str(uuid.uuid5(_SHIFT_NS, f"shift-type:{name}")) for name, _start, _end in SHIFT_SEED]
    for position, (name, due, reading, unit, note, shift) in enumerate(duty.DEFAULT_ITEMS):
        DutyItem.create(uuid=duty.default_item_uuid(name), site_code=NO_SITE, name=name,
                        shift_type_uuid=shifts[shift] if shift is not None else "", due_time=due, needs_reading=reading,
                        unit=unit, note=note, position=position)


def insert_all() -> None:
    insert_phrases()
    insert_discipline()
    insert_assessment()
    insert_duty()
