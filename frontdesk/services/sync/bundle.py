"""Exchange bundles: one .zip holding the site workbook, its photos as ``attachments/<sha256>.<ext>`` and a manifest.

Why one zip rather than a workbook with a sibling folder: a clerk carries one file on a USB stick or sends
it as one mail attachment, and a half-copied folder cannot pass for a whole one. The workbook inside is an
ordinary .xlsx (stored, not recompressed): extracted, Excel opens it as it is.

What travels is decided by the signed workbook: its manifest holds the number of attachments and a digest of
their sorted names (covered by the checksum, HMAC when paired), so the bundle's own ``manifest.json`` cannot
drop or add one unnoticed, and every attachment is named by the SHA-256 of its bytes, which the receiver
checks before it links the file. Files the receiver already has are not read at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontdesk.excel.sync_format import Problem
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.core import attachments

FORMAT = "frontdesk-bundle/1"
MANIFEST = "manifest.json"
FOLDER = "attachments/"
BLOCK = 1 << 20  # bytes per read while hashing or copying an attachment
# the columns of synced tables that name attachment files (one stored name per line)
ATTACHMENT_COLUMNS: dict[str, tuple[str, ...]] = {"repair_order": ("photos",)}
_state: dict[str, Path | None] = {"folder": None}


def use(folder: Path | None) -> None:
    """Where this process keeps attachments (set when the data folder is opened)."""
    _state["folder"] = folder


def folder() -> Path | None:
    return _state["folder"]


def is_bundle(path: str | os.PathLike[str]) -> bool:
    """A bundle is written for and read from a ``.zip`` path; an ``.xlsx`` is a workbook on its own."""
    return Path(path).suffix.lower() == ".zip"


def names_in(values: Iterable[Any]) -> set[str]:
    """The stored attachment names in column values (newline-separated lists)."""
    out: set[str] = set()
    for value in values:
        if value:
            out.update(n for n in str(value).splitlines() if attachments.is_stored_name(n))
    return out


def list_digest(names: Iterable[str]) -> str:
    """What the signed manifest holds of the attachment list: SHA-256 over the sorted names."""
    return hashlib.sha256("\n".join(sorted(names)).encode()).hexdigest()


def _problem(value: str, message: str, sheet: str = MANIFEST) -> Problem:
    return Problem(sheet, None, "", value, message)


def file_sha256(handle: Any) -> str:
    h = hashlib.sha256()
    while block := handle.read(BLOCK):
        h.update(block)
    return h.hexdigest()


def write_bundle(path: Path, workbook: Path, names: Sequence[str], source: Path) -> None:
    """Pack ``workbook`` and the attachments ``names`` (from ``source``) into ``path``, atomically."""
    member = f"{path.stem}.xlsx"
    with open(workbook, "rb") as f:
        workbook_sha = file_sha256(f)
    listed = [{"name": n, "size": (source / n).stat().st_size} for n in sorted(names)]
    manifest = {"format": FORMAT, "workbook": member, "workbook_sha256": workbook_sha, "attachments": listed}
    fd, tmp = tempfile.mkstemp(prefix=".bundle-", suffix=".zip", dir=path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED, allowZip64=True) as z:  # xlsx and photos are compressed
            z.write(workbook, member)
            for entry in listed:
                z.write(source / entry["name"], FOLDER + entry["name"])
            z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class OpenedBundle:
    """A bundle whose workbook has been extracted (to ``workbook``) and whose listing has been read."""

    zip: zipfile.ZipFile
    workbook: Path
    listed: list[str]
    members: set[str] = field(default_factory=set)


def open_bundle(path: Path, scratch: Path) -> OpenedBundle:
    """Open the zip, check its manifest and extract its workbook into ``scratch`` (hash checked), or refuse."""
    name = path.name
    if not path.is_file():
        raise WorkbookRefused([_problem(name, "文件不存在")])
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookRefused([_problem(name, f"不是 FrontDesk 交换文件（.zip），或文件不完整（{exc}）")]) from exc
    try:
        members = set(z.namelist())
        if MANIFEST not in members:
            raise WorkbookRefused([_problem(name, "压缩包里缺少 manifest.json，这不是 FrontDesk 交换文件")])
        try:
            manifest = json.loads(z.read(MANIFEST).decode("utf-8"))
            member = str(manifest["workbook"])
            listed = [str(e["name"]) for e in manifest["attachments"]]
            expected = str(manifest["workbook_sha256"])
        except (KeyError, TypeError, ValueError, zipfile.BadZipFile) as exc:
            raise WorkbookRefused([_problem(name, f"manifest.json 无法读取或格式有误（{exc}）")]) from exc
        if manifest.get("format") != FORMAT:
            raise WorkbookRefused([_problem(str(manifest.get("format")), "不是本程序认识的交换文件格式")])
        if member not in members or "/" in member or not member.endswith(".xlsx"):
            raise WorkbookRefused([_problem(member, "压缩包里缺少工作簿")])
        target = scratch / "workbook.xlsx"
        try:
            with z.open(member) as src, open(target, "wb") as out:
                h = hashlib.sha256()
                while block := src.read(BLOCK):
                    h.update(block)
                    out.write(block)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise WorkbookRefused([_problem(member, f"工作簿已损坏或不完整，无法读取（{exc}）")]) from exc
        if h.hexdigest() != expected:
            raise WorkbookRefused([_problem(member, "工作簿的 SHA-256 与 manifest.json 不符：文件被改动过或已损坏")])
        return OpenedBundle(z, target, listed, members)
    except BaseException:
        z.close()
        raise


def check_attachments(opened: OpenedBundle | None, signed: dict[str, str], referenced: set[str],
                      here: Path | None) -> tuple[list[str], list[str], list[Problem]]:
    """(names to link, names the receiver already has, problems): the listing must match the signed digest;
    each listed file must be in the zip with the bytes its name hashes; a bare workbook (``opened`` None)
    can only go in when the receiver already has every file it lists."""
    listed = opened.listed if opened is not None else []
    count, want = signed.get("attachments", ""), signed.get("attachments_digest", "")
    problems: list[Problem] = []
    if opened is None:
        if count not in ("", "0"):
            missing = [n for n in sorted(referenced) if here is None or not (here / n).is_file()]
            if missing:
                return [], [], [_problem(missing[0], f"此工作簿带有 {count} 个附件（照片），本站缺少其中 {len(missing)} 个："
                                                     "请导入同名的 .zip 交换文件，而不是单独的工作簿", "attachments")]
        return [], sorted(referenced), []
    if str(len(listed)) != (count or "0") or list_digest(listed) != (want or list_digest([])):
        return [], [], [_problem(str(len(listed)), "附件清单与签名的工作簿不符：压缩包被改动过", "attachments")]
    new, have = [], []
    for name in listed:
        if not attachments.is_stored_name(name):
            problems.append(_problem(name, "附件名不是 <sha256>.<扩展名>", "attachments"))
        elif here is not None and (here / name).is_file():
            have.append(name)  # the receiver has these bytes already: not read
        elif FOLDER + name not in opened.members:
            problems.append(_problem(name, "压缩包里缺少此附件", "attachments"))
        else:
            try:
                with opened.zip.open(FOLDER + name) as src:
                    actual = file_sha256(src)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                problems.append(_problem(name, f"附件已损坏或不完整（{exc}）", "attachments"))
                continue
            if actual != name.split(".", 1)[0]:
                problems.append(_problem(name, f"附件内容与其哈希不符（实际 {actual[:12]}…）", "attachments"))
            else:
                new.append(name)
    return new, have, problems


def link(opened: OpenedBundle, names: Sequence[str], here: Path, added: list[Path]) -> None:
    """Copy each checked attachment into ``here`` (temp file, hash checked again, then renamed into place);
    every file put there is noted in ``added`` so a failed import can take it away again."""
    here.mkdir(parents=True, exist_ok=True)
    for name in names:
        target = here / name
        if target.exists():
            continue
        fd, tmp = tempfile.mkstemp(prefix=".photo-", dir=here)
        try:
            h = hashlib.sha256()
            with os.fdopen(fd, "wb") as out, opened.zip.open(FOLDER + name) as src:
                while block := src.read(BLOCK):
                    h.update(block)
                    out.write(block)
            if h.hexdigest() != name.split(".", 1)[0]:
                raise WorkbookRefused([_problem(name, "附件内容与其哈希不符", "attachments")])
            os.replace(tmp, target)
            added.append(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
