"""Body tasks whose lead the plan gives only by restating the task, in other words, where it hands out duties.

A plan lists its tasks by topic ("2. Phát triển hạ tầng số: - Đầu tư xây dựng, hoàn thiện hạ tầng số đồng bộ …")
and says who does them elsewhere: a unit's paragraph in "Tổ chức thực hiện" ("**2. Sở Khoa học và Công nghệ** …
- Hướng dẫn … trong quá trình xây dựng hạ tầng số …") or an appendix row ("Xây dựng Kế hoạch triển khai Chiến lược
dữ liệu quốc gia …" | Công an tỉnh). The restatement shares the task's rare words, not its wording, so the word
pairs the `restated` and `appendix_table` linkers compare are too strict.

Precise before complete: each word counts by how rare it is in the plan (idf), a task is matched to the one
duty statement that restates the largest rare share of it, and the unit of that statement must beat every other
unit's best statement by a margin; otherwise the plan does not say, and neither do we. Only a task of the body
(not an objective, not a duty already in the part that hands out duties) with no lead of its own is linked, and
only to a statement where its unit leads (never a "Phối hợp …" duty, where the unit only coordinates).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable

from corpus.field_links import claimed_field, link_lead
from corpus.model import Clause, DeadlineSource
from corpus.responsibilities import (COORDINATING_DUTY, DUTY_VERBS, INDICATOR_SECTION, ITEM_OPENER, LEGAL_PART,
                                     LINKER_MECHANISMS, SECTION_LINKS, STOP_FOLDED, TASK_START, Context,
                                     in_assignment_section, names_unit, own_time, take_row_facts)
from corpus.structure import opens_appendix
from corpus.text import RESPONSIBILITY_VERBS, TASK_OPENERS, UNIT_LEVELS, words

# Tuning knobs, checked on the development half's rows (benchmarks/eval_facts.py) and by hand on its outputs.
PARAPHRASE_MIN_SHARE = 0.4  # share of the task's rare-word weight the statement restates
PARAPHRASE_MARGIN = 1.2  # the best unit's share over the best share of any other unit
PARAPHRASE_MIN_WORDS = 5  # a task of fewer content words is too generic to tell units apart
PARAPHRASE_MIN_SHARED = 4  # rare words in common, at least
PARAPHRASE_UNOPENED_MIN_SHARE = 0.6  # a clause of the body opening with no act is a task a duty restates this much of
PARAPHRASE_OVERRIDE_SHARE = 0.5  # a row of another unit restating this much of a task outweighs a claim on its section
# An appendix grouped by topic ("IV | Phát triển dữ liệu số") restates a body section ("d) Dữ liệu số") in its group's
# title: a row of that group restating the task at a lower share still names its lead, since a row of another group
# is another topic and no rival. Development half: 0.3 links 5 tasks, all right (0.25: 7 right, 2 more unchecked by
# the gold; 0.2: one wrong); the group's title must restate half the section title's rare words.
PARAPHRASE_GROUP_MIN_SHARE = 0.3
PARAPHRASE_GROUP_TITLE_SHARE = 0.5
# A unit's duty in "Tổ chức thực hiện" and its own appendix row: only that unit's rows can restate it, so a row needs
# a lower share of the duty's rare words than against every unit's statements, when it beats the unit's next best
# row by `PARAPHRASE_MARGIN`. Development half's phối hợp/thời hạn/product facts, leave-one-document-out over
# {0.2 … 0.4}: two documents decide it, their folds pick 0.25 and 0.35 (+4 facts out of fold either way); 0.3 sits
# between them and above the one wrong restatement found by hand (an unscored duty's row, at 0.27).
DUTY_ROW_MIN_SHARE = 0.3
# A section whose every task the same unit's duties restate best, each loosely: the agreement of its tasks is the
# evidence one task's words are not. At least two tasks, each restated at 0.15 of its rare-word weight: chosen on the
# development half's lead and no_lead facts, leave-one-document-out over {0.1, 0.15, 0.2, 0.25, 0.3} (0.15 in four folds
# of five; out of fold +4 facts; 0.1 breaks two no_lead facts of a document whose tasks are restated at 0.14).
SECTION_AGREED_MIN_TASKS = 2
SECTION_AGREED_MIN_SHARE = 0.15

# Parts of a plan that state ends, not tasks: their sentences are restated by duties without being them.
_NOT_TASKS = re.compile(r"mục đích|yêu cầu|quan điểm|căn cứ|sự cần thiết|đánh giá|kết quả|tình hình|kinh phí", re.I)


def _appendices_start(ctx: Context) -> int:
    """The position of the plan's first appendix title (`Clause.appendix`, or an unnumbered "PHỤ LỤC":
    `corpus.structure.opens_appendix`), or past the end: a table row before it is a table of the body (a list of
    the legal grounds, a form), not a restatement."""
    return next((p for p, c in enumerate(ctx.clauses) if c.appendix or opens_appendix(c.text)), len(ctx.clauses))


def _is_task(body: str) -> bool:
    """A task of the body opens with what is done ("Xây dựng …", "Triển khai …", "Đẩy mạnh …"), not with its
    grounds ("Căn cứ …") nor with a name or a label ("Thời gian thực hiện: …", "Kinh phí …")."""
    body = ITEM_OPENER.sub("", body.lstrip("*_ "))
    if body.isupper():
        return False  # a title standing alone ("TRIỂN KHAI THI HÀNH LUẬT …"), not a task
    return bool(TASK_START.match(body) or _TASK_OPENER.match(body)) and not _GROUNDS.match(body)


# a task of the body opening with one of the acts `corpus.text.TASK_OPENERS` lists, longest first
_TASK_OPENER = re.compile(r"^(?:%s)\b" % "|".join(sorted(map(re.escape, TASK_OPENERS), key=len, reverse=True)), re.I)


# "Căn cứ …" opens a duty's grounds, not a task.
_GROUNDS = re.compile(r"^(?:căn cứ|trên cơ sở)\b", re.I)
# Bodies named only by their kind ("Các cơ quan, đơn vị", "Các sở, ban, ngành cấp tỉnh", "UBND các xã, phường"): each
# does its own part of everything, so their duty restates every task a little and names none. The levels they are
# named at are the shared ones (`corpus.text.UNIT_LEVELS`).
_KIND_WORDS = frozenset(words("các những mọi cơ quan đơn vị sở ban ngành địa phương liên quan và tổ chức cấp trực thuộc "
                              "có ủy uỷ nhân dân ubnd thủ trưởng " + " ".join(UNIT_LEVELS)))


def _group_by_kind(lead: str) -> bool:
    return all(w in _KIND_WORDS for w in words(lead))


_DIGIT = re.compile(r"\d")


def _content(text: str) -> frozenset[str]:
    """The task's content words and the pairs of them it writes side by side: a pair ("hạ tầng số", "camera
    giám sát") says more than its words apart, so both count."""
    ws = [w if (w not in STOP_FOLDED and len(w) > 1 and not _DIGIT.search(w)) else ""
          for w in words(text)]  # a number, date or document code ("36-nq/tw") is a reference, not what is done
    return frozenset([w for w in ws if w] + [f"{a} {b}" for a, b in zip(ws, ws[1:]) if a and b])


class ParaphrasedDuties:
    """A body task restated in other words by one unit's duty (its paragraph in "Tổ chức thực hiện", an appendix
    row): the task takes that unit as its lead, and the statement is recorded as where it was read. An appendix row
    is the task's own restatement, so its phối hợp and thời hạn are the task's too (`take_row_facts`), also for a
    task whose lead a unit's claim on its section gave when a row of that unit restates it; a unit's paragraph
    gives no thời hạn (its time dates the paragraph). Besides: a row of another unit restating such a task at
    `PARAPHRASE_OVERRIDE_SHARE` outweighs the claim on its whole section; a clause opening with no act among tasks
    that do is linked at `PARAPHRASE_UNOPENED_MIN_SHARE`; two units restating a task about as well are told apart
    by the one doing the task's act to its object (`act_object`); and a unit's duty restated by its own appendix
    row takes the row's phối hợp, thời hạn and product where it states none."""

    mechanism = "paraphrase"

    def extract(self, ctx: Context) -> None:
        self._link(ctx)
        NamedItemRows().extract(ctx)  # then the rows naming a linked task's item (no lead of their own to give)
        UnanimousUnitRows().extract(ctx)  # then what all of a unit's rows say alike, for its tasks still without

    def _link(self, ctx: Context) -> None:
        clauses = ctx.clauses
        appendices = _appendices_start(ctx)
        statements = [p for p, c in enumerate(clauses)
                      if c.lead and c.lead_source is not None and c.lead_source.mechanism not in LINKER_MECHANISMS
                      and ((c.kind == "table_row" and p >= appendices) or (
                          c.kind in ("item", "bullet", "paragraph", "table_row") and in_assignment_section(ctx, p)))
                      and not COORDINATING_DUTY.match(ctx.body(p)) and not _group_by_kind(c.lead)
                      and not any(LEGAL_PART.match(s) for s in c.section_path)]
        if not statements:
            return
        body = [p for p, c in enumerate(clauses)
                if c.kind in ("item", "bullet", "paragraph") and c.section_path
                and not c.appendix and not in_assignment_section(ctx, p)
                and not any(INDICATOR_SECTION.search(s) or _NOT_TASKS.search(s) or LEGAL_PART.match(s)
                            for s in c.section_path)]
        opened = {p for p in body if _is_task(ctx.body(p))}
        body_tasks = [p for p in body if p in opened]
        tasks = [p for p in body_tasks if clauses[p].lead is None]
        # a clause of the body opening with no act ("Cơ chế giám sát, nhằm đảm bảo …", "Đẩy nhanh tốc độ phủ mạng …")
        # among tasks that do is a task too, when a duty restates most of it (`PARAPHRASE_UNOPENED_MIN_SHARE`); one
        # among a procedure's steps, a file's papers or a budget's sources is none
        unopened = [p for p in body if p not in opened and clauses[p].lead is None and _among_tasks(ctx, p, opened)]
        # tasks whose lead a unit's paragraph gave for their whole section ("… trong lĩnh vực y tế của Kế hoạch"):
        # an appendix row of the same unit restating one of them still gives its phối hợp and thời hạn
        by_section = [p for p in body_tasks if (src := clauses[p].lead_source) is not None
                      and src.mechanism in SECTION_LINKS and src.clause_id != clauses[p].id]
        if not tasks and not by_section:
            return
        # rarity among the clauses compared (the body's tasks and the duties): what every task says ("triển khai",
        # "thực hiện") tells no unit apart
        bags = {p: _content(ctx.body(p) if clauses[p].kind != "table_row" else clauses[p].text)
                for p in (*tasks, *statements)}
        df = Counter(w for bag in bags.values() for w in bag)
        n = len(bags)
        idf = {w: math.log(1 + n / d) for w, d in df.items()}
        units = {p: " ".join(words(clauses[p].lead or "")) for p in statements}  # one unit however it is cased
        said: dict[str, list[int]] = {}  # each word or pair → the statements that say it
        for p in statements:
            for w in bags[p]:
                said.setdefault(w, []).append(p)
        for p in (*by_section, *unopened):  # compared, not counted: the words' rarity is the same as without them
            bags[p] = _content(ctx.body(p))
        rows = {p for p in statements if clauses[p].kind == "table_row" and p >= appendices and clauses[p].section_path}
        acts_said: dict[int, str] = {}  # each statement's folded words, read when two units tie (`_act_best`)
        titles: dict[str, frozenset[str]] = {}

        def title_words(title: str) -> frozenset[str]:
            if title not in titles:
                titles[title] = _content(ITEM_OPENER.sub("", title.lstrip("*_ ")))
            return titles[title]

        def group_share(pos: int, row: int) -> float:
            """The rare share of the task's section title that the row's group title restates."""
            mine, group = title_words(clauses[pos].section_path[-1]), title_words(clauses[row].section_path[-1])
            total = math.fsum(idf.get(w, math.log(1 + n)) for w in mine)
            return math.fsum(idf.get(w, math.log(1 + n)) for w in mine & group) / total if total else 0.0

        tops: dict[int, list[tuple[float, str, int]]] = {}  # each body task → its units' best statements, best first
        for pos in (*tasks, *by_section, *unopened):
            mine = bags[pos]
            if sum(" " not in w for w in mine) < PARAPHRASE_MIN_WORDS:
                continue
            total = math.fsum(idf.get(w, math.log(1 + n)) for w in mine)
            weight: dict[int, float] = {}  # (plain dicts: a Counter's missing key costs a Python call, here in
            count: dict[int, int] = {}     # the innermost loop of the parser)
            for w in sorted(mine):  # in one order whatever the hash seed: the same sums, the same answer
                rarity = idf.get(w, math.log(1 + n))
                for p in said.get(w, ()):
                    weight[p] = weight.get(p, 0.0) + rarity
                    count[p] = count.get(p, 0) + 1
            if pos in unopened:
                if (best := self._clear_best(count, weight, total, units, PARAPHRASE_UNOPENED_MIN_SHARE)) is not None:
                    link_lead(ctx, pos, best, self.mechanism)
                    if clauses[best].kind == "table_row" and best >= appendices:
                        take_row_facts(ctx, pos, best)
                continue
            if pos in tasks:
                tops[pos] = self._ranked_units(count, weight, total, units)
            best = self._clear_best(count, weight, total, units, PARAPHRASE_MIN_SHARE)
            if best is None and (groups := {p for p in count
                                            if p in rows and group_share(pos, p) >= PARAPHRASE_GROUP_TITLE_SHARE}):
                # only the rows of the groups on the task's topic, and the units' paragraphs, are rivals
                mine_only = {p: k for p, k in count.items() if p in groups or p not in rows}
                best = self._clear_best(mine_only, weight, total, units, PARAPHRASE_GROUP_MIN_SHARE)
                if best is not None and best not in groups:
                    best = None  # a unit's paragraph at this share is no restatement: the group is what tells
            if best is None:
                best = self._act_best(ctx, ctx.body(pos), count, weight, total, units, acts_said)
            if best is None:
                continue
            row = clauses[best].kind == "table_row" and best >= appendices
            if clauses[pos].lead is None:
                link_lead(ctx, pos, best, self.mechanism)
                if row:
                    take_row_facts(ctx, pos, best)  # the row is the task's own restatement, not a unit's paragraph
            elif row and names_unit(clauses[best].lead, clauses[pos].lead):
                take_row_facts(ctx, pos, best, linked=True)
            elif row and weight[best] / total >= PARAPHRASE_OVERRIDE_SHARE:
                # a row restating this task names its own lead: it outweighs a claim on the task's whole section
                c = clauses[pos]
                c.partners = None
                link_lead(ctx, pos, best, self.mechanism)
                take_row_facts(ctx, pos, best)
        # where an appendix group is on a section's topic, its rows say who leads the section's tasks, not the
        # agreement of loose restatements (`PARAPHRASE_GROUP_*`); asked only of a section that agrees
        self._sections_agreeing(ctx, tops, appendices, lambda p: any(group_share(p, r) >= PARAPHRASE_GROUP_TITLE_SHARE
                                                                      for r in rows))
        if rows:
            self._duties_restated_by_rows(ctx, [p for p in statements if p not in rows], rows, bags, idf, n, units)

    def _duties_restated_by_rows(self, ctx: Context, duties: list[int], rows: set[int],
                                 bags: dict[int, frozenset[str]], idf: dict[str, float], n: int,
                                 units: dict[int, str]) -> None:
        """A unit's duty in "Tổ chức thực hiện" ("- Hướng dẫn, hỗ trợ nông dân, hợp tác xã, doanh nghiệp ứng dụng
        công nghệ cao, công nghệ số …") that an appendix row of the same unit restates ("Hướng dẫn hợp tác xã, nông
        dân ứng dụng công nghệ số …" | Sở X | Viện, Trường; Sở, ban, ngành có liên quan | 2025 - 2030): the row is
        the duty's own restatement, so its phối hợp, thời hạn and product are the duty's where the duty states none
        (its own "giai đoạn 2026 - 2030" it keeps). The row must restate the duty at `PARAPHRASE_MIN_SHARE` and better
        than any row of another unit, by `PARAPHRASE_MARGIN`; a duty claiming many tasks ("… các nhiệm vụ …")
        restates no one row."""
        clauses = ctx.clauses
        by_word: dict[str, list[int]] = {}
        for p in sorted(rows):
            for w in bags[p]:
                by_word.setdefault(w, []).append(p)
        row_units = {units[p] for p in rows}
        for pos in duties:
            c = clauses[pos]
            if (c.partners and c.deadline) or units[pos] not in row_units or _CLAIMS_TASKS.search(c.text):
                continue  # (a unit with no row of its own has no restatement to read)
            mine = bags[pos]
            if sum(" " not in w for w in mine) < PARAPHRASE_MIN_WORDS:
                continue
            total = math.fsum(idf.get(w, math.log(1 + n)) for w in mine)
            weight: dict[int, float] = {}
            count: dict[int, int] = {}
            for w in sorted(mine):
                rarity = idf.get(w, math.log(1 + n))
                for p in by_word.get(w, ()):
                    weight[p] = weight.get(p, 0.0) + rarity
                    count[p] = count.get(p, 0) + 1
            best = self._clear_best(count, weight, total, units, PARAPHRASE_MIN_SHARE)
            if best is None and not claimed_field(c.text, c.lead):
                best = self._own_unit_row(count, weight, total, c.lead, clauses)
            if best is not None and names_unit(clauses[best].lead, c.lead):
                row = clauses[best]
                c.partners = c.partners or row.partners
                if c.deadline is None and row.deadline:
                    c.deadline, c.deadline_source = row.deadline, DeadlineSource("appendix_table", row.id, row.lines)
                c.product = c.product or row.product

    @staticmethod
    def _ranked_units(count: dict[int, int], weight: dict[int, float], total: float,
                      units: dict[int, str]) -> list[tuple[float, str, int]]:
        """Each unit's best statement restating the task: (share, unit, statement), best first."""
        by_unit: dict[str, tuple[float, int]] = {}
        for p in sorted(count):  # the first statement of the plan on a tie
            if count[p] >= PARAPHRASE_MIN_SHARED and (share := weight[p] / total) > by_unit.get(units[p], (0.0, -1))[0]:
                by_unit[units[p]] = (share, p)
        return sorted(((share, unit, p) for unit, (share, p) in by_unit.items()), reverse=True)

    def _sections_agreeing(self, ctx: Context, tops: dict[int, list[tuple[float, str, int]]], appendices: int,
                           group_on_topic: Callable[[int], bool]) -> None:
        """The tasks of one section the plan's duties restate too loosely to link one by one ("2. Phát triển hạ tầng
        số: - Đầu tư …; - Nâng cấp …; - Phát triển …"): when every such task of the section is restated best by the
        same unit's duties, each at `SECTION_AGREED_MIN_SHARE` at least and none under it, and no task of the section
        has another lead (at least `SECTION_AGREED_MIN_TASKS` tasks agreeing, those the unit leads already counted),
        the section is that unit's and each task takes its own best statement of that unit. A task that only
        coordinates ("Phối hợp thu thập …") is not that unit's, and makes no section agree; where an appendix group is
        on the section's topic, its rows decide (`PARAPHRASE_GROUP_*`), not this agreement."""
        clauses = ctx.clauses
        sections: dict[int, list[int]] = {}
        for pos, ranked in tops.items():
            if ranked and clauses[pos].lead is None and (parent := ctx.nodes[pos].parent) is not None:
                sections.setdefault(parent, []).append(pos)
        for parent, members in sections.items():
            agreed = {tops[p][0][1] for p in members}
            if len(agreed) != 1 or any(tops[p][0][0] < SECTION_AGREED_MIN_SHARE for p in members) or any(
                    COORDINATING_DUTY.match(ctx.body(p)) for p in members):
                continue
            unit = next(iter(agreed))
            if any(_serves(ctx.body(p), unit) for p in members):
                continue  # the section's tasks are done for bodies of the unit's kind, not by them
            led = [" ".join(words(clauses[p].lead)) for p in ctx.nodes[parent].children if clauses[p].lead is not None]
            if any(u != unit for u in led):
                continue  # another unit leads a task of the section: the section is not one unit's
            if len(members) + len(led) < SECTION_AGREED_MIN_TASKS:
                continue  # (a task the unit's duty restates closely, linked already, agrees too)
            if any(group_on_topic(p) for p in members):
                continue
            rows = [tops[p][0][2] for p in members if clauses[tops[p][0][2]].kind == "table_row"]
            if len(rows) != len(set(rows)):
                continue  # one appendix row restating two tasks names neither (a row is one task), not the section
            for pos in members:
                best = tops[pos][0][2]
                link_lead(ctx, pos, best, self.mechanism)
                if clauses[best].kind == "table_row" and best >= appendices:
                    take_row_facts(ctx, pos, best)

    @staticmethod
    def _own_unit_row(count: dict[int, int], weight: dict[int, float], total: float, lead: str,
                      clauses: list[Clause]) -> int | None:
        """Among the rows of the duty's own unit only (a row restating the duty names that unit: another unit's row
        is no candidate), the one restating the duty at `DUTY_ROW_MIN_SHARE`, by `PARAPHRASE_MARGIN` over the
        unit's next best row; else None."""
        ranked = sorted(((weight[p] / total, p) for p in count
                         if count[p] >= PARAPHRASE_MIN_SHARED and names_unit(clauses[p].lead, lead)), reverse=True)
        return _margin_winner(ranked, DUTY_ROW_MIN_SHARE)

    @classmethod
    def _act_best(cls, ctx: Context, body: str, count: dict[int, int], weight: dict[int, float], total: float,
                  units: dict[int, str], said: dict[int, str]) -> int | None:
        """Two units' duties restate the task about as well by its words: the one that does what the task does, to
        what it does it to ("Tổ chức quản lý, vận hành Hệ thống cơ sở dữ liệu …" and "Quản lý, vận hành Hệ thống
        thông tin …", not "Đào tạo … về hệ thống …"), is the restatement, when it is the only unit's that does."""
        # the statements that could be the restatement or its rival (one under the bar over the margin is neither)
        near = [p for p, k in count.items()
                if k >= PARAPHRASE_MIN_SHARED and weight[p] * PARAPHRASE_MARGIN >= PARAPHRASE_MIN_SHARE * total]
        if len(near) < 2 or not (pairs := act_object(body)):
            return None
        for p in near:
            if p not in said:
                c = ctx.clauses[p]
                said[p] = f" {' '.join(words(c.text if c.kind == 'table_row' else ctx.body(p)))} "
        doing = {p: count[p] for p in near if any(f" {a} " in said[p] for a in pairs)}
        return cls._clear_best(doing, weight, total, units, PARAPHRASE_MIN_SHARE) if doing else None

    @classmethod
    def _clear_best(cls, count: dict[int, int], weight: dict[int, float], total: float, units: dict[int, str],
                    min_share: float) -> int | None:
        """The statement that restates the largest rare share of the task, when its unit reaches ``min_share`` and
        beats every other unit's best statement by `PARAPHRASE_MARGIN` (another unit's duty restating the task about
        as well: the plan does not say which); else None."""
        return _margin_winner([(share, p) for share, _, p in cls._ranked_units(count, weight, total, units)], min_share)


def _margin_winner(ranked: list[tuple[float, int]], min_share: float) -> int | None:
    """The first of ``ranked`` (share, statement), best first, when it reaches ``min_share`` and beats the next by
    `PARAPHRASE_MARGIN`; else None."""
    if not ranked or ranked[0][0] < min_share:
        return None
    if len(ranked) > 1 and ranked[0][0] < PARAPHRASE_MARGIN * ranked[1][0]:
        return None
    return ranked[0][1]


# Bodies of a kind a task is done for: "… mang lại hiệu quả rõ rệt cho doanh nghiệp", "Giúp doanh nghiệp giảm chi phí",
# "Cung cấp khóa đào tạo cho đội ngũ kỹ thuật của các doanh nghiệp": the group of that kind ("Các doanh nghiệp thứ cấp
# …") is who the section serves, so the agreement of its duties' words says nothing of who leads it.
# (both read folded, as `words` gives them: "cho", "giup", "ho tro", "cua"; "cac", "nhung")
_SERVED = r"\b(?:cho|giup|ho tro|cua)\s+(?:\S+\s+){0,3}?(?:cac\s+|nhung\s+)?"
_GROUP_KIND = re.compile(r"^(?:cac|nhung)\s+(?P<kind>\S+\s+\S+)")


def _serves(body: str, unit: str) -> bool:
    """The task names the kind of body the unit (a group by its kind: "các doanh nghiệp …") is, as whom it serves."""
    m = _GROUP_KIND.match(unit)
    return m is not None and re.search(_SERVED + re.escape(m["kind"]) + r"\b", " ".join(words(body))) is not None


def _among_tasks(ctx: Context, pos: int, opened: set[int]) -> bool:
    """A clause written as a sentence of its own (not a title, an aside in brackets or a quotation) whose
    section's other clauses mostly open with an act (`_is_task`): a list of tasks, not of a file's papers
    ("Tờ trình …", "Báo cáo tình hình …", "Dự thảo Quyết định …")."""
    body = ITEM_OPENER.sub("", ctx.body(pos).lstrip("*_ "))
    if not body or body.isupper() or body[0] in _ASIDE_OPENERS:
        return False
    parent = ctx.nodes[pos].parent
    siblings = [p for p in (ctx.nodes[parent].children if parent is not None else []) if p != pos]
    return sum(p in opened for p in siblings) > len(siblings) / 2


_ASIDE_OPENERS = "(\"“‘'["


# A duty that claims many tasks ("Chủ trì, phối hợp triển khai các nhiệm vụ phát triển hạ tầng định danh, …", "…
# các nội dung về …") restates no one row, however many of a row's words it says.
_CLAIMS_TASKS = re.compile(r"\b(?:các|những)\s+(?:nhiệm vụ|nội dung|giải pháp)\b", re.I)


# A task's acts are the duty verbs and acts it opens with ("Tổ chức quản lý, vận hành …"), each read with the head
# of what it is done to, the first word after the acts ("hệ thống"): "vận hành hệ thống". The manner words before an
# act ("Tăng cường", "Đẩy mạnh", "Tiếp tục") say how, not what.
_ACTS = sorted({*RESPONSIBILITY_VERBS, *DUTY_VERBS, *TASK_OPENERS}, key=len, reverse=True)
_ACT = re.compile(r"^(?:%s)\b[\s,/]*(?:và\s+)?" % "|".join(map(re.escape, _ACTS)), re.I)
_MANNERS = frozenset(" ".join(words(m)) for m in ("chủ trì", "phối hợp", "tham mưu", "tiếp tục", "tăng cường",
                                                   "đẩy mạnh", "tập trung", "thường xuyên", "chủ động", "khẩn trương",
                                                   "định kỳ", "kịp thời"))
_ARTICLES = frozenset(words("các những mọi một số toàn bộ"))


def act_object(body: str) -> list[str]:
    """The folded "act object-head" pairs of a task ("Tổ chức quản lý, vận hành Hệ thống cơ sở dữ liệu …" →
    ["to chuc he thong", "quan ly he thong", "van hanh he thong"]); none when it opens with no act."""
    text = ITEM_OPENER.sub("", body.lstrip("*_ "))
    acts = []
    while (m := _ACT.match(text)) and m.end() > 0:
        act = " ".join(words(m.group(0)))
        if act and act not in _MANNERS:
            acts.append(act)
        text = text[m.end():]
    head = next((w for w in words(text[:80]) if w not in _ARTICLES), None)
    if not acts or head is None or head in STOP_FOLDED:
        return []
    return [f"{a} {head}" for a in acts]


# A row's task cell that lists what it deploys by name ("Triển khai Nền tảng dữ liệu số nông nghiệp; Nền tảng số kết
# nối người nông dân với chuyên gia; Nền tảng truy xuất nguồn gốc nông sản"): each named item is read by its first
# words, as many as tell one item from another ("nền tảng quản lý dược" and "nền tảng quản lý tiêm chủng" share four).
NAMED_ITEM_WORDS = 5
NAMED_ITEM_OPENING = 12  # the item is what the task deploys, named in its opening ("Xây dựng và tổ chức triển khai
# Nền tảng hồ sơ sức khỏe …"), not a thing its later words mention in passing
_CELL_INTRO = re.compile(r"^.*:\s*")  # "Triển khai các nền tảng: …" → the list after the colon


def named_items(cell: str) -> list[tuple[str, ...]]:
    """The opening words of each item a row's task cell lists, its act stripped ("Triển khai Nền tảng …"); none for
    a cell that states one task ("Hợp tác giữa cơ quan nhà nước và doanh nghiệp …"): its opening words are a
    task's wording, which another task may share, not a name."""
    parts = cell.split(";")
    if len(parts) < 2:
        return []
    out = []
    for part in parts:
        part = _CELL_INTRO.sub("", part.strip())
        while (m := TASK_START.match(part) or _TASK_OPENER.match(part)) and m.end() > 0:
            part = re.sub(r"^[\s,]*(?:và\s+)?", "", part[m.end():])
        ws = tuple(words(part))
        if len(ws) >= NAMED_ITEM_WORDS:
            out.append(ws[:NAMED_ITEM_WORDS])
    return out


def section_claimed_lacking(c: Clause) -> bool:
    """A body task whose lead a unit's claim on its section gave (`SECTION_LINKS`) and which still lacks its phối hợp
    or thời hạn: what an appendix row of that unit may complete (`NamedItemRows`, `UnanimousUnitRows`)."""
    src = c.lead_source
    return bool(c.lead) and src is not None and src.mechanism in SECTION_LINKS and not (c.partners and c.deadline)


class NamedItemRows:
    """A task whose lead a unit's claim on its section gave ("Chủ trì … các nhiệm vụ … trong lĩnh vực y tế"), that
    names one of the items an appendix row of the same unit lists ("- Nền tảng quản lý tiêm chủng; tích hợp …" and
    the row "Triển khai các nền tảng: …; Nền tảng quản lý tiêm chủng thống nhất trên toàn quốc; …"): the row is
    that task's restatement too, so its phối hợp and thời hạn are the task's (`take_row_facts`). The item is named
    by one row only: an item two rows name says no row in particular. Run by `ParaphrasedDuties` after its links
    (it gives no lead, so it is no mechanism of its own: the facts it takes are recorded as the row's,
    "appendix_table")."""

    def extract(self, ctx: Context) -> None:
        clauses = ctx.clauses
        appendices = _appendices_start(ctx)
        by_item: dict[str, set[int]] = {}
        for p in range(appendices, len(clauses)):
            c = clauses[p]
            if c.kind == "table_row" and c.lead and (c.partners or c.deadline):
                for item in named_items((c.columns or {}).get("noi_dung") or ""):
                    by_item.setdefault(" ".join(item), set()).add(p)
        if not by_item:
            return
        # each item indexed by its first word, so a task looks only at the items its own words could open
        firsts: dict[str, list[str]] = {}
        for item in by_item:
            firsts.setdefault(item.split()[0], []).append(item)
        for pos in range(appendices):
            c = clauses[pos]
            if c.kind not in ("item", "bullet", "paragraph") or not section_claimed_lacking(c):
                continue
            ws = words(ctx.body(pos))[:NAMED_ITEM_OPENING]
            text = f" {' '.join(ws)} "
            rows = {r for w in set(ws) for item in firsts.get(w, ()) if f" {item} " in text for r in by_item[item]}
            if len(rows) == 1 and names_unit(clauses[(row := next(iter(rows)))].lead, c.lead):
                take_row_facts(ctx, pos, row, linked=True)


UNANIMOUS_MIN_ROWS = 3  # a unit's rows agreeing on a cell: fewer than this is a coincidence, not the plan's rule


class UnanimousUnitRows:
    """A task whose lead a unit's claim on its section gave ("Sở Công Thương: chủ trì … các nhiệm vụ … trong lĩnh
    vực công thương"), in a plan whose appendix lists that unit's tasks in rows that all state the same phối hợp
    ("Các sở, ban, ngành; UBND các phường, xã") or the same thời hạn ("2026 - 2030"): whichever row restates the
    task (its words may share too little with any one row to tell), the cell is the same, so it is the task's too,
    where the task states none (`own_time`). At least `UNANIMOUS_MIN_ROWS` rows of the unit, every one stating the
    cell alike; a product differs row by row and is never taken. Run by `ParaphrasedDuties` after its links (it
    gives no lead: the facts it takes are recorded as the rows', "appendix_table")."""

    def extract(self, ctx: Context) -> None:
        clauses = ctx.clauses
        appendices = _appendices_start(ctx)
        by_unit: dict[str, list[int]] = {}
        for p in range(appendices, len(clauses)):
            c = clauses[p]
            if c.kind == "table_row" and c.lead:
                by_unit.setdefault(" ".join(words(c.lead)), []).append(p)
        if not by_unit:
            return
        agreed: dict[str, tuple[str | None, int | None]] = {}  # unit → (its rows' one phối hợp, one row with their thời hạn)
        for pos in range(appendices):
            c = clauses[pos]
            if (c.kind == "table_row" or not section_claimed_lacking(c) or c.lead_source.clause_id == c.id
                    or not self._task(ctx, pos)):
                continue
            unit = " ".join(words(c.lead))
            if unit not in agreed:
                agreed[unit] = self._agreed(ctx, by_unit.get(unit, []))
            partners, dated = agreed[unit]
            if partners and not c.partners:
                c.partners = partners
            if dated is not None and not own_time(c):
                row = clauses[dated]
                c.deadline, c.deadline_source = row.deadline, DeadlineSource("appendix_table", row.id, row.lines)

    @staticmethod
    def _task(ctx: Context, pos: int) -> bool:
        """A task (`_is_task`: it opens with what is done) or an item a task lists ("b) Xây dựng … một số nền tảng
        …, bao gồm: - Nền tảng quản lý dược;"), not a section's title ("2.1. Du lịch") nor a list's lead-in ("Các
        nhiệm vụ trọng tâm bao gồm:")."""
        if _is_task(ctx.body(pos)):
            return True
        parent = ctx.nodes[pos].parent
        return parent is not None and _is_task(ctx.body(parent))

    @staticmethod
    def _agreed(ctx: Context, rows: list[int]) -> tuple[str | None, int | None]:
        if len(rows) < UNANIMOUS_MIN_ROWS:
            return None, None
        cs = [ctx.clauses[p] for p in rows]
        partners = {" ".join(words(c.partners or "")) for c in cs}
        deadlines = {" ".join(words(c.deadline or "")) for c in cs}
        return (cs[0].partners if len(partners) == 1 and "" not in partners else None,
                rows[0] if len(deadlines) == 1 and "" not in deadlines else None)
