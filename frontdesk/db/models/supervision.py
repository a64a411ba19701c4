"""Supervision tables (监督检查, seed 004 五 / seed 001): inspection rounds and mystery-shopper visits with their
checklist and findings, and public-opinion entries (online ratings, comment box, media) with their follow-up."""

from __future__ import annotations

import peewee

from frontdesk.db.fields import MoneyField
from frontdesk.db.models.base import SyncedModel


class Inspection(SyncedModel):
    """One inspection round (现场巡查) or mystery-shopper visit (暗访): who looked, when, at whom, the checklist
    with each line passed or not, a summary, and the recording (a file path) it rests on."""

    kind = peewee.CharField(max_length=12)  # round / mystery
    at = peewee.DateTimeField()
    inspector = peewee.CharField(max_length=30)
    staff_uuid = peewee.CharField(max_length=36, default="")  # "" = the desk as a whole
    staff_name = peewee.CharField(max_length=30, default="")
    checklist = peewee.TextField(default="[]")  # JSON: [{"item": "仪容仪表", "ok": true}]
    failed = peewee.IntegerField(default=0)  # lines not passed, for the list
    summary = peewee.CharField(max_length=500, default="")
    recording = peewee.CharField(max_length=300, default="")  # path of the audio/video file
    recorded_by = peewee.CharField(max_length=36, default="")
    recorded_by_name = peewee.CharField(max_length=30, default="")

    class Meta:
        table_name = "inspection"


class InspectionFinding(SyncedModel):
    """A finding of an inspection about one clerk: noted only, or raising a discipline incident or a coaching note."""

    inspection_uuid = peewee.CharField(max_length=36)
    staff_uuid = peewee.CharField(max_length=36, default="")
    staff_name = peewee.CharField(max_length=30, default="")
    text = peewee.CharField(max_length=300)
    action = peewee.CharField(max_length=10, default="note")  # note / incident / coaching
    rule_code = peewee.CharField(max_length=8, default="")
    amount = MoneyField(null=True)
    incident_uuid = peewee.CharField(max_length=36, default="")
    coaching = peewee.CharField(max_length=300, default="")  # the coaching note given to the clerk
    recorded_by_name = peewee.CharField(max_length=30, default="")

    class Meta:
        table_name = "inspection_finding"


class PublicOpinion(SyncedModel):
    """A public-opinion entry (舆情): an online rating, a comment-box slip, a media or forum post; followed up
    until a manager closes it."""

    source = peewee.CharField(max_length=12)  # online / comment_box / media / other
    platform = peewee.CharField(max_length=30, default="")  # 大众点评, 微信公众号 …
    received_at = peewee.DateTimeField()
    rating = peewee.IntegerField(null=True)  # 1–5 stars for an online rating
    author = peewee.CharField(max_length=30, default="")
    content = peewee.CharField(max_length=1000)
    status = peewee.CharField(max_length=10, default="open")  # open / closed
    follow_up = peewee.CharField(max_length=500, default="")
    followed_up_at = peewee.DateTimeField(null=True)
    handler_name = peewee.CharField(max_length=30, default="")
    recorded_by_name = peewee.CharField(max_length=30, default="")

    class Meta:
        table_name = "public_opinion"
