"""A scanned QR payload (or a whole typed number) finds the record it names, by its unique number."""

import pytest

from frontdesk.domain import scan_codes
from frontdesk.domain.reception import Category, Channel, ContactInput
from frontdesk.services.core.scanned import find_scanned
from frontdesk.services.reception import contacts as reception

pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_payload_and_bare_number_find_the_contact(staff_actor):
    saved = reception.save_contact(staff_actor, ContactInput(
        channel=Channel.WALK_IN.value, category=Category.CONSULT.value, customer_name="王女士",
        phone="13800138000", request="咨询停车场收费标准"))
    found = find_scanned(staff_actor, scan_codes.payload("contact", saved.number).lower())
    assert found == ("contact", saved.uuid, saved.number)
    assert find_scanned(staff_actor, saved.number) == found
    assert find_scanned(staff_actor, "FD:WX:S01-WX-20200101-0001") is None  # a code naming nothing here
    assert find_scanned(staff_actor, "停车") is None
