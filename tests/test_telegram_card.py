"""The Telegram answer card on real retrieval output: plan, facts as labelled lines, quote, place."""
from __future__ import annotations

from bot.telegram_format import MESSAGE_LIMIT, answer_blocks, documents_blocks, pack_blocks, result_html


def test_card_names_the_plan_then_labelled_facts_then_the_quoted_clause_then_where(retriever):
    resp = retriever.ask("Ai chủ trì chỉ tiêu BHYT?", top_k=5)
    assert resp.found
    for n, r in enumerate(resp.results, 1):
        card = result_html(n, r)
        lines = card.split("\n")
        assert lines[0].startswith(f"<b>[{n}] ") and (r.citation.locality or "") in lines[0]
        if r.citation.cited_number:
            assert "số " + r.citation.cited_number in lines[0]
        assert r.citation.source not in card  # the plan by its title, never the file name
        quote = next(i for i, ln in enumerate(lines) if ln.startswith("<blockquote>"))
        facts = lines[1:quote]
        if r.lead:
            assert f"<b>Chủ trì:</b> {r.lead}" in facts[0]
        if r.target:
            assert any(f.startswith("<b>Chỉ tiêu:</b>") for f in facts)
        if r.lead and r.lead_source:
            assert any(f.startswith("<b>Chủ trì đọc từ:</b> " + r.lead_source.mechanism) for f in facts)
        if r.deadline and r.deadline_source:
            assert any(f.startswith("<b>Thời hạn đọc từ:</b> " + r.deadline_source.mechanism) for f in facts)
        assert lines[-1].startswith("📍 ") and f"dòng {r.citation.lines[0]}" in lines[-1]


def test_cards_of_a_long_answer_fit_telegram_messages(retriever):
    resp = retriever.ask("Phòng Kinh tế được giao những nhiệm vụ gì?", top_k=20)
    parts = pack_blocks(answer_blocks(resp, None))
    assert parts and all(len(p.encode("utf-16-le")) // 2 <= MESSAGE_LIMIT for p in parts)
    assert sum(p.count("<blockquote>") for p in parts) == len(resp.results)


def test_the_card_cites_the_number_retrieval_judged_and_never_re_reads_it():
    """The plan's number is judged once, where the citation is made (`corpus.metadata.cited_number`): the card
    shows `Citation.cited_number` as it is, and a number retrieval did not cite (a draft's blank "/KH-UBND")
    stays off the card whatever `Citation.number` holds."""
    from corpus.metadata import cited_number
    from retrieval.contract import Citation, Result

    def card(number: str | None) -> str:
        cit = Citation(source="kh.md", document="Kế hoạch chuyển đổi số", doc_id="kh", clause_id="kh:1", lines=[3, 3],
                       number=number, cited_number=cited_number(number), kind="Chương trình")
        return result_html(1, Result(text="Phát triển hạ tầng số.", score=1.0, citation=cit)).split("\n")[0]

    assert "Chương trình số 08-CTr/ĐUUB" in card("08 - CTr/ĐUUB")
    assert "Chương trình số 476/QĐ-UBND" in card("476/QĐ-UBND")
    assert " số " not in card("/KH - UBND") and " số " not in card(None)


def test_the_plans_list_shows_each_number_as_retrieval_cites_it():
    """/kehoach lists the plans with `DocumentInfo.cited_number`, never `number` as the letterhead spaced it; a draft's
    blank number is left off (plans of three kinds: a programme, a decision, a draft plan)."""
    from corpus.metadata import cited_number
    from retrieval.contract import DocumentInfo, LocalityModel

    def listed(number: str | None, kind: str) -> str:
        info = DocumentInfo(id="d", source="d.md", title="Kế hoạch chuyển đổi số", kind=kind, number=number,
                            cited_number=cited_number(number), locality=LocalityModel(name="An Hưng", label="xã An Hưng"),
                            clause_count=3)
        return documents_blocks([info])[1]

    assert "số 08-CTr/ĐUUB" in listed("08 - CTr/ĐUUB", "Chương trình")
    assert "số 476/QĐ-UBND" in listed("476/QĐ-UBND", "Quyết định")
    assert " số " not in listed("/KH - UBND", "Kế hoạch") and " số " not in listed(None, "Kế hoạch")
