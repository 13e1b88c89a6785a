""""Which plans …" lists a plan when its best clause covers what the best-covering clause found covers
(`strategies.plan_answers_asked`): the question's words no plan writes do not count against every plan. Figures are
those of dev questions modelled on three plans' wordings: "Kế hoạch nào nhắc tới hệ thống thu phí không dừng trong
giao thông" (Đồng Tháp's transport plan and Đồng Nai's digital economy plan write the toll system, neither "giao
thông" beside it: best coverage .47), "Những kế hoạch nào nhắc tới cơ chế thử nghiệm có kiểm soát (sandbox)" (one plan
writes it at .45), "Những kế hoạch nào đặt mục tiêu phủ sóng 5G cho khu công nghiệp" (Hà Nội's plan at a fifth of
Nghệ An's score)."""
from __future__ import annotations

from retrieval.strategies import (LIST_FULL_COVERAGE, PLANS_ASKED_COVERAGE, PLANS_ASKED_SHARE, plan_answers,
                                  plan_answers_asked)


def test_the_top_plan_is_listed_when_no_plan_writes_half_the_questions_words():
    # the toll-system question: both plans at coverage .47, the best any clause reaches
    assert plan_answers_asked(1.0, 0.47, 1.0, 0.47)
    assert plan_answers_asked(0.735, 0.47, 1.0, 0.47)
    assert not plan_answers(1.0, 0.47, 1.0)  # half the question's words, as `each_plan_first` reads: none listed
    # the sandbox question: the one plan writing it covers .45
    assert plan_answers_asked(1.0, 0.45, 1.0, 0.45)


def test_a_second_plan_at_a_fifth_of_the_top_score_is_listed_when_it_covers_as_much():
    # the 5G coverage question: the second plan at .20 of the top score, coverage .75 of the best .78
    assert plan_answers_asked(0.21, 0.75, 1.0, 0.78)
    assert not plan_answers(0.21, 0.75, 1.0)


def test_a_plan_covering_much_less_than_the_best_clause_is_not_listed():
    # a plan sharing one of the question's words beside a plan that writes them all
    assert not plan_answers_asked(0.9, 0.5, 1.0, 1.0)
    assert not plan_answers_asked(0.9, (PLANS_ASKED_COVERAGE - 0.05) * 0.8, 1.0, 0.8)


def test_a_plan_far_below_the_top_score_is_listed_only_when_it_holds_every_word():
    assert not plan_answers_asked(PLANS_ASKED_SHARE / 2, 0.8, 1.0, 0.8)
    assert plan_answers_asked(0.01, LIST_FULL_COVERAGE, 1.0, 1.0)


def test_a_plan_listed_by_its_title_is_quoted_with_the_clause_it_answers_by_though_it_scores_low():
    # "Những kế hoạch nào nhắc tới cơ chế thử nghiệm có kiểm soát (sandbox)": the second plan's clause covers less than
    # half the question's words and scores a fifth of the first plan's; listed by its title, it is quoted all the same
    from retrieval.answer import compose_by_plan
    from retrieval.strategies import STRATEGIES
    from retrieval.query import analyse
    from tests.test_list_plan_bodies import PLANS, plans

    by_doc, docs = plans()
    q = analyse("Những kế hoạch nào thu hút đầu tư vào khu công nghiệp?", docs, [])
    ranked = [(by_doc["dmcn"][0], 0.9, 1.0), (by_doc["bien"][0], 0.2, 0.45),  # the title lines `plans_first` put first
              (by_doc["dmcn"][3], 0.9, 1.0), (by_doc["bien"][2], 0.2, 0.45), (by_doc["5g"][2], 0.5, 0.3)]
    out = compose_by_plan(STRATEGIES["list"], q, ranked, docs, lambda d: by_doc[d])
    assert PLANS["bien"][0] in out and PLANS["bien"][2][0] in out  # the title, then the clause it answers by
    assert PLANS["dmcn"][2][1] in out
    assert PLANS["5g"][0] not in out  # a plan not listed by its title does not answer below the share
