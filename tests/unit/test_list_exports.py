"""Every list exports its filtered rows: Chinese headers, labels for enums, real dates, text kept text."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sync_helpers import add_contact

from frontdesk.demo import runner as demo
from frontdesk.domain.roles import Actor, Role
from frontdesk.errors import PermissionDenied
from frontdesk.services.aftersales import order_list as aftersales_list
from frontdesk.services.complaints import case_list as complaint_list
from frontdesk.services.core import list_exports, staff, staff_list
from frontdesk.services.core.list_spec import ColumnKind, ListSpec, col
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.expressway import help_calls, notices
from frontdesk.services.personnel import (
    attendance,
    duties,
    handover,
    messages,
    selfchecks,
    supervision,
    training,
)
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception import knowledge, phrases, transfers, visits

TRICKY = ['=HYPERLINK("http://x","y")', "+86 138 0000 1111", "-5", "@SUM(A1)"]


def _sheet(path):  # noqa: ANN001, ANN202
    return load_workbook(path).active


def test_contacts_export_filtered_rows_with_labels_and_real_dates(admin, tmp_path):
    for text in TRICKY:
        add_contact(admin, text, text)
    demo.generate(120, 3)
    query = ListQuery(search="", filters={"category": "consult"})
    export = list_exports.export_contacts(admin, query)
    assert export.write(tmp_path / "c.xlsx") == export.total
    ws = _sheet(tmp_path / "c.xlsx")
    header = [c.value for c in ws[1]]
    assert header[:4] == ["编号", "接待时间", "渠道", "类别"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == export.total and {r[3] for r in rows} == {"咨询"}
    assert all(isinstance(r[1], dt.datetime) for r in rows)
    names = {r[4] for r in rows}
    assert set(TRICKY) <= names  # never formulas: read back as the same text
    for row in ws.iter_rows(min_row=2):
        if row[4].value is not None:
            assert row[4].data_type == "s"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref


def test_every_list_exports(admin, tmp_path):
    demo.generate(300, 5)  # once for the four: the exports only read
    for name in ("export_transfers", "export_complaints", "export_visits", "export_staff"):
        export = getattr(list_exports, name)(admin, ListQuery())
        assert export.total > 0, name
        assert export.write(tmp_path / f"{name}.xlsx") == export.total, name
        ws = _sheet(tmp_path / f"{name}.xlsx")
        assert ws.max_row == export.total + 1, name
        assert all(not str(c.value).isascii() for c in ws[1]), name  # Chinese headers


def test_staff_export_needs_roster_permission(make_actor, tmp_path):
    clerk = make_actor(Role.STAFF)
    with pytest.raises(PermissionDenied):
        list_exports.export_staff(clerk, ListQuery())


# --- every list declared once: the spec feeds the page, the export and the columns --------------------------

LISTS = {  # export name: (spec, the page query)
    "contacts": (reception.CONTACTS, reception.list_contacts),
    "transfers": (transfers.TRANSFERS, transfers.list_transfers),
    "complaints": (complaint_list.COMPLAINTS, complaint_list.list_complaints),
    "visits": (visits.VISITS, visits.list_visits),
    "staff": (staff_list.STAFF, None),  # the roster page query stays in services/core/staff.py
    "returns": (aftersales_list.RETURNS, aftersales_list.list_returns),
    "repairs": (aftersales_list.REPAIRS, aftersales_list.list_repairs),
    "incidents": (discipline.INCIDENTS, discipline.list_incidents),
    "shifts": (attendance.SHIFTS, attendance.list_attendance),
    "handovers": (handover.HANDOVERS, handover.list_handovers),
    "selfchecks": (selfchecks.SELFCHECKS, selfchecks.list_checks),
    "departments": (staff.DEPARTMENTS, None),  # short lists, read whole: see the test below
    "phrases": (phrases.PHRASES, None),
    "forbidden": (phrases.FORBIDDEN, None),
    "knowledge": (knowledge.ARTICLES, knowledge.list_articles),
    "help_calls": (help_calls.HELP_CALLS, help_calls.list_help_calls),
    "notices": (notices.NOTICES, notices.list_notices),
    "training": (training.SESSIONS, training.list_sessions),
    "messages": (messages.MESSAGES, messages.list_messages),
    "duty_checks": (duties.CHECKS, duties.list_checks),
    "inspections": (supervision.INSPECTIONS, supervision.list_inspections),
    "opinions": (supervision.OPINIONS, supervision.list_opinions),
}
SHORT_LISTS = {  # export name: the whole list as the page reads it
    "departments": lambda actor: staff.list_departments(actor),
    "phrases": lambda actor: phrases.list_phrases(actor),
    "forbidden": lambda actor: phrases.list_forbidden(actor),
}


def test_every_list_has_an_export() -> None:
    assert set(list_exports.EXPORTS) == set(LISTS)


def test_each_export_writes_the_specs_columns_and_every_row(admin, tmp_path) -> None:  # noqa: ANN001
    demo.generate(400, 7)  # once for every list (the exports only read): it was a third of the suite's time
    for name in sorted(LISTS):
        spec, list_page = LISTS[name]
        export = list_exports.export_list(name, admin, ListQuery())
        assert export.title == spec.title, name
        assert export.write(tmp_path / f"{name}.xlsx") == export.total, name
        ws = _sheet(tmp_path / f"{name}.xlsx")
        assert ws.max_row == export.total + 1, name
        assert [c.value for c in ws[1]] == [c.header for c in spec.columns if c.exported and c.expr is not None], name
        if list_page is not None:
            page = list_page(admin, ListQuery(page_size=5))
            assert page.total == export.total, name
            listed = [c.key for c in spec.columns if c.listed and c.expr is not None]
            assert all(set(listed) <= set(row) for row in page.rows), name


@pytest.mark.parametrize("name", sorted(SHORT_LISTS))
def test_a_short_list_and_its_export_have_the_same_rows_in_the_same_order(admin, tmp_path, name) -> None:  # noqa: ANN001
    spec = LISTS[name][0]
    staff.save_department(admin, "客服中心")
    staff.save_department(admin, "工程部")
    rows = SHORT_LISTS[name](admin)
    assert len(rows) >= 2
    export = list_exports.export_list(name, admin, ListQuery())
    assert export.write(tmp_path / "short.xlsx") == export.total == len(rows)
    at, first = next((i, c.key) for i, c in enumerate(spec.exported())
                     if c.kind in (ColumnKind.TEXT, ColumnKind.LONG_TEXT))
    exported = [r[at] for r in _sheet(tmp_path / "short.xlsx").iter_rows(min_row=2, values_only=True)]
    assert exported == [row[first] for row in rows]
    listed = {c.key for c in spec.columns if c.listed and c.expr is not None}
    assert all(listed <= set(row) for row in rows)


def test_export_is_sorted_as_the_list_is(admin, tmp_path) -> None:  # noqa: ANN001
    demo.generate(200, 3)
    query = ListQuery(sort_key="customer_name", descending=False)
    export = list_exports.export_contacts(admin, query)
    export.write(tmp_path / "sorted.xlsx")
    names = [r[4] for r in _sheet(tmp_path / "sorted.xlsx").iter_rows(min_row=2, values_only=True)]
    page = reception.list_contacts(admin, ListQuery(sort_key="customer_name", page_size=len(names)))
    assert [n or "" for n in names] == [row["customer_name"] for row in page.rows]  # Excel reads "" as None


def test_customer_phone_columns_can_be_masked(admin, tmp_path) -> None:  # noqa: ANN001
    add_contact(admin, "王女士", "停车", phone="13800138000")
    export = list_exports.export_contacts(admin, ListQuery()).map_kind(
        ColumnKind.CUSTOMER_PHONE, lambda phone: phone[:3] + "****" + phone[-4:])
    export.write(tmp_path / "masked.xlsx")
    ws = _sheet(tmp_path / "masked.xlsx")
    phone_at = [c.value for c in ws[1]].index("电话")
    assert [r[phone_at] for r in ws.iter_rows(min_row=2, values_only=True)] == ["138****8000"]
    staff_export = list_exports.export_staff(admin, ListQuery())
    assert staff_export.map_kind(ColumnKind.CUSTOMER_PHONE, str.upper) is staff_export  # staff phones are not


def test_personnel_exports_show_staff_only_their_own(manager: Actor, staff_actor: Actor, tmp_path) -> None:  # noqa: ANN001
    demo.generate(300, 5)
    everyone = list_exports.export_list("shifts", manager, ListQuery()).total
    own = list_exports.export_list("shifts", staff_actor, ListQuery())
    assert own.total == attendance.list_attendance(staff_actor, ListQuery()).total < everyone
    assert list_exports.export_list("incidents", staff_actor, ListQuery()).total == (
        discipline.list_incidents(staff_actor, ListQuery()).total)


def test_a_spec_refuses_enum_without_labels_and_twice_the_same_key() -> None:
    from frontdesk.db.models import Contact
    from frontdesk.errors import T

    with pytest.raises(ValueError, match="labels"):
        col("status", T("columns", "状态"), ColumnKind.ENUM, Contact.status)
    with pytest.raises(ValueError, match="duplicate"):
        ListSpec(T("columns", "接待登记"), (col("number", T("columns", "编号"), expr=Contact.number),
                                        col("number", T("columns", "编号"), expr=Contact.number)),
                 default_order=(Contact.id, True), tiebreak=Contact.id)
