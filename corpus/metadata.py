"""Document metadata from the plan's own header, title and signature lines."""
from __future__ import annotations

import re

from corpus.model import Clause, Document
from corpus.vocabulary import fold

_KINDS = [
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình hành động"),
    ("KẾ HOẠCH", "Kế hoạch"),
    ("CHƯƠNG TRÌNH", "Chương trình"),
    ("QUYẾT ĐỊNH", "Quyết định"),
    ("NGHỊ QUYẾT", "Nghị quyết"),
    ("ĐỀ ÁN", "Đề án"),
    ("BÁO CÁO", "Báo cáo"),
    ("PHƯƠNG ÁN", "Phương án"),
]
_NAME = r"[A-ZĐÀ-Ỹ][\wÀ-ỹđ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹđ]*){0,3}"
_LOCALITY = re.compile(rf"\b(xã|phường|thị trấn)\s+({_NAME})")
_LOCALITY_UPPER = re.compile(r"^(XÃ|PHƯỜNG|THỊ TRẤN)\s+([A-ZĐÀ-Ỹ ]{2,40})$")
_PROVINCE = re.compile(rf"\b(tỉnh|thành phố|Thành phố|TP\.)\s+({_NAME})")
_DATE = re.compile(r"ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})", re.I)
_DATE_NUM = re.compile(r"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})")
_NUMBER = re.compile(r"^Số\s*:\s*(.+)$", re.I)
_ANNEX = re.compile(r"Kèm theo\s+(Quyết định|Kế hoạch|Nghị quyết|Công văn)\s+số\s+(\S+)(.*?)(?:của\s+(.+?))?\)?$", re.I)
_ISSUERS = [
    (re.compile(r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|\bUBND\b", re.I), "UBND"),
    (re.compile(r"ĐẢNG ỦY|ĐẢNG UỶ|\bĐU\b", re.I), "Đảng ủy"),
    (re.compile(r"HỘI ĐỒNG NHÂN DÂN|\bHĐND\b", re.I), "HĐND"),
]


def _title_case(s: str) -> str:
    return " ".join(w.capitalize() for w in s.split())


def extract_metadata(doc: Document, clauses: list[Clause], lines: list[str], signature: list[str]) -> None:
    header = [c for c in clauses if c.kind in ("header", "paragraph") and not c.section_path][:25]
    head_texts = [c.text for c in header]
    # kind and title
    for i, t in enumerate(head_texts):
        up = t.upper()
        hit = next(((k, name) for k, name in _KINDS if up.startswith(k) and t[: len(k)].isupper()), None)
        if hit:
            k, name = hit
            doc.kind = name
            rest = t[len(k):].strip(" —:-")
            if not rest and i + 1 < len(head_texts):
                rest = head_texts[i + 1].strip(" —:-")
            rest = rest.split(" — (Kèm theo")[0]
            if rest and rest[0].isupper() and len(rest) > 1 and rest[1].islower():
                rest = rest[0].lower() + rest[1:]
            doc.title = f"{name} {rest}".strip()
            break
    # number and date
    for t in head_texts:
        m = _NUMBER.match(t)
        if m and not doc.number:
            doc.number = re.sub(r"\s+", " ", m.group(1)).strip()
        a = _ANNEX.search(t)
        if a and not doc.number:
            doc.number = a.group(2).strip(" ,")
            if a.group(4):
                doc.issuer = a.group(4).strip(" )")
        if not doc.date:
            d = _DATE_NUM.search(t) if a else None
            m2 = _DATE.search(t)
            if m2 and re.search(r",\s*ngày", t):
                day, month, year = m2.groups()
                doc.date = "-".join(x for x in (year, f"{int(month):02d}" if month else None,
                                                   f"{int(day):02d}" if day and month else None) if x)
            elif d:
                doc.date = f"{d.group(3)}-{int(d.group(2)):02d}-{int(d.group(1)):02d}"
    # locality: the title names it; else an upper-case "XÃ ..." header line
    for t in ([doc.title] if doc.title else []) + head_texts:
        m = _LOCALITY.search(t or "")
        if m:
            doc.locality.level, doc.locality.name = m.group(1), m.group(2).strip()
            break
    if not doc.locality.name:
        for t in head_texts:
            m = _LOCALITY_UPPER.match(t.strip())
            if m:
                doc.locality.level, doc.locality.name = m.group(1).lower(), _title_case(m.group(2))
                break
    if not doc.locality.name:
        body = " ".join(c.text for c in clauses[:200])
        m = _LOCALITY.search(body)
        if m:
            doc.locality.level, doc.locality.name = m.group(1), m.group(2).strip()
    text = "\n".join(lines)
    for m in _PROVINCE.finditer(text):
        name = m.group(2).strip()
        if fold(name).lower() not in ("uy", "ban", "uy ban"):
            doc.locality.province = name
            break
    # issuer: header authority, else the number's suffix, else the signing authority
    if not doc.issuer:
        auth = None
        for t in head_texts[:6] + signature:
            for rx, short in _ISSUERS:
                if rx.search(t) and not t.upper().startswith(("CỘNG HÒA", "CỘNG HOÀ")):
                    auth = short
                    break
            if auth:
                break
        if auth is None and doc.number:
            suffix = doc.number.split("/")[-1].upper()
            auth = "Đảng ủy" if "ĐU" in suffix else ("UBND" if "UBND" in suffix else None)
        if auth:
            doc.issuer = f"{auth} {doc.locality.label()}" if doc.locality.name else auth
    # signer: the name under the signing title; else the title itself
    names = [s for s in signature if not s.isupper()]
    if names:
        doc.signer = names[-1]
    elif signature:
        doc.signer = ", ".join(_title_case(s) for s in signature)
