"""The folded word lists one reading each needs (a plan's name in a question, the thing "bao nhiêu" counts, a
place's name, an indicator's name) are declared once, in the vocabulary (`corpus.text`), and read from there;
each parts from the shared stop words on purpose, since those would cut what it reads."""
from __future__ import annotations

from corpus import paraphrase_links
from corpus import text as vocabulary
from corpus.text import (FOLDED_STOPWORDS, LINKING_WORDS, NOT_COUNTED_WORDS, NOT_INDICATOR_NAME_WORDS,
                         NOT_PLACE_NAME_WORDS, PLAN_NAME_STOP, fold)
from retrieval import catalog, catalogue, evidence, outline, query, strategies, values
from retrieval.query import AnswerSlot, answer_slot, folded


def test_each_reading_word_list_is_declared_once_in_the_vocabulary():
    assert evidence.PLAN_NAME_STOP is vocabulary.PLAN_NAME_STOP
    assert evidence.PLAN_WORDS is vocabulary.PLAN_WORDS
    assert paraphrase_links.TASK_OPENERS is vocabulary.TASK_OPENERS
    assert vocabulary.PLAN_WORDS == {"ke hoach", "kh", "chuong trinh", "quy hoach", "de an", "lo trinh", "phuong an"}
    assert query.NOT_COUNTED_WORDS is vocabulary.NOT_COUNTED_WORDS
    assert query.NOT_PLACE_NAME_WORDS is vocabulary.NOT_PLACE_NAME_WORDS
    assert catalog.NOT_INDICATOR_NAME_WORDS is vocabulary.NOT_INDICATOR_NAME_WORDS
    for module, old in ((query, "_NOT_COUNTED"), (query, "_NOT_NAMES"), (catalog, "_NOT_NAME")):
        assert not hasattr(module, old), f"{module.__name__}.{old} is a second copy"


def test_the_role_and_time_wordings_of_a_question_are_declared_in_the_vocabulary():
    assert query.ASKS_RECIPIENT is vocabulary.ASKS_RECIPIENT
    assert evidence.ASKS_TASK_DEADLINE is vocabulary.ASKS_TASK_DEADLINE
    for module, old in ((query, "_ASKS_RECIPIENT"), (evidence, "_TASK_DEADLINE")):
        assert not hasattr(module, old), f"{module.__name__}.{old} is a second copy"
    # whom a report goes to, in three plans' wordings; a task's lead or its report's time is not it
    for asked in ("Báo cáo kết quả lên những cơ quan nào?", "Gửi báo cáo về đâu?", "Trình cấp nào phê duyệt đề án?"):
        assert vocabulary.ASKS_RECIPIENT.search(folded(asked)), asked
    for other in ("Cơ quan nào chủ trì xây dựng báo cáo?", "Báo cáo sơ kết gửi trước ngày nào?"):
        assert not vocabulary.ASKS_RECIPIENT.search(folded(other)), other
    # a task's own thời hạn, in three wordings; a law's effect is asked by other words
    for asked in ("Hạn chót nộp hồ sơ là ngày nào?", "Thời hạn ban hành quy chế?", "Khi nào hoàn thành số hóa?"):
        assert vocabulary.ASKS_TASK_DEADLINE.search(folded(asked)), asked
    assert not vocabulary.ASKS_TASK_DEADLINE.search(folded("Luật có hiệu lực từ khi nào?"))


def test_the_reading_lists_keep_words_the_shared_stop_words_would_cut():
    linking = {fold(w) for w in LINKING_WORDS}
    # "và" is inside a plan's name ("phát triển kinh tế và xã hội"): a stop word, but no end of the name
    assert "va" in FOLDED_STOPWORDS and "va" not in PLAN_NAME_STOP
    # "có" may be "cơ" once folded: "bao nhiêu cơ sở" counts establishments
    assert "co" in linking and "co" not in NOT_COUNTED_WORDS
    assert answer_slot(folded("Có bao nhiêu cơ sở được hỗ trợ?")) == AnswerSlot("count", "co")
    assert answer_slot(folded("Bao nhiêu năm thì hoàn thành?")) != AnswerSlot("count", "nam")
    # words only one reading needs: the issuer ending a plan's name, a place's non-names, comparison words
    assert {"ubnd", "tp", "qd"} <= PLAN_NAME_STOP and not {"ubnd", "tp", "qd"} & linking
    assert {"hoi", "thon", "doi"} <= NOT_PLACE_NAME_WORDS
    assert {"toi", "thieu", "binh", "quan", "tang", "giam"} <= NOT_INDICATOR_NAME_WORDS


def test_a_persons_name_line_is_one_pattern_every_reader_shares():
    """The signature block's end (structure), a signer's name line (metadata) and a name that ends a hard-wrapped
    letterhead (lines) read a person's name by the toolkit's one pattern, not three copies of it."""
    import corpus.lines
    import corpus.metadata
    import corpus.structure

    assert corpus.metadata.PERSON_NAME is corpus.structure.PERSON_NAME is corpus.lines.PERSON_NAME \
        is vocabulary.PERSON_NAME
    for module, old in ((corpus.lines, "_PERSON_NAME"), (corpus.metadata, "_PERSON"), (corpus.structure, "_PERSON")):
        assert not hasattr(module, old), f"{module.__name__}.{old} is a second copy"
    for name in ("Hoàng Phú Hiền", "Trần Thị Lan", "Võ Văn Thưởng", "Lê Hoài"):
        assert vocabulary.PERSON_NAME.match(name), name
    for line in ("Nơi nhận:", "KT. CHỦ TỊCH", "Hoàng", "Sở Nội vụ chủ trì", "Nguyễn Văn A B C D E"):
        assert not vocabulary.PERSON_NAME.match(line), line


def test_the_funding_source_and_collection_wordings_are_declared_in_the_vocabulary():
    for module, name in ((query, "MONEY_NAMED"), (query, "SOURCE_CUE"), (query, "WHO_PAYS"), (query, "COLLECTION_ASKED"),
                         (query, "COLLECTION_KIND"), (query, "ANY_DOCUMENT"), (query, "PLAN_NOUN"),
                         (outline, "COLLECTION_ASKED"), (catalogue, "COLLECTION_KINDS_NAMED"),
                         (outline, "PLAN_NOUN")):
        assert getattr(module, name) is getattr(vocabulary, name), f"{module.__name__}.{name}"
    assert values._SLOT_VALUE["source"] is vocabulary.SOURCE_STATED
    for module, old in ((query, "_MONEY_NAMED"), (query, "_SOURCE_CUE"), (query, "_WHO_PAYS"),
                        (query, "_COLLECTION_KIND"), (strategies, "_COLLECTION_KINDS")):
        assert not hasattr(module, old), f"{module.__name__}.{old} is a second copy"
    # where money comes from, asked in three plans' wordings (Nghệ An 5G, Đồng Tháp roadmap, Hà Nội IoT), and stated
    for asked in ("Kinh phí thực hiện kế hoạch lấy từ nguồn nào?", "tien thuc hien lo trinh lay tu dau",
                  "ai bỏ tiền làm ứng dụng IoT?"):
        assert query.asks_source(folded(asked)), asked
    assert not query.asks_source(folded("Dự án nào được ưu tiên, lấy từ đâu?"))
    assert vocabulary.SOURCE_STATED.search(folded("Kinh phí thực hiện từ nguồn ngân sách nhà nước và xã hội hóa."))
    # the collection asked by its documents' kind (a circular, any document) vs a kind named inside the question
    assert vocabulary.COLLECTION_ASKED.search(folded("Có những thông tư nào trong bộ văn bản?"))
    assert vocabulary.COLLECTION_ASKED.search(folded("Những văn bản nào liên quan đến quy hoạch?"))
    assert not vocabulary.COLLECTION_ASKED.search(folded("Phải quán triệt những văn bản nào?"))
