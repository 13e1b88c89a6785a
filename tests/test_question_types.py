"""What a question type changes lives in its strategy class (`retrieval.strategies.STRATEGIES`): no other step
branches on the type, and the analysis hands on one immutable, typed value."""
from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from retrieval.query import NamedUnit, Question, analyse, unit_named

RETRIEVAL = Path(__file__).resolve().parent.parent / "retrieval"


def _type_readers() -> dict[str, list[int]]:
    """Per module of retrieval/, the lines reading some value's ``.qtype`` (a record's own ``self.qtype`` aside)."""
    readers: dict[str, list[int]] = {}
    for path in sorted(RETRIEVAL.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr == "qtype" and isinstance(node.ctx, ast.Load)
                    and not (isinstance(node.value, ast.Name) and node.value.id == "self")):
                readers.setdefault(path.name, []).append(node.lineno)
    return readers


def test_only_the_strategy_registry_reads_a_questions_type():
    """The abstention evidence and the base strategy used to branch on ``q.qtype`` themselves."""
    readers = _type_readers()
    readers.pop("query.py")  # the analysis decides the type
    assert list(readers) == ["strategies.py"] and len(readers["strategies.py"]) == 1, readers


def test_the_unit_a_question_names_is_a_typed_value_that_may_make_it_a_duties_question():
    units = ["Sở Nội vụ", "Công an tỉnh"]
    asked = unit_named("Sở Nội vụ được giao nhiệm vụ gì?", "so noi vu duoc giao nhiem vu gi", "fact", units)
    assert asked == NamedUnit("duties", "Sở Nội vụ", "so noi vu", None)
    assert unit_named("Bao nhiêu?", "bao nhieu", "target", units) == NamedUnit("target")
    unknown = unit_named("Hội Nông dân phải làm gì?", "hoi nong dan phai lam gi", "duties", units)
    assert unknown.unit is None and unknown.unknown_unit


@pytest.mark.parametrize("question, unknown", [
    ("Hội Nông dân xã An Hưng được giao những nhiệm vụ gì?", "Hội Nông dân"),
    ("Trạm Y tế được giao những việc gì?", "Trạm Y tế"),
    ("Đội Dân phòng có nhiệm vụ gì?", "Đội Dân phòng"),
    # a department or ministry no plan names as written is searched for, not refused (COMMUNE_UNIT_HEADS)
    ("Sở Y tế Đồng Tháp được giao nhiệm vụ gì?", None),
    ("Bộ Công an phải làm gì theo kế hoạch?", None),
])
def test_a_duties_question_opening_with_a_commune_body_no_plan_names_keeps_it_as_unknown(question, unknown):
    from retrieval.query import folded

    got = unit_named(question, folded(question), "duties", ["Phòng Kinh tế", "Công an tỉnh"])
    assert got.unit is None and got.unknown_unit == unknown


def test_the_analysis_is_frozen_and_holds_no_mutable_scratch():
    q = analyse("Sở Nội vụ được giao nhiệm vụ gì?", {}, ["Sở Nội vụ"])
    assert q.qtype == "duties" and q.unit_key == "so noi vu"
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.qtype = "who"  # type: ignore[misc]
    assert not any(isinstance(getattr(q, f.name), (dict, list, set)) for f in dataclasses.fields(Question))
    hash(q)  # every field is a value: the analysis can key a cache as a whole
