"""The audit trail's hash chain (pure): each entry's hash covers its content and the previous entry's hash.

Rewriting an entry changes its hash; deleting one leaves its successor pointing at a hash no entry has;
either way ``first_break`` names the first entry where the chain no longer holds. Each site keeps its
own chain (entries travel between sites with their hashes), so a chain is checked per site.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from frontdesk.errors import T

# what an entry says; not its local id, revision or sync timestamps
CHAINED_FIELDS = ("uuid", "site_code", "at", "actor_uuid", "actor_name", "entity", "entity_uuid", "action",
                  "old_value", "new_value", "note", "deleted")


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def entry_hash(entry: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 (hex) over the entry's chained fields and the previous entry's hash."""
    content = [_plain(entry[name]) for name in CHAINED_FIELDS]
    text = json.dumps([prev_hash, content], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_code(head: str) -> str:
    """The chain head as printed on a signed sheet: 12 hex digits in groups of four."""
    return "-".join(head[i:i + 4] for i in range(0, 12, 4)) if head else ""


def normal_code(text: str) -> str:
    """A typed short code as 12 lower-case hex digits ("" when it is not one): dashes and spaces ignored."""
    digits = "".join(text.split()).replace("-", "").lower()
    return digits if len(digits) == 12 and all(c in "0123456789abcdef" for c in digits) else ""


ANCHOR = T("audit", "审计链校验码 {0}（打印于 {1}）：打印时本站最新一条审计记录的校验码。\n核对：python -m frontdesk check --code {0}（打印前的记录被改动或删除后，此码不再相符）")  # noqa: E501


def anchor_line(head: str, at: datetime) -> str:
    """The line a signed sheet prints: the chain head's short code, when, and what it is for."""
    when = f"{at:%Y-%m-%d %H:%M}"
    if not head:
        return T("audit", "审计链校验码：本站尚无审计记录（打印于 {0}）").format(when)
    return ANCHOR.format(short_code(head), when)


@dataclass(frozen=True)
class ChainBreak:
    """Where a chain stops holding: the entry (a row as given) and why."""

    entry: Mapping[str, Any]
    reason: str  # "altered": its content no longer matches its hash; "unlinked": its predecessor is gone


def first_break(entries: Sequence[Mapping[str, Any]]) -> ChainBreak | None:
    """Check one site's entries (in the order they were written); None when the chain holds.

    An entry must match its own hash and point at the entry before it; the first one starts from "".
    """
    previous = ""
    for entry in entries:
        if entry["prev_hash"] != previous:
            return ChainBreak(entry, "unlinked")
        if entry["hash"] != entry_hash(entry, entry["prev_hash"]):
            return ChainBreak(entry, "altered")
        previous = entry["hash"]
    return None
