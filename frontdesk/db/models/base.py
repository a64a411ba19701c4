"""BaseModel for every table and SyncedModel for records that travel between sites."""

from __future__ import annotations

import secrets
from typing import Any, Self

import peewee

from frontdesk import clock
from frontdesk.db import changes
from frontdesk.db.connection import database
from frontdesk.db.fields import sql_default
from frontdesk.domain.record_ids import RANDOM_BITS, time_ordered
from frontdesk.domain.text import clean, clean_value, is_clean
from frontdesk.errors import RecordChanged

_current_site = {"code": ""}


def set_current_site(code: str) -> None:
    """The site code stamped on records created here (set once the site is known)."""
    _current_site["code"] = code


def current_site_code() -> str:
    return _current_site["code"]


def new_uuid() -> str:
    """A new record's id: time-ordered (``domain.record_ids``), so new records append to the uuid indexes."""
    return time_ordered(clock.now_precise(), secrets.randbits(RANDOM_BITS))


class BaseModel(peewee.Model):
    """Base of every table: bound to the one DatabaseProxy, snake_case table names; text is stored clean
    (``domain.text.clean``: no control characters but tab and newline), whichever service wrote it."""

    class Meta:
        database = database
        legacy_table_names = False

    def save(self, force_insert: bool = False, only: Any = None) -> int:
        data = self.__data__
        for name, value in data.items():
            if value.__class__ is str and not is_clean(value):
                data[name] = clean(value)
        return super().save(force_insert=force_insert, only=only)

    @classmethod
    def update(cls, __data: Any = None, **update: Any) -> peewee.ModelUpdate:
        data = cls._normalize_data(__data, update)
        return peewee.ModelUpdate(cls, {k: clean_value(v) for k, v in data.items()})


# written by a sync step or bookkeeping of one site's logins: an update of only these takes no change number
UNSTAMPED = frozenset({"change_seq", "change_peer", "failed_logins", "locked_until", "last_login"})


class SyncedModel(BaseModel):
    """A record that travels between sites: stable UUID, origin site, timestamps, revision, tombstone.

    Local integer ids never leave the site; references between synced records use the UUID.
    ``change_seq`` is this database's change number of the row's last write (local or imported) and
    ``change_peer`` the peer whose import wrote it ("" for a local edit); neither is exported.
    ``origin_site``/``origin_seq`` name the site whose edit this version is and that site's change number
    then (they travel unchanged through relays).
    """

    id = peewee.AutoField()
    uuid = peewee.CharField(max_length=36, unique=True, default=new_uuid)
    site_code = peewee.CharField(max_length=16, index=True, default=current_site_code)
    created_at = peewee.DateTimeField(default=clock.now)
    updated_at = peewee.DateTimeField(default=clock.now, index=True)
    revision = peewee.IntegerField(default=1)
    deleted = peewee.BooleanField(default=False)
    change_seq = peewee.BigIntegerField(default=0, index=True, constraints=[sql_default(0)])
    origin_site = peewee.CharField(max_length=16, default="", constraints=[sql_default("")])
    origin_seq = peewee.BigIntegerField(default=0, constraints=[sql_default(0)])
    change_peer = peewee.CharField(max_length=16, default="", constraints=[sql_default("")])

    def save(self, force_insert: bool = False, only: Any = None) -> int:
        db = database.obj
        if db.in_transaction():
            return self._stamped_save(force_insert, only)
        with db.atomic():  # the change number and the row commit together
            return self._stamped_save(force_insert, only)

    def expect_revision(self, revision: int | None) -> Self:
        """Revision check: the next ``save()`` writes only while the row still has ``revision`` (what the form
        loaded) and raises RecordChanged otherwise — now if this copy is already newer, or when the UPDATE
        ``… WHERE id = ? AND revision = ?`` changes no row because another counter saved first. None: no check."""
        if revision is not None and self.revision != revision:
            raise RecordChanged()
        self._revision_guard = revision
        return self

    def _pk_expr(self) -> peewee.Expression:
        guard = self.__dict__.get("_revision_guard")
        expr = super()._pk_expr()
        return expr if guard is None else expr & (type(self).revision == guard)

    def _stamped_save(self, force_insert: bool, only: Any) -> int:
        guard = self.__dict__.pop("_revision_guard", None)
        if guard is None or self.id is None or force_insert:
            return self._write(force_insert, only)
        self._revision_guard = guard
        try:
            rows = self._write(force_insert, only)
        finally:
            self.__dict__.pop("_revision_guard", None)
        if not rows:
            self.revision = guard
            raise RecordChanged()
        return rows

    def _write(self, force_insert: bool, only: Any) -> int:
        cls = type(self)
        self.change_seq = self.origin_seq = changes.take()
        self.origin_site, self.change_peer = current_site_code(), ""
        stamps = [cls.change_seq, cls.origin_site, cls.origin_seq, cls.change_peer]
        if self.id is not None and not force_insert:
            changes.keep_base(cls, cls.id == self.id)
            self.updated_at = clock.now()
            self.revision = (self.revision or 0) + 1
            stamps += [cls.updated_at, cls.revision]
        if only is not None:
            only = list(only) + stamps
        return super().save(force_insert=force_insert, only=only)

    @classmethod
    def update(cls, __data: Any = None, **update: Any) -> peewee.ModelUpdate:
        """An UPDATE query that stamps a new change number on the rows it changes (run it in a transaction)."""
        data = {k: clean_value(v) for k, v in cls._normalize_data(__data, update).items()}
        names = {f.name if isinstance(f, peewee.Field) else str(f) for f in data}
        if names <= UNSTAMPED:
            return peewee.ModelUpdate(cls, data)
        seq = changes.take()
        data.update({cls.change_seq: seq, cls.origin_seq: seq, cls.origin_site: current_site_code(),
                     cls.change_peer: ""})
        return _StampedUpdate(cls, data)

    @classmethod
    def live(cls) -> peewee.ModelSelect:
        """Records not deleted (tombstones stay for sync)."""
        return cls.select().where(cls.deleted == False)  # noqa: E712


class _StampedUpdate(peewee.ModelUpdate):
    """An UPDATE of synced rows that first keeps the version a peer has of each (``changes.keep_base``)."""

    def _execute(self, database: peewee.Database) -> Any:
        changes.keep_base(self.model, self._where)
        return super()._execute(database)
