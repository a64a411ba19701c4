"""Demo assessments: a monthly template beside the default, self-checks, three scored quarters, last month's run
and an ad-hoc one."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, time, timedelta
from decimal import Decimal

from frontdesk.db.bulk import insert_rows
from frontdesk.db.models import Assessment, AssessmentRun, AssessmentTemplate, SelfCheck, Staff
from frontdesk.db.models.base import current_site_code, new_uuid
from frontdesk.demo import adhoc
from frontdesk.demo.context import DemoContext
from frontdesk.domain import assessment as rules
from frontdesk.domain import selfcheck as check_rules
from frontdesk.domain.assessment_seed import DEFAULT_UUID
from frontdesk.services.assessments import runs as assessments
from frontdesk.services.assessments import templates
from frontdesk.services.core import auth

CHECK_DAYS = 150
MONTHLY = "客服人员月度考核"
SCORED_PER_STEP = 3  # a step holds the write lock for tens of milliseconds
COMMENTS = ["服务热情，继续保持", "业务知识需加强，安排参加培训", "投诉处理沉着冷静", "着装规范，礼仪到位",
            "偶有迟到，注意考勤", "接待记录完整清晰", ""]
STAFF_COMMENTS = ["收到，会继续努力", "接受考核结果", "会加强业务学习", ""]


def _people() -> tuple[list[Staff], Staff | None]:
    people = list(Staff.live().where((Staff.active == True) & (Staff.role == "staff"))  # noqa: E712
                  .order_by(Staff.staff_no))
    boss = Staff.live().where((Staff.role == "manager") & (Staff.active == True)).first()  # noqa: E712
    return people, boss


def _self_checks(ctx: DemoContext, people: list[Staff]) -> int:
    """Most working days of the last two months; a careless few skip some and answer 否 more often."""
    rows = []
    for person in people:
        diligence = ctx.rng.uniform(0.6, 1.0)
        for offset in range(1, CHECK_DAYS):
            day = ctx.today - timedelta(days=offset)
            if day.weekday() >= 5 or ctx.rng.random() > diligence:
                continue
            answers = {}
            for item in check_rules.ITEMS:
                ok = ctx.rng.random() > (1.05 - diligence) / 3
                answers[item.key] = [ok, "" if ok else item.hint]
            no = sum(1 for ok, _ in answers.values() if not ok)
            at = datetime.combine(day, time(17, ctx.rng.randrange(60)))
            reviewed = offset > 7 and ctx.rng.random() < 0.8
            rows.append((new_uuid(), current_site_code(), at, at, 1, False, person.uuid, day, "daily",
                         json.dumps(answers, ensure_ascii=False), len(answers), no, at,
                         "主管" if reviewed else "", at + timedelta(days=1) if reviewed else None, ""))
    return insert_rows(SelfCheck, ("uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "staff",
                                   "slot", "frequency", "answers", "item_count", "no_count", "submitted_at",
                                   "reviewed_by_name", "reviewed_at", "review_note"), rows)


def _monthly_template(boss: object) -> str:
    return templates.save_template(boss, templates.TemplateInput(
        name=MONTHLY, period_kind="month", scale_max=10, note="月度简表",
        weights={"attitude": "35", "knowledge": "20", "skill": "25", "discipline": "20"},
        items=[("attitude", "服务态度与礼貌用语", ""), ("attitude", "服务礼仪自查", "self_check"),
               ("knowledge", "业务知识掌握", ""), ("skill", "接待与投诉处理", ""), ("discipline", "考勤与纪律", "")],
        thresholds={"excellent": "90", "good": "80", "pass": "60"}))


def _runs(ctx: DemoContext) -> list[tuple[str, int, int, str]]:
    """The last three quarters on the default template, then last month on the monthly one."""
    year, quarter = rules.period_of("quarter", ctx.today)
    quarters = []
    for _ in range(3):
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
        quarters.append((year, quarter))
    month_year, month = rules.period_of("month", ctx.today)
    month_year, month = (month_year, month - 1) if month > 1 else (month_year - 1, 12)
    return [("quarter", y, q, DEFAULT_UUID) for y, q in reversed(quarters)] + [("month", month_year, month, MONTHLY)]


def generate(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """Self-checks and the monthly template, then each run: created in one step, scored a few people a step."""
    people, boss_row = _people()
    if len(people) < 3 or boss_row is None:
        return
    boss = auth.actor_for(boss_row)
    ctx.reseed("ability")
    ability = {p.uuid: ctx.rng.uniform(2.8, 5.0) for p in people}
    runs = _runs(ctx)
    plan: list[tuple[int, int]] = [(-1, 0)]  # (run, -1 to create it | first person to score)
    for index in range(len(runs)):
        plan += [(index, -1), *((index, first) for first in range(0, len(people), SCORED_PER_STEP))]
    plan.append((len(runs), -2))  # last, a 不定期专项考核 (demo/adhoc.py) beside the period runs
    for index, first in ctx.remaining(plan):
        if first == -2:
            with ctx.step() as step:
                step.rows = adhoc.make(ctx, boss)
        elif index < 0:
            with ctx.step() as step:
                step.rows = _self_checks(ctx, people)
                _monthly_template(boss)
        elif first < 0:
            with ctx.step():
                _create_run(boss, people, *runs[index])
        else:
            kind, year, number, _template = runs[index]
            run = AssessmentRun.live().where(AssessmentRun.period_key == rules.period_key(kind, year, number)) \
                .order_by(AssessmentRun.id.desc()).get()
            team = assessments.team(boss, run.uuid)[first:first + SCORED_PER_STEP]
            marks = _marks(ctx, boss, ability, team, first, latest=index == len(runs) - 1)  # read before the step
            with ctx.step(len(marks)):
                for uuid, scores, comment, reply in marks:
                    assessments.score(boss, uuid, scores, comment)
                    if reply is not None:  # the person has read and acknowledged it
                        a = Assessment.get(Assessment.uuid == uuid)
                        a.status, a.acknowledged_at = rules.Status.ACKNOWLEDGED.value, a.scored_at + timedelta(days=1)
                        a.staff_comment = reply
                        a.save()
        progress(ctx.made)


def _create_run(boss: object, people: list[Staff], kind: str, year: int, number: int, template: str) -> None:
    if template == MONTHLY:
        template = AssessmentTemplate.live().where(
            (AssessmentTemplate.name == MONTHLY) & (AssessmentTemplate.current == True)  # noqa: E712
        ).order_by(AssessmentTemplate.id.desc()).get().uuid
    assessments.create_run(boss, assessments.RunInput(kind, year, number, [p.uuid for p in people], template))


def _marks(ctx: DemoContext, boss: object, ability: dict[str, float], team: list[dict], first: int,
           latest: bool) -> list[tuple[str, dict[str, Decimal], str, str | None]]:
    """(assessment, scores, comment, the person's reply or None) for ``team``, the run's people from ``first``;
    the newest run is partly scored and partly acknowledged."""
    marks = []
    for row_index, row in enumerate(team, first):
        if latest and row_index % 3 == 2:
            continue  # the newest quarter is still being scored
        form = assessments.get_assessment(boss, row["uuid"])
        level = ability[row["staff_uuid"]] + ctx.rng.uniform(-0.4, 0.4) - min(row["incidents"], 3) * 0.2
        scale = form["spec"].scale_max
        scores = {i.key: Decimal(max(0, min(scale, round((level + ctx.rng.uniform(-0.8, 0.8)) * scale / 5))))
                  for i in form["spec"].items if not i.auto}
        comment = ctx.rng.choice(COMMENTS)
        reply = ctx.rng.choice(STAFF_COMMENTS) if not latest or ctx.rng.random() < 0.5 else None
        marks.append((row["uuid"], scores, comment, reply))
    return marks
