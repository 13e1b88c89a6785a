"""Read a chỉ tiêu's target: value(s), unit, comparison, year.

"(11) Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt 97% trở lên" → 97, %, >=, 2030.
Vietnamese numbers use "," for decimals and "." for thousands ("1,16%", "30.000m²").
"""
from __future__ import annotations

import re

from corpus.model import Target

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_UNIT = (
    r"%\s*/\s*năm|%|\(\s*%\s*(?:/\s*năm)?\s*\)|(?:triệu|tỷ|nghìn)\s+USD|"
    r"triệu\s*đồng(?:\s*/\s*[\wđ]+)*|triệu(?:\s*/\s*[\wđ]+)*|tỷ\s*đồng(?:\s*/\s*[\wđ]+)*|nghìn\s*đồng|"
    r"doanh nghiệp(?:\s*/\s*\d[\d.]*\s*dân)?|DN(?:\s*/\s*\d[\d.]*\s*dân)?|"
    r"m²|m2|km|ha|lần|trường|nhà|người|hộ|cơ sở|sản phẩm|thôn|xã|công trình|mô hình|điểm|"
    r"[TGM]bps|Gb/s|Mb/s|MW|GW|kWh|MHz|tấn|USD|lượt|giờ|ngày|trạm|dự án|lớp|cuộc|đợt|tuyến|cụm|khu|"
    r"hợp tác xã|HTX|trang trại|chương trình|văn bản"
)
# "khoảng", "dự kiến", "xấp xỉ" hedge a figure: they are no comparison, the word before them still counts.
_HEDGE = r"(?:khoảng|dự kiến|xấp xỉ|gần)"
_CANDIDATE = re.compile(
    rf"(?P<lead>(?:(?:đạt|là|còn|:|tăng bình quân|tăng|giảm xuống còn|giảm|dưới|trên|từ|tối thiểu|ít nhất|"
    rf"không dưới|không quá|không vượt quá|phấn đấu|có|duy trì|ở mức|chiếm|>=|<=|≤|≥|<|>)(?:\s+{_HEDGE}:?)?"
    rf"|{_HEDGE}:?)\s*)?"
    # a range may repeat its unit: "85%-90%", "1%-1,5%", "91.299 tỷ đồng - 97.386 tỷ đồng"
    rf"(?P<a>{_NUM})\s*(?:(?:{_UNIT})?\s*[-–]\s*(?P<b>{_NUM})\s*)?(?P<unit>{_UNIT})?"
    rf"(?P<tail>\s*trở lên|\s*trở xuống)?",
    re.I,
)
_HEDGE_END = re.compile(rf"{_HEDGE}:?\s*$", re.I)


def _lead_word(lead: str | None) -> str:
    """The comparison word before a figure, without its hedge ("đạt khoảng" → "đạt", "khoảng" → "")."""
    return _HEDGE_END.sub("", (lead or "").strip().lower()).strip()


ASIDE_PENALTY = 8  # a figure in parentheses explains the one before it ("10%-15% (khoảng 12.173 tỷ đồng)");
# it ranks below any figure outside them, even one in a later sentence
# The first sentence names the indicator: "GRDP tăng khoảng 10%. Quy mô GRDP … đạt 660.085 tỷ đồng" is about 10%.
LATER_SENTENCE_PENALTY = 4
_SENTENCE_END = re.compile(r"(?<!\d)\.\s+(?=[A-ZĐÀ-Ỹ])")
_YEAR_BY = re.compile(r"(?:đến|trước|tới|vào|trong|hết)\s+(?:hết\s+|trước\s+)?(?:năm\s+)?(20\d{2})(?!\s*[-–]\s*20)", re.I)
_YEAR_SPAN = re.compile(r"(?:giai đoạn|thời kỳ|nhiệm kỳ)\s+(?:năm\s+)?(20\d{2})\s*[-–]\s*(20\d{2})", re.I)
_YEAR_PLAIN = re.compile(r"(?<![/\d-])năm\s+(20\d{2})(?![/\d])", re.I)


def year_of_heading(text: str | None) -> int | None:
    """The year a sentence or heading sets for its targets: "Đến năm 2030" → 2030,
    "giai đoạn 2026-2030" → 2030, "năm 2026" → 2026; dates of cited documents do not count."""
    if not text:
        return None
    for rx in (_YEAR_BY, _YEAR_SPAN, _YEAR_PLAIN):
        m = rx.search(text)
        if m:
            return int(m.groups()[-1])
    return None
_NONE_LEFT = re.compile(r"không còn\s+(hộ nghèo|[\wđ ]{3,30})", re.I)


def to_number(s: str) -> float:
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "")
    return float(s.replace(",", "."))


def _comparison(lead: str, tail: str, text_before: str, two: bool, unit: str) -> str:
    lead = (lead or "").strip().lower()
    tail = (tail or "").strip().lower()
    before = text_before[-40:].lower()
    if "tăng bình quân" in lead or "tăng bình quân" in before:
        return "increase_avg"
    if two:
        return "range"
    if lead in ("dưới", "<") or "giảm xuống còn dưới" in before:
        return "<"
    if lead in ("không quá", "không vượt quá", "≤", "<=") or tail == "trở xuống":
        return "<="
    if lead in ("trên", ">"):
        return ">"
    if lead in ("từ", "tối thiểu", "ít nhất", "không dưới", ">=", "≥") or tail == "trở lên":
        return ">="
    if re.search(r"(tối thiểu|ít nhất|trên)\s*$", before):
        return ">=" if not before.rstrip().endswith("trên") else ">"
    if re.search(r"dưới\s*$", before):
        return "<"
    if lead.startswith("tăng"):
        return "increase"
    if lead.startswith("giảm"):
        return "decrease"
    return "="


def _clean_unit(unit: str | None) -> str | None:
    if not unit:
        return None
    u = re.sub(r"[()\s]", "", unit) if "%" in unit else re.sub(r"\s*/\s*", "/", unit.strip())
    return u or None


def _is_year_span(a: str, b: str | None, unit: str | None) -> bool:
    def yearish(x: str | None) -> bool:
        return bool(x) and re.fullmatch(r"(19|20)\d{2}", x) is not None

    return not unit and (yearish(a) and (b is None or yearish(b)))


def _not_a_target(m: re.Match[str], text: str, before: str, lead: str) -> bool:
    """Numbers that are no indicator: year spans, document numbers and dates, bare counts, per-hectare rates."""
    a, b, unit = m["a"], m["b"], m["unit"]
    if _is_year_span(a, b, unit):
        return True
    if not lead and re.search(r"(?:số|Nghị quyết|Quyết định|Chỉ thị|Kế hoạch|Đề án|Thông tư|Nghị định)\s*$", before, re.I):
        return True
    if re.search(r"\d[/-]$", before) or text[m.end(): m.end() + 1] in ("/", "-") and not unit:
        return True  # dates, document numbers
    if unit is None and lead not in ("đạt", ":", "là", "còn") and not lead.startswith(("tăng", "giảm")):
        return True
    # "trên 01 ha" is per hectare, not a target
    return lead.startswith("trên") and unit in ("ha",) or (unit or "").lower() == "ha" and lead == ""


def _rank(m: re.Match[str], before: str, lead: str, first_end: int | None) -> int:
    """How surely a figure is the indicator's own: 0 for "đạt 97%" or the figure a line opens with,
    higher for bare numbers, figures in parentheses and figures of later sentences."""
    unit = m["unit"]
    hedged = bool(m["lead"]) and _HEDGE_END.search(m["lead"]) is not None
    opens = re.fullmatch(r"\s*(?:\(?\d+[.)]|[-+•*])?\s*(?:Đảm bảo|Phấn đấu|Có)?\s*", before, re.I) is not None
    if lead in ("đạt", ":", "là", "còn") or lead.startswith(("đạt", "giảm xuống")) or (opens and unit):
        rank = 0  # "đạt 97%", or the figure the sentence opens with ("100% khu công nghiệp …")
    elif lead or hedged:
        rank = 1
    elif unit and "%" in unit:
        rank = 2
    else:
        rank = 3
    if before.count("(") > before.count(")"):
        rank += ASIDE_PENALTY
    if first_end is not None and m.start() > first_end:
        rank += LATER_SENTENCE_PENALTY
    return rank


def _best_figure(text: str) -> re.Match[str] | None:
    """The best-ranked candidate figure of a clause; the first of rank 0 ends the scan."""
    best, best_rank = None, 99
    end = _SENTENCE_END.search(text)
    first_end = end.start() if end else None
    for m in _CANDIDATE.finditer(text):
        lead = _lead_word(m["lead"])
        before = text[max(0, m.start() - 120): m.start()]  # the words just before; the whole prefix costs O(n²)
        if _not_a_target(m, text, before, lead):
            continue
        rank = _rank(m, before, lead, first_end)
        if rank < best_rank:
            best, best_rank = m, rank
        if rank == 0:
            break
    return best


def parse_target(text: str, default_year: int | None = None) -> Target | None:
    """The first committed figure in a clause, preferring one after "đạt"/":"/comparison words."""
    if not any(ch.isdigit() for ch in text) and "không còn" not in text.lower():
        return None  # most clauses state no figure: skip the candidate scan
    best = _best_figure(text)
    year = year_of_heading(text)
    if best is None:
        nm = _NONE_LEFT.search(text)
        if nm:
            return Target([0.0], nm.group(1).strip(), "=", year or default_year, nm.group(0))
        return None
    a, b = best["a"], best["b"]
    values = [to_number(a)] + ([to_number(b)] if b else [])
    cmp_ = _comparison(_lead_word(best["lead"]), best["tail"] or "", text[: best.start()], b is not None, best["unit"] or "")
    phrase = text[best.start(): best.end()].strip(" :")
    return Target(values, _clean_unit(best["unit"]), cmp_, year or default_year, phrase)


def parse_cell_target(value: str, unit: str | None, year: int | None) -> Target | None:
    """A table cell like ">97", "≥ 94", "12-14", "150-200", "1,5-2" with its unit column."""
    v = value.strip()
    m = re.fullmatch(rf"(?P<cmp>[<>≤≥]=?)?\s*(?P<a>{_NUM})\s*(?:[-–]\s*(?P<b>{_NUM}))?\s*%?", v)
    if not m:
        return None
    values = [to_number(m["a"])] + ([to_number(m["b"])] if m["b"] else [])
    sym = (m["cmp"] or "").replace("≥", ">=").replace("≤", "<=")
    cmp_ = "range" if m["b"] else (sym or "=")
    u = unit.strip() if unit and unit.strip() else ("%" if v.endswith("%") else None)
    return Target(values, u, cmp_, year, v)
