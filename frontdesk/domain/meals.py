"""Meal times in shift types (用餐时间, seed 001 七(二)): away from the desk then is not leaving the post."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from frontdesk.domain.attendance import parse_hhmm, shift_window
from frontdesk.errors import Message, T

# the fine rules for leaving the post: R03 擅自离岗外出, L05 串岗、擅离值班台席
LEAVE_POST_RULES = ("R03", "L05")
MEAL_MAX_MINUTES = 90


def meal_window(day: date, start: str, end: str, meal_start: str, meal_end: str) -> tuple[datetime, datetime] | None:
    """The meal break of the shift of ``day`` (start–end HH:MM) as date-times, or None when it has none.

    A meal time before the shift's start belongs to the next day (a night shift's 02:00 meal)."""
    if not meal_start or not meal_end:
        return None
    begin, _finish = shift_window(day, parse_hhmm(start), parse_hhmm(end))
    meal_from = datetime.combine(day, parse_hhmm(meal_start))
    if meal_from < begin:
        meal_from += timedelta(days=1)
    meal_to = datetime.combine(meal_from.date(), parse_hhmm(meal_end))
    if meal_to <= meal_from:
        meal_to += timedelta(days=1)
    return meal_from, meal_to


def meal_problems(start: str, end: str, meal_start: str, meal_end: str) -> dict[str, Message]:
    """Field → message for a shift type's meal time (both empty: no meal break)."""
    errors: dict[str, Message] = {}
    if not meal_start and not meal_end:
        return errors
    for key, text in (("meal_start", meal_start), ("meal_end", meal_end)):
        try:
            parse_hhmm(text)
        except ValueError:
            errors[key] = T("errors", "用餐时间格式为 HH:MM，例如 12:00；不安排用餐请两项都留空")
    if errors:
        return errors
    try:
        day = date(2026, 1, 5)
        begin, finish = shift_window(day, parse_hhmm(start), parse_hhmm(end))
    except ValueError:
        return errors  # the shift's own times are reported at their fields
    window = meal_window(day, start, end, meal_start, meal_end)
    assert window is not None
    meal_from, meal_to = window
    if meal_to - meal_from > timedelta(minutes=MEAL_MAX_MINUTES):
        errors["meal_end"] = T("errors", "用餐时间不超过 {0} 分钟").format(MEAL_MAX_MINUTES)
    elif meal_from < begin or meal_to > finish:
        errors["meal_start"] = T("errors", "用餐时间应在班次时间之内")
    return errors


def during_meal(moment: datetime, window: tuple[datetime, datetime] | None) -> bool:
    """Whether ``moment`` lies inside the meal break (its start included, its end not)."""
    return window is not None and window[0] <= moment < window[1]
