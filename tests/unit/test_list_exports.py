"""Every list exports its filtered rows: Chinese headers, labels for enums, real dates, text kept text."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sync_helpers import add_contact

from frontdesk.domain.roles import Role
from frontdesk.errors import PermissionDenied
from frontdesk.services import demo, list_exports
from frontdesk.services.listing import ListQuery

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


@pytest.mark.parametrize("name", ["export_transfers", "export_complaints", "export_visits", "export_staff"])
def test_every_list_exports(admin, tmp_path, name):
    demo.generate(300, 5)
    export = getattr(list_exports, name)(admin, ListQuery())
    assert export.total > 0
    assert export.write(tmp_path / "x.xlsx") == export.total
    ws = _sheet(tmp_path / "x.xlsx")
    assert ws.max_row == export.total + 1
    assert all(not str(c.value).isascii() for c in ws[1])  # Chinese headers


def test_staff_export_needs_roster_permission(make_actor, tmp_path):
    clerk = make_actor(Role.STAFF)
    with pytest.raises(PermissionDenied):
        list_exports.export_staff(clerk, ListQuery())
