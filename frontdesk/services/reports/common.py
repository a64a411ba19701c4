"""What the report services share: which modules are present, progress callbacks, label lookups, SQL pieces."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from types import ModuleType
from typing import Any

import peewee

from frontdesk.db import dialect
from frontdesk.db.connection import database
from frontdesk.domain import complaints as complaint_domain
from frontdesk.domain import reception as reception_domain
from frontdesk.domain import visits as visit_domain
from frontdesk.domain.report import Period
from frontdesk.errors import Message, T

Progress = Callable[[int, str], None]  # percent done, what is being done


def step(progress: Progress | None, percent: int, what: str) -> None:
    if progress is not None:
        progress(percent, what)


def table_ready(*tables: str) -> bool:
    """Whether every table exists: a report over a module that has not landed is left out."""
    try:
        return all(database.obj.table_exists(t) for t in tables)
    except (AttributeError, peewee.PeeweeException):
        return False


def optional_module(name: str) -> ModuleType | None:
    """``frontdesk.<name>`` if it can be imported, else None (a module not yet part of this build)."""
    try:
        return importlib.import_module(f"frontdesk.{name}")
    except ImportError:
        return None


def aftersales_ready() -> bool:
    return optional_module("db.models.aftersales") is not None and table_ready("return_order", "repair_order")


def discipline_ready() -> bool:
    return optional_module("db.models.discipline") is not None and table_ready("incident", "shift", "fine_rule")


TOTAL = T("reports", "合计")  # the first cell of a table's totals row
UNFILLED = T("reports", "未填写")


def enum_label(value: str | None) -> str:
    """The label of a stored enum value from the reception, complaint or visit vocabularies, as a Message
    (Chinese text that the UI shows in its language); an unknown value as it is."""
    if not value:
        return UNFILLED
    for labels in (reception_domain.LABELS, complaint_domain.LABELS, visit_domain.LABELS):
        if value in labels:
            return Message("enum", labels[value])
    return value


def label_message(label: str) -> str:
    """A vocabulary's Chinese label (marked QT_TRANSLATE_NOOP("enum", …)) as a Message the UI translates."""
    return Message("enum", label) if label else label


def in_period(field: peewee.Field, period: Period) -> peewee.Expression:
    """``field`` within the period's days: from the first midnight up to, not including, the last one — and,
    for a period of one site, only that site's rows of ``field``'s table."""
    where = (field >= period.start) & (field < period.end)
    return where & of_site(field.model, period) if period.site else where


def of_site(model: type[peewee.Model], period: Period) -> peewee.Expression:
    """The rows of ``model`` that belong to the period's site (every row when it asks for all sites)."""
    return model.site_code == period.site if period.site else peewee.SQL("1 = 1")


def site_title(title: str, period: Period) -> str:
    """A report's title naming the site it covers (as it is when it covers every site)."""
    return T("reports", "{0}（站点 {1}）").format(title, period.site) if period.site else title


def day_of(field: peewee.Field) -> peewee.Node:
    """The YYYY-MM-DD day of a stored datetime, as text."""
    return dialect.day_text(field)


def hours_between(start: peewee.Field, end: peewee.Field) -> peewee.Node:
    return dialect.hours_between(start, end)


def as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def release_thread_connection() -> None:
    """A report computed on a worker thread opened that thread's own connection: close it there."""
    import threading

    bound = database.obj
    if threading.current_thread() is not threading.main_thread() and bound is not None and not bound.is_closed():
        bound.close()
