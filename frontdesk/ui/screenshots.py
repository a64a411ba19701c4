"""Render every page and dialog, filled with demo data, to PNG files (``python -m frontdesk screenshots``)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QMessageLogContext,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from frontdesk.domain.roles import Actor, Role
from frontdesk.errors import NotFound, UserError
from frontdesk.paths import DataPaths
from frontdesk.services.core import auth, site, system
from frontdesk.settings import Settings

SIZE = (1366, 768)  # the counter screen; a page must render at exactly this size (no wider minimum)
# A sample message put under every field of every form: the dialogs must still fit with all of them shown.
ERROR_TEXT = QT_TRANSLATE_NOOP("screenshots", "此项填写有误：请按提示修改后再保存（示例错误信息，检查错误全部显示时仍放得下）")

# Modules add their own dialogs here: name -> factory(main_window) returning a dialog to render.
DIALOGS: dict[str, Callable[[QWidget], QDialog]] = {}
# Dialogs shown as another user sees them: name -> pick(admin actor) returning that user (None: as the admin).
ACTING_AS: dict[str, Callable[[Actor], Actor | None]] = {}
# Pages shown in a particular state (a computed report): name -> setup(main_window), grabbed after the pages.
PAGE_STATES: dict[str, Callable[[QWidget], None]] = {}


def _app(language: str) -> QApplication:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from frontdesk.ui.i18n import apply_font, install_translators

    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication(["frontdesk-screenshots"])
    install_translators(app, language)
    if apply_font(app) is None:
        raise UserError(
            "没有找到简体中文字体（如 Noto Sans CJK SC），截图中的中文会显示成方框。"
            "请安装 fonts-noto-cjk 后重试。"
        )
    return app


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop the offscreen platform's note that it has no window manager; print anything else."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def oversized(files: list[Path], size: tuple[int, int] = SIZE) -> list[str]:
    """The rendered screens that would not fit a ``size`` screen: pages wider or taller than it, dialogs
    whose frame (client plus title bar) runs past the usable area (the screen less the taskbar)."""
    from PySide6.QtGui import QImage

    from frontdesk.ui.screen_fit import TITLE_BAR, USABLE

    limit_w, limit_h = min(size[0], USABLE.width()), min(size[1], USABLE.height()) - TITLE_BAR
    found = []
    for path in files:
        image = QImage(str(path))
        w, h = image.width(), image.height()
        page = path.name.startswith(("10-", "11-"))
        if (w, h) != size if page else (w > limit_w or h > limit_h):
            found.append(f"{path.name}: {w}×{h}")
    return found


def _save(widget: QWidget, out: Path, name: str, files: list[Path]) -> None:
    widget.show()
    for _ in range(3):  # timers queued by the first paint (the first page, status-bar counts), then layout
        QApplication.processEvents()
    path = out / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise UserError(f"无法写入截图：{path}")
    files.append(path)


def _ensure_demo_site(paths: DataPaths) -> None:
    if not site.is_initialized():
        site.initialize("S01", "金华服务区客服中心", "admin", "admin123", "系统管理员")
        site.load_site()
        from frontdesk.demo import runner

        runner.generate(3000)


def render_all(
    paths: DataPaths, settings: Settings, out: Path, language: str | None = None, size: tuple[int, int] = SIZE
) -> list[Path]:
    """Fill an empty data folder with demo data first; log in as the admin; grab every screen.

    Every form dialog is grabbed twice: as it opens and with an error message under every field.
    """
    app = _app(language or settings.language)
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []

    from frontdesk.ui.dialogs.first_run import FirstRunDialog, database_screenshots
    from frontdesk.ui.dialogs.login import LoginDialog

    database_screenshots(paths, lambda dialog, name: _save(dialog, out, name, files))
    first = FirstRunDialog()
    first.site_code.setText("S01")
    first.site_name.setText("金华服务区客服中心")
    _save(first, out, "01-first-run", files)
    first.show_errors({"site_code": QCoreApplication.translate("FirstRunDialog", "站点代码为 2–8 位大写字母或数字，以字母开头，例如 S01")})
    _save(first, out, "01-first-run-error", files)
    first.close()

    system.start(paths, settings, backup_on_start=False)
    try:
        _ensure_demo_site(paths)
        login = LoginDialog(site.site_name(), "admin")
        _save(login, out, "02-login", files)
        login.close()

        from frontdesk.ui.context import AppContext
        from frontdesk.ui.main_window import MainWindow

        admin = auth.site_admin_actor()
        if admin is None:
            raise UserError("本站没有启用的管理员账户，无法截图；请先用 reset-admin 恢复管理员。")
        ctx = AppContext(paths, settings, admin, site.site_name())
        window = MainWindow(ctx)
        window.resize(*size)
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
        for index, spec in enumerate(window.specs):
            page = window.open_page(spec.key)  # not nav.setCurrentRow: its signal waits for the first paint
            if page is not None and hasattr(page, "panel"):
                page.panel.table.selectRow(0)
            _save(window, out, f"10-page-{index:02d}-{spec.key}", files)
            for tabs in page.findChildren(QTabWidget) if page is not None else []:  # every tab of a tabbed page
                if not tabs.isVisibleTo(page):
                    continue
                for tab in range(1, tabs.count()):
                    tabs.setCurrentIndex(tab)
                    _save(window, out, f"10-page-{index:02d}-{spec.key}-tab{tab}", files)
                tabs.setCurrentIndex(0)
        for name, setup in PAGE_STATES.items():
            setup(window)
            _save(window, out, f"11-{name}", files)
        for name, factory in _all_dialogs().items():
            try:
                dialog = factory(window)
            except (LookupError, NotFound) as exc:  # this data folder has no record to show it with
                print(f"跳过 {name}：没有可展示的记录（{type(exc).__name__}）", file=sys.stderr)
                continue
            _save(dialog, out, f"20-dialog-{name}", files)
            dialog.close()
            form = getattr(dialog, "form", None)
            if form is not None and hasattr(form, "show_errors") and not name.endswith("-errors"):
                again = factory(window)  # a fresh one, sized for its errors as it opens
                message = QCoreApplication.translate("screenshots", ERROR_TEXT)
                again.form.show_errors(dict.fromkeys(again.form.names(), message))
                _save(again, out, f"21-errors-{name}", files)
                again.close()
                again.deleteLater()
            dialog.deleteLater()
        window.close()
        app.processEvents()
    finally:
        system.stop()
    return files


def all_dialogs() -> dict[str, Callable[[QWidget], QDialog]]:
    """Every registered dialog (name -> factory(main window)), once every page module has registered its own."""
    import importlib
    import pkgutil

    from frontdesk.ui import pages

    for module in pkgutil.iter_modules(pages.__path__):
        importlib.import_module(f"frontdesk.ui.pages.{module.name}")
    return _all_dialogs()


def _all_dialogs() -> dict[str, Callable[[QWidget], QDialog]]:
    from frontdesk.services.core import staff as staff_service
    from frontdesk.services.core.listing import ListQuery
    from frontdesk.ui.dialogs.department_edit import DepartmentDialog
    from frontdesk.ui.dialogs.password import PasswordDialog
    from frontdesk.ui.dialogs.settings_edit import SettingsDialog
    from frontdesk.ui.dialogs.shortcuts import ShortcutsDialog
    from frontdesk.ui.dialogs.staff_edit import StaffDialog

    def staff_edit(win: QWidget) -> QDialog:
        rows = staff_service.list_staff(win.ctx.actor, ListQuery(filters={"role": "staff"}, page_size=1)).rows
        return StaffDialog(win.ctx.actor, rows[0]["uuid"] if rows else None, win)

    def department(win: QWidget) -> QDialog:
        rows = staff_service.list_departments(win.ctx.actor)
        return DepartmentDialog(win.ctx.actor, rows[0] if rows else None, win)

    base = {
        "staff-new": lambda win: StaffDialog(win.ctx.actor, None, win),
        "staff-edit": staff_edit,
        "department": department,
        "password": lambda win: PasswordDialog(win.ctx.actor, parent=win),
        "settings": lambda win: SettingsDialog(win.ctx.settings, win),
        "shortcuts": lambda win: ShortcutsDialog(win),
    }
    from frontdesk.ui.dialogs.repair_steps import screenshot_dialogs as aftersales_dialogs
    from frontdesk.ui.dialogs.sync_exchange import screenshot_dialogs as sync_dialogs
    from frontdesk.ui.dialogs.visit_edit import screenshot_dialogs as visit_dialogs

    dialogs = base | visit_dialogs() | aftersales_dialogs() | sync_dialogs() | DIALOGS
    for name, pick in (_ACTING_AS_DEFAULTS | ACTING_AS).items():
        if name in dialogs:
            dialogs[name] = _acting(dialogs[name], pick)
    return dialogs


def _acting(factory: Callable[[QWidget], QDialog], pick: Callable[[Actor], Actor | None]) -> Callable[[QWidget], QDialog]:
    """The factory run with the window's actor swapped for ``pick``'s user (the dialog keeps that actor)."""

    def build(win: QWidget) -> QDialog:
        admin = win.ctx.actor
        win.ctx.actor = pick(admin) or admin
        try:
            return factory(win)
        finally:
            win.ctx.actor = admin

    return build


def _clerk_with_shifts(admin: Actor) -> Actor | None:
    """A clerk with coming shifts (申请调班 lists the asker's own shifts; the admin has none)."""
    from frontdesk.services.core import staff as staff_service
    from frontdesk.services.personnel import shifts

    for uuid, _name in staff_service.staff_choices(admin):
        actor = auth.local_actor(uuid) if uuid != admin.uuid else None
        if actor is not None and actor.role is Role.STAFF and shifts.shift_choices(admin, uuid):
            return actor
    return None


_ACTING_AS_DEFAULTS: dict[str, Callable[[Actor], Actor | None]] = {"shift-swap": _clerk_with_shifts}
