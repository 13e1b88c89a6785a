"""A plan number named in a question selects that document; the signature block answers who signed."""
from corpus.model import Document
from retrieval.query import _ASKS_SIGNER, DocumentNumber, analyse, folded, named_documents, numbered_documents, numbers_named
from corpus.letterhead_lines import signing_title

DOCS = {d.id: d for d in (
    Document(id="na", source="na.md", number="982/KH-UBND"),
    Document(id="na2", source="na2.md", number="987/KH-UBND"),
    Document(id="bo", source="bo.md", number="4385/QĐ-BVHTTDL"),
    Document(id="sl", source="sl.md", number="2954/QĐ-UBND"),
    Document(id="cm", source="cm.md", number="0204/KH-UBND"),
    Document(id="tt", source="tt.md", number="56/2025/TT-BCT"),
    Document(id="hn", source="hn.md", number="48/2025/NQ-HĐND"),
    Document(id="tg", source="tg.md", number="1147-QĐ/BTGDVTW"),
)}


def chosen(question: str) -> set[str]:
    numbers = numbers_named(question)
    return numbered_documents(numbers, named_documents(folded(question), numbers), DOCS)


def test_number_with_code_selects_its_document():
    assert chosen("KH 982/KH-UBND Nghệ An do Phó Chủ tịch nào ký?") == {"na"}
    assert chosen("Quyết định 4385/QĐ-BVHTTDL do ai ký ban hành?") == {"bo"}
    assert chosen("TT 56/2025/TT-BCT không áp dụng cho hoạt động kiểm tra nào?") == {"tt"}


def test_number_with_kind_only_selects_a_plan_of_that_kind():
    assert chosen("Theo Phụ lục 02 QĐ 2954 Sơn La, kế hoạch 2027 có bao nhiêu tấn xoài?") == {"sl"}
    assert chosen("Trong KH 982 của Nghệ An, Sở Nội vụ làm gì?") == {"na"}
    assert chosen("Kế hoạch 204 của Cà Mau do ai ký?") == {"cm"}  # leading zeros of "0204" are no part of it


def test_number_of_another_issuer_or_kind_selects_nothing():
    # the plan implements Nghị quyết 48/NQ-CP; the corpus's 48/2025/NQ-HĐND is another act
    assert chosen("Kế hoạch thực hiện Nghị quyết 48/NQ-CP ở Đồng Tháp báo cáo khi nào?") == set()
    assert chosen("Quyết định 0124/QĐ-UBND của Đắk Lắk quy định gì?") == set()
    assert chosen("Kế hoạch 415/KH-UBND giao sở nào chủ trì?") == set()
    # "kế hoạch 2026-2030" is a period, not a number
    assert chosen("Kế hoạch 2026-2030 của Sơn La đặt mục tiêu gì?") == set()


def test_signer_asked_by_the_signers_office():
    for q in ("KH 982/KH-UBND Nghệ An do Phó Chủ tịch nào ký?", "Kế hoạch 7360 do chủ tịch nào ký?",
              "Quyết định 4385 do thứ trưởng nào ký?", "Kế hoạch 7360/KH-UBND Lai Châu ai ký ban hành?"):
        assert _ASKS_SIGNER.search(folded(q)), q
    assert not _ASKS_SIGNER.search(folded("Ai ký kết thỏa thuận hợp tác?"))


def test_signature_block_titles_are_capital_lines_not_recipients():
    for line in ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "TM. ỦY BAN NHÂN DÂN", "**KT. CHỦ TỊCH**", "PHÓ CHỦ TỊCH"):
        assert signing_title(line), line
    for line in ("Nơi nhận:", "- Thứ trưởng Tạ Quang Đông;", "- UBND 34 tỉnh, thành phố;", "Hoàng Trung", "|"):
        assert not signing_title(line), line


def test_a_questions_document_numbers_are_one_typed_field_read_once():
    """The number and code parts are read once, in query analysis, from the question as written (marks
    kept); the folded names, the plan chosen and the text without them all derive from that one field."""
    q = analyse("Theo KH 0204/KH-UBND và Nghị định 13/2023/NĐ-CP, Sở Tài chính làm gì?", DOCS, [])
    assert q.numbers_named == (DocumentNumber("0204/KH-UBND", "204", ("kh", "ubnd")),
                               DocumentNumber("13/2023/NĐ-CP", "13", ("nd", "cp")))
    assert q.named_documents == ("0204 kh ubnd", "13 2023 nd cp")
    assert numbered_documents(q.numbers_named, q.named_documents, DOCS) == {"cm"}
    # the same question typed without marks reads the same numbers
    bare = analyse("theo kh 0204/kh-ubnd va nghi dinh 13/2023/nd-cp so tai chinh lam gi", DOCS, [])
    assert [(n.number, n.code) for n in bare.numbers_named] == [(n.number, n.code) for n in q.numbers_named]
