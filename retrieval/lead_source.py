"""Where a clause's lead and its deadline were read, as the contract's typed fields.

The corpus records it as data (``corpus.model.LeadSource``: mechanism, source clause id,
its lines, its opening words); this is the one place that turns it into the contract's
:class:`LeadSource`, which answer cards, the task table and the Telegram card read.
"""
from __future__ import annotations

from corpus.model import DEADLINE_MECHANISMS, LEAD_MECHANISMS, Clause
from retrieval.contract import DeadlineSource, LeadSource


def lead_source(clause: Clause) -> LeadSource | None:
    """The typed provenance of ``clause.lead`` when the plan does not state it on the clause."""
    src = clause.lead_source
    if not clause.lead_from_elsewhere or src is None:
        return None
    return LeadSource(mechanism=LEAD_MECHANISMS.get(src.mechanism, src.mechanism), key=src.mechanism,
                      inferred=src.inferred, clause_id=src.clause_id, lines=list(src.lines),
                      excerpt=src.quote or None)


def deadline_source(clause: Clause) -> DeadlineSource | None:
    """The typed provenance of ``clause.deadline`` (`corpus.model.DeadlineSource`), whenever it has one; None
    without a deadline, or in an index built before it was stored."""
    src = clause.deadline_source
    if not clause.deadline or src is None:
        return None
    return DeadlineSource(mechanism=DEADLINE_MECHANISMS.get(src.mechanism, src.mechanism), key=src.mechanism,
                          stated=src.stated, clause_id=src.clause_id, lines=list(src.lines))
