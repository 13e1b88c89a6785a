"""What a question asks: its type, the commune/ward it names, the unit it is about.

Matching is done on folded text (no diacritics, lower case) so "ai chu tri chi tieu
bhyt" and "Ai chủ trì chỉ tiêu BHYT?" read the same.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Callable, Iterable, NamedTuple, Sequence

from corpus.model import Document, FieldLine
from corpus.places import spell_out_provinces
from corpus.timing import stages_asked, time_asked
from corpus.text import (ANY_DOCUMENT, ASKED_KINDS, ASKS_RECIPIENT, CAPITALS, COLLECTION_ASKED, COLLECTION_KIND,
                         COMMUNE_LEVELS, HEADING_KINDS,
                         COMMUNE_UNIT_HEADS, GIAO_COMPOUND_AFTER, GIAO_COMPOUND_BEFORE, MONEY_NAMED, PLAN_NOUN,
                         SOURCE_CUE, WHO_PAYS, is_content_syllable,
                         NOT_COUNTED_WORDS, NOT_PLACE_NAME_WORDS, UNIT_LEVELS, everyday_plan_words, fold_words, folded,
                         nfc, word_pairs)
from index.text import fold, normalize


# patterns on folded text, first match wins
# the places a plan belongs to, asked one or several at a time ("tỉnh, thành nào", "thành phố, tỉnh nào")
_PLACE_ASKED = r"(?:tinh|thanh pho|thanh|dia phuong)(?:(?:, | va |/)(?:tinh|thanh pho|thanh|dia phuong))*"
# which places or plans, as such ("Những tỉnh nào …", "Tỉnh nào có kế hoạch …", "Kế hoạch của những tỉnh, thành phố
# nào …", "Những luật nào có kế hoạch …", "Kế hoạch nào ghi …" opening the question): the answer is a list across the
# plans; "Sơn La và Lai Châu mỗi tỉnh có kế hoạch gì" too. Not "các tỉnh" alone ("Các tỉnh phải gửi … trước ngày
# nào" asks a deadline) nor "thay thế kế hoạch nào" (one plan cites another), nor "luật nào" without a plan of it
# ("kiến nghị sửa văn bản nào")
_WHICH_PLANS = (r"\bnhung %s nao\b|(?<!\w)%s nao\b.*\b(?:ke hoach|chuong trinh)\b|^(?:cac )?ke hoach nao\b"
                r"|\bnhung luat nao\b.*\bke hoach\b|\bke hoach\b.*\bnhung luat nao\b"
                r"|\bco (?:nhung )?ke hoach gi\b" % (_PLACE_ASKED, _PLACE_ASKED))
# a figure named as what the plan aims at: a goal (chỉ tiêu, mục tiêu, phấn đấu), a share (tỷ lệ, %, phần trăm), a level reached
# ("đạt bao nhiêu", "mức nào", "tăng bao nhiêu"), a yearly rate ("tăng bình quân bao nhiêu mỗi năm"). "bao nhiêu" alone
# asks a figure, which is a target when a year is asked of it ("năm 2028 … bao nhiêu tấn") and otherwise a figure the
# plan states (`question_type`: "chiếm bao nhiêu trong vốn đầu tư", "tổng số trạm … là bao nhiêu")
AIM_NAMED = re.compile(r"\bchi tieu\b|\bmuc tieu\b|\bty le\b|%|\bphan tram\b|\bmuc (nao|bao)\b|\bdat (bao|muc)\b|\bphan dau\b"
                       r"|\btang bao\b|\bbinh quan\b|\b(?:moi|hang) nam\b")
_TYPES: list[tuple[str, re.Pattern[str]]] = [
    # "các xã" after "UBND" / "Ủy ban nhân dân" / "Chủ tịch" names the communes' authority, a unit, not which communes
    ("list", re.compile(r"(?<!ubnd )(?<!uy ban nhan dan )(?<!chu tich )\b(nhung|cac) (xa|phuong|dia phuong|ke hoach)( nao)?\b|\b(xa|phuong|dia phuong) nao\b.*\b(dat|co|muc tieu|chi tieu)|\bso sanh\b|"
                        + _WHICH_PLANS + "|" + COLLECTION_ASKED.pattern)),
    ("duties", re.compile(r"\bduoc (giao|phan cong)\b.*\b(nao|gi)\b|\bnoi dung nao\b|\bnhung viec gi\b|\bviec gi\b|\bnhiem vu (gi|nao)\b|\bduoc giao (nhung|cac|gi)\b|\blam (nhung )?gi\b|\bnhiem vu cua\b|\bphai lam\b|\bgiao nhung\b|\bphu trach (nhung )?(gi|viec gi|linh vuc nao)\b|\btrach nhiem (nhung )?gi\b")),
    # (a day asked before which, or a question opening on "hạn", asks a deadline, whoever else it asks of — "báo cáo
    # … trước ngày nào, gửi ai?" — but "Ai …" first asks who, the day besides; "lộ trình" is no cue: it names a plan or
    # a programme, "lộ trình đổi mới công nghệ", "lộ trình số hóa hạ tầng", asked who leads it or what it aims at)
    # "lúc nào", "thời điểm nào", "hạn cuối" ask as "khi nào", "hạn chót" do (the time slot's words, `_SLOTS`): "Lúc nào
    # … kiện toàn Ban Chỉ đạo?" asks a time, not who directs
    ("when", re.compile(r"\bkhi nao\b|\bluc nao\b|\bthoi diem nao\b|\bhan cuoi\b|\bthoi han\b|\bnam nao\b|\bbao gio\b|\bthoi gian (hoan thanh|thuc hien)\b|\bhan chot\b|\bhoan thanh (vao|trong|truoc)? ?(nam|luc|khi) nao\b|\bbao lau\b"
                        r"|^(?!ai\b).*\btruoc (?:ngay|thoi diem) nao\b|^han\b")),
    ("who", re.compile(r"(^|\s)ai(\s|$|\?)|\b(don vi|co quan|phong|(?<!van )ban|bo phan|ca nhan|dong chi) nao\b|\bchu tri\b|\bphu trach\b|\btham muu\b|\bphoi hop\b|\bchi dao\b|\bgiao cho\b|\bchiu trach nhiem\b")),
    ("target", re.compile(r"\bbao nhieu\b|" + AIM_NAMED.pattern)),
]
_TYPE_ASKED = dict(_TYPES)  # each type's pattern by name
# a duty question that opens with a commune body's name: "Hội Nông dân xã An Hưng được giao ..."
_COMMUNE_UNIT_START = re.compile(r"^(?:%s)" % "|".join(COMMUNE_UNIT_HEADS)
                                 + r"(?:\s+(?!xã\b|phường\b|thị\b|được\b|có\b|làm\b|phụ\b|chủ\b)[\wÀ-ỹđĐ&-]+){1,5}")
# "giao" as in assigning a task (giao cho, được giao), not a syllable of another word (corpus.text
# GIAO_COMPOUND_BEFORE / _AFTER): chuyển giao, bàn giao, giao thông, giáo dục, giao dịch … fold to "giao" too
GIAO = ("".join(rf"(?<!\b{w} )" for w in GIAO_COMPOUND_BEFORE)
        + r"\bgiao\b(?! (?:%s)\b)" % "|".join(GIAO_COMPOUND_AFTER))
_AMOUNT_ASKED = re.compile(r"\bbao nhieu\b|%|\bty le\b|\bmuc (nao|bao)\b|\bso luong\b")
# places named as the ones who do a task ("các xã phải báo cáo …", "những phường hoàn thành …"), not asked which
# ("các xã nào", "những phường nào"): a list only when something else asks for one
_PLACES_AS_DOERS = re.compile(r"\b(?:nhung|cac) (?:xa|phuong|dia phuong)\b(?! nao\b)")
# the year or day asked by "bao nhiêu" where it ends the question ("hoàn thành năm bao nhiêu?", "nộp ngày bao nhiêu?"):
# a time, not an amount (not "mỗi năm bao nhiêu sản phẩm", a yearly figure)
_DATE_BY_NUMBER = re.compile(r"(?<!moi )(?<!hang )(?<!trong )\b(?:nam|ngay) bao nhieu\b(?=\W*$| thi\b)")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


@dataclass(frozen=True)
class AnswerSlot:
    """The kind of value the answer must hold, read from the question's wording.

    ``money`` (kinh phí, vốn, tiền thưởng, "bao nhiêu tỷ đồng", "bao nhiêu nghìn USD"), ``percent`` (tỷ lệ, %, phần trăm),
    ``count`` ("bao nhiêu lớp / xã / tấn": ``unit`` is the counted word as folded), ``number``
    (any other "bao nhiêu"), ``day`` ("ngày nào"), ``year`` ("năm nào"), ``time`` (khi nào,
    thời hạn, bao giờ; "bao lâu", "bao nhiêu thời gian", "mấy năm" — a deadline, a period, a recurrence or a
    length: "thời gian bao lâu" of a task is its period, "bao lâu một lần" its recurrence, "tối thiểu bao lâu"
    a length such as "ít nhất 02 năm"), ``agency`` (ai, cơ quan / đơn vị / sở nào), ``partners`` (cơ quan nào phối hợp: the phối hợp of
    the task, which a lead alone does not state), ``source`` (where money comes from: "lấy từ nguồn nào", "ai bỏ
    tiền" — a budget, a fund, who pays: `asks_source`; read by the fact answer, not the abstention). A plan that states no value of that kind
    does not answer the question, however well its words match.
    """

    kind: str
    unit: str | None = None
    # the counted word as the question types it when that is a code the slot reads written out ("grdp" for "tong", "dn"
    # for "doanh"): a plan may write either (`counted`)
    short: str | None = None

    @property
    def counted(self) -> tuple[str, ...]:
        """The counted word's forms a value may be written with: the plans' long form, and the code as typed."""
        return tuple(u for u in (self.unit, self.short) if u)


# a sum of money is asked for: the topic word names money, or the unit after "bao nhiêu" does
_MONEY_WORDS = re.compile(r"\b(kinh phi|chi phi|von dau tu|tong von|nguon von|so tien|tien thuong"
                          r"|phat tien|bao nhieu tien|muc thuong|muc phat|muc ho tro|ty dong|trieu dong|nghin dong"
                          r"|hoc phi|le phi|muc phi|muc luong|tien luong|usd)\b")
_PERCENT_WORDS = re.compile(r"%|\bphan tram\b|\bty le\b|\bti le\b|\bty trong\b")
_SLOTS: list[tuple[str, re.Pattern[str]]] = [
    ("day", re.compile(r"\bngay nao\b|\bngay bao nhieu\b|\bngay may\b")),
    ("year", re.compile(r"\bnam nao\b|\bnam bao nhieu\b|\bnam may\b")),
    ("time", re.compile(r"\bkhi nao\b|\bthoi han\b|\bbao gio\b|\bthoi gian (hoan thanh|thuc hien)\b"
                        r"|\bhan chot\b|\btruoc ngay\b|\bluc nao\b|\bthang nao\b|\bquy nao\b|\bbao lau\b|\bbao nhieu thoi gian\b"
                        # a span or moment of time asked by its name: "trong thời gian nào", "vào thời điểm nào",
                        # "giai đoạn nào", "định kỳ nào", "với tần suất nào"
                        r"|\b(?:thoi gian|thoi diem|giai doan|dinh ky|tan suat|thoi ky) nao\b"
                        # the stages a plan runs in, counted ("chia làm mấy giai đoạn", "gồm bao nhiêu giai đoạn"),
                        # and a time named as a milestone or a deadline ("mốc thời gian", "deadline")
                        r"|\b(?:may|bao nhieu) giai doan\b|\bmoc thoi gian\b|\bdeadline\b"
                        # a month or quarter asked by "mấy" where the question ends, a year or a recurrence follows,
                        # or a time word leads ("bắt đầu từ tháng mấy?", "quý mấy năm 2026", "tháng mấy hằng năm",
                        # "vào tháng mấy": "thang máy", a lift, folds alike but names a thing; "quý mấy" names none),
                        # and a deadline named by "hạn" ("Hạn hoàn thành …?", "hạn cuối")
                        r"|\b(?:thang|quy) may\b(?=\W*$| nam\b| hang (?:nam|quy)\b)|\bquy may\b"
                        r"|\b(?:vao|tu|den|truoc|trong) thang may\b|\bhan (?:cuoi|hoan thanh)\b"
                        # a length ("bao nhiêu năm" before a year is that year's figure: "đạt bao nhiêu năm 2030")
                        r"|\b(?:bao nhieu|may) (?:nam|thang|tuan|gio|phut)\b(?! ?\d)"
                        # everyday names of a time: a milestone or an occasion ("mốc nào", "quá mốc thời gian nào",
                        # "vào dịp nào"), a month opening the question before what is done in it ("Tháng mấy phải gửi
                        # báo cáo?"; not "Thang máy của trụ sở", a lift), a recurrence by its cycle ("theo chu kỳ
                        # nào"; "ít nhất mấy lần mỗi năm" counts, a figure), the time of an act named by the act
                        # ("thời gian tổ chức hội nghị", "thời gian nộp hồ sơ") and a schedule asked ("Tiến độ xây
                        # dựng … ?", "theo tiến độ nào", "tiến độ thế nào"; not "báo cáo tiến độ", a report's topic)
                        r"|\bmoc (?:thoi gian )?nao\b|\bdip nao\b|\bchu ky nao\b"
                        r"|^thang may (?:phai|thi|se|cac|nop|gui|bao cao|hoan thanh|to chuc|trien khai|bat dau)\b"
                        r"|\bthoi gian (?:to chuc|trien khai|bat dau|ket thuc|nop|gui)\b"
                        r"|^tien do\b|\btien do (?:nao|the nao|ra sao|la gi)\b"
                        # a deadline named by "hạn" before the act due, or the day it runs out ("Hạn nộp báo cáo sơ
                        # kết?", "Ngày hết hạn gửi hồ sơ?"), and a stage asked by its number ("thuộc giai đoạn mấy")
                        r"|\bhan (?:nop|gui|trinh|bao cao)\b|\bngay het han\b|\bgiai doan may\b"
                        # how often, asked as a choice ("hằng năm hay một lần", "thường xuyên hay định kỳ")
                        r"|\b(?:hang (?:nam|quy|thang)|dinh ky|thuong xuyen|mot lan)"
                        r" hay (?:hang|dinh ky|thuong xuyen|mot lan|chi)\b")),
    ("agency", re.compile(r"(^|\s)ai(\s|$|\?)|\b(don vi|co quan|so|phong|(?<!van )ban|bo phan|to chuc) nao\b")),
]


# "còn mấy ngày", "trong mấy ngày" ask the number of days as "bao nhiêu ngày" does ("mấy" alone is no cue: "máy",
# a machine, folds to the same word)
_FEW_DAYS = re.compile(r"\bmay ngay\b")
# "mấy" asking an amount as "bao nhiêu" does, where it closes the question after the verb stating a figure ("tỷ lệ … là
# mấy?", "giá vé là mấy", "đạt mấy phần trăm?", "chiếm mấy %"): read as "bao nhiêu" (`may_as_amount`); elsewhere
# "may" stays no cue of its own ("thang may", a lift; "máy", a machine, folds alike)
_AMOUNT_MAY = re.compile(r"(?:(?<=\bla )|(?<=\bdat )|(?<=\bchiem )|(?<=\bduoc )|(?<=\bcon )|(?<=\bkhoang ))may(?=\W*$)"
                         r"|\bmay(?= ?(?:%|phan tram\b))")


def may_as_amount(f: str) -> str:
    """The folded question with a closing "mấy" that asks an amount written "bao nhiêu" (`_AMOUNT_MAY`), so its type
    and answer slot read as the wording with "bao nhiêu" does: "tỷ lệ … là mấy?" asks a share."""
    return _AMOUNT_MAY.sub("bao nhieu", f)


def asks_source(f: str) -> bool:
    """The folded question asks where the money for something comes from ("Kinh phí … lấy từ nguồn nào?", "Tiền
    làm 5G … lấy từ đâu?", "ưu tiên dùng nguồn vốn gì", "ai bỏ tiền?"): a source of money is the value asked (a
    budget, a fund, who pays), not a time ("lộ trình" names the plan) nor a unit's chủ trì."""
    return bool(WHO_PAYS.search(f) or (MONEY_NAMED.search(f) and SOURCE_CUE.search(f)))


# where money comes from, as the kind of value a fact answer quotes (`strategies.Fact`, `Question.asks_source`)
SOURCE = AnswerSlot("source")


def answer_slot(f: str, source: bool | None = None) -> AnswerSlot | None:
    """The value a folded question asks for (`AnswerSlot`), or None when it asks for none in particular. Who pays
    ("ai bỏ tiền": `asks_source`) asks a source of money, not a unit: no slot the abstention checks. The ``source``
    kind is read by the fact answer only (`Question.asks_source`): as evidence, out of fold (dev1–11 + sample gold),
    it refused four answerable source questions whose top three clauses state the source in other words, for two
    answered, FA .042 -> .044. ``source``: `asks_source` of ``f`` when the caller has read it (`analyse` reads it
    once), else read here."""
    slot = _answer_slot(f)
    if (asks_source(f) if source is None else source) and slot is not None and slot.kind == "agency":
        return None
    return slot


def _answer_slot(f: str) -> AnswerSlot | None:
    for kind, rx in _SLOTS:
        if rx.search(f):
            return AnswerSlot(kind)
    if _FEW_DAYS.search(f):
        return AnswerSlot("count", "ngay")
    m = re.search(r"\bbao nhieu\b(?: (\w+))?(?: (\w+))?", f)
    if m is None and not re.search(r"\bmuc (nao|bao)\b|\bso luong\b", f):
        return None
    after = " ".join(w for w in (m.group(1), m.group(2)) if w) if m else ""
    if _PERCENT_WORDS.search(f):  # "tỷ lệ giải ngân vốn đầu tư … bao nhiêu": a share, not a sum
        return AnswerSlot("percent")
    if _MONEY_WORDS.search(f):
        return AnswerSlot("money")
    first = after.split()[0] if after else ""
    if first and first not in NOT_COUNTED_WORDS and not first.isdigit():
        return AnswerSlot("count", first)
    return AnswerSlot("number")


# names a question gives to the one document, law or event it is about
# a document's number with its issuer's code, read over the question as written (marks kept or not):
# "310/KH-UBND", "13/2023/NĐ-CP", "0204/KH-UBND" — the one pattern for it (`numbers_named`)
DOCUMENT_NUMBER = re.compile(r"(?<!\w)(\d+)(?:/\d{4})?/[^\W\d_]+(?:-[^\W\d_]+)*")
# a law by its name: "Luật Việc làm", "luat bao ve du lieu ca nhan" (not "pháp luật")
# a second law named beside it ends the first ("Luật Việc làm và Luật Tiêu chuẩn …", "Luật A, Luật B": each its own),
# and so does "lần lượt" ("… và Luật Bảo vệ dữ liệu cá nhân lần lượt do ai ban hành")
_LAW = re.compile(r"(?<!phap )(?<!ky )\bluat (?!nao\b|gi\b)((?:(?!o\b|tai\b|cua\b|cho\b|la\b|trong\b|theo\b|nam\b|den\b"
                  r"|nao\b|gi\b|ai\b|thi\b|duoc\b|khi\b|luat\b|va luat\b|lan luot\b)\w+ ?){1,8})")
# a numbered instrument: "Nghị quyết 57", "chỉ thị số 27"
_INSTRUMENT = re.compile(r"\b(nghi quyet|nghi dinh|chi thi|quyet dinh|thong tu|ke hoach|chuong trinh|cong van"
                         r"|qd|nq|kh|ct|tt)(?: so)? (\d+)\b")
# an instrument's kind as people shorten it ("QĐ 2820", "KH 552"): named by its full kind, as plans cite it
_INSTRUMENT_SHORT = {"qd": "quyet dinh", "nq": "nghi quyet", "kh": "ke hoach", "ct": "chi thi", "tt": "thong tu"}
# a congress or event by its ordinal: "Đại hội XIV" (plans write "Đại hội đại biểu … lần thứ XIV")
_EVENT = re.compile(r"\bdai hoi (?:(?:[a-z]+ ){0,5}?lan thu )?([ivxlc]+)\b")


@dataclass(frozen=True)
class DocumentNumber:
    """A document number a question writes ("310/KH-UBND", "56/2025/TT-BCT"), read once (`numbers_named`):
    the plan it names is found by its number and code, and its code ("UBND") names no unit or topic."""

    written: str  # as the question writes it, so later steps can read the question without it
    number: str  # its number, leading zeros dropped: "0204/KH-UBND" → "204"
    code: tuple[str, ...]  # its code's folded words, the year left out: ("tt", "bct")

    @property
    def words(self) -> str:
        """As the folded words a plan naming it writes: "310 kh ubnd", "56 2025 tt bct"."""
        return " ".join(re.findall(r"[a-z0-9]+", folded(self.written)))


def numbers_named(text: str) -> tuple[DocumentNumber, ...]:
    """The document numbers with their codes a question writes, in order, once each."""
    out: dict[str, DocumentNumber] = {}
    for m in DOCUMENT_NUMBER.finditer(text):
        words = _number_words(m.group(0))
        if words is not None and m.group(0) not in out:
            out[m.group(0)] = DocumentNumber(m.group(0), *words)
    return tuple(out.values())


def without_numbers(text: str, numbers: tuple[DocumentNumber, ...], by: str = " ") -> str:
    """The text with each of the question's document numbers taken out (replaced ``by``): its issuer's code
    ("UBND") is no unit the question is about, its number no figure of the topic."""
    for n in sorted(numbers, key=lambda n: -len(n.written)):
        text = text.replace(n.written, by)
    return text


def named_documents(f: str, numbers: tuple[DocumentNumber, ...]) -> tuple[str, ...]:
    """The documents a question names by number, each as the folded words a plan naming it writes:
    "310 kh ubnd" (its ``numbers``, `numbers_named`), "nghi quyet 48" (a numbered instrument in the folded
    question ``f``): a plan's own number, or one it implements."""
    out = [n.words for n in numbers]
    written = {re.match(r"\d+", n.written).group(0) for n in numbers}
    for m in _INSTRUMENT.finditer(f):
        if m.group(2) not in written and not _YEAR.fullmatch(m.group(2)):  # "kế hoạch 2026-2030" is a period
            out.append(f"{_INSTRUMENT_SHORT.get(m.group(1), m.group(1))} {m.group(2)}")
    return tuple(dict.fromkeys(out))


# the kinds a plan is issued as, by the words a question names it with ("KH 982", "QĐ 2954"): a named
# "Nghị quyết 48" or "Thông tư 56" is as often the act a plan implements as a document of the corpus, so only
# a number written with its code ("48/NQ-CP", "56/2025/TT-BCT") names one of those
_PLAN_KINDS = {"ke hoach": ("kh",), "quyet dinh": ("qd",), "chuong trinh": ("ctr", "ct")}


def _number_words(number: str) -> tuple[str, tuple[str, ...]] | None:
    """A document number as (its number, its code words): "0204/KH-UBND" → ("204", ("kh", "ubnd")),
    "56/2025/TT-BCT" → ("56", ("tt", "bct")), "1147-QĐ/BTGDVTW" → ("1147", ("qd", "btgdvtw"))."""
    words = re.findall(r"[a-z0-9]+", folded(number))
    if not words or not words[0].isdigit():
        return None
    code = tuple(w for w in words[1:] if not _YEAR.fullmatch(w))
    return words[0].lstrip("0") or "0", code


def numbered_documents(numbers: tuple[DocumentNumber, ...], named: tuple[str, ...],
                       documents: dict[str, Document]) -> set[str]:
    """The corpus documents whose own number a question names: a number with its code (``numbers``,
    `numbers_named`) is the plan numbered so, 982/KH-UBND, and a kind with a number (``named``,
    `named_documents`: "ke hoach 982") a kế hoạch numbered 982 whatever its issuer's code.
    The number must agree with the code the question writes, so "48/NQ-CP" is not 48/2025/NQ-HĐND."""
    own = {d.id: w for d in documents.values() if d.number and (w := _number_words(d.number))}
    out: set[str] = set()
    for n in numbers:
        out |= {d for d, w in own.items() if w == (n.number, n.code)}
    for name in named:
        words = name.split()
        if not words[0].isdigit() and (kind := " ".join(words[:-1])) in _PLAN_KINDS and words[-1].isdigit():
            number = words[-1].lstrip("0") or "0"
            out |= {d for d, (n, code) in own.items() if n == number and code[:1] and code[0] in _PLAN_KINDS[kind]}
    return out


def named_subjects(f: str) -> tuple[str, ...]:
    """The laws and events a folded question names: "luat viec lam", an event by its ordinal ("xiv")."""
    out: list[str] = []
    for m in _LAW.finditer(f):
        words = re.findall(r"[a-z0-9]+", m.group(0))
        if len(words) >= 2:
            out.append(" ".join(words))
    out += [m.group(1) for m in _EVENT.finditer(f)]
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Question:
    """What a question asks, read once; an immutable value every later step reads."""

    text: str
    folded: str
    qtype: str  # who | target | when | duties | list | fact (retrieval.strategies names what each changes)
    asks_partners: bool = False
    asks_director: bool = False
    asks_recipient: bool = False  # whom something is reported, sent or submitted to: not who leads it
    asks_number: bool = False  # "số hiệu", "kèm theo quyết định nào": the plan's number line
    asks_date: bool = False  # "số hiệu và ngày ban hành": the plan's own date, asked with its number (`role_flags`)
    asks_period: bool = False  # "Kế hoạch … áp dụng cho những năm nào?": the plan's own period, its title line
    asks_signer: bool = False  # "ai ký", "do ai ký", "người ký": who signed the plan (`Document.signer`)
    asks_code: bool = False  # "Mã TTHC của thủ tục … là gì": a procedure's code, its row's "ma_so" cell (`_ASKS_CODE`)
    # the plan's references asked (`asks_reference`), as `corpus.model.REFERENCE_ROLES`, the role asked first:
    # ("implements", "basis") for "KH … thực hiện quyết định nào?", ("proposal",) for "theo đề nghị của cơ quan nào?"
    asks_reference: tuple[str, ...] = ()
    asks_items: bool = False  # "gồm những gì", "có những hình thức khen thưởng nào": every item of a list
    asks_source: bool = False  # "lấy từ nguồn nào", "ai bỏ tiền": where money comes from (`asks_source`)
    # the facts of a task asked besides its lead, as `Clause` field names: ("partners", "deadline") for
    # "ai chủ trì …, ai phối hợp, đến khi nào"
    also_asks: tuple[str, ...] = ()
    doc_filter: frozenset[str] | None = None  # documents of the commune/ward the question names
    locality_named: str | None = None
    unknown_locality: str | None = None  # "xã Tân Lập" when no plan is about it
    unit: str | None = None  # the unit a duties question is about (as the plans write it)
    unit_key: str | None = None  # its folded core ("phong kinh te"), matched inside clause leads
    unknown_unit: str | None = None  # "Hội Nông dân" when no plan names that unit
    explicit_role: bool = False  # the question names a role (chủ trì, tham mưu, phối hợp, chỉ đạo, giao)
    years: tuple[str, ...] = ()
    content_runs: tuple[tuple[str, ...], ...] = ()  # content words in runs (question words, place removed)
    key_tokens: tuple[str, ...] = ()  # distinct content words, no digits
    key_bigrams: tuple[str, ...] = ()  # adjacent content-word pairs inside a run
    all_bigrams: frozenset[str] = frozenset()  # every word pair but the place, unit and level words (title match)
    answer_slot: AnswerSlot | None = None  # the kind of value the answer must hold
    # the kinds of time asked (`corpus.timing.TIME_KINDS`): "giai đoạn nào" a period, "bắt đầu từ khi nào" a start,
    # "lúc nào kết thúc" an end, "bao lâu một lần" a recurrence, "trong mấy ngày" a length; () for a plain "khi nào"
    time_asked: tuple[str, ...] = ()
    # the plan's stages asked as such ("chia làm mấy giai đoạn", "những giai đoạn nào": `corpus.timing.stages_asked`)
    stages_asked: bool = False
    numbers_named: tuple[DocumentNumber, ...] = ()  # document numbers with their codes ("310/KH-UBND")
    named_documents: tuple[str, ...] = ()  # documents named by number, folded ("310 kh ubnd", "nghi quyet 48")
    named_subjects: tuple[str, ...] = ()  # laws and events named, folded ("luat viec lam", "xiv")
    provinces_named: tuple[str, ...] = ()  # folded province keys of every real place the question names
    # each law or event named with the plans whose own title writes it ("luat viec lam" → the TP.HCM plan): set by
    # `Retriever.analyse` (`Evidence.subject_plans`), read by a question across several named plans
    subject_plans: tuple[tuple[str, frozenset[str]], ...] = ()
    # the plans a question asking which plans there are names by their typed titles and places: set by
    # `Retriever.analyse` (`catalogue.catalogue_plans`, after `subject_plans`), read by the list strategy
    catalogue: tuple[str, ...] = ()
    marked: bool = True  # the question as the user typed it carries tone or vowel marks (`has_marks`)
    # the document kind a question opening "Có những thông tư nào …" names the collection's documents by, as
    # `Document.kind` writes it (`kind_asked`); None when it asks for plans or for any document ("Những văn bản nào")
    kind_asked: str | None = None
    # the plans' words for the everyday words it writes (`corpus.text.EVERYDAY_WORDS`): searched, never coverage
    plan_words: tuple[str, ...] = ()
    codes: frozenset[str] = frozenset()  # the Latin codes it writes ("MES", "FTZ", "5G", "IoT"), folded (`latin_codes`)


def locality_keys(doc: Document) -> list[str]:
    name = doc.locality.name
    if not name:
        return []
    keys = [folded(name)]
    if doc.locality.level:
        keys.insert(0, folded(f"{doc.locality.level} {name}"))
    return keys


# what a typed commune's name may open with ("xã An Hưng", "thi tran X"), dropped to compare it with the plans':
# the commune levels and the town (thị trấn), commune-level before 2025; a district (huyện) is none
_COMMUNE_LEVEL = re.compile(r"^(?:" + "|".join(fold_words(w) for w in (*COMMUNE_LEVELS, "thị trấn")) + r")\s+")


def locality_choices(typed: str, options: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The plans' localities, as (value passed to `ask`, label shown), a typed name picks ("An Hưng", "xa an hung",
    "Xã An Hưng"): the first whose name or label it is, with or without its level and marks; else the one label
    holding it, when exactly one does; else none."""
    typed_key = fold_words(typed)
    wanted = _COMMUNE_LEVEL.sub("", typed_key)
    exact = [o for o in options if _COMMUNE_LEVEL.sub("", fold_words(o[0])) == wanted or fold_words(o[1]) == typed_key]
    partial = [o for o in options if wanted and wanted in fold_words(o[1])]
    return exact[:1] or (partial if len(partial) == 1 else [])


def match_locality(text: str, documents: dict[str, Document]) -> tuple[set[str], str | None]:
    """Documents whose commune/ward the text names (with or without diacritics)."""
    f = f" {folded(text)} "
    hits: dict[str, set[str]] = {}
    for doc in documents.values():
        for key in locality_keys(doc):
            if re.search(rf"(?<![a-z]){re.escape(key)}(?![a-z])", f):
                hits.setdefault(folded(doc.locality.name), set()).add(doc.id)
                break
    if not hits:
        return set(), None
    best = max(hits, key=len)
    return set().union(*hits.values()), best


def filter_by_places(question: str, documents: dict[str, Document]
                     ) -> tuple[frozenset[str] | None, str | None, str | None] | None:
    """Scope a question by the real places it names (`corpus.places`, the official list).

    A commune or ward no plan is about: only the plans whose locality is unknown can answer, and
    when there are none the plans do not cover it. A province: the plans of that province (of each province
    named, when it names several), and those whose province is unknown (a document whose locality is unknown is never excluded).
    Returns (doc_filter, place named, unknown place) or None when the question names no real place.
    """
    from corpus.places import find_places, key

    places = find_places(spell_out_provinces(question))
    if not places:
        return None
    commune = next((p for p in places if not p.is_province), None)
    if commune is not None:
        unknown = frozenset(d.id for d in documents.values() if not d.locality.name)
        if unknown:
            return unknown, None, None
        return None, None, commune.label()
    # "ở Hà Nội và ở Nghệ An": every province named is asked about, each plan's answer side by side
    named = {key(p.name) for p in places}
    province = key(places[0].name)
    scoped = frozenset(d.id for d in documents.values()
                       if not d.locality.province or key(d.locality.province) in named)
    if not scoped or len(scoped) == len(documents):
        return None
    return scoped, province, None


# a capital letter of Vietnamese, from the one alphabet by case (`corpus.text.CAPITALS`): the range "À-Ỹ" is a run of
# code points that holds the small letters as well ("đ", "ư", "ơ", "ở"), so a name's run of capitalised words would go
# on into "được", "ở", "đã" ("xã Tân Phú Đông ở …" is not a commune "Tân Phú Đông ở")
CAPITAL = f"[{CAPITALS}]"
# a commune, ward or province named with a capitalised name of at most three words
_NAMED_PLACE = re.compile(r"\b(xã|phường|thị trấn|tỉnh|Tỉnh|Xã|Phường)\s+((?:%s[\wà-ỹđ]*)(?:\s+%s[\wà-ỹđ]*){0,2})"
                          % (CAPITAL, CAPITAL))


# who signed the plan; "ký kết" (signing an agreement) is a topic, not this
# a procedure's code asked ("Mã TTHC của thủ tục … là gì", "mã số TTHC", "mã thủ tục nội bộ"), which a list of
# procedures states in its code column (`corpus.text.COLUMN_MEANINGS` "ma_so")
_ASKS_CODE = re.compile(r"\bma (?:so )?(?:tthc|thu tuc)\b")
_ASKS_SIGNER = re.compile(r"\b(?:ai|nguoi|nguoi nao|(?:pho )?chu tich nao|(?:lanh dao|dong chi|thu truong|bo truong) nao) ky\b(?! ket)|\bky (?:boi|ten)\b|\bky boi ai\b|\bai la nguoi ky\b")
# the answer is the items of an enumeration ("gồm những gì", "những hệ thống … nào"), not plans, places or
# units (those are answered across plans and by leads)
_ASKS_ITEMS = re.compile(r"\b(?:bao )?gom\b|\b(?:nhung|cac) (?!(?:xa|phuong|tinh|thanh pho|dia phuong|%s"
                         r"|van ban|luat|so|co quan|don vi|bo|nganh)\b)[\w ,/-]{1,60}?\b(?:nao|gi)\b" % PLAN_NOUN)
_ASKS_NUMBER = re.compile(r"\bso hieu\b|\bso may\b|\bky hieu\b|\bkem theo\b|\bso bao nhieu\b"
                          r"|\bngay ban hanh\b|\bban hanh ngay\b")
# "ban hành theo quyết định nào": the plan's number line — unless the question names a document by its number
# already ("QĐ 5042/QĐ-BNNMT bãi bỏ quyết định nào?"): the plan is named, the decision asked is another one (one it
# repeals, implements or cites), stated in the plan's text, not its letterhead (`role_flags`)
_DECISION_ASKED = re.compile(r"\bquyet dinh nao\b")
# the kinds a plan is named by as the subject of a question about it, folded, with their short forms ("KH", "QĐ")
_PLAN_SUBJECT = r"\b(?:%s|kh|qd|ctr|tt|nq)\b" % "|".join(
    sorted((re.escape(fold(k.lower())) for k in HEADING_KINDS), key=len, reverse=True))
_REFERENCED = r"(?:%s|van ban|kh|qd|nq|tt|chien luoc|de an)" % "|".join(
    sorted((re.escape(fold(k.lower())) for k in ASKED_KINDS), key=len, reverse=True))
# at most two words qualifying the kind of the document asked ("kế hoạch hành động số mấy", "nghị quyết đại hội nào");
# not the words of a question about who does it ("thi hành Luật do cơ quan nào chủ trì")
_KIND_QUALIFIED = r"(?: (?!(?:so|nao|gi|may|cua|do|boi|ai|co|don|la|duoc|va|voi|thi|nay)\b)[a-z0-9]+){0,2}?"
# what a plan says of another document, asked of the plan named before it ("Kế hoạch … thay thế kế hoạch nào?",
# "QĐ 5042 bãi bỏ quyết định nào?", "KH … ban hành theo đề nghị của cơ quan nào, tại tờ trình nào?", "KH … thực hiện
# quyết định nào của Thủ tướng?", "Kế hoạch … căn cứ chiến lược nào?"; not "thực hiện theo quyết định nào", how a thing the
# plan names is done): each role with the roles whose lines answer it,
# the asked one first (a plan "Căn cứ Quyết định …" carries it out as well). A basis asked of a task ("tiêu chuẩn khen
# thưởng căn cứ vào đâu", "căn cứ pháp lý của thủ tục …") names no plan before the verb, and is no such question.
_ASKS_REFERENCE = (
    ("replaces", re.compile(_PLAN_SUBJECT + r".*?\b(?:thay the|bai bo)(?: cho)? (?:%s)(?: so)? (?:nao|gi|may)\b"
                            % _REFERENCED), ("replaces",)),
    ("proposal", re.compile(_PLAN_SUBJECT + r".*?\b(?:(?:theo|xet) de nghi\b|de nghi cua (?:ai|co quan|don vi)\b"
                            r"|to trinh (?:so )?(?:nao|may)\b)"), ("proposal",)),
    ("implements", re.compile(_PLAN_SUBJECT + r".*?\b(?:thuc hien|trien khai|thi hanh|cu the hoa) (?:%s)%s"
                              r"(?: so)? (?:nao|gi|may)\b" % (_REFERENCED, _KIND_QUALIFIED)), ("implements", "basis")),
    # "thi đua Đắk Lắk theo quyết định nào của TTg?": a document of an issuer the plan follows, its subject named by
    # topic and place alone — not "ban hành (kèm) theo quyết định nào", the plan's own number line
    ("implements", re.compile(r"(?<!\bban hanh )(?<!\bkem )\btheo (?:%s)%s(?: so)? (?:nao|gi|may)(?= cua\b)"
                              % (_REFERENCED, _KIND_QUALIFIED)), ("implements", "basis")),
    ("basis", re.compile(_PLAN_SUBJECT + r".*?\bcan cu(?: vao)?(?: (?:%s))? (?:nao|gi|dau)\b" % _REFERENCED),
     ("basis", "implements")),
)


def document_facts_asked(q: "Question", doc: Document) -> tuple["FieldLine", ...]:
    """The lines of plan ``doc`` stating what ``q`` asks of the document itself (`LetterheadLines.asked`): its number
    line when the number is asked, its place-and-date line when its date is asked with it (the answer slot a day, a
    month or a year: "số mấy, ngày nào", or `Question.asks_date`: "số hiệu và ngày ban hành"), the lines of the
    references asked (`Question.asks_reference`), and its title line when its own period is asked
    (`Question.asks_period`)."""
    date = q.asks_date or (q.answer_slot is not None and q.answer_slot.kind in DATE_SLOTS)
    return doc.field_lines.asked(q.asks_number, date, q.asks_reference, q.asks_period)


# a question opening on a plural ("(Có) những …", "Các …") asks across the plans, not one plan's reference
_OPENS_PLURAL = re.compile(r"(?:co )?(?:nhung|cac)\b")


def asks_reference(f: str) -> tuple[str, ...]:
    """The roles of the plan's references the folded question ``f`` asks about (`_ASKS_REFERENCE`), each asked
    role's answering roles in order, once each; () when it asks none, or asks which plans there are ("Có những kế
    hoạch triển khai thi hành luật nào": the plans' titles answer it, `COLLECTION_ASKED`)."""
    if _OPENS_PLURAL.match(f):
        return ()
    return tuple(dict.fromkeys(r for _, rx, roles in _ASKS_REFERENCE if rx.search(f) for r in roles))
# the folded words of the administrative levels (`corpus.text.UNIT_LEVELS`): a place's level, no subject of a
# question — but for the words of "đặc khu", which open common subjects ("khu công nghiệp", "đặc thù"): dropped
# one word at a time they took the subject away (23 dev questions on industrial zones lost their title match)
_SUBJECT_WORDS = frozenset({"dac", "khu"})
LEVEL_WORDS = frozenset(w for level in UNIT_LEVELS for w in fold(level).split()) - _SUBJECT_WORDS


_ASKS_WHO_FIRST = re.compile(r"^(?:ai|(?:co quan|don vi|so|ban|phong|bo phan) nao)\b")


def question_type(f: str, source: bool | None = None) -> str:
    """The question's type from its folded wording (`_TYPES`, first match wins); "what does it aim to
    become" reads as a fact, not a target, since it asks for an aim in words, not a figure. ``source``: `asks_source`
    of ``f`` when the caller has read it."""
    source = asks_source(f) if source is None else source
    qtype = next((t for t, rx in _TYPES if rx.search(f)), "fact")
    if qtype == "list" and asks_time(f, source) and not _TYPE_ASKED["list"].search(_PLACES_AS_DOERS.sub(" ", f)):
        qtype = "when"  # "Các xã phải báo cáo trước ngày nào?": the communes do the task, its time is asked
    if qtype == "duties" and _ASKS_WHO_FIRST.match(f):
        qtype = "who"  # "Ai bảo đảm kinh phí thực hiện các nhiệm vụ của kế hoạch?": asks who, not a unit's duties
    if qtype == "target" and re.search(r"\b(gi|nao)\b", f) and not _AMOUNT_ASKED.search(f):
        qtype = "fact"  # "phấn đấu trở thành trung tâm gì": an aim in words, not a figure
    if ((qtype == "fact" and asks_time(f, source)) or (qtype in ("fact", "target") and _WITHIN_DAYS.search(f))
            or (qtype == "target" and (not _AMOUNT_ASKED.search(f) or _DATE_BY_NUMBER.search(f))
                and asks_time(f, source))):
        # "gửi báo cáo trước ngày nào", "làm trong thời gian nào": the task's thời hạn is asked; so too where a
        # recurrence reads as an aim but no amount is asked ("Tháng mấy hằng năm … báo cáo?", "hằng năm vào quý nào"),
        # or "bao nhiêu" asks the year itself ("hoàn thành năm bao nhiêu?")
        qtype = "when"
    if qtype == "target" and not AIM_NAMED.search(f) and not _YEAR.search(f):
        # "Ngân sách địa phương chiếm bao nhiêu trong vốn đầu tư …", "tổng số trạm 5G … là bao nhiêu": "bao nhiêu"
        # with no aim named nor year asked asks a figure the plan states, not one it aims at
        qtype = "fact"
    if qtype in ("when", "who", "duties") and source:
        # "Kinh phí thực hiện lộ trình … lấy từ nguồn nào?", "ai bỏ tiền?", "Kinh phí cho các nhiệm vụ … được giao lấy từ
        # nguồn nào?": a source of money, in words, not a time, a unit or a unit's tasks
        qtype = "fact"
    return qtype


_TIME_SLOTS = frozenset({"day", "year", "time"})
DATE_SLOTS = _TIME_SLOTS  # the slots a plan's own date answers ("ngày nào", "năm nào"), its place-and-date line
# a number of days within which a task is done ("trong mấy ngày phải cấp lại", "phải công bố điểm trong mấy ngày"): the
# task's thời hạn, though its answer slot counts days (`_FEW_DAYS`) as "rút ngắn còn mấy ngày" does
# ("chậm nhất mấy ngày", "tối đa bao nhiêu ngày", "không quá mấy ngày" bound the same time; "mất mấy ngày" asks a
# procedure's length, a fact)
_WITHIN_DAYS = re.compile(r"\b(?:trong|cham nhat|toi da|khong qua) (?:la )?(?:may|bao nhieu) ngay\b")


def asks_time(f: str, source: bool | None = None) -> bool:
    """The question asks for a time (its answer slot is a day, a year or a time, `answer_slot`) and not for the
    plan's own number line or signer, whose date is a letterhead fact ("ban hành ngày nào", "ký ngày nào").
    One vocabulary, the slot's, so every wording the answer checks for a time also makes the question a "when".
    ``source``: `asks_source` of ``f`` when the caller has read it."""
    slot = answer_slot(f, source)
    return (slot is not None and slot.kind in _TIME_SLOTS and not _ASKS_NUMBER.search(f)
            and not _ASKS_SIGNER.search(f) and not _SIGNED_WHEN.search(f))


# the plan's own date: "ký ngày nào", "ban hành năm nào" (letterhead facts, not a task's deadline)
_SIGNED_WHEN = re.compile(r"\b(?:ky|ban hanh|co hieu luc)(?: (?:vao|tu|tu ngay))? (?:ngay|nam|thang|khi) nao\b")
# "ký ngày nào", "ký vào ngày mấy": the day the plan was signed, on its place-and-date line, asked with its number line
# (not "ký kết", an agreement's signing)
_SIGNED_DAY = re.compile(r"\bky (?:vao )?ngay (?:nao|may)\b")


_ALSO_PARTNERS = re.compile(r"\bphoi hop\b")
# "thực hiện giai đoạn nào", "từ năm nào": the period or year a task runs is its thời hạn too; "hạn ban hành", "hạn hoàn
# thành", "hạn quý mấy": "hạn" before what is due or a time asked (not "hạn chế", "hạn ngạch", "gia hạn", "Hàn Quốc")
_ALSO_DEADLINE = re.compile(r"\bkhi nao\b|\bluc nao\b|\bthoi diem nao\b|\bhan cuoi\b|\bthoi han\b|\bbao gio\b|\bthoi gian\b|\bhan chot\b|\bbao lau\b"
                            r"|\bgiai doan nao\b|\bnam nao\b"
                            r"|(?<!\bgia )\bhan (?:ban hanh|hoan thanh|bao cao|nop|trinh|gui|(?:ngay|thang|quy|nam) (?:nao|may))\b")


class RoleFlags(NamedTuple):
    """Which roles and lines a question asks about, read from its wording (`role_flags`); each is the `Question`
    field of the same name, so a `Question` is built with ``**flags._asdict()``."""

    asks_partners: bool  # phối hợp without chủ trì
    asks_director: bool  # chỉ đạo
    asks_recipient: bool  # whom a report goes to
    asks_number: bool  # the plan's number line
    asks_date: bool  # the plan's own date, with its number (`_ASKS_OWN_DATE`)
    asks_period: bool  # the plan's own period, stated in its title (`_ASKS_OWN_PERIOD`)
    asks_signer: bool  # who signed the plan
    asks_code: bool  # a procedure's code
    asks_reference: tuple[str, ...]  # the plan's references asked (`asks_reference`)
    asks_items: bool  # the items of a list
    also_asks: tuple[str, ...]  # the facts asked besides the lead, as `Clause` field names
    explicit_role: bool  # the question names any role at all


_ASKED_WORDS_END = re.compile(r"(?:\bso )?\b(?:nao|gi|may)$")


def _outside_references(f: str) -> str:
    """The folded question ``f`` without the words asking which document a reference is (`_ASKS_REFERENCE`): "kế hoạch
    987 triển khai kế hoạch hành động số mấy của tỉnh ủy?" asks the number of the plan carried out, not the plan's own
    (its number line is asked only by words outside those)."""
    for _, rx, _ in _ASKS_REFERENCE:
        for m in rx.finditer(f):
            tail = _ASKED_WORDS_END.search(m.group(0))
            if tail:
                a, b = m.start() + tail.start(), m.end()
                f = f[:a] + " " * (b - a) + f[b:]
    return f


# the plan's own date asked with its number ("số hiệu và ngày ban hành", "số mấy, ban hành ngày nào", "ngày ký"): the
# line stating where and when it was issued answers with the number line (`document_facts_asked`)
_ASKS_OWN_DATE = re.compile(r"\bngay (?:ban hanh|ky|thang nam)\b|\bngay nao\b|\bthoi (?:gian|diem) ban hanh\b")


# the plan's own period, asked of the plan the question opens with by a verb of its span ("Kế hoạch tài chính - ngân
# sách 03 năm của Cà Mau áp dụng cho những năm nào?", "kế hoạch xuất khẩu Sơn La chạy giai đoạn nào?", "KH 987 … thực
# hiện trong giai đoạn nào?"): its title states it; not a time a task is done by ("phải xây dựng trong năm nào", "làm
# vào năm nào", "đạt mốc đến năm nào"); opened by the kinds a plan is (kế hoạch, chương trình), not a document a plan
# names and carries out ("Đề án xây dựng lực lượng dân quân tự vệ của Tỉnh ủy áp dụng cho giai đoạn nào?")
_OWN_PLAN_SUBJECT = r"\b(?:ke hoach|kh|chuong trinh|ctr)\b"
_ASKS_OWN_PERIOD = re.compile(r"^(?:%s).*?\b(?:ap dung|thuc hien|trien khai|chay|keo dai|co hieu luc)(?: (?:cho|trong))?"
                              r" (?:nhung |cac )?(?:nam|giai doan|thoi ky) nao\W*$" % _OWN_PLAN_SUBJECT)


def role_flags(f: str, numbers: tuple[DocumentNumber, ...] = ()) -> RoleFlags:
    """Which roles and lines the folded question ``f`` asks about (strategies read these); ``numbers``: the document
    numbers it names (`numbers_named`), which make "quyết định nào" ask another decision than the plan's own."""
    reference = asks_reference(f)
    return RoleFlags(
        asks_partners=bool(re.search(r"\bphoi hop\b", f)) and not re.search(r"\bchu tri\b", f),
        asks_director=bool(re.search(r"\bchi dao\b", f)),
        asks_recipient=bool(ASKS_RECIPIENT.search(f)),
        asks_number=(bool(_ASKS_NUMBER.search(_outside_references(f)) or _SIGNED_DAY.search(f))
                     or (bool(_DECISION_ASKED.search(f)) and not numbers and not reference)),
        asks_date=bool(_ASKS_OWN_DATE.search(f) or _SIGNED_WHEN.search(f)),
        asks_period=bool(_ASKS_OWN_PERIOD.search(f)),
        asks_signer=bool(_ASKS_SIGNER.search(f)),
        asks_code=bool(_ASKS_CODE.search(f)),
        asks_reference=reference,
        asks_items=bool(_ASKS_ITEMS.search(f)) and not COLLECTION_ASKED.search(f),  # which documents: no list's items
        also_asks=tuple(field for field, rx in (("partners", _ALSO_PARTNERS), ("deadline", _ALSO_DEADLINE))
                        if rx.search(f)),
        explicit_role=bool(re.search(r"\b(chu tri|phu trach|tham muu|phoi hop|chi dao|chiu trach nhiem)\b|" + GIAO, f)),
    )


def _unknown_place(placed: str, documents: dict[str, Document]) -> str | None:
    """A capitalised "xã/phường/tỉnh X" that is neither a real place (already tried) nor any plan's
    locality or province: the plans cannot be about it, so the answer says so instead of guessing."""
    m = _NAMED_PLACE.search(placed)
    known = {folded(n) for d in documents.values() for n in (d.locality.name, d.locality.province) if n}
    if (m and m.group(2)[:1].isupper() and folded(m.group(2)).split()[0] not in NOT_PLACE_NAME_WORDS
            and folded(m.group(2)) not in known):
        return f"{m.group(1).lower()} {m.group(2)}"
    return None


def place_scope(placed: str, documents: dict[str, Document], locality: str | None
                ) -> tuple[frozenset[str] | None, str | None, str | None]:
    """(doc_filter, locality named, unknown locality). A locality given by the caller wins; else a plan's
    own commune/ward named in the text, then the official list of places, then a named place no plan
    knows. ``placed`` is the question with place aliases written out."""
    if locality:
        docs, name = match_locality(locality, documents)
        return frozenset(docs), name or locality, None
    docs, name = match_locality(placed, documents)
    if docs:
        return frozenset(docs), name, None
    if (scoped := filter_by_places(placed, documents)) is not None:
        return scoped
    return None, None, _unknown_place(placed, documents)


UNIT_CORE_CHARS = 6  # a unit's folded core shorter than this ("ban", "hoi") is found inside too many questions


class NamedUnit(NamedTuple):
    """The unit a question is about (`unit_named`), and the type naming it gives the question."""

    qtype: str
    unit: str | None = None  # as the plans write it
    unit_key: str | None = None  # its folded core, level suffix dropped
    unknown_unit: str | None = None  # a duties question's opening unit no plan names


def unit_named(question: str, f: str, qtype: str, units: list[str], source: bool | None = None,
               spelt: str | None = None) -> NamedUnit:
    """The unit a who/duties/fact question is about: the longest unit core (level suffix dropped) found in
    the folded question. A duties question opening with a unit no plan names keeps it as ``unknown_unit``;
    a fact question about a named unit's giao / nhiệm vụ is a duties question, unless it asks where the money for them
    comes from ("ai bỏ tiền thực hiện các nhiệm vụ do doanh nghiệp triển khai": `asks_source`); a when question names the unit whose
    deadline it asks ("các sở, ngành báo cáo trước ngày nào"). ``source``: `asks_source` of ``f`` when the caller has
    read it. ``spelt``: ``f`` with the plans' abbreviations written out (`written_out`), where a unit the question
    shortens is found ("Ban Quản lý các khu công nghệ cao và KCN" names the Ban Quản lý … khu công nghiệp)."""
    if qtype not in ("duties", "who", "fact", "when"):
        return NamedUnit(qtype)
    best, best_core = None, ""
    for unit in units:
        core = re.sub(r"\s+(xa|phuong|thi tran)$", "", folded(unit))
        if len(core) >= UNIT_CORE_CHARS and (core in f or (spelt is not None and core in spelt)) \
                and len(core) > len(best_core):
            best, best_core = unit, core
    unknown = None
    if qtype == "duties" and best is None:
        m = _COMMUNE_UNIT_START.match(question.strip())
        if m:
            unknown = m.group(0).strip()
    if best and qtype == "fact" and re.search(GIAO + r"|\bnhiem vu\b|\bphan cong\b", f) and not (
            asks_source(f) if source is None else source):
        qtype = "duties"
    return NamedUnit(qtype, best, best_core or None, unknown)


def content_runs(placed: str, place: set[str], long_forms: Callable[[str], str] | None, marked: bool | None = None
                 ) -> tuple[tuple[str, ...], ...]:
    """The words the answer must be about, in runs between question words; the place's words split a
    run, since they scope the search rather than name its topic. ``marked``: whether the question as asked
    carries tone or vowel marks (`has_marks`; ``placed`` may have gained them from a place spelled out)."""
    runs: list[tuple[str, ...]] = []
    for run in content_segments(placed, long_forms, marked):
        cur: list[str] = []
        for w in run + [""]:
            if w and w not in place:
                cur.append(w)
            elif cur:
                runs.append(tuple(cur))
                cur = []
    return tuple(runs)


# a Latin code as a question writes it: letters and digits with two capitals or a capital and a digit ("MES", "5G",
# "IoT", "AI"), no Vietnamese mark; a Roman numeral ("Đại hội XIV") numbers a thing rather than naming it
_LATIN_CODE = re.compile(r"(?<![\w\-/&.])(?=(?:[a-z0-9]*[A-Z]){2}|[A-Za-z]*\d|\d+[A-Z])[A-Za-z0-9]{2,10}(?![\w\-/&]|\.\w)")
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")


def without_code_pairs(pairs: Sequence[str], codes: Iterable[str]) -> tuple[str, ...]:
    """``pairs`` without those a Latin code of ``codes`` makes with its neighbour: a code is a name whole on its own,
    and the word a question writes beside it ("dùng MES", "thí điểm FTZ") is seldom the one the plan writes beside it
    ("sản xuất (MES)", "Free Trade Zone / FTZ"); the plans' names of things that are pairs are Vietnamese."""
    codes = set(codes)
    return tuple(b for b in pairs if not codes.intersection(b.split()))


def latin_codes(text: str) -> frozenset[str]:
    """The folded Latin codes a question writes (`_LATIN_CODE`); none when it is typed in capitals throughout, whose
    words all look like codes. A number alone is no code."""
    if not any(ch.islower() for ch in text):
        return frozenset()
    return frozenset(m.group(0).lower() for m in _LATIN_CODE.finditer(text)
                     if not m.group(0).isdigit() and not _ROMAN_NUMERAL.fullmatch(m.group(0))
                     and any(ch.isalpha() for ch in m.group(0)))


ISSUER_MIN_WORDS = 2  # "Bộ Công Thương" and longer: a plan's issuer named in fewer words is a head word alone


def without_issuer(runs: tuple[tuple[str, ...], ...], f: str, documents: dict[str, Document]
                   ) -> tuple[tuple[str, ...], ...]:
    """The content runs without the words of a plan's issuer (its typed `Document.issuer`) that the question writes
    after "của" ("Kế hoạch thực hiện Quy hoạch … của Bộ Văn hóa, Thể thao và Du lịch có những nhóm giải pháp
    nào?"): like a place, the body whose plan it is names which plan is asked, not the topic, and the clauses that
    write its name (its own units' section, "báo cáo Bộ …") are no more the answer. The issuer's words split the run."""
    for issuer in sorted({d.issuer for d in documents.values() if d.issuer}, key=len, reverse=True):
        words = [w for w in re.findall(r"[a-z0-9]+", fold(normalize(issuer))) if w != "va"]
        if len(words) < ISSUER_MIN_WORDS or not re.search(
                r"\bcua\s+" + r"[\s,;&-]+(?:va\s+)?".join(map(re.escape, words)) + r"\b", f):
            continue
        flat = [w for run in runs for w in run]
        start = next((k for k in range(len(flat) - len(words) + 1) if flat[k:k + len(words)] == words), None)
        if start is not None:
            return _split_out(runs, range(start, start + len(words)))
    return runs


def _split_out(runs: tuple[tuple[str, ...], ...], drop: range) -> tuple[tuple[str, ...], ...]:
    """The runs without the words at the positions ``drop`` (counted across the runs), each run split where they
    stood."""
    out: list[tuple[str, ...]] = []
    k = 0
    for run in runs:
        cur: list[str] = []
        for w in run:
            if k in drop:
                if cur:
                    out.append(tuple(cur))
                cur = []
            else:
                cur.append(w)
            k += 1
        if cur:
            out.append(tuple(cur))
    return tuple(out)


def key_words(runs: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(key tokens, key bigrams): distinct content words and the word pairs inside one run, without
    digits, which match any figure rather than the topic."""
    tokens = tuple(dict.fromkeys(w for run in runs for w in run if is_content_syllable(w)))
    bigrams = tuple(dict.fromkeys(p for run in runs for p in word_pairs(run)
                                  if not any(w.isdigit() for w in p.split())))
    return tokens, bigrams


def title_bigrams(question: str, f: str, words: Callable[[str], list[str]] | None, drop: set[str]
                  ) -> frozenset[str]:
    """Every word pair of the question but the place, unit and level words: what a plan's title is
    matched on (abbreviations expanded by ``words`` when given)."""
    ws = [w for w in (words(question) if words else re.findall(r"[a-z0-9]+", f)) if w not in drop]
    return frozenset(word_pairs(ws))


def kind_asked(f: str) -> str | None:
    """The kind of document (`corpus.text.HEADING_KINDS`, as written) a folded question opening with it asks which
    documents there are of (`COLLECTION_ASKED`: "có những thông tư nào" → "Thông tư"); None when it names the plans
    (kế hoạch, chương trình, đề án: a plan is issued as a Quyết định as often) or any document (văn bản, tài liệu)."""
    m = COLLECTION_ASKED.search(f)
    if m is None or re.fullmatch(PLAN_NOUN, m.group(1)) or COLLECTION_KIND[m.group(1)] in ANY_DOCUMENT:
        return None
    return COLLECTION_KIND[m.group(1)]


def provinces_named(placed: str) -> tuple[str, ...]:
    """Folded province keys of every real place the question names, in order, once each."""
    from corpus.places import find_places, key

    return tuple(dict.fromkeys(key(p.province) for p in find_places(placed) if p.province))


# a code typed in lower case ("csdl", "nn&mt", "bvdlcn", "kh&cn"): a run of letters, parts joined by "&" or ","
_LOWER_CODE = re.compile(r"(?<![\w/&.\-])[a-zđ]{2,10}(?:[&,][a-zđ]{1,6})*(?![\w/&\-]|[.,]\w)")
# the shape of a Vietnamese syllable, folded: an onset, one to three vowels, a coda ("nghiep", "quy", "thuong"); a
# code's letters have none ("bhyt", "csdl", "ubnd", "atgt", "mes": no onset "bh", no coda "bnd", "tgt", "s")
_SYLLABLE_SHAPE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}"
                             r"(?:ng|nh|ch|[cmnptiouy])?")


def capitalised_codes(question: str) -> str:
    """The question with the codes it types in lower case written in capitals, as the plans write them ("sở nn&mt" →
    "sở NN&MT", "luật bvdlcn" → "luật BVDLCN", "csdl quy hoạch" → "CSDL quy hoạch", "dùng mes" → "dùng MES"): a run of
    letters without marks none of whose "&"-joined parts has the shape of a Vietnamese syllable (`_SYLLABLE_SHAPE`). So
    the steps reading codes by their capitals (`Evidence.spell_out_initials`, `latin_codes`) read a question typed in
    lower case as they read it typed as the plans write."""
    def code(m: re.Match[str]) -> str:
        typed = m.group(0)
        parts = [p for p in re.split(r"[&,]", typed) if p]
        if "," in typed and "&" not in typed or any(_SYLLABLE_SHAPE.fullmatch(fold(p)) for p in parts):
            return typed
        return typed.upper()
    return _LOWER_CODE.sub(code, nfc(question))


def written_out(text: str, long_forms: Callable[[str], str] | None) -> str:
    """The folded text with the plans' abbreviations written out as their long forms (``long_forms``, the index's
    table: "bao nhiêu DN" → "bao nhieu doanh nghiep", "KCN" → "khu cong nghiep"): what a question's counted word and
    named unit are compared with the plans' words on, however the question writes them. The folded text itself
    without ``long_forms``. The caller takes document numbers out first (`without_numbers`): "KH-UBND" is no code."""
    return folded(long_forms(normalize(text))) if long_forms is not None else folded(text)


def analyse(question: str, documents: dict[str, Document], units: list[str], locality: str | None = None,
            long_forms: Callable[[str], str] | None = None,
            words: Callable[[str], list[str]] | None = None, marked: bool | None = None) -> Question:
    """Read a question once. ``long_forms`` / ``words`` expand the index's abbreviations (accents kept /
    folded words); without them the question's own words are used. ``marked``: whether the question as the
    user typed it carries tone or vowel marks (`has_marks`), when ``question`` is already a rewriting of it
    (a code spelled out as the plans write it brings marks in); read from ``question`` when not given.

    Steps, each a pure function: normalise (fold, place aliases) → type and role flags → places and
    scope → unit named → content words → answer slot and named documents/subjects."""
    f = folded(question)
    # the question as the place lookup reads it ("TP.HCM" → "Hồ Chí Minh"); search keeps the text as asked
    placed = spell_out_provinces(question)
    numbers = numbers_named(question)
    roles = role_flags(f, numbers)
    doc_filter, locality_named, unknown_locality = place_scope(placed, documents, locality)
    source = asks_source(f)
    qtype = question_type(may_as_amount(f), source)
    spelt = may_as_amount(written_out(without_numbers(question, numbers), long_forms))
    named = unit_named(question, f, qtype, units, source, spelt)
    place = set((locality_named or "").split())
    # typed without marks, the question is read without them, though "TPHCM" was spelled out with its marks
    marked = has_marks(question) if marked is None else marked
    runs = content_runs(without_numbers(placed, numbers, ","), place, long_forms, marked)
    runs = without_issuer(runs, f, documents)
    key_tokens, key_bigrams = key_words(runs)
    slot = answer_slot(spelt, source)  # "bao nhiêu DN" counts doanh nghiệp, as the plans write them
    typed = answer_slot(may_as_amount(f), source) if slot is not None and slot.kind == "count" else None
    if typed is not None and typed.kind == "count" and typed.unit != slot.unit:
        slot = dataclasses.replace(slot, short=typed.unit)  # "bao nhiêu GRDP": the plan may write the code itself
    if roles.asks_partners and slot is not None and slot.kind == "agency":
        # "cơ quan nào phối hợp …": the value asked is the task's phối hợp, not any unit (a lead alone
        # does not answer it)
        slot = AnswerSlot("partners")
    return Question(
        text=question, folded=f, qtype=named.qtype, **roles._asdict(),
        years=years_asked(question, numbers), numbers_named=numbers,
        doc_filter=doc_filter, locality_named=locality_named, unknown_locality=unknown_locality,
        unit=named.unit, unit_key=named.unit_key, unknown_unit=named.unknown_unit,
        content_runs=runs, key_tokens=key_tokens, key_bigrams=key_bigrams,
        all_bigrams=title_bigrams(question, f, words, place | set((named.unit_key or "").split()) | LEVEL_WORDS),
        answer_slot=slot, asks_source=source, named_documents=named_documents(f, numbers), named_subjects=named_subjects(f),
        provinces_named=provinces_named(placed), time_asked=time_asked(f) if qtype == "when" else (),
        stages_asked=qtype == "when" and stages_asked(f),
        marked=marked, kind_asked=kind_asked(f), plan_words=everyday_plan_words(question, marked),
        codes=latin_codes(without_numbers(question, numbers, " ")))


# Words that say what kind of answer is wanted, not what it is about. Written with their
# accents, so "chỉ đạo" does not swallow "đào tạo", "hành động" not "lao động", "xã" not
# "xa", "dạng" not "Đảng"; a question typed without accents falls back to the folded forms.
# A list's frame is no more its content: the verb asking for it ("liệt kê", "kể tên", "bao gồm"), a
# plan's mention ("nhắc tới", "đề cập") or a manner ("bằng những cách nào") is written by the question, not
# by the heading announcing the list or its items, and counted as content it reads an answered list as uncovered;
# so is the verb asking to set one figure of several places or plans side by side ("so sánh", "đối chiếu"): each plan
# states its own figure, none compares it with another's.
# A dossier's items are asked the same way ("hồ sơ gồm những giấy tờ gì"): the plans list the papers by name ("Tờ
# trình …", "Bản sao …") under "Hồ sơ gồm:", never as "giấy tờ", which counted as content reads the list as uncovered.
# Where from is asked the same way ("lấy từ đâu", "lấy ở đâu", "lấy đâu ra"): the plans state a source ("Nguồn kinh
# phí thực hiện từ …"), never "lấy", and counted as content the word reads the source sentence as half covered.
_QUESTION_PHRASES = """
ai | gì | nào | đâu | sao | bao nhiêu | bao giờ | khi nào | mấy | không | có | là | của | và | các |
những | được | trong | theo | ở | đến | năm | về | cho | với | một | thì | tại | vào | để | từ | trên |
dưới | phải | cần | như | hay | gồm | số | đạt | hiện | hiện nay | ra | làm | việc | muốn | mình | tôi |
chúng ta | cho biết | thế nào | như thế nào | ra sao | là gì | là ai | bao nhiêu phần trăm | phần trăm |
chủ trì | phụ trách | tham mưu | phối hợp | chỉ đạo | chịu trách nhiệm | được giao | giao | nhiệm vụ |
đơn vị | cơ quan | bộ phận | mục tiêu | chỉ tiêu | tỷ lệ | tỉ lệ | triển khai | thực hiện | thời hạn |
thời gian | hạn | kế hoạch | chương trình | chương trình hành động | hành động | giai đoạn |
ủy ban nhân dân | ủy ban | nhân dân | xã | phường | thị trấn | địa phương | dạng | kt | xh |
vậy | này | xong | lên | bao lâu | nhỉ | ạ | nhé | hả | do ai | gì vậy | thế | chúng tôi | đơn vị tôi |
hạn chót | ai ký | do ai ký | người ký | được ký | ký ngày nào | về đâu | ở đâu | trước đó | trước đây |
liệt kê | kể tên | bao gồm | hãy | nhắc tới | nhắc đến | đề cập | đề cập đến | bằng cách | bằng những cách |
bằng các cách | lấy từ | lấy ở | lấy đâu ra | so sánh | đối chiếu | giấy tờ gì | giấy tờ nào | những giấy tờ |
những loại giấy tờ
"""
_PHRASES = sorted({p.strip() for p in _QUESTION_PHRASES.split("|") if p.strip()}, key=len, reverse=True)
# "xã hội" is a topic, not the commune
_PHRASE_RX = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(p)) for p in _PHRASES) + r")(?!\w)(?! hội\b)")
_FOLDED_PHRASE_RX = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(folded(p)) for p in _PHRASES) + r")(?!\w)(?! hoi\b)")
_TOKEN = re.compile(r"\w+")
_BREAK = re.compile(r"[,;:.?!()\[\]\"“”/]")


def years_asked(question: str, numbers: tuple[DocumentNumber, ...]) -> tuple[str, ...]:
    """The years the question asks about, outside the document numbers it names: "TT 56/2025/TT-BCT" names a
    circular, not the year 2025 its figures or tasks are for."""
    return tuple(m.group(0) for m in _YEAR.finditer(folded(without_numbers(question, numbers))))


def has_marks(text: str) -> bool:
    """The text carries a tone or vowel mark somewhere (typed with accents); "đ" alone is no mark."""
    norm = normalize(text)
    return fold(norm) != norm.replace("đ", "d")


def content_segments(text: str, expand: Callable[[str], str] | None = None,
                     marked: bool | None = None) -> list[list[str]]:
    """The question's content words, folded, in runs between question words.

    "Tỷ lệ lao động qua đào tạo của xã Lạc Phượng?" → [["lao", "dong", "qua", "dao", "tao"],
    ["lac", "phuong"]]; word pairs are only taken inside a run. ``expand`` replaces
    abbreviations by their long forms first ("BHXH" → "bảo hiểm xã hội"). The question words are
    matched with their marks when the question was typed with them (``marked``; read from ``text``
    when not given), else folded: "nao", "nhung", "phai" of an unmarked question are question words
    even when a place spelled out for the lookup ("TPHCM" → "Thành phố Hồ Chí Minh") brought marks in.
    """
    norm = normalize(text)
    accented = has_marks(norm) if marked is None else marked
    if expand is not None:
        norm = normalize(expand(norm))
    rx = _PHRASE_RX if accented else _FOLDED_PHRASE_RX
    runs = [part for run in rx.split(norm if accented else folded(norm)) for part in _BREAK.split(run)]
    out = []
    for run in runs:
        words = [folded(w) for w in _TOKEN.findall(run)]
        if words:
            out.append(words)
    return out
