"""Reading plan files into lines, refusing what is not a plan with a one-line reason.

The source file is never changed; line numbers are those an editor shows.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from corpus.model import PlanError, SourceText
from corpus.text import nfc

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
# Files a plan folder holds that are documents but not readable plans: listed by find_plans so that
# reading them names the file and says why, instead of skipping it in silence.
NOT_READ: dict[str, str] = {
    ".xls": "a spreadsheet, not a plan text (save the plan itself as .docx, .pdf or .txt)",
    ".xlsx": "a spreadsheet, not a plan text (save the plan itself as .docx, .pdf or .txt)",
    ".ppt": "a slide deck, not a plan text",
    ".pptx": "a slide deck, not a plan text",
    ".jpg": "a scanned image: run OCR and save the plan as a PDF with a text layer",
    ".jpeg": "a scanned image: run OCR and save the plan as a PDF with a text layer",
    ".png": "a scanned image: run OCR and save the plan as a PDF with a text layer",
    ".tif": "a scanned image: run OCR and save the plan as a PDF with a text layer",
    ".tiff": "a scanned image: run OCR and save the plan as a PDF with a text layer",
    ".zip": "an archive: unpack it and index the plans inside",
    ".rar": "an archive: unpack it and index the plans inside",
    ".7z": "an archive: unpack it and index the plans inside",
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def max_file_bytes() -> int:
    """Largest plan accepted; a real plan is tens of KB, so 20 MB is already generous."""
    return int(float(os.environ.get("PLANQA_MAX_FILE_MB", "20")) * 1024 * 1024)


def supported_suffixes() -> tuple[str, ...]:
    from corpus.formats import READERS

    return TEXT_SUFFIXES + tuple(READERS)


def find_plans(paths: Path | str | list[Path] | list[str]) -> list[Path]:
    """Plan files under the given folders/files, sorted, hidden files skipped.

    Documents of a kind that cannot be read as a plan (spreadsheets, scans, archives) are listed
    too: reading one raises a PlanError that names it and says why (``NOT_READ``).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    suffixes = supported_suffixes() + tuple(NOT_READ)
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and f.suffix.lower() in suffixes and not any(
                    part.startswith(".") for part in rel.parts
                ):
                    found.append(f)
        elif p.is_file():
            found.append(p)
        else:
            raise PlanError(f"{p}: no such file or folder")
    seen: set[Path] = set()
    return [f for f in found if not (f.resolve() in seen or seen.add(f.resolve()))]


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path) -> bytes:
    path = Path(path)
    if not path.exists():
        raise PlanError(f"{path.name}: no such file")
    if not path.is_file():
        raise PlanError(f"{path.name}: not a file")
    size = path.stat().st_size
    limit = max_file_bytes()
    if size > limit:
        raise PlanError(
            f"{path.name}: {size / 1048576:.1f} MB is over the {limit / 1048576:.0f} MB limit for one plan "
            "(set PLANQA_MAX_FILE_MB to raise it)"
        )
    try:
        return path.read_bytes()
    except OSError as e:
        raise PlanError(f"{path.name}: cannot read ({e.strerror or e})") from None


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (BOM tolerated), UTF-16 with a BOM, or 8-bit text typed in TCVN3 / VNI (detected from
    the text, converted to Unicode); anything else is refused, never guessed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise PlanError(f"{name}: damaged UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise PlanError(f"{name}: binary file, not a text plan")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        from corpus.formats.legacy import convert_legacy_lines, decode_8bit

        lines, encoding = convert_legacy_lines(decode_8bit(data).split("\n"), whole=True)
        if encoding is not None:
            return "\n".join(lines)
        line = data[: e.start].count(b"\n") + 1
        raise PlanError(
            f"{name}: not UTF-8 text (byte 0x{data[e.start]:02X} on line {line}), nor Vietnamese in TCVN3 "
            "or VNI; save it as UTF-8 and retry"
        ) from None


def split_lines(text: str) -> list[str]:
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return [nfc(ln) for ln in lines]


def read_text_source(path: Path, data: bytes) -> SourceText:
    text = decode_text(data, path.name)
    if not text.strip():
        raise PlanError(f"{path.name}: empty file, no plan text")
    return SourceText(source=path.name, lines=split_lines(text), fmt=path.suffix.lower().lstrip(".") or "txt")


def read_source(path: Path | str) -> tuple[SourceText, str]:
    """Read any supported plan file → (its lines, sha256 of its bytes).

    Text typed in a legacy Vietnamese encoding (TCVN3, VNI) is converted to Unicode whatever the
    format; line numbers do not change.
    """
    src, fp = _read_source(path)
    from corpus.formats.legacy import convert_legacy_lines

    src.lines, _ = convert_legacy_lines(src.lines)
    return src, fp


def _read_source(path: Path | str) -> tuple[SourceText, str]:
    from corpus.formats import READERS

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in NOT_READ and suffix not in READERS:
        raise PlanError(f"{path.name}: not read: {NOT_READ[suffix]}")
    if suffix not in TEXT_SUFFIXES and suffix not in READERS:
        raise PlanError(
            f"{path.name}: unsupported file type '{suffix or '(none)'}' "
            f"(supported: {', '.join(supported_suffixes())})"
        )
    data = read_bytes(path)
    if not data:
        raise PlanError(f"{path.name}: empty file, no plan text")
    if suffix in TEXT_SUFFIXES:
        return read_text_source(path, data), fingerprint(data)
    src = READERS[suffix](path)
    if not any(line.strip() for line in src.lines):
        raise PlanError(f"{path.name}: no text found in the file")
    src.lines = [nfc(ln) for ln in src.lines]
    return src, fingerprint(data)
