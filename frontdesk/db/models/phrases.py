"""Phrase book tables: standard phrases by situation (规范用语) and forbidden phrases (服务忌语)."""

from __future__ import annotations

import peewee

from frontdesk.db.models.base import SyncedModel


class StandardPhrase(SyncedModel):
    """A standard phrase a clerk says in a situation (seed 001, 文明规范用语)."""

    situation = peewee.CharField(max_length=20, index=True)
    text = peewee.CharField(max_length=200)
    position = peewee.IntegerField(default=0)
    active = peewee.BooleanField(default=True)

    class Meta:
        table_name = "standard_phrase"


class ForbiddenPhrase(SyncedModel):
    """A phrase never to be said or written to a customer (seed 001, 服务忌语)."""

    text = peewee.CharField(max_length=100)
    category = peewee.CharField(max_length=30, default="")
    checked = peewee.BooleanField(default=True)  # matched against reply and handling texts
    note = peewee.CharField(max_length=200, default="")

    class Meta:
        table_name = "forbidden_phrase"
