"""The search page of the demo site in a real browser: queries, filters, highlighting,
keyboard use, links by URL, and no search bytes on other pages."""
import json
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def open_search(browser, server, **params):
    browser.get(f"{server}/search/index.html?{urllib.parse.urlencode(params)}")
    return wait_for_status(browser)


def wait_for_status(browser):
    WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.ID, "search-status").text not in ("", "正在搜索……"))
    return results(browser)


def results(browser):
    return [(item.find_element(By.CSS_SELECTOR, "h2 a").text,
             item.find_element(By.CSS_SELECTOR, "h2 a").get_attribute("href"))
            for item in browser.find_elements(By.CSS_SELECTOR, "#search-results li")]


def paths(found):
    return {href.split("/", 3)[3] for _, href in found}


def test_chinese_substrings(browser, server):
    for query in ("非法集资", "集资", "口腔医疗"):
        found = paths(open_search(browser, server, q=query))
        assert "cases/3-1/" in found, query
        assert "reports/VR-3-1/" in found, query
    assert "cases/33-2/" in paths(open_search(browser, server, q="假酒"))
    assert "cases/27-1/" in paths(open_search(browser, server, q="传销"))


def test_title_hits_rank_first_and_are_highlighted(browser, server):
    found = open_search(browser, server, q="非法集资")
    assert "非法集资" in found[0][0]
    marks = [mark.text for mark in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    assert "非法集资" in marks


def test_uscc_exact_and_prefix(browser, server, demo_site):
    manifest = json.loads((demo_site / "public/search/manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"] > 20
    subject_pages = [p.name for p in (demo_site / "public/subjects").iterdir() if p.name.startswith("914206")]
    assert subject_pages, "the dental company's subject page"
    uscc = subject_pages[0]
    exact = paths(open_search(browser, server, q=uscc))
    assert "records/REC-001/" in exact
    prefix = paths(open_search(browser, server, q=uscc[:8]))
    assert exact <= prefix
    assert open_search(browser, server, q=uscc.lower()), "letter case folds"


def test_full_width_and_half_width_fold(browser, server):
    assert paths(open_search(browser, server, q="ＲＥＣ")) == paths(open_search(browser, server, q="rec"))
    assert "records/REC-002/" in paths(open_search(browser, server, q="３０００"))


def test_region_and_kind_filters(browser, server):
    assert "records/REC-001/" in paths(open_search(browser, server, q="皓齿", region="湖北"))
    assert open_search(browser, server, q="皓齿", region="重庆") == []
    assert "records/REC-006/" in paths(open_search(browser, server, q="醇香坊", region="重庆"))
    # Case 33-2 spans five provinces, 湖北 among them; the Chongqing company's own record does not.
    assert "records/REC-006/" not in paths(open_search(browser, server, q="醇香坊", region="湖北"))
    records_only = paths(open_search(browser, server, q="有限公司", kind="record"))
    assert records_only and all(path.startswith("records/") for path in records_only)
    black = open_search(browser, server, list="black")
    assert black and all("严重失信主体名单" in title for title, _ in black)


def test_only_redacted_text_is_indexed(browser, server):
    assert open_search(browser, server, q="欧阳志强") == []
    assert browser.find_element(By.ID, "search-status").text.startswith("未找到")
    assert open_search(browser, server, q="欧阳某")
    assert open_search(browser, server, q="13872251234") == []


def test_keyboard_and_linkable_url(browser, server):
    browser.get(f"{server}/search/index.html")
    box = browser.find_element(By.ID, "q")
    box.send_keys("假酒", Keys.ENTER)
    found = wait_for_status(browser)
    assert "cases/33-2/" in paths(found)
    assert "q=%E5%81%87%E9%85%92" in browser.current_url
    # Tab reaches the results' links.
    focused = []
    for _ in range(40):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        focused.append(browser.switch_to.active_element.get_attribute("href") or "")
    assert any("/cases/33-2/" in href for href in focused)


def test_no_javascript_fallback_and_no_search_bytes_elsewhere(browser, server, demo_site):
    page = (demo_site / "public/search/index.html").read_text(encoding="utf-8")
    assert "<noscript>" in page and "JavaScript" in page
    browser.get(f"{server}/index.html")
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert not [name for name in resources if "/search/" in name]
    html = (demo_site / "public/index.html").read_text(encoding="utf-8")
    assert "<script" not in html


def test_home_page_search_box(browser, server):
    """A citizen types a company's name on the home page and lands on its results."""
    browser.get(f"{server}/index.html")
    box = browser.find_element(By.ID, "home-q")
    assert box.get_attribute("placeholder") == "名称或统一社会信用代码"
    box.send_keys("口腔医疗")
    box.send_keys(Keys.ENTER)
    found = paths(wait_for_status(browser))
    assert "/search/" in browser.current_url
    assert browser.find_element(By.ID, "q").get_attribute("value") == "口腔医疗"
    assert "cases/3-1/" in found


def test_second_page_counts_on(browser, server):
    """Results on page 2 are numbered 11, 12… (the list's start), not from 1 again."""
    first = open_search(browser, server, q="公司")
    assert len(first) == 10, len(first)
    assert browser.find_element(By.ID, "search-results").get_attribute("start") == "1"
    browser.find_element(By.XPATH, "//button[text()='下一页']").click()
    WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.ID, "search-results").get_attribute("start") == "11")
    second = wait_for_status(browser)
    assert second and not set(second) & set(first)
    assert browser.execute_script("return document.getElementById('search-results').start") == 11
