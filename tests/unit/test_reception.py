"""Reception log and transfers: validation, first-ask owner, history, search, overdue transfers."""

from datetime import timedelta

import pytest

from frontdesk import clock
from frontdesk.domain.reception import Category, Channel, ContactInput, ReplyMode
from frontdesk.errors import ValidationError
from frontdesk.services.core import staff
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception import transfers
from tests.conftest import FROZEN_AT

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")


def walk_in(**kw) -> ContactInput:  # noqa: ANN003
    values = dict(channel=Channel.WALK_IN.value, category=Category.CONSULT.value, customer_name="王女士",
                  phone="13800138000", request="咨询停车场收费标准")
    values.update(kw)
    return ContactInput(**values)


def test_number_owner_and_status(frozen_clock, staff_actor):
    saved = reception.save_contact(staff_actor, walk_in())
    today = clock.now().strftime("%Y%m%d")
    assert saved.number == f"S01-JD-{today}-0001" and saved.status == "open"
    row = reception.get_contact(staff_actor, saved.uuid)
    assert row["owner_uuid"] == staff_actor.uuid and row["phone"] == "13800138000"
    closed = reception.save_contact(staff_actor, walk_in(handling="已解答", close_now=True))
    assert closed.status == "closed" and closed.number.endswith("0002")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"request": "  "}, "request"),
        ({"phone": "12345"}, "phone"),
        ({"channel": Channel.PHONE.value, "phone": ""}, "phone"),
        ({"reply_mode": ReplyMode.LATER.value}, "promised_reply_at"),
        ({"reply_mode": ReplyMode.LATER.value, "promised_reply_at": FROZEN_AT - timedelta(hours=1)},
         "promised_reply_at"),
        ({"close_now": True}, "handling"),
        ({"follow_up": "明天回电"}, "follow_up_owner_uuid"),
        ({"channel": "fax"}, "channel"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(staff_actor, changes, field):
    with pytest.raises(ValidationError) as info:
        reception.save_contact(staff_actor, walk_in(**changes))
    assert field in info.value.fields
    assert reception.list_contacts(staff_actor, ListQuery()).total == 0


def test_anonymous_walk_in_needs_no_phone(staff_actor):
    saved = reception.save_contact(staff_actor, walk_in(customer_name="", phone=""))
    assert saved.status == "open"


def test_first_ask_owner_kept_through_transfer(staff_actor, manager, make_actor):
    dept = staff.save_department(manager, "工程维修部")
    saved = reception.save_contact(staff_actor, walk_in(category=Category.HELP.value, request="卫生间水龙头漏水"))
    colleague = make_actor(name="同事")
    transfers.transfer_contact(colleague, saved.uuid, dept, clock.now() + timedelta(hours=4), "请派人维修")
    reception.save_contact(colleague, walk_in(request="卫生间水龙头漏水", handling="已报修"), saved.uuid)
    row = reception.get_contact(manager, saved.uuid)
    assert row["owner_uuid"] == staff_actor.uuid and row["status"] == "transferred"
    assert row["owner_name"] == "客服小王"


def test_transfer_validation_and_overdue(staff_actor, manager, frozen_clock):
    dept = staff.save_department(manager, "收费管理部")
    saved = reception.save_contact(staff_actor, walk_in())
    with pytest.raises(ValidationError) as info:
        transfers.transfer_contact(staff_actor, saved.uuid, dept, clock.now() - timedelta(minutes=1))
    assert "due_at" in info.value.fields
    with pytest.raises(ValidationError) as info:
        transfers.transfer_contact(staff_actor, saved.uuid, None, clock.now() + timedelta(hours=1))
    assert "department_uuid" in info.value.fields
    uuid = transfers.transfer_contact(staff_actor, saved.uuid, dept, clock.now() + timedelta(hours=1))
    assert transfers.overdue_count(manager) == 0
    frozen_clock.advance(hours=2)
    assert transfers.overdue_count(manager) == 1
    assert transfers.chase(manager, uuid) == 1 and transfers.chase(manager, uuid) == 2
    page = transfers.list_transfers(manager, ListQuery(filters={"overdue": True}))
    assert page.total == 1 and page.rows[0]["overdue"] and page.rows[0]["chase_count"] == 2
    transfers.record_reply(manager, uuid, "已退费", "客户已收到")
    assert transfers.overdue_count(manager) == 0
    with pytest.raises(ValidationError):
        transfers.chase(manager, uuid)


def test_customer_history_by_phone(staff_actor):
    first = reception.save_contact(staff_actor, walk_in(phone="138-0013-8000"))
    reception.save_contact(staff_actor, walk_in(phone="13900139000"))
    current = reception.save_contact(staff_actor, walk_in(phone="+86 13800138000", request="再次来访"))
    history = reception.customer_history(staff_actor, "13800138000", exclude_uuid=current.uuid)
    assert [h["uuid"] for h in history] == [first.uuid]


@pytest.mark.parametrize(
    ("search", "expected"),
    [("退款", 1), ("款", 2), ("停车场收费", 1), ("G60", 1), ("王女士", 3), ("13900139000", 1), ("不存在的词", 0),
     ("收费 G60", 1), ("!!", 3)],
)
def test_search_is_substring_over_texts(staff_actor, search, expected):
    reception.save_contact(staff_actor, walk_in(request="要求退款", phone="13900139000"))
    reception.save_contact(staff_actor, walk_in(request="咨询停车场收费标准", handling="付款方式已告知"))
    reception.save_contact(staff_actor, walk_in(request="G60 收费站排队", phone=""))
    assert reception.list_contacts(staff_actor, ListQuery(search=search)).total == expected


def test_search_index_follows_edits(staff_actor):
    saved = reception.save_contact(staff_actor, walk_in(request="丢失钱包"))
    assert reception.list_contacts(staff_actor, ListQuery(search="钱包")).total == 1
    reception.save_contact(staff_actor, walk_in(request="丢失手机"), saved.uuid)
    assert reception.list_contacts(staff_actor, ListQuery(search="钱包")).total == 0
    assert reception.list_contacts(staff_actor, ListQuery(search="手机")).total == 1
    reception.close_contact(staff_actor, saved.uuid, "已在失物招领处找到")
    assert reception.list_contacts(staff_actor, ListQuery(search="失物招领")).total == 1


def test_number_search_and_filters(frozen_clock, staff_actor, make_actor):
    saved = reception.save_contact(staff_actor, walk_in())
    other = make_actor(name="别人")
    reception.save_contact(other, walk_in(category=Category.COMPLAINT.value, request="投诉服务差"))
    assert reception.list_contacts(staff_actor, ListQuery(search=saved.number.lower())).total == 1
    assert reception.list_contacts(staff_actor, ListQuery(filters={"mine": True})).total == 1
    assert reception.list_contacts(staff_actor, ListQuery(filters={"category": "complaint"})).total == 1
    today = clock.now().date()
    assert reception.list_contacts(staff_actor, ListQuery(filters={"date_from": today, "date_to": today})).total == 2
    tomorrow = today + timedelta(days=1)
    assert reception.list_contacts(staff_actor, ListQuery(filters={"date_from": tomorrow})).total == 0


def test_paging_from_both_ends_is_consistent(staff_actor):
    numbers = [reception.save_contact(staff_actor, walk_in(request=f"第{i}条")).number for i in range(23)]
    pages = [reception.list_contacts(staff_actor, ListQuery(page=p, page_size=5, sort_key="number"))
             for p in range(5)]
    seen = [r["number"] for page in pages for r in page.rows]
    assert seen == sorted(numbers) and pages[4].page == 4 and len(pages[4].rows) == 3


@pytest.mark.parametrize(("sort_key", "descending"), [("", True), ("category", False), ("category", True),
                                                      ("received_at", False), ("phone", True)])
def test_next_and_previous_pages_by_cursor_match_offsets(staff_actor, sort_key, descending):
    from frontdesk.services.core.listing import cursor

    for i in range(23):  # many ties: three categories, same second
        reception.save_contact(staff_actor, walk_in(category=["consult", "query", "help"][i % 3],
                                                    phone=f"1390000{i % 4:04d}", request=f"第{i}条"))

    def q(**kw):  # noqa: ANN003, ANN202
        return ListQuery(sort_key=sort_key, descending=descending, page_size=5, **kw)

    by_offset = [[r["number"] for r in reception.list_contacts(staff_actor, q(page=p)).rows] for p in range(5)]
    pages, page = [], reception.list_contacts(staff_actor, q(page=0))
    pages.append([r["number"] for r in page.rows])
    for p in range(1, 5):
        page = reception.list_contacts(staff_actor, q(page=p, after=cursor(page.rows[-1])))
        pages.append([r["number"] for r in page.rows])
    assert pages == by_offset
    for p in range(3, -1, -1):  # and back again
        page = reception.list_contacts(staff_actor, q(page=p, before=cursor(page.rows[0])))
        assert [r["number"] for r in page.rows] == by_offset[p]


def _on_server() -> bool:
    from frontdesk.db import dialect

    return dialect.on_postgres()


@pytest.mark.parametrize("sort_key", ["", "category", "phone"])
def test_a_common_word_on_a_big_server_walks_the_sort_index_and_finds_the_same_rows(staff_actor, monkeypatch,
                                                                                   sort_key):
    """PostgreSQL at millions of contacts: a word the statistics call common is checked row by row along the
    sort order, and the total is the estimate (约 N 条); the rows are those the GIN lookup finds."""
    from frontdesk.db import dialect, search_index

    if not _on_server():
        pytest.skip("the planner's estimates are PostgreSQL's")
    for i in range(12):
        reception.save_contact(staff_actor, walk_in(category=["consult", "query"][i % 2], phone=f"1390000{i:04d}",
                                                    request="咨询停车场收费" if i % 3 else "要求退款"))
    query = ListQuery(search="停车场收", sort_key=sort_key, page_size=5)
    exact = reception.list_contacts(staff_actor, query)
    assert not exact.approximate and exact.total == 8
    monkeypatch.setattr(search_index, "estimated_matches", lambda text, table=search_index.TABLE: 90_000)
    monkeypatch.setattr(dialect, "estimated_rows", lambda table: 1_000_000)
    assert reception._walks("停车场收")
    walked = reception.list_contacts(staff_actor, query)
    assert walked.approximate and walked.total == 90_000
    assert len(list(reception.export_contacts(staff_actor, query).rows)) == 8  # an export reads every match
    assert [r["number"] for r in walked.rows] == [r["number"] for r in exact.rows]
    from frontdesk.services.core.listing import cursor

    nxt = reception.list_contacts(staff_actor, ListQuery(search="停车场收", sort_key=sort_key, page_size=5, page=1,
                                                         after=cursor(walked.rows[-1])))
    assert [r["number"] for r in nxt.rows] == [r["number"] for r in reception.list_contacts(
        staff_actor, ListQuery(search="停车场收", sort_key=sort_key, page_size=5, page=1)).rows][:3]
    filtered = reception.list_contacts(staff_actor, ListQuery(search="停车场收", filters={"category": "query"}))
    assert filtered.total == 4 and not filtered.approximate  # a filtered search counts (capped), never guesses
    everything = reception.list_contacts(staff_actor, ListQuery(page=10**9, page_size=5))
    assert everything.approximate and everything.total == 1_000_000
    assert len(everything.rows) == 5  # the last page is read from the end: real rows, whatever the estimate


def test_totals_are_exact_on_sqlite_and_on_a_small_server(staff_actor):
    for i in range(3):
        reception.save_contact(staff_actor, walk_in(request=f"第{i}条"))
    page = reception.list_contacts(staff_actor, ListQuery())
    assert page.total == 3 and not page.approximate
    assert not reception.list_contacts(staff_actor, ListQuery(search="第")).approximate
