"""When-questions in everyday wordings, and what their answers quote (issue #10: "when" lost most on plans nobody
tuned on). The wordings are the ones citizens and staff type — "trước ngày nào", "trong thời gian nào", "vào thời
điểm nào", "giai đoạn nào", "mấy năm", without diacritics — over clauses laid out as the real plans lay them out
(a reporting paragraph, a task table's row, a roadmap item)."""
from __future__ import annotations

import pytest

from corpus.model import Clause, DeadlineSource, Document, Locality
from retrieval.answer import compose_by_plan
from retrieval.query import analyse, filter_by_places
from retrieval.strategies import STRATEGIES


def clause(n: int, text: str, section: list[str], doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "paragraph"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


def question(text: str):
    return analyse(text, {}, [])


@pytest.mark.parametrize("text", [
    "Các sở, ngành gửi báo cáo kết quả thực hiện kế hoạch trước ngày nào?",
    "bao cao 6 thang gui so tai chinh cham nhat ngay nao",
    "Khảo sát hiện trạng hạ tầng viễn thông làm trong thời gian nào?",
    "Đề án số hóa hồ sơ được triển khai vào thời điểm nào?",
    "Nâng cấp trung tâm dữ liệu thực hiện trong giai đoạn nào?",
    "dao tao nhan luc so keo dai giai doan nao",
    "UBND các xã báo cáo kết quả định kỳ nào?",
    "Việc công bố kết quả khảo sát thực hiện với tần suất nào?",
    "Tập huấn cho cán bộ xã diễn ra lúc nào?",
    "Rà soát quy hoạch mạng lưới trường học kéo dài mấy năm?",
    "Bao giờ xong việc số hóa hồ sơ địa chính?",
    "han chot nop bao cao tong ket la khi nao",
])
def test_a_question_asking_a_time_in_everyday_words_is_a_when_question(text):
    q = question(text)
    assert q.qtype == "when"
    assert q.answer_slot is not None and q.answer_slot.kind in ("day", "year", "time")


@pytest.mark.parametrize("text, qtype", [
    ("Kế hoạch này được ký ngày nào?", "fact"),  # the letterhead's date, not a task's deadline
    ("Kế hoạch số mấy, ban hành ngày nào?", "fact"),
    ("Quyết định có hiệu lực từ ngày nào?", "fact"),
    ("Đến năm 2030 tỷ lệ hộ dân dùng nước sạch đạt bao nhiêu %?", "target"),
    ("Ai chủ trì báo cáo kết quả trước ngày 15/12?", "who"),
])
def test_a_date_asked_of_the_plan_itself_or_given_in_the_question_keeps_its_type(text, qtype):
    assert question(text).qtype == qtype


def _row(n: int, text: str, deadline: str) -> Clause:
    """A task table's row whose time column states the deadline (`DeadlineSource` table_column)."""
    return clause(n, text, ["PHỤ LỤC"], kind="table_row", deadline=deadline, lead="Sở Khoa học và Công nghệ",
                  deadline_source=DeadlineSource("table_column", f"d:{n:04d}", (n, n)),
                  columns={"noi_dung": text, "thoi_gian": deadline})


@pytest.mark.parametrize("text", [
    "Kết quả thực hiện kế hoạch phải báo cáo trước ngày nào hằng năm?",
    "bao cao ket qua thuc hien ke hoach truoc ngay nao hang nam",
])
def test_a_when_answer_takes_the_deadline_of_the_kind_asked_before_a_rows_recurrence(text):
    """"Trước ngày nào" wants a day: the reporting paragraph's "trước ngày 30 tháng 11" answers it, not the
    table row stating "Hằng năm" as its time column, though the row's thời hạn is the one the plan labels."""
    report = clause(375, "Các sở, ngành định kỳ trước ngày 30 tháng 11 hằng năm báo cáo kết quả thực hiện về UBND "
                         "tỉnh.", ["V. TỔ CHỨC THỰC HIỆN"], deadline="trước ngày 30 tháng 11")
    row = _row(496, "Khảo sát, công bố kết quả thực hiện kế hoạch", "Hằng năm")
    q = question(text)
    assert STRATEGIES[q.qtype].pick([row, report], q) is report
    answer = compose_by_plan(STRATEGIES[q.qtype], q, [(row, 0.8, 0.9), (report, 0.7, 0.9)],
                             {"d": Document(id="d", source="d.md")})
    assert "30 tháng 11" in answer and "dòng 375" in answer


def test_a_when_answer_quotes_a_second_clause_stating_another_deadline_of_the_kind_asked():
    """"Các sở báo cáo trước ngày nào": the lead's summary and the sở's own report each have their day; the
    answer gives both, each cited, rather than the one the ranker put first."""
    summary = clause(694, "Sở Công Thương tổng hợp báo cáo UBND tỉnh 6 tháng (trước ngày 18/5), tổng kết năm "
                          "(trước ngày 30/11).", ["V. CHẾ ĐỘ BÁO CÁO"], deadline="trước ngày 18/5")
    own = clause(686, "Các sở, ngành, UBND các xã gửi báo cáo về Sở Công Thương 6 tháng trước ngày 10/5, năm "
                      "trước ngày 20/11.", ["V. CHẾ ĐỘ BÁO CÁO"], deadline="trước ngày 10/5")
    q = question("Các sở, ngành gửi báo cáo tổng kết năm về Sở Công Thương trước ngày nào?")
    answer = compose_by_plan(STRATEGIES[q.qtype], q, [(summary, 0.8, 0.9), (own, 0.75, 0.9)],
                             {"d": Document(id="d", source="d.md")})
    assert "20/11" in answer and "dòng 686" in answer and "dòng 694" in answer


def test_a_question_naming_two_provinces_is_scoped_to_the_plans_of_both():
    docs = {
        "hn": Document(id="hn", source="hn.md", locality=Locality(None, None, "Hà Nội")),
        "na": Document(id="na", source="na.md", locality=Locality(None, None, "Nghệ An")),
        "dt": Document(id="dt", source="dt.md", locality=Locality(None, None, "Đồng Tháp")),
        "vn": Document(id="vn", source="vn.md", locality=Locality()),  # a national text: never excluded
    }
    for text in ("Kinh phí phát triển hạ tầng 5G ở Hà Nội và ở Nghệ An lấy từ những nguồn nào?",
                 "ke hoach 5g cua ha noi va nghe an giao don vi nao chu tri"):
        scoped, named, unknown = filter_by_places(text, docs)
        assert scoped == {"hn", "na", "vn"} and unknown is None
    assert filter_by_places("Kế hoạch 5G của Nghệ An giao ai chủ trì?", docs)[0] == {"na", "vn"}
