"""Old formats communes still keep: Word 97–2003 .doc, Word's "Save as Web Page" HTML in windows-1252,
text typed in TCVN3 (ABC) or VNI; and a file that cannot be read is named with its reason."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from corpus import PlanError, find_plans, parse_file, read_source
from corpus.formats.doc import soffice
from corpus.formats.legacy import convert_legacy_lines

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reading"
REPO = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- TCVN3 and VNI

@pytest.mark.parametrize("name", ["legacy_tcvn3.txt", "legacy_vni.txt"])
def test_8bit_text_typed_in_a_legacy_encoding_reads_as_the_unicode_plan(name):
    legacy = parse_file(FIXTURES / name)
    unicode_ = parse_file(FIXTURES / "legacy_unicode.txt")
    assert [(c.text, c.lines, c.lead) for c in legacy.clauses] == [(c.text, c.lines, c.lead) for c in unicode_.clauses]
    assert legacy.document.number == "17/KH-UBND"
    item = next(c for c in legacy.clauses if c.text.startswith("1. Ban chỉ huy"))
    assert item.lead and item.lead.startswith("Ban chỉ huy phòng chống thiên tai")


@pytest.mark.parametrize("surface, unicode_", [
    (["Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Phßng Kinh tÕ chñ tr×, phèi hîp víi Héi N«ng d©n x· tæ chøc tËp huÊn."],
     ["Cộng hoà xã hội chủ nghĩa Việt Nam", "Phòng Kinh tế chủ trì, phối hợp với Hội Nông dân xã tổ chức tập huấn."]),
    (["Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Phoøng Kinh teá chuû trì, phoái hôïp vôùi Hoäi Noâng daân xaõ."],
     ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Phòng Kinh tế chủ trì, phối hợp với Hội Nông dân xã."]),
])
def test_legacy_lines_convert_and_unicode_lines_beside_them_stay(surface, unicode_):
    """A Unicode letterhead over a body typed in .VnTime / VNI-Times: only the legacy lines change."""
    lines = ["ỦY BAN NHÂN DÂN XÃ AN HƯNG", *surface, "Số: 12/KH-UBND", "Nhiệt độ trung bình 25°C, diện tích 30 m²"]
    out, encoding = convert_legacy_lines(lines)
    assert encoding in ("tcvn3", "vni")
    assert out == [lines[0], *unicode_, lines[-2], lines[-1]]


def test_unicode_plans_are_never_converted(real_or_sample_plans):
    for f in real_or_sample_plans:
        src, _ = read_source(f)
        assert convert_legacy_lines(src.lines)[1] is None, f.name


@pytest.fixture(scope="module")
def real_or_sample_plans() -> list[Path]:
    found = []
    for d in (REPO.parent / "shared" / "real-plans", REPO.parent / "shared" / "plans"):
        if d.is_dir():
            found += find_plans(d)
    if not found:
        pytest.skip("no plans found beside the repository (../shared)")
    return found


def test_8bit_text_that_is_not_vietnamese_is_refused_with_the_fix(tmp_path):
    f = tmp_path / "ghi-chu.txt"
    f.write_bytes("Ceci n'est pas un plan, déjà vu à Noël.\n".encode("cp1252"))
    with pytest.raises(PlanError, match=r"ghi-chu\.txt: not UTF-8 text .*save it as UTF-8"):
        read_source(f)


# ---------------------------------------------------------------- Word's "Save as Web Page"

def test_word_web_page_in_windows_1252_reads_entities_vntime_and_merged_cells():
    plan = parse_file(FIXTURES / "word_web_page.htm")
    texts = [c.text for c in plan.clauses]
    assert "ỦY BAN NHÂN DÂN XÃ TÂN LẬP" in texts  # numeric entities beyond windows-1252
    assert "Chuyển đổi số trên địa bàn xã năm 2026 – “xã số”" in texts  # cp1252 dash and quotes
    vntime = next(c for c in plan.clauses if c.label == "2" and c.kind == "item")
    assert vntime.text == ("2. Phòng Văn hóa - Xã hội chủ trì, phối hợp với Đoàn Thanh niên xã hướng dẫn "
                           "người dân sử dụng dịch vụ công trực tuyến.")  # .VnTime paragraph, "ư" kept
    assert vntime.lead and vntime.lead.startswith("Phòng Văn hóa - Xã hội")
    rows = [c for c in plan.clauses if c.kind == "table_row"]
    assert [r.columns["chu_tri"] for r in rows] == ["Văn phòng UBND xã", "Văn phòng UBND xã"]
    assert rows[1].columns["thoi_han"] == "Quý IV/2026"


# ---------------------------------------------------------------- Word 97–2003 .doc

def _need_soffice() -> str:
    binary = soffice()
    if binary is None:
        if os.environ.get("PLANQA_REQUIRE_SOFFICE") == "1":
            pytest.fail("LibreOffice (soffice) is required here but not installed")
        pytest.skip("LibreOffice (soffice) not installed")
    return binary


@pytest.fixture(scope="module")
def word97_plan(tmp_path_factory) -> Path:
    """A real Word 97 .doc, written by LibreOffice from an HTML plan with a table."""
    binary = _need_soffice()
    d = tmp_path_factory.mktemp("doc")
    html = d / "ke-hoach.html"
    html.write_text(
        "<html><head><meta charset='utf-8'></head><body>"
        "<p>ỦY BAN NHÂN DÂN XÃ AN BÌNH</p><p>Số: 21/KH-UBND</p><p>KẾ HOẠCH</p><p>I. NHIỆM VỤ</p>"
        "<p>1. Công an xã chủ trì, phối hợp với Ban chỉ huy quân sự xã tuần tra bảo đảm an ninh trật tự.</p>"
        "<table border='1'><tr><td>STT</td><td>Nội dung</td><td>Cơ quan chủ trì</td><td>Thời gian hoàn thành</td></tr>"
        "<tr><td>1</td><td>Rà soát thủ tục hành chính</td><td>Văn phòng UBND xã</td><td>Quý III/2026</td></tr>"
        "</table></body></html>", encoding="utf-8")
    run = subprocess.run([binary, f"-env:UserInstallation={(d / 'profile').as_uri()}", "--headless",
                          "--convert-to", "doc:MS Word 97", "--outdir", str(d), str(html)],
                         capture_output=True, timeout=300)
    out = d / "ke-hoach.doc"
    assert out.is_file(), run.stderr.decode("utf-8", "replace")[-300:]
    assert out.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 compound file: real .doc
    return out


def test_word97_doc_is_converted_and_parsed_with_its_table(word97_plan):
    plan = parse_file(word97_plan)
    assert plan.document.source == "ke-hoach.doc" and plan.document.fmt == "doc"
    assert plan.document.number == "21/KH-UBND"
    item = next(c for c in plan.clauses if c.text.startswith("1. Công an xã chủ trì"))
    assert item.lead and item.lead.startswith("Công an xã")
    row = next(c for c in plan.clauses if c.kind == "table_row")
    assert row.columns == {"noi_dung": "Rà soát thủ tục hành chính", "chu_tri": "Văn phòng UBND xã",
                           "thoi_han": "Quý III/2026"}


def test_doc_without_libreoffice_names_the_file_and_the_fix(tmp_path, monkeypatch):
    f = tmp_path / "ke-hoach-cu.doc"
    f.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)
    monkeypatch.setenv("PLANQA_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(PlanError) as e:
        read_source(f)
    msg = str(e.value)
    assert msg.startswith("ke-hoach-cu.doc: Word 97–2003 file needs LibreOffice") and "libreoffice-writer-nogui" in msg
    assert "\n" not in msg


def test_damaged_doc_is_refused_by_name(tmp_path):
    _need_soffice()
    f = tmp_path / "hong.doc"
    noise = bytes((k * 7919 + 13) % 251 for k in range(4000))  # fixed, so the test is the same every run
    f.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + noise)
    with pytest.raises(PlanError, match=r"^hong\.doc: "):
        read_source(f)


# ---------------------------------------------------------------- a folder names what it cannot read

def test_folder_lists_unreadable_documents_so_each_is_named_with_its_reason(tmp_path, monkeypatch):
    shutil.copy(FIXTURES / "legacy_unicode.txt", tmp_path / "ke-hoach.txt")
    (tmp_path / "bang-chi-tieu.xlsx").write_bytes(b"PK\x03\x04 spreadsheet")
    (tmp_path / "scan-trang-1.jpg").write_bytes(b"\xff\xd8\xff image")
    (tmp_path / "ke-hoach-cu.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)
    monkeypatch.setenv("PLANQA_SOFFICE", str(tmp_path / "no-such-soffice"))
    files = find_plans(tmp_path)
    assert [f.name for f in files] == ["bang-chi-tieu.xlsx", "ke-hoach-cu.doc", "ke-hoach.txt", "scan-trang-1.jpg"]
    reasons = {}
    for f in files:
        try:
            read_source(f)
        except PlanError as e:
            reasons[f.name] = str(e)
    assert set(reasons) == {"bang-chi-tieu.xlsx", "ke-hoach-cu.doc", "scan-trang-1.jpg"}
    assert "spreadsheet" in reasons["bang-chi-tieu.xlsx"] and "OCR" in reasons["scan-trang-1.jpg"]


def test_cli_parse_names_a_doc_it_cannot_read_and_still_parses_the_rest(tmp_path):
    import sys

    shutil.copy(FIXTURES / "legacy_unicode.txt", tmp_path / "ke-hoach.txt")
    (tmp_path / "ke-hoach-cu.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)
    env = dict(os.environ, PLANQA_SOFFICE=str(tmp_path / "no-such-soffice"), PYTHONPATH=str(REPO))
    run = subprocess.run([sys.executable, "-m", "planqa.cli", "parse", str(tmp_path)], capture_output=True,
                         text=True, env=env, timeout=120)
    assert "ke-hoach-cu.doc: Word 97–2003 file needs LibreOffice" in run.stderr
    assert "Traceback" not in run.stderr
    assert "Ban chỉ huy phòng chống thiên tai" in run.stdout
