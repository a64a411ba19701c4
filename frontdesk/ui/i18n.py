"""Translations (Chinese source strings, English .qm; Qt's own qtbase_zh_CN) and the CJK UI font."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from frontdesk.paths import resource_dir

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = resource_dir() / "translations"
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "SimHei",
)

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str) -> None:
    """Chinese is the source language; English loads frontdesk_en.qm. Qt's own strings follow."""
    remove_translators(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        _load(app, "qtbase_zh_CN", qt_dir)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        _load(app, f"frontdesk_{language}", str(TRANSLATIONS_DIR))


def remove_translators(app: QCoreApplication) -> None:
    """Take out the translators installed here: the source text (Chinese) shows again."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()


def _load(app: QCoreApplication, name: str, folder: str) -> bool:
    translator = QTranslator(app)
    if translator.load(name, folder):
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    log.warning("translation %s not found in %s", name, folder)
    return False


def cjk_family() -> str | None:
    """The first Simplified Chinese font family installed, or None."""
    available = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in available:
            return family
    return None


def apply_font(app: QApplication, point_size: int = 10) -> str | None:
    """Set the UI font to a Simplified Chinese family so Han glyphs take their SC forms."""
    family = cjk_family()
    font = QFont(family) if family else QFont()
    if family:
        font.setFamilies([family, *[f for f in CJK_FAMILIES if f != family]])
    font.setPointSize(point_size)
    app.setFont(font)
    return family


def enum_text(value: object, label: Callable[[Any], str] | None = None) -> str:
    """A stored enum value shown in the UI language: ``label`` is its vocabulary's domain ``label()``
    (frontdesk.domain.labels); without one, ``value`` is already the Chinese label. '' for none."""
    if value is None or value == "":
        return ""
    text = label(value) if label is not None else str(value)
    return QCoreApplication.translate("enum", text) if text else ""


def enum_format(label: Callable[[Any], str] | None = None) -> Callable[[object], str]:
    """``enum_text`` over one vocabulary, as a list column's formatter."""
    return lambda value: enum_text(value, label)
