"""List questions the plans answer are not read as uncovered.

Two readings that refused answered lists:

- the list's frame counted as content: "Liệt kê các giải pháp thu NSNN …", "Lai Châu liệt kê những hoạt động hỗ
  trợ thi hành Luật …", "Kế hoạch nào nhắc tới hệ thống thu phí không dừng", "… bằng những cách nào": the verb asking
  for the list, a plan's mention, a manner are written by the question, never by the heading announcing the list or
  its items (`query._QUESTION_PHRASES`), so they are no content word, no rarest word and no compound the plan lacks;
- a unit named as the one whose list is asked ("Trung tâm chính trị xã có những chương trình bồi dưỡng chuyên đề
  nào?") read as acting nowhere, since the list's heading names no unit: a plan whose title names the unit is that
  unit's (`evidence._title_names_unit`), as its issuer's plan is.

Synthetic wordings modelled on dev plans (a province's three-year budget plan, a province's law-implementation plan,
a transport digitalisation plan, a political centre's training regulation, a district health centre's work plan, a
farmers' association's charter).
"""
from __future__ import annotations

from functools import partial

from retrieval.evidence import Evidence
from retrieval.query import content_segments
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause, plans_of, read_evidence


def _words(question: str) -> list[str]:
    return [w for run in content_segments(question) for w in run]


def test_a_listing_verb_is_no_content_word():
    # budget plan: "liệt kê" is the question's, the heading writes "giải pháp … thu NSNN"
    ws = _words("Liệt kê các giải pháp thu ngân sách của Cà Mau.")
    assert "liet" not in ws and "ke" not in ws and {"giai", "phap", "thu", "ngan", "sach"} <= set(ws)
    # law-implementation plan, the verb inside the question
    ws = _words("Lai Châu liệt kê những hoạt động hỗ trợ thi hành Luật Tiêu chuẩn nào?")
    assert "liet" not in ws and "ke" not in ws and {"ho", "tro", "thi", "hanh"} <= set(ws)
    # transport plan, typed without marks
    ws = _words("ke hoach chuyen doi so giao thong liet ke nhung he thong giam sat nao")
    assert "liet" not in ws and {"giam", "sat", "he", "thong"} <= set(ws)
    assert "ten" not in _words("Kể tên các chương trình bồi dưỡng chuyên đề")
    assert "bao" not in _words("Hồ sơ học viên bao gồm những gì?")


def test_a_mention_or_a_manner_asked_is_no_content_word():
    ws = _words("Kế hoạch nào nhắc tới hệ thống thu phí điện tử?")
    assert "nhac" not in ws and "toi" not in ws and {"thu", "phi"} <= set(ws)
    assert "cap" not in _words("Kế hoạch nào đề cập đến cơ sở dữ liệu quy hoạch?")
    ws = _words("Thành phố huy động kinh phí cho cơ sở dữ liệu bằng những cách nào?")
    assert "bang" not in ws and "cach" not in ws and {"huy", "dong", "kinh", "phi"} <= set(ws)


def test_the_same_syllables_inside_a_topic_stay_content():
    assert {"cai", "cach"} <= set(_words("Cải cách hành chính được làm bằng cách nào?"))
    assert {"neu", "guong"} <= set(_words("Những tấm gương nêu gương nào được khen thưởng?"))
    assert {"bao", "ve"} <= set(_words("Những giải pháp bảo vệ môi trường nào?"))


PLANS = plans_of(
    ("tt", "Quy chế bồi dưỡng, giảng dạy của Trung tâm chính trị xã, phường", "Đồng Tháp"),
    ("yt", "Kế hoạch hoạt động năm 2026 của Trung tâm Y tế huyện Mường Tè", "Lai Châu"),
    ("hnd", "Điều lệ Hội Nông dân tỉnh", "Sơn La"),
    ("tm", "Kế hoạch phát triển trung tâm thương mại gắn với hệ thống chính trị cơ sở", "Cà Mau"),
)

CLAUSES = [
    plan_clause("tt", 10, "4. Các chương trình, tài liệu bồi dưỡng chuyên đề gồm:", ["Điều 4. Chương trình"],
                kind="heading"),
    plan_clause("tt", 11, "- “Chủ nghĩa yêu nước Việt Nam”; “Tư tưởng Hồ Chí Minh”.", ["Điều 4. Chương trình"]),
    plan_clause("yt", 10, "- Các hoạt động truyền thông phòng chống dịch bệnh gồm:", ["II. NHIỆM VỤ"], kind="heading"),
    plan_clause("yt", 11, "+ Phát thanh trên loa truyền thanh xã; tờ rơi tại trạm y tế.", ["II. NHIỆM VỤ"]),
    plan_clause("yt", 20, "- Tổ chức tiêm chủng mở rộng cho trẻ em dưới 1 tuổi.", ["II. NHIỆM VỤ"],
                lead="Trạm Y tế xã"),
    plan_clause("hnd", 10, "Điều 5. Các phong trào thi đua của hội viên gồm:", ["Chương II"], kind="heading"),
    plan_clause("hnd", 11, "1. Nông dân thi đua sản xuất, kinh doanh giỏi.", ["Chương II"]),
    # the units as the plans' leads name them (`Evidence.unit_runs`: how a question's unit is read)
    plan_clause("tt", 30, "1. Trung tâm chính trị xã tổ chức giảng dạy các chuyên đề.", ["Điều 6. Tổ chức giảng dạy"],
                kind="item", lead="Trung tâm chính trị xã", lead_units=("Trung tâm chính trị xã",)),
    plan_clause("yt", 30, "- Giám sát dịch bệnh tại các xã.", ["III. TỔ CHỨC THỰC HIỆN"],
                lead="Trung tâm Y tế huyện Mường Tè", lead_units=("Trung tâm Y tế huyện Mường Tè",)),
    plan_clause("tm", 10, "- Các chương trình bồi dưỡng chuyên đề cho cán bộ cơ sở gồm:", ["III. GIẢI PHÁP"],
                kind="heading"),
]

_read = partial(read_evidence, plans=PLANS)


def _ev() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


def test_a_plan_whose_title_names_the_unit_states_what_the_unit_has():
    ev = _ev()
    # training regulation: the list's heading names no unit, the title names the centre
    assert _read(ev, "named_unit_takes_part", "Trung tâm chính trị xã có những chương trình bồi dưỡng chuyên đề nào?",
                 [("tt", 10), ("tt", 11)]) == 1.0
    # a district health centre's work plan
    assert _read(ev, "named_unit_takes_part", "Trung tâm Y tế huyện Mường Tè có những hoạt động truyền thông "
                 "phòng chống dịch bệnh nào?", [("yt", 10), ("yt", 11)]) == 1.0
    # an association's charter
    assert _read(ev, "named_unit_takes_part", "Hội Nông dân tỉnh có những phong trào thi đua nào?",
                 [("hnd", 10), ("hnd", 11)]) == 1.0


def test_a_title_writing_the_units_words_apart_names_no_unit():
    ev = _ev()
    assert _read(ev, "named_unit_takes_part", "Trung tâm chính trị xã có những chương trình bồi dưỡng chuyên đề nào?",
                 [("tm", 10)]) == 0.0


def test_another_units_plan_or_a_role_asked_is_not_the_units():
    ev = _ev()
    # the health centre's plan says nothing of the political centre
    assert _read(ev, "named_unit_takes_part", "Trung tâm chính trị xã có những hoạt động truyền thông nào?",
                 [("yt", 10), ("yt", 11)]) == 0.0
    # a role asked of a task is not taken by being the plan's subject
    assert _read(ev, "named_unit_takes_part", "Trung tâm Y tế huyện Mường Tè chủ trì những hoạt động truyền thông "
                 "nào?", [("yt", 10), ("yt", 11)]) == 0.0
    # a clause another unit leads says what that unit does
    assert _read(ev, "named_unit_takes_part", "Trung tâm Y tế huyện Mường Tè tổ chức tiêm chủng mở rộng như thế "
                 "nào?", [("yt", 20)]) == 0.0
