"""The initials table finds a code's runs as one left-to-right scan of the plans' text would."""
import pytest

from corpus.model import Clause
from retrieval.initials import InitialsTable


def clause(n: int, text: str) -> Clause:
    return Clause(id=f"d:{n:04d}", doc_id="d", kind="bullet", label=None, section_path=[], text=text,
                  source="d.md", lines=(n, n))


def table(*texts: str) -> InitialsTable:
    return InitialsTable([clause(n, t) for n, t in enumerate(texts, start=1)])


def test_a_code_counts_the_runs_its_letters_begin_in_every_clause():
    t = table("Triển khai Luật Bảo vệ dữ liệu cá nhân năm 2026.",
              "- Tuyên truyền bảo vệ dữ liệu cá nhân\tcho người dân",
              "c) Thời gian thực hiện: quý IV")
    assert t.runs("BVDLCN") == {"bảo vệ dữ liệu cá nhân": 2}
    assert t.runs("QWZX") == {}


def test_a_run_ends_at_a_comma_a_dash_and_at_the_clause():
    t = table("xây dựng, nông thôn mới", "xây dựng - nông thôn mới",
              "phát triển xây dựng", "nông thôn mới")
    assert t.runs("XDNT") == {}
    assert t.runs("NTMX") == {}


def test_a_d_may_be_a_stroke_d_but_a_stroke_d_is_never_a_plain_d():
    t = table("đô thị đặc biệt phát triển", "dân tộc thiểu số", "dịch vụ thiết yếu số")
    assert t.runs("DTDB") == {"đô thị đặc biệt": 1}
    assert t.runs("ĐTĐB") == {"đô thị đặc biệt": 1}
    assert t.runs("ĐTTS") == {} and t.runs("DTTS") == {"dân tộc thiểu số": 1}


def test_runs_are_counted_without_overlap_and_a_run_with_a_linking_word_still_takes_its_words():
    assert table("tăng trưởng tăng trưởng tăng trưởng").runs("TTTT") == {"tăng trưởng tăng trưởng": 1}
    # "các cơ chế chính" holds a linking word: passed over; "cơ chế chính chung" would start inside it
    assert table("các cơ chế chính chung").runs("CCCC") == {}
    assert table("cơ chế chính chung").runs("CCCC") == {"cơ chế chính chung": 1}


def test_a_code_shorter_than_the_table_key_is_refused():
    with pytest.raises(ValueError):
        table("a b c").runs("ABC")


def test_a_code_with_an_ampersand_reads_the_va_between_two_names():
    # "NN&MT", "VH&TT", "TN&MT": each side begins one name, "&" is the "và" the plans write between them
    t = table("6. Sở Nông nghiệp và Môi trường", "- Sở Văn hóa và Thể thao tỉnh chủ trì",
              "Sở Tài nguyên và Môi trường phối hợp", "nông nghiệp và môi trường bền vững",
              "năng lượng và môi trường")
    assert t.runs("NNMT", joins=((2, "&"),)) == {"nông nghiệp và môi trường": 2}
    assert t.runs("VHTT", joins=((2, "&"),)) == {"văn hóa và thể thao": 1}
    assert t.runs("TNMT", joins=((2, "&"),)) == {"tài nguyên và môi trường": 1}
    # a code with "V" has no letter to spare for "và": a run holding it as a lettered word is passed over
    assert t.runs("NNVMT") == {}
    # the "và" must sit where the "&" is
    assert t.runs("NNMT", joins=((1, "&"),)) == {}


def test_a_unit_code_skips_the_commas_and_the_va_of_its_name():
    # wordings of three plans: a ministry list, a unit's own section, a phối hợp list
    t = table("Bộ Tư pháp, Bộ Giáo dục và Đào tạo, Bộ Văn hóa, Thể thao và Du lịch, Đài Tiếng nói Việt Nam",
              "5. Sở Văn hóa, Thể thao và Du lịch",
              "- Phối hợp: Sở Văn hóa, Thể thao và Du lịch; Sở Nông nghiệp và Môi trường",
              "Thông tư số 01/2019/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội")
    assert t.runs("VHTTDL") == {"văn hóa, thể thao và du lịch": 3}
    assert t.runs("GDĐT") == {"giáo dục và đào tạo": 1}
    assert t.runs("NNMT") == {"nông nghiệp và môi trường": 1}
    # the dash some names keep between fields, and a "D" typed for "Đ"
    assert t.runs("LĐTBXH") == {"lao động - thương binh và xã hội": 1}
    assert t.runs("LDTBXH") == {"lao động - thương binh và xã hội": 1}
    # typed with the name's marks: they must stand where typed
    assert t.runs("VHTTDL", joins=((2, ","), (4, "&"))) == {"văn hóa, thể thao và du lịch": 3}
    assert t.runs("VHTTDL", joins=((4, "&"),)) == {}


def test_a_comma_joins_fields_only_in_a_list_a_va_closes():
    # "A, B" with no "và" after is two things, not one name; a comma after the "và" ends the name
    t = table("phát triển văn hóa, thể thao, du lịch", "giáo dục, đào tạo nghề",
              "nông nghiệp và môi trường, du lịch")
    assert t.runs("VHTTDL") == {} and t.runs("GDĐT") == {}
    assert t.runs("NNMTDL") == {}
