"""BaseModel for every table and SyncedModel for records that travel between sites."""

from __future__ import annotations

import uuid
from typing import Any

import peewee

from frontdesk import clock
from frontdesk.db.connection import database

_current_site = {"code": ""}


def set_current_site(code: str) -> None:
    """The site code stamped on records created here (set once the site is known)."""
    _current_site["code"] = code


def current_site_code() -> str:
    return _current_site["code"]


def new_uuid() -> str:
    return str(uuid.uuid4())


class BaseModel(peewee.Model):
    """Base of every table: bound to the one DatabaseProxy, snake_case table names."""

    class Meta:
        database = database
        legacy_table_names = False


class SyncedModel(BaseModel):
    """A record that travels between sites: stable UUID, origin site, timestamps, revision, tombstone.

    Local integer ids never leave the site; references between synced records use the UUID.
    """

    id = peewee.AutoField()
    uuid = peewee.CharField(max_length=36, unique=True, default=new_uuid)
    site_code = peewee.CharField(max_length=16, index=True, default=current_site_code)
    created_at = peewee.DateTimeField(default=clock.now)
    updated_at = peewee.DateTimeField(default=clock.now, index=True)
    revision = peewee.IntegerField(default=1)
    deleted = peewee.BooleanField(default=False)

    def save(self, force_insert: bool = False, only: Any = None) -> int:
        if self.id is not None and not force_insert:
            self.updated_at = clock.now()
            self.revision = (self.revision or 0) + 1
            if only is not None:
                only = list(only) + [type(self).updated_at, type(self).revision]
        return super().save(force_insert=force_insert, only=only)

    @classmethod
    def live(cls) -> peewee.ModelSelect:
        """Records not deleted (tombstones stay for sync)."""
        return cls.select().where(cls.deleted == False)  # noqa: E712
