"""The web page in a real headless Chromium against the real app on loopback.

Skipped when Chromium or chromedriver is missing, unless PLANQA_REQUIRE_BROWSER=1
(CI sets it), where a missing browser is a failure. Screenshots go to a temp dir,
or to PLANQA_SCREENSHOT_DIR when set (to look at them).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from live_server import LiveServer

from bot.api import ApiSettings, create_app

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=vi"]


def _browser_paths() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium and Path("/usr/bin/chromium").exists():
        chromium = "/usr/bin/chromium"
    if not driver and Path("/usr/bin/chromedriver").exists():
        driver = "/usr/bin/chromedriver"
    if chromium and driver:
        return chromium, driver
    message = "chromium and chromedriver are needed (apt-get install -y chromium chromium-driver)"
    if os.environ.get("PLANQA_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)




@pytest.fixture(scope="module")
def live(retriever):
    app = create_app(retriever=retriever, settings=ApiSettings(rate_limit="600/minute"))
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium, driver_path = _browser_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    target = os.environ.get("PLANQA_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        return Path(target)
    return tmp_path_factory.mktemp("screenshots")


def _wait(driver, condition, timeout: float = 20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _severe_console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_ask_a_question_see_cited_answer_expand_result_and_open_outline(browser, live, shots, retriever):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select

    browser.set_window_size(1280, 1000)
    browser.get(live.url + "/")
    assert browser.title.startswith("planqa")
    docs = retriever.documents()
    # plans and the locality filter come from /documents
    _wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#plan-list li")) == len(docs))
    # each plan by the number the API cites it by (`cited_number`), a draft left unnumbered by none
    listed = browser.find_element(By.ID, "plan-list").text
    assert all(f"số {d.cited_number}" in listed for d in docs if d.cited_number)
    assert ("chưa ghi số" in listed) == any(d.cited_number is None for d in docs)
    localities = {d.locality.label for d in docs if d.locality.label}
    options = [o.get_attribute("value") for o in Select(browser.find_element(By.ID, "locality")).options]
    assert set(options) == localities | {""}

    box = browser.find_element(By.ID, "question")
    box.clear()
    box.send_keys("Ai chủ trì chỉ tiêu BHYT?")
    browser.find_element(By.ID, "ask-button").click()
    _wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#chips .chip")))
    answer = browser.find_element(By.ID, "answer-text").text
    assert answer.strip()
    chips = browser.find_elements(By.CSS_SELECTOR, "#chips .chip")
    assert 1 <= len(chips) <= 5
    assert "dòng" in chips[0].text  # plan · section · lines

    # the chip brings its card into focus: the facts, the quoted clause and a link into the plan
    first = browser.find_element(By.ID, "result-0")
    chips[0].click()
    _wait(browser, lambda d: d.execute_script("return document.activeElement.id") == "result-0")
    clause_text = first.find_element(By.CSS_SELECTOR, ".clause-text")
    assert clause_text.is_displayed() and clause_text.text.strip()
    assert first.find_element(By.CSS_SELECTOR, ".facts").is_displayed()
    link = first.find_element(By.CSS_SELECTOR, ".open-plan").get_attribute("href")
    assert "/plans/" in link and "#L" in link  # the viewer at the cited lines (tests/test_web_views.py)
    browser.save_screenshot(str(shots / "answer-desktop.png"))

    # an example question asks at once
    example = browser.find_elements(By.CSS_SELECTOR, ".example")[2]
    example.click()
    _wait(browser, lambda d: d.find_element(By.ID, "question").get_attribute("value") == example.text)
    _wait(browser, lambda d: d.find_element(By.ID, "status").text.startswith(("Tìm thấy", "Không có")))

    # locality filter: every cited plan is of that locality
    if localities:
        label = sorted(localities)[0]
        Select(browser.find_element(By.ID, "locality")).select_by_value(label)
        box = browser.find_element(By.ID, "question")
        box.clear()
        box.send_keys("tỷ lệ hộ nghèo")
        browser.find_element(By.ID, "ask-button").click()
        _wait(browser, lambda d: "tỷ lệ hộ nghèo" in d.find_element(By.ID, "question").get_attribute("value")
              and d.find_element(By.ID, "status").text.startswith(("Tìm thấy", "Không có")))
        for chip in browser.find_elements(By.CSS_SELECTOR, "#chips .chip"):
            assert chip.text.startswith(label), chip.text

    # plan outline with who leads each part
    browser.find_element(By.CSS_SELECTOR, "#plan-list li .link-button").click()
    _wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#outline-sections li")))
    assert browser.find_element(By.ID, "outline-title").text.strip()
    sections = browser.find_elements(By.CSS_SELECTOR, "#outline-sections li")
    assert len(sections) >= 3
    browser.save_screenshot(str(shots / "outline-desktop.png"))
    assert _severe_console_errors(browser) == []


def test_any_outline_shows_who_leads_sections(browser, live, retriever):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    browser.get(live.url + "/")
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#plan-list li .link-button"))
    badges = 0
    for i in range(len(retriever.documents())):
        browser.find_elements(By.CSS_SELECTOR, "#plan-list li .link-button")[i].click()
        _wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#outline-sections li")))
        title = retriever.documents()[i].title or retriever.documents()[i].source
        _wait(browser, lambda d: d.find_element(By.ID, "outline-title").text == title)
        badges += len(browser.find_elements(By.CSS_SELECTOR, "#outline-sections .badge"))
    assert badges > 0
    assert _severe_console_errors(browser) == []


def test_page_fits_a_phone_screen(browser, live, shots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    browser.set_window_size(390, 844)
    try:
        browser.get(live.url + "/")
        box = browser.find_element(By.ID, "question")
        box.send_keys("Xã An Hưng đặt mục tiêu tỷ lệ hộ nghèo bao nhiêu?")
        browser.find_element(By.ID, "ask-button").click()
        _wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#chips .chip")))
        _wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#result-0 .clause-text").is_displayed())
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"page is {overflow}px wider than a phone screen"
        button = browser.find_element(By.ID, "ask-button")
        assert button.size["width"] > 300, "the ask button spans the phone width"
        browser.save_screenshot(str(shots / "answer-phone.png"))
    finally:
        browser.set_window_size(1280, 1000)


def test_error_message_shows_for_an_over_long_question(browser, live):
    from selenium.webdriver.common.by import By

    browser.get(live.url + "/")
    # bypass the input's maxlength the way a pasted text through devtools would
    browser.execute_script("document.getElementById('question').removeAttribute('maxlength');"
                           "document.getElementById('question').value = 'a'.repeat(1001);")
    browser.find_element(By.ID, "ask-button").click()
    _wait(browser, lambda d: "1000" in d.find_element(By.ID, "status").text)
    assert "error" in browser.find_element(By.ID, "status").get_attribute("class")
