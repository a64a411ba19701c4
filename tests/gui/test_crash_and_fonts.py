"""Bugs are logged and reported in a dialog naming the log; screenshots refuse to draw boxes."""

import logging
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from frontdesk.errors import UserError
from frontdesk.settings import Settings
from frontdesk.ui import i18n, screenshots
from frontdesk.ui.crash import CrashHandler


def test_a_bug_is_logged_and_shown_with_the_log_path(qapp, tmp_path, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    handler = CrashHandler(tmp_path / "logs" / "frontdesk.log")
    try:
        raise KeyError("页面数据缺少字段")
    except KeyError:
        with caplog.at_level(logging.ERROR, logger="frontdesk"):
            handler(*sys.exc_info())
    assert "KeyError" in caplog.text
    assert shown and str(tmp_path / "logs" / "frontdesk.log") in shown[0]


def test_an_expected_problem_is_a_plain_message(qapp, tmp_path, message_boxes):
    try:
        raise UserError("磁盘空间已满，无法保存。")
    except UserError:
        CrashHandler(tmp_path / "x.log")(*sys.exc_info())
    assert message_boxes == [("warning", "磁盘空间已满，无法保存。")]


def test_screenshots_fail_loudly_without_a_chinese_font(qapp, paths, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "cjk_family", lambda: None)
    with pytest.raises(UserError, match="fonts-noto-cjk"):
        screenshots.render_all(paths, Settings(), tmp_path / "png")
    assert not list((tmp_path).glob("png/*.png"))
