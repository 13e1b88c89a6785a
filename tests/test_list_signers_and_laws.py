"""Plans asked for by who signed them ("Ông … ký những kế hoạch nào") are the catalogue's, read from each plan's typed
signer (`Document.signer`); a question naming two laws joined by "và" names two subjects, each its own plans. Wordings
modelled on the Đồng Tháp plans signed by one vice-chairman, the HCM Luật Việc làm plan, the Lai Châu Luật Tiêu chuẩn
plan and the national Luật Bảo vệ dữ liệu cá nhân plan, rebuilt as small synthetic plans (names invented)."""
from __future__ import annotations

import pytest

from corpus.model import Document, Locality
from retrieval.query import folded, named_subjects
from tests.snippets import catalogue_of


def doc(d: str, title: str, province: str | None, signer: str | None) -> Document:
    return Document(d, f"{d}.md", title=title, kind="Kế hoạch", signer=signer,
                    locality=Locality(level="tỉnh" if province else None, name=province, province=province))


PLANS = {
    "dt1": doc("dt1", "Kế hoạch chuyển đổi số trong hoạt động xây dựng kết cấu hạ tầng giao thông", "Đồng Tháp",
               "Nguyễn Văn Bình"),
    "dt2": doc("dt2", "Kế hoạch thực hiện Nghị quyết về bảo vệ môi trường biển và hải đảo", "Đồng Tháp",
               "Nguyễn Văn Bình"),
    "dt3": doc("dt3", "Kế hoạch thực hiện lộ trình đổi mới công nghệ đến năm 2035", "Đồng Tháp", "Trần Thị Hoa"),
    "hcm": doc("hcm", "Kế hoạch triển khai thi hành Luật Việc làm trên địa bàn Thành phố Hồ Chí Minh", "Hồ Chí Minh",
               "Lê Thị Thu Hà"),
    "na": doc("na", "Kế hoạch phát triển hệ thống sóng viễn thông 5G tại các khu công nghiệp Nghệ An", "Nghệ An",
              "Bình"),
}


@pytest.mark.parametrize("text, wanted", [
    ("Ông Nguyễn Văn Bình ký những kế hoạch nào?", {"dt1", "dt2"}),
    ("Những kế hoạch nào do Phó Chủ tịch tỉnh Đồng Tháp Nguyễn Văn Bình ký?", {"dt1", "dt2"}),
    ("ba Tran Thi Hoa da ky nhung ke hoach nao", {"dt3"}),
    ("Bà Lê Thị Thu Hà ký những kế hoạch nào?", {"hcm"}),
])
def test_plans_asked_by_their_signer_are_those_the_signer_signed(text, wanted):
    assert set(catalogue_of(text, PLANS)) == wanted


def test_a_signers_plans_are_narrowed_by_the_subject_the_question_adds():
    assert catalogue_of("Ông Nguyễn Văn Bình ký những kế hoạch nào về chuyển đổi số?", PLANS) == ("dt1",)


@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn An ký những kế hoạch nào?",  # a name no plan is signed by: the abstention decides
    "Ông Bình ký những kế hoạch nào?",  # one word of a name names no one (NAME_MIN_WORDS)
    "Ông Nguyễn Văn Bình ký những kế hoạch nào về Luật Đất đai?",  # his plans are about other things
])
def test_a_signer_no_plan_has_or_a_subject_none_of_theirs_states_has_no_catalogue(text):
    assert catalogue_of(text, PLANS) == ()


@pytest.mark.parametrize("question, names", [
    ("Kế hoạch nào triển khai Luật Việc làm và Luật Tiêu chuẩn và quy chuẩn kỹ thuật?",
     ("luat viec lam", "luat tieu chuan va quy chuan ky thuat")),
    ("Kinh phí các kế hoạch thi hành Luật Việc làm và Luật Bảo vệ dữ liệu cá nhân lấy từ nguồn nào?",
     ("luat viec lam", "luat bao ve du lieu ca nhan lay tu")),
    ("ke hoach thi hanh luat dat dai, luat viec lam o dau", ("luat dat dai", "luat viec lam")),
    # "và" inside one law's name keeps it whole
    ("Lai Châu tập huấn Luật Tiêu chuẩn và quy chuẩn kỹ thuật cho ai?", ("luat tieu chuan va quy chuan ky thuat",)),
])
def test_two_laws_joined_by_va_are_two_subjects(question, names):
    assert named_subjects(folded(question)) == names


# --------------------------------------------------------------------------- plans of several laws named

LAW_PLANS = {
    "hcm": doc("hcm", "Kế hoạch triển khai thi hành Luật Việc làm trên địa bàn Thành phố Hồ Chí Minh", "Hồ Chí Minh",
               None),
    "lc": doc("lc", "Kế hoạch triển khai thi hành Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn "
                    "kỹ thuật trên địa bàn tỉnh Lai Châu", "Lai Châu", None),
    "tw": doc("tw", "Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân", None, None),
    "dt": doc("dt", "Kế hoạch chuyển đổi số trong hoạt động xây dựng", "Đồng Tháp", None),
}


def laws_catalogue(text: str, subjects: dict[str, frozenset[str]]) -> tuple[str, ...]:
    """`catalogue_plans` for ``text`` with the laws it names and their plans as `Evidence.subject_plans` reads them."""
    import dataclasses

    from retrieval.query import analyse
    from retrieval.catalogue import catalogue_plans
    from tests.snippets import EvenWords, OrderingRetriever, OrderingStore

    r = OrderingRetriever(OrderingStore(clauses=[], documents=LAW_PLANS), EvenWords())
    q = analyse(text, LAW_PLANS, [])
    q = dataclasses.replace(q, subject_plans=tuple((s, subjects[s]) for s in q.named_subjects if s in subjects))
    return catalogue_plans(r, q)


LAWS = {"luat viec lam": frozenset({"hcm"}), "luat tieu chuan va quy chuan ky thuat": frozenset({"lc"}),
        "luat bao ve du lieu ca nhan": frozenset({"tw"})}


@pytest.mark.parametrize("text, wanted", [
    ("Kế hoạch nào triển khai Luật Việc làm và Luật Tiêu chuẩn và quy chuẩn kỹ thuật?", {"hcm", "lc"}),
    ("Những kế hoạch nào thi hành Luật Việc làm, Luật Bảo vệ dữ liệu cá nhân?", {"hcm", "tw"}),
    # a place beside each law says whose law it is
    ("ke hoach nao trien khai luat viec lam o Ho Chi Minh, luat tieu chuan va quy chuan ky thuat o Lai Chau", {"hcm", "lc"}),
])
def test_plans_asked_for_by_the_laws_they_implement_are_each_laws_plans(text, wanted):
    assert set(laws_catalogue(text, LAWS)) == wanted


@pytest.mark.parametrize("text", [
    "Kế hoạch nào triển khai Luật Việc làm?",  # one law: its plan is found by the abstention, as before
    "Kế hoạch nào triển khai Luật Đất đai và Luật Việc làm?",  # a law no plan implements: not a catalogue
    # what the plans say of the laws, not which plans they are
    "Các kế hoạch thi hành Luật Việc làm và Luật Bảo vệ dữ liệu cá nhân quy định kiểm tra từ năm nào, ai chủ trì?",
])
def test_one_law_a_law_no_plan_implements_or_a_question_about_their_clauses_has_no_laws_catalogue(text):
    assert laws_catalogue(text, LAWS) == ()


@pytest.mark.parametrize("text, wanted", [
    ("Kế hoạch triển khai thi hành Luật Việc làm, Luật Tiêu chuẩn và quy chuẩn kỹ thuật (sửa đổi) và Luật Bảo vệ dữ "
     "liệu cá nhân lần lượt do ai ban hành, số hiệu văn bản là gì?", {"hcm", "lc", "tw"}),
    ("Luật Việc làm, Luật Bảo vệ dữ liệu cá nhân: kế hoạch thi hành có số hiệu gì?", {"hcm", "tw"}),
])
def test_laws_listed_with_commas_asked_for_their_plans_numbers_are_each_laws_plans(text, wanted):
    assert set(laws_catalogue(text, LAWS)) == wanted


def test_laws_asked_for_their_numbers_with_a_law_no_plan_implements_have_no_catalogue():
    assert laws_catalogue("Kế hoạch thi hành Luật Việc làm, Luật Đất đai (sửa đổi) và Luật Bảo vệ dữ liệu cá nhân "
                          "lần lượt có số hiệu gì?", LAWS) == ()
