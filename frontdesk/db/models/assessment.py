"""Assessment tables: template versions, runs for a period, one assessment per person, etiquette self-checks."""

from __future__ import annotations

import peewee

from frontdesk.db.fields import MoneyField
from frontdesk.db.models.base import SyncedModel
from frontdesk.db.models.core import Staff


class ScoreField(MoneyField):
    """A score to two places (0–100.00), kept as integer hundredths so SQL sorts it exactly."""


class AssessmentTemplate(SyncedModel):
    """One version of a template; editing writes a new version, so past assessments keep theirs.

    ``family`` is shared by every version of one template; ``current`` marks the latest.
    ``content`` is JSON: {"weights": {dim: "30"}, "items": [{key, dimension, text, auto}],
    "thresholds": {grade: "90"}} with every number as exact decimal text.
    """

    family = peewee.CharField(max_length=36, index=True)
    version = peewee.IntegerField(default=1)
    name = peewee.CharField(max_length=50)
    period_kind = peewee.CharField(max_length=10, default="quarter")
    scale_max = peewee.IntegerField(default=5)
    content = peewee.TextField()
    current = peewee.BooleanField(default=True, index=True)
    changed_by = peewee.CharField(max_length=30, default="")
    note = peewee.CharField(max_length=200, default="")

    class Meta:
        table_name = "assessment_template"


class AssessmentRun(SyncedModel):
    """A manager's run of one template over a period (a month or a quarter) for a team."""

    name = peewee.CharField(max_length=60)
    period_kind = peewee.CharField(max_length=10)
    period_key = peewee.CharField(max_length=10, index=True)  # 2026-03 / 2026-Q1
    period_start = peewee.DateField()
    period_end = peewee.DateField()  # exclusive
    template = peewee.ForeignKeyField(AssessmentTemplate, field="uuid", column_name="template_uuid", backref="+")
    created_by_name = peewee.CharField(max_length=30, default="")

    class Meta:
        table_name = "assessment_run"


class Assessment(SyncedModel):
    """One person's assessment in a run: the evidence pulled, item scores, total, grade, follow-up."""

    run = peewee.ForeignKeyField(AssessmentRun, field="uuid", column_name="run_uuid", backref="assessments")
    staff = peewee.ForeignKeyField(Staff, field="uuid", column_name="staff_uuid", backref="+")
    template = peewee.ForeignKeyField(AssessmentTemplate, field="uuid", column_name="template_uuid", backref="+")
    period_key = peewee.CharField(max_length=10)
    period_start = peewee.DateField()
    evidence = peewee.TextField(default="{}")  # JSON snapshot, refreshed until scored
    scores = peewee.TextField(default="{}")  # JSON {item key: "4"}
    dimensions = peewee.TextField(default="{}")  # JSON {dimension: "85.00"}
    total = ScoreField(null=True)
    grade = peewee.CharField(max_length=10, default="")
    follow_up = peewee.CharField(max_length=10, default="")
    status = peewee.CharField(max_length=12, default="draft")
    assessor_uuid = peewee.CharField(max_length=36, default="")
    assessor_name = peewee.CharField(max_length=30, default="")
    assessor_comment = peewee.CharField(max_length=300, default="")
    scored_at = peewee.DateTimeField(null=True)
    staff_comment = peewee.CharField(max_length=300, default="")
    acknowledged_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "assessment"


class SelfCheck(SyncedModel):
    """One etiquette self-check (服务礼仪自查表) by a member of staff for a day or a week."""

    staff = peewee.ForeignKeyField(Staff, field="uuid", column_name="staff_uuid", backref="+")
    slot = peewee.DateField()  # the day, or the Monday of the week
    frequency = peewee.CharField(max_length=10, default="daily")
    answers = peewee.TextField(default="{}")  # JSON {item key: [true/false, "improvement note"]}
    item_count = peewee.IntegerField(default=0)
    no_count = peewee.IntegerField(default=0)
    submitted_at = peewee.DateTimeField()
    reviewed_by_name = peewee.CharField(max_length=30, default="")
    reviewed_at = peewee.DateTimeField(null=True)
    review_note = peewee.CharField(max_length=200, default="")

    class Meta:
        table_name = "self_check"
