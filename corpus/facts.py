"""The facts a plan attaches to its clauses: responsibilities, deadlines, products, targets.

Responsibilities are read by the registered mechanisms of :mod:`corpus.responsibilities`;
this module adds what a clause states about itself (a deadline or product phrase in its
own text, its chỉ tiêu target with the year of its sentence or heading) and runs them.
"""
from __future__ import annotations

import re

from corpus.model import Clause
from corpus.responsibilities import assign_responsibilities, clean
from corpus.lines import BULLET_TYPES
from corpus.structure import Node, Skeleton
from corpus.targets import parse_cell_target, parse_target, plan_period_end, year_of_heading
from corpus.text import UNIT_HEADS

_DEADLINES = [
    re.compile(r"[Tt]hời (?:gian|hạn)(?: hoàn thành| thực hiện)?\s*:\s*(?P<v>[^.;]+)"),
    # a time limit counted from an event: "Trong vòng 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
    re.compile(r"(?P<v>[Tt]rong (?:vòng|thời hạn|thời gian) \d+ (?:ngày|tháng|năm)(?: làm việc)?"
               r"(?:,?\s*(?:kể từ|tính từ|trước khi|sau khi|từ khi)\b.*?(?=\s+phải\b|[,.;:]|$))?)"),
    # the year may be left out when it is the plan's own: "chậm nhất ngày 17 tháng 12"
    re.compile(r"(?P<v>(?:trước|chậm nhất(?: là)?)\s+(?:ngày\s+\d{1,2}/\d{1,2}(?:/\d{4})?|"
               r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|"
               r"tháng\s+\d{1,2}/\d{4}|năm\s+\d{4}|quý\s+[IV]+(?:/|\s+năm\s+)\d{4}))", re.I),
    # a task closed by its period in brackets: "… tiến tới thí điểm (2025 - 2026)."
    re.compile(r"\((?P<v>(?:năm\s+)?20\d{2}(?:\s*[-–]\s*20\d{2})?(?:\s+trở đi)?)\)\s*[.;]?\s*$", re.I),
    re.compile(r"(?P<v>(?:hoàn thành|đến|tới)\s+(?:trong\s+)?(?:năm\s+\d{4}|ngày\s+\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d{1,2}/\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}))", re.I),
    re.compile(r"(?P<v>[Gg]iai đoạn\s+(?:năm\s+)?\d{4}(?:\s*[-–]\s*\d{4})?)"),
    re.compile(r"(?P<v>(?:[Đđ]ịnh kỳ\s+)?[Hh][ằà]ng (?:năm|quý))"),
    # a recurring duty with no period named: "Định kỳ kiểm tra …", "báo cáo định kỳ, đột xuất"
    re.compile(r"(?P<v>[Đđ]ịnh kỳ(?:\s*(?:,|hoặc|và)\s*đột xuất)?)"),
]
_PRODUCT = re.compile(r"[Ss]ản phẩm\s*:\s*(?P<v>[^.;]+)")
# A task that ends in a report names its product: "… báo cáo kết quả thực hiện Kế hoạch này về Bộ Nông
# nghiệp và Môi trường", "… báo cáo Thủ tướng Chính phủ định kỳ hằng năm". The addressee is a named
# (capitalised) body; a table's product column or a "Sản phẩm:" line says it outright and wins.
_ADDRESSEE = "(?:" + "|".join(sorted((re.escape(u) for u in UNIT_HEADS if u[:1].isupper()), key=len, reverse=True)) \
    + r"|Thủ tướng|Chính phủ|HĐND|Hội đồng nhân dân)"
_REPORT = re.compile(
    rf"(?<![Tt]heo )(?P<v>\b[Bb]áo cáo\s+(?:(?!của\b|định kỳ|đột xuất)[^,.;:()]{{1,80}}?\s+(?:gửi\s+về|về|gửi|lên)\s+)?"
    rf"(?-i:{_ADDRESSEE})\b[^,.;:()]*?)(?=\s+(?:định kỳ|đột xuất|đồng gửi|để|trước|chậm nhất|theo|trong|hằng|hàng|"
    rf"khi|sau|là|và đề xuất|xem xét|quyết định|chỉ đạo|tổng hợp|về|kết quả|những|tình hình)\b|[,.;:(]|$)")


def _heading_year(clauses: list[Clause], nodes: list[Node], pos: int, period_end: int | None = None) -> int | None:
    """The year a clause's enclosing headings set ("Đến năm 2030", "giai đoạn 2026-2030", "đến cuối
    giai đoạn" of a plan for 2026-2030), nearest first."""
    p = nodes[pos].parent
    while p is not None:
        y = year_of_heading(nodes[p].body or clauses[p].text, period_end)
        if y:
            return y
        p = nodes[p].parent
    for title in reversed(clauses[pos].section_path):
        y = year_of_heading(title, period_end)
        if y:
            return y
    return None


PERIOD_TITLE_CLAUSES = 12  # the plan's title ("Kế hoạch … giai đoạn 2026-2030") is among its first clauses


def plan_period(clauses: list[Clause]) -> int | None:
    """The last year of the period the plan is for, from its title block (letterhead and title clauses
    before the first heading)."""
    for c in clauses[:PERIOD_TITLE_CLAUSES]:
        if c.kind == "heading":
            break
        y = plan_period_end(c.text)
        if y:
            return y
    return None


def _own_facts(clauses: list[Clause], nodes: list[Node], pos: int, period_end: int | None = None) -> None:
    c, node = clauses[pos], nodes[pos]
    body = node.body or c.text
    if node.row is not None and c.kind == "table_row":
        _row_target(clauses, nodes, pos, period_end)
        return
    if c.kind in ("header", "footer", "table_header"):
        return
    for rx in _DEADLINES:
        m = rx.search(c.text)
        if m:
            c.deadline = clean(m["v"])
            break
    m = _PRODUCT.search(c.text)
    if m:
        c.product = clean(m["v"])
    elif c.kind in ("item", "bullet", "paragraph"):
        m = _REPORT.search(c.text)
        if m:
            c.product = clean(m["v"])
    if c.kind in ("item", "bullet", "heading", "paragraph"):
        t = parse_target(c.text if c.kind != "heading" else body, _heading_year(clauses, nodes, pos, period_end),
                         period_end)
        if t is not None:
            c.target = t


def _row_target(clauses: list[Clause], nodes: list[Node], pos: int, period_end: int | None) -> None:
    """An indicator row: its value column with the unit column, or a figure in its content cell; the
    year from the value column's title, the row, or the headings above the table."""
    c, row = clauses[pos], nodes[pos].row
    assert row is not None
    body = nodes[pos].body or c.text
    if row.cells.get("chi_tieu"):
        year = (year_of_heading(row.titles.get("chi_tieu", "")) or year_of_heading(body, period_end)
                or _heading_year(clauses, nodes, pos, period_end))
        c.target = parse_cell_target(row.cells["chi_tieu"], row.cells.get("don_vi_tinh"), year)
    elif row.cells.get("noi_dung"):
        c.target = parse_target(row.cells["noi_dung"], _heading_year(clauses, nodes, pos, period_end), period_end)


RECIPIENT_MAX_WORDS = 15  # "- Thường trực Tỉnh ủy, HĐND tỉnh (b/c);": an addressee line is short
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.I)


def read_annexed_text(sk: Skeleton) -> None:
    """Text after a "Nơi nhận:" list is footer only while it lists addressees. A decision is often followed
    by what it issues (a Quy chế, a list of procedures, "Bước 1: Bộ X xây dựng …"); the structure stage
    keeps all of it under the list. The first line longer than any addressee line starts that annexed
    text: from there up to the next "Nơi nhận:" its clauses are read as items, bullets and paragraphs."""
    annexed = False
    for c, node in zip(sk.clauses, sk.nodes):
        if c.kind != "footer":
            continue
        if _RECIPIENTS.match(c.text):
            annexed = False
            continue
        annexed = annexed or len(c.text.split()) > RECIPIENT_MAX_WORDS
        if annexed:
            c.kind = "bullet" if node.ltype in BULLET_TYPES else "item" if node.ltype else "paragraph"


def assign_facts(sk: Skeleton) -> None:
    read_annexed_text(sk)
    period_end = plan_period(sk.clauses)
    for pos in range(len(sk.clauses)):
        _own_facts(sk.clauses, sk.nodes, pos, period_end)
    assign_responsibilities(sk.clauses, sk.nodes)
