"""Tasks, indicators, the plan text and adding a plan, through the real FastAPI app.

The catalog is read from a real index of the sample plans; the upload tests add a plan to a
copy of that index with the real incremental build, and ask about it afterwards.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.api import ApiSettings, create_app
from retrieval import Retriever
from retrieval.catalog import Catalog
from retrieval.contract import AddPlanJob, IndicatorComparison, PlanView
from retrieval.lead_source import lead_source
from retrieval.library import LibraryError, check_upload, safe_file_name
from snippets import parse_md

TOKEN = "catalog-admin-token-93ab"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
UNIT = "Phòng Kinh tế"


@pytest.fixture(scope="module")
def client(retriever) -> TestClient:
    return TestClient(create_app(retriever=retriever, settings=ApiSettings(rate_limit=None)))


@pytest.fixture(scope="module")
def catalog(retriever) -> Catalog:
    return Catalog.of(retriever)


def _clean_error(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and detail.strip()
    assert "Traceback" not in r.text and 'File "' not in r.text
    return detail


# ---------------------------------------------------------------------------- reading the store


def test_tasks_due_in_a_year_are_read_from_the_corpus_typed_year_and_recurrence():
    """The catalog filters by the thời hạn the corpus read (`Clause.due_year`, `Clause.deadline_kinds`), never its
    text: a quarterly or monthly report falls due in every year, as a yearly one does. Wordings of a task table, a
    labelled line and a report's day, from three plans."""
    plan = parse_md(
        "**IV. NHIỆM VỤ**\n\n"
        "| TT | Nội dung | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
        "| 1 | Xây dựng cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường | Quý IV/2027 |\n"
        "| 2 | Chuyển đổi số hạ tầng giao thông | Sở Xây dựng | giai đoạn 2026 - 2030 |\n"
        "| 3 | Thống kê các chỉ tiêu kinh tế số | Sở Tài chính | hàng quý |\n\n"
        "**V. TỔ CHỨC THỰC HIỆN**\n\n1. Tổ chức tuyên truyền Luật Việc làm.\n\n"
        "- Cơ quan chủ trì: Sở Nội vụ.\n\n- Thời gian thực hiện: Hằng năm.\n\n"
        "2. Các sở, ngành báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 16 hàng tháng.\n")
    catalog = Catalog({plan.document.id: plan.document}, plan.clauses)

    def named(rows) -> set[str]:
        return {w for t in rows for w in ("đất đai", "giao thông", "kinh tế số", "Hằng năm", "hàng tháng") if w in t.text}

    due = {w: (t.due_year, t.recurring) for t in catalog.tasks() for w in named([t])}
    assert due == {"đất đai": (2027, False), "giao thông": (2030, False), "kinh tế số": (None, True),
                   "Hằng năm": (None, True), "hàng tháng": (None, True)}
    # the yearly, quarterly and monthly wordings all fall due in 2027, as the task due in Quý IV/2027
    assert named(catalog.tasks(year=2027)) == {"đất đai", "kinh tế số", "Hằng năm", "hàng tháng"}
    assert named(catalog.tasks(year=2027, include_recurring=False)) == {"đất đai"}
    assert named(catalog.tasks(year=2030, include_recurring=False)) == {"giao thông"}


def test_the_exports_show_each_plans_number_as_cited():
    """The task and indicator tables' "Số hiệu" is `PlanRef.cited_number` (spaces out, a draft's blank number left
    empty), as the web page and the answers cite it; wordings of a programme, a decision and a draft plan."""
    from corpus.model import Document
    from retrieval.catalog import indicator_table, task_table

    for number, cited in (("08 - CTr/ĐUUB", "08-CTr/ĐUUB"), ("476/QĐ-UBND", "476/QĐ-UBND"), ("/KH - UBND", None)):
        plan = parse_md("**IV. NHIỆM VỤ**\n\n1. Xây dựng cơ sở dữ liệu đất đai.\n\n- Cơ quan chủ trì: Sở Nội vụ.\n\n"
                        "- Thời gian thực hiện: Quý IV/2026.\n\n2. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.\n")
        plan.document.number = number
        catalog = Catalog({plan.document.id: plan.document}, plan.clauses)
        tasks, indicators = catalog.tasks(), catalog.indicators()
        assert tasks and indicators
        for columns, rows in (task_table(tasks), indicator_table(indicators)):
            assert {row[columns.index("Số hiệu")] for row in rows} == {cited}


def test_every_inferred_lead_names_an_existing_source_clause_with_its_lines(retriever):
    store = retriever.store
    inferred = [c for c in store.clauses if c.lead_from_elsewhere]
    assert len({c.doc_id for c in inferred}) >= 3  # several plans, several mechanisms
    mechanisms = set()
    for c in inferred:
        src = lead_source(c)
        assert src is not None and src.mechanism
        mechanisms.add(src.mechanism)
        if src.clause_id:
            source = store.clauses[store.clause_index[src.clause_id]]
            assert list(source.lines) == src.lines
    assert len(mechanisms) >= 2
    assert all(lead_source(c) is None for c in store.clauses if not c.lead_from_elsewhere)


def test_safe_file_name_keeps_the_name_readable_but_strips_folders_and_marks():
    assert safe_file_name("Kế hoạch Đắk Lắk.DOCX") == "Ke_hoach_Dak_Lak.docx"
    assert safe_file_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_file_name("C:\\Users\\x\\plan.pdf") == "plan.pdf"
    with pytest.raises(LibraryError, match="loại tệp"):
        check_upload("virus.exe", 10)
    with pytest.raises(LibraryError, match="rỗng"):
        check_upload("plan.txt", 0)


# ---------------------------------------------------------------------------- endpoints


def test_tasks_of_a_unit_due_in_a_year_are_only_that_units_and_that_years(client, catalog):
    years = sorted({t.due_year for t in catalog.tasks(unit=UNIT) if t.due_year})
    assert years
    for year in years:
        r = client.get("/catalog/tasks", params={"unit": UNIT, "year": year})
        assert r.status_code == 200, r.text
        rows = r.json()
        assert rows
        for row in rows:
            assert UNIT.lower() in row["lead"].lower()
            assert row["due_year"] == year or row["recurring"]
        strict = client.get("/catalog/tasks", params={"unit": UNIT, "year": year, "recurring": "false"}).json()
        assert all(row["due_year"] == year for row in strict)


def test_tasks_carry_lead_partners_deadline_and_cite_the_plan_by_title_and_number(client, retriever):
    rows = client.get("/catalog/tasks").json()
    docs = {d.id: d for d in retriever.documents()}
    assert {row["plan"]["doc_id"] for row in rows} == set(docs)
    assert any(row["partners"] for row in rows) and any(row["deadline"] for row in rows)
    assert any(row["product"] for row in rows)
    for row in rows:
        d = docs[row["plan"]["doc_id"]]
        assert row["plan"]["title"] == d.title and row["plan"]["number"] == d.number
        assert row["plan"]["cited_number"] == d.cited_number  # judged once, where the plan is cited
        assert row["lead"] or row["deadline"] or row["product"]


def test_locality_filter_accepts_the_name_with_or_without_its_level(client, retriever):
    doc = next(d for d in retriever.documents() if d.locality.label)
    for name in (doc.locality.label, doc.locality.name):
        rows = client.get("/catalog/indicators", params={"locality": name}).json()
        assert rows and {r["plan"]["locality"] for r in rows} == {doc.locality.label}


def test_indicators_have_target_unit_and_year(client):
    rows = client.get("/catalog/indicators").json()
    assert rows and all(r["target"]["text"] and r["target"]["values"] for r in rows)
    assert any(r["target"]["unit"] for r in rows) and any(r["year"] for r in rows)
    year = next(r["year"] for r in rows if r["year"])
    assert all(r["year"] == year for r in client.get("/catalog/indicators", params={"year": year}).json())


def test_csv_and_xlsx_exports_hold_the_same_rows_as_json(client):
    from openpyxl import load_workbook

    params = {"unit": UNIT}
    rows = client.get("/catalog/tasks", params=params).json()
    c = client.get("/catalog/tasks", params={**params, "format": "csv"})
    assert c.status_code == 200 and c.headers["content-type"].startswith("text/csv")
    assert "attachment" in c.headers["content-disposition"]
    assert c.content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    table = list(csv.reader(io.StringIO(c.content.decode("utf-8-sig"))))
    assert table[0][:3] == ["Địa phương", "Kế hoạch", "Số hiệu"]
    assert [r[4] for r in table[1:]] == [row["text"] for row in rows]
    x = client.get("/catalog/indicators", params={"format": "xlsx"})
    assert x.status_code == 200 and "spreadsheetml" in x.headers["content-type"]
    sheet = load_workbook(io.BytesIO(x.content)).active
    values = list(sheet.iter_rows(values_only=True))
    indicators = client.get("/catalog/indicators").json()
    assert len(values) - 1 == len(indicators)
    assert [v[5] for v in values[1:]] == [r["target"]["text"] for r in indicators]


def test_compare_finds_the_indicator_in_each_plan_that_sets_it_written_either_way(client):
    by_words = IndicatorComparison.model_validate(client.get("/catalog/compare", params={"q": "bảo hiểm y tế"}).json())
    by_abbr = IndicatorComparison.model_validate(client.get("/catalog/compare", params={"q": "BHYT"}).json())
    bare = IndicatorComparison.model_validate(client.get("/catalog/compare", params={"q": "bao hiem y te"}).json())
    assert len({p.plan.locality for p in by_words.points}) >= 2
    assert [p.clause_id for p in by_words.points] == [p.clause_id for p in by_abbr.points] == \
        [p.clause_id for p in bare.points]
    assert len({p.plan.doc_id for p in by_words.points}) == len(by_words.points)  # one per plan
    assert all((p.target.unit or None) == by_words.unit for p in by_words.points)
    assert all("y tế" in p.name.lower() or "bhyt" in p.name.lower() for p in by_words.points)
    # from one indicator row: that clause is among the points
    own = by_words.points[0].clause_id
    from_row = client.get(f"/catalog/compare/{own}").json()
    assert own in [p["clause_id"] for p in from_row["points"]]


def test_comparing_by_a_clause_gives_the_same_points_whatever_the_hash_seed(sample_index):
    """Clauses holding all the named clause's words tie with it; the tie must not go by Python's hash seed."""
    script = ("import sys, json; from retrieval import Retriever; from retrieval.catalog import Catalog; "
              "r = Retriever.load(sys.argv[1]); cat = Catalog.of(r); "
              "cmp = [cat.compare(clause_id=c.id) for c in r.store.clauses if c.target is not None and c.target.values]; "
              "print(json.dumps([[(p.clause_id, p.match) for p in x.points + x.other_units] for x in cmp]))")
    runs = []
    for seed in ("0", "1"):
        out = subprocess.run([sys.executable, "-c", script, str(sample_index)], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
        runs.append(json.loads(out))
    assert runs[0] == runs[1]
    assert all(any(match == 1.0 for _, match in points) for points in runs[0])  # the named clause's plan


def test_the_compare_query_pattern_refuses_every_space_in_any_regex_dialect(client):
    """A client generating queries from the schema must not send one the server refuses: with ASCII-only
    ``\\s`` (as in some dialects), the pattern must still refuse each character Python counts as a space."""
    import re

    params = client.get("/openapi.json").json()["paths"]["/catalog/compare"]["get"]["parameters"]
    pattern = next(p for p in params if p["name"] == "q")["schema"]["pattern"]
    spaces = [chr(i) for i in range(0x3001) if chr(i).isspace()] + ["\ufeff"]
    for flags in (0, re.ASCII):
        assert [c for c in spaces if re.search(pattern, c, flags)] == []


def test_a_compare_query_with_one_real_character_among_unusual_spaces_is_accepted(client):
    assert client.get("/catalog/compare", params={"q": "\x85BHYT\u00a0"}).status_code == 200


def test_a_word_shared_by_chance_does_not_make_another_indicator_the_same(client):
    poor = IndicatorComparison.model_validate(client.get("/catalog/compare", params={"q": "tỷ lệ hộ nghèo"}).json())
    assert poor.points and all("nghèo" in p.name.lower() for p in poor.points + poor.other_units)


def test_plan_text_lists_every_clause_in_order_with_lines(client, retriever):
    doc = retriever.documents()[0]
    view = PlanView.model_validate(client.get(f"/documents/{doc.id}/clauses").json())
    assert view.document.id == doc.id and len(view.clauses) == doc.clause_count
    starts = [c.lines[0] for c in view.clauses]
    assert starts == sorted(starts)
    assert client.get(f"/plans/{doc.id}").headers["content-type"].startswith("text/html")


def test_ask_citations_name_plan_number_and_typed_lead_source(client, retriever):
    data = client.post("/ask", json={"question": "Ai chủ trì chỉ tiêu BHYT?"}).json()
    docs = {d.id: d for d in retriever.documents()}
    for res in data["results"]:
        assert res["citation"]["number"] == docs[res["citation"]["doc_id"]].number
        assert res["citation"]["kind"] == docs[res["citation"]["doc_id"]].kind
        if res["lead_source"]:
            assert res["lead_source"]["mechanism"] and res["lead_source"]["key"] and res["lead_source"]["lines"]


@pytest.mark.parametrize("path, params, status, needle", [
    ("/catalog/tasks", {"format": "pdf"}, 422, "format"),
    ("/catalog/tasks", {"year": "abc"}, 422, "year"),
    ("/catalog/tasks", {"year": "99999"}, 422, "year"),
    ("/catalog/tasks", {"locality": "xã Không Có"}, 404, "Các địa phương hiện có"),
    ("/catalog/tasks", {"doc_id": "no-such-plan"}, 404, "no-such-plan"),
    ("/catalog/indicators", {"unit": "x" * 201}, 422, "unit"),
    ("/catalog/units", {"locality": "phường Không Có"}, 404, "Không có kế hoạch"),
    ("/catalog/compare", {}, 422, "q"),
    ("/catalog/compare", {"q": "   "}, 422, "q"),
    ("/catalog/compare", {"q": "\x85"}, 422, "q"),  # a space to Python and Rust, not to the schema's ECMAScript
    ("/catalog/compare", {"q": "\u00a0\u3000"}, 422, "q"),
    ("/catalog/compare/nope:0001", {}, 404, "chỉ tiêu"),
    ("/documents/no-such-plan/clauses", {}, 404, "no-such-plan"),
])
def test_bad_catalog_input_is_a_clear_4xx(client, path, params, status, needle):
    assert needle in _clean_error(client.get(path, params=params), status)


# ---------------------------------------------------------------------------- adding a plan


@pytest.fixture(scope="module")
def own_index(sample_index, copy_of) -> Path:
    """A copy of the sample index: the upload tests add plans to it."""
    return copy_of(sample_index)


@pytest.fixture(scope="module")
def admin(own_index):
    app = create_app(own_index, retriever=Retriever.load(own_index),
                     settings=ApiSettings(rate_limit=None, admin_token=TOKEN, max_plan_bytes=200_000))
    return TestClient(app), app


def _follow(client: TestClient, job: dict, seconds: float = 240) -> AddPlanJob:
    deadline = time.monotonic() + seconds
    stages = [job["stage"]]
    while job["stage"] not in ("done", "failed"):
        assert time.monotonic() < deadline, f"job stuck at {job}"
        time.sleep(0.2)
        job = client.get(f"/admin/plans/jobs/{job['id']}", headers=AUTH).json()
        stages.append(job["stage"])
    out = AddPlanJob.model_validate(job)
    assert out.step <= out.steps
    return out


def _markdown_plan() -> bytes:
    return ("# KẾ HOẠCH\n\nPhát triển chợ nông sản phường Tân Lập năm 2027\n\n"
            "Số: 27/KH-UBND\n\n## I. NHIỆM VỤ\n\n"
            "1. Phòng Kinh tế phường chủ trì, phối hợp với Hội Nông dân phường xây dựng chợ nông sản sạch "
            "hoàn thành trong Quý III/2027.\n").encode()


def test_upload_needs_the_admin_token(client, admin):
    c, _ = admin
    assert "tắt" in _clean_error(client.post("/admin/plans", params={"name": "a.txt"}, content=b"x"), 403)
    _clean_error(c.post("/admin/plans", params={"name": "a.txt"}, content=b"x"), 401)
    _clean_error(c.post("/admin/plans", params={"name": "a.txt"}, content=b"x",
                        headers={"Authorization": "Bearer wrong"}), 403)
    _clean_error(c.get("/admin/plans/jobs/abc"), 401)


@pytest.mark.parametrize("params, body, status, needle", [
    ({"name": "plan.exe"}, b"MZ...", 422, "loại tệp"),
    ({"name": "plan.txt"}, b"", 422, "rỗng"),
    ({}, b"abc", 422, "name"),
    ({"name": "big.txt"}, b"a" * 200_001, 413, "quá lớn"),
])
def test_a_file_that_cannot_be_a_plan_is_refused_at_once(admin, params, body, status, needle):
    c, app = admin
    before = app.state.planqa.current
    detail = _clean_error(c.post("/admin/plans", params=params, content=body, headers=AUTH), status)
    assert needle in detail
    assert app.state.planqa.current is before


@pytest.mark.parametrize("name, body, needle", [
    ("hong.pdf", b"%PDF-1.4 this is not really a PDF", "hong.pdf"),
    ("hong.docx", b"PK\x03\x04 not a zip", "hong.docx"),
    ("latin1.txt", "Kế hoạch".encode("cp1258", errors="replace") + b"\xff\xfe\x00", "latin1.txt"),
])
def test_a_corrupt_plan_fails_its_job_with_a_message_and_the_index_stays_as_it_was(admin, own_index, name, body, needle):
    c, app = admin
    before = app.state.planqa.current
    manifest = (own_index / "manifest.json").read_bytes()
    r = c.post("/admin/plans", params={"name": name}, content=body, headers=AUTH)
    assert r.status_code == 202, r.text
    job = _follow(c, r.json())
    assert job.stage == "failed" and needle in job.message
    assert app.state.planqa.current is before
    assert (own_index / "manifest.json").read_bytes() == manifest
    assert not (own_index.parent / f"{own_index.name}-uploads" / name).exists()


def test_a_plan_already_indexed_under_that_file_name_is_refused(admin, retriever):
    c, app = admin
    taken = retriever.documents()[0].source
    job = _follow(c, c.post("/admin/plans", params={"name": taken}, content=b"abc", headers=AUTH).json())
    assert job.stage == "failed" and "cùng tên" in job.message


def test_an_uploaded_plan_is_answered_by_the_next_request(admin):
    c, app = admin
    generation = c.get("/health").json()["generation"]
    docs = len(c.get("/documents").json())
    r = c.post("/admin/plans", params={"name": "Chợ nông sản Tân Lập.md"}, content=_markdown_plan(), headers=AUTH)
    assert r.status_code == 202, r.text
    job = _follow(c, r.json())
    assert job.stage == "done", job.message
    assert job.step == job.steps and job.doc_id and job.clause_count
    assert c.get("/health").json()["generation"] == generation + 1
    assert len(c.get("/documents").json()) == docs + 1
    answer = c.post("/ask", json={"question": "Ai chủ trì xây dựng chợ nông sản sạch?"}).json()
    assert answer["found"]
    top = answer["results"][0]
    assert top["citation"]["doc_id"] == job.doc_id and "Phòng Kinh tế phường" in (top["lead"] or "")
    tasks = c.get("/catalog/tasks", params={"doc_id": job.doc_id}).json()
    assert any("chợ nông sản" in t["text"] for t in tasks)
    _clean_error(c.get("/admin/plans/jobs/no-such-job", headers=AUTH), 404)


def test_upload_without_a_known_index_folder_is_refused(retriever):
    c = TestClient(create_app(retriever=retriever, settings=ApiSettings(rate_limit=None, admin_token=TOKEN)))
    assert "thư mục chỉ mục" in _clean_error(c.post("/admin/plans", params={"name": "a.txt"}, content=b"x",
                                                    headers=AUTH), 409)
