"""Read a chỉ tiêu's target: value(s), unit, comparison, year.

"(11) Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt 97% trở lên" → 97, %, >=, 2030.
Vietnamese numbers use "," for decimals and "." for thousands ("1,16%", "30.000m²").
"""
from __future__ import annotations

import re
from functools import lru_cache

from corpus.model import Target
from corpus.text import CAPITALS, pattern_for

# Thousands with dots ("1.200", "30.000,5"), a decimal comma ("1,16"), or a decimal point a few plans use
# ("2.5 tỷ USD": one or two digits after the dot, never a section number "1.2.").
# Thousands may also be set apart by spaces ("18 000 tấn", "193 549"), never inside a longer number ("năm 2030 100%").
_NUM = (r"(?<![\d.,])\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?(?![\d.,])|"
        r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?")
# A rate per person, household, year, hectare …: "USD/người", "triệu đồng/người/năm", "giường/vạn dân".
_PER = r"(?:\s*/\s*(?:\d[\d.]*\s*)?(?:vạn dân|nghìn dân|dân|người|hộ|năm|tháng|ha|km²|km2|lao động|xã|trường))*"
# Units may be spelled out: "phần trăm" (%), "héc-ta" (ha), "mét vuông", "đô la Mỹ" (USD), "VNĐ" (đồng).
_PERCENT_WORDS = r"phần trăm"
_HECTARE = r"ha|héc-ta|hécta|hecta|héc ta"
UNIT = (
    rf"%\s*/\s*năm|%|\(\s*%\s*(?:/\s*năm)?\s*\)|{_PERCENT_WORDS}|"
    rf"(?:(?:triệu|tỷ|nghìn|ngàn)\s+)?(?:USD|đô la Mỹ|đô la){_PER}|"
    # "15 nghìn tỷ đồng": a thousand billion is how plans write large budgets
    rf"(?:(?:nghìn|ngàn)\s+)?(?:triệu|tỷ|nghìn|ngàn)\s*(?:đồng|VNĐ|VND){_PER}|triệu(?:\s*/\s*[\wđ]+)*|"
    r"doanh nghiệp(?:\s*/\s*\d[\d.]*\s*dân)?|DN(?:\s*/\s*\d[\d.]*\s*dân)?|"
    rf"(?:nghìn |triệu )?(?:tấn|người|lượt người|lượt khách|lượt)(?=[\s,.;:)/]|$){_PER}|"
    rf"m²|m2|m³|m3|km²|km2|km|mét vuông|ki-lô-mét|(?:{_HECTARE}){_PER}|lần|trường|nhà|hộ|cơ sở|sản phẩm|thôn|xã|công trình|mô hình|điểm|"
    r"[TGM]bps|[TGM]bit/s|[TGM]b/s|MW|GW|kWh|MHz|giờ|ngày làm việc|ngày|trạm|dự án|lớp|cuộc|đợt|tuyến|cụm|khu|"
    rf"hợp tác xã|HTX|trang trại|chương trình|văn bản|lao động|học sinh|học viên|giường(?:\s+bệnh)?{_PER}|bác sĩ{_PER}|"
    r"cán bộ|việc làm|con|cây|chiếc|tàu|cái|ấp|bản|tổ dân phố|mét|m|"
    # a duration is a target only after a bound or a verb ("tối thiểu 03 tháng", "lưu trữ tối thiểu 5 năm")
    r"năm|tháng|tuần"
)
_DURATIONS = ("năm", "tháng", "tuần")
# A count of things needs no unit after a bound: "tối thiểu 01 sàn giao dịch", "ít nhất 02 vùng nuôi".
_COUNT_BOUNDS = ("tối thiểu", "ít nhất", "tối đa", "nhiều nhất", "không quá", "không dưới", "không vượt quá")
# ... and the symbols that write them: "≥ 01 sàn giao dịch", "≥ 02 năm" ("trên"/"dưới" and ">"/"<" bound an age or a
# size as often as a count: "con nhỏ dưới 12 tháng")
_COUNT_BOUND_SYMBOLS = ("≥", "≤", ">=", "<=")
# "khoảng", "dự kiến", "xấp xỉ" hedge a figure: they are no comparison, the word before them still counts.
_HEDGE = r"(?:khoảng|dự kiến|xấp xỉ|gần)"
_CANDIDATE = re.compile(
    # a figure or its lead word starts here: a cheap test that spares the alternation at most positions
    r"(?:(?<!\w)(?=[đlctgxdíínkpởóhĐLCTGXDÍNKPỞH])|(?=[\d:<>≤≥]))"
    rf"(?P<lead>(?:(?:đạt|là|còn|:|tăng bình quân|tăng lên|tăng|giảm xuống còn|giảm xuống dưới|giảm còn|giảm|"
    rf"xuống còn|xuống dưới|xuống|lên mức|lên|dưới|trên|hơn|lớn hơn|nhỏ hơn|cao hơn|thấp hơn|(?P<tu>từ)|tối thiểu|tối đa|ít nhất|nhiều nhất|"
    rf"không dưới|không thấp hơn|không quá|không vượt quá|không cao hơn|phấn đấu|có|duy trì|ở mức|chiếm|"
    rf">=|<=|≤|≥|<|>)(?:\s+{_HEDGE}:?)?"
    rf"|{_HEDGE}:?)\s*)?"
    # a range may repeat its unit: "85%-90%", "1%-1,5%", "91.299 tỷ đồng - 97.386 tỷ đồng";
    # after "từ" it may be written out: "từ 42% đến 43%", "từ 01 đến 02 trường"
    rf"(?P<a>{_NUM})(?:\s*\((?:[^\W\d_]+\s?){{1,4}}\))?\s*(?:(?:{UNIT})?\s*(?:[-–]|(?(tu)(?:đến|tới)|(?!)))\s*(?P<b>{_NUM})\s*)?(?P<unit>(?:{UNIT})(?![^\W\d_]))?"
    # "đạt 97% trở lên", also after the indicator's noun: "đạt 95% dân số trở lên"
    rf"(?P<tail>\s*trở lên|\s*trở xuống|(?:\s+[^\W\d_]+){{1,3}}?\s+trở lên)?",
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
_SENTENCE_END = re.compile(rf"(?<!\d)\.\s+(?=[{CAPITALS}])")
_YEAR_BY = re.compile(r"(?:đến|trước|tới|vào|trong|hết)\s+(?:hết\s+|trước\s+)?(?:năm\s+)?(20\d{2})(?!\s*[-–]\s*20)", re.I)
_YEAR_SPAN = re.compile(r"(?:giai đoạn|thời kỳ|nhiệm kỳ)\s+(?:năm\s+)?(20\d{2})\s*[-–]\s*(20\d{2})", re.I)
_YEAR_PLAIN = re.compile(r"(?<![/\d-])năm\s+(20\d{2})(?![/\d])", re.I)


# A year that is no target's: a baseline ("so với năm 2025"), a date ("ngày 5 tháng 6 năm 2024"), a cited
# law or decision ("Luật Đất đai năm 2024", "Nghị quyết … năm 2023").
_NOT_TARGET_YEAR = re.compile(
    r"(?:so với\s+(?:cùng kỳ\s+)?(?:năm\s+)?|tháng\s+\d{1,2}\s+(?:năm\s+)?|"
    r"(?-i:Luật|Bộ luật|Nghị quyết|Quyết định|Chỉ thị|Kết luận|Thông tư|Nghị định|Hiến pháp)\b[^,.;:()]{0,60}?\s)$", re.I)
# "Đến cuối giai đoạn", "đến hết kỳ kế hoạch": the end of the plan's own period.
_PERIOD_END = re.compile(r"(?:(?:đến|tới|vào)\s+(?:hết\s+|cuối\s+)+|cuối\s+)(?:giai đoạn|kỳ kế hoạch|kỳ|nhiệm kỳ)"
                         r"(?!\s+(?:năm\s+)?(?:20\d{2}|này\s+20))", re.I)


# (a heading typed without diacritics, "2. Muc tieu cu the den nam 2030", is read by the year patterns' unmarked
# twins: `corpus.text.pattern_for`)


def _target_year(rx: re.Pattern[str], text: str) -> int | None:
    """The first year the pattern finds that is not a baseline or a cited document's."""
    rx, not_target = pattern_for(rx, text), pattern_for(_NOT_TARGET_YEAR, text)
    for m in rx.finditer(text):
        if not not_target.search(text[max(0, m.start() - 80): m.start()]):
            return int(m.groups()[-1])
    return None


@lru_cache(maxsize=16384)  # every clause asks about each of its headings: the same few texts, many times
def year_of_heading(text: str | None, period_end: int | None = None) -> int | None:
    """The year a sentence or heading sets for its targets: "Đến năm 2030" → 2030,
    "giai đoạn 2026-2030" → 2030, "năm 2026" → 2026, "đến cuối giai đoạn" → the end of the plan's
    period (``period_end``); baselines ("so với năm 2025") and dates of cited documents do not count."""
    if not text:
        return None
    for rx in (_YEAR_BY, _YEAR_SPAN, _YEAR_PLAIN):
        y = _target_year(rx, text)
        if y:
            return y
    if period_end and pattern_for(_PERIOD_END, text).search(text):
        return period_end
    return None


_INDICATOR_HEADING = re.compile(r"\b(?:chỉ tiêu|mục tiêu)\b", re.I)
INDICATOR_HEADING_MAX_WORDS = 30  # a heading, not a sentence that mentions its targets in passing


def indicator_year(heading: str) -> int | None:
    """The year a plan's chỉ tiêu heading sets its targets for: "1. Dự báo các chỉ tiêu kinh tế - xã hội đến
    năm 2026" → 2026, "II. CHỈ TIÊU XUẤT KHẨU ĐẾN NĂM 2030" → 2030, "2. Mục tiêu cụ thể đến năm 2030" → 2030;
    a span ("03 năm 2026 - 2028") names no one year of it."""
    if len(heading.split()) > INDICATOR_HEADING_MAX_WORDS or not pattern_for(_INDICATOR_HEADING, heading).search(heading):
        return None
    return _target_year(_YEAR_BY, heading)


def plan_period_end(title: str | None) -> int | None:
    """The last year of the period a plan is for: "Kế hoạch … giai đoạn 2026 - 2030" → 2030."""
    m = _YEAR_SPAN.search(title or "")
    return int(m.group(2)) if m else None


_NONE_LEFT = re.compile(r"không còn\s+(hộ nghèo|[\wđ ]{3,30})", re.I)


def to_number(s: str) -> float:
    s = re.sub(r"(?<=\d)[ \u00a0](?=\d{3})", "", s.strip())  # "18 000" (thousands set apart by spaces)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "")
    return float(s.replace(",", "."))


# Words that bound a figure, by the comparison they make. Longest first, so "không dưới" is not "dưới".
_BOUND_WORDS: list[tuple[str, str]] = sorted([
    ("dưới", "<"), ("<", "<"), ("thấp hơn", "<"), ("nhỏ hơn", "<"), ("xuống dưới", "<"), ("giảm xuống dưới", "<"),
    ("tối đa", "<="), ("nhiều nhất", "<="), ("không quá", "<="), ("không vượt quá", "<="), ("không cao hơn", "<="),
    ("≤", "<="), ("<=", "<="),
    ("trên", ">"), ("hơn", ">"), (">", ">"), ("cao hơn", ">"), ("lớn hơn", ">"),
    ("tối thiểu", ">="), ("ít nhất", ">="), ("không dưới", ">="), ("không thấp hơn", ">="), ("từ", ">="),
    ("≥", ">="), (">=", ">="),
], key=lambda b: -len(b[0]))
_BOUND_BY_WORD = dict(_BOUND_WORDS)
# The words and symbols that bound a figure from above ("không quá 30 ngày", "≤ 30 ngày"): a time limit's bound too.
AT_MOST_WORDS = tuple(w for w, c in _BOUND_WORDS if c == "<=")
# A bound may stand before the verb: "tối thiểu đạt 80%", "phải đạt ít nhất", "giảm xuống còn dưới 5%".
_BOUND_BEFORE = re.compile(
    r"(?:^|\s)(?P<w>" + "|".join(re.escape(w) for w, _ in _BOUND_WORDS if w[0].isalpha()) + r")\s+"
    r"(?:phải\s+)?(?:đạt|là|ở mức|còn|bằng)?\s*$")
# Average growth: "tăng bình quân 8%/năm", "tốc độ tăng trưởng (GRDP) bình quân đạt 10%/năm",
# "bình quân mỗi năm tăng 8%"; never a per-capita average ("GRDP bình quân đầu người đạt …").
_AVERAGE = re.compile(r"bình quân(?!\s+(?:đầu người|mỗi người|một người|thu nhập))", re.I)
_GROWTH = re.compile(r"\btăng\b", re.I)
# An indicator that is itself a bound: "Thời gian tối thiểu …", "Mức hỗ trợ tối đa …".
_BOUNDED_INDICATOR = re.compile(r"\b(tối thiểu|tối đa)\b", re.I)
_SEGMENT_START = re.compile(r".*(?:[;:]|(?<!\d)\.\s)", re.S)


def _indicator_words(text_before: str) -> str:
    """The words of the indicator this figure belongs to: back to the last ";", ":" or sentence end."""
    m = _SEGMENT_START.match(text_before)
    return text_before[m.end():] if m else text_before


# A figure reached at least (or at most), said in words the comparison list has no entry for.
_REACHED_AT_LEAST = re.compile(r"(?:(đạt) và vượt|bằng hoặc (cao|lớn|thấp|nhỏ) hơn)\s*$", re.I)


def _comparison(lead: str, tail: str, text_before: str, two: bool, unit: str) -> str:
    """The comparison a figure is stated with: the word before it (or before its verb), its tail
    ("trở lên"), a range, or average growth over a period."""
    lead = (lead or "").strip().lower()
    tail = (tail or "").strip().lower()
    before = text_before[-40:].lower()
    words = _indicator_words(text_before)
    growth = _GROWTH.search(words) or lead.startswith("tăng")
    reached = _REACHED_AT_LEAST.search(f"{before.rstrip()} {lead}" if lead else before)
    if reached:  # "đạt và vượt 95%", "bằng hoặc cao hơn 95%"
        return ">=" if (reached.group(1) or reached.group(2)).lower() in ("đạt", "cao", "lớn") else "<="
    if "tăng bình quân" in lead or "tăng bình quân" in before:
        return "increase_avg"
    if two:
        return "range"
    if growth and (_AVERAGE.search(words) or (unit.replace(" ", "") == "%/năm" and "tăng trưởng" in words.lower())):
        return "increase_avg"
    if lead in _BOUND_BY_WORD:
        return _BOUND_BY_WORD[lead]
    if lead.endswith("dưới"):  # "giảm xuống dưới 2%"
        return "<"
    if tail.endswith("trở xuống"):
        return "<="
    if tail.endswith("trở lên"):
        return ">="
    bm = _BOUND_BEFORE.search(before)
    if bm:
        return _BOUND_BY_WORD[bm["w"]]
    im = _BOUNDED_INDICATOR.search(words)
    if im and lead == "là":
        return _BOUND_BY_WORD[im.group(1).lower()]  # "Thời gian tối thiểu cho 01 đợt tập huấn là 40 giờ"
    if lead in ("tăng lên", "lên", "lên mức", "giảm xuống còn", "giảm còn", "xuống còn", "xuống"):
        return "="  # the level reached: "giảm tỷ lệ hộ nghèo xuống còn 3%", "nâng … lên 95%"
    if lead.startswith("tăng"):
        return "increase"
    if lead.startswith("giảm"):
        return "decrease"
    return "="


def _clean_unit(unit: str | None) -> str | None:
    if not unit:
        return None
    if re.fullmatch(_PERCENT_WORDS, unit.strip(), re.I):
        return "%"
    u = re.sub(r"[()\s]", "", unit) if "%" in unit else re.sub(r"\s*/\s*", "/", unit.strip())
    return u or None


def _rate_unit(unit: str | None) -> str | None:
    """A rate a sentence gives per year ("tăng bình quân 8%/năm", "đạt 10 - 10,5%/năm") is a percentage: the
    "per year" is the comparison's (average growth) or the period's, as the plans' chỉ tiêu state them. A unit
    column's "%/năm" stays as the table writes it."""
    return "%" if unit == "%/năm" else unit


_TIME_WORDS = {"ngày", "tháng", "năm"}


def _is_year_span(a: str, b: str | None, unit: str | None) -> bool:
    def yearish(x: str | None) -> bool:
        return bool(x) and re.fullmatch(r"(19|20)\d{2}", x) is not None

    # "nhiệm kỳ 2025 - 2030 ngày 11/8/2025": a time word after a span of years starts a date, it is no unit
    return (not unit or (b is not None and unit.strip().lower() in _TIME_WORDS)) and yearish(a) and (b is None or yearish(b))


# A number right after the name of a document or of a part of one is its number: "Quyết định 15", "Mục 2".
_CITED_NAMES = ("số", "Nghị quyết", "Quyết định", "Chỉ thị", "Kế hoạch", "Đề án", "Thông tư", "Nghị định",
                "Mục", "Điều", "Khoản", "Điểm", "Phụ lục", "Chương", "Phần", "tiết")
_CITED_NAME_BEFORE = re.compile(rf"(?:{'|'.join(_CITED_NAMES)})$", re.I)
CITED_NAME_MAX = max(map(len, _CITED_NAMES))


def _not_a_target(m: re.Match[str], text: str, before: str, lead: str) -> bool:
    """Numbers that are no indicator: year spans, document numbers and dates, bare counts, per-hectare rates."""
    a, b, unit = m["a"], m["b"], m["unit"]
    if _is_year_span(a, b, unit):
        return True
    # (the last few characters are all an end-anchored search needs)
    if not lead and _CITED_NAME_BEFORE.search(before.rstrip()[-CITED_NAME_MAX:]):
        return True
    if re.search(r"\d[/-]$", before) or text[m.end(): m.end() + 1] in ("/", "-") and not unit:
        return True  # dates, document numbers
    if unit is None and lead not in ("đạt", ":", "là", "còn", *_COUNT_BOUNDS, *_COUNT_BOUND_SYMBOLS) \
            and not lead.startswith(("tăng", "giảm")):
        return True
    if (unit or "").lower() in _DURATIONS and lead not in ("đạt", "là", *_COUNT_BOUNDS, *_COUNT_BOUND_SYMBOLS) \
            and not _TERM.search(before):
        return True  # "kế hoạch 5 năm 2026-2030", "con nhỏ dưới 12 tháng" are no target; a term's length is
    # "trên 01 ha" is per hectare, not a target ("tổng diện tích … trên 500ha" is)
    hectare = _HECTARE_ONLY.fullmatch(unit or "") is not None
    return lead.startswith("trên") and hectare and to_number(a) <= 1 or hectare and lead == ""


_HECTARE_ONLY = re.compile(_HECTARE, re.I)


# The length of a term: "có hiệu lực trong thời hạn 03 (ba) năm", "có thời hạn 05 năm".
_TERM = re.compile(r"(?:hiệu lực|có)\s+(?:trong\s+)?thời hạn(?:\s+là)?\s*$", re.I)


# Words that name the level an indicator reaches: the figure after them is the target.
_REACHES = ("đạt", ":", "là", "còn", "xuống còn", "giảm còn", "lên", "tăng lên", "lên mức")


def _rank(m: re.Match[str], before: str, lead: str, first_end: int | None) -> int:
    """How surely a figure is the indicator's own: 0 for "đạt 97%" or the figure a line opens with,
    higher for bare numbers, figures in parentheses and figures of later sentences."""
    unit = m["unit"]
    hedged = bool(m["lead"]) and _HEDGE_END.search(m["lead"]) is not None
    opens = re.fullmatch(r"\s*(?:\(?\d+[.)]|[-+•*])?\s*(?:Đảm bảo|Phấn đấu|Có)?\s*", before, re.I) is not None
    if lead in _REACHES or lead.startswith(("đạt", "giảm xuống")) or (opens and unit):
        rank = 0  # "đạt 97%", or the figure the sentence opens with ("100% khu công nghiệp …")
    elif unit is None and lead in (*_COUNT_BOUNDS, *_COUNT_BOUND_SYMBOLS):
        rank = 2  # a bounded count ranks below any figure with a unit
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


_DIGIT = re.compile(r"\d")


def may_state_target(text: str) -> bool:
    """Cheap test before the candidate scan (and before looking up a year for it): a figure, or "không còn"."""
    return _DIGIT.search(text) is not None or "không còn" in text.lower() or _COUNT_IN_WORDS.search(text) is not None


# A count written in words after a bound, of something counted: "tối thiểu một lần/năm", "ít nhất hai cuộc",
# "không quá ba lần" ("ít nhất một phần diện tích" counts nothing).
# ("năm" is left out: after a bound it is far more often the year's word than five.)
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_COUNT_IN_WORDS = re.compile(
    # (a look at the first letter spares the alternation at most positions)
    rf"(?<!\w)(?=[{''.join(sorted({b[0] for b in _COUNT_BOUNDS}))}])"
    rf"(?:{'|'.join(_COUNT_BOUNDS)})\s+(?P<n>{'|'.join(_NUMBER_WORDS)})(?=\s+(?:{UNIT})(?![^\W\d_]))", re.I)


def _counts_in_digits(text: str) -> str:
    """The text with a bounded count in words written in digits, padded to the word's length so every
    figure keeps its place (the phrase a target quotes is read from the text as written)."""
    def digits(m: re.Match[str]) -> str:
        n = str(_NUMBER_WORDS[m["n"].lower()])
        return m.group(0)[: m.start("n") - m.start()] + n.ljust(len(m["n"]))

    return _COUNT_IN_WORDS.sub(digits, text)


def parse_target(text: str, default_year: int | None = None, period_end: int | None = None) -> Target | None:
    """The first committed figure in a clause, preferring one after "đạt"/":"/comparison words.
    The year is the sentence's own, else ``default_year`` (its headings'); ``period_end`` is the last
    year of the plan's period, for "đến cuối giai đoạn"."""
    written, text = text, _counts_in_digits(text)
    if not may_state_target(text):
        return None  # most clauses state no figure: skip the candidate scan
    best = _best_figure(text)
    year = year_of_heading(text, period_end)
    if best is not None and year is not None and ";" in text:
        # "Năm 2026: … đạt 95%; đến năm 2030 đạt 98%": the year of the figure's own part of the sentence
        start, end = text.rfind(";", 0, best.start()) + 1, text.find(";", best.end())
        year = year_of_heading(text[start: end if end >= 0 else len(text)], period_end) or year
    if best is None:
        nm = _NONE_LEFT.search(text)
        if nm:
            return Target([0.0], nm.group(1).strip(), "=", year or default_year, nm.group(0))
        return None
    a, b = best["a"], best["b"]
    values = [to_number(a)] + ([to_number(b)] if b else [])
    cmp_ = _comparison(_lead_word(best["lead"]), best["tail"] or "", text[: best.start()], b is not None, best["unit"] or "")
    phrase = written[best.start(): best.end()].strip(" :")
    return Target(values, _rate_unit(_clean_unit(best["unit"])), cmp_, year or default_year, phrase)


# A value cell: a symbol or a bound word before the figure ("≥ 94", "Trên 45", "Tối thiểu 80", "Đạt 100%"),
# a range ("12-14", "45% - 50%", "Từ 60% đến 70%"), "trở lên"/"trở xuống" after it; the figure may carry its
# own unit when the table has no unit column ("350 Tbps", "98% trở lên", "≥ 1.000 doanh nghiệp").
_CELL_UNIT = rf"(?:{UNIT})(?![^\W\d_])"
_CELL = re.compile(rf"(?:(?P<cmp>[<>≤≥]=?)|(?P<tu>từ)|(?P<word>{'|'.join(re.escape(w) for w, _ in _BOUND_WORDS if w[0].isalpha())})"
                   rf"|đạt|khoảng|đạt khoảng|~)?\s*(?P<a>{_NUM})\s*(?P<ua>{_CELL_UNIT})?"
                   rf"\s*(?:(?:[-–]|(?(tu)(?:đến|tới)|(?!)))\s*(?P<b>{_NUM})\s*(?P<ub>{_CELL_UNIT})?)?"
                   rf"(?P<tail>\s*trở\s+(?:lên|xuống))?", re.I)


def parse_cell_target(value: str, unit: str | None, year: int | None) -> Target | None:
    """A table cell like ">97", "≥ 94", "12-14", "150-200", "1,5-2", "Từ 60% đến 70%", "350 Tbps" with its
    unit column; without one, the unit the cell itself writes after its figure."""
    v = value.strip()
    m = _CELL.fullmatch(v)
    if not m:
        return _worded_cell(v, unit, year)
    values = [to_number(m["a"])] + ([to_number(m["b"])] if m["b"] else [])
    sym = (m["cmp"] or "").replace("≥", ">=").replace("≤", "<=")
    word = _BOUND_BY_WORD.get(re.sub(r"\s+", " ", (m["word"] or m["tu"] or "").lower()), "")
    tail = (m["tail"] or "").lower()
    cmp_ = "range" if m["b"] else (sym or word or (">=" if "lên" in tail else "<=" if "xuống" in tail else "="))
    u = unit.strip() if unit and unit.strip() else _clean_unit(m["ub"] or m["ua"])
    return Target(values, u, cmp_, year, v)


def _worded_cell(value: str, unit: str | None, year: int | None) -> Target | None:
    """A value cell that words its figure as a sentence does ("Tăng 10%", "100% (tương đương 50 xã)", "Đạt trên 95%
    số hộ"): read as text, with the row's unit column over the cell's own and the column's year over the cell's."""
    t = parse_target(value)
    if t is None:
        return None
    u = unit.strip() if unit and unit.strip() else t.unit
    return Target(t.values, u, t.comparison, year or t.year, t.text)


# An indicator's name may carry its unit when the table has no unit column: "Tỷ lệ hộ nghèo (%)",
# "Thu ngân sách (tỷ đồng)", "GRDP bình quân đầu người (triệu đồng/người)".
_UNIT_IN_NAME = re.compile(rf"\(\s*(?P<unit>{UNIT})\s*\)\s*$", re.I)


def unit_in_name(name: str | None) -> str | None:
    """The unit an indicator's name ends with in parentheses, if any."""
    m = _UNIT_IN_NAME.search((name or "").strip())
    return _clean_unit(m["unit"]) if m else None


def year_targets(values: dict[int, str], unit: str | None, units: dict[int, str] | None = None) -> list[Target]:
    """One target per year from a row of a table with one column per year ({2026: "93", 2030: "≥ 95"}),
    in year order; a cell that states no figure ("-", "x", "Hoàn thành") gives none. ``unit`` is the row's
    (its unit cell, its name); without one, a year's column may state its own (``units``: "Giá trị (Nghìn USD)")."""
    units = units or {}
    found = (parse_cell_target(v, unit or units.get(y), y) for y, v in sorted(values.items()))
    return [t for t in found if t is not None]


def measure_targets(measures: dict[int, list[tuple[str, str | None]]]) -> list[Target]:
    """One target per measure of each year a row fills several of ({2030: [("155.000", "Tấn"), ("70.000", "Nghìn
    USD")]}), in year order then the header's; a cell stating no figure gives none."""
    found = (parse_cell_target(v, u, y) for y, cells in sorted(measures.items()) for v, u in cells)
    return [t for t in found if t is not None]
