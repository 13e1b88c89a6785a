"""Where a clause's lead was read, as typed fields, from the one place that knows its storage.

Today the corpus records it as the free-text ``Clause.lead_inferred_from``
("giao chỉ tiêu: «1. Giao Phòng Kinh tế …» (doc:0101, dòng 200–200)"). A typed
value (mechanism, source clause id, lines) is on its way into ``corpus.model``;
when it lands, only :func:`lead_source` changes — every caller (answer cards,
the task table, the Telegram card) already reads the typed :class:`LeadSource`.
"""
from __future__ import annotations

import re

from corpus.model import Clause
from retrieval.contract import LeadSource

_SOURCE = re.compile(r"\((?P<id>[^\s()]+:\d+), dòng (?P<a>\d+)(?:[–-](?P<b>\d+))?\)\s*$")
_EXCERPT = re.compile(r"«(?P<text>[^»]*)»")


def lead_source(clause: Clause) -> LeadSource | None:
    """The typed provenance of ``clause.lead`` when the plan does not state it on the clause."""
    raw = (clause.lead_inferred_from or "").strip()
    if not raw:
        return None
    head = raw.split(":", 1)[0] if "«" in raw else raw
    mechanism = re.sub(r"\s*\(.*$", "", head).strip() or head.strip()
    m = _SOURCE.search(raw)
    e = _EXCERPT.search(raw)
    lines = None
    if m:
        a = int(m.group("a"))
        lines = [a, int(m.group("b") or a)]
    return LeadSource(mechanism=mechanism, clause_id=m.group("id") if m else None, lines=lines,
                      excerpt=e.group("text").strip() if e else None)
