"""Knowledge base (业务知识库): articles listed, searched and suggested to any desk user; managers edit them."""

from __future__ import annotations

from datetime import date
from typing import Any

import peewee

from frontdesk import clock
from frontdesk.db import search_index
from frontdesk.db.connection import transaction
from frontdesk.db.models import KbArticle
from frontdesk.domain.knowledge import (
    CATEGORY_LABELS,
    VALIDITY_LABELS,
    ArticleInput,
    KbCategory,
    Validity,
    article_problems,
    validity,
)
from frontdesk.domain.labels import labeller
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.textsearch import match_expression
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, run_page
from frontdesk.services.core.permissions import require
from frontdesk.services.reception import knowledge_samples

INDEX = search_index.ARTICLES
SUGGEST_POOL = 200  # best-ranked matches looked at before the validity filter
_NOT_FOUND = T("errors", "该知识条目不存在或已删除")


class _Today(peewee.ColumnBase):
    """Today's date as a query parameter, read when the query runs (a list spec lives for the whole day)."""

    def __sql__(self, ctx: peewee.Context) -> peewee.Context:
        return ctx.value(clock.today())


def _validity_expr() -> peewee.Node:
    today = _Today()
    return peewee.Case(None, [
        (KbArticle.active == False, Validity.INACTIVE.value),  # noqa: E712
        (KbArticle.valid_to < today, Validity.EXPIRED.value),
        (KbArticle.valid_from > today, Validity.UPCOMING.value),
    ], Validity.VALID.value)


def _in_force() -> list[peewee.Expression]:
    today = _Today()
    return [KbArticle.active == True,  # noqa: E712
            (KbArticle.valid_from.is_null()) | (KbArticle.valid_from <= today),
            (KbArticle.valid_to.is_null()) | (KbArticle.valid_to >= today)]


_TEXT = ColumnKind.TEXT
ARTICLES = ListSpec(T("columns", "业务知识库"), (
    col("category", T("columns", "分类"), ColumnKind.ENUM, KbArticle.category, sort=True,
        labels=labeller(CATEGORY_LABELS)),
    col("title", T("columns", "标题"), _TEXT, KbArticle.title, sort=True),
    col("keywords", T("columns", "关键词"), _TEXT, KbArticle.keywords),
    col("answer", T("columns", "答复内容"), ColumnKind.LONG_TEXT, KbArticle.answer),
    col("valid_from", T("columns", "生效日期"), ColumnKind.DATE, KbArticle.valid_from, sort=True),
    col("valid_to", T("columns", "失效日期"), ColumnKind.DATE, KbArticle.valid_to, sort=True),
    col("active", T("columns", "启用"), ColumnKind.BOOL, KbArticle.active),
    col("validity", T("columns", "状态"), ColumnKind.ENUM, _validity_expr(), labels=labeller(VALIDITY_LABELS)),
    col("updated_at", T("columns", "更新时间"), ColumnKind.DATETIME, KbArticle.updated_at, sort=True),
), default_order=(KbArticle.category, False), tiebreak=KbArticle.id)


def categories() -> list[tuple[str, str]]:
    """(value, Chinese label) of every category, in the seeds' order."""
    return [(c.value, CATEGORY_LABELS[c]) for c in KbCategory]


def _filters(query: ListQuery) -> list[peewee.Expression]:
    f = query.filters
    where: list[peewee.Expression] = [KbArticle.deleted == False]  # noqa: E712
    if f.get("category"):
        where.append(KbArticle.category == f["category"])
    state = f.get("validity")
    today = _Today()
    if state == Validity.VALID:
        where += _in_force()
    elif state == Validity.EXPIRED:
        where += [KbArticle.active == True, KbArticle.valid_to < today]  # noqa: E712
    elif state == Validity.UPCOMING:
        where += [KbArticle.active == True, KbArticle.valid_from > today,  # noqa: E712
                  KbArticle.valid_to.is_null() | (KbArticle.valid_to >= today)]
    elif state == Validity.INACTIVE:
        where.append(KbArticle.active == False)  # noqa: E712
    ids = search_index.matching_ids(query.search.strip(), INDEX) if query.search.strip() else None
    if ids is not None:
        where.append(KbArticle.id.in_(ids))
    return where


def list_articles(actor: Actor, query: ListQuery) -> Page:
    """The knowledge base page: filter by category and validity, search any part of title, keywords or answer."""
    require(actor, Permission.DESK_WORK)
    where = _filters(query)
    select = KbArticle.select(*ARTICLES.list_fields(KbArticle.uuid)).where(*where)
    text = query.search.strip()
    if search_index.matching_ids(text, INDEX) is None:
        return ARTICLES.page(select, query)
    # Searching: newest first, the order the index returns its matches in; counted in the index when the
    # search is the only filter (it holds live articles only)
    total = search_index.count(text, INDEX) if len(where) == 2 else None
    return run_page(select, query, ARTICLES.sort_fields, (KbArticle.id, True), KbArticle.id, total=total)


def export_articles(actor: Actor, query: ListQuery) -> ListExport:
    """The articles as listed, for Excel: the same columns the import reads back (状态 is ignored there)."""
    require(actor, Permission.DESK_WORK)
    where = _filters(query)
    return ARTICLES.export(actor, lambda fields: KbArticle.select(*fields).where(*where), query)


def suggest(actor: Actor, text: str, limit: int = 6) -> list[dict[str, Any]]:
    """Articles in force today that best match a request being typed (most shared, rarest character pairs
    first); nothing for fewer than two searchable characters."""
    require(actor, Permission.DESK_WORK)
    expression = match_expression(text)
    if expression is None or expression[0] == "uni":
        return []
    ids = search_index.ranked_ids(text, SUGGEST_POOL, INDEX)
    if not ids:
        return []
    order = {rowid: i for i, rowid in enumerate(ids)}
    rows = list(KbArticle.select(KbArticle.id, KbArticle.uuid, KbArticle.category, KbArticle.title,
                                 KbArticle.answer, KbArticle.valid_to)
                .where(KbArticle.id.in_(ids), KbArticle.deleted == False, *_in_force()).dicts())  # noqa: E712
    rows.sort(key=lambda r: order[r["id"]])
    for row in rows:
        row["category_label"] = CATEGORY_LABELS.get(row["category"], row["category"])
    return rows[:limit]


def _row(article: KbArticle) -> dict[str, Any]:
    return {"category": article.category, "title": article.title, "keywords": article.keywords,
            "answer": article.answer, "valid_from": article.valid_from, "valid_to": article.valid_to,
            "active": article.active}


def _texts(article: KbArticle) -> list[str]:
    return [article.title, article.keywords, article.answer]


def get_article(actor: Actor, uuid: str) -> dict[str, Any]:
    """One article with its standing today; any desk user."""
    require(actor, Permission.DESK_WORK)
    article = KbArticle.live().where(KbArticle.uuid == uuid).first()
    if article is None:
        raise NotFound(_NOT_FOUND)
    return {**_row(article), "uuid": article.uuid,
            "validity": validity(article.active, article.valid_from, article.valid_to, clock.today()).value}


def check_article(data: ArticleInput, uuid: str | None = None) -> dict[str, Any]:
    """Field → message for ``data`` (cleaned) as it would be saved, the duplicate title included."""
    errors: dict[str, Any] = dict(article_problems(data))
    if "title" not in errors and "category" not in errors:
        clash = KbArticle.live().where(KbArticle.category == data.category, KbArticle.title == data.title)
        if uuid:
            clash = clash.where(KbArticle.uuid != uuid)
        if clash.exists():
            errors["title"] = T("errors", "该分类下已有同名条目")
    return errors


def write_article(actor: Actor, data: ArticleInput, uuid: str | None = None) -> str:
    """Store a checked article and keep the search index in step (inside the caller's transaction)."""
    if uuid:
        article = KbArticle.live().where(KbArticle.uuid == uuid).first()
        if article is None:
            raise NotFound(_NOT_FOUND)
        old, old_texts = _row(article), _texts(article)
    else:
        article, old, old_texts = KbArticle(), None, None
    article.category, article.title, article.keywords, article.answer = (
        data.category, data.title, data.keywords, data.answer)
    article.valid_from, article.valid_to, article.active = data.valid_from, data.valid_to, data.active
    article.save()
    if old_texts is None:
        search_index.add(article.id, _texts(article), INDEX)
    else:
        search_index.replace(article.id, old_texts, _texts(article), INDEX)
    audit.record(actor, "kb_article", article.uuid, "update" if old else "create", old, _row(article))
    return article.uuid


def save_article(actor: Actor, data: ArticleInput, uuid: str | None = None) -> str:
    """Add or change an article (managers); a ValidationError names each bad field and nothing is saved."""
    require(actor, Permission.MANAGE_REFERENCE)
    data = data.cleaned()
    with transaction():
        errors = check_article(data, uuid)
        if errors:
            raise ValidationError(errors)
        return write_article(actor, data, uuid)


def delete_article(actor: Actor, uuid: str) -> None:
    """Remove an article (a tombstone, so the deletion travels to the sites)."""
    require(actor, Permission.MANAGE_REFERENCE)
    with transaction():
        article = KbArticle.live().where(KbArticle.uuid == uuid).first()
        if article is None:
            raise NotFound(_NOT_FOUND)
        article.deleted = True
        article.save()
        search_index.remove(article.id, _texts(article), INDEX)
        audit.record(actor, "kb_article", uuid, "delete", {"title": article.title}, None)


def sample_articles(today: date | None = None) -> list[ArticleInput]:
    """A few dozen plausible articles for demo data and screenshots (some promotions already expired)."""
    return knowledge_samples.articles(today or clock.today())


def add_sample_articles(actor: Actor) -> int:
    """Save ``sample_articles()`` as ``actor`` (a manager); those whose title is already there are skipped."""
    added = 0
    for data in sample_articles():
        try:
            save_article(actor, data)
            added += 1
        except ValidationError:
            continue
    return added
