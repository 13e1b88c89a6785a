"""Line-shifting layout perturbations (`benchmarks/perturb_layouts.py`) carry the gold with them: each returns a line
map from every original line to the new lines holding its text, the gold's cited lines follow it, and no answer
string is cut by a new line break. Wordings modelled on a standards-law plan (6a406c1f, dev), a data-protection law
plan (86367f2d, dev) and an export plan (f1e09814, dev)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "perturb_layouts.py"
_spec = importlib.util.spec_from_file_location("perturb_layouts", _PATH)
P = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("perturb_layouts", P)
_spec.loader.exec_module(P)

TASK = ("- Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành tổ chức hội nghị tập huấn, bồi dưỡng nghiệp vụ "
        "về nội dung Luật Tiêu chuẩn và quy chuẩn kỹ thuật cho cán bộ, công chức, viên chức.")


def _joined(lines, idx):
    return " ".join(" ".join(lines[i] for i in idx).split())


def test_hard_wrap_splits_long_items_and_maps_each_line_to_its_pieces():
    lines = ["**II. NHIỆM VỤ**", "", TASK, "", "| 1 | Sở Tư pháp | Quý IV/2025 |"]
    new, lmap = P.HardWrap().shift(lines, [])
    assert len(lmap) == len(lines)
    assert new[lmap[0][0]] == lines[0] and new[lmap[4][0]] == lines[4]  # heading and table row untouched
    assert len(lmap[2]) > 1 and all(len(new[j]) <= P.WRAP_COLUMNS + 20 for j in lmap[2])
    assert _joined(new, lmap[2]) == TASK
    assert not any(new[j].startswith(" ") for j in lmap[2])


def test_hard_wrap_never_breaks_inside_an_answer_string():
    needle = "tập huấn, bồi dưỡng nghiệp vụ về nội dung Luật Tiêu chuẩn"
    new, lmap = P.HardWrap().shift([TASK], [needle])
    assert any(needle in new[j] for j in lmap[0])


def test_hard_wrap_never_opens_a_continuation_with_an_item_marker():
    line = ("+ Tổng sản phẩm nhãn tham gia xuất khẩu đến năm 2030 đạt 8.500 tấn; tốc độ tăng bình quân 05 - 06%/năm; "
            "thị trường xuất khẩu: a) Trung Quốc, b) Úc, 2. Hoa Kỳ và các thị trường khác.")
    new, lmap = P.HardWrap().shift([line], [])
    for j in lmap[0][1:]:
        assert not P._ITEM_WORD.match(new[j].split(" ", 1)[0])


def test_hard_wrap_indented_indents_continuations_under_the_item_text():
    new, lmap = P.HardWrapIndented().shift([TASK], [])
    assert all(new[j].startswith("  ") and not new[j].startswith("   ") for j in lmap[0][1:])


def test_blank_lines_removed_and_doubled_map_around_the_blank_lines():
    lines = ["a) Rà soát văn bản.", "", "- Cơ quan chủ trì: Bộ Công an.", "", "", "b) Tập huấn."]
    new, lmap = P.BlankLinesRemoved().shift(lines, [])
    assert new == ["a) Rà soát văn bản.", "- Cơ quan chủ trì: Bộ Công an.", "b) Tập huấn."]
    assert lmap == [[0], [], [1], [], [], [2]]
    new, lmap = P.BlankLinesDoubled().shift(lines, [])
    assert len(new) == 9 and lmap[1] == [1, 2] and new[lmap[5][0]] == "b) Tập huấn."


@pytest.mark.parametrize("task, attrs", [
    (["a) Nghị định quy định chi tiết", "thi hành một số điều của Luật"],
     ["- Cơ quan chủ trì: Sở Khoa học", "và Công nghệ.", "", "- Thời gian thực hiện: Quý", "IV năm 2025."]),
    (["1. Tổ chức tuyên truyền, phổ", "biến pháp luật về bảo vệ dữ liệu cá nhân"],
     ["- Cơ quan thực hiện: Bộ Công", "an, Bộ Tư pháp.", "", "- Cơ quan phối hợp: các bộ, ngành.", "",
      "- Thời gian thực hiện: năm", "2025 và các năm tiếp theo."]),
    (["- Xây dựng kế hoạch xúc tiến thương mại nông sản."],
     ["- **Đơn vị chủ trì:** Sở Công Thương.", "- Sản phẩm: Kế hoạch được phê duyệt.", "- Thời hạn: 30/6/2026."]),
])
def test_labels_inline_joins_attribute_lines_into_the_task_line(task, attrs):
    lines = ["**II. NHIỆM VỤ**", "", *task, "", *attrs, "", "**III. TỔ CHỨC THỰC HIỆN**"]
    new, lmap = P.LabelsInline().shift(lines, [])
    last = lmap[2 + len(task) - 1][0]
    assert new[last].startswith(task[-1] + " (") and new[last].endswith(")")
    assert "Chủ trì: " in new[last]
    assert all(lmap[i] == [last] for i in range(3 + len(task), 3 + len(task) + len(attrs)) if lines[i].strip())
    assert new[lmap[-1][0]] == "**III. TỔ CHỨC THỰC HIỆN**"


def test_labels_inline_keeps_a_label_an_answer_string_quotes():
    lines = ["1. Tổ chức tuyên truyền pháp luật", "", "- Cơ quan thực hiện: Bộ Công", "an."]
    new, _ = P.LabelsInline().shift(lines, ["Cơ quan thực hiện: Bộ Công"])
    assert new == ["1. Tổ chức tuyên truyền pháp luật (Cơ quan thực hiện: Bộ Công an)"]


def test_labels_own_line_splits_inline_attributes_into_labelled_lines():
    lines = ["- Xây dựng kế hoạch xúc tiến thương mại (Chủ trì: Sở Công Thương; thời gian: Quý II/2026)."]
    new, lmap = P.LabelsOwnLine().shift(lines, [])
    assert new == ["- Xây dựng kế hoạch xúc tiến thương mại", "- Chủ trì: Sở Công Thương.", "- Thời gian: Quý II/2026."]
    assert lmap == [[0, 1, 2]]


def test_web_noise_wraps_the_document_and_shifts_every_line():
    lines = ["**KẾ HOẠCH**", "Triển khai Luật", ""]
    new, lmap = P.WebNoise().shift(lines, [])
    assert len(new) > len(lines) + 6 and [new[m[0]] for m in lmap] == lines


def test_gold_cited_line_becomes_every_line_its_text_went_to():
    old = {"d.md": ["**II. NHIỆM VỤ**", TASK]}
    new_lines, lmap = P.HardWrap().shift(old["d.md"], ["Sở Khoa học và Công nghệ"])
    q = {"id": "x", "relevant": [{"source": "d.md", "line": 2}], "answer_contains": ["Sở Khoa học và Công nghệ"]}
    [row] = P.remap_gold([q], {"d.md": lmap}, old, {"d.md": new_lines})
    assert [r["line"] for r in row["relevant"]] == [j + 1 for j in lmap[1]]


def test_gold_remap_refuses_an_answer_string_cut_out_of_its_cited_lines():
    old = {"d.md": ["a b c d"]}
    new = {"d.md": ["a b", "c d"]}
    q = {"id": "x", "relevant": [{"source": "d.md", "line": 1}], "answer_contains": ["b c"]}
    with pytest.raises(AssertionError):
        P.remap_gold([q], {"d.md": [[0]]}, old, new)
