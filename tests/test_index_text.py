"""Vietnamese text handling: the same words must produce the same tokens at index and query time."""
from __future__ import annotations

import pytest

from corpus.model import Clause, Document, Locality
from index.text import (
    CURATED_ABBREVIATIONS,
    abbreviation_table,
    bm25_tokens,
    expand_abbreviations,
    fold,
    harvest_abbreviations,
    normalize,
    passage_text,
    segment,
)


@pytest.mark.parametrize(
    "old, new",
    [("hoá", "hóa"), ("Uỷ ban", "ủy ban"), ("thuỷ sản", "thủy sản"), ("khoẻ", "khỏe"),
     ("Toà án", "tòa án"), ("luỹ kế", "lũy kế"), ("HOÀ BÌNH", "hòa bình"), ("tuỳ", "tùy")],
)
def test_normalize_maps_both_tone_placements_to_one_form(old, new):
    assert normalize(old) == new
    assert normalize(new) == new


@pytest.mark.parametrize("word", ["hoàng", "thuyền", "quý", "hoạch", "khuyến", "hoài"])
def test_normalize_leaves_syllables_where_styles_agree(word):
    assert normalize(word) == word


def test_normalize_composes_nfd_input_and_collapses_whitespace():
    nfd = "ho\u0061\u0301  \t kho\u0065\u0309\n"  # "hoá khoẻ" decomposed
    assert normalize(nfd) == "hóa khỏe"


def test_fold_strips_diacritics_and_d_stroke():
    assert fold("Đảng ủy xã Lạc Phượng") == "dang uy xa lac phuong"
    assert fold("BẢO HIỂM Y TẾ") == fold("bao hiem y te")


def test_segment_groups_compound_words():
    words = segment("tỷ lệ dân số tham gia bảo hiểm y tế")
    assert "bảo hiểm y tế" in words
    assert "tỷ lệ" in words


def test_bm25_tokens_have_folded_syllables_and_compounds():
    toks = bm25_tokens("Tỷ lệ dân số tham gia bảo hiểm y tế")
    assert {"ty", "le", "bao", "hiem", "y", "te"} <= set(toks)
    assert "bao_hiem_y_te" in toks and "ty_le" in toks


@pytest.mark.parametrize("accented, typed", [
    ("Sở Y tế chủ trì", "so y te chu tri"),
    ("tỷ lệ hộ nghèo đa chiều", "TY LE HO NGHEO DA CHIEU"),
    ("Kinh phí thực hiện Kế hoạch", "kinh phi thuc hien ke hoach"),
])
def test_bm25_word_pairs_are_the_same_with_or_without_marks(accented, typed):
    pairs = lambda toks: [t for t in toks if "__" in t]  # noqa: E731
    assert pairs(bm25_tokens(accented)) == pairs(bm25_tokens(typed))
    assert len(pairs(bm25_tokens(accented))) == len(accented.split()) - 1


def test_bm25_word_pairs_join_content_syllables_across_stop_words():
    toks = bm25_tokens("kiểm tra các chợ và vùng trồng lúa")
    assert {"kiem__tra", "tra__cho", "cho__vung", "vung__trong", "trong__lua"} <= set(toks)
    assert not any(t.startswith("cac") or t.endswith("__va") for t in toks)


@pytest.mark.parametrize("query, answer, decoy", [
    # the question's word is a pair; the decoy has both syllables, in other words
    ("kinh phí thực hiện", "Kinh phí thực hiện do ngân sách tỉnh bảo đảm.",
     "Phát triển kinh tế gắn với thực hiện cắt giảm chi phí."),
    ("chủ trì kiểm tra", "Công an xã chủ trì kiểm tra an toàn giao thông.",
     "Duy trì kiểm soát, chủ động tra cứu hồ sơ."),
    ("ty le ho ngheo", "Tỷ lệ hộ nghèo giảm 1,5%/năm.",
     "Hộ gia đình được hỗ trợ theo tỷ lệ vốn; người nghèo được vay."),
])
def test_bm25_ranks_the_clause_writing_the_words_together_first(query, answer, decoy):
    from index.build import make_bm25

    passages = [decoy, answer, "Ủy ban nhân dân xã tổ chức thực hiện Kế hoạch."]
    bm25 = make_bm25([bm25_tokens(p) for p in passages])
    toks = [t for t in bm25_tokens(query) if t in bm25.vocab_dict]
    scores = bm25.get_scores(toks)
    assert scores[1] > scores[0]


def test_bm25_tokens_drop_stopwords_but_not_words_that_fold_onto_them():
    toks = bm25_tokens("kiểm tra các chợ và vùng trồng lúa của xã")
    assert "va" not in toks and "cac" not in toks and "cua" not in toks
    assert "cho" in toks  # chợ (market) is content, even though "cho" (for) is a stopword
    assert "trong" in toks  # trồng


def test_unaccented_query_tokens_match_accented_clause_tokens():
    clause = set(bm25_tokens("Chủ trì: Trạm Y tế xã; tỷ lệ tham gia bảo hiểm y tế"))
    query = [t for t in bm25_tokens("ai chu tri ty le bao hiem y te") if "_" not in t]
    # Syllables always match; compounds of unaccented text are a bonus (segmentation guesses).
    assert query == ["chu", "tri", "ty", "le", "bao", "hiem", "y", "te", "bhyt"]
    assert set(query) <= clause


def test_abbreviation_expands_to_long_form_and_back():
    assert "bảo hiểm y tế" in expand_abbreviations("tỷ lệ BHYT")
    assert "(BHYT)" in expand_abbreviations("tỷ lệ bảo hiểm y tế")
    assert "(TTHC)" in expand_abbreviations("giải quyet thu tuc hanh chinh")


def test_lowercase_unaccented_abbreviation_still_expands():
    assert "bảo hiểm y tế" in expand_abbreviations("ai chu tri chi tieu bhyt")


def test_abbreviation_already_defined_in_place_is_not_repeated():
    text = "Cải cách thủ tục hành chính (TTHC):"
    assert expand_abbreviations(text) == text


def test_abbreviation_and_long_form_share_bm25_tokens():
    assert set(bm25_tokens("bảo hiểm y tế")) == set(bm25_tokens("BHYT"))
    assert set(bm25_tokens("HĐND xã")) == set(bm25_tokens("hội đồng nhân dân xã"))


def test_abbreviation_inside_a_word_does_not_expand():
    assert expand_abbreviations("ĐOANH DNA") == "ĐOANH DNA"


def test_harvest_finds_defined_pairs_whose_initials_match():
    lines = [
        "a. Cải cách thủ tục hành chính (TTHC):",
        "- Hoàn thiện hệ thống văn bản quy phạm pháp luật (VBQPPL) của xã trên",
        "c. Công tác tiếp công dân, giải quyết khiếu nại, tố cáo (KNTC):",
        "Nâng cao chỉ số hài lòng của người dân (SIPAS) hằng năm",
        "phát triển kinh tế tập thể (KTTT) gắn với hợp tác xã",
    ]
    found = harvest_abbreviations(lines)
    assert found["TTHC"] == "thủ tục hành chính"
    assert found["VBQPPL"] == "văn bản quy phạm pháp luật"
    assert found["KNTC"] == "khiếu nại tố cáo"
    assert found["KTTT"] == "kinh tế tập thể"
    assert "SIPAS" not in found  # initials do not spell it


def test_harvested_abbreviation_is_used_by_bm25_tokens():
    table = abbreviation_table(harvest_abbreviations(["phát triển kinh tế tập thể (KTTT) bền vững"]))
    assert "KTTT" in table and "BHYT" in table
    assert {"kinh", "te", "tap", "the"} <= set(bm25_tokens("KTTT", table))
    assert not {"tap", "the"} <= set(bm25_tokens("KTTT", CURATED_ABBREVIATIONS))


def test_passage_text_carries_locality_headings_and_responsibility():
    doc = Document(id="d", source="d.txt", locality=Locality("xã", "An Hưng", "Hải Phòng"))
    clause = Clause(id="d:3", doc_id="d", kind="item", label="(12)",
                    section_path=["II. CHỈ TIÊU", "1. Chỉ tiêu chủ yếu", "Về xã hội"],
                    text="Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt 100%.",
                    source="d.txt", lines=(40, 40), lead="Trạm Y tế", partners="BHXH huyện")
    p = passage_text(clause, doc)
    assert p.splitlines()[0] == "xã An Hưng"
    assert p.splitlines()[1] == "II. CHỈ TIÊU › 1. Chỉ tiêu chủ yếu › Về xã hội"
    assert "(12) Đến năm 2030" in p
    assert "Chủ trì: Trạm Y tế" in p and "Phối hợp: BHXH huyện" in p


def test_passage_text_names_the_plan_so_a_short_clause_is_found_by_what_it_is_about():
    doc = Document(id="d", source="d.md", title="Kế hoạch thực hiện Luật Việc làm",
                   locality=Locality(None, None, "Hồ Chí Minh"))
    clause = Clause(id="d:9", doc_id="d", kind="bullet", label="-", section_path=["III. TỔ CHỨC THỰC HIỆN"],
                    text="Thời gian: Năm 2026.", source="d.md", lines=(99, 99), lead="Sở Nội vụ",
                    deadline="Năm 2026")
    p = passage_text(clause, doc)
    assert p.splitlines()[0] == "Kế hoạch thực hiện Luật Việc làm"
    assert "Chủ trì: Sở Nội vụ" in p
    assert "Thời hạn: Năm 2026" not in p  # already in the clause's own words


def test_passage_text_is_capped_for_the_encoder_window():
    doc = Document(id="d", source="d.txt")
    clause = Clause(id="d:1", doc_id="d", kind="table_row", label=None, section_path=[],
                    text="rất dài " * 2000, source="d.txt", lines=(1, 1))
    assert len(passage_text(clause, doc)) <= 1600
