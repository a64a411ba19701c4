"""Exchange state per peer at import: refuse a file out of sequence (a missing export, an older one, a gap in
the version vector, a cursor from the future, our own file) before merging, and remember what arrived."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.db import changes, sync_sql
from frontdesk.db.models import SyncPeer
from frontdesk.excel.sync_format import KEYED, MANIFEST_SHEET, Problem, parse_vector
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.sync import keys


@dataclass(frozen=True)
class Arrival:
    """The exchange fields of an export's manifest, parsed."""

    source: str
    destination: str
    export_no: int
    from_seq: int
    to_seq: int
    received_seq: int
    before: dict[str, int]
    vector: dict[str, int]


def _problem(key: str, value: str, message: str) -> Problem:
    return Problem(MANIFEST_SHEET, None, key, value, message)


def key_for(manifest: dict[str, str], me: str) -> bytes | None:
    """The key the file's checksum must be an HMAC with, or WorkbookRefused: one's own file; a file from a
    site not paired here once pairing is in use; an unsigned file from a paired site."""
    src, integrity = manifest.get("site_code", ""), manifest.get("integrity", "")
    if src == me:
        raise WorkbookRefused([_problem("site_code", src, "这是本站自己导出的文件，不能导入本站")])
    key = keys.load(src)
    if key is None and keys.paired():
        raise WorkbookRefused([_problem("site_code", src, f"本站未与站点 {src} 配对，不能导入它的文件"
                                                          "（请管理员先用 pair 命令配对）")])
    if key is None and integrity == KEYED:
        raise WorkbookRefused([_problem("integrity", integrity, f"文件带有配对签名，但本站未与站点 {src} 配对")])
    if key is not None and integrity != KEYED:
        raise WorkbookRefused([_problem("integrity", integrity, f"本站已与站点 {src} 配对，此文件却没有配对签名："
                                                                "可能被改动过，或不是发给本站的")])
    return key


def parse(manifest: dict[str, str]) -> Arrival | Problem:
    try:
        numbers = [int(manifest.get(k, "")) for k in ("export_no", "from_seq", "to_seq", "received_seq")]
        before, vector = parse_vector(manifest.get("vector_before", "")), parse_vector(manifest.get("vector", ""))
    except ValueError:
        return _problem("export_no", manifest.get("export_no", ""), "说明页的导出编号或版本向量格式有误")
    return Arrival(manifest.get("site_code", ""), manifest.get("destination", ""), *numbers, before, vector)


def _state(peer: str) -> SyncPeer:
    return SyncPeer.get_or_none(SyncPeer.peer == peer) or SyncPeer(peer=peer)


def problems(manifest: dict[str, str], me: str) -> list[Problem]:
    """Why this export cannot be merged here now (empty: it can)."""
    arrival = parse(manifest)
    if isinstance(arrival, Problem):
        return [arrival]
    src = arrival.source
    if src == me:
        return [_problem("site_code", src, "这是本站自己导出的文件，不能导入本站")]
    if arrival.destination and arrival.destination != me:
        return [_problem("destination", arrival.destination, f"此文件是导出给站点 {arrival.destination} 的，不是本站（{me}）")]
    top = changes.high_water()
    if arrival.received_seq > top:
        return [_problem("received_seq", str(arrival.received_seq),
                         f"{src} 记录已收到本站至第 {arrival.received_seq} 号变更，但本站最大变更号只有 {top}："
                         "本站数据库可能从备份恢复或重新初始化过，请管理员重新配对后交换全部记录")]
    state = _state(src)
    if arrival.export_no < state.received_no:
        return [_problem("export_no", str(arrival.export_no),
                         f"已导入过 {src} 更新的第 {state.received_no} 次导出，此文件是更早的第 {arrival.export_no} 次")]
    if arrival.from_seq > state.received_seq:
        missing = list(range(state.received_no + 1, arrival.export_no))
        which = "、".join(str(n) for n in missing[:5]) + ("……" if len(missing) > 5 else "")
        what = f"{src} 的第 {which} 次导出缺失" if missing else f"{src} 的第 {state.received_seq + 1}–{arrival.from_seq} 号变更缺失"
        return [_problem("from_seq", str(arrival.from_seq),
                         f"{what}（本站只导入到第 {state.received_no} 次）：请先导入缺失的文件，或请 {src} 导出全部记录")]
    out = []
    for origin, number in sorted(arrival.before.items()):
        known = _state(origin).known_seq if origin != me else top
        if number > known:
            out.append(_problem("vector_before", f"{origin}:{number}",
                                f"缺少 {origin} 的变更：此文件接续 {origin} 至第 {number} 号的变更，本站只有至第 {known} 号"
                                f"（{src} 之前的某次导出没有导入）"))
    return out


def record(manifest: dict[str, str], me: str) -> None:
    """After a merge, in its transaction: the source's export number and change number, and our vector."""
    arrival = parse(manifest)
    assert not isinstance(arrival, Problem)
    state = _state(arrival.source)
    if (arrival.export_no, arrival.to_seq) != (state.received_no, state.received_seq):
        state.received_no = max(state.received_no, arrival.export_no)
        state.received_seq = max(state.received_seq, arrival.to_seq)
        state.save(force_insert=SyncPeer.get_or_none(SyncPeer.peer == arrival.source) is None)
    for origin, number in arrival.vector.items():
        if origin == me:
            continue
        known = _state(origin)
        if number > known.known_seq:
            known.known_seq = number
            known.save(force_insert=SyncPeer.get_or_none(SyncPeer.peer == origin) is None)


def acknowledge(manifest: dict[str, str]) -> None:
    """The source says it imported our exports up to our change number ``received_seq``: what we sent it
    that far is now what both sides agree on, its merge base (run before merging, in the import's transaction)."""
    arrival = parse(manifest)
    assert not isinstance(arrival, Problem)
    params = (arrival.source, arrival.received_seq)
    sync_sql.run(
        "INSERT INTO sync_base (peer, record_uuid, digest) SELECT peer, record_uuid, digest FROM sync_sent "
        "WHERE peer = ? AND seq <= ? ON CONFLICT (peer, record_uuid) DO UPDATE SET digest = excluded.digest", params)
    sync_sql.run("DELETE FROM sync_sent WHERE peer = ? AND seq <= ?", params)
