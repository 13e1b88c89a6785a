"""Gold-free coverage audit: how many task clauses of each plan the parser gives a lead and a deadline.

No gold row names every task, so misses that no row names stay invisible to ``eval_facts.py``. This
audit counts, per document, the clauses that read as a task (a list item, bullet, table row or
paragraph whose nội dung opens with a duty verb: "Tổ chức …", "Xây dựng …", "Rà soát …") and how
many of them got a chủ trì (per mechanism that read it) and a thời hạn. ``--list`` prints the task
clauses with no lead (or no deadline) so a reader can check in the raw text whether the plan states one.

    python benchmarks/audit_coverage.py ../shared/real-plans --split dev
    python benchmarks/audit_coverage.py ../shared/real-plans --split dev --list lead --doc 6d0e
"""
from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from corpus import find_plans
from corpus.parse import parse_file
from corpus.model import Clause
from corpus.responsibilities import TASK_START

TASK_KINDS = ("item", "bullet", "table_row", "paragraph")
_NUMBERING = re.compile(r"^\s*(?:[-+•*–]\s*|\(?[0-9IVXLa-zđ]{1,4}(?:\.[0-9]+)*[.)/]\s*)+")
# a legal basis ("Căn cứ Nghị định …") or a procedure sheet's field label ("Trình tự thực hiện:") is no task
_NOT_A_TASK = re.compile(r"^(?:Căn cứ|[^:.;]{0,60}:\s*$)", re.I)
_SPLIT_FILE = Path(__file__).resolve().parent.parent / "eval" / "real_split.json"


def is_task(c: Clause) -> bool:
    """A clause that reads as a task: a list/table/paragraph clause whose nội dung opens with a duty verb."""
    if c.kind not in TASK_KINDS:
        return False
    body = _NUMBERING.sub("", c.noi_dung or c.text).strip(" *")
    return bool(TASK_START.match(body)) and not _NOT_A_TASK.match(body)


def audit(path: Path) -> tuple[dict, list[Clause]]:
    """One plan → its coverage row and its task clauses."""
    plan = parse_file(path)
    tasks = [c for c in plan.clauses if is_task(c)]
    mech = collections.Counter(c.lead_source.mechanism if c.lead_source else "none" for c in tasks if c.lead)
    row = {"doc": path.name, "tasks": len(tasks),
           "lead": sum(1 for c in tasks if c.lead), "deadline": sum(1 for c in tasks if c.deadline),
           "by_mechanism": dict(mech)}
    return row, tasks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--split", choices=("dev",), help="only the development half (eval/real_split.json)")
    ap.add_argument("--doc", help="only documents whose file name starts with this")
    ap.add_argument("--list", choices=("lead", "deadline"), help="print the task clauses missing this field")
    ap.add_argument("--json", action="store_true", help="one JSON line per document")
    args = ap.parse_args(argv)
    keep = set(json.loads(_SPLIT_FILE.read_text(encoding="utf-8"))["dev"]) if args.split else None
    totals = collections.Counter()
    mech_total: collections.Counter = collections.Counter()
    for path in find_plans(args.folders):
        if keep is not None and path.name not in keep:
            continue
        if args.doc and not path.name.startswith(args.doc):
            continue
        row, tasks = audit(path)
        totals.update({k: row[k] for k in ("tasks", "lead", "deadline")})
        mech_total.update(row["by_mechanism"])
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            n = max(row["tasks"], 1)
            mechs = " ".join(f"{k}:{v}" for k, v in sorted(row["by_mechanism"].items(), key=lambda kv: -kv[1]))
            print(f"{row['doc']:24} tasks {row['tasks']:4}  lead {row['lead'] / n:5.1%}  "
                  f"deadline {row['deadline'] / n:5.1%}  {mechs}")
        if args.list:
            for c in tasks:
                if getattr(c, args.list) is None:
                    print(f"    L{c.lines[0]}-{c.lines[1]} [{c.kind}] {c.text[:150]!r}")
    n = max(totals["tasks"], 1)
    mechs = " ".join(f"{k}:{v}" for k, v in sorted(mech_total.items(), key=lambda kv: -kv[1]))
    print(f"{'ALL':24} tasks {totals['tasks']:4}  lead {totals['lead'] / n:5.1%}  "
          f"deadline {totals['deadline'] / n:5.1%}  {mechs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
