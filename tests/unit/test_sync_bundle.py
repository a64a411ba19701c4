"""Exchange bundles: a .zip carries the workbook and its photos; bad bundles are refused, nothing written."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sync_helpers import add_contact, add_repair, at_site, dump_all, hq_database, photo  # noqa: F401 (autouse: head office on PostgreSQL on that pass)

from frontdesk.cli import main
from frontdesk.db.models import RepairOrder
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.sync import bundle
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _files(code_root: Path) -> dict[str, bytes]:
    folder = code_root / "attachments"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*"))} if folder.is_dir() else {}


def _rezip(src: Path, dst: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    with zipfile.ZipFile(src) as z:
        members = {n: z.read(n) for n in z.namelist()}
    change(members)
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return dst


@pytest.fixture
def sent(tmp_path) -> tuple[Path, list[str]]:  # noqa: ANN001
    with at_site(tmp_path, "S01") as a:
        _uuid, names = add_repair(a, "王女士", [photo("front"), photo("back")], tmp_path)
        add_contact(a, "李先生", "寄存")
        summary = export_site(a, tmp_path / "s01.zip", to="HQ")
        assert summary.attachments == 2
    return tmp_path / "s01.zip", names


def test_photos_travel_in_the_bundle_and_arrive_once(tmp_path, sent):
    path, names = sent
    with zipfile.ZipFile(path) as z:
        members = set(z.namelist())
        assert {f"attachments/{n}" for n in names} | {"manifest.json", "s01.xlsx"} == members
        z.extract("s01.xlsx", tmp_path / "out")
    assert load_workbook(tmp_path / "out" / "s01.xlsx")["repair_order"].max_row == 2  # Excel opens it as it is
    with at_site(tmp_path, "HQ") as hq:
        dry = import_site(hq, path, dry_run=True)
        assert sorted(dry.photos_added) == sorted(names) and _files(tmp_path / "HQ") == {}
        report = import_site(hq, path)
        assert sorted(report.photos_added) == sorted(names)
        assert any(line.startswith("照片：新增 2") for line in report.lines())
        assert _files(tmp_path / "HQ") == _files(tmp_path / "S01")
        order = RepairOrder.get()
        assert sorted(order.photos.splitlines()) == sorted(names)
        again = import_site(hq, path)  # the same bundle again: the files are here, nothing read or added
        assert again.photos_added == [] and again.photos_present == 2


def test_a_file_the_receiver_has_is_skipped(tmp_path, sent):
    path, names = sent
    with at_site(tmp_path, "HQ") as hq:
        folder = bundle.folder()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / names[0]).write_bytes((tmp_path / "S01" / "attachments" / names[0]).read_bytes())
        report = import_site(hq, path)
        assert report.photos_added == [names[1]] and report.photos_present == 1


def test_bad_bundles_are_refused_with_the_reason_and_nothing_written(tmp_path, sent):
    path, names = sent
    bad: dict[str, tuple[Path, str]] = {}

    def drop(members: dict[str, bytes]) -> None:
        del members[f"attachments/{names[0]}"]
    bad["missing attachment"] = (_rezip(path, tmp_path / "missing.zip", drop), "缺少此附件")

    def swap(members: dict[str, bytes]) -> None:
        members[f"attachments/{names[0]}"] = photo("forged")
    bad["hash mismatch"] = (_rezip(path, tmp_path / "swap.zip", swap), "附件内容与其哈希不符")

    def unlist(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        manifest["attachments"] = manifest["attachments"][:1]
        members["manifest.json"] = json.dumps(manifest).encode()
        del members[f"attachments/{names[1]}"]
    bad["listing edited"] = (_rezip(path, tmp_path / "unlist.zip", unlist), "附件清单与签名的工作簿不符")

    def workbook(members: dict[str, bytes]) -> None:
        members["s01.xlsx"] = members["s01.xlsx"][:-10] + b"\0" * 10
    bad["workbook edited"] = (_rezip(path, tmp_path / "wb.zip", workbook), "SHA-256 与 manifest.json 不符")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size * 2 // 3])
    bad["truncated"] = (cut, "文件不完整")
    notzip = tmp_path / "notes.zip"
    notzip.write_text("不是压缩包")
    bad["not a zip"] = (notzip, "不是 FrontDesk 交换文件")
    bare = tmp_path / "bare.xlsx"
    with zipfile.ZipFile(path) as z:
        bare.write_bytes(z.read("s01.xlsx"))
    bad["workbook alone"] = (bare, "请导入同名的 .zip 交换文件")
    with at_site(tmp_path, "HQ") as hq:
        before = dump_all()
        for case, (file, words) in bad.items():
            with pytest.raises(WorkbookRefused) as caught:
                import_site(hq, file)
            assert words in caught.value.message, (case, caught.value.message)
            assert dump_all() == before, case
            assert _files(tmp_path / "HQ") == {}, case
        assert len(import_site(hq, path).photos_added) == 2  # the good bundle still goes in


def test_a_failed_merge_takes_the_linked_photos_back(tmp_path, sent, monkeypatch):
    path, _names = sent
    with at_site(tmp_path, "HQ") as hq:
        before = dump_all()
        original = bundle.link

        def link_then_fail(*args, **kwargs) -> None:  # noqa: ANN002, ANN003
            original(*args, **kwargs)
            raise RuntimeError("disk gone")
        monkeypatch.setattr(bundle, "link", link_then_fail)
        with pytest.raises(RuntimeError):
            import_site(hq, path)
        assert dump_all() == before and _files(tmp_path / "HQ") == {}


def test_cli_exports_and_imports_a_bundle(tmp_path, capsys):
    with at_site(tmp_path, "S01") as a:
        add_repair(a, "王女士", [photo("cli")], tmp_path)
    with at_site(tmp_path, "HQ"):
        pass
    out = tmp_path / "s01.zip"
    assert main(["--data-dir", str(tmp_path / "S01"), "export", "--out", str(out), "--to", "HQ"]) == 0
    assert "照片 1 张" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "HQ"), "import", str(out)]) == 0
    assert "照片：新增 1" in capsys.readouterr().out
    assert _files(tmp_path / "HQ") == _files(tmp_path / "S01")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(out.read_bytes()[:200])
    assert main(["--data-dir", str(tmp_path / "HQ"), "import", str(cut)]) == 2
    assert "未导入" in capsys.readouterr().err
