"""Why an answerable question's answer misses a gold string: retrieval, the composer's choice, or its shape.

    python benchmarks/answer_diagnosis.py eval/real_dev.jsonl [eval/real_dev2.jsonl …] --index DIR
        [--out benchmarks/results/answer_diagnosis.md] [--list]

Each answerable question is asked once (hybrid, the default ranker). A wrong answer (found, but lacking a
gold ``answer_contains`` string by `retrieval.evaluate.answer_matches`) is put in the first bucket that holds:

- **d wording**: the answer shows every missing string once abbreviations are read as their long forms on
  both sides ("UBND" against "Ủy ban nhân dân"): the gold's wording differs, not the answer's content;
- **a not retrieved**: no clause of the top 5 covers a gold relevant line;
- **b ranked below**: a relevant clause is in the top 5 but the answer quotes none of them (it was composed
  from another clause, ranked above or below it);
- **c slot / shape**: the answer quotes a relevant clause and still misses a string; the string's place is
  named by where it is in the relevant clauses' typed facts (lead, partners, deadline, year row, target,
  text, section heading) or ``elsewhere`` (another line of the plan: a list item, a labelled line not
  quoted).

False refusals ("answered not found") are counted apart. Dev files only: never run it on a test-half set.

``--causes`` classifies, among the wrong answers whose relevant clause IS in the top 5, why the answer does not
show the asked thing, and counts each cause by questions and by distinct documents (a mechanism is worth building
when its cause spans three or more documents):

- **refusal**: answered "not found" (the abstention's call);
- **one plan of several**: the gold's relevant lines lie in several plans, the answer quotes fewer of them;
- **another clause**: the answer quotes no relevant clause;
- **truncated quote**: a missing string is in a quoted relevant clause's text, but the quote cut it;
- **another field**: ... in a typed fact of a quoted relevant clause the answer did not show;
- **context**: ... in a quoted relevant clause's heading path or table header, not its text;
- **items not quoted**: ... in a relevant clause of the plan the answer did not quote (a list's other items);
- **elsewhere**: in none of the relevant clauses.

Listed answers quoting a test-half document (eval/real_split.json) are withheld.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.model import Clause  # noqa: E402
from index.text import normalize  # noqa: E402
from retrieval.answer import cite  # noqa: E402
from retrieval.evaluate import GoldQuestion, answer_matches, load_gold  # noqa: E402
from retrieval.search import Retriever  # noqa: E402

TOP = 5  # the cutoff of hit@5
QUOTED_DEPTH = 10  # the composer reads the ranker's first ten clauses (`Retriever.ask`)
BUCKETS = ("a not retrieved", "b ranked below", "c slot / shape", "d wording")


def _covers(c: Clause, q: GoldQuestion) -> bool:
    name = c.source.replace("\\", "/").rsplit("/", 1)[-1]
    return any(name == r.source and c.lines[0] <= r.line <= c.lines[1] for r in q.relevant)


def _where(needle: str, cs: list[Clause]) -> str:
    """Which typed fact of the relevant clauses holds ``needle`` (normalised), else ``elsewhere``."""
    n = normalize(needle)
    for c in cs:
        fields = {
            "lead": c.lead, "partners": c.partners, "deadline": c.deadline, "product": c.product,
            "year row": " ".join((c.year_values or {}).values()), "target": c.target.text if c.target else None,
            "text": c.text, "section heading": " ".join(c.section_path),
        }
        for name, value in fields.items():
            if value and n in normalize(value):
                return name
    return "elsewhere"


def diagnose(r: Retriever, q: GoldQuestion) -> tuple[str, str, str] | None:
    """(bucket, detail, answer) for a wrong answer of an answerable question; None when it is right."""
    resp = r.ask(q.question, top_k=QUOTED_DEPTH)
    if not resp.found:
        return ("refused", "", resp.answer or "")
    if answer_matches(resp.answer, q.answer_contains):
        return None
    answer = resp.answer or ""
    missing = [s for s in q.answer_contains if not answer_matches(answer, [s])]
    long_answer = normalize(r.evidence.long_forms(normalize(answer)))
    if all(normalize(r.evidence.long_forms(normalize(s))) in long_answer for s in missing):
        return ("d wording", ", ".join(missing), answer)
    an = r.analyse(q.question)
    ranked = [r.store.clauses[p] for p, _, _ in r.rank(an)[:QUOTED_DEPTH]]
    relevant_top = [c for c in ranked[:TOP] if _covers(c, q)]
    if not relevant_top:
        return ("a not retrieved", ", ".join(missing), answer)
    quoted = [c for c in ranked if cite(c) in answer]
    if not any(_covers(c, q) for c in quoted):
        first = ranked.index(quoted[0]) + 1 if quoted else 0
        rel = ranked.index(relevant_top[0]) + 1
        return ("b ranked below", f"composed from rank {first}, relevant at rank {rel}", answer)
    relevant = [c for c in r.store.clauses if c.doc_id in {x.doc_id for x in relevant_top} and _covers(c, q)]
    return ("c slot / shape", "; ".join(f"{s!r} in {_where(s, relevant)}" for s in missing), answer)


CAUSES = ("refusal", "one plan of several", "another clause", "truncated quote", "another field", "context",
          "items not quoted", "elsewhere")


def _name(c: Clause) -> str:
    return c.source.replace("\\", "/").rsplit("/", 1)[-1]


def _missing_where(needle: str, quoted: list[Clause], relevant: list[Clause]) -> str:
    """Why one missing gold string is not in an answer that quotes a relevant clause (`CAUSES`, the last five)."""
    n = normalize(needle)
    for c in quoted:
        if c not in relevant:
            continue
        if n in normalize(c.text):
            return "truncated quote"
        facts = [c.lead, c.partners, c.deadline, c.product, c.target.text if c.target else None,
                 " ".join((c.year_values or {}).values())]
        if any(f and n in normalize(f) for f in facts):
            return "another field"
        if n in normalize(" ".join(c.section_path)) or n in normalize(" ".join(c.columns or {})):
            return "context"
    if any(n in normalize(c.text) for c in relevant if c not in quoted):
        return "items not quoted"
    return "elsewhere"


def cause(r: Retriever, q: GoldQuestion) -> tuple[str, set[str], str] | None:
    """(cause, the gold's documents, answer) for a wrong answer whose relevant clause is in the top 5; None when
    the answer is right or no relevant clause is in the top 5 (a ranking miss, not the answer's)."""
    an = r.analyse(q.question)
    ranked = [r.store.clauses[p] for p, _, _ in r.rank(an)[:QUOTED_DEPTH]]
    if not any(_covers(c, q) for c in ranked[:TOP]):
        return None
    resp = r.ask(q.question, top_k=QUOTED_DEPTH)
    if resp.found and answer_matches(resp.answer, q.answer_contains):
        return None
    docs = {x.source for x in q.relevant}
    answer = resp.answer or ""
    if not resp.found:
        return ("refusal", docs, answer)
    quoted = [c for c in ranked if cite(c) in answer]
    if len(docs) > 1 and len(docs & {_name(c) for c in quoted}) < len(docs):
        return ("one plan of several", docs, answer)
    if not any(_covers(c, q) for c in quoted):
        return ("another clause", docs, answer)
    relevant = [c for c in r.store.clauses if _name(c) in docs and _covers(c, q)]
    missing = [x for x in q.answer_contains if not answer_matches(answer, [x])]
    found = [_missing_where(x, quoted, relevant) for x in missing]
    return (min(found, key=CAUSES.index), docs, answer)


def main_causes(r: Retriever, golds: list[Path], show: bool) -> str:
    split = json.loads((Path(__file__).resolve().parent.parent / "eval" / "real_split.json").read_text())
    test_half = set(split.get("test", ()))
    by_cause: dict[str, list[tuple[str, set[str]]]] = {}
    listing: list[str] = []
    for path in golds:
        for q in load_gold(path):
            if not q.answerable:
                continue
            got = cause(r, q)
            if got is None:
                continue
            name, docs, answer = got
            by_cause.setdefault(name, []).append((q.id, docs))
            shown = "(withheld: it quotes a test-half document)" if any(t in answer for t in test_half) else \
                " ".join(answer.split())[:400]
            listing.append(f"- {path.name} {q.id} [{q.type}] **{name}** — {q.question}\n"
                           f"  wanted: {', '.join(q.answer_contains)}\n  answer: {shown}")
    lines = ["| cause | questions | documents |", "|---|---|---|"]
    for name in CAUSES:
        rows = by_cause.get(name, [])
        lines.append(f"| {name} | {len(rows)} | {len(set().union(*(d for _, d in rows))) if rows else 0} |")
    return "\n".join(lines) + ("\n\n" + "\n".join(listing) if show else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--index", required=True)
    ap.add_argument("--out", type=Path, default=None, help="also write the tables (Markdown) here")
    ap.add_argument("--ranker", default=None, help="a trained ranker file (default: the shipped one)")
    ap.add_argument("--list", action="store_true", help="list every wrong answer with its bucket")
    ap.add_argument("--causes", action="store_true",
                    help="classify the wrong answers whose relevant clause is in the top 5 by cause (see above)")
    args = ap.parse_args()

    r = Retriever.load(args.index, ranker=args.ranker) if args.ranker else Retriever.load(args.index)
    if args.causes:
        out = main_causes(r, args.gold, args.list)
        print(out)
        if args.out:
            args.out.write_text(out + "\n", encoding="utf-8")
        return
    lines = ["| gold | answerable | right | refused | " + " | ".join(BUCKETS) + " |",
             "|---|---|---|---|" + "---|" * len(BUCKETS)]
    listing: list[str] = []
    total: Counter[str] = Counter()
    for path in args.gold:
        counts: Counter[str] = Counter()
        for q in load_gold(path):
            if not q.answerable:
                continue
            counts["answerable"] += 1
            d = diagnose(r, q)
            if d is None:
                counts["right"] += 1
                continue
            bucket, detail, answer = d
            counts[bucket] += 1
            listing.append(f"- {path.name} {q.id} [{q.type}] **{bucket}** {detail} — {q.question}\n"
                           f"  answer: {' '.join(answer.split())[:400]}")
        total.update(counts)
        lines.append(f"| {path.name} | " + " | ".join(str(counts[k]) for k in ("answerable", "right", "refused", *BUCKETS)) + " |")
    lines.append("| all | " + " | ".join(str(total[k]) for k in ("answerable", "right", "refused", *BUCKETS)) + " |")
    out = "\n".join(lines)
    print(out)
    if args.list:
        print("\n".join(listing))
    if args.out:
        args.out.write_text(out + "\n\n" + "\n".join(listing) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
