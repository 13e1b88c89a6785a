"""Each reader of the catalogue (`retrieval.catalogue.READERS`, `TOPICS`) alone: the documents it keeps of a question
naming plans by one piece of their typed metadata, and the words it accounts for (not read as the subject the titles
must state). Fixtures are the synthetic documents of tests/test_list_issuers_topics_places.py (Đồng Tháp plans, the
Bộ Quốc phòng and Bộ Công Thương circulars, the Ban Tuyên giáo rules, the Đắk Lắk / Nghệ An emulation plans) and
tests/test_list_signers_and_laws.py (plans signed by one vice-chairman, the three law plans)."""
from __future__ import annotations

import dataclasses

from retrieval.catalogue import (
    ISSUING_WORDS,
    READERS,
    SIGNING_WORDS,
    TOPICS,
    IssuerNamed,
    KindAsked,
    LawsNamed,
    ProvincesNamed,
    Reader,
    SignerNamed,
)
from retrieval.query import analyse
from tests.snippets import EvenWords, OrderingRetriever, OrderingStore
from tests.test_list_issuers_topics_places import DOCS
from tests.test_list_signers_and_laws import LAW_PLANS, LAWS, PLANS


def _read(reader: Reader, text: str, documents: dict) -> tuple[list[str], frozenset[str], bool]:
    r = OrderingRetriever(OrderingStore(clauses=[], documents=documents), EvenWords())
    q = analyse(text, documents, [])
    reading = reader.read(r, q, sorted(documents))
    return reading.docs, reading.words, reading.names


def test_readers_are_registered_once_each_in_the_order_they_narrow():
    assert [type(x) for x in READERS] == [KindAsked, LawsNamed, ProvincesNamed, IssuerNamed, SignerNamed]
    assert len({x.name for x in READERS}) == len(READERS)


def test_kind_asked_keeps_the_documents_issued_as_that_kind():
    docs, words, names = _read(KindAsked(), "Có những thông tư nào?", DOCS)
    assert docs == ["bct", "bqp"] and names
    assert "thong" in words and "tu" in words


def test_kind_not_asked_keeps_every_document_but_still_accounts_for_the_kind_word():
    docs, words, names = _read(KindAsked(), "UBND tỉnh Đồng Tháp có những kế hoạch nào?", DOCS)
    assert docs == sorted(DOCS) and not names
    assert {"ke", "hoach"} <= words


def test_laws_listed_keep_each_laws_plans_and_account_for_the_laws_names():
    r = OrderingRetriever(OrderingStore(clauses=[], documents=LAW_PLANS), EvenWords())
    q = analyse("Những kế hoạch nào thi hành Luật Việc làm, Luật Bảo vệ dữ liệu cá nhân?", LAW_PLANS, [])
    q = dataclasses.replace(q, subject_plans=tuple((s, LAWS[s]) for s in q.named_subjects if s in LAWS))
    reading = LawsNamed().read(r, q, sorted(LAW_PLANS))
    assert reading.docs == ["hcm", "tw"] and reading.names
    assert {"viec", "lam", "du", "lieu", "ca", "nhan"} <= reading.words


def test_one_law_named_is_no_list_of_laws_and_keeps_every_document():
    docs, words, names = _read(LawsNamed(), "Kế hoạch nào triển khai Luật Việc làm?", LAW_PLANS)
    assert docs == sorted(LAW_PLANS) and words == frozenset() and not names


def test_provinces_named_keep_their_plans():
    docs, words, names = _read(ProvincesNamed(), "Đắk Lắk và Nghệ An mỗi tỉnh có kế hoạch gì?", DOCS)
    assert docs == ["dl", "na"] and names
    assert {"dak", "lak", "nghe", "an"} <= words


def test_issuer_named_keeps_the_issuers_plans_not_a_communes_of_the_same_province():
    docs, words, names = _read(IssuerNamed(), "UBND tỉnh Đồng Tháp ban hành những kế hoạch nào?", DOCS)
    assert docs == ["dt1", "dt2"] and names  # "dtx" is the commune committee's
    assert {"ubnd", "tinh", "dong", "thap"} | ISSUING_WORDS <= words


def test_no_issuer_named_keeps_every_document_and_accounts_for_no_word():
    assert _read(IssuerNamed(), "Tỉnh Đồng Tháp có những kế hoạch nào?", DOCS) == (sorted(DOCS), frozenset(), False)


def test_signer_named_keeps_the_signers_plans_with_the_forms_of_address():
    docs, words, names = _read(SignerNamed(), "Ông Nguyễn Văn Bình ký những kế hoạch nào?", PLANS)
    assert docs == ["dt1", "dt2"] and names
    assert {"nguyen", "van", "binh"} | SIGNING_WORDS <= words


def test_one_word_of_a_name_names_no_signer():
    assert _read(SignerNamed(), "Ông Bình ký những kế hoạch nào?", PLANS) == (sorted(PLANS), frozenset(), False)


def test_topics_listed_name_each_topics_document():
    r = OrderingRetriever(OrderingStore(clauses=[], documents=DOCS), EvenWords())
    q = analyse("Số hiệu của văn bản về kiểm tra chuyên ngành công thương và văn bản về khắc phục hậu quả bom mìn?",
                DOCS, [])
    assert TOPICS.applies(q)
    assert set(TOPICS.plans(r, q)) == {"bct", "bqp"}


def test_a_which_plans_question_is_the_readers_not_the_topics():
    q = analyse("Những kế hoạch nào về chuyển đổi số có số hiệu gì?", DOCS, [])
    assert not TOPICS.applies(q)
