"""The print document model: field packing, copies, validation (no Qt)."""

from __future__ import annotations

import pytest

from frontdesk.domain.printdoc import Field, PrintDocument, Table, as_field, copy_caption, pack_fields

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_tuples_become_fields_and_none_prints_blank():
    doc = PrintDocument("退换货凭证", fields=[("单号", "S01-TH-1"), ("备注", None), ("说明", 12, True)])
    assert doc.fields == [Field("单号", "S01-TH-1"), Field("备注", ""), Field("说明", "12", True)]
    assert as_field(Field("a", "b", True)) == Field("a", "b", True)


def test_pack_fields_two_per_row_and_wide_fields_alone():
    a, b, c, d = (Field(x, x) for x in "abcd")
    wide = Field("投诉内容", "……", wide=True)
    assert pack_fields([a, b, c, wide, d], 2) == [[a, b], [c], [wide], [d]]
    assert pack_fields([a, b, c], 3) == [[a, b, c]]
    assert pack_fields([], 2) == []


def test_copies_and_captions():
    doc = PrintDocument("维修受理单", copies=["客户联", "存根联"])
    labels = doc.copy_labels()
    assert [copy_caption(i, labels) for i in range(len(labels))] == ["第1联 客户联", "第2联 存根联"]
    assert PrintDocument("取件单").copy_labels() == [""]
    assert copy_caption(0, [""]) == ""
    assert copy_caption(0, ["客户联"]) == "客户联"


def test_table_cells_are_text_and_rows_must_fit_headers():
    table = Table(["序号", "金额"], [[1, None]], align=["center"])
    assert table.rows == [["1", ""]]
    assert table.align == ["center", "left"]
    with pytest.raises(ValueError, match="row 1 has 1 cells"):
        Table(["序号", "金额"], [["1"]])
    with pytest.raises(ValueError):
        Table([])
    with pytest.raises(ValueError):
        Table(["金额"], align=["middle"])  # type: ignore[list-item]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"title": " "},
        {"title": "单", "paper": "B5"},
        {"title": "单", "field_columns": 0},
        {"title": "单", "images": [b"GIF89a"]},
    ],
)
def test_invalid_documents_are_refused(kwargs):
    with pytest.raises(ValueError):
        PrintDocument(**kwargs)


def test_png_images_accepted():
    assert PrintDocument("报表", images=[PNG_SIGNATURE + b"rest"]).images
