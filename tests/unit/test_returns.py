"""Returns and exchanges: policy windows at their edges, refund limits, approval above the threshold."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from frontdesk import clock
from frontdesk.domain.returns import (
    Decision,
    Inspection,
    ReturnInput,
    ReturnStatus,
    Window,
    check_policy,
    default_policies,
    parse_money,
)
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.aftersales import order_list as aftersales_list
from frontdesk.services.aftersales import policy as aftersales_settings
from frontdesk.services.aftersales import returns
from frontdesk.services.core.listing import ListQuery

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(("kind", "days", "within"), [
    ("return", 0, True), ("return", 7, True), ("return", 8, False),
    ("exchange", 15, True), ("exchange", 16, False), ("return", -1, False),
])
def test_policy_window_edges(kind, days, within):
    check = check_policy(kind, "clothing", TODAY - timedelta(days=days), TODAY, True, default_policies())
    assert check.within_window is within
    assert check.window_days == (7 if kind == "return" else 15)


def test_policy_per_category_and_receipt():
    policies = default_policies() | {"food": Window(0, 1)}
    assert not check_policy("return", "food", TODAY - timedelta(days=1), TODAY, True, policies).within_window
    assert check_policy("exchange", "food", TODAY - timedelta(days=1), TODAY, True, policies).within_window
    check = check_policy("return", "digital", TODAY, TODAY, False, policies)
    assert check.within_window and not check.receipt_ok and not check.passes and "无购物凭证" in check.text()


@pytest.mark.parametrize(("text", "value"), [
    ("12.5", Decimal("12.50")), ("1,200", Decimal("1200.00")), ("", Decimal("0.00")), ("-1", None),
    ("1.234", None), ("abc", None), ("NaN", None), ("Infinity", None),
])
def test_money_is_decimal_never_negative(text, value):
    assert parse_money(text) == value


def test_float_refused():
    with pytest.raises(TypeError):
        parse_money(1.5)  # type: ignore[arg-type]


def form(**changes) -> ReturnInput:
    values = dict(customer_name="王女士", phone="13800138000", kind="return", category="clothing", item="羊毛大衣",
                  amount_paid="899.00", purchase_date=clock.today() - timedelta(days=3), receipt_no="XP20261121001",
                  reason="尺码不合适", inspection=Inspection(packaging_note="吊牌在"), refund_amount="899.00")
    values.update(changes)
    return ReturnInput(**values)


def test_refund_never_above_amount_paid_nothing_saved(staff_actor):
    with pytest.raises(ValidationError) as err:
        returns.create_return(staff_actor, form(refund_amount="899.01"))
    assert "不能超过实付金额" in err.value.fields["refund_amount"]
    with pytest.raises(ValidationError) as err:
        returns.create_return(staff_actor, form(refund_amount="-5"))
    assert "refund_amount" in err.value.fields
    assert aftersales_list.list_returns(staff_actor, ListQuery()).total == 0


def test_bad_form_messages_per_field(staff_actor):
    with pytest.raises(ValidationError) as err:
        returns.create_return(staff_actor, form(customer_name="", phone="123", item="", amount_paid="x",
                                                purchase_date=clock.today() + timedelta(days=1), receipt_no="",
                                                reason=""))
    assert set(err.value.fields) >= {"customer_name", "phone", "item", "amount_paid", "purchase_date",
                                     "receipt_no", "reason"}


def test_outside_policy_agree_needs_a_note(staff_actor):
    late = form(purchase_date=clock.today() - timedelta(days=8), refund_amount="100")
    with pytest.raises(ValidationError) as err:
        returns.create_return(staff_actor, late)
    assert "说明原因" in err.value.fields["note"]
    saved = returns.create_return(staff_actor, form(purchase_date=clock.today() - timedelta(days=8),
                                                    refund_amount="100", note="商品质量问题，经理同意"))
    order = returns.get_return(staff_actor, saved.uuid)
    assert not order["within_window"] and order["window_days"] == 7 and saved.status == ReturnStatus.OPEN


def test_refund_above_threshold_needs_manager_approval(staff_actor, manager):
    saved = returns.create_return(staff_actor, form())
    assert saved.number.startswith("S01-TH-") and saved.status == ReturnStatus.PENDING_APPROVAL
    with pytest.raises(ValidationError):
        returns.complete(staff_actor, saved.uuid)
    with pytest.raises(PermissionDenied):
        returns.approve(staff_actor, saved.uuid)
    returns.approve(manager, saved.uuid, "质量问题，同意全额退款")
    returns.complete(staff_actor, saved.uuid)
    order = returns.get_return(staff_actor, saved.uuid)
    assert order["status"] == ReturnStatus.COMPLETED and order["approved_by_name"] == "主管老李"
    assert order["refund_amount"] == Decimal("899.00")


def test_at_threshold_no_approval_and_threshold_editable(staff_actor, manager):
    saved = returns.create_return(staff_actor, form(refund_amount="500.00"))
    assert saved.status == ReturnStatus.OPEN
    returns.complete(staff_actor, saved.uuid)
    settings = aftersales_settings.load()
    with pytest.raises(PermissionDenied):
        aftersales_settings.save(staff_actor, settings)
    aftersales_settings.save(manager, aftersales_settings.AftersalesSettings(
        settings.policies | {"clothing": Window(3, 10)}, Decimal("1000"), 5))
    assert returns.create_return(staff_actor, form()).status == ReturnStatus.OPEN
    assert returns.policy_check("return", "clothing", clock.today() - timedelta(days=4), True).within_window is False
    with pytest.raises(ValidationError):
        aftersales_settings.save(manager, aftersales_settings.AftersalesSettings(settings.policies, Decimal("0"), 5))


def test_exchange_negotiate_then_decide(staff_actor):
    saved = returns.create_return(staff_actor, form(kind="exchange", decision=Decision.NEGOTIATE.value,
                                                    refund_amount=""))
    assert saved.status == ReturnStatus.NEGOTIATING
    with pytest.raises(ValidationError) as err:
        returns.decide(staff_actor, saved.uuid, "agree", "0", "", "")
    assert "replacement_item" in err.value.fields
    assert returns.decide(staff_actor, saved.uuid, "agree", "0", "同款大一码", "顾客同意换大一码") == "open"
    with pytest.raises(ValidationError):
        returns.decide(staff_actor, saved.uuid, "refuse", "0", "", "再议")
    refused = returns.create_return(staff_actor, form(decision="refuse", note="已穿着，影响二次销售"))
    assert refused.status == ReturnStatus.REFUSED
    with pytest.raises(ValidationError):
        returns.complete(staff_actor, refused.uuid)


def test_list_lookup_by_number_phone_name(staff_actor):
    a = returns.create_return(staff_actor, form(refund_amount="10"))
    returns.create_return(staff_actor, form(customer_name="李先生", phone="13912345678", refund_amount="10"))

    def hits(text: str) -> list[str]:
        return [r["customer_name"] for r in aftersales_list.list_returns(staff_actor, ListQuery(search=text)).rows]

    assert hits(a.number) == ["王女士"] and hits(a.number.lower()) == ["王女士"]
    assert hits("13912345678") == ["李先生"] and hits("1391") == ["李先生"] and hits("138 0013 8000") == ["王女士"]
    assert hits("李") == ["李先生"] and sorted(hits("S01-TH")) == ["李先生", "王女士"]
    assert aftersales_list.find_by_number(staff_actor, a.number) == ("return", a.uuid)
    page = aftersales_list.list_returns(staff_actor, ListQuery(filters={"status": "open"}, sort_key="phone"))
    assert page.total == 2


def test_common_name_walks_the_sort_index_with_the_same_result(staff_actor, monkeypatch):
    for name in ("王女士", "王先生", "李先生"):
        returns.create_return(staff_actor, form(customer_name=name, refund_amount="10"))
    by_index = aftersales_list.list_returns(staff_actor, ListQuery(search="王", sort_key="phone"))
    monkeypatch.setattr(aftersales_list, "SCAN_WHEN_MATCHES_OVER", 1)
    walked = aftersales_list.list_returns(staff_actor, ListQuery(search="王", sort_key="phone"))
    assert walked.total == by_index.total == 2
    assert [r["uuid"] for r in walked.rows] == [r["uuid"] for r in by_index.rows]
