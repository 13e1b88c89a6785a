"""One text toolkit for every stage: how Vietnamese text is compared, and the plans' own vocabulary.

The parser, the index, the retriever and the bots must see a word the same way, so everything that
decides "are these the same word?" is defined here once:

- ``nfc`` / ``unify_tone`` / ``normalize``: Unicode composition and one tone-mark placement
  ("hoá" and "hóa", "Uỷ" and "Ủy" are the same word), case folded, single spaces;
- ``strip_marks`` (diacritics off, case kept, one character per character so offsets carry over),
  ``fold`` (normalised and diacritic-free: what users type without accents), ``folded`` (the same,
  memoised, for whole names and lines), ``fold_words``
  (folded, punctuation gone: "Xã An Hưng!" → "xa an hung"), ``words`` / ``word_pairs``;
- stop words, on accented syllables (so folding cannot turn "chợ" into a stop word), with the few
  folded forms no content word shares;
- the vocabulary of units and roles: what opens a unit's name, the responsibility verbs, table
  column titles by meaning, and the curated abbreviations.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ----------------------------------------------------------------------------- Unicode and tones

# Every character str.isspace and the regular expressions' \s take for whitespace (the last is U+3000), with the
# emphasis marks: `str.rstrip(MARKS_AND_SPACE)` strips what re.sub(r"[*_\s]+$", "", …) does, without a scan
MARKS_AND_SPACE = "*_" + "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
_TONE_MARKS = frozenset("\u0300\u0301\u0309\u0303\u0323")  # huyền sắc hỏi ngã nặng
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Open syllables ending in oa/oe/uy: the two spelling styles put the tone on different vowels
# ("hoá" / "hóa"). Closed syllables (hoàng, thuyền) agree, so they are left alone.
_OPEN_DIPHTHONG = re.compile(r"^([bcdđghklmnprstvx]*)([ou])([aey])$")


def nfc(text: str) -> str:
    """Composed Unicode: text pasted from Word or a PDF often arrives decomposed."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def _unify_word_tone(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) != 1:
        return word
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    m = _OPEN_DIPHTHONG.match(bare.lower())
    if not m or (m.group(2), m.group(3)) not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return word
    onset = bare[: len(m.group(1))]
    first, second = bare[len(onset)], bare[len(onset) + 1:]
    return unicodedata.normalize("NFC", onset + first + tones[0] + second)


def unify_tone(text: str) -> str:
    """Move the tone of a final oa/oe/uy to the first vowel in every word ("hoá" → "hóa"), case kept."""
    return _WORD.sub(lambda m: _unify_word_tone(m.group(0)), nfc(text))


def normalize(text: str) -> str:
    """NFC, casefold, one tone-placement style ("hóa", "ủy", "khỏe"), single spaces."""
    text = nfc(text).casefold()
    text = _WORD.sub(lambda m: _unify_word_tone(m.group(0)), text)
    return _WS.sub(" ", text).strip()


class _MarkTable(dict):
    """str.translate table that strips diacritics, filled one character at a time as text arrives."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "đĐ":
            out = "d" if ch == "đ" else "D"
        else:
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            out = base if len(base) == 1 else ch
        self[code] = out
        return out


_MARKS = _MarkTable()


class _FoldTable(dict):
    """Like :class:`_MarkTable`, lower-cased, and always one character for one."""

    def __missing__(self, code: int) -> str:
        low = _MARKS[code].lower()
        out = low if len(low) == 1 else chr(code).lower()[:1] or chr(code)
        self[code] = out
        return out


_FOLD = _FoldTable()


def strip_marks(text: str) -> str:
    """Diacritics off, đ → d, case kept, one character per input character: "Chủ trì" → "Chu tri"."""
    return nfc(text).translate(_MARKS)


def is_unmarked(text: str) -> bool:
    """Typed without diacritics: no letter carries a mark, so a marked word list cannot read it ("II. TO CHUC
    THUC HIEN", "1. So Tai chinh:"). A text without letters is not: there is nothing to read."""
    return _MARKED_LETTER.search(text) is None and _LETTER.search(text) is not None


@lru_cache(maxsize=256)
def unmarked_pattern(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as an unmarked text (`is_unmarked`) writes its words: `strip_marks` over its source, one
    character for one, so the regex syntax stands ("Sở" → "So", "(?-i:[A-ZĐ])" → "(?-i:[A-ZD])")."""
    return re.compile(strip_marks(rx.pattern), rx.flags)


def pattern_for(rx: re.Pattern[str], text: str) -> re.Pattern[str]:
    """The pattern that reads this text: its unmarked twin for a text typed without diacritics, itself otherwise
    (a heading "IV. TO CHUC THUC HIEN" is read by the same readers as "IV. TỔ CHỨC THỰC HIỆN")."""
    return unmarked_pattern(rx) if is_unmarked(text) else rx


def fold_same_length(text: str) -> str:
    """Lower-case and diacritic-free, one character per (NFC) character, so offsets carry over."""
    return nfc(text).translate(_FOLD)


def fold(text: str) -> str:
    """Normalised and diacritic-free, for users who type without accents: "Hoá Đức" → "hoa duc". The same as
    ``normalize(text)`` folded, without placing the tones first: folding takes every mark off wherever it stood."""
    return _WS.sub(" ", nfc(text).casefold()).strip().translate(_FOLD)


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """`fold` with single spaces and no edges: how a letterhead line, a unit's name or a question is compared
    whole; memoised: unit names and leads recur constantly."""
    return _WS.sub(" ", fold(normalize(text))).strip()


def fold_words(text: str) -> str:
    """Folded words only: punctuation becomes space, spaces are single: "Xã An Hưng!" → "xa an hung"."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", fold(text)).split())


_FOLDED_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """The folded words of a text, in order (`fold` without its spacing, which no word holds)."""
    return _FOLDED_WORD.findall(nfc(text).casefold().translate(_FOLD))


# a one-letter syllable that is a Vietnamese word, folded: a vowel ("y" of "y tế", "ý" of "ý kiến", "ô" of "ô nhiễm",
# "ở" of "nhà ở"); a consonant alone is a list marker or an initial ("a)", "b)", "x"), never a word
ONE_LETTER_SYLLABLES = frozenset("aeiouy")


def is_content_syllable(w: str) -> bool:
    """A folded word that can name a thing: no number, and a syllable of two letters or more or a one-letter
    syllable (`ONE_LETTER_SYLLABLES`). Read alike on a question's words and a clause's, so that "y tế" is a pair
    on both sides."""
    return not w.isdigit() and (len(w) >= 2 or w in ONE_LETTER_SYLLABLES)


def word_pairs(seq: list[str]) -> list[str]:
    """Adjacent words as "a b" strings: the unit all phrase evidence is counted in."""
    return [f"{a} {b}" for a, b in zip(seq, seq[1:])]


# ----------------------------------------------------------------------------- stop words

# Compared on normalised (accented) syllables so that folding cannot make "chợ" or "trồng" a stop word.
STOPWORDS = frozenset(
    "và của các những là được cho với trong này theo về tại thì mà một ai gì nào như "
    "hoặc để đó đã sẽ đang cũng rằng nếu thế nào bị do vào ra lại".split()
)
# Unaccented input ("ai chu tri"): only the folds that no content word shares.
FOLDED_STOPWORDS = frozenset("va cua cac nhung duoc voi thi hoac rang".split())
# Words that link a phrase rather than name a thing: a run of words holding one is no name an acronym
# stands for ("bảo vệ dữ liệu cá nhân" can be; "báo cáo về dịch vụ" cannot).
LINKING_WORDS = frozenset(
    "của các những với cho là được trong theo tại để từ này đó đã sẽ thì mà về và hoặc ở đến có "
    "không khi nếu như hay vào bị do bởi nên vì".split()
)
# Words that say nothing of what a task or an indicator is about: when clauses are matched by their words (an
# indicator named in an assignment, an appendix row, a lead inferred from the topic), these count for nothing.
NON_TOPIC_WORDS = frozenset(
    "và của các có được trong theo với cho tại trên từ để đến năm hằng hàng là đạt tỷ lệ số những một đã sẽ về".split()
)


# Folded word lists of one reading each. Every one differs from the shared stop words above on purpose: those
# would cut what these read ("và" belongs to a plan's name, "phát triển kinh tế và xã hội"; "số" and "đạt" to an
# indicator's; "có" to a count), and each holds words only its reading needs ("ubnd", "tp" ending a plan's name,
# "tiền", "vốn" after "bao nhiêu"). `tests/test_vocabulary_lists.py` pins where they part from the shared sets.

# Words that end a plan's name in a question ("kế hoạch chuyển đổi số của tỉnh …", "… giao ai …"): linking words,
# question words, the place and issuer ("tỉnh", "phường", "UBND", "TP"), a plan's kind shortened ("QĐ", "CTr"),
# and the words opening what the question asks of it ("năm", "giai đoạn", "yêu cầu", "phải", "trước", "hằng").
# Matched with their marks in a question typed with them (`PLAN_NAME_STOP_MARKED`): folded, "có" would cut "cơ sở dữ
# liệu", "tại" "tài nguyên", "bao" "bảo vệ", "thành" "hoàn thành", "hằng" "hàng hóa". Besides the words above, those
# opening what is asked of the plan named: "gồm" ("… Đắk Lắk gồm những gì"), "đặt" ("… đặt mục tiêu gì"; its fold is
# also "đất", "đạt", so it ends a name only as written with its marks).
PLAN_NAME_STOP_MARKED = frozenset(normalize(w) for w in (
    "của do giao có thì là năm giai đến từ ai nào gì được tỉnh thành phường ubnd ủy tại trong cho như bao yêu khi "
    "phải theo hiện nêu nếu về qđ ctr tp trước để cần hằng này trên gồm đặt").split())
# The folded forms, for a question typed without marks: those above, but "đặt" (whose fold names land, "đất").
PLAN_NAME_STOP = frozenset("cua do giao co thi la nam giai den tu ai nao gi duoc tinh thanh phuong ubnd uy tai "
                           "trong cho nhu bao yeu khi phai theo hien neu ve qd ctr tp truoc de can hang nay tren "
                           "gom".split())
# The words a question names a plan by, before its subject ("kế hoạch chuyển đổi số …", "KH phát triển …", "đề án
# …"), folded: the kinds a plan is issued as (`DOCUMENT_KINDS`), "KH" short for kế hoạch, and "quy hoạch", "lộ
# trình", by which questions name plans too. The name runs from there to a `PLAN_NAME_STOP` word.
PLAN_WORDS = frozenset(fold(w) for w in ("Kế hoạch", "KH", "Chương trình", "Quy hoạch", "Đề án", "Lộ trình",
                                         "Phương án"))
# The first word after "bao nhiêu" that names no counted thing ("bao nhiêu tiền", "bao nhiêu năm", "bao nhiêu là"):
# money, time and linking words, so "bao nhiêu lớp / xã / tấn" alone counts ("count" answer slot).
NOT_COUNTED_WORDS = frozenset({"la", "nam", "phan", "tien", "von", "kinh", "ty", "trieu", "muc", "so", "theo",
                               "trong", "o", "tai", "den", "cho", "va", "cua", "duoc", "vao", "nua", "thi", "khi",
                               "mot", "moi", "hang", "the", "vay", "con"})
# Capitalised words after "xã/phường/tỉnh" that open no place's name ("Xã Nào", "Phường Có", "xã Hội Nông dân",
# "xã Đội", "Thôn"): a question that writes them names no unknown place.
NOT_PLACE_NAME_WORDS = frozenset({"nao", "co", "la", "da", "dat", "duoc", "minh", "toi", "nay", "do", "chu", "trong",
                                  "ve", "va", "hoi", "ban", "khong", "phan", "doi", "nong", "thon", "moi"})
# Words of an indicator's sentence that name no indicator (comparisons, amounts, periods, linking words): an
# indicator compared across plans is matched on the rest ("tỷ lệ … đạt trên 95%" and "… tối thiểu 90%").
NOT_INDICATOR_NAME_WORDS = frozenset("den nam dat tren duoi tu tro len toi thieu it nhat khoang hang moi giai doan "
                                     "tang giam binh quan con muc trong do so voi phan dau va cua cac nhung".split())

# How a question asks whom a report goes to ("báo cáo lên những cơ quan nào", "gửi kết quả về đâu", "trình cấp nào"):
# a sending verb, then within six words a direction and the body asked (`Question.asks_recipient`). The body asked
# receives the report; the task's lead is not what is asked. Matched on the folded question (``fold``).
RECIPIENT_VERBS = ("báo cáo", "gửi", "trình", "nộp")
RECIPIENT_DIRECTIONS = ("lên", "về", "cho", "đến", "tới")
RECIPIENT_BODIES = ("cơ quan", "đơn vị", "cấp", "nơi", "đâu", "ai")
ASKS_RECIPIENT = re.compile(r"\b(?:%s)\b(?: \w+){0,6}? (?:%s)? ?(?:%s)?(?:%s)(?: nao)?\b" % (
    "|".join(fold(w) for w in RECIPIENT_VERBS), "|".join(fold(w) for w in RECIPIENT_DIRECTIONS),
    "|".join(f"{fold(w)} " for w in ("những", "các")), "|".join(fold(w) for w in RECIPIENT_BODIES)))
# The words by which a question asks a task's own thời hạn, not any time its text names ("hạn chót", "thời hạn", "khi
# nào hoàn thành"); a law's effect or a certificate's validity is asked by other words ("có hiệu lực từ khi nào").
# Matched on the folded question (``fold``).
TASK_DEADLINE_WORDS = ("hạn chót", "thời hạn", "hoàn thành")
ASKS_TASK_DEADLINE = re.compile(r"\b(?:%s)\b" % "|".join(fold(w) for w in TASK_DEADLINE_WORDS))
# How a question asks where money comes from (`retrieval.query.asks_source`), matched on the folded question: a word
# for money ("tiền", "kinh phí", "vốn", "ngân sách"; "ưu tiên" is no money) and a cue asking its source ("lấy từ đâu",
# "từ nguồn nào", "gồm những nguồn nào", "nguồn vốn gì"), or who pays ("ai bỏ tiền", "ai chi trả")
MONEY_NAMED = re.compile(r"(?<!\buu )\btien\b|\bkinh phi\b|\bvon\b|\bngan sach\b|\bchi phi\b")
SOURCE_CUE = re.compile(r"\btu (?:nhung )?(?:nguon )?(?:dau|nao)\b|\bnhung nguon nao\b"
                        r"|\bnguon (?:von |kinh phi |tien )?(?:nao|gi)\b"
                        # "tiền đâu ra", "lấy đâu ra", "ở đâu ra": where from, said the everyday way ("đầu ra", an
                        # output, folds alike but follows no money word nor "lấy / ở / từ")
                        r"|\b(?:tien|lay|o|tu) dau ra\b")
WHO_PAYS = re.compile(r"\b(?:ai|nao) (?:bo|chi|tra) tien\b|\bai chi tra\b")
# How a plan states where money comes from (the ``source`` value a fact answer quotes, `retrieval.evidence`), matched on
# folded clause text: a named source ("nguồn kinh phí", "ngân sách nhà nước", "vốn ODA", "xã hội hóa"), the way it is
# raised ("lồng ghép", "đóng góp", "huy động"), or who pays ("tự đảm bảo kinh phí", "kinh phí do …"); a title ("III.
# KINH PHÍ THỰC HIỆN") names the topic, not a source: its body holds it (`Evidence.answers_through`)
SOURCE_STATED = re.compile(r"\bnguon (?:von|kinh phi|luc|tai chinh|ngan sach|thu)\b"
                           r"|\bngan sach (?:nha nuoc|dia phuong|trung uong|tinh|xa|cap|thanh pho)\b|\bxa hoi hoa\b"
                           r"|\b(?:long ghep|dong gop|tai tro|huy dong)\b"
                           r"|\bvon (?:vay|oda|doanh nghiep|ngoai ngan sach|dau tu cong)\b"
                           r"|\b(?:tu|chu dong) (?:dam bao|bao dam|bo tri|can doi|chi tra)\b"
                           r"|\bkinh phi (?:thuc hien )?(?:tu|do)\b")


# A section title naming money, matched on the folded title ("IV. KINH PHÍ THỰC HIỆN", "6. Bảo đảm kinh phí", "4. Nguồn lực
# và việc sử dụng nguồn lực", "b) Về các dự án … sử dụng các nguồn vốn khác"): the section a plan states where its
# money comes from in. "tiền" is left out: folded it is also "tiến" ("IV. TIẾN ĐỘ THỰC HIỆN"); "tài chính" names the
# Sở Tài chính's own section as often as money
FUNDING_TITLE = re.compile(r"\bkinh phi\b|\bnguon (?:von|luc|kinh phi)\b|\bvon\b|\bngan sach\b")


def is_stopword(syllable: str) -> bool:
    """A syllable, normalised (``normalize``), that carries no content."""
    if syllable in STOPWORDS:
        return True
    return syllable.isascii() and syllable in FOLDED_STOPWORDS


# ----------------------------------------------------------------------------- letters


def _vietnamese_vowels() -> str:
    """Every small Vietnamese vowel with its marks (a, ă, â … with no tone, huyền, sắc, hỏi, ngã, nặng), composed."""
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    return "".join(unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in tones)


# The letters of Vietnamese by case, for a regular expression's character class ("[{CAPITALS}]"). A range such as
# "À-Ỹ" runs across both cases (U+00C0 to U+1EF8 holds "à", "é", "ạ" as well as "À", "É", "Ạ"), so a "capital"
# written with it matches small letters too; these list each letter once, in its own case.
SMALL_LETTERS = "a-zđ" + "".join(sorted(set(_vietnamese_vowels()) - set("aeiouy")))
CAPITALS = "A-ZĐ" + "".join(sorted({ch.upper() for ch in _vietnamese_vowels()} - set("AEIOUY")))


# ----------------------------------------------------------------------------- people

PERSON_WORD = rf"[{CAPITALS}][{SMALL_LETTERS}]+"  # one capitalised syllable of a person's name
# a line that is a person's name alone ("Hoàng Phú Hiền"): two to five capitalised syllables, nothing else; where the
# signature block ends, and the signer read under its title
PERSON_NAME = re.compile(rf"^{PERSON_WORD}(?:\s+{PERSON_WORD}){{1,4}}$")


# ----------------------------------------------------------------------------- units and roles

# Words "giao" is one syllable of without assigning anything (folded, as questions are read): "chuyển giao", "bàn
# giao", "ngoại giao", "bang giao", "Tuyên giáo", "tôn giáo" end on it; "giao thông", "giáo dục", "giao dịch", "giao lưu", "họp giao ban" … open
# on it. "xã giao" is left out: "UBND xã giao …" assigns.
GIAO_COMPOUND_BEFORE = ("chuyen", "ban", "ngoai", "bang", "tuyen", "ton")
GIAO_COMPOUND_AFTER = ("thong", "duc", "dich", "luu", "tiep", "ket", "thoa", "vien", "trinh", "ban", "khoa", "su", "hang",
                       "nhan")
# Words that open the name of a responsible unit or person in a plan.
UNIT_HEADS = (
    "Phòng", "Văn phòng", "Trung tâm", "Ban", "Công an", "UBND", "Ủy ban", "Uỷ ban",
    "Đảng ủy", "Đảng uỷ", "Chi bộ", "chi bộ", "Hội", "Đoàn", "Mặt trận", "MTTQ", "Cơ quan",
    "Bộ phận", "Tổ", "Trạm", "Trường", "Bí thư", "Trưởng", "Chủ tịch", "Phó Chủ tịch",
    "Các", "các", "Thủ trưởng", "UBKT", "Công chức", "công chức", "BCH", "Quỹ", "Hạt",
    "Đội", "Ngân hàng", "Kho bạc", "Chi cục", "Bưu điện", "Thôn", "Tổ dân phố", "phòng",
    "văn phòng", "trung tâm", "ban", "công an", "Lãnh đạo", "Thành viên", "thành viên",
    # provincial and national plans assign departments, ministries and institutes
    "Sở", "sở", "Bộ", "Cục", "Viện", "Bệnh viện", "Bảo hiểm", "Liên đoàn", "Tỉnh đoàn", "Thành đoàn",
    "Hội đồng", "Liên hiệp", "Liên minh", "Báo", "Đài", "Thanh tra", "Tòa án", "Chi nhánh", "Hiệp hội",
    "Đại học", "Tổng cục", "Người đứng đầu", "Tỉnh ủy", "Thành ủy",
    # decrees and circulars also assign investors and the armed forces' bodies
    "Chủ đầu tư", "chủ đầu tư",
    # "tổ chức" is also a verb: "Các tổ chức, đơn vị … thực hiện" names bodies, the verb comes later
    "Các tổ chức", "các tổ chức", "Binh chủng", "Quân chủng", "Quân khu", "Học viện", "Binh đoàn",
    # regulations of party schools and training centres assign party committees
    "Cấp ủy", "cấp ủy",
    # procedures assign a person by office, in lower case after a lead-in ("Trong thời hạn 15 ngày …,
    # người ra quyết định kiểm tra ban hành …")
    "người đứng đầu", "Người có thẩm quyền", "người có thẩm quyền", "Người ra quyết định", "người ra quyết định",
    "Người quyết định đầu tư", "người quyết định đầu tư",
    # a director by office, as the regulations of centres and departments assign: "Giám đốc Trung tâm quyết định …"
    "Giám đốc", "Phó Giám đốc",
    # and in lower case after a lead-in: "Trường hợp kết quả chấm phúc khảo lệch …, giám đốc Trung tâm tổ chức …"
    "giám đốc", "phó giám đốc", "thủ trưởng", "chủ tịch",
    # state companies and the other bodies local plans assign: "Công ty Điện lực tỉnh", "Điện lực Lạc Dương", "Công
    # đoàn cơ sở", "Đồn Biên phòng …", "Cảnh sát PCCC và CNCH tỉnh", "Viễn thông tỉnh", "Hải quan …", the tax offices
    # after 2025 ("Thuế tỉnh", "Thuế cơ sở 5"; "Thuế" alone also opens a topic: "Thuế giá trị gia tăng")
    "Công ty", "Tổng công ty", "Điện lực", "Công đoàn", "Đồn", "Cảnh sát", "Viễn thông", "Hải quan",
    "Thuế tỉnh", "Thuế thành phố", "Thuế cơ sở",
)
# The heads of the bodies a question names as the one acting ("Bộ Y tế chủ trì …", "Sở Tài chính được giao …",
# "Công an tỉnh phối hợp …"); a few of UNIT_HEADS: an Ủy ban nhân dân is most often the plan's issuer or place,
# and persons by office, "Các …" and "Cơ quan …" name no one body.
ACTING_UNIT_HEADS = ("Sở", "Bộ", "Ban", "Phòng", "Viện", "Trung tâm", "Công an", "Hội", "Đoàn", "Cục", "Chi cục",
                     "Văn phòng", "Đài", "Báo", "Kho bạc", "Ngân hàng", "Thanh tra", "Mặt trận", "Liên đoàn",
                     "Tổng công ty", "Quỹ", "Trường")
# The heads of UNIT_HEADS that open a collective, not one body: "Các cơ quan, đơn vị, địa phương, doanh nghiệp", "các
# sở, ngành" name whoever the plan addresses (`retrieval.strategies.collective_lead`).
COLLECTIVE_UNIT_HEADS = ("Các", "các")
# The heads of a commune's own bodies ("Hội Nông dân xã …", "Phòng Kinh tế", "Trạm Y tế", "Đội …"), by which a duties
# question opening with a unit no plan names is read as asking about a unit the plans assign nothing
# (`retrieval.query.unit_named`). Narrower than ACTING_UNIT_HEADS on purpose: a department or ministry ("Sở Y tế
# Đồng Tháp", "Bộ Công an") a question names with its province or a short form is still searched for, not refused
# (with ACTING_UNIT_HEADS the opening of 117 development questions, "Sở Y tế Đồng Tháp được giao …" among them, would
# be read as a unit no plan names).
COMMUNE_UNIT_HEADS = ("Hội", "Phòng", "Ban", "Trung tâm", "Đoàn", "Văn phòng", "Trạm", "Công an", "Quỹ", "Đội",
                      "Chi cục")
# The heads of units named after the field they govern ("Sở Công Thương", "Cục Thuế", "Văn phòng …"): the rest of
# such a name is a field (`corpus.field_links.own_field`); a few of UNIT_HEADS, whose other heads are the name's
# own meaning ("Công an", "Thanh tra", "Trung tâm …").
FIELD_UNIT_HEADS = ("Sở", "Bộ", "Ban", "Phòng", "Cục", "Chi cục", "Tổng cục", "Văn phòng")
# The levels of an administrative unit, as the words naming a unit's level before its name ("tỉnh Thái Nguyên",
# "xã An Hưng", "đặc khu Phú Quốc"): those after the July 2025 reorganisation (the only ones `corpus.places`
# resolves) and those it abolished, which older plans and questions still write ("huyện", "thị trấn").
PROVINCE_LEVELS = ("tỉnh", "thành phố")
COMMUNE_LEVELS = ("xã", "phường", "đặc khu")
FORMER_LEVELS = ("huyện", "thị trấn")
UNIT_LEVELS = PROVINCE_LEVELS + COMMUNE_LEVELS + FORMER_LEVELS
# An acronym standing for a body ("VNMAC", "BHXH"): three or more capitals followed by ordinary words or
# nothing; a word in an all-capitals heading ("DANH SÁCH HỌC VIÊN") is no acronym.
# The next word is in lower case, Vietnamese letters too: "VNMAC đào tạo, cấp chứng chỉ …".
_ACCENTED_LOWER = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
VIETNAMESE_LOWER = "abcdefghijklmnopqrstuvwxyz" + _ACCENTED_LOWER  # every lower-case letter the plans write
_LOWER = "a-z" + _ACCENTED_LOWER
ACRONYM_RE = rf"(?-i:[A-ZĐ]{{3,}}[0-9]*(?=[\s,;:.]+\S?[{_LOWER}]))"


_MARKED_LETTER = re.compile("[%s%s\u0300-\u036f]" % (_ACCENTED_LOWER, _ACCENTED_LOWER.upper()))  # for `is_unmarked`
_LETTER = re.compile(r"[^\W\d_]")


def _every_word_capitalised(head: str) -> str:
    """"Công an" → "Công An": some plans capitalise every word of a name ("3. Công An Thành phố, …")."""
    return " ".join(w[:1].upper() + w[1:] for w in head.split())


_HEAD_FORMS = dict.fromkeys([*UNIT_HEADS, *(_every_word_capitalised(u) for u in UNIT_HEADS if u[:1].isupper())])
UNIT_HEAD_RE = "(?:" + "|".join(sorted((re.escape(u) for u in _HEAD_FORMS), key=len, reverse=True)) + ")"
# Who a task is done with, besides the units above: "phối hợp với doanh nghiệp, viện nghiên cứu, trường đại
# học …", "phối hợp với nhà đầu tư …". Not unit heads: such an actor leads only a task sentence it opens
# ("Doanh nghiệp viễn thông bảo đảm kinh phí …", corpus.responsibilities._actor_subject).
PARTNER_HEADS = ("doanh nghiệp", "viện", "trường", "nhà đầu tư", "nhà mạng", "hiệp hội", "người dân", "nhân dân")
PARTNER_HEAD_RE = "(?:" + "|".join(sorted((re.escape(u) for u in PARTNER_HEADS), key=len, reverse=True)) + ")"

# Verbs that end a unit name in "Giao <unit> <verb> ...".
RESPONSIBILITY_VERBS = (
    "chủ trì", "tham mưu", "phối hợp", "theo dõi", "thực hiện", "tổ chức", "triển khai",
    "kịp thời", "chịu trách nhiệm", "hướng dẫn", "xây dựng", "trực tiếp chỉ đạo", "chỉ đạo",
    "đôn đốc", "là người", "có trách nhiệm",
)
VERB_RE = "(?:" + "|".join(sorted((re.escape(v) for v in RESPONSIBILITY_VERBS), key=len, reverse=True)) + ")"

# What a task of a plan's body opens with besides the duty verbs (`corpus.responsibilities`): the acts a
# programme lists ("Thúc đẩy …", "Khai thác dữ liệu …", "Thử nghiệm …", "Đào tạo và phát triển nguồn nhân lực …").
TASK_OPENERS = (
    "thúc đẩy", "thu thập", "thử nghiệm", "khai thác", "đào tạo", "phát triển", "đổi mới", "hoàn thiện", "số hóa",
    "số hoá", "lắp đặt", "mời gọi", "chia sẻ", "ứng dụng", "huy động", "kết nối", "tạo", "đầu tư", "thu hút",
    "bồi dưỡng", "hợp tác", "khuyến khích", "tham gia", "mở rộng", "nâng cấp", "duy trì", "vận hành", "đa dạng hóa",
    "thí điểm", "sửa đổi", "bổ sung", "hình thành", "củng cố", "kiện toàn", "giới thiệu", "quảng bá", "xúc tiến",
    "liên kết", "chuyển đổi", "chuẩn hóa", "cải thiện", "cải cách", "áp dụng", "giải quyết", "phòng ngừa", "ngăn chặn",
    "khắc phục", "bảo vệ", "bảo tồn", "tăng", "giảm", "nhân rộng", "xử lý", "đánh giá", "điều tra", "khảo sát",
)

# Section titles that assign work to units ("Tổ chức thực hiện", "Phân công nhiệm vụ", "Trách nhiệm của
# các cơ quan", "Nhiệm vụ cụ thể", "Giao nhiệm vụ"), matched on folded text (``fold``).
ASSIGNING_SECTION = re.compile(r"to chuc thuc hien|phan cong|trach nhiem|nhiem vu cu the|giao nhiem vu")

# The kinds of document the plans name, one vocabulary for the three readers: whether a document's title
# heading opens with the kind ("KẾ HOẠCH …": its kind, `corpus.metadata`), whether a task's product can be one
# ("xây dựng Kế hoạch …", "ban hành Quy chế …": `corpus.facts`), and whether a question opening with it asks about
# a document of that kind ("Nghị quyết của HĐND tỉnh …", "Theo chỉ thị về …": `retrieval.evidence`; a report, a
# submission or a notice a question opens with is most often a task's product, "Báo cáo về kết quả … gửi khi nào").
# Longest first where one kind begins another. The flags are as each reader has used them; widening "made" changes
# which products are read, so measure it on the facts gold set first.
DOCUMENT_KINDS: tuple[tuple[str, bool, bool, bool], ...] = (
    # (kind, heads a document, made by a task, asked about by a question)
    ("Chương trình hành động", True, False, False),  # as a product, "Chương trình" already reads it
    ("Kế hoạch", True, True, True),
    ("Chương trình", True, True, True),
    ("Quyết định", True, True, True),
    ("Nghị quyết", True, True, True),
    ("Nghị định", True, True, True),
    ("Thông tư", True, True, True),
    ("Chỉ thị", True, True, True),
    ("Đề án", True, True, True),
    ("Báo cáo", True, True, False),
    ("Phương án", True, True, False),
    ("Quy chế", True, True, True),
    ("Quy định", True, True, True),
    ("Công văn", True, False, True),
    ("Tờ trình", True, True, False),
    ("Thông báo", True, False, False),  # also a verb ("thông báo kết quả …")
    ("Luật", False, False, True),  # what plans implement; none heads a plan read so far
    ("Chiến lược", False, True, False),
    ("Danh mục", False, True, False),
    ("Quy trình", False, True, False),
    ("Văn bản", False, True, False),
    ("Bộ tiêu chí", False, True, False),
    ("Tài liệu", False, True, False),
    ("Sổ tay", False, True, False),
    ("Dự thảo", False, True, False),
    ("Đề cương", False, True, False),
)
HEADING_KINDS = tuple(kind for kind, heads, _, _ in DOCUMENT_KINDS if heads)  # a document's own kind
MADE_KINDS = tuple(kind for kind, _, made, _ in DOCUMENT_KINDS if made)  # what a task can make
ASKED_KINDS = tuple(kind for kind, _, _, asked in DOCUMENT_KINDS if asked)  # the document a question asks about
# The collection named by the kind of its documents, opening the question ("Có những thông tư nào trong bộ văn bản",
# "Những văn bản nào liên quan đến quy hoạch", "Các quyết định nào …"): which documents there are, as "Kế hoạch nào …"
# asks which plans (`retrieval.query.kind_asked`). The kinds a document is issued as (`HEADING_KINDS`) and the two
# words for any document, folded → as written. Not a kind named inside the question: "phải quán triệt những văn bản
# nào", "phải xây dựng những Nghị định nào", "bãi bỏ quyết định nào" ask what a plan cites or makes
ANY_DOCUMENT = ("Văn bản", "Tài liệu")
COLLECTION_KIND = {fold(k.lower()): k for k in (*HEADING_KINDS, *ANY_DOCUMENT)}
COLLECTION_ASKED = re.compile(r"^(?:co )?(?:nhung |cac )?(%s) nao\b"
                              % "|".join(sorted(map(re.escape, COLLECTION_KIND), key=len, reverse=True)))
# The kinds a question names the collection's documents by anywhere in it ("những kế hoạch nào", "trong bộ văn bản /
# tài liệu", "có những thông tư nào"; `retrieval.catalogue.catalogue_plans` leaves them out of the subject), folded.
# Not "luật": no document of the corpus is a law, and "triển khai thi hành luật" is what a law plan's title states.
COLLECTION_KINDS_NAMED = re.compile(r"\b(?:%s)\b" % "|".join(
    sorted((re.escape(fold(k)) for k in (*HEADING_KINDS, *ANY_DOCUMENT)), key=len, reverse=True)))
# The words a question names the plans themselves by, whatever kind of document issued them (folded); a programme or
# scheme followed by what it teaches or builds ("những chương trình tập huấn, cập nhật kiến thức nào", "những chương
# trình bồi dưỡng chuyên đề nào") is the content of a plan, not a plan: "chương trình" and "đề án" name plans alone or
# as "chương trình hành động"
PLAN_NOUN = r"(?:ke hoach|chuong trinh hanh dong|(?:chuong trinh|de an)(?= nao\b| gi\b|\W*$))"

# Table header cell → meaning. Matched on the folded, lower-cased header text.
COLUMN_MEANINGS: list[tuple[str, tuple[str, ...]]] = [
    ("stt", ("so tt", "stt", "tt")),
    ("phoi_hop", ("co quan phoi hop", "don vi phoi hop", "phoi hop")),
    ("chu_tri", ("co quan chu tri", "don vi chu tri", "chu tri", "co quan thuc hien", "don vi thuc hien",
                 # "Đơn vị phụ trách", "Đơn vị đầu mối", "Trách nhiệm thực hiện", "Bộ phận thực hiện", "Phân công thực hiện"
                 "don vi phu trach", "co quan phu trach", "bo phan phu trach", "don vi dau moi", "co quan dau moi",
                 "trach nhiem thuc hien", "bo phan thuc hien", "bo phan chu tri", "phan cong thuc hien",
                 # "Đơn vị triển khai", "Cơ quan chịu trách nhiệm", "Đơn vị được giao", "Cơ quan thực hiện chính"
                 "don vi trien khai", "co quan trien khai", "don vi chiu trach nhiem", "co quan chiu trach nhiem",
                 "don vi duoc giao", "co quan duoc giao")),
    ("tham_muu", ("don vi tham muu", "co quan tham muu", "tham muu")),
    ("thoi_han", ("thoi gian hoan thanh", "thoi gian thuc hien", "thoi han", "tien do", "thoi gian", "lo trinh",
                  "thoi diem", "nam hoan thanh")),
    # "Kết quả đầu ra", "Hình thức văn bản"; never "Kết quả thực hiện" (a baseline's values in an indicator table)
    ("san_pham", ("san pham", "ket qua du kien", "hinh thuc van ban", "ket qua dau ra")),
    ("don_vi_tinh", ("don vi tinh", "dvt")),
    # a sum of money: "Số tiền (triệu đồng)"
    ("chi_tieu", ("ke hoach", "chi tieu", "muc tieu", "gia tri", "so tien")),
    # a procedure's code in a list of procedures: "Mã TTHC", "Mã số TTHC", "Mã thủ tục", "Mã số"
    ("ma_so", ("ma tthc", "ma so tthc", "ma thu tuc", "ma so thu tuc", "ma so")),
    ("noi_dung", ("noi dung", "nhiem vu", "ten chi tieu", "danh muc")),
    ("ghi_chu", ("ghi chu",)),
]
# Vietnamese names for the meanings, used when a table row is rendered as text.
COLUMN_TITLES = {
    "stt": "STT", "noi_dung": "Nội dung", "chu_tri": "Cơ quan chủ trì", "phoi_hop": "Cơ quan phối hợp",
    "thoi_han": "Thời gian hoàn thành", "san_pham": "Sản phẩm", "tham_muu": "Đơn vị tham mưu",
    "don_vi_tinh": "Đơn vị tính", "chi_tieu": "Chỉ tiêu", "ghi_chu": "Ghi chú", "ma_so": "Mã số",
}
LEAD_COLUMNS = ("chu_tri", "tham_muu")

# Abbreviations the plans use; the index adds pairs harvested from "long form (ABBR)".
# "BCH" is left out: it is both Ban Chỉ huy and Ban Chấp hành.
ABBREVIATIONS: dict[str, str] = {
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "BHTN": "bảo hiểm thất nghiệp",
    "TTHC": "thủ tục hành chính",
    "CCHC": "cải cách hành chính",
    "VBQPPL": "văn bản quy phạm pháp luật",
    "KNTC": "khiếu nại tố cáo",
    "NTM": "nông thôn mới",
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "MTTQ": "mặt trận tổ quốc",
    "DN": "doanh nghiệp",
    "CNTT": "công nghệ thông tin",
    "KT-XH": "kinh tế xã hội",
    "QP-AN": "quốc phòng an ninh",
    "ANTT": "an ninh trật tự",
    "DQTV": "dân quân tự vệ",
    "ATTP": "an toàn thực phẩm",
    "PCCC": "phòng cháy chữa cháy",
    "GPMB": "giải phóng mặt bằng",
    "SXKD": "sản xuất kinh doanh",
    "OCOP": "mỗi xã một sản phẩm",
    "CĐS": "chuyển đổi số",
    "KH&CN": "khoa học và công nghệ",
    "KHCN": "khoa học công nghệ",
    "GD&ĐT": "giáo dục và đào tạo",
    "GDĐT": "giáo dục đào tạo",
    "VH-XH": "văn hóa xã hội",
    "TN&MT": "tài nguyên và môi trường",
    "TNMT": "tài nguyên môi trường",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "HTX": "hợp tác xã",
    "NSNN": "ngân sách nhà nước",
    "GRDP": "tổng sản phẩm trên địa bàn",
    "TTATGT": "trật tự an toàn giao thông",
    "ATGT": "an toàn giao thông",
    "PCTT": "phòng chống thiên tai",
    "TKCN": "tìm kiếm cứu nạn",
    "CBCC": "cán bộ công chức",
    "CBCCVC": "cán bộ công chức viên chức",
    "BTV": "ban thường vụ",
    # the bodies a question names by their short forms ("BCH Quân sự tỉnh", "Đoàn TNCS", "Hội LHPN", "Hội CCB", "LĐLĐ
    # tỉnh"), where the plans write them out as their leads
    "BCH": "bộ chỉ huy",
    "TNCS": "thanh niên cộng sản",
    "LHPN": "liên hiệp phụ nữ",
    "CCB": "cựu chiến binh",
    "LĐLĐ": "liên đoàn lao động",
    "TP": "thành phố",
}

# ----------------------------------------------------------------------------- everyday words → the plans' words

# What officials, citizens and staff type for what the plans write in their administrative words: each group is
# (everyday phrases "|"-separated, the plans' words ","-separated, why). Read at query time only
# (`everyday_plan_words`): the plans' words are added to what the retrievers search, never to what the question is
# judged covered by. Written from Vietnamese administrative usage and the plans' standard headings (KINH PHÍ THỰC
# HIỆN, TỔ CHỨC THỰC HIỆN, thời hạn / thời gian hoàn thành, người dân, cơ sở giáo dục …), not from the gold
# questions. A one-syllable everyday word is matched only with its marks: folded, "tiền" is also "tiến" (tiến
# độ), "họp" "hợp" (phối hợp), "phạt" "phát"; a syllable that is part of many compounds ("dân": nhân dân, dân tộc,
# dân số; "trường": môi trường, thị trường; "dịch": dịch vụ; "kiện": điều kiện) is written in a phrase ("hộ dân",
# "trường học", "dịch bệnh"), and a phrase whose fold is another common phrase is left out ("báo về": "bảo vệ",
# "dựa vào": "đưa vào", "tuyên dương": "tuyến đường").
EVERYDAY_WORDS: tuple[tuple[str, str, str], ...] = (
    # money
    # where the money comes from, not an amount: "được bao nhiêu tiền", "cắt giảm chi phí bao nhiêu" ask a figure
    ("tiền thực hiện | tiền triển khai | tiền làm | tiền để | tiền cho | tiền ở đâu | tiền đâu | tiền từ đâu | "
     "tiền lấy | lấy tiền | bỏ tiền | chi tiền | xuất tiền | ai chi | ai trả | ai chịu chi phí | nguồn tiền | "
     "lấy từ đâu | lấy ở đâu | từ đâu ra | ở đâu ra | tiền đâu ra | lấy đâu ra",
     "kinh phí, nguồn vốn, ngân sách, kinh phí thực hiện",
     "plans state who pays under KINH PHÍ THỰC HIỆN / nguồn vốn / ngân sách, never 'tiền'"),
    ("tiền hỗ trợ | trợ cấp | hỗ trợ bao nhiêu | hỗ trợ mỗi | tiền trợ giúp",
     "mức hỗ trợ, chính sách hỗ trợ, kinh phí hỗ trợ",
     "an allowance is a 'mức hỗ trợ' of a support policy in the plans"),
    # who leads, who helps
    ("ai lo | lo việc | ai làm | ai phụ trách | giao việc | giao cho ai | ai đứng ra | đứng ra | "
     "ai quản | ai cầm trịch | ai nắm | việc của ai | trách nhiệm của ai | ai chịu trách nhiệm",
     "chủ trì, giao, phân công, trách nhiệm, tổ chức thực hiện",
     "the plans assign work under TỔ CHỨC THỰC HIỆN / phân công, a unit 'chủ trì' a task"),
    ("ai giúp | giúp sức | phụ giúp | làm cùng | cùng làm | cùng với ai | ai hỗ trợ | ai phụ | góp sức",
     "phối hợp",
     "the units working with the lead are its 'phối hợp' in the plans"),
    ("ai đề xuất | ai soạn | ai trình | ai tư vấn | soạn thảo",
     "tham mưu, đề xuất, trình",
     "a unit that drafts or advises the issuer 'tham mưu' in the plans"),
    # when
    ("hạn chót | hạn cuối | bao giờ xong | khi nào xong | lúc nào xong | bao giờ phải xong | phải xong | xong trước | "
     "chậm nhất | muộn nhất | trễ nhất | deadline | làm xong | xong chưa | kịp",
     "thời hạn, thời gian hoàn thành, hoàn thành",
     "a deadline is a task's 'thời hạn' / 'thời gian hoàn thành' in the plans"),
    ("bao lâu một lần | mấy lần | bao nhiêu lần | thường xuyên | mỗi năm | mỗi quý | mỗi tháng",
     "định kỳ, hằng năm, hằng quý, hằng tháng",
     "how often a task recurs is written 'định kỳ' / 'hằng năm' in the plans"),
    ("kéo dài bao lâu | trong bao lâu | mấy năm | từ năm nào | đến năm nào",
     "giai đoạn, thời gian thực hiện",
     "a plan's span is its 'giai đoạn' / 'thời gian thực hiện'"),
    ("tới đâu rồi | đến đâu rồi | làm được gì | làm được những gì | ra sao rồi",
     "kết quả, tiến độ, kết quả đạt được",
     "progress is 'kết quả' / 'tiến độ' in the plans"),
    # what and why
    ("phải làm gì | cần làm gì | làm những gì | những việc gì | việc gì | công việc | làm gì",
     "nhiệm vụ, nội dung, giải pháp",
     "what a body must do is its 'nhiệm vụ' / the plan's 'nội dung' and 'giải pháp'"),
    ("làm sao | làm thế nào | cách làm | cách nào | bằng cách nào",
     "giải pháp, biện pháp",
     "how a goal is reached is the plan's 'giải pháp' / 'biện pháp'"),
    ("để làm gì | nhằm làm gì | vì sao | tại sao | lý do | nhằm gì",
     "mục đích, yêu cầu, sự cần thiết",
     "why a plan is issued is its 'MỤC ĐÍCH, YÊU CẦU'"),
    ("dựa vào đâu | dựa trên | căn cứ vào đâu | theo văn bản nào",
     "căn cứ",
     "what a plan rests on is written 'Căn cứ …'"),
    ("phấn đấu đạt | muốn đạt | đạt được bao nhiêu | đặt ra | nhắm tới | hướng tới",
     "chỉ tiêu, mục tiêu",
     "what a plan aims at is its 'mục tiêu' / 'chỉ tiêu'"),
    ("dành cho ai | cho những ai | ai được hưởng | ai được hỗ trợ | áp dụng cho ai | áp dụng với ai",
     "đối tượng, phạm vi",
     "whom a plan covers is its 'đối tượng' / 'phạm vi'"),
    ("làm ra cái gì | nộp cái gì | nộp gì | kết quả cuối cùng | đầu ra",
     "sản phẩm, kết quả đầu ra",
     "what a task must deliver is its 'sản phẩm'"),
    ("báo lên | gửi lên | nộp lên | nộp báo cáo | gửi báo cáo | báo cáo cho ai",
     "báo cáo, gửi, tổng hợp",
     "reporting up is 'báo cáo' / 'gửi' / 'tổng hợp' in the plans"),
    # people
    ("bà con | dân chúng | dân làng | hộ dân | nhà dân | bà con nhân dân | cho dân | của dân | với dân",
     "người dân, nhân dân, hộ gia đình, cộng đồng",
     "the plans write 'người dân' / 'nhân dân' for the people"),
    ("người già | cụ già | các cụ | ông bà | người lớn tuổi",
     "người cao tuổi",
     "the elderly are 'người cao tuổi' in the plans"),
    ("trẻ con | con nít | các cháu | con em | các em nhỏ",
     "trẻ em, học sinh",
     "children are 'trẻ em' in the plans"),
    ("người nghèo | nhà nghèo | hộ khó khăn | nhà khó khăn | gia đình khó khăn",
     "hộ nghèo, hộ cận nghèo, giảm nghèo",
     "the poor are 'hộ nghèo' / 'cận nghèo' in the plans"),
    ("người tàn tật | tàn tật | thương binh | gia đình liệt sĩ | gia đình chính sách",
     "người khuyết tật, người có công, đối tượng chính sách",
     "the plans name them 'người khuyết tật', 'người có công', 'đối tượng chính sách'"),
    ("người dân tộc | đồng bào | bà con dân tộc",
     "đồng bào dân tộc thiểu số, dân tộc thiểu số",
     "ethnic minorities are 'đồng bào dân tộc thiểu số' in the plans"),
    ("chị em | chị em phụ nữ | các bà các chị",
     "phụ nữ, hội liên hiệp phụ nữ",
     "women are 'phụ nữ' in the plans"),
    ("tuổi trẻ | giới trẻ | bạn trẻ | lớp trẻ | đoàn viên",
     "thanh niên, đoàn thanh niên",
     "the young are 'thanh niên' in the plans"),
    # bodies people name by everyday words: a duties question naming one is matched to the lead the plan writes
    # (`retrieval.strategies.units_named` reads a group's plan words that name a unit)
    ("bộ đội | quân đội | bộ đội tỉnh | quân sự tỉnh | ban chỉ huy quân sự tỉnh",
     "bộ chỉ huy quân sự",
     "the province's military command is the 'Bộ Chỉ huy Quân sự tỉnh' in the plans"),
    ("đoàn thanh niên | tỉnh đoàn | thành đoàn",
     "đoàn thanh niên cộng sản hồ chí minh",
     "the youth union is the 'Đoàn Thanh niên Cộng sản Hồ Chí Minh' in the plans"),
    ("hội phụ nữ",
     "hội liên hiệp phụ nữ",
     "the women's union is the 'Hội Liên hiệp Phụ nữ' in the plans"),
    ("công đoàn tỉnh | công đoàn thành phố | công đoàn ngành",
     "liên đoàn lao động",
     "a province's or city's trade union is its 'Liên đoàn Lao động' in the plans"),
    ("chính quyền xã | chính quyền phường | chính quyền cấp xã | chính quyền cơ sở",
     "ủy ban nhân dân các xã",
     "the commune's government is its 'Ủy ban nhân dân' (cấp xã) in the plans"),
    ("sếp | cấp trên | lãnh đạo xã",
     "lãnh đạo, thủ trưởng, người đứng đầu",
     "heads of bodies are 'lãnh đạo' / 'thủ trưởng' / 'người đứng đầu' in the plans"),
    ("công ty | hãng | chủ doanh nghiệp | người kinh doanh | buôn bán | tiểu thương | hộ buôn bán | cửa hàng",
     "doanh nghiệp, hộ kinh doanh, thương mại",
     "firms and traders are 'doanh nghiệp' / 'hộ kinh doanh' in the plans"),
    ("nông dân | làm ruộng | trồng lúa | làm nông | nuôi heo | nuôi lợn | nuôi gà | nhà nông",
     "nông nghiệp, sản xuất nông nghiệp, chăn nuôi, trồng trọt",
     "farming is 'sản xuất nông nghiệp' / 'chăn nuôi' / 'trồng trọt' in the plans"),
    # schools and health
    ("trường học | nhà trường | trường lớp | học sinh | học trò | cô giáo | thầy giáo | thầy cô | giáo viên | lớp học | đi học | "
     "mẫu giáo | nhà trẻ",
     "cơ sở giáo dục, giáo dục, nhà giáo, mầm non",
     "schools are 'cơ sở giáo dục', teachers 'nhà giáo' / 'giáo viên' in the plans"),
    ("học nghề | dạy nghề | mở lớp | đi học nghề | lớp học nghề",
     "đào tạo nghề, đào tạo, bồi dưỡng",
     "courses are 'đào tạo' / 'bồi dưỡng' in the plans"),
    ("bệnh viện | trạm xá | phòng khám | khám bệnh | chữa bệnh | bác sĩ | ốm đau | đi khám",
     "y tế, cơ sở y tế, khám chữa bệnh, trạm y tế",
     "health care is 'y tế' / 'khám chữa bệnh' in the plans"),
    # jobs and living
    ("kiếm việc | tìm việc | có việc | mất việc | thất nghiệp | đi làm",
     "việc làm, giải quyết việc làm, lao động",
     "jobs are 'việc làm' / 'lao động' in the plans"),
    ("nhà cửa | xây nhà | sửa nhà | nhà tạm | nhà dột nát",
     "nhà ở, xóa nhà tạm",
     "housing is 'nhà ở' in the plans"),
    # places and services
    ("đường sá | đường xá | làm đường | đường làng | đường quê | cầu cống | đường đi",
     "giao thông, đường giao thông, hạ tầng giao thông",
     "roads are 'giao thông' / 'hạ tầng' in the plans"),
    ("đèn đường | đèn chiếu sáng | điện đường",
     "chiếu sáng công cộng, chiếu sáng",
     "street lights are 'chiếu sáng công cộng' in the plans"),
    ("rác | đổ rác | xả rác | thu gom rác | bãi rác | nước thải",
     "chất thải rắn, rác thải, vệ sinh môi trường, thu gom",
     "waste is 'chất thải' / 'vệ sinh môi trường' in the plans"),
    ("nước uống | nước máy | nước sinh hoạt",
     "nước sạch",
     "drinking water is 'nước sạch' in the plans"),
    ("lũ | lũ lụt | bão | bão lũ | lụt | sạt lở | hạn hán",
     "thiên tai, phòng chống thiên tai",
     "floods and storms are 'thiên tai' in the plans"),
    ("cháy | cháy nổ | chữa cháy | hỏa hoạn",
     "phòng cháy chữa cháy, cứu nạn cứu hộ",
     "fires are 'phòng cháy, chữa cháy' in the plans"),
    ("trộm | trộm cắp | cướp | tệ nạn | ma túy | đánh nhau | mất trộm",
     "an ninh trật tự, tội phạm, tệ nạn xã hội",
     "crime is 'an ninh trật tự' / 'tội phạm' in the plans"),
    ("dịch bệnh | bệnh dịch | covid | chống dịch",
     "phòng chống dịch, phòng dịch",
     "epidemics are 'phòng, chống dịch' in the plans"),
    # administration and digital services
    ("online | qua mạng | trên mạng | lên mạng | internet | qua điện thoại | trên điện thoại",
     "trực tuyến, môi trường số, nền tảng số, dịch vụ công trực tuyến",
     "online services are 'trực tuyến' / 'nền tảng số' in the plans"),
    ("app | phần mềm | ứng dụng điện thoại",
     "ứng dụng, nền tảng số",
     "apps are 'ứng dụng' / 'nền tảng' in the plans"),
    ("giấy tờ | làm giấy | làm giấy tờ | làm hồ sơ | xin giấy",
     "thủ tục hành chính, hồ sơ",
     "paperwork is 'thủ tục hành chính' / 'hồ sơ' in the plans"),
    ("căn cước | cccd | vneid | định danh",
     "định danh điện tử, căn cước công dân",
     "identity cards are 'căn cước' / 'định danh điện tử' in the plans"),
    ("thưa kiện | kiện cáo | khởi kiện | kêu ca | than phiền | phàn nàn",
     "khiếu nại, tố cáo, phản ánh, kiến nghị",
     "complaints are 'khiếu nại' / 'phản ánh, kiến nghị' in the plans"),
    ("cho dân biết | cho người dân biết | nói cho dân | thông tin cho dân | loa phát thanh | cho bà con biết",
     "tuyên truyền, phổ biến, nâng cao nhận thức",
     "informing people is 'tuyên truyền' / 'phổ biến' in the plans"),
    ("coi sóc | trông coi | quản lý ai | canh chừng | giám sát ai",
     "quản lý, theo dõi, giám sát, kiểm tra",
     "overseeing is 'quản lý' / 'theo dõi' / 'giám sát' in the plans"),
    ("khen | thưởng | biểu dương",
     "khen thưởng, thi đua",
     "rewards are 'khen thưởng' / 'thi đua' in the plans"),
    ("phạt | bị phạt | phạt tiền | làm sai | vi phạm thì sao",
     "xử lý vi phạm, xử phạt, kỷ luật",
     "sanctions are 'xử lý vi phạm' / 'xử phạt' in the plans"),
    ("hỏi ý kiến | xin ý kiến | hỏi dân | hỏi người dân",
     "lấy ý kiến, góp ý",
     "consulting is 'lấy ý kiến' in the plans"),
    ("họp | cuộc họp | buổi họp | gặp mặt",
     "hội nghị, giao ban, sơ kết, tổng kết",
     "meetings are 'hội nghị' / 'giao ban' / 'sơ kết, tổng kết' in the plans"),
)


def _everyday_pattern(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True))
                      + r")(?!\w)")


def _everyday_tables() -> tuple[list[tuple[re.Pattern[str] | None, tuple[str, ...], list[str]]], ...]:
    marked, unmarked = [], []
    for everyday, plan, _reason in EVERYDAY_WORDS:
        phrases = [normalize(p) for p in everyday.split("|") if p.strip()]
        plans = tuple(normalize(p) for p in plan.split(",") if p.strip())
        several = [fold(p) for p in phrases if " " in p]  # folded, only the phrases of two syllables or more
        marked.append((_everyday_pattern(phrases), plans, phrases))
        unmarked.append((_everyday_pattern(several) if several else None, plans, several))
    return marked, unmarked


def _first_words(table) -> dict[str, tuple[int, ...]]:
    """Each everyday phrase's first word → the groups of ``table`` holding a phrase that opens with it: a group's
    pattern can match a text only where its first word stands whole (its phrases are words and single spaces, matched
    between word edges), so a question is searched with the groups of its own words only, not all of them."""
    index: dict[str, list[int]] = {}
    for i, (_rx, _plans, phrases) in enumerate(table):
        for p in phrases:
            index.setdefault(p.split(" ", 1)[0], []).append(i)
    return {w: tuple(dict.fromkeys(ix)) for w, ix in index.items()}


_EVERYDAY_MARKED, _EVERYDAY_UNMARKED = _everyday_tables()
_EVERYDAY_FIRST_MARKED, _EVERYDAY_FIRST_UNMARKED = _first_words(_EVERYDAY_MARKED), _first_words(_EVERYDAY_UNMARKED)
_WHOLE_WORD = re.compile(r"\w+")


def _groups_claiming(text: str, table, groups: list[int]) -> list[int]:
    """The groups (of ``groups``, in order) one of whose phrases ``text`` writes, each syllable read as part of one
    phrase only: where two groups' phrases overlap, the longer one (the earlier on a tie) claims the words. Folded,
    "tiền đâu ra" (where the money comes from) also reads "đầu ra" (an output): the money group's three-syllable
    phrase claims "dau ra", so the output group's two-syllable one adds nothing."""
    spans = [(m.end() - m.start(), m.start(), m.end(), i) for i in groups if table[i][0] is not None
             for m in table[i][0].finditer(text)]
    taken: list[tuple[int, int]] = []
    claimed: set[int] = set()
    for _length, start, end, i in sorted(spans, key=lambda t: (-t[0], t[1])):
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        claimed.add(i)
    return [i for i in groups if i in claimed]


def everyday_plan_words(question: str, marked: bool = True) -> tuple[str, ...]:
    """The plans' words for the everyday words a question writes (`EVERYDAY_WORDS`), once each, in the vocabulary's
    order: "Tiền làm đường lấy từ đâu?" → ("kinh phí", "nguồn vốn", …, "giao thông", …). A group adds nothing to a
    question that already writes one of its plan words ("gửi báo cáo định kỳ" is asked in the plans' own words: "tổng
    hợp" would only pull in neighbouring topics). ``marked``: the question was typed with marks; without them only everyday phrases of two
    syllables or more are matched, folded (a folded syllable alone stands for too many words)."""
    norm = normalize(question)
    text = norm if marked else fold(norm)
    table, first = (_EVERYDAY_MARKED, _EVERYDAY_FIRST_MARKED) if marked else (_EVERYDAY_UNMARKED, _EVERYDAY_FIRST_UNMARKED)
    groups = sorted({i for w in _WHOLE_WORD.findall(text) for i in first.get(w, ())})
    if not groups:
        return ()
    have = " " + " ".join(words(norm)) + " "
    out: dict[str, None] = {}
    for rx, plans, _phrases in (table[i] for i in _groups_claiming(text, table, groups)):
        missing = [p for p in plans if f" {' '.join(words(p))} " not in have]
        if len(missing) == len(plans):  # a question writing one of them already asks in the plans' words
            out.update(dict.fromkeys(missing))
    return tuple(out)
