"""Assessment rules (seed 004 考核机制): periods, weighted dimensions, item scores, total, grade and follow-up."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from frontdesk.domain.labels import labeller
from frontdesk.errors import QT_TRANSLATE_NOOP, Message, T

HUNDRED = Decimal(100)
POINT = Decimal("0.01")


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    ADHOC = "adhoc"  # 不定期专项考核: chosen dates; in the person's history, never in a period's ranking


class Dimension(StrEnum):
    """The four dimensions of seed 004, in the order they are shown."""

    ATTITUDE = "attitude"
    KNOWLEDGE = "knowledge"
    SKILL = "skill"
    DISCIPLINE = "discipline"


class Grade(StrEnum):
    EXCELLENT = "excellent"
    GOOD = "good"
    PASS = "pass"
    FAIL = "fail"


class FollowUp(StrEnum):
    """结果应用: reward the best; train, then transfer, then propose dismissal for repeated failures."""

    NONE = "none"
    REWARD = "reward"
    TRAINING = "training"
    TRANSFER = "transfer"
    DISMISSAL = "dismissal"


class Status(StrEnum):
    DRAFT = "draft"  # evidence pulled, not scored yet
    SCORED = "scored"  # scored by the assessor, waiting for the staff member
    ACKNOWLEDGED = "acknowledged"


class AutoItem(StrEnum):
    """An item scored from evidence instead of by the assessor."""

    SELF_CHECK = "self_check"  # etiquette self-check completion and 否 answers (attitude)


LABELS: dict[str, str] = {
    PeriodKind.MONTH: QT_TRANSLATE_NOOP("enum", "月度"),
    PeriodKind.QUARTER: QT_TRANSLATE_NOOP("enum", "季度"),
    PeriodKind.ADHOC: QT_TRANSLATE_NOOP("enum", "不定期专项"),
    Dimension.ATTITUDE: QT_TRANSLATE_NOOP("enum", "服务态度"),
    Dimension.KNOWLEDGE: QT_TRANSLATE_NOOP("enum", "业务知识"),
    Dimension.SKILL: QT_TRANSLATE_NOOP("enum", "服务技能"),
    Dimension.DISCIPLINE: QT_TRANSLATE_NOOP("enum", "工作纪律"),
    Grade.EXCELLENT: QT_TRANSLATE_NOOP("enum", "优秀"),
    Grade.GOOD: QT_TRANSLATE_NOOP("enum", "良好"),
    Grade.PASS: QT_TRANSLATE_NOOP("enum", "合格"),
    Grade.FAIL: QT_TRANSLATE_NOOP("enum", "不合格"),
    FollowUp.NONE: QT_TRANSLATE_NOOP("enum", "无"),
    FollowUp.REWARD: QT_TRANSLATE_NOOP("enum", "表彰奖励"),
    FollowUp.TRAINING: QT_TRANSLATE_NOOP("enum", "辅导培训"),
    FollowUp.TRANSFER: QT_TRANSLATE_NOOP("enum", "调岗"),
    FollowUp.DISMISSAL: QT_TRANSLATE_NOOP("enum", "辞退建议"),
    Status.DRAFT: QT_TRANSLATE_NOOP("enum", "待评分"),
    Status.SCORED: QT_TRANSLATE_NOOP("enum", "待确认"),
    Status.ACKNOWLEDGED: QT_TRANSLATE_NOOP("enum", "已确认"),
    AutoItem.SELF_CHECK: QT_TRANSLATE_NOOP("enum", "礼仪自查（自动）"),
}


label = labeller(LABELS)


# --- periods ------------------------------------------------------------------------------------------------


def period_bounds(kind: PeriodKind | str, year: int, number: int) -> tuple[date, date]:
    """First day (inclusive) and the day after the last (exclusive) of month or quarter ``number``."""
    kind = PeriodKind(kind)
    limit = 12 if kind is PeriodKind.MONTH else 4
    if not 1 <= number <= limit:
        raise ValueError(f"{kind.value} number out of range: {number}")
    first_month = number if kind is PeriodKind.MONTH else 3 * number - 2
    months = 1 if kind is PeriodKind.MONTH else 3
    start = date(year, first_month, 1)
    end_month = first_month + months
    end = date(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    return start, end


ADHOC_MAX_DAYS = 366


def adhoc_problems(start: date | None, last: date | None, today: date) -> dict[str, str]:
    """An ad-hoc assessment's dates (``last`` included): both given, in order, not after today, at most a year."""
    errors: dict[str, str] = {}
    if start is None:
        errors["start"] = T("errors", "请填写考核起始日期")
    elif start > today:
        errors["start"] = T("errors", "考核起始日期不能晚于今天")
    if last is None:
        errors["end"] = T("errors", "请填写考核截止日期")
    elif last > today:
        errors["end"] = T("errors", "考核截止日期不能晚于今天")
    elif start is not None and last < start:
        errors["end"] = T("errors", "截止日期不能早于起始日期")
    elif start is not None and (last - start).days >= ADHOC_MAX_DAYS:
        errors["end"] = T("errors", "专项考核的期间不超过 {0} 天").format(ADHOC_MAX_DAYS)
    return errors


def adhoc_key(start: date) -> str:
    """An ad-hoc run's key: its first day (2026-11-16), never equal to a month's or a quarter's."""
    return start.isoformat()


def period_key(kind: PeriodKind | str, year: int, number: int) -> str:
    """2026-03 for a month, 2026-Q1 for a quarter: sorts in time order within a kind."""
    return f"{year}-{number:02d}" if PeriodKind(kind) is PeriodKind.MONTH else f"{year}-Q{number}"


def period_of(kind: PeriodKind | str, day: date) -> tuple[int, int]:
    """(year, number) of the month or quarter holding ``day``."""
    return (day.year, day.month) if PeriodKind(kind) is PeriodKind.MONTH else (day.year, (day.month - 1) // 3 + 1)


# --- templates ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemSpec:
    key: str
    dimension: Dimension
    text: str
    auto: str = ""  # an AutoItem value, or "" for an item the assessor scores


@dataclass(frozen=True)
class TemplateSpec:
    """A template version as the rules see it; weights and thresholds are exact percentages."""

    weights: Mapping[Dimension, Decimal]
    items: Sequence[ItemSpec]
    scale_max: int = 5
    thresholds: Mapping[Grade, Decimal] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))


DEFAULT_THRESHOLDS: dict[Grade, Decimal] = {Grade.EXCELLENT: Decimal(90), Grade.GOOD: Decimal(80),
                                            Grade.PASS: Decimal(60)}


def to_decimal(value: object) -> Decimal | None:
    """An exact Decimal from text or a number (floats refused); None when it is not a number."""
    if isinstance(value, float) or isinstance(value, bool):
        return None
    try:
        result = Decimal(str(value).strip().rstrip("%"))
    except (InvalidOperation, ValueError):
        return None
    return result if result.is_finite() else None


def template_problems(spec: TemplateSpec) -> dict[str, str]:
    """Why a template cannot be saved (field -> message); empty when it is sound."""
    errors: dict[str, str] = {}
    for dim in Dimension:
        weight = spec.weights.get(dim)
        if weight is None or weight < 0 or weight > HUNDRED:
            errors[f"weight_{dim.value}"] = T("errors", "权重须在 0–100% 之间")
    if not errors:
        total = sum((spec.weights[d] for d in Dimension), Decimal(0))
        if total != HUNDRED:
            errors["weights"] = T("errors", "各维度权重之和须为 100%，现为 {0:f}%").format(total.normalize())
    for dim in Dimension:
        if spec.weights.get(dim, Decimal(0)) > 0 and not any(i.dimension is dim for i in spec.items):
            errors["items"] = T("errors", "“{0}”有权重但没有考核项目").format(Message("enum", LABELS[dim]))
    if any(not i.text.strip() for i in spec.items):
        errors["items"] = T("errors", "考核项目名称不能为空")
    if len({i.key for i in spec.items}) != len(spec.items):
        errors["items"] = T("errors", "考核项目重复")
    if not 1 <= spec.scale_max <= 100:
        errors["scale_max"] = T("errors", "评分上限须在 1–100 之间")
    t = spec.thresholds
    if any(t.get(g) is None for g in (Grade.EXCELLENT, Grade.GOOD, Grade.PASS)):
        errors["thresholds"] = T("errors", "请填写各等级分数线")
    elif not HUNDRED >= t[Grade.EXCELLENT] > t[Grade.GOOD] > t[Grade.PASS] > 0:
        errors["thresholds"] = T("errors", "分数线须满足 100 ≥ 优秀 > 良好 > 合格 > 0")
    return errors


# --- scoring ------------------------------------------------------------------------------------------------


def score_problems(spec: TemplateSpec, scores: Mapping[str, Decimal | None]) -> dict[str, str]:
    """Every assessor item must have a score between 0 and the scale maximum."""
    errors: dict[str, str] = {}
    for item in spec.items:
        value = scores.get(item.key)
        if value is None:
            errors[item.key] = T("errors", "请为“{0}”评分").format(item.text)
        elif not 0 <= value <= spec.scale_max:
            errors[item.key] = T("errors", "“{0}”的得分须在 0–{1} 之间").format(item.text, spec.scale_max)
    return errors


def dimension_scores(spec: TemplateSpec, scores: Mapping[str, Decimal]) -> dict[Dimension, Decimal]:
    """Each dimension as a percentage of its maximum (0–100, two places)."""
    result: dict[Dimension, Decimal] = {}
    for dim in Dimension:
        items = [i for i in spec.items if i.dimension is dim]
        if not items:
            result[dim] = Decimal(0).quantize(POINT)
            continue
        got = sum((Decimal(scores.get(i.key) or 0) for i in items), Decimal(0))
        result[dim] = (got * HUNDRED / (len(items) * spec.scale_max)).quantize(POINT, ROUND_HALF_UP)
    return result


def total_score(spec: TemplateSpec, scores: Mapping[str, Decimal]) -> Decimal:
    """Σ weight% × dimension score, from the unrounded dimension ratios, to two places."""
    total = Decimal(0)
    for dim in Dimension:
        items = [i for i in spec.items if i.dimension is dim]
        if not items:
            continue
        got = sum((Decimal(scores.get(i.key) or 0) for i in items), Decimal(0))
        total += spec.weights[dim] * got / (len(items) * spec.scale_max)
    return total.quantize(POINT, ROUND_HALF_UP)


def grade_for(total: Decimal, thresholds: Mapping[Grade, Decimal]) -> Grade:
    """The grade whose threshold the total reaches (a threshold is inclusive)."""
    for grade in (Grade.EXCELLENT, Grade.GOOD, Grade.PASS):
        if total >= thresholds[grade]:
            return grade
    return Grade.FAIL


def follow_up_for(grade: Grade, earlier_fails_in_a_row: int) -> FollowUp:
    """优秀 → reward; 不合格 → training, then transfer, then a dismissal proposal if it keeps failing."""
    if grade is Grade.EXCELLENT:
        return FollowUp.REWARD
    if grade is not Grade.FAIL:
        return FollowUp.NONE
    return (FollowUp.TRAINING, FollowUp.TRANSFER, FollowUp.DISMISSAL)[min(earlier_fails_in_a_row, 2)]


def fails_in_a_row(grades_newest_first: Sequence[str]) -> int:
    """How many of the latest earlier grades were 不合格 without a break."""
    count = 0
    for grade in grades_newest_first:
        if grade != Grade.FAIL.value:
            break
        count += 1
    return count


def self_check_score(scale_max: int, expected: int, done: int, answers: int, no_answers: int) -> Decimal:
    """The self-check item: scale × completion × share of 是 answers (nothing expected: full marks)."""
    if expected <= 0:
        return Decimal(scale_max)
    completion = Decimal(min(done, expected)) / Decimal(expected)
    yes_share = Decimal(answers - no_answers) / Decimal(answers) if answers else Decimal(1)
    return (Decimal(scale_max) * completion * yes_share).quantize(POINT, ROUND_HALF_UP)


# --- stored form --------------------------------------------------------------------------------------------


def spec_to_json(spec: TemplateSpec) -> str:
    """The template's content column: every number as exact decimal text."""
    return json.dumps({
        "weights": {d.value: str(spec.weights[d]) for d in Dimension},
        "items": [{"key": i.key, "dimension": i.dimension.value, "text": i.text, "auto": i.auto} for i in spec.items],
        "thresholds": {g.value: str(v) for g, v in spec.thresholds.items()},
    }, ensure_ascii=False)


def spec_from_json(text: str, scale_max: int) -> TemplateSpec:
    data = json.loads(text)
    return TemplateSpec(
        weights={Dimension(k): Decimal(v) for k, v in data["weights"].items()},
        items=tuple(ItemSpec(i["key"], Dimension(i["dimension"]), i["text"], i.get("auto", "")) for i in data["items"]),
        scale_max=scale_max,
        thresholds={Grade(k): Decimal(v) for k, v in data["thresholds"].items()},
    )
