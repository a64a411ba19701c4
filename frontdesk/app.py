"""main(): args → paths → logging → settings → QApplication → translator → database → login → main window."""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from frontdesk.errors import DatabaseUnreachable, UserError
from frontdesk.paths import DataPaths, data_paths, resource_dir
from frontdesk.services.core import auth, site, system
from frontdesk.settings import Persist, Settings

_STARTED = time.perf_counter()
BACKUP_DELAY_MS = 5_000  # let the window paint and the clerk start before the copy reads the disk


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="frontdesk", description="FrontDesk 客服前台管理系统")
    parser.add_argument("--data-dir", help="数据文件夹（默认为用户数据目录）")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（本次启动）")
    # Benchmark-only: skip the login (honoured only with FRONTDESK_BENCHMARK=1) and quit once painted.
    parser.add_argument("--benchmark-login", help=argparse.SUPPRESS)
    parser.add_argument("--benchmark-exit-on-paint", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    return args


class _PaintProbe(QObject):
    """Prints when the main window first paints and when its first page is filled, then quits."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.perf_counter() - _STARTED:.3f}", flush=True)
            obj.removeEventFilter(self)
        return False

    def page_filled(self, key: str) -> None:
        print(f"filled {time.perf_counter() - _STARTED:.3f} {key}", flush=True)
        QTimer.singleShot(0, QApplication.quit)


class Session:
    """Login → main window → logout → login again, until the user quits."""

    def __init__(self, paths: DataPaths, settings: Settings, persist: Persist, args: argparse.Namespace) -> None:
        self.paths = paths
        self.settings = settings
        self.persist = persist
        self.args = args
        self.window = None
        self.backup_started = False
        self.probe = _PaintProbe()

    def sign_in(self) -> bool:
        from frontdesk.ui.dialogs.login import LoginDialog

        if self.args.benchmark_login and os.environ.get("FRONTDESK_BENCHMARK") == "1":
            actor = auth.actor_for(auth._find(self.args.benchmark_login))
        else:
            dialog = LoginDialog(site.site_name(), self.persist.last_user)
            if not dialog.exec():
                return False
            actor = dialog.actor
            self.persist.last_user = actor.staff_no
            self.persist.save(self.paths.state_file)
        self.open_window(actor)
        return True

    def open_window(self, actor: object) -> None:
        from frontdesk.ui.context import AppContext
        from frontdesk.ui.main_window import MainWindow

        ctx = AppContext(self.paths, self.settings, actor, site.site_name(), self.persist)  # type: ignore[arg-type]
        self.window = MainWindow(ctx)
        self.window.loggedOut.connect(self._after_logout)
        self.window.closed.connect(QApplication.quit)
        if self.args.benchmark_exit_on_paint:
            self.window.installEventFilter(self.probe)
            self.window.pageShown.connect(self.probe.page_filled)
        self.window.show()
        if self.settings.backup_on_start and not self.backup_started:
            self.backup_started = True
            QTimer.singleShot(BACKUP_DELAY_MS, self._start_backup)

    def _start_backup(self) -> None:
        """The start-up backup, once the window is up, off the UI thread; not a daemon thread, so
        quitting early waits for the copy instead of cutting it."""
        threading.Thread(
            target=system.startup_backup, args=(self.paths, self.settings), name="startup-backup"
        ).start()

    def _after_logout(self) -> None:
        self.window = None
        QTimer.singleShot(0, lambda: self.sign_in() or QApplication.quit())


def first_start(paths: DataPaths) -> bool:
    """A new installation: no settings saved and no database file yet, so ask where the data lives."""
    return not paths.settings_file.exists() and not paths.database.exists()


def open_database(paths: DataPaths, settings: Settings) -> bool:
    """Open (and migrate) the database; a server that cannot be reached gets 重试 / 连接设置… / 退出."""
    from frontdesk.ui.dialogs.unreachable import Answer, ask_retry
    from frontdesk.ui.messages import localized_error

    while True:
        try:
            system.start(paths, settings, backup_on_start=False)
            return True
        except DatabaseUnreachable as exc:
            answer = ask_retry(None, exc, at_start=True)
            if answer is Answer.SETTINGS:
                from frontdesk.ui.dialogs.first_run import DatabaseDialog

                if DatabaseDialog(paths, settings, first_run=False).exec():
                    settings.save(paths.settings_file)
            elif answer is not Answer.RETRY:
                return False
        except UserError as exc:
            QMessageBox.critical(None, "FrontDesk", localized_error(exc))
            return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    paths = data_paths(args.data_dir)

    from frontdesk.ui.crash import CrashHandler, setup_logging
    from frontdesk.ui.i18n import apply_font, install_translators

    setup_logging(paths.log_file)
    persist = Persist.load(paths.state_file, legacy_settings=paths.settings_file)  # before settings are re-saved
    settings = Settings.load(paths.settings_file)
    if args.lang:
        settings.language = args.lang
    app = QApplication(argv)
    app.setApplicationName("FrontDesk")
    app.setOrganizationName("FrontDesk")
    app.setWindowIcon(QIcon(str(resource_dir() / "icons" / "frontdesk.png")))
    app.setQuitOnLastWindowClosed(False)
    install_translators(app, settings.language)
    apply_font(app)
    CrashHandler(paths.log_file).install()

    if first_start(paths):
        from frontdesk.ui.dialogs.first_run import DatabaseDialog

        if not DatabaseDialog(paths, settings).exec():
            return 0
        settings.save(paths.settings_file)  # the password, if any, to the keyring or the owner-only file
    if not open_database(paths, settings):
        return 1

    if not site.is_initialized():
        from frontdesk.ui.dialogs.first_run import FirstRunDialog

        if not FirstRunDialog().exec():
            return 0
        site.load_site()

    session = Session(paths, settings, persist, args)
    if not session.sign_in():
        return 0
    code = app.exec()
    system.stop()
    return code
