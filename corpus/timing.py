"""What kind of time a thời hạn is, and what kind of time a question asks for: one vocabulary for both.

A plan states a task's time in many shapes — a stage ("Giai đoạn 2026 - 2030"), a start ("Từ năm 2026", "Quý IV
năm 2025 và các năm tiếp theo"), an end ("trước ngày 15/12/2026", "đến khi tổ chức thành công Đại hội"), a
recurrence ("định kỳ 6 tháng", "hằng quý", "thường xuyên"), a length ("trong thời hạn 05 ngày làm việc kể từ …")
or an event ("Sau khi Nghị định … được ban hành"). A person asks for one of them: "giai đoạn nào", "bắt đầu từ
khi nào", "đến khi nào / lúc nào kết thúc", "bao lâu một lần", "trong bao lâu", "sau khi nào". The corpus reads the
kinds of each clause's thời hạn once, when it reads the thời hạn (`Clause.deadline_kinds`); the question's analysis
reads the kinds asked with the same names (`time_asked`), so retrieval compares two typed sets and parses nothing.
"""
from __future__ import annotations

import functools
import re

from corpus.text import fold_words

# a quarter or a month named as a point of time, in folded words: "quy iv", "thang 10" (a span runs between two)
_POINT = r"(?:quy [ivx]+|thang \d{1,2})"

# The kinds of time, in the plans' own terms; the value of `Clause.deadline_kinds` and `Question.time_asked`.
TIME_KINDS = ("period", "start", "end", "recurring", "duration", "event", "unset")

# A thời hạn's kinds, read over its folded words (a value may be of several: "từ ngày ban hành Kế hoạch đến khi …"
# is a start and an end).
_STATED: dict[str, re.Pattern[str]] = {
    # a span of years or a named stage: "giai đoạn 2026 - 2030", "2025 - 2026", "năm học 2026 - 2027",
    # "từ năm 2026 đến năm 2030", "từ 2026 đến 2027"
    "period": re.compile(r"\bgiai doan\b|\b20\d\d 20\d\d\b|\btu (?:nam )?20\d\d (?:den|toi) (?:het )?(?:nam )?20\d\d\b"
                         # a span from one quarter or month of a year to another's: "Quý IV/2025 - Quý II/2026",
                         # "tháng 10/2025 đến tháng 6/2026", "Quý III - Quý IV/2026" (the span, not its end alone)
                         r"|\b" + _POINT + r"(?: 20\d\d)? (?:den |toi )?(?:het )?" + _POINT + r" 20\d\d\b"
                         # the first or last months of a year as a stage: "6 tháng cuối năm 2025", "những tháng
                         # đầu năm 2026"
                         r"|\b(?:\d{1,2} |nhung |cac )?thang (?:dau|cuoi) nam 20\d\d\b"),
    # from a time on: "từ ngày 01/7/2026", "từ năm 2026", "Quý IV năm 2025 và các năm tiếp theo", "2026 trở đi"
    "start": re.compile(r"^tu\b|(?<!ke )(?<!tinh )\btu (?:ngay|nam|thang|quy|khi|nay)\b|\bcac nam tiep theo\b"
                        r"|\btro di\b|\bbat dau\b"),
    # by or until a time: "trước ngày 20/6", "chậm nhất Quý III/2026", "đến khi tổng kết", "hoàn thành năm 2026",
    # "Quý IV/2026", "tháng 6/2026", "năm 2026" (a single time is the time it is done by)
    "end": re.compile(r"\btruoc\b|\bcham nhat\b|\bden (?:ngay|khi|het|nam|thang|quy|cuoi)\b|\btoi (?:nam|ngay)\b"
                      r"|\bhoan thanh\b"),
    # how often: "hằng năm", "hàng quý", "mỗi năm", "định kỳ 6 tháng", "thường xuyên", "03 tháng một lần"
    "recurring": re.compile(r"\b(?:hang|moi) (?:nam|quy|thang|tuan|ngay)\b|\bdinh ky\b|\bthuong xuyen\b|\bmot lan\b"),
    # how long: "trong thời hạn 05 ngày làm việc", "không quá 30 ngày", "trong vòng 15 ngày kể từ …", "24 giờ",
    # "tối thiểu 03 tháng"
    "duration": re.compile(r"\b\d+ (?:[a-z ]{1,30} )?(?:gio|ngay|tuan|thang)(?: lam viec)?\b(?! ?\d)"
                           r"(?=.*\b(?:ke tu|tinh tu|truoc khi|sau khi|tu khi)\b)|\bkhong qua \d+|\btrong (?:vong|thoi han) \d+"
                           # bounded: "tối thiểu 03 tháng", "tối đa 10 ngày", "ít nhất 40 giờ"
                           r"|\b(?:toi thieu|toi da|it nhat) \d+ (?:[a-z ]{1,30} )?(?:gio|ngay|tuan|thang|nam)\b"),
    # on an event rather than a date: "sau khi Nghị định … được ban hành", "khi tổng kết", "ngay sau khi có kết quả",
    # "trong ngày tiếp nhận", "theo tiến độ …"
    "event": re.compile(r"\bsau khi\b|^khi\b|\bngay khi\b|\btrong ngay\b|\btheo tien do\b"),
    # none: the plan says in words that it sets no time ("Thời hạn giải quyết: Không quy định", "Chưa quy định"),
    # the answer to "trong bao lâu" of that task but no time the task is done in, by or for
    "unset": re.compile(r"^(?:khong|chua) quy dinh$"),
}

# a single time written alone: "Quý IV/2026", "trong tháng 6/2026", "vào cuối năm 2030", "ngày 15/12/2026", or a year
# alone as a "Năm thực hiện" / "Tiến độ" cell writes it ("2026")
_ONE_TIME = re.compile(r"^(?:trong |vao )?(?:cuoi |dau )?(?:quy [ivx]+|thang \d{1,2}|nam|ngay \d{1,2}|\d{1,2} \d{1,2} 20\d\d)\b"
                       r"|^20\d\d$")


def deadline_kinds(value: str | None) -> tuple[str, ...]:
    """The kinds of time a thời hạn value states (`TIME_KINDS`, in that order); () for none or no value."""
    if not value:
        return ()
    f = fold_words(value)
    kinds = {k for k in TIME_KINDS if _STATED[k].search(f)}
    if not kinds and _ONE_TIME.search(f):
        kinds.add("end")  # one time alone ("Quý IV/2026", "tháng 6/2026", "năm 2026") is the time it is done by
    if "recurring" in kinds and not re.search(r"\b20\d\d\b|\btruoc\b|\bcham nhat\b", f):
        # "tháng 11 hằng năm", "Quý IV hằng năm": a time of every year, no single end ("trước ngày 25 hằng tháng"
        # keeps both: a day each month is the report's end)
        kinds.discard("end")
    return tuple(k for k in TIME_KINDS if k in kinds)


# a year as a thời hạn writes it ("Quý II/2026", "giai đoạn 2026 - 2030", "năm 2030")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def due_year(value: str | None) -> int | None:
    """The latest year a thời hạn names (`Clause.due_year`): "giai đoạn 2026 - 2030" → 2030, "Quý II/2026" → 2026;
    None when it names none ("Hằng năm", "Thường xuyên") or there is no value."""
    return max((int(y) for y in _YEAR.findall(value or "")), default=None)


# The kinds of time a question asks for, read over its folded text ("bao lâu một lần" before "bao lâu").
_ASKED: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "bao lâu một lần", "bao lâu thì báo cáo một lần", "mấy tháng một lần"
    ("recurring", re.compile(r"\b(?:bao lau|(?:may|bao nhieu) (?:nam|quy|thang|tuan|ngay))(?: \w+){0,8} (?:mot|1) lan\b"
                             r"|\bmay lan\b|\bbao nhieu lan\b|\bdinh ky\b|\btan suat\b"
                             r"|\bhang (?:nam|quy|thang|tuan)\b|\bthuong xuyen\b")),
    ("period", re.compile(r"\bgiai doan nao\b|\bthoi gian nao\b|\bnhung giai doan\b|\b(?:may|bao nhieu) giai doan\b"
                          r"|\bkeo dai\b|\bthoi ky nao\b"
                          r"|\btu (?:khi|luc|nam|quy|thang|ngay) nao den (?:khi|luc|nam|quy|thang|ngay) nao\b"
                          r"|\btrong (?:nhung )?nam nao\b")),
    ("start", re.compile(r"\bbat dau\b|\btu (?:khi|luc|ngay|nam|thang|quy|thoi diem) nao\b|\bkhoi dong\b|\bkhoi cong\b")),
    ("end", re.compile(r"\bket thuc\b|\bden (?:khi|luc|ngay|nam|thang|bao gio) nao\b|\bden bao gio\b|\bhan chot\b"
                       r"|\btruoc (?:ngay|thang|nam|khi|thoi diem) nao\b|\bcham nhat\b|\bhoan thanh (?:khi|luc|vao) nao\b"
                       r"|\bphai (?:xong|hoan thanh)\b|\bxong (?:khi|luc) nao\b|\bthoi han\b"
                       # the task done, asked by "xong" or "hoàn thành" anywhere ("bao giờ làm xong", "khi nào phải bố
                       # trí xong", "Bao giờ … hoàn thành …?"), or a deadline named by "hạn" and the act ("Hạn hoàn
                       # thành …?", "Hạn gửi kết quả … là ngày nào", "hạn nộp báo cáo")
                       r"|\bxong\b|\bhoan thanh\b|\bhan (?:cuoi|hoan thanh|gui|nop|bao cao|trinh)\b")),
    ("duration", re.compile(r"\btrong (?:vong )?bao lau\b|\bmat bao lau\b|\btrong (?:vong )?(?:may|bao nhieu) "
                            r"(?:ngay|gio|thang|tuan)\b|\bbao nhieu ngay\b|\bmay ngay\b|\bbao lau\b")),
    ("event", re.compile(r"\bsau khi nao\b|\bsau (?:su kien|viec) (?:gi|nao)\b")),
)


def sets_no_time(kinds: frozenset[str] | tuple[str, ...]) -> bool:
    """A thời hạn of the kinds ``kinds`` says no time is set ("Không quy định"): the task's thời hạn as the plan
    answers it, but no time it is done in, by or for, so no evidence that a clause carries the time asked."""
    return "unset" in kinds


def answers_time(stated: frozenset[str] | tuple[str, ...], asked: frozenset[str] | tuple[str, ...]) -> bool:
    """A thời hạn of the kinds ``stated`` answers a question asking the kinds ``asked`` (`TIME_KINDS` both): it states
    one of them, or a period is asked and it states where the time starts and where it ends ("Từ tháng 10/2025 đến
    khi tổ chức thành công Đại hội", "từ nay đến năm 2030" answer "từ khi nào đến khi nào", "kéo dài bao lâu")."""
    stated, asked = set(stated), set(asked)
    return bool(stated & asked) or ("period" in asked and {"start", "end"} <= stated)


def time_asked(folded_question: str) -> tuple[str, ...]:
    """The kinds of time a question asks for (`TIME_KINDS`), read over its folded words; () when it asks none in
    particular ("khi nào", "bao giờ"). A "từ khi nào đến khi nào" asks a period, not a start and an end apart;
    "bao lâu một lần" asks how often, not how long."""
    f = fold_words(folded_question)
    kinds: list[str] = []
    for kind, rx in _ASKED:
        if rx.search(f):
            if kind == "duration" and "recurring" in kinds:
                continue
            if kind in ("start", "end") and "period" in kinds:
                continue
            kinds.append(kind)
    return tuple(k for k in TIME_KINDS if k in kinds)


# a time asked in no particular kind ("khi nào", "lúc nào", "bao giờ", "vào thời điểm nào", "năm nào")
_WHEN_ASKED = re.compile(r"\b(?:khi|luc|thoi diem|thoi gian|ngay|thang|nam|quy) nao\b|\bbao gio\b")


@functools.lru_cache(maxsize=4096)
def time_asking_words(folded_question: str) -> frozenset[str]:
    """The words by which a question asks a time (every span `time_asked` reads: "kéo dài", "bắt đầu từ khi nào", "kết
    thúc", "bao lâu một lần", "hạn chót"; and a time of no kind in particular, `_WHEN_ASKED`: "lúc nào", "vào thời điểm
    nào"), folded: they say what of the subject is asked, not what the subject is, and a plan answering it writes the
    time in figures ("từ tháng 10/2025 đến …"), not in them. (Memoised: read per question and per clause compared.)"""
    f = fold_words(folded_question)
    patterns = (*(rx for _, rx in _ASKED), _WHEN_ASKED)
    return frozenset(w for rx in patterns for m in rx.finditer(f) for w in m.group(0).split())


# the stages of a plan asked as such: counted or listed ("chia làm mấy giai đoạn", "gồm bao nhiêu giai đoạn",
# "là những giai đoạn nào", "các giai đoạn của lộ trình")
_STAGES_ASKED = re.compile(r"\b(?:may|bao nhieu|nhung|cac) giai doan\b")


def stages_asked(folded_question: str) -> bool:
    """The question asks for the plan's stages themselves ("Lộ trình … chia làm mấy giai đoạn, là những giai đoạn
    nào?"), not the stage of one task ("… xây dựng trong giai đoạn nào?"): its answer is every stage the plan names."""
    return bool(_STAGES_ASKED.search(fold_words(folded_question)))

