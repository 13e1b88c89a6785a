"""How the question's analysed type (`retrieval.query.analyse` → `Question.qtype`) agrees with the gold set's type.

    python benchmarks/qtype_confusion.py eval/real_dev.jsonl [eval/real_dev2.jsonl …] --index DIR
        [--list] [--answers OUT.jsonl]

Prints the confusion matrix (rows: the gold row's ``type``, a writer's label; columns: the analysed type) over the
answerable rows; unanswerable rows carry no usable type and are skipped. ``--list`` lists each confused question
with its gold and analysed type. ``--answers OUT.jsonl`` also asks every answerable row (hybrid, top 10, as
`planqa eval` does) and writes one line per row (set, id, gold type, analysed type, answer right or wrong, the
answer), so two runs, before and after a change, can be joined row by row; the list then marks each confused row
right or wrong.

Dev sets only: a file named as a test set is refused, and a row whose relevant lines lie in a test-half document
(eval/real_split.json) is skipped before anything is printed.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from retrieval.evaluate import QUESTION_TYPES, answer_matches, load_gold  # noqa: E402
from retrieval.search import Retriever  # noqa: E402

TYPES = tuple(t for t in QUESTION_TYPES if t != "unanswerable")
ASK_TOP_K = 10  # as `planqa eval` asks


def _test_half() -> set[str]:
    split = json.loads((Path(__file__).resolve().parent.parent / "eval" / "real_split.json").read_text())
    return set(split.get("test", ()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--index", required=True)
    ap.add_argument("--ranker", default=None)
    ap.add_argument("--list", action="store_true", help="list the confused questions")
    ap.add_argument("--answers", type=Path, default=None, help="ask each row and write its answer here (JSONL)")
    args = ap.parse_args()
    if any("test" in p.name for p in args.gold):
        ap.error("dev sets only: a test set is never read")
    test_half = _test_half()
    r = Retriever.load(args.index, ranker=args.ranker)
    matrix: Counter[tuple[str, str]] = Counter()
    confused: list[tuple[str, str, str, str, str, bool | None]] = []
    out = args.answers.open("w", encoding="utf-8") if args.answers else None
    for path in args.gold:
        for g in load_gold(path):
            if not g.answerable or g.type not in TYPES:
                continue
            if any(rel.source in test_half for rel in g.relevant):
                continue
            got = r.analyse(g.question).qtype
            matrix[(g.type, got)] += 1
            ok = None
            if out is not None:
                resp = r.ask(g.question, top_k=ASK_TOP_K)
                ok = bool(resp.found and answer_matches(resp.answer, g.answer_contains))
                out.write(json.dumps({"set": path.name, "id": g.id, "gold": g.type, "qtype": got, "ok": ok,
                                      "found": resp.found, "answer": resp.answer}, ensure_ascii=False) + "\n")
            if got != g.type:
                confused.append((path.name, g.id, g.type, got, g.question, ok))
    if out is not None:
        out.close()
    total = sum(matrix.values())
    agree = sum(n for (g, a), n in matrix.items() if g == a)
    width = max(map(len, TYPES)) + 2
    print(f"{total} answerable rows; analysed type = gold type on {agree} ({agree / max(total, 1):.3f})")
    print("gold \\ analysed".ljust(16) + "".join(t.rjust(width) for t in TYPES) + "  total".rjust(width))
    for g in TYPES:
        row = [matrix[(g, a)] for a in TYPES]
        print(g.ljust(16) + "".join(str(n).rjust(width) for n in row) + str(sum(row)).rjust(width + 2))
    if args.list:
        print()
        for name, qid, gold, got, text, ok in sorted(confused, key=lambda c: (c[2], c[3], c[0], c[1])):
            mark = "" if ok is None else (" RIGHT" if ok else " WRONG")
            print(f"{gold:>7} → {got:<7}{mark:7} {name} {qid}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
