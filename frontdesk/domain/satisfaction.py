"""Satisfaction in three dimensions (seed 003): speed, result and communication, and the overall value from them.

The rule for the overall value (kept for history and the existing figures): when all three dimensions
are given, the overall value is derived as the worst of them (满意 only if all three are 满意, 不满意 if
any is 不满意, otherwise 基本满意); when none is given, the overall value is asked as before. Giving only
some of the three is refused at the missing ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from frontdesk.domain.complaints import Satisfaction
from frontdesk.domain.labels import labeller
from frontdesk.errors import QT_TRANSLATE_NOOP, Message, T


class SatisfactionDimension(StrEnum):
    """The three things the customer rates, in the order they are asked."""

    SPEED = "speed"
    RESULT = "result"
    COMMUNICATION = "communication"


# the column of each dimension on complaint and return_visit (and the form field that carries it)
FIELDS: dict[SatisfactionDimension, str] = {
    SatisfactionDimension.SPEED: "sat_speed",
    SatisfactionDimension.RESULT: "sat_result",
    SatisfactionDimension.COMMUNICATION: "sat_communication",
}

LABELS: dict[str, str] = {
    SatisfactionDimension.SPEED: QT_TRANSLATE_NOOP("enum", "处理速度"),
    SatisfactionDimension.RESULT: QT_TRANSLATE_NOOP("enum", "处理结果"),
    SatisfactionDimension.COMMUNICATION: QT_TRANSLATE_NOOP("enum", "沟通态度"),
}

label = labeller(LABELS)
_ORDER = (Satisfaction.SATISFIED.value, Satisfaction.BASIC.value, Satisfaction.UNSATISFIED.value)


def derive_overall(values: Mapping[str, str]) -> str:
    """The overall value of three given dimensions (field → value): the worst of them."""
    return max((values[f] for f in FIELDS.values()), key=_ORDER.index)


def dimension_problems(values: Mapping[str, str | None], required: bool) -> dict[str, str]:
    """Field → message: an unknown value, or some dimensions given and others not (or none when required)."""
    errors: dict[str, str] = {}
    given = [f for f in FIELDS.values() if values.get(f)]
    for dim, name in FIELDS.items():
        value = values.get(name) or ""
        if value and value not in _ORDER:
            errors[name] = T("errors", "满意度无效")
        elif not value and (required or given):
            errors[name] = T("errors", "请选择「{0}」满意度").format(Message("enum", LABELS[dim]))
    return errors


def resolve(values: Mapping[str, str | None], overall: str | None) -> tuple[dict[str, str], str]:
    """The three stored values and the overall one: derived when all three are given (and known), else ``overall``."""
    dims = {name: values.get(name) or "" for name in FIELDS.values()}
    if all(v in _ORDER for v in dims.values()):
        return dims, derive_overall(dims)
    return dims, overall or ""
