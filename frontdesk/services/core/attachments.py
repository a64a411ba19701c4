"""Attachment files (repair photos): copied into the data folder's attachments/, named by their SHA-256."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from frontdesk.domain.repairs import MAX_PHOTO_BYTES, image_kind
from frontdesk.errors import T, UserError, ValidationError

_NAME = re.compile(r"^[0-9a-f]{64}\.(png|jpg|gif|bmp|webp)$")


def store_image(source: str | Path, folder: Path) -> str:
    """Copy an image into ``folder`` as ``<sha256>.<ext>`` (once per content); return that name.

    A file whose first bytes are not an image signature is refused, whatever its extension.
    """
    source = Path(source)
    try:
        size = source.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise ValidationError({"photos": T("errors", "照片“{0}”超过 {1} MB").format(source.name, MAX_PHOTO_BYTES // 2**20)})
        data = source.read_bytes()
    except OSError as exc:
        raise UserError(T("errors", "无法读取文件 {0}：{1}").format(source, exc.strerror)) from exc
    kind = image_kind(data[:16])
    if kind is None:
        raise ValidationError({"photos": T("errors", "“{0}”不是图片文件（支持 JPG、PNG、GIF、BMP、WebP）").format(source.name)})
    name = f"{hashlib.sha256(data).hexdigest()}.{kind}"
    target = folder / name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".photo-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise UserError(T("errors", "无法保存照片到 {0}：{1}").format(folder, exc.strerror)) from exc
    return name


def is_stored_name(name: str) -> bool:
    return bool(_NAME.match(name))


def path_of(name: str, folder: Path) -> Path:
    if not is_stored_name(name):
        raise ValueError(f"not an attachment name: {name!r}")
    return folder / name
