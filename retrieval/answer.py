"""A short Vietnamese answer composed only from the retrieved clauses' own facts.

Nothing is generated: each line quotes a clause (trimmed) and the lead, partners,
director, target and deadline the corpus read from the plan, with its citation.
When several plans match and the question names none, there is one line per plan.
"""
from __future__ import annotations

import re

from corpus.model import Clause, Document
from retrieval.query import Question, folded

MAX_QUOTE = 600
MAX_PLANS = 5
MAX_DUTIES = 8
_AMOUNT = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:%|ha\b|km\b|m2|m²|tỷ|triệu|nghìn|lượt|người|hộ\b)", re.I)


def states_amount(text: str) -> bool:
    """An amount written in passing ("đã được quy hoạch 4,6 ha", "đạt 95%"), parsed as a target or not."""
    return bool(_AMOUNT.search(text))


def _quote(text: str, q: Question | None = None) -> str:
    """The clause, or for a long one the sentences that share most words with the question."""
    t = " ".join(text.split())
    if len(t) <= MAX_QUOTE:
        return t
    if q is not None:
        sentences = [x for x in re.split(r"(?<=[.!?])\s+", t) if x]
        want = set(folded(q.text).split())
        scores = [len(want & set(folded(x).split())) for x in sentences]
        best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
        picked = sentences[best]
        if best + 1 < len(sentences) and len(picked) + len(sentences[best + 1]) < MAX_QUOTE:
            picked += " " + sentences[best + 1]
        if len(picked) > MAX_QUOTE:
            picked = picked[: MAX_QUOTE - 1].rstrip() + "…"
        return ("… " if best else "") + picked + (" …" if not t.endswith(picked) else "")
    return t[: MAX_QUOTE - 1].rstrip() + "…"


def cite(c: Clause) -> str:
    where = []
    if c.section_path:
        where.append(c.section_path[-1] if len(c.section_path[-1]) <= 60 else c.section_path[-1][:59] + "…")
    where.append(f"dòng {c.lines[0]}" if c.lines[0] == c.lines[1] else f"dòng {c.lines[0]}–{c.lines[1]}")
    if c.page:
        where.append(f"trang {c.page}")
    return f"[{c.source}; {'; '.join(where)}]"


def _facts(c: Clause, q: Question) -> str:
    bits = []
    if c.lead:
        bits.append(f"chủ trì: {c.lead}")
    if c.partners:
        bits.append(f"phối hợp: {c.partners}")
    if c.directed_by:
        bits.append(f"chỉ đạo: {c.directed_by}")
    if c.deadline and q.qtype in ("when", "who", "duties", "fact"):
        bits.append(f"thời hạn: {c.deadline}")
    if c.product:
        bits.append(f"sản phẩm: {c.product}")
    s = "; ".join(bits)
    if c.lead and c.lead_from_elsewhere:
        s += f" ({lead_origin(c)})"
    return s


def lead_origin(c: Clause) -> str:
    """Where a lead stated elsewhere was read: "theo ô gộp của bảng, dòng 158", "suy luận theo lĩnh vực, dòng 200"."""
    src = c.lead_source
    if src is None:
        return ""
    return ("" if src.inferred else "theo ") + src.describe()


def _who_line(c: Clause, q: Question) -> str:
    if q.asks_director and c.directed_by:
        head = f"{c.directed_by} chỉ đạo"
    elif q.asks_partners and c.partners:
        head = f"Phối hợp: {c.partners}" + (f" (chủ trì: {c.lead})" if c.lead else "")
    elif c.lead:
        head = f"{c.lead} chủ trì" + (f", phối hợp: {c.partners}" if c.partners else "")
        if c.lead_from_elsewhere:
            head += f" ({lead_origin(c)})"
    else:
        head = "Kế hoạch không ghi đơn vị chủ trì cho nội dung này"
    extra = []
    if c.target:
        extra.append(f"chỉ tiêu: {c.target.text}")
    if c.deadline:
        extra.append(f"thời hạn: {c.deadline}")
    tail = f" ({'; '.join(extra)})" if extra else ""
    return f"{head}{tail}. «{_quote(c.text, q)}» {cite(c)}"


def _line(c: Clause, q: Question) -> str:
    if q.qtype == "who" and (q.explicit_role or q.asks_director or c.directed_by):
        return _who_line(c, q)
    facts = _facts(c, q)
    if q.qtype == "when" and c.deadline:
        return f"Thời hạn: {c.deadline}. «{_quote(c.text, q)}»" + (f" ({facts})" if facts else "") + f" {cite(c)}"
    return f"«{_quote(c.text, q)}»" + (f" — {facts}" if facts else "") + f" {cite(c)}"


_ASSIGNMENT = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s*)?(?:[-–]\s*)?(?:(?:Cơ quan|Đơn vị) (?:chủ trì|phối hợp)|Giao\b|Phân công)", re.I)


def _is_assignment(c: Clause) -> bool:
    """Statements of who leads ("Cơ quan chủ trì: ...", "Giao X tham mưu") are not duties themselves."""
    return bool(_ASSIGNMENT.match(c.text)) or any(s.startswith("Phân công") for s in c.section_path[-1:])


def _plan_label(doc: Document) -> str:
    loc = doc.locality.label() or doc.source
    kind = doc.kind or "Kế hoạch"
    return f"{loc[:1].upper()}{loc[1:]} ({kind})"


def compose_answer(q: Question, ranked: list[tuple[Clause, float, float]], documents: dict[str, Document]) -> str:
    if not ranked:
        return ""
    top_score = ranked[0][1]
    relevant = [(c, s, cov) for c, s, cov in ranked if cov >= 0.5 and s >= 0.45 * top_score] or ranked[:1]

    if q.qtype == "duties" and q.unit_key:
        ours = [c for c, _, _ in ranked if c.lead and q.unit_key in folded(c.lead)]
        led = [c for c in ours if not _is_assignment(c)]
        # the sentence that assigns the unit ("Giao Phòng … chủ trì … các chỉ tiêu: …"), once per plan
        assigned: list[Clause] = []
        for c in ours:
            if _is_assignment(c) and all(a.doc_id != c.doc_id for a in assigned):
                assigned.append(c)
        # plans in rank order, each plan's duties in document order
        order = list(dict.fromkeys(c.doc_id for c in assigned + led))
        mine = sorted(assigned[:MAX_PLANS] + led, key=lambda c: (order.index(c.doc_id), c not in assigned, c.id))
        if mine:
            lines = [f"{q.unit} được giao:"]
            lines += [f"– «{_quote(c.text, q)}» {cite(c)}" for c in mine[:MAX_DUTIES]]
            return "\n".join(lines)

    by_doc: dict[str, list[Clause]] = {}
    for c, _, _ in relevant:
        by_doc.setdefault(c.doc_id, []).append(c)
    blocks = []
    for doc_id, cs in list(by_doc.items())[:MAX_PLANS]:
        first = _pick(cs, q)
        lines = [_line(first, q)]
        # the plan's next clause when it adds what the first lacks (an indicator's lead, a figure)
        for c in [c for c in cs if c is not first][:2]:
            if ((c.lead and not first.lead) or (c.target and not first.target) or q.qtype in ("fact", "list")
                    or (q.qtype == "who" and not q.explicit_role)):  # "báo cáo lên những cơ quan nào": in the text
                lines.append(_line(c, q))
                break
        blocks.append((documents[doc_id], lines))
    if len(blocks) == 1:
        doc, lines = blocks[0]
        out = f"{_plan_label(doc)}: " + "\n".join(lines)
    else:
        out = "\n".join(f"• {_plan_label(doc)}: " + "\n  ".join(lines) for doc, lines in blocks)
    units = list(dict.fromkeys(c.lead for c, _, _ in relevant[:10] if c.lead))
    if q.qtype == "list" and len(units) > 1:
        out += "\nĐơn vị chủ trì: " + "; ".join(units[:8])
    return out


def _pick(cs: list[Clause], q: Question) -> Clause:
    """The clause that carries what the question asks for, else the best ranked."""
    if q.qtype == "who" and q.asks_director:
        return next((c for c in cs if c.directed_by), cs[0])
    if q.qtype == "who" and q.explicit_role:
        return next((c for c in cs if c.lead), cs[0])
    if q.qtype in ("target", "list"):
        if not cs[0].target and states_amount(cs[0].text):
            return cs[0]
        # a sentence states the figure with its unit; a table cell often only "> 90"
        return next((c for c in cs if c.target and c.kind != "table_row"), next((c for c in cs if c.target), cs[0]))
    if q.qtype == "when":
        return next((c for c in cs if c.deadline), cs[0])
    return cs[0]
