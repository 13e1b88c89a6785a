"""A task that makes a document and then reports on it produces the document (issue #9): "… xây dựng kế hoạch chi
tiết …, báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện" has the plan as its product, the report being the
routine that follows. A task that only reports, or reports first, keeps the report.

Wordings from three real plans (a province's science plan, a province's and a ministry's plans implementing a law),
synthetic here; each is read as a bullet, a numbered point and a paragraph of its section.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

LAYOUTS = {
    "bullet": "**IV. TỔ CHỨC THỰC HIỆN**\n\n- {t}\n",
    "numbered point": "**IV. TỔ CHỨC THỰC HIỆN**\n\n2. {t}\n",
    "paragraph": "**IV. TỔ CHỨC THỰC HIỆN**\n\n{t}\n",
}

MADE_THEN_REPORTED = [
    ("Các sở, ban, ngành, Ủy ban nhân dân xã, phường và các đơn vị liên quan có trách nhiệm xây dựng kế hoạch chi "
     "tiết hằng năm và định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở Khoa học và Công nghệ để tổng hợp.",
     "kế hoạch chi tiết"),
    ("Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành và Ủy ban nhân dân các xã, phường có trách "
     "nhiệm xây dựng kế hoạch chi tiết triển khai thi hành Luật trong phạm vi quản lý, báo cáo Chủ tịch Ủy ban nhân "
     "dân tỉnh kết quả thực hiện theo quy định.", "kế hoạch chi tiết triển khai thi hành Luật trong phạm vi quản lý"),
    ("Căn cứ nội dung Kế hoạch này, các bộ, cơ quan ngang bộ xây dựng kế hoạch chi tiết triển khai thi hành Luật "
     "trong phạm vi quản lý của bộ, ngành mình. Hằng năm hoặc đột xuất báo cáo kết quả thực hiện về Bộ Công an để "
     "tổng hợp.", "kế hoạch chi tiết triển khai thi hành Luật trong phạm vi quản lý của bộ, ngành mình"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,product", MADE_THEN_REPORTED)
def test_the_document_made_before_the_report_is_the_product(layout, text, product):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:24]).product == product


REPORT_ONLY = [
    ("Sở Tài chính tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.",
     "báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh"),
    # reported first: what is made after the report is the addressee's business (the report carries what it
    # reports, `tests/test_report_products.py`)
    ("Sở Y tế báo cáo Ủy ban nhân dân tỉnh kết quả rà soát, làm cơ sở xây dựng kế hoạch năm sau.",
     "báo cáo Ủy ban nhân dân tỉnh kết quả rà soát"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,product", REPORT_ONLY)
def test_a_task_that_only_reports_keeps_the_report(layout, text, product):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:24]).product == product
