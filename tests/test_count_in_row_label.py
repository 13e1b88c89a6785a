"""A count asked of what a table row names ("bao nhiêu học sinh bán trú") is held by that row's figures, whatever
unit column it has ("Người", "Giường", "HTX"): `retrieval.evidence.clause_holds_value`."""
from __future__ import annotations

from corpus.model import Clause
from retrieval.evidence import clause_holds_value
from retrieval.query import answer_slot, folded


def _row(label: str, years: dict[int, str], unit: str) -> Clause:
    text = f"{label} — Đơn vị tính: {unit}; " + "; ".join(f"Năm {y}: {v}" for y, v in years.items())
    return Clause(id="d:0001", doc_id="d", kind="table_row", label=None, section_path=[], text=text, source="d.md",
                  lines=(1, 1), columns={"noi_dung": label, "don_vi_tinh": unit},
                  year_values=years)


def test_a_rows_figures_count_what_its_label_names():
    # a finance plan's forecast table, a health plan's bed counts, an agriculture plan's cooperatives
    cases = [
        ("ca mau du kien nam 2028 co bao nhieu hoc sinh ban tru", _row("+ Học sinh bán trú", {2028: "28.098"}, "Người")),
        ("Năm 2026 có bao nhiêu giường bệnh cấp tỉnh?", _row("- Số giường bệnh cấp tỉnh", {2026: "3.120"}, "Giường")),
        ("Đến năm 2030 có bao nhiêu hợp tác xã nông nghiệp?", _row("Hợp tác xã nông nghiệp", {2030: "450"}, "HTX")),
    ]
    for question, row in cases:
        slot = answer_slot(folded(question))
        assert slot is not None and slot.kind == "count", question
        assert clause_holds_value(row, slot), question


def test_a_row_naming_something_else_does_not_hold_the_count():
    slot = answer_slot(folded("ca mau du kien nam 2028 co bao nhieu hoc sinh ban tru"))
    assert not clause_holds_value(_row("- Số giáo viên", {2028: "20.954"}, "Người"), slot)


def test_a_row_of_money_or_shares_does_not_count_the_thing_its_label_names():
    slot = answer_slot(folded("Xã An Hưng phấn đấu có bao nhiêu sản phẩm OCOP đạt 4 sao trở lên?"))
    assert not clause_holds_value(_row("- Giá trị sản phẩm/1ha đất trồng trọt đạt", {2030: "150"}, "Triệu/đồng"), slot)
    assert not clause_holds_value(_row("Tỷ lệ sản phẩm qua chế biến", {2030: "40"}, "%"), slot)
