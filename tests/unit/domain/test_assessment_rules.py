"""Assessment arithmetic, table-driven: periods, weights, dimension and total scores, grades, follow-ups."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from frontdesk.domain import selfcheck
from frontdesk.domain.assessment import (
    DEFAULT_THRESHOLDS,
    Dimension,
    FollowUp,
    Grade,
    ItemSpec,
    TemplateSpec,
    dimension_scores,
    fails_in_a_row,
    follow_up_for,
    grade_for,
    period_bounds,
    period_key,
    score_problems,
    self_check_score,
    spec_from_json,
    spec_to_json,
    template_problems,
    to_decimal,
    total_score,
)
from frontdesk.domain.assessment_seed import DEFAULT_SPEC

D = Decimal
A, K, S, DI = Dimension.ATTITUDE, Dimension.KNOWLEDGE, Dimension.SKILL, Dimension.DISCIPLINE


def spec(weights=(30, 25, 25, 20), scale=5) -> TemplateSpec:  # noqa: ANN001
    items = (ItemSpec("A1", A, "热情"), ItemSpec("A2", A, "耐心"), ItemSpec("K1", K, "知识"),
             ItemSpec("S1", S, "技能"), ItemSpec("D1", DI, "纪律"))
    return TemplateSpec(dict(zip(Dimension, [D(str(w)) for w in weights], strict=True)), items, scale)


@pytest.mark.parametrize(("kind", "year", "number", "start", "end"), [
    ("month", 2026, 1, date(2026, 1, 1), date(2026, 2, 1)),
    ("month", 2026, 2, date(2026, 2, 1), date(2026, 3, 1)),
    ("month", 2026, 12, date(2026, 12, 1), date(2027, 1, 1)),
    ("quarter", 2026, 1, date(2026, 1, 1), date(2026, 4, 1)),
    ("quarter", 2026, 4, date(2026, 10, 1), date(2027, 1, 1)),
])
def test_period_bounds_are_first_day_and_day_after_last(kind, year, number, start, end) -> None:  # noqa: ANN001
    assert period_bounds(kind, year, number) == (start, end)


def test_period_key_and_range_checks() -> None:
    assert period_key("month", 2026, 3) == "2026-03" and period_key("quarter", 2026, 3) == "2026-Q3"
    with pytest.raises(ValueError):
        period_bounds("quarter", 2026, 5)


@pytest.mark.parametrize(("weights", "problem"), [
    ((30, 25, 25, 20), None),
    (("33.33", "33.33", "33.34", 0), None),  # exact decimals; a dimension may weigh 0%
    ((30, 25, 25, 19), "weights"),
    (("30.5", 25, 25, 20), "weights"),
    ((130, -10, 0, -20), "weight_knowledge"),
])
def test_weights_must_sum_to_exactly_100(weights, problem) -> None:  # noqa: ANN001
    errors = template_problems(spec(weights))
    if problem is None:
        assert errors == {}
    else:
        assert problem in errors


def test_weight_message_names_the_sum() -> None:
    assert template_problems(spec((30, 25, 25, 19)))["weights"] == "各维度权重之和须为 100%，现为 99%"


@pytest.mark.parametrize(("thresholds", "ok"), [
    ({Grade.EXCELLENT: D(90), Grade.GOOD: D(80), Grade.PASS: D(60)}, True),
    ({Grade.EXCELLENT: D(80), Grade.GOOD: D(80), Grade.PASS: D(60)}, False),
    ({Grade.EXCELLENT: D(101), Grade.GOOD: D(80), Grade.PASS: D(60)}, False),
    ({Grade.EXCELLENT: D(90), Grade.GOOD: D(80)}, False),
])
def test_thresholds_must_descend(thresholds, ok) -> None:  # noqa: ANN001
    s = TemplateSpec(spec().weights, spec().items, 5, thresholds)
    assert ("thresholds" not in template_problems(s)) is ok


@pytest.mark.parametrize(("scores", "dims", "total"), [
    ({"A1": 5, "A2": 5, "K1": 5, "S1": 5, "D1": 5}, (100, 100, 100, 100), D("100.00")),
    ({"A1": 4, "A2": 3, "K1": 4, "S1": 4, "D1": 5}, (70, 80, 80, 100), D("81.00")),
    ({"A1": 0, "A2": 0, "K1": 0, "S1": 0, "D1": 0}, (0, 0, 0, 0), D("0.00")),
    ({"A1": 5, "A2": 4, "K1": 3, "S1": 2, "D1": 1}, (90, 60, 40, 20), D("56.00")),
    ({"A1": D("4.5"), "A2": 4, "K1": 4, "S1": 4, "D1": 4}, (85, 80, 80, 80), D("81.50")),
])
def test_dimension_and_total_arithmetic(scores, dims, total) -> None:  # noqa: ANN001
    s = spec()
    values = {k: D(v) for k, v in scores.items()}
    assert [dimension_scores(s, values)[d] for d in Dimension] == [D(x).quantize(D("0.01")) for x in dims]
    assert total_score(s, values) == total


def test_total_rounds_half_up_from_exact_ratios() -> None:
    s = TemplateSpec({A: D(100), K: D(0), S: D(0), DI: D(0)}, (ItemSpec("A1", A, "x"), ItemSpec("A2", A, "y"),
                                                                 ItemSpec("A3", A, "z")), 3)
    # 2/9 of 100 = 22.222…; 7/9 = 77.777…
    assert total_score(s, {"A1": D(1), "A2": D(1), "A3": D(0)}) == D("22.22")
    assert total_score(s, {"A1": D(3), "A2": D(3), "A3": D(1)}) == D("77.78")


@pytest.mark.parametrize(("total", "grade"), [
    (D("100"), Grade.EXCELLENT), (D("90.00"), Grade.EXCELLENT), (D("89.99"), Grade.GOOD), (D("80"), Grade.GOOD),
    (D("79.99"), Grade.PASS), (D("60"), Grade.PASS), (D("59.99"), Grade.FAIL), (D("0"), Grade.FAIL),
])
def test_grade_thresholds_are_inclusive(total, grade) -> None:  # noqa: ANN001
    assert grade_for(total, DEFAULT_THRESHOLDS) is grade


@pytest.mark.parametrize(("grade", "earlier", "follow"), [
    (Grade.EXCELLENT, 0, FollowUp.REWARD), (Grade.GOOD, 0, FollowUp.NONE), (Grade.PASS, 3, FollowUp.NONE),
    (Grade.FAIL, 0, FollowUp.TRAINING), (Grade.FAIL, 1, FollowUp.TRANSFER), (Grade.FAIL, 2, FollowUp.DISMISSAL),
    (Grade.FAIL, 5, FollowUp.DISMISSAL),
])
def test_follow_up_table(grade, earlier, follow) -> None:  # noqa: ANN001
    assert follow_up_for(grade, earlier) is follow


@pytest.mark.parametrize(("grades", "count"), [
    ([], 0), (["fail"], 1), (["fail", "fail", "pass", "fail"], 2), (["good", "fail"], 0),
])
def test_fails_in_a_row(grades, count) -> None:  # noqa: ANN001
    assert fails_in_a_row(grades) == count


@pytest.mark.parametrize(("expected", "done", "answers", "no", "score"), [
    (0, 0, 0, 0, D("5")), (20, 20, 180, 0, D("5.00")), (20, 10, 90, 0, D("2.50")),
    (20, 20, 180, 18, D("4.50")), (4, 6, 36, 0, D("5.00")), (10, 0, 0, 0, D("0.00")),
])
def test_self_check_item(expected, done, answers, no, score) -> None:  # noqa: ANN001
    assert self_check_score(5, expected, done, answers, no) == score


def test_scores_must_be_on_the_scale() -> None:
    errors = score_problems(spec(), {"A1": D(6), "A2": None, "K1": D(-1), "S1": D(3), "D1": D(5)})
    assert set(errors) == {"A1", "A2", "K1"}


def test_decimals_are_exact_and_floats_refused() -> None:
    assert to_decimal("33.34") == D("33.34") and to_decimal("25%") == D(25)
    assert to_decimal(0.1) is None and to_decimal("abc") is None


def test_default_template_is_sound_and_round_trips() -> None:
    assert template_problems(DEFAULT_SPEC) == {}
    again = spec_from_json(spec_to_json(DEFAULT_SPEC), DEFAULT_SPEC.scale_max)
    assert again.items == tuple(DEFAULT_SPEC.items) and dict(again.weights) == dict(DEFAULT_SPEC.weights)


def test_self_check_slots() -> None:
    monday = date(2026, 3, 2)
    assert selfcheck.slot_of("weekly", date(2026, 3, 5)) == monday
    assert len(selfcheck.expected_slots("daily", date(2026, 3, 1), date(2026, 4, 1))) == 22  # weekdays of March
    assert len(selfcheck.expected_slots("weekly", date(2026, 3, 1), date(2026, 4, 1))) == 5  # Mar 2 … Mar 30 (Sunday 1 March is no working day)
    worked = [date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 1)]
    assert selfcheck.expected_slots("daily", date(2026, 3, 1), date(2026, 4, 1), worked) == set(worked[:2])
    assert "D1" in selfcheck.answer_problems({k: (True, "") for k in selfcheck.ITEM_KEYS if k != "D1"})
    assert "A1" in selfcheck.answer_problems({k: (k != "A1", "") for k in selfcheck.ITEM_KEYS})
