"""A duties answer lists the named unit's tasks only when the ranker found one of them (`strategies.units_found`):
a unit matched by words the question says in passing, whose clauses were put first for their lead alone, yields
to the units of the clauses the ranker did find, or to the default composition when those name no unit.
Wordings modelled on four plans: a political centre's training rules (the class teacher), a ministry's rules on
trade inspections, Hồ Chí Minh City's plan on planning data (communes), Đồng Tháp's technology plan (Sở Tài chính)."""
from corpus.model import Clause, Document
from retrieval.query import Question, folded, numbers_named
from retrieval.strategies import STRATEGIES, lead_units, units_found, units_named


def led(doc: str, n: int, text: str, lead: str | None, units: tuple[str, ...] = (), path: str = "Tổ chức thực hiện"
        ) -> Clause:
    return Clause(id=f"{doc}:{n}", doc_id=doc, kind="bullet", label="-", section_path=[path], text=text,
                  source=f"{doc}.md", lines=(n, n), lead=lead, lead_units=units or ((lead,) if lead else ()))


def words(text: str) -> list[str]:
    """Folded words with the commune authority's initials spelled out, as the index reads them ("UBND")."""
    return folded(text.replace("UBND", "Ủy ban nhân dân")).replace("/", " ").split()


def question(text: str, unit_key: str | None = None) -> Question:
    return Question(text=text, folded=folded(text), qtype="duties", numbers_named=numbers_named(text),
                    unit_key=unit_key)


def found_units(q: Question, ranked: list[tuple[Clause, float, float]]) -> set[str]:
    return units_found(q, ranked, units_named(q, lead_units([c for c, _, _ in ranked]), words), words)


CENTRE = "Trung tâm chính trị xã, phường, đặc khu"
CLASS_RANKED = [
    (led("qc", 685, "5. Trung tâm chính trị xã, phường, đặc khu căn cứ Quy chế này xây dựng quy chế bồi dưỡng.",
         CENTRE), 0.001, 0.5),
    (led("qc", 199, "- Trách nhiệm của chủ nhiệm lớp: là cầu nối giữa ban giám đốc Trung tâm với lớp.",
         "chủ nhiệm lớp"), 0.97, 1.0),
    (led("qc", 237, "4. Chủ nhiệm lớp có trách nhiệm phối hợp với giảng viên theo dõi chuyên cần.",
         "Chủ nhiệm lớp"), 0.68, 1.0),
]


def test_a_unit_named_as_where_the_asked_one_works_yields_to_the_unit_the_ranker_found():
    q = question("chu nhiem lop o trung tam chinh tri xa phuong lam nhung viec gi", unit_key="chu nhiem lop")
    assert units_named(q, lead_units([c for c, _, _ in CLASS_RANKED]), words) == {CENTRE}
    assert found_units(q, CLASS_RANKED) == {"chủ nhiệm lớp", "Chủ nhiệm lớp"}


def test_the_answer_quotes_the_found_units_task_not_the_named_units():
    q = question("chu nhiem lop o trung tam chinh tri xa phuong lam nhung viec gi", unit_key="chu nhiem lop")
    docs = {"qc": Document(id="qc", source="qc.md", title="Quy chế bồi dưỡng")}
    out = STRATEGIES["duties"].compose(q, CLASS_RANKED, docs, words)
    assert "cầu nối" in out and "xây dựng quy chế bồi dưỡng" not in out


def test_clauses_found_naming_no_unit_the_question_names_leave_the_default_composition():
    # "lĩnh vực thương mại" matched a promotion centre's lead; the ranker found the inspection rules' own list
    field = "7. Lĩnh vực thương mại và thị trường trong nước"
    heading = Clause(id="tt:166", doc_id="tt", kind="heading", label="7.", section_path=["Điều 4. Nội dung kiểm tra"],
                     text=field, source="tt.md", lines=(166, 166))
    items = [led("tt", 168 + 3 * i, text, None, path=field) for i, text in enumerate((
        "a) Kiểm tra việc chấp hành pháp luật chuyên ngành về phát triển thương mại, thị trường trong nước;",
        "b) Kiểm tra việc chấp hành pháp luật chuyên ngành về dự trữ, điều tiết bình ổn thị trường;"))]
    for c in items:
        c.section_path = ["Điều 4. Nội dung kiểm tra", field]
    ranked = [
        (led("sl", 568, "- Tổ chức các chương trình: Tuần hàng, hội chợ thương mại.",
             "Trung tâm Xúc tiến đầu tư, thương mại và du lịch"), 0.009, 0.2),
        (heading, 0.65, 1.0),
        (items[0], 0.32, 1.0),
    ]
    q = question("Trong lĩnh vực thương mại và thị trường trong nước, kiểm tra chuyên ngành Công Thương gồm những "
                 "nội dung nào?", unit_key="thuong mai")
    assert found_units(q, ranked) == set()
    docs = {d: Document(id=d, source=f"{d}.md", title=d) for d in ("sl", "tt")}
    out = STRATEGIES["duties"].compose(q, ranked, docs, words, lambda d: [heading, *items] if d == "tt" else [])
    assert "bình ổn thị trường" in out and "Tuần hàng" not in out


def test_a_unit_written_in_initials_elsewhere_in_the_plan_joins_the_named_one():
    # the commune authority's own section ("6. Ủy ban nhân dân phường, xã, đặc khu") scores low; its rows in the
    # appendix table ("UBND xã, phường, đặc khu") are what the ranker found: both are the unit's tasks
    own = "Ủy ban nhân dân phường, xã, đặc khu"
    row = "UBND xã, phường, đặc khu"
    ranked = [
        (led("hcm", 403, "- Phối hợp thu thập, số hóa dữ liệu quy hoạch cấp phường, xã, đặc khu.", own), 0.01, 0.6),
        (led("hcm", 407, "- Kiểm tra, xác minh tính chính xác của dữ liệu trước khi gửi về cấp trên.", own), 0.04, 0.6),
        (led("hcm", 689, "5. Thu thập, biên tập, xây dựng cơ sở dữ liệu hồ sơ quy hoạch sử dụng đất cấp xã.", row,
             path="III. Xây dựng cơ sở dữ liệu quốc gia về quy hoạch"), 0.26, 0.8),
    ]
    q = question("Ủy ban nhân dân phường, xã, đặc khu có trách nhiệm gì trong xây dựng cơ sở dữ liệu quy hoạch?")
    assert found_units(q, ranked) == {own, row}
    docs = {"hcm": Document(id="hcm", source="hcm.md", title="Kế hoạch")}
    out = STRATEGIES["duties"].compose(q, ranked, docs, words)
    assert "xác minh tính chính xác" in out and "hồ sơ quy hoạch sử dụng đất" in out


def test_a_named_unit_whose_task_the_ranker_found_keeps_its_duties():
    ranked = [
        (led("dt", 451, "4. Sở Tài chính", "Sở Tài chính"), 0.33, 0.6),
        (led("dt", 656, "2. Đề xuất giải pháp cải thiện môi trường đầu tư, kinh doanh.", "Sở Tài chính"), 0.27, 0.8),
        (led("dt", 430, "- Chủ trì tham mưu ứng dụng công nghệ số.", "Sở Khoa học và Công nghệ"), 0.02, 0.6),
    ]
    q = question("Các nhiệm vụ Sở Tài chính chủ trì trong phụ lục kế hoạch đổi mới công nghệ là gì?",
                 unit_key="so tai chinh")
    assert found_units(q, ranked) == {"Sở Tài chính"}
