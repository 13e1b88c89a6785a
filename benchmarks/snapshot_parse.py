"""A golden snapshot of what the corpus stage reads: every clause of every plan, one JSON line each.

Refactoring the readers (structure, lines, tables) must not change what they read; a reading
mechanism must change only what it means to. Dump before, dump after, and diff:

    python benchmarks/snapshot_parse.py ../shared/real-plans ../shared/plans > /tmp/before.jsonl
    ... change the code ...
    python benchmarks/snapshot_parse.py ../shared/real-plans ../shared/plans > /tmp/after.jsonl
    diff /tmp/before.jsonl /tmp/after.jsonl

Each plan gives one "document" line (its metadata, noise lines, signature) and one line per clause:
the clause as ``planqa parse --json`` shows it, plus the tree facts later passes read (parent,
children count, body, label type, the table row with its cells, titles, carried cells and sub-row link).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from corpus import find_plans
from corpus.load import read_source
from corpus.model import PlanError
from corpus.parse import read_plan


def snapshot_plan(path: Path) -> list[dict]:
    """One plan → its document record and its clause records, in clause order."""
    doc, sk = read_plan(*read_source(path))
    out: list[dict] = [{"record": "document", **doc.to_dict(), "signature": sk.signature}]
    for clause, node in zip(sk.clauses, sk.nodes):
        rec = {"record": "clause", **clause.to_dict()}
        rec["node"] = {"ltype": node.ltype, "parent": node.parent, "children": len(node.children),
                       "body": node.body, "block": node.block,
                       "row": asdict(node.row) if node.row is not None else None}
        out.append(rec)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path, help="plan folders or files")
    ap.add_argument("--out", type=Path, help="write here instead of standard output")
    args = ap.parse_args(argv)
    stream = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    try:
        for path in find_plans(args.folders):
            try:
                records = snapshot_plan(path)
            except PlanError as e:
                records = [{"record": "error", "source": path.name, "error": str(e)}]
            for rec in records:
                stream.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    finally:
        if args.out:
            stream.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
