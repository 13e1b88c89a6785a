"""The facts a plan attaches to its clauses: responsibilities, deadlines, products, targets.

Responsibilities are read by the registered mechanisms of :mod:`corpus.responsibilities`;
this module adds what a clause states about itself (a deadline or product phrase in its
own text, its chỉ tiêu target with the year of its sentence or heading) and runs them.
"""
from __future__ import annotations

import re

from corpus.model import Clause, DeadlineSource, units_of
from corpus.responsibilities import TASK_START, after_lead_in, assign_responsibilities, clean
from corpus.lines import BULLET_TYPES
from corpus.structure import Node, Skeleton
from corpus.tables import column_year
from corpus.targets import (AT_MOST_WORDS, indicator_year, may_state_target, parse_cell_target, parse_target, plan_period_end, unit_in_name,
                            year_of_heading,
                            measure_targets, year_targets)
from corpus.text import MADE_KINDS, MARKS_AND_SPACE, UNIT_HEADS, VERB_RE, pattern_for
from corpus.timing import deadline_kinds, due_year, sets_no_time

# A time the task is done in, by or from, in the sentence: "trình UBND tỉnh trong tháng 6/2026", "hoàn thành chậm
# nhất trong Quý III/2026", "trước 31/12/2026", "vào cuối năm 2030", "từ ngày 01/7/2026", "vào Quý IV hằng năm";
# never a time already past ("từ năm 2021 đến nay"), a date a text takes effect ("có hiệu lực (kể) từ ngày …"), nor
# a date in a citation ("Căn cứ …").
_TIME_IN_TEXT: re.Pattern[str]
# The words a costly pattern cannot match without, tested on the clause's lower-cased text before it is searched: a
# substring test costs far less than a search that fails at every position, and most clauses state no time. (A
# pattern read with re.I gets no cue holding "i" or "s": re.I also matches "ı" and "ſ", which lower() keeps.)
_CUES: dict[re.Pattern[str], tuple[str, ...]] = {}


def _cued(rx: re.Pattern[str], *cues: str) -> re.Pattern[str]:
    _CUES[rx] = cues
    return rx


_YEARISH = re.compile(r"20\d\d|[Hh][ằà]ng năm")  # every time _TIME_IN_TEXT reads names a year or "hằng năm"
# A clause's own time limit ("Thời hạn: …", "Trong thời hạn 24 giờ kể từ …", "chậm nhất 03 ngày kể từ …"): a
# labelled line or a section never overrides it
_BOUND = rf"(?:chậm nhất|{'|'.join(map(re.escape, AT_MOST_WORDS))})"
# an amount of time, its number also written out in words: "30 (ba mươi) ngày", "05 ngày làm việc"
_AMOUNT = r"(?<!\d)\d+(?:\s*\([^()\d]{1,30}\))? (?:giờ|ngày|tuần|tháng|năm)(?: làm việc)?"
# never how long something stays valid ("có hiệu lực trong thời hạn 03 (ba) năm kể từ ngày cấp")
_NOT_VALIDITY = r"(?<!hiệu lực )(?<!hiệu lực trong thời hạn )(?<!hiệu lực trong thời gian )"
_TIME_LIMITS = (
    # also "Tiến độ: …", "Tiến độ thực hiện: …"
    _cued(re.compile(r"(?:[Tt]hời (?:gian|hạn)(?: hoàn thành| thực hiện)?|[Tt]iến độ(?: thực hiện| hoàn thành)?)\s*:\s*(?P<v>[^.;]+)"),
          "hời gian", "hời hạn", "iến độ"),
    # and "Hoàn thành: Quý II/2026." when a time follows (not "Hoàn thành: 100% hồ sơ …", a result)
    _cued(re.compile(r"Hoàn thành\s*:\s*(?P<v>(?:[Qq]uý|[Tt]háng|[Nn]ăm|[Tt]rước|[Tt]rong|[Nn]gày|[Hh][ằà]ng|\d{1,2}/)[^.;]*)"),
          "hoàn thành"),
    # a time limit counted from an event, however it is bounded: "chậm nhất 03 ngày kể từ ngày nhận bài chấm",
    # "là không quá 10 ngày làm việc kể từ ngày Đoàn kiểm tra kết thúc …", "Trong thời hạn 24 giờ kể từ khi …"
    _cued(re.compile(rf"{_NOT_VALIDITY}(?P<v>(?:[Tt]rong (?:vòng|thời hạn|thời gian)\s+)?(?:{_BOUND}(?: là)?\s+)?"
                     rf"{_AMOUNT},?\s*(?:kể từ|tính từ|trước khi|sau khi|từ khi)\b"
                     r".*?(?=\s+phải\b|[,.;:]|$))"), "kể từ", "tính từ", "trước khi", "sau khi", "từ khi"),
    # a time limit counted from an event: "Trong vòng 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
    # also bounded: "Trong thời hạn tối đa 10 ngày, …"
    _cued(re.compile(rf"{_NOT_VALIDITY}(?P<v>[Tt]rong (?:vòng|thời hạn|thời gian)(?:\s+{_BOUND})? {_AMOUNT}"
                     r"(?:,?\s*(?:kể từ|tính từ|trước khi|sau khi|từ khi)\b.*?(?=\s+phải\b|[,.;:]|$))?)"),
          "rong vòng", "rong thời"),
)
# The time a rule sets for an act, named before it: "Thời hạn đánh giá chương trình, kế hoạch … cấp quốc gia là 3 năm",
# "Thời gian giải quyết hồ sơ là 15 ngày làm việc" (never the validity of a paper: "Thời hạn hiệu lực … là 05 năm").
_TIME_LIMITS = (*_TIME_LIMITS, _cued(re.compile(
    r"^(?:[Tt]hời hạn|[Tt]hời gian)\s+(?!hiệu lực|sử dụng|lưu trữ|bảo hành|tập sự)[^.;:]{3,120}?\s+là\s+"
    rf"(?P<v>(?:{_BOUND}\s+)?{_AMOUNT})(?![\w%])"), "hời hạn", "hời gian"))
# A point or line that opens with the time a rule sets for an act, without "là": a bounded length ("- Thời gian đào tạo
# tối thiểu 03 tháng.", "b) Thời gian tập huấn không quá 05 ngày") or a term set by another's ("b) Thời hạn của chương
# trình … cấp tỉnh phù hợp với thời hạn chương trình … quốc gia").
_LIST_MARK = r"^(?:[-+•*–]\s*|\(?[0-9a-zđ]{1,4}(?:\.\d{1,2})*[.)]\s*)*\**"
_RULE_TIME = rf"{_LIST_MARK}(?:Thời hạn|Thời gian)\s+(?!hiệu lực|sử dụng|lưu trữ|bảo hành|tập sự)[^.;:]{{3,120}}?\s+"
_TIME_LIMITS = (*_TIME_LIMITS,
                _cued(re.compile(rf"{_RULE_TIME}(?P<v>(?:{_BOUND}|tối thiểu|ít nhất)\s+{_AMOUNT})(?![\w%])"),
                      "hời hạn", "hời gian"),
                _cued(re.compile(rf"{_RULE_TIME}(?P<v>phù hợp với\s+thời (?:hạn|gian|kỳ)\s+[^.;:]{{3,160}})"),
                      "phù hợp với thời"))
# A clause that opens with its own time limit, the event it counts from being said in the line that introduces
# the list ("Thời hạn thẩm định … kể từ khi nhận đủ hồ sơ như sau:" then "a) Không quá 30 (ba mươi) ngày đối với
# …"), or that opens with the event it is done on ("Trong ngày tiếp nhận đề nghị …, Trung tâm …", "Ngay sau khi
# có kết quả, …"). Matched on the clause's body, at its start only: mid-sentence "không quá 30 ngày" is as often
# a target as a time limit.
_OPENING_LIMITS = (
    re.compile(rf"^(?P<v>(?i:{_BOUND})(?: là)?\s+{_AMOUNT})(?![\w%])"),
    re.compile(r"^(?P<v>(?:Trong ngày|Ngay sau khi|Ngay khi)\s+[^,;.:()]{3,160}?)\s*(?=[,;.(]|$)"),
)
# Then any time the task's text states, which may be a year named in passing
_DEADLINES = [
    *_TIME_LIMITS,
    # the year may be left out when it is the plan's own: "chậm nhất ngày 17 tháng 12"
    # also every year's ("trước ngày 15/12 hằng năm") and without "ngày", however the date is written ("trước 30/6",
    # "trước 15 tháng 12 năm 2025", "trước 18 hằng tháng")
    # two dates of the year ("trước ngày 20/6 và 20/12 hằng năm"), a day of every month or quarter ("trước ngày 25
    # hằng tháng", "trước ngày 10 của tháng cuối quý")
    _cued(re.compile(r"(?P<v>(?:trước|chậm nhất(?: là)?)\s+(?:(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/\d{4})?(?![\d/])"
                     r"(?:\s+và\s+(?:ngày\s+)?\d{1,2}/\d{1,2}(?![\d/]))?(?:\s+(?:hằng|hàng) năm)?|"
                     r"(?:ngày\s+)?\d{1,2}\s+(?:(?:hằng|hàng)\s+(?:tháng|quý)|(?:của\s+)?tháng\s+(?:cuối|đầu)\s+(?:quý|năm))|"
                     r"(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|"
                     r"tháng\s+\d{1,2}/\d{4}|năm\s+\d{4}|quý\s+[IV]+(?:/|\s+năm\s+)\d{4}))", re.I),
          "trước", "chậm nhất"),
    # a span from an event to another: "từ ngày ban hành Kế hoạch đến khi tổ chức thành công Đại hội …"
    _cued(re.compile(r"(?P<v>\b[Tt]ừ (?:ngày|khi|nay)\b[^.;:]{0,80}? đến (?:ngày|khi|hết|nay)\b[^.;:]*)"),
          "ừ ngày", "ừ khi", "ừ nay"),
    # from one year to another: "từ năm 2026 đến năm 2030" (never "từ năm 2021 đến nay", the past)
    _cued(re.compile(r"(?P<v>\b[Tt]ừ năm 20\d{2}\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+20\d{2})"), "ừ năm 20"),
    # a task closed by its period in brackets: "… tiến tới thí điểm (2025 - 2026)."
    # or its quarter or month: "(Quý IV/2026)", "(tháng 6/2026)"; the period may be qualified: "(xuyên suốt 2025 -
    # 2035)", "(giai đoạn 2026 - 2030)", "(trong năm 2026)"
    re.compile(r"\((?P<v>(?:(?:xuyên suốt|suốt|trong|từ|giai đoạn)\s+)?"
               r"(?:(?:quý\s+[IV]+|tháng\s+\d{1,2})(?:\s*/\s*|\s+năm\s+))?(?:năm\s+)?20\d{2}"
               r"(?:\s*[-–]\s*20\d{2})?(?:\s+trở đi)?)\)\s*[.;]?\s*$", re.I),
    # (not a vision's horizon: "giai đoạn 2026 - 2030, tầm nhìn đến năm 2045" is the 2026 - 2030 stage's plan)
    _cued(re.compile(r"(?<!tầm nhìn )(?P<v>(?:hoàn thành|đến|tới)\s+(?:trong\s+)?(?:năm\s+\d{4}|ngày\s+\d{1,2}/\d{1,2}/\d{4}|"
                     r"tháng\s+\d{1,2}/\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|quý\s+[IV]+(?:/|\s+năm\s+)\d{4}))", re.I),
          "hoàn thành", "đến", "tớ"),
    # (a cheap look at the first letter spares the alternation at most positions)
    _TIME_IN_TEXT := re.compile(r"(?<![^\W\d_])(?=[hctvđHCTVĐ])(?P<v>(?:hoàn thành\s+(?:xong\s+)?)?(?:chậm nhất\s+)?(?:trong|vào|(?<!kể )(?<!lực )(?<!thi hành )từ|"
               r"trước|(?<!tầm nhìn )đến|(?<!tầm nhìn )tới)\s+(?:cuối\s+|đầu\s+)?"
               r"(?:quý\s+[IV]+(?:\s*/\s*|\s+năm\s+)20\d{2}|quý\s+[IV]+\s+h[ằà]ng\s+năm|"
               r"tháng\s+\d{1,2}(?:\s*/\s*|\s+năm\s+)20\d{2}|(?:\d+\s+)?tháng\s+(?:đầu|cuối)\s+năm\s+20\d{2}|"
               r"(?:ngày\s+)?\d{1,2}/\d{1,2}/20\d{2}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+20\d{2}|"
               r"năm(?:\s+học)?\s+20\d{2}(?:\s*[-–]\s*20\d{2})?)(?![\d/])(?!\s*(?:đến|tới)\s+nay))", re.I),
    # the label without its colon, before the time: "thời gian thực hiện quý II/2026"
    _cued(re.compile(r"[Tt]hời (?:gian|hạn)(?: hoàn thành| thực hiện)?\s+(?P<v>(?:quý\s+[IV]+|tháng\s+\d{1,2})\s*/\s*20\d{2})"),
          "hời gian", "hời hạn"),
    _cued(re.compile(r"(?P<v>[Gg]iai đoạn\s+(?:năm\s+)?\d{4}(?:\s*[-–]\s*\d{4})?)"), "iai đoạn"),
    # a month of every year: "Tháng 11 hằng năm, Trung tâm có văn bản báo cáo …"
    _cued(re.compile(r"(?P<v>[Tt]háng\s+\d{1,2}\s+(?:hằng|hàng) năm)"), "hằng năm", "hàng năm"),
    # also after a period: "định kỳ 6 tháng, hằng năm"
    _cued(re.compile(r"(?P<v>(?:[Đđ]ịnh kỳ\s+(?:\d{1,2}\s+tháng\s*(?:,|và|hoặc)\s*)?)?[Hh][ằà]ng (?:năm|quý|tháng|tuần))"),
          *(f"{a}ng {period}" for a in "ằà" for period in ("năm", "quý", "tháng", "tuần"))),
    # a task done all along, said last: "Triển khai thường xuyên, liên tục."
    # (not recurrent spending: "chi thường xuyên", "kinh phí thường xuyên")
    _cued(re.compile(r"(?<![Cc]hi )(?<!phí )(?P<v>\b[Tt]hường xuyên(?:\s*,?\s*liên tục)?)\s*[.;]?\s*$"), "hường xuyên"),
    # a task that opens with how often it is done: "- Thường xuyên kiểm tra, đôn đốc …", "c) Thường xuyên rà soát …"
    re.compile(r"^(?:[-+•*–]\s*|\(?[0-9a-zđIVX]{1,4}(?:\.\d{1,2})*[.)]\s*)*\**(?P<v>[Tt]hường xuyên)(?=\s*,?\s+(?-i:[a-zđ]))"),
    # a recurring duty with no period named: "Định kỳ kiểm tra …", "báo cáo định kỳ, đột xuất"
    # with its period: "định kỳ 6 tháng", "định kỳ 03 tháng một lần"
    _cued(re.compile(r"(?P<v>[Đđ]ịnh kỳ(?:\s+\d{1,2}\s+tháng(?:\s+(?:một|1)\s+lần)?)?(?:\s*(?:,|hoặc|và)\s*đột xuất)?)"),
          "ịnh kỳ"),
    # an event that closes the task, last in its sentence: "… báo cáo … khi tổng kết Đợt thi đua."
    _cued(re.compile(r"\s(?P<v>(?:(?:ngay\s+)?sau khi|khi\s+(?=tổng kết|sơ kết|kết thúc|hoàn thành|có yêu cầu|được yêu cầu))"
                     r"\s*[^,;:.()]{3,80})\s*[.;]?\s*$"), "khi"),
    # the event a task must come before, last in its sentence: "… huấn luyện bổ sung cho các đối tượng trước khi điều
    # tra, khảo sát, rà phá bom mìn vật nổ.", "Kiểm tra … dữ liệu trước khi gửi về cấp trên." (the event may list acts)
    _cued(re.compile(r"\s(?P<v>trước khi\s+[^;:.()]{3,120}?)\s*[.;]?\s*$"), "trước khi"),
    # a vision's horizon, last: the time of a clause that states no other ("b) Tầm nhìn đến năm 2045"); passed over
    # above where the clause names its stage too ("… giai đoạn 2026 - 2030, tầm nhìn đến năm 2045")
    _cued(re.compile(r"tầm nhìn\s+(?P<v>(?:đến|tới)\s+năm\s+20\d{2})", re.I), "ầm nhìn"),
]
# each with its cues, paired once: looking a pattern up in a dict hashes its whole compiled code every time
_CUED_DEADLINES = tuple((rx, _CUES.get(rx, ())) for rx in _DEADLINES)
_PRODUCT = re.compile(r"[Ss]ản phẩm\s*:\s*(?P<v>[^.;]+)")
# A task that ends in a report names its product: "… báo cáo kết quả thực hiện Kế hoạch này về Bộ Nông
# nghiệp và Môi trường", "… báo cáo Thủ tướng Chính phủ định kỳ hằng năm". The addressee is a named
# (capitalised) body; a table's product column or a "Sản phẩm:" line says it outright and wins.
_ADDRESSEE = "(?:" + "|".join(sorted((re.escape(u) for u in UNIT_HEADS if u[:1].isupper()), key=len, reverse=True)) \
    + r"|Thủ tướng|Chính phủ|HĐND|Hội đồng nhân dân)"
# How often a report is made, said before what it reports: "báo cáo định kỳ hằng quý về tiến độ …", "báo cáo định
# kỳ, đột xuất việc thực hiện …", "Báo cáo thường xuyên Bộ …"
_REPORT_TIMING = r"(?:(?:định kỳ|thường xuyên)(?:\s*(?:,|và|hoặc)\s*đột xuất)?(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng))?\s+)"
# What a report is about, after its addressee: "báo cáo Ủy ban nhân dân Tỉnh kết quả thực hiện", "báo cáo Tỉnh ủy,
# HĐND, UBND tỉnh về tình hình thực hiện Kế hoạch này"
_REPORTED = r"(?:về\s+)?(?:tình hình|kết quả|tiến độ|việc)\b"
# the word before whom a report goes to: "… gửi về Sở …", "… về UBND Thành phố", "… với Bộ trưởng …" (never a
# body the reporter works with: "phối hợp với Sở …")
_REPORT_TO = r"(?:gửi\s+về|về|gửi|lên|(?<!phối hợp )(?<!làm việc )với)"
REPORT_CONTENT_CHARS = 160  # what a report says, before whom it goes to ("báo cáo định kỳ, đột xuất việc thực hiện …, gửi Bộ …")
# The report is the task's own, the first the sentence names: "… báo cáo tình hình thực hiện Kế hoạch, gửi Sở Công
# thương tổng hợp báo cáo Tỉnh ủy …" makes the first report; the body it goes to makes the second. Its addressees
# may be several ("Tỉnh ủy, HĐND, UBND tỉnh"), and what it reports follows them.
_REPORT = re.compile(
    rf"(?<![Tt]heo )(?P<v>\b[Bb]áo cáo\s+{_REPORT_TIMING}?"
    rf"(?:(?!của\b|định kỳ|đột xuất|(?-i:{_ADDRESSEE})\b)[^,.;:()]{{1,{REPORT_CONTENT_CHARS}}}?\s*,?\s+{_REPORT_TO}\s+)?"
    rf"(?-i:{_ADDRESSEE})\b[^,.;:()]*?(?:\s*,\s*(?:(?-i:{_ADDRESSEE})|ngành)\b[^,.;:()]*?)*"
    rf"(?:\s+{_REPORTED}[^,.;:()]*?(?<!\svà)(?<!\svề))?)"
    rf"(?=\s+(?:định kỳ|đột xuất|đồng gửi|để|trước|chậm nhất|theo|trong|hằng|hàng|"
    rf"khi|sau|là|và đề xuất|xem xét|quyết định|chỉ đạo|tổng hợp|về|kết quả|những|tình hình)\b|[,.;:(]|$)")


# What a task makes, when it names it as the object of making: "xây dựng Chiến lược phát triển trồng trọt",
# "ban hành chương trình khung huấn luyện …", "có văn bản báo cáo cấp ủy xã …", "gửi báo cáo thông tin … về VNMAC".
# (the kinds of document: `corpus.text.MADE_KINDS`, any case; the systems a task builds, capitalised)
_DOCUMENT_KINDS = ("(?i:" + "|".join(re.escape(kind.lower()) for kind in MADE_KINDS) + ")"
                   r"|Cổng thông tin|Hệ thống|Cơ sở dữ liệu|Nền tảng|Ứng dụng")
# Also what a task submits for another body to issue: "xây dựng và trình Ủy ban nhân dân Thành phố phê duyệt Kế hoạch
# sao lưu …", "Trình Thủ tướng Chính phủ phê duyệt Chiến lược phát triển trồng trọt" (the addressee a short name).
_SUBMITS = r"(?<![Tt]ờ )trình\s+(?:[^,;.:()]{1,60}?\s+)?(?:xem xét,?\s+)?(?:phê duyệt|ban hành|quyết định ban hành|thông qua)"
# (the verb may introduce a list of what is made: "xây dựng: Đề án …; Điều tra …" names the first)
# A task also compiles a list or a dossier: "lập danh sách học viên đủ điều kiện …", "lập hồ sơ kiểm tra …" (never
# a bare "lập hồ sơ", nor a dossier sent in: "gửi hồ sơ" is a step of a procedure, not its product).
_COMPILED = r"(?<=lập )(?:hồ sơ|danh sách)\s+(?!và\b)(?=\w)|(?<=hoàn thiện )(?:hồ sơ|danh sách)\s+(?!và\b)(?=\w)"
# A second act on what is made, joined to the first: "Xây dựng và triển khai kế hoạch quan trắc …", "xây dựng và phê
# duyệt kế hoạch tổ chức tuyên truyền …", "Xây dựng và định kỳ hàng năm công bố báo cáo dự báo …"
_AND_ACT = (r"(?:\s+và\s+(?:định kỳ\s+)?(?:(?:hằng|hàng)\s+(?:năm|quý|tháng)\s+)?"
            r"(?:tổ chức triển khai|tổ chức thực hiện|triển khai|phê duyệt|ban hành|công bố|thực hiện|cập nhật))")
_MAKES = re.compile(
    rf"(?i:\b(?:{_SUBMITS}|xây dựng|ban hành|soạn thảo|biên soạn|có(?=\s+văn bản)|gửi|lập|trình|hoàn thiện){_AND_ACT}?)(?:\s*:)?\s+"
    rf"(?P<v>(?:(?:{_DOCUMENT_KINDS})\b|(?i:{_COMPILED})).*?)"
    r"(?=\s*(?:[;:.(]|,\s*(?:gồm|trong đó|để|trình|gửi|báo cáo|theo|bảo đảm|đảm bảo)\b)|"
    # what the document must answer to is no part of its name: "Đề án … ven biển hiện đại đảm bảo phù hợp với …"
    r"\s+(?:để|nhằm|theo|trước|chậm nhất|trong thời hạn|kể từ|gửi|định kỳ|hằng năm|hàng năm|(?:cụ thể\s+)?như sau|có trách nhiệm|chịu trách nhiệm|"
    r"(?:đảm bảo|bảo đảm)\s+(?:phù hợp|đúng|yêu cầu|tiến độ|chất lượng|hiệu quả))\b|"
    r"(?<![Cc]hương)(?<!lộ)\s+trình\b|"
    r"\s+về\s+(?=[A-ZĐ])|\s+trong đó\b|$)")
# the cues of _MAKES's verbs ("soạn thảo", "gửi", "hoàn thiện" cut short of their "s" and "i"; "có" is only a verb of
# making before "văn bản")
_MAKING_CUES = ("xây dựng", "ban hành", "oạn", "văn bản", "gử", "lập", "trình", "hoàn th")
_MAKING = re.compile(r"^(?:Xây dựng|Ban hành|Soạn thảo|Biên soạn|Trình(?!\s+tự)|Hoàn thiện)\b")  # not "Trình tự, thủ tục"
# What a body grants: "Bộ Quốc phòng cấp chứng chỉ năng lực cho các tổ chức …", "cấp lại giấy phép …".
_GRANTS = re.compile(r"(?<!gốc )(?<!sổ )\bcấp(?:\s+(?:mới|lại|đổi))?\s+(?P<v>(?:chứng chỉ|giấy chứng nhận|giấy phép)\b[^,;:.()]*?)"
                     r"(?=\s+(?:cho|theo|đối với|tại|trong|khi|sau khi|để|do|là|được)\b|\s*[,;:.(]|$)")
GRANT_GAP_CHARS = 40  # the grant follows its body's name closely: "Binh chủng Công binh đào tạo, cấp chứng chỉ …"
# What a body decides, as a decision: "Bộ trưởng … quyết định công bố dịch trong trường hợp …", "Giám đốc Trung tâm ra
# quyết định công nhận hoàn thành chương trình bồi dưỡng", "… xem xét để quyết định tiếp tục xuất khẩu, nhập khẩu vật
# thể"; never a decision cited ("theo quyết định công bố …") nor the power to decide ("thẩm quyền quyết định …").
_DECIDED_ACTS = ("công bố", "công nhận", "tạm ngừng", "cấm", "xuất", "cấp", "tiếp tục", "thành lập", "phê duyệt",
                 "thu hồi", "đình chỉ", "hủy bỏ", "áp dụng", "cho phép", "phân bổ", "khen thưởng", "kỷ luật", "giao")
_DECIDES = re.compile(r"(?<![Tt]heo )(?<![Tt]ại )(?<!của )(?<!quyền )(?<!các )(?<!số )\b(?P<v>quyết định\s+"
                      r"(?:" + "|".join(_DECIDED_ACTS) + r")\b[^;:.()]*?)"
                      r"(?=\s+(?:đối với|trong trường hợp|trong phạm vi|để|nhằm|theo|khi|sau khi|trước khi|và báo cáo|"
                      r"gửi)\b|,\s*(?:cụ thể|trong đó|gồm|đồng thời)\b|\s*[;:.(]|$)")
_NAMES_DOCUMENT = re.compile(rf"^(?:{_DOCUMENT_KINDS})\b")
_CITES = re.compile(r"^(?:Căn cứ|Thực hiện|Triển khai|Theo)\b")
# the lead-in's comma, and the act after it in lower case: "Căn cứ kế hoạch này, khẩn trương xây dựng …"
_ACT_AFTER_LEAD_IN = re.compile(r"^[^,;:.]{3,150}?,\s*(?=(?-i:[a-zđ]))")
PRODUCT_MAX_WORDS = 30  # an object longer than this is the task's whole text, not what it makes


def _product(clauses: list[Clause], nodes: list[Node], pos: int) -> str | None:
    """What a task produces: a "Sản phẩm:" phrase, a report to a named body, the document it makes,
    or — under a heading "Xây dựng …" — the document the item itself names ("- Nghị định quy định …")."""
    c = clauses[pos]
    m = _PRODUCT.search(c.text)
    if m:
        return clean(m["v"])
    if c.kind not in ("item", "bullet", "paragraph", "heading"):
        return None
    body = nodes[pos].body or c.text
    if c.kind != "heading" and "áo cáo" in c.text:  # (cue: _REPORT cannot match without "[Bb]áo cáo")
        m = _REPORT.search(c.text)
        if m:
            # a task that makes a document and then reports on it ("… xây dựng kế hoạch chi tiết triển khai thi hành
            # Luật …, báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả …") produces the document; the report is its routine
            made = _made(c.text) if c.section_path and not (_CITES.match(body) and after_lead_in(body) is body) else None
            return clean(made[0] if made and made[1] <= m.start() else m["v"])
    if not c.section_path:
        return None  # the preamble issues the plan itself
    if _CITES.match(body):
        # "Căn cứ …" cites what others made, unless a body acts after it: "Căn cứ vào nhu cầu …, Trung tâm …
        # xây dựng kế hoạch bồi dưỡng trình …" makes the plan; or the task's own act follows it, its lead named
        # above ("- Căn cứ kế hoạch này, khẩn trương xây dựng kế hoạch phủ sóng 5G …" under "2. Các doanh nghiệp …")
        acted = after_lead_in(body)
        if acted is body:
            act = _ACT_AFTER_LEAD_IN.match(body)
            if act is None or not TASK_START.match(body[act.end():]):
                return None
            acted = body[act.end():]
        body = acted
    parent = nodes[pos].parent
    if (parent is not None and _NAMES_DOCUMENT.match(body) and len(body.split()) <= PRODUCT_MAX_WORDS
            and _MAKING.match(nodes[parent].body or clauses[parent].text)):
        return clean(body)
    made = _made(body)
    return clean(made[0]) if made else None


def _granted_or_decided(sk: Skeleton) -> None:
    """What a body its own sentence names grants or decides is the task's product ("Bộ Quốc phòng cấp chứng chỉ năng
    lực …", "Giám đốc Trung tâm ra quyết định công nhận …"): read after the leads, and only where the clause's own
    sentence named its lead, so a rule about who may grant ("Thẩm quyền cấp chứng chỉ", "Học viên … được cấp giấy
    chứng nhận") makes nothing."""
    for c, node in zip(sk.clauses, sk.nodes):
        src = c.lead_source
        if c.product or src is None or src.clause_id != c.id or src.mechanism not in ("sentence", "heading"):
            continue
        body = node.body or c.text
        named = body.find(c.lead)
        if named < 0:
            continue
        after = named + len(c.lead)
        low = body.lower()
        for rx, cue, gap in ((_GRANTS, "cấp", GRANT_GAP_CHARS), (_DECIDES, "quyết định", None)):
            m = rx.search(body, after) if cue in low else None
            if m and len(m["v"].split()) <= PRODUCT_MAX_WORDS and (gap is None or m.start() - after <= gap):
                c.product = clean(m["v"])
                break


def _heading_reports(sk: Skeleton) -> None:
    """A numbered heading that is itself a task's sentence, its lead read from its own words ("2. Sở Công Thương tổng
    hợp báo cáo Tỉnh ủy, HĐND, UBND tỉnh về tình hình thực hiện Kế hoạch này …", "3. Thủ trưởng các sở … chịu trách
    nhiệm triển khai … và báo cáo kết quả thực hiện về Ủy ban nhân dân Thành phố …") makes the report it names, as an
    item does (`_product`): read after the leads, since a heading is a title ("4. Báo cáo kết quả") unless it names
    who acts."""
    for c, node in zip(sk.clauses, sk.nodes):
        src = c.lead_source
        if (c.kind != "heading" or c.product or src is None or src.clause_id != c.id or src.mechanism != "heading"
                or "áo cáo" not in c.text):
            continue
        m = _REPORT.search(node.body or c.text)
        if m:
            c.product = clean(m["v"])


def _row_products(sk: Skeleton) -> None:
    """A row of a task table with no product column makes the document its task cell names ("Ban hành Kế hoạch
    chuyển đổi cơ cấu cây trồng … | Ủy ban nhân dân cấp tỉnh", "Xây dựng kế hoạch đầu tư công, hợp tác công tư … |
    Sở Tài chính"), as a task of the text does (`_product`): read after the leads, for a row that has one, from the
    task cell alone (the row's text runs its other cells after it)."""
    for c in sk.clauses:
        if c.kind != "table_row" or c.product or not c.lead or not c.columns or c.columns.get("san_pham"):
            continue
        made = _made(c.columns.get("noi_dung") or "")
        if made:
            c.product = clean(made[0])


# Where a made document's name gives way to a second thing made or a second act, "và" before "các" or a verb: "Ban
# hành bộ tiêu chí đại học số và các cơ chế đặc biệt …", "xây dựng kế hoạch hành động và chỉ đạo hệ thống …"
_AND_NEXT_THING = re.compile(rf"\s+và\s+(?=các\s|(?:{VERB_RE})\b)")
_DANGLING = re.compile(r"\s*(?:,|\bvà|\bhoặc)$")  # a joining word the name's end left behind


def _made(text: str) -> tuple[str, int] | None:
    """The document a text makes ("xây dựng Kế hoạch …", "ban hành Quy chế …") and where its name ends in the text,
    when it names one of a fitting length; an object too long to be a name is cut where a second thing made or a
    second act joins it (`_AND_NEXT_THING`)."""
    low = text.lower()
    m = _MAKES.search(text) if any(map(low.__contains__, _MAKING_CUES)) else None  # (cue: _MAKES needs one)
    if m is None or re.search(r"\bthì\b", m["v"]):
        return None
    value = _DANGLING.sub("", m["v"])  # "chương trình kiểm tra, giám sát toàn khóa và [hằng năm]"
    end = m.start("v") + len(value)
    if len(value.split()) > PRODUCT_MAX_WORDS and (cut := _AND_NEXT_THING.search(value)) is not None:
        value, end = value[:cut.start()], m.start("v") + cut.start()
    return (value, end) if 2 <= len(value.split()) <= PRODUCT_MAX_WORDS else None


def _heading_year(clauses: list[Clause], nodes: list[Node], pos: int, period_end: int | None = None) -> int | None:
    """The year a clause's enclosing headings set ("Đến năm 2030", "giai đoạn 2026-2030", "đến cuối
    giai đoạn" of a plan for 2026-2030), nearest first; a line that introduces the clause's list counts as its
    heading ("Phấn đấu đến năm 2030, đạt các chỉ tiêu sau:" over "- Tỷ lệ hộ nghèo dưới 1%")."""
    p: int | None = pos
    while p is not None:
        intro = _introducing_line(nodes, p)
        # a short line, as a heading is: a long one names years in passing ("… thu nhập năm 2024 …, cụ thể:")
        if intro is not None and len((nodes[intro].body or "").split()) <= INTRO_MAX_WORDS:
            y = year_of_heading(nodes[intro].body or clauses[intro].text, period_end)
            if y:
                return y
        p = nodes[p].parent
        if p is None:
            break
        y = year_of_heading(nodes[p].body or clauses[p].text, period_end)
        if y:
            return y
    for title in reversed(clauses[pos].section_path):
        y = year_of_heading(title, period_end)
        if y:
            return y
    return None


def _previous_sibling(nodes: list[Node], pos: int) -> int | None:
    """The sibling just before ``pos`` (same parent), or None: the clause before ``pos`` is the previous sibling
    or one of its points, so climbing from it reaches the sibling (in as many steps as the tree is deep)."""
    parent = nodes[pos].parent
    j = pos - 1
    if j < 0 or j == parent:
        return None
    while nodes[j].parent != parent:
        up = nodes[j].parent
        if up is None:
            return None
        j = up
    return j


INTRO_MAX_WORDS = 20  # "Phấn đấu đến năm 2030, đạt các chỉ tiêu chủ yếu sau:" introduces; a paragraph does not


def _introducing_line(nodes: list[Node], pos: int) -> int | None:
    """The line ending in ":" just before the list a clause belongs to ("Phấn đấu đến năm 2030, đạt các chỉ tiêu
    sau:" then "- …", "- …"), wherever the tree put it: the clause before the list's first point, if it ends with ":"
    and has no points of its own."""
    node = nodes[pos]
    if node.ltype is None:
        return None
    first = pos
    while (prev := _previous_sibling(nodes, first)) is not None and nodes[prev].ltype == node.ltype \
            and not nodes[prev].children:
        first = prev
    before = first - 1
    if before < 0 or before == node.parent or nodes[before].children:
        return None
    return before if (nodes[before].body or "").rstrip(MARKS_AND_SPACE).endswith(":") else None


PERIOD_TITLE_CLAUSES = 12  # the plan's title ("Kế hoạch … giai đoạn 2026-2030") is among its first clauses


def plan_period(clauses: list[Clause]) -> int | None:
    """The last year of the period the plan is for, from its title block (letterhead and title clauses
    before the first heading)."""
    for c in clauses[:PERIOD_TITLE_CLAUSES]:
        if c.kind == "heading":
            break
        y = plan_period_end(c.text)
        if y:
            return y
    return None


def _own_facts(clauses: list[Clause], nodes: list[Node], pos: int, period_end: int | None = None,
               table_unit: str | None = None, indicator_year: int | None = None) -> bool:
    """Read what the clause states about itself; True when it states its own time limit."""
    c, node = clauses[pos], nodes[pos]
    body = node.body or c.text
    if node.row is not None and c.kind == "table_row":
        _row_target(clauses, nodes, pos, period_end, table_unit, indicator_year)
        return False
    if c.kind in ("header", "footer", "table_header"):
        return False
    time_limit = False
    for rx in _OPENING_LIMITS:
        m = rx.match(body)
        if m:
            c.deadline, c.deadline_source = clean(m["v"]), DeadlineSource("in_text", c.id, c.lines)
            time_limit = True
            break
    low = c.text.lower()
    for rx, cues in _CUED_DEADLINES if not time_limit else ():
        if cues and not any(map(low.__contains__, cues)):
            continue
        if rx is _TIME_IN_TEXT and (_CITES.match(body) or not _YEARISH.search(c.text)):
            continue
        m = rx.search(c.text)
        if m:
            c.deadline, c.deadline_source = clean(m["v"]), DeadlineSource("in_text", c.id, c.lines)
            time_limit = rx in _TIME_LIMITS
            break
    c.product = _product(clauses, nodes, pos)
    if c.kind in ("item", "bullet", "heading", "paragraph") and may_state_target(c.text):
        t = parse_target(c.text if c.kind != "heading" else body, _heading_year(clauses, nodes, pos, period_end),
                         period_end)
        if t is not None:
            c.target = t
    return time_limit


# The unit a whole table is in, written on its own line just above it: "Đơn vị: Triệu đồng.", "*Đơn vị tính:ha*",
# "ĐVT: tỷ đồng".
_TABLE_UNIT = re.compile(r"^\(?(?:Đơn vị(?:\s+tính)?|ĐVT)\s*:\s*(?P<u>[^\d.;:()…]{1,30}?)\s*[.)]?\s*$", re.I)
TABLE_UNIT_LOOKBACK = 2  # the unit line is among the lines just above the table (after its title, "Kèm theo …")


def table_units(clauses: list[Clause], nodes: list[Node] | None = None) -> dict[int, str]:
    """Table row position → the unit its table states above it, for tables that state one. A group row
    of the table ("C. KẾ HOẠCH VAY, TRẢ NỢ GỐC" with no figures, read as a heading) does not end it."""
    def in_table(pos: int) -> bool:
        return clauses[pos].kind in ("table_row", "table_header") or (
            nodes is not None and nodes[pos].row is not None)

    out: dict[int, str] = {}
    unit: str | None = None
    for pos, c in enumerate(clauses):
        if not in_table(pos):
            unit = None
            continue
        if pos == 0 or not in_table(pos - 1):  # a table starts here
            above = [a for a in clauses[max(0, pos - TABLE_UNIT_LOOKBACK): pos] if a.kind in ("paragraph", "header")]
            found = [m["u"] for a in reversed(above) if (m := _TABLE_UNIT.match(a.text.strip()))]
            unit = clean(found[0]) if found else None
        if unit and c.kind == "table_row":
            out[pos] = unit
    return out


def plan_indicator_year(clauses: list[Clause]) -> int | None:
    """The one year the plan's chỉ tiêu headings set its targets for ("Dự báo các chỉ tiêu … đến năm 2026",
    "Mục tiêu cụ thể đến năm 2030"); None when they name none or disagree ("Mục tiêu đến hết năm 2026" and
    "Mục tiêu đến năm 2030")."""
    years = {y for c in clauses if c.kind in ("heading", "item") and (y := indicator_year(c.text))}
    return years.pop() if len(years) == 1 else None


# A row's own year cell: "| Tỷ lệ hộ nghèo | % | 2027 | 3 |" under "Năm", "Thời gian", "Mốc thời gian", "Năm đạt"
_YEAR_CELL_TITLE = re.compile(r"^(?:năm|thời gian|thời hạn|mốc(?: thời gian)?)(?:\s+(?:thực hiện|hoàn thành|đạt|phấn đấu))?$",
                              re.I)
_YEAR_CELL = re.compile(r"^(?:năm\s+)?((?:19|20)\d{2})$", re.I)


def _own_year(row) -> int | None:
    """The year an indicator row states in a cell of its own, under a column of years."""
    for key, value in row.cells.items():
        m = _YEAR_CELL.match((value or "").strip(" *."))
        if m and _YEAR_CELL_TITLE.match(re.sub(r"\s+", " ", row.titles.get(key, "")).strip(" *:")):
            return int(m[1])
    return None


def _row_target(clauses: list[Clause], nodes: list[Node], pos: int, period_end: int | None,
                table_unit: str | None = None, indicator_year: int | None = None) -> None:
    """An indicator row: its value column with the unit column, or a figure in its content cell; the
    year from the value column's title, the row, or the headings above the table. A row of a table with
    one column per year gives a target per year (``year_targets``); its target is the one for the year the
    plan's chỉ tiêu headings name when it has a column for it (a three-year budget plan's "chỉ tiêu … đến
    năm 2026"), else the last year's."""
    c, row = clauses[pos], nodes[pos].row
    assert row is not None
    body = nodes[pos].body or c.text
    if row.years or row.year_measures:
        unit = row.cells.get("don_vi_tinh") or unit_in_name(row.cells.get("noi_dung") or body)
        # else a year's column states its unit ("Giá trị (Nghìn USD)"), else the table above it does
        units = {y: u for y in row.years if (u := row.year_units.get(y) or table_unit)}
        # a year whose several measures the row fills gives a target per measure, each with its column's unit
        # ("Kế hoạch 2030" over "Lượng (Tấn)" and "Giá trị (Nghìn USD)"): the first measure stands for the year
        c.year_targets = sorted(year_targets(row.years, unit, units) + measure_targets(row.year_measures),
                                key=lambda t: t.year or 0) or None
        if c.year_targets:
            c.target = next((t for t in c.year_targets if t.year == indicator_year),
                            next(t for t in c.year_targets if t.year == c.year_targets[-1].year))
            return
    if row.cells.get("chi_tieu"):
        title = row.titles.get("chi_tieu", "")
        # "Mục tiêu 2030", "KH 2027": a value column's title may name its year without "năm"
        year = (year_of_heading(title) or column_year(title) or _own_year(row) or year_of_heading(body, period_end)
                or _heading_year(clauses, nodes, pos, period_end))
        unit = row.cells.get("don_vi_tinh") or table_unit or unit_in_name(title)  # "Số tiền (triệu đồng)"
        c.target = parse_cell_target(row.cells["chi_tieu"], unit, year)
    elif row.cells.get("noi_dung"):
        c.target = parse_target(row.cells["noi_dung"], _heading_year(clauses, nodes, pos, period_end), period_end)


RECIPIENT_MAX_WORDS = 15  # "- Thường trực Tỉnh ủy, HĐND tỉnh (b/c);": an addressee line is short
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.I)


def read_annexed_text(sk: Skeleton) -> None:
    """Text after a "Nơi nhận:" list is footer only while it lists addressees. A decision is often followed
    by what it issues (a Quy chế, a list of procedures, "Bước 1: Bộ X xây dựng …"); the structure stage
    keeps all of it under the list. The first line longer than any addressee line starts that annexed
    text: from there up to the next "Nơi nhận:" its clauses are read as items, bullets and paragraphs."""
    annexed = False
    for c, node in zip(sk.clauses, sk.nodes):
        if c.kind != "footer":
            continue
        if _RECIPIENTS.match(c.text):
            annexed = False
            continue
        annexed = annexed or len(c.text.split()) > RECIPIENT_MAX_WORDS
        if annexed:
            c.kind = "bullet" if node.ltype in BULLET_TYPES else "item" if node.ltype else "paragraph"


# A form's notes ("Ghi chú: (1) Tên cơ quan ban hành quyết định kiểm tra.") explain its blanks: no task.
_NOTES = re.compile(r"^Ghi chú\s*:?\s*$", re.I)


def _notes_state_nothing(sk: Skeleton) -> None:
    """The clauses under a form's "Ghi chú:" heading assign, set and make nothing."""
    for c, node in zip(sk.clauses, sk.nodes):
        if node.parent is not None and _NOTES.match(sk.clauses[node.parent].text.strip(" *")):
            c.lead = c.partners = c.directed_by = c.deadline = c.product = None
            c.lead_source, c.deadline_source, c.target, c.labelled_fields = None, None, None, ()


# A heading that is only a stage of time: "1. Giai đoạn 2025 - 2030", "**Năm 2026**", "Giai đoạn 2 (2028 - 2030):",
# "Quý IV/2026", "Từ năm 2026 đến năm 2030", "Năm 2026 và các năm tiếp theo".
_YEAR_SPAN = r"(?:năm\s+)?20\d\d(?:\s*[-–]\s*(?:năm\s+)?20\d\d)?"
# (also "Từ nay đến hết năm 2025", "Từ 2026 đến 2027", "6 tháng cuối năm 2025", "Những tháng đầu năm 2026")
_STAGE_TIME = (rf"{_YEAR_SPAN}(?:\s+(?:và các năm tiếp theo|trở đi))?"
               r"|(?:từ\s+)?(?:năm\s+)?20\d\d\s+(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?20\d\d"
               r"|(?:quý\s+[IV]+|tháng\s+\d{1,2})(?:\s*/\s*|\s+năm\s+)20\d\d"
               r"|(?:(?:\d{1,2}|những|các)\s+)?tháng\s+(?:đầu|cuối)\s+năm\s+20\d\d")
_STAGE_HEADING = re.compile(
    r"^(?:(?:Giai đoạn|Đợt)\s+(?:[0-9IVX]{1,4}\s*[:.,–-]?\s*)?)?\(?"
    r"(?:(?:trong|đến(?:\s+hết)?|từ nay (?:đến|tới)(?:\s+hết)?)\s+)?"
    rf"(?:{_STAGE_TIME})\)?\s*:?$", re.I)
# a numbered stage named with its years and its work, in either order: "Giai đoạn 1 (2026 - 2027): Thí điểm",
# "Giai đoạn I: từ năm 2026 đến năm 2027 - Xây dựng nền tảng", "Giai đoạn 2 - Nhân rộng (2028 - 2030)", "Đợt 1 (Quý
# II/2026): …" — the stage and its years are the time of the tasks under it, the work only names it
STAGE_WORK_MAX_CHARS = 80  # the work a stage heading names is a short title, not a task's sentence
_NUMBERED_STAGE = re.compile(
    r"^(?P<n>(?:Giai đoạn|Đợt)\s+[0-9IVX]{1,4})\s*(?:"
    rf"[:.,–-]?\s*\(?(?P<first>(?:từ\s+)?(?:{_STAGE_TIME}))\)?\s*[:.,–-]\s*[^()]{{1,{STAGE_WORK_MAX_CHARS}}}"
    rf"|[:.,–-]\s*[^()]{{1,{STAGE_WORK_MAX_CHARS}}}?\s*\((?P<last>(?:từ\s+)?(?:{_STAGE_TIME}))\))\s*:?$", re.I)
# or a part of the plan named for its stage: "2. Kế hoạch phát triển giai đoạn 2026 - 2030", "Nhiệm vụ năm 2026",
# "Lộ trình thực hiện giai đoạn 2026 - 2027:" (a few words before the stage, so a plan's long title is none)
STAGE_NAME_MAX_WORDS = 3
_NAMED_STAGE = re.compile(
    rf"^(?:Kế hoạch|Lộ trình|Nhiệm vụ|Nội dung|Các nhiệm vụ)(?:\s+\S+){{0,{STAGE_NAME_MAX_WORDS - 1}}}?\s+"
    r"(?P<stage>(?:giai đoạn|năm)\s+20\d\d(?:\s*[-–]\s*20\d\d)?)\s*:?$", re.I)
_OBJECTIVES = re.compile(r"mục tiêu|chỉ tiêu", re.I)
_GROUP_NUMBER = re.compile(r"^(?:[IVXL]{1,4}|\d{1,2}|[A-ZĐ])[.)]\s+")


def _stage_deadlines(sk: Skeleton) -> None:
    """The tasks listed under a stage of the plan's roadmap ("III. LỘ TRÌNH THỰC HIỆN" › "1. Giai đoạn 2025 -
    2030") are done in that stage, unless they state their own time; a stage of the objectives sets targets' years
    (corpus.targets), not deadlines."""
    for pos, (c, node) in enumerate(zip(sk.clauses, sk.nodes)):
        if not node.children or c.kind in ("header", "footer", "table_header"):
            continue
        # a table's group row keeps its number in its body: "I. Giai đoạn 2026 - 2027"
        body = _GROUP_NUMBER.sub("", re.sub(r"\*+", "", node.body or c.text).strip())
        named, numbered = pattern_for(_NAMED_STAGE, body).match(body), pattern_for(_NUMBERED_STAGE, body).match(body)
        stage_alone = pattern_for(_STAGE_HEADING, body).match(body)
        if not (stage_alone or named or numbered) or any(pattern_for(_OBJECTIVES, s).search(s) for s in c.section_path):
            continue
        if named:
            stage = named["stage"][:1].upper() + named["stage"][1:]
        elif numbered and not stage_alone:
            years = numbered["first"] or numbered["last"]
            # "Giai đoạn 1 (2026 - 2027)" is a period; "Đợt 1 (Quý II/2026)" is done by its time alone
            stage = f"{numbered['n']} ({years})" if deadline_kinds(f"{numbered['n']} ({years})") else years
        else:
            stage = body.rstrip(":")
        for p in _descendants(sk.nodes, pos):
            task = sk.clauses[p]
            if task.kind in ("header", "footer", "table_header"):
                continue
            if _restates_stage_end(task, stage):
                task.deadline, task.deadline_source = None, None  # read as the stage's, as its siblings are
            if task.deadline is None:
                task.deadline = clean(stage)


# "đến năm 2030" in a task's text under "1. Giai đoạn 2025 - 2030" only restates the stage's end ("…, phấn đấu đến
# năm 2030 đạt 30% doanh nghiệp …" is the target's year): the stage is the task's time.
_BY_YEAR = re.compile(r"^(?:đến|tới)\s+(?:hết\s+)?năm\s+(20\d\d)$", re.I)


def _restates_stage_end(task: Clause, stage: str) -> bool:
    m = _BY_YEAR.match(task.deadline or "")
    years = re.findall(r"20\d\d", stage)
    return (m is not None and bool(years) and m[1] == years[-1] and task.deadline_source is not None
            and not task.deadline_source.stated)


# The plan's own time, a part of it of its own: "**2. Thời gian thực hiện:** Từ tháng 10/2025 đến khi tổ chức thành
# công Đại hội …", "1. Thời gian thực hiện" over "Đợt thi đua được triển khai thực hiện từ ngày ban hành Kế hoạch đến
# khi …", "IV. THỜI GIAN THỰC HIỆN". A numbered heading, never a task's attribute bullet ("- Thời gian thực hiện: Năm
# 2025" under its task is that task's, `corpus.responsibilities.LabelledLines`), and only near the top of the plan.
_PLAN_TIME = re.compile(r"^(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:thực hiện|triển khai|tổ chức))?"
                        r"(?:\s+(?:Kế hoạch|đợt thi đua|phong trào)(?:\s+này)?)?\s*(?::\s*(?P<v>.*))?$", re.I | re.S)
# (a heading typed without diacritics, "1. Giai doan 2026 - 2027", "II. MUC TIEU", "IV. THOI GIAN THUC HIEN", is read
# by the stage, objectives and plan-time patterns' unmarked twins: `corpus.text.pattern_for`)


PLAN_TIME_MAX_DEPTH = 2  # a part of the plan ("II" › "2. Thời gian thực hiện"), not a point under a task


def _plan_time(sk: Skeleton) -> tuple[int, str] | None:
    """The one part of the plan that states the plan's own time, and that time; None when the plan has none or
    several (a time per phase is no time of the whole plan)."""
    found = []
    for pos, (c, node) in enumerate(zip(sk.clauses, sk.nodes)):
        if c.kind not in ("heading", "item") or node.ltype is None or node.ltype in BULLET_TYPES or c.appendix:
            continue
        depth, up = 0, node.parent
        while up is not None:
            depth, up = depth + 1, sk.nodes[up].parent
        title = re.sub(r"\*+", "", node.body or c.text).strip()
        m = pattern_for(_PLAN_TIME, title).match(title)
        if m is None or depth >= PLAN_TIME_MAX_DEPTH:
            continue
        value = clean(m["v"] or "")
        if not value:  # the time in the part's first paragraph: "Đợt thi đua được triển khai thực hiện từ … đến khi …"
            first = node.children[0] if node.children else None
            value = sk.clauses[first].deadline if first is not None else None
        if value and deadline_kinds(value) and not sets_no_time(deadline_kinds(value)):
            found.append((pos, value))
    return found[0] if len(found) == 1 else None


def _plan_time_deadlines(sk: Skeleton) -> None:
    """A task of the plan's body with a lead and no time of its own is done in the time the plan states for
    itself (`_plan_time`): the span of an emulation drive ("từ ngày ban hành Kế hoạch đến khi tổ chức thành công
    Đại hội …") covers every duty the plan hands out."""
    found = _plan_time(sk)
    if found is None:
        return
    pos, value = found
    src = sk.clauses[pos]
    for c in sk.clauses:
        if c.lead and c.deadline is None and c.section_path and not c.appendix \
                and c.kind in ("item", "bullet", "paragraph", "heading"):
            c.deadline, c.deadline_source = value, DeadlineSource("plan_time", src.id, src.lines)


# A task done regularly, said mid-sentence: "Báo cáo thường xuyên Bộ Nông nghiệp và Môi trường …", "… chỉ đạo Báo …
# thường xuyên tuyên truyền …", "Cập nhật, tích hợp cơ sở dữ liệu thường xuyên vào Hệ thống …"; never spending that
# recurs ("chi thường xuyên", "kinh phí thường xuyên"), a place where a thing often happens ("nơi thường xuyên phát
# sinh bụi") nor a kind of thing the task sets up ("các kênh đối thoại thường xuyên", "nhiệm vụ thường xuyên").
_ROUTINE = re.compile(r"\b[Tt]hường xuyên\b(?!\s+(?:chi|của)\b)")
_NOT_ROUTINE_AFTER = re.compile(r"\b(?:chi|phí|nơi|vốn|nhiệm vụ|công việc|đối thoại|hoạt động)\s+$", re.I)


def _routine_deadlines(sk: Skeleton) -> None:
    """A task with a lead and no time of its own that says it is done "thường xuyên" is done all along: its thời
    hạn (read after the leads, so a task linked to its lead elsewhere counts too)."""
    for c, node in zip(sk.clauses, sk.nodes):
        if c.lead and c.deadline is None and c.section_path and c.kind in ("item", "bullet", "paragraph", "heading") \
                and "thường xuyên" in c.text.lower() and any(
                    not _NOT_ROUTINE_AFTER.search(m.string[:m.start()]) for m in _ROUTINE.finditer(node.body or c.text)):
            c.deadline, c.deadline_source = "thường xuyên", DeadlineSource("in_text", c.id, c.lines)


def _descendants(nodes: list[Node], pos: int) -> list[int]:
    out, todo = [], list(nodes[pos].children)
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(nodes[p].children)
    return sorted(out)


def assign_facts(sk: Skeleton) -> None:
    read_annexed_text(sk)
    period_end = plan_period(sk.clauses)
    units = table_units(sk.clauses, sk.nodes)
    target_year = plan_indicator_year(sk.clauses)
    time_limits = {pos for pos in range(len(sk.clauses))
                   if _own_facts(sk.clauses, sk.nodes, pos, period_end, units.get(pos), target_year)}
    assign_responsibilities(sk.clauses, sk.nodes, time_limits)
    _granted_or_decided(sk)
    _heading_reports(sk)
    _row_products(sk)
    _stage_deadlines(sk)
    _routine_deadlines(sk)
    _plan_time_deadlines(sk)
    _notes_state_nothing(sk)
    _read_units(sk.clauses)


def _read_units(clauses: list[Clause]) -> None:
    """Each clause's lead and partners as typed unit lists, and the kinds of time its thời hạn states and the
    latest year it names (`corpus.timing.deadline_kinds`, `due_year`), read once every mechanism has settled them
    (a linker, a stage or a form's notes may still replace a value read earlier)."""
    for c in clauses:
        c.lead_units, c.partner_units = units_of(c.lead), units_of(c.partners)
        c.deadline_kinds = deadline_kinds(c.deadline)
        c.due_year = due_year(c.deadline)
