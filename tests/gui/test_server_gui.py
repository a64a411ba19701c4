"""The site's server in the UI: the first-run choice with its connection test, and 重试 / 退出 when the server
cannot be reached at start or during a save, with everything typed kept in the form."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from frontdesk import app
from frontdesk import settings as settings_module
from frontdesk.errors import DatabaseUnreachable
from frontdesk.paths import data_paths
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core import system
from frontdesk.settings import Settings
from frontdesk.ui.dialogs import unreachable
from frontdesk.ui.dialogs.department_edit import DepartmentDialog
from frontdesk.ui.dialogs.first_run import DatabaseDialog

DOWN = "postgresql://clerk:s3cret@127.0.0.1:1/frontdesk"


class Shown(list):
    """The unreachable messages shown, and the buttons still to press."""

    script: list[str]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Script the unreachable message: each box shown is recorded (text, button names) and answered with the
    next name in ``answers.script``."""
    shown = Shown()
    shown.script = script = []

    def exec_(box: QMessageBox) -> int:
        names = [b.objectName() for b in box.buttons()]
        shown.append((box.text(), names))
        box.findChild(QPushButton, script.pop(0)).click()
        return 0

    monkeypatch.setattr(unreachable.QMessageBox, "exec", exec_)
    return shown


def _unreachable() -> DatabaseUnreachable:
    return DatabaseUnreachable("postgresql://clerk@db.local/frontdesk", "connection refused")


def test_a_save_that_meets_a_dead_server_offers_retry_and_keeps_what_was_typed(qtbot, admin, monkeypatch, answers):
    real = staff_service.save_department
    calls: list[int] = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) <= 2:  # the server is down for the first two tries
            raise _unreachable()
        return real(*args, **kwargs)

    monkeypatch.setattr(staff_service, "save_department", flaky)
    dialog = DepartmentDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("保洁部")
    dialog.note.setText("三楼东侧")
    answers.script[:] = ["back"]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    text, buttons = answers[0]
    assert "无法连接数据库服务器 postgresql://clerk@db.local/frontdesk" in text and "已输入的内容没有丢失" in text
    assert sorted(buttons) == ["back", "quit", "retry"]
    assert dialog.isVisible() and dialog.name.text() == "保洁部" and dialog.note.text() == "三楼东侧"
    answers.script[:] = ["retry"]  # down once more, then back: the retry saves
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert len(answers) == 2 and len(calls) == 3
    assert not dialog.isVisible() and dialog.result() == 1
    assert [d["name"] for d in staff_service.list_departments(admin)].count("保洁部") == 1


def test_a_driver_error_from_a_lost_server_reaches_the_retry_message_not_the_crash_dialog(qtbot, admin, monkeypatch,
                                                                                          answers, message_boxes):
    from frontdesk.ui.crash import CrashHandler

    monkeypatch.setattr(system, "expected_error", lambda exc: _unreachable())
    answers.script[:] = ["retry"]
    error = RuntimeError("server closed the connection unexpectedly")
    CrashHandler(data_paths(None).log_file)(RuntimeError, error, None)
    assert len(answers) == 1 and sorted(answers[0][1]) == ["quit", "retry"]
    assert message_boxes == []


def test_at_start_an_unreachable_server_offers_retry_and_then_opens(qtbot, tmp_path, monkeypatch, answers):
    paths = data_paths(tmp_path / "d")
    starts: list[int] = []

    def start(*args: Any, **kwargs: Any) -> None:
        starts.append(1)
        if len(starts) == 1:
            raise _unreachable()

    monkeypatch.setattr(system, "start", start)
    answers.script[:] = ["retry"]
    assert app.open_database(paths, Settings(database=DOWN)) is True
    assert len(starts) == 2 and sorted(answers[0][1]) == ["connection_settings", "quit", "retry"]
    answers.script[:] = ["quit"]
    starts.clear()
    assert app.open_database(paths, Settings(database=DOWN)) is False


def test_the_first_run_choice_tests_the_connection_and_keeps_the_password_out_of_settings(qtbot, tmp_path,
                                                                                           monkeypatch):
    monkeypatch.setattr(settings_module, "_keyring", lambda: None)
    paths = data_paths(tmp_path / "d")
    assert app.first_start(paths)
    settings = Settings()
    dialog = DatabaseDialog(paths, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.local.isChecked() and not dialog.host.isEnabled()
    assert dialog.focusWidget() is dialog.local or dialog.focusWidget() is not None
    dialog.server.setChecked(True)
    assert dialog.host.isEnabled() and "0600" in dialog.store_note.text()
    dialog.host.setText("127.0.0.1")
    dialog.port.setText("1")
    dialog.password.setText("s3cret")
    assert dialog.test_connection() is False
    assert dialog.test_result.text().startswith("连接失败：无法连接数据库服务器 postgresql://frontdesk@127.0.0.1:1/frontdesk")
    assert "s3cret" not in dialog.test_result.text()
    dialog.port.setText("x")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.form.error_label("port").isVisibleTo(dialog) and dialog.isVisible()
    dialog.port.setText("1")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible() and dialog.changed
    settings.save(paths.settings_file)
    assert json.loads(paths.settings_file.read_text())["database"] == "postgresql://frontdesk@127.0.0.1:1/frontdesk"
    assert "s3cret" not in paths.settings_file.read_text()
    assert Settings.load(paths.settings_file).connect_url(paths.root).endswith(":s3cret@127.0.0.1:1/frontdesk")
    again = DatabaseDialog(paths, Settings.load(paths.settings_file), first_run=False)  # the settings' copy
    qtbot.addWidget(again)
    assert again.server.isChecked() and again.password.text() == "s3cret" and again.port.text() == "1"


def test_the_settings_dialog_offers_the_same_choice_and_asks_for_a_restart(qtbot, tmp_path, monkeypatch):
    from frontdesk.ui.dialogs import first_run
    from frontdesk.ui.dialogs.settings_edit import SettingsDialog

    monkeypatch.setattr(settings_module, "_keyring", lambda: None)
    paths = data_paths(tmp_path / "d")
    settings = Settings()

    def choose_server(dialog: DatabaseDialog) -> int:
        dialog.server.setChecked(True)
        dialog.host.setText("10.0.0.5")
        dialog.password.setText("pw1")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(first_run.DatabaseDialog, "exec", choose_server)
    dialog = SettingsDialog(settings, None, paths)
    qtbot.addWidget(dialog)
    assert "仅本机" in dialog.database.text()
    dialog.change_database()
    assert "postgresql://frontdesk@10.0.0.5:5432/frontdesk" in dialog.database.text() and "pw1" not in dialog.database.text()
    assert settings.database == ""  # nothing changes until the settings dialog is accepted
    dialog.accept()
    assert dialog.database_changed and settings.connect_url(paths.root).endswith(":pw1@10.0.0.5:5432/frontdesk")
    settings.save(paths.settings_file)
    assert "pw1" not in paths.settings_file.read_text()
