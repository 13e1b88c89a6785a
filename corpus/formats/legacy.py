"""Text typed in the legacy Vietnamese encodings TCVN3 (ABC) and VNI, found and turned into Unicode.

Plans written before Unicode became the rule (and many a commune still types in .VnTime) reach us as
8-bit text files, or as Word / HTML text whose characters are the legacy font's glyph codes:
"Céng hoµ x· héi" (TCVN3) or "Coäng hoøa xaõ hoäi" (VNI) for "Cộng hòa xã hội". The conversion tables
and the content detector are viparse's (``viparse.fix`` / ``viparse.detect_text_encoding``), a
maintained library with per-encoding tables and a guard against converting text that is already
Unicode or not Vietnamese. Detection costs a fraction of a second on a whole plan, so it only runs
when the text carries enough of the Latin-1 symbols legacy fonts use as letters.
"""
from __future__ import annotations

import re
import unicodedata

# A line is read as legacy text when it holds at least this many legacy-font symbols (or a high
# share of them): Unicode Vietnamese uses none of them as letters, while a real plan line may hold a
# stray "°", "²" or "«" — one, never two in a short line.
LEGACY_MIN_SIGNS = 2
LEGACY_SIGN_SHARE = 0.15
# Characters of candidate lines the detector reads: enough to judge, bounded in cost.
DETECT_SAMPLE_CHARS = 20_000

_VIETNAMESE_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"
# Latin-1 symbols and letters no Unicode Vietnamese word uses; legacy fonts use them as letters.
# U+2212 and U+2219 are what a PDF text layer gives for TCVN3's ư and ã (viparse undoes them).
SIGN_CHARS = "".join(chr(o) for o in range(0xA1, 0x100) if chr(o) not in _VIETNAMESE_LATIN1) + "\u2212\u2219"
_SIGN = re.compile("[" + re.escape(SIGN_CHARS) + "]")
# cp1252 puts printable characters in 0x80–0x9F; a legacy 8-bit file uses those bytes as letters too
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="replace")

LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII", "vps": "VPS"}


def has_legacy_signs(text: str) -> bool:
    """Cheap first look: does the text hold any legacy-font symbol at all?"""
    return _SIGN.search(text) is not None


# Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the toned vowels U+1EA0–U+1EF9): a line that
# holds one is already Unicode, whatever stray symbols ("25°C", "30 m²") sit beside them.
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")


def _is_candidate(line: str) -> bool:
    if _UNICODE_VIETNAMESE.search(line):
        return False
    signs = len(_SIGN.findall(line))
    if signs >= LEGACY_MIN_SIGNS:
        return True
    letters = sum(ch.isalpha() for ch in line)
    return signs >= 1 and letters > 0 and signs / letters >= LEGACY_SIGN_SHARE


def legacy_encoding(text: str) -> str | None:
    """"tcvn3" / "vni" / … when the text is Vietnamese typed in a legacy encoding, else None."""
    return convert_legacy_lines(text.split("\n"))[1]


def _latin1_only(line: str) -> bool:
    """Non-ASCII, yet no character beyond Latin-1: legacy text, since Unicode Vietnamese almost
    always needs one (ư ơ đ ạ ố …)."""
    return not line.isascii() and all(ord(ch) <= 0xFF or ch in "\u2212\u2219" for ch in line)


def convert_legacy_lines(lines: list[str], *, whole: bool = False) -> tuple[list[str], str | None]:
    """Lines typed in a legacy encoding → Unicode; the others are left as they are.

    A plan may mix the two (a Unicode letterhead over a body typed in .VnTime), so lines are
    picked one by one, the encoding is detected once on all picked lines together, and only those
    are converted, with the lines whose characters are all Latin-1 ("Sè: 17" is "Số: 17"). ``whole``:
    the file is known to be 8-bit text, so every line is converted. The number of lines never
    changes (citations hold). Returns the lines and the encoding found (None: nothing converted).
    """
    if not any(_SIGN.search(ln) for ln in lines):
        return lines, None
    picked = [i for i, ln in enumerate(lines) if _SIGN.search(ln) and _is_candidate(ln)]
    if not picked:
        return lines, None
    sample = "\n".join(lines[i] for i in picked)[:DETECT_SAMPLE_CHARS]
    import viparse

    encoding = viparse.detect_text_encoding(sample)
    if encoding is None:
        return lines, None
    out = list(lines)
    chosen = set(picked)
    chosen.update(i for i, ln in enumerate(lines) if whole or _latin1_only(ln))
    if not whole:
        chosen = {i for i in chosen if not _UNICODE_VIETNAMESE.search(lines[i])}
    for i in sorted(chosen):
        out[i] = unicodedata.normalize("NFC", viparse.fix(lines[i], encoding=encoding)).replace("\u00ad", "")
    return out, encoding


def decode_8bit(data: bytes) -> str:
    """Bytes of an 8-bit legacy file as the characters its font shows (cp1252, Latin-1 where cp1252
    leaves a byte undefined), ready for :func:`legacy_encoding`."""
    out = []
    for chunk in data.split(b"\n"):
        out.append("".join(_CP1252_HIGH[b - 0x80] if 0x80 <= b < 0xA0 and _CP1252_HIGH[b - 0x80] != "\ufffd"
                           else chr(b) for b in chunk))
    return "\n".join(out)
