"""The caller card: four typed digits from any part of the number find the callers, key customers first."""

import pytest

from frontdesk.domain.reception import Category, Channel, ContactInput
from frontdesk.domain.visits import KeyCustomerInput
from frontdesk.services.reception import callers
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception.visits import save_key_customer

pytestmark = pytest.mark.usefixtures("frozen_clock")


@pytest.fixture
def contact(staff_actor):  # noqa: ANN001, ANN201
    def save(phone: str, name: str = "", category: str = Category.CONSULT.value,
             request: str = "咨询停车场收费标准") -> None:
        reception.save_contact(staff_actor, ContactInput(
            channel=Channel.PHONE.value, category=category, customer_name=name, phone=phone, request=request))
    return save


def test_four_digits_from_any_part_of_the_number(staff_actor, contact):
    contact("13800138000", "王女士")
    contact("13800138000", "")
    contact("13912345678", "李先生")
    contact("0579-82345678", "张经理")
    assert callers.find_callers(staff_actor, "138") == []  # three digits: not yet
    found = callers.find_callers(staff_actor, "0138")
    assert [(c.phone, c.name, c.contacts) for c in found] == [("13800138000", "王女士", 2)]
    middle = callers.find_callers(staff_actor, "2345")  # the middle of one number, the end of another
    assert {c.phone for c in middle} == {"13912345678", "057982345678"}
    assert [c.phone for c in callers.find_callers(staff_actor, "5678")] == ["057982345678", "13912345678"]
    whole = callers.find_callers(staff_actor, "139 1234 5678")
    assert [(c.phone, c.name) for c in whole] == [("13912345678", "李先生")]
    assert callers.find_callers(staff_actor, "0000") == []


def test_key_customer_badge_history_and_open_cases(staff_actor, contact):
    save_key_customer(staff_actor, KeyCustomerInput(name="永康物流有限公司", phone="19597602094", level="key"))
    assert [(c.phone, c.name, c.level, c.contacts) for c in callers.find_callers(staff_actor, "7602")] == [
        ("19597602094", "永康物流有限公司", "key", 0)]  # known before they ever called
    for i in range(7):
        contact("19597602094", "赵经理", request=f"第{i}次咨询")
    contact("19597602094", "赵经理", category=Category.COMPLAINT.value, request="投诉员工态度")
    [card] = callers.find_callers(staff_actor, "2094")
    assert card.level == "key" and card.name == "永康物流有限公司" and card.contacts == 8
    assert len(card.history) == 8 and card.history[0]["request"] == "投诉员工态度"
    assert [c["stage"] for c in card.open_cases] == ["accept"]


def test_a_number_in_the_contact_numbers_is_not_a_caller(staff_actor, contact):
    contact("13800138000", "王女士")  # its number S01-JD-2026…-0001 holds the digits of the year
    assert callers.find_callers(staff_actor, "0001") == []
