"""Two sites in one test: open one data folder at a time, dump every table, add contacts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from frontdesk.db import dialect, sync_sql
from frontdesk.db.connection import database
from frontdesk.domain.reception import ContactInput
from frontdesk.domain.roles import Actor
from frontdesk.paths import DataPaths, data_paths
from frontdesk.services.core import auth, site, system
from frontdesk.services.reception import contacts as reception
from frontdesk.services.sync.schema import select_sql, specs
from frontdesk.settings import Settings

PASSWORD = "admin123"
HEAD_OFFICE = "HQ"
_hq: dict[str, str] = {"url": ""}  # on the PostgreSQL pass: head office's database (sites stay SQLite files)


@pytest.fixture(autouse=True)
def hq_database(database_url: str) -> Iterator[None]:
    """Imported by a sync test module: on the PostgreSQL pass head office runs on PostgreSQL."""
    _hq["url"] = database_url
    yield
    _hq["url"] = ""


@contextmanager
def at_site(root: Path, code: str) -> Iterator[Actor]:
    """Open site ``code`` in ``root`` (initialised on first use) and yield its admin."""
    paths: DataPaths = data_paths(root / code)
    settings = Settings(database=_hq["url"]) if code == HEAD_OFFICE and _hq["url"] else Settings()
    if settings.database:  # the CLI reads it from the data folder's settings, as at a counter
        paths.root.mkdir(parents=True, exist_ok=True)
        settings.save(paths.settings_file)
    system.start(paths, settings, backup_on_start=False)
    try:
        if not site.is_initialized():
            site.initialize(code, f"{code} 站", "admin", PASSWORD, "管理员")
        yield auth.login("admin", PASSWORD)
    finally:
        system.stop()


def dump_all() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every real table (the search index's own tables too), for before/after comparisons."""
    db = database.obj
    if dialect.on_postgres():
        names = db.get_tables()
    else:
        names = [r[0] for r in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").fetchall()]
    return {n: db.execute_sql(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in sorted(names)}


def synced_rows() -> dict[str, list[tuple[Any, ...]]]:
    """The synced content of every synced table, by uuid (what must be identical at both sites)."""
    out = {}
    for spec in specs().values():
        at = spec.index("uuid")
        out[spec.name] = sorted(sync_sql.rows(select_sql(spec)), key=lambda r: r[at])  # noqa: B023
    return out


def add_contact(actor: Actor, name: str, request: str, phone: str = "13800001111") -> str:
    saved = reception.save_contact(actor, ContactInput(channel="walk_in", category="consult", customer_name=name,
                                                       phone=phone, request=request))
    return saved.uuid


def photo(seed: str) -> bytes:
    """A small PNG-signed file whose bytes (and so whose stored name) depend on ``seed``."""
    return b"\x89PNG\r\n\x1a\n" + seed.encode() * 8


def add_repair(actor: Actor, name: str, photos: list[bytes], tmp: Path) -> tuple[str, list[str]]:
    """A repair order at the open site with ``photos`` stored in its attachments folder; (uuid, stored names)."""
    from frontdesk.domain.repairs import RepairInput
    from frontdesk.services.aftersales import repairs
    from frontdesk.services.core import attachments
    from frontdesk.services.sync import bundle

    folder = bundle.folder()
    assert folder is not None
    stored = []
    for n, data in enumerate(photos):
        source = tmp / f"upload-{name}-{n}.png"
        source.write_bytes(data)
        stored.append(attachments.store_image(source, folder))
    saved = repairs.create_repair(actor, RepairInput(customer_name=name, phone="13800002222", item="手机",
                                                     fault="屏幕碎了", appearance="无明显划痕",
                                                     photos=stored))
    return saved.uuid, stored
