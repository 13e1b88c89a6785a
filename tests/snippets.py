"""Parse a few lines of Markdown as a plan, and find a clause by its words: how the reading tests
state a wording taken from a real plan without the whole plan."""
from __future__ import annotations

from corpus.model import Clause, SourceText
from corpus.parse import parse_source


def parse_md(text: str):
    """The parsed plan of a Markdown snippet (leading and trailing blank lines dropped)."""
    return parse_source(SourceText("snippet.md", text.strip("\n").splitlines(), fmt="md"))


def clause(plan, start: str) -> Clause:
    """The first clause whose text contains ``start``; the failure lists what the plan has instead."""
    hits = [c for c in plan.clauses if start in c.text]
    assert hits, f"no clause with {start!r}: {[c.text[:50] for c in plan.clauses]}"
    return hits[0]
