"""The fact scorer applies the gold format's rules: folded token F1, containment, exact fields."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from corpus.model import Clause, Target

_spec = importlib.util.spec_from_file_location(
    "eval_facts", Path(__file__).resolve().parent.parent / "benchmarks" / "eval_facts.py")
eval_facts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_facts)


def test_strings_match_on_folded_token_f1_or_containment():
    assert eval_facts.string_match("Sở Tài chính", "SỞ TÀI CHÍNH.")
    assert eval_facts.string_match("Sở Nội vụ, UBND các xã, phường", "Sở Nội vụ; UBND các xã phường và các đơn vị")
    assert eval_facts.string_match("Công an tỉnh", "Công an tỉnh chủ trì, phối hợp các sở, ban, ngành liên quan")
    assert not eval_facts.string_match("Sở Tài chính", "Sở Nội vụ")
    assert not eval_facts.string_match("Sở Tài chính", None)
    assert not eval_facts.string_match("Quý IV/2026", "2026")  # F1 0.5, and a one-word side is no containment


def test_exact_fields_fold_and_null_equals_null():
    assert eval_facts.exact_match("xã Lương Minh", "Xa Luong Minh")
    assert eval_facts.exact_match(None, None)
    assert not eval_facts.exact_match("Đồng Tháp", None)


def test_target_keys_present_in_gold_must_all_match():
    c = Clause("d:1", "d", "item", None, [], "t", "d.md", (1, 1),
               target=Target([97.0], "%", ">=", 2030, "đạt 97% trở lên"))
    assert eval_facts.target_match({"values": [97.0], "comparison": ">="}, c)
    assert eval_facts.target_match({"values": [97], "unit": "%", "comparison": ">=", "year": 2030}, c)
    assert not eval_facts.target_match({"values": [97.0], "year": 2025}, c)
    assert not eval_facts.target_match({"values": [97.0]}, None)
