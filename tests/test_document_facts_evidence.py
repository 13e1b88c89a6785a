"""A question asking the plan document's own number and date ("… ban hành kèm theo quyết định số mấy, ngày nào?") is
answered from its letterhead lines (`answer.document_fact_clauses`); the abstention's evidence reads the same lines
(`Evidence.answer_clauses`), and the years the question names are those of the plan asked about (its title's period),
not of the date it was issued (`year_of_value`)."""
from __future__ import annotations

import pytest

_DECISION = """
**BỘ {issuer}**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**

Số: {number}

*{place}, ngày {day}
tháng 11 năm 2025*

**QUYẾT ĐỊNH**

VỀ VIỆC BAN HÀNH KẾ HOẠCH {topic} GIAI ĐOẠN 2026 - 2030

*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*

**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch {topic_small} giai đoạn 2026 - 2030.

**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.

**KẾ HOẠCH**

{topic} GIAI ĐOẠN 2026 - 2030

**I. MỤC ĐÍCH, YÊU CẦU**

1. {task}

**II. TỔ CHỨC THỰC HIỆN**

1. Vụ Kế hoạch - Tài chính chủ trì, phối hợp với các đơn vị theo dõi việc thực hiện Kế hoạch.
"""

PLANS = {
    "culture": dict(issuer="VĂN HÓA, THỂ THAO VÀ DU LỊCH", number="4101/QĐ-BVHTTDL", place="Hà Nội", day="18",
                    topic="PHÁT TRIỂN MẠNG LƯỚI THƯ VIỆN CÔNG CỘNG",
                    topic_small="phát triển mạng lưới thư viện công cộng",
                    task="Rà soát, sắp xếp các thư viện công cộng cấp tỉnh và cấp xã."),
    "mines": dict(issuer="QUỐC PHÒNG", number="212/QĐ-BQP", place="Hà Nội", day="24",
                  topic="RÀ PHÁ VẬT NỔ SAU CHIẾN TRANH", topic_small="rà phá vật nổ sau chiến tranh",
                  task="Điều tra, khảo sát ô nhiễm vật nổ tại các vùng trọng điểm."),
    "pests": dict(issuer="NÔNG NGHIỆP VÀ MÔI TRƯỜNG", number="5100/QĐ-BNNMT", place="Thành phố Hồ Chí Minh", day="26",
                  topic="PHÒNG CHỐNG SINH VẬT GÂY HẠI CÂY TRỒNG", topic_small="phòng chống sinh vật gây hại cây trồng",
                  task="Giám sát, dự báo sinh vật gây hại trên lúa và cây ăn quả."),
}

# (plan, question): three wordings of "the plan was issued with which decision, on which day"
ASKED = [
    ("culture", "Kế hoạch phát triển mạng lưới thư viện công cộng được ban hành kèm theo quyết định số mấy, ngày nào?"),
    ("mines", "ke hoach ra pha vat no sau chien tranh 2026-2030 ban hanh kem quyet dinh so may, ngay nao?"),
    ("pests", "Kế hoạch phòng chống sinh vật gây hại cây trồng giai đoạn 2026-2030 có số hiệu và ngày ban hành nào?"),
]


@pytest.fixture(scope="module")
def ministry_plans(tmp_path_factory):
    from index import build_index
    from retrieval import Retriever

    root = tmp_path_factory.mktemp("ministries")
    plans = root / "plans"
    plans.mkdir()
    for name, fields in PLANS.items():
        (plans / f"{name}.md").write_text(_DECISION.format(**fields), encoding="utf-8")
    build_index([plans], root / "idx", progress=False)
    return Retriever.load(root / "idx")


def _read(r, question: str, names: list[str]) -> dict[str, float]:
    from retrieval.search import weighed_clauses

    q = r.analyse(question, None)
    ranked = weighed_clauses(q, r.rank(q, "hybrid"), r.store.clauses)
    return dict(zip(names, r.evidence.features(q, ranked, names)))


@pytest.mark.parametrize("plan,question", ASKED)
def test_the_evidence_reads_the_plans_date_line_when_its_number_and_date_are_asked(ministry_plans, plan, question):
    r = ministry_plans
    q = r.analyse(question, None)
    ranked = r.rank(q, "hybrid")
    shown = [r.store.clauses[p] for p, _, _ in r.evidence.answer_clauses(ranked, q)]
    assert any(f"ngày {PLANS[plan]['day']}" in c.text for c in shown)
    assert _read(r, question, ["slot_filled"])["slot_filled"] == 1.0


@pytest.mark.parametrize("plan,question", ASKED)
def test_the_years_asked_with_a_plans_number_are_its_periods_not_its_issue_dates(ministry_plans, plan, question):
    r = ministry_plans
    assert _read(r, question, ["year_of_value"])["year_of_value"] == 1.0
    later = question.replace("2026-2030", "2031-2035") if "2026-2030" in question else question.replace(
        "công cộng", "công cộng giai đoạn 2031-2035")
    assert _read(r, later, ["year_of_value"])["year_of_value"] == 0.0


@pytest.mark.parametrize("plan,question", ASKED)
def test_a_plans_number_and_date_asked_are_answered_from_its_letterhead(ministry_plans, plan, question):
    resp = ministry_plans.ask(question)
    assert resp.found
    assert PLANS[plan]["number"] in resp.answer and f"ngày {PLANS[plan]['day']}" in resp.answer


def test_a_ministrys_plan_dated_in_the_capital_is_not_cited_as_the_capitals_plan(ministry_plans):
    from retrieval.strategies import issued_where

    for d, doc in ministry_plans.store.documents.items():
        assert doc.field_lines.place_date is not None  # the date line is read (for the plan's own date) …
        assert issued_where(ministry_plans, d) is None  # … but the plan has no place of its own to list
