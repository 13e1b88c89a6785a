"""Viet Nam's administrative units after the July 2025 reorganisation, as one lookup.

The list (34 provinces, 3,321 communes, wards and special zones) comes from the
`vietnam-provinces` package, so a name read from a plan is a locality only when it
is a real unit: "phường Xây" or "xã đạt ít" are words of a sentence, not places.
The same lookup serves the parser (letterhead, title) and retrieval (a question
naming "xa luong minh" without diacritics).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.text import COMMUNE_LEVELS, PROVINCE_LEVELS, fold_same_length, fold_words, normalize
from corpus.text import nfc as normalize_nfc

# Words that may introduce a current unit's name in running text (folded; "TP" for "thành phố").
_LEVEL_WORDS = {**{fold_words(level): level for level in PROVINCE_LEVELS + COMMUNE_LEVELS}, "tp": "thành phố"}
_MAX_NAME_WORDS = 5  # the longest unit names ("Phường Nam Đông Phong") have four syllables


@dataclass(frozen=True)
class Place:
    """One administrative unit: "xã An Hưng" in "Hải Phòng", or the province "Nghệ An"."""

    level: str  # "tỉnh", "thành phố", "xã", "phường", "đặc khu"
    name: str  # "An Hưng", "Hồ Chí Minh" (without its level word)
    province: str  # the province's name (itself, for a province)
    code: int

    @property
    def is_province(self) -> bool:
        return self.level in PROVINCE_LEVELS

    def label(self) -> str:
        """"xã An Hưng", "phường Phan Đình Phùng", "tỉnh Nghệ An", "thành phố Hải Phòng"."""
        return f"{self.level} {self.name}"


def key(text: str) -> str:
    """Folded comparison key: no diacritics, lower case, single spaces ("Thanh Hoá" = "thanh hoa")."""
    return fold_words(text)


def province_key(province: str | None) -> str | None:
    """A plan's typed province (`Locality.province`) as the key a question's provinces are read with
    (`Question.provinces_named`); None when the plan's province is unknown."""
    return key(province) if province else None


def exact_key(text: str) -> str:
    """Comparison key that keeps the diacritics but not where the tone mark sits ("Hoá" = "Hóa")."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", normalize(text)).split())


def _split_level(full: str) -> tuple[str, str]:
    for lv in ("Thành phố", "Tỉnh", "Phường", "Xã", "Đặc khu"):
        if full.startswith(lv + " "):
            return lv.lower(), full[len(lv) + 1:]
    return "tỉnh", full


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Place], dict[str, list[Place]]]:
    """Provinces by name key; communes by name key (a name may exist in several provinces)."""
    from vietnam_provinces import Province, Ward

    provinces: dict[str, Place] = {}
    by_code: dict[int, str] = {}
    for p in Province.iter_all():
        level, name = _split_level(p.name)
        provinces[key(name)] = Place(level, name, name, int(p.code))
        by_code[int(p.code)] = name
    communes: dict[str, list[Place]] = {}
    for w in Ward.iter_all():
        level, name = _split_level(w.name.strip())
        communes.setdefault(key(name), []).append(Place(level, name, by_code[int(w.province_code)], int(w.code)))
    return provinces, communes


@lru_cache(maxsize=1)
def _province_names() -> re.Pattern[str]:
    """Every province's folded name as one pattern, longest first."""
    names = sorted(_table()[0], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


_MIN_INITIALS = 3  # two-letter initials ("HN", "HT") are shared by provinces and by everyday abbreviations


@lru_cache(maxsize=1)
def _initials() -> dict[str, Place]:
    """Provinces as people abbreviate them ("HCM" for Hồ Chí Minh): the initials of a name of at least
    _MIN_INITIALS words, kept only when no other province has the same."""
    seen: dict[str, list[Place]] = {}
    for p in _table()[0].values():
        words = key(p.name).split()
        if len(words) >= _MIN_INITIALS:
            seen.setdefault("".join(w[0] for w in words), []).append(p)
    return {ini: ps[0] for ini, ps in seen.items() if len(ps) == 1}


@lru_cache(maxsize=1)
def _initials_pattern() -> re.Pattern[str]:
    """"HCM", "TP.HCM", "TP HCM", "TPHCM": a province's initials, with or without "TP" before them."""
    alts = "|".join(sorted(_initials(), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:tp\.? ?)?({alts})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _abbreviated_level() -> re.Pattern[str]:
    """"TP." right before a province's name, as written with or without diacritics (a "TP" without its dot
    stays: questions write it as a word of their own)."""
    names = {n for p in _table()[0].values() for n in (p.name, key(p.name))}
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)tp\. ?(?=(?:{alts})(?!\w))", re.IGNORECASE)


def spell_out_provinces(text: str) -> str:
    """The text with provinces written as the official list names them: initials spelled out ("TP.HCM" →
    "Hồ Chí Minh", `_initials`), and "TP." dropped before a province's name; without diacritics when the
    text has none, so a question typed without accents still reads as one."""
    accented = any(ord(ch) > 127 and ch.isalpha() for ch in text)
    table = _initials()

    def name(m: re.Match[str]) -> str:
        official = table[m.group(1).lower()].name
        return official if accented else key(official)

    return _abbreviated_level().sub("", _initials_pattern().sub(name, text))


def all_provinces() -> list[Place]:
    return sorted(_table()[0].values(), key=lambda p: p.code)


def _strip_level(name: str) -> tuple[str | None, str]:
    k = key(name)
    for word, level in sorted(_LEVEL_WORDS.items(), key=lambda t: -len(t[0])):
        if k.startswith(word + " "):
            return level, k[len(word) + 1:]
    return None, k


def resolve_province(name: str | None) -> Place | None:
    """"Đồng Tháp", "tỉnh Đồng Tháp", "TP. Hồ Chí Minh", "ha noi" → the province; anything else → None."""
    if not name:
        return None
    _, k = _strip_level(name)
    return _table()[0].get(k)


def resolve_commune(name: str | None, level: str | None = None, province: str | None = None) -> Place | None:
    """A commune, ward or special zone by name (with or without its level word or diacritics).

    A name several provinces share resolves only when ``province`` (or the level) tells
    them apart; an ambiguous or unknown name is None, never a guess.
    """
    if not name:
        return None
    written_level, k = _strip_level(name)
    level = key(level) if level else (key(written_level) if written_level else None)
    found = list(_table()[1].get(k, []))
    if level:
        found = [p for p in found if key(p.level) == level]
    if len(found) > 1 and key(name) != name.lower().strip():
        exact = [p for p in found if exact_key(p.name) == exact_key(_bare_written(name))]
        found = exact or found
    if province and len(found) > 1:
        prov = resolve_province(province)
        if prov is not None:
            found = [p for p in found if p.province == prov.name]
    return found[0] if len(found) == 1 else None


def _bare_written(name: str) -> str:
    """The name as written, without a leading level word."""
    return re.sub(r"^\s*(?:thành phố|tp\.?|tỉnh|xã|phường|đặc khu)\s+", "", name.strip(), flags=re.I)


# The name's words are read in a lookahead, so "tỉnh Quảng Ninh Đảng ủy xã Lương Minh" still finds the "xã".
_MENTION = re.compile(r"\b(%s)\s+(?=((?:[a-z0-9]+\s*){1,%d}))"
                      % ("|".join(sorted(_LEVEL_WORDS, key=len, reverse=True)), _MAX_NAME_WORDS))


def find_places(text: str, province_hint: str | None = None) -> list[Place]:
    """The units a free text names with their level word ("xã Lương Minh", "phuong an hung",
    "tỉnh Nghệ An"), and provinces named alone ("ở Đồng Nai"); in order of mention, once each.

    A level word followed by words that are no unit's name ("xã đạt ít") names nothing. A commune
    name several provinces share is told apart by a province the text names, else ``province_hint``.
    """
    original = normalize_nfc(text)
    # same length as the original, so a match points back at the words as written
    k = re.sub(r"[^a-z0-9]", " ", fold_same_length(original))
    provinces, communes = _table()
    found: list[tuple[int, Place]] = []
    taken: list[tuple[int, int]] = []
    for m in _MENTION.finditer(k):
        level = _LEVEL_WORDS[m.group(1)]
        words = list(re.finditer(r"[a-z0-9]+", m.group(2)))
        for n in range(len(words), 0, -1):
            end = m.start(2) + words[n - 1].end()
            cand = " ".join(w.group(0) for w in words[:n])
            written = original[m.start(2):end]
            if level in PROVINCE_LEVELS:
                hit = provinces.get(cand)
            else:
                hit = _choose([p for p in communes.get(cand, []) if p.level == level], written, k, province_hint)
            if hit is not None:
                found.append((m.start(), hit))
                taken.append((m.start(), end))
                break
    for m in _province_names().finditer(k):
        if not any(a <= m.start() < b for a, b in taken):
            found.append((m.start(), provinces[m.group(0)]))
            taken.append((m.start(), m.end()))
    out: list[Place] = []
    for _, p in sorted(found, key=lambda t: t[0]):
        if p not in out:
            out.append(p)
    return out


def _choose(hits: list[Place], written: str, folded_text: str, hint: str | None = None) -> Place | None:
    """One unit among those sharing a folded name: by the diacritics as written, then by a
    province the same text names; still ambiguous → None."""
    if len(hits) > 1 and fold_same_length(written) != written.lower():
        exact = [h for h in hits if exact_key(h.name) == exact_key(written)]
        hits = exact or hits
    if len(hits) > 1 and not _same_unit(hits):
        named = [h for h in hits if re.search(rf"\b{re.escape(key(h.province))}\b", folded_text)]
        hinted = [h for h in hits if hint and key(h.province) == key(hint)]
        hits = named or hinted
    return hits[0] if hits and _same_unit(hits) else None


def _same_unit(hits: list[Place]) -> bool:
    return len({(h.province, h.name) for h in hits}) == 1
