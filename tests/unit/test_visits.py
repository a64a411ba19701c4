"""Return visits: validation, contact status, the due list (incl. the twice-a-year rule at year ends), key customers."""

from datetime import date, datetime, timedelta

import pytest

from frontdesk import clock
from frontdesk.db.models import Complaint, Contact, ReturnVisit
from frontdesk.domain.reception import ContactInput
from frontdesk.domain.visits import DueKind, KeyCustomerInput, VisitInput
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception import visits

# dates in these tests are fixed or counted from a frozen clock, so they pass at any real date
pytestmark = pytest.mark.usefixtures("frozen_clock")

PHONE = "13812345678"


def visit(actor, when: datetime, phone: str = PHONE, name: str = "王先生", **kw) -> str:
    data = VisitInput(customer_name=name, phone=phone, visited_at=when, result="客户表示满意", **kw)
    return visits.record_visit(actor, data)


def due(actor, today: date, **filters) -> list[dict]:
    return visits.list_due(actor, ListQuery(filters=filters, page_size=200), today=today).rows


def test_validation_names_fields(staff_actor):
    data = VisitInput(customer_name="", phone="12345", method="fax", visited_at=clock.now() + timedelta(days=1),
                      next_visit_date=date(2000, 1, 1))
    with pytest.raises(ValidationError) as exc:
        visits.record_visit(staff_actor, data)
    assert set(exc.value.fields) == {"customer_name", "phone", "method", "visited_at", "result", "next_visit_date"}
    assert ReturnVisit.select().count() == 0
    with pytest.raises(ValidationError) as exc:  # a phone visit needs a number; a visit in person does not
        visits.record_visit(staff_actor, VisitInput(customer_name="李女士", result="已回访"))
    assert "phone" in exc.value.fields
    visits.record_visit(staff_actor, VisitInput(customer_name="李女士", method="on_site", result="已回访"))
    with pytest.raises(ValidationError) as exc:
        visits.record_visit(staff_actor, VisitInput(customer_name="李女士", phone=PHONE, result="好",
                                                    contact_uuid="no-such-contact"))
    assert "contact_uuid" in exc.value.fields


def test_visit_of_closed_contact_marks_it_visited(staff_actor):
    saved = reception.save_contact(staff_actor, ContactInput(
        channel="phone", category="consult", customer_name="王先生", phone=PHONE, request="咨询通行费",
        handling="已解答", close_now=True))
    open_one = reception.save_contact(staff_actor, ContactInput(
        channel="phone", category="help", phone=PHONE, request="车辆抛锚"))
    visit(staff_actor, clock.now() - timedelta(minutes=1), contact_uuid=saved.uuid)
    visit(staff_actor, clock.now() - timedelta(minutes=1), contact_uuid=open_one.uuid)
    assert Contact.get(Contact.uuid == saved.uuid).status == "visited"
    assert Contact.get(Contact.uuid == open_one.uuid).status == "open"  # not closed yet: stays in its flow


def _complaint(actor, number: str, stage: str, contact_uuid: str | None = None) -> str:
    return Complaint.create(
        number=number, opened_at=datetime(2026, 3, 1, 9), opened_by=actor.uuid, customer_name="赵女士",
        phone="13900001111", subject="停车场多收费", stage=stage, contact=contact_uuid,
        closed_at=datetime(2026, 3, 5, 17) if stage == "closed" else None,
    ).uuid


def test_every_closed_complaint_is_due_until_visited(staff_actor):
    closed = _complaint(staff_actor, "S01-TS-20260301-0001", "closed")
    _complaint(staff_actor, "S01-TS-20260301-0002", "verify")
    rows = due(staff_actor, date(2026, 3, 10))
    assert [(r["kind"], r["complaint_uuid"], r["due_date"]) for r in rows] == [
        (DueKind.COMPLAINT, closed, date(2026, 3, 5))]
    assert rows[0]["detail"].startswith("S01-TS-20260301-0001") and rows[0]["overdue"]
    data = visits.input_for_due(rows[0])
    data.result, data.visited_at = "已退款，客户满意", datetime(2026, 3, 9, 10)
    visits.record_visit(staff_actor, data)
    assert due(staff_actor, date(2026, 3, 10)) == []


def test_input_for_due_prefills_customer_and_links(staff_actor):
    closed = _complaint(staff_actor, "S01-TS-20260301-0003", "closed")
    row = due(staff_actor, date(2026, 3, 10), kind="complaint")[0]
    data = visits.input_for_due(row)
    assert (data.customer_name, data.phone, data.complaint_uuid) == ("赵女士", "13900001111", closed)


@pytest.mark.parametrize(
    ("visit_times", "today", "due_expected"),
    [
        ([], date(2026, 1, 1), True),
        ([datetime(2025, 3, 1), datetime(2025, 12, 31, 23, 59)], date(2025, 12, 31), False),  # twice in 2025
        ([datetime(2025, 3, 1), datetime(2025, 12, 31, 23, 59)], date(2026, 1, 1), True),  # a new year: zero
        ([datetime(2025, 12, 31, 23, 59), datetime(2026, 1, 1, 0, 0)], date(2026, 1, 1), True),  # one in 2026
        ([datetime(2025, 12, 31, 23, 59), datetime(2026, 1, 1, 0, 0)], date(2025, 12, 31), True),  # one in 2025
        ([datetime(2026, 1, 1, 0, 0), datetime(2026, 6, 1)], date(2026, 11, 1), False),
    ],
)
def test_key_customers_visited_fewer_than_twice_this_year(staff_actor, visit_times, today, due_expected):
    uuid = visits.save_key_customer(staff_actor, KeyCustomerInput("金华物流有限公司", PHONE, "key"))
    for when in visit_times:
        visit(staff_actor, when)
    rows = [r for r in due(staff_actor, today) if r["kind"] == DueKind.CUSTOMER]
    assert bool(rows) == due_expected
    if rows:
        assert rows[0]["ref_uuid"] == uuid
        count = rows[0]["visits_this_year"]
        assert rows[0]["due_date"] == (date(today.year, 6, 30) if count == 0 else date(today.year, 12, 31))


def test_regular_customers_too_and_inactive_not(staff_actor, manager):
    regular = visits.save_key_customer(staff_actor, KeyCustomerInput("陈师傅", "13700002222", "regular"))
    gone = visits.save_key_customer(staff_actor, KeyCustomerInput("旧客户", "13700003333", "key"))
    visits.set_key_customer_active(manager, gone, False)
    assert [r["ref_uuid"] for r in due(staff_actor, date(2026, 5, 1), kind="customer")] == [regular]


def test_next_visit_due_until_a_later_visit(staff_actor):
    first = visit(staff_actor, datetime(2026, 2, 1, 10), next_visit_date=date(2026, 3, 1))
    assert due(staff_actor, date(2026, 2, 28), kind="next_visit") == []
    rows = due(staff_actor, date(2026, 3, 1), kind="next_visit")
    assert [r["ref_uuid"] for r in rows] == [first] and rows[0]["due_date"] == date(2026, 3, 1)
    visit(staff_actor, datetime(2026, 3, 2, 9))
    assert due(staff_actor, date(2026, 3, 3), kind="next_visit") == []
    # a visit without phone is followed up by the same name
    visit(staff_actor, datetime(2026, 2, 1, 10), phone="", name="周大爷", method="on_site",
          next_visit_date=date(2026, 2, 15))
    assert len(due(staff_actor, date(2026, 3, 3), kind="next_visit")) == 1


def test_due_list_pages_sorts_and_searches(staff_actor):
    for i in range(7):
        visits.save_key_customer(staff_actor, KeyCustomerInput(f"客户{i}", f"1370000{i:04d}", "key"))
    query = ListQuery(page=1, page_size=3, sort_key="phone", descending=True)
    page = visits.list_due(staff_actor, query, today=date(2026, 5, 1))
    assert page.total == 7 and [r["phone"] for r in page.rows] == ["13700000003", "13700000002", "13700000001"]
    found = visits.list_due(staff_actor, ListQuery(search="客户5"), today=date(2026, 5, 1))
    assert [r["customer_name"] for r in found.rows] == ["客户5"]
    assert visits.due_count(staff_actor, today=date(2026, 5, 1)) == 7


def test_visit_history_filters_and_paging(staff_actor, manager):
    for day in range(1, 6):
        visit(staff_actor, datetime(2026, 4, day, 10), method="phone" if day % 2 else "sms")
    visit(manager, datetime(2026, 4, 10, 10), phone="13600001234", name="孙女士", satisfaction="basic")
    page = visits.list_visits(staff_actor, ListQuery(page_size=2))
    assert page.total == 6 and page.rows[0]["customer_name"] == "孙女士" and page.rows[0]["visitor_name"] == "主管老李"
    assert visits.list_visits(staff_actor, ListQuery(filters={"method": "sms"})).total == 2
    assert visits.list_visits(staff_actor, ListQuery(filters={"mine": True})).total == 5
    assert visits.list_visits(staff_actor, ListQuery(search="13600001234")).total == 1
    assert visits.list_visits(staff_actor, ListQuery(filters={"date_from": date(2026, 4, 5),
                                                              "date_to": date(2026, 4, 10)})).total == 2


def test_only_the_visitor_or_a_manager_corrects_a_visit(staff_actor, make_actor, manager):
    uuid = visit(staff_actor, datetime(2026, 4, 1, 10))
    other = make_actor(name="客服小张")
    data = visits.to_input(visits.get_visit(staff_actor, uuid))
    data.result = "改过的结果"
    with pytest.raises(PermissionDenied):
        visits.record_visit(other, data, uuid)
    visits.record_visit(manager, data, uuid)
    assert visits.get_visit(staff_actor, uuid)["result"] == "改过的结果"


def test_key_customers_crud_and_permissions(staff_actor, manager):
    uuid = visits.save_key_customer(staff_actor, KeyCustomerInput("义乌商贸城", "0579-85551234", "key", "大客户"))
    with pytest.raises(ValidationError) as exc:
        visits.save_key_customer(staff_actor, KeyCustomerInput("重复", "057985551234", "regular"))
    assert "义乌商贸城" in exc.value.fields["phone"]
    with pytest.raises(ValidationError) as exc:
        visits.save_key_customer(staff_actor, KeyCustomerInput("", "", "vip"))
    assert set(exc.value.fields) == {"name", "phone", "level"}
    with pytest.raises(PermissionDenied):
        visits.set_key_customer_active(staff_actor, uuid, False)
    visits.set_key_customer_active(manager, uuid, False)
    assert visits.list_key_customers(staff_actor, ListQuery()).total == 0
    rows = visits.list_key_customers(staff_actor, ListQuery(filters={"active": False})).rows
    assert rows[0]["phone"] == "057985551234" and rows[0]["visits_this_year"] == 0
    with pytest.raises(ValidationError) as exc:
        visits.save_key_customer(staff_actor, KeyCustomerInput("重复", "0579-85551234", "regular"))
    assert "已停用" in exc.value.fields["phone"]


def test_key_customer_list_counts_this_years_visits(staff_actor):
    visits.save_key_customer(staff_actor, KeyCustomerInput("金华物流有限公司", PHONE, "key"))
    visit(staff_actor, datetime(2025, 12, 31, 12))
    visit(staff_actor, datetime(2026, 1, 2, 12))
    row = visits.list_key_customers(staff_actor, ListQuery(), today=date(2026, 2, 1)).rows[0]
    assert row["visits_this_year"] == 1 and row["last_visit_at"] == datetime(2026, 1, 2, 12)
