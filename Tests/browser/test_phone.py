"""The public pages as citizens on phones meet them, many of them older: type and tap-target
sizes at 390 px, and the 长者模式 switch, which works with JavaScript off."""
import shutil

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

PAGES = ["index.html", "records/REC-011/index.html", "lists/black/index.html", "cases/index.html", "search/index.html",
         "data/index.html"]


def px(value):
    return float(value.replace("px", ""))


@pytest.fixture(scope="module")
def phone_without_javascript():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,844"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    yield driver
    driver.quit()


@pytest.mark.parametrize("page", PAGES)
def test_phone_type_and_tap_targets(browser, server, page):
    size = browser.get_window_size()
    try:
        browser.set_window_size(390, 844)
        browser.get(f"{server}/{page}")
        assert px(browser.find_element(By.TAG_NAME, "body").value_of_css_property("font-size")) >= 18
        targets = browser.find_elements(By.CSS_SELECTOR, "nav a, .elder-label, .pagination a, .downloads a, button, select")
        assert targets
        small = [(t.text, t.size["height"]) for t in targets if t.is_displayed() and t.size["height"] < 44]
        assert not small, small
    finally:
        browser.set_window_size(size["width"], size["height"])


def test_elder_mode_without_javascript(phone_without_javascript, server):
    browser = phone_without_javascript
    # JavaScript is off indeed: the search page shows its fallback.
    browser.get(f"{server}/search/index.html")
    assert any("需要浏览器启用 JavaScript" in p.text for p in browser.find_elements(By.CSS_SELECTOR, "p.notice"))
    browser.get(f"{server}/records/REC-011/index.html")
    body = browser.find_element(By.TAG_NAME, "body")
    before = px(body.value_of_css_property("font-size"))
    label = browser.find_element(By.CSS_SELECTOR, "label.elder-label")
    assert label.text == "长者模式"
    label.click()
    assert browser.find_element(By.ID, "elder-mode").is_selected()
    after = px(body.value_of_css_property("font-size"))
    assert after >= before * 1.3, (before, after)
    assert body.value_of_css_property("color") in ("rgba(0, 0, 0, 1)", "rgb(0, 0, 0)")
    assert label.size["height"] >= 44
    # The site's name keeps its colour; the links of the page get the mode's.
    title = browser.find_element(By.CSS_SELECTOR, ".site-title a").value_of_css_property("color")
    link = browser.find_element(By.CSS_SELECTOR, "main a").value_of_css_property("color")
    assert title in ("rgba(179, 38, 30, 1)", "rgb(179, 38, 30)") and link in ("rgba(0, 51, 160, 1)", "rgb(0, 51, 160)"), (title, link)
    label.click()
    assert px(body.value_of_css_property("font-size")) == before
