"""A duties question's named unit is matched on the question's own words: a document number's issuer code
("556/KH-UBND") is no unit, and a unit written as a code with "&" ("Sở NN&MT") is its spelled-out name."""
from corpus.model import Clause
from retrieval.query import Question, folded, numbers_named, without_numbers
from retrieval.strategies import lead_units, units_named


def led(n: int, lead: str, units: tuple[str, ...]) -> Clause:
    return Clause(id=f"d:{n}", doc_id="d", kind="bullet", label="-", section_path=["Tổ chức thực hiện"],
                  text=f"{lead} chủ trì", source="d.md", lines=(n, n), lead=lead, lead_units=units)


LEADS = lead_units([
    led(1, "Sở Tài chính", ("Sở Tài chính",)),
    led(2, "Các sở, ngành có liên quan; Ủy ban nhân dân các xã, phường",
        ("Các sở", "ngành có liên quan", "Ủy ban nhân dân các xã", "phường")),
    led(3, "Sở Khoa học và Công nghệ", ("Sở Khoa học và Công nghệ",)),
    led(4, "Ủy ban nhân dân các xã", ("Ủy ban nhân dân các xã",)),
])


def words(text: str) -> list[str]:
    """Folded words with the issuer code spelled out as the index does ("UBND")."""
    return folded(text.replace("UBND", "Ủy ban nhân dân")).replace("/", " ").replace("-", " ").split()


def question(text: str) -> Question:
    return Question(text=text, folded=folded(text), qtype="duties", numbers_named=numbers_named(text))


def test_issuer_code_of_a_named_plan_is_not_the_unit_asked_about():
    # wordings of three plans: Đồng Tháp 556/KH-UBND, Hà Nội 310/KH-UBND, Sơn La 2954/QĐ-UBND
    assert units_named(question("Sở Tài chính Đồng Tháp được giao gì trong KH 556/KH-UBND về biển?"),
                       LEADS, words) == {"Sở Tài chính"}
    assert units_named(question("Sở Khoa học và Công nghệ có nhiệm vụ gì trong KH 310/KH-UBND?"),
                       LEADS, words) == {"Sở Khoa học và Công nghệ"}
    assert units_named(question("Theo QĐ 2954/QĐ-UBND, Sở Tài chính phải làm gì?"), LEADS, words) == {"Sở Tài chính"}


def test_a_commune_authority_named_outside_the_number_is_still_matched():
    assert "Ủy ban nhân dân các xã" in units_named(
        question("UBND các xã phải làm gì theo Kế hoạch 556/KH-UBND?"), LEADS, words)


def test_document_numbers_are_taken_out_with_their_codes():
    text = "KH 556/KH-UBND, QĐ 4385/QĐ-BVHTTDL, TT 56/2025/TT-BCT"
    assert "UBND" not in without_numbers(text, numbers_named(text))
    assert "Sở Tài chính" in without_numbers("Sở Tài chính theo 556/KH-UBND", numbers_named("Sở Tài chính theo 556/KH-UBND"))
