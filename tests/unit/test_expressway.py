"""Expressway help calls and outbound notices: plates (new-energy 8 characters too) and 桩号 checked at the field,
numbering, outcome and dispatch rules, roles, the lists' filters, search by plate or nearby 桩号, and export."""

from datetime import datetime, timedelta

import pytest

from frontdesk.db.models import HelpCall, OutboundNotice
from frontdesk.domain.expressway import (
    HelpCallInput,
    NoticeInput,
    format_stake,
    normalize_plate,
    parse_stake,
    plate_kind,
)
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.core import list_exports
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.expressway import help_calls, notices

NOW = datetime(2026, 11, 18, 10, 0)  # conftest's frozen clock
pytestmark = pytest.mark.usefixtures("frozen_clock")


def _call(**changes) -> HelpCallInput:
    base = dict(kind="breakdown", received_at=NOW - timedelta(minutes=30), caller_phone="13905791234",
                plate="浙G·12345", vehicle_type="car", direction="up", stake="k123+400", location="金华服务区北 2 公里",
                description="左后轮爆胎，人员已撤至护栏外")
    return HelpCallInput(**{**base, **changes})


def _notice(**changes) -> NoticeInput:
    base = dict(kind="outage", title="K88 路段夜间封闭施工", content="11 月 20 日 22:00 至次日 5:00 封闭上行。",
                channel="sms", published_at=NOW - timedelta(hours=1), reach=1200, valid_to=NOW + timedelta(days=2))
    return NoticeInput(**{**base, **changes})


@pytest.mark.parametrize("plate, kind", [
    ("浙G12345", "regular"), ("京A12B3挂", "regular"), ("浙GD12345", "new_energy"), ("粤BF1234A", None),
    ("粤B12345F", "new_energy"), ("沪ADA1234", "new_energy"), ("沪AD1A234", None), ("浙GI2345", None), ("浙123456", None),
    ("XG12345", None), ("浙G1234", None), ("浙GD123456", None),
])
def test_chinese_plates(plate, kind):
    assert plate_kind(plate) == kind


def test_plate_and_stake_are_normalized():
    assert normalize_plate(" 浙g·d1 2345 ") == "浙GD12345"
    assert parse_stake("K123+400") == 123_400 and parse_stake("k 12 ＋ 5") == 12_005
    assert parse_stake("K123") is None and parse_stake("123+400") is None and parse_stake("K12+4000") is None
    assert format_stake(123_400) == "K123+400" and format_stake(5) == "K0+005"


def test_a_help_call_is_numbered_and_followed_to_its_outcome(staff_actor):
    uuid = help_calls.save_help_call(staff_actor, _call())
    row = help_calls.get_help_call(staff_actor, uuid)
    assert row["number"].startswith("S01-QZ-20261118-") and row["plate"] == "浙G12345" and row["stake"] == "K123+400"
    assert HelpCall.get(HelpCall.uuid == uuid).stake_m == 123_400
    done = _call(dispatched="清障车 浙G-A001", dispatched_at=NOW - timedelta(minutes=25), outcome="towed",
                 outcome_note="拖至金华服务区", closed_at=NOW - timedelta(minutes=5))
    assert help_calls.save_help_call(staff_actor, done, uuid) == uuid
    page = help_calls.list_help_calls(staff_actor, ListQuery())
    assert [(r["outcome"], r["dispatched"], r["recorded_by"]) for r in page.rows] == [("towed", "清障车 浙G-A001", "客服小王")]


@pytest.mark.parametrize("changes, field", [
    ({"kind": ""}, "kind"),
    ({"received_at": None}, "received_at"),
    ({"received_at": NOW + timedelta(hours=1)}, "received_at"),
    ({"plate": "浙G123"}, "plate"),
    ({"plate": ""}, "plate"),  # a breakdown needs the plate
    ({"direction": ""}, "direction"),
    ({"stake": ""}, "stake"),
    ({"stake": "123公里"}, "stake"),
    ({"description": " "}, "description"),
    ({"dispatched": "救护车"}, "dispatched_at"),
    ({"dispatched_at": NOW - timedelta(minutes=10)}, "dispatched"),
    ({"dispatched": "120", "dispatched_at": NOW - timedelta(hours=2)}, "dispatched_at"),
    ({"outcome": "towed"}, "closed_at"),
    ({"outcome": "nothing"}, "outcome"),
])
def test_bad_help_call_names_the_field_and_saves_nothing(staff_actor, changes, field):
    with pytest.raises(ValidationError) as caught:
        help_calls.save_help_call(staff_actor, _call(**changes))
    assert field in caught.value.fields
    assert HelpCall.select().count() == 0


def test_medical_call_in_the_service_area_needs_no_plate_or_stake(staff_actor):
    help_calls.save_help_call(staff_actor, _call(kind="medical", plate="", direction="service_area", stake="",
                                                 description="旅客胸闷，已拨 120"))
    assert HelpCall.select().count() == 1


def test_list_filters_search_and_roles(staff_actor, manager):
    first = help_calls.save_help_call(staff_actor, _call())
    help_calls.save_help_call(staff_actor, _call(kind="accident", plate="浙GD12345", stake="K130+000",
                                                 description="两车追尾"))
    help_calls.save_help_call(staff_actor, _call(kind="medical", plate="", stake="K300+100", description="孕妇不适"))
    plates = lambda **q: sorted(r["plate"] for r in help_calls.list_help_calls(staff_actor, ListQuery(**q)).rows)  # noqa: E731
    assert plates(filters={"kind": "accident"}) == ["浙GD12345"]
    assert plates(search="gd123") == ["浙GD12345"]
    assert plates(search="K124+000") == ["浙G12345"]  # within 2 km of the 桩号
    assert plates(search="追尾") == ["浙GD12345"]
    with pytest.raises(PermissionDenied):
        help_calls.delete_help_call(staff_actor, first)
    help_calls.delete_help_call(manager, first)
    assert len(plates()) == 2


def test_help_call_export_masks_the_callers_number(staff_actor, manager):
    help_calls.save_help_call(staff_actor, _call())
    export = list_exports.export_list("help_calls", staff_actor, ListQuery())
    keys = [c.key for c in export.columns]
    assert keys[:4] == ["number", "received_at", "kind", "plate"] and "outcome_note" in keys
    row = dict(zip(keys, next(iter(export.rows)), strict=True))
    assert row["plate"] == "浙G12345" and row["caller_phone"] != "13905791234"
    row = dict(zip(keys, next(iter(list_exports.export_list("help_calls", manager, ListQuery()).rows)), strict=True))
    assert row["caller_phone"] == "13905791234"


def test_notices_with_reach(staff_actor, manager):
    uuid = notices.save_notice(staff_actor, _notice())
    notices.save_notice(staff_actor, _notice(kind="publicity", title="冬季行车安全提示", channel="broadcast", reach=300,
                                             valid_to=None, published_at=NOW - timedelta(hours=2)))
    rows = notices.list_notices(staff_actor, ListQuery()).rows
    assert [r["title"] for r in rows] == ["K88 路段夜间封闭施工", "冬季行车安全提示"]  # newest first
    assert notices.reach_total(staff_actor, ListQuery()) == 1500
    assert notices.reach_total(staff_actor, ListQuery(filters={"kind": "outage"})) == 1200
    assert [r["title"] for r in notices.list_notices(staff_actor, ListQuery(search="安全")).rows] == ["冬季行车安全提示"]
    export = list_exports.export_list("notices", staff_actor, ListQuery(filters={"channel": "sms"}))
    assert [r[2] for r in export.rows] == ["K88 路段夜间封闭施工"]
    with pytest.raises(PermissionDenied):
        notices.delete_notice(staff_actor, uuid)
    notices.delete_notice(manager, uuid)
    assert notices.reach_total(staff_actor, ListQuery()) == 300


@pytest.mark.parametrize("changes, field", [
    ({"kind": "x"}, "kind"), ({"title": ""}, "title"), ({"title": "长" * 101}, "title"), ({"content": ""}, "content"),
    ({"channel": ""}, "channel"), ({"published_at": None}, "published_at"),
    ({"published_at": NOW + timedelta(minutes=5)}, "published_at"), ({"reach": None}, "reach"),
    ({"reach": -1}, "reach"), ({"valid_to": None}, "valid_to"), ({"valid_to": NOW - timedelta(days=1)}, "valid_to"),
])
def test_bad_notice_names_the_field_and_saves_nothing(staff_actor, changes, field):
    with pytest.raises(ValidationError) as caught:
        notices.save_notice(staff_actor, _notice(**changes))
    assert field in caught.value.fields
    assert OutboundNotice.select().count() == 0


def test_each_enum_labels_its_own_other():
    from frontdesk.domain.expressway import HelpKind, choices, kind_label, notice_kind_label, vehicle_label

    assert (kind_label("other"), vehicle_label("other"), notice_kind_label("other")) == ("其他求助", "其他车辆", "其他公告")
    assert choices(HelpKind)[-1] == ("other", "其他求助")
