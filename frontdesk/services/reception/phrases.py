"""Phrase book: standard phrases by situation for every desk user; forbidden-phrase check; manager edits."""

from __future__ import annotations

from typing import Any

import peewee

from frontdesk.db.connection import database, transaction
from frontdesk.db.models import ForbiddenPhrase, StandardPhrase
from frontdesk.domain.labels import labeller
from frontdesk.domain.phrases import (
    SITUATION_LABELS,
    ForbiddenMatcher,
    Situation,
    fill_staff_number,
    phrase_problems,
)
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.permissions import require

# (database identity, matcher): rebuilt after an edit here or when another database is opened.
_cache: dict[str, Any] = {"key": None, "matcher": None}


def invalidate_cache() -> None:
    """Forget the forbidden list (call after anything else changes the table, e.g. a site import)."""
    _cache["key"] = None
    _cache["matcher"] = None


def _matcher() -> ForbiddenMatcher:
    db = database.obj
    key = (id(db), getattr(db, "database", None))
    if _cache["key"] != key or _cache["matcher"] is None:
        texts = [
            row.text
            for row in ForbiddenPhrase.live().select(ForbiddenPhrase.text).where(ForbiddenPhrase.checked == True)  # noqa: E712
        ]
        _cache["matcher"] = ForbiddenMatcher.build(texts)
        _cache["key"] = key
    return _cache["matcher"]


def forbidden_found(text: str) -> list[str]:
    """The forbidden phrases (服务忌语) in ``text``, longest first; cached, safe to call on every keystroke."""
    if not text or not text.strip():
        return []
    return _matcher().find(text)


def situations() -> list[tuple[str, str]]:
    """(value, Chinese label) of every situation, in the seed's order."""
    return [(s.value, SITUATION_LABELS[s]) for s in Situation]


def _situation_order() -> peewee.Node:
    """The seed's order of situations, in SQL (unknown values last)."""
    return peewee.Case(StandardPhrase.situation, [(s.value, i) for i, s in enumerate(Situation)], len(Situation))


PHRASES = ListSpec(T("columns", "规范用语"), (
    col("situation", T("columns", "使用场景"), ColumnKind.ENUM, StandardPhrase.situation,
        labels=labeller(SITUATION_LABELS)),
    col("active", T("columns", "启用"), ColumnKind.BOOL, StandardPhrase.active),
    col("text", T("columns", "规范用语"), ColumnKind.LONG_TEXT, StandardPhrase.text),
), default_order=(_situation_order(), False), tiebreak=StandardPhrase.id)

FORBIDDEN = ListSpec(T("columns", "服务忌语"), (
    col("text", T("columns", "服务忌语"), ColumnKind.TEXT, ForbiddenPhrase.text),
    col("category", T("columns", "类别"), ColumnKind.TEXT, ForbiddenPhrase.category),
    col("checked", T("columns", "文字检查"), ColumnKind.BOOL, ForbiddenPhrase.checked),
    col("note", T("columns", "备注"), ColumnKind.LONG_TEXT, ForbiddenPhrase.note),
), default_order=(ForbiddenPhrase.category, False), tiebreak=ForbiddenPhrase.id)


def _phrase_select(fields: list[peewee.Node], situation: str | None, include_inactive: bool) -> peewee.ModelSelect:
    select = StandardPhrase.live().select(*fields)
    if situation:
        select = select.where(StandardPhrase.situation == situation)
    if not include_inactive:
        select = select.where(StandardPhrase.active == True)  # noqa: E712
    return select


def list_phrases(actor: Actor, situation: str | None = None, include_inactive: bool = False) -> list[dict[str, Any]]:
    """Standard phrases (in situation order, then position); any desk user."""
    require(actor, Permission.DESK_WORK)
    select = _phrase_select(PHRASES.list_fields(StandardPhrase.uuid, StandardPhrase.position), situation,
                            include_inactive)
    rows = list(select.order_by(_situation_order(), StandardPhrase.position, StandardPhrase.id).dicts())
    for row in rows:
        row["situation_label"] = SITUATION_LABELS.get(row["situation"], row["situation"])
    return rows


def export_phrases(actor: Actor, query: ListQuery) -> ListExport:
    """The standard phrases as listed (filters ``situation``, ``include_inactive``), for Excel."""
    require(actor, Permission.DESK_WORK)
    situation, inactive = query.filters.get("situation"), bool(query.filters.get("include_inactive"))
    return PHRASES.export(actor, lambda fields: _phrase_select(fields, situation, inactive), query)


def phrase_book(actor: Actor) -> list[tuple[str, str, list[str]]]:
    """(situation, label, phrases) for the side panel; situations without an active phrase left out.

    A phrase's 工号 placeholder (我是××号) is filled with the actor's staff number, so it is inserted filled."""
    grouped: dict[str, list[str]] = {}
    for row in list_phrases(actor):
        grouped.setdefault(row["situation"], []).append(fill_staff_number(row["text"], actor.staff_no))
    return [(value, text, grouped[value]) for value, text in situations() if value in grouped]


def save_phrase(
    actor: Actor, situation: str, text: str, active: bool = True, uuid: str | None = None
) -> str:
    """Add or change a standard phrase (managers)."""
    require(actor, Permission.MANAGE_REFERENCE)
    errors = phrase_problems(text)
    if situation not in {s.value for s in Situation}:
        errors["situation"] = T("errors", "请选择使用场景")
    if errors:
        raise ValidationError(errors)
    text = text.strip()
    with transaction():
        if uuid:
            phrase = StandardPhrase.live().where(StandardPhrase.uuid == uuid).first()
            if phrase is None:
                raise NotFound(T("errors", "该规范用语不存在或已删除"))
            old = {"situation": phrase.situation, "text": phrase.text, "active": phrase.active}
        else:
            last = (
                StandardPhrase.live().where(StandardPhrase.situation == situation)
                .order_by(StandardPhrase.position.desc()).first()
            )
            phrase = StandardPhrase(position=(last.position + 1) if last else 0)
            old = None
        phrase.situation, phrase.text, phrase.active = situation, text, active
        phrase.save()
        new = {"situation": situation, "text": text, "active": active}
        audit.record(actor, "standard_phrase", phrase.uuid, "update" if old else "create", old, new)
        return phrase.uuid


def delete_phrase(actor: Actor, uuid: str) -> None:
    """Remove a standard phrase (a tombstone, so the deletion travels to other sites)."""
    require(actor, Permission.MANAGE_REFERENCE)
    with transaction():
        phrase = StandardPhrase.live().where(StandardPhrase.uuid == uuid).first()
        if phrase is None:
            raise NotFound(T("errors", "该规范用语不存在或已删除"))
        phrase.deleted = True
        phrase.save()
        audit.record(actor, "standard_phrase", uuid, "delete", {"text": phrase.text}, None)


def _forbidden_select(fields: list[peewee.Node], checked_only: bool) -> peewee.ModelSelect:
    select = ForbiddenPhrase.live().select(*fields)
    if checked_only:
        select = select.where(ForbiddenPhrase.checked == True)  # noqa: E712
    return select


def list_forbidden(actor: Actor, checked_only: bool = False) -> list[dict[str, Any]]:
    """Forbidden phrases by category; any desk user (the clerk should know them)."""
    require(actor, Permission.DESK_WORK)
    select = _forbidden_select(FORBIDDEN.list_fields(ForbiddenPhrase.uuid), checked_only)
    return list(select.order_by(ForbiddenPhrase.category, ForbiddenPhrase.id).dicts())


def export_forbidden(actor: Actor, query: ListQuery) -> ListExport:
    """The forbidden phrases (filter ``checked_only``), for Excel."""
    require(actor, Permission.DESK_WORK)
    return FORBIDDEN.export(actor, lambda fields: _forbidden_select(fields, bool(query.filters.get("checked_only"))),
                            query)


def save_forbidden(
    actor: Actor, text: str, category: str = "", checked: bool = True, note: str = "", uuid: str | None = None
) -> str:
    """Add or change a forbidden phrase (managers); the cached list is rebuilt on the next check."""
    require(actor, Permission.MANAGE_REFERENCE)
    errors = phrase_problems(text, max_len=100)
    if len(category.strip()) > 30:
        errors["category"] = T("errors", "类别不超过 30 字")
    if len(note.strip()) > 200:
        errors["note"] = T("errors", "备注不超过 200 字")
    text = text.strip()
    with transaction():
        clash = ForbiddenPhrase.live().where(ForbiddenPhrase.text == text)
        if uuid:
            clash = clash.where(ForbiddenPhrase.uuid != uuid)
        if text and clash.exists():
            errors["text"] = T("errors", "该忌语已在列表中")
        if errors:
            raise ValidationError(errors)
        if uuid:
            phrase = ForbiddenPhrase.live().where(ForbiddenPhrase.uuid == uuid).first()
            if phrase is None:
                raise NotFound(T("errors", "该服务忌语不存在或已删除"))
            old = {"text": phrase.text, "category": phrase.category, "checked": phrase.checked, "note": phrase.note}
        else:
            phrase, old = ForbiddenPhrase(), None
        phrase.text, phrase.category, phrase.checked, phrase.note = text, category.strip(), checked, note.strip()
        phrase.save()
        new = {"text": text, "category": phrase.category, "checked": checked, "note": phrase.note}
        audit.record(actor, "forbidden_phrase", phrase.uuid, "update" if old else "create", old, new)
    invalidate_cache()
    return phrase.uuid


def delete_forbidden(actor: Actor, uuid: str) -> None:
    """Remove a forbidden phrase (a tombstone)."""
    require(actor, Permission.MANAGE_REFERENCE)
    with transaction():
        phrase = ForbiddenPhrase.live().where(ForbiddenPhrase.uuid == uuid).first()
        if phrase is None:
            raise NotFound(T("errors", "该服务忌语不存在或已删除"))
        phrase.deleted = True
        phrase.save()
        audit.record(actor, "forbidden_phrase", uuid, "delete", {"text": phrase.text}, None)
    invalidate_cache()
