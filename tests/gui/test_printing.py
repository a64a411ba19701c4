"""Printed forms: PDF with extractable Chinese text, QR resource, one page per copy, preview."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
import subprocess  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, QUrl  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPageSize, QTextDocument  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from frontdesk.domain.printdoc import PrintDocument, Table  # noqa: E402
from frontdesk.errors import UserError  # noqa: E402
from frontdesk.ui import printing  # noqa: E402
from frontdesk.ui.i18n import cjk_family  # noqa: E402

NUMBER = "S01-TS-20261123-0003"


def _png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#4472c4"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def _slip(**changes: object) -> PrintDocument:
    values: dict[str, object] = {
        "title": "投诉转办处理单",
        "subtitle": "（请于规定时限内处理并回复）",
        "site_name": "S01 万象城服务台",
        "number": NUMBER,
        "fields": [
            ("投诉人", "张三"),
            ("联系电话", "13800138000"),
            ("受理人", "李四"),
            ("被投诉单位", "三楼 312 号 <某某餐饮> & 分店"),
            ("投诉内容", "服务员态度恶劣，拒绝提供发票。\n要求道歉并补开发票。", True),
            ("处理意见", "", True),
        ],
        "tables": [Table(["序号", "转办部门"], [["1", "营运部"]], title="转办记录")],
        "paragraphs": ["本单一式两联。"],
        "signature_lines": ["经办人", "部门负责人", "日期"],
        "copies": ["存根联", "转办联"],
        "qr_text": NUMBER,
        "printed_at": datetime(2026, 11, 23, 14, 30),
    }
    values.update(changes)
    return PrintDocument(**values)  # type: ignore[arg-type]


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: cannot check the PDF's text")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_pdf_has_number_and_chinese_text(qapp, tmp_path):
    path = printing.write_pdf(_slip(), tmp_path / "slip.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data, "the font must be embedded"
    if cjk_family() is None:
        pytest.skip("no Simplified Chinese font installed (Debian: fonts-noto-cjk)")
    text = _pdf_text(path)
    assert NUMBER in text
    for label in (
        "投诉转办处理单",
        "投诉人",
        "受理人",
        "处理意见",
        "部门负责人",
        "第1联 存根联",
        "第2联 转办联",
    ):
        assert label in text
    # radicals (⼈ U+2F08, ⻔ U+2ED4) sharing the glyph of 人 and 门 are mapped back to the ideographs
    assert not any(0x2E80 <= ord(char) <= 0x2FDF for char in text)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_pdf_is_readable_by_the_user_only(qapp, tmp_path):
    old = os.umask(0o022)
    try:
        path = printing.write_pdf(_slip(), tmp_path / "slip.pdf")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o600


def test_unwritable_pdf_path_is_a_user_error(qapp, tmp_path):
    with pytest.raises(UserError, match="无法写入"):
        printing.write_pdf(_slip(), tmp_path / "missing-folder" / "slip.pdf")


def test_each_copy_on_its_own_page(qapp):
    doc = _slip()
    html = printing.render_html(doc)
    assert html.count("page-break-before: always") == 1
    assert printing.build_text_document(doc).pageCount() == 2
    assert printing.build_text_document(_slip(copies=[])).pageCount() == 1


def test_qr_code_is_an_image_resource(qapp):
    text = printing.build_text_document(_slip())
    assert f'src="{printing.QR_URL}"' in printing.render_html(_slip())
    qr = text.resource(QTextDocument.ResourceType.ImageResource, QUrl(printing.QR_URL))
    assert isinstance(qr, QImage) and not qr.isNull()
    assert qr.width() == qr.height()

    plain = printing.build_text_document(_slip(qr_text=None))
    assert printing.QR_URL not in printing.render_html(_slip(qr_text=None))
    assert plain.resource(QTextDocument.ResourceType.ImageResource, QUrl(printing.QR_URL)) is None


def test_chart_images_fit_the_page_width(qapp):
    doc = _slip(images=[_png(3000, 1000), _png(200, 100)], paper="A5")
    text = printing.build_text_document(doc)
    html = printing.render_html(doc, content_width_px=500)
    assert 'width="500" height="167"' in html
    assert 'width="200" height="100"' in html
    assert not text.resource(QTextDocument.ResourceType.ImageResource, QUrl(printing.image_url(1))).isNull()


def test_values_are_escaped_and_fonts_are_chinese(qapp):
    html = printing.render_html(_slip())
    assert "&lt;某某餐饮&gt; &amp; 分店" in html
    assert "服务员态度恶劣，拒绝提供发票。<br/>要求道歉并补开发票。" in html
    assert printing.document_font(_slip()).families()[0] == "Noto Sans CJK SC"
    assert '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"' in printing.stylesheet("A4")


def test_print_document_on_a_pdf_printer(qapp, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(printing.page_layout(_slip(paper="A5")))
    printing.print_document(_slip(paper="A5"), printer)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_print_preview_paints_the_document(qtbot):
    dialog = printing.make_print_preview(_slip(), None)
    qtbot.addWidget(dialog)
    painted: list[QPrinter] = []
    dialog.paintRequested.connect(painted.append)
    assert dialog.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted))
    dialog.reject()


def test_fix_to_unicode_rewrites_targets_in_place():
    cmap = (
        b"1 0 obj\n<< /Type /Font /ToUnicode 7 0 R >>\nendobj\n"
        b"7 0 obj\n<< /Length 99 >>\nstream\n"
        b"2 beginbfchar\n<0005> <2F08>\n<2F08> <0041>\nendbfchar\n"
        b"3 beginbfrange\n<0001> <0003> [<0053> <0009> <2ED4>]\n<0004> <0004> <2F00>\n"
        b"<0010> <0011> <2F08>\nendbfrange\nendstream\nendobj\n"
    )
    fixes = {0x2F08: 0x4EBA, 0x2ED4: 0x95E8, 0x2F00: 0x4E00, 0x0009: 0x0020}
    fixed = printing.fix_to_unicode(cmap, fixes)
    assert len(fixed) == len(cmap)
    assert b"<0005> <4EBA>" in fixed
    assert b"<2F08> <0041>" in fixed  # a source code is never touched
    assert b"[<0053> <0020> <95E8>]" in fixed
    assert b"<0004> <0004> <4E00>" in fixed
    assert b"<0010> <0011> <2F08>" in fixed  # a counting range is left alone


def test_unicode_fixes_know_radicals_of_the_cjk_font(qapp):
    if cjk_family() is None:
        pytest.skip("no Simplified Chinese font installed (Debian: fonts-noto-cjk)")
    fixes = printing.unicode_fixes(printing.document_font(_slip()))
    assert fixes[0x2F08] == ord("人")
    assert fixes[0x0009] == ord(" ")
