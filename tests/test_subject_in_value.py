"""The value asked for must stand in a clause that names what the question asks it of (`subject_in_value`).

A near-miss often asks a figure of an indicator the plan does not set, while the plan sets figures for its
neighbours and writes the indicator's words elsewhere: "tỷ lệ lao động qua đào tạo" against a commune plan whose
BHXH row reads "62% lực lượng lao động" and whose education bullet reads "đào tạo"; "kim ngạch nhập khẩu" against an
export plan's export rows; "trạm 6G" against a 5G plan. Wordings come from four plans (a commune's socio-economic
plan, a province's export plan, a 5G plan for industrial parks, a national culture network plan); the store is a
small in-memory one read by the real `Evidence`.
"""
from __future__ import annotations

from corpus.model import Clause, Document, Locality, Target
from retrieval.evidence import EVIDENCE, Evidence
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore


PLANS = {
    "lp": Document("lp", "lp.md", title="Kế hoạch phát triển kinh tế - xã hội xã Lạc Phượng giai đoạn 2026 - 2030",
                   kind="Kế hoạch", locality=Locality("xã", "Lạc Phượng", "Hải Phòng")),
    "sl": Document("sl", "sl.md", title="Kế hoạch phát triển xuất khẩu nông sản tỉnh Sơn La giai đoạn 2026 - 2030",
                   kind="Kế hoạch", locality=Locality(province="Sơn La")),
    "g5": Document("g5", "g5.md", title="Kế hoạch Phát triển hệ thống sóng viễn thông 5G trong các Khu công nghiệp",
                   kind="Kế hoạch"),
    "vh": Document("vh", "vh.md", title="Quyết định Về việc ban hành kế hoạch thực hiện quy hoạch mạng lưới cơ sở "
                   "văn hóa và thể thao", kind="Quyết định"),
}


def _clause(doc: str, n: int, text: str, headings: list[str], kind: str = "item", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kind, label=None, section_path=headings, text=text,
                  source=f"{doc}.md", lines=(n, n), **kw)


CLAUSES = [
    _clause("lp", 120, "(13) Tỷ lệ người tham gia bảo hiểm xã hội đến năm 2030 đạt trên 62% lực lượng lao động trong "
            "độ tuổi.", ["II. MỘT SỐ CHỈ TIÊU", "1. Chỉ tiêu chủ yếu đến năm 2030"],
            target=Target([62.0], "%", ">", 2030, "trên 62%")),
    _clause("lp", 170, "- 100% trường học có phòng học thông minh. Chú trọng đào tạo, bồi dưỡng đội ngũ giáo viên; "
            "duy trì hoạt động các trung tâm học tập cộng đồng.",
            ["2. Lĩnh vực Văn hoá - xã hội", "a. Nâng cao chất lượng giáo dục và đào tạo"], kind="bullet",
            target=Target([100.0], "%", "=", 2030, "100%")),
    _clause("lp", 125, "(15) Tỷ lệ lao động qua đào tạo đến năm 2030 đạt 75%.",
            ["II. MỘT SỐ CHỈ TIÊU", "1. Chỉ tiêu chủ yếu đến năm 2030"],
            target=Target([75.0], "%", "=", 2030, "đạt 75%")),
    _clause("sl", 40, "Sản lượng\tTấn\t12.000\t15.000", ["PHỤ LỤC 01", "2. Xoài"], kind="table_row",
            columns={"noi_dung": "Sản lượng", "don_vi_tinh": "Tấn"}, year_values={2026: "12.000", 2030: "15.000"},
            target=Target([15000.0], "tấn", "=", 2030, "15.000")),
    _clause("sl", 12, "Kim ngạch xuất khẩu nông sản đến năm 2030 đạt 300 triệu USD.",
            ["I. MỤC TIÊU", "2. Mục tiêu cụ thể"], target=Target([300.0], "triệu USD", "=", 2030, "300 triệu USD")),
    _clause("g5", 60, "- Đến năm 2030, tổng số trạm 5G trong các khu công nghiệp đạt 500 trạm.",
            ["II. MỤC TIÊU"], kind="bullet", target=Target([500.0], "trạm", "=", 2030, "500 trạm")),
    _clause("vh", 300, "Vốn ngân sách nhà nước chiếm khoảng 30% tổng nhu cầu vốn đầu tư.",
            ["V. NHU CẦU VỐN ĐẦU TƯ"], target=Target([30.0], "%", "=", None, "khoảng 30%")),
]


def _read(question: str, answer_lines: list[tuple[str, int]]) -> float:
    """`subject_in_value` for ``question`` answered by the clauses at (plan, first line), best first."""
    ev = Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]
    pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(CLAUSES)}
    ranked = [(pos[k], 0.9 - 0.1 * i, 1.0) for i, k in enumerate(answer_lines)]
    return EVIDENCE["subject_in_value"].read(ev, analyse(question, PLANS, [], words=ev.words), ranked)


def test_an_indicator_whose_words_the_plan_writes_apart_is_not_the_one_a_neighbours_figure_is_for():
    asked = "Tỷ lệ lao động qua đào tạo của xã Lạc Phượng đến năm 2030 đạt bao nhiêu?"
    # the BHXH row writes "lao động", the education bullet "đào tạo": neither names trained labour
    assert _read(asked, [("lp", 120), ("lp", 170)]) < 0.5
    # the row that sets it does
    assert _read(asked, [("lp", 125), ("lp", 120)]) == 1.0


def test_a_table_row_names_what_its_label_means_under_its_heading():
    # "Sản lượng" under "2. Xoài" is the "sản lượng xoài" asked, in the question's order or not
    assert _read("Sản lượng xoài của Sơn La năm 2030 là bao nhiêu tấn?", [("sl", 40)]) == 1.0
    # an export plan's export figure is not the import figure asked
    assert _read("Kim ngạch nhập khẩu của Sơn La đến năm 2030 là bao nhiêu?", [("sl", 12)]) < 0.7
    assert _read("Kim ngạch xuất khẩu nông sản của Sơn La đến năm 2030 là bao nhiêu?", [("sl", 12)]) == 1.0


def test_a_figure_for_another_technology_or_another_share_does_not_hold_the_value_asked():
    assert _read("Đến năm 2030 có bao nhiêu trạm 5G trong các khu công nghiệp?", [("g5", 60)]) == 1.0
    assert _read("Đến năm 2030 có bao nhiêu trạm 6G trong các khu công nghiệp?", [("g5", 60)]) < 1.0
    # the share of the state budget is this row's; the share of private capital is not
    state = _read("Vốn ngân sách nhà nước chiếm bao nhiêu phần trăm tổng vốn đầu tư mạng lưới cơ sở văn hóa?",
                  [("vh", 300)])
    private = _read("Vốn xã hội hóa chiếm bao nhiêu phần trăm tổng vốn đầu tư mạng lưới cơ sở văn hóa?", [("vh", 300)])
    assert private < 0.3 < state


def test_no_value_asked_or_no_clause_holding_one_reads_as_such():
    assert _read("Phát triển 5G trong các khu công nghiệp thế nào?", [("g5", 60)]) == 1.0  # no value asked
    # a question asking a sum in đồng, answered only by a clause counting trạm: no clause holds it
    assert _read("Tổng kinh phí phát triển trạm 5G trong các khu công nghiệp là bao nhiêu tỷ đồng?",
                 [("g5", 60)]) == 0.0


def _check(question: str, answer_lines: list[tuple[str, int]]) -> float:
    """`indicator_of_value` for ``question`` answered by the clauses at (plan, first line), best first."""
    ev = Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]
    pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(CLAUSES)}
    ranked = [(pos[k], 0.9 - 0.1 * i, 1.0) for i, k in enumerate(answer_lines)]
    return EVIDENCE["indicator_of_value"].read(ev, analyse(question, PLANS, [], words=ev.words), ranked)


def test_a_figure_is_refused_when_its_clause_names_only_the_head_word_of_the_indicator_asked():
    # one pair of four ("lao động") is the BHXH row's head word, not the indicator asked
    assert _check("Tỷ lệ lao động qua đào tạo của xã Lạc Phượng đến năm 2030 đạt bao nhiêu?",
                  [("lp", 120), ("lp", 170)]) == 0.0
    assert _check("Tỷ lệ lao động qua đào tạo của xã Lạc Phượng đến năm 2030 đạt bao nhiêu?", [("lp", 125)]) == 1.0
    # a row "Sản lượng" under "2. Xoài" holds no share of mango area with a growing-area code
    assert _check("Tỷ lệ diện tích xoài được cấp mã số vùng trồng của Sơn La năm 2030 là bao nhiêu?",
                  [("sl", 40)]) == 0.0
    assert _check("Kim ngạch xuất khẩu nông sản của Sơn La đến năm 2030 là bao nhiêu?", [("sl", 12)]) == 1.0
    assert _check("Vốn xã hội hóa chiếm bao nhiêu phần trăm tổng vốn đầu tư mạng lưới cơ sở văn hóa?",
                  [("vh", 300)]) == 0.0


def test_the_indicator_check_leaves_questions_asking_no_figure_alone():
    # a deadline or a lead asked is a task's, read by other checks; no value asked at all
    assert _check("Phát triển trạm 6G trong các khu công nghiệp thế nào?", [("g5", 60)]) == 1.0
    assert _check("Ai chủ trì tuyển sinh lao động qua đào tạo ở xã Lạc Phượng?", [("lp", 120)]) == 1.0
    # a table row named by its label under its heading passes
    assert _check("Sản lượng xoài của Sơn La năm 2030 là bao nhiêu tấn?", [("sl", 40)]) == 1.0
    # a short subject sharing its head pair passes: "kim ngạch nhập khẩu" is left to the graded `subject_in_value`
    assert _check("Kim ngạch nhập khẩu của Sơn La đến năm 2030 là bao nhiêu?", [("sl", 12)]) == 1.0
