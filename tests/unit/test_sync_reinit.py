"""A site set up again under its old code: an admin pairs it again from head office, and its new numbers go on
in a new series (S01.2-…), so they never repeat the numbers its old database gave out, which HQ still holds."""

from __future__ import annotations

import shutil

import pytest
from sync_helpers import PASSWORD, add_contact, at_site, hq_database  # noqa: F401 (autouse: head office on PostgreSQL on that pass)

from frontdesk.db.models import Contact
from frontdesk.errors import ValidationError
from frontdesk.paths import data_paths
from frontdesk.services.core import auth, site, system
from frontdesk.services.sync import keys
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site
from frontdesk.settings import Settings

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _number(uuid: str) -> str:
    return Contact.get(Contact.uuid == uuid).number


def test_a_reinitialised_site_numbers_in_a_new_series_and_nothing_collides_at_hq(tmp_path):
    with at_site(tmp_path, "S01") as a:
        keys.pair(a, "HQ", tmp_path / "k1")
    with at_site(tmp_path, "HQ") as hq:
        keys.pair(hq, "S01", tmp_path / "k1")
    with at_site(tmp_path, "S01") as a:
        old = [add_contact(a, f"老客户{i}", "诉求") for i in range(3)]
        old_numbers = [_number(u) for u in old]
        assert old_numbers[0].startswith("S01-") and old_numbers[0].endswith("-0001")
        export_site(a, tmp_path / "old.zip", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        import_site(hq, tmp_path / "old.zip")
    shutil.rmtree(tmp_path / "S01")  # the counter PC replaced, the site set up again with the same code
    with at_site(tmp_path, "HQ") as hq:
        (tmp_path / "from-site").write_text("ab" * 32 + "\n")  # a key file the new site made
        with pytest.raises(ValidationError, match="请在本站新建密钥文件"):  # refused: it cannot carry the series
            keys.pair(hq, "S01", tmp_path / "from-site")
        assert keys.pair(hq, "S01", tmp_path / "k2") is True  # made here: it carries S01's next series
        assert "series.S01=2" in (tmp_path / "k2").read_text()
        assert _number(add_contact(hq, "总部客户", "诉求")).startswith("HQ-")  # head office's own numbers stay
    system.start(data_paths(tmp_path / "S01"), Settings(), backup_on_start=False)
    try:
        site.initialize("S01", "S01 站", "admin2", PASSWORD, "新管理员")
        a = auth.login("admin2", PASSWORD)
        keys.pair(a, "HQ", tmp_path / "k2")
        new = [add_contact(a, f"新客户{i}", "诉求") for i in range(3)]
        new_numbers = [_number(u) for u in new]
        assert new_numbers[0].startswith("S01.2-") and new_numbers[0].endswith("-0001")
        export_site(a, tmp_path / "new.zip", to="HQ")
    finally:
        system.stop()
    with at_site(tmp_path, "HQ") as hq:
        report = import_site(hq, tmp_path / "new.zip")
        assert report.sheets["contact"].inserted == 3
        held = {c.number for c in Contact.select().where(Contact.site_code == "S01")}
        assert held == set(old_numbers) | set(new_numbers) and len(held) == 6
    system.start(data_paths(tmp_path / "S01"), Settings(), backup_on_start=False)  # the series outlives a restart
    try:
        assert _number(add_contact(auth.login("admin2", PASSWORD), "又一位", "诉求")).startswith("S01.2-")
    finally:
        system.stop()
