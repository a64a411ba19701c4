"""Refused site files leave the database exactly as it was, name every bad row, and fail the CLI."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from sync_helpers import add_contact, at_site, dump_all, hq_database  # noqa: F401 (autouse: head office on PostgreSQL on that pass)

from frontdesk import clock
from frontdesk.cli import main
from frontdesk.db.connection import database, transaction
from frontdesk.db.models import Contact
from frontdesk.excel.sync_validate import WorkbookRefused, write_problems
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")


@pytest.fixture
def exported(tmp_path) -> Path:  # noqa: ANN001
    with at_site(tmp_path, "S01") as a:
        for i in range(5):
            add_contact(a, f"客户{i}", f"诉求 {i}")
        export_site(a, tmp_path / "good.xlsx")
    return tmp_path / "good.xlsx"


def _edited(src: Path, dst: Path, change: Callable) -> Path:  # noqa: ANN001
    wb = load_workbook(src)
    change(wb)
    wb.save(dst)
    return dst


def _set(sheet: str, cell: str, value: object) -> Callable:
    def change(wb) -> None:  # noqa: ANN001
        wb[sheet][cell].value = value
    return change


def _manifest(key: str, value: str) -> Callable:
    def change(wb) -> None:  # noqa: ANN001
        for row in wb["_manifest"].iter_rows():
            if row[0].value == key:
                row[1].value = value
    return change


def _column_of(path: Path, sheet: str, key: str) -> str:
    ws = load_workbook(path)[sheet]
    return {c.value: c.column_letter for c in ws[1]}[key]


def test_refused_files_name_the_problem_and_change_nothing(tmp_path, exported):
    bad: dict[str, tuple[Path, str]] = {}
    text = tmp_path / "notes.xlsx"
    text.write_text("这不是工作簿")
    bad["not xlsx"] = (text, "不是 Excel")
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(exported.read_bytes()[: exported.stat().st_size // 2])
    bad["truncated"] = (cut, "")
    at = _column_of(exported, "contact", "received_at")
    name = _column_of(exported, "contact", "customer_name")
    bad["missing sheet"] = (_edited(exported, tmp_path / "nosheet.xlsx", lambda wb: wb.remove(wb["transfer"])),
                            "transfer")
    bad["missing column"] = (_edited(exported, tmp_path / "nocol.xlsx",
                                     lambda wb: wb["contact"].delete_cols(wb["contact"][at + "1"].column)),
                             "received_at")
    bad["schema"] = (_edited(exported, tmp_path / "schema.xlsx", _manifest("schema_version", "1")), "结构版本")
    bad["tampered"] = (_edited(exported, tmp_path / "tamper.xlsx", _set("contact", f"{name}2", "改过")), "校验和")

    def two_bad_values(wb) -> None:  # noqa: ANN001
        wb["contact"][f"{at}3"].value = "昨天下午"
        wb["contact"][f"{at}5"].value = "2026-13-45"
    bad["bad values"] = (_edited(exported, tmp_path / "values.xlsx", two_bad_values), "第 5 行")
    with at_site(tmp_path, "HQ") as hq:
        before = dump_all()
        for case, (path, words) in bad.items():
            with pytest.raises(WorkbookRefused) as caught:
                import_site(hq, path)
            assert words in caught.value.message, (case, caught.value.message)
            assert dump_all() == before, case
        with pytest.raises(WorkbookRefused) as caught:
            import_site(hq, bad["bad values"][0])
        rows = {(p.sheet, p.row, p.column) for p in caught.value.problems}
        assert rows == {("contact", 3, "received_at"), ("contact", 5, "received_at")}  # all bad rows listed
        assert caught.value.problems[0].value == "昨天下午"
        write_problems(tmp_path / "errors.xlsx", caught.value.problems)
        listed = CalamineWorkbook.from_path(str(tmp_path / "errors.xlsx")).get_sheet_by_name("错误清单").to_python()
        assert listed[0] == ["工作表", "行", "列", "值", "问题"] and len(listed) == 3
        assert import_site(hq, exported).total.inserted > 0  # the good file still goes in


def test_a_reference_to_a_record_neither_here_nor_in_the_file_is_refused(tmp_path, exported):
    with at_site(tmp_path, "HQ") as hq:
        import_site(hq, exported)
    with at_site(tmp_path, "S01") as a:  # a clerk written without a change number (as no program version
        clerk = str(uuid.uuid4())        # should), then a contact of theirs: the next export lacks the clerk
        database.obj.execute_sql(
            "INSERT INTO staff (uuid, site_code, created_at, updated_at, revision, deleted, staff_no, name, role, "
            "active, failed_logins, phone, position) VALUES (?, 'S01', ?, ?, 1, 0, '9001', '新员工', 'staff', 1, 0, "
            "'', '')", (clerk, str(clock.now()), str(clock.now())))
        with transaction():
            Contact.update(owner_uuid=clerk).where(Contact.uuid == add_contact(a, "新客户", "新诉求")).execute()
        export_site(a, tmp_path / "ref.xlsx")
    with at_site(tmp_path, "HQ") as hq:
        before = dump_all()
        with pytest.raises(WorkbookRefused) as caught:
            import_site(hq, tmp_path / "ref.xlsx")
        assert "列 owner_uuid" in caught.value.message and "引用的 staff 记录不存在" in caught.value.message
        assert dump_all() == before


def test_cli_export_import_and_exit_codes(tmp_path, capsys):
    a, hq = ["--data-dir", str(tmp_path / "a")], ["--data-dir", str(tmp_path / "hq")]
    for args, code in ((a, "S01"), (hq, "HQ")):
        assert main([*args, "init", "--site-code", code, "--site-name", "站", "--admin-user", "admin",
                     "--admin-password", "secret1"]) == 0
    assert main([*a, "demo-data", "--rows", "40"]) == 0
    out = tmp_path / "s01.xlsx"
    assert main([*a, "export", "--out", str(out), "--to", "HQ"]) == 0
    assert "已导出" in capsys.readouterr().out
    assert main([*a, "export", "--out", str(tmp_path / "x.xlsx"), "--since", "2020-01-01"]) == 2  # never by date
    assert main([*a, "export", "--out", str(tmp_path / "x.xlsx"), "--to", "S01"]) == 2  # not to itself
    assert main([*hq, "import", str(out), "--dry-run"]) == 0
    assert "试导入" in capsys.readouterr().out
    assert main([*hq, "import", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "新增" in printed and "冲突 0" in printed
    assert main([*hq, "import", str(out)]) == 0
    assert "新增 0，更新 0" in capsys.readouterr().out
    broken = tmp_path / "broken.xlsx"
    shutil.copy(out, broken)
    broken.write_bytes(broken.read_bytes()[:1000])
    assert main([*hq, "import", str(broken)]) == 2
    assert "未导入" in capsys.readouterr().err
    assert main([*hq, "import", str(tmp_path / "missing.xlsx")]) == 2


def test_an_import_cancelled_half_way_changes_nothing(tmp_path, exported):
    class Stop(Exception):
        pass

    def cancel_after_first_sheet(stage: str, done: int, total: int) -> None:
        if stage == "merge" and done >= 1:
            raise Stop  # what the window's Cancel does, from inside the merge

    with at_site(tmp_path, "HQ") as hq:
        before = dump_all()
        with pytest.raises(Stop):
            import_site(hq, exported, progress=cancel_after_first_sheet)
        assert dump_all() == before
        assert import_site(hq, exported).total.inserted > 0
