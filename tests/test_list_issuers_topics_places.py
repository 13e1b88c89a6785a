"""Documents asked for by their issuer ("UBND tỉnh … có những kế hoạch nào"), each by its topic ("Văn bản về A, về B và
C có số hiệu gì"), several laws listed with commas and a "(sửa đổi)" inside a name, and places asked first ("Tỉnh nào
phát động …") are the catalogue's, read from each document's typed metadata. Wordings modelled on the Đồng Tháp
provincial plans, the Bộ Quốc phòng bomb-clearance circular, the Bộ Công Thương inspection circular, the Ban Tuyên
giáo training rules, the three law plans (HCM, Lai Châu, national) and the Đắk Lắk / Nghệ An emulation plans, rebuilt
as small synthetic documents (numbers and names invented)."""
from __future__ import annotations

import pytest

from corpus.model import Document, Locality
from retrieval.catalogue import issuer_named
from retrieval.strategies import places_first
from tests.snippets import EvenWords, OrderingRetriever, OrderingStore, bare_question, catalogue_of


def doc(d: str, title: str, province: str | None, issuer: str | None, kind: str = "Kế hoạch") -> Document:
    return Document(d, f"{d}.md", title=title, kind=kind, issuer=issuer,
                    locality=Locality(level="tỉnh" if province else None, name=province, province=province))


DOCS = {
    "dt1": doc("dt1", "Kế hoạch chuyển đổi số trong hoạt động xây dựng kết cấu hạ tầng giao thông", "Đồng Tháp",
               "Ủy ban nhân dân tỉnh Đồng Tháp"),
    "dt2": doc("dt2", "Kế hoạch thực hiện lộ trình đổi mới công nghệ đến năm 2035", "Đồng Tháp",
               "Ủy ban nhân dân tỉnh Đồng Tháp"),
    "dtx": doc("dtx", "Kế hoạch phòng, chống thiên tai năm 2026", "Đồng Tháp", "Ủy ban nhân dân xã Mỹ An"),
    "bqp": doc("bqp", "Thông tư quy định chi tiết biện pháp thi hành nghị định về khắc phục hậu quả bom mìn vật nổ",
               None, "Bộ Quốc phòng", "Thông tư"),
    "bct": doc("bct", "Thông tư quy định về quy trình kiểm tra chuyên ngành công thương", None, "Bộ Công Thương",
               "Thông tư"),
    "btg": doc("btg", "Quyết định ban hành quy chế bồi dưỡng, giảng dạy của trung tâm chính trị xã, phường", None,
               "Ban Tuyên giáo và Dân vận Trung ương", "Quyết định"),
    "dl": doc("dl", "Kế hoạch phát động đợt thi đua lập thành tích chào mừng Đại hội lần thứ XIV của Đảng",
              "Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk"),
    "na": doc("na", "Kế hoạch triển khai đợt thi đua lập thành tích chào mừng Đại hội lần thứ XIV của Đảng",
              "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An"),
}


@pytest.mark.parametrize("text, wanted", [
    ("UBND tỉnh Đồng Tháp có những kế hoạch nào trong bộ văn bản? Kể số hiệu và nội dung.", {"dt1", "dt2"}),
    ("Ủy ban nhân dân tỉnh Đồng Tháp ban hành những kế hoạch nào?", {"dt1", "dt2"}),
    ("uy ban nhan dan tinh Dak Lak co nhung ke hoach nao", {"dl"}),
    ("UBND tỉnh Đồng Tháp có những kế hoạch nào về chuyển đổi số?", {"dt1"}),
])
def test_plans_asked_by_their_issuer_are_those_the_issuer_issued(text, wanted):
    assert set(catalogue_of(text, DOCS)) == wanted


def test_the_issuer_is_matched_whole_with_its_abbreviation_written_out():
    r = OrderingRetriever(OrderingStore(clauses=[], documents=DOCS), EvenWords())
    q = bare_question("UBND tỉnh Đồng Tháp có những kế hoạch nào?")
    assert issuer_named(r, q, list(DOCS)) == ("ubnd", "tinh", "dong", "thap")
    assert issuer_named(r, bare_question("Tỉnh Đồng Tháp có những kế hoạch nào?"), list(DOCS)) == ()


def test_an_issuers_plans_about_a_subject_none_of_them_states_have_no_catalogue():
    assert catalogue_of("UBND tỉnh Đồng Tháp có những kế hoạch nào về du lịch thông minh?", DOCS) == ()


@pytest.mark.parametrize("text, wanted", [
    ("Văn bản về khắc phục hậu quả bom mìn, về kiểm tra chuyên ngành Công Thương và quy chế bồi dưỡng của trung tâm "
     "chính trị có số hiệu gì?", {"bqp", "bct", "btg"}),
    ("Số hiệu của văn bản về kiểm tra chuyên ngành công thương và văn bản về khắc phục hậu quả bom mìn?", {"bct", "bqp"}),
    ("thong tu ve khac phuc hau qua bom min; quy che boi duong trung tam chinh tri so hieu la gi", {"bqp", "btg"}),
])
def test_documents_named_each_by_its_topic_are_each_topics_document(text, wanted):
    assert set(catalogue_of(text, DOCS)) == wanted


@pytest.mark.parametrize("text", [
    # one topic no document has: the abstention decides
    "Văn bản về khắc phục hậu quả bom mìn, về nuôi trồng thủy sản và quy chế bồi dưỡng có số hiệu gì?",
    # one topic only: not a list of documents
    "Văn bản về kiểm tra chuyên ngành Công Thương có số hiệu gì?",
])
def test_topics_one_of_which_no_document_states_or_a_single_topic_have_no_catalogue(text):
    assert catalogue_of(text, DOCS) == ()


@pytest.mark.parametrize("text", [
    "tinh nao phat dong dot thi dua chao mung Dai hoi XIV cua Dang?",
    "Những địa phương nào triển khai đợt thi đua chào mừng Đại hội XIV?",
    "Thành phố nào xây dựng kế hoạch chuyển đổi số hạ tầng giao thông?",
])
def test_a_question_opening_with_the_places_asked_asks_for_their_plans(text):
    assert places_first(bare_question(text))


def test_a_place_named_later_in_the_question_does_not_make_it_ask_for_plans():
    assert not places_first(bare_question("Ở Đắk Lắk, sở nào chủ trì đợt thi đua, tỉnh nào phối hợp?"))


def test_every_place_whose_plan_title_answers_which_places_is_listed():
    assert set(catalogue_of("Tỉnh nào thi đua lập thành tích chào mừng Đại hội XIV của Đảng?", DOCS)) == {"dl", "na"}
    assert catalogue_of("Tỉnh nào phát động thi đua chào mừng Đại hội Phụ nữ toàn quốc?", DOCS) == ()
