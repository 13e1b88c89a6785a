"""What a plan calls itself (`Evidence.plan_self_name`: its kind, title and letterhead lines as folded words) is
read once per plan and kept, not joined again from its letterhead clauses on every question."""
from __future__ import annotations

from retrieval.query import folded


def test_a_plans_self_name_is_read_once_per_plan_and_kept(retriever):
    ev = retriever.evidence
    ev.plan_self_name.cache_clear()
    docs = list(retriever.store.documents)
    first = {d: ev.plan_self_name(d) for d in docs}
    for _ in range(3):
        retriever.ask("Kế hoạch phát triển kinh tế - xã hội của xã An Hưng giao ai chủ trì chỉ tiêu BHYT?")
        assert {d: ev.plan_self_name(d) for d in docs} == first
    info = ev.plan_self_name.cache_info()
    assert info.misses == len(docs) and info.currsize == len(docs)  # each plan read once, however often asked
    for d, name in first.items():
        doc = retriever.store.documents[d]
        assert name.startswith(" ") and name.endswith(" ")
        if doc.kind:
            assert f" {folded(doc.kind)} " in name
