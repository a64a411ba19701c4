"""Messages raised by services and domain (frontdesk.errors.T) show in English when the UI is English."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import Message, NotFound, T, ValidationError
from frontdesk.services.core.permissions import require
from frontdesk.ui import i18n
from frontdesk.ui.dialogs.staff_edit import StaffDialog
from frontdesk.ui.messages import localized, localized_error, show_user_error

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "frontdesk_en.ts"


def _lrelease() -> str | None:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside_python) if beside_python.exists() else shutil.which("pyside6-lrelease")


@pytest.fixture
def english(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:  # noqa: ANN001
    """The English translator built from the committed .ts; the source (Chinese) text again afterwards."""
    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("pyside6-lrelease not found")
    qm = tmp_path / "frontdesk_en.qm"
    result = subprocess.run([lrelease, "-silent", str(TS_FILE), "-qm", str(qm)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and qm.exists(), result.stdout + result.stderr
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    locale = QLocale()
    i18n.install_translators(qapp, "en")
    try:
        yield
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(locale)


def test_message_keeps_chinese_value_and_its_template() -> None:
    message = T("errors", "工号 {0} 已被使用").format("5001")
    assert isinstance(message, Message) and isinstance(message, str)
    assert message == "工号 5001 已被使用"
    assert (message.context, message.template, message.args) == ("errors", "工号 {0} 已被使用", ("5001",))
    assert localized("plain text") == "plain text"


def test_without_a_translator_messages_stay_chinese(qapp) -> None:  # noqa: ANN001
    assert localized(T("errors", "工号 {0} 已被使用").format("5001")) == "工号 5001 已被使用"


def test_message_formats_its_arguments_in_english(english) -> None:  # noqa: ANN001
    assert localized(T("errors", "工号 {0} 已被使用").format("5001")) == "Staff no. 5001 is already in use"
    assert localized(T("errors", "{0:%Y-%m-%d} 已有设置，请直接修改那一条").format(__import__("datetime").date(2024, 5, 1))) \
        == "2024-05-01 is already set; edit that entry instead"
    joined = ValidationError({"a": T("errors", "请填写姓名"), "b": T("errors", "角色无效")})
    assert joined.message == "请填写姓名；角色无效"
    assert localized_error(joined) == "Enter the name; Invalid role"


def test_permission_denied_translates_its_enum_arguments(english, staff_actor: Actor) -> None:
    with pytest.raises(Exception) as caught:
        require(staff_actor, Permission.MANAGE_ROSTER)
    assert "没有“维护员工档案”权限" in caught.value.message
    text = localized_error(caught.value)
    assert text.startswith("The current account (客服小王, ") and "permission" in text
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text.replace("客服小王", ""))


def test_staff_number_clash_shows_english_next_to_the_field(qtbot, english, manager: Actor, message_boxes) -> None:  # noqa: ANN001
    dialog = StaffDialog(manager)
    qtbot.addWidget(dialog)
    assert QCoreApplication.translate("StaffDialog", "工号") != "工号"  # the dialog is in English too
    dialog.staff_no.setText(manager.staff_no)  # already taken by the manager
    dialog.name.setText("Zhou Ming")
    dialog.accept()
    label = dialog.form.error_label("staff_no")
    assert label.isVisibleTo(dialog)
    assert label.text() == f"Staff no. {manager.staff_no} is already in use"
    show_user_error(dialog, NotFound(T("errors", "员工不存在或已删除")))
    assert message_boxes[-1] == ("warning", "The staff member does not exist or has been deleted")


def test_enum_text_shows_a_vocabulary_value_in_the_ui_language(qapp, english) -> None:  # noqa: ANN001
    from frontdesk.domain import reception
    from frontdesk.ui.i18n import enum_format, enum_text

    assert enum_text("phone", reception.label) == "Phone" == enum_format(reception.label)("phone")
    assert enum_text("电话") == "Phone"  # already the Chinese label
    assert enum_text(None, reception.label) == "" == enum_text("")
    assert enum_text("not-a-value", reception.label) == "not-a-value"
