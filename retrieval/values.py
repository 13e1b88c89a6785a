"""Which value a clause states: a value of the kind a question's answer slot asks (a sum, a share, a count, a date, a
unit …) in its text, its table cells and its typed facts (`clause_holds_value`), its typed chỉ tiêu read by its unit
(`target_fits`, `unit_fits`), and the roadmap stage a heading above it dates it by (`stage_heading`).

Shared by the answer (`retrieval.answer`: the clause a plan answers with holds the value asked), the evidence
(`retrieval.evidence`, which re-exports these names) and the question types (`retrieval.strategies`). It depends on
the corpus model and the question's analysis only, so none of them import another through it.
"""
from __future__ import annotations

import re
from typing import Callable

from corpus.model import Clause
from corpus.text import ACTING_UNIT_HEADS, SOURCE_STATED
from retrieval.query import CAPITAL, AnswerSlot, folded

# a value of each answer-slot kind, as folded clause text writes it
_NUM = r"\d[\d.,]*"
YEAR_RX = re.compile(r"\b(?:19|20)\d{2}\b")  # a year as folded text writes it
_NUMBER_WORDS = r"\b(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|muoi [a-z]+)"  # "một lần/năm", "hai đợt"
_SLOT_VALUE: dict[str, re.Pattern[str]] = {
    # a sum, or a table row whose unit label precedes its figures ("Giá trị (Nghìn USD): 1.100 1.200")
    "money": re.compile(rf"{_NUM}\s*(?:(?:nghin|ngan) )?(?:ty|trieu|nghin|ngan)?\s*(?:dong|vnd|usd)\b"
                        rf"|{_NUM}\s*(?:ty|trieu)\b|\b(?:dong|vnd|usd)\)?\s*[:;][^\n]*?\d"),
    "partners": re.compile(r"\bphoi hop (?:chat che )?(?:voi )?(?:cac |cung )?(?:so|bo|ban|phong|uy ban|ubnd|co quan|"
                          r"don vi|cong an|trung tam|doanh nghiep|dia phuong|nganh)\b"),
    "percent": re.compile(rf"{_NUM}\s*\(?\s*(?:%|phan tram)"),  # "12-14(%/năm)"
    "number": re.compile(r"\d"),
    "day": re.compile(r"\bngay \d|\b\d{1,2}/\d{1,2}\b|\b\d{1,2} thang \d"),
    "year": YEAR_RX,
    # a date, period or recurrence, or a length ("ít nhất 02 năm", "352 giờ", "30 (ba mươi) ngày")
    "time": re.compile(r"\bngay \d|\b\d+ (?:\([a-z ]+\) )?(?:ngay|thang|tuan|gio|phut|nam(?! ?\d))\b|\b\d{1,2}/\d{1,2}\b|\bthang \d|\bquy [ivx1-4]+\b|\b(?:19|20)\d{2}\b|\bhang "
                       r"(?:nam|thang|quy|tuan)\b|\bthuong xuyen\b|\bdinh ky\b|\bkip thoi\b"),
    # where money comes from, as the plans state it (`corpus.text.SOURCE_STATED`)
    "source": SOURCE_STATED,
}

# a unit named in a clause's text as the plans write it: a head word ("Sở", "Ủy ban nhân dân", "UBND") and the
# capitalised word its name opens with
_AGENCY_NAMED = re.compile(r"(?<!\w)(?:%s|Ủy ban|Uỷ ban|UBND|Bộ Chỉ huy|Công ty|Tập đoàn|Tổng cục)\s+%s"
                           % ("|".join(sorted(ACTING_UNIT_HEADS, key=len, reverse=True)), CAPITAL))

# a parsed target's unit that is a value of the slot's kind
_TARGET_UNIT: dict[str, Callable[[str, AnswerSlot], bool]] = {
    "percent": lambda u, s: u.startswith("%"),
    "money": lambda u, s: re.search(r"\b(?:dong|vnd|usd)\b", u) is not None,
    "count": lambda u, s: any(u.startswith(w) for w in s.counted),
    "number": lambda u, s: True,
    "time": lambda u, s: re.match(r"(?:nam|thang|tuan|ngay|gio|phut)\b", u) is not None,  # a length
}

# a heading that is a time, not a topic: a roadmap's stage ("2. Giai đoạn 2031 - 2035", "Năm 2026", "Quý III/2026",
# "Từ năm 2027"); "Mục tiêu đến năm 2030" names a topic and is not one
_HEADING_NUMBER_RX = r"^\s*(?:(?:[0-9IVXLCivxlc]+[.)]?(?:\d+[.)]?)*|[a-zđ][.)])\s+)"  # "2. ", "II. ", "a) "
HEADING_NUMBER = re.compile(_HEADING_NUMBER_RX)
_STAGE_HEADING = re.compile(_HEADING_NUMBER_RX + r"?(?:giai doan|nam|quy [ivx1-4]+|thang|"
                            r"tu nam|den nam|truoc nam|trong nam|dot)\b[^a-z]*(?:19|20)\d{2}")


def stage_heading(c: Clause) -> str | None:
    """The nearest heading above the clause that is a time (`_STAGE_HEADING`): the stage of a roadmap
    the tasks under it belong to, which is their time when they state none of their own."""
    return next((h for h in reversed(c.section_path) if _STAGE_HEADING.match(folded(h))), None)


_NOT_A_COUNT = re.compile(r"dong|usd|%|phan tram")  # a row unit of money or share: its figures count nothing


def clause_holds_value(c: Clause, slot: AnswerSlot, letterhead: bool = False) -> bool:
    """The clause (with its facts and table cells) states a value of the slot's kind. The letterhead's
    date is when the plan was issued, not when anything in it happens: it counts only when the
    question asks for the plan's own number or date (``letterhead``)."""
    if c.kind == "header" and not letterhead:
        return False
    if slot.kind == "agency":
        # a typed chủ trì or phối hợp, or a unit's name in the text: a head word and a capitalised name ("về Sở Khoa
        # học và Công nghệ"); the folded head words alone are everywhere ("ban hành", "xã hội", "giai đoạn")
        return bool(c.lead or c.partners) or _AGENCY_NAMED.search(
            " ".join(filter(None, [c.text, *(c.columns or {}).values()]))) is not None
    if slot.kind == "partners" and c.partners:
        return True
    if slot.kind == "time" and (c.deadline or stage_heading(c)):
        return True
    if target_fits(c, slot):
        return True  # the parsed chỉ tiêu says it: "12-14(%/năm)", "23 doanh nghiệp"
    cells = " ".join((c.columns or {}).values())
    text = folded(" ".join(filter(None, [c.text, cells, c.deadline, c.product, c.target.text if c.target else None])))
    if slot.kind == "count":
        return any(_counts(c, text, unit) for unit in slot.counted or ("",))
    return _SLOT_VALUE[slot.kind].search(text) is not None


def _counts(c: Clause, text: str, counted: str) -> bool:
    """The clause states a figure of the counted word ``counted`` (one form of `AnswerSlot.counted`; "" for none)."""
    unit = re.escape(counted)
    row_unit = folded((c.columns or {}).get("don_vi_tinh") or (c.target.unit if c.target and c.target.unit else ""))
    if (unit and (c.target is not None or c.year_values) and re.search(rf"\b{unit}\b", folded(c.noi_dung))
            and not _NOT_A_COUNT.search(row_unit)):
        # a table row's figures count what its label names ("+ Học sinh bán trú | Người | 28.098"), unless its
        # unit says they are a sum or a share ("Giá trị sản phẩm/1ha | Triệu đồng")
        return True
    if unit and re.search(rf"\((?:dvt\s*:\s*)?{unit}\)\s*:\s*{_NUM}", text):
        # a crawled table row writes each cell after its column's header, and the header names what the
        # column counts: "Kế hoạch 2027 Lượng (Tấn): 14.800", "Diện tích (ha): 44.000" hold tonnes and hectares
        return True
    return re.search(rf"(?:{_NUM}|{_NUMBER_WORDS})\s*(?:%\s*)?(?:[a-z]+\s+)?{unit}(?!\w)", text) is not None


def target_fits(c: Clause, slot: AnswerSlot) -> bool:
    """The clause's typed chỉ tiêu is a value of the slot's kind: its unit is "%" for a share, đồng for a
    sum, the counted word for a count (any unit for a plain number)."""
    return unit_fits(c.target.unit if c.target is not None else None, slot)


def unit_fits(unit: str | None, slot: AnswerSlot) -> bool:
    """A chỉ tiêu's unit is one of the slot's kind (`target_fits`; a year's measure in `strategies.year_value`)."""
    u = folded(unit) if unit else ""
    return bool(u) and _TARGET_UNIT.get(slot.kind, lambda u, s: False)(u, slot)
