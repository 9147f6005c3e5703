"""Open every page of the built book in headless Chromium and check it.

A page fails when

- the browser console reports a JavaScript error (level SEVERE),
- a plotly figure on it is empty (no trace drawn after loading) or lacks
  alternative text, a caption or a name for cross-references, or
- one of its internal links points to a missing file or a missing anchor.

Usage: python scripts/check_html.py [_build/html]
Exit status 0 when every page passes; otherwise the failures are listed.
"""

from __future__ import annotations

import functools
import http.server
import socketserver
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

SKIP_PAGES = {"genindex.html", "search.html", "py-modindex.html"}
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def broken_links(root: Path, pages: list[Path]) -> list[str]:
    """Internal links whose target file or anchor does not exist."""
    parsed = {}

    def parse(path: Path) -> _Anchors:
        if path not in parsed:
            p = _Anchors()
            p.feed(path.read_text(encoding="utf-8", errors="replace"))
            parsed[path] = p
        return parsed[path]

    problems = []
    for page in pages:
        for href in parse(page).links:
            url = urlparse(href)
            if url.scheme or href.startswith(("mailto:", "javascript:", "//")):
                continue
            target_part, fragment = urldefrag(href)
            target = (page.parent / unquote(target_part)).resolve() if target_part else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{page.relative_to(root)}: link to missing {href}")
                continue
            if fragment and target.suffix == ".html" and unquote(fragment) not in parse(target).ids:
                problems.append(f"{page.relative_to(root)}: link to missing anchor {href}")
    return problems


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(root: Path) -> tuple[socketserver.TCPServer, int]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def _browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


# Errors that come from the sandbox having no internet, not from the book.
_OFFLINE_NOISE = ("net::ERR_", "Failed to load resource", "ERR_NAME_NOT_RESOLVED", "ERR_CONNECTION")

_FIGURE_STATE = """
const figs = Array.from(document.querySelectorAll('.rc-plotly, .js-plotly-plot, .plotly-graph-div'));
return figs.map(f => {
  const box = f.closest('.rc-plotly') || f;
  const fig = f.closest('figure');
  return {id: f.id,
    drawn: !!f.querySelector('.main-svg'),
    traces: (f.data || []).length,
    alt: box.getAttribute('aria-label') || '',
    caption: fig && fig.querySelector('figcaption') ? fig.querySelector('figcaption').textContent.trim() : '',
    named: !!(fig && fig.id)};
});
"""


def check_pages(root: Path, pages: list[Path]) -> tuple[list[str], int]:
    server, port = _serve(root)
    driver = _browser()
    problems, figures = [], 0
    try:
        for page in pages:
            rel = page.relative_to(root).as_posix()
            driver.get(f"http://127.0.0.1:{port}/{rel}")
            deadline = time.time() + 10
            while driver.execute_script("return document.readyState") != "complete" and time.time() < deadline:
                time.sleep(0.1)
            state = driver.execute_script(_FIGURE_STATE)
            while any(not f["drawn"] for f in state) and time.time() < deadline:
                time.sleep(0.2)
                state = driver.execute_script(_FIGURE_STATE)
            figures += len({f["id"] for f in state})
            for fig in state:
                if not fig["drawn"] or fig["traces"] == 0:
                    problems.append(f"{rel}: empty plotly figure {fig['id']!r}")
                if not fig["alt"]:
                    problems.append(f"{rel}: figure {fig['id']!r} has no alternative text")
                if not fig["caption"] or not fig["named"]:
                    problems.append(f"{rel}: figure {fig['id']!r} lacks a caption or a name for cross-references")
            for entry in driver.get_log("browser"):
                if entry["level"] == "SEVERE" and not any(n in entry["message"] for n in _OFFLINE_NOISE):
                    problems.append(f"{rel}: JavaScript error: {entry['message']}")
    finally:
        driver.quit()
        server.shutdown()
    return problems, figures


def main(argv: list[str]) -> int:
    root = Path(argv[1] if len(argv) > 1 else "_build/html").resolve()
    if not (root / "index.html").exists():
        print(f"no built book at {root}: run `make book` first", file=sys.stderr)
        return 2
    pages = sorted(
        p for p in root.rglob("*.html")
        if p.name not in SKIP_PAGES and not {"_static", "_sources", "_images"} & set(p.relative_to(root).parts)
    )
    problems = broken_links(root, pages)
    browser_problems, figures = check_pages(root, pages)
    problems += browser_problems
    print(f"checked {len(pages)} pages and {figures} plotly figures in headless Chromium")
    for p in problems:
        print("FAIL", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
