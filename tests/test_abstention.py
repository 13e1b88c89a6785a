"""Abstention evidence: what a question asks for, the names it gives, and whether the answer's plan has them."""
from __future__ import annotations

import pytest

from corpus.model import Document, Locality
from corpus.model import Clause, Target
from retrieval.evidence import EVIDENCE, clause_years, plan_period
from retrieval.query import AnswerSlot, answer_slot, filter_by_places, folded, named_documents, named_subjects, numbers_named


@pytest.mark.parametrize("question, kind, unit", [
    ("Tổng kinh phí thực hiện kế hoạch thi hành Luật Tiêu chuẩn ở Lai Châu là bao nhiêu?", "money", None),
    ("Tỉnh Nghệ An cần bao nhiêu vốn đầu tư để phát triển mạng lưới cơ sở văn hóa?", "money", None),
    ("Mức tiền thưởng kèm Bằng khen của Chủ tịch UBND tỉnh là bao nhiêu?", "money", None),
    ("Mỗi năm phải tổ chức bao nhiêu lớp tập huấn cho cán bộ cấp xã?", "count", "lop"),
    ("Sơn La đặt mục tiêu xuất khẩu xoài bao nhiêu tấn đến năm 2030?", "count", "tan"),
    ("phuong phan dinh phung ngam hoa ha tang ky thuat bao nhieu km", "count", "km"),
    ("Tỷ lệ giải ngân vốn đầu tư công hằng năm đạt bao nhiêu?", "percent", None),  # a share, not a sum
    ("Tỷ trọng kinh tế số trong GRDP đến năm 2030 là bao nhiêu?", "percent", None),
    ("Khu vực công nghiệp tăng trưởng bao nhiêu mỗi năm?", "number", None),
    ("dot thi dua o dak lak tong ket vao ngay nao", "day", None),
    ("Hà Nội phủ sóng 5G trong các khu công nghệ cao vào năm nào?", "year", None),
    ("Thời hạn rà soát các văn bản quy phạm pháp luật là khi nào?", "time", None),
    ("Ở Lai Châu, cơ quan nào chủ trì tập huấn?", "agency", None),
    ("ai chu tri chi tieu bhyt", "agency", None),
])
def test_the_question_says_what_kind_of_value_its_answer_holds(question, kind, unit):
    assert answer_slot(folded(question)) == AnswerSlot(kind, unit)


def test_a_question_asking_for_no_particular_value_has_no_slot():
    assert answer_slot(folded("Sở Công Thương được giao nhiệm vụ gì trong lộ trình đổi mới công nghệ?")) is None
    assert answer_slot(folded("Kế hoạch chuyển đổi số nông nghiệp đặt mục tiêu gì?")) is None


@pytest.mark.parametrize("question, names", [
    ("Ở Lai Châu, cơ quan nào chủ trì tập huấn Luật Việc làm?", ("luat viec lam",)),
    ("Ai chủ trì tập huấn Luật Bảo vệ dữ liệu cá nhân?", ("luat bao ve du lieu ca nhan",)),
    ("dot thi dua chao mung dai hoi XIV o dak lak", ("xiv",)),
    ("Đại hội đại biểu toàn quốc lần thứ XIV", ("xiv",)),
])
def test_the_laws_and_events_a_question_names_are_read(question, names):
    assert named_subjects(folded(question)) == names


@pytest.mark.parametrize("question, names", [
    ("Theo kế hoạch 172/KH-UBND của TP.HCM, ai chủ trì?", ("172 kh ubnd",)),  # the number once, not twice
    ("Báo cáo kết quả thực hiện Nghị quyết 48/NQ-CP gửi trước ngày nào?", ("48 nq cp",)),
    ("Quyết định 2931/QĐ-TTg có thời hạn ban hành Nghị định chi tiết là khi nào?", ("2931 qd ttg",)),
    ("chi thi so 27 giao so nao chu tri", ("chi thi 27",)),
    # the kind shortened as people write it, named by the full kind plans cite
    ("Sở Giáo dục TP.HCM có nhiệm vụ gì theo QĐ 2820?", ("quyet dinh 2820",)),
    ("kh 552 cua dong thap giao so nao chu tri", ("ke hoach 552",)),
    ("NQ 48 của HĐND thành phố quy định gì?", ("nghi quyet 48",)),
])
def test_the_documents_a_question_names_by_number_are_read(question, names):
    assert named_documents(folded(question), numbers_named(question)) == names


@pytest.mark.parametrize("question", [
    "Ai rà soát văn bản quy phạm pháp luật của xã?",  # "pháp luật" is law in general
    "Giao đồng chí nào chỉ đạo công tác kiểm tra, giám sát, kỷ luật Đảng?",  # discipline, not a law
    "Tỷ lệ gia đình văn hóa trong kế hoạch 2026-2030 là bao nhiêu?",  # a period, not a plan number
])
def test_words_that_only_look_like_a_name_name_nothing(question):
    assert named_subjects(folded(question)) == () and named_documents(folded(question), numbers_named(question)) == ()


def test_tp_hcm_scopes_the_question_to_ho_chi_minh_city_plans():
    docs = {
        "hcm": Document(id="hcm", source="a.md", locality=Locality(None, None, "Hồ Chí Minh")),
        "lc": Document(id="lc", source="b.md", locality=Locality(None, None, "Lai Châu")),
        "nat": Document(id="nat", source="c.md", locality=Locality()),
    }
    for q in ("TP.HCM giao cơ quan nào rà soát văn bản?", "chi tieu that nghiep cua tphcm nam 2026",
              "Ở TP. HCM ai chủ trì?"):
        scoped, named, unknown = filter_by_places(q, docs)
        assert scoped == {"hcm", "nat"} and named == "ho chi minh" and unknown is None


def _evidence(retriever, question: str, name: str) -> float:
    q = retriever.analyse(question)
    return float(EVIDENCE[name].read(retriever.evidence, q, retriever.rank(q)))


def test_a_sum_asked_of_a_plan_that_states_none_is_evidence_against_answering(retriever):
    # the sample plans state incomes and values per hectare in "triệu đồng", no budget of a project
    assert _evidence(retriever, "Giá trị sản phẩm trên 1 ha đất trồng trọt của xã Lạc Phượng năm 2030 là bao nhiêu "
                                "triệu đồng?", "slot_filled") == 1.0
    assert _evidence(retriever, "Tổng kinh phí xây dựng trung tâm hành chính mới của xã An Hưng là bao nhiêu tỷ "
                                "đồng?", "slot_filled") == 0.0


def test_a_count_asked_is_found_only_with_its_unit(retriever):
    assert _evidence(retriever, "phuong phan dinh phung ngam hoa ha tang ky thuat bao nhieu km", "slot_filled") == 1.0
    assert _evidence(retriever, "Xã An Hưng đặt chỉ tiêu bao nhiêu lớp tập huấn chuyển đổi số mỗi năm?",
                     "slot_filled") == 0.0


def test_a_law_the_answering_plan_never_names_is_evidence_against_answering(retriever):
    assert _evidence(retriever, "Ai chủ trì triển khai Luật Đất đai ở xã Lạc Phượng?", "subject_in_plan") == 1.0
    assert _evidence(retriever, "Ai chủ trì triển khai Luật Việc làm ở xã Lạc Phượng?", "subject_in_plan") < 0.5


def test_an_answer_from_another_provinces_plan_disagrees_with_the_place_named(retriever):
    # no sample plan is about Nghệ An: nothing to scope to, so the evidence must say so
    assert _evidence(retriever, "Tỉnh Nghệ An đặt chỉ tiêu tham gia BHYT bao nhiêu phần trăm?", "place_agrees") == 0.0
    assert _evidence(retriever, "Xã An Hưng đặt chỉ tiêu tham gia BHYT bao nhiêu phần trăm?", "place_agrees") == 1.0


def test_the_rarest_word_of_a_near_miss_is_missing_from_the_answer(retriever):
    assert _evidence(retriever, "Xã An Hưng phủ sóng 6G đến năm nào?", "rare_words_found") < 1.0
    assert _evidence(retriever, "Tỷ lệ tham gia bảo hiểm y tế của xã An Hưng?", "rare_words_found") == 1.0


def test_a_unit_the_answering_plan_never_names_is_evidence_against_answering(retriever):
    assert _evidence(retriever, "Phòng Kinh tế xã An Hưng được giao nhiệm vụ gì?", "unit_in_plan") == 1.0
    # the commune plans name their own units, never a province's department
    doc = next(iter(retriever.store.documents))
    assert retriever.evidence.name_share(("so y te",), doc) < 1.0
    assert retriever.evidence.name_share(("ke hoach 172",), doc) < 1.0


def test_a_numbered_document_is_found_with_or_without_so(retriever):
    d = next(d for d in retriever.store.documents.values() if d.number and d.number[:1].isdigit())
    number = folded(d.number).split("/")[0].split()[0]
    kind = folded(d.kind or "ke hoach")
    assert retriever.evidence.name_share((f"{kind} {number}",), d.id) == 1.0


def test_a_question_without_accents_naming_tphcm_keeps_its_question_words_apart(retriever):
    q = retriever.analyse("so nao chu tri bo tri kinh phi thi hanh luat viec lam o tphcm")
    words = {w for run in q.content_runs for w in run}
    assert "nao" not in words and "chu" not in words and {"kinh", "phi"} <= words


@pytest.mark.parametrize("question, name", [
    # "Hà Nội" is the place, "hạ tầng" (folded "ha tang") part of the name; a comma ends it
    ("Sở Tài chính Hà Nội có nhiệm vụ gì trong kế hoạch phát triển hạ tầng 5G, IoT ở khu công nghiệp?",
     ("phat", "trien", "ha", "tang", "5g")),
    # the number and the place before the name are skipped, "giao" (assigns) ends it
    ("KH 553/KH-UBND Đồng Tháp về đổi mới công nghệ giao Sở nào chủ trì?", ("doi", "moi", "cong", "nghe")),
    # "giáo dục" is a topic, not "giao" assigning a task
    ("Phương án đơn giản hóa thủ tục ngành Giáo dục tỉnh Đồng Nai gồm những thủ tục nào?",
     ("don", "gian", "hoa", "thu", "tuc", "nganh", "giao", "duc")),
    ("Ở Sơn La, sở nào chủ trì kế hoạch phát triển nhà ở xã hội?", ("phat", "trien", "nha", "xa", "hoi")),
    ("Lộ trình đổi mới công nghệ của tỉnh Phú Thọ đặt mục tiêu gì?", ("doi", "moi", "cong", "nghe")),
])
def test_the_plan_a_question_names_by_its_subject_is_read(retriever, question, name):
    assert retriever.evidence.plan_name_words(retriever.analyse(question)) == name


@pytest.mark.parametrize("question", [
    "Ai chủ trì chỉ tiêu BHYT của xã An Hưng?",  # names no plan
    # what follows the plan's number across a comma is the question, not the plan's name
    "Theo Mẫu biểu 01 của KH 0204/KH-UBND Cà Mau, tỷ trọng công nghiệp năm 2028 là bao nhiêu?",
    "Kế hoạch này giao ai chủ trì?",
])
def test_a_question_naming_no_plan_by_its_subject_has_no_plan_name(retriever, question):
    assert retriever.evidence.plan_name_words(retriever.analyse(question)) == ()


def test_an_answer_from_a_plan_about_another_subject_disagrees_with_the_plan_named(retriever):
    # the commune plans are socio-economic plans and an administrative-reform plan, none about offshore wind
    assert _evidence(retriever, "Trong kế hoạch phát triển kinh tế - xã hội của xã An Hưng, ai chủ trì chỉ tiêu "
                                "BHYT?", "plan_title_agrees") == 1.0
    assert _evidence(retriever, "Trong kế hoạch phát triển điện gió ngoài khơi của xã An Hưng, ai chủ trì chỉ tiêu "
                                "BHYT?", "plan_title_agrees") < 0.5
    assert _evidence(retriever, "Ai chủ trì chỉ tiêu BHYT của xã An Hưng?", "plan_title_agrees") == 1.0


def _clause(text: str, **kw) -> Clause:
    return Clause(id="d:1", doc_id="d", kind=kw.pop("kind", "bullet"), label=None, section_path=kw.pop("section", []),
                  text=text, source="d.md", lines=(1, 1), **kw)


def test_a_clause_states_the_years_of_its_target_columns_text_or_headings():
    row = _clause("Diện tích chè", kind="table_row", year_values={2026: "6.500", 2027: "6.700", 2028: ""})
    assert clause_years(row) == {"2026", "2027"}  # an empty year column states nothing for that year
    target = _clause("(1) Tỷ trọng kinh tế số đạt tối thiểu 30% GRDP;",
                     target=Target([30.0], "%", ">=", 2030, "tối thiểu 30%"))
    assert clause_years(target) == {"2030"}
    assert clause_years(_clause("Phủ sóng 5G 100% khu công nghiệp.",
                                section=["II. MỤC TIÊU", "1. Mục tiêu đến hết năm 2026"])) == {"2026"}
    # its own year wins over its heading's
    assert clause_years(_clause("Đến năm 2027 hoàn thành 50%.", section=["Mục tiêu đến năm 2030"])) == {"2027"}
    assert clause_years(_clause("Phủ sóng 5G.")) == set()


def test_a_plans_period_is_its_title_years_without_its_vision():
    assert plan_period("Kế hoạch phát triển 5G giai đoạn 2026 - 2030, tầm nhìn đến năm 2035") == {"2026", "2030"}
    assert plan_period("Quy hoạch thời kỳ 2021-2030, tầm nhìn đến năm 2045") == {"2021", "2030"}
    assert plan_period("Kế hoạch chuyển đổi số") == set() and plan_period(None) == set()


def test_a_value_for_another_year_than_the_one_asked_is_evidence_against_answering(retriever):
    # the commune plans set their chỉ tiêu "đến năm 2030"; 2035 and 2031-2035 lie outside their targets
    base = "Tỷ lệ người tham gia bảo hiểm xã hội của xã Lạc Phượng {} đạt bao nhiêu?"
    assert _evidence(retriever, base.format("đến năm 2030"), "year_of_value") == 1.0
    assert _evidence(retriever, base.format("đến năm 2035"), "year_of_value") == 0.0
    assert _evidence(retriever, base.format("giai đoạn 2031-2035"), "year_of_value") == 0.0
    assert _evidence(retriever, base.format("giai đoạn 2026-2030"), "year_of_value") == 1.0
    assert _evidence(retriever, base.format(""), "year_of_value") == 1.0  # no year asked


def test_a_signer_asked_is_held_by_the_letterhead_of_a_plan_whose_signer_was_read(retriever):
    store = retriever.store
    signed = next(d for d in store.documents.values() if d.signer)
    headers = [p for p in range(*store.doc_ranges[signed.id]) if store.clauses[p].kind == "header"]
    asks_signer = retriever.analyse("Ai ký kế hoạch này?")
    asks_lead = retriever.analyse("Ai chủ trì chỉ tiêu BHYT?")
    assert asks_signer.asks_signer and headers
    assert retriever.evidence.answers_slot(headers[0], asks_signer)
    # a letterhead names no unit that leads a task
    assert not retriever.evidence.answers_slot(headers[0], asks_lead)
    unsigned = [d for d in store.documents.values() if not d.signer]
    for d in unsigned:  # a plan whose signer was not read does not answer who signed it
        assert not any(retriever.evidence.answers_slot(p, asks_signer)
                       for p in range(*store.doc_ranges[d.id]) if store.clauses[p].kind == "header")
