"""Open every page of the built book in headless Chromium and check what a reader sees.

A page fails when

- the browser console reports a JavaScript error (level SEVERE), or the page
  loads anything from outside the site (the book must work offline);
- a formula is not typeset: fewer MathJax-rendered formulas than math nodes,
  or a TeX delimiter (``\\(``, ``\\[``, ``$$``, ``\\begin{``) in the visible text;
- a LaTeX macro (e.g. ``\\grqq``) shows in the visible text outside code and math;
- a number in the prose is wrapped in quote marks (a glued string such as
  ``'3,899'``), a glued value is shown as a quoted string, or an output shows
  a numpy scalar repr (``np.float64(...)``) or a pandas ``dtype:`` dump;
- a plotly figure on it is empty (no trace drawn after loading) or lacks
  alternative text, a caption or a name for cross-references;
- two text boxes inside a plotly figure overlap, or a text box sticks out of
  its figure, at a desktop width (1400 px) or a phone width (390 px);
- one of its internal links points to a missing file or a missing anchor.

Per page it prints formulas typeset / math nodes, the numbers checked in the
prose, and the figure text overlaps at both widths.

Usage: python scripts/check_html.py [_build/html] [page.html ...]
Exit status 0 when every page passes; otherwise the failures are listed.
"""

from __future__ import annotations

import functools
import http.server
import re
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
WIDTHS = {"desktop": (1400, 900, False), "phone": (390, 844, True)}


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
                 "--disable-dev-shm-usage", "--window-size=1400,900"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_script_timeout(30)
    return driver


def _set_width(driver, name: str) -> None:
    width, height, mobile = WIDTHS[name]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


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

# Resolves when MathJax has typeset the page (or at once when the page has no MathJax).
_WAIT_MATHJAX = """
const done = arguments[arguments.length - 1];
const t0 = Date.now();
(function poll() {
  const mj = window.MathJax;
  if (mj && mj.startup && mj.startup.promise) { mj.startup.promise.then(() => done(true), () => done(false)); return; }
  if (Date.now() - t0 > 8000) { done(!document.querySelector('script[src*="mathjax" i]')); return; }
  setTimeout(poll, 100);
})();
"""

# Visible text outside code, math and outputs, per kind of region.
_PAGE_TEXT = """
const main = document.querySelector('main') || document.body;
const mathNodes = Array.from(main.querySelectorAll('span.math, div.math'));
const typeset = mathNodes.filter(n => n.querySelector('mjx-container')).length;
const SKIP = 'pre, code, script, style, textarea, mjx-container, .highlight, .cell_output, div.output, '
           + '.rc-plotly, .js-plotly-plot, .sig, .headerlink';
function visibleText(root, skip) {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {acceptNode(node) {
    const el = node.parentElement;
    if (!el || (skip && el.closest(skip))) return NodeFilter.FILTER_REJECT;
    if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') return NodeFilter.FILTER_REJECT;
    return NodeFilter.FILTER_ACCEPT;
  }});
  while (walker.nextNode()) out.push(walker.currentNode.nodeValue);
  return out.join('');
}
const outputs = Array.from(main.querySelectorAll('.cell_output, div.output')).map(o => o.innerText).join('\\n');
// inline glue ({glue:}, {glue:text}) renders as span.output or span.pasted-text
const pasted = Array.from(main.querySelectorAll('span.pasted-text, span.output')).map(p => p.textContent);
return {nodes: mathNodes.length, typeset: typeset,
        prose: visibleText(main, SKIP), outputs: outputs, pasted: pasted};
"""

# Text boxes of each plotly figure as quadrilaterals in page coordinates (rotated labels stay exact).
_FIGURE_TEXT = """
function quad(t) {
  const b = t.getBBox(), m = t.getScreenCTM();
  if (!m || b.width === 0 || b.height === 0) return null;
  return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
    .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
}
function shown(el) {
  for (let e = el; e && e.tagName !== 'DIV'; e = e.parentElement) {
    const cs = getComputedStyle(e);
    if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) return false;
  }
  return true;
}
return Array.from(document.querySelectorAll('.js-plotly-plot')).map(f => {
  const r = f.getBoundingClientRect();
  const texts = Array.from(f.querySelectorAll('svg text')).filter(t =>
    t.textContent.trim() && !t.closest('.hoverlayer') && shown(t));
  return {id: f.id, box: [r.left, r.top, r.right, r.bottom],
          texts: texts.map(t => ({text: t.textContent.trim().slice(0, 40), quad: quad(t)})).filter(t => t.quad)};
});
"""

# A TeX delimiter or environment left as text means MathJax did not typeset it.
_TEX_DELIMITER = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\\begin\{")
# A LaTeX control word in rendered prose (\grqq, \frac, \emph, ...).
_LATEX_MACRO = re.compile(r"\\[A-Za-z]{2,}")
# A number wrapped in quote marks: how a glued string renders ('3,899', '12.5%').
_QUOTED_NUMBER = re.compile(r"(?<![\w])['‘’\"“”][-−+]?\d[\d,.]*\s?%?['‘’\"“”](?![\w])")
_NUMBER = re.compile(r"(?<![\w.])[-−]?\d[\d,]*(?:\.\d+)?%?")
_NUMPY_REPR = re.compile(r"\bnp\.(?:float|int|uint|bool|str)\w*\(")
_SERIES_DUMP = re.compile(r"\bdtype: \w+")


def _separated(a, b) -> bool:
    """True when a separating axis exists between two convex quadrilaterals."""
    for poly in (a, b):
        for i in range(4):
            (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % 4]
            nx, ny = y2 - y1, x1 - x2
            pa = [nx * x + ny * y for x, y in a]
            pb = [nx * x + ny * y for x, y in b]
            norm = (nx * nx + ny * ny) ** 0.5 or 1.0
            # a gap, or an overlap of at most 1.5 px (glyph boxes include line spacing)
            if min(pa) >= max(pb) - 1.5 * norm or min(pb) >= max(pa) - 1.5 * norm:
                return True
    return False


def figure_text_problems(figures: list[dict]) -> tuple[list[str], int]:
    """Overlapping or cut-off text inside plotly figures; returns (problems, overlaps)."""
    problems, overlaps = [], 0
    for fig in figures:
        texts = fig["texts"]
        left, top, right, bottom = fig["box"]
        for t in texts:
            xs = [p[0] for p in t["quad"]]
            ys = [p[1] for p in t["quad"]]
            if min(xs) < left - 2 or max(xs) > right + 2 or min(ys) < top - 2 or max(ys) > bottom + 2:
                problems.append(f"text {t['text']!r} is cut off at the edge of figure {fig['id']!r}")
        for i, a in enumerate(texts):
            for b in texts[i + 1:]:
                if not _separated(a["quad"], b["quad"]):
                    overlaps += 1
                    problems.append(f"texts {a['text']!r} and {b['text']!r} overlap in figure {fig['id']!r}")
    return problems, overlaps


def text_problems(page: dict) -> tuple[list[str], int]:
    """Defects in a page's visible text; returns (problems, numbers checked)."""
    problems = []
    prose = page["prose"]
    if page["typeset"] < page["nodes"]:
        problems.append(f"{page['nodes'] - page['typeset']} of {page['nodes']} formulas not typeset")
    for pattern, what in ((_TEX_DELIMITER, "TeX delimiter"), (_LATEX_MACRO, "LaTeX macro")):
        found = sorted(set(pattern.findall(prose)))
        if found:
            problems.append(f"{what} in the visible text: {', '.join(found[:8])}")
    quoted = sorted(set(_QUOTED_NUMBER.findall(prose)))
    if quoted:
        problems.append(f"number in quote marks in the prose: {', '.join(quoted[:8])}")
    glued_strings = sorted({p for p in page["pasted"] if re.fullmatch(r"\s*['‘\"“].*['’\"”]\s*", p)})
    if glued_strings:
        problems.append(f"glued value shown as a quoted string: {', '.join(glued_strings[:8])}")
    for pattern, what in ((_NUMPY_REPR, "numpy scalar repr"), (_SERIES_DUMP, "pandas dtype dump")):
        hits = len(pattern.findall(page["outputs"])) + len(pattern.findall(prose))
        if hits:
            problems.append(f"{hits} x {what} in the outputs shown to readers")
    return problems, len(_NUMBER.findall(prose))


def _load(driver, url: str) -> list[dict]:
    driver.get(url)
    deadline = time.time() + 15
    while driver.execute_script("return document.readyState") != "complete" and time.time() < deadline:
        time.sleep(0.1)
    state = driver.execute_script(_FIGURE_STATE)
    while any(not f["drawn"] for f in state) and time.time() < deadline:
        time.sleep(0.2)
        state = driver.execute_script(_FIGURE_STATE)
    driver.execute_async_script(_WAIT_MATHJAX)
    time.sleep(0.3)  # plotly's responsive resize after the last layout change
    return state


def check_pages(root: Path, pages: list[Path], port: int) -> tuple[list[str], list[str], int]:
    """Browser checks; returns (problems, per-page report lines, number of figures)."""
    driver = _browser()
    problems, report, figures = [], [], 0
    try:
        for page in pages:
            rel = page.relative_to(root).as_posix()
            url = f"http://127.0.0.1:{port}/{rel}"
            overlaps = {}
            for width in WIDTHS:
                _set_width(driver, width)
                state = _load(driver, url)
                fig_problems, overlaps[width] = figure_text_problems(driver.execute_script(_FIGURE_TEXT))
                problems += [f"{rel} at {WIDTHS[width][0]} px: {p}" for p in fig_problems]
                for entry in driver.get_log("browser"):  # read per load, so errors stay with their page
                    if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]:
                        problems.append(f"{rel} at {WIDTHS[width][0]} px: JavaScript error: {entry['message']}")
                if width != "desktop":
                    continue
                figures += len({f["id"] for f in state})
                for fig in state:
                    if not fig["drawn"] or fig["traces"] == 0:
                        problems.append(f"{rel}: empty plotly figure {fig['id']!r}")
                    if not fig["alt"]:
                        problems.append(f"{rel}: figure {fig['id']!r} has no alternative text")
                    if not fig["caption"] or not fig["named"]:
                        problems.append(f"{rel}: figure {fig['id']!r} lacks a caption or a name for cross-references")
                text = driver.execute_script(_PAGE_TEXT)
                page_problems, numbers = text_problems(text)
                problems += [f"{rel}: {p}" for p in page_problems]
                external = driver.execute_script(
                    "return performance.getEntriesByType('resource').map(e => e.name)"
                    ".filter(n => !n.startsWith(location.origin) && !n.startsWith('data:'))")
                problems += [f"{rel}: loads {u} from outside the site" for u in sorted(set(external))]
                n_figs = len({f["id"] for f in state})
            report.append(f"{rel}: formulas {text['typeset']}/{text['nodes']} typeset, {numbers} numbers checked, "
                          f"{n_figs} figures, text overlaps {overlaps['desktop']} at 1400 px / "
                          f"{overlaps['phone']} at 390 px")
    finally:
        driver.quit()
    return problems, report, figures


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
    if len(argv) > 2:  # check only the named pages
        pages = [root / name for name in argv[2:]]
    server, port = _serve(root)
    try:
        browser_problems, report, figures = check_pages(root, pages, port)
    finally:
        server.shutdown()
    problems += browser_problems
    for line in report:
        print(line)
    print(f"checked {len(pages)} pages and {figures} plotly figures in headless Chromium at 1400 and 390 px")
    for p in problems:
        print("FAIL", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
