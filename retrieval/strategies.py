"""Question types as strategies: what each type changes, in one place per type.

A type changes three things and nothing else: which question-aware signals it switches on
(``asks_lead``, ``asks_target`` …, read by `retrieval.signals`), how the ranked clauses are ordered
after scoring (``order``: a lead's source after the clause it governs, a unit's assignment before its
tasks, one clause per plan first), and how the answer is composed (``pick`` the clause of a plan that
carries what is asked, ``line`` the way it is quoted, ``compose`` for a unit's duties). The learned
ranker's weights are the same for every type; a type only says which facts are *asked for*.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, ClassVar, Mapping, Sequence

from corpus.model import Clause
from corpus.places import province_key
from corpus.responsibilities import LINKERS
from corpus.text import (
    ACTING_UNIT_HEADS,
    ASSIGNING_SECTION,
    COLLECTIVE_UNIT_HEADS,
    COMMUNE_LEVELS,
    FUNDING_TITLE,
    PROVINCE_LEVELS,
    fold,
    is_content_syllable,
    word_pairs,
)
from corpus.timing import answers_time
from retrieval.answer import (
    ANSWERING_COVERAGE,
    RELEVANT_SHARE,
    PlanClauses,
    _facts,
    _quote,
    _who_line,
    cite,
    compose_by_plan,
    compose_duties,
    deadline_stated,
    same_task as answer_same_task,
    states_amount,
)
from retrieval.evidence import clause_years
from retrieval.outline import (  # a plan's outline, shared with the answer and the evidence (re-exported here)
    LIST_FULL_COVERAGE,
    MAX_ITEMS,
    announces_list,
    asks_plans,
    bare_title,
    coordinates_only,
    enumeration,
    funding_heading,
    heading_body,
    heads,
    states_own_fact,
    title_body,
    under,
)
from retrieval.query import AIM_NAMED, LEVEL_WORDS, SOURCE, AnswerSlot, Question, folded, without_numbers
from retrieval.values import clause_holds_value, stage_heading, target_fits, unit_fits

if TYPE_CHECKING:
    from corpus.model import Document
    from retrieval.search import Retriever

Scored = list[tuple[int, float, float]]  # (clause position, score, coverage), best first
Words = Callable[[str], list[str]]  # folded words, abbreviations as long forms (`Evidence.words`)
Runs = tuple[tuple[str, ...], ...]
Segments = Callable[[str, tuple[str, ...]], Runs]  # a lead's word runs (`lead_segments`; cached: `Retriever.lead_segments`)
Leads = Mapping[str, tuple[str, ...]]  # each lead with its units (`Clause.lead`, `Clause.lead_units`)

# the tiers of administrative units, as folded level words (corpus.text PROVINCE_LEVELS, COMMUNE_LEVELS,
# FORMER_LEVELS): a unit named at one tier is not the same body at another ("Ủy ban nhân dân cấp tỉnh" ≠ "UBND xã")
LEVEL_TIERS = {"province": frozenset(fold(x) for x in PROVINCE_LEVELS),
               "commune": frozenset(fold(x) for x in (*COMMUNE_LEVELS, "thị trấn")),
               "district": frozenset({"huyen"})}
LEVEL_LEADS = frozenset({"cap", "cac"})  # words before a level ("cấp xã", "các xã, phường") that name none
LEVEL_MARKERS = frozenset({"cap"})  # "cấp" opens a level ("cấp tỉnh", "cấp xã") and is no level itself
# the first words of a unit's name (corpus.text ACTING_UNIT_HEADS), folded: a plan word for a question's everyday words
# that opens with one names a body ("bộ chỉ huy quân sự" for "bộ đội"), and is matched to the leads as the question is
UNIT_HEAD_WORDS = frozenset(fold(h).lower().split()[0] for h in ACTING_UNIT_HEADS)
# ... and "Ủy ban": a question naming a commune's government in everyday words ("chính quyền xã") names its Ủy ban nhân
# dân, which ACTING_UNIT_HEADS leaves out only because a question naming it in the plans' words is most often naming
# the plan's issuer or place
ALIAS_HEAD_WORDS = UNIT_HEAD_WORDS | {fold("Ủy ban").lower().split()[0]}
UNIT_MIN_WORDS = 3  # a unit is named by at least three words of a lead ("Sở Nội vụ", "Bộ Công an")
MAX_UNIT_TASKS = 40  # a unit's clauses in its plan put first, in the plan's order, up to this many
# a who-question with no role word answers from a clause naming a unit among a plan's first this many
# answering clauses: the ranker's next clause, not one far below it
UNIT_LOOKAHEAD = 2
# a when-answer looks this deep among a plan's answering clauses for one whose thời hạn is the kind of time asked:
# the ranker's next clause or two, not one far below it
TIME_KIND_LOOKAHEAD = 3
# two clauses state one task when this share of the shorter one's content words is in the other (a task in the
# plan's body and its row in the appendix table: "Tổ chức các Tổ công nghệ số cộng đồng đến từng thôn, tổ dân phố")
SAME_TASK_SHARE = 0.8
SAME_TASK_MIN_WORDS = 4  # ... and the shorter one has at least this many ("1. Sở Y tế" names a unit, not a task)
# a lead these mechanisms gave a clause was linked to it from another part of the plan (a cross reference, a
# field claim, an appendix row, a named indicator, the topic): the plan did not state it for this clause
LINKED_LEADS = frozenset(linker.mechanism for linker in LINKERS)


def lead_segments(words: Words, lead: str, units: Sequence[str]) -> Runs:
    """A lead's word runs: the whole lead, then each unit the corpus read from it (`Clause.lead_units`)."""
    return tuple(dict.fromkeys(tuple(words(p)) for p in (lead, *units)))


def _prefix_in(run: tuple[str, ...], words: tuple[str, ...]) -> int:
    """How many leading words of ``run`` occur, in a row, somewhere in ``words``."""
    best = 0
    for i, w in enumerate(words):
        if w == run[0]:
            k = 1
            while k < len(run) and i + k < len(words) and words[i + k] == run[k]:
                k += 1
            best = max(best, k)
    return best


def unit_score(question_words: tuple[str, ...], lead: str, units: tuple[str, ...], words: Words,
               segments: Segments | None = None) -> tuple[bool, int]:
    """How the question names a lead or one of its ``units``: (wholly, words) of the best run, a run named to its
    last word before one named by its first words only ("Ban Quản lý khu Kinh tế" is named wholly by "Ban Quản lý
    khu kinh tế tỉnh Đồng Tháp"); (False, 0) below UNIT_MIN_WORDS, or when a short unit is named only in part."""
    best = (False, 0)
    for run in segments(lead, units) if segments is not None else lead_segments(words, lead, units):
        if not run:
            continue
        k = _prefix_in(run, question_words)
        if other_level(run, k, question_words):
            continue
        whole = named_to_level(run, k, question_words)
        if k >= UNIT_MIN_WORDS and (whole or k >= UNIT_MIN_WORDS + 1):
            best = max(best, (whole, k))
    return best


def _tier(words: Sequence[str], i: int) -> str | None:
    """The administrative tier the words from ``i`` name ("cấp" and "các" skipped: "cấp xã", "các xã, phường"):
    the province's (tỉnh, thành phố), a commune's (xã, phường, đặc khu, thị trấn), a district's (huyện); else None."""
    while i < len(words) and words[i] in LEVEL_LEADS:
        i += 1
    pair = " ".join(words[i:i + 2])
    return next((tier for tier, names in LEVEL_TIERS.items()
                 if (words[i] if i < len(words) else None) in names or pair in names), None)


def other_level(run: tuple[str, ...], k: int, question_words: tuple[str, ...]) -> bool:
    """The question names the unit's body at another tier than the lead's: "UBND xã, phường" names the body of
    "Ủy ban nhân dân cấp tỉnh" by four words, and the tier after them tells the commune's authority from the
    province's. True when, wherever the question holds the run's first ``k`` words, the tier it writes next differs
    from the one the run writes next."""
    if not k or k >= len(run):
        return False
    own = _tier(run, k)
    if own is None:
        return False
    after = [_tier(question_words, i + k) for i in range(len(question_words) - k + 1)
             if question_words[i:i + k] == run[:k]]
    return bool(after) and all(t is not None and t != own for t in after)


def named_to_level(run: tuple[str, ...], k: int, question_words: tuple[str, ...]) -> bool:
    """The question names the unit's run to its last word, or to the level words closing it ("Hội Nông dân" of "Hội
    Nông dân tỉnh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh" of "… tỉnh"): the level is the plan's own, the question
    names the place instead ("Hội Nông dân Đồng Tháp") — not another level ("UBND xã" does not name "Ủy ban nhân
    dân tỉnh", nor "UBND cấp xã" "Ủy ban nhân dân cấp tỉnh": a body closing on "cấp" names no level of its own)."""
    if k == len(run):
        return True
    body = _without_level(run)
    if not k or k != len(body) or body[-1] in LEVEL_MARKERS:
        return False
    after = {question_words[i + k] for i in range(len(question_words) - k)
             if question_words[i:i + k] == run[:k]}
    return not after & (LEVEL_WORDS | LEVEL_MARKERS)


def unit_match(question_words: tuple[str, ...], lead: str, units: tuple[str, ...], words: Words,
               segments: Segments | None = None) -> int:
    """How many words of the lead or one of its ``units`` the question names ("UBND cấp xã" names "Ủy ban
    nhân dân cấp xã": 6); 0 below UNIT_MIN_WORDS, or when a short unit is named only in part. ``segments``
    reads the lead's runs (the index's cached reader), by default afresh with ``words``."""
    best = 0
    for run in segments(lead, units) if segments is not None else lead_segments(words, lead, units):
        if not run:
            continue
        k = _prefix_in(run, question_words)
        if other_level(run, k, question_words):
            continue
        if k >= UNIT_MIN_WORDS and (named_to_level(run, k, question_words) or k >= UNIT_MIN_WORDS + 1):
            best = max(best, k)
    return best


def _without_level(run: Sequence[str]) -> tuple[str, ...]:
    """A unit's words without the level words closing it ("ban quản lý khu kinh tế tỉnh" → "… khu kinh tế"): one
    plan writes "Ban Quản lý Khu kinh tế tỉnh", another "Ban Quản lý khu Kinh tế", for one body."""
    out = list(run)
    while out and out[-1] in LEVEL_WORDS:
        out.pop()
    return tuple(out)


def unit_bodies(leads: Leads, words: Words) -> dict[tuple[str, ...], frozenset[str | None]]:
    """Each unit of the leads (`Clause.lead_units`) as its words without the level words closing it, with the tiers
    those words name (None: a unit written with no level, "Hội Nông dân")."""
    out: dict[tuple[str, ...], set[str | None]] = {}
    for units in leads.values():
        for u in units:
            run = tuple(words(u))
            body = _without_level(run)
            if body:
                out.setdefault(body, set()).add(_tier(run, len(body)))
            # a unit naming its place after its level ("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng Nai"): its
            # body is what comes before the level
            cut = next((i for i in range(UNIT_MIN_WORDS, len(body)) if _tier(body, i) is not None), None)
            if cut is not None:
                out.setdefault(body[:cut], set()).add(_tier(body, cut))
    return {body: frozenset(tiers) for body, tiers in out.items()}


def unit_known(named: Sequence[str], bodies: Mapping[tuple[str, ...], frozenset[str | None]]) -> bool:
    """A unit a question opens with (its words, ``named``) that a lead's unit names: the question's words begin with
    the unit's body, at least UNIT_MIN_WORDS of them ("Hội Nông dân Sơn La" with "Hội nông dân tỉnh"), and name no
    other tier than the unit's ("Hội Nông dân xã An Hưng" is not "Hội nông dân tỉnh")."""
    for k in range(UNIT_MIN_WORDS, len(named) + 1):
        tiers = bodies.get(tuple(named[:k]))
        if tiers is not None:
            asked = _tier(named, k)
            if asked is None or asked in tiers or None in tiers:
                return True
    return False


def lead_units(clauses: Sequence[Clause]) -> dict[str, tuple[str, ...]]:
    """The clauses' leads with their units (typed `Clause.lead_units`), in the order first met."""
    return {c.lead: c.lead_units for c in clauses if c.lead}


def units_named(q: Question, leads: Leads, words: Words, segments: Segments | None = None) -> set[str]:
    """The leads naming the unit the question is about: those matching it by the most words (the typed
    ``Clause.lead`` and ``Clause.lead_units`` fields, never a display string); the analysed unit's folded
    core counts too. A lead the question names wholly that differs from a best one only by the level words
    closing it ("Ban Quản lý khu Kinh tế" beside "Ban Quản lý Khu kinh tế tỉnh", `_without_level`) names the same
    body in another plan's words, and is named too. A document number's issuer code ("556/KH-UBND") names the
    plan's issuer, not the unit asked about, so it is read without them."""
    qwords = tuple(words(without_numbers(q.text, q.numbers_named)))
    named = _units_named_by(qwords, q, leads, words, segments)
    if named:
        return named
    # a body the question names by everyday words ("Bộ đội tỉnh", "Tỉnh đoàn"): the plan words the vocabulary gives
    # for them that name a unit (`UNIT_HEAD_WORDS`), matched as the question's own words are — only when these name
    # no lead, so "Bộ đội Biên phòng" stays the body it names
    aliases = [w for w in (tuple(words(p)) for p in q.plan_words) if len(w) >= UNIT_MIN_WORDS and w[0] in ALIAS_HEAD_WORDS]
    return set().union(*(_units_named_by(w, q, leads, words, segments) for w in aliases))


def _units_named_by(qwords: tuple[str, ...], q: Question, leads: Leads, words: Words,
                    segments: Segments | None = None) -> set[str]:
    """`units_named` for the question's words ``qwords``."""
    scores: dict[str, int] = {}
    wholly: set[str] = set()
    for lead, units in leads.items():
        whole, k = unit_score(qwords, lead, units, words, segments)
        if whole:
            wholly.add(lead)
        if q.unit_key and q.unit_key in folded(lead):
            k = max(k, len(q.unit_key.split()))
        if k:
            scores[lead] = k
    top = max(scores.values(), default=0)
    best = {lead for lead, k in scores.items() if k == top}
    bodies = {_without_level(words(lead)) for lead in best & wholly}
    return best | {lead for lead in wholly if _without_level(words(lead)) in bodies}


def answering_first(cs: list[Clause], q: Question) -> list[Clause]:
    """A plan's clauses found, those that can answer first (stable, so the ranker's order decides among
    equals): a clause holding a value of the kind asked for ("ngày nào" → a date, "bao nhiêu %" → a share)
    before one that only shares the words; then, when the question is about a unit ("các sở, ngành … báo
    cáo trước ngày nào"), the clause that unit leads."""
    slot = q.answer_slot
    unit = set(q.unit_key.replace(",", " ").split()) if q.unit_key else set()

    def key(c: Clause) -> tuple[bool, bool]:
        holds = slot is None or clause_holds_value(c, slot)
        ours = bool(unit) and bool(c.lead) and unit <= set(folded(c.lead).replace(",", " ").split())
        return (not holds, not ours)
    return sorted(cs, key=key)


def task_words(c: Clause) -> frozenset[str]:
    """The content words of what a clause is about (`Clause.noi_dung`), folded, no digits or one-letter words."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", folded(c.noi_dung)) if is_content_syllable(w))


def same_task(a: Clause, b: Clause) -> bool:
    """Two clauses of one plan state the same task: the shorter one's words (at least SAME_TASK_MIN_WORDS) are,
    at SAME_TASK_SHARE, in the other."""
    if a.doc_id != b.doc_id:
        return False
    wa, wb = task_words(a), task_words(b)
    short = min(wa, wb, key=len)
    return len(short) >= SAME_TASK_MIN_WORDS and len(wa & wb) >= SAME_TASK_SHARE * len(short)


def task_lead_line(first: Clause, cs: Sequence[Clause]) -> Clause | None:
    """A clause found stating no lead is a line of a task whose lead another line found states (`answer.same_task`: "-
    Thời gian thực hiện: …" and "- Cơ quan thực hiện: Bộ Công an, …" under "1. Tổ chức tuyên truyền …"): that line,
    which says who does the task; None when ``first`` states a lead or no line of its task found does."""
    if first.lead:
        return None
    return next((c for c in cs if c is not first and c.lead and not c.lead_from_elsewhere
                 and answer_same_task(c, first)), None)


def lead_linked(c: Clause) -> bool:
    """The clause's lead was linked to it from elsewhere (`LINKED_LEADS`), not stated for it."""
    return c.lead_source is not None and c.lead_source.mechanism in LINKED_LEADS


def stated_lead(first: Clause, cs: Sequence[Clause]) -> Clause:
    """A lead linked to ``first`` from elsewhere, or none at all, yields to the lead the plan states for the same task
    on another clause found (its row in the appendix table, its labelled line): that one is who the plan says does
    it ("7. Quyết định về số lượng, danh mục thuốc …" found as a heading, its row in the list of procedures naming the
    body that decides). The clause the link was read from is no other statement of the task ("Giao Phòng Văn hóa -
    Xã hội chủ trì … các chỉ tiêu: Tỷ lệ …, Tỷ lệ …" for the indicator it names): ``first`` answers, with its own
    figure."""
    if first.lead and not lead_linked(first):
        return first
    source = first.lead_source.clause_id if first.lead_source is not None else None
    return next((c for c in cs if c is not first and c.id != source and c.lead and not lead_linked(c)
                 and same_task(first, c)), first)


# a heading found is read this far for the value asked: its first clauses in the plan's order (its own first line,
# a sub-heading and that one's first line: "3. Thủ tục …" > "3.1. Nội dung đơn giản hóa" > "Giảm thời gian …"),
# not a chapter's body far below it
HEADED_VALUE_REACH = 3
# the values a heading is read through for: figures. A time is held too loosely ("Hằng năm, giảng viên hoàn thành …"
# holds one for "dành bao nhiêu thời gian") for a heading's first line to answer before the ranker's figure
HEADED_VALUE_KINDS = frozenset({"money", "percent", "count", "number"})


def headed_value(h: Clause, plan: Sequence[Clause], slot: AnswerSlot, found: Sequence[Clause] = ()) -> Clause | None:
    """The clause under the heading ``h`` holding a value of the slot's kind (no heading itself): the best ranked
    of those found (``found``, best first: "- Chi phí tiết kiệm: 6.400.000 đồng/năm" under "1.3. Lợi ích phương án
    đơn giản hóa", not the section's first line stating a wage in đồng), else the first among the heading's first
    HEADED_VALUE_REACH clauses in the plan; None for a clause that is no heading or heads no such value."""
    if h.kind != "heading":
        return None
    ranked = next((c for c in found if c is not h and c.kind != "heading" and under(h, c)
                   and clause_holds_value(c, slot)), None)
    if ranked is not None:
        return ranked
    at = next((i for i, c in enumerate(plan) if c is h or c.id == h.id), None)
    if at is None:
        return None
    for c in plan[at + 1:at + 1 + HEADED_VALUE_REACH]:
        if not under(h, c):
            return None
        if c.kind != "heading" and clause_holds_value(c, slot):
            return c
    return None


def headed_answer(cs: Sequence[Clause], q: Question, plan: Sequence[Clause]) -> Clause | None:
    """A value asked ("còn bao nhiêu ngày") of a plan whose first clause found holding one is ranked below a heading
    that holds none itself but heads one ("3. Thủ tục Đổi, cấp lại …" over "3.1. Nội dung đơn giản hóa" over "Giảm
    thời gian … còn 03 ngày làm việc"; "1.1. Nội dung đơn giản hóa" below a sibling "1.2. Kiến nghị thực thi" whose
    text holds none): the value under the better ranked heading answers (`headed_value`), not a figure of another
    section ranked lower, nor the heading's title. None when a clause holding the value is found first, or no heading
    above it heads one, or the value asked is a time (HEADED_VALUE_KINDS). Where money comes from (no slot) is left
    to `pick`: a heading over the sources is quoted with all of them (`title_body`)."""
    slot = q.answer_slot
    if slot is None or slot.kind not in HEADED_VALUE_KINDS or not plan:
        return None
    for c in cs:
        if clause_holds_value(c, slot):
            return None
        value = headed_value(c, plan, slot, cs)
        if value is not None:
            return value
    return None


# a lead opening with a collective's head word (`corpus.text.COLLECTIVE_UNIT_HEADS`: "Các cơ quan, đơn vị …")
_COLLECTIVE = re.compile(r"(?:%s)\s" % "|".join(map(re.escape, COLLECTIVE_UNIT_HEADS)))


def collective_lead(c: Clause) -> bool:
    """The clause's lead is a collective ("Các cơ quan, đơn vị, địa phương, doanh nghiệp", "các cơ quan, đơn vị"),
    not one body: whoever the plan addresses, most often the subject of a general duty ("1. Các cơ quan, đơn vị …
    căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch …") or read from a heading whose task another line gives
    to named units ("- Cơ quan thực hiện: Sở Khoa học và Công nghệ; Sở Tư pháp …")."""
    return bool(c.lead) and _COLLECTIVE.match(c.lead.strip()) is not None


class Strategy:
    """The default (a fact asked in words): nothing asked for, best clause first."""

    name: ClassVar[str] = "fact"
    # a quoted clause names its thời hạn among its facts; a figure's answer (target, list) leaves it out
    shows_deadline: ClassVar[bool] = True
    # a heading found alone announcing its items with a colon is quoted with them (`title_body`): a figure's
    # answer, whose items hold each product's figure
    quotes_announced_items: ClassVar[bool] = False
    # the answer gathers many tasks (one per plan or place), so no one task's field is what is asked
    # (`evidence.asked_field_stated`)
    gathers_tasks: ClassVar[bool] = False
    # the answer is a value (a figure, a date, a count): a heading found over it answers with it (`headed_answer`)
    reads_headed_value: ClassVar[bool] = False

    def asks_lead(self, q: Question) -> bool:
        """The question wants who leads (chủ trì) — clauses carrying a lead answer it."""
        return False

    def maybe_lead(self, q: Question) -> bool:
        """"Đơn vị nào …" without a role word: a lead may be what is asked, or the text itself."""
        return False

    def asks_target(self, q: Question) -> bool:
        return False

    def asks_deadline(self, q: Question) -> bool:
        return False

    def asks_director(self, q: Question) -> bool:
        return False

    def asks_unit_duties(self, q: Question) -> bool:
        return False

    def extra_candidates(self, r: "Retriever", q: Question, doc_filter: frozenset[str] | None) -> list[int]:
        """Clauses scored besides BM25's and the dense search's top: a question naming several provinces
        ("ở Hà Nội và ở Nghệ An") scores each one's own top clauses too (`each_place_candidates`)."""
        return each_place_candidates(r, q)

    def order(self, r: "Retriever", q: Question, scored: Scored) -> Scored:
        """After scoring: a comparison across several named places shows each plan's best clause first, and
        each province the question names its best answering clause (`each_place_first`)."""
        if len(r.localities(q.doc_filter)) > 1:
            scored = r.one_per_plan_first(scored)
        return each_place_first(r, q, scored)

    def pick(self, cs: list[Clause], q: Question) -> Clause:
        """The clause of one plan that carries what is asked (default: the best ranked of those that
        can answer, `answering_first`)."""
        return answering_first(cs, q)[0]

    def pick_in_plan(self, cs: list[Clause], q: Question, plan: Sequence[Clause]) -> Clause:
        """`pick`, when the plan's clauses (``plan``, in its order) may hold the answer beside those found: a type
        answering with a value (`reads_headed_value`) takes the value a heading ranked above every clause holding one
        heads (`headed_answer`)."""
        headed = headed_answer(cs, q, plan) if self.reads_headed_value else None
        return headed if headed is not None else self.pick(cs, q)

    def line(self, c: Clause, q: Question, others: Sequence[Clause] = ()) -> str:
        """How a clause is quoted; ``others``: the plan's other clauses found (the same task's lines)."""
        facts = _facts(c, self.shows_deadline)
        return f"«{_quote(c.text, q)}»" + (f" — {facts}" if facts else "") + f" {cite(c)}"

    def adds(self, first: Clause, c: Clause, q: Question) -> bool:
        """Whether a plan's next clause is quoted too: it adds a lead or a figure the first lacks."""
        return bool((c.lead and not first.lead) or (c.target and not first.target))

    def items(self, first: Clause, plan: Sequence[Clause], q: Question) -> list[Clause]:
        """Clauses of the plan quoted after ``first`` because the answer is all of them: the items of
        the enumeration it opens or belongs to when the question asks for them (`Question.asks_items`) — the
        parts of the list the question names when ``first`` is one of them (`named_siblings`)."""
        if not q.asks_items:
            return []
        return named_siblings(first, plan, q) or enumeration(first, plan)

    def settles(self, r: "Retriever", q: Question) -> bool:
        """The question is answered from the documents' typed metadata, whatever the clauses' evidence weighs
        (the abstention is not asked). None of the default's."""
        return False

    def cited(self, r: "Retriever", q: Question, ranked: Scored) -> Scored:
        """The order the answer's results cite ``ranked`` in (the abstention and the answer read ``ranked``
        itself): as ranked, by default."""
        return ranked

    def compose(self, q: Question, ranked: list[tuple[Clause, float, float]],
                documents: dict[str, "Document"], words: Words | None = None,
                plan: PlanClauses | None = None) -> str:
        return compose_by_plan(self, q, ranked, documents, plan)


def asked_value(q: Question) -> AnswerSlot | None:
    """The kind of value a fact answer quotes: the question's slot, else a source of money when it asks where the
    money comes from (`Question.asks_source`)."""
    return q.answer_slot or (SOURCE if q.asks_source else None)


FUNDING_POOL = 30  # how deep among the scored clauses the plan's section on money is looked for: a bare title scores low


def states_funding(c: Clause) -> bool:
    """The clause is where a plan says where its money comes from: a heading over money (it answers through what it
    heads) or a sentence stating a source (`SOURCE`) in a section whose title names money ("2. Nguồn xã hội hóa …"
    under "IV. KINH PHÍ"); a task elsewhere that "lồng ghép" policies states no source of the plan's money."""
    if funding_heading(c):
        return True
    return bool(c.section_path) and FUNDING_TITLE.search(folded(c.section_path[-1])) is not None \
        and clause_holds_value(c, SOURCE)


def section_heading_of(r: "Retriever", p: int) -> int | None:
    """The position of the heading the clause at ``p`` sits directly under (`heads`), read back through its plan."""
    clauses = r.store.clauses
    c = clauses[p]
    start = r.store.doc_ranges.get(c.doc_id, (p, p))[0]
    return next((i for i in range(p - 1, start - 1, -1) if clauses[i].kind == "heading" and heads(clauses[i], c)), None)


def funding_section_first(r: "Retriever", q: Question, scored: Scored) -> Scored:
    """"Tiền thực hiện kế hoạch … lấy từ đâu?" (`Question.asks_source`): the plan's section on money ("IV. KINH PHÍ")
    answers, yet its title and items share few of the question's words and the ranker puts the plan's tasks first. In
    the plan of the best-scored clause, the heading of a section on money found among the first FUNDING_POOL clauses
    (a heading itself, or the section of a source stated in one) comes first — of several, the one whose title holds
    most of the question's word pairs ("b) Về các dự án … các nguồn vốn khác ngoài vốn đầu tư công" for "dùng vốn
    ngoài đầu tư công"), the best scored on a tie. The order is kept (``scored`` itself is returned) when the
    best-scored clause already states a source in a section on money whose title names as much of what is asked."""
    clauses = r.store.clauses
    if not scored:
        return scored
    top_pos = scored[0][0]
    top = clauses[top_pos]
    pairs = set(q.key_bigrams)

    def held(h: int | None) -> int:
        return len(pairs & title_pairs(clauses[h].text)) if h is not None else 0

    heads: dict[int, int] = {}  # heading position -> rank in the pool where it (or a source under it) was found
    for rank, (p, _, _) in enumerate(scored[:FUNDING_POOL]):
        c = clauses[p]
        if c.doc_id != top.doc_id:
            continue
        if funding_heading(c):
            heads.setdefault(p, rank)
        elif states_funding(c):
            h = section_heading_of(r, p)
            if h is not None and funding_heading(clauses[h]):
                heads.setdefault(h, rank)
    if not heads:
        return scored
    best = min(heads, key=lambda h: (-held(h), heads[h]))
    if best == top_pos or (states_funding(top) and held(best) <= held(section_heading_of(r, top_pos))):
        return scored
    at = next((i for i, t in enumerate(scored) if t[0] == best), None)
    head = scored[at] if at is not None else (best, scored[heads[best]][1], scored[heads[best]][2])
    return [head] + [t for t in scored if t[0] != best]


def value_or_items_heading_first(r: "Retriever", q: Question, scored: Scored) -> Scored:
    """A fact question asking a list's items: the heading naming the list first (`items_heading_first`) — unless the
    best-scored clause states the kind of value asked (`asked_value`). "Kinh phí … tại các khu công nghiệp … lấy từ
    nguồn nào?" reads as asking items ("các … nào"), yet "Nguồn kinh phí thực hiện từ các doanh nghiệp viễn thông …",
    scored first, already answers it: a heading whose title shares more of the question's word pairs ("5. Các chủ đầu
    tư … Khu công nghiệp") is not put before it."""
    slot = asked_value(q)
    if slot is not None and scored and clause_holds_value(r.store.clauses[max(scored, key=lambda t: t[1])[0]], slot):
        return scored
    return items_heading_first(r, q, scored)


class Fact(Strategy):
    name = "fact"
    reads_headed_value = True

    def order(self, r: "Retriever", q: Question, scored: Scored) -> Scored:
        """A question asking for a list's items opens with the heading that names the list (`items_heading_first`;
        a who question's items are units, not a heading's list); "Những tỉnh nào ban hành kế hoạch …" reads as a
        fact, and asks for the plans all the same."""
        ordered = super().order(r, q, scored)
        funded = funding_section_first(r, q, ordered) if q.asks_source and q.answer_slot is None else ordered
        if funded is not ordered:
            ordered = funded  # the plan's section on money, put first, is the answer's list
        elif q.asks_items:
            ordered = value_or_items_heading_first(r, q, ordered)
        return plans_first(r, q, scored, ordered)

    def cited(self, r: "Retriever", q: Question, ranked: Scored) -> Scored:
        return titles_with_evidence(r, q, ranked)

    def pick(self, cs: list[Clause], q: Question) -> Clause:
        """The best ranked clause holding the kind of value asked (`answering_first`); where money comes from
        (`Question.asks_source`) is such a value: the sentence stating the source ("Nguồn kinh phí thực hiện từ các
        doanh nghiệp viễn thông …") answers before a task ranked above it that shares the question's words."""
        slot = asked_value(q)
        if slot is None:
            return super().pick(cs, q)
        if slot is SOURCE and states_funding(cs[0]):
            return cs[0]  # the plan's section on money put first (`funding_section_first`)
        return sorted(cs, key=lambda c: not clause_holds_value(c, slot))[0]

    def adds(self, first: Clause, c: Clause, q: Question) -> bool:
        """An aim or a rule in words: the next clause usually continues it. When a kind of value is asked and the
        first holds one ("Nguồn kinh phí thực hiện từ các doanh nghiệp viễn thông …" for "lấy từ nguồn nào"), the next
        is quoted only when it holds one too: a task beside it sharing the question's words adds no answer."""
        slot = asked_value(q)
        if slot is not None and clause_holds_value(first, slot):
            return clause_holds_value(c, slot)
        return True

    def items(self, first: Clause, plan: Sequence[Clause], q: Question) -> list[Clause]:
        """The items of a list asked for; else, when the question names what ``first``'s section is about,
        the section's other items (`section_named`)."""
        return super().items(first, plan, q) or section_named(first, plan, q)


class Who(Strategy):
    name = "who"

    def asks_lead(self, q: Question) -> bool:
        return q.explicit_role and not q.asks_director

    def maybe_lead(self, q: Question) -> bool:
        return not q.explicit_role and not q.asks_director and not q.asks_recipient

    def asks_director(self, q: Question) -> bool:
        return q.asks_director

    def order(self, r: "Retriever", q: Question, scored: Scored) -> Scored:
        """Each task followed by the clause its lead comes from (`with_lead_sources`); a question naming several
        places or laws ("Kế hoạch 5G … của Hà Nội và của Nghệ An giao đơn vị nào …") answers with each one's best
        clause first (`each_place_first`), so the plan written at more length does not fill the answer alone."""
        return each_place_first(r, q, r.with_lead_sources(scored))

    def pick(self, cs: list[Clause], q: Question) -> Clause:
        if q.asks_director:
            return next((c for c in cs if c.directed_by), cs[0])
        return stated_lead(self._pick(cs, q), cs)

    def _pick(self, cs: list[Clause], q: Question) -> Clause:
        if q.explicit_role:
            # "ai chủ trì …, ai phối hợp, đến khi nào": of the clauses stating a lead, the first that also
            # carries the other facts asked (a task's table row with its partners and deadline, not the
            # same task's line in the unit's own section that names the lead alone)
            leads = [c for c in cs if c.lead]
            if not leads:
                return cs[0]
            # a clause saying its unit only coordinates ("Phối hợp với …" under the unit's section) names a
            # partner of the task, not who leads it, and its "phối hợp" is not the task's partners either: any
            # other clause stating a lead answers first (`coordinates_only`), before the facts asked are weighed
            # a lead naming a body answers before a collective one (`collective_lead`): "Các cơ quan, đơn vị …" says
            # who acts in general, the named unit who leads the task
            asked = q.also_asks
            return max(leads, key=lambda c: (q.asks_partners or not coordinates_only(c), not collective_lead(c),
                                             sum(bool(getattr(c, f)) for f in asked), -leads.index(c)))
        # "cơ quan nào hướng dẫn khen thưởng", "ai ra quyết định thu hồi": a unit is asked for, so a clause
        # naming one ("Sở Nội vụ hướng dẫn khen thưởng …") answers before the heading or rule ranked just
        # above it, which is still quoted next (`adds`)
        # whom a report goes to ("báo cáo lên những cơ quan nào") is in the text, not the clause's lead
        if q.asks_recipient:
            return cs[0]
        named = next((c for c in cs[:UNIT_LOOKAHEAD] if c.lead and not c.lead_from_elsewhere), None)
        return named or task_lead_line(cs[0], cs) or cs[0]

    def line(self, c: Clause, q: Question, others: Sequence[Clause] = ()) -> str:
        if q.explicit_role or q.asks_director or c.directed_by:
            return _who_line(c, q, others)
        return super().line(c, q, others)

    def adds(self, first: Clause, c: Clause, q: Question) -> bool:
        # "báo cáo lên những cơ quan nào": the answer is in the text, so the next clause may hold it
        return super().adds(first, c, q) or not q.explicit_role


class Target(Strategy):
    name = "target"
    shows_deadline = False
    reads_headed_value = True
    quotes_announced_items = True

    def items(self, first: Clause, plan: Sequence[Clause], q: Question) -> list[Clause]:
        """A figure whose section the question names ("cắt giảm được bao nhiêu chi phí" under "1.3. Lợi ích
        phương án đơn giản hóa": the share cut and the sum saved) answers with the section's other items."""
        return super().items(first, plan, q) or section_named(first, plan, q)

    def asks_target(self, q: Question) -> bool:
        return True

    def pick(self, cs: list[Clause], q: Question) -> Clause:
        # a year asked ("GRDP năm 2028"): the table row with a column for that year states it, unless a
        # sentence stating a figure is ranked above it; a period asked ("giai đoạn 2026 - 2030 … mỗi năm")
        # only by a row with a column for each of its years
        # a sentence whose figure is for another year ("GRDP bình quân đầu người đạt 91 triệu đồng" under "đến
        # năm 2026", asked for 2028) does not stop the search; of the rows stating the year, the one whose label
        # writes most of the question's words ("hộ cận nghèo", not "hộ nghèo" ranked above it)
        rows: list[Clause] = []
        for c in cs:
            if year_asked(c, q) and len(set(year_asked(c, q))) == len(set(q.years)):
                rows.append(c)
            elif c.kind != "table_row" and (c.target or states_amount(c.text)) and not (
                    q.years and clause_years(c) and not set(q.years) & clause_years(c)):
                break
        if rows:
            return max(rows, key=lambda c: row_fit(c, q))
        slot = q.answer_slot
        if slot is not None and slot.kind in ("percent", "money", "count"):
            # a chỉ tiêu of the kind asked ("bao nhiêu %" → a share, not the sum in đồng beside it)
            fitting = next((c for c in cs if target_fits(c, slot)), None)
            if fitting is not None:
                return fitting
        cs = answering_first(cs, q)
        if not cs[0].target and states_amount(cs[0].text):
            return cs[0]
        # a sentence states the figure with its unit; a table cell often only "> 90"
        return next((c for c in cs if c.target and c.kind != "table_row"), next((c for c in cs if c.target), cs[0]))


    def line(self, c: Clause, q: Question, others: Sequence[Clause] = ()) -> str:
        """A row with one column per year answers with the value of each year asked, then the row."""
        years = year_asked(c, q)
        if not years:
            return super().line(c, q, others)
        values = "; ".join(f"năm {y}: {year_value(c, y, q)}" for y in years)
        return f"{values}. " + super().line(c, q, others)


# a labelled line's task is named by the titles it stands under: its own task's ("b) Nghị định quy định về …") and
# the group of tasks above it ("3.2. Tổ chức triển khai các văn bản …" beside "3.1. Tham gia góp ý kiến …"); titles
# further up are shared by both groups
TASK_TITLES = 2


def task_named(c: Clause, q: Question) -> int:
    """How many of the question's content words the clause's task writes: its text and its TASK_TITLES nearest
    section titles."""
    words = set(folded(" ".join([*c.section_path[-TASK_TITLES:], c.text])).split())
    return len(words & set(q.key_tokens))


def row_fit(c: Clause, q: Question) -> tuple[int, int, int]:
    """How well a table row stating the asked year fits the question, best highest: the question's words its
    label writes ("hộ cận nghèo", not "hộ nghèo"); then, between labels writing as many, those its whole row
    writes with its column titles ("Cà phê" under "Giá trị tham gia xuất khẩu", asked "xuất khẩu cà phê", over
    "Sản lượng cà phê nhân" of a production table); then the fewest label words the question does not write (the
    row "Phí, lệ phí" asked "phí, lệ phí", not "Các khoản phí, lệ phí"); rows tied on all three keep the ranker's
    order. The table's heading is left out: a table's numbering row read as a heading repeats its column titles."""
    asked = set(q.key_tokens)
    label = set(folded(c.noi_dung).split())
    row = set(folded(c.text).split())
    return len(asked & label), len(asked & row), -len(task_words(c) - asked)


def year_asked(c: Clause, q: Question) -> list[int]:
    """The years the question names that the clause's table has a filled column for (`Clause.year_values`), or
    several measures of (`Clause.year_targets`: "Kế hoạch 2027" over "Lượng (Tấn)" and "Giá trị (Nghìn USD)")."""
    if not (c.year_values or c.year_targets) or not q.years:
        return []
    stated = {y for y, v in (c.year_values or {}).items() if v.strip()} | {t.year for t in c.year_targets or ()}
    return [int(y) for y in q.years if int(y) in stated]


def year_value(c: Clause, year: int, q: Question) -> str:
    """A row's value for a year with the unit its ĐVT cell or its column's title states ("782 Người",
    "120.000 Tấn"): of a year's several measures, those of the kind the question asks ("bao nhiêu tấn" →
    the quantity, not the value in USD), all of them when it asks none of theirs; the cell as written when it
    states no figure ("Hoàn thành")."""
    targets = [t for t in c.year_targets or () if t.year == year]
    slot = q.answer_slot
    fitting = [t for t in targets if slot is not None and unit_fits(t.unit, slot)]
    shown = [_with_unit(t.text, t.unit) for t in (fitting if len(targets) > 1 and fitting else targets)]
    return "; ".join(shown) if shown else (c.year_values or {}).get(year, "")


def _with_unit(value: str, unit: str | None) -> str:
    if not unit or folded(unit) in folded(value):
        return value
    return f"{value}{unit}" if unit.startswith("%") else f"{value} {unit}"


class When(Strategy):
    name = "when"

    def asks_deadline(self, q: Question) -> bool:
        return True

    def pick(self, cs: list[Clause], q: Question) -> Clause:
        """Of the clauses holding the kind of time asked (`answering_first`: "trước ngày nào" wants a day, which a
        row's "Hàng năm" does not give; `Question.time_asked`: "giai đoạn nào" wants a stage), the task's own
        deadline (table cell, labelled line) before a year mentioned in passing."""
        cs = answering_first(cs, q)
        slot = q.answer_slot
        holding = [c for c in cs if slot is None or clause_holds_value(c, slot)] or cs
        # of those, the ones whose thời hạn is the kind of time asked ("giai đoạn nào" → a stage, "bao lâu một lần"
        # → a recurrence: `Clause.deadline_kinds`), when one of the plan's first answering clauses states it
        asked = set(q.time_asked)
        kind = [c for c in holding[:TIME_KIND_LOOKAHEAD] if answers_time(c.deadline_kinds, asked)]
        holding = kind + [c for c in holding if c not in kind] if kind else holding
        stated = [c for c in holding if deadline_stated(c)]
        if stated and "deadline" in stated[0].labelled_fields:
            # "- Thời gian thực hiện: …" names no task: the plan's task is its section's; of the labelled lines of a
            # thời hạn among the first found, the one under the task the question names most (`task_named`)
            lines = [c for c in stated[:TIME_KIND_LOOKAHEAD] if "deadline" in c.labelled_fields]
            return max(lines, key=lambda c: (task_named(c, q), -lines.index(c)))
        return next(iter(stated), next((c for c in holding if c.deadline), holding[0]))

    def line(self, c: Clause, q: Question, others: Sequence[Clause] = ()) -> str:
        if c.deadline:
            facts = _facts(c, self.shows_deadline)
            return f"Thời hạn: {c.deadline}. «{_quote(c.text, q)}»" + (f" ({facts})" if facts else "") + f" {cite(c)}"
        stage = stage_heading(c)
        if stage:  # a roadmap's task states no time of its own: its stage's heading is its time
            return f"Thời hạn (theo mục «{stage}»): «{_quote(c.text, q)}» {cite(c)}"
        return super().line(c, q, others)

    def items(self, first: Clause, plan: Sequence[Clause], q: Question) -> list[Clause]:
        """The plan's stages asked as such ("chia làm mấy giai đoạn, là những giai đoạn nào": `Question.stages_asked`)
        and a stage's heading found first: the other stages are the headings beside it that state another period
        ("1. Giai đoạn 2025 - 2030" beside "2. Giai đoạn 2031 - 2035"), not the tasks the first heads."""
        if q.stages_asked and first.kind == "heading" and "period" in first.deadline_kinds:
            stages = sibling_stages(first, plan)
            if stages:
                return stages
        return super().items(first, plan, q)

    def adds(self, first: Clause, c: Clause, q: Question) -> bool:
        """A plan's next clause found is quoted too when it states another deadline of the kind asked: "các sở
        báo cáo trước ngày nào" may mean the sở's yearly report or the lead's summary, each with its own day."""
        if super().adds(first, c, q):
            return True
        slot = q.answer_slot
        return bool(c.deadline and c.deadline != first.deadline and (slot is None or clause_holds_value(c, slot)))


def sibling_items(first: Clause, plan: Sequence[Clause]) -> list[Clause]:
    """The other items of the list ``first`` is one item of, in the plan's order: the clauses of its own section of
    its own kind ("- Tăng cường thanh tra … chống thất thu" beside "- Đẩy mạnh … hoàn thuế" under "2.1. Thu NSNN");
    none when ``first`` is no list item, when its section holds clauses of another kind (prose around the item), or
    when the list runs past MAX_ITEMS."""
    if first.kind not in ("bullet", "item") or not first.section_path:
        return []
    section = [c for c in plan if c is not first and c.section_path == first.section_path]
    if not section or len(section) > MAX_ITEMS or any(c.kind != first.kind for c in section):
        return []
    return section


class Duties(Strategy):
    """"Sở X phải làm gì": every clause the plan gives that unit as chủ trì, in the plan's order, its own
    section of "Tổ chức thực hiện" first; the answer lists them, one cited line each."""

    name = "duties"

    def asks_unit_duties(self, q: Question) -> bool:
        return q.unit_key is not None

    def items(self, first: Clause, plan: Sequence[Clause], q: Question) -> list[Clause]:
        """What a unit must do is seldom one line: a duty found as one item of a list of sibling items ("- Triển
        khai đồng bộ các biện pháp quản lý thuế …" beside "- Đẩy mạnh … hoàn thuế") answers with the list's other
        items (`sibling_items`), as a list question's enumeration does."""
        return super().items(first, plan, q) or sibling_items(first, plan)

    def extra_candidates(self, r: "Retriever", q: Question, doc_filter: frozenset[str] | None) -> list[int]:
        """Every clause led by the unit the question names, in the plans it may be about."""
        by_lead = r.clauses_by_lead(doc_filter)
        named = units_named(q, {lead: r.lead_units[lead] for lead in by_lead}, r.evidence.words, r.lead_segments)
        return sorted({p for lead in named for p in by_lead[lead]})  # in plan order, whatever the hash seed

    def order(self, r: "Retriever", q: Question, scored: Scored) -> Scored:
        """The plan ranked first among those that assign the unit; its clauses led by the unit first:
        those in an assigning section (tổ chức thực hiện, nhiệm vụ cụ thể), then the ones stating the
        lead themselves, each followed by the items of its section when it is the unit's heading, in the
        plan's order; tasks taking the lead from elsewhere come last. The group holding the best-scored clause
        stating the unit goes first, so the list opens with what the ranker found most relevant."""
        clauses = r.store.clauses
        named = units_named(q, lead_units([clauses[p] for p, _, _ in scored]), r.evidence.words, r.lead_segments)
        ours = [t for t in scored if clauses[t[0]].lead in named]
        if not ours:
            return super().order(r, q, scored)
        plan = clauses[ours[0][0]].doc_id
        mine = {clauses[t[0]].id: t[0] for t in ours if clauses[t[0]].doc_id == plan}

        def key(t: tuple[int, float, float]) -> tuple[bool, int, int, int]:
            c = clauses[t[0]]
            src = mine.get(c.lead_source.clause_id) if c.lead_from_elsewhere else t[0]
            if src is None or (src != t[0] and clauses[src].kind != "heading"):
                return (True, len(clauses), 1, t[0])  # its lead is stated elsewhere: after the unit's own
            # a clause stating the unit, followed by the items of the unit's own section (its heading's)
            assigning = bool(ASSIGNING_SECTION.search(folded(" ".join(clauses[src].section_path[:1]))))
            return (not assigning, src, int(src != t[0]), t[0])

        head = sorted((t for t in ours if clauses[t[0]].doc_id == plan), key=key)
        # the group of the clause the ranker prefers leads (its score is the plan's evidence), the rest follow
        stated = [t for t in head if key(t)[1] != len(clauses)] or head
        lead_group = key(max(stated, key=lambda t: (t[1], -t[0])))[:2]
        head = sorted(head, key=lambda t: key(t)[:2] != lead_group)[:MAX_UNIT_TASKS]  # stable: plan order kept
        seen = {t[0] for t in head}
        return head + [t for t in scored if t[0] not in seen]

    def compose(self, q: Question, ranked: list[tuple[Clause, float, float]],
                documents: dict[str, "Document"], words: Words | None = None,
                plan: PlanClauses | None = None) -> str:
        if words is not None:
            named = units_found(q, ranked, units_named(q, lead_units([c for c, _, _ in ranked]), words), words)
            out = compose_duties(q, [c for c, _, _ in ranked], named, documents, plan) if named else None
            if out:
                return out
        return super().compose(q, ranked, documents, words, plan)


def units_found(q: Question, ranked: Sequence[tuple[Clause, float, float]], named: set[str], words: Words) -> set[str]:
    """The units whose duties answer: ``named`` (`units_named`) when the ranker found one of their clauses (scoring at
    least RELEVANT_SHARE of the best clause found). When it found none, the unit's clauses were put first for their
    lead alone (`Duties.order`): the leads of the clauses it did find that the question names answer instead
    ("chủ nhiệm lớp ở trung tâm chính trị … làm những việc gì": the class teacher, not the centre named as where the
    class is; "UBND xã, phường, đặc khu" in the appendix beside "Ủy ban nhân dân phường, xã, đặc khu"), with the
    named leads that hold the analysed unit (`Question.unit_key`); none at all when the clauses found name no unit
    the question names ("trong lĩnh vực thương mại … gồm những nội dung nào" names none): the answer is composed
    from the clauses found, as any question's."""
    best = max((s for _, s, _ in ranked), default=0.0)
    found = [c for c, s, _ in ranked if s >= RELEVANT_SHARE * best]
    if any(c.lead in named for c in found):
        return named
    asked = units_named(q, lead_units(found), words)
    if not asked:
        return set()
    return asked | {lead for lead in named if q.unit_key is None or q.unit_key in folded(lead)}


class PlanList(Target):
    """"Những xã nào …", "so sánh …": one clause per plan, the figures each plan sets."""

    name = "list"
    gathers_tasks = True
    reads_headed_value = False  # one clause per plan: the heading found is that plan's answer, figures or none

    def order(self, r: "Retriever", q: Question, scored: Scored) -> Scored:
        """Each plan's best clause first (the plans' title lines when the question asks which plans; the
        catalogue's plans when it asks for plans by what their titles and letterheads say, `Question.catalogue`)."""
        ordered = plans_first(r, q, scored, each_place_first(r, q, each_plan_first(r, scored)))
        plans = q.catalogue
        if plans and places_first(q):  # "Tỉnh nào phát động …": every place whose plan answers, by title or clause
            plans = (*plans, *[d for d in answering_plans(r, q, scored) if d not in plans])[:MAX_PLANS_LISTED]
        return catalogue_first(r, q, plans, ordered)

    def settles(self, r: "Retriever", q: Question) -> bool:
        """"Những kế hoạch nào triển khai thi hành luật …", "Sơn La và Lai Châu mỗi tỉnh có kế hoạch gì": the
        plans are the answer, and their typed titles and localities say which (`Question.catalogue`, read once by
        `catalogue_plans`)."""
        return bool(q.catalogue)

    def cited(self, r: "Retriever", q: Question, ranked: Scored) -> Scored:
        return titles_with_evidence(r, q, ranked)

    def adds(self, first: Clause, c: Clause, q: Question) -> bool:
        return True

    def items(self, first: Clause, plan: Sequence[Clause], q: Question) -> list[Clause]:
        """Across plans, a plan answering with a heading ("2. Mục tiêu đến năm 2030") answers with all it
        heads, not its first line alone; the items of a list when the question asks for them."""
        if q.asks_items:
            return named_siblings(first, plan, q) or enumeration(first, plan)
        return enumeration(first, plan, under_only=True) if first.kind == "heading" else []


PLACE_CANDIDATES = 20  # each named province's own top clauses from BM25 and from the dense search, scored besides the pool


def places_asked(r: "Retriever", q: Question) -> dict[str, frozenset[str]]:
    """The parts of a question about several plans, each with its plans in scope: each province it names (two or
    more: "Hà Nội và Nghệ An", by the plans' typed localities), and each law or event it names that picks out plans
    of its own (`Question.subject_plans`: "Luật Việc làm, Luật Bảo vệ dữ liệu cá nhân" — one plan per law). Empty
    unless the parts have at least two plans between them and are two or more: a question about one place or one
    law keeps the ranker's order."""
    found: dict[str, set[str]] = {}
    if len(q.provinces_named) >= 2:
        for d in sorted(q.doc_filter or r.store.documents):
            key = province_key(r.store.documents[d].locality.province)
            if key in q.provinces_named:
                found.setdefault(key, set()).add(d)
        if len(found) < 2:
            found = {}
    for subject, docs in q.subject_plans:
        found.setdefault(subject, set()).update(docs)
    plans = set().union(*found.values()) if found else set()
    return {k: frozenset(v) for k, v in found.items()} if len(found) >= 2 and len(plans) >= 2 else {}


def each_place_candidates(r: "Retriever", q: Question) -> list[int]:
    """A question about several provinces or named plans: each one's own top clauses, so one province's plans,
    written at more length on the subject, do not crowd the other's out of the candidates."""
    out: list[int] = []
    for _, docs in sorted(places_asked(r, q).items()):
        out += [p for p, _ in r.store.sparse(q.text, PLACE_CANDIDATES, set(docs))]
        out += [p for p, _ in r.store.dense(r.dense_text(q), PLACE_CANDIDATES, set(docs))]
    return out


def each_place_first(r: "Retriever", q: Question, scored: Scored) -> Scored:
    """Each province or named plan the question asks about (`places_asked`) answers with its own best clause
    covering half the question's words (ANSWERING_COVERAGE), best first, whatever its score beside another's: the
    question asks about every one it names. Unchanged when it names fewer than two."""
    places = places_asked(r, q)
    if not places:
        return scored
    clauses = r.store.clauses
    firsts: dict[str, tuple[int, float, float]] = {}
    for t in scored:
        if t[2] < ANSWERING_COVERAGE:
            continue
        for key, docs in places.items():
            if key not in firsts and clauses[t[0]].doc_id in docs:
                firsts[key] = t
    head = sorted(set(firsts.values()), key=lambda t: (-t[1], t[0]))
    seen = {t[0] for t in head}
    return head + [t for t in scored if t[0] not in seen]


def sibling_stages(first: Clause, plan: Sequence[Clause]) -> list[Clause]:
    """The headings beside ``first`` (same enclosing headings) that state a period other than its own and each
    other's, in the plan's order: a roadmap's other stages."""
    seen = {first.deadline}
    out = []
    for c in plan:
        if (c is not first and c.kind == "heading" and c.section_path == first.section_path
                and "period" in c.deadline_kinds and c.deadline not in seen):
            seen.add(c.deadline)
            out.append(c)
    return out


def named_siblings(first: Clause, plan: Sequence[Clause], q: Question) -> list[Clause]:
    """"Các hình thức đào tạo, huấn luyện … gồm những gì" found "c) Huấn luyện bổ sung", one part of the list
    "1. Hình thức đào tạo, huấn luyện" names: the answer is the list's parts ("a) Đào tạo cơ bản", "b) Tập huấn
    chuyên môn", "c) …"), not the lines under the one part found. ``first`` is a heading whose own section title
    holds more of the question's word pairs (at least ITEMS_HEADING_PAIRS) than ``first`` does; its sibling
    headings, in the plan's order, when they are an enumeration (MAX_ITEMS) and the question names nothing of
    ``first``'s own title its section title does not say; none otherwise."""
    if first.kind != "heading" or not first.section_path:
        return []
    asked, parent = set(q.key_bigrams), first.section_path[-1]
    named, own = len(title_pairs(parent) & asked), len(title_pairs(first.text) & asked)
    if named < ITEMS_HEADING_PAIRS or own >= ITEMS_HEADING_PAIRS or own >= named:
        return []  # the list is not named, or ``first`` names it itself ("3. Hình thức khen thưởng")
    if (title_words(first.text) & set(q.key_tokens)) - title_words(parent):
        return []  # the question names the part found ("Tiêu chí … đối với sở, ban, ngành": "a) Đối với các sở …")
    siblings = [c for c in plan if c is not first and c.kind == "heading" and c.section_path == first.section_path]
    return siblings if len(siblings) <= MAX_ITEMS else []


# an item's section is quoted whole when it holds at most this many other items: a short enumeration (a plan's
# sources of kinh phí, the gains of a simplified procedure: two to five lines), not a chapter of tasks
SECTION_ITEMS = 5


def _title_tokens(title: str) -> list[str]:
    """A section title's folded words in order, numbers left out."""
    return [w for w in re.findall(r"[a-z0-9]+", folded(title)) if not w.isdigit()]


def title_words(title: str) -> set[str]:
    """A section title's folded words, numbers left out."""
    return set(_title_tokens(title))


def title_pairs(title: str) -> set[str]:
    """A section title's folded word pairs ("IV. KINH PHÍ THỰC HIỆN" → {"kinh phi", "phi thuc", "thuc hien"})."""
    return set(word_pairs(_title_tokens(title)))


def section_named(first: Clause, plan: Sequence[Clause], q: Question) -> list[Clause]:
    """"Kinh phí … lấy từ đâu", "cắt giảm được bao nhiêu chi phí": what is asked is what ``first``'s section is
    about — its title holds a word pair of the question ("IV. KINH PHÍ THỰC HIỆN") — and each of its items is
    one part of the answer (ngân sách, xã hội hóa), of which the ranker found one. The section's other items,
    in the plan's order, when they are a short enumeration (SECTION_ITEMS); none for a heading (its own
    enumeration is `enumeration`'s) or an item whose section title names nothing asked."""
    if first.kind == "heading" or not first.section_path:
        return []
    if not title_pairs(first.section_path[-1]) & set(q.key_bigrams):
        return []
    siblings = [c for c in plan if c is not first and c.section_path == first.section_path]
    return siblings if len(siblings) <= SECTION_ITEMS else []


ITEMS_POOL = 30  # how deep among the scored clauses a list's heading is looked for: short headings score low
ITEMS_HEADING_PAIRS = 2  # word pairs of the question a heading's own title must hold to name the list asked
ITEMS_PAIR_HEADINGS = 2  # ... each held by at most this many headings of the plans found (else it is their subject)


def items_heading_first(r: "Retriever", q: Question, scored: Scored) -> Scored:
    """"Huy động kinh phí … bằng những cách nào": the list is the items under a heading whose own title says
    what they are ("8. Phương án huy động kinh phí"); each item alone shares few of the question's words, so
    the ranker scores them low. The heading holding the most of the question's word pairs (at least
    ITEMS_HEADING_PAIRS, more than the best-scored clause; the best ranked on a tie) comes first with its
    items, in plan order."""
    clauses = r.store.clauses
    pairs = set(q.key_bigrams)
    if not pairs or not scored:
        return scored

    def pairs_in(c: Clause) -> set[str]:
        return pairs & set(word_pairs(tuple(r.evidence.words(c.text))))

    def own_pairs(p: int) -> set[str]:
        return pairs_in(clauses[p])

    # a pair many headings of the plan hold is the plan's subject ("cơ sở dữ liệu quy hoạch"), not a list's name;
    # a heading under one that holds the pair already repeats it ("III. … HÌNH THỨC KHEN THƯỞNG" > "2. Hình thức
    # và tiêu chuẩn khen thưởng" > "a) Hình thức khen thưởng" names one list): it counts once, by the outermost
    pool = scored[:ITEMS_POOL]
    docs = {clauses[t[0]].doc_id for t in pool}
    common: dict[str, int] = {}
    for d in docs:
        a, b = r.store.doc_ranges[d]
        for p in range(a, b):
            if clauses[p].kind == "heading":
                above = set(word_pairs(tuple(r.evidence.words(" ".join(clauses[p].section_path)))))
                for w in own_pairs(p) - above:
                    common[w] = common.get(w, 0) + 1

    def held(p: int) -> int:
        return sum(common.get(w, 0) <= ITEMS_PAIR_HEADINGS for w in own_pairs(p))

    heads_ = [(held(t[0]), -i, t) for i, t in enumerate(pool) if clauses[t[0]].kind == "heading"]
    if not heads_:
        return scored
    k, neg_i, best = max(heads_)
    if k < ITEMS_HEADING_PAIRS or held(pool[0][0]) >= k:  # the best clause already says as much: it answers
        return scored
    a, b = r.store.doc_ranges[clauses[best[0]].doc_id]
    found = named_list(clauses[best[0]], clauses[a:b], lambda c: len(pairs_in(c)))
    if found is None:
        return scored  # a list of lists none of whose parts the question names: its leaves are what the ranker found
    head, listed = found
    if head is not clauses[best[0]]:  # the part naming the list, with the score of the heading that led to it
        pos = next(p for p in range(a, b) if clauses[p] is head)
        best = next((t for t in scored if t[0] == pos), (pos, best[1], best[2]))
    under = {c.id for c in listed}
    items = [t for t in scored if clauses[t[0]].id in under]
    items.sort(key=lambda t: t[0])
    front = [best] + items
    seen = {t[0] for t in front}
    return front + [t for t in scored if t[0] not in seen]


def named_list(head: Clause, plan: Sequence[Clause], named: Callable[[Clause], int]) -> tuple[Clause, list[Clause]] | None:
    """The list a heading opens, with its items (`enumeration`). A list of lists ("III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC
    KHEN THƯỞNG" over "1. Tiêu chí thi đua", "2. Hình thức …" over "a) Hình thức khen thưởng", "b) Tiêu chuẩn …")
    answers through the part whose own title holds the most of the question's word pairs (``named``, at least
    ITEMS_HEADING_PAIRS and more than any other part), down to a list of items; None when no part is so named."""
    while True:
        listed = enumeration(head, plan, under_only=True)
        parts = [c for c in listed if c.kind == "heading" and c.label not in ("-", "+")]
        if not listed:
            return None
        if not parts:
            return head, listed
        counts = sorted((named(c) for c in parts), reverse=True)
        if counts[0] < ITEMS_HEADING_PAIRS or (len(counts) > 1 and counts[1] == counts[0]):
            return None
        head = max(parts, key=named)


# a question opening with the places it asks for ("Tỉnh nào phát động đợt thi đua …", "Những địa phương nào triển
# khai …"): the places are its subject, so their plans are the answer, whatever the verb
_PLACE_FIRST = re.compile(r"^(?:nhung |cac )?(?:tinh|thanh pho|dia phuong) nao\b")
LIST_PLAN_SHARE = 0.45  # a plan answers a list when its best clause covers half the question's words at this share of the top score
# ... or when its own title holds this share of the question's rarity-weighted words ("kế hoạch phát triển hạ
# tầng 5G, IoT trong các khu công nghiệp tỉnh Nghệ An"): what the plan is about, though its clauses score lower.
# At 0.8 a plan on the subject whose title says it in other words ("HỆ THỐNG SÓNG VIỄN THÔNG 5G, IoT … KHU CÔNG
# NGHIỆP", 0.795 of "phát triển hạ tầng 5G, IoT trong khu công nghiệp") was left out of "which provinces have such a
# plan"; at 0.75 no dev1–8 row lost or gained a plan otherwise
LIST_TITLE_SHARE = 0.75
MAX_PLANS_LISTED = 8


# "Which plans …" (`plans_first`): a plan is listed when its best clause covers, at PLANS_ASKED_SHARE of the top score,
# PLANS_ASKED_COVERAGE of what the best-covering clause found covers — the question's own words some plan writes, not
# all it says: "Kế hoạch nào nhắc tới hệ thống thu phí không dừng trong giao thông" has no plan writing "giao thông"
# beside the toll system (best coverage .47), and at LIST_PLAN_SHARE with half the words no plan, not even the top
# one, was listed. Chosen on dev1–14's "which plans" questions (23 not settled by the catalogue or a place filter,
# 54 plans in their gold) by plan-level F1 with five-fold document-level CV: every fold chose coverage .7 (or .6),
# share .2 in three folds (.05 in two); OOF 39 plans found, 15 missed, 41 extra (F1 .582) against the share and
# half-the-words rule's 32 / 22 / 29 (F1 .557); in-sample .2/.7 finds 38 / 16 / 30 (F1 .623)
PLANS_ASKED_SHARE = 0.2
PLANS_ASKED_COVERAGE = 0.7


def plan_answers_asked(score: float, coverage: float, top: float, best_coverage: float) -> bool:
    """A plan's best clause answers "which plans …": PLANS_ASKED_COVERAGE of the best coverage any clause found
    reaches, at PLANS_ASKED_SHARE of the top score, or every content word of the question (LIST_FULL_COVERAGE)."""
    return (coverage >= PLANS_ASKED_COVERAGE * best_coverage and score >= PLANS_ASKED_SHARE * top) \
        or coverage >= LIST_FULL_COVERAGE


def plan_answers(score: float, coverage: float, top: float) -> bool:
    """A plan's best clause (its ``score`` beside the ``top`` one, its ``coverage`` of the question's words)
    answers a question across plans: half the words at LIST_PLAN_SHARE of the top score, or all of them."""
    return (coverage >= ANSWERING_COVERAGE and score >= LIST_PLAN_SHARE * top) or coverage >= LIST_FULL_COVERAGE


def each_plan_first(r: "Retriever", scored: Scored) -> Scored:
    """A list across plans: each plan that answers (`plan_answers`) opens with its best clause, in score order, up
    to MAX_PLANS_LISTED plans; then the rest in score order. The stopping rule is the plans' own evidence, not a
    count: a plan none of whose clauses covers the question's words is not listed."""
    if not scored:
        return scored
    clauses, top = r.store.clauses, scored[0][1]
    firsts: dict[str, tuple[int, float, float]] = {}
    for t in scored:
        d = clauses[t[0]].doc_id
        if d not in firsts and len(firsts) < MAX_PLANS_LISTED and plan_answers(t[1], t[2], top):
            firsts[d] = t
    head = list(firsts.values())
    seen = {t[0] for t in head}
    return head + [t for t in scored if t[0] not in seen]


def answering_plans(r: "Retriever", q: Question, scored: Scored) -> dict[str, tuple[int, float, float]]:
    """Each plan that answers "which plans …", with its best clause, in score order: those of the places named, those
    whose best clause answers (`plan_answers_asked`) and those whose title holds LIST_TITLE_SHARE of the question."""
    best: dict[str, tuple[int, float, float]] = {}
    if not scored:
        return best
    clauses, top = r.store.clauses, max(t[1] for t in scored)
    covered = max(t[2] for t in scored)
    for t in scored:
        d = clauses[t[0]].doc_id
        if d not in best and (q.doc_filter or plan_answers_asked(t[1], t[2], top, covered)
                              or title_share(r, q, d) >= LIST_TITLE_SHARE):
            best[d] = t
    return best


def plans_first(r: "Retriever", q: Question, scored: Scored, ranked: Scored) -> Scored:
    """When the question asks which plans there are, each plan that answers comes first as its title line,
    with the score and coverage of its best clause (the plans named by place, or those whose best clause answers,
    `plan_answers_asked`); otherwise ``ranked`` as it is."""
    if not asks_plans(q) or not ranked:
        return ranked
    clauses = r.store.clauses
    best = answering_plans(r, q, scored)
    head = []
    places = asks_places(q)
    for d, (_, score, cov) in list(best.items())[:MAX_PLANS_LISTED]:
        lines = r.store.documents[d].field_lines
        pos = r.field_line(lines.title)
        where = issued_where(r, d) if places else None
        head.extend((p, score, cov) for p in (where, pos) if p is not None)
    # each listed plan's clause that answers follows the title lines, in the same order: it is what the answer quotes
    # for the plan (`answer.titled_plan_evidence`), though it may score below another plan's clauses
    head += [t for t in list(best.values())[:MAX_PLANS_LISTED] if clauses[t[0]].kind != "header"]
    seen = {t[0] for t in head}
    return head + [t for t in ranked if t[0] not in seen]


def titles_with_evidence(r: "Retriever", q: Question, ranked: Scored) -> Scored:
    """"Những kế hoạch nào giao nhiệm vụ cho Ban Quản lý khu công nghiệp", "các kế hoạch nào có chỉ tiêu về dịch vụ
    công trực tuyến": the plans are found by what their clauses say, not by their titles (`catalogue_plans` names
    none), and the title lines `plans_first` puts first only name them — up to MAX_PLANS_LISTED titles would fill the
    results and push out every clause that says it. Each plan's title line (and the line stating where it was
    issued) is cited followed by the plan's best clause, as the answer quotes them (`answer.compose_by_plan`); then
    the rest as ranked. Unchanged when the question asks for the plans by their titles or places (the catalogue's)."""
    if not asks_plans(q) or not ranked:
        return ranked
    clauses = r.store.clauses
    shown = next((i for i, t in enumerate(ranked) if clauses[t[0]].kind != "header"), len(ranked))
    if not shown or shown == len(ranked) or q.catalogue:
        return ranked
    head, rest = ranked[:shown], ranked[shown:]
    out: Scored = []
    used: set[int] = set()
    for d in dict.fromkeys(clauses[t[0]].doc_id for t in head):
        out += [t for t in head if clauses[t[0]].doc_id == d]
        best = next((t for t in rest if clauses[t[0]].doc_id == d), None)
        if best is not None:
            out.append(best)
            used.add(best[0])
    return out + [t for t in rest if t[0] not in used]


def weighed_clauses(q: Question, ranked: Scored, clauses: Sequence[Clause]) -> Scored:
    """The clauses whose evidence the abstention weighs: those found. A "which plans" answer opens with each plan's
    title line (`plans_first`), carrying the score of the plan's best clause: the title names the plan the answer
    lists, it is no evidence that the plans say what is asked ("Ban Quản lý Khu kinh tế … có nhiệm vụ trong những
    kế hoạch nào": the unit's section, not the plan's title, names the unit), so the clauses after them are weighed,
    as for any other question; all of them when nothing follows."""
    if not asks_plans(q):
        return ranked
    shown = next((i for i, t in enumerate(ranked) if clauses[t[0]].kind != "header"), len(ranked))
    return ranked[shown:] or ranked


def title_share(r: "Retriever", q: Question, doc_id: str) -> float:
    """Rarity-weighted share of the question's content words in the plan's title and letterhead."""
    words = [w for w in q.key_tokens if w not in LEVEL_WORDS]  # "tỉnh, thành nào" names no subject
    total = sum(r.evidence.idf(w) for w in words)
    if not total:
        return 0.0
    have = r.evidence.plan_title_words(doc_id)
    return sum(r.evidence.idf(w) for w in words if w in have) / total


# "những tỉnh nào …", "tỉnh, thành nào có kế hoạch …", "địa phương nào": the places are the answer, each plan's own
_ASKS_PLACES = re.compile(r"\b(?:tinh|thanh|thanh pho|dia phuong|xa|phuong) nao\b")


def asks_places(q: Question) -> bool:
    """Which places have such a plan: each plan is cited by the line stating where it was issued as well as its title."""
    return (asks_plans(q) or places_first(q)) and bool(_ASKS_PLACES.search(q.folded))


def issued_where(r: "Retriever", d: str) -> int | None:
    """The line stating where plan ``d`` was issued, cited when asked which places have a plan — only for a plan
    about a place of its own: a ministry's plan dated in the capital is not the capital's plan."""
    doc = r.store.documents[d]
    if not (doc.locality.name or doc.locality.province):
        return None
    return r.field_line(doc.field_lines.place_date)


def places_first(q: Question) -> bool:
    """"Tỉnh nào phát động đợt thi đua …", "Những địa phương nào triển khai …": the places asked open the question,
    its subject, so the plans whose typed titles say the rest answer it (`catalogue_plans`), with those whose best
    clause does (`answering_plans`). Not a figure's places ("Tỉnh nào đặt chỉ tiêu phủ sóng 5G 100%?",
    `query.AIM_NAMED`): each plan's figure answers that, not which plans there are."""
    return bool(_PLACE_FIRST.search(q.folded)) and not AIM_NAMED.search(q.folded)


def catalogue_first(r: "Retriever", q: Question, plans: Sequence[str], ranked: Scored) -> Scored:
    """The catalogue's plans (`catalogue_plans`) open the answer with their title lines (and, asked which places,
    the line stating where each was issued), with the top score; then their other clauses as ``ranked`` has them."""
    if not plans or not ranked:
        return ranked
    top = max(t[1] for t in ranked)
    head: Scored = []
    for d in plans:
        lines = r.store.documents[d].field_lines
        where = issued_where(r, d) if asks_places(q) else None
        # asked their numbers ("Kể số hiệu", "lần lượt … số hiệu là gì"), the lines stating each one's number follow
        numbers = [r.field_line(f) for f in lines.number] if q.asks_number else []
        head.extend((p, top, 1.0) for p in (where, r.field_line(lines.title), *numbers) if p is not None)
    seen = {t[0] for t in head}
    kept = set(plans)  # the answer is the catalogue: another plan's clauses, or its title, are none of it
    return head + [t for t in ranked if t[0] not in seen and r.store.clauses[t[0]].kind != "header"
                   and r.store.clauses[t[0]].doc_id in kept]


STRATEGIES: dict[str, Strategy] = {s.name: s for s in (Fact(), Who(), Target(), When(), Duties(), PlanList())}


def strategy_for(q: Question) -> Strategy:
    """The strategy of the question's type (the analysis names the type, `retrieval.query._TYPES`)."""
    return STRATEGIES[q.qtype]
