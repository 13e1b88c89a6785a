"""A heading found first answers with the list it heads when it states nothing of its own: one that only announces
its list with a colon, and one whose only fact is a lead it does not state (its unit's own section heading, or a lead
read from a line below). Wordings from the Lai Châu Luật Tiêu chuẩn plan, the Nghệ An thi đua plan, the Đồng Nai
simplification decision and the Đồng Tháp technology plan, rebuilt as small synthetic plans."""
from __future__ import annotations

import pytest

from corpus.model import Clause, LeadSource
from retrieval.strategies import announces_list, states_own_fact, title_body


def plan(doc: str, head: str, items: list[str], **facts) -> list[Clause]:
    """A heading and the items under it, ten lines apart; ``facts``: the heading's typed fields."""
    h = Clause(id=f"{doc}:0", doc_id=doc, kind="heading", label=None, section_path=["II. NỘI DUNG"], text=head,
               source=f"{doc}.md", lines=(10, 10), **facts)
    return [h] + [Clause(id=f"{doc}:{i}", doc_id=doc, kind="bullet", label="-", section_path=["II. NỘI DUNG", head],
                         text=t, source=f"{doc}.md", lines=(10 * i + 10, 10 * i + 10)) for i, t in enumerate(items, 1)]


def led(doc: str, mechanism: str, source: str, lead: str) -> dict:
    return {"lead": lead, "lead_source": LeadSource(mechanism=mechanism, clause_id=source, lines=(10, 10))}


ITEMS = ["+ Hướng dẫn áp dụng các văn bản quy định chi tiết.", "+ Tiếp nhận và xử lý phản ánh, kiến nghị.",
         "+ Cập nhật hệ thống cơ sở dữ liệu liên quan."]


@pytest.mark.parametrize("head", [
    "- Các nội dung hỗ trợ thi hành Luật bao gồm:",          # Lai Châu
    "a) Các hình thức khen thưởng gồm:",                     # Nghệ An
    "1. Thủ tục được đơn giản hóa gồm:",                     # Đồng Nai
])
def test_a_heading_that_only_announces_its_list_is_quoted_with_all_its_items(head):
    cs = plan("x", head, ITEMS)
    assert announces_list(cs[0])
    assert title_body(cs[0], cs) == cs[1:]


def test_a_heading_that_says_something_before_its_colon_keeps_to_its_first_item():
    cs = plan("kt", "2. Tổ kiểm tra lập biên bản theo quy định. Biên bản gồm các nội dung sau:", ITEMS)
    assert not announces_list(cs[0])
    assert title_body(cs[0], cs) == [cs[1]]


@pytest.mark.parametrize("head, facts", [
    ("d) Đối với các doanh nghiệp", led("na", "unit_section", "x:0", "các doanh nghiệp")),        # Nghệ An: its own unit
    ("3. Sở Khoa học và Công nghệ", led("dt", "unit_section", "x:0", "Sở Khoa học và Công nghệ")),  # Đồng Tháp
    ("5. Tổ chức các hoạt động hỗ trợ thi hành Luật", led("lc", "labelled_line", "x:9", "Các sở, ngành")),  # read below
])
def test_a_lead_the_heading_does_not_state_is_no_fact_of_its_own(head, facts):
    cs = plan("x", head, ITEMS, **facts)
    assert not states_own_fact(cs[0])
    assert title_body(cs[0], cs) == cs[1:]  # a bare title: all it heads


def test_a_heading_stating_its_lead_or_deadline_answers_itself():
    sentence = led("x", "sentences", "x:0", "Sở Y tế")
    assert states_own_fact(plan("x", "1. Sở Y tế chủ trì tuyên truyền về bảo hiểm y tế", ITEMS, **sentence)[0])
    stage = plan("gd", "2. Giai đoạn 2031 - 2035", ITEMS, deadline="Giai đoạn 2031 - 2035")
    assert states_own_fact(stage[0]) and title_body(stage[0], stage) == []
