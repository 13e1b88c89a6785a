"""The HTTP API against the real app and a real index of the sample plans.

Every request goes through the full ASGI stack (FastAPI TestClient) or a real
uvicorn server on loopback; nothing below the bot layer is replaced.
"""
from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from live_server import LiveServer
from fastapi.testclient import TestClient

from corpus.model import DEADLINE_MECHANISMS
from bot.api import ApiSettings, TokenBucketLimiter, create_app, parse_rate_limit
from retrieval.contract import AskResponse, ClauseView, DocumentInfo, DocumentOutline

ADMIN_TOKEN = "test-admin-token-7f3a"


# ---------------------------------------------------------------------------
# fixtures


@pytest.fixture(scope="module")
def app(retriever):
    return create_app(retriever=retriever, settings=ApiSettings(rate_limit=None))


@pytest.fixture(scope="module")
def client(app) -> TestClient:
    return TestClient(app)


@pytest.fixture(scope="module")
def docs(retriever) -> list[DocumentInfo]:
    return retriever.documents()


def _assert_clean_error(response: httpx.Response, status: int) -> dict[str, Any]:
    """A 4xx with a readable JSON detail and nothing of the server's insides."""
    assert response.status_code == status, response.text
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"].strip()
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body




# ---------------------------------------------------------------------------
# endpoints


def test_ask_returns_answer_with_cited_clauses(client):
    r = client.post("/ask", json={"question": "Ai chủ trì chỉ tiêu BHYT?"})
    assert r.status_code == 200, r.text
    data = AskResponse.model_validate(r.json())
    assert data.question == "Ai chủ trì chỉ tiêu BHYT?"
    assert data.found and data.answer
    assert 1 <= len(data.results) <= 5
    for res in data.results:
        assert res.citation.source.endswith(".txt")
        start, end = res.citation.lines
        assert 1 <= start <= end
    joined = " ".join(res.text.lower() for res in data.results)
    assert "bhyt" in joined or "bảo hiểm y tế" in joined


def test_ask_gives_each_deadline_its_typed_source(client, retriever):
    """Through the real app: a result with a thời hạn carries where it was read (`Result.deadline_source`), the
    corpus's `DeadlineSource` as typed fields (mechanism key and label, stated, clause, lines); none without one."""
    r = client.post("/ask", json={"question": "Ai chủ trì chỉ tiêu BHYT?", "top_k": 10})
    assert r.status_code == 200, r.text
    results = AskResponse.model_validate(r.json()).results
    with_deadline = [res for res in results if res.deadline]
    assert with_deadline, "the sample plans' BHYT indicators state a deadline"
    for res in results:
        clause = retriever.store.clauses[retriever.store.clause_index[res.citation.clause_id]]
        src = res.deadline_source
        if not res.deadline:
            assert src is None
            continue
        assert src is not None and clause.deadline_source is not None
        assert (src.key, src.clause_id, tuple(src.lines), src.stated) == (
            clause.deadline_source.mechanism, clause.deadline_source.clause_id, clause.deadline_source.lines,
            clause.deadline_source.stated)
        assert src.mechanism == DEADLINE_MECHANISMS[src.key]
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert "deadline_source" in schema["Result"]["properties"] and "DeadlineSource" in schema


def test_ask_honours_top_k(client):
    r = client.post("/ask", json={"question": "Phòng Kinh tế được giao những nhiệm vụ gì?", "top_k": 2})
    assert r.status_code == 200
    assert 1 <= len(r.json()["results"]) <= 2


def test_ask_accepts_question_of_exactly_1000_characters_and_top_k_50(client):
    question = ("Thời hạn rà soát văn bản quy phạm pháp luật là khi nào? " * 30)[:1000]
    r = client.post("/ask", json={"question": question, "top_k": 50})
    assert r.status_code == 200, r.text
    assert len(r.json()["results"]) <= 50


def test_ask_locality_filter_keeps_only_that_localitys_plans(client, docs):
    labelled = [d for d in docs if d.locality.label]
    assert labelled, "the sample plans should name their locality"
    label = labelled[0].locality.label
    allowed = {d.id for d in docs if d.locality.label == label}
    r = client.post("/ask", json={"question": "chỉ tiêu tỷ lệ hộ nghèo", "top_k": 10, "locality": label})
    assert r.status_code == 200
    results = r.json()["results"]
    assert results
    assert {res["citation"]["doc_id"] for res in results} <= allowed


def test_health_reports_loaded_index(client, retriever):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    info = retriever.info()
    assert body["status"] == "ok" and body["index_loaded"] is True
    assert body["model"] == info.model
    assert body["clause_count"] == info.clause_count > 0
    assert body["document_count"] == info.document_count
    assert body["built_at"] == info.built_at and body["built_at"]
    assert body["generation"] == 1


def test_documents_lists_every_sample_plan(client, docs, plan_files):
    r = client.get("/documents")
    assert r.status_code == 200
    listed = [DocumentInfo.model_validate(d) for d in r.json()]
    assert {d.id for d in listed} == {d.id for d in docs}
    assert len(listed) == len(plan_files)
    assert all(d.clause_count > 0 for d in listed)


def test_every_plan_is_listed_with_the_number_it_is_cited_by_or_none_for_a_draft(client, docs):
    """The web pages show `cited_number` as it is: a sample plan with a number ("08 - CTr/ĐUUB") is cited without its
    spaces, a draft whose number line is blank ("Số: /KH-UBND") by none; the pages never re-read `number`."""
    from corpus.metadata import cited_number

    listed = client.get("/documents").json()
    assert all(d["cited_number"] == cited_number(d["number"]) for d in listed)
    assert any(d["cited_number"] for d in listed) and any(d["cited_number"] is None for d in listed)
    assert all(" " not in d["cited_number"] for d in listed if d["cited_number"])


def test_document_outline_has_sections_with_leads(client, docs):
    leads = 0
    for d in docs:
        r = client.get(f"/documents/{d.id}")
        assert r.status_code == 200, r.text
        outline = DocumentOutline.model_validate(r.json())
        assert outline.document.id == d.id
        assert outline.sections
        leads += sum(1 for s in outline.sections if s.lead)
    assert leads > 0, "some section of the sample plans names who leads it"


def test_clause_view_returns_clause_with_section_context(client):
    ask = client.post("/ask", json={"question": "Thời hạn rà soát VBQPPL là khi nào?"}).json()
    clause_id = ask["results"][0]["citation"]["clause_id"]
    r = client.get(f"/clauses/{clause_id}")
    assert r.status_code == 200, r.text
    view = ClauseView.model_validate(r.json())
    assert view.result.citation.clause_id == clause_id
    assert view.result.text == ask["results"][0]["text"]
    assert view.previous is not None or view.next is not None


@pytest.mark.parametrize("path", ["/documents/khong-co-ke-hoach-nay", "/clauses/khong-co:999999",
                                  "/clauses/" + "x" * 5000, "/documents/%00"])
def test_unknown_ids_are_404_with_message(client, path):
    body = _assert_clean_error(client.get(path), 404)
    assert "Không" in body["detail"]


def test_web_page_and_assets_are_served_without_cdn(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert '<meta name="viewport"' in page.text and 'lang="vi"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/style.css", "/docs", "/static/docs.js"):
        r = client.get(asset)
        assert r.status_code == 200, asset
        assert "http://" not in r.text and "https://" not in r.text, f"{asset} must not load from the internet"
    for js in ("/static/app.js", "/static/docs.js"):
        script = client.get(js).text
        for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in script, f"{js} must not parse data as HTML ({sink})"


def test_openapi_declares_models_and_error_responses(client):
    spec = client.get("/openapi.json").json()
    ask = spec["paths"]["/ask"]["post"]
    assert ask["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/AskResponse")
    for code in ("400", "413", "415", "422", "429", "500"):
        assert ask["responses"][code]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert "Retry-After" in ask["responses"]["429"]["headers"]
    assert spec["paths"]["/documents/{doc_id}"]["get"]["responses"]["404"]
    assert spec["paths"]["/clauses/{clause_id}"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"]["$ref"].endswith("/ClauseView")
    req = spec["components"]["schemas"]["AskRequest"]["properties"]
    assert req["question"]["maxLength"] == 1000
    assert (req["top_k"]["minimum"], req["top_k"]["maximum"]) == (1, 50)


# ---------------------------------------------------------------------------
# bad input


BAD_ASKS = [
    ("empty question", {"json": {"question": ""}}, 422, "trống"),
    ("whitespace question", {"json": {"question": "  \n\t "}}, 422, "trống"),
    ("question over 1000 chars", {"json": {"question": "a" * 1001}}, 422, "1000"),
    ("top_k zero", {"json": {"question": "BHYT", "top_k": 0}}, 422, "top_k"),
    ("top_k 51", {"json": {"question": "BHYT", "top_k": 51}}, 422, "top_k"),
    ("top_k not a number", {"json": {"question": "BHYT", "top_k": "năm"}}, 422, "top_k"),
    ("question not a string", {"json": {"question": ["BHYT"]}}, 422, "chuỗi"),
    ("missing question", {"json": {"top_k": 3}}, 422, "question"),
    ("unknown field", {"json": {"question": "BHYT", "mode": "dense"}}, 422, "mode"),
    ("body is a list", {"json": ["BHYT"]}, 422, "đối tượng JSON"),
    ("no body", {}, 422, "Thiếu"),
    ("invalid JSON", {"content": b'{"question": "BHYT"', "headers": {"content-type": "application/json"}}, 400,
     "JSON"),
    ("form content type", {"data": {"question": "BHYT"}}, 415, "application/json"),
    ("text/plain content type", {"content": b'{"question": "BHYT"}', "headers": {"content-type": "text/plain"}},
     415, "application/json"),
    ("no content type", {"content": b'{"question": "BHYT"}'}, 415, "application/json"),
    ("body over 64 KiB", {"content": b'{"question": "' + b"a" * 70_000 + b'"}',
                          "headers": {"content-type": "application/json"}}, 413, "quá lớn"),
]


@pytest.mark.parametrize("case,kwargs,status,needle", BAD_ASKS, ids=[c[0] for c in BAD_ASKS])
def test_bad_ask_input_is_a_clear_4xx(client, case, kwargs, status, needle):
    body = _assert_clean_error(client.post("/ask", **kwargs), status)
    assert needle.lower() in body["detail"].lower()


def test_chunked_body_over_limit_is_413(client):
    def chunks():
        for _ in range(80):
            yield b"a" * 1024

    _assert_clean_error(client.post("/ask", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_wrong_method_and_unknown_path_are_clean_4xx(client):
    _assert_clean_error(client.get("/ask"), 405)
    _assert_clean_error(client.get("/khong-co"), 404)


def test_unhandled_exception_is_generic_500_and_logged(retriever, caplog):
    app = create_app(retriever=retriever, settings=ApiSettings(rate_limit=None))

    def explode() -> None:
        raise RuntimeError("secret internal state /etc/passwd")

    app.add_api_route("/explode", explode)
    with caplog.at_level(logging.ERROR, logger="planqa.api"):
        r = TestClient(app).get("/explode")
    body = _assert_clean_error(r, 500)
    assert "secret" not in r.text and "RuntimeError" not in r.text
    assert "Lỗi máy chủ" in body["detail"]
    assert any("secret internal state" in (rec.exc_text or "") or
               (rec.exc_info and "secret internal state" in str(rec.exc_info[1])) for rec in caplog.records)


# ---------------------------------------------------------------------------
# rate limit, access log


def test_rate_limit_returns_429_with_retry_after_per_client(retriever):
    app = create_app(retriever=retriever, settings=ApiSettings(rate_limit="3/minute"))
    one = TestClient(app, client=("10.0.0.1", 1111))
    other = TestClient(app, client=("10.0.0.2", 2222))
    for _ in range(3):
        assert one.get("/documents").status_code == 200
    r = one.post("/ask", json={"question": "BHYT"})
    _assert_clean_error(r, 429)
    assert 1 <= int(r.headers["Retry-After"]) <= 20  # one token per 20 s at 3/minute
    assert one.get("/health").status_code == 200, "health checks are not rate limited"
    assert other.get("/documents").status_code == 200, "each client has its own bucket"


def test_token_bucket_refills_at_the_configured_rate():
    bucket = TokenBucketLimiter(2, 10.0)  # 2 per 10 s: one token every 5 s
    assert bucket.take("a", now=0.0) == 0.0
    assert bucket.take("a", now=0.0) == 0.0
    assert bucket.take("a", now=0.0) == pytest.approx(5.0)
    assert bucket.take("a", now=2.5) == pytest.approx(2.5)
    assert bucket.take("a", now=5.0) == 0.0
    assert bucket.take("b", now=5.0) == 0.0


def test_token_bucket_forgets_idle_clients_when_full():
    bucket = TokenBucketLimiter(1, 1.0, max_clients=10)
    for i in range(11):
        bucket.take(f"client-{i}", now=0.0)
    bucket.take("late", now=5.0)
    assert len(bucket._buckets) == 1


@pytest.mark.parametrize("spec,expected", [("60/minute", (60, 60.0)), ("10/second", (10, 1.0)),
                                           ("1000/hour", (1000, 3600.0)), ("5/10s", (5, 10.0)),
                                           ("off", None), ("0", None), ("", None), (None, None)])
def test_parse_rate_limit_accepts_common_forms(spec, expected):
    assert parse_rate_limit(spec) == expected


def test_bad_rate_limit_setting_fails_at_startup():
    with pytest.raises(ValueError, match="PLANQA_RATE_LIMIT"):
        ApiSettings.from_env({"PLANQA_RATE_LIMIT": "lots"})


def test_settings_read_from_environment():
    s = ApiSettings.from_env({"PLANQA_RATE_LIMIT": "5/second", "PLANQA_LOG_QUESTIONS": "1",
                              "PLANQA_ADMIN_TOKEN": "abc"})
    assert (s.rate_limit, s.log_questions, s.admin_token) == ("5/second", True, "abc")
    d = ApiSettings.from_env({})
    assert (d.rate_limit, d.log_questions, d.admin_token) == ("60/minute", False, None)


def test_access_log_has_method_path_status_latency_but_not_the_question(client, caplog):
    question = "Câu hỏi riêng tư về hộ nghèo xã An Hưng"
    with caplog.at_level(logging.INFO):
        assert client.post("/ask", json={"question": question}).status_code == 200
    access = [r.getMessage() for r in caplog.records if r.name == "planqa.access"]
    assert any(line.startswith("POST /ask 200 ") and "ms" in line for line in access), access
    assert not any(question in r.getMessage() for r in caplog.records)


def test_question_is_logged_only_when_configured(retriever, caplog):
    app = create_app(retriever=retriever, settings=ApiSettings(rate_limit=None, log_questions=True))
    question = "Câu hỏi được ghi lại về BHYT"
    with caplog.at_level(logging.INFO):
        assert TestClient(app).post("/ask", json={"question": question}).status_code == 200
    assert any(question in r.getMessage() for r in caplog.records if r.name == "planqa.api")


# ---------------------------------------------------------------------------
# admin reload


def _auth(token: str = ADMIN_TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture()
def admin_app(sample_index, retriever):
    return create_app(sample_index, retriever=retriever,
                      settings=ApiSettings(rate_limit=None, admin_token=ADMIN_TOKEN))


def test_admin_reload_is_disabled_without_token_setting(client):
    body = _assert_clean_error(client.post("/admin/reload", headers=_auth()), 403)
    assert "PLANQA_ADMIN_TOKEN" in body["detail"]


def test_admin_reload_requires_bearer_token(admin_app):
    c = TestClient(admin_app)
    r = c.post("/admin/reload")
    _assert_clean_error(r, 401)
    assert r.headers["WWW-Authenticate"] == "Bearer"
    _assert_clean_error(c.post("/admin/reload", headers={"Authorization": ADMIN_TOKEN}), 401)
    _assert_clean_error(c.post("/admin/reload", headers=_auth("wrong")), 403)
    assert c.get("/health").json()["generation"] == 1


def test_admin_reload_with_right_token_swaps_in_a_new_retriever(admin_app, retriever):
    c = TestClient(admin_app)
    r = c.post("/admin/reload", headers=_auth())
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["reloaded"] is True and body["generation"] == 2
    assert body["current"]["clause_count"] == retriever.info().clause_count
    assert admin_app.state.planqa.current.retriever is not retriever
    assert c.get("/health").json()["generation"] == 2
    assert c.post("/ask", json={"question": "Ai chủ trì chỉ tiêu BHYT?"}).json()["found"]


def test_admin_reload_accepts_a_new_index_path(admin_app, sample_index, copy_of):
    copy = copy_of(sample_index)
    c = TestClient(admin_app)
    r = c.post("/admin/reload", headers=_auth(), json={"index_dir": str(copy)})
    assert r.status_code == 200, r.text
    assert admin_app.state.planqa.current.index_dir == copy


def _broken_copies(sample_index: Path, copy_of, tmp_path: Path) -> list[Path]:
    """Indexes a reload must refuse: missing, empty, a file, and every file of a copy truncated."""
    missing = tmp_path / "missing"
    empty = tmp_path / "empty"
    empty.mkdir()
    a_file = tmp_path / "a_file"
    a_file.write_text("not an index")
    truncated = copy_of(sample_index)
    for f in truncated.rglob("*"):
        if f.is_file():
            f.write_bytes(f.read_bytes()[: max(1, f.stat().st_size // 3)])
    garbled_manifest = copy_of(sample_index)
    for f in garbled_manifest.rglob("*.json"):
        f.write_text("{ not json")
    return [missing, empty, a_file, truncated, garbled_manifest]


def test_admin_reload_refuses_a_broken_index_and_old_keeps_serving(admin_app, sample_index, copy_of, tmp_path):
    c = TestClient(admin_app)
    before = admin_app.state.planqa.current
    for bad in _broken_copies(sample_index, copy_of, tmp_path):
        r = c.post("/admin/reload", headers=_auth(), json={"index_dir": str(bad)})
        body = _assert_clean_error(r, 409)
        assert "chỉ mục cũ vẫn phục vụ" in body["detail"], body
        assert admin_app.state.planqa.current is before
        assert c.get("/health").json()["generation"] == 1
        ask = c.post("/ask", json={"question": "Ai chủ trì chỉ tiêu BHYT?"})
        assert ask.status_code == 200 and ask.json()["found"]


class GatedRetriever:
    """The real retriever, but ``ask`` waits for a gate: holds a request in flight on demand."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.entered = threading.Event()
        self.release = threading.Event()

    def ask(self, *args: Any, **kwargs: Any) -> Any:
        self.entered.set()
        assert self.release.wait(30), "test never released the gate"
        return self.inner.ask(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def test_reload_swaps_while_a_request_is_in_flight_which_finishes_on_the_old_index(sample_index, retriever):
    gated = GatedRetriever(retriever)
    app = create_app(sample_index, retriever=gated,
                     settings=ApiSettings(rate_limit=None, admin_token=ADMIN_TOKEN))
    question = {"question": "Ai chủ trì chỉ tiêu BHYT?"}
    with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=60) as http:
        in_flight: dict[str, httpx.Response] = {}
        t = threading.Thread(target=lambda: in_flight.setdefault("r", http.post("/ask", json=question)))
        t.start()
        assert gated.entered.wait(10)
        # The old retriever is blocked; reload, then a new request must be answered by the new one.
        with httpx.Client(base_url=live.url, timeout=120) as admin:
            r = admin.post("/admin/reload", headers=_auth())
            assert r.status_code == 200, r.text
            fresh = admin.post("/ask", json=question)
        assert fresh.status_code == 200 and fresh.json()["found"]
        assert t.is_alive(), "the in-flight request is still held by the old retriever"
        gated.release.set()
        t.join(30)
        old = in_flight["r"]
        assert old.status_code == 200
        assert old.json() == fresh.json(), "old and new index are the same data, so the same answer"


def test_reload_under_concurrent_load_never_fails_a_request(sample_index, retriever):
    app = create_app(sample_index, retriever=retriever,
                     settings=ApiSettings(rate_limit=None, admin_token=ADMIN_TOKEN))
    statuses: list[int] = []
    stop = threading.Event()
    questions = ["Ai chủ trì chỉ tiêu BHYT?", "Phòng Kinh tế được giao những nhiệm vụ gì?",
                 "Thời hạn rà soát VBQPPL là khi nào?"]

    def hammer(i: int) -> None:
        with httpx.Client(base_url=live.url, timeout=60) as http:
            n = 0
            while not stop.is_set():
                q = questions[(i + n) % len(questions)]
                statuses.append(http.post("/ask", json={"question": q}).status_code)
                statuses.append(http.get("/health").status_code)
                n += 1

    with LiveServer(app) as live:
        workers = [threading.Thread(target=hammer, args=(i,)) for i in range(4)]
        for w in workers:
            w.start()
        with httpx.Client(base_url=live.url, timeout=120) as admin:
            for generation in (2, 3):
                r = admin.post("/admin/reload", headers=_auth())
                assert r.status_code == 200, r.text
                assert r.json()["generation"] == generation
        stop.set()
        for w in workers:
            w.join(30)
    assert len(statuses) > 10
    assert set(statuses) == {200}, sorted(set(statuses))


def test_error_bodies_are_json_everywhere(client):
    for r in (client.post("/ask", content=b"\xff\xfe", headers={"content-type": "application/json"}),
              client.post("/ask", json={"question": None}),
              client.get("/documents/" + "%C3%A9" * 10)):
        assert r.status_code < 500
        json.loads(r.text)


def _edit_manifest(dest: Path, **changes: Any) -> Path:
    """``dest`` (a copy of an index) with its manifest's entries changed."""
    manifest = dest / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data.update(changes)
    manifest.write_text(json.dumps(data), encoding="utf-8")
    return dest


def test_admin_reload_refuses_an_index_built_with_another_model(admin_app, sample_index, copy_of):
    other = _edit_manifest(copy_of(sample_index), model="sentence-transformers/all-MiniLM-L6-v2")
    c = TestClient(admin_app)
    body = _assert_clean_error(c.post("/admin/reload", headers=_auth(), json={"index_dir": str(other)}), 409)
    assert "model" in body["detail"]
    assert c.get("/health").json()["generation"] == 1


def test_admin_reload_refuses_an_index_of_another_format_version(admin_app, sample_index, copy_of):
    future = _edit_manifest(copy_of(sample_index), format_version=999)
    c = TestClient(admin_app)
    body = _assert_clean_error(c.post("/admin/reload", headers=_auth(), json={"index_dir": str(future)}), 409)
    assert "999" in body["detail"]
    assert c.get("/health").json()["generation"] == 1
