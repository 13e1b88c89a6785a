"""A question reads the same however it is typed: its codes written short or out, in capitals or in lower case.

`benchmarks/perturb_questions.py` rewrites the dev questions; these are the mechanisms its figures moved, each on
wordings modelled on three different plans."""
from corpus.text import ABBREVIATIONS
from retrieval.evidence import Evidence
from retrieval.query import analyse, capitalised_codes
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore

# the curated table with a pair the index harvests from a plan ("khu công nghiệp (KCN)")
TABLE = {**ABBREVIATIONS, "KCN": "khu công nghiệp"}


def evidence() -> Evidence:
    return Evidence(EvidenceStore([], {}, TABLE), strategy_for)  # type: ignore[arg-type]


def read(question: str, units: list[str] | None = None):
    ev = evidence()
    return analyse(question, {}, units or [], long_forms=ev.long_forms, words=ev.words)


def test_a_counted_word_typed_short_is_counted_as_the_plans_write_it():
    for short, long in (("Đồng Tháp có bao nhiêu DN khởi nghiệp sáng tạo đến năm 2030?",
                         "Đồng Tháp có bao nhiêu doanh nghiệp khởi nghiệp sáng tạo đến năm 2030?"),
                        ("Đồng Nai thông qua phương án đơn giản hóa bao nhiêu TTHC ngành y tế?",
                         "Đồng Nai thông qua phương án đơn giản hóa bao nhiêu thủ tục hành chính ngành y tế?"),
                        ("Mỗi xã ở Sơn La phải chọn bao nhiêu HTX làm đơn vị thu gom?",
                         "Mỗi xã ở Sơn La phải chọn bao nhiêu hợp tác xã làm đơn vị thu gom?"),
                        ("dong thap dat yeu cau bao nhieu KCN trien khai doi moi cong nghe",
                         "dong thap dat yeu cau bao nhieu khu cong nghiep trien khai doi moi cong nghe")):
        a, b = read(short).answer_slot, read(long).answer_slot
        assert (a.kind, a.unit) == (b.kind, b.unit) == ("count", b.unit) and b.unit, (short, a, b)
        assert a.short is not None and a.short in a.counted  # the code as typed counts too: a plan may write it


def test_a_counted_code_is_found_however_the_plan_writes_it():
    from retrieval.values import unit_fits

    grdp = read("Đồng Tháp muốn kinh tế số chiếm bao nhiêu GRDP vào 2035?").answer_slot
    dn = read("Đồng Tháp có bao nhiêu DN khởi nghiệp sáng tạo?").answer_slot
    htx = read("Mỗi xã chọn bao nhiêu HTX thu gom?").answer_slot
    assert grdp.counted == ("tong", "grdp") and dn.counted == ("doanh", "dn") and htx.counted == ("hop", "htx")
    for slot, long, short in ((grdp, "tổng sản phẩm", "GRDP"), (dn, "doanh nghiệp", "DN"), (htx, "hợp tác xã", "HTX")):
        assert unit_fits(long, slot) and unit_fits(short, slot) and not unit_fits("tấn", slot)


def test_a_unit_typed_short_is_the_unit_the_plans_name():
    units = ["Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Sở Tài nguyên và Môi trường",
             "Liên minh Hợp tác xã tỉnh"]
    for question, unit in (("Ban Quản lý các khu công nghệ cao và KCN Hà Nội phải làm gì trong kế hoạch 5G?", units[0]),
                           ("Sở TN&MT được giao nhiệm vụ gì về tài nguyên biển?", units[1]),
                           ("Liên minh HTX tỉnh phải làm gì trong kế hoạch thu gom nông sản?", units[2])):
        q = read(question, units)
        assert q.qtype == "duties" and q.unit == unit, (question, q.unit)


def test_codes_typed_in_lower_case_are_read_in_capitals():
    assert capitalised_codes("sở kh&cn đồng nai phải kiểm soát cái gì") == "sở KH&CN đồng nai phải kiểm soát cái gì"
    assert capitalised_codes("luat bvdlcn do bo cong an chu tri") == "luat BVDLCN do bo cong an chu tri"
    assert capitalised_codes("xay dung csdl quy hoach o tp hcm") == "xay dung CSDL quy hoach o TP HCM"
    assert capitalised_codes("ty le nha may dung mes o dong nai") == "ty le nha may dung MES o dong nai"
    assert capitalised_codes("thuế gtgt 5% giúp cà mau tăng thu") == "thuế GTGT 5% giúp cà mau tăng thu"


def test_words_typed_without_marks_are_never_read_as_codes():
    for text in ("nguoi dan nghiep vu quy trinh thuong xuyen khuyen khich truong hoc nguyen",
                 "ai chu tri xay dung ke hoach chuyen doi so, ai phoi hop",
                 "khi nao hoan thanh nghieng quyet nuoc ruou khuya oanh hoach gi",
                 "Sở KH&CN và kế hoạch 172/kh-ubnd", "iot 5g ai chu tri"):
        assert capitalised_codes(text) == text


def test_the_dense_search_reads_a_code_with_its_long_form():
    ev = evidence()
    assert ev.with_long_forms("Kế hoạch 5G/IoT KCN của Hà Nội đến năm nào?") == \
        "Kế hoạch 5G/IoT KCN (khu công nghiệp) của Hà Nội đến năm nào?"
    assert ev.with_long_forms("tong so DN ca mau nam 2026") == "tong so DN (doanh nghiệp) ca mau nam 2026"
    assert ev.with_long_forms("Tỷ lệ BHYT của Sơn La?") == "Tỷ lệ BHYT (bảo hiểm y tế) của Sơn La?"
    # a code beside its long form, and one inside a document number, are left as typed
    for text in ("phát triển khu công nghiệp (KCN) Nghệ An", "Kế hoạch 310/KH-UBND về 5G", "Quyết định 2816/QĐ-UBND"):
        assert ev.with_long_forms(text) == text


def test_a_closing_may_asks_an_amount_as_bao_nhieu_does():
    for may, bao in (("Năm 2026 Đồng Nai phải đạt tỷ lệ doanh nghiệp dùng thương mại điện tử là mấy?",
                      "Năm 2026 Đồng Nai phải đạt tỷ lệ doanh nghiệp dùng thương mại điện tử là bao nhiêu?"),
                     ("Nghệ An: tiền thưởng kèm Bằng khen của Chủ tịch UBND tỉnh là mấy?",
                      "Nghệ An: tiền thưởng kèm Bằng khen của Chủ tịch UBND tỉnh là bao nhiêu?"),
                     ("chi so gia tieu dung CPI cua ca mau du bao nam 2030 la may",
                      "chi so gia tieu dung CPI cua ca mau du bao nam 2030 la bao nhieu"),
                     ("Đồng Tháp đạt mấy phần trăm khu công nghiệp đổi mới công nghệ?",
                      "Đồng Tháp đạt bao nhiêu phần trăm khu công nghiệp đổi mới công nghệ?")):
        a, b = read(may), read(bao)
        assert (a.qtype, a.answer_slot) == (b.qtype, b.answer_slot) and a.answer_slot is not None, (may, a.answer_slot)


def test_may_naming_a_month_or_a_lift_is_no_amount():
    assert read("Tháng mấy phải gửi báo cáo sơ kết?").answer_slot.kind == "time"
    assert read("Quý mấy năm 2026 hoàn thành cơ sở dữ liệu?").answer_slot.kind == "time"
    assert read("Thang may cua tru so UBND xa do ai quan ly?").answer_slot.kind == "agency"


def test_everyday_words_for_when_ask_a_time_as_khi_nao_does():
    for everyday, plain in (("Thu thập hồ sơ quy hoạch ở TP.HCM phải xong lúc nào, ai phối hợp?",
                             "Thu thập hồ sơ quy hoạch ở TP.HCM phải xong khi nào, ai phối hợp?"),
                            ("Lúc nào Đồng Nai kiện toàn Ban Chỉ đạo về chuyển đổi số?",
                             "Khi nào Đồng Nai kiện toàn Ban Chỉ đạo về chuyển đổi số?"),
                            ("Số hóa cơ sở dữ liệu thể dục thể thao Đồng Nai do ai làm, đến thời điểm nào?",
                             "Số hóa cơ sở dữ liệu thể dục thể thao Đồng Nai do ai làm, khi nào?"),
                            ("Lai Chau gop y du thao Nghi dinh han cuoi la ngay nao?",
                             "Lai Chau gop y du thao Nghi dinh han chot la ngay nao?")):
        a, b = read(everyday), read(plain)
        assert a.qtype == b.qtype == "when" and a.also_asks == b.also_asks, (everyday, a.qtype, a.also_asks, b.also_asks)
