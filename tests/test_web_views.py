"""Answer cards, the plan viewer, the task and indicator tables and adding a plan, in headless Chromium.

Runs the real app over a copy of the sample index (a plan gets added to it) on a real uvicorn
server. Screenshots of the answer card, the viewer and the task table are written to a temporary folder,
or to PLANQA_SCREENSHOT_DIR when set (`PLANQA_SCREENSHOT_DIR=docs/screenshots` refreshes the README's
pictures), so a test run never rewrites tracked files.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from live_server import LiveServer
from test_web_browser import FLAGS, _browser_paths, _severe_console_errors, _wait

from bot.api import ApiSettings, create_app
from retrieval import Retriever
from retrieval.catalog import Catalog

TOKEN = "views-admin-token-41c9"
UPLOAD_SECONDS = 240  # parse + embed a small plan + rebuild BM25 of the sample plans on 2 shared cores


@pytest.fixture(scope="module")
def own_index(sample_index, copy_of) -> Path:
    """A copy of the sample index: the upload test adds a plan to it."""
    return copy_of(sample_index)


@pytest.fixture(scope="module")
def live(own_index):
    retriever = Retriever.load(own_index)
    app = create_app(own_index, retriever=retriever,
                     settings=ApiSettings(rate_limit=None, admin_token=TOKEN))
    with LiveServer(app) as server:
        server.app = app
        yield server


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, downloads):
    chromium, driver_path = _browser_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-views')}")
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where the screenshots go: PLANQA_SCREENSHOT_DIR, or a temporary folder."""
    chosen = os.environ.get("PLANQA_SCREENSHOT_DIR")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _retriever(live) -> Retriever:
    return live.app.state.planqa.current.retriever


def _overflow(browser) -> int:
    return browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_answer_card_names_the_plan_and_a_citation_opens_the_viewer_at_the_cited_lines(browser, live, shots):
    from selenium.webdriver.common.by import By

    question = "Ai chủ trì chỉ tiêu BHYT?"
    expected = _retriever(live).ask(question)
    assert expected.found
    first = expected.results[0]
    browser.set_window_size(1280, 1000)
    browser.get(live.url + "/")
    browser.find_element(By.ID, "question").send_keys(question)
    browser.find_element(By.ID, "ask-button").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#results .plan-card"))
    cards = browser.find_elements(By.CSS_SELECTOR, "#results .plan-card")
    assert len(cards) == len({r.citation.doc_id for r in expected.results})
    head = cards[0].find_element(By.CSS_SELECTOR, ".plan-head").text
    assert first.citation.document in head and first.citation.locality in head
    card = browser.find_element(By.ID, "result-0")
    terms = [dt.text for dt in card.find_elements(By.CSS_SELECTOR, ".facts dt")]
    if first.lead:
        assert "Chủ trì" in terms
        assert first.lead in card.find_element(By.CSS_SELECTOR, ".facts").text
    if first.target:
        assert "Chỉ tiêu" in terms
    if first.lead_source:
        assert "Chủ trì đọc từ" in terms
    if first.deadline and first.deadline_source:
        assert "Thời hạn đọc từ" in terms
    assert card.find_element(By.CSS_SELECTOR, ".clause-text").text.strip() == " ".join(first.text.split()).strip() \
        or first.text.strip()[:40] in card.find_element(By.CSS_SELECTOR, ".clause-text").text
    for chip in browser.find_elements(By.CSS_SELECTOR, "#chips .chip"):
        assert first.citation.source not in chip.text and ".txt" not in chip.text  # named by plan, not file
    browser.execute_script("document.getElementById('answer').scrollIntoView()")
    browser.save_screenshot(str(shots / "answer-card.png"))

    card.find_element(By.CSS_SELECTOR, ".open-plan").click()
    a, b = first.citation.lines
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".pc.hit"))
    assert f"/plans/{first.citation.doc_id}#L{a}" in browser.current_url
    hit = browser.find_element(By.CSS_SELECTOR, ".pc.hit")
    assert first.text.split()[1] in hit.text
    where = browser.find_element(By.ID, "cited-where").text
    assert f"dòng {a}" in where and (not first.citation.section or first.citation.section.split(" › ")[0] in where)
    # neighbouring clauses are on the page around the highlighted one
    assert hit.find_elements(By.XPATH, "preceding-sibling::li") and hit.find_elements(By.XPATH, "following-sibling::li")
    browser.save_screenshot(str(shots / "plan-viewer.png"))

    # the next clause by keyboard-operable button; the deep link updates
    browser.find_element(By.ID, "next-hit").click()
    _wait(browser, lambda d: f"#L{a}" not in d.current_url)
    assert _severe_console_errors(browser) == []


def test_a_deep_link_opens_the_plan_at_those_lines(browser, live):
    from selenium.webdriver.common.by import By

    doc = _retriever(live).documents()[0]
    view = Catalog.of(_retriever(live)).plan(doc.id)
    mid = view.clauses[len(view.clauses) // 2]
    a, b = mid.lines
    browser.get(f"{live.url}/plans/{doc.id}#L{a}-L{b}")
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".pc.hit"))
    hits = browser.find_elements(By.CSS_SELECTOR, ".pc.hit")
    assert len(hits) == 1 and hits[0].get_attribute("data-start") == str(a)
    assert browser.find_element(By.ID, "plan-title").text == (doc.title or doc.source)
    browser.get(f"{live.url}/plans/no-such-plan")
    _wait(browser, lambda d: "Không có kế hoạch" in d.find_element(By.ID, "status").text)


def test_tasks_filtered_by_unit_and_due_year_and_the_xlsx_download_holds_those_rows(browser, live, shots, downloads):
    from openpyxl import load_workbook
    from selenium.webdriver.common.by import By

    catalog = Catalog.of(_retriever(live))
    unit = "Phòng Kinh tế"
    years = sorted({t.due_year for t in catalog.tasks(unit=unit) if t.due_year})
    assert years, "the sample plans give Phòng Kinh tế tasks with a due year"
    year = years[0]
    expected = catalog.tasks(unit=unit, year=year)
    browser.get_log("browser")  # drop what earlier tests logged (a deliberate 404)
    browser.set_window_size(1280, 1000)
    browser.get(live.url + "/tasks")
    _wait(browser, lambda d: d.find_element(By.ID, "status").text.endswith("chỉ tiêu."))
    browser.find_element(By.ID, "unit").send_keys(unit)
    browser.find_element(By.ID, "year").send_keys(str(year))
    browser.find_element(By.ID, "apply").click()
    _wait(browser, lambda d: "unit=" in d.current_url
          and d.find_element(By.ID, "task-count").text == f"({len(expected)})")
    rows = browser.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")
    assert len(rows) == len(expected)
    for row, task in zip(rows, expected):
        assert unit.lower() in row.find_elements(By.TAG_NAME, "td")[1].text.lower()
        assert (task.deadline or "—") in row.text
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(shots / "task-table.png"))

    link = browser.find_element(By.ID, "tasks-xlsx")
    assert "format=xlsx" in link.get_attribute("href") and f"year={year}" in link.get_attribute("href")
    link.click()
    deadline = time.monotonic() + 30
    files: list[Path] = []
    while time.monotonic() < deadline:
        files = [p for p in downloads.glob("*.xlsx")]
        if files and not list(downloads.glob("*.crdownload")):
            break
        time.sleep(0.2)
    assert files, "the XLSX was downloaded"
    sheet = load_workbook(files[0]).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:2] == ("Địa phương", "Kế hoạch")
    assert len(values) - 1 == len(expected)
    assert [v[4] for v in values[1:]] == [t.text for t in expected]
    assert all(unit.lower() in (v[5] or "").lower() for v in values[1:])

    # one indicator compared across the plans that set it, drawn as inline SVG
    browser.find_element(By.ID, "compare-q").send_keys("bảo hiểm y tế")
    browser.find_element(By.CSS_SELECTOR, "#compare-form button").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg rect"))
    compared = catalog.compare("bảo hiểm y tế")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#chart svg rect.bar")) == len(compared.points) >= 2
    browser.execute_script("document.getElementById('cmp-title').scrollIntoView()")
    browser.save_screenshot(str(shots / "indicator-chart.png"))
    assert _severe_console_errors(browser) == []


def test_pages_are_readable_at_360_px(browser, live, shots):
    from selenium.webdriver.common.by import By

    doc = _retriever(live).documents()[0]
    browser.set_window_size(360, 800)
    try:
        for path, ready, shot in (("/", "#plan-list li", None), ("/tasks", "#tasks tbody tr", "phone-tasks.png"),
                                  (f"/plans/{doc.id}#L60-L70", ".pc.hit", "phone-viewer.png"),
                                  ("/admin", "#plan-list li", None)):
            browser.get(live.url + path)
            _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ready))
            assert _overflow(browser) <= 1, f"{path} is wider than 360 px"
            if shot:
                browser.save_screenshot(str(shots / shot))
    finally:
        browser.set_window_size(1280, 1000)


def test_keyboard_alone_asks_a_question_and_every_form_field_has_a_label(browser, live):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(live.url + "/")
    for _ in range(12):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.execute_script("return document.activeElement.id") == "question":
            break
    assert browser.execute_script("return document.activeElement.id") == "question"
    ActionChains(browser).send_keys("Phòng Kinh tế được giao những nhiệm vụ gì?", Keys.ENTER).perform()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#results .plan-card"))
    for path in ("/", "/tasks", "/admin"):
        browser.get(live.url + path)
        unlabelled = browser.execute_script("""
            return [...document.querySelectorAll('input, select, textarea')]
              .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
              .map(e => e.id || e.name);""")
        assert unlabelled == [], f"{path}: fields without a label: {unlabelled}"


def _docx_plan(path: Path) -> Path:
    from docx import Document

    d = Document()
    d.add_paragraph("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH")
    d.add_paragraph("Số: 15/KH-UBND")
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Phát triển du lịch cộng đồng xã Hòa Bình giai đoạn 2026 - 2028")
    d.add_paragraph("I. NHIỆM VỤ CỤ THỂ")
    table = d.add_table(rows=1, cols=5)
    for i, h in enumerate(["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]):
        table.rows[0].cells[i].text = h
    for row in (["Xây dựng homestay đạt chuẩn du lịch cộng đồng", "Phòng Kinh tế xã", "Đoàn Thanh niên xã",
                 "Quý IV/2027", "03 homestay đạt chuẩn"],
                ["Tổ chức lễ hội trà xanh", "Phòng Văn hóa - Xã hội", "Hội Phụ nữ xã", "Hằng năm", "Lễ hội trà xanh"]):
        cells = table.add_row().cells
        for i, value in enumerate(row):
            cells[i].text = value
    d.save(path)
    return path


def test_a_bad_file_is_refused_with_a_message_and_the_index_stays_as_it_was(browser, live, tmp_path):
    from selenium.webdriver.common.by import By

    before = live.app.state.planqa.current
    bad = tmp_path / "ke-hoach-hong.pdf"
    bad.write_bytes(b"this is not a PDF")
    browser.get(live.url + "/admin")
    browser.find_element(By.ID, "token").send_keys(TOKEN)
    browser.find_element(By.ID, "plan-file").send_keys(str(bad))
    browser.find_element(By.ID, "upload-button").click()
    _wait(browser, lambda d: "error" in d.find_element(By.ID, "status").get_attribute("class"), timeout=60)
    assert "PDF" in browser.find_element(By.ID, "status").text
    assert live.app.state.planqa.current is before
    assert not list((before.index_dir.parent / f"{before.index_dir.name}-uploads").glob("*.pdf"))


def test_an_uploaded_docx_is_answerable_without_a_restart(browser, live, tmp_path, shots):
    from selenium.webdriver.common.by import By

    count = len(_retriever(live).documents())
    plan = _docx_plan(tmp_path / "Kế hoạch du lịch Hòa Bình.docx")
    browser.get(live.url + "/admin")
    browser.find_element(By.ID, "token").clear()
    browser.find_element(By.ID, "token").send_keys(TOKEN)
    browser.find_element(By.ID, "plan-file").send_keys(str(plan))
    browser.find_element(By.ID, "upload-button").click()
    _wait(browser, lambda d: d.find_element(By.ID, "progress-box").is_displayed()
          or d.find_element(By.ID, "done-links").is_displayed(), timeout=30)
    _wait(browser, lambda d: d.find_element(By.ID, "done-links").is_displayed()
          or "error" in d.find_element(By.ID, "status").get_attribute("class"), timeout=UPLOAD_SECONDS)
    assert browser.find_element(By.ID, "done-links").is_displayed(), browser.find_element(By.ID, "status").text
    _wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#plan-list li")) == count + 1)
    browser.save_screenshot(str(shots / "admin-upload.png"))

    browser.get(live.url + "/")
    browser.find_element(By.ID, "question").send_keys("Ai chủ trì xây dựng homestay du lịch cộng đồng?")
    browser.find_element(By.ID, "ask-button").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#results .plan-card"))
    card = browser.find_elements(By.CSS_SELECTOR, "#results .plan-card")[0]
    assert "xã Hòa Bình" in card.text and "15/KH-UBND" in card.text
    assert "Phòng Kinh tế xã" in card.find_element(By.CSS_SELECTOR, ".facts").text
    assert "Quý IV/2027" in card.text
