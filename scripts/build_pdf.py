"""Print the built book to PDF in headless Chromium: one file per page, one for the book.

Each page of the table of contents is opened from a local web server, math is
typeset by the MathJax copy served with the site and figures are drawn by the
local plotly.js, then Chromium's own print engine (with the book's print
stylesheet) writes the PDF. Nothing is downloaded: Chromium comes from
Debian's packages, pypdf from PyPI.

The PDFs are checked before the script exits 0:

- every page printed to at least one PDF page;
- no raw TeX in the text layer (``\\frac``, ``\\[``, ``$$``, ...), which
  would mean that math was not typeset;
- with ``--edition student``, no solution text (the student edition is built
  with ``student_edition = True``, see ``regional_clusters._editions``);
- the HTML of both editions: the teacher edition (``--teacher-html``) has
  one solution per ``{solution}`` directive in the sources, the student
  edition none.

Usage: python scripts/build_pdf.py HTML_DIR OUT_DIR [--edition student|teacher] [--teacher-html DIR]
"""

from __future__ import annotations

import argparse
import base64
import re
import sys
import time
from pathlib import Path

import yaml
from pypdf import PdfReader, PdfWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_html import _browser, _serve  # noqa: E402  (one browser set-up for both scripts)

RAW_TEX = re.compile(r"\\(frac|sum|sigma|beta|mathrm|text|left|right|begin|end|cdot|hat|bar)\b|\\\[|\\\(|\$\$")
SOLUTION_TEXT = re.compile(r"Solution to Exercise", re.I)

_READY = """
const done = arguments[arguments.length - 1];
const figuresDrawn = () => Array.from(document.querySelectorAll('.rc-plotly'))
    .every(f => f.querySelector('.main-svg'));
const math = (window.MathJax && MathJax.startup && MathJax.startup.promise) || Promise.resolve();
math.then(() => {
  const start = Date.now();
  (function wait() {
    if (figuresDrawn() || Date.now() - start > 15000) { done(true); } else { setTimeout(wait, 200); }
  })();
}).catch(() => done(false));
"""


def toc_pages(root: Path) -> list[str]:
    """Document names in the order of ``_toc.yml``."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    order = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                order.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return order


def print_pages(html_dir: Path, docnames: list[str], out_dir: Path) -> list[Path]:
    server, port = _serve(html_dir)
    driver = _browser()
    driver.set_script_timeout(60)
    # lay the page out at the printed width (A4 less margins, about 680 CSS px), so that
    # figures are drawn for the paper, not for a desktop screen, and nothing is cut off
    driver.set_window_size(700, 1000)
    pdfs = []
    try:
        for doc in docnames:
            driver.get(f"http://127.0.0.1:{port}/{doc}.html")
            driver.execute_async_script(_READY)
            printed = driver.execute_cdp_cmd("Page.printToPDF", {
                "printBackground": True, "paperWidth": 8.27, "paperHeight": 11.69,
                "marginTop": 0.6, "marginBottom": 0.6, "marginLeft": 0.6, "marginRight": 0.6,
                "displayHeaderFooter": True, "headerTemplate": "<span></span>",
                "footerTemplate": '<div style="font-size:8px;width:100%;text-align:center;">'
                                  '<span class="title"></span> · <span class="pageNumber"></span></div>',
            })
            target = out_dir / "chapters" / f"{doc.replace('/', '__')}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(printed["data"]))
            pdfs.append(target)
    finally:
        driver.quit()
        server.shutdown()
    return pdfs


SOLUTION_NODE = re.compile(r'class="[^"]*\bsolution\b')
SOLUTION_DIRECTIVE = re.compile(r"^[`:]{3,}\{solution(?:-start)?\}", re.M)


def check_editions(root: Path, docnames: list[str], student_html: Path, teacher_html: Path | None) -> list[str]:
    """Solutions: all of them in the teacher edition, none in the student edition."""
    problems = []
    for doc in docnames:
        source = root / f"{doc}.md"
        expected = len(SOLUTION_DIRECTIVE.findall(source.read_text(encoding="utf-8"))) if source.exists() else 0
        student = (student_html / f"{doc}.html").read_text(encoding="utf-8")
        if SOLUTION_NODE.search(student) or SOLUTION_TEXT.search(student):
            problems.append(f"{doc}: solution in the student edition's HTML")
        if teacher_html is not None:
            teacher = (teacher_html / f"{doc}.html").read_text(encoding="utf-8")
            found = len(re.findall(r'<div class="[^"]*\bsolution\b[^"]*"', teacher))
            if found != expected:
                problems.append(f"{doc}: {found} solutions in the teacher edition's HTML, {expected} in the source")
    return problems


def check_pdf(path: Path, *, student: bool) -> tuple[int, list[str]]:
    reader = PdfReader(path)
    problems = []
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    if not reader.pages:
        problems.append(f"{path.name}: no pages")
    tex = RAW_TEX.search(text)
    if tex:
        problems.append(f"{path.name}: raw TeX in the text ({tex.group(0)!r}): math was not typeset")
    if student and SOLUTION_TEXT.search(text):
        problems.append(f"{path.name}: solution text in the student edition")
    return len(reader.pages), problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--edition", choices=["student", "teacher"], default="student")
    parser.add_argument("--teacher-html", type=Path, default=None,
                        help="built teacher edition, to check that it has every solution")
    args = parser.parse_args(argv)
    start = time.time()
    root = Path(__file__).resolve().parents[1]
    html_dir = args.html_dir.resolve()
    if not (html_dir / "index.html").exists():
        print(f"no built book at {html_dir}", file=sys.stderr)
        return 2
    docnames = toc_pages(root)
    problems = []
    if args.edition == "student":
        teacher = args.teacher_html.resolve() if args.teacher_html else None
        problems += check_editions(root, docnames, html_dir, teacher)
    pdfs = print_pages(html_dir, docnames, args.out_dir)
    writer, total = PdfWriter(), 0
    for doc, pdf in zip(docnames, pdfs):
        pages, found = check_pdf(pdf, student=args.edition == "student")
        problems += found
        writer.append(str(pdf), outline_item=doc.rsplit("/", 1)[-1].replace("_", " "))
        total += pages
    book = args.out_dir / f"regional-clusters-{args.edition}.pdf"
    with book.open("wb") as handle:
        writer.write(handle)
    print(f"{args.edition} edition: {len(pdfs)} pages of the book printed to {total} PDF pages "
          f"in {time.time() - start:.0f} s -> {book}")
    for problem in problems:
        print("FAIL", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
