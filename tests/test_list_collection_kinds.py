"""Which documents there are, asked by their kind ("Có những thông tư nào trong bộ văn bản"), is a catalogue of the
documents of that typed kind (`Document.kind`); a programme of the plans' content ("những chương trình tập huấn …
nào") is no plan. Wordings modelled on the bom mìn and kiểm tra chuyên ngành circulars, the Bộ NN&MT procedure
decision, the trung tâm chính trị regulation, the Nghệ An emulation plan, the Luật Bảo vệ dữ liệu cá nhân plan and the
Sở KH&CN duties of the Đồng Nai digital-economy plan, rebuilt as small synthetic documents."""
from __future__ import annotations

import pytest

from corpus.model import Document, Locality
from retrieval.query import analyse, kind_asked
from retrieval.strategies import asks_plans
from index.text import fold
from tests.snippets import catalogue_of


def doc(d: str, kind: str, title: str, province: str | None = None) -> Document:
    return Document(d, f"{d}.md", title=title, kind=kind, number=f"{len(d)}/{d.upper()}",
                    locality=Locality(level="tỉnh" if province else None, name=province, province=province))


DOCS = {
    "bm": doc("bm", "Thông tư", "Thông tư quy định chi tiết biện pháp thi hành nghị định về khắc phục hậu quả bom mìn"),
    "kt": doc("kt", "Thông tư", "Thông tư quy định về quy trình kiểm tra chuyên ngành công thương"),
    "nn": doc("nn", "Quyết định", "Quyết định về việc công bố thủ tục hành chính nội bộ"),
    "na": doc("na", "Kế hoạch", "Kế hoạch triển khai đợt thi đua chào mừng đại hội lần thứ XIV của Đảng", "Nghệ An"),
}


def plans_for(text: str) -> tuple[str, ...]:
    return catalogue_of(text, DOCS)


# --------------------------------------------------------------------------- the collection asked by a kind

@pytest.mark.parametrize("text, kind", [
    ("Có những thông tư nào trong bộ văn bản, về nội dung gì?", "Thông tư"),
    ("Các quyết định nào trong bộ văn bản do Bộ ban hành?", "Quyết định"),
    ("co nhung thong tu nao trong bo tai lieu", "Thông tư"),
])
def test_a_question_opening_with_a_documents_kind_asks_for_the_documents_of_that_kind(text, kind):
    q = analyse(text, DOCS, [])
    assert q.kind_asked == kind and asks_plans(q) and q.qtype == "list" and not q.asks_items


@pytest.mark.parametrize("text", [
    "Những văn bản nào liên quan đến quy hoạch (cơ sở dữ liệu quy hoạch, quy hoạch mạng lưới)?",
    "Những kế hoạch nào phát động thi đua chào mừng Đại hội XIV của Đảng?",
])
def test_plans_or_any_document_asked_are_no_one_kind(text):
    q = analyse(text, DOCS, [])
    assert q.kind_asked is None and asks_plans(q)


@pytest.mark.parametrize("text", [
    # a kind named inside the question: what a plan cites or makes, not the collection
    "Đơn vị tôi là một cơ quan cấp tỉnh ở Nghệ An, trong đợt thi đua này phải quán triệt những văn bản nào?",
    "Theo kế hoạch thi hành Luật Bảo vệ dữ liệu cá nhân phải xây dựng những Nghị định nào?",
    "Quyết định 5042/QĐ-BNNMT bãi bỏ quyết định nào trước đó?",
])
def test_a_kind_named_inside_the_question_is_not_the_collection(text):
    q = analyse(text, DOCS, [])
    assert kind_asked(fold(text.lower())) is None and not asks_plans(q)


def test_the_documents_of_the_kind_asked_are_the_catalogue():
    assert set(plans_for("Có những thông tư nào trong bộ văn bản, về nội dung gì?")) == {"bm", "kt"}
    assert set(plans_for("Có những quyết định nào trong bộ văn bản?")) == {"nn"}


def test_a_kind_no_document_is_has_no_catalogue():
    # near-miss: no directive in the collection, so the abstention decides, not the catalogue
    assert plans_for("Có những chỉ thị nào trong bộ văn bản?") == ()
    assert plans_for("Có những thông tư nào về thi đua khen thưởng?") == ()  # a subject no circular's title states


# --------------------------------------------------------------------------- a programme of content is no plan

@pytest.mark.parametrize("text", [
    "Trung tâm chính trị xã có những chương trình tập huấn, cập nhật kiến thức nào?",
    "Trung tâm chính trị xã có những chương trình bồi dưỡng chuyên đề nào?",
    "Sở Khoa học và Công nghệ triển khai những đề án hỗ trợ doanh nghiệp nào?",
])
def test_a_programme_named_by_what_it_teaches_is_not_a_plan(text):
    q = analyse(text, DOCS, [])
    assert not asks_plans(q) and q.asks_items


@pytest.mark.parametrize("text", [
    "Những chương trình nào về chuyển đổi số được ban hành?",
    "Tỉnh có những chương trình hành động nào thực hiện nghị quyết?",
    "Chương trình bồi dưỡng của trung tâm chính trị xã gồm những chương trình nào?",
])
def test_programmes_asked_by_themselves_are_plans(text):
    assert asks_plans(analyse(text, DOCS, []))
