"""The subject after a condition on circumstances (issue #9): the closing sentence plans, circulars and regulations
end with — "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …, <bodies> phản ánh …" — names who acts after the
condition, with or without the comma that ends it. A condition that names a body or an act, or a request
("…, đề nghị các sở …"), is not read that way.

Wordings from three real documents (a ministry's circular on inspections, a training centre's rules, a province's
digital plan), synthetic here; each is read as a paragraph under a section, a numbered point and a bullet.
"""
from __future__ import annotations

import pytest

from corpus.responsibilities import after_lead_in
from snippets import clause, parse_md

LAYOUTS = {
    "paragraph": "**IV. TỔ CHỨC THỰC HIỆN**\n\n{t}\n",
    "numbered point": "**Điều 18. Điều khoản thi hành**\n\n5. {t}\n",
    "bullet": "**III. HIỆU LỰC THI HÀNH**\n\n- {t}\n",
}

AFTER_A_CONDITION = [
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc hoặc có vấn đề mới phát sinh, các cơ quan, tổ chức, "
     "cá nhân phản ánh kịp thời về Bộ Công Thương để được hướng dẫn.", "các cơ quan, tổ chức, cá nhân"),
    ("Trong quá trình thực hiện, nếu có vướng mắc, phát sinh, các tỉnh ủy, thành ủy tổng hợp, báo cáo Ban Tuyên "
     "giáo và Dân vận Trung ương để xem xét, giải quyết.", "các tỉnh ủy, thành ủy"),
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc các cơ quan, đơn vị, địa phương kịp thời phản ánh về "
     "Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ) để xem xét, giải quyết.", "các cơ quan, đơn vị, địa phương"),
    ("Nếu có phát sinh, vướng mắc, Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh.", "Sở Tài chính"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,lead", AFTER_A_CONDITION)
def test_the_subject_after_a_condition_on_circumstances_leads(layout, text, lead):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:24]).lead == lead


NO_SUBJECT_AFTER = [  # the comma may belong to the condition or the request: nobody acts after it
    "Trong quá trình thực hiện, nếu có vướng mắc, báo cáo về Sở Tư pháp, Sở Nội vụ để tổng hợp.",
    "Trong quá trình thực hiện Kế hoạch này, nếu có khó khăn, vướng mắc, đề nghị các bộ, ngành và địa phương kịp "
    "thời phản ánh về Bộ Công an.",
    "Khi cần thiết, nếu Sở Y tế không bảo đảm được nhân lực, Sở Nội vụ tổng hợp báo cáo.",
]


@pytest.mark.parametrize("text", NO_SUBJECT_AFTER)
def test_a_condition_that_names_a_body_or_an_act_keeps_the_sentence(text):
    assert after_lead_in(text) == text
