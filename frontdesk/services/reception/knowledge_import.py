"""Knowledge base from a spreadsheet (the export's columns): every row checked, then all of it saved or nothing."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import ImportHistory, KbArticle
from frontdesk.domain.knowledge import CATEGORY_LABELS, ArticleInput, KbCategory
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T
from frontdesk.excel.sync_format import Problem
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.excel.table_reader import HeaderField, cell_date, cell_text, read_table
from frontdesk.services.core.permissions import require
from frontdesk.services.reception import knowledge

FIELDS = [
    HeaderField("category", ("分类", "知识分类", "类别", "category"), required=True),
    HeaderField("title", ("标题", "问题", "title", "question"), required=True),
    HeaderField("keywords", ("关键词", "关键字", "keywords")),
    HeaderField("answer", ("答复内容", "答复", "答案", "回答", "answer"), required=True),
    HeaderField("valid_from", ("生效日期", "开始日期", "valid from")),
    HeaderField("valid_to", ("失效日期", "截止日期", "结束日期", "valid to")),
    HeaderField("active", ("启用", "是否启用", "active")),
]
LABELS = {f.key: f.names[0] for f in FIELDS}
# the English labels too (as frontdesk_en.ts has them): a sheet exported in English reads back
ENGLISH_CATEGORIES = {"products & services": KbCategory.SERVICE, "faq": KbCategory.FAQ,
                      "promotions & offers": KbCategory.PROMOTION, "goods": KbCategory.GOODS,
                      "membership": KbCategory.MEMBERSHIP, "parking": KbCategory.PARKING,
                      "road conditions": KbCategory.ROAD, "roadworks": KbCategory.ROADWORKS,
                      "accidents & breakdowns": KbCategory.ACCIDENT, "tourist routes": KbCategory.TOURISM,
                      "tolls": KbCategory.TOLL, "laws & rules": KbCategory.REGULATION}
_CATEGORIES = {**{c.value: c.value for c in KbCategory}, **{label: c for c, label in CATEGORY_LABELS.items()},
               **ENGLISH_CATEGORIES}
_YES = {"是", "启用", "1", "yes", "y", "true", "√"}
_NO = {"否", "停用", "0", "no", "n", "false", "×"}


@dataclass
class KnowledgeImport:
    """What importing the sheet does (or did): rows added, changed and already the same."""

    sheet: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    same: int = 0


def _row_input(values: dict[str, Any]) -> tuple[ArticleInput, dict[str, str]]:
    errors: dict[str, str] = {}
    category = _CATEGORIES.get(cell_text(values.get("category")).casefold() if cell_text(values.get("category")).isascii()
                               else cell_text(values.get("category")))
    if category is None:
        errors["category"] = T("errors", "分类无效（例如 停车服务、常见问题）")
    dates: dict[str, dt.date | None] = {}
    for key in ("valid_from", "valid_to"):
        try:
            dates[key] = cell_date(values.get(key))
        except ValueError as exc:
            dates[key], errors[key] = None, str(exc)
    active_text = cell_text(values.get("active")).casefold()
    active = True if not active_text or active_text in _YES else False if active_text in _NO else None
    if active is None:
        errors["active"] = T("errors", "“{0}”应为 是/否").format(active_text)
    data = ArticleInput(str(category or ""), cell_text(values.get("title")), cell_text(values.get("answer")),
                        cell_text(values.get("keywords")), dates["valid_from"], dates["valid_to"], bool(active))
    return data.cleaned(), errors


def _same(article: KbArticle, data: ArticleInput) -> bool:
    return (article.keywords, article.answer, article.valid_from, article.valid_to, article.active) == (
        data.keywords, data.answer, data.valid_from, data.valid_to, data.active)


def _run(actor: Actor, path: str | os.PathLike[str], apply: bool) -> KnowledgeImport:
    require(actor, Permission.MANAGE_REFERENCE)
    sheet, rows = read_table(path, FIELDS)
    if not rows:
        raise WorkbookRefused([Problem(sheet, None, "", "", "没有可导入的行")])
    result = KnowledgeImport(sheet)
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    with transaction(write=apply):  # a preview only reads
        existing = {(a.category, a.title): a for a in KbArticle.live()}
        writes: list[tuple[ArticleInput, str | None]] = []
        for line, values in rows:
            data, errors = _row_input(values)
            key = (data.category, data.title)
            old = existing.get(key)
            errors = {**knowledge.check_article(data, old.uuid if old else None), **errors}
            if key in seen and "title" not in errors:
                errors["title"] = T("errors", "与第 {0} 行重复（同一分类、同一标题）").format(seen[key])
            seen.setdefault(key, line)
            for name, message in errors.items():
                problems.append(Problem(sheet, line, LABELS.get(name, name), cell_text(values.get(name)), message))
            if errors:
                continue
            if old is None:
                result.added.append(data.title)
                writes.append((data, None))
            elif not _same(old, data):
                result.changed.append(data.title)
                writes.append((data, old.uuid))
            else:
                result.same += 1
        if problems:
            raise WorkbookRefused(problems)
        if apply:
            for data, uuid in writes:
                knowledge.write_article(actor, data, uuid)
            ImportHistory.create(at=now(), kind="knowledge", file_name=Path(path).name[:260], actor_uuid=actor.uuid,
                                 actor_name=actor.name, inserted=len(result.added), updated=len(result.changed),
                                 skipped=result.same)
    return result


def preview_articles(actor: Actor, path: str | os.PathLike[str]) -> KnowledgeImport:
    """What importing ``path`` would add and change; raises WorkbookRefused naming every bad row and column."""
    return _run(actor, path, apply=False)


def import_articles(actor: Actor, path: str | os.PathLike[str]) -> KnowledgeImport:
    """Import the sheet in one transaction: on any bad row nothing is saved."""
    return _run(actor, path, apply=True)
