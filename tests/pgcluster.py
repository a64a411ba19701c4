"""A throwaway PostgreSQL 15 cluster for the test run: one per process (each xdist worker its own), cloned per test.

Used only when ``FRONTDESK_TEST_DATABASE=postgresql``. The cluster lives in a temp folder owned by the
``postgres`` user (initdb refuses root), listens on a unix socket in that folder only
(``listen_addresses=''``), and is stopped and removed at the end of the session, at interpreter exit
or on SIGTERM, whichever comes first. A template database gets the schema once; each test gets a
fresh database cloned from it (``CREATE DATABASE … TEMPLATE …`` copies files: milliseconds).
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

ENV = "FRONTDESK_TEST_DATABASE"
TEMPLATE = "frontdesk_template"
BIN_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin")
# durability off: a test cluster is thrown away, and fsync per commit would dominate the run
SERVER_OPTIONS = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 "
                  "-c shared_buffers=32MB")


def wanted() -> bool:
    return os.environ.get(ENV, "").lower() in ("postgresql", "postgres", "pg")


def _tool(name: str) -> str:
    for folder in BIN_DIRS:
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} not found: install postgresql-15 (bash .ci/setup does)")
    return found


def _as_postgres(*argv: str) -> list[str]:
    """Run as the postgres user when we are root (initdb and the server refuse root)."""
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else list(argv)


class Cluster:
    """One running cluster; ``url(name)`` is the program's URL of a database in it."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="fdpg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._names = itertools.count(1)
        self._running = False
        self._admin = None

    def start(self) -> Cluster:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self.root.chmod(0o700)
        subprocess.run(_as_postgres(_tool("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                                    "-E", "UTF8", "--locale=C.UTF-8"),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        options = f"-c listen_addresses='' -c unix_socket_directories='{self.root}' {SERVER_OPTIONS}"
        self._running = True  # from here on, stop() must run whatever happens
        atexit.register(self.stop)
        subprocess.run(_as_postgres(_tool("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                                    "-t", "60", "-o", options, "start"),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return self

    def url(self, name: str) -> str:
        return f"postgresql://postgres@/{name}?host={self.root}"

    def admin(self):  # noqa: ANN201 - a psycopg connection to the maintenance database
        import psycopg

        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(self.url("postgres"), autocommit=True)
        return self._admin

    def create_template(self) -> None:
        """The template database at the current schema, built by the program's own migrate()."""
        from frontdesk.db.connection import close_database, open_database
        from frontdesk.db.migrations import migrate

        self.admin().execute(f'CREATE DATABASE "{TEMPLATE}"')
        open_database(self.url(TEMPLATE))
        try:
            migrate(None)
        finally:
            close_database()

    def fresh_database(self) -> str:
        """A new database cloned from the template; returns its name."""
        name = f"t{os.getpid()}_{next(self._names)}"
        self.admin().execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
        return name

    def empty_database(self) -> str:
        name = f"e{os.getpid()}_{next(self._names)}"
        self.admin().execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def drop(self, name: str) -> None:
        self.admin().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        if self._admin is not None:
            self._admin.close()
        subprocess.run(_as_postgres(_tool("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> Cluster:
    """Start a cluster and its template; a SIGTERM to this process stops the cluster too."""
    cluster = Cluster()
    try:
        cluster.start()
        cluster.create_template()
    except BaseException:
        cluster.stop()
        raise
    previous = signal.getsignal(signal.SIGTERM)

    def on_term(signum: int, frame) -> None:  # noqa: ANN001
        cluster.stop()
        if callable(previous):
            previous(signum, frame)
        else:
            raise SystemExit(128 + signum)

    try:
        signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread: the session finalizer and atexit still stop it
        pass
    return cluster
