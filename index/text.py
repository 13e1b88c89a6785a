"""Vietnamese text handling shared by index building and query time.

Folding, tone normalisation and stop words come from the one toolkit, :mod:`corpus.text`; this
module adds what only retrieval needs: word segmentation, abbreviations, BM25 tokens, passages.

Both sides of retrieval must see text the same way, so everything that turns
text into BM25 tokens or embedding input lives here: Unicode and tone-mark
normalisation ("hoá" and "hóa" are the same word), diacritic folding (users
type "bao hiem y te"), word segmentation (underthesea), and abbreviations
(plans say "TTHC", users say "thủ tục hành chính", or the other way round).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Mapping

from corpus.model import Clause, Document
from corpus.text import ABBREVIATIONS, FOLDED_STOPWORDS, STOPWORDS, fold, fold_same_length, is_stopword, normalize

__all__ = [
    "CURATED_ABBREVIATIONS", "FOLDED_STOPWORDS", "STOPWORDS", "TEXT_VERSION", "abbreviation_table",
    "bm25_tokens", "expand_abbreviations", "fold", "harvest_abbreviations", "normalize", "passage_text",
    "segment",
]

# Bump when tokenisation changes, so an index built with older tokens is rebuilt.
TEXT_VERSION = 3  # 2: passages carry the plan title, three headings and the clause's facts; 3: BM25 word pairs

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_fold_same_length = fold_same_length


# underthesea's package __init__ imports its optional pipelines eagerly; where transformers and torch
# are installed (the planqa[st] extra), "translate" alone pulls them in: 3–5 s of every process start
# (``planqa index``, ``ask``, ``serve``) for a word segmenter that needs none of them. Marking them
# absent before the first import makes underthesea skip them (its own ImportError path).
_UNDERTHESEA_UNUSED = ("classification", "sentiment", "lang_detect", "dependency_parse", "translate")


def _word_tokenize():
    import sys

    if "underthesea" not in sys.modules:
        for name in _UNDERTHESEA_UNUSED:
            sys.modules.setdefault(f"underthesea.pipeline.{name}", None)  # type: ignore[assignment]
        for name in ("agent", "address"):
            sys.modules.setdefault(f"underthesea.{name}", None)  # type: ignore[assignment]
    from underthesea import word_tokenize

    return word_tokenize


@lru_cache(maxsize=65536)
def _segment_cached(text: str) -> tuple[str, ...]:
    return tuple(_word_tokenize()(text))


def segment(text: str) -> list[str]:
    """underthesea word segmentation; compounds come back space-joined ("bảo hiểm y tế").

    Cached because one call costs milliseconds and queries repeat.
    """
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        return []
    return list(_segment_cached(text))


# ----------------------------------------------------------------------------- abbreviations

# The curated list lives with the plans' vocabulary; this stage adds harvested pairs.
CURATED_ABBREVIATIONS: dict[str, str] = ABBREVIATIONS

# "thủ tục hành chính (TTHC)": a run of words, then an all-caps code in brackets.
_PAIR = re.compile(r"((?:[^\W\d_]+[\s,\-–]+){1,12})\(\s*([A-ZĐ][A-ZĐ0-9&\-]{1,11})\s*\)")


def _initials_of(code: str) -> str:
    return _fold_same_length("".join(ch for ch in code if ch.isalnum()))


def harvest_abbreviations(texts: Iterable[str]) -> dict[str, str]:
    """Find "long form (ABBR)" pairs whose word initials spell the abbreviation.

    The initials check keeps out brackets that are not definitions, e.g.
    "Nghị quyết của Đảng ủy xã (ĐU)" only passes if the words really spell it.
    """
    found: dict[str, str] = {}
    for text in texts:
        for m in _PAIR.finditer(unicodedata.normalize("NFC", text)):
            words, code = m.group(1), m.group(2)
            letters = _initials_of(code)
            tokens = [w for w in re.split(r"[\s,\-–]+", words) if w]
            if len(letters) < 2 or len(tokens) < len(letters):
                continue
            tail = tokens[-len(letters):]
            if "".join(_fold_same_length(w[0]) for w in tail) != letters:
                continue
            found.setdefault(code, normalize(" ".join(tail)))
    return found


def merge_harvests(harvests: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Several plans' harvests as one, in the order given: the first plan to define an abbreviation wins."""
    merged: dict[str, str] = {}
    for h in harvests:
        for k, v in h.items():
            merged.setdefault(k, v)
    return merged


def abbreviation_table(harvested: Mapping[str, str] | None = None) -> dict[str, str]:
    """Curated abbreviations plus those harvested from the plans (curated wins)."""
    table = dict(harvested or {})
    table.update(CURATED_ABBREVIATIONS)
    return table


@lru_cache(maxsize=64)
def _compiled(table_items: tuple[tuple[str, str], ...]):
    """Regexes over folded text: abbreviation → long form, long form → abbreviation."""
    abbr_map: dict[str, tuple[str, str]] = {}
    long_map: dict[str, str] = {}
    for abbr, long in table_items:
        fa = _fold_same_length(abbr)
        fl = " ".join(_WORD.findall(fold(long)))
        if not fa or not fl:
            continue
        abbr_map.setdefault(fa, (abbr, long))
        long_map.setdefault(fl, abbr)
    if not abbr_map:
        return None, None, abbr_map, long_map
    abbr_re = re.compile(
        r"(?<![\w&\-])(" + "|".join(re.escape(a) for a in sorted(abbr_map, key=len, reverse=True)) + r")(?![\w&\-])"
    )
    long_parts = []
    for fl in sorted(long_map, key=len, reverse=True):
        long_parts.append(r"[\s,\-–]+".join(re.escape(w) for w in fl.split(" ")))
    long_re = re.compile(r"(?<!\w)(" + "|".join(long_parts) + r")(?!\w)")
    return abbr_re, long_re, abbr_map, long_map


def expand_abbreviations(text: str, table: Mapping[str, str] | None = None) -> str:
    """Append the long form after each abbreviation and the abbreviation after each long form.

    Matching is case- and diacritic-insensitive, so "bhyt" and "bao hiem y te"
    both expand. A pair already written side by side ("thủ tục hành chính (TTHC)")
    is left alone.
    """
    if table is None:
        table = CURATED_ABBREVIATIONS
    abbr_re, long_re, abbr_map, long_map = _compiled(tuple(sorted(table.items())))
    if abbr_re is None:
        return text
    text = unicodedata.normalize("NFC", text)
    folded = _fold_same_length(text)
    inserts: list[tuple[int, str]] = []
    for m in abbr_re.finditer(folded):
        abbr, long = abbr_map[m.group(1)]
        before = " ".join(_WORD.findall(folded[max(0, m.start() - len(long) - 6):m.start()]))
        if before.endswith(" ".join(_WORD.findall(fold(long)))):
            continue
        inserts.append((m.end(), f" ({long})"))
    for m in long_re.finditer(folded):
        key = " ".join(_WORD.findall(m.group(1)))
        abbr = long_map.get(key)
        if abbr is None:
            continue
        after = folded[m.end():m.end() + len(abbr) + 4]
        if _fold_same_length(abbr) in after:
            continue
        inserts.append((m.end(), f" ({abbr})"))
    for pos, extra in sorted(inserts, reverse=True):
        text = text[:pos] + extra + text[pos:]
    return text


# ----------------------------------------------------------------------------- BM25 tokens

_stop = is_stopword  # the stop words are the toolkit's (corpus.text)


PAIR_JOINER = "__"  # joins a syllable pair token ("chu__tri"); compounds use one "_" ("bao_hiem_y_te")
# word pairs stay within a run of words: punctuation, brackets and line breaks end it, so a code and the long
# form written beside it ("BHYT (bảo hiểm y tế)") give the pairs of the long form alone, in either order
_RUN_BREAK = re.compile(r"[^\w \t]+")


def bm25_tokens(text: str, abbreviations: Mapping[str, str] | None = None) -> list[str]:
    """Folded syllables, folded syllable pairs ("chu__tri") and folded compounds ("bao_hiem_y_te"),
    abbreviations expanded both ways; a pair joins two content syllables of one run (`_RUN_BREAK`).

    Vietnamese words are mostly two syllables, and the syllables alone are shared by unrelated words
    ("kinh tế" and "kinh phí", "chủ trì" and "duy trì"); a pair of adjacent content syllables (stop words
    skipped) keeps the word's order, on folded text, so it matches whether the question is typed with
    marks or without — unlike a compound, which the segmenter guesses from the marks. Measured on the
    development gold (benchmarks/results/candidate-recall.md): BM25 hit@5 0.887 → 0.907, MRR 0.771 →
    0.818, better or equal on each of the five question sets."""
    text = expand_abbreviations(text, abbreviations)
    norm = normalize(text)
    tokens: list[str] = []
    for syl in _WORD.findall(norm):
        if syl == "_" or _stop(syl):
            continue
        tokens.append(_fold_same_length(syl))
    for run in _RUN_BREAK.split(text):
        syllables = [_fold_same_length(x) for x in _WORD.findall(normalize(run)) if x != "_" and not _stop(x)]
        tokens += [f"{a}{PAIR_JOINER}{b}" for a, b in zip(syllables, syllables[1:])]
    for word in segment(norm):
        parts = _WORD.findall(word)
        if len(parts) > 1:
            tokens.append("_".join(_fold_same_length(p) for p in parts))
    return tokens


# ----------------------------------------------------------------------------- passages

_MAX_HEADING = 160
_MAX_TITLE = 160
_PATH_DEPTH = 3  # innermost headings kept: enough to say what a short clause is about
_MAX_PASSAGE = 1600  # characters; keeps e5-small under its 512-token window


def _one_line(text: str, cap: int) -> str:
    return _WS.sub(" ", text).strip()[:cap]


def passage_text(clause: Clause, document: Document) -> str:
    """What gets embedded and BM25-indexed for a clause: the clause with its context.

    A short clause ("- Thời hạn: Quý IV/2026", a table row "Sở Y tế | 2026") says little on its own;
    prefixed with what it belongs to — the plan's title and locality, the innermost headings — it is
    found by what it is about. The facts read from the plan (chủ trì, phối hợp, thời hạn, sản phẩm)
    follow the body, so a question naming a unit finds the tasks it leads. The shown text is the
    clause alone (``Clause.text``); only this indexed text carries the context.
    """
    parts: list[str] = []
    head = [_one_line(document.title or "", _MAX_TITLE), document.locality.label() or ""]
    head_line = " · ".join(h for h in head if h)
    if head_line:
        parts.append(head_line)
    path = [_one_line(h, _MAX_HEADING) for h in clause.section_path[-_PATH_DEPTH:]]
    path = [h for h in path if h and h != clause.text.strip()]
    if path:
        parts.append(" › ".join(path))
    body = _WS.sub(" ", clause.text).strip()
    if clause.label and not body.startswith(clause.label.strip()):
        body = f"{clause.label.strip()} {body}"
    parts.append(body)
    for name, value in (("Chủ trì", clause.lead), ("Phối hợp", clause.partners),
                        ("Thời hạn", clause.deadline), ("Sản phẩm", clause.product)):
        if value and _WS.sub(" ", value).strip() not in body:
            parts.append(f"{name}: {_WS.sub(' ', value).strip()}")
    out = "\n".join(p for p in parts if p)
    return out[:_MAX_PASSAGE]
