"""A commune typed to scope the answers (the Telegram bot's /xa) is matched to the plans' localities in retrieval
(`retrieval.query.locality_choices`), with or without its level and marks; the bot only shows the result."""
from __future__ import annotations

import pytest

from retrieval.query import locality_choices

OPTIONS = [("An Hưng", "xã An Hưng"), ("Lạc Phượng", "xã Lạc Phượng"), ("Hòa Đức", "phường Hòa Đức"),
           ("Lương Minh", "xã Lương Minh"), ("Minh Hòa", "thị trấn Minh Hòa")]


@pytest.mark.parametrize("typed, value", [
    ("An Hưng", "An Hưng"), ("xã An Hưng", "An Hưng"), ("xa an hung", "An Hưng"), ("XÃ AN HƯNG", "An Hưng"),
    ("phường Hoà Đức", "Hòa Đức"),  # the other tone placement
    ("thi tran minh hoa", "Minh Hòa"),
    ("Lạc", "Lạc Phượng"),  # part of one label only
])
def test_a_typed_commune_picks_the_plan_locality_it_names(typed, value):
    assert [v for v, _ in locality_choices(typed, OPTIONS)] == [value]


@pytest.mark.parametrize("typed", ["Hoàn Kiếm", "Minh", "", "huyện An Hưng"])
def test_a_name_no_plan_has_or_one_several_share_picks_none(typed):
    """"Minh" is in two labels: no guess; a district (huyện) is no commune level."""
    assert locality_choices(typed, OPTIONS) == []
