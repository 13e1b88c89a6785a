"""How far the fact reading moves when the dev plans are written in a layout or wording the parser was not tuned on.

The line-preserving perturbations of `benchmarks/perturb_layouts.py` keep every line number, so the dev rows of
eval/real_facts.jsonl (doc, line) stay valid on a perturbed copy. Each copy of the DEV documents (eval/real_split.json;
the test half is never read) is parsed (no index) and its dev facts scored as `benchmarks/eval_facts.py` scores them,
per field group, against the original: facts lost and won, and the distinct documents of the lost ones.

Value formats rewrite the gold's string facts as they rewrite the line (`perturb_layouts.answer_of`); target formats
(`perturb_layouts.TARGET_FORMATS`: bound words and symbols, "đạt" made a bound, percent and number formats, the year
moved behind its sentence, units spelled out) rewrite a target fact's expected value where they touched its own
figure in the clause the fact is read from (`TargetFormat.fact`).

Run: .venv/bin/python benchmarks/perturb_facts.py [--only NAME ...] [--work DIR] [--out FILE] [--list]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import parse_file  # noqa: E402
from eval_facts import GROUPS, STRING_FIELDS, clause_at, predicted  # noqa: E402
from perturb_layouts import (PERTURBATIONS, PLANS, TARGET_FORMATS, LineMap, LineShift, Perturbation, TargetFormat,  # noqa: E402
                             ValueFormat, answer_of, dev_documents)

FACTS = ROOT / "eval" / "real_facts.jsonl"
GROUP_ORDER = ("responsibilities", "targets", "metadata")


def dev_facts(docs: set[str]) -> list[dict]:
    """The dev rows of the fact gold (test rows are dropped before anything else reads them)."""
    rows = [json.loads(x) for x in FACTS.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if r["split"] == "dev" and r["doc"] in docs]


def perturbed_fact(p: Perturbation, fact: dict, original) -> dict:
    """The fact as the perturbed copy states it: a target's value rewritten where `p` touched its figure, a string
    fact rewritten as a value format writes it; layout changes leave it as it was."""
    if fact["field"] == "target" and isinstance(p, TargetFormat):
        c = clause_at(original, fact["line"]) if original else None
        if c is None:
            return fact
        lines = (PLANS / fact["doc"]).read_text(encoding="utf-8").split("\n")[c.lines[0] - 1: c.lines[1]]
        return {**fact, "value": p.fact(fact["value"], "\n".join(lines))} if isinstance(fact["value"], dict) else fact
    if fact["field"] in STRING_FIELDS and isinstance(p, ValueFormat) and not isinstance(p, TargetFormat) \
            and isinstance(fact["value"], str):
        return {**fact, "value": answer_of(p, fact["value"])}
    return fact


def score(p: Perturbation, docs: list[str], facts: list[dict], work: Path, originals: dict) -> tuple[dict, dict, float]:
    """Per fact id: right or not on `p`'s copy; lines changed per document; seconds spent parsing."""
    dest = work / p.name
    dest.mkdir(parents=True, exist_ok=True)
    changed: dict[str, int] = {}
    maps: dict[str, LineMap] = {}
    for name in docs:
        lines = (PLANS / name).read_text(encoding="utf-8").split("\n")
        if isinstance(p, LineShift):  # the fact's line follows its text
            new, maps[name] = p.shift(lines, [])
            changed[name] = sum(len(m) != 1 or new[m[0]] != x for x, m in zip(lines, maps[name]))
        else:
            new = p.apply(lines)
            assert len(new) == len(lines), f"{p.name} changed the number of lines of {name}"
            changed[name] = sum(a != b for a, b in zip(lines, new))
        (dest / name).write_text("\n".join(new), encoding="utf-8")
    t = time.perf_counter()
    plans = {name: parse_file(dest / name) for name in docs}
    secs = time.perf_counter() - t
    right, moved = {}, 0
    for f in facts:
        g = perturbed_fact(p, f, originals.get(f["doc"]))
        moved += g != f
        if f["doc"] in maps and g["line"] is not None and maps[f["doc"]][g["line"] - 1]:
            g = {**g, "line": maps[f["doc"]][g["line"] - 1][0] + 1}
        right[f["id"]] = predicted(plans[f["doc"]], g)[0]
    changed["(gold rewritten)"] = moved
    return right, changed, secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", default=[], help="perturbation names (default: all layouts, value and "
                                                          "target formats)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/perturb_facts"), help="where the copies go")
    ap.add_argument("--out", type=Path, default=None, help="write the Markdown table here")
    ap.add_argument("--label", default="", help="a line naming the code measured (e.g. the commit)")
    ap.add_argument("--list", action="store_true", help="list the lost dev facts of each perturbation")
    args = ap.parse_args()

    docs = dev_documents()  # the test half is never listed, read or parsed
    facts = dev_facts(set(docs))
    group = {f["id"]: GROUPS[f["field"]] for f in facts}
    doc_of = {f["id"]: f["doc"] for f in facts}
    chosen = [p for p in [*PERTURBATIONS, *TARGET_FORMATS] if not args.only or p.name in args.only]
    identity = Perturbation()
    base, _, base_s = score(identity, docs, facts, args.work, {})
    originals = {name: parse_file(PLANS / name) for name in docs}
    rows = [("original", identity.describe, base, {}, base_s)]
    for p in chosen:
        right, changed, secs = score(p, docs, facts, args.work, originals)
        if not sum(v for k, v in changed.items() if k in docs):
            print(f"{p.name}: no line changed, skipped", file=sys.stderr)
            continue
        rows.append((p.name, p.describe, right, changed, secs))
        print(f"{p.name}: done ({secs:.1f} s)", file=sys.stderr)

    def acc(right: dict, g: str) -> str:
        ids = [i for i in right if group[i] == g]
        return f"{sum(right[i] for i in ids) / len(ids):.3f}" if ids else "–"

    out = [
        "| perturbation | lines changed (docs) | gold facts rewritten | " + " | ".join(GROUP_ORDER)
        + " | Δ resp. | Δ targets | lost (docs) | won (docs) |",
        "|---|---|---|" + "---|" * len(GROUP_ORDER) + "---|---|---|---|",
    ]
    details = []
    for name, describe, right, changed, _ in rows:
        lost = sorted(i for i in right if base[i] and not right[i])
        won = sorted(i for i in right if not base[i] and right[i])
        ld, wd = {doc_of[i] for i in lost}, {doc_of[i] for i in won}
        deltas = []
        for g in ("responsibilities", "targets"):
            ids = [i for i in right if group[i] == g]
            deltas.append(f"{(sum(right[i] for i in ids) - sum(base[i] for i in ids)) / len(ids):+.3f}")
        lines_in = {k: v for k, v in changed.items() if k in docs}
        out.append(f"| {name} | {sum(lines_in.values())} ({sum(1 for v in lines_in.values() if v)}) | "
                   f"{changed.get('(gold rewritten)', 0)} | "
                   + " | ".join(acc(right, g) for g in GROUP_ORDER) + " | " + " | ".join(deltas)
                   + f" | {len(lost)} ({len(ld)}) | {len(won)} ({len(wd)}) |")
        if lost or won:
            by = Counter(group[i] for i in lost)
            details.append(f"- **{name}** ({describe}): lost {len(lost)} "
                           f"({', '.join(f'{g} {n}' for g, n in by.items()) or '–'}; {len(ld)} docs), won {len(won)}"
                           + (f": lost {', '.join(lost)}" if args.list and lost else ""))
    text = "\n".join([
        f"`benchmarks/perturb_facts.py`{' ' + args.label if args.label else ''}: {len(docs)} dev documents, "
        f"{len(facts)} dev facts, parse only. lost/won = facts that flip against the original; (docs) = distinct "
        "documents.", "", *out, "", *details]) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
