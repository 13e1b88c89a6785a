"""Headings typed without diacritics are read as their marked wording is.

Some plans type their headings without marks ("IV. TO CHUC THUC HIEN", "1. So Tai chinh:", "2. Muc tieu cu the
den nam 2030"). The readers of unit headings, duty sections and target years matched marked words only, so such a
plan lost the leads and the target years of every clause under those headings (benchmarks/perturb_layouts.py,
headings_no_diacritics: 39 answers over 6 dev documents). A heading with no mark at all (`corpus.text.is_unmarked`)
is read by the same patterns with their marks taken off (`corpus.text.unmarked_pattern`, i.e. `strip_marks`);
a marked heading is read as before. Wordings of three plans: a digital-transformation plan's departments, a
technology road map's units and targets, an emulation plan's duty section.
"""
from __future__ import annotations

import re

import pytest

from corpus.model import SourceText
from corpus.parse import parse_source
from corpus.responsibilities import unit_name
from corpus.targets import indicator_year, year_of_heading
from corpus.text import is_unmarked, unmarked_pattern

_HEAD = ["**ỦY BAN NHÂN DÂN TỈNH AN GIANG**", "", "**KẾ HOẠCH**", ""]


def _clauses(lines: list[str]):
    return parse_source(SourceText(source="ke-hoach.md", lines=_HEAD + lines + [""], fmt="md")).clauses


@pytest.mark.parametrize("part, heading, duty, lead", [
    ("**IV. TO CHUC THUC HIEN**", "**1. So Tai chinh:**", "- Tham mưu bố trí kinh phí thực hiện Kế hoạch.",
     "so tai chinh"),
    ("**V. TO CHUC THUC HIEN**", "**2. CONG AN TINH**", "- Bảo đảm an ninh, trật tự trong quá trình triển khai.",
     "cong an tinh"),
    ("**III. TRACH NHIEM THUC HIEN**", "**3. Trung tam Chuyen doi so tinh**",
     "- Vận hành hệ thống thông tin quy hoạch.", "trung tam chuyen doi so tinh"),
    ("**IV. PHAN CONG NHIEM VU**", "**4. So Nong nghiep va Moi truong**",
     "- Hướng dẫn các xã triển khai mô hình nông nghiệp số.", "so nong nghiep va moi truong"),
])
def test_an_unmarked_unit_heading_leads_the_duties_under_it(part, heading, duty, lead):
    clauses = _clauses([part, "", heading, "", duty, "", "- Báo cáo kết quả thực hiện hằng năm."])
    task = next(c for c in clauses if c.text.startswith(duty[:12]))
    assert (task.lead or "").casefold() == lead


@pytest.mark.parametrize("heading", ["Bao dam kinh phi", "Bao dam an toan, an ninh mang va bao mat du lieu",
                                     "Tang cuong cong tac tuyen truyen"])
def test_an_unmarked_task_heading_names_no_unit(heading):
    # unmarked, "Bảo đảm" reads as "Báo" (a newspaper); a task's verb opens no unit's name
    assert unit_name(heading, capitals=True) is None


def test_unmarked_words_are_read_only_for_a_numbered_heading_and_marked_ones_as_before():
    assert unit_name("So Tai chinh") is None
    assert unit_name("So Tai chinh", capitals=True) == "So Tai chinh"
    assert unit_name("Sở Tài chính") == "Sở Tài chính"
    assert unit_name("Sở Tài chính", capitals=True) == "Sở Tài chính"


@pytest.mark.parametrize("heading, year", [
    ("2. Muc tieu cu the den nam 2030", 2030),
    ("II. CHI TIEU XUAT KHAU DEN NAM 2030", 2030),
    ("1. Du bao cac chi tieu kinh te - xa hoi den nam 2026", 2026),
])
def test_an_unmarked_target_heading_sets_its_year(heading, year):
    assert year_of_heading(heading) == year
    assert indicator_year(heading) == year
    assert year_of_heading("so voi nam 2025") is None  # a baseline stays no target year unmarked too


def test_an_unmarked_target_heading_dates_the_targets_under_it():
    clauses = _clauses(["**II. MUC TIEU**", "", "**2. Muc tieu cu the den nam 2030**", "",
                        "- Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình đạt tối thiểu 80%."])
    target = next(c.target for c in clauses if c.text.startswith("- Tỷ lệ") or c.text.startswith("Tỷ lệ"))
    assert target is not None and target.year == 2030


def test_unmarked_means_letters_without_a_mark():
    assert is_unmarked("II. TO CHUC THUC HIEN")
    assert not is_unmarked("II. TỔ CHỨC THỰC HIỆN")
    assert not is_unmarked("2026 - 2030")  # no letter: nothing to read
    rx = unmarked_pattern(re.compile(r"^(?:Sở|Ủy ban)\s+(?-i:[A-ZĐ])", re.I))
    assert rx.match("Uy ban Nhan dan") and rx.match("so Dan toc") and not rx.match("Sở Tài chính")


def test_an_unmarked_field_title_and_unit_name_list_their_fields():
    from corpus.field_links import field_parts, own_field
    assert field_parts("Giao duc va Dao tao") == field_parts("Giáo dục và Đào tạo") == {"giao duc", "dao tao"}
    assert field_parts("Linh vuc logistics") == field_parts("Lĩnh vực logistics") == {"logistics"}
    assert own_field("So Van hoa, The thao va Du lich") == own_field("Sở Văn hóa, Thể thao và Du lịch")


@pytest.mark.parametrize("part, stage, stage_text", [
    ("**III. LO TRINH THUC HIEN**", "**1. Giai doan 2026 - 2027**", "Giai doan 2026 - 2027"),
    ("**II. NOI DUNG THUC HIEN**", "**2. Ke hoach phat trien giai doan 2026 - 2030**", "Giai doan 2026 - 2030"),
    ("**III. NHIEM VU**", "**1. Nam 2026**", "Nam 2026"),
])
def test_an_unmarked_stage_heading_times_the_tasks_under_it(part, stage, stage_text):
    clauses = _clauses([part, "", stage, "", "- Xây dựng nền tảng dữ liệu dùng chung của tỉnh."])
    task = next(c for c in clauses if "nền tảng dữ liệu" in c.text)
    assert task.deadline == stage_text
