"""A question's dictionary compounds are looked for as phrases in the answering plan (`rarest_compound_in_plan`).

A near-miss asked in a plan's vocabulary shares its syllables with the plan but not its compound: "cuộc thi" beside
"thi đua", "tuyển sinh" beside "tuyển chọn" and "học sinh", "khu phố" beside "khu dân cư" and "phố". An answerable
question whose own words straddle two of the plan's compounds ("đợt thi đua chào mừng": "đua chào") lacks no compound.
Wordings from an emulation plan, an education plan and a commune plan (synthetic, modelled on the development half).
"""
from __future__ import annotations

from functools import partial

from retrieval.evidence import Evidence, dictionary_compounds
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause, plans_of, read_evidence

PLANS = plans_of(
    ("td", "Kế hoạch tổ chức đợt thi đua chào mừng Đại hội Đảng bộ tỉnh", "Đắk Lắk"),
    ("gd", "Kế hoạch phát triển giáo dục giai đoạn 2026 - 2030", "Nghệ An"),
    ("xa", "Kế hoạch phát triển kinh tế - xã hội xã An Hưng năm 2026", "Hải Phòng"),
)
CLAUSES = [
    plan_clause("td", 10, "- Đợt thi đua chào mừng Đại hội diễn ra từ ngày 01/6 đến ngày 30/9; tổ chức tuyên dương "
                "các tập thể, cá nhân tiêu biểu.", ["II. NỘI DUNG"]),
    plan_clause("td", 11, "- Khen thưởng kịp thời những gương điển hình trong phong trào thi đua.", ["II. NỘI DUNG"]),
    plan_clause("gd", 30, "- Tuyển chọn giáo viên giỏi; nâng tỷ lệ học sinh đi học đúng độ tuổi đạt 99%.",
                ["II. MỤC TIÊU"]),
    plan_clause("gd", 31, "- Đầu tư cơ sở vật chất trường học, phòng học bộ môn.", ["II. MỤC TIÊU"]),
    plan_clause("xa", 50, "- Thu gom rác thải tại các khu dân cư, tuyến phố chính đạt 100%.", ["II. NHIỆM VỤ"]),
    plan_clause("xa", 51, "- Xây dựng nếp sống văn minh đô thị, chỉnh trang vỉa hè các tuyến phố.", ["II. NHIỆM VỤ"]),
]


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


_read = partial(read_evidence, plans=PLANS)


def _compounds(ev: Evidence, text: str):
    return ev.question_compounds(analyse(text, PLANS, [], words=ev.words))


def test_a_near_miss_in_a_plans_vocabulary_lacks_a_compound_the_plan_never_writes():
    ev = _evidence()
    for text, answer in (("Đắk Lắk có phát động cuộc thi viết chào mừng Đại hội không?", ("td", 10)),
                         ("Trường nào ở Nghệ An tuyển sinh học sinh lớp 10 sớm nhất?", ("gd", 30)),
                         ("Lịch thu gom rác ở khu phố tôi là mấy giờ?", ("xa", 50))):
        assert _read(ev, "rarest_compound_in_plan", text, [answer]) < 0.0, text


def test_an_answerable_question_straddling_two_compounds_lacks_none():
    ev = _evidence()
    for text, answer in (("Đợt thi đua chào mừng Đại hội ở Đắk Lắk diễn ra từ khi nào?", ("td", 10)),
                         ("Tỷ lệ học sinh đi học đúng độ tuổi ở Nghệ An đạt bao nhiêu?", ("gd", 30)),
                         ("Xã An Hưng thu gom rác thải ở khu dân cư đạt bao nhiêu phần trăm?", ("xa", 50))):
        assert _read(ev, "rarest_compound_in_plan", text, [answer]) == 0.0, text


def test_the_compound_is_read_as_a_phrase_not_as_its_syllables():
    ev = _evidence()
    compounds, marked = _compounds(ev, "Đắk Lắk có phát động cuộc thi viết chào mừng Đại hội không?")
    assert marked and "cuộc thi" in compounds  # the plan writes "thi" and "cuộc" nowhere as one word
    assert not ev.plan_writes_phrase("cuộc thi", True, "td")
    assert ev.plan_writes_phrase("thi đua", True, "td") and ev.plan_writes_phrase("chào mừng", True, "td")


def test_places_and_plan_kinds_are_no_compound_of_the_subject():
    ev = _evidence()
    compounds, _ = _compounds(ev, "Kế hoạch phát triển giáo dục Nghệ An tuyển sinh lớp 10 khi nào?")
    assert "kế hoạch" not in compounds and not any("nghệ" in c for c in compounds)


def test_a_question_typed_without_marks_is_read_folded():
    ev = _evidence()
    compounds, marked = _compounds(ev, "Lich thu gom rac o khu pho toi la may gio?")
    assert not marked and "khu pho" in compounds
    assert _read(ev, "rarest_compound_in_plan", "Lich thu gom rac o khu pho toi la may gio?", [("xa", 50)]) < 0.0
    assert _read(ev, "rarest_compound_in_plan", "Xa An Hung thu gom rac thai o khu dan cu dat bao nhieu phan tram?",
                 [("xa", 50)]) == 0.0


def test_the_dictionary_is_read_once_for_all_questions():
    ev = _evidence()
    dictionary_compounds()
    before = dictionary_compounds.cache_info().misses
    for text in ("Lịch thu gom rác ở khu phố tôi là mấy giờ?", "Trường nào tuyển sinh lớp 10 sớm nhất?"):
        _compounds(ev, text)
    assert dictionary_compounds.cache_info().misses == before
