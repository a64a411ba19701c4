"""Help calls (求助, seed 001 (三)): any desk user records and follows them up; managers delete; list and export."""

from __future__ import annotations

from typing import Any

import peewee

from frontdesk import clock
from frontdesk.db.connection import transaction
from frontdesk.db.models import HelpCall, Staff
from frontdesk.db.numbering import next_number
from frontdesk.domain.expressway import (
    Direction,
    HelpCallInput,
    HelpKind,
    HelpOutcome,
    VehicleType,
    choices,
    direction_label,
    help_call_problems,
    kind_label,
    outcome_label,
    parse_stake,
    vehicle_label,
)
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page
from frontdesk.services.core.permissions import require

MODULE = "QZ"  # 求助: S01-QZ-20261123-0001
_NOT_FOUND = T("errors", "该求助记录不存在或已删除")
_FIELDS = ("kind", "received_at", "caller_phone", "plate", "vehicle_type", "direction", "stake", "location",
           "description", "dispatched", "dispatched_at", "outcome", "outcome_note", "closed_at")

_TEXT, _ENUM, _TIME = ColumnKind.TEXT, ColumnKind.ENUM, ColumnKind.DATETIME
HELP_CALLS = ListSpec(T("columns", "求助记录"), (
    col("number", T("columns", "编号"), _TEXT, HelpCall.number, sort=True),
    col("received_at", T("columns", "求助时间"), _TIME, HelpCall.received_at, sort=True),
    col("kind", T("columns", "求助类型"), _ENUM, HelpCall.kind, sort=True, labels=kind_label),
    col("plate", T("columns", "车牌号"), _TEXT, HelpCall.plate, sort=True),
    col("vehicle_type", T("columns", "车型"), _ENUM, HelpCall.vehicle_type, labels=vehicle_label),
    col("direction", T("columns", "方向"), _ENUM, HelpCall.direction, labels=direction_label),
    col("stake", T("columns", "桩号"), _TEXT, HelpCall.stake, sort=HelpCall.stake_m),
    col("location", T("columns", "位置说明"), _TEXT, HelpCall.location),
    col("caller_phone", T("columns", "来电号码"), ColumnKind.CUSTOMER_PHONE, HelpCall.caller_phone),
    col("description", T("columns", "求助情况"), ColumnKind.LONG_TEXT, HelpCall.description),
    col("dispatched", T("columns", "派遣"), _TEXT, HelpCall.dispatched),
    col("dispatched_at", T("columns", "派遣时间"), _TIME, HelpCall.dispatched_at, sort=True),
    col("outcome", T("columns", "处置结果"), _ENUM, HelpCall.outcome, sort=True, labels=outcome_label),
    col("outcome_note", T("columns", "结果说明"), ColumnKind.LONG_TEXT, HelpCall.outcome_note, listed=False),
    col("closed_at", T("columns", "完毕时间"), _TIME, HelpCall.closed_at, sort=True),
    col("recorded_by", T("columns", "登记人"), _TEXT, Staff.name),
), default_order=(HelpCall.received_at, True), tiebreak=HelpCall.id)


def kinds() -> list[tuple[str, str]]:
    return choices(HelpKind)


def vehicle_types() -> list[tuple[str, str]]:
    return choices(VehicleType)


def directions() -> list[tuple[str, str]]:
    return choices(Direction)


def outcomes() -> list[tuple[str, str]]:
    return choices(HelpOutcome)


def _filters(query: ListQuery) -> list[peewee.Expression]:
    f = query.filters
    where: list[peewee.Expression] = [HelpCall.deleted == False]  # noqa: E712
    if f.get("kind"):
        where.append(HelpCall.kind == f["kind"])
    if f.get("outcome"):
        where.append(HelpCall.outcome == f["outcome"])
    if f.get("since"):
        where.append(HelpCall.received_at >= f["since"])
    text = query.search.strip()
    if text:
        plate = text.upper().replace(" ", "")
        metres = parse_stake(text)
        found = (HelpCall.plate.contains(plate) | HelpCall.number.contains(text)
                 | HelpCall.description.contains(text) | HelpCall.location.contains(text))
        if metres is not None:  # a 桩号 finds calls within 2 km of it
            found |= HelpCall.stake_m.between(metres - 2000, metres + 2000)
        where.append(found)
    return where


def _select(fields: list[peewee.Node], where: list[peewee.Expression]) -> peewee.ModelSelect:
    return (HelpCall.select(*fields).join(Staff, peewee.JOIN.LEFT_OUTER, on=(HelpCall.recorded_by == Staff.uuid))
            .where(*where))


def list_help_calls(actor: Actor, query: ListQuery) -> Page:
    """The help-call page: by kind and outcome, searched by plate, number, text or 桩号 (±2 km); newest first."""
    require(actor, Permission.DESK_WORK)
    return HELP_CALLS.page(_select(HELP_CALLS.list_fields(HelpCall.uuid), _filters(query)), query)


def export_help_calls(actor: Actor, query: ListQuery) -> ListExport:
    """The help calls as listed, for Excel (callers' numbers masked unless the actor may export them)."""
    require(actor, Permission.DESK_WORK)
    where = _filters(query)
    return HELP_CALLS.export(actor, lambda fields: _select(fields, where), query)


def _row(call: HelpCall) -> dict[str, Any]:
    return {name: getattr(call, name) for name in _FIELDS}


def _live(uuid: str) -> HelpCall:
    call = HelpCall.live().where(HelpCall.uuid == uuid).first()
    if call is None:
        raise NotFound(_NOT_FOUND)
    return call


def get_help_call(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.DESK_WORK)
    call = _live(uuid)
    return {**_row(call), "uuid": call.uuid, "number": call.number}


def save_help_call(actor: Actor, data: HelpCallInput, uuid: str | None = None) -> str:
    """Record a help call or bring it up to date (dispatch, outcome); a ValidationError names each bad field."""
    require(actor, Permission.DESK_WORK)
    data = data.cleaned()
    errors = help_call_problems(data, clock.now())
    if errors:
        raise ValidationError(errors)
    with transaction():
        if uuid:
            call = _live(uuid)
            old = _row(call)
        else:
            call, old = HelpCall(recorded_by=actor.uuid), None
            call.number = next_number(MODULE, data.received_at.date())
        for name in _FIELDS:
            setattr(call, name, getattr(data, name))
        call.stake_m = parse_stake(data.stake) if data.stake else None
        call.save()
        audit.record(actor, "help_call", call.uuid, "update" if old else "create", old, _row(call))
    return call.uuid


def delete_help_call(actor: Actor, uuid: str) -> None:
    """Remove a help call recorded by mistake (managers; a tombstone travels to the other sites)."""
    require(actor, Permission.MANAGE_REFERENCE)
    with transaction():
        call = _live(uuid)
        call.deleted = True
        call.save()
        audit.record(actor, "help_call", uuid, "delete", {"number": call.number}, None)
