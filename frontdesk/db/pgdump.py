"""Backups of a PostgreSQL database with the server's own tools: ``pg_dump -Fc`` writes, ``pg_restore`` puts back.

The client tools are found in ``FRONTDESK_PG_BIN``, on the PATH, or where PostgreSQL installs them
(``/usr/lib/postgresql/*/bin``, ``C:\\Program Files\\PostgreSQL\\*\\bin``); when none is there the user is told
what to install. The password is handed over in ``PGPASSWORD``, never on the command line (``ps`` shows that).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from frontdesk.errors import T, UserError
from frontdesk.fsmodes import private_file

SUFFIX = ".dump"
ENV_BIN = "FRONTDESK_PG_BIN"
SEARCHED = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin", "C:/Program Files/PostgreSQL/*/bin")
TIMEOUT_S = 6 * 3600


class ToolMissing(UserError):
    """pg_dump or pg_restore is not installed on this computer."""


def find_tool(name: str) -> str:
    """The path of ``pg_dump`` / ``pg_restore``: FRONTDESK_PG_BIN, then the usual install folders (the newest
    version first: a newer pg_dump reads an older server, not the other way round), then the PATH."""
    exe = name + (".exe" if os.name == "nt" else "")
    folder = os.environ.get(ENV_BIN)
    if folder and (Path(folder) / exe).is_file():
        return str(Path(folder) / exe)
    candidates = []
    for pattern in SEARCHED:
        candidates += [Path(p) / exe for p in glob.glob(pattern)]
    candidates = [c for c in candidates if c.is_file()]
    if candidates:
        return str(max(candidates, key=lambda c: _version_key(c.parent.parent.name)))
    found = shutil.which(name)
    if found:
        return found
    raise ToolMissing(T("errors", "找不到 PostgreSQL 客户端工具 {0}，无法备份或恢复服务器上的数据库。请安装 PostgreSQL 15 客户端（Debian/Ubuntu：apt install postgresql-client-15；Windows：PostgreSQL 安装程序中的“Command Line Tools”），或把它所在的文件夹设为环境变量 FRONTDESK_PG_BIN。").format(name))


def _version_key(text: str) -> tuple[int, ...]:
    digits = "".join(ch if ch.isdigit() else " " for ch in text).split()
    return tuple(int(d) for d in digits) or (0,)


def libpq_target(url: str) -> tuple[str, dict[str, str]]:
    """(the URL without its password, the environment that carries the password) for a client tool."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    env = dict(os.environ)
    parts = urlsplit(url)
    if parts.password is not None:
        env["PGPASSWORD"] = unquote(parts.password)
        userinfo, host = parts.netloc.rsplit("@", 1)
        user = userinfo.split(":", 1)[0]
        url = urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return url, env


def _run(argv: list[str], env: dict[str, str], what: str) -> None:
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    except OSError as exc:
        raise UserError(T("errors", "{0} 无法运行：{1}").format(what, exc.strerror or exc)) from exc
    except subprocess.TimeoutExpired as exc:
        raise UserError(T("errors", "{0} 超过 {1} 小时仍未完成，已停止。").format(what, TIMEOUT_S // 3600)) from exc
    if done.returncode != 0:
        lines = [ln.strip() for ln in (done.stderr or "").splitlines() if ln.strip()]
        reason = "；".join(lines[:3]) or f"exit {done.returncode}"
        raise UserError(T("errors", "{0} 失败：{1}").format(what, reason))


def dump(url: str, dest: Path) -> None:
    """``pg_dump -Fc`` of the database ``url`` names into ``dest`` (0600), then read back with
    ``pg_restore --list`` so an unreadable file is never kept. Raises UserError; ``dest`` is removed then."""
    pg_dump, pg_restore = find_tool("pg_dump"), find_tool("pg_restore")
    target, env = libpq_target(url)
    private_file(dest)
    try:
        _run([pg_dump, "--format=custom", "--no-owner", "--no-privileges", "--file", str(dest),
              "--dbname", target], env, "pg_dump")
        _run([pg_restore, "--list", str(dest)], env, T("errors", "备份文件检查（pg_restore --list）"))
    except BaseException:
        dest.unlink(missing_ok=True)
        raise


def check(path: Path) -> None:
    """Read a dump's table of contents (``pg_restore --list``): a damaged file is a UserError."""
    _run([find_tool("pg_restore"), "--list", str(path)], dict(os.environ),
         T("errors", "备份文件检查（pg_restore --list）"))


def restore(url: str, path: Path) -> None:
    """Put the dump ``path`` back into the database ``url`` names, in one transaction: the tables it holds are
    dropped and recreated with their rows; a failure leaves the database as it was."""
    target, env = libpq_target(url)
    _run([find_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", "--exit-on-error", "--dbname", target, str(path)], env, "pg_restore")
