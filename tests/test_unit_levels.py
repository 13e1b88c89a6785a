"""The administrative levels are declared once (`corpus.text.UNIT_LEVELS`) and every reader of a unit's
level takes them from there: the question's level words, a unit's core name, a unit's own field, the places
a text names; a unit head naming a field is one of the unit heads."""
from __future__ import annotations

import pytest

from corpus.field_links import own_field
from corpus.places import find_places
from corpus.text import (ACTING_UNIT_HEADS, COMMUNE_LEVELS, COMMUNE_UNIT_HEADS, FIELD_UNIT_HEADS, PROVINCE_LEVELS,
                         UNIT_HEADS, UNIT_LEVELS, fold)
from retrieval.evidence import unit_core
from retrieval.query import LEVEL_WORDS


def test_the_current_levels_are_among_the_declared_ones_and_the_former_too():
    assert set(PROVINCE_LEVELS + COMMUNE_LEVELS) < set(UNIT_LEVELS)
    assert {"thị trấn", "huyện", "đặc khu"} <= set(UNIT_LEVELS)


def test_every_levels_words_are_level_words_of_a_question_but_those_opening_common_subjects():
    for level in UNIT_LEVELS:
        if level != "đặc khu":
            assert set(fold(level).split()) <= LEVEL_WORDS
    assert not {"dac", "khu"} & LEVEL_WORDS  # "khu công nghiệp", "đặc thù" are subjects


@pytest.mark.parametrize("unit_key, core", [
    ("so y te tinh", "so y te"),
    ("uy ban nhan dan xa", "uy ban nhan dan"),
    ("cong an thi tran", "cong an"),
    ("ban quan ly dac khu", "ban quan ly"),
    ("phong kinh te huyen", "phong kinh te"),
    ("uy ban nhan dan thanh pho", "uy ban nhan dan"),
])
def test_a_units_core_drops_any_level_it_ends_with(unit_key, core):
    assert unit_core(unit_key) == core


@pytest.mark.parametrize("unit, field", [
    ("Sở Y tế tỉnh Đồng Tháp", {"y te"}),
    ("Phòng Văn hóa - Xã hội thị trấn Sông Cầu", {"van hoa", "xa hoi"}),
    ("Ban Quản lý đặc khu Phú Quốc", {"quan ly"}),
])
def test_a_units_own_field_leaves_out_its_kind_and_its_place_at_every_level(unit, field):
    assert own_field(unit) == frozenset(field)


def test_a_field_naming_head_and_an_acting_bodys_head_are_unit_heads():
    assert set(FIELD_UNIT_HEADS) <= set(UNIT_HEADS)
    assert set(ACTING_UNIT_HEADS) <= set(UNIT_HEADS)
    assert set(COMMUNE_UNIT_HEADS) <= set(UNIT_HEADS)


def test_a_place_is_found_after_each_current_level_word():
    levels = {p.level for p in find_places("xã An Hưng, thành phố Hải Phòng và đặc khu Phú Quốc, tỉnh An Giang")}
    assert {"xã", "thành phố", "đặc khu", "tỉnh"} <= levels
