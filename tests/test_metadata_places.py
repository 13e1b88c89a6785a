"""Letterhead fields and localities: each field one function, each locality a real unit."""
from __future__ import annotations

import pytest

from corpus.metadata import cited_number, read_date, read_issuer, read_kind, read_letterhead, read_number, read_signer, read_locality
from corpus.model import Locality
from corpus.places import find_places, key, resolve_commune, resolve_province, spell_out_provinces

# Letterheads as the crawled Markdown has them: a degenerate pipe table, cells hard-wrapped.
PROVINCE_HEAD = """|
**ỦY BAN NHÂN
DÂN**
**TỈNH ĐỒNG THÁP**
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
552/KH-UBND
|
*Đồng Tháp,
ngày 19 tháng 11 năm 2025*
|


**KẾ HOẠCH**

THỰC HIỆN LỘ TRÌNH ĐỔI MỚI CÔNG NGHỆ ĐẾN NĂM 2035
TRÊN ĐỊA BÀN TỈNH ĐỒNG THÁP
""".splitlines()

MINISTRY_HEAD = """|
**BỘ NÔNG NGHIỆP VÀ **
MÔI TRƯỜNG
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
---------------
|
|
Số: 5042/QĐ-BNNMT
|
*Hà Nội, ngày 26 tháng 11 năm 2025*
|

**QUYẾT ĐỊNH**

VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ
""".splitlines()

COMMUNE_HEAD = """ỦY BAN NHÂN DÂN

XÃ LẠC PHƯỢNG

Số:         /KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Lạc Phượng, ngày       tháng 9 năm 2025

KẾ HOẠCH

Thực hiện Chương trình tổng thể cải cách hành chính
""".splitlines()


def test_province_letterhead_fields_are_read_from_wrapped_cells():
    head = read_letterhead(PROVINCE_HEAD)
    loc = read_locality(head, None, None)
    assert read_kind(head) == "Kế hoạch"
    assert read_number(head) == "552/KH-UBND"
    assert read_date(head) == "2025-11-19"
    assert read_issuer(head, read_number(head), loc) == "Ủy ban nhân dân tỉnh Đồng Tháp"
    assert (loc.name, loc.province) == (None, "Đồng Tháp")


def test_a_ministry_document_is_about_no_province():
    head = read_letterhead(MINISTRY_HEAD)
    assert read_kind(head) == "Quyết định" and read_number(head) == "5042/QĐ-BNNMT"
    assert read_issuer(head, None, Locality()) == "Bộ Nông Nghiệp và Môi Trường"
    assert read_locality(head, None, None) == Locality()  # "Hà Nội" is where it was signed, not its subject


def test_commune_letterhead_gives_the_commune_and_its_province():
    head = read_letterhead(COMMUNE_HEAD)
    loc = read_locality(head, None, None)
    assert loc == Locality("xã", "Lạc Phượng", "Hải Phòng")
    assert read_issuer(head, read_number(head), loc) == "Ủy ban nhân dân xã Lạc Phượng"
    assert read_number(head) is None and read_date(head) == "2025-09"


@pytest.mark.parametrize("lines, name", [
    (["- Lưu: VT, KGVX.", "|", "**TM. ỦY BAN", "NHÂN DÂN**", "KT. CHỦ TỊCH", "**PHÓ CHỦ TỊCH**",
      "**Huỳnh Minh Tuấn**", "|"], "Huỳnh Minh Tuấn"),
    (["- Lưu: VT, KSTT (2b).", "|", "**THỦ TƯỚNG**", "Phạm Minh Chính", "|"], "Phạm Minh Chính"),
    (["**K/T TRƯỞNG BAN**", "PHÓ TRƯỞNG BAN", "**Ngô Đông Hải**"], "Ngô Đông Hải"),
    (["**XÁC THỰC VĂN BẢN", "HỢP NHẤT**", "**KT. BỘ TRƯỞNG**", "THỨ TRƯỞNG", "Thượng tướng Võ Minh Lương", "|"],
     "Võ Minh Lương"),
    (["KT. CHỦ TỊCH ", "", "PHÓ CHỦ TỊCH ", "", " ", "", " ", "", "Đỗ Văn Thắng "], "Đỗ Văn Thắng"),
])
def test_signer_is_the_persons_name_under_the_signing_title(lines, name):
    assert read_signer(lines) == name


@pytest.mark.parametrize("lines, name", [
    (["**KT. BỘ TRƯỞNG**", "**THỨ TRƯỞNG**", "", "**Phó Đô đốc Nguyễn Văn Bổng**"], "Nguyễn Văn Bổng"),
    (["**KT. BỘ TRƯỞNG**", "**THỨ TRƯỞNG**", "", "PGS.TS.Trần Văn Sơn"], "Trần Văn Sơn"),
    (["**KT. GIÁM ĐỐC**", "**PHÓ GIÁM ĐỐC**", "", "GS. TSKH. Nguyễn Văn Nam"], "Nguyễn Văn Nam"),
    (["**TM. ỦY BAN NHÂN DÂN**", "**CHỦ TỊCH**", "", "**Đại tá Lê Văn Hùng**"], "Lê Văn Hùng"),
])
def test_signer_drops_any_run_of_military_ranks_and_academic_degrees(lines, name):
    assert read_signer(lines) == name


def test_signer_unknown_when_no_name_is_signed():
    assert read_signer(["**KT. BỘ TRƯỞNG**", "THỨ TRƯỞNG", "|"]) is None


def test_places_resolve_with_or_without_diacritics_and_refuse_non_units():
    assert resolve_province("TP. Hồ Chí Minh").name == "Hồ Chí Minh"
    assert resolve_province("tinh dong thap").name == "Đồng Tháp"
    assert resolve_province("đủ điều") is None
    assert resolve_commune("xã Lương Minh").province == "Quảng Ninh"  # not "Lượng Minh", Nghệ An
    assert resolve_commune("Lượng Minh").province == "Nghệ An"
    assert resolve_commune("luong minh") is None  # both fold alike: ambiguous is unknown
    assert resolve_commune("luong minh", province="Quảng Ninh").name == "Lương Minh"
    for not_a_unit in ("phường Xây", "xã Văn", "xã đạt ít", "thị trấn Sông Cầu"):
        assert resolve_commune(not_a_unit) is None


def test_find_places_reads_the_localities_a_question_names():
    assert [p.label() for p in find_places("ai chu tri chi tieu BHYT o xa an hung?")] == ["xã An Hưng"]
    assert [p.label() for p in find_places("Ai chủ trì ở xã Lương Minh?")] == ["xã Lương Minh"]
    assert find_places("giao xã đạt ít nhất và phường Xây dựng") == []
    names = [p.name for p in find_places("trên địa bàn tỉnh Đồng Tháp và TP. Hồ Chí Minh")]
    assert names == ["Đồng Tháp", "Hồ Chí Minh"]


def test_a_commune_name_several_provinces_share_is_told_apart_by_the_province_the_plan_cites():
    head = read_letterhead("""ỦY BAN NHÂN DÂN
XÃ TÂN AN
--------
Số: 12/KH-UBND
Tân An, ngày 05 tháng 12 năm 2025

KẾ HOẠCH

Phát triển kinh tế - xã hội năm 2026

Căn cứ Kế hoạch số 283/KH-UBND ngày 24/9/2025 của Ủy ban nhân dân tỉnh Đồng Nai;
""".splitlines())
    loc = read_locality(head, None, None)
    assert (loc.level, loc.name, loc.province) == ("xã", "Tân An", "Đồng Nai")
    assert read_issuer(head, read_number(head), loc) == "Ủy ban nhân dân xã Tân An"
    assert find_places("xã Tân An") == []  # nine provinces have one: alone, it names none


def test_the_body_named_last_in_a_letterhead_is_the_issuer():
    head = read_letterhead("""ĐẢNG BỘ TỈNH QUẢNG NINH
ĐẢNG ỦY XÃ LƯƠNG MINH
*
Số: 08-CTr/ĐU

CHƯƠNG TRÌNH HÀNH ĐỘNG
""".splitlines())
    loc = read_locality(head, None, None)
    assert read_issuer(head, read_number(head), loc) == "Đảng ủy xã Lương Minh"
    assert (loc.name, loc.province) == ("Lương Minh", "Quảng Ninh")


@pytest.mark.parametrize("lines, kind", [
    # a consolidated circular whose kind heading was lost in the crawl: its opening sentence names it
    (["|", "**BỘ QUỐC PHÒNG**", "-------", "|", "Số: 94/VBHN-BQP", "|", "", "QUY",
      "ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU VÀ BIỆN PHÁP THI HÀNH NGHỊ ĐỊNH SỐ 18/2019/NĐ-CP", "",
      "Thông tư số 195/2019/TT-BQP ngày 27 tháng 12 năm", "2019 của Bộ trưởng Bộ Quốc phòng, được sửa đổi, bổ sung bởi:"],
     "Thông tư"),
    # a consolidated decree headed "VĂN BẢN HỢP NHẤT" before its own kind
    (["**BỘ TÀI CHÍNH**", "", "Số: 05/VBHN-BTC", "", "**VĂN BẢN HỢP NHẤT**", "", "**NGHỊ ĐỊNH**", "",
      "QUY ĐỊNH VỀ QUẢN LÝ, SỬ DỤNG TÀI SẢN CÔNG", "",
      "Nghị định số 151/2017/NĐ-CP ngày 26 tháng 12 năm 2017 của Chính phủ, được sửa đổi, bổ sung bởi:"],
     "Nghị định"),
])
def test_a_consolidated_text_has_the_kind_it_consolidates(lines, kind):
    assert read_kind(read_letterhead(lines)) == kind


@pytest.mark.parametrize("authority, issuer", [
    (["UBND TỈNH NGHỆ AN", "SỞ Y TẾ"], "Sở Y tế tỉnh Nghệ An"),
    (["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI", "SỞ TÀI CHÍNH"], "Sở Tài chính tỉnh Đồng Nai"),
    (["UBND THÀNH PHỐ HÀ NỘI", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"], "Ban Quản lý các khu công nghiệp thành phố Hà Nội"),
    (["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], "Ủy ban nhân dân tỉnh Đồng Tháp"),
])
def test_a_department_under_its_people_s_committee_issues_with_the_committee_s_place(authority, issuer):
    lines = [*authority, "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
             "Số: 12/KH-SYT", "", "ngày 5 tháng 3 năm 2026", "", "KẾ HOẠCH", "Tiêm chủng mở rộng năm 2026"]
    head = read_letterhead(lines)
    assert read_issuer(head, "12/KH-SYT", Locality()) == issuer


@pytest.mark.parametrize("written, read", [
    ("Ở TP.HCM, ai chủ trì?", "Ở Hồ Chí Minh, ai chủ trì?"),
    ("o tphcm ai chu tri", "o ho chi minh ai chu tri"),
    ("Kế hoạch của TP HCM", "Kế hoạch của Hồ Chí Minh"),
    ("UBND TP. Cần Thơ giao", "UBND Cần Thơ giao"),
    ("HN và HT phối hợp", "HN và HT phối hợp"),  # two-letter initials name several provinces: left alone
    ("TP Cần Thơ", "TP Cần Thơ"),
])
def test_provinces_written_by_initials_or_tp_are_spelled_out_from_the_official_list(written, read):
    assert spell_out_provinces(written) == read


def test_initials_come_from_the_list_only_when_one_province_has_them():
    from corpus.places import _initials, all_provinces

    for initials, place in _initials().items():
        assert [p for p in all_provinces() if "".join(w[0] for w in key(p.name).split()) == initials] == [place]


def test_every_signing_title_of_the_one_list_finds_the_name_under_it():
    """The signing titles are listed once (`corpus.metadata.SIGNING_TITLES`) for both the quick test of a line and
    the full one, so a title added to one cannot be missed by the other."""
    from corpus.metadata import SIGNING_TITLES

    for title in SIGNING_TITLES:
        assert read_signer(["- Lưu: VT.", f"**{title}**", "", "Hoàng Phú Hiền"]) == "Hoàng Phú Hiền", title
        assert read_signer(["- Lưu: VT.", f"PHÓ {title}", "Trần Thị Lan"]) == "Trần Thị Lan", title


@pytest.mark.parametrize("number, cited", [
    ("476/QĐ-UBND", "476/QĐ-UBND"),
    ("08 - CTr/ĐUUB", "08-CTr/ĐUUB"),  # a party committee's programme, spaced as its letterhead types it
    ("5042/QĐ-BNNMT", "5042/QĐ-BNNMT"),
    ("/KH - UBND", None),  # a draft's number line left blank
    ("/KH-UBND", None),
    (None, None),
])
def test_a_plan_is_cited_by_its_number_only_when_the_number_holds_a_digit(number, cited):
    assert cited_number(number) == cited
