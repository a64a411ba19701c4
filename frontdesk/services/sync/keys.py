"""Pairing keys: the secret a site shares with a peer (head office), one owner-only file per peer in the data
folder (``sync-keys/<PEER>.key``, 0600), never in the database, so a database copy or backup cannot sign.

A site set up again with its old code (a new database) is paired again by an admin at head office, who makes
the new key file there: pairing again with a site it already had, head office writes the site's next number
series into the file (``series.S01=2``), and the site, taking the file, numbers its records ``S01.2-…`` from
then on, so none repeats a number its old database gave out. Head office refuses to take a key file made at
such a site instead (it could not carry the series).
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from frontdesk.db import numbering
from frontdesk.db.connection import transaction
from frontdesk.db.models import SyncPeer, SyncSent
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T, ValidationError
from frontdesk.fsmodes import private_dir, private_file
from frontdesk.services.core import audit, site
from frontdesk.services.core.permissions import require

KEY_BYTES = 32
_HEX = re.compile(r"^[0-9a-f]{64}$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_state: dict[str, Path | None] = {"folder": None}


def use(folder: Path | None) -> None:
    """Where this process finds the keys (set when the data folder is opened); their number series apply."""
    _state["folder"] = folder
    numbering.set_series(_all_series())


def _all_series() -> dict[str, int]:
    folder = _state["folder"]
    out: dict[str, int] = {}
    if folder is not None and folder.is_dir():
        for path in folder.glob("*.key"):
            for code, n in _meta(path).items():
                out[code] = max(out.get(code, 1), n)
    return out


def _meta(path: Path) -> dict[str, int]:
    """The number series a key file carries (``series.<CODE>=<n>`` lines after the key)."""
    out: dict[str, int] = {}
    for line in path.read_text(encoding="ascii", errors="replace").splitlines()[1:]:
        name, _, value = line.strip().partition("=")
        if name.startswith("series.") and value.isdigit():
            out[name[len("series."):].upper()] = int(value)
    return out


def series_of(peer: str) -> int:
    """The number series of ``peer`` as the key shared with it says (1: the first)."""
    path = _path(peer)
    return _meta(path).get(peer, 1) if path is not None and path.is_file() else 1


def _path(peer: str) -> Path | None:
    folder = _state["folder"]
    return folder / f"{peer}.key" if folder is not None else None


def _read(path: Path) -> bytes:
    lines = path.read_text(encoding="ascii", errors="replace").strip().splitlines()
    text = lines[0].strip().lower() if lines else ""
    if not _HEX.match(text):
        raise ValidationError({"key_file": T("errors", "密钥文件格式不对：应为 64 位十六进制字符（{0}）").format(path)})
    return bytes.fromhex(text)


def load(peer: str) -> bytes | None:
    """The key shared with ``peer``, None when not paired."""
    path = _path(peer)
    return _read(path) if path is not None and path.is_file() else None


def paired() -> list[str]:
    folder = _state["folder"]
    return sorted(p.stem for p in folder.glob("*.key")) if folder is not None and folder.is_dir() else []


def _write(path: Path, key: bytes, series: dict[str, int] | None = None) -> None:
    private_file(path)  # 0600 before the secret is in it
    extra = "".join(f"series.{code}={n}\n" for code, n in sorted((series or {}).items()) if n > 1)
    path.write_text(key.hex() + "\n" + extra, encoding="ascii")


def pair(actor: Actor, peer: str, key_file: Path, new: bool | None = None) -> bool:
    """Pair with ``peer`` using the key in ``key_file``, or make a new key there (True) to carry to the peer
    (``new``: None makes one only when the file does not exist yet).

    Pairing again (a peer re-initialised, or a new key) is an admin's act: the exchange state with that peer
    starts over (its next export is numbered from 1 again, ours to it holds everything).
    """
    require(actor, Permission.ADMIN_SITE)
    peer = peer.strip().upper()
    if not _CODE.match(peer) or peer == site.site_code():
        raise ValidationError({"peer": T("errors", "请填写对方的站点代码（2–8 位大写字母或数字，不能是本站）")})
    folder = _state["folder"]
    if folder is None:
        raise ValidationError({"peer": T("errors", "数据文件夹未打开")})
    made = not key_file.exists() if new is None else new
    if not made and not key_file.is_file():
        raise ValidationError({"key_file": T("errors", "密钥文件不存在：{0}").format(key_file)})
    again = load(peer) is not None
    known = series_of(peer)
    if made:
        key = secrets.token_bytes(KEY_BYTES)
        # pairing again with a site had before: it may be a new database under the old code, so its numbers
        # go on in a new series, which travels in the key file
        series = {peer: known + 1} if again else {}
        _write(key_file, key, series)
    else:
        key = _read(key_file)
        series = {code: n for code, n in _meta(key_file).items() if code != peer or n > known}
        if again and _meta(key_file).get(peer, 1) <= known:
            raise ValidationError({"key_file": T(
                "errors", "本站曾与 {0} 配对过：重新配对时请在本站新建密钥文件带到 {0}（{0} 若是重新安装的，"
                          "它的新记录编号才不会与旧记录重复）").format(peer)})
    private_dir(folder)
    _write(folder / f"{peer}.key", key, series)
    numbering.set_series(_all_series())
    with transaction():
        SyncPeer.delete().where(SyncPeer.peer == peer).execute()
        SyncSent.delete().where(SyncSent.peer == peer).execute()
        audit.record(actor, "sync_peer", peer, "pair_again" if again else "pair", new={"peer": peer})
    return made
