"""Expressway desk tables: help calls (求助: breakdown, accident, medical) and outbound notices (公告)."""

from __future__ import annotations

import peewee

from frontdesk.db.models.base import SyncedModel


class HelpCall(SyncedModel):
    """One call for help from the road: where (direction, 桩号), which vehicle, what was sent, how it ended."""

    number = peewee.CharField(max_length=40, unique=True)
    received_at = peewee.DateTimeField()
    kind = peewee.CharField(max_length=16)
    caller_phone = peewee.CharField(max_length=30, default="")
    plate = peewee.CharField(max_length=10, default="")
    vehicle_type = peewee.CharField(max_length=16, default="")
    direction = peewee.CharField(max_length=16)
    stake = peewee.CharField(max_length=12, default="")  # K123+400
    stake_m = peewee.IntegerField(null=True)  # the same in metres, to sort and filter by road section
    location = peewee.CharField(max_length=200, default="")
    description = peewee.TextField(default="")
    dispatched = peewee.CharField(max_length=200, default="")
    dispatched_at = peewee.DateTimeField(null=True)
    outcome = peewee.CharField(max_length=16, default="open")
    outcome_note = peewee.TextField(default="")
    closed_at = peewee.DateTimeField(null=True)
    recorded_by = peewee.CharField(max_length=36, default="")  # Staff uuid

    class Meta:
        table_name = "help_call"


class OutboundNotice(SyncedModel):
    """A notice sent out by the desk: publicity, an outage or closure, roadworks; by which channel, to how many."""

    kind = peewee.CharField(max_length=16)
    title = peewee.CharField(max_length=100)
    content = peewee.TextField(default="")
    channel = peewee.CharField(max_length=16)
    published_at = peewee.DateTimeField()
    reach = peewee.IntegerField(default=0)
    valid_to = peewee.DateTimeField(null=True)
    note = peewee.CharField(max_length=200, default="")
    recorded_by = peewee.CharField(max_length=36, default="")

    class Meta:
        table_name = "outbound_notice"
