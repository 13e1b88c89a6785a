"""Reading Markdown as the crawled real plans have it: emphasis broken across lines, tables with one
cell per line between "|" walls, letterheads in layout tables, footnotes, hard-wrapped paragraphs.

Each mechanism is proven on a synthetic fixture and on wordings from several real documents
(found by what they contain, never by file name).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from corpus import find_plans, parse_file

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reading"


def _real_plans_dir() -> Path | None:
    env = os.environ.get("PLANQA_REAL_PLANS")
    for c in ([Path(env)] if env else []) + [REPO.parent / "shared" / "real-plans"]:
        if c.is_dir() and any(c.iterdir()):
            return c
    return None


@pytest.fixture(scope="module")
def real_plans() -> list:
    d = _real_plans_dir()
    if d is None:
        pytest.skip("real plans not found: expected ../shared/real-plans (or set PLANQA_REAL_PLANS)")
    return [(f, parse_file(f)) for f in find_plans(d)]


def _lines(f: Path) -> list[str]:
    return f.read_text(encoding="utf-8").splitlines()


def _owner_and_noise(plan, lines):
    """Each non-blank line's clause; a task that took in its own attribute lines (`take_in_attribute_lines`: its
    range runs through its "- Cơ quan chủ trì: …" lines, which stay clauses of their own) shares them with them."""
    owner: dict[int, str] = {}
    span = {c.id: c.lines for c in plan.clauses}
    for c in plan.clauses:
        for n in range(c.lines[0], c.lines[1] + 1):
            if lines[n - 1].strip():
                if n in owner:
                    task = span[owner[n]]
                    assert task[0] < c.lines[0] and c.lines[1] <= task[1], f"{plan.document.source}:{n} in two clauses"
                    continue
                owner[n] = c.id
    return owner, set(plan.document.noise_lines)


# ---------------------------------------------------------------- every line once, every real document

def test_every_non_blank_line_of_every_real_plan_lands_in_one_clause_or_the_noise(real_plans):
    assert len(real_plans) >= 30
    for f, plan in real_plans:
        lines = _lines(f)
        owner, noise = _owner_and_noise(plan, lines)
        for n, text in enumerate(lines, start=1):
            if text.strip():
                assert (n in owner) != (n in noise), \
                    f"{f.name}:{n} {'lost' if n not in owner else 'both'}: {text[:60]!r}"


def test_no_markdown_markup_or_cell_wall_reaches_a_clause(real_plans):
    for f, plan in real_plans:
        for c in plan.clauses:
            assert "**" not in c.text, f"{f.name}:{c.lines} {c.text[:60]!r}"
            if c.kind != "table_header":
                assert not re.search(r"(?:^|\s)\|(?:\s|$)", c.text), f"{f.name}:{c.lines} {c.text[:60]!r}"


# ---------------------------------------------------------------- emphasis and numbering

def test_bold_numbering_broken_across_lines_becomes_a_numbered_heading(real_plans):
    """"**I. MỤC\\nĐÍCH, YÊU CẦU**" → one heading, label I, in many documents."""
    docs = set()
    for f, plan in real_plans:
        lines = _lines(f)
        for c in plan.clauses:
            if c.label and re.fullmatch(r"[IVX]+", c.label) and c.lines[1] > c.lines[0] \
                    and lines[c.lines[0] - 1].lstrip().startswith("**"):
                assert c.kind in ("heading", "item") and c.text.startswith(f"{c.label}. "), (f.name, c.lines, c.text)
                docs.add(f.name)
    assert len(docs) >= 3


def test_a_bold_label_alone_on_its_line_numbers_the_text_below(real_plans):
    """"**3.\\n**Trong quá trình…" and "a) [2]\\nTrung tâm…" read as one numbered item."""
    docs = set()
    for f, plan in real_plans:
        lines = _lines(f)
        for c in plan.clauses:
            first = re.sub(r"[*\s]|\[\d+\]", "", lines[c.lines[0] - 1])
            if c.label and c.kind not in ("table_row", "table_header") and re.fullmatch(r"\d{1,2}\.|[a-zđ]\)", first) \
                    and c.lines[1] > c.lines[0]:
                assert len(c.text) > len(first) + 3, (f.name, c.lines, c.text)
                docs.add(f.name)
    assert len(docs) >= 3


def test_letterhead_lines_stay_apart_and_number_joins_its_label(real_plans):
    """The layout table of the letterhead: "Số:" and the number on the next line read as one line,
    and "CỘNG HÒA …" never runs into the issuer's name."""
    numbered = 0
    for f, plan in real_plans:
        for c in plan.clauses[:15]:
            assert not re.search(r"\S\s+CỘNG HÒA XÃ HỘI", c.text), (f.name, c.text)
            if re.match(r"^Số\s*:\s*\d+", c.text):
                numbered += 1
    assert numbered >= 20


def test_hard_wrapped_paragraphs_are_whole_sentences(real_plans):
    """A wrapped paragraph is one clause spanning its lines; its text keeps every word."""
    spans = 0
    for f, plan in real_plans:
        lines = _lines(f)
        for c in plan.clauses:
            if c.kind in ("paragraph", "bullet", "item") and c.lines[1] > c.lines[0]:
                spans += 1
                raw = " ".join(lines[n - 1] for n in range(c.lines[0], c.lines[1] + 1))
                words = {w for w in re.sub(r"\*|\s?\[\d+\]", "", raw).replace("|", " ").split()
                         if any(ch.isalnum() for ch in w)}
                assert words <= set(c.text.replace("—", " ").split()) | {w.strip(".,;:") for w in c.text.split()}, \
                    (f.name, c.lines, sorted(words - set(c.text.split()))[:5])
    assert spans > 1000


# ---------------------------------------------------------------- tables

def test_crawled_tables_keep_their_columns_in_real_plans(real_plans):
    """Rows of "one cell per line between walls" tables have the lead, partner and time columns."""
    docs = set()
    for f, plan in real_plans:
        rows = [c for c in plan.clauses if c.kind == "table_row" and c.columns]
        led = [c for c in rows if c.columns.get("chu_tri") and c.columns.get("noi_dung")]
        if led:
            docs.add(f.name)
            for c in led:
                assert c.columns["chu_tri"] != c.columns["noi_dung"]
                assert len(c.columns["chu_tri"]) < 300, (f.name, c.lines)
    assert len(docs) >= 3


def test_crawled_table_fixture_rows_columns_and_merged_cells():
    plan = parse_file(FIXTURES / "crawled_plan.md")
    rows = [c for c in plan.clauses if c.kind == "table_row"]
    assert [r.label for r in rows] == ["1", "2", "3"]
    first, second, third = (r.columns for r in rows)
    assert first == {"noi_dung": "Xây dựng mô hình trồng rau hữu cơ tại thôn Đông", "chu_tri": "Phòng Kinh tế",
                     "phoi_hop": "Hội Nông dân", "thoi_han": "Quý II/2026"}
    # row 2 leaves out its partner cell (merged with the row above): the time stays in the time column
    assert second["chu_tri"] == "Hội Nông dân" and second["thoi_han"] == "Quý III/2026"
    assert second["phoi_hop"] == "Hội Nông dân"
    # row 3's unit cells are written empty: they stay empty
    assert third == {"noi_dung": "Tổng kết, đánh giá mô hình", "thoi_han": "Tháng 12/2026"}
    group = [c for c in plan.clauses if c.text == "I. Sản xuất an toàn"]
    assert group and group[0].kind == "heading"
    assert all(r.section_path[-1] == "I. Sản xuất an toàn" for r in rows)


def test_crawled_fixture_letterhead_signature_and_footnote():
    plan = parse_file(FIXTURES / "crawled_plan.md")
    texts = [c.text for c in plan.clauses]
    assert "ỦY BAN NHÂN DÂN" in texts and "XÃ HÒA BÌNH" in texts
    assert "Số: 42/KH-UBND" in texts
    assert plan.document.number == "42/KH-UBND"
    assert plan.document.signer == "Nguyễn Văn Bình"
    # "- xã hội" wrapped onto its own line is not a new bullet; the footnote mark is gone
    bullet = next(c for c in plan.clauses if c.text.startswith("- Nâng cao"))
    assert bullet.text.endswith("phát triển kinh tế - xã hội bền vững trên địa bàn xã.")
    item = next(c for c in plan.clauses if c.label == "2" and c.kind != "table_row")
    assert item.text.startswith("2. Phòng Kinh tế xã chủ trì") and item.lead
    assert any(t.startswith("[1] Theo Nghị quyết số 12/NQ-HĐND") for t in texts)
    lines = _lines(FIXTURES / "crawled_plan.md")
    owner, noise = _owner_and_noise(plan, lines)
    assert all((n in owner) != (n in noise) for n, t in enumerate(lines, 1) if t.strip())


def test_markdown_pipe_tables_well_formed_padded_and_split_rows():
    plan = parse_file(FIXTURES / "pipe_tables.md")
    rows = [c for c in plan.clauses if c.kind == "table_row"]
    assert [r.label for r in rows] == ["1", "2", "3"]
    assert rows[0].columns["chu_tri"] == "Văn phòng UBND" and rows[0].columns["thoi_han"] == "Quý I/2026"
    assert rows[1].lines == (10, 11)
    assert rows[1].columns["noi_dung"] == "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực"
    assert rows[1].columns["phoi_hop"] == "Công an xã"
    assert rows[2].columns["phoi_hop"] == "Hội Doanh nghiệp"
    para = next(c for c in plan.clauses if c.text.startswith("Văn phòng UBND xã chủ trì"))
    assert para.lines == (16, 18) and para.text.endswith("trước ngày 15 tháng 12 năm 2026.")
    heads = [c for c in plan.clauses if c.kind == "heading"]
    assert [h.label for h in heads][:2] == ["I", "II"]


def test_web_page_furniture_around_the_document_is_noise_and_links_read_as_text():
    """A crawl that kept the site's menu, breadcrumb, buttons and footer: the plan alone is read."""
    f = FIXTURES / "web_page_crawl.md"
    plan = parse_file(f)
    lines = _lines(f)
    owner, noise = _owner_and_noise(plan, lines)
    assert all((n in owner) != (n in noise) for n, t in enumerate(lines, 1) if t.strip())
    texts = " ".join(c.text for c in plan.clauses)
    for chrome in ("Trang chủ", "Đăng nhập", "Tải về", "Chia sẻ", "Facebook", "Bản quyền", "Liên hệ", "https://"):
        assert chrome not in texts
    first = plan.clauses[0]
    assert first.text == "ỦY BAN NHÂN DÂN" and {1, 2, 3, 4} <= noise
    item = next(c for c in plan.clauses if c.label == "1")
    assert item.text == ("1. Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với Đoàn Thanh niên xã tổ chức "
                         "tuyên truyền pháp luật cho học sinh, hoàn thành trong Quý II/2026.")
    assert plan.document.signer == "Lê Văn Tâm" and plan.document.number == "09/KH-UBND"


def test_no_clause_of_a_real_plan_is_empty(real_plans):
    """Blank form rows and empty cell walls are noise, never a clause without text."""
    for f, plan in real_plans:
        assert all(c.text.strip() for c in plan.clauses), f.name


def test_footnote_marks_leave_the_text_and_the_notes_stay_citable(real_plans):
    """"… có liên quan[1];" loses its mark; the note "[1] Nghị quyết số …" is its own clause."""
    docs = set()
    for f, plan in real_plans:
        raw = f.read_text(encoding="utf-8")
        if not re.search(r"\S\[\d{1,3}\]", raw):
            continue
        notes = [c for c in plan.clauses if re.match(r"^\[\d{1,3}\] \S", c.text)]
        for c in plan.clauses:
            if not c.text.startswith("["):
                assert not re.search(r"\S\[\d{1,3}\](?:[\s.,;:)…]|$)", c.text), (f.name, c.lines, c.text[:80])
        if notes:
            docs.add(f.name)
    assert len(docs) >= 3


def test_merged_cells_of_crawled_tables_carry_down_in_real_plans(real_plans):
    """A cell merged over several rows is left out of the rows below it; they get its value, marked carried."""
    from corpus.load import read_source
    from corpus.tables import find_tsv_tables

    docs = set()
    for f, _ in real_plans:
        src, _ = read_source(f)
        for t in find_tsv_tables(src.lines):
            for r in t.rows:
                for meaning, line in r.carried.items():
                    assert line < r.start and r.cells[meaning]
                    docs.add(f.name)
    assert len(docs) >= 3
