"""The site's hot-topic dictionary (热点词典): words jieba must keep whole and stop words left out of the counts.

Stored as one site setting; any desk user reads it, managers change it. The weekly analysis segments
request texts with it (``segmenter()``).
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.db.connection import transaction
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.segment import (
    DEFAULT_SITE_WORDS,
    DEFAULT_STOP_WORDS,
    Segmenter,
    list_problems,
    segmenter,
)
from frontdesk.errors import T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import HOT_WORDS


@dataclass(frozen=True)
class HotWords:
    """The site dictionary and the stop words, in the order they were typed."""

    site_words: tuple[str, ...]
    stop_words: tuple[str, ...]


def _stored() -> HotWords:
    value = HOT_WORDS.get()
    words, stop = value.get("site_words"), value.get("stop_words")
    return HotWords(tuple(words) if isinstance(words, list) else DEFAULT_SITE_WORDS,
                    tuple(stop) if isinstance(stop, list) else DEFAULT_STOP_WORDS)


def get_hot_words(actor: Actor) -> HotWords:
    """The lists in use (the defaults until a manager saves their own)."""
    require(actor, Permission.DESK_WORK)
    return _stored()


def current_segmenter() -> Segmenter:
    """A segmenter with the site's lists (no permission: the report calling it has checked its own)."""
    words = _stored()
    return segmenter(words.site_words, words.stop_words)


def save_hot_words(actor: Actor, site_words: list[str], stop_words: list[str]) -> HotWords:
    """Replace both lists (managers); a ValidationError names the bad list and nothing is saved."""
    require(actor, Permission.MANAGE_REFERENCE)
    errors = {}
    for field, words in (("site_words", site_words), ("stop_words", stop_words)):
        problem = list_problems(words)
        if problem:
            errors[field] = problem
    clash = sorted(set(site_words) & set(stop_words))
    if clash and "stop_words" not in errors:
        errors["stop_words"] = T("errors", "“{0}”既在站点词典又在停用词里，请只保留一处").format(clash[0])
    if errors:
        raise ValidationError(errors)
    with transaction():
        old = _stored()
        HOT_WORDS.put({"site_words": list(site_words), "stop_words": list(stop_words)})
        audit.record(actor, "site_setting", HOT_WORDS.key, "update",
                     {"site_words": len(old.site_words), "stop_words": len(old.stop_words)},
                     {"site_words": len(site_words), "stop_words": len(stop_words)})
    return HotWords(tuple(site_words), tuple(stop_words))


def reset_hot_words(actor: Actor) -> HotWords:
    """Back to the built-in lists (managers)."""
    return save_hot_words(actor, list(DEFAULT_SITE_WORDS), list(DEFAULT_STOP_WORDS))
