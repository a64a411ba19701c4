"""Fine schedule from a spreadsheet a clerk typed: preview every line, then add all the new versions or none."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from frontdesk.clock import now
from frontdesk.db.chunks import ChunkFailed, expected, write_in_chunks
from frontdesk.db.connection import transaction
from frontdesk.db.models import FineRule, ImportHistory, Incident
from frontdesk.domain import fines
from frontdesk.domain.fines import Dismissal, RuleSpec, Unit
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import Message, T
from frontdesk.excel.sync_format import Problem
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.excel.table_reader import HeaderField, cell_text, read_table
from frontdesk.excel.table_reader import cell_date as parse_date
from frontdesk.services.core import audit
from frontdesk.services.core.permissions import require
from frontdesk.services.discipline import fine_rules

FIELDS = [
    HeaderField("code", ("编号", "代码", "条目编号", "code", "rule code", "rule no"), required=True),
    HeaderField("category", ("类别", "分类", "类型", "category", "type")),
    HeaderField("offence", ("违规行为", "违纪行为", "违规内容", "违纪内容", "行为", "offence", "offense", "violation")),
    HeaderField("fine", ("罚款", "金额", "罚款金额", "罚款标准", "罚金", "fine", "amount", "penalty"), required=True),
    HeaderField("dismissal", ("是否辞退", "辞退", "dismissal", "dismiss")),
    HeaderField("tiers", ("分档", "迟到分档", "tiers")),
    HeaderField("effective_from", ("生效日期", "生效时间", "effective date", "effective from", "effective")),
    HeaderField("note", ("备注", "说明", "note", "remark", "remarks")),
]
LABELS = {"code": "编号", "category": "类别", "offence": "违规行为", "fine": "罚款", "min_amount": "罚款",
          "max_amount": "罚款", "unit": "罚款", "dismissal": "是否辞退", "tiers": "分档", "effective_from": "生效日期",
          "note": "备注"}
_SOURCE = {"min_amount": "fine", "max_amount": "fine", "unit": "fine"}  # spec field → sheet column key
_CATEGORIES = {
    **{c: c for c in (fines.RULES_CAT, fines.WORK_CAT, fines.LABOUR_CAT)},
    "规章": fines.RULES_CAT, "rules": fines.RULES_CAT, "regulations": fines.RULES_CAT,
    "工标": fines.WORK_CAT, "工作标准": fines.WORK_CAT, "work": fines.WORK_CAT, "work standards": fines.WORK_CAT,
    "劳动": fines.LABOUR_CAT, "纪律": fines.LABOUR_CAT, "labour": fines.LABOUR_CAT, "labor": fines.LABOUR_CAT,
    "discipline": fines.LABOUR_CAT, "attendance": fines.LABOUR_CAT,
}
_BY_PREFIX = {"R": fines.RULES_CAT, "W": fines.WORK_CAT, "L": fines.LABOUR_CAT}
_DISMISSAL = {
    **{v: Dismissal.NONE for v in ("", "否", "无", "不", "不辞退", "no", "n", "none", "false", "0", "×")},
    **{v: Dismissal.SERIOUS for v in ("情节严重者辞退", "情节严重", "严重者辞退", "严重", "serious", "if serious")},
    **{v: Dismissal.ALWAYS for v in ("是", "辞退", "并予辞退", "予以辞退", "yes", "y", "always", "true", "1", "√")},
}
_DASHES = str.maketrans({"～": "-", "~": "-", "〜": "-", "－": "-", "—": "-", "–": "-", "／": "/", "，": ",",
                         "．": "."})
_FINE = re.compile(r"(?P<low>\d+(?:\.\d+)?)(?:(?:-|至|到)(?P<high>\d+(?:\.\d+)?))?(?:/(?P<unit>[^/]+))?")
_UNITS = {"人": Unit.PER_PERSON, "每人": Unit.PER_PERSON, "person": Unit.PER_PERSON, "people": Unit.PER_PERSON,
          "次": Unit.PER_TIME, "每次": Unit.PER_TIME, "time": Unit.PER_TIME, "times": Unit.PER_TIME}


@dataclass
class FineRow:
    """One line of the sheet and what importing it does: new, update (with what changes) or same."""

    line: int
    code: str
    offence: str
    action: str
    changes: list[str] = field(default_factory=list)
    effective_from: dt.date | None = None


@dataclass
class FinePreview:
    sheet: str
    rows: list[FineRow]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def parse_fine(value: Any) -> tuple[Decimal, Decimal, Unit]:
    """'20' / '100-200' / '100～200元' / '10/人' / '20元/次' → (low, high, unit); ValueError if unreadable."""
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int | float | Decimal):
        text = str(value)
    else:
        text = cell_text(value).translate(_DASHES).replace(" ", "").replace("元", "").lstrip("¥￥").casefold()
    unit = Unit.ONCE
    for prefix, kind in (("每人", Unit.PER_PERSON), ("per person", Unit.PER_PERSON), ("perperson", Unit.PER_PERSON)):
        if text.startswith(prefix):
            text, unit = text[len(prefix):], kind
    match = _FINE.fullmatch(text)
    if match is None or (match["unit"] and match["unit"] not in _UNITS):
        raise ValueError
    if match["unit"]:
        unit = _UNITS[match["unit"]]
    try:
        low, high = Decimal(match["low"]), Decimal(match["high"] or match["low"])
    except InvalidOperation:
        raise ValueError from None
    for amount in (low, high):
        problem = fines.money_problem(amount)  # refused, never rounded: 10.005 is a typing slip, not 10.00
        if problem:
            raise ValueError(problem)
    return low.quantize(fines.CENT), high.quantize(fines.CENT), unit


def _key(text: str) -> str:
    return text.casefold() if text.isascii() else text


def _spec(values: dict[str, Any], code: str, base: FineRule | None,
          present: set[str]) -> tuple[RuleSpec, dict[str, str]]:
    """The rule version the row asks for; a blank cell keeps what the current version says."""
    errors: dict[str, str] = {}
    old = fine_rules.spec_of(base) if base is not None else None
    cat_text = cell_text(values.get("category"))
    category = _CATEGORIES.get(_key(cat_text)) if cat_text else old.category if old else _BY_PREFIX.get(code[:1])
    if category is None:
        errors["category"] = (f"类别“{cat_text}”无效" if cat_text else "请填写类别") + \
            f"（{fines.RULES_CAT}、{fines.WORK_CAT}或{fines.LABOUR_CAT}）"
    offence = cell_text(values.get("offence")) or (old.offence if old else "")
    low, high, unit = (old.min_amount, old.max_amount, old.unit) if old else (Decimal(0), Decimal(0), Unit.ONCE)
    if cell_text(values.get("fine")):
        try:
            low, high, unit = parse_fine(values.get("fine"))
        except ValueError as exc:
            errors["fine"] = str(exc) or T("errors", "不是罚款金额（例如 20、100-200、10/人、20/次）")
    elif old is None:
        errors["fine"] = T("errors", "请填写罚款金额")
    dismissal = old.dismissal if old else Dismissal.NONE
    if "dismissal" in present:
        found = _DISMISSAL.get(_key(cell_text(values.get("dismissal"))))
        if found is None:
            errors["dismissal"] = T("errors", "应为 否、情节严重者辞退 或 是（并予辞退）")
        dismissal = found or dismissal
    tiers = old.tiers if old else ()
    tier_text = cell_text(values.get("tiers"))
    if tier_text in ("无", "-", "none"):
        tiers = ()
    elif tier_text:
        try:
            tiers = fines.parse_tiers(tier_text)
        except (ValueError, InvalidOperation):
            errors["tiers"] = T("errors", "分档应写成 分钟:金额，例如 15:10, 30:20, 60:50")
    spec = RuleSpec(code, category or "", offence, low, high, unit, dismissal, tiers)
    if "tiers" not in errors and fines.money_problems(spec).get("tiers"):  # even on a line that reads unchanged
        errors["tiers"] = fines.money_problems(spec)["tiers"]
    return spec, errors


def _changes(old: RuleSpec, new: RuleSpec) -> list[str]:
    """'类别：规章制度 → 劳动纪律' for each part the line changes (Messages: the preview shows them translated)."""
    none = T("import", "无")
    pairs = [(T("import", "类别"), old.category, new.category), (T("import", "违规行为"), old.offence, new.offence),
             (T("import", "罚款"), old.range_text, new.range_text),
             (T("import", "是否辞退"), Message("enum", fines.label(old.dismissal)),
              Message("enum", fines.label(new.dismissal))),
             (T("import", "分档"), fines.tiers_text(old.tiers) or none, fines.tiers_text(new.tiers) or none)]
    return [T("import", "{0}：{1} → {2}").format(name, a, b) for name, a, b in pairs if a != b]


class _Versions:
    """Every live version of every rule, read once, so checking a 100k-row sheet runs no query per row."""

    def __init__(self) -> None:
        self.by_code: dict[str, list[FineRule]] = {}
        rows = FineRule.live().where(fine_rules.of_site())
        for row in rows.order_by(FineRule.code, FineRule.effective_from, FineRule.site_code, FineRule.id):
            self.by_code.setdefault(row.code, []).append(row)

    def rule_for(self, code: str, on: dt.date) -> FineRule | None:
        """As fine_rules.rule_for: the newest version effective by ``on``, unless it retired the rule."""
        found = None
        for row in self.by_code.get(code, ()):
            if row.effective_from <= on:
                found = row
        return found if found is not None and found.active else None

    def latest(self, code: str) -> FineRule | None:
        rows = self.by_code.get(code)
        return rows[-1] if rows else None

    def stamp(self, code: str) -> tuple[int, int]:
        """As fine_rules.version_stamp, from what was read."""
        rows = self.by_code.get(code, ())
        return len(rows), rows[-1].id if rows else 0


def _run(actor: Actor, path: str | os.PathLike[str], apply: bool, default_from: dt.date | None) -> FinePreview:
    """Check every line in one read transaction (clerks keep saving), then add the versions in short chunks."""
    require(actor, Permission.ADMIN_SITE)
    sheet, rows = read_table(path, FIELDS)
    if not rows:
        raise WorkbookRefused([Problem(sheet, None, "", "", "没有可导入的行")])
    present = set().union(*(values.keys() for _line, values in rows))
    preview = FinePreview(sheet, [])
    problems: list[Problem] = []
    writes: list[_Write] = []
    seen: dict[str, int] = {}
    today = now().date()
    note = f"表格导入 {Path(path).name}"[:200]
    with transaction(write=False):
        versions = _Versions()
        for line, values in rows:
            errors: dict[str, str] = {}
            code = cell_text(values.get("code")).upper()
            if code in seen:
                errors["code"] = T("errors", "与第 {0} 行编号重复").format(seen[code])
            seen.setdefault(code, line)
            try:
                effective = parse_date(values.get("effective_from")) or default_from or today
            except ValueError as exc:
                effective, errors["effective_from"] = default_from or today, str(exc)
            current = versions.rule_for(code, effective) if code else None
            spec, found = _spec(values, code, current or (versions.latest(code) if code else None), present)
            errors.update(found)
            old = fine_rules.spec_of(current) if current is not None else None
            changes = _changes(old, spec) if old is not None else []
            action = "new" if old is None else "update" if changes else "same"
            if not errors and action != "same":
                errors.update(fine_rules.version_problems(spec, effective))  # what save_version would refuse
                if not errors:
                    writes.append(_Write(line, spec, effective, cell_text(values.get("note"))[:200] or note,
                                         default_from is None and not cell_text(values.get("effective_from")),
                                         current or versions.latest(code), versions.stamp(code)))
            elif errors:  # the form's own checks too, so the row's every problem is listed at once
                errors = {**fines.spec_problems(spec), **errors}
            for key in dict.fromkeys(LABELS.get(k, k) for k in errors):
                sources = [k for k in errors if LABELS.get(k, k) == key]
                raw = _SOURCE.get(sources[0], sources[0])
                problems.append(Problem(sheet, line, key, cell_text(values.get(raw)),
                                        "；".join(errors[k] for k in sources)))
            preview.rows.append(FineRow(line, code, spec.offence, action, changes, effective))
    if problems:
        raise WorkbookRefused(problems)
    if apply:
        _write(actor, Path(path).name, preview, writes)
    return preview


@dataclass(frozen=True)
class _Write:
    """A checked line's new version, waiting for its chunk."""

    line: int
    spec: RuleSpec
    effective: dt.date
    note: str
    dated_today: bool  # no 生效日期 in the sheet: "today" is the day it is written (an import past midnight)
    before: FineRule | None  # the version it supersedes, as read by the check
    stamp: tuple[int, int]

    def save(self, actor: Actor) -> str:
        effective = max(self.effective, now().date()) if self.dated_today else self.effective
        # saves two queries a line; if anyone changed this rule meanwhile, save_version looks it up itself
        unchanged = effective == self.effective and fine_rules.version_stamp(self.spec.code) == self.stamp
        return fine_rules.save_version(actor, self.spec, effective, self.note,
                                       before=self.before if unchanged else fine_rules.LOOKUP)


def _write(actor: Actor, file_name: str, preview: FinePreview, writes: list[_Write]) -> None:
    """Every line was checked, so a failure here is the disk, the database or a bug: the versions already
    committed are deleted again (each deletion audited), so the schedule is as it was before the import; a
    version an incident was meanwhile recorded under stays."""
    note = f"表格导入 {file_name} 中断，撤销"[:200]
    kept: list[str] = []

    def history() -> None:
        ImportHistory.create(at=now(), kind="fines", file_name=file_name[:260], actor_uuid=actor.uuid,
                             actor_name=actor.name, inserted=preview.count("new"),
                             updated=preview.count("update"), skipped=preview.count("same"))

    def undo(uuids: list[str]) -> None:
        used = {u for (u,) in Incident.select(Incident.rule).where(Incident.rule.in_(uuids)).tuples()}
        for row in FineRule.select().where(FineRule.uuid.in_(uuids)):
            if row.uuid in used:
                kept.append(row.uuid)
                continue
            row.delete_instance()
            audit.record(actor, "fine_rule", row.code, "import_undo", fine_rules._plain(row), None, note)

    try:
        write_in_chunks(writes, lambda w: w.save(actor), finish=history, undo=undo)
    except ChunkFailed as failed:
        if not expected(failed.cause):
            raise failed.cause from failed
        line = writes[failed.index].line if failed.index < len(writes) else preview.rows[-1].line
        raise failed.user_error(line, len(kept)) from failed.cause


def preview_fines(actor: Actor, path: str | os.PathLike[str], default_from: dt.date | None = None) -> FinePreview:
    """What importing ``path`` would do, line by line; raises WorkbookRefused listing every bad row.

    A row without 生效日期 takes ``default_from`` (default today); a changed rule becomes a new version
    from that date, so incidents already recorded keep the version (and amount) they were recorded under.
    """
    return _run(actor, path, False, default_from)


def import_fines(actor: Actor, path: str | os.PathLike[str], default_from: dt.date | None = None) -> FinePreview:
    """Add the new rule versions: on any bad row none; else every changed line, in short transactions."""
    return _run(actor, path, True, default_from)
