"""The 80 mm roll-paper layout of a PrintDocument (receipt printers): one narrow column, the QR code under the
title, every copy after a tear-off line, on one page exactly as long as its content."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from frontdesk.domain.printdoc import Field, PrintDocument, Table, copy_caption
from frontdesk.ui.messages import localized

ROLL_WIDTH_MM = 80.0
ROLL_MARGIN_MM = 4.0  # most 80 mm printers print 72 mm of the 80
QR_MM = 26.0
CUT_LINE = "- - - - - - - - - - {0} - - - - - - - - - -"
QR_URL = "frontdesk-print:qr.png"  # as printing.QR_URL


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def render_receipt_html(doc: PrintDocument, qr_px: int) -> str:
    """The whole receipt as HTML: the copies one after another, a tear-off line between them."""
    labels = doc.copy_labels()
    parts = []
    for index in range(len(labels)):
        if index:
            cut = CUT_LINE.format(QCoreApplication.translate("Printing", "沿此线撕下"))
            parts.append(f'<p class="r-cut">{_text(cut)}</p>')
        parts.append(_copy(doc, localized(copy_caption(index, labels)), qr_px))
    return '<html><head><meta charset="utf-8"/></head><body>\n' + "\n".join(parts) + "\n</body></html>"


def _copy(doc: PrintDocument, caption: str, qr_px: int) -> str:
    out = []
    if doc.site_name:
        out.append(f'<p class="r-site">{_text(doc.site_name)}</p>')
    out.append(f'<p class="r-title">{_text(doc.title)}</p>')
    if caption:
        out.append(f'<p class="r-copy">{_text(caption)}</p>')
    if doc.subtitle:
        out.append(f'<p class="r-site">{_text(doc.subtitle)}</p>')
    if doc.qr_text:
        out.append(f'<p class="r-qr"><img src="{QR_URL}" width="{qr_px}" height="{qr_px}"/></p>')
    meta = []
    if doc.number:
        meta.append(_text(QCoreApplication.translate("Printing", "编号：{0}")).format(f"<b>{_text(doc.number)}</b>"))
    if doc.printed_at:
        meta.append(_text(QCoreApplication.translate("Printing", "打印时间：{0}").format(f"{doc.printed_at:%Y-%m-%d %H:%M}")))
    if meta:
        out.append(f'<p class="r-meta">{"<br/>".join(meta)}</p>')
    if doc.fields:
        out.append(_fields(doc.fields))
    out.extend(_table(t) for t in doc.tables)
    out.extend(f'<p class="r-meta">{_text(p)}</p>' for p in doc.paragraphs)
    out.extend(f'<p class="r-sign">{_text(QCoreApplication.translate("Printing", "{0}：").format(label))}'
               "______________________</p>" for label in doc.signature_lines)
    if doc.footer:
        out.append(f'<p class="r-footer">{_text(doc.footer)}</p>')
    return "\n".join(out)


def _fields(fields: list[Field]) -> str:
    rows = []
    for item in fields:
        if item.wide:  # a long text under its label, the whole width
            label = QCoreApplication.translate("Printing", "{0}：").format(item.label)
            rows.append(f'<tr><td class="r-label" colspan="2">{_text(label)}</td></tr>')
            rows.append(f'<tr><td class="r-wide" colspan="2">{_text(item.value) or "&nbsp;<br/>&nbsp;"}</td></tr>')
        else:
            rows.append(f'<tr><td class="r-label" width="28%">{_text(item.label)}</td>'
                        f'<td class="r-value">{_text(item.value) or "&nbsp;"}</td></tr>')
    return '<table class="r-fields" width="100%" cellspacing="0" cellpadding="1">\n' + "\n".join(rows) + "\n</table>"


def _table(table: Table) -> str:
    title = f'<p class="r-section">{_text(table.title)}</p>' if table.title else ""
    head = "".join(f'<th class="r-head">{_text(h)}</th>' for h in table.headers)
    body = "\n".join(
        "<tr>" + "".join(f'<td class="r-cell" align="{a}">{_text(c) or "&nbsp;"}</td>'
                         for c, a in zip(row, table.align, strict=True)) + "</tr>"
        for row in table.rows)
    return (f'{title}<table class="r-data" width="100%" cellspacing="0" cellpadding="1">\n'
            f"<tr>{head}</tr>\n{body}\n</table>")
