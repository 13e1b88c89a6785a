"""Tasks and indicators of the loaded plans, read from the clause store, and their export.

Who does what by when is already in the clauses (lead, partners, deadline,
product, target, as the corpus read them); this module only selects, filters
and tabulates them, so the task table and the answers can never disagree.
"""
from __future__ import annotations

import csv
import functools
import io
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from corpus.metadata import cited_number
from corpus.model import Clause, Document
from corpus.text import NOT_INDICATOR_NAME_WORDS
from index.text import expand_abbreviations, fold, normalize
from retrieval.contract import (
    ComparisonPoint,
    DocumentInfo,
    IndicatorComparison,
    IndicatorRow,
    PlanClause,
    PlanRef,
    PlanView,
    TargetModel,
    TaskRow,
)
from retrieval.lead_source import lead_source

# Clause kinds that can be a task. Headings assign work ("1. Phòng Kinh tế chủ trì …") rather than
# being a task; letterhead and footers carry the plan's own period, not a task's deadline.
TASK_KINDS = ("item", "bullet", "table_row", "paragraph")
# A clause of another plan is the same indicator when it holds this share of the indicator's words,
# weighted by rarity among all indicators ("tỷ lệ" is in half of them, "bảo hiểm y tế" in one or two).
SAME_INDICATOR_SHARE = 0.6
_LABEL = re.compile(r"^\s*(?:[-+•–]\s*)?(?:\(\d+\)|\d+(?:\.\d+)*\.?|[a-zđ][.)])\s*", re.I)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _IndicatorWords:
    """The words naming each indicator clause (by clause id) and each word's rarity weight, in one spelling."""

    tokens: dict[str, set[str]]
    weights: dict[str, float]


class CatalogError(ValueError):
    """A filter naming a plan or locality the index does not have; the message is for the user."""


def plan_ref(doc: Document) -> PlanRef:
    return PlanRef(doc_id=doc.id, title=doc.title, number=doc.number, cited_number=cited_number(doc.number),
                   kind=doc.kind, locality=doc.locality.label(), source=doc.source)


def is_recurring(c: Clause) -> bool:
    """The task falls due again and again ("hằng năm", "hàng quý", "trước ngày 16 hàng tháng", "thường xuyên"),
    as the corpus read its thời hạn (`Clause.deadline_kinds`): due in every year a filter asks for."""
    return "recurring" in c.deadline_kinds


def _target(c: Clause) -> TargetModel | None:
    return TargetModel(**c.target.to_dict()) if c.target else None


def _indicator_name(c: Clause) -> str:
    return _LABEL.sub("", c.text.strip(), count=1).rstrip(" .;:") or c.text.strip()


def _unit_matches(unit_folded: str, value: str | None) -> bool:
    return bool(value) and unit_folded in fold(value)


class Catalog:
    """Views over one loaded index: plan text, task and indicator tables, cross-plan comparison."""

    def __init__(self, documents: dict[str, Document], clauses: Sequence[Clause],
                 abbreviations: dict[str, str] | None = None,
                 document_info: dict[str, DocumentInfo] | None = None) -> None:
        self.documents = documents
        self.clauses = list(clauses)
        self.abbreviations = abbreviations
        self._info = document_info or {}
        # a pure function of the immutable clauses; two entries: the accented and the folded spelling
        self._words = functools.lru_cache(maxsize=2)(self._indicator_words)

    @classmethod
    def of(cls, retriever) -> "Catalog":
        """The catalog of a loaded :class:`retrieval.Retriever` (shares its clause store)."""
        store = retriever.store
        info = {d.id: d for d in retriever.documents()}
        return cls(store.documents, store.clauses, getattr(store, "abbreviations", None), info)

    # ------------------------------------------------------------------ selection
    def doc_filter(self, doc_id: str | None = None, locality: str | None = None) -> list[str]:
        """Document ids for one plan, one locality ("xã An Hưng" or "An Hưng"), or all."""
        if doc_id:
            if doc_id not in self.documents:
                raise CatalogError(f"Không có kế hoạch mã '{doc_id[:80]}'. (Unknown document id.)")
            ids = [doc_id]
        else:
            ids = list(self.documents)
        if locality and locality.strip():
            want = fold(locality).strip()
            ids = [d for d in ids if want in (fold(self.documents[d].locality.label() or ""),
                                              fold(self.documents[d].locality.name or ""))]
            if not ids:
                known = ", ".join(sorted({d.locality.label() for d in self.documents.values()
                                          if d.locality.label()}))
                raise CatalogError(f"Không có kế hoạch nào của {locality.strip()[:80]}. "
                                   f"Các địa phương hiện có: {known}. (Unknown locality.)")
        return ids

    def _clauses_of(self, ids: Iterable[str]) -> list[Clause]:
        wanted = set(ids)
        return [c for c in self.clauses if c.doc_id in wanted]

    # ------------------------------------------------------------------ tasks
    def tasks(self, doc_id: str | None = None, locality: str | None = None, unit: str | None = None,
              year: int | None = None, include_recurring: bool = True,
              with_partners: bool = False) -> list[TaskRow]:
        """Tasks with their lead, partners, deadline and product, in plan order.

        ``unit`` keeps tasks the unit leads (and, ``with_partners``, those it joins);
        ``year`` keeps tasks falling due that year, plus yearly ones unless told otherwise.
        """
        unit_folded = fold(unit).strip() if unit and unit.strip() else None
        rows: list[TaskRow] = []
        for c in self._clauses_of(self.doc_filter(doc_id, locality)):
            if c.kind not in TASK_KINDS or c.target is not None:
                continue
            if not (c.lead or c.product or (c.deadline and c.kind != "paragraph")):
                continue
            if unit_folded and not (_unit_matches(unit_folded, c.lead)
                                    or (with_partners and _unit_matches(unit_folded, c.partners))):
                continue
            due, recurring = c.due_year, is_recurring(c)
            if year is not None and not (due == year or (include_recurring and recurring)):
                continue
            rows.append(TaskRow(clause_id=c.id, plan=plan_ref(self.documents[c.doc_id]), section=c.section,
                                label=c.label, text=c.text, lines=list(c.lines), lead=c.lead,
                                lead_source=lead_source(c), partners=c.partners, deadline=c.deadline,
                                due_year=due, recurring=recurring, product=c.product))
        return rows

    def units(self, doc_id: str | None = None, locality: str | None = None) -> list[str]:
        """Units leading at least one task or indicator, most frequent first (for a filter list): the typed
        `Clause.lead_units` the corpus read, official names with a comma inside kept whole."""
        counts: Counter[str] = Counter()
        for c in self._clauses_of(self.doc_filter(doc_id, locality)):
            if c.kind != "heading":
                counts.update(c.lead_units)
        return [u for u, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    # ------------------------------------------------------------------ indicators
    def indicators(self, doc_id: str | None = None, locality: str | None = None,
                   unit: str | None = None, year: int | None = None) -> list[IndicatorRow]:
        """Every chỉ tiêu with a parsed target, with its unit, year and lead, in plan order."""
        unit_folded = fold(unit).strip() if unit and unit.strip() else None
        rows: list[IndicatorRow] = []
        for c in self._clauses_of(self.doc_filter(doc_id, locality)):
            if c.target is None or c.kind in ("header", "footer", "table_header"):
                continue
            if unit_folded and not _unit_matches(unit_folded, c.lead):
                continue
            the_year = c.target.year or c.due_year
            if year is not None and the_year != year:
                continue
            rows.append(IndicatorRow(clause_id=c.id, plan=plan_ref(self.documents[c.doc_id]),
                                     section=c.section, label=c.label, name=_indicator_name(c),
                                     target=_target(c), year=the_year, lead=c.lead,
                                     lead_source=lead_source(c), lines=list(c.lines)))
        return rows

    def _tokens(self, text: str, accented: bool) -> set[str]:
        """Syllables with abbreviations expanded both ways ("BHYT" ↔ "bảo hiểm y tế").

        Accented when the words asked are: folding makes "hộ nghèo" meet "hồ sơ".
        """
        norm = normalize(expand_abbreviations(text, self.abbreviations))
        return {w for w in _WORD.findall(norm if accented else fold(norm))
                if not any(ch.isdigit() for ch in w) and fold(w) not in NOT_INDICATOR_NAME_WORDS}

    def _indicator_words(self, accented: bool) -> _IndicatorWords:
        """The words naming every indicator clause (its target's own text left out), and their rarity weights.

        Computed once per spelling for all indicators: a comparison weighs its words against all of them.
        """
        tokens: dict[str, set[str]] = {}
        df: Counter[str] = Counter()
        n = 0
        for c in self.clauses:
            if c.target is None:
                continue
            n += 1
            name = _indicator_name(c)
            if c.target.text:
                name = name.replace(c.target.text, " ")
            tokens[c.id] = self._tokens(name, accented)
            df.update(tokens[c.id])
        return _IndicatorWords(tokens, {t: math.log(1 + max(1, n) / k) for t, k in df.items()})

    def compare(self, query: str | None = None, clause_id: str | None = None) -> IndicatorComparison:
        """One indicator across the plans that set it: the best-matching target clause per plan.

        The indicator is named by words ("bảo hiểm y tế", "BHYT") or by one of its clauses.
        Points in the unit most plans use are charted; the rest are listed apart.
        """
        label, accented, wanted, source = self._asked(query, clause_id)
        best = self._best_per_plan(wanted, self._words(accented), clause_id)
        points = [ComparisonPoint(plan=plan_ref(self.documents[c.doc_id]), clause_id=c.id, lines=list(c.lines),
                                  name=_indicator_name(c),
                                  value=c.target.values[-1], target=_target(c), match=round(share, 3))
                  for share, c in best.values()]
        if source is not None:
            unit = source.target.unit or ""  # the clause compared sets the unit
        else:
            units = Counter((p.target.unit or "") for p in points)
            unit = units.most_common(1)[0][0] if units else None
        charted = [p for p in points if (p.target.unit or "") == unit]
        others = [p for p in points if (p.target.unit or "") != unit]
        charted.sort(key=lambda p: (p.plan.locality or "", p.plan.title or ""))
        return IndicatorComparison(query=label, unit=unit or None, points=charted, other_units=others)

    def _asked(self, query: str | None, clause_id: str | None) -> tuple[str, bool, set[str], Clause | None]:
        """The indicator asked for: (label, accented, its words, the clause named or None).

        A clause's words are matched accented; a query's only when it is written with diacritics.
        """
        if clause_id:
            source = next((c for c in self.clauses if c.id == clause_id), None)
            if source is None or source.target is None:
                raise CatalogError(f"'{clause_id[:80]}' không phải một chỉ tiêu có số liệu. "
                                   "(Not an indicator clause.)")
            return _indicator_name(source), True, self._words(True).tokens[source.id], source
        label = (query or "").strip()
        if not label:
            raise CatalogError("Cần tên chỉ tiêu để so sánh. (Give an indicator to compare.)")
        accented = not fold(label) == normalize(label)
        return label, accented, self._tokens(label, accented), None

    def _best_per_plan(self, wanted: set[str], words: _IndicatorWords,
                       clause_id: str | None) -> dict[str, tuple[float, Clause]]:
        """Each plan's target clause holding the largest rarity-weighted share of the wanted words.

        Only shares of at least SAME_INDICATOR_SHARE count; the clause named is its own match (1.0).
        A word no indicator uses weighs as much as the rarest one.
        """
        weights = words.weights
        default_weight = max(weights.values(), default=1.0)

        def weight(tokens: set[str]) -> float:
            # summed in sorted order: a set's order follows Python's hash seed, and so would the last bits of
            # the sum, letting a clause holding all the wanted words tie or beat the named clause by chance
            return sum(weights.get(t, default_weight) for t in sorted(tokens))

        total = weight(wanted)
        best: dict[str, tuple[float, Clause]] = {}
        if total <= 0:
            return best
        for c in self.clauses:
            if c.target is None or not c.target.values:
                continue
            share = weight(wanted & words.tokens[c.id]) / total
            if clause_id and c.id == clause_id:
                share = 1.0
            if share >= SAME_INDICATOR_SHARE and share > best.get(c.doc_id, (0.0, c))[0]:
                best[c.doc_id] = (share, c)
        return best

    # ------------------------------------------------------------------ the plan itself
    def plan(self, doc_id: str) -> PlanView | None:
        """Every clause of one plan in order, with its section path and facts (for the viewer)."""
        doc = self.documents.get(doc_id)
        if doc is None:
            return None
        clauses = self._clauses_of([doc_id])
        info = self._info.get(doc_id)
        if info is None:
            from retrieval.search import document_info

            info = document_info(doc, len(clauses))
        return PlanView(document=info, clauses=[
            PlanClause(clause_id=c.id, kind=c.kind, label=c.label, section_path=list(c.section_path), text=c.text,
                       lines=list(c.lines), page=c.page, lead=c.lead, lead_source=lead_source(c),
                       partners=c.partners, deadline=c.deadline, product=c.product, target=_target(c))
            for c in clauses])


# ---------------------------------------------------------------------- export

TASK_COLUMNS = ("Địa phương", "Kế hoạch", "Số hiệu", "Mục", "Nhiệm vụ", "Chủ trì", "Chủ trì đọc từ",
                "Phối hợp", "Thời hạn", "Năm đến hạn", "Sản phẩm", "Dòng")
INDICATOR_COLUMNS = ("Địa phương", "Kế hoạch", "Số hiệu", "Mục", "Chỉ tiêu", "Mục tiêu", "Giá trị",
                     "Đơn vị", "So sánh", "Năm", "Chủ trì", "Dòng")


def _lines(lines: list[int]) -> str:
    return f"{lines[0]}–{lines[-1]}" if lines and lines[-1] != lines[0] else str(lines[0]) if lines else ""


def task_table(rows: Sequence[TaskRow]) -> tuple[tuple[str, ...], list[list[object]]]:
    return TASK_COLUMNS, [
        [r.plan.locality, r.plan.title or r.plan.source, r.plan.cited_number, r.section, r.text, r.lead,
         r.lead_source.mechanism if r.lead_source else None, r.partners, r.deadline,
         "hằng năm" if r.recurring else r.due_year, r.product, _lines(r.lines)]
        for r in rows]


def indicator_table(rows: Sequence[IndicatorRow]) -> tuple[tuple[str, ...], list[list[object]]]:
    def value(t: TargetModel) -> object:
        return t.values[0] if len(t.values) == 1 else "–".join(f"{v:g}" for v in t.values)

    return INDICATOR_COLUMNS, [
        [r.plan.locality, r.plan.title or r.plan.source, r.plan.cited_number, r.section, r.name, r.target.text,
         value(r.target), r.target.unit, r.target.comparison, r.year, r.lead, _lines(r.lines)]
        for r in rows]


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens the Vietnamese text correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(columns: Sequence[str], rows: Sequence[Sequence[object]], sheet: str) -> bytes:
    """One sheet, bold frozen header, wrapped text, widths fitted to the content."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append(list(columns))
    for row in rows:
        ws.append([v for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for i, name in enumerate(columns, start=1):
        longest = max([len(str(name))] + [len(str(r[i - 1])) for r in rows if r[i - 1] is not None])
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, max(8, longest + 2))
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
