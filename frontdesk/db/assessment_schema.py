"""Migration step for assessment templates, runs, scores and etiquette self-checks, with the default template."""

from __future__ import annotations

import peewee

from frontdesk.db.models.assessment import Assessment, AssessmentRun, AssessmentTemplate, SelfCheck
from frontdesk.domain import assessment_seed as seed
from frontdesk.domain.assessment import spec_to_json

INDEXES = (
    ("assessment_template_family_version", "assessment_template", "family, version"),
    ("assessment_run_period", "assessment_run", "period_key"),
    ("assessment_run_person", "assessment", "run_uuid, staff_uuid"),
    ("assessment_staff_period", "assessment", "staff_uuid, period_start"),
    ("assessment_period_total", "assessment", "period_key, total"),
    ("self_check_staff_slot", "self_check", "staff_uuid, slot"),
    ("self_check_slot", "self_check", "slot"),
    ("self_check_reviewed", "self_check", "reviewed_at, slot"),
)


def create(db: peewee.Database) -> None:
    db.create_tables([AssessmentTemplate, AssessmentRun, Assessment, SelfCheck])
    for name, table, columns in INDEXES:
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table}({columns})")
    AssessmentTemplate.create(uuid=seed.DEFAULT_UUID, family=seed.DEFAULT_FAMILY, version=1, name=seed.DEFAULT_NAME,
                              period_kind="quarter", scale_max=seed.DEFAULT_SPEC.scale_max,
                              content=spec_to_json(seed.DEFAULT_SPEC), changed_by="默认模板",
                              note="seed 004 考核内容")
