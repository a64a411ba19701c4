"""Knowledge base table (业务知识库): articles by category with a validity period, sent down from head office."""

from __future__ import annotations

import peewee

from frontdesk.db.models.base import SyncedModel


class KbArticle(SyncedModel):
    """One article: a question (title and keywords) and the answer a clerk gives, valid for a period."""

    category = peewee.CharField(max_length=20, index=True)
    title = peewee.CharField(max_length=100)
    keywords = peewee.CharField(max_length=200, default="")
    answer = peewee.TextField(default="")
    valid_from = peewee.DateField(null=True)
    valid_to = peewee.DateField(null=True)
    active = peewee.BooleanField(default=True)

    class Meta:
        table_name = "kb_article"
