"""Clean text at the door: control characters (other than tab and newline) are removed wherever text is stored."""

from __future__ import annotations

import re
from typing import Any

# C0 controls but tab and newline, DEL, C1 controls, lone surrogates and the two XML non-characters: nothing
# a clerk means to type, and what an .xlsx cell cannot hold (a carriage return becomes a newline)
_BAD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without control characters (CR LF and a lone CR become LF); the same object when already clean."""
    if _BAD.search(text) is None:
        return text
    return _BAD.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_value(value: Any) -> Any:
    """A string cleaned; any other value as it is."""
    return clean(value) if value.__class__ is str else value


def is_clean(text: str) -> bool:
    return _BAD.search(text) is None
