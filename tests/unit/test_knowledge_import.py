"""Knowledge base import: the export's own sheet reads back; a bad row names sheet, row and column, and nothing
is saved; a preview saves nothing; staff may not import."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook
from sync_helpers import dump_all

from frontdesk.db.models import ImportHistory, KbArticle
from frontdesk.domain.knowledge import ArticleInput
from frontdesk.errors import PermissionDenied
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.core import list_exports
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import knowledge
from frontdesk.services.reception.knowledge_import import import_articles, preview_articles

HEADER = ["分类", "标题", "关键词", "答复内容", "生效日期", "失效日期", "启用"]


def _book(path, rows, header=HEADER):  # noqa: ANN001, ANN202
    wb = Workbook()
    ws = wb.active
    ws.title = "知识库"
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_the_export_reads_back_and_changes_are_applied(frozen_clock, manager, tmp_path):
    knowledge.add_sample_articles(manager)
    export = list_exports.export_list("knowledge", manager, ListQuery())
    export.write(tmp_path / "kb.xlsx")
    before = dump_all()
    same = preview_articles(manager, tmp_path / "kb.xlsx")
    assert (same.added, same.changed, same.same) == ([], [], export.total)  # 状态 and 更新时间 are ignored
    assert dump_all() == before
    path = _book(tmp_path / "new.xlsx", [
        ["停车服务", "停车收费标准", "停车 收费", "首小时免费，之后每小时 6 元。", None, None, "是"],
        ["faq", "自助寄存柜", "寄存 柜子", "一楼东门有自助寄存柜，免费使用 4 小时。", "2026/11/1", "2026-12-31", None],
        [None, None, None, None, None, None, None],
        ["活动与促销政策", "停用的活动", "", "已结束。", dt.datetime(2026, 1, 1), None, "否"],
    ])
    preview = preview_articles(manager, path)
    assert (preview.added, preview.changed) == (["自助寄存柜", "停用的活动"], ["停车收费标准"])
    assert dump_all() == before  # a preview saves nothing
    done = import_articles(manager, path)
    assert done.added == preview.added
    locker = KbArticle.get(KbArticle.title == "自助寄存柜")
    assert (locker.category, locker.valid_from, locker.valid_to, locker.active) == (
        "faq", dt.date(2026, 11, 1), dt.date(2026, 12, 31), True)
    assert not KbArticle.get(KbArticle.title == "停用的活动").active
    assert knowledge.suggest(manager, "寄存柜在哪")[0]["title"] == "自助寄存柜"  # the index knows them
    assert ImportHistory.get(ImportHistory.kind == "knowledge").inserted == 2


def test_bad_rows_are_named_by_sheet_row_and_column_and_nothing_is_saved(frozen_clock, manager, tmp_path):
    knowledge.save_article(manager, ArticleInput("parking", "停车收费标准", "首小时免费。"))
    before = dump_all()
    path = _book(tmp_path / "bad.xlsx", [
        ["停车服务", "好的一行", "", "这一行没问题。", None, None, None],
        ["天气", "未知分类", "", "答复", None, None, None],
        ["常见问题", "", "", "缺标题", None, None, None],
        ["常见问题", "缺答复", "", None, None, None, None],
        ["常见问题", "日期坏了", "", "答复", "明天", "2026-01-01", "也许"],
        ["常见问题", "日期颠倒", "", "答复", "2026-12-01", "2026-11-01", None],
        ["停车服务", "好的一行", "", "重复了。", None, None, None],
    ])
    with pytest.raises(WorkbookRefused) as caught:
        import_articles(manager, path)
    where = {(p.sheet, p.row, p.column) for p in caught.value.problems}
    assert where == {("知识库", 3, "分类"), ("知识库", 4, "标题"), ("知识库", 5, "答复内容"), ("知识库", 6, "生效日期"),
                     ("知识库", 6, "启用"), ("知识库", 7, "失效日期"), ("知识库", 8, "标题")}
    assert "第 3 行" in str(caught.value) and "数据库没有任何改动" in str(caught.value)
    assert dump_all() == before


def test_a_sheet_without_the_required_columns_or_rows_is_refused(frozen_clock, manager, tmp_path):
    with pytest.raises(WorkbookRefused) as caught:
        import_articles(manager, _book(tmp_path / "cols.xlsx", [["停车", "x"]], header=["标题", "关键词"]))
    assert {p.column for p in caught.value.problems} == {"分类", "答复内容"}
    with pytest.raises(WorkbookRefused, match="没有可导入的行"):
        import_articles(manager, _book(tmp_path / "empty.xlsx", []))
    assert KbArticle.select().count() == 0


def test_staff_may_not_import(frozen_clock, staff_actor, tmp_path):
    path = _book(tmp_path / "kb.xlsx", [["常见问题", "标题", "", "答复", None, None, None]])
    with pytest.raises(PermissionDenied):
        preview_articles(staff_actor, path)
    with pytest.raises(PermissionDenied):
        import_articles(staff_actor, path)
    assert KbArticle.select().count() == 0
