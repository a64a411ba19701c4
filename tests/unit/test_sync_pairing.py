"""Keyed integrity: exports to a paired site are HMAC-signed with a key kept outside the database."""

from __future__ import annotations

import os
import shutil

import pytest
from openpyxl import load_workbook
from sync_helpers import PASSWORD, add_contact, at_site, hq_database  # noqa: F401 (autouse: head office on PostgreSQL on that pass)

from frontdesk.cli import main
from frontdesk.db.migrations import LATEST_VERSION
from frontdesk.db.models import Staff
from frontdesk.excel.sync_export import SheetData, write_site_workbook
from frontdesk.excel.sync_validate import WorkbookRefused, read_site_workbook
from frontdesk.services.core import auth, site
from frontdesk.services.sync import keys
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site
from frontdesk.services.sync.schema import specs

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _pair_both(tmp_path, a: str, b: str, key_file) -> None:  # noqa: ANN001
    with at_site(tmp_path, a) as actor:
        keys.pair(actor, b, key_file)
    with at_site(tmp_path, b) as actor:
        keys.pair(actor, a, key_file)


def _forge(src, dst, key: bytes, change) -> None:  # noqa: ANN001
    """What someone with the program's own code can do: read the file, edit rows, write it again with the
    plain SHA-256 recomputed (they do not have the pairing key)."""
    parsed = read_site_workbook(src, specs(), LATEST_VERSION, key_for=lambda _m: key)
    for sheet in parsed.sheets.values():
        change(sheet)
    manifest = {k: v for k, v in parsed.manifest.items()
                if k not in ("format", "sheets", "checksum", "overflow", "integrity") and not k.startswith("rows.")}
    write_site_workbook(dst, manifest, [SheetData(s.spec, s.rows, len(s.rows)) for s in parsed.sheets.values()])


def test_a_forged_file_with_its_checksum_recomputed_is_refused(tmp_path):
    _pair_both(tmp_path, "S01", "HQ", tmp_path / "s01-hq.key")
    with at_site(tmp_path, "S01") as a:
        add_contact(a, "王女士", "停车收费")
        clerk = Staff.get(Staff.staff_no == "admin").uuid
        export_site(a, tmp_path / "s01.xlsx", to="HQ")
        key = keys.load("HQ")
    assert os.stat(tmp_path / "S01" / "sync-keys" / "HQ.key").st_mode & 0o077 == 0  # owner only
    assert load_workbook(tmp_path / "s01.xlsx")["_manifest"]

    def promote(sheet) -> None:  # noqa: ANN001
        if sheet.spec.name == "staff":
            at_uuid, at_role = sheet.spec.index("uuid"), sheet.spec.index("role")
            sheet.rows = [tuple("admin" if i == at_role and row[at_uuid] != clerk else v for i, v in enumerate(row))
                          for row in sheet.rows]

    _forge(tmp_path / "s01.xlsx", tmp_path / "forged.xlsx", key, promote)
    signed = tmp_path / "forged-signed.xlsx"  # the same, claiming to be signed
    wb = load_workbook(tmp_path / "forged.xlsx")
    for row in wb["_manifest"].iter_rows():
        if row[0].value == "integrity":
            row[1].value = "hmac-sha256"
    wb.save(signed)
    with at_site(tmp_path, "HQ") as hq:
        with pytest.raises(WorkbookRefused, match="没有配对签名"):
            import_site(hq, tmp_path / "forged.xlsx")
        with pytest.raises(WorkbookRefused, match="签名不符"):
            import_site(hq, signed)
        assert import_site(hq, tmp_path / "s01.xlsx").total.inserted > 0  # the real one goes in


def test_an_unpaired_sites_file_and_ones_own_are_refused(tmp_path):
    _pair_both(tmp_path, "S01", "HQ", tmp_path / "k")
    with at_site(tmp_path, "S02") as b:
        add_contact(b, "李先生", "寄存")
        export_site(b, tmp_path / "s02.xlsx", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        with pytest.raises(WorkbookRefused, match="未与站点 S02 配对"):
            import_site(hq, tmp_path / "s02.xlsx")
        export_site(hq, tmp_path / "hq.xlsx", to="S01")
        with pytest.raises(WorkbookRefused, match="本站自己导出"):
            import_site(hq, tmp_path / "hq.xlsx")


def test_a_reinitialised_site_is_refused_until_an_admin_pairs_it_again(tmp_path):
    _pair_both(tmp_path, "S01", "HQ", tmp_path / "k1")
    for round_no in (1, 2):
        with at_site(tmp_path, "S01") as a:
            add_contact(a, "王女士", f"第 {round_no} 次")
            export_site(a, tmp_path / f"s01-{round_no}.xlsx", to="HQ")
        with at_site(tmp_path, "HQ") as hq:
            import_site(hq, tmp_path / f"s01-{round_no}.xlsx")
    shutil.rmtree(tmp_path / "S01")  # the counter PC replaced: the site set up again with the same code
    from frontdesk.paths import data_paths
    from frontdesk.services.core import system
    from frontdesk.settings import Settings

    system.start(data_paths(tmp_path / "S01"), Settings(), backup_on_start=False)
    try:
        site.initialize("S01", "S01 站", "admin2", PASSWORD, "新管理员")
        a = auth.login("admin2", PASSWORD)  # (a contact today would take a number HQ already holds: issue 15)
        export_site(a, tmp_path / "new-1.xlsx", to="HQ")  # not paired yet: unsigned
    finally:
        system.stop()
    with at_site(tmp_path, "HQ") as hq:
        with pytest.raises(WorkbookRefused, match="没有配对签名"):
            import_site(hq, tmp_path / "new-1.xlsx")
    assert main(["--data-dir", str(tmp_path / "HQ"), "pair", "S01", "--key-file", str(tmp_path / "k2")]) == 0
    assert main(["--data-dir", str(tmp_path / "S01"), "pair", "HQ", "--key-file", str(tmp_path / "k2")]) == 0
    system.start(data_paths(tmp_path / "S01"), Settings(), backup_on_start=False)
    try:
        export_site(auth.login("admin2", PASSWORD), tmp_path / "new-2.xlsx", to="HQ")
    finally:
        system.stop()
    with at_site(tmp_path, "HQ") as hq:  # numbered from 1 again, and accepted: the exchange started over
        assert import_site(hq, tmp_path / "new-2.xlsx").total.inserted > 0
        assert Staff.get(Staff.staff_no == "admin2").site_code == "S01"
