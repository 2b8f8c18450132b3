"""The reviewer preview in a real browser: the highlight names its rule, the original text
is hidden until the reviewer toggles it."""
import contextlib
import socket
import subprocess
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, gongshi_binary


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_preview(demo_site, folder, *extra):
    """`gongshi preview` on the demo on a free loopback port, its access log in `folder`;
    yields its address and log once it answers."""
    port = free_port()
    log = folder / "access.log"
    process = subprocess.Popen(
        [gongshi_binary(), "preview", "--snapshot", str(demo_site / "demo.sqlite"), "--site", str(ROOT), "--port", str(port),
         "--access-log", str(log), *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/_preview/login", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def preview(demo_site, tmp_path_factory):
    with running_preview(demo_site, tmp_path_factory.mktemp("preview")) as (base, _):
        yield base


def test_toggle_original_and_read_rule(browser, preview):
    browser.get(preview + "/records/REC-011/")
    banner = browser.find_element(By.CSS_SELECTOR, ".preview-banner").text
    assert "审核预览" in banner and "已审核" in banner
    highlight = browser.find_element(By.CSS_SELECTOR, 'main .redaction[data-rule="id_number"]')
    assert highlight.get_attribute("title") == "已作技术处理：身份证号"
    original = highlight.find_element(By.CSS_SELECTOR, ".original")
    assert not original.is_displayed()
    assert "4206" in highlight.find_element(By.CSS_SELECTOR, ".masked").text
    # The page holds no original: the toggle fetches them.
    assert "420602197803140513" not in browser.page_source
    browser.find_element(By.ID, "preview-toggle").click()
    WebDriverWait(browser, 10).until(lambda _: original.is_displayed())
    assert original.text.startswith("4206") and len(original.text) == 18
    assert browser.find_element(By.ID, "preview-toggle").get_attribute("aria-pressed") == "true"
    browser.find_element(By.ID, "preview-toggle").click()
    assert not original.is_displayed()


def test_draft_banner(browser, preview):
    browser.get(preview + "/")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a")]
    assert any(href.endswith("/records/REC-012/") for href in links)
    browser.get(preview + "/records/REC-012/")
    assert "草稿" in browser.find_element(By.CSS_SELECTOR, ".preview-review").text
    assert browser.find_element(By.CSS_SELECTOR, 'meta[name="robots"]').get_attribute("content") == "noindex, nofollow"


def test_phone_banner_leaves_the_page_to_the_reader(browser, preview):
    """At 390 px the banner is in Chinese, scrolls away with the page, and the toggle works."""
    size = browser.get_window_size()
    try:
        browser.set_window_size(390, 844)
        browser.get(preview + "/records/REC-011/")
        banner = browser.find_element(By.CSS_SELECTOR, ".preview-banner")
        assert "信用记录 REC-011" in banner.text and "records[" not in banner.text
        viewport = browser.execute_script("return window.innerHeight")
        browser.execute_script("window.scrollTo(0, 900)")
        bottom = browser.execute_script(
            "return document.querySelector('.preview-banner').getBoundingClientRect().bottom")
        assert bottom <= viewport * 0.25, f"the banner covers {bottom} of {viewport} px after scrolling"
        legend = [item.get_attribute("title") for item in
                  browser.find_elements(By.CSS_SELECTOR, ".preview-legend .redaction")]
        assert legend and all(title.startswith("已作技术处理：") for title in legend), legend
        browser.execute_script("window.scrollTo(0, 0)")
        browser.find_element(By.ID, "preview-toggle").click()
        WebDriverWait(browser, 10).until(
            lambda _: browser.find_element(By.ID, "preview-toggle").get_attribute("aria-pressed") == "true")
    finally:
        browser.set_window_size(size["width"], size["height"])


@pytest.fixture(scope="module")
def preview_with_login(demo_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("preview-login")
    users = folder / "users"
    subprocess.run([gongshi_binary(), "preview-user", "add", "审核员甲", "--users", str(users)],
                   input="a long test password\n", text=True, check=True, capture_output=True)
    with running_preview(demo_site, folder, "--users", str(users)) as running:
        yield running


def test_login_then_reveal_is_logged(browser, preview_with_login):
    """A reviewer sent to a row logs in on the form, lands on the row, reveals its originals
    (the Secure, HttpOnly session cookie works on http://127.0.0.1), and the reveal is logged."""
    base, log = preview_with_login
    browser.delete_all_cookies()
    browser.get(base + "/records/REC-011/")
    assert browser.current_url.startswith(base + "/_preview/login")
    assert "420602" not in browser.page_source
    browser.find_element(By.ID, "name").send_keys("审核员甲")
    browser.find_element(By.ID, "password").send_keys("a long test password")
    browser.find_element(By.CSS_SELECTOR, ".preview-login button").click()
    WebDriverWait(browser, 10).until(lambda _: browser.current_url == base + "/records/REC-011/")
    assert "审核人员：审核员甲" in browser.find_element(By.CSS_SELECTOR, ".preview-banner").text
    cookie = browser.get_cookie("gongshi_preview")
    assert cookie and cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Strict"
    assert browser.execute_script("return document.cookie") == ""
    browser.find_element(By.ID, "preview-toggle").click()
    original = browser.find_element(By.CSS_SELECTOR, 'main .redaction[data-rule="id_number"] .original')
    WebDriverWait(browser, 10).until(lambda _: original.is_displayed())
    assert original.text == "420602197803140513"
    assert '"event":"reveal"' in log.read_text() and '"reviewer":"审核员甲"' in log.read_text()
    browser.find_element(By.CSS_SELECTOR, ".preview-logout button").click()
    WebDriverWait(browser, 10).until(lambda _: "/_preview/login" in browser.current_url)
    browser.get(base + "/records/REC-011/")
    assert browser.current_url.startswith(base + "/_preview/login")


def test_row_report_toggle_fills_the_original_column(browser, preview):
    browser.get(preview + "/_preview/redactions/records/REC-011/")
    cells = browser.find_elements(By.CSS_SELECTOR, ".preview-table .original")
    assert cells and all(not cell.is_displayed() and cell.get_attribute("textContent") == "" for cell in cells)
    browser.find_element(By.ID, "preview-toggle").click()
    WebDriverWait(browser, 10).until(lambda _: cells[0].is_displayed())
    texts = [cell.text for cell in cells]
    assert "420602197803140513" in texts, texts
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, ".preview-table th")]
    assert "原文" in headers
    fields = browser.find_element(By.CSS_SELECTOR, ".preview-table tbody td").text
    assert "失信事实" in fields and "facts_md" not in fields, fields
