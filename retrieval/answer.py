"""A short Vietnamese answer composed only from the retrieved clauses' own facts.

Nothing is generated: each line quotes a clause (trimmed) and the lead, partners,
director, target and deadline the corpus read from the plan, with its citation.
When several plans match and the question names none, there is one line per plan.
"""
from __future__ import annotations

import re
from typing import Callable, Protocol, Sequence

from corpus.metadata import cited_number
from corpus.model import Clause, Document
from corpus.places import province_key
from corpus.text import COLUMN_TITLES, LEAD_COLUMNS
from corpus.timing import answers_time, due_year
from retrieval.outline import (LIST_FULL_COVERAGE, announces_list, asks_plans, coordinates_only, enumeration,
                               funding_heading, heading_body, heads, title_body)
from retrieval.query import DATE_SLOTS, Question, document_facts_asked, folded
from retrieval.values import clause_holds_value

MAX_QUOTE = 600  # characters of one clause quoted: a long table row or paragraph is cut, its citation says where
ANSWER_DEPTH = 3  # the clauses an answer is composed from: the value asked for must be in one of them
MAX_PLANS = 5  # plans an answer speaks for; more reads as a search listing, not an answer
MAX_DUTIES = 8  # lines of a unit's duties quoted in one answer; the rest stay among the ranked results it cites
SECTION_TITLE_CHARS = 60  # a section title in a citation's "where" is cut to this length with "…"
FOLLOWERS_LOOKED = 2  # after a bare title's body, the next clauses found looked at for one that continues it
LEADS_FROM = 10  # a list's "Đơn vị chủ trì" line reads the leads of this many relevant clauses ...
LEADS_LISTED = 8  # ... and names at most this many units
# a clause is quoted among the answers when it scores this share of the best one; the ranker's scores are
# probabilities, so this reads "nearly as likely relevant". 0.35, not 0.45: a retrained ranker's probabilities
# are sharper, and at 0.45 a plan setting the indicator asked about dropped out of a who-answer across plans;
# answer accuracy on real_dev1-4 and the sample gold sets is the same or higher at 0.35 (branch rank)
RELEVANT_SHARE = 0.35
# ... and when it holds this share of the question's content words (rarity-weighted `coverage`): half of
# them, so a clause that shares one common word with the question does not speak for its plan
ANSWERING_COVERAGE = 0.5
# a thời hạn of the kind asked ("trong thời hạn bao lâu" → a duration) that no clause quoted states is looked for among
# the clauses a reader sees first (`evidence.TOP`), not only the three the answer is composed from: the task's "Trong
# thời hạn 15 ngày làm việc" ranked fourth, behind a rule stating "định kỳ" and its two bullets. One found below the
# first three speaks for the question only as a clause quoted for its plan does (ANSWERING_COVERAGE of its words):
# another task's "định kỳ hàng năm" ranked fourth for "sát hạch kỹ năng số … bao lâu một lần" (coverage .36) does not
TIME_KIND_DEPTH = 5
# a plan's best clauses found looked at for a heading announcing the list asked (`announced_items`)
ANNOUNCED_LOOKED = 3
_AMOUNT = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:%|ha\b|km\b|m2|m²|tỷ|triệu|nghìn|lượt|người|hộ\b)", re.I)


def states_amount(text: str) -> bool:
    """An amount written in passing ("đã được quy hoạch 4,6 ha", "đạt 95%"), parsed as a target or not."""
    return bool(_AMOUNT.search(text))


def _quote(text: str, q: Question | None = None, limit: int = MAX_QUOTE) -> str:
    """The clause, or for a long one (over ``limit`` characters) the sentences that share most words with the
    question."""
    t = " ".join(text.split())
    if len(t) <= limit:
        return t
    if q is not None:
        sentences = [x for x in re.split(r"(?<=[.!?])\s+", t) if x]
        # the question's content words first (`Question.key_tokens`: no place, plan title's kind or question word), then
        # any of its words: "Kế hoạch … 03 năm 2026-2028 của Cà Mau: dự kiến bố trí chi đầu tư phát triển được chi tiết
        # ở mẫu biểu nào?" quotes "Dự kiến bố trí chi đầu tư phát triển … chi tiết theo Mẫu biểu số 04", not the
        # opening sentence naming the plan's years and "kế hoạch"
        content, want = set(q.key_tokens), set(folded(q.text).split())
        scores = [(len(content & w), len(want & w)) for w in (set(folded(x).split()) for x in sentences)]
        best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
        picked = sentences[best]
        if best + 1 < len(sentences) and len(picked) + len(sentences[best + 1]) < limit:
            picked += " " + sentences[best + 1]
        if len(picked) > limit:
            picked = picked[: limit - 1].rstrip() + "…"
        return ("… " if best else "") + picked + (" …" if not t.endswith(picked) else "")
    return t[: limit - 1].rstrip() + "…"


def cite(c: Clause) -> str:
    where = []
    if c.section_path:
        where.append(c.section_path[-1] if len(c.section_path[-1]) <= SECTION_TITLE_CHARS
                         else c.section_path[-1][:SECTION_TITLE_CHARS - 1] + "…")
    where.append(f"dòng {c.lines[0]}" if c.lines[0] == c.lines[1] else f"dòng {c.lines[0]}–{c.lines[1]}")
    if c.page:
        where.append(f"trang {c.page}")
    return f"[{c.source}; {'; '.join(where)}]"


# How an answer names a clause's typed facts, in the plans' own words.
FACT_LABELS = {"lead": "chủ trì", "partners": "phối hợp", "directed_by": "chỉ đạo", "deadline": "thời hạn",
               "product": "sản phẩm"}


def fact_bits(c: Clause, fields: Sequence[str]) -> list[str]:
    """The clause's facts among ``fields`` that it states, labelled, in that order ("phối hợp: Sở Y tế")."""
    return [f"{FACT_LABELS[f]}: {getattr(c, f)}" for f in fields if getattr(c, f)]


def _facts(c: Clause, with_deadline: bool) -> str:
    """The clause's facts, labelled (its thời hạn only ``with_deadline``: `Strategy.shows_deadline`)."""
    deadline = ("deadline",) if with_deadline else ()
    s = "; ".join(fact_bits(c, ("lead", "partners", "directed_by", *deadline, "product")))
    if c.lead and c.lead_from_elsewhere:
        s += f" ({lead_origin(c)})"
    return s


def lead_origin(c: Clause) -> str:
    """Where a lead stated elsewhere was read: "theo ô gộp của bảng, dòng 158", "suy luận theo lĩnh vực, dòng 200"."""
    src = c.lead_source
    if src is None:
        return ""
    return ("" if src.inferred else "theo ") + src.describe()


def same_task(c: Clause, o: Clause) -> bool:
    """Two clauses of one task: their lead read from the same clause (a task heading and its "Cơ quan chủ
    trì" line), or lines of one section where the other states no lead ("- Cơ quan phối hợp: …")."""
    if o is c or o.doc_id != c.doc_id:
        return False
    if c.lead_source is not None and o.lead_source is not None and c.lead_source.clause_id == o.lead_source.clause_id:
        return True
    return not o.lead and bool(c.section_path) and o.section_path == c.section_path


def task_partners(c: Clause, others: Sequence[Clause] = ()) -> str | None:
    """The clause's phối hợp, or when it states none, the one its task states on another line."""
    if c.partners:
        return c.partners
    return next((o.partners for o in others if o.partners and same_task(c, o) and not coordinates_only(o)), None)


def deadline_stated(c: Clause) -> bool:
    """The task's own deadline: one the plan states as its thời hạn (its table row's cell, a labelled line,
    an appendix row; the typed `Clause.deadline_source`, on the clause or read from another) — not a year
    its text mentions in passing ("tầm nhìn đến năm 2050")."""
    return bool(c.deadline) and c.deadline_source is not None and c.deadline_source.stated


def _who_line(c: Clause, q: Question, others: Sequence[Clause] = ()) -> str:
    partners = task_partners(c, others)
    if q.asks_director and c.directed_by:
        head = f"{c.directed_by} chỉ đạo"
    elif q.asks_partners and partners:
        head = f"Phối hợp: {partners}" + (f" (chủ trì: {c.lead})" if c.lead else "")
    elif c.lead:
        head = f"{c.lead} chủ trì" + (f", phối hợp: {partners}" if partners else "")
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


def _plan_label(doc: Document) -> str:
    """A plan named for people: by its commune or province, else by who issued it, else by its file; then its kind
    and number as issued ("Kế hoạch 597/KH-UBND"), which is what tells one province's several plans apart — and,
    when the question asks which plans, is the answer itself (`Document.number`, read from the letterhead)."""
    loc = doc.locality.label() or doc.issuer or doc.source
    kind = doc.kind or "Kế hoạch"
    number = f" {doc.number}" if doc.number else ""
    return f"{loc[:1].upper()}{loc[1:]} ({kind}{number})"


PlanClauses = Callable[[str], Sequence[Clause]]  # a plan's clauses in its order, by document id


class Composer(Protocol):
    """What the answer needs of a question's type: how it composes its answer (`retrieval.strategies.Strategy`, handed
    in by the caller that knows it, `Retriever.ask`; this module never looks a type's strategy up itself)."""

    def compose(self, q: Question, ranked: list[tuple[Clause, float, float]], documents: dict[str, Document],
                words: Callable[[str], list[str]] | None = None, plan: PlanClauses | None = None) -> str: ...


def compose_answer(strategy: Composer, q: Question, ranked: list[tuple[Clause, float, float]],
                   documents: dict[str, Document], words: Callable[[str], list[str]] | None = None,
                   plan: PlanClauses | None = None) -> str:
    """The answer to `q` from its ranked clauses, composed the way its type says: ``strategy`` is the question type's
    (`retrieval.strategies.strategy_for`). ``words`` reads a text's folded words with the index's abbreviations
    (`Evidence.words`): how a unit named in the question is matched to the clauses' leads. ``plan`` gives a plan's
    clauses in order: how a list answer gathers every item of the enumeration it found (`outline.enumeration`)."""
    if not ranked:
        return ""
    return strategy.compose(q, ranked, documents, words, plan)


# a table row's cells a duty line shows as its typed facts (`fact_bits`): the fact each column was read into
SHOWN_COLUMNS = {"phoi_hop": "partners", "thoi_han": "deadline", "san_pham": "product"}


def _lead_shown(c: Clause) -> bool:
    """The unit the answer is about is the task's whole lead: a lead cell or line naming one unit says nothing the
    answer's opening "X được giao" does not (one naming several is kept: the co-leads are part of the task)."""
    return len(c.lead_units) <= 1


def task_own_text(c: Clause, attributes: Sequence[Clause] = ()) -> str:
    """What a unit is given to do, without the attribute cells or lines its typed facts restate: a table row's
    nội dung cell (`Clause.noi_dung`) with the cells no fact was read into ("Ghi chú"; a row with a cell of no known
    meaning, "Nguồn kinh phí", keeps its text, which names that cell by its title); a task's
    text without the labelled attribute lines taken into it (``attributes``: the clauses whose `Clause.owning_task`
    it is, "- Cơ quan thực hiện: Bộ Công an.", "- Thời gian thực hiện: năm 2026") when each field they state is
    one the duty line shows. A content line among them ("- Nội dung: …") stays: it is the task's words."""
    cols = c.columns or {}
    if cols.get("noi_dung") and all(m in COLUMN_TITLES for m, v in cols.items() if v):
        extras = [f"{COLUMN_TITLES[m]}: {v}" for m, v in cols.items()
                  if v and m not in ("stt", "noi_dung") and not (m in LEAD_COLUMNS and _lead_shown(c))
                  and not (m in SHOWN_COLUMNS and getattr(c, SHOWN_COLUMNS[m]))]
        return cols["noi_dung"] + (" — " + "; ".join(extras) if extras else "")
    text = c.text
    for a in attributes:
        if a.owning_task == c.id and a.labelled_fields and a.text and all(
                _lead_shown(c) if f == "lead" else bool(getattr(c, f, None)) for f in a.labelled_fields):
            text = text.replace(a.text, " ")
    return " ".join(text.split()) or c.text


def _duty_line(c: Clause, q: Question, attributes: Sequence[Clause] = ()) -> str:
    """One task of the unit: a line that only names who does it ("- Cơ quan chủ trì: Sở Nội vụ") or the
    unit's own heading is quoted with the task it belongs to (its section's title), so the answer carries
    the task's words (`task_own_text`: not the cells and lines its facts restate); then partners, deadline and
    product, and the citation."""
    text = _quote(task_own_text(c, attributes), q)
    task = c.section_path[-1] if c.section_path else ""
    if task and not {"lead", "partners"}.isdisjoint(c.labelled_fields):
        text = f"{task}: «{text}»"
    else:
        text = f"«{text}»"
    bits = fact_bits(c, ("partners", "deadline", "product"))
    return text + (f" ({'; '.join(bits)})" if bits else "") + f" {cite(c)}"


def _task_key(text: str) -> str:
    """A task's words as compared for repeats: folded, without its label or bullet ("- ", "6.1. ") or end stop."""
    return folded(re.sub(r"^[\W\d]*(?:[a-zđ][.)]\s+)?", "", text)).strip(" .;:")


def _names_only_its_unit(c: Clause) -> bool:
    """The clause is only its lead's name ("3. Sở Tài chính"): the heading of the unit's own section."""
    body = folded(re.sub(r"^[\W\d]*(?:[a-zđ]\W+)?", "", c.text)).strip(" :.")
    return bool(c.lead) and body == folded(c.lead or "")


def compose_duties(q: Question, ranked: list[Clause], named: set[str],
                   documents: dict[str, Document] | None = None, plan: PlanClauses | None = None) -> str | None:
    """A unit's duties: every ranked clause it leads (``named``: its leads), in the order given (the plan's
    order, its section of "Tổ chức thực hiện" first), one cited line each (``plan``: a plan's clauses, whose
    attribute lines a task's quote leaves out, `task_own_text`); None when it leads none."""
    ours = [c for c in ranked if c.lead in named]
    if not ours:
        return None
    # the unit as the plan names it when the question's short form or alias is not in its lead ("BCH quân sự" →
    # "Bộ Chỉ huy Quân sự tỉnh"); the question's own name when a lead holds it ("Sở Y tế" in "Sở Y tế, Sở Nội vụ")
    leads = {c.lead for c in ours if c.lead}
    unit = q.unit if q.unit and any(q.unit_key and q.unit_key in folded(x) for x in leads) else min(leads, key=len)
    plans = list(dict.fromkeys(c.doc_id for c in ours))
    where = f" ({_plan_label(documents[plans[0]])})" if documents and len(plans) == 1 else ""
    lines = [f"{unit} được giao{where}:"]
    shown: set[str] = set()
    for c in ours:
        attributes = plan(c.doc_id) if plan is not None and c.kind != "table_row" else ()
        # one task is listed once: a plan restates a unit's duty in its appendix table ("- Hỗ trợ doanh nghiệp …"
        # under the unit's section, "Hỗ trợ doanh nghiệp … — Đơn vị phối hợp: …" as a row): the same own words
        key = _task_key(task_own_text(c, attributes))
        if key in shown or folded(c.text) in shown or _names_only_its_unit(c):
            continue
        line = _duty_line(c, q, attributes)
        shown.add(key)
        shown.update(folded(s) for s in c.section_path[-1:])
        lines.append(f"– {line}")
        if len(lines) > MAX_DUTIES:
            break
    return "\n".join(lines)


def signed(doc: Document) -> str:
    """Who signed the plan and when, from its typed letterhead and signature facts ("Người ký: Trần Thị
    Diệu Thúy; ngày 29 tháng 11 năm 2025")."""
    out = f"Người ký: {doc.signer}"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", doc.date or "")
    if m:
        out += f"; ngày {int(m.group(3)):02d} tháng {int(m.group(2))} năm {m.group(1)}"
    number = cited_number(doc.number)
    return out + (f" ({doc.kind} {number})" if doc.kind and number else "") + "."


def each_place_answer(q: Question, ranked: list[tuple[Clause, float, float]], documents: dict[str, Document],
                      relevant: list[tuple[Clause, float, float]]) -> list[tuple[Clause, float, float]]:
    """A question naming two or more provinces ("ở Hà Nội và ở Nghệ An") asks about each: a named province no
    relevant clause speaks for answers with its first clause found covering half the question's words
    (`strategies.each_place_first` put it forward), though it scores below RELEVANT_SHARE of another's."""
    if len(q.provinces_named) < 2:
        return []

    def province(c: Clause) -> str | None:
        return province_key(documents[c.doc_id].locality.province)

    spoken = {province(c) for c, _, _ in relevant}
    out: list[tuple[Clause, float, float]] = []
    for t in ranked:
        key = province(t[0])
        if key in q.provinces_named and key not in spoken and t[2] >= ANSWERING_COVERAGE:
            out.append(t)
            spoken.add(key)
    return out


def each_subject_answer(q: Question, ranked: list[tuple[Clause, float, float]],
                        relevant: list[tuple[Clause, float, float]]) -> list[tuple[Clause, float, float]]:
    """A question naming two or more laws or events, each with plans of its own (`Question.subject_plans`: "Luật
    Việc làm, Luật Bảo vệ dữ liệu cá nhân"), asks about each: a named one none of whose plans a relevant clause
    speaks for answers with its plans' first clause found covering half the question's words
    (`strategies.each_place_first` put it forward), though it scores below RELEVANT_SHARE of another's."""
    if len(q.subject_plans) < 2:
        return []
    spoken = {c.doc_id for c, _, _ in relevant}
    out: list[tuple[Clause, float, float]] = []
    for _, docs in q.subject_plans:
        if spoken & docs:
            continue
        t = next((t for t in ranked if t[0].doc_id in docs and t[2] >= ANSWERING_COVERAGE), None)
        if t is not None:
            out.append(t)
            spoken.add(t[0].doc_id)
    return out


def each_plan_answer(ranked: list[tuple[Clause, float, float]],
                     relevant: list[tuple[Clause, float, float]]) -> list[tuple[Clause, float, float]]:
    """A list across plans: a plan no relevant clause speaks for answers with its first clause found holding every
    content word of the question (`strategies.plan_answers`; `strategies.each_plan_first` put it forward), though
    it scores below RELEVANT_SHARE of another plan's."""
    spoken = {c.doc_id for c, _, _ in relevant}
    out: list[tuple[Clause, float, float]] = []
    for t in ranked:
        if t[0].doc_id not in spoken and t[2] >= LIST_FULL_COVERAGE:
            out.append(t)
            spoken.add(t[0].doc_id)
    return out


def titled_plan_evidence(ranked: list[tuple[Clause, float, float]], titles: int,
                         relevant: list[tuple[Clause, float, float]]) -> list[tuple[Clause, float, float]]:
    """"Which plans …": a plan listed by its title line (the first ``titles`` of ``ranked``, `strategies.plans_first`)
    with no clause among the ``relevant`` ones is quoted with its first clause found — the one `plans_first` judged
    it to answer by (`strategies.plan_answers_asked`) — though it scores below RELEVANT_SHARE of another plan's or
    covers less than ANSWERING_COVERAGE of the question: its title alone says nothing on what is asked."""
    spoken = {c.doc_id for c, _, _ in relevant if c.kind != "header"}
    listed = {c.doc_id for c, _, _ in ranked[:titles]}
    out: list[tuple[Clause, float, float]] = []
    for t in ranked[titles:]:
        d = t[0].doc_id
        if d in listed and d not in spoken and t[0].kind != "header":
            out.append(t)
            spoken.add(d)
    return out


def announced_items(q: Question, found: Sequence[Clause], said: Sequence[Clause],
                    plan: Sequence[Clause]) -> list[tuple[Clause, list[Clause]]]:
    """A question asking for a list's items (`Question.asks_items`: "gồm những gì") whose plan's clauses found hold a
    heading that announces that list ("- Các nội dung hỗ trợ thi hành Luật bao gồm:", "a) Hồ sơ gồm:",
    `strategies.announces_list`) among its ANNOUNCED_LOOKED best, though another clause carries the answer's first line
    (the unit asked "ai làm", a bullet of another part): the announcement with its items (`strategies.enumeration`
    under it, at most MAX_ITEMS) is quoted, none of which the answer has said yet. Nothing when the question asks for
    no items, or the answer already quotes an announced list with its items (a sibling part's "c) Thành phần hồ sơ:"
    would answer for another procedure)."""
    if not q.asks_items or any(announces_list(s) and any(heads(s, x) for x in said) for s in said):
        return []  # the answer already quotes a list announced with its items ("c) Thành phần hồ sơ:" over its lines)
    out: list[tuple[Clause, list[Clause]]] = []
    quoted = set(map(id, said))
    for c in found[:ANNOUNCED_LOOKED]:
        if not announces_list(c):
            continue
        listed = [x for x in enumeration(c, plan, under_only=True) if id(x) not in quoted]
        if listed:
            out.append((c, listed))
            quoted |= {id(c), *map(id, listed)}
    return out


def whole_question_clause(q: Question, first: Clause, found: Sequence[Clause], said: Sequence[Clause],
                          coverage: dict[int, float]) -> Clause | None:
    """A question asking for a list's items ("có những nhóm giải pháp nào", "triển khai những phong trào thi đua
    trọng tâm nào") whose plan's first line covers only part of its words (a purpose's "b) Cụ thể hóa … giải pháp"):
    the plan's best clause found that covers every content word (`strategies.LIST_FULL_COVERAGE`: "… 08 nhóm giải
    pháp …, bao gồm: …") names the list asked, and is quoted too unless already said. None otherwise."""
    if not q.asks_items or coverage.get(id(first), 0.0) >= LIST_FULL_COVERAGE:
        return None
    quoted = set(map(id, said))
    return next((c for c in found if coverage.get(id(c), 0.0) >= LIST_FULL_COVERAGE and id(c) not in quoted), None)


# the procedure's row answers when its other cells hold this share of the question's content words at least, besides
# the words asking the code (CODE_WORDS): half of the procedure's name as the question writes it
CODE_ROW_COVERAGE = 0.5
CODE_WORDS = frozenset(folded("mã số thủ tục hành chính").split())  # "Mã số TTHC" read with its long form


def coded_row(q: Question, plan: Sequence[Clause]) -> Clause | None:
    """For a question asking a procedure's code (`Question.asks_code`): the row of the plan's list of procedures whose code cell
    is set (`Clause.columns` "ma_so") and whose other cells (the procedure's name, its field) share the most of the
    question's content words, with the fewest others; None when no row holds CODE_ROW_COVERAGE of them. The rows are
    read from the plan, not the clauses found: a list's short row ranks below the procedure's own section, whose
    heading names it as well ("4. Tiếp tục xuất khẩu, nhập khẩu vật thể …") but states no code."""
    want = set(q.key_tokens) - CODE_WORDS
    best, best_key = None, (0, 0)
    for c in plan:
        cols = c.columns or {}
        if not cols.get("ma_so"):
            continue
        have = set(folded(" ".join(v for k, v in cols.items() if k != "ma_so" and v)).split())
        key = (len(want & have), -len(have - want))
        if key > best_key:
            best, best_key = c, key
    return best if best is not None and best_key[0] >= CODE_ROW_COVERAGE * len(want) else None


def only_document_facts_asked(q: Question) -> bool:
    """The question asks nothing of the plan but facts of the document itself (`query.document_facts_asked`), which
    its letterhead and reference lines state: no value besides (its answer slot), or the value they state — the
    plan's date with its number ("số mấy, ngày nào": the place-and-date line), the proposer with the proposal ("theo
    đề nghị của cơ quan nào": the proposal line names it). "Có hiệu lực từ ngày nào và bãi bỏ thông tư nào" asks a
    date the body states too."""
    if not (q.asks_number or q.asks_reference or q.asks_period):
        return False
    slot = q.answer_slot
    return (slot is None or ((q.asks_number or q.asks_period) and slot.kind in DATE_SLOTS)
            or (slot.kind == "agency" and "proposal" in q.asks_reference))


def document_fact_clauses(q: Question, doc: Document, clauses: Sequence[Clause]) -> list[Clause]:
    """The clauses of plan ``doc`` (among ``clauses``, its own) stating what ``q`` asks of the document itself
    (`query.document_facts_asked`, read from its typed `Document.field_lines`), in the order asked."""
    by_id = {c.id: c for c in clauses}
    title = doc.field_lines.title
    # the plan's own period asked: its title line answers only when it names a year ("… 03 NĂM 2026 - 2028")
    return [by_id[f.clause_id] for f in document_facts_asked(q, doc) if f.clause_id in by_id
            and (f != title or not q.asks_period or due_year(by_id[f.clause_id].text) is not None)]


def compose_by_plan(strategy, q: Question, ranked: list[tuple[Clause, float, float]],
                    documents: dict[str, Document], plan: PlanClauses | None = None) -> str:
    """One line per plan that answers (at most MAX_PLANS), each quoting the clause that carries the answer;
    a heading is followed by what it heads (`strategies.heading_body`; all of it when it heads a short
    enumeration, `strategies.enumeration`)."""
    top_score = max(s for _, s, _ in ranked)
    # "which plans …": the plans' title lines put first (`strategies.plans_first`) are the answer, each one
    titles = next((i for i, (c, _, _) in enumerate(ranked) if c.kind != "header"), len(ranked)) if asks_plans(q) else 0
    relevant = [(c, s, cov) for i, (c, s, cov) in enumerate(ranked)
                if i < titles or (cov >= ANSWERING_COVERAGE and s >= RELEVANT_SHARE * top_score)] or ranked[:1]
    if not q.catalogue:  # the catalogue's plans are the answer by their titles: their clauses found say nothing asked
        relevant += titled_plan_evidence(ranked, titles, relevant)
    relevant += each_place_answer(q, ranked, documents, relevant)
    relevant += each_subject_answer(q, ranked, relevant)
    if strategy.name == "list":
        relevant += each_plan_answer(ranked, relevant)
    if q.asks_source and q.answer_slot is None and ranked[0][0].kind == "heading" and funding_heading(ranked[0][0]) \
            and all(c is not ranked[0][0] for c, _, _ in relevant):
        # where the money comes from: the plan's section on money put first (`strategies.funding_section_first`) is
        # quoted with what it heads, though its bare title shares few of the question's words
        relevant.insert(0, ranked[0])
    slot = q.answer_slot
    if slot is not None and not any(clause_holds_value(c, slot) for c, _, _ in relevant):
        # the abstention found a value of the kind asked in the answer's first clauses (`slot_filled`):
        # the clause holding it is quoted, though the ranker scored it lower
        holding = next((t for t in ranked[:ANSWER_DEPTH] if clause_holds_value(t[0], slot)), None)
        if holding is not None:
            relevant.append(holding)
    asked = q.time_asked
    if asked and not any(answers_time(c.deadline_kinds, asked) for c, _, _ in relevant):
        # the question asks a kind of time ("bắt đầu từ khi nào", "bao lâu một lần": `Question.time_asked`) that no
        # clause quoted states (the best states "thường xuyên"): the first of the answer's clauses whose thời hạn is
        # of that kind is quoted too, though the ranker scored it lower; `When.pick` puts it first
        kind = next((t for i, t in enumerate(ranked[:TIME_KIND_DEPTH]) if answers_time(t[0].deadline_kinds, asked)
                     and (i < ANSWER_DEPTH or t[2] >= ANSWERING_COVERAGE)), None)
        if kind is not None:
            relevant.append(kind)
    coverage = {id(c): cov for c, _, cov in relevant}
    by_doc: dict[str, list[Clause]] = {}
    for c, _, _ in relevant:
        by_doc.setdefault(c.doc_id, []).append(c)
    blocks = []
    for doc_id, found in list(by_doc.items())[:MAX_PLANS]:
        # "which plans …": the plan's title line (and where it was issued) names the plan; what the plan says on the
        # subject is composed from the clauses found after it, as any plan's answer is — a heading found there
        # ("6. Ban Quản lý khu Kinh tế") answers with what it heads, not its title alone
        named = next((i for i, c in enumerate(found) if c.kind != "header"), len(found)) if titles else 0
        shown, cs = (found[:named], found[named:]) if found[named:] else ([], found)
        # the plan's number alone asked of a task ("gửi … trong thời hạn bao lâu kể từ ngày ban hành") is no question
        # about the document: only a fact question, or one asking the plan's references, quotes its facts
        facts = (document_fact_clauses(q, documents[doc_id], plan(doc_id) if plan is not None else cs)
                 if strategy.name == "fact" or ((q.asks_reference or q.asks_period) and strategy.name != "list") else [])
        # the number alone ("… thực hiện theo quyết định nào" reads as the plan's own number too) is the whole answer
        # only when its line is the plan's best clause found: a clause ranked above it states another decision
        if facts and only_document_facts_asked(q) and (q.asks_reference or q.asks_period
                                                         or any(cs[0] is f for f in facts)):
            # what the question asks of the plan document itself (its number and date, what it carries out, rests
            # on, replaces, on whose proposal it was issued): the lines stating it are the answer, each with its line
            said_facts = [strategy.line(c, q, cs) for c in facts]
            if q.asks_signer and documents[doc_id].signer:
                said_facts.insert(0, signed(documents[doc_id]))
            blocks.append((documents[doc_id], said_facts))
            continue
        # the document's facts asked are quoted first; what else is asked is picked from the other clauses found
        # (the plan's next clauses ranked when every clause found is one of those facts)
        rest = ([c for c in cs if all(c is not f for f in facts)]
                or [c for c, _, _ in ranked[:ANSWER_DEPTH] if c.doc_id == doc_id and all(c is not f for f in facts)]
                or cs)
        first = strategy.pick_in_plan(rest, q, plan(doc_id)) if plan is not None else strategy.pick(rest, q)
        lines = [strategy.line(c, q, cs) for c in [*shown, *facts] if c is not first] + [strategy.line(first, q, cs)]
        body = heading_body(first, cs)
        items = strategy.items(first, plan(doc_id), q) if plan is not None else []
        if not items and plan is not None and first.kind == "heading" and body is not None:
            # a heading found answers with all it heads when that is a short enumeration ("10. Xây dựng cơ chế
            # tài chính …" over its two bullets): its first clause alone is half the answer
            items = enumeration(first, plan(doc_id), under_only=True)
        said = [*shown, *facts, first]
        items = [c for c in items if all(c is not f for f in facts)]
        if items:
            lines.extend(strategy.line(c, q, cs) for c in items)
            said += items
        elif body is not None:
            lines.append(strategy.line(body, q, cs))
            said.append(body)
        else:
            # a bare title found without what it heads ("1.2. Kiến nghị thực thi", "IV. KINH PHÍ"): the plan's text
            # under it is what the title says, quoted with it (`title_body`: all of a short enumeration); the
            # next clause found follows as for any clause
            own = title_body(first, plan(doc_id), strategy.quotes_announced_items) if plan is not None else []
            lines.extend(strategy.line(c, q, cs) for c in own)
            said += own
            for c in [c for c in cs if c is not first and c not in own][:FOLLOWERS_LOOKED]:
                if strategy.adds(first, c, q):
                    lines.append(strategy.line(c, q, cs))
                    said.append(c)
                    break
        whole = whole_question_clause(q, first, cs, said, coverage)
        if whole is not None:
            lines.append(strategy.line(whole, q, cs))
            said.append(whole)
        if plan is not None:
            for head, listed in announced_items(q, cs, said, plan(doc_id)):
                lines.extend(strategy.line(c, q, cs) for c in ([head] if head not in said else []) + listed)
                said += [head, *listed]
        coded = coded_row(q, plan(doc_id)) if plan is not None and q.asks_code else None
        if coded is not None and all(coded is not c for c in said):
            lines.insert(0, strategy.line(coded, q, cs))  # the procedure's code asked: its row in the plan's list
            said.insert(0, coded)
        if q.asks_signer and documents[doc_id].signer:
            lines.insert(0, signed(documents[doc_id]))
        blocks.append((documents[doc_id], lines))
    if len(blocks) == 1:
        doc, lines = blocks[0]
        out = f"{_plan_label(doc)}: " + "\n".join(lines)
    else:
        out = "\n".join(f"• {_plan_label(doc)}: " + "\n  ".join(lines) for doc, lines in blocks)
    units = list(dict.fromkeys(c.lead for c, _, _ in relevant[:LEADS_FROM] if c.lead))
    if strategy.name == "list" and len(units) > 1:
        out += "\nĐơn vị chủ trì: " + "; ".join(units[:LEADS_LISTED])
    return out
