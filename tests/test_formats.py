"""The DOCX / PDF / HTML readers, on real files written in the tests.

The sample plans are plain text; ``plan_docs`` renders them as the Word and
PDF files a commune would publish, and the readers must give the same text
lines and table rows back (merged responsible-unit cells left empty so the
corpus carries them down), with locators and page numbers that point into
the original.
"""
from __future__ import annotations

import io
import random
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from corpus.formats import READERS, read_docx, read_html, read_pdf
from corpus.model import PlanError
from plan_docs import PAGE_BREAK, expected_lines, plain, write_docx, write_pdf


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def table_plan(plans_dir: Path) -> Path:
    """The sample plan with the tab-separated appendix table ("Số TT\t…" header)."""
    for f in sorted(plans_dir.iterdir()):
        if f.suffix == ".txt" and any(l.startswith("Số TT\t") for l in f.read_text("utf-8").splitlines()):
            return f
    pytest.fail(f"no sample plan in {plans_dir} has a 'Số TT<tab>' table header")


@pytest.fixture(scope="module")
def plan_lines(table_plan: Path) -> list[str]:
    return table_plan.read_text("utf-8").splitlines()


@pytest.fixture(scope="module")
def plan_docx(plan_lines, tmp_path_factory) -> Path:
    return write_docx(plan_lines, tmp_path_factory.mktemp("docx") / "ke-hoach.docx")


@pytest.fixture(scope="module")
def plan_pdf(plan_lines, tmp_path_factory) -> Path:
    return write_pdf(plan_lines, tmp_path_factory.mktemp("pdf") / "ke-hoach.pdf")


def _row(lines: list[str], needle: str) -> int:
    """Index of the one table row containing ``needle``."""
    hits = [i for i, l in enumerate(lines) if "\t" in l and needle in l]
    assert len(hits) == 1, f"{needle!r} in {len(hits)} table rows"
    return hits[0]


def _words(lines: list[str]) -> list[str]:
    return " ".join(lines).split()


# ---------------------------------------------------------------- DOCX

def test_docx_plan_reads_back_as_the_same_lines_and_table_rows(plan_lines, plan_docx):
    src = read_docx(plan_docx)
    assert src.fmt == "docx" and src.source == "ke-hoach.docx"
    assert src.lines == expected_lines(plan_lines)
    header = next(l for l in plan_lines if l.startswith("Số TT\t"))
    assert header in src.lines  # the appendix table is a Word table read back row by row
    assert not any("\t" in l for l in src.lines[: src.lines.index(header)])  # paragraphs carry no tabs


def test_docx_vertically_merged_unit_cells_read_as_empty_cells(plan_docx):
    with zipfile.ZipFile(plan_docx) as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count('<w:vMerge w:val="restart"/>') >= 5 and xml.count("<w:vMerge/>") >= 15
    assert "<w:gridSpan " in xml  # the group rows span the table

    lines = read_docx(plan_docx).lines
    lead_row = _row(lines, "có ít nhất một nhà đa năng")
    bhyt = _row(lines, "tham gia BHYT")
    assert lines[lead_row].split("\t")[-1] == "Phòng Văn hóa - Xã hội"
    assert lines[bhyt].split("\t") == ["10", "- Tỷ lệ dân số tham gia BHYT", "%", ">97", ""]
    # every row between the merge start and the BHYT row continues the merged cell
    assert all(l.split("\t")[-1] == "" for l in lines[lead_row + 1: bhyt + 1])
    group = _row(lines, "Nhóm chỉ tiêu kinh tế")
    assert lines[group].split("\t") == ["I. Nhóm chỉ tiêu kinh tế", "", "", "", ""]


def test_docx_locators_count_paragraphs_and_table_rows(plan_docx):
    src = read_docx(plan_docx)
    assert len(src.locators) == len(src.lines) and src.pages == []
    paras = [int(m.group(1)) for loc in src.locators if (m := re.fullmatch(r"đoạn (\d+)", loc))]
    assert paras[0] == 1 and all(b - a in (0, 1) for a, b in zip(paras, paras[1:]))
    rows = [loc for loc in src.locators if loc.startswith("bảng")]
    assert rows == [f"bảng 1, hàng {r}" for r in range(1, len(rows) + 1)]
    assert src.locators[src.lines.index(next(l for l in src.lines if l.startswith("Số TT\t")))] == "bảng 1, hàng 1"


def test_docx_keeps_paragraphs_and_tables_in_document_order(tmp_path):
    lines = ["KẾ HOẠCH", "Nội dung\tCơ quan chủ trì", "Việc một\tPhòng Kinh tế", "Việc hai\t",
             "Đoạn giữa hai bảng", "TT\tNội dung\tĐơn vị tham mưu", "1\tViệc ba\tCông an xã",
             "Đoạn cuối"]
    src = read_docx(write_docx(lines, tmp_path / "order.docx"))
    assert src.lines == lines
    assert src.locators == ["đoạn 1", "bảng 1, hàng 1", "bảng 1, hàng 2", "bảng 1, hàng 3", "đoạn 2",
                            "bảng 2, hàng 1", "bảng 2, hàng 2", "đoạn 3"]


def test_docx_automatic_numbering_gets_its_label_back(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Mục đích", style="List Number")
    d.add_paragraph("Yêu cầu", style="List Number")
    d.add_paragraph("Quán triệt nghị quyết", style="List Bullet")
    d.add_paragraph("Nhiệm vụ", style="List Number")
    d.save(tmp_path / "so.docx")
    assert read_docx(tmp_path / "so.docx").lines == ["1. Mục đích", "2. Yêu cầu", "- Quán triệt nghị quyết",
                                                   "3. Nhiệm vụ"]


def test_docx_multilevel_numbering_restarts_deeper_levels(tmp_path):
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in [(0, "MỤC ĐÍCH"), (1, "Mục đích"), (2, "ý một"), (2, "ý hai"), (1, "Yêu cầu"),
                        (2, "ý ba"), (0, "NHIỆM VỤ"), (1, "Kinh tế")]:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    d.save(tmp_path / "ml.docx")
    assert read_docx(tmp_path / "ml.docx").lines == [
        "I. MỤC ĐÍCH", "1. Mục đích", "a) ý một", "b) ý hai", "2. Yêu cầu", "a) ý ba", "II. NHIỆM VỤ", "1. Kinh tế"]


def test_docx_tabs_and_soft_breaks_in_paragraphs_do_not_fake_table_rows(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    p = d.add_paragraph("1.")
    p.add_run().add_tab()
    p.add_run("Mục đích")
    p = d.add_paragraph("TM. ỦY BAN NHÂN DÂN")
    r = p.add_run()
    r.add_break(WD_BREAK.LINE)
    r.add_text("CHỦ TỊCH")
    d.add_paragraph("")  # empty paragraphs are not counted
    d.add_paragraph("Nguyễn Đức Trung")
    d.save(tmp_path / "tab.docx")
    src = read_docx(tmp_path / "tab.docx")
    assert src.lines == ["1. Mục đích", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Đức Trung"]
    assert src.locators == ["đoạn 1", "đoạn 2", "đoạn 2", "đoạn 3"]


def test_docx_two_column_letterhead_table_reads_as_lines(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ AN HƯNG"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    t.cell(1, 0).text = "Số: 12/KH-UBND"
    t.cell(1, 1).text = "An Hưng, ngày 20 tháng 4 năm 2026"
    d.add_paragraph("KẾ HOẠCH")
    d.save(tmp_path / "head.docx")
    src = read_docx(tmp_path / "head.docx")
    assert src.lines == ["ỦY BAN NHÂN DÂN", "XÃ AN HƯNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND",
                         "An Hưng, ngày 20 tháng 4 năm 2026", "KẾ HOẠCH"]
    assert src.locators[3] == "bảng 1, hàng 2"


def test_docx_cell_text_is_one_cell_without_tabs_or_newlines(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    for c, h in enumerate(["Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"]):
        t.cell(0, c).text = h
    t.cell(1, 0).text = "Rà soát\tthủ tục"
    t.cell(1, 1).text = "Phòng Văn hóa - Xã\nhội"
    t.cell(1, 1).add_paragraph("(chủ trì)")
    t.cell(1, 2).text = "Hàng năm"
    d.save(tmp_path / "cell.docx")
    assert read_docx(tmp_path / "cell.docx").lines[1] == "Rà soát thủ tục\tPhòng Văn hóa - Xã hội (chủ trì)\tHàng năm"


# ---------------------------------------------------------------- PDF

def test_pdf_lines_carry_the_page_they_are_on(tmp_path):
    pages = [[f"Trang {n}: đoạn {k} về cải cách hành chính." for k in range(1, 4)] for n in (1, 2, 3)]
    lines = pages[0] + [PAGE_BREAK] + pages[1] + [PAGE_BREAK] + pages[2]
    src = read_pdf(write_pdf(lines, tmp_path / "pages.pdf"))
    assert src.fmt == "pdf" and src.locators == [] and len(src.pages) == len(src.lines)
    text = [(l, p) for l, p in zip(src.lines, src.pages) if not l.isdigit()]
    assert text == [(l, n) for n, page in enumerate(pages, 1) for l in page]
    # the lone page numbers at the foot stay, on their own page, for the corpus to drop
    assert [(l, p) for l, p in zip(src.lines, src.pages) if l.isdigit()] == [("1", 1), ("2", 2), ("3", 3)]


def test_pdf_plan_reads_back_its_text_and_table_rows(plan_lines, plan_pdf):
    from pypdf import PdfReader

    src = read_pdf(plan_pdf)
    expected = expected_lines(plan_lines)
    text = [l for l in src.lines if "\t" not in l and not l.isdigit()]
    # paragraphs come back hard-wrapped as on the page, every word in order
    assert _words(text) == _words([l for l in expected if "\t" not in l])
    assert [l for l in src.lines if "\t" in l] == [l for l in expected if "\t" in l]
    n_pages = len(PdfReader(plan_pdf).pages)
    assert n_pages >= 3 and max(src.pages) == n_pages and src.pages == sorted(src.pages)


def test_pdf_table_rows_carry_their_own_page_and_merged_cells_are_empty(plan_pdf):
    from pypdf import PdfReader

    src = read_pdf(plan_pdf)
    bhyt = _row(src.lines, "tham gia BHYT")
    assert src.lines[bhyt].split("\t") == ["10", "- Tỷ lệ dân số tham gia BHYT", "%", ">97", ""]
    page_text = PdfReader(plan_pdf).pages[src.pages[bhyt] - 1].extract_text()
    assert "tham gia BHYT" in page_text  # pypdf, independently, finds the row on that page
    header = _row(src.lines, "Nội dung Chỉ tiêu")
    assert src.pages[header] < src.pages[bhyt]  # the appendix table runs over a page break
    lead = _row(src.lines, "có ít nhất một nhà đa năng")
    assert src.lines[lead].split("\t")[-1] == "Phòng Văn hóa - Xã hội"
    assert all(l.split("\t")[-1] == "" for l in src.lines[lead + 1: bhyt + 1])


def test_pdf_table_sits_between_the_text_around_it(tmp_path):
    lines = ["Phân công thực hiện như sau:", "TT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành",
             "1\tRà soát thủ tục hành chính\tPhòng Văn hóa - Xã hội\tHàng năm",
             "2\tSố hóa hồ sơ\t\tQuý IV/2026", "Các phòng, đơn vị triển khai thực hiện."]
    src = read_pdf(write_pdf(lines, tmp_path / "t.pdf", page_numbers=False))
    assert src.lines == lines
    assert src.pages == [1] * 5


def test_pdf_letterhead_columns_on_one_baseline_stay_apart(tmp_path):
    from reportlab.pdfgen import canvas

    import plan_docs

    font = plan_docs._register_fonts()
    c = canvas.Canvas(str(tmp_path / "head.pdf"))
    c.setFont(font, 12)
    c.drawString(60, 780, "ỦY BAN NHÂN DÂN")
    c.drawString(290, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.drawString(60, 760, "Số:        /KH-UBND")  # the blank left for the number stays inside the line
    c.drawString(290, 760, "Lạc Phượng, ngày 20 tháng 4 năm 2026")
    c.save()
    assert read_pdf(tmp_path / "head.pdf").lines == [
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: /KH-UBND",
        "Lạc Phượng, ngày 20 tháng 4 năm 2026"]


def test_pdf_without_text_layer_asks_for_ocr(tmp_path):
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    Image.new("L", (200, 100), 255).save(buf, format="PNG")  # a "scan": pixels, no text
    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 50, 500, 400, 200)
    c.rect(40, 40, 100, 100)
    c.showPage()
    c.showPage()  # and a blank page
    c.save()
    with pytest.raises(PlanError, match=r"^scan\.pdf: PDF has no text layer \(scanned\?\) — OCR it first$"):
        read_pdf(tmp_path / "scan.pdf")


def test_pdf_with_password_is_refused_by_name(tmp_path):
    write_pdf(["Kế hoạch mật"], tmp_path / "mat.pdf", encrypt="bi-mat")
    with pytest.raises(PlanError, match=r"^mat\.pdf: PDF is password-protected$"):
        read_pdf(tmp_path / "mat.pdf")


def test_truncated_pdf_is_refused_not_a_traceback(tmp_path, plan_pdf):
    data = plan_pdf.read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])
    with pytest.raises(PlanError, match=r"^cut\.pdf: "):
        read_pdf(tmp_path / "cut.pdf")


# ---------------------------------------------------------------- HTML

def test_html_rowspan_leaves_cells_below_empty_and_colspan_shows_once(tmp_path):
    (tmp_path / "kh.html").write_text("""<!doctype html><html><head><meta charset="utf-8">
<style>td { color: red }</style><script>var x = "không phải nội dung";</script></head><body>
<nav>Trang chủ | Văn bản</nav>
<h2>II. NHIỆM VỤ</h2>
<p>Phân công   thực hiện:</p>
<table border="1">
<thead><tr><th>TT</th><th>Nội dung</th><th>Cơ quan chủ trì</th><th>Thời gian hoàn thành</th></tr></thead>
<tbody>
<tr><td colspan="4"><b>I. Cải cách thể chế</b></td></tr>
<tr><td>1</td><td>Rà soát văn bản</td><td rowspan="3">Phòng Văn hóa - Xã hội</td><td>Hàng năm</td></tr>
<tr><td>2</td><td>Số hóa hồ sơ</td><td>Quý IV</td></tr>
<tr><td>3</td><td>Tự đánh giá<br>chỉ số CCHC</td><td>Hàng năm</td></tr>
<tr><td>4</td><td>Tuyên truyền</td><td>Trung tâm Văn hóa</td><td>Thường xuyên</td></tr>
</tbody></table>
<ul><li>Báo cáo kết quả</li><li>• Sơ kết</li></ul>
</body></html>""", encoding="utf-8")
    src = read_html(tmp_path / "kh.html")
    assert src.fmt == "html"
    assert src.lines == [
        "II. NHIỆM VỤ", "Phân công thực hiện:",
        "TT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành",
        "I. Cải cách thể chế\t\t\t",
        "1\tRà soát văn bản\tPhòng Văn hóa - Xã hội\tHàng năm",
        "2\tSố hóa hồ sơ\t\tQuý IV",
        "3\tTự đánh giá chỉ số CCHC\t\tHàng năm",
        "4\tTuyên truyền\tTrung tâm Văn hóa\tThường xuyên",
        "- Báo cáo kết quả", "- Sơ kết",
    ]
    assert src.locators[2:8] == [f"bảng 1, hàng {r}" for r in range(1, 7)]
    assert src.locators[:2] == ["đoạn 1", "đoạn 2"]


def _cp1258(text: str) -> bytes:
    """Vietnamese in windows-1258 as old editors wrote it: base letter (ê, ơ, …)
    precomposed, tone mark as a separate combining byte."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
            out += (base + "".join(c for c in d if c in tones)).encode("cp1258")
    return out


def test_html_decodes_the_declared_legacy_charset(tmp_path):
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>' \
           "<body><p>Kế hoạch phát triển kinh tế - xã hội</p><ol><li>Mục đích</li><li>Yêu cầu</li></ol></body></html>"
    (tmp_path / "cu.htm").write_bytes(_cp1258(html))
    src = READERS[".htm"](tmp_path / "cu.htm")
    assert src.lines == ["Kế hoạch phát triển kinh tế - xã hội", "1. Mục đích", "2. Yêu cầu"]


def test_html_without_charset_is_read_as_utf8(tmp_path):
    (tmp_path / "u.html").write_bytes("<p>Phường Phan Đình Phùng</p>".encode("utf-8"))
    assert read_html(tmp_path / "u.html").lines == ["Phường Phan Đình Phùng"]


# ---------------------------------------------------------------- every reader

@pytest.mark.parametrize("suffix", sorted(READERS))
def test_garbage_bytes_raise_a_one_line_plan_error_naming_the_file(tmp_path, suffix):
    path = tmp_path / f"rac{suffix}"
    path.write_bytes(random.Random(7).randbytes(4096))
    with pytest.raises(PlanError) as e:
        READERS[suffix](path)
    msg = str(e.value)
    assert msg.startswith(f"rac{suffix}: ") and "\n" not in msg


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_oversized_file_is_refused_before_parsing(tmp_path, suffix):
    path = tmp_path / f"lon{suffix}"
    with path.open("wb") as f:
        f.truncate(51 * 2**20)  # sparse: costs no disk
    with pytest.raises(PlanError, match=rf"^lon{re.escape(suffix)}: file is too large"):
        READERS[suffix](path)


@pytest.mark.parametrize("content, reason", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "an old Word 97-2003"),
    (None, "not a Word document"),
])
def test_docx_that_is_not_a_word_document_is_named(tmp_path, content, reason):
    path = tmp_path / "sai.docx"
    if content is None:  # a zip, but a spreadsheet's
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("xl/workbook.xml", "<workbook/>")
    else:
        path.write_bytes(content)
    with pytest.raises(PlanError, match=rf"^sai\.docx: {reason}"):
        read_docx(path)


def test_plan_docs_render_markdown_as_a_word_original_shows_it(tmp_path):
    # the helper's notion of shown text is what the assertions above compare with
    assert plain("## **II. MỘT SỐ CHỈ TIÊU**") == "II. MỘT SỐ CHỈ TIÊU"
    assert plain("<b>Phòng Kinh tế</b>") == "Phòng Kinh tế"
    lines = ["**KẾ HOẠCH****Phát triển kinh tế - xã hội**", "*", "*** Phân công thực hiện:**",
             "- *UBKT Đảng ủy tham mưu triển khai thực hiện.*"]
    assert expected_lines(lines) == ["KẾ HOẠCH", "Phát triển kinh tế - xã hội", "*", "Phân công thực hiện:",
                                     "- UBKT Đảng ủy tham mưu triển khai thực hiện."]
    assert read_docx(write_docx(lines, tmp_path / "md.docx")).lines == expected_lines(lines)


# ---------------------------------------------------------------- through the corpus parser

def _parse_file():
    import corpus

    parse_file = getattr(corpus, "parse_file", None)
    if parse_file is None:
        pytest.skip("corpus.parse_file has not landed yet")
    return parse_file


def _indicators(plan) -> list[tuple[str | None, tuple, str | None, int | None]]:
    return [(c.lead, tuple(c.target.values), c.target.comparison, c.target.year)
            for c in plan.clauses if c.kind == "table_row" and c.target is not None]


def _bhyt(plan):
    rows = [c for c in plan.clauses if c.kind == "table_row" and "tham gia BHYT" in c.text]
    assert len(rows) == 1, [c.text for c in rows]
    return rows[0]


def test_docx_and_pdf_versions_parse_to_the_same_indicator_leads_and_targets(table_plan, plan_docx, plan_pdf):
    parse_file = _parse_file()
    txt, docx_plan, pdf_plan = parse_file(table_plan), parse_file(plan_docx), parse_file(plan_pdf)
    for plan in (txt, docx_plan, pdf_plan):
        row = _bhyt(plan)
        assert row.lead == "Phòng Văn hóa - Xã hội"
        assert row.target is not None and row.target.values == [97.0] and row.target.unit == "%"
    assert _indicators(docx_plan) == _indicators(txt)
    assert _indicators(pdf_plan) == _indicators(txt)
    assert docx_plan.document.fmt == "docx" and pdf_plan.document.fmt == "pdf"


def test_parsed_clauses_cite_the_docx_locator_and_the_pdf_page(plan_docx, plan_pdf):
    from pypdf import PdfReader

    parse_file = _parse_file()
    row = _bhyt(parse_file(plan_docx))
    src = read_docx(plan_docx)
    assert row.locator == src.locators[_row(src.lines, "tham gia BHYT")]
    assert row.locator.startswith("bảng 1, hàng ")
    row = _bhyt(parse_file(plan_pdf))
    assert row.page is not None and "tham gia BHYT" in PdfReader(plan_pdf).pages[row.page - 1].extract_text()
    assert row.locator is None


def test_every_sample_plan_parses_alike_from_txt_docx_and_pdf(plans_dir, tmp_path):
    parse_file = _parse_file()
    for f in sorted(plans_dir.glob("*.txt")):
        lines = f.read_text("utf-8").splitlines()
        txt = parse_file(f)
        # A text extracted from a PDF marks untabbed table columns by runs of
        # spaces; typeset as PDF paragraphs those runs become single spaces, so
        # such a plan's PDF rendering is not the same table any more.
        space_laid = any(re.search(r"\S {2,}\S", line) for line in lines)
        for out in (write_docx(lines, tmp_path / f"{f.stem}.docx"), write_pdf(lines, tmp_path / f"{f.stem}.pdf")):
            plan = parse_file(out)
            assert _indicators(plan) == _indicators(txt), out.name
            leads = lambda p: sorted({c.lead for c in p.clauses if c.lead})  # noqa: E731
            if not (space_laid and out.suffix == ".pdf"):
                assert leads(plan) == leads(txt), out.name
            if out.suffix == ".pdf":
                assert all(c.page for c in plan.clauses), out.name
            else:
                assert all(c.locator for c in plan.clauses), out.name


def test_docx_one_column_frame_table_keeps_its_paragraphs_as_lines(tmp_path):
    import docx

    d = docx.Document()
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "II. NHIỆM VỤ"
    cell.add_paragraph("1. Rà soát thủ tục hành chính.")
    cell.add_paragraph("2. Số hóa hồ sơ.")
    d.save(tmp_path / "khung.docx")
    src = read_docx(tmp_path / "khung.docx")
    assert src.lines == ["II. NHIỆM VỤ", "1. Rà soát thủ tục hành chính.", "2. Số hóa hồ sơ."]
    assert src.locators == ["bảng 1, hàng 1"] * 3


def test_pdf_frame_drawn_around_text_is_not_read_as_a_table(tmp_path):
    from reportlab.pdfgen import canvas

    import plan_docs

    font = plan_docs._register_fonts()
    c = canvas.Canvas(str(tmp_path / "khung.pdf"))
    c.rect(40, 600, 500, 200)  # a ruled box around two paragraphs, split by a rule:
    c.line(40, 750, 540, 750)  # pdfplumber sees a one-column, two-row table
    c.setFont(font, 11)
    c.drawString(60, 760, "II. NHIỆM VỤ")
    c.drawString(60, 740, "1. Rà soát thủ tục hành chính.")
    c.save()
    assert read_pdf(tmp_path / "khung.pdf").lines == ["II. NHIỆM VỤ", "1. Rà soát thủ tục hành chính."]


def test_html_page_laid_out_in_a_table_reads_its_content_not_one_row(tmp_path):
    (tmp_path / "cong.html").write_text("""<html><body><table><tr>
<td><a href="/">Trang chủ</a></td>
<td><h1>KẾ HOẠCH</h1><p>Cải cách hành chính xã Lạc Phượng</p>
<table border="1"><tr><th>Nội dung</th><th>Cơ quan chủ trì</th></tr>
<tr><td>Rà soát thủ tục</td><td>Phòng Văn hóa - Xã hội</td></tr>
<tr><td>Số hóa hồ sơ</td><td></td></tr></table></td>
</tr></table></body></html>""", encoding="utf-8")
    src = read_html(tmp_path / "cong.html")
    assert src.lines == ["Trang chủ", "KẾ HOẠCH", "Cải cách hành chính xã Lạc Phượng",
                         "Nội dung\tCơ quan chủ trì", "Rà soát thủ tục\tPhòng Văn hóa - Xã hội", "Số hóa hồ sơ\t"]
    assert src.locators[3:] == ["bảng 1, hàng 1", "bảng 1, hàng 2", "bảng 1, hàng 3"]


def test_docx_without_text_is_refused(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("")
    d.add_table(rows=2, cols=3)
    d.save(tmp_path / "trong.docx")
    with pytest.raises(PlanError, match=r"^trong\.docx: DOCX has no text$"):
        read_docx(tmp_path / "trong.docx")
