"""Recall as a citizen meets it: for company names, USCCs, document numbers and two-character
Han substrings across word boundaries, the pages the search finds are exactly the pages whose
visible main text holds the query (subject pages included), on the demo and on a synthetic site."""
import functools
import http.server
import pathlib
import random
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import QuietHandler, TODAY, gongshi_binary

KINDS = ("records", "cases", "reports", "commitments", "subjects")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")


def fold(text):
    return unicodedata.normalize("NFKC", text).lower()


@pytest.fixture(scope="module")
def synthetic_server():
    """A synthetic site whose frequent terms' lists are split into blocks of 8 documents, so
    that the client reads blocks from x/ files as a national index's queries do."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="gongshi-recall-"))
    binary = gongshi_binary()
    root = pathlib.Path(__file__).parents[2]
    site = folder / "site"
    site.mkdir()
    shutil.copytree(root / "content", site / "content")
    settings = (root / "site.toml").read_text(encoding="utf-8")
    (site / "site.toml").write_text(settings.replace("feed_items = 50", "feed_items = 50\nsearch_block_postings = 8"),
                                    encoding="utf-8")
    subprocess.run([binary, "demo", "--records", "120", "--seed", "3", "--out", str(folder / "s.sqlite"),
                    "--today", TODAY], check=True, capture_output=True)
    subprocess.run([binary, "build", "--snapshot", str(folder / "s.sqlite"), "--site", str(site),
                    "--out", str(folder / "public"), "--as-of", TODAY], check=True, capture_output=True)
    assert list((folder / "public/search/x").iterdir()), "lists in blocks"
    handler = functools.partial(QuietHandler, directory=str(folder / "public"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield folder / "public", f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


FIXED_TEXT = "main dt, main th, main h2, main .objection, main .disclosure"


def visible_pages(browser, server, public):
    """Each result-kind page's visible main text, folded, by path (index pages, numbered
    `2/`, `3/`..., aside), and the column's own fixed text: labels, headings, the objection
    block, disclosure notes, and lines on at least a quarter of the pages of a kind; with
    them, legal representatives' names, which subject pages show and the index leaves out."""
    pages = {}
    fixed = set()
    for kind in KINDS:
        lines = {}
        folders = [f for f in sorted((public / kind).iterdir()) if (f / "index.html").is_file() and not (f.name.isdigit() and len(f.name) < 6)]
        for folder in folders:
            path = f"{kind}/{folder.name}/"
            browser.get(f"{server}/{path}")
            text = fold(browser.find_element(By.TAG_NAME, "main").text)
            pages[path] = text
            fixed.update(fold(element.text) for element in browser.find_elements(By.CSS_SELECTOR, FIXED_TEXT))
            # Shown but not indexed on purpose: the column is searched for companies, not people.
            for term in browser.find_elements(By.CSS_SELECTOR, "main dt"):
                if term.text == "法定代表人（负责人）":
                    fixed.add(fold(term.find_element(By.XPATH, "following-sibling::dd[1]").text))
            for line in set(text.split("\n")):
                lines[line] = lines.get(line, 0) + 1
        fixed.update(line for line, count in lines.items() if count >= max(3, len(folders) // 4))
    return pages, fixed


def found(browser, server, query):
    if not browser.current_url.startswith(f"{server}/search/index.html"):
        browser.get(f"{server}/search/index.html")
    rows = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "window.gongshiSearch.allResults(arguments[0]).then(done, function (e) { done(String(e)); });", query)
    assert isinstance(rows, list), rows
    return {row[1].split("#", 1)[0] for row in rows if row}


def queries(browser, server, pages, seed):
    """Names and USCCs of subjects, document numbers of records, and Han pairs of the values shown."""
    chosen = []
    values = []
    for path in pages:
        if path.startswith("subjects/"):
            browser.get(f"{server}/{path}")
            name = browser.find_element(By.TAG_NAME, "h1").text
            chosen.append(name)
            values.append(name)
            slug = path.split("/")[1]
            if re.fullmatch(r"[0-9A-Z]{18}", slug):
                chosen.append(slug)
        if path.startswith("records/"):
            browser.get(f"{server}/{path}")
            for term in browser.find_elements(By.CSS_SELECTOR, "main dt"):
                if term.text == "决定文书号":
                    chosen.append(term.find_element(By.XPATH, "following-sibling::dd[1]").text)
            values += [div.text for div in browser.find_elements(By.CSS_SELECTOR, "main .markdown")]
    generator = random.Random(seed)
    runs = [run for value in values for run in HAN.findall(value)]
    for _ in range(40):
        run = generator.choice(runs)
        start = generator.randrange(len(run) - 1)
        chosen.append(run[start:start + 2])
    return list(dict.fromkeys(query for query in chosen if query))


def check_recall(browser, server, public, seed):
    pages, fixed = visible_pages(browser, server, public)
    assert any(path.startswith("subjects/") for path in pages)
    problems = []
    checked = 0
    for query in queries(browser, server, pages, seed):
        if any(fold(query) in text for text in fixed):
            continue  # the column's own words are not what a citizen looks up
        checked += 1
        expected = {path for path, text in pages.items() if fold(query) in text}
        got = found(browser, server, query)
        assert expected, query
        if got != expected:
            problems.append(f"{query}: missed {sorted(expected - got)}, extra {sorted(got - expected)}")
    assert checked >= 30, checked
    assert not problems, "\n".join(problems)


def test_demo_pages_found_are_the_pages_that_show_the_query(browser, server, demo_site):
    check_recall(browser, server, demo_site / "public", seed=1)


def test_synthetic_pages_found_are_the_pages_that_show_the_query(browser, synthetic_server):
    public, url = synthetic_server
    check_recall(browser, url, public, seed=2)


def test_blocked_lists_page_by_page(browser, synthetic_server):
    """A frequent term: the first page reads a few of its blocks, not all; paging on reads them in turn; the
    results are the ranked list of every match, and the count is known for one term."""
    public, url = synthetic_server
    browser.get(f"{url}/search/index.html")
    every = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "window.gongshiSearch.allResults('有限公司').then(function (rows) { done(rows.map(function (r) { return r[1]; })); });")
    assert len(every) > 30
    browser.get(f"{url}/search/index.html?q=公司")
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "search-status").text.startswith("找到"))
    status = browser.find_element(By.ID, "search-status").text
    assert re.fullmatch(r"找到 \d+ 条结果", status), status
    def blocks_read():
        names = browser.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
        return len([name for name in names if "/search/x/" in name])
    first = blocks_read()
    browser.execute_async_script(
        "var done = arguments[arguments.length - 1]; window.gongshiSearch.allResults('公司').then(function () { done(); });")
    assert first * 4 < blocks_read(), "the first page reads the newest blocks only"
    shown = []
    for page in range(1, 5):
        browser.get(f"{url}/search/index.html?q=有限公司&page={page}")
        WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "search-status").text not in ("", "正在搜索……"))
        shown += [a.get_attribute("href").split("/", 3)[3] for a in browser.find_elements(By.CSS_SELECTOR, "#search-results h2 a")]
    assert shown == every[:len(shown)] and len(shown) == 40


def test_client_query_terms_mirror_the_swift_tokenizer(browser, server):
    """The same expectations as SearchTokenizerTests.queryTerms, asked of the client."""
    browser.get(f"{server}/search/index.html")
    def terms(query):
        return [(t["type"], t["text"], t.get("prefix", False)) for t in
                browser.execute_script("return window.gongshiSearch.queryTerms(arguments[0]);", query)]
    assert terms("非法集资") == [("han", "非法", False), ("han", "集资", False)]
    assert terms("拖欠农民工工资") == [("han", "拖欠", False), ("han", "农民", False), ("han", "工工", False), ("han", "工资", False)]
    assert terms("假 酒") == [("han", "假", False), ("han", "酒", False)]
    assert terms("9135 x 913") == [("word", "9135", True), ("word", "x", False), ("word", "913", False)]
    assert terms("  ，。 ") == []
    assert terms("〔2026〕2号") == [("han", "号", False), ("word", "2026", True), ("word", "2", False), ("han", "2026~2", False)]
    assert terms("0000-1234") == [("word", "0000", True), ("word", "1234", True)]
    assert terms("２０２６ ２") == [("word", "2026", True), ("word", "2", False)]
