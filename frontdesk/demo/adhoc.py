"""Demo ad-hoc assessment (不定期专项考核): a window-service spot check over the last three weeks for a few people."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from frontdesk.db.models import Staff
from frontdesk.demo.context import DemoContext
from frontdesk.domain.assessment import PeriodKind
from frontdesk.domain.assessment_seed import DEFAULT_UUID
from frontdesk.domain.roles import Actor
from frontdesk.services.assessments import runs as assessments

NAME = "窗口服务专项考核"
TEAM = 6
SCORED = 4  # the rest still wait for their scores


def make(ctx: DemoContext, boss: Actor) -> int:
    """One ad-hoc run on the default template (called inside one demo step): six people, four scored."""
    people = list(Staff.live().where((Staff.active == True) & (Staff.role == "staff"))  # noqa: E712
                  .order_by(Staff.staff_no).limit(TEAM))
    run = assessments.create_run(boss, assessments.RunInput(
        PeriodKind.ADHOC.value, 0, 0, [p.uuid for p in people], DEFAULT_UUID, name=NAME,
        start=ctx.today - timedelta(days=21), end=ctx.today - timedelta(days=1)))
    for row in assessments.team(boss, run)[:SCORED]:
        form = assessments.get_assessment(boss, row["uuid"])
        scale = form["spec"].scale_max
        scores = {i.key: Decimal(max(1, scale - ctx.rng.randrange(3))) for i in form["spec"].items if not i.auto}
        assessments.score(boss, row["uuid"], scores, ctx.rng.choice(["窗口服务规范", "唱收唱付到位", ""]))
    return len(people)
