"""The real window: first run, login (wrong and right), navigation, roster editing, logout."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from frontdesk.domain.roles import Role
from frontdesk.services.core import site
from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.first_run import FirstRunDialog
from frontdesk.ui.dialogs.login import LoginDialog
from frontdesk.ui.dialogs.staff_edit import StaffDialog
from frontdesk.ui.main_window import MainWindow


def _ok(dialog) -> None:  # noqa: ANN001
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_first_run_then_login_then_navigate(qtbot, paths):
    first = FirstRunDialog()
    qtbot.addWidget(first)
    qtbot.keyClicks(first.site_code, "9s")
    first.site_name.insert("东阳服务区客服中心")  # QTest types ASCII only; Chinese comes from the IME
    qtbot.keyClicks(first.password, "secret1")
    qtbot.keyClicks(first.password2, "secret2")
    _ok(first)
    assert first.form.error_label("admin_password2").isVisibleTo(first)
    assert not site.is_initialized()
    first.password2.clear()
    qtbot.keyClicks(first.password2, "secret1")
    _ok(first)
    assert first.form.error_label("site_code").text().startswith("站点代码为")
    assert first.form.error_label("site_code").isVisibleTo(first)
    assert first.isVisible() is False or first.result() == 0
    assert not site.is_initialized()


def test_first_run_accepts_valid_site(qtbot, paths):
    first = FirstRunDialog()
    qtbot.addWidget(first)
    qtbot.keyClicks(first.site_code, "s09")
    first.site_name.insert("东阳服务区客服中心")
    qtbot.keyClicks(first.password, "secret1")
    qtbot.keyClicks(first.password2, "secret1")
    with qtbot.waitSignal(first.accepted):
        _ok(first)
    assert site.site_code() == "S09" and site.site_name() == "东阳服务区客服中心"

    login = LoginDialog(site.site_name(), "admin")
    qtbot.addWidget(login)
    login.show()
    qtbot.waitExposed(login)
    qtbot.keyClicks(login.password, "wrong")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert "工号或密码错误" in login.form.error_label("password").text()
    assert login.actor is None
    login.password.clear()
    qtbot.keyClicks(login.password, "secret1")
    with qtbot.waitSignal(login.accepted):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert login.actor.role == Role.ADMIN

    window = MainWindow(AppContext(paths, Settings(), login.actor, site.site_name()))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.pageShown):  # the first page fills in after the first paint
        window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:3] == ["工作台", "接待登记", "转办督办"]
    assert {"员工档案", "部门管理", "系统维护"} <= set(titles)
    window.resize(1366, 768)  # every entry in view at the counter screen, none elided (the admin sees them all)
    QApplication.processEvents()
    nav = window.nav
    assert nav.visualItemRect(nav.item(nav.count() - 1)).bottom() <= nav.viewport().height()
    assert not nav.verticalScrollBar().isVisible()
    assert all(nav.fontMetrics().horizontalAdvance(t) + 20 <= nav.viewport().width() for t in titles)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        assert window.current_page() is not None and window.current_page().isVisible()
    assert "S09" in window.site_label.text() and "管理员" in window.role_label.text()


def test_staff_sees_no_manager_pages(qtbot, paths, staff_actor):
    window = MainWindow(AppContext(paths, Settings(), staff_actor, "测试服务台"))
    qtbot.addWidget(window)
    keys = [spec.key for spec in window.specs]
    assert "staff" not in keys and "system" not in keys and "departments" not in keys


def test_add_staff_through_roster_page(qtbot, paths, manager, monkeypatch):
    window = MainWindow(AppContext(paths, Settings(), manager, "测试服务台"))
    qtbot.addWidget(window)
    window.show()
    page = window.open_page("staff")
    created = []

    def fill_and_save(dialog: StaffDialog) -> int:
        qtbot.keyClicks(dialog.staff_no, "5001")
        dialog.name.insert("周明")
        qtbot.keyClicks(dialog.phone, "1380013")  # too short: error shown next to the field
        dialog.accept()
        assert dialog.form.error_label("phone").isVisibleTo(dialog)
        dialog.phone.setText("13800138000")
        dialog.accept()
        created.append(dialog.saved_uuid)
        return 1

    monkeypatch.setattr(StaffDialog, "exec", fill_and_save)
    assert not hasattr(page, "reset_btn")  # account tools are the admin's
    page.add_btn.click()
    assert created and created[0]
    page.panel.search.insert("周明")
    page.panel._search_now()
    assert page.panel.model.rowCount() == 1
    assert page.panel.model.rows[0]["phone"] == "13800138000"
    assert not page.dept_filter.isHidden()


def test_logout_emits_signal(qtbot, paths, admin):
    window = MainWindow(AppContext(paths, Settings(), admin, "测试服务台"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loggedOut):
        window.logout_action.trigger()
