"""Mainland China phone numbers: mobile and landline formats, normalised for search."""

from __future__ import annotations

import re

from frontdesk.errors import T

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")
_SERVICE = re.compile(r"^(400|800)\d{7}$")


def normalize_phone(text: str) -> str:
    """Digits only, without a +86/0086 country prefix; extension kept after '-' is dropped."""
    text = text.strip()
    for sep in ("转", "ext", "#"):
        text = text.split(sep)[0]
    digits = re.sub(r"\D", "", text)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def phone_problem(text: str, required: bool = False) -> str | None:
    """Why ``text`` is not a mainland mobile or landline number (blank allowed unless required)."""
    if not text.strip():
        return T("errors", "请填写联系电话") if required else None
    digits = normalize_phone(text)
    if _MOBILE.match(digits) or _LANDLINE.match(digits) or _SERVICE.match(digits):
        return None
    if digits.startswith("1"):
        return T("errors", "手机号应为 11 位数字，以 13–19 开头")
    return T("errors", "电话格式不对：手机 11 位，座机如 0571-88886666")


def mask_phone(text: str | None) -> str | None:
    """13800138000 → 138****8000: the first three and last four kept, the rest starred (short numbers mostly)."""
    if not text:
        return text
    text = text.strip()
    n = len(text)
    if n >= 8:
        return text[:3] + "*" * (n - 7) + text[-4:]
    return "*" * max(n - 2, 1) + text[max(n - 2, 1):]
