"""Where a plan writes its letterhead fields is read once by the parser (`Document.field_lines`), stored with the
index, and what retrieval cites for "số mấy", "ký ngày nào", "ai ký", "những tỉnh nào …": it never searches the
clauses' text for the values again."""
from __future__ import annotations

import json

import pytest

from corpus.letterhead_lines import field_lines
from corpus.model import FieldLine, LetterheadLines, ParsedPlan
from corpus.parse import parse_file
from corpus.text import folded
from index.layout import FORMAT_VERSION
from tests.snippets import parse_md

_PLAN = """
**ỦY BAN NHÂN DÂN**
**TỈNH NGHỆ AN**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**

Số: 982/KH-UBND

*Nghệ An, ngày 19 tháng 11 năm 2025*

**KẾ HOẠCH**
**Phát triển hạ tầng số trên địa bàn tỉnh Nghệ An năm 2026**

**I. MỤC TIÊU**

1. Phủ sóng 5G 100% khu công nghiệp.

**II. TỔ CHỨC THỰC HIỆN**

Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành triển khai Kế hoạch này.

**Nơi nhận:**
- Như trên;
- Lưu: VT.

**KT. CHỦ TỊCH**
**PHÓ CHỦ TỊCH**

Hoàng Phú Hiền
"""


def _text(plan: ParsedPlan, line: FieldLine | None) -> str:
    assert line is not None
    (c,) = [c for c in plan.clauses if c.id == line.clause_id]
    assert c.lines == line.lines
    return c.text


def test_parsing_records_the_clauses_stating_number_place_and_date_title_and_signer():
    plan = parse_md(_PLAN)
    doc, lines = plan.document, plan.document.field_lines
    assert [folded(doc.number) in folded(_text(plan, f)) for f in lines.number] == [True]
    assert "ngay 19 thang 11 nam 2025" in folded(_text(plan, lines.place_date))
    assert folded(_text(plan, lines.title)) in folded(doc.title)
    signed = " / ".join(_text(plan, f) for f in lines.signature)
    assert "Hoàng Phú Hiền" in signed and "CHỦ TỊCH" in signed


def test_every_sample_plan_with_a_number_and_signer_records_where_they_are_written(plan_files):
    """The same mechanism over the sample plans' several letterhead layouts: each field line states its value."""
    for path in plan_files:
        plan = parse_file(path)
        doc, lines = plan.document, plan.document.field_lines
        if doc.number and any(ch.isdigit() for ch in doc.number):
            assert lines.number, path.name
            assert all(folded(doc.number) in folded(_text(plan, f)) for f in lines.number), path.name
        if doc.signer:
            assert any(folded(doc.signer) in folded(_text(plan, f)) for f in lines.signature), path.name
        if doc.title:
            line, title = folded(_text(plan, lines.title)), folded(doc.title)
            assert line in title or title[len(folded(doc.kind or "")):].strip()[:60] in line, path.name


def test_a_plan_whose_fields_were_not_read_records_no_lines():
    plan = parse_md("Một đoạn văn không có tiêu đề, số hay người ký.")
    assert plan.document.field_lines == LetterheadLines()
    assert field_lines(plan.clauses, plan.document) == LetterheadLines()


def test_field_lines_survive_the_clause_store_round_trip():
    plan = parse_md(_PLAN)
    again = ParsedPlan.from_dict(json.loads(json.dumps(plan.to_dict(), ensure_ascii=False)))
    assert again.document.field_lines == plan.document.field_lines
    assert again.document.field_lines.signature


def test_retrieval_cites_the_stored_lines_without_reading_the_clauses_text(sample_index, copy_of):
    """Point a plan's stored number line at another clause: retrieval follows the record (a search of the
    text for the number would still find the number line)."""
    from retrieval import Retriever

    own = copy_of(sample_index)
    plans = [json.loads(line) for line in (own / "plans.jsonl").read_text(encoding="utf-8").splitlines()]
    target = next(p for p in plans if p["document"]["field_lines"]["number"])
    other = target["clauses"][-1]
    target["document"]["field_lines"]["number"] = [{"clause_id": other["id"], "lines": other["lines"]}]
    (own / "plans.jsonl").write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in plans), "utf-8")
    r = Retriever.load(own)
    doc_id = target["document"]["id"]
    assert r.number_lines(doc_id) == (r.store.clause_index[other["id"]],)


def test_an_index_written_before_field_lines_were_stored_is_refused_with_re_index(sample_index, copy_of):
    from index.backend import open_store
    from retrieval import IndexLoadError

    own = copy_of(sample_index)
    manifest = json.loads((own / "manifest.json").read_text(encoding="utf-8"))
    manifest["format_version"] = FORMAT_VERSION - 1
    (own / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexLoadError, match=rf"format version {FORMAT_VERSION - 1}.*rebuild with `planqa index"):
        open_store(own)


_ISSUED_ELSEWHERE = """
**BỘ {issuer}**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**

Số: {number}

*{place}, ngày {day}
tháng 11 năm 2025*

**{kind}**

VỀ VIỆC BAN HÀNH KẾ HOẠCH {topic}

**I. MỤC ĐÍCH, YÊU CẦU**

1. Triển khai đồng bộ các nhiệm vụ.
"""


@pytest.mark.parametrize("issuer,number,place,day,kind,topic", [
    ("VĂN HÓA, THỂ THAO VÀ DU LỊCH", "4101/QĐ-BVHTTDL", "Hà Nội", "18", "QUYẾT ĐỊNH", "THỰC HIỆN QUY HOẠCH MẠNG LƯỚI"),
    ("QUỐC PHÒNG", "77/2025/TT-BQP", "Hà Nội", "24", "THÔNG TƯ", "KHẮC PHỤC HẬU QUẢ SAU CHIẾN TRANH"),
    ("NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "5100/QĐ-BNNMT", "Thành phố Hồ Chí Minh", "26", "QUYẾT ĐỊNH",
     "CÔNG BỐ THỦ TỤC HÀNH CHÍNH"),
])
def test_the_place_and_date_line_of_a_plan_issued_away_from_its_locality_is_recorded(
        issuer, number, place, day, kind, topic):
    """A ministry's plan is for the nation but issued in the capital ("Hà Nội, ngày 18 tháng 11 năm 2025"): the line
    opening on a place name other than the plan's and writing the date in full is its place-and-date line."""
    plan = parse_md(_ISSUED_ELSEWHERE.format(issuer=issuer, number=number, place=place, day=day, kind=kind,
                                             topic=topic))
    line = plan.document.field_lines.place_date
    assert line is not None
    assert f"ngay {day} thang 11 nam 2025" in folded(_text(plan, line))


@pytest.mark.parametrize("text", ["Căn cứ Luật Quy hoạch ngày 24 tháng 11 năm 2017",
                                  "Theo đề nghị của Vụ trưởng, ngày 3 tháng 10 năm 2025 đã họp",
                                  "Hà Nội và các tỉnh lân cận, ngày 5 tháng 9 năm 2025"])
def test_a_line_that_is_no_place_and_full_date_is_not_taken_for_the_place_and_date_line(text):
    from corpus.letterhead_lines import _ANY_PLACE_DATE
    assert _ANY_PLACE_DATE.match(text) is None
