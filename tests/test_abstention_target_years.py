"""A figure's typed target years are points, not a span (`evidence.target_years`, read by `year_of_value`, issue #10).

"phấn đấu đến năm 2030 đạt 30%" under a roadmap stage "1. Giai đoạn 2025 - 2030" is the 2030 figure: a question asking
the share for 2027 is a near-miss however well the rest matches, though 2027 lies inside the stage. A row with year
columns holds one figure per column year; a clause with no typed figure keeps its span (its heading's stage, its
plan's period). Wordings modelled on an SME technology roadmap, a commune's social-insurance targets and a province's
crop-area table; the store is a small in-memory one read by the real `Evidence`.
"""
from __future__ import annotations

from functools import partial

from corpus.model import Document, Locality, Target
from retrieval.evidence import Evidence, target_years
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause, read_evidence

PLANS = {
    "cn": Document("cn", "cn.md", title="Kế hoạch Đổi mới công nghệ doanh nghiệp giai đoạn 2025 - 2035", kind="Kế hoạch",
                   locality=Locality(province="Đồng Tháp")),
    "xa": Document("xa", "xa.md", title="Kế hoạch Phát triển kinh tế - xã hội xã Lạc Phượng giai đoạn 2026 - 2030",
                   kind="Kế hoạch", locality=Locality(province="Hải Phòng")),
    "ch": Document("ch", "ch.md", title="Kế hoạch Phát triển cây chè giai đoạn 2026 - 2030", kind="Kế hoạch",
                   locality=Locality(province="Sơn La")),
}
_STAGE = ["III. LỘ TRÌNH THỰC HIỆN", "1. Giai đoạn 2025 - 2030"]
CLAUSES = [
    # a roadmap stage's figure for its last year
    plan_clause("cn", 242, "- Tập trung hỗ trợ các doanh nghiệp nhỏ và vừa ứng dụng công nghệ tiên tiến, phấn đấu đến "
                "năm 2030 đạt 30% doanh nghiệp nhỏ và vừa thực hiện.", _STAGE,
                target=Target([30.0], "%", "=", 2030, "đạt 30%"), deadline="2025 - 2030"),
    # a stage's task with no figure of its own: its span is the stage's
    plan_clause("cn", 250, "- Hỗ trợ doanh nghiệp nhỏ và vừa đổi mới công nghệ, tỷ lệ ứng dụng công nghệ số tăng dần.",
                _STAGE),
    # a commune's target stated once for 2030
    plan_clause("xa", 31, "- Tỷ lệ người tham gia bảo hiểm y tế đạt 95% dân số.", ["II. MỤC TIÊU", "Mục tiêu đến năm 2030"],
                target=Target([95.0], "%", "=", 2030, "đạt 95%")),
    # a table row with a figure for each year column
    plan_clause("ch", 120, "Diện tích chè kinh doanh (ha)", ["PHỤ LỤC"], kind="table_row",
                year_values={2026: "6.500", 2027: "6.700", 2028: ""}),
]


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


_read = partial(read_evidence, plans=PLANS)


def test_a_figures_typed_years_are_its_target_year_its_columns_and_its_own_text_years():
    roadmap, plain, commune, row = CLAUSES
    assert target_years(roadmap) == {2030}  # the stage's 2025 is the deadline's span, not a figure's year
    assert target_years(commune) == {2030}
    assert target_years(row) == {2026, 2027}  # an empty year column states no figure
    assert target_years(plain) == set()  # no typed figure: read as a span elsewhere


def test_a_stage_figure_for_its_last_year_does_not_answer_a_year_inside_the_stage():
    ev = _evidence()
    asked = "Năm {} Đồng Tháp phấn đấu bao nhiêu phần trăm doanh nghiệp nhỏ và vừa ứng dụng công nghệ tiên tiến?"
    assert _read(ev, "year_of_value", asked.format(2027), [("cn", 242)]) == 0.0
    assert _read(ev, "year_of_value", asked.format(2030), [("cn", 242)]) == 1.0
    # a period asked that holds the target's year is answered by it
    assert _read(ev, "year_of_value", asked.replace("Năm {}", "Giai đoạn 2026-2030"), [("cn", 242)]) == 1.0


def test_a_commune_target_for_2030_does_not_answer_an_earlier_year():
    ev = _evidence()
    asked = "Tỷ lệ người tham gia bảo hiểm y tế của xã Lạc Phượng năm {} đạt bao nhiêu phần trăm?"
    assert _read(ev, "year_of_value", asked.format(2027), [("xa", 31)]) == 0.0
    assert _read(ev, "year_of_value", asked.format(2030), [("xa", 31)]) == 1.0


def test_a_rows_year_columns_answer_each_year_they_fill():
    ev = _evidence()
    asked = "Diện tích chè kinh doanh của Sơn La năm {} là bao nhiêu ha?"
    assert _read(ev, "year_of_value", asked.format(2027), [("ch", 120)]) == 1.0
    assert _read(ev, "year_of_value", asked.format(2028), [("ch", 120)]) == 0.0  # its 2028 column is empty
    assert _read(ev, "year_of_value", asked.format(2029), [("ch", 120)]) == 0.0


def test_a_value_asked_without_a_typed_figure_keeps_its_stage_span():
    ev = _evidence()
    # no kind of figure typed on the clause: the stage 2025-2030 holds 2027 as before
    assert _read(ev, "year_of_value", "Năm 2027 Đồng Tháp hỗ trợ doanh nghiệp nhỏ và vừa đổi mới công nghệ thế nào, "
                 "tỷ lệ bao nhiêu phần trăm?", [("cn", 250)]) == 1.0
