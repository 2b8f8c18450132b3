"""The reviewer preview in a real browser: the highlight names its rule, the original text
is hidden until the reviewer toggles it."""
import socket
import subprocess
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By

from conftest import ROOT, gongshi_binary


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def preview(demo_site):
    port = free_port()
    process = subprocess.Popen(
        [gongshi_binary(), "preview", "--snapshot", str(demo_site / "demo.sqlite"), "--site", str(ROOT), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


def test_toggle_original_and_read_rule(browser, preview):
    browser.get(preview + "/records/REC-011/")
    banner = browser.find_element(By.CSS_SELECTOR, ".preview-banner").text
    assert "审核预览" in banner and "已审核" in banner
    highlight = browser.find_element(By.CSS_SELECTOR, 'main .redaction[data-rule="id_number"]')
    assert highlight.get_attribute("title") == "已作技术处理：身份证号"
    original = highlight.find_element(By.CSS_SELECTOR, ".original")
    assert not original.is_displayed()
    assert "4206" in highlight.find_element(By.CSS_SELECTOR, ".masked").text
    browser.find_element(By.ID, "preview-toggle").click()
    assert original.is_displayed()
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
        assert browser.find_element(By.ID, "preview-toggle").get_attribute("aria-pressed") == "true"
    finally:
        browser.set_window_size(size["width"], size["height"])
