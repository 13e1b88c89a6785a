"""Document metadata from the letterhead, title and signature: one small pure function per field.

The letterhead is read from the raw lines, before any section logic, because its
layout differs by source (a Markdown pipe table with hard-wrapped cells, a Word
header typed line by line, a bare title with "Kèm theo Quyết định số …"). A locality
is only ever a real administrative unit (:mod:`corpus.places`); unknown stays None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.model import Document, Locality
from corpus.places import Place, find_places, resolve_province
from corpus.text import CAPITALS, HEADING_KINDS, PERSON_NAME

# Document kinds as their upper-case heading opens, longest first (the vocabulary: `corpus.text.DOCUMENT_KINDS`).
KINDS = [(kind.upper(), kind) for kind in HEADING_KINDS]
HEAD_LINES = 80  # the letterhead and title sit in the first lines of every plan read so far
_NATIONAL = re.compile(r"^(?:BỘ|THỦ TƯỚNG|CHÍNH PHỦ|QUỐC HỘI|VĂN PHÒNG CHÍNH PHỦ|BAN CHẤP HÀNH TRUNG ƯƠNG|"
                       r"ỦY BAN THƯỜNG VỤ QUỐC HỘI|UỶ BAN THƯỜNG VỤ QUỐC HỘI|TÒA ÁN|VIỆN KIỂM SÁT|BỘ CHÍNH TRỊ)\b")
_STATE_MOTTO = re.compile(r"^(?:CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập)", re.I)
_AUTHORITY_WORDS = [
    (re.compile(r"(?:ỦY|UỶ) BAN NHÂN DÂN\b|\bUBND\b", re.I), "UBND"),
    (re.compile(r"HỘI ĐỒNG NHÂN DÂN\b|\bHĐND\b", re.I), "HĐND"),
    (re.compile(r"ĐẢNG (?:ỦY|UỶ)\b", re.I), "Đảng ủy"),
]
_NUMBER = re.compile(r"^Số\s*:\s*(?P<v>\S.*)$", re.I)
_ANNEX = re.compile(r"(?:Kèm theo|Ban hành kèm theo)\s+(?:Quyết định|Kế hoạch|Nghị quyết|Công văn)\s+số\s+"
                    r"(?P<num>[^\s,]+)(?P<rest>.*?)(?:\s+của\s+(?P<who>[^)]+))?\)?\s*$", re.I)
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})", re.I)
_DATE_NUM = re.compile(r"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.I)
_PLACE_DATE = re.compile(r"^(?P<place>[^,]{2,40}),\s*ngày\b", re.I)
_SIGN_AUTHORITY = re.compile(r"^(?:TM|T/M|T\.M|KT|K/T|TL|TUQ|Q)\.?\s+\S")
# the offices a signer signs as, in capitals ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"): one list for the signing-title test
# and the cheap test before it
SIGNING_TITLES = ("THỦ TƯỚNG", "CHỦ TỊCH", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "BÍ THƯ", "TRƯỞNG BAN", "GIÁM ĐỐC", "TRƯỞNG PHÒNG",
                  "CHÁNH VĂN PHÒNG", "TỔNG CỤC TRƯỞNG", "CỤC TRƯỞNG")
_SIGN_TITLE = re.compile(r"^(?:PHÓ |KT\. |Q\. )?(?:" + "|".join(SIGNING_TITLES) + r")\b")
# Ranks and degrees written before a signer's name ("Thượng tướng Võ Minh Lương", "PGS.TS. …").
# Any number of them, in any order, with or without spaces: "Phó Đô đốc …", "PGS.TS.Trần …", "GS. TSKH. …".
_RANK = re.compile(r"^(?:(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|(?:(?:Phó|Chuẩn)\s+)?Đô đốc)\s+|"
                   r"(?-i:PGS|GS|TSKH|TS|ThS|BSCKII|BSCKI|BS|KS|DS|LS)(?:\.\s*|\s+))+")
SIGNER_WINDOW = 8  # lines after a signing title where the name is looked for


@dataclass
class Letterhead:
    """The head of a plan as plain lines: authority lines, number/date lines, kind and title."""

    authority: list[str] = field(default_factory=list)  # "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"
    lines: list[str] = field(default_factory=list)  # every cleaned non-empty head line, in order
    kind_line: int | None = None  # index in ``lines`` of the kind heading
    title: str | None = None  # the words after the kind, as written


def clean_line(raw: str) -> str:
    """A raw line without Markdown emphasis, heading marks and table pipes."""
    t = re.sub(r"\*+|(?<!\w)_+|_+(?!\w)", " ", raw)
    t = re.sub(r"^\s*#+\s*", "", t)
    t = t.strip().strip("|").strip()
    return " ".join(t.split())


def _is_rule(t: str) -> bool:
    return bool(t) and re.fullmatch(r"[-–—_=.\s]+", t) is not None


def read_letterhead(lines: list[str]) -> Letterhead:
    """Group the head's hard-wrapped cells back into lines and find the kind heading."""
    head = Letterhead()
    cells: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            cells.append(" ".join(current))
            current.clear()

    for raw in lines[:HEAD_LINES]:
        for piece in re.split(r"\*{4,}", raw):  # "**KẾ HOẠCH****Phát triển …**"
            t = clean_line(piece)
            if not t or _is_rule(t) or raw.strip() in ("|", ""):
                close()
                continue
            starts_new = (_NUMBER.match(t) or _STATE_MOTTO.match(t) or _kind_of(t)
                          or (current and not current[-1].endswith((":", ","))
                              and current[-1].isupper() != t.isupper()))
            if starts_new:
                close()
            current.append(t)
            if _kind_of(t) and t.isupper():
                close()
    close()
    head.lines = cells
    for i, t in enumerate(cells):
        if _kind_of(t) and t[: len(_kind_of(t)[0])].isupper():
            head.kind_line = i
            rest = t[len(_kind_of(t)[0]):].strip(" —:-")
            if not rest and i + 1 < len(cells) and not cells[i + 1].lower().startswith("căn cứ"):
                rest = cells[i + 1]
            head.title = rest or None
            break
    before = cells[: head.kind_line] if head.kind_line is not None else cells[:6]
    for t in before:
        if _NUMBER.match(t) or _STATE_MOTTO.match(t) or _PLACE_DATE.match(t):
            if head.authority:
                break
            continue
        if t.isupper():
            head.authority.append(t)
        elif head.authority:
            break
    return head


def _kind_of(t: str) -> tuple[str, str] | None:
    up = t.upper()
    return next(((k, name) for k, name in KINDS if up.startswith(k) and (len(up) == len(k) or not up[len(k)].isalpha())),
                None)


# ---------------------------------------------------------------- one function per field

_CONSOLIDATED = re.compile(r"/VBHN-|^VĂN BẢN HỢP NHẤT$")


def _consolidated_kind(head: Letterhead) -> str | None:
    """A consolidated text (văn bản hợp nhất, "Số: 94/VBHN-BQP") is of the kind it consolidates: the kind
    heading that stands alone ("THÔNG TƯ"), else the kind its opening sentence names ("Thông tư số
    195/2019/TT-BQP … được sửa đổi, bổ sung bởi")."""
    if not any(_CONSOLIDATED.search(t) for t in head.lines):
        return None
    for t in head.lines:
        hit = _kind_of(t)
        if hit and t.upper() == hit[0] and t.isupper():
            return hit[1]
    for t in head.lines:
        hit = _kind_of(t)
        if hit and re.match(r"\s*số\s+\d", t[len(hit[0]):]):
            return hit[1]
    return None


def read_kind(head: Letterhead) -> str | None:
    """"KẾ HOẠCH" → "Kế hoạch": the first kind heading of the document (of a consolidated text: the
    kind it consolidates)."""
    consolidated = _consolidated_kind(head)
    if consolidated:
        return consolidated
    if head.kind_line is None:
        return None
    hit = _kind_of(head.lines[head.kind_line])
    return hit[1] if hit else None


def read_title(head: Letterhead) -> str | None:
    kind = read_kind(head)
    if not kind or not head.title:
        return kind
    rest = head.title.split(" — (Kèm theo")[0]
    rest = re.sub(r"\s*\((?:Kèm theo|Ban hành kèm theo)[^)]*\)?\s*$", "", rest, flags=re.I).strip()
    if rest.isupper():
        rest = rest.capitalize()
    elif rest and rest[0].isupper() and len(rest) > 1 and rest[1].islower():
        rest = rest[0].lower() + rest[1:]
    return f"{kind} {rest}".strip()


def read_number(head: Letterhead) -> str | None:
    """"Số: 552/KH-UBND" (a number with a sign); else the number of the decision an annex plan is issued with."""
    for t in head.lines:
        m = _NUMBER.match(t)
        if m and re.search(r"\d", m["v"]):
            return re.sub(r"\s+", " ", m["v"]).strip(" ,.")
    for t in head.lines:
        a = _ANNEX.search(t)
        if a and re.search(r"\d", a["num"]):
            return a["num"].strip(" ,")
    return None


def cited_number(number: str | None) -> str | None:
    """The plan's number as a citation writes it, spaces out ("08 - CTr/ĐUUB" → "08-CTr/ĐUUB"); None when it holds
    no digit: a draft's blank "/KH-UBND" numbers nothing (an index built before `read_number` required a digit
    may still hold one). Judged here, once, so no front end re-reads the number's text."""
    if not number or not re.search(r"\d", number):
        return None
    return "".join(number.split())


def read_date(head: Letterhead) -> str | None:
    """"Đồng Tháp, ngày 19 tháng 11 năm 2025" → "2025-11-19" (year or year-month when the day is left blank)."""
    for t in head.lines[: head.kind_line if head.kind_line is not None else None]:
        m = _DATE_WORDS.search(t)
        if m and _PLACE_DATE.match(t):
            return _iso(*m.groups())
    for t in head.lines:
        a = _ANNEX.search(t)
        if a:
            d = _DATE_NUM.search(a["rest"]) or _DATE_WORDS.search(a["rest"])
            if d:
                day, month, year = d.groups()
                return _iso(day, month, year)
    return None


def _iso(day: str | None, month: str | None, year: str) -> str:
    parts = [year]
    if month:
        parts.append(f"{int(month):02d}")
        if day:
            parts.append(f"{int(day):02d}")
    return "-".join(parts)


def _authority_text(head: Letterhead) -> str | None:
    """The issuing body's line: the last authority cell (a parent body may stand above it)."""
    if not head.authority:
        return None
    joined = " ".join(head.authority)
    # "BAN CHẤP HÀNH TRUNG ƯƠNG BAN TUYÊN GIÁO VÀ DÂN VẬN": the issuer is the body named last
    for rx, _ in _AUTHORITY_WORDS:
        m = rx.search(joined)
        if m:
            return joined
    return head.authority[-1] if len(head.authority) > 1 and len(head.authority[-1].split()) >= 3 else joined


def _title_words(s: str) -> str:
    small = {"và", "của", "về"}
    words = s.lower().split()
    return " ".join(w if (w in small and i) else w[:1].upper() + w[1:] for i, w in enumerate(words))


# A department under its people's committee in a two-line letterhead ("UBND TỈNH X" over "SỞ Y").
_DEPARTMENT = re.compile(r"\b(?-i:SỞ|BAN QUẢN LÝ|BAN|CHI CỤC|CỤC|PHÒNG|TRUNG TÂM|BỆNH VIỆN|VĂN PHÒNG|THANH TRA|"
                         rf"BỘ CHỈ HUY|CÔNG AN|ĐÀI|QUỸ)\s+[{CAPITALS}\s,&-]+$")
# Compound head nouns ("Trung tâm Y tế", "Chi cục Thủy lợi") and heads that are names ("Ban Quản lý …").
_COMPOUND_HEADS = ("CHI CỤC", "BỆNH VIỆN", "TRUNG TÂM", "VĂN PHÒNG", "THANH TRA", "CÔNG AN")
_NAMED_HEADS = ("BAN QUẢN LÝ", "BỘ CHỈ HUY")


def _department_name(upper: str) -> str:
    """"SỞ Y TẾ" → "Sở Y tế", "TRUNG TÂM Y TẾ" → "Trung tâm Y tế", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP" →
    "Ban Quản lý các khu công nghiệp": the word that starts the department's own name is capitalised."""
    words = [w.lower() for w in upper.split()]
    starts = 2 if upper.startswith(_COMPOUND_HEADS) else 1
    named = 2 if upper.startswith(_NAMED_HEADS) else 0
    for i in {0, starts, *range(named)}:
        if i < len(words):
            words[i] = words[i][:1].upper() + words[i][1:]
    return " ".join(words)


def read_issuer(head: Letterhead, number: str | None, locality: Locality) -> str | None:
    """"ỦY BAN NHÂN DÂN / TỈNH ĐỒNG THÁP" → "Ủy ban nhân dân tỉnh Đồng Tháp" (as the letterhead reads);
    "BỘ CÔNG THƯƠNG" → "Bộ Công Thương".

    Without a letterhead, the body an annex names ("của UBND phường X"), else the
    number's sign (…/KH-UBND, …/ĐU) with the plan's locality.
    """
    text = _authority_text(head)
    if text:
        # "ỦY BAN NHÂN DÂN TỈNH X / ỦY BAN NHÂN DÂN XÃ Y": the body named last issues the document
        hits = [(m, short) for rx, short in _AUTHORITY_WORDS for m in rx.finditer(text)]
        if hits:
            m, short = max(hits, key=lambda h: h[0].start())
            body = m.group(0) if m.group(0).isupper() and len(m.group(0)) > 4 else short
            body = body[:1] + body[1:].lower() if len(body) > 4 else body  # as the letterhead reads it
            rest = text[m.end():].strip()
            place = _place_in(rest, _province_hint(head))
            dept = _DEPARTMENT.search(rest) if short in ("UBND", "HĐND") and place else None
            if dept:  # "UBND TỈNH NGHỆ AN / SỞ Y TẾ": the department issues, with its province's place
                return f"{_department_name(dept.group(0))} {place.label()}"
            return f"{body} {place.label()}" if place else (f"{body} {_title_words(rest)}".strip())
        return _title_words(text)
    for t in head.lines:
        a = _ANNEX.search(t)
        if a and a["who"]:
            return a["who"].strip(" )")
    written = number or next((m["v"] for m in map(_NUMBER.match, head.lines) if m), None)
    if written:
        sign = written.split("/")[-1].upper()
        short = "Đảng ủy" if "ĐU" in sign else ("UBND" if "UBND" in sign else None)
        if short:
            return f"{short} {locality.label()}" if locality.name else short
    return None


def _place_in(text: str, hint: str | None = None) -> Place | None:
    places = find_places(text, hint)
    return places[0] if places else None


def _province_hint(head: Letterhead) -> str | None:
    """The first province the head names anywhere ("Căn cứ … UBND tỉnh Đồng Tháp"): it tells apart
    communes that share a name ("xã Tân An" exists in nine provinces)."""
    for t in head.lines:
        for p in find_places(t):
            if p.is_province:
                return p.name
    return None


_SIGN_START = re.compile(r"^[\s*_|#]*(?:TM|T/M|T\.M|KT|K/T|TL|TUQ|Q\.|PHÓ|" + "|".join(SIGNING_TITLES) + ")")


def read_signer(lines: list[str]) -> str | None:
    """The person who signed: the name under the first signing title ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH /
    Huỳnh Minh Tuấn"), never the title itself."""
    for i, raw in enumerate(lines):
        if not _SIGN_START.match(raw):  # cheap test first: most lines are no signing title
            continue
        t = clean_line(raw)
        if not (_SIGN_AUTHORITY.match(t) or (_SIGN_TITLE.match(t) and t.isupper())) or len(t) > 80:
            continue
        seen = 0
        for nxt_raw in lines[i + 1:]:
            nxt = clean_line(nxt_raw)
            if not nxt:
                continue
            seen += 1
            if seen > SIGNER_WINDOW:
                break
            name = _RANK.sub("", nxt)
            if PERSON_NAME.match(name) and not name.startswith(("Nơi", "Lưu", "Như", "Căn")):
                return name
            if not nxt.isupper() and len(nxt) > 40:
                break
    return None


def read_locality(head: Letterhead, title: str | None, issuer: str | None) -> Locality:
    """The commune/ward the plan is about, and its province; only real units, else None.

    A national body's document (a ministry, the Prime Minister) is about no province.
    """
    authority = " ".join(head.authority)
    if authority and _NATIONAL.match(authority):
        return Locality()
    sources = [authority, issuer or "", title or ""] + [
        a["who"] or "" for a in (_ANNEX.search(t) for t in head.lines) if a]
    province: Place | None = None
    hint = _province_hint(head)
    for text in sources:
        for p in find_places(text):
            if p.is_province and province is None:
                province = p
    for text in sources:
        communes = [p for p in find_places(text, province.name if province else hint) if not p.is_province]
        if province is not None:
            communes = [p for p in communes if p.province == province.name] or communes
        if communes:
            c = communes[0]
            return Locality(c.level, c.name, c.province)
    if province is None:
        for t in head.lines[: head.kind_line if head.kind_line is not None else None]:
            m = _PLACE_DATE.match(t)
            if m:
                province = resolve_province(m["place"])
                break
    return Locality(None, None, province.name if province else None)


def extract_metadata(doc: Document, lines: list[str]) -> None:
    """Fill the document's letterhead fields from its raw lines."""
    head = read_letterhead(lines)
    doc.kind = read_kind(head)
    doc.title = read_title(head)
    doc.number = read_number(head)
    doc.date = read_date(head)
    loc = read_locality(head, doc.title, None)
    doc.issuer = read_issuer(head, doc.number, loc)
    if not loc.name and doc.issuer and not _NATIONAL.match(" ".join(head.authority)):
        loc = read_locality(head, doc.title, doc.issuer)
    doc.locality = loc
    doc.signer = read_signer(lines)
