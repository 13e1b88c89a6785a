"""Word 97–2003 (.doc), RTF and OpenDocument plans, converted to DOCX with LibreOffice and read as DOCX.

Communes keep many plans in these formats. There is no maintained pure-Python reader of the .doc
binary format that keeps tables and numbering, so LibreOffice (``soffice --headless --convert-to
docx``) does the conversion into a private temporary folder; the original file is never touched.
Where LibreOffice is missing the plan is refused with a one-line message naming the fix.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..model import PlanError, SourceText
from ._common import check_file
from .docx import read_docx

# LibreOffice's first start in a fresh profile takes a few seconds; a plan converts in one or two.
CONVERT_TIMEOUT_S = 180
# Share of letters that must be Latin (Vietnamese included) for a converted file to count as text.
MIN_LATIN_SHARE = 0.8
INSTALL_HINT = "install LibreOffice (Debian: apt-get install libreoffice-writer-nogui) or save it as .docx"
_KIND = {".doc": "Word 97–2003 file", ".rtf": "RTF file", ".odt": "OpenDocument text"}


def soffice() -> str | None:
    """The LibreOffice binary: PLANQA_SOFFICE if set, else soffice / libreoffice on the PATH."""
    env = os.environ.get("PLANQA_SOFFICE")
    if env:
        return env if Path(env).is_file() and os.access(env, os.X_OK) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def _reads_as_latin_text(lines: list[str]) -> bool:
    """Vietnamese is written in Latin letters; a damaged file that LibreOffice falls back to reading
    as raw text comes out as letters of every script (CJK, Hangul, private use)."""
    letters = latin = 0
    for line in lines:
        for ch in line:
            if ch.isalpha():
                letters += 1
                o = ord(ch)
                latin += o < 0x250 or 0x1E00 <= o <= 0x1EFF
    return letters == 0 or latin / letters >= MIN_LATIN_SHARE


def read_doc(path: Path) -> SourceText:
    """Convert with LibreOffice and read the DOCX; locators and citations name the original file."""
    path = Path(path)
    check_file(path)
    kind = _KIND.get(path.suffix.lower(), "document")
    binary = soffice()
    if binary is None:
        raise PlanError(f"{path.name}: {kind} needs LibreOffice to be read: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="planqa-doc-") as tmp:
        work = Path(tmp)
        src = work / f"plan{path.suffix.lower()}"
        shutil.copyfile(path, src)  # a plain name: LibreOffice mangles some file names
        cmd = [binary, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", "docx", "--outdir", str(work / "out"), str(src)]
        try:
            run = subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise PlanError(f"{path.name}: LibreOffice did not convert the {kind} within "
                            f"{CONVERT_TIMEOUT_S} s") from None
        except OSError as e:
            raise PlanError(f"{path.name}: cannot run LibreOffice ({e.strerror or e}): {INSTALL_HINT}") from None
        out = work / "out" / "plan.docx"
        if not out.is_file():
            why = (run.stderr or run.stdout).decode("utf-8", "replace").strip().splitlines()
            raise PlanError(f"{path.name}: LibreOffice could not convert this {kind}"
                            + (f" ({why[-1][:120]})" if why else " (damaged or not a Word file)"))
        text = read_docx(out)
    if not _reads_as_latin_text(text.lines):
        raise PlanError(f"{path.name}: damaged {kind}: LibreOffice could only read it as binary noise")
    text.source = path.name
    text.fmt = path.suffix.lower().lstrip(".")
    return text
