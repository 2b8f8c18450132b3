"""Shared fixtures of the browser tests: the demo site built by the gongshi binary, served on
a free loopback port, and a headless Chromium driven through selenium."""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
TODAY = "2026-11-24"


def gongshi_binary():
    for candidate in (os.environ.get("GONGSHI"), ROOT / ".build/debug/gongshi", ROOT / ".build/release/gongshi"):
        if candidate and pathlib.Path(candidate).is_file():
            return str(candidate)
    pytest.fail("no gongshi binary: run `swift build` first")


@pytest.fixture(scope="session")
def demo_site():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="gongshi-browser-"))
    binary = gongshi_binary()
    subprocess.run([binary, "demo", "--out", str(folder / "demo.sqlite"), "--today", TODAY], check=True)
    subprocess.run([binary, "build", "--snapshot", str(folder / "demo.sqlite"), "--site", str(ROOT),
                    "--out", str(folder / "public"), "--as-of", TODAY], check=True, capture_output=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def server(demo_site):
    handler = functools.partial(QuietHandler, directory=str(demo_site / "public"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
