"""Signed sheets anchor the audit trail: the fine sheet and assessment results print the chain head's short code,
and `check --code` tells whether a printed code still matches the chain."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from frontdesk.cli import main
from frontdesk.db import dialect
from frontdesk.db.models import AuditLog
from frontdesk.domain import audit_chain
from frontdesk.domain.assessment_seed import DEFAULT_UUID
from frontdesk.domain.report import Period, Report, month_period
from frontdesk.errors import ValidationError
from frontdesk.services.assessments import results
from frontdesk.services.assessments import runs as assessments
from frontdesk.services.assessments.runs import RunInput
from frontdesk.services.core import audit
from frontdesk.services.discipline import fine_sheet
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.discipline.incidents import IncidentInput
from frontdesk.services.reports import output, personnel

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _code() -> str:
    return audit_chain.short_code(audit.chain_head())


def _fined_month(manager, staff_actor) -> str:  # noqa: ANN001
    [uuid] = discipline.record_incident(manager, IncidentInput(
        staff_uuids=[staff_actor.uuid], rule_code="R06", occurred_at=datetime(2026, 10, 12, 10, 30),
        amount=Decimal("30"), description="测试"))
    discipline.confirm(manager, uuid)
    return "2026-10"


def test_anchor_line_names_code_time_and_purpose():
    line = audit_chain.anchor_line("0123456789abcdef" * 4, datetime(2026, 11, 18, 9, 5))
    assert line.startswith("审计链校验码 0123-4567-89ab（打印于 2026-11-18 09:05）")
    assert "check --code 0123-4567-89ab" in line
    assert "尚无审计记录" in audit_chain.anchor_line("", datetime(2026, 11, 18, 9, 5))
    assert audit_chain.normal_code(" 0123-4567-89AB ") == "0123456789ab"
    assert audit_chain.normal_code("0123-4567") == audit_chain.normal_code("xyz0-4567-89ab") == ""


def test_the_signed_fine_sheet_prints_the_head_after_the_sign_off(manager, staff_actor, frozen_clock):
    month = _fined_month(manager, staff_actor)
    fine_sheet.sign_off(manager, month)
    doc = fine_sheet.print_document(manager, month, "测试服务台")
    code = _code()
    assert code and AuditLog.select().order_by(AuditLog.id.desc()).first().action == "sign_off"
    assert doc.footer.startswith(f"审计链校验码 {code}（打印于 {frozen_clock():%Y-%m-%d %H:%M}）")
    assert doc.tables[0].rows[-1][0] == "合计" and doc.tables[0].rows[-1][3] == "30"
    assert "主管签字" in doc.signature_lines and "已签字锁定" in {f.label: f.value for f in doc.fields}["状态"]


def test_assessment_results_and_both_reports_print_the_head(manager, staff_actor, tmp_path):
    _fined_month(manager, staff_actor)
    run = assessments.create_run(manager, RunInput("quarter", 2026, 1, [staff_actor.uuid], DEFAULT_UUID))
    [row] = assessments.team(manager, run)
    form = assessments.get_assessment(manager, row["uuid"])
    assessments.score(manager, row["uuid"], {i.key: Decimal(4) for i in form["spec"].items if not i.auto})
    code = _code()
    doc = results.print_document(manager, "2026-Q1")
    assert code in doc.footer and doc.tables[0].rows[0][1] == staff_actor.staff_no
    fines = personnel.fines_table(manager, month_period(2026, 10))  # the fined month, printed as a report
    assert code in output.print_document(fines).footer
    output.write_xlsx(fines, tmp_path / "fines.xlsx")
    summary = [tuple(r) for r in load_workbook(tmp_path / "fines.xlsx")["概要"].iter_rows(values_only=True)]
    assert any(r[0] == "审计链校验码" and code in r[1] for r in summary)
    assert personnel.assessments_available()  # the 考核结果汇总 report is offered
    ranked = personnel.assessment_results(manager, Period(month_period(2026, 1).first, month_period(2026, 3).last))
    assert ranked.tables[0].rows[0][0] == "2026-Q1" and code in output.print_document(ranked).footer
    daily = Report("daily", "每日接待汇总", month_period(2026, 10))
    assert output.print_document(daily).footer == ""  # only the sheets managers sign


def test_a_printed_code_stops_matching_once_an_earlier_entry_is_forged(manager, staff_actor):
    month = _fined_month(manager, staff_actor)
    fine_sheet.sign_off(manager, month)
    printed = _code()
    found = audit.find_code(printed)
    assert found is not None and found["later"] == 0
    make = assessments.create_run(manager, RunInput("quarter", 2026, 1, [staff_actor.uuid], DEFAULT_UUID))
    assert make and audit.find_code(printed)["later"] > 0  # later entries keep the printed one valid
    # a forger rewrites the confirmed amount and recomputes the whole chain, so `check` alone passes
    first = AuditLog.select().where(AuditLog.action == "confirm").get()
    dialect.execute("UPDATE audit_log SET new_value = ? WHERE id = ?", ('{"amount": "0.00"}', first.id))
    previous = ""
    for entry in AuditLog.select().where(AuditLog.site_code == "S01").order_by(AuditLog.id):
        entry.prev_hash, entry.hash = previous, audit_chain.entry_hash(entry.__data__, previous)
        AuditLog.update(prev_hash=entry.prev_hash, hash=entry.hash).where(AuditLog.id == entry.id).execute()
        previous = entry.hash
    assert audit.chain_problems() == []
    assert audit.find_code(printed) is None  # but the signed paper no longer matches
    with pytest.raises(ValidationError):
        audit.find_code("12-34")


def test_check_code_on_the_command_line(tmp_path, capsys):
    def run(*args: str) -> int:
        return main(["--data-dir", str(tmp_path / "d"), *args])

    assert run("init", "--site-code", "S07", "--site-name", "站", "--admin-user", "admin",
               "--admin-password", "secret1") == 0
    assert run("backup") == 0  # an audited action: the chain has a head
    database_file = tmp_path / "d" / "frontdesk.db"
    import sqlite3

    with sqlite3.connect(database_file) as conn:
        (head,) = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    capsys.readouterr()
    code = audit_chain.short_code(head)
    assert run("check", "--code", code) == 0
    out = capsys.readouterr().out
    assert f"校验码 {code}：与本站审计链第" in out and "状态：正常" in out
    assert run("check", "--code", "0000-0000-0000") == 1
    assert "找不到" in capsys.readouterr().out
    assert run("check", "--code", "abc") == 2
    assert "--code" in capsys.readouterr().err


def test_staff_cannot_print_the_sheet(staff_actor):
    from frontdesk.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        fine_sheet.print_document(staff_actor, "2026-10")
