"""Score the parser's facts against a fact gold set (eval/real_facts.jsonl), with the scoring rules fixed in eval/README.md.

    python benchmarks/eval_facts.py eval/real_facts.jsonl --plans ../shared/real-plans [--split dev|test]

Facts with a line are scored on the clause whose line range covers that line; letterhead
facts on the document. Accuracy per field group (responsibilities, targets, metadata),
per split and overall. ``--misses`` lists the wrong dev facts (never test rows).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import parse_file  # noqa: E402
from corpus.model import Clause, ParsedPlan  # noqa: E402

GROUPS = {
    "lead": "responsibilities", "partners": "responsibilities", "deadline": "responsibilities",
    "product": "responsibilities", "no_lead": "responsibilities",
    "target": "targets",
    "issuer": "metadata", "kind": "metadata", "number": "metadata", "date": "metadata",
    "signer": "metadata", "province": "metadata", "commune": "metadata",
}
STRING_FIELDS = {"lead", "partners", "deadline", "product", "issuer", "signer"}
EXACT_FIELDS = {"kind", "number", "date", "province", "commune"}
F1_MIN = 0.6  # fixed by the gold format
VALUE_TOL = 1e-6


def fold(text: str | None) -> str:
    """NFC, lower case, no diacritics, đ→d, punctuation → space, whitespace collapsed."""
    if text is None:
        return ""
    t = unicodedata.normalize("NFC", str(text)).lower().replace("đ", "d")
    t = "".join(c for c in unicodedata.normalize("NFD", t) if unicodedata.category(c) != "Mn")
    t = re.sub(r"[^\w\s]|_", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def string_match(gold: str | None, pred: str | None) -> bool:
    if pred is None:
        return False
    g, p = fold(gold).split(), fold(pred).split()
    if not g or not p:
        return g == p
    common = sum(min(g.count(w), p.count(w)) for w in set(g))
    if common:
        prec, rec = common / len(p), common / len(g)
        if 2 * prec * rec / (prec + rec) >= F1_MIN:
            return True
    gs, ps = " ".join(g), " ".join(p)
    shorter = g if len(g) <= len(p) else p
    contained = f" {gs} " in f" {ps} " or f" {ps} " in f" {gs} "
    return contained and len(shorter) >= 2


def exact_match(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return fold(gold) == fold(pred)


def target_match(gold: dict, clause: Clause | None, per_year: bool = False) -> bool:
    t = clause.target if clause else None
    if per_year and clause is not None and clause.year_targets and gold.get("year") is not None:
        # a row of a table with one column per year: the target the row sets for the gold's year
        t = next((y for y in clause.year_targets if y.year == gold["year"]), t)
    if t is None:
        return False
    if "values" in gold:
        gv = [float(v) for v in gold["values"]]
        if len(gv) != len(t.values) or any(abs(a - b) > VALUE_TOL for a, b in zip(gv, t.values)):
            return False
    if "unit" in gold and not exact_match(gold["unit"], t.unit):
        return False
    if "comparison" in gold and gold["comparison"] != t.comparison:
        return False
    if "year" in gold and gold["year"] != t.year:
        return False
    return True


def clause_at(plan: ParsedPlan, line: int) -> Clause | None:
    covering = [c for c in plan.clauses if c.lines[0] <= line <= c.lines[1]]
    return min(covering, key=lambda c: c.lines[1] - c.lines[0]) if covering else None


def letterhead_value(plan: ParsedPlan, field: str) -> str | None:
    d = plan.document
    return {
        "issuer": d.issuer, "kind": d.kind, "number": d.number, "date": d.date, "signer": d.signer,
        "province": d.locality.province, "commune": d.locality.label(),
    }[field]


def predicted(plan: ParsedPlan, fact: dict, per_year: bool = False) -> tuple[bool, object]:
    """(correct, what the parser has) for one gold fact."""
    field = fact["field"]
    if field in GROUPS and GROUPS[field] == "metadata":
        pred = letterhead_value(plan, field)
        ok = string_match(fact["value"], pred) if field in STRING_FIELDS else exact_match(fact["value"], pred)
        return ok, pred
    clause = clause_at(plan, fact["line"])
    if field == "no_lead":
        return clause is not None and clause.lead is None, clause.lead if clause else "<no clause>"
    if field == "target":
        return target_match(fact["value"], clause, per_year), (clause.target.to_dict() if clause and clause.target else None)
    pred = getattr(clause, field) if clause else None
    return string_match(fact["value"], pred), pred


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--plans", type=Path, required=True, help="folder of the real plans")
    ap.add_argument("--split", choices=("dev", "test"), help="score only this half")
    ap.add_argument("--misses", action="store_true", help="list wrong dev facts (refused for test rows)")
    ap.add_argument("--per-year", action="store_true",
                    help="not the fixed rule: a target with a year is compared with the row's target for that year "
                         "when the row gives one per year (Clause.year_targets), not only with Clause.target")
    ap.add_argument("--from-id", dest="from_id", metavar="ID",
                    help="score only rows numbered from this id on (e.g. rf1041: a new round of blind rows)")
    ap.add_argument("--min", dest="minimums", action="append", default=[], metavar="GROUP=VALUE",
                    help="regression gate on the scored rows, e.g. --min responsibilities=0.8 (repeatable)")
    args = ap.parse_args(argv)
    try:
        facts = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        print(f"error: cannot read {args.gold}: {e}", file=sys.stderr)
        return 2
    if args.split:
        facts = [f for f in facts if f["split"] == args.split]
    if args.from_id:
        facts = [f for f in facts if _id_number(f["id"]) >= _id_number(args.from_id)]
    if args.misses and any(f["split"] != "dev" for f in facts):
        print("error: --misses lists dev rows only; add --split dev", file=sys.stderr)
        return 2
    plans: dict[str, ParsedPlan] = {}
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_field: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for fact in facts:
        doc = fact["doc"]
        if doc not in plans:
            try:
                plans[doc] = parse_file(args.plans / doc)
            except Exception as e:  # a plan that cannot be parsed scores all its facts wrong
                print(f"warning: {doc}: {e}", file=sys.stderr)
                plans[doc] = None  # type: ignore[assignment]
        plan = plans[doc]
        ok, pred = predicted(plan, fact, args.per_year) if plan is not None else (False, None)
        group = GROUPS[fact["field"]]
        for split in (fact["split"], "all"):
            tally[(split, group)][0] += ok
            tally[(split, group)][1] += 1
            by_field[(split, fact["field"])][0] += ok
            by_field[(split, fact["field"])][1] += 1
        if not ok:
            misses.append((fact, pred))
    splits = [s for s in ("dev", "test", "all") if any(k[0] == s for k in tally)]
    print(f"{'split':6} {'group':17} {'correct':>8} {'total':>6} {'accuracy':>9}")
    for split in splits:
        for group in ("responsibilities", "targets", "metadata"):
            c, n = tally.get((split, group), [0, 0])
            if n:
                print(f"{split:6} {group:17} {c:8d} {n:6d} {c / n:9.3f}")
    print("\nby field:")
    for split in splits:
        print("  " + split + ": " + ", ".join(f"{f} {c}/{n}" for (s, f), (c, n) in sorted(by_field.items()) if s == split))
    if args.misses:
        print("\nmisses:")
        for fact, pred in misses:
            print(f"  {fact['id']} {fact['doc']}:{fact['line']} {fact['field']}: gold {fact['value']!r} "
                  f"| got {pred!r} | task {fact.get('task')!r}")
    return _check_gates(args.minimums, tally)


def _id_number(fact_id: str) -> int:
    """"rf1041" → 1041: rows are numbered in the order they were written, a round at a time."""
    m = re.search(r"(\d+)$", fact_id)
    return int(m.group(1)) if m else -1


def _check_gates(minimums: list[str], tally: dict[tuple[str, str], list[int]]) -> int:
    """Exit 1 when a field group's accuracy over all scored rows falls below its --min."""
    failed = []
    for item in minimums:
        group, _, value = item.partition("=")
        c, n = tally.get(("all", group), [0, 0])
        try:
            floor = float(value)
        except ValueError:
            print(f"error: bad --min {item!r}: expected GROUP=NUMBER", file=sys.stderr)
            return 2
        if not n or c / n < floor:
            failed.append(f"{group} {c}/{n} < {floor}")
    if failed:
        print("gate failed: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
