"""Who leads, who coordinates, who directs, by when, what product, what target.

Plans state responsibility in many places: on the clause, in its table row
(merged cells written once for a group), in a section footer ("Cơ quan chủ trì
thực hiện: X"), in a "Phân công thực hiện" block, in a heading ("1. Phòng Kinh tế
xã chủ trì, ..."), or in a "Giao X ... tham mưu nội dung các chỉ tiêu về ...: A, B"
list that names indicators defined elsewhere. Each fact is applied to the clauses
it governs, narrowest scope last so it wins; a fact that came from another clause
records where (`lead_inferred_from`).
"""
from __future__ import annotations

import math
import re
from collections import Counter

from corpus.model import Clause
from corpus.structure import Node, Skeleton
from corpus.targets import parse_cell_target, parse_target
from corpus.vocabulary import ABBREVIATIONS, LEAD_COLUMNS, UNIT_HEAD_RE, VERB_RE, fold

_LEAD_FOOTER = re.compile(r"^(?:Cơ quan|Đơn vị|Bộ phận)\s+chủ trì(?:\s+thực hiện)?\s*:\s*(?P<v>.+)$", re.I)
_PARTNER_FOOTER = re.compile(r"^(?:Cơ quan|Đơn vị|Bộ phận)\s+phối hợp(?:\s+thực hiện)?\s*:\s*(?P<v>.+)$", re.I)
_TIME_FOOTER = re.compile(r"^Thời (?:gian|hạn)(?:\s+hoàn thành|\s+thực hiện)?\s*:\s*(?P<v>.+)$", re.I)
_SPLIT_PART = re.compile(r"(?P<unit>[^;()]+?)\s*\(\s*thực hiện (?:nội dung|mục|điểm)\s+(?P<which>[^)]+)\)")
_DIRECTOR = re.compile(r"(?:Giao\s+)?(?P<who>đồng chí\s+.+?)\s+(?:trực tiếp\s+)?chỉ đạo\b", re.I)
_ASSIGN = re.compile(
    rf"^(?:Giao\s+)?(?P<unit>{UNIT_HEAD_RE}\b.*?)\s*,?\s*(?P<verb>{VERB_RE}|:)", re.S
)
_PARTNERS_WITH = re.compile(
    r"phối hợp\s+(?:với\s+)?(?P<v>.+?)(?=,\s*(?:tham mưu|tổ chức|triển khai|thực hiện)|;|\.(?:\s|$)|"
    r"\s+(?:tổ chức|tham mưu|triển khai thực hiện|triển khai|thực hiện)\b|:|$)",
    re.I,
)
_DEADLINES = [
    re.compile(r"[Tt]hời (?:gian|hạn)(?: hoàn thành| thực hiện)?\s*:\s*(?P<v>[^.;]+)"),
    re.compile(r"(?P<v>(?:trước|chậm nhất(?: là)?)\s+(?:ngày\s+\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d{1,2}/\d{4}|năm\s+\d{4}|quý\s+[IV]+(?:/|\s+năm\s+)\d{4}))", re.I),
    re.compile(r"(?P<v>(?:hoàn thành|đến|tới)\s+(?:trong\s+)?(?:năm\s+\d{4}|ngày\s+\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d{1,2}/\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}))", re.I),
    re.compile(r"(?P<v>[Gg]iai đoạn\s+(?:năm\s+)?\d{4}(?:\s*[-–]\s*\d{4})?)"),
    re.compile(r"(?P<v>[Hh][ằà]ng năm)"),
]
_PRODUCT = re.compile(r"[Ss]ản phẩm\s*:\s*(?P<v>[^.;]+)")
_INDICATOR_SECTION = re.compile(r"chỉ tiêu|mục tiêu", re.I)
_STOP = set("và của các có được trong theo với cho tại trên từ để đến năm hằng hàng là đạt tỷ lệ số những một đã sẽ về".split())


def _clean(v: str) -> str:
    return re.sub(r"\s+", " ", v).strip(" .;,:")


def _subtree(nodes: list[Node], pos: int) -> list[int]:
    out, todo = [], [pos]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(nodes[p].children)
    return sorted(out)


def _where(c: Clause) -> str:
    label = f"{c.label} " if c.label and not c.text.startswith(c.label) else ""
    snippet = c.text if len(c.text) <= 70 else c.text[:69].rstrip() + "…"
    return f"«{label}{snippet}» ({c.id}, dòng {c.lines[0]}–{c.lines[1]})"


class _Facts:
    """Collected (scope, field, value, source, how); applied widest scope first."""

    def __init__(self) -> None:
        self.items: list[tuple[list[int], str, str, int, str]] = []

    def add(self, scope: list[int], field: str, value: str, source: int, how: str) -> None:
        value = _clean(value)
        if value:
            self.items.append((scope, field, value, source, how))

    def apply(self, clauses: list[Clause]) -> None:
        for scope, field, value, source, how in sorted(self.items, key=lambda t: -len(t[0])):
            field = {"_lead_part": "lead", "_partner_part": "partners"}.get(field, field)
            for p in scope:
                c = clauses[p]
                setattr(c, field, value)
                if field == "lead":
                    c.lead_inferred_from = None if p == source else f"{how}: {_where(clauses[source])}"


def parse_assignment(text: str) -> tuple[str | None, str | None, str | None]:
    """"Giao X chủ trì, phối hợp với Y ..." → (lead X, partners Y, verb)."""
    m = _ASSIGN.match(text)
    if not m:
        return None, None, None
    unit, verb = _clean(m["unit"]), m["verb"]
    if len(unit.split()) > 25:
        return None, None, None
    partners = None
    rest = text[m.start("verb"):]
    pm = _PARTNERS_WITH.search(rest)
    if pm:
        partners = _clean(pm["v"])
        if partners.lower().startswith(("triển khai", "thực hiện", "đôn đốc")):
            partners = None
    return unit, partners, verb


def assign_facts(sk: Skeleton, default_year: int | None = None) -> None:
    clauses, nodes = sk.clauses, sk.nodes
    facts = _Facts()

    for pos, (c, node) in enumerate(zip(clauses, nodes)):
        body = node.body or c.text
        # --- table rows: columns by meaning; merged cells were carried down by the table reader
        if node.row is not None and c.kind == "table_row":
            row = node.row
            for col in LEAD_COLUMNS:
                if row.cells.get(col):
                    c.lead = _clean(row.cells[col])
                    if col in row.carried:
                        c.lead_inferred_from = f"ô gộp của bảng, ghi ở dòng {row.carried[col]}"
                    break
            if row.cells.get("phoi_hop"):
                c.partners = _clean(row.cells["phoi_hop"])
            if row.cells.get("thoi_han"):
                c.deadline = _clean(row.cells["thoi_han"])
            if row.cells.get("san_pham"):
                c.product = _clean(row.cells["san_pham"])
            if row.cells.get("chi_tieu"):
                year = _year_of(row.titles.get("chi_tieu", "")) or _year_of(body) or default_year
                c.target = parse_cell_target(row.cells["chi_tieu"], row.cells.get("don_vi_tinh"), year)
            continue
        if c.kind in ("header", "footer", "table_header"):
            continue
        parent = node.parent
        # --- section footers: "1.2. Cơ quan chủ trì thực hiện: Phòng Kinh tế."
        for rx, field in ((_LEAD_FOOTER, "lead"), (_PARTNER_FOOTER, "partners"), (_TIME_FOOTER, "deadline")):
            m = rx.match(body)
            if not m:
                continue
            value = m["v"]
            scope = _footer_scope(nodes, clauses, pos, rx) if parent is not None else [pos]
            parts = list(_SPLIT_PART.finditer(value)) if field == "lead" else []
            if parts:
                facts.add(scope, field, "; ".join(_clean(p["unit"]) for p in parts), pos, "chân mục")
                for p in parts:
                    for which in re.split(r"[,\s]+(?:và\s+)?", p["which"].strip()):
                        target_pos = _child_labelled(nodes, clauses, parent, which)
                        if target_pos is not None:
                            facts.add(_subtree(nodes, target_pos), field, p["unit"], pos, "chân mục")
                facts.add([pos], field, "; ".join(_clean(p["unit"]) for p in parts), pos, "chân mục")
            else:
                facts.add(scope, field, value, pos, "chân mục")
            break
        else:
            _clause_statements(facts, clauses, nodes, pos, body)
        # --- deadline / product stated on the clause itself
        if c.deadline is None:
            for rx in _DEADLINES:
                m = rx.search(c.text)
                if m:
                    c.deadline = _clean(m["v"])
                    break
        m = _PRODUCT.search(c.text)
        if m:
            c.product = _clean(m["v"])
        # --- targets
        if c.kind in ("item", "bullet", "heading", "paragraph"):
            t = parse_target(c.text if c.kind != "heading" else body, None)
            if t is not None:
                c.target = t

    facts.apply(clauses)
    _link_named_indicators(clauses, nodes)
    _infer_by_topic(clauses, nodes)


def _year_of(text: str) -> int | None:
    years = re.findall(r"(20\d{2})", text or "")
    return int(years[-1]) if years else None


def _footer_scope(nodes: list[Node], clauses: list[Clause], pos: int, rx: re.Pattern[str]) -> list[int]:
    """A footer governs its section's content before it, back to the previous footer of its kind."""
    parent = nodes[pos].parent
    siblings = nodes[parent].children
    i = siblings.index(pos)
    scope: list[int] = []
    j = i - 1
    while j >= 0:
        sib = siblings[j]
        if rx.match(nodes[sib].body or clauses[sib].text):
            break
        if not any(r.match(nodes[sib].body or clauses[sib].text) for r in (_LEAD_FOOTER, _PARTNER_FOOTER, _TIME_FOOTER)):
            scope.extend(_subtree(nodes, sib))
        j -= 1
    first_group = j < 0
    if first_group:
        scope.append(parent)
    return sorted(set(scope + [pos]))


def _child_labelled(nodes: list[Node], clauses: list[Clause], parent: int | None, label: str) -> int | None:
    if parent is None:
        return None
    want = label.strip().strip(".)").lower()
    for ch in nodes[parent].children:
        lab = (clauses[ch].label or "").strip().strip(".)(").lower()
        if lab == want:
            return ch
    return None


def _in_assignment_section(clauses: list[Clause], pos: int) -> bool:
    return any(re.search(r"phân công|trách nhiệm|tổ chức thực hiện", t, re.I) for t in clauses[pos].section_path)


def _clause_statements(facts: _Facts, clauses: list[Clause], nodes: list[Node], pos: int, body: str) -> None:
    c, node = clauses[pos], nodes[pos]
    parent = node.parent
    in_block = parent is not None and nodes[parent].block
    block_scope = _subtree(nodes, nodes[parent].parent) if in_block and nodes[parent].parent is not None else (
        _subtree(nodes, parent) if in_block else [pos])
    dm = _DIRECTOR.search(body)
    if dm and (in_block or body.lower().startswith("giao")):
        facts.add(block_scope if in_block else _subtree(nodes, pos), "directed_by", dm["who"], pos, "khối phân công")
        return
    unit, partners, verb = parse_assignment(body)
    if unit is None:
        return
    if in_block:
        if verb in ("tham mưu", "chủ trì"):
            facts.items.append((block_scope, "_lead_part", unit, pos, "khối phân công"))
        elif verb == "phối hợp":
            facts.items.append((block_scope, "_partner_part", unit, pos, "khối phân công"))
        _merge_block_parts(facts)
        return
    explicit = body.lower().startswith("giao") or verb in ("chủ trì", "tham mưu")
    if verb == ":" and not _in_assignment_section(clauses, pos):
        return
    if not explicit and verb != ":":
        return
    scope = _subtree(nodes, pos)
    how = "tiêu đề mục" if node.children else "phân công"
    facts.add(scope, "lead", unit, pos, how)
    if partners:
        facts.add(scope, "partners", partners, pos, how)
    c.lead = _clean(unit)


def _merge_block_parts(facts: _Facts) -> None:
    """Several "tham mưu" lines in one block: their units lead together."""
    merged: dict[tuple[tuple[int, ...], str], tuple[list[str], int]] = {}
    rest = []
    for scope, field, value, source, how in facts.items:
        if field in ("_lead_part", "_partner_part"):
            key = (tuple(scope), "lead" if field == "_lead_part" else "partners")
            units, first = merged.get(key, ([], source))
            if value not in units:
                units.append(value)
            merged[key] = (units, first)
        else:
            rest.append((scope, field, value, source, how))
    for (scope, field), (units, source) in merged.items():
        rest.append((list(scope), "_" + ("lead_part" if field == "lead" else "partner_part"), "; ".join(units), source, "khối phân công"))
    facts.items = rest
    # the real fields are written when the block is complete (see finalize_blocks)


_STOP_FOLDED = {fold(s) for s in _STOP}


_ABBR_RX = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b")


def _words(text: str) -> list[str]:
    t = _ABBR_RX.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    return re.findall(r"[a-z0-9]+", fold(t).lower())


def _content_words(text: str) -> list[str]:
    return [w for w in _words(text) if w not in _STOP_FOLDED and not w.isdigit()]


def _bigrams(text: str) -> set[str]:
    """Adjacent word pairs of the text as written, none of them a stopword or number."""
    w = _words(text)
    return {f"{a} {b}" for a, b in zip(w, w[1:])
            if a not in _STOP_FOLDED and b not in _STOP_FOLDED and not a.isdigit() and not b.isdigit()}


def _indicator_name(c: Clause, node: Node) -> str:
    body = node.body or c.text
    body = re.sub(r"^\(\d+\)\s*", "", body)
    return body.split(":")[0] if ":" in body else ""


def _is_indicator(c: Clause) -> bool:
    return c.target is not None and (c.kind == "table_row" or any(_INDICATOR_SECTION.search(s) for s in c.section_path))


def _link_named_indicators(clauses: list[Clause], nodes: list[Node]) -> None:
    """"Giao X ..., tham mưu nội dung các chỉ tiêu về Y: A, B, C" → A, B, C are X's."""
    assigners = [p for p, c in enumerate(clauses) if c.lead and re.search(r"chỉ tiêu về", c.text) and not _is_indicator(c)]
    if not assigners:
        return
    norm_assign = {p: " ".join(_content_words(clauses[p].text)) for p in assigners}
    for pos, c in enumerate(clauses):
        if not _is_indicator(c) or c.kind == "table_row":
            continue
        raw = _indicator_name(c, nodes[pos])
        names = {" ".join(_content_words(raw)), " ".join(_content_words(re.sub(r"\([^)]*\)", " ", raw)))}
        names = {nm for nm in names if len(nm) >= 12}
        hits = [p for p in assigners if any(nm in norm_assign[p] for nm in names)]
        if hits:
            src = clauses[hits[0]]
            c.lead = src.lead
            c.partners = src.partners
            c.lead_inferred_from = f"giao chỉ tiêu: {_where(src)}"


def _infer_by_topic(clauses: list[Clause], nodes: list[Node]) -> None:
    """Indicators whose lead the plan gives only by topic (a later section on the same field)."""
    candidates = [p for p, c in enumerate(clauses)
                  if c.lead and not _is_indicator(c) and not (c.lead_inferred_from or "").startswith("suy luận")]
    if not candidates:
        return
    grams = [_bigrams(c.text + " " + (c.section_path[-1] if c.section_path else "")) for c in clauses]
    df = Counter(g for gs in grams for g in gs)
    n = len(clauses)
    common = {g for g, d in df.items() if d > max(3, n // 8)}
    idf = {g: math.log(1 + n / d) for g, d in df.items()}
    for pos, c in enumerate(clauses):
        if not _is_indicator(c) or c.lead:
            continue
        mine = _bigrams(c.text) - common
        total = sum(idf.get(g, 0) for g in mine)
        if not mine or total <= 0:
            continue
        by_lead: dict[str, tuple[float, int, set[str]]] = {}
        for cand in candidates:
            shared = mine & grams[cand]
            if len(shared) < 2:
                continue
            score = sum(idf[g] for g in shared) / total
            lead = clauses[cand].lead or ""
            if score > by_lead.get(lead, (0.0, -1, set()))[0]:
                by_lead[lead] = (score, cand, shared)
        ranked = sorted(by_lead.values(), key=lambda t: -t[0])
        best, best_score, best_shared = (ranked[0][1], ranked[0][0], ranked[0][2]) if ranked else (None, 0.0, set())
        if len(ranked) > 1 and ranked[1][0] * 1.3 > best_score:
            continue  # two units fit about as well: the plan does not say, so neither do we
        if best is not None and best_score >= 0.35:
            src = clauses[best]
            c.lead = src.lead
            c.partners = src.partners
            words = ", ".join(sorted(best_shared)[:3])
            c.lead_inferred_from = (f"suy luận theo lĩnh vực (trùng '{words}'): {_where(src)}")
