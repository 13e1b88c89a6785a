"""A list of procedures states each procedure's code in a column of its own ("Mã TTHC", "Mã số TTHC", "Mã thủ tục"):
the corpus types that column (`Clause.columns` "ma_so"), and a question asking a procedure's code is answered with
the procedure's row of the plan's list (`answer.coded_row`), though the procedure's own section, whose heading names it
too, ranks above that row. Wordings modelled on the dev plans: a ministry's decision publishing internal procedures
(plant protection: "TT | Mã TTHC | Tên thủ tục hành chính | Lĩnh vực | …"), a province's decision simplifying
procedures ("STT | Mã số TTHC | Tên thủ tục hành chính | Nội dung đề xuất") and a commune's list of procedures
("STT | Mã thủ tục | Tên thủ tục | Cơ quan thực hiện")."""
from __future__ import annotations

import pytest

from corpus.model import Clause
from corpus.tables import _title_meaning
from retrieval.answer import coded_row
from retrieval.query import Question, folded, role_flags


@pytest.mark.parametrize("title", ["Mã TTHC", "Mã số TTHC", "Mã thủ tục", "Mã số thủ tục hành chính"])
def test_a_procedure_code_column_is_typed(title):
    assert _title_meaning(title) == "ma_so"


def row(n: int, cells: dict[str, str]) -> Clause:
    return Clause(id=f"d:{n:04d}", doc_id="d", kind="table_row", label=None, section_path=["DANH MỤC"],
                  text=" — ".join(cells.values()), source="d.md", lines=(n * 10, n * 10 + 5), columns=cells)


MINISTRY = [row(1, {"ma_so": "6.000224", "noi_dung": "Tạm ngừng hoặc cấm xuất khẩu, nhập khẩu vật thể thuộc diện "
                    "kiểm dịch thực vật", "col4": "Bảo vệ thực vật"}),
            row(2, {"ma_so": "5.000121", "noi_dung": "Tiếp tục xuất khẩu, nhập khẩu vật thể thuộc diện kiểm dịch "
                    "thực vật", "col4": "Bảo vệ thực vật"})]
PROVINCE = [row(3, {"ma_so": "1.001653", "col3": "Đổi, cấp lại Giấy xác nhận khuyết tật",
                    "noi_dung": "Giảm thời gian giải quyết"}),
            row(4, {"ma_so": "2.001088", "col3": "Xét hưởng chính sách hỗ trợ cho đối tượng sinh con đúng chính sách "
                    "dân số", "noi_dung": "Giảm thời gian giải quyết"})]
COMMUNE = [row(5, {"ma_so": "1.000894", "noi_dung": "Đăng ký khai sinh", "chu_tri": "UBND cấp xã"}),
           row(6, {"ma_so": "1.001193", "noi_dung": "Đăng ký khai tử", "chu_tri": "UBND cấp xã"})]


def q(text: str, key_tokens: tuple[str, ...]) -> Question:
    return Question(text=text, folded=folded(text), qtype="fact", key_tokens=key_tokens,
                    **role_flags(folded(text))._asdict())


@pytest.mark.parametrize("plan, question, code", [
    (MINISTRY, "Mã TTHC của thủ tục tiếp tục xuất khẩu, nhập khẩu vật thể thuộc diện kiểm dịch thực vật là gì?",
     "5.000121"),
    (PROVINCE, "Mã số TTHC của thủ tục xét hưởng chính sách hỗ trợ cho đối tượng sinh con đúng chính sách dân số?",
     "2.001088"),
    (COMMUNE, "ma thu tuc dang ky khai tu la gi", "1.001193"),
])
def test_a_question_asking_a_procedures_code_reads_its_row_in_the_plans_list(plan, question, code):
    words = tuple(dict.fromkeys(w for w in folded(question).replace(",", " ").replace("?", " ").split()
                                if w not in ("cua", "la", "gi")))
    asked = q(question, words)
    assert asked.asks_code
    found = coded_row(asked, [Clause(id="d:0000", doc_id="d", kind="heading", label="4.", section_path=[],
                                     text="4. " + question, source="d.md", lines=(1, 1)), *plan])
    assert found is not None and found.columns["ma_so"] == code


def test_a_procedure_no_row_names_has_no_code_row():
    asked = q("Mã TTHC của thủ tục cấp giấy phép xây dựng là gì?", ("cap", "giay", "phep", "xay", "dung"))
    assert coded_row(asked, MINISTRY + PROVINCE) is None
    assert not q("Thủ tục tiếp tục xuất khẩu vật thể giải quyết trong bao lâu?", ()).asks_code
