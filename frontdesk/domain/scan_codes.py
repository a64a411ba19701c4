"""What a printed paper's QR code says: ``FD:<kind>:<number>`` (e.g. ``FD:WX:S01-WX-20261202-0003``), and
reading it back as a USB scanner types it (any letter case: a scanner types lower case under Caps Lock)."""

from __future__ import annotations

import re
from typing import NamedTuple

PREFIX = "FD"
# the record kinds a paper is printed for, by the module code its numbers carry
KINDS = {"TH": "return", "WX": "repair", "TS": "complaint", "JD": "contact"}
CODES = {kind: code for code, kind in KINDS.items()}
_NUMBER = r"([A-Z][A-Z0-9]{1,7})-([A-Z]{2})-(\d{8})-(\d{4,})"
_PAYLOAD = re.compile(rf"{PREFIX}:([A-Z]{{2}}):{_NUMBER}$")  # at the end: a scan typed after other text
_BARE = re.compile(rf"^{_NUMBER}$")


class Scanned(NamedTuple):
    """A record named by a scanned code: its kind ("return", "repair", "complaint", "contact") and number."""

    kind: str
    number: str


def payload(kind: str, number: str) -> str:
    """The QR text printed on a paper about the record ``number`` of ``kind``."""
    return f"{PREFIX}:{CODES[kind]}:{number}"


def parse(text: str) -> Scanned | None:
    """The record a scanned payload (or a whole typed number) names; None for anything else (a search).
    A payload typed after text already in the box (the scanner does not clear it) still counts."""
    text = text.strip().upper().replace("：", ":")  # a Chinese input method may type the full-width colon
    match = _PAYLOAD.search(text)
    if match:
        code, module = match.group(1), match.group(3)
        if code != module or code not in KINDS:
            return None
        return Scanned(KINDS[code], "-".join(match.group(i) for i in range(2, 6)))
    match = _BARE.match(text)
    if match and match.group(2) in KINDS:
        return Scanned(KINDS[match.group(2)], text)
    return None
