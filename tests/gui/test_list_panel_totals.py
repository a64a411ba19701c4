"""The list panel's pager line: an exact total (共 N 条) or a PostgreSQL estimate (约 N 条), paging on either way."""

from __future__ import annotations

from frontdesk.services.core.listing import ListQuery, Page
from frontdesk.ui.models.page_model import Column
from frontdesk.ui.widgets.list_panel import ListPanel


def _panel(qtbot, approximate: bool) -> tuple[ListPanel, list[ListQuery]]:  # noqa: ANN001
    asked: list[ListQuery] = []

    def fetch(query: ListQuery) -> Page:
        asked.append(query)
        rows = [{"id": i, "name": f"第{i}条", "_sort": i, "_key": i} for i in range(50)]
        return Page(rows=rows, total=10_692_777, page=min(query.page, 213_855), page_size=50, approximate=approximate)

    panel = ListPanel([Column("name", "名称")], fetch)
    qtbot.addWidget(panel)
    panel.refresh()
    return panel, asked


def test_an_estimated_total_reads_about_and_still_pages(qtbot):
    panel, _asked = _panel(qtbot, approximate=True)
    assert panel.page_label.text().startswith("约 10,692,777 条")
    assert panel.next_btn.isEnabled() and panel.last_btn.isEnabled()
    exact, _ = _panel(qtbot, approximate=False)
    assert exact.page_label.text().startswith("共 10,692,777 条")
