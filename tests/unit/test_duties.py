"""Venue duty checklist (seed 002): the default lines, managers configure and clerks tick with readings, bad input
named at its field with nothing saved, the lines missed at shift end, W08 raised in one step, the handover lists
the undone lines, and the readings export."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from frontdesk.db.models import DutyCheck, DutyItem, Incident, ShiftType
from frontdesk.domain.duty import DEFAULT_ITEMS, DutyItemInput
from frontdesk.errors import NotFound, PermissionDenied, ValidationError
from frontdesk.services.core import list_exports
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.personnel import duties, handover, shifts

TODAY = date(2026, 11, 18)  # conftest's FROZEN_AT, 10:00: the morning shift


def _type(name: str) -> str:
    return ShiftType.get(ShiftType.name == name).uuid


def _line(rows, name: str) -> dict:  # noqa: ANN001
    return next(r for r in rows if r["name"] == name)


def test_a_fresh_site_starts_with_seed_002s_lines_on_their_shifts(frozen_clock, staff_actor):
    assert [i["name"] for i in duties.list_items(staff_actor)] == [d[0] for d in DEFAULT_ITEMS]
    assert duties.current_shift(staff_actor) == (TODAY, _type("早班"))
    assert duties.current_shift(staff_actor, datetime(2026, 11, 19, 3, 0)) == (TODAY + timedelta(days=1), _type("晚班"))
    assert duties.current_shift(staff_actor, datetime(2026, 11, 18, 23, 0)) == (TODAY, _type("中班"))
    morning = duties.checklist(staff_actor, TODAY, _type("早班"))
    assert [r["name"] for r in morning] == ["抄早电表", "开启区域照明", "制冷/暖设备定时开启"]
    assert _line(morning, "抄早电表")["needs_reading"] and _line(morning, "抄早电表")["unit"] == "kWh"


def test_a_clerk_ticks_lines_with_the_reading_and_can_take_a_tick_back(frozen_clock, staff_actor, make_actor):
    morning = _type("早班")
    meter = _line(duties.checklist(staff_actor, TODAY, morning), "抄早电表")
    check = duties.tick(staff_actor, TODAY, morning, meter["uuid"], "48,210.5", " 总表 ")
    row = _line(duties.checklist(staff_actor, TODAY, morning), "抄早电表")
    assert (row["status"], row["reading"], row["staff_name"], row["check_note"]) == (
        "done", Decimal("48210.50"), "客服小王", "总表")
    with pytest.raises(ValidationError) as caught:
        duties.tick(staff_actor, TODAY, morning, meter["uuid"], "48211")
    assert set(caught.value.fields) == {"item_uuid"}
    other = make_actor(name="小张")
    with pytest.raises(PermissionDenied):
        duties.untick(other, check)
    duties.untick(staff_actor, check)
    assert _line(duties.checklist(staff_actor, TODAY, morning), "抄早电表")["status"] == ""


@pytest.mark.parametrize(("reading", "note", "day", "field"), [
    ("", "", TODAY, "reading"),  # the meter line needs its reading
    ("四万八", "", TODAY, "reading"),
    ("1.234", "", TODAY, "reading"),
    ("100", "备" * 201, TODAY, "note"),
    ("100", "", TODAY + timedelta(days=1), "day"),
])
def test_a_bad_tick_names_the_field_and_saves_nothing(frozen_clock, staff_actor, reading, note, day, field):
    morning = _type("早班")
    meter = _line(duties.checklist(staff_actor, TODAY, morning), "抄早电表")
    with pytest.raises(ValidationError) as caught:
        duties.tick(staff_actor, day, morning, meter["uuid"], reading, note)
    assert field in caught.value.fields
    assert DutyCheck.select().count() == 0


def test_a_line_of_another_shift_cannot_be_ticked(frozen_clock, staff_actor):
    evening_line = _line(duties.list_items(staff_actor), "课程广播提示")
    with pytest.raises(NotFound):
        duties.tick(staff_actor, TODAY, _type("早班"), evening_line["uuid"])


def test_managers_configure_the_checklist_clerks_cannot(frozen_clock, manager, staff_actor):
    with pytest.raises(PermissionDenied):
        duties.save_item(staff_actor, DutyItemInput("巡查泳池水温"))
    uuid = duties.save_item(manager, DutyItemInput(" 泳池水温 ", _type("早班"), "10:30", True, "℃", "每日一次"))
    row = _line(duties.list_items(staff_actor), "泳池水温")
    assert (row["shift_name"], row["due_time"], row["unit"], row["position"]) == ("早班", "10:30", "℃", 5)
    duties.save_item(manager, DutyItemInput("泳池水温", _type("早班"), "11:00", True, "℃", active=False), uuid)
    assert "泳池水温" not in [i["name"] for i in duties.list_items(staff_actor)]
    assert "泳池水温" in [i["name"] for i in duties.list_items(manager, include_inactive=True)]
    duties.delete_item(manager, uuid)
    assert DutyItem.get(DutyItem.uuid == uuid).deleted


@pytest.mark.parametrize(("data", "field"), [
    (DutyItemInput("  "), "name"),
    (DutyItemInput("长" * 61), "name"),
    (DutyItemInput("抄水表", due_time="8:3"), "due_time"),
    (DutyItemInput("抄水表", due_time="25:00"), "due_time"),
    (DutyItemInput("抄水表", needs_reading=True, unit="立方米每小时的流量读数"), "unit"),
    (DutyItemInput("抄水表", shift_type_uuid="no-such-shift"), "shift_type_uuid"),
    (DutyItemInput("抄早电表", shift_type_uuid="4a2cfce8-5b7e-5f39-b1a8-7c7a8bb8ba12"), "name"),  # already there
])
def test_a_bad_line_names_the_field_and_saves_nothing(frozen_clock, manager, data, field):
    before = DutyItem.select().count()
    with pytest.raises(ValidationError) as caught:
        duties.save_item(manager, data)
    assert field in caught.value.fields
    assert DutyItem.select().count() == before


def test_missed_lines_are_listed_for_the_manager_who_raises_w08_in_one_step(frozen_clock, manager, staff_actor):
    yesterday = TODAY - timedelta(days=1)
    morning = _type("早班")
    shift_uuid = shifts.assign(manager, staff_actor.uuid, yesterday, morning)
    lights = _line(duties.checklist(staff_actor, yesterday, morning), "开启区域照明")
    duties.tick(staff_actor, yesterday, morning, lights["uuid"])
    with pytest.raises(PermissionDenied):
        duties.missed(staff_actor)
    missed = duties.missed(manager)
    assert [(m["day"], m["item_name"]) for m in missed] == [(yesterday, "抄早电表"), (yesterday, "制冷/暖设备定时开启")]
    assert missed[0]["staff"] == [(staff_actor.uuid, "客服小王")]
    with pytest.raises(PermissionDenied):
        duties.raise_w08(staff_actor, yesterday, morning, missed[0]["item_uuid"], staff_actor.uuid)
    incident_uuid = duties.raise_w08(manager, yesterday, morning, missed[0]["item_uuid"], staff_actor.uuid)
    incident = Incident.get(Incident.uuid == incident_uuid)
    assert (incident.rule_code, incident.amount, incident.staff_uuid, incident.source, incident.shift_uuid) == (
        "W08", Decimal("20.00"), staff_actor.uuid, "duty", shift_uuid)
    assert incident.occurred_at == datetime(2026, 11, 17, 8, 30)
    assert "抄早电表" in incident.description
    assert duties.missed(manager)[0]["incident_uuid"] == incident_uuid  # listed as raised
    with pytest.raises(ValidationError):
        duties.raise_w08(manager, yesterday, morning, missed[0]["item_uuid"], staff_actor.uuid)  # once only
    with pytest.raises(ValidationError) as caught:
        duties.raise_w08(manager, yesterday, morning, missed[1]["item_uuid"], staff_actor.uuid, Decimal("500"))
    assert "amount" in caught.value.fields  # W08 is 20 yuan each time
    assert Incident.select().count() == 1
    record = duties.list_checks(manager, ListQuery(filters={"status": "missed"})).rows
    assert [r["item_name"] for r in record] == ["抄早电表"]


def test_the_handover_lists_the_shifts_undone_lines(frozen_clock, staff_actor):
    morning = _type("早班")
    meter = _line(duties.checklist(staff_actor, TODAY, morning), "抄早电表")
    duties.tick(staff_actor, TODAY, morning, meter["uuid"], "100")
    uuid = handover.hand_over(staff_actor, handover.HandoverInput(TODAY, morning, None))
    assert [d["name"] for d in handover.get_handover(staff_actor, uuid)["open"]["duties"]] == [
        "开启区域照明", "制冷/暖设备定时开启"]
    assert [d["name"] for d in handover.undone_duties(staff_actor, TODAY, morning)] == [
        "开启区域照明", "制冷/暖设备定时开启"]


def test_the_readings_export(frozen_clock, staff_actor):
    morning = _type("早班")
    items = duties.checklist(staff_actor, TODAY, morning)
    duties.tick(staff_actor, TODAY, morning, _line(items, "抄早电表")["uuid"], "48210.5")
    duties.tick(staff_actor, TODAY, morning, _line(items, "开启区域照明")["uuid"])
    export = list_exports.export_list("duty_checks", staff_actor, ListQuery(filters={"readings": True}))
    rows = list(export.rows)
    keys = [c.key for c in export.specs]
    assert export.total == 1
    assert (rows[0][keys.index("item_name")], rows[0][keys.index("reading")], rows[0][keys.index("unit")]) == (
        "抄早电表", Decimal("48210.50"), "kWh")
    assert list_exports.export_list("duty_checks", staff_actor, ListQuery()).total == 2
