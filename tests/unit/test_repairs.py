"""Repair work orders: every workflow transition (legal and illegal), notifications, pickup, rework, photos, papers."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from frontdesk import clock
from frontdesk.db.models import RepairOrder
from frontdesk.domain.repairs import (
    NEXT,
    IllegalTransition,
    RepairInput,
    RepairStatus,
    check_transition,
    image_kind,
)
from frontdesk.errors import ValidationError
from frontdesk.services.aftersales import order_list as aftersales_list
from frontdesk.services.aftersales import papers as aftersales_print
from frontdesk.services.aftersales import repairs, returns
from frontdesk.services.core import attachments
from frontdesk.services.core.listing import ListQuery

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
S = RepairStatus


def intake(**changes) -> RepairInput:
    values = dict(customer_name="张先生", phone="13700001111", item="蓝牙耳机", fault="左耳无声音",
                  brand_model="华为 FreeBuds 5", serial_no="SN123456", accessories=["充电盒", "数据线"],
                  appearance="外壳有轻微划痕", warranty="in", estimated_date=clock.today() + timedelta(days=5),
                  estimated_cost="0", pickup_mode="self")
    values.update(changes)
    return RepairInput(**values)


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_every_transition_legal_or_refused(current, target):
    if target in NEXT[current]:
        assert check_transition(current, target) is target
    else:
        with pytest.raises(IllegalTransition):
            check_transition(current, target)


def test_intake_validation_nothing_saved(staff_actor):
    with pytest.raises(ValidationError) as err:
        repairs.create_repair(staff_actor, intake(customer_name="", phone="", fault="", appearance="",
                                                  pickup_mode="mail", estimated_cost="-3",
                                                  estimated_date=clock.today() - timedelta(days=1)))
    assert set(err.value.fields) == {"customer_name", "phone", "fault", "appearance", "address", "estimated_cost",
                                     "estimated_date"}
    with pytest.raises(ValidationError) as err:
        repairs.create_repair(staff_actor, intake(photos=["../../etc/passwd"]))
    assert "photos" in err.value.fields
    assert RepairOrder.select().count() == 0


def test_full_workflow_logged_with_time_clerk_note(staff_actor):
    saved = repairs.create_repair(staff_actor, intake())
    assert saved.number.startswith("S01-WX-")
    with pytest.raises(ValidationError) as err:
        repairs.advance(staff_actor, saved.uuid, S.REPAIRED, "跳过送修")
    assert "已受理" in err.value.fields["status"]
    repairs.advance(staff_actor, saved.uuid, S.SENT, "送华为售后")
    repairs.advance(staff_actor, saved.uuid, S.REPAIRING)
    with pytest.raises(ValidationError):
        repairs.advance(staff_actor, saved.uuid, S.UNREPAIRABLE, "")  # a reason is required
    repairs.advance(staff_actor, saved.uuid, S.REPAIRED, "更换左耳单元")
    with pytest.raises(ValidationError):
        repairs.advance(staff_actor, saved.uuid, S.NOTIFIED)  # only through notify()
    with pytest.raises(ValidationError):
        repairs.pick_up(staff_actor, saved.uuid, "正常", True)  # not notified yet
    assert repairs.notify(staff_actor, saved.uuid, "phone", "no_answer") == S.REPAIRED
    assert repairs.notify(staff_actor, saved.uuid, "sms", "left_message", "短信已发") == S.NOTIFIED
    assert repairs.pick_up(staff_actor, saved.uuid, "试听正常，外观同收件时", True) == S.PICKED_UP
    repairs.advance(staff_actor, saved.uuid, S.CLOSED)
    with pytest.raises(ValidationError):
        repairs.advance(staff_actor, saved.uuid, S.ACCEPTED)
    order = repairs.get_repair(staff_actor, saved.uuid)
    assert order["status"] == S.CLOSED and order["customer_accepted"] is True and order["closed_at"]
    steps = [(e["kind"], e["to_status"], e["method"], e["result"]) for e in order["events"]]
    assert steps == [
        ("status", "accepted", "", ""), ("status", "sent", "", ""), ("status", "repairing", "", ""),
        ("status", "repaired", "", ""), ("notify", "repaired", "phone", "no_answer"),
        ("notify", "notified", "sms", "left_message"), ("pickup", "picked_up", "", "accepted"),
        ("status", "closed", "", ""),
    ]
    assert all(e["actor_name"] == "客服小王" and isinstance(e["at"], datetime) for e in order["events"])
    assert order["events"][1]["note"] == "送华为售后"


def test_rework_reopens_and_keeps_history(staff_actor):
    saved = repairs.create_repair(staff_actor, intake())
    for target in (S.SENT, S.REPAIRING, S.UNREPAIRABLE):
        repairs.advance(staff_actor, saved.uuid, target, "主板损坏")
    with pytest.raises(ValidationError):
        repairs.rework(staff_actor, saved.uuid, "再试一次")  # not handed back yet
    repairs.notify(staff_actor, saved.uuid, "phone", "reached")
    with pytest.raises(ValidationError) as err:
        repairs.pick_up(staff_actor, saved.uuid, "仍无声音", False)
    assert "note" in err.value.fields
    assert repairs.pick_up(staff_actor, saved.uuid, "仍无声音", False, "顾客要求再修") == S.ACCEPTED
    before = repairs.get_repair(staff_actor, saved.uuid)
    assert before["rework_count"] == 1 and before["events"][-1]["kind"] == "rework"
    for target in (S.SENT, S.REPAIRING, S.REPAIRED):
        repairs.advance(staff_actor, saved.uuid, target, "")
    repairs.notify(staff_actor, saved.uuid, "wechat", "reached")
    repairs.pick_up(staff_actor, saved.uuid, "正常", True)
    repairs.rework(staff_actor, saved.uuid, "回家后又坏了")
    after = repairs.get_repair(staff_actor, saved.uuid)
    assert after["rework_count"] == 2 and after["status"] == S.ACCEPTED
    assert len(after["events"]) == len(before["events"]) + 6
    assert [e["note"] for e in after["events"][: len(before["events"])]] == [e["note"] for e in before["events"]]


def test_photos_by_content_hash_and_non_images_refused(staff_actor, paths, tmp_path):
    photo = tmp_path / "front.PNG"
    photo.write_bytes(PNG)
    name = attachments.store_image(photo, paths.attachments)
    assert name == hashlib.sha256(PNG).hexdigest() + ".png"
    assert (paths.attachments / name).read_bytes() == PNG
    copy = tmp_path / "copy.jpg"
    copy.write_bytes(PNG)
    assert attachments.store_image(copy, paths.attachments) == name  # the same content is stored once
    fake = tmp_path / "virus.jpg"
    fake.write_bytes(b"MZ\x90\x00 not a picture")
    with pytest.raises(ValidationError) as err:
        attachments.store_image(fake, paths.attachments)
    assert "不是图片" in err.value.fields["photos"]
    assert image_kind(b"\xff\xd8\xff\xe0") == "jpg" and image_kind(b"RIFF\0\0\0\0WEBPVP8 ") == "webp"
    saved = repairs.create_repair(staff_actor, intake(photos=[name, name]))
    assert repairs.get_repair(staff_actor, saved.uuid)["photo_list"] == [name]


def test_stuck_orders_highlighted_and_filtered(staff_actor):
    old = repairs.create_repair(staff_actor, intake(customer_name="老订单"))
    repairs.create_repair(staff_actor, intake(customer_name="新订单"))
    RepairOrder.update(status_since=clock.now() - timedelta(days=4)).where(RepairOrder.uuid == old.uuid).execute()
    page = aftersales_list.list_repairs(staff_actor, ListQuery())
    assert {r["customer_name"]: r["stuck"] for r in page.rows} == {"老订单": True, "新订单": False}
    stuck = aftersales_list.list_repairs(staff_actor, ListQuery(filters={"stuck": True}))
    assert [r["customer_name"] for r in stuck.rows] == ["老订单"]
    assert aftersales_list.list_repairs(staff_actor, ListQuery(search="13700001111")).total == 2
    assert aftersales_list.list_repairs(staff_actor, ListQuery(search="老")).total == 1


def test_export_lists(staff_actor, tmp_path):
    repairs.create_repair(staff_actor, intake())
    assert aftersales_list.export_repairs(staff_actor, ListQuery(), tmp_path / "r.xlsx") == 1
    assert aftersales_list.export_returns(staff_actor, ListQuery(), tmp_path / "t.xlsx") == 0
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "r.xlsx").active
    assert ws["A1"].value == "编号" and ws["H2"].value == "保内" and ws["L2"].value == "已受理"


def _pdf_text(path) -> str:  # noqa: ANN001
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_printed_papers_contain_the_number(qapp, staff_actor, tmp_path):
    from frontdesk.domain.returns import ReturnInput
    from frontdesk.ui import printing
    from frontdesk.ui.i18n import cjk_family

    saved = repairs.create_repair(staff_actor, intake())
    back = returns.create_return(staff_actor, ReturnInput(
        "王女士", "13800138000", "return", "digital", "充电宝", Decimal("99"), clock.today(), receipt_no="A1",
        reason="无法充电", refund_amount="99"))
    docs = [aftersales_print.repair_receipt(staff_actor, saved.uuid, "测试服务台"),
            aftersales_print.pickup_slip(staff_actor, saved.uuid, "测试服务台"),
            aftersales_print.return_voucher(staff_actor, back.uuid, "测试服务台")]
    assert [d.copies for d in docs] == [["顾客联", "前台存根联"], ["顾客联", "存根联"], ["顾客联", "存根联"]]
    assert docs[0].qr_text == f"FD:WX:{saved.number}" and docs[2].qr_text == f"FD:TH:{back.number}"
    for doc in docs:
        path = printing.write_pdf(doc, tmp_path / f"{doc.title}.pdf")
        assert path.read_bytes().startswith(b"%PDF")
        if cjk_family() is None:
            continue
        text = _pdf_text(path)
        assert doc.number in text and doc.title in text
