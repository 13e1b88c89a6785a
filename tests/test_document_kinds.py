"""One vocabulary of document kinds (`corpus.text.DOCUMENT_KINDS`) serves both readers: the letterhead's
kind (`corpus.metadata`) and a task's product (`corpus.facts`), each reading the kinds flagged for it."""
from __future__ import annotations

import pytest

from corpus import facts, metadata
from corpus.text import DOCUMENT_KINDS, MADE_KINDS


@pytest.mark.parametrize("kind, heads, made", DOCUMENT_KINDS)
def test_each_reader_reads_the_kinds_flagged_for_it(kind, heads, made):
    title = f"{kind.upper()} Triển khai thực hiện nhiệm vụ năm 2026"
    assert (metadata._kind_of(title) == (kind.upper(), kind)) == heads
    # a product names a document by its kind, or by a shorter kind it begins with ("Chương trình hành động")
    names = facts._NAMES_DOCUMENT.match(f"{kind} về phát triển kinh tế") is not None
    assert names == (made or any(kind.startswith(k) for k in MADE_KINDS))


def test_a_longer_kind_is_read_before_the_kind_it_begins_with():
    assert metadata._kind_of("CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Nghị quyết") == (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình hành động")
