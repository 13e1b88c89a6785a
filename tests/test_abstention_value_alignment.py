"""Abstention evidence reads the value asked where the answer quotes it, and of the thing asked (issue #10).

A bare title found first is quoted with its whole short enumeration (`strategies.title_body`), so the value in the
enumeration's second item is the answer's too (`Evidence.title_body`, `slot_score`). A unit asked for is a unit named,
not the words "ban hành", "xã hội", "giai đoạn" (`clause_holds_value`). A value stands in a clause naming what is
asked (`value_names_subject`), and the year asked is the one of the clause naming it best (`year_of_value`,
`Evidence.naming_subject`). A document number's year is not a year asked (`query.years_asked`); a plan named "kế
hoạch thi hành …" keeps its name past "thi hành" (`Evidence.plan_name_words`), and is matched by word pairs
(`plan_title_pairs`). A place's name read from capitals stops where they do (`query._NAMED_PLACE`). Wordings from a
procedure-simplification decision, an export plan, a budget section, a standards-law plan, a 5G plan, a KT-XH plan
and a data-protection plan; the store is a small in-memory one read by the real `Evidence`.
"""
from __future__ import annotations

from functools import partial

from corpus.model import Document, Locality, Target
from retrieval.evidence import Evidence, clause_holds_value
from retrieval.query import AnswerSlot, analyse, years_asked, numbers_named
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, duty_clause, plan_clause, read_evidence


PLANS = {
    "tt": Document("tt", "tt.md", title="Quyết định Thông qua phương án đơn giản hóa thủ tục hành chính ngành Y tế",
                   kind="Quyết định", locality=Locality(province="Đồng Nai")),
    "xk": Document("xk", "xk.md", title="Kế hoạch Xuất khẩu sản phẩm hàng hóa chủ lực giai đoạn 2026 - 2030",
                   kind="Kế hoạch", locality=Locality(province="Sơn La")),
    "tc": Document("tc", "tc.md", title="Kế hoạch Triển khai thi hành Luật sửa đổi Luật Tiêu chuẩn và quy chuẩn kỹ "
                   "thuật", kind="Kế hoạch", locality=Locality(province="Lai Châu")),
    "kt": Document("kt", "kt.md", title="Kế hoạch Phát triển kinh tế - xã hội năm 2026", kind="Kế hoạch",
                   locality=Locality(province="Cà Mau")),
    "g5": Document("g5", "g5.md", title="Kế hoạch Phát triển hạ tầng 5G trong các Khu công nghiệp", kind="Kế hoạch",
                   locality=Locality(province="Nghệ An")),
}
_SHEET = ["PHỤ LỤC", "1. Thủ tục Xác định mức độ khuyết tật"]
_SIMPLE = "1.1. Nội dung đơn giản hóa"
_TIME = "2. Thời gian thực hiện"
_FUNDS = "IV. KINH PHÍ THỰC HIỆN"
_STRATEGY = "6. Tổ chức triển khai thực hiện Chiến lược tiêu chuẩn quốc gia"
_FORECAST = ["DỰ BÁO MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU"]
CLAUSES = [
    # a procedure sheet: the days cut stand in the enumeration's second line
    plan_clause("tt", 273, _SIMPLE, _SHEET, kind="heading"),
    plan_clause("tt", 275, "- Bỏ thành phần hồ sơ là bản sao giấy khai sinh.", _SHEET + [_SIMPLE]),
    plan_clause("tt", 277, "- Rút ngắn thời gian giải quyết từ 25 ngày làm việc còn 20 ngày làm việc.", _SHEET + [_SIMPLE]),
    plan_clause("tt", 285, "1.2. Kiến nghị thực thi", _SHEET, kind="heading"),
    plan_clause("tt", 287, "- Sửa đổi thông tư của Bộ về xác định mức độ khuyết tật.", _SHEET + ["1.2. Kiến nghị thực thi"]),
    # an export plan: the time in its second item
    plan_clause("xk", 40, _TIME, ["I. MỤC ĐÍCH, YÊU CẦU"], kind="heading"),
    plan_clause("xk", 41, "a) Rà soát, lựa chọn sản phẩm chủ lực tham gia xuất khẩu.", ["I. MỤC ĐÍCH, YÊU CẦU", _TIME]),
    plan_clause("xk", 42, "b) Hoàn thành rà soát trước ngày 30/6/2026.", ["I. MỤC ĐÍCH, YÊU CẦU", _TIME]),
    # … and its budget, the sum in the second source
    plan_clause("xk", 90, _FUNDS, [], kind="heading"),
    plan_clause("xk", 91, "1. Ngân sách tỉnh bảo đảm theo phân cấp hiện hành.", [_FUNDS]),
    plan_clause("xk", 92, "2. Tổng kinh phí xã hội hóa dự kiến 12 tỷ đồng.", [_FUNDS]),
    # a standards-law plan: a section naming no unit, another task's lead two clauses on
    plan_clause("tc", 209, _STRATEGY, ["III. NHIỆM VỤ"], kind="heading"),
    plan_clause("tc", 213, "Thời gian thực hiện sau khi Chiến lược tiêu chuẩn quốc gia được ban hành.",
            ["III. NHIỆM VỤ", _STRATEGY], kind="paragraph"),
    duty_clause("tc", 69, "1. Tuyên truyền, phổ biến, giáo dục pháp luật cho cán bộ, nhân dân.",
                lead="Sở Tư pháp"),
    duty_clause("tc", 171, "4. Kiểm tra việc thi hành Luật Tiêu chuẩn và quy chuẩn kỹ thuật.",
                lead="Sở Khoa học và Công nghệ"),
    # a KT-XH plan: a CPI row for 2025–2028 beside a forecast for 2026–2030
    plan_clause("kt", 680, "4. Chỉ số giá tiêu dùng (CPI) — Đơn vị tính: %; Năm 2025: 5,04; Năm 2026: 5,21; Năm 2028: 5,21",
            _FORECAST, kind="table_row", year_values={2025: "5,04", 2026: "5,21", 2028: "5,21"},
            target=Target(values=[5.21], unit="%", comparison="=", year=2026, text="5,21")),
    plan_clause("kt", 351, "- Dự báo giai đoạn 2026 - 2030 tốc độ tăng trưởng GRDP của tỉnh đạt 8%.", ["I. DỰ BÁO"]),
    plan_clause("kt", 360, "- Chỉ số giá tiêu dùng (CPI) dự báo tăng khoảng 4% đến năm 2030.", ["I. DỰ BÁO"]),
    # a 5G plan: a report sent to a department, and prose on growth
    plan_clause("g5", 246, "- Định kỳ báo cáo kết quả triển khai về Sở Khoa học và Công nghệ.", ["IV. TỔ CHỨC THỰC HIỆN"]),
    plan_clause("g5", 250, "- Phát triển kinh tế - xã hội gắn với thị trường lao động trong khu công nghiệp.", ["II. MỤC TIÊU"]),
]


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


_read = partial(read_evidence, plans=PLANS)


def test_a_value_in_the_second_item_of_a_bare_titles_enumeration_is_the_answers():
    ev = _evidence()
    pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(ev.store.clauses)}
    assert ev.title_body(pos[("tt", 273)]) == (pos[("tt", 275)], pos[("tt", 277)])
    # the title the ranker found holds what the answer quotes under it: the days, the date, the sum
    for question, title in [("Thủ tục xác định mức độ khuyết tật ở Đồng Nai được rút ngắn còn bao nhiêu ngày?", ("tt", 273)),
                            ("Sơn La phải hoàn thành rà soát sản phẩm xuất khẩu trước ngày nào?", ("xk", 40)),
                            ("Tổng kinh phí xã hội hóa cho kế hoạch xuất khẩu là bao nhiêu tỷ đồng?", ("xk", 90))]:
        assert _read(ev, "slot_score", question, [title]) > 0, question
        assert _read(ev, "slot_filled", question, [title]) == 1.0, question


def test_a_bare_titles_enumeration_without_the_value_is_still_a_near_miss():
    ev = _evidence()
    assert _read(ev, "slot_score", "Phương án ở Đồng Nai cắt giảm chi phí bao nhiêu phần trăm?", [("tt", 285)]) == 0.0
    assert _read(ev, "slot_filled", "Sơn La xuất khẩu bao nhiêu tấn xoài?", [("xk", 40)]) == 0.0


def test_a_unit_asked_for_is_a_unit_named_not_its_head_word_in_another_word():
    agency = AnswerSlot("agency")
    by_line = {(c.doc_id, c.lines[0]): c for c in CLAUSES}
    # "được ban hành", "kinh tế - xã hội", "giai đoạn", "thị trường": no unit
    assert not clause_holds_value(by_line[("tc", 213)], agency)
    assert not clause_holds_value(by_line[("g5", 250)], agency)
    assert not clause_holds_value(by_line[("kt", 351)], agency)
    # a department named in the text, or a typed lead
    assert clause_holds_value(by_line[("g5", 246)], agency)
    assert clause_holds_value(by_line[("tc", 69)], agency)


def test_a_value_stands_in_a_clause_naming_what_is_asked():
    ev = _evidence()
    # the strategy's section names no unit; another task's lead is not the one asked
    assert _read(ev, "value_names_subject", "Cơ quan nào chủ trì triển khai Chiến lược tiêu chuẩn quốc gia ở Lai Châu?",
                 [("tc", 209), ("tc", 213), ("tc", 69)]) == 0.0
    assert _read(ev, "value_names_subject", "Cơ quan nào chủ trì kiểm tra việc thi hành Luật Tiêu chuẩn ở Lai Châu?",
                 [("tc", 171)]) == 1.0
    # the 5G plan: the department a report goes to is no answer to who develops the labour market
    assert _read(ev, "value_names_subject", "Cơ quan nào phát triển thị trường lao động trong khu công nghiệp Nghệ An?",
                 [("g5", 250), ("g5", 246)]) == 0.0
    # a procedure's days found through its title
    assert _read(ev, "value_names_subject", "Thủ tục ở Đồng Nai rút ngắn thời gian giải quyết còn bao nhiêu ngày?",
                 [("tt", 273)]) == 1.0


def test_the_year_asked_is_read_on_the_clause_naming_the_value_best():
    ev = _evidence()
    # the CPI row stops at 2028; a growth forecast beside it to 2030 is another indicator's
    assert _read(ev, "year_of_value", "Chỉ số giá tiêu dùng CPI của Cà Mau năm 2030 là bao nhiêu phần trăm?",
                 [("kt", 680), ("kt", 351)]) == 0.0
    assert _read(ev, "year_of_value", "Chỉ số giá tiêu dùng CPI của Cà Mau năm 2028 là bao nhiêu phần trăm?",
                 [("kt", 680), ("kt", 351)]) == 1.0
    # a clause naming the CPI to 2030 answers 2030
    assert _read(ev, "year_of_value", "Chỉ số giá tiêu dùng CPI của Cà Mau dự báo năm 2030 tăng bao nhiêu phần trăm?",
                 [("kt", 360), ("kt", 680)]) == 1.0


def test_a_document_numbers_year_is_not_a_year_asked():
    for question, years in [("Ngoài Bộ trưởng, ai có thẩm quyền kiểm tra theo TT 56/2025/TT-BCT?", ()),
                            ("Quyết định 2138/QĐ-TTg giao nhiệm vụ gì đến năm 2030?", ("2030",)),
                            ("Nghị quyết 57-NQ/TW năm 2024 đặt mục tiêu gì cho năm 2026?", ("2024", "2026"))]:
        assert years_asked(question, numbers_named(question)) == years, question
    assert analyse("Ai kiểm tra chuyên ngành theo TT 56/2025/TT-BCT?", PLANS, []).years == ()


def test_a_plan_named_for_carrying_out_a_law_keeps_its_name_past_thi_hanh():
    ev = _evidence()
    for question, name in [
            ("Theo kế hoạch thi hành luật sửa đổi Luật Tiêu chuẩn thì xã tôi phải làm gì?", ("luat", "sua", "doi")),
            ("Theo kế hoạch triển khai thi hành Luật Việc làm thì ai chủ trì?", ("luat", "viec", "lam")),
            ("Kế hoạch thực hiện chuyển đổi số giao thông thì ai phối hợp?", ("chuyen", "doi", "so"))]:
        assert ev.plan_name_words(analyse(question, PLANS, [], words=ev.words))[:3] == name, question


def test_a_plan_named_by_its_subject_is_matched_by_word_pairs():
    ev = _evidence()
    # every word of "phát triển kinh tế số" is in "Phát triển kinh tế - xã hội", not "kinh tế số"
    assert _read(ev, "plan_title_agrees", "Kế hoạch phát triển kinh tế số của Cà Mau đặt mục tiêu gì?",
                 [("kt", 351)]) > 0.3
    assert _read(ev, "plan_title_pairs", "Kế hoạch phát triển kinh tế số của Cà Mau đặt mục tiêu gì?",
                 [("kt", 351)]) < 0.8
    # a field the plan is not about: "ngành giáo dục" against "ngành Y tế"
    assert _read(ev, "plan_title_pairs", "Phương án đơn giản hóa thủ tục hành chính ngành giáo dục gồm những gì?",
                 [("tt", 273)]) < 0.8
    # the plan's own name, in other order of its words or in part
    assert _read(ev, "plan_title_pairs", "Kế hoạch phát triển hạ tầng 5G trong khu công nghiệp ở Nghệ An giao ai?",
                 [("g5", 246)]) == 1.0
    assert _read(ev, "plan_title_pairs", "Kế hoạch xuất khẩu sản phẩm hàng hóa chủ lực của Sơn La đến khi nào?",
                 [("xk", 40)]) == 1.0


def test_a_places_name_read_from_capitals_stops_where_the_capitals_do():
    for question, place in [("UBND xã Quế Tây được giao nhiệm vụ gì?", "xã Quế Tây"),
                            ("Phường Vân Đài ở đâu có kế hoạch chuyển đổi số?", "phường Vân Đài"),
                            ("Kế hoạch của xã Ngọc Ẩn đã giao ai chủ trì?", "xã Ngọc Ẩn")]:
        assert analyse(question, PLANS, []).unknown_locality == place, question


def _read_scored(ev: Evidence, name: str, question: str, found: list[tuple[tuple[str, int], float]]) -> float:
    """The evidence item ``name`` for ``question`` answered by the clauses at (plan, first line) with the ranker's
    scores given."""
    from retrieval.evidence import EVIDENCE

    pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(ev.store.clauses)}
    q = analyse(question, PLANS, [], words=ev.words)
    return EVIDENCE[name].read(ev, q, [(pos[k], s, 1.0) for k, s in found])


def test_a_value_check_failing_counts_the_rankers_confidence_in_the_clause_holding_a_value():
    ev = _evidence()
    # standards-law plan: a section naming no unit, another task's lead third; 5G plan: a report's recipient second
    held = [("Cơ quan nào chủ trì triển khai Chiến lược tiêu chuẩn quốc gia ở Lai Châu?", [("tc", 209), ("tc", 213), ("tc", 69)]),
            ("Cơ quan nào phát triển thị trường lao động trong khu công nghiệp Nghệ An?", [("g5", 250), ("g5", 246)])]
    for question, lines in held:
        for best in (0.92, 0.2):  # a value the ranker believes in, and a weak match's
            found = [(k, best - 0.05 * i) for i, k in enumerate(lines)]
            assert _read_scored(ev, "value_names_subject", question, found) == 0.0, question
            assert abs(_read_scored(ev, "value_stated_or_confident", question, found) - found[-1][1]) < 1e-9, question
    # the strategy's section is a task whose lead is asked and not stated: that check stays exact
    assert _read_scored(ev, "exact_checks", *held[0][:1], [(k, 0.92) for k in held[0][1]]) == 0.0
    assert _read_scored(ev, "exact_checks", *held[1][:1], [(("g5", 250), 0.9), (("g5", 246), 0.85)]) == 0.85
    # export plan: no clause found holds a tonnage, however sure the ranker is of the heading
    assert _read_scored(ev, "value_stated_or_confident", "Sơn La xuất khẩu bao nhiêu tấn xoài?", [(("xk", 40), 0.95)]) == 0.0


def test_a_value_stated_passes_the_value_check_whatever_the_ranker_believes():
    ev = _evidence()
    stated = [  # a typed lead naming the task, a procedure's days under its title, an export plan's deadline
        ("Cơ quan nào chủ trì kiểm tra việc thi hành Luật Tiêu chuẩn ở Lai Châu?", ("tc", 171)),
        ("Thủ tục xác định mức độ khuyết tật ở Đồng Nai được rút ngắn còn bao nhiêu ngày?", ("tt", 273)),
        ("Sơn La phải hoàn thành rà soát sản phẩm xuất khẩu trước ngày nào?", ("xk", 40)),
    ]
    for question, line in stated:
        assert _read_scored(ev, "value_stated_or_confident", question, [(line, 0.3)]) == 1.0, question


def test_the_checks_on_the_plan_itself_stay_exact_beside_a_confident_ranker():
    from retrieval.evidence import EXACT_CHECKS, VALUE_CHECKS

    assert not set(VALUE_CHECKS) & set(EXACT_CHECKS) and "value_stated_or_confident" in EXACT_CHECKS
    ev = _evidence()
    # another province's plan (Lai Châu's standards plan, Sơn La's export plan, Nghệ An's 5G plan) answers nothing
    for question, line in [("Cơ quan nào chủ trì kiểm tra việc thi hành Luật Tiêu chuẩn ở Nghệ An?", ("tc", 171)),
                           ("Cà Mau phải hoàn thành rà soát sản phẩm xuất khẩu trước ngày nào?", ("xk", 40)),
                           ("Ở Sơn La, định kỳ báo cáo kết quả triển khai 5G về cơ quan nào?", ("g5", 246))]:
        assert _read_scored(ev, "exact_checks", question, [(line, 0.95)]) == 0.0, question
