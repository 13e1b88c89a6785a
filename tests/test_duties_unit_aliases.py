"""A duties question names its unit the way people say it: the body without the level the plan closes its name with
("Hội Nông dân Đồng Tháp" for "Hội Nông dân tỉnh"), by its short form ("BCH Quân sự", "Đoàn TNCS", "Hội LHPN") read
through the shared abbreviations (`corpus.text.ABBREVIATIONS`), and asks what it was "phân công" as well as "giao".
Wordings modelled on the dev plans of Đồng Tháp (sea and islands: Bộ Chỉ huy Quân sự tỉnh; export: Hội Nông dân
tỉnh), Đồng Nai (digital economy: Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh, Sở Y tế), Sơn La (export: Liên minh Hợp
tác xã tỉnh) and Đắk Lắk (emulation: Hội Liên hiệp Phụ nữ tỉnh, Hội Cựu chiến binh tỉnh)."""
from __future__ import annotations

import pytest

from corpus.model import Clause, units_of
from corpus.text import everyday_plan_words
from retrieval.answer import compose_duties
from retrieval.query import Question, folded, question_type
from retrieval.strategies import unit_bodies, unit_known, unit_match, unit_score, units_named
from tests.snippets import unit_words


def q(text: str, unit: str | None = None) -> Question:
    return Question(text=text, folded=folded(text), qtype="duties", unit=unit,
                    unit_key=folded(unit) if unit else None)


@pytest.mark.parametrize("question, lead", [
    ("Hội Nông dân Đồng Tháp phải làm gì theo kế hoạch xuất khẩu?", "Hội Nông dân tỉnh"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh Đồng Nai có nhiệm vụ gì?", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"),
    ("Liên minh Hợp tác xã Sơn La được giao những việc gì?", "Liên minh Hợp tác xã tỉnh"),
    ("Ban Quản lý Khu kinh tế Đồng Tháp phải làm gì?", "Ban Quản lý Khu kinh tế tỉnh"),
])
def test_a_unit_named_without_the_level_closing_its_lead_is_named_wholly(question, lead):
    leads = {lead: units_of(lead), "Sở Nông nghiệp và Môi trường": ("Sở Nông nghiệp và Môi trường",)}
    assert units_named(q(question), leads, unit_words) == {lead}


@pytest.mark.parametrize("question, lead", [
    ("UBND xã ở Đồng Tháp phải làm gì?", "Ủy ban nhân dân tỉnh"),
    ("UBND cấp xã ở Đồng Tháp phải làm gì?", "Ủy ban nhân dân cấp tỉnh"),
    ("Hội Nông dân xã An Hưng phải làm gì?", "Hội Nông dân tỉnh"),
])
def test_a_question_naming_another_level_does_not_name_the_body_of_this_one_wholly(question, lead):
    assert unit_score(tuple(unit_words(question)), lead, units_of(lead), unit_words)[0] is False


@pytest.mark.parametrize("question, lead", [
    ("Bộ đội tỉnh (BCH Quân sự) Đồng Tháp phải làm gì theo kế hoạch biển, hải đảo?", "Bộ Chỉ huy Quân sự tỉnh"),
    ("Đoàn TNCS Hồ Chí Minh Đồng Nai có nhiệm vụ gì trong kế hoạch kinh tế số?",
     "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"),
    ("Hội LHPN tỉnh Đắk Lắk phải làm gì trong đợt thi đua?", "Hội Liên hiệp Phụ nữ tỉnh"),
    ("Hội CCB Đắk Lắk được giao gì?", "Hội Cựu chiến binh tỉnh"),
])
def test_a_unit_named_by_its_short_form_is_matched_to_the_lead_written_out(question, lead):
    assert unit_match(tuple(unit_words(question)), lead, units_of(lead), unit_words) >= 3


@pytest.mark.parametrize("question", [
    "Sở Y tế Đồng Nai được phân công gì trong KH kinh tế số, xã hội số?",
    "Sở Tư pháp Lai Châu được phân công những việc gì trong kế hoạch thi hành luật?",
    "Công an tỉnh Đồng Tháp được phân công nhiệm vụ nào trong kế hoạch chuyển đổi số giao thông?",
])
def test_what_a_unit_was_phan_cong_asks_its_duties(question):
    assert question_type(folded(question)) == "duties"


def test_who_assigns_stays_a_who_question():
    assert question_type(folded("Ai phân công trách nhiệm thành viên chỉ đạo đợt thi đua ở Nghệ An?")) == "who"


def _task(n: int, text: str, lead: str) -> Clause:
    return Clause(id=f"p:{n}", doc_id="p", kind="bullet", label="-", section_path=["IV. NHIỆM VỤ CỤ THỂ", f"9. {lead}"],
                  text=text, source="p.md", lines=(n, n), lead=lead, lead_units=(lead,))


def test_a_duties_answer_names_the_unit_as_the_plan_writes_it_when_asked_by_a_short_form():
    tasks = [_task(645, "- Thực hiện tốt nhiệm vụ quốc phòng, an ninh trên biển.", "Bộ Chỉ huy Quân sự tỉnh"),
             _task(651, "- Phối hợp bảo vệ an ninh, an toàn cho các hoạt động điều tra cơ bản.", "Bộ Chỉ huy Quân sự tỉnh")]
    out = compose_duties(q("BCH quân sự Đồng Tháp phải làm gì?", unit="BCH quân sự"), tasks, {"Bộ Chỉ huy Quân sự tỉnh"})
    assert out is not None and out.startswith("Bộ Chỉ huy Quân sự tỉnh được giao")
    # a unit the question names as the lead writes it keeps the question's name
    out = compose_duties(q("Sở Y tế Đồng Nai phải làm gì?", unit="Sở Y tế"),
                         [_task(1427, "- Chủ trì triển khai các nhiệm vụ trong lĩnh vực y tế.", "Sở Y tế")], {"Sở Y tế"})
    assert out is not None and out.startswith("Sở Y tế được giao")


@pytest.mark.parametrize("question, other, own", [
    # Sơn La's export plan: the communes' authority, not the province's
    ("UBND xã, phường ở Sơn La phải phối hợp làm gì về mã số vùng trồng?", "Ủy ban nhân dân cấp tỉnh",
     "Ủy ban nhân dân các xã, phường"),
    # Đồng Tháp's sea and islands plan
    ("UBND các xã ở Đồng Tháp phải làm gì theo kế hoạch biển, hải đảo?", "Ủy ban nhân dân tỉnh",
     "Ủy ban nhân dân các xã"),
    # Đắk Lắk's emulation plan: the province's authority, not the communes'
    ("UBND tỉnh Đắk Lắk được giao gì trong đợt thi đua?", "Ủy ban nhân dân cấp xã", "Ủy ban nhân dân tỉnh"),
    # TP.HCM's planning-data plan: a ward is a commune-level body too
    ("UBND phường ở TP.HCM phải làm gì với dữ liệu quy hoạch?", "Ủy ban nhân dân Thành phố",
     "Ủy ban nhân dân xã, phường, đặc khu"),
])
def test_a_unit_named_at_another_tier_is_not_the_lead(question, other, own):
    words = tuple(unit_words(question))
    assert unit_match(words, other, units_of(other), unit_words) == 0
    assert unit_match(words, own, units_of(own), unit_words) >= 3
    assert units_named(q(question), {other: units_of(other), own: units_of(own)}, unit_words) == {own}


def _bodies(*leads: str) -> dict:
    return unit_bodies({lead: units_of(lead) for lead in leads}, unit_words)


@pytest.mark.parametrize("opening, lead", [
    # Sơn La's export plan lists the bodies it asks in one lead
    ("Hội Nông dân Sơn La phải", "Liên minh Hợp tác xã tỉnh, Đoàn TNCS Hồ Chí Minh tỉnh, Hội nông dân tỉnh"),
    ("Đoàn TNCS Hồ Chí Minh Sơn La", "Liên minh Hợp tác xã tỉnh, Đoàn TNCS Hồ Chí Minh tỉnh, Hội nông dân tỉnh"),
    # Đồng Nai's digital-economy plan
    ("Hội Nông dân Đồng Nai phải", "Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã"),
    # a commune plan's office of the council and the committee, named at its own tier
    ("Văn phòng HĐND&UBND xã Lạc Phượng", "Văn phòng HĐND&UBND xã"),
])
def test_a_unit_a_question_opens_with_is_known_when_a_lead_lists_it(opening, lead):
    assert unit_known(unit_words(opening), _bodies(lead))


@pytest.mark.parametrize("opening, lead", [
    ("Hội Nông dân xã An Hưng", "Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã"),  # another tier
    ("Đoàn Thanh niên Nghệ An", "Liên minh Hợp tác xã tỉnh, Đoàn TNCS Hồ Chí Minh tỉnh, Hội nông dân tỉnh"),
    ("Hội Cựu chiến binh Sơn La", "Liên minh Hợp tác xã tỉnh, Đoàn TNCS Hồ Chí Minh tỉnh, Hội nông dân tỉnh"),
])
def test_a_unit_no_lead_lists_stays_unknown(opening, lead):
    assert not unit_known(unit_words(opening), _bodies(lead))


def aliased(text: str) -> Question:
    """A duties question with the plans' words for its everyday words (`corpus.text.everyday_plan_words`)."""
    return Question(text=text, folded=folded(text), qtype="duties", plan_words=everyday_plan_words(text))


@pytest.mark.parametrize("question, lead", [
    # Đồng Tháp's sea and islands plan, Đồng Nai's digital-economy plan: the military command
    ("Bộ đội tỉnh Đồng Tháp phải làm gì theo kế hoạch biển, hải đảo?", "Bộ Chỉ huy Quân sự tỉnh"),
    ("Ban chỉ huy quân sự tỉnh Đồng Nai được giao gì trong kế hoạch kinh tế số?", "Bộ Chỉ huy Quân sự tỉnh"),
    # Sơn La's export plan, Đồng Nai's digital-economy plan: the youth union
    ("Tỉnh đoàn Sơn La phải làm gì trong kế hoạch xuất khẩu?", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"),
    ("Đoàn thanh niên Đồng Nai có nhiệm vụ gì trong kế hoạch kinh tế số?", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"),
])
def test_a_body_named_by_everyday_words_is_matched_through_the_vocabulary(question, lead):
    leads = {lead: units_of(lead), "Sở Nội vụ": ("Sở Nội vụ",)}
    assert units_named(aliased(question), leads, unit_words) == {lead}


def test_the_body_a_question_names_in_its_own_words_wins_over_an_everyday_alias():
    leads = {"Bộ Chỉ huy Quân sự tỉnh": ("Bộ Chỉ huy Quân sự tỉnh",),
             "Bộ Chỉ huy Bộ đội Biên phòng tỉnh": ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh",)}
    assert units_named(aliased("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Đồng Tháp phải làm gì?"), leads, unit_words) == {
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"}


def test_a_unit_naming_its_place_after_its_level_is_known_by_its_body():
    bodies = _bodies("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng Nai")
    assert unit_known(unit_words("đoàn thanh niên cộng sản hồ chí minh"), bodies)
    assert not unit_known(unit_words("Đoàn Thanh niên Nghệ An phải"), bodies)


@pytest.mark.parametrize("question, lead", [
    # Đắk Lắk's emulation plan: the women's union people call "Hội phụ nữ"
    ("Hội phụ nữ tỉnh Đắk Lắk phải làm gì trong đợt thi đua?", "Hội Liên hiệp Phụ nữ tỉnh"),
    # Đồng Nai's digital-economy plan: the province's trade union, "công đoàn" in everyday words
    ("Công đoàn tỉnh Đồng Nai được giao gì trong kế hoạch kinh tế số?", "Liên đoàn Lao động tỉnh"),
    # Sơn La's export plan, Đồng Tháp's sea and islands plan: the commune's government, "chính quyền xã"
    ("Chính quyền xã ở Sơn La phải làm gì để đẩy mạnh xuất khẩu?", "Ủy ban nhân dân các xã, phường"),
    ("Chính quyền cấp xã ở Đồng Tháp có trách nhiệm gì về biển và hải đảo?", "UBND cấp xã"),
])
def test_a_union_or_a_communes_government_named_in_everyday_words_is_matched_to_its_lead(question, lead):
    leads = {lead: units_of(lead), "Sở Nội vụ": ("Sở Nội vụ",), "Ủy ban nhân dân tỉnh": ("Ủy ban nhân dân tỉnh",)}
    assert units_named(aliased(question), leads, unit_words) == {lead}
