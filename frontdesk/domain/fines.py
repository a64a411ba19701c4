"""The fine schedule (罚款标准, seeds 001/002): rules, ranges, lateness tiers, incident statuses."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from frontdesk.domain.labels import labeller
from frontdesk.errors import QT_TRANSLATE_NOOP, T


class Unit(StrEnum):
    """How a fine is counted: once, for each person on the shift (W03), or for each time (W08)."""

    ONCE = "once"
    PER_PERSON = "per_person"
    PER_TIME = "per_time"


class Dismissal(StrEnum):
    """Whether the rule can lead to dismissal: never, if the case is serious, or always (R10)."""

    NONE = "none"
    SERIOUS = "serious"
    ALWAYS = "always"


class IncidentStatus(StrEnum):
    """待确认 → 已确认 → 申诉中 → 已确认 / 已撤销."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    APPEALED = "appealed"
    REVOKED = "revoked"


class IncidentSource(StrEnum):
    MANUAL = "manual"
    ATTENDANCE = "attendance"


LABELS: dict[str, str] = {
    Unit.ONCE: QT_TRANSLATE_NOOP("enum", "每次"),
    Unit.PER_PERSON: QT_TRANSLATE_NOOP("enum", "每人"),
    Unit.PER_TIME: QT_TRANSLATE_NOOP("enum", "按次累计"),
    Dismissal.NONE: QT_TRANSLATE_NOOP("enum", "否"),
    Dismissal.SERIOUS: QT_TRANSLATE_NOOP("enum", "情节严重者辞退"),
    Dismissal.ALWAYS: QT_TRANSLATE_NOOP("enum", "并予辞退"),
    IncidentStatus.PENDING: QT_TRANSLATE_NOOP("enum", "待确认"),
    IncidentStatus.CONFIRMED: QT_TRANSLATE_NOOP("enum", "已确认"),
    IncidentStatus.APPEALED: QT_TRANSLATE_NOOP("enum", "申诉中"),
    IncidentStatus.REVOKED: QT_TRANSLATE_NOOP("enum", "已撤销"),
    IncidentSource.MANUAL: QT_TRANSLATE_NOOP("enum", "人工登记"),
    IncidentSource.ATTENDANCE: QT_TRANSLATE_NOOP("enum", "考勤生成"),
}


label = labeller(LABELS)


def yuan(amount: Decimal) -> str:
    """20 for 20.00, 20.5 → 20.50: whole yuan without decimals."""
    return str(int(amount)) if amount == amount.to_integral_value() else f"{amount:.2f}"


MAX_FINE = Decimal("100000")  # 元 for one incident (and any rule's upper bound): more is a typing slip
CENT = Decimal("0.01")


def money_problem(amount: Decimal) -> str | None:
    """Why ``amount`` cannot be a fine: not a number, negative, more than two decimals or above MAX_FINE."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        return T("errors", "不是金额")
    if amount < 0:
        return T("errors", "金额不能为负")
    if amount > MAX_FINE:
        return T("errors", "金额 {0} 超过上限 {1} 元").format(amount, yuan(MAX_FINE))
    if amount != amount.quantize(CENT):
        return T("errors", "金额 {0} 超过两位小数（精确到分）").format(amount)
    return None


Tier = tuple[int, Decimal]  # (up to this many minutes late, fine)


@dataclass(frozen=True)
class RuleSpec:
    """One line of the fine schedule as it stands from a date."""

    code: str
    category: str
    offence: str
    min_amount: Decimal
    max_amount: Decimal
    unit: Unit = Unit.ONCE
    dismissal: Dismissal = Dismissal.NONE
    tiers: tuple[Tier, ...] = ()

    @property
    def range_text(self) -> str:
        low, high = yuan(self.min_amount), yuan(self.max_amount)
        text = low if self.min_amount == self.max_amount else f"{low}–{high}"
        return text + {Unit.ONCE: "", Unit.PER_PERSON: "/人", Unit.PER_TIME: "/次"}[self.unit]


def _r(code: str, category: str, offence: str, low: int, high: int | None = None, unit: Unit = Unit.ONCE,
       dismissal: Dismissal = Dismissal.NONE, tiers: tuple[Tier, ...] = ()) -> RuleSpec:
    return RuleSpec(code, category, offence, Decimal(low), Decimal(high if high is not None else low), unit,
                    dismissal, tiers)


RULES_CAT, WORK_CAT, LABOUR_CAT = "规章制度", "工标考核", "劳动纪律"
LATENESS_TIERS: tuple[Tier, ...] = ((15, Decimal(10)), (30, Decimal(20)), (60, Decimal(50)))
"""Late up to 15 min: 10 元, up to 30: 20 元, up to 60: 50 元; later than the last tier counts as 旷工."""

DEFAULT_RULES: list[RuleSpec] = [
    _r("R01", RULES_CAT, "工作时间扎堆聊天", 5),
    _r("R02", RULES_CAT, "工作时间做与工作无关的私事", 10),
    _r("R03", RULES_CAT, "擅自离岗外出或未经批准私自接待亲友", 20),
    _r("R04", RULES_CAT, "非做账时间在前台内坐、倚、靠", 10),
    _r("R05", RULES_CAT, "与顾客发生争吵", 100, 200, dismissal=Dismissal.SERIOUS),
    _r("R06", RULES_CAT, "不服从分配，顶撞经理、上司", 20, 50),
    _r("R07", RULES_CAT, "见顾客及公司领导不问好", 20),
    _r("R08", RULES_CAT, "背后搬弄是非，挑拨同事关系", 50),
    _r("R09", RULES_CAT, "散布公司负面言论（经查实）", 100, dismissal=Dismissal.SERIOUS),
    _r("R10", RULES_CAT, "透露、外泄公司机密", 200, dismissal=Dismissal.ALWAYS),
    _r("R11", RULES_CAT, "因工作原因与其他部门员工争吵", 50, 100),
    _r("W01", WORK_CAT, "未着工装、工牌上岗", 10),
    _r("W02", WORK_CAT, "衣着不整，有损公司形象", 10),
    _r("W03", WORK_CAT, "前台地面脏乱、柜台物品摆放杂乱（当班人员每人）", 10, unit=Unit.PER_PERSON),
    _r("W04", WORK_CAT, "责任心不强，造成非会员进入未及时发现", 10, 20),
    _r("W05", WORK_CAT, "工作失误引起顾客投诉", 20),
    _r("W06", WORK_CAT, "违背前台运营标准操作并出现工作失误", 20, 50),
    _r("W07", WORK_CAT, "前台监管不力或弄虚作假（经查实）", 100),
    _r("W08", WORK_CAT, "忘记抄表、定时开关照明及冷暖设备", 20, unit=Unit.PER_TIME),
    _r("L01", LABOUR_CAT, "迟到（按迟到分钟数分档）", 10, 50, tiers=LATENESS_TIERS),
    _r("L02", LABOUR_CAT, "早退（按早退分钟数分档）", 10, 50, tiers=LATENESS_TIERS),
    _r("L03", LABOUR_CAT, "旷工（含电话请假未按时补办手续）", 100, 200),
    _r("L04", LABOUR_CAT, "酒后值班", 200, dismissal=Dismissal.SERIOUS),
    _r("L05", LABOUR_CAT, "串岗、擅离值班台席", 20, 50),
    _r("L06", LABOUR_CAT, "在客服中心会客、上网、阅读书报或做与工作无关的事", 10, 50),
]
LATE_CODE, EARLY_CODE, ABSENT_CODE = "L01", "L02", "L03"
SEED_EFFECTIVE = "2000-01-01"  # seeded rules apply to everything recorded before the first change
_SEED_NS = uuid.UUID("8f5c1d6e-0b7a-4c55-9d43-5c0e3f1a2b60")


def seed_uuid(code: str) -> str:
    """Seeded rule versions carry the same UUID at every site, so a site import never duplicates them."""
    return str(uuid.uuid5(_SEED_NS, f"fine-rule:{code}:{SEED_EFFECTIVE}"))


def tier_amount(tiers: tuple[Tier, ...] | list[Tier], minutes: int) -> Decimal | None:
    """The fine for ``minutes`` late/early by the tiers; None when beyond the last tier (counts as 旷工)."""
    for up_to, amount in sorted(tiers):
        if minutes <= up_to:
            return amount
    return None


def amount_problem(rule: RuleSpec, amount: Decimal, quantity: int = 1) -> str | None:
    """Why ``amount`` is not allowed by ``rule`` (for ``quantity`` times when the rule counts per time)."""
    if quantity < 1:
        return T("errors", "次数至少为 1")
    if quantity > 1 and rule.unit is not Unit.PER_TIME:
        return T("errors", "{0} 不按次累计，次数只能为 1").format(rule.code)
    low, high = rule.min_amount * quantity, rule.max_amount * quantity
    if amount < low or amount > high:
        bounds = f"{yuan(low)} 元" if low == high else f"{yuan(low)}–{yuan(high)} 元"
        return T("errors", "{0} 的罚款须为 {1}").format(rule.code, bounds)
    return None


def spec_problems(spec: RuleSpec) -> dict[str, str]:
    """Field → message for a rule version that cannot be saved."""
    errors: dict[str, str] = {}
    if not spec.code.strip() or len(spec.code) > 8:
        errors["code"] = T("errors", "请填写编号（不超过 8 位）")
    if not spec.offence.strip():
        errors["offence"] = T("errors", "请填写违纪行为")
    elif len(spec.offence) > 100:
        errors["offence"] = T("errors", "违纪行为不超过 100 字")
    errors.update(money_problems(spec))
    if "min_amount" not in errors and "max_amount" not in errors and spec.max_amount < spec.min_amount:
        errors["max_amount"] = T("errors", "上限不能低于下限")
    previous = -1
    for up_to, amount in spec.tiers:
        if up_to <= previous:
            errors["tiers"] = T("errors", "分档分钟数须逐档递增")
        elif not spec.min_amount <= amount <= spec.max_amount:
            errors["tiers"] = T("errors", "分档金额须在罚款范围内")
        previous = up_to
    return errors


def money_problems(spec: RuleSpec) -> dict[str, str]:
    """Field → message for the rule's amounts (range and tiers) that are no fine amounts."""
    errors: dict[str, str] = {}
    for name, amount in (("min_amount", spec.min_amount), ("max_amount", spec.max_amount)):
        problem = money_problem(amount)
        if problem:
            errors[name] = problem
    for _minutes, amount in spec.tiers:
        problem = money_problem(amount)
        if problem:
            errors["tiers"] = problem
            break
    return errors


def parse_tiers(text: str) -> tuple[Tier, ...]:
    """'15:10, 30:20, 60:50' → ((15, 10), (30, 20), (60, 50)); raises ValueError on bad text."""
    tiers: list[Tier] = []
    for part in text.replace("，", ",").split(","):
        if part.strip():
            minutes, amount = part.replace("：", ":").split(":")
            tiers.append((int(minutes), Decimal(amount.strip())))
    return tuple(tiers)


def tiers_text(tiers: tuple[Tier, ...] | list[Tier]) -> str:
    return ", ".join(f"{m}:{yuan(a)}" for m, a in tiers)
