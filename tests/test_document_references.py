"""What a plan says of other documents is read once by the parser as typed lines on `Document.field_lines`
(`corpus.letterhead_lines.reference_lines`): the acts it rests on ("Căn cứ …"), the one it carries out ("Thực hiện
Quyết định …"), on whose proposal it was issued ("Theo đề nghị của … tại Tờ trình số …"), and what it replaces or
repeals ("Kế hoạch này thay thế …", "Bãi bỏ Quyết định số …"). A question asking that of a plan is read as such
(`query.asks_reference`), and its answer quotes the line stating it (`answer.document_fact_clauses`). Wordings are
modelled on several provinces' and ministries' plans."""
from __future__ import annotations

import pytest

from corpus.model import FieldLine, LetterheadLines
from corpus.text import folded
from retrieval.answer import document_fact_clauses
from retrieval.query import Question, asks_reference, numbers_named, role_flags
from retrieval.strategies import strategy_for
from tests.snippets import parse_md

# a province's decision issuing a plan (letterhead, preamble, body, repeal, signature)
_DECISION = """
**ỦY BAN NHÂN DÂN**
**TỈNH SƠN LA**

Số: 2954/QĐ-UBND

*Sơn La, ngày 20 tháng 11 năm 2025*

**QUYẾT ĐỊNH**
**Về việc ban hành Kế hoạch xuất khẩu sản phẩm hàng hóa giai đoạn 2026 - 2030**

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

Căn cứ Quyết định số 493/QĐ-TTg ngày 19 tháng 4 năm 2022 của Thủ tướng Chính phủ phê duyệt Chiến lược xuất nhập khẩu hàng hóa;

Theo đề nghị của Sở Công Thương tại Tờ trình số 298/TTr-SCT ngày 23/10/2025.

**I. MỤC TIÊU**

1. Kim ngạch xuất khẩu tăng bình quân 10%/năm.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Công Thương chủ trì triển khai Kế hoạch.

- Triển khai Quyết định số 100/QĐ-UBND về xúc tiến thương mại.

2. Kế hoạch này thay thế Kế hoạch số 76/KH-UBND ngày 30/8/2023 của Ủy ban nhân dân tỉnh.

**KT. CHỦ TỊCH**
**PHÓ CHỦ TỊCH**

Nguyễn Văn A
"""

# a city's plan carrying out a Prime Minister's decision, and a ministry's decision repealing an older one
_PLAN = """
**ỦY BAN NHÂN DÂN**
**THÀNH PHỐ HỒ CHÍ MINH**

Số: 172/KH-UBND

*Thành phố Hồ Chí Minh, ngày 29 tháng 11 năm 2025*

**KẾ HOẠCH**
**Triển khai thi hành Luật Việc làm trên địa bàn Thành phố**

Thực hiện Quyết định số 1850/QĐ-TTg ngày 27 tháng 8 năm 2025 của Thủ tướng Chính phủ về ban hành Kế hoạch triển khai thi hành Luật Việc làm;

**I. MỤC ĐÍCH, YÊU CẦU**

1. Căn cứ vào tình hình thực tế, các sở xây dựng kế hoạch.

2. Đề xuất bãi bỏ Nghị định số 147/2025/NĐ-CP về bảo trợ xã hội.
"""

_REPEAL = """
**BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG**

Số: 5042/QĐ-BNNMT

*Hà Nội, ngày 01 tháng 12 năm 2025*

**QUYẾT ĐỊNH**
**Về việc công bố thủ tục hành chính nội bộ**

Xét đề nghị của Cục trưởng Cục Trồng trọt và Bảo vệ thực vật,

**Điều 1.** Công bố kèm theo Quyết định này thủ tục hành chính nội bộ.

**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký.

Bãi bỏ Quyết định số 1667/QĐ-BNNMT ngày 26/5/2025 của Bộ Nông nghiệp và Môi trường.
"""


def _texts(plan, role: str) -> list[str]:
    by_id = {c.id: c for c in plan.clauses}
    return [by_id[f.clause_id].text for f in plan.document.field_lines.references(role)]


def test_preamble_lines_are_read_as_what_the_plan_rests_on_carries_out_and_was_proposed_by():
    plan = parse_md(_DECISION)
    assert [folded(t)[:20] for t in _texts(plan, "basis")] == ["can cu luat to chuc ", "can cu quyet dinh so"]
    assert [t[:40] for t in _texts(plan, "proposal")] == ["Theo đề nghị của Sở Công Thương tại Tờ t"]
    city = parse_md(_PLAN)
    assert any(t.startswith("Thực hiện Quyết định số 1850/QĐ-TTg") for t in _texts(city, "implements"))
    ministry = parse_md(_REPEAL)
    assert [t[:30] for t in _texts(ministry, "proposal")] == ["Xét đề nghị của Cục trưởng Cục"]


def test_a_line_saying_the_plan_replaces_or_repeals_a_numbered_document_is_read_anywhere():
    assert [t[:40] for t in _texts(parse_md(_DECISION), "replaces")] == ["2. Kế hoạch này thay thế Kế hoạch số 76/"]
    assert [t[:30] for t in _texts(parse_md(_REPEAL), "replaces")] == ["Bãi bỏ Quyết định số 1667/QĐ-B"]


def test_body_lines_naming_documents_are_no_references_of_the_plan():
    # a task carrying out another decision, a "căn cứ" naming no document, a repeal a task proposes
    decision, city = parse_md(_DECISION), parse_md(_PLAN)
    assert not any("100/QĐ-UBND" in t for role in ("implements", "basis") for t in _texts(decision, role))
    assert not any("tình hình thực tế" in t for t in _texts(city, "basis"))
    assert _texts(city, "replaces") == []


def test_reference_lines_survive_the_index_round_trip_and_are_asked_in_order():
    lines = parse_md(_DECISION).document.field_lines
    again = LetterheadLines.from_dict(lines.to_dict())
    assert again == lines
    asked = lines.asked(number=True, date=True, roles=("proposal",))
    assert asked[:2] == (*lines.number, lines.place_date) and asked[2:] == lines.proposal
    assert LetterheadLines.from_dict({"number": [], "signature": []}).basis == ()  # an index of an older format


@pytest.mark.parametrize("question, roles", [
    ("KH thi hành Luật Việc làm của TP.HCM thực hiện quyết định nào của Thủ tướng?", ("implements", "basis")),
    ("Kế hoạch thi đua của Đắk Lắk số mấy, thực hiện quyết định nào?", ("implements", "basis")),
    ("ke hoach xuat khau Son La can cu chien luoc nao cua Thu tuong?", ("basis", "implements")),
    ("KH xuất khẩu Sơn La ban hành theo đề nghị của cơ quan nào, tại văn bản nào?", ("proposal",)),
    ("Kế hoạch biển, hải đảo Đồng Tháp thay thế văn bản nào?", ("replaces",)),
    ("QĐ 5042/QĐ-BNNMT bãi bỏ quyết định nào?", ("replaces",)),
    ("Thông tư 56/2025/TT-BCT bãi bỏ thông tư nào về thanh tra chuyên ngành Công Thương?", ("replaces",)),
])
def test_questions_asking_what_a_plan_refers_to_are_read_with_the_roles_answering_them(question, roles):
    assert asks_reference(folded(question)) == roles


@pytest.mark.parametrize("question", [
    "tieu chuan khen thuong dot thi dua o Nghe An can cu vao dau?",  # a task's rule, no plan before "căn cứ"
    "Căn cứ pháp lý của thủ tục lập kế hoạch, đề án phát triển vùng sản xuất là gì?",
    "Các sở, ngành Sơn La gửi báo cáo tổng kết năm thực hiện kế hoạch xuất khẩu trước ngày nào?",
    "Có những kế hoạch triển khai thi hành luật nào, thi hành luật gì?",  # which plans: their titles answer it
    "QĐ 5042/QĐ-BNNMT bãi bỏ những thủ tục hành chính nội bộ nào?",  # the items it repeals, not a document
    # who drafts a decree carrying out a law: a task's lead, not a document the plan carries out
    "Lai Châu triển khai Luật Tiêu chuẩn: tham mưu nghị định quy định chi tiết thi hành Luật do cơ quan nào chủ trì?",
    "Đắk Lắk khen thưởng theo quyết định của cơ quan nào?",  # no "<kind> nào của": who decides
])
def test_questions_about_a_task_or_a_list_ask_no_reference_of_the_plan(question):
    assert asks_reference(folded(question)) == ()


def test_quyet_dinh_nao_asked_as_what_the_plan_carries_out_is_not_its_own_number():
    q = "KH thi hành Luật Việc làm của TP.HCM thực hiện quyết định nào của Thủ tướng?"
    assert not role_flags(folded(q), numbers_named(q)).asks_number
    q = "Kế hoạch thi đua chào mừng Đại hội XIV của Đắk Lắk ban hành theo quyết định nào?"
    assert role_flags(folded(q), numbers_named(q)).asks_number  # "ban hành theo": the plan's own number line


def test_the_answer_quotes_the_lines_stating_the_facts_asked_of_the_document():
    plan = parse_md(_DECISION)
    q = Question(text="…", folded="…", qtype="fact", asks_reference=("proposal",))
    assert [c.text[:20] for c in document_fact_clauses(q, plan.document, plan.clauses)] == ["Theo đề nghị của Sở "]
    q = Question(text="…", folded="…", qtype="fact", asks_number=True, asks_reference=("replaces",))
    found = document_fact_clauses(q, plan.document, plan.clauses)
    assert [c.text for c in found][0] == "Số: 2954/QĐ-UBND" and "thay thế Kế hoạch số 76" in found[-1].text


def _compose(q: Question, plan, first: str) -> str:
    from retrieval.answer import compose_answer
    from tests.snippets import clause

    ranked = [(clause(plan, first), 0.9, 1.0)]
    return compose_answer(strategy_for(q), q, ranked, {plan.document.id: plan.document}, None, lambda d: plan.clauses)


def test_a_reference_asked_is_answered_by_its_line_and_a_task_asked_with_the_number_by_the_task():
    plan = parse_md(_DECISION)
    asked = Question(text="…", folded="…", qtype="fact", asks_reference=("replaces",))
    answer = _compose(asked, plan, "1. Sở Công Thương chủ trì")
    assert "thay thế Kế hoạch số 76/KH-UBND" in answer and "Sở Công Thương chủ trì" not in answer
    # "gửi … trong thời hạn bao lâu kể từ ngày ban hành": a task's time, though "ngày ban hành" reads the number
    task = Question(text="…", folded="…", qtype="when", asks_number=True)
    answer = _compose(task, plan, "1. Sở Công Thương chủ trì")
    assert "Sở Công Thương chủ trì" in answer and "Số: 2954" not in answer


def test_a_thing_done_according_to_a_decision_asks_no_reference_of_the_plan():
    # "kế hoạch sử dụng đất … thực hiện theo quyết định nào": a plan the document names, done as a decision says
    assert asks_reference(folded("ke hoach su dung dat giai doan 2021-2025 thuc hien theo quyet dinh nao")) == ()


# The plan's own date asked with its number, whatever the wording and order (modelled on Cà Mau's budget plan, Nghệ
# An's 5G plan and Sơn La's export decision): the place-and-date line is quoted with the number line.
@pytest.mark.parametrize("question", [
    "Số hiệu và ngày ban hành kế hoạch tài chính - ngân sách 03 năm của Cà Mau?",
    "Kế hoạch 5G khu công nghiệp Nghệ An số mấy, ban hành ngày nào?",
    "Quyết định ban hành kế hoạch xuất khẩu Sơn La ký ngày nào?",
    "Ngày ký và số hiệu của kế hoạch thi đua Đắk Lắk?",
])
def test_the_plans_number_and_date_asked_together_read_both_its_lines(question):
    flags = role_flags(folded(question), numbers_named(question))
    assert flags.asks_number and flags.asks_date
    plan = parse_md(_DECISION)
    q = Question(text=question, folded=folded(question), qtype="fact", asks_number=True, asks_date=flags.asks_date)
    assert [c.text for c in document_fact_clauses(q, plan.document, plan.clauses)] == [
        "Số: 2954/QĐ-UBND", "Sơn La, ngày 20 tháng 11 năm 2025"]


def test_the_number_alone_asked_reads_no_date_line():
    q = "Kế hoạch xuất khẩu Sơn La có số hiệu là gì?"
    assert not role_flags(folded(q), numbers_named(q)).asks_date


# What the plan carries out, asked as "theo/triển khai <kind> nào / số mấy của <issuer>": the implemented document,
# not the plan's own number (Đắk Lắk's contest plan, Nghệ An's 5G plan, TP.HCM's employment-law plan).
@pytest.mark.parametrize("question", [
    "thi đua Đắk Lắk theo quyết định nào của TTg?",
    "ke hoach 987 nghe an ve 5G trien khai ke hoach hanh dong so may cua tinh uy?",
    "KH thi hành Luật Việc làm TP.HCM theo quyết định số mấy của Thủ tướng?",
    "Chương trình chuyển đổi số của Đồng Tháp thực hiện nghị quyết đại hội nào?",
])
def test_the_document_a_plan_carries_out_asked_by_issuer_or_qualified_kind_is_its_implements_line(question):
    flags = role_flags(folded(question), numbers_named(question))
    assert flags.asks_reference == ("implements", "basis") and not flags.asks_number


@pytest.mark.parametrize("question, number", [
    ("Kế hoạch thi đua chào mừng Đại hội XIV của Đắk Lắk ban hành theo quyết định nào?", True),
    ("Kế hoạch xuất khẩu Sơn La ban hành kèm theo quyết định nào của UBND tỉnh?", True),
    ("Kế hoạch 987 số mấy, triển khai kế hoạch hành động nào của tỉnh ủy?", True),  # its own number asked first
])
def test_the_plans_own_number_stays_asked_beside_a_reference(question, number):
    assert role_flags(folded(question), numbers_named(question)).asks_number is number


# The plan's own period asked of the plan the question opens with: its title line states it (Cà Mau's three-year
# budget plan, Sơn La's export plan, Nghệ An's 5G plan); a time a task is done by is no such question.
@pytest.mark.parametrize("question", [
    "Kế hoạch tài chính - ngân sách 03 năm của Cà Mau áp dụng cho những năm nào?",
    "kế hoạch xuất khẩu sơn la chạy giai đoạn nào?",
    "KH 987 Nghệ An về 5G khu công nghiệp áp dụng giai đoạn nào?",
    "Chương trình hành động của Đắk Lắk thực hiện trong giai đoạn nào?",
])
def test_the_plans_own_period_asked_reads_its_title_line(question):
    assert role_flags(folded(question)).asks_period


@pytest.mark.parametrize("question", [
    "Kế hoạch thúc đẩy sử dụng nền tảng số quốc gia trên địa bàn Đồng Nai phải xây dựng trong năm nào?",
    "ke hoach 5G cua Ha Noi va Nghe An moi noi dat moc den nam nao?",
    "Báo cáo giữa kỳ thực hiện kế hoạch lộ trình đổi mới công nghệ Đồng Tháp làm vào năm nào?",
    "Sở Công Thương Sơn La triển khai kế hoạch xuất khẩu giai đoạn nào?",  # a unit's part, not the plan named first
    # a document the plan names and carries out, not the plan: its period is stated where the plan names it
    "Đề án xây dựng lực lượng dân quân tự vệ của Tỉnh ủy Thái Nguyên áp dụng cho giai đoạn nào?",
])
def test_a_time_a_task_is_done_by_is_not_the_plans_own_period(question):
    assert not role_flags(folded(question)).asks_period


def test_the_plans_own_period_is_answered_by_its_title_when_it_names_a_year():
    plan = parse_md(_DECISION)
    q = Question(text="…", folded="…", qtype="when", asks_period=True)
    found = document_fact_clauses(q, plan.document, plan.clauses)
    assert len(found) == 1 and "2026 - 2030" in found[0].text
    undated = parse_md(_REPEAL)  # its title names no year: no line of the document states a period
    assert document_fact_clauses(q, undated.document, undated.clauses) == []
