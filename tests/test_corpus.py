"""The corpus stage on the real sample plans and on synthetic plans in other layouts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import PlanError, parse_file
from corpus.lines import clean_markup
from corpus.targets import parse_target


def plan_with(plan_files: list[Path], needle: str) -> Path:
    """The sample plan whose text contains `needle` (never chosen by file name)."""
    for f in plan_files:
        if needle in f.read_text(encoding="utf-8"):
            return f
    pytest.fail(f"no sample plan contains {needle!r}")


def clause_at(plan, line: int):
    hits = [c for c in plan.clauses if c.lines[0] <= line <= c.lines[1]]
    assert len(hits) == 1, f"line {line} is in {len(hits)} clauses"
    return hits[0]


def clause_with(plan, text: str):
    hits = [c for c in plan.clauses if text in c.text]
    assert hits, f"no clause contains {text!r}"
    return hits[0]


# ---------------------------------------------------------------- every line once

def test_every_body_line_lands_in_exactly_one_clause_in_each_sample_plan(plan_files):
    assert len(plan_files) >= 5
    for f in plan_files:
        plan = parse_file(f)
        lines = f.read_text(encoding="utf-8").splitlines()
        owner: dict[int, int] = {}
        for c in plan.clauses:
            for n in range(c.lines[0], c.lines[1] + 1):
                if lines[n - 1].strip():
                    assert n not in owner, f"{f.name}:{n} in two clauses"
                    owner[n] = 1
        noise = set(plan.document.noise_lines)
        for n, text in enumerate(lines, start=1):
            if text.strip():
                assert (n in owner) != (n in noise), f"{f.name}:{n} {'lost' if n not in owner else 'both'}: {text[:60]!r}"


def test_clause_text_keeps_every_word_of_its_lines(plan_files):
    """Reflow joins wrapped lines; it never drops a word."""
    for f in plan_files:
        plan = parse_file(f)
        lines = f.read_text(encoding="utf-8").splitlines()
        for c in plan.clauses:
            if c.kind in ("table_row", "table_header"):
                continue
            raw = " ".join(" ".join(clean_markup(lines[n - 1])[0]) for n in range(c.lines[0], c.lines[1] + 1))
            words = set(raw.split()) - set(c.text.split())
            assert not words, f"{f.name}:{c.lines} lost {sorted(words)[:5]}"


def test_noise_is_dropped_and_the_signature_block_is_one_footer_clause_naming_the_signer(plan_files):
    pdf_plan = parse_file(plan_with(plan_files, "đã ký lên văn bản này"))
    assert not any("đã ký lên văn bản này" in c.text for c in pdf_plan.clauses)
    assert pdf_plan.document.signer == "Đỗ Văn Thắng"
    md_plan = parse_file(plan_with(plan_files, "PHỤ LỤC I"))
    assert md_plan.document.signer == "Nguyễn Đức Trung"
    assert not any(c.text == "CHỦ TỊCH" for c in md_plan.clauses)
    for plan in (pdf_plan, md_plan):
        # "who signed the plan" cites these lines: authority, title and name in one clause of no section
        blocks = [c for c in plan.clauses if c.kind == "footer" and plan.document.signer in c.text]
        assert len(blocks) == 1 and blocks[0].section_path == [] and not blocks[0].lead
        assert blocks[0].text.endswith(plan.document.signer) and blocks[0].lines[0] < blocks[0].lines[1]


# ---------------------------------------------------------------- metadata

def test_document_metadata_is_read_from_each_plan(plan_files):
    docs = {parse_file(f).document.locality.label(): parse_file(f).document for f in plan_files}
    assert {"xã Lạc Phượng", "xã An Hưng", "phường Phan Đình Phùng"} <= set(docs)
    ward = docs["phường Phan Đình Phùng"]
    assert ward.number == "476/QĐ-UBND" and ward.date == "2026-03-13" and ward.locality.province == "Thái Nguyên"
    action = parse_file(plan_with(plan_files, "CHƯƠNG TRÌNH HÀNH ĐỘNG")).document
    assert action.kind == "Chương trình hành động" and action.number == "08 - CTr/ĐUUB" and action.date == "2026-05-05"
    an_hung = docs["xã An Hưng"]
    assert an_hung.kind == "Kế hoạch" and an_hung.issuer == "UBND xã An Hưng" and an_hung.locality.province == "Hải Phòng"
    assert an_hung.title.startswith("Kế hoạch phát triển kinh tế - xã hội")


# ---------------------------------------------------------------- structure

def test_section_paths_follow_the_plans_numbering(plan_files):
    plan = parse_file(plan_with(plan_files, "1.2. Cơ quan chủ trì thực hiện: Phòng Kinh tế"))
    c = clause_with(plan, "Tích cực vận động Nhân dân tham gia bảo hiểm y tế")
    assert c.section_path[0] == "III. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN"
    assert c.section_path[1] == "2. Lĩnh vực Văn hoá - xã hội"
    assert c.section_path[2].startswith("b. Thực hiện hiệu quả chương trình mục tiêu quốc gia về y tế")
    # a letter after the "3.3." footer goes back to the section, not under the footer
    kntc = clause_with(plan, "c. Công tác tiếp công dân")
    assert kntc.section_path[-1] == "3. Lĩnh vực Nội chính"


def test_hard_wrapped_pdf_lines_are_reflowed_into_one_clause(plan_files):
    plan = parse_file(plan_with(plan_files, "đã ký lên văn bản này"))
    c = clause_with(plan, "Thường xuyên rà soát, hệ thống hóa VBQPPL do HĐND, UBND xã ban hành để kịp thời")
    assert c.lines[1] > c.lines[0]
    assert c.text.endswith("bãi bỏ cho phù hợp.")


# ---------------------------------------------------------------- responsibilities

def test_section_footer_lead_applies_to_its_section_including_split_leads(plan_files):
    plan = parse_file(plan_with(plan_files, "1.2. Cơ quan chủ trì thực hiện: Phòng Kinh tế"))
    assert clause_with(plan, "Thu hút doanh nghiệp đầu tư vào cụm công nghiệp").lead == "Phòng Kinh tế"
    assert clause_with(plan, "Niêm yết công khai đầy đủ các TTHC").lead == "Trung tâm Phục vụ hành chính công"
    assert clause_with(plan, "Duy trì nền nếp tiếp công dân").lead == "Văn phòng HĐND và UBND"
    a = clause_with(plan, "Đẩy mạnh công tác giáo dục quốc phòng - an ninh")
    b = clause_with(plan, "Chủ động các biện pháp phòng ngừa, đấu tranh")
    assert a.lead == "Ban Chỉ huy quân sự xã" and b.lead == "Công an xã"
    assert a.lead_source.mechanism == "labelled_line" and a.lead_from_elsewhere
    assert a.partners.startswith("Các phòng, đơn vị thuộc UBND xã")


def test_indicator_lead_is_inferred_by_topic_and_says_from_where(plan_files):
    plan = parse_file(plan_with(plan_files, "1.2. Cơ quan chủ trì thực hiện: Phòng Kinh tế"))
    bhyt = clause_with(plan, "tỷ lệ dân số tham gia bảo hiểm y tế đạt 100%")
    assert bhyt.lead == "Phòng Văn hóa - Xã hội"
    assert bhyt.lead_source.mechanism == "topic" and bhyt.lead_source.inferred and bhyt.lead_source.shared
    assert bhyt.target.values == [100.0] and bhyt.target.year == 2030


def test_assignment_block_gives_lead_and_person_directing(plan_files):
    plan = parse_file(plan_with(plan_files, "Phân công thực hiện"))
    c = clause_with(plan, "Tăng cường ứng dụng công nghệ thông tin, chuyên đổi số trong lãnh đạo")
    assert c.directed_by == "đồng chí Vũ Duy Sỹ - Bí thư Đảng ủy UBND xã"
    econ = clause_with(plan, "Nghiên cứu, triển khai áp dụng kinh tế tuần hoàn")
    assert econ.lead == "chi bộ, Phòng Kinh tế"
    assert econ.partners == "Bí thư chi bộ, Trưởng các phòng, đơn vị thuộc UBND xã"
    kt = clause_with(plan, "Kiện toàn, nâng cao chất lượng hoạt động của UBKT")
    assert kt.directed_by.startswith("đồng chí Tiêu Văn Hải - Phó Bí thư Đảng ủy, Chủ nhiệm UBKT")


def test_heading_names_the_lead_of_its_items(plan_files):
    plan = parse_file(plan_with(plan_files, "Phòng Kinh tế xã chủ trì, phối hợp với các cơ quan liên quan"))
    c = clause_with(plan, "Xây dựng kế hoạch đối thoại với doanh nghiệp xã hàng năm")
    assert c.lead == "Phòng Kinh tế xã" and c.partners == "các cơ quan liên quan"
    assert clause_with(plan, "Duy trì nghiêm chế độ trực sẵn sàng chiến đấu").lead == "Ban Chỉ huy Quân sự xã"
    assert clause_with(plan, "Giao phòng Văn hóa - xã hội phối hợp với Trung tâm").partners.startswith("Trung tâm Dịch vụ")


def test_tab_table_rows_keep_columns_and_carry_merged_cells_down(plan_files):
    plan = parse_file(plan_with(plan_files, "PHỤ LỤC I"))
    rows = [c for c in plan.clauses if c.kind == "table_row"]
    assert len(rows) >= 30
    bhyt = clause_with(plan, "Tỷ lệ dân số tham gia BHYT")
    assert bhyt.kind == "table_row" and bhyt.lead == "Phòng Văn hóa - Xã hội"
    assert bhyt.lead_source.mechanism == "merged_cell" and bhyt.lead_from_elsewhere
    written = next(c for c in plan.clauses if c.id == bhyt.lead_source.clause_id)
    assert written.lines[0] == bhyt.lead_source.line and written.lead == bhyt.lead
    assert (bhyt.target.values, bhyt.target.comparison, bhyt.target.unit) == ([97.0], ">", "%")
    assert bhyt.columns["don_vi_tinh"] == "%"
    sub = clause_with(plan, "Khu vực nông nghiệp, thủy sản — ")
    assert sub.section_path[-1].startswith("2. Tổng giá trị sản phẩm")
    assert sub.target.values == [1.5, 2.0] and sub.target.comparison == "range"
    assert clause_with(plan, "Tỷ lệ điều tra, phá án").lead == "Công an xã"


def test_pdf_table_with_wrapped_cells_reads_each_column(plan_files):
    plan = parse_file(plan_with(plan_files, "đã ký lên văn bản này"))
    rows = [c for c in plan.clauses if c.kind == "table_row"]
    assert [r.label for r in rows] == [str(i) for i in range(1, len(rows) + 1)] and len(rows) >= 16
    r1 = rows[0]
    assert r1.columns["noi_dung"].startswith("Rà soát danh mục VBQPPL")
    assert (r1.lead, r1.partners, r1.deadline, r1.product) == (
        "Văn phòng HĐND&UBND", "Các phòng, trung tâm, đơn vị liên quan", "2026-2030", "Các văn bản triển khai")
    r2 = rows[1]
    assert r2.partners == "Các phòng, trung tâm, đơn vị liên quan" and r2.deadline == "2026 - tháng 2/2027"
    r11 = rows[10]
    assert r11.lead == "Phòng Văn hóa - Xã hội" and r11.product == "Hạ tầng CNTT"
    assert rows[-1].lead == "Trung tâm Văn hóa, Thể thao và Truyền thông" and rows[-1].deadline == "Hàng năm"
    assert r1.section_path[-1] == "I CẢI CÁCH THỂ CHẾ"


def test_named_indicator_lists_link_each_indicator_to_its_lead(plan_files):
    plan = parse_file(plan_with(plan_files, "tham mưu nội dung các chỉ tiêu về"))
    expected = {
        "Tốc độ tăng tổng thu ngân sách nhà nước": "Phòng Kinh tế, Hạ tầng và Đô thị phường",
        "Tỷ lệ dân số tham gia bảo hiểm y tế: 100%": "Phòng Văn hóa - Xã hội phường",
        "Tỷ lệ sử dụng dịch vụ công trực tuyến": "Trung tâm Phục vụ hành chính công phường",
        "Tỷ lệ lực lượng dân quân, tự vệ so với dân số": "Ban Chỉ huy quân sự phường, Công an phường",
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng": "Phòng Văn hóa - Xã hội phường",
    }
    for text, lead in expected.items():
        c = clause_with(plan, text)
        assert c.lead == lead, text
        assert c.lead_source.mechanism == "named_indicator"
        assert "chỉ tiêu về" in next(s for s in plan.clauses if s.id == c.lead_source.clause_id).text
    assert clause_with(plan, "Tỷ lệ lực lượng dân quân").target.values == [1.16]
    assert clause_with(plan, "vườn hoa, cây xanh").target.values == [30000.0]


# ---------------------------------------------------------------- targets

@pytest.mark.parametrize("text, values, unit, cmp, year", [
    ("(11) Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt 97% trở lên", [97.0], "%", ">=", 2030),
    ("Tổng giá trị sản phẩm trên địa bàn tăng bình quân 12-14(%/năm)", [12.0, 14.0], "%", "increase_avg", None),
    ("Đất nuôi trồng thủy sản: 150 - 200 triệu/ha", [150.0, 200.0], "triệu/ha", "range", None),
    ("Tỷ lệ lực lượng dân quân, tự vệ so với dân số: 1,16%.", [1.16], "%", "=", None),
    ("Đầu tư mở rộng vườn hoa: từ 30.000m² trở lên.", [30000.0], "m²", ">=", None),
    ("Tỷ lệ hộ nghèo đến năm 2030 dưới 3(%).", [3.0], "%", "<", 2030),
    ("tỷ lệ giải ngân vốn đầu tư công cấp xã đạt tối thiểu 100(%).", [100.0], "%", ">=", None),
    ("giá trị sản phẩm trên 01 ha đất trồng trọt đạt 185 triệu đồng/năm", [185.0], "triệu đồng/năm", "=", None),
    ("Đến trước năm 2030 không còn hộ nghèo.", [0.0], "hộ nghèo", "=", 2030),
])
def test_targets_parse_vietnamese_numbers_ranges_and_comparisons(text, values, unit, cmp, year):
    t = parse_target(text)
    assert (t.values, t.unit, t.comparison, t.year) == (values, unit, cmp, year)


def test_document_numbers_and_dates_are_not_targets():
    assert parse_target("Thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị") is None


def test_at_least_ten_targets_per_sample_corpus(plan_files):
    n = sum(1 for f in plan_files for c in parse_file(f).clauses if c.target)
    assert n >= 10 * len(plan_files)


# ---------------------------------------------------------------- synthetic layouts

def test_synthetic_plan_in_another_layout_parses_with_leads_targets_and_table(fixtures_dir):
    plan = parse_file(fixtures_dir / "corpus" / "thi_tran_song_cau.md")
    d = plan.document
    assert d.kind == "Kế hoạch"
    # "thị trấn" units were abolished in 2025: a name that is no current unit is no locality
    assert d.locality.label() is None and d.locality.province is None
    assert d.number == "15/KH-UBND" and d.date == "2026-01-02" and d.signer == "Trần Thị Mai"
    water = clause_with(plan, "tỷ lệ hộ dân dùng nước sạch")
    assert water.target.values == [95.0] and water.target.comparison == ">=" and water.target.year == 2028
    assert water.lead == "Phòng Kinh tế - Hạ tầng"  # named in the assignment list
    roads = clause_with(plan, "Bê tông hóa đường ngõ")
    assert roads.lead == "Phòng Kinh tế - Hạ tầng" and roads.deadline == "Quý IV/2027" and roads.product == "Công trình"
    school = clause_with(plan, "Sửa chữa trường mầm non")
    assert school.lead == "Phòng Kinh tế - Hạ tầng" and school.lead_source.mechanism == "merged_cell"
    health = clause_with(plan, "Tổ chức khám sức khỏe định kỳ")
    assert health.lead == "Trạm Y tế thị trấn" and health.directed_by.startswith("đồng chí Lê Văn Hòa")


def test_plan_without_numbering_falls_back_to_paragraphs(fixtures_dir):
    plan = parse_file(fixtures_dir / "corpus" / "khong_danh_so.txt")
    assert len([c for c in plan.clauses if c.kind in ("paragraph", "header")]) >= 3
    assert any("bảo hiểm y tế" in c.text for c in plan.clauses)


def test_crlf_bom_and_decomposed_unicode_read_like_clean_utf8(tmp_path, fixtures_dir):
    clean = (fixtures_dir / "corpus" / "khong_danh_so.txt").read_text(encoding="utf-8")
    import unicodedata

    messy = "\ufeff" + unicodedata.normalize("NFD", clean).replace("\n", "\r\n")
    p = tmp_path / "messy.txt"
    p.write_bytes(messy.encode("utf-8"))
    a = parse_file(fixtures_dir / "corpus" / "khong_danh_so.txt")
    b = parse_file(p)
    assert [c.text for c in a.clauses] == [c.text for c in b.clauses]
    assert [c.lines for c in a.clauses] == [c.lines for c in b.clauses]


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"   \n\n  ", "empty file"),
    (b"\x00\x01\x02binary\x00", "binary file"),
    ("Xin chào, kế hoạch".encode("latin-1", "replace"), "not UTF-8"),
])
def test_bad_input_gives_one_line_error(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(PlanError) as e:
        parse_file(p)
    assert message in str(e.value) and "\n" not in str(e.value)


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.seek(50 * 1024 * 1024)
        f.write(b"x")
    with pytest.raises(PlanError, match="over the 20 MB limit"):
        parse_file(p)


def test_source_file_is_never_changed(plan_files):
    f = plan_files[0]
    before = f.read_bytes()
    parse_file(f)
    assert f.read_bytes() == before


def test_cli_parse_json_lists_documents_and_clauses(plan_files):
    out = subprocess.run([sys.executable, "-m", "planqa.cli", "parse", *map(str, plan_files), "--json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert len(data) == len(plan_files)
    c = data[0]["clauses"][0]
    assert set(c) >= {"id", "label", "section", "text", "source", "lines", "lead", "partners", "directed_by",
                      "deadline", "product", "target", "lead_source"}


def test_cli_parse_bad_file_says_why_without_traceback(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"\x00\x00")
    out = subprocess.run([sys.executable, "-m", "planqa.cli", "parse", str(p)], capture_output=True, text=True)
    assert out.returncode == 1 and "binary file" in out.stderr and "Traceback" not in out.stderr
