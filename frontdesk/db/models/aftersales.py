"""After-sales tables: return/exchange orders (退换货), repair work orders (维修工单) and their step log."""

from __future__ import annotations

import peewee

from frontdesk.db.fields import MoneyField
from frontdesk.db.models.base import SyncedModel
from frontdesk.db.models.core import Staff


class ReturnOrder(SyncedModel):
    """One return or exchange request with its policy check, inspection and decision."""

    number = peewee.CharField(max_length=32, unique=True)
    received_at = peewee.DateTimeField(index=True)
    customer_name = peewee.CharField(max_length=30, default="")  # indexed with received_at (migration)
    phone = peewee.CharField(max_length=20, default="")  # digits only; indexed with received_at
    kind = peewee.CharField(max_length=10)
    category = peewee.CharField(max_length=16)
    item = peewee.CharField(max_length=100)
    quantity = peewee.IntegerField(default=1)
    amount_paid = MoneyField(default=0)
    purchase_date = peewee.DateField()
    has_receipt = peewee.BooleanField(default=True)
    receipt_no = peewee.CharField(max_length=40, default="")
    reason = peewee.TextField(default="")
    window_days = peewee.IntegerField(default=0)  # the policy in force when the request was taken
    within_window = peewee.BooleanField(default=True)
    quality_ok = peewee.BooleanField(default=True)
    quality_note = peewee.CharField(max_length=200, default="")
    packaging_ok = peewee.BooleanField(default=True)
    packaging_note = peewee.CharField(max_length=200, default="")
    accessories_ok = peewee.BooleanField(default=True)
    accessories_note = peewee.CharField(max_length=200, default="")
    decision = peewee.CharField(max_length=10)
    refund_amount = MoneyField(default=0)
    replacement_item = peewee.CharField(max_length=100, default="")
    note = peewee.TextField(default="")
    status = peewee.CharField(max_length=16, index=True)
    handled_by = peewee.ForeignKeyField(Staff, field="uuid", column_name="handled_by_uuid", backref="+")
    approved_by = peewee.ForeignKeyField(
        Staff, field="uuid", null=True, column_name="approved_by_uuid", backref="+", on_delete="SET NULL"
    )
    approved_at = peewee.DateTimeField(null=True)
    completed_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "return_order"


class RepairOrder(SyncedModel):
    """One item taken in for repair; ``status_since`` is when it entered its current step."""

    number = peewee.CharField(max_length=32, unique=True)
    received_at = peewee.DateTimeField(index=True)
    customer_name = peewee.CharField(max_length=30, default="")  # indexed with received_at (migration)
    phone = peewee.CharField(max_length=20, default="")  # digits only; indexed with received_at
    item = peewee.CharField(max_length=100)
    brand_model = peewee.CharField(max_length=100, default="")
    serial_no = peewee.CharField(max_length=60, default="")
    fault = peewee.TextField(default="")
    accessories = peewee.CharField(max_length=300, default="")  # "、"-joined
    appearance = peewee.CharField(max_length=300, default="")
    warranty = peewee.CharField(max_length=4)
    estimated_date = peewee.DateField(null=True)
    estimated_cost = MoneyField(default=0)
    pickup_mode = peewee.CharField(max_length=8)
    address = peewee.CharField(max_length=200, default="")
    photos = peewee.TextField(default="")  # stored attachment names, one per line
    status = peewee.CharField(max_length=16)
    status_since = peewee.DateTimeField()
    rework_count = peewee.IntegerField(default=0)
    pickup_inspection = peewee.CharField(max_length=300, default="")
    customer_accepted = peewee.BooleanField(null=True)
    picked_up_at = peewee.DateTimeField(null=True)
    closed_at = peewee.DateTimeField(null=True)
    received_by = peewee.ForeignKeyField(Staff, field="uuid", column_name="received_by_uuid", backref="+")

    class Meta:
        table_name = "repair_order"


class RepairEvent(SyncedModel):
    """One line of a repair order's history: a step, a customer notification, pickup, rework or note."""

    repair = peewee.ForeignKeyField(RepairOrder, field="uuid", column_name="repair_uuid", backref="events")
    kind = peewee.CharField(max_length=10)
    from_status = peewee.CharField(max_length=16, default="")
    to_status = peewee.CharField(max_length=16, default="")
    at = peewee.DateTimeField()
    actor_uuid = peewee.CharField(max_length=36, default="")
    actor_name = peewee.CharField(max_length=30, default="")
    note = peewee.TextField(default="")
    method = peewee.CharField(max_length=10, default="")  # notify: phone / sms / wechat
    result = peewee.CharField(max_length=16, default="")  # notify: reached / no_answer / left_message

    class Meta:
        table_name = "repair_event"
