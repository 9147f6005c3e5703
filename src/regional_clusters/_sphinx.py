"""Sphinx extension for the compendium's HTML.

- Serves the plotly.js bundle that ships with the installed plotly package
  and loads it once per page, so figures render offline and pages stay small.
- Reads glued numpy scalars: NumPy 2 shows ``np.float64(0.5)`` as the plain
  text of a scalar, which myst-nb's ``{glue:}`x:.2f``` formatting cannot
  parse; the numeric value inside is used instead, so chapters may glue
  numpy results directly.
- Points the Colab launch button at the executed ``.ipynb`` that the build
  writes to ``_sources/`` and that is published with the site on the
  ``gh-pages`` branch: Colab opens notebooks from GitHub, but not MyST
  markdown files.
- Serves MathJax from the built site: the MathJax 3 bundle pinned on PyPI as
  ``sphinx-mathjax-offline`` (in the ``book`` extra and the lock file) is
  copied to ``_static/mathjax`` and ``mathjax_path`` points at it, so a reader
  without network still sees typeset formulas and no CDN is contacted.
- Removes duplicated inline scripts: sphinx-thebe registers its configuration
  script again whenever documents are re-read, and the second ``const``
  declaration is a JavaScript error in the browser. The page's script list is
  edited in place: it is the builder's own list, to which the math extension
  adds MathJax later in the same event; replacing the list would drop it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

_NUMPY_SCALAR = re.compile(r"^np\.[a-z_]+\d*\((.*)\)$", re.S)


def _numpy_aware(format_plain_text):
    def wrapped(text: str, fmt_spec: str) -> str:
        match = _NUMPY_SCALAR.match(text.strip())
        return format_plain_text(match.group(1) if match else text, fmt_spec)

    return wrapped


def _patch_glue_formatting() -> None:
    import myst_nb.core.variables as variables
    import myst_nb.ext.glue.crossref as crossref
    import myst_nb.ext.glue.roles as roles

    if getattr(variables.format_plain_text, "_numpy_aware", False):
        return
    wrapped = _numpy_aware(variables.format_plain_text)
    wrapped._numpy_aware = True
    for module in (variables, crossref, roles):
        module.format_plain_text = wrapped


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = (getattr(script, "filename", None) or "", repr(sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique  # in place: see the module docstring


_COLAB_MD = re.compile(r"^(https://colab\.research\.google\.com/github/[^/]+/[^/]+)/blob/[^/]+/(.+)\.md$")
SITE_BRANCH = "gh-pages"


def _colab_to_notebook(buttons) -> None:
    for button in buttons:
        if isinstance(button, dict):
            match = _COLAB_MD.match(button.get("url", ""))
            if match:
                button["url"] = f"{match.group(1)}/blob/{SITE_BRANCH}/_sources/{match.group(2)}.ipynb"
            _colab_to_notebook(button.get("buttons", []))


def _fix_launch_buttons(app, pagename, templatename, context, doctree):
    _colab_to_notebook(context.get("header_buttons", []))


def _copy_plotly(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    import plotly

    bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    target = Path(app.outdir) / "_static" / "plotly.min.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundle, target)


MATHJAX_PATH = "mathjax/tex-chtml.js"
# MathJax's combined components other than the one loaded, and its node build:
# not needed in a browser, and 14 MB the site would otherwise carry.
_MATHJAX_UNUSED = ("tex-mml-*.js", "tex-svg*.js", "tex-chtml-full*.js", "mml-*.js", "node-main.js", "latest.js")


def _mathjax_source() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "the MathJax bundle is missing: install the book dependencies "
            "(pip install -r requirements.lock, or the package's 'book' extra)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "static" / "mathjax"


def _use_local_mathjax(app, config):
    if str(config.mathjax_path).startswith(("http://", "https://", "//")):
        config.mathjax_path = MATHJAX_PATH
        _mathjax_source()  # fail at the start of the build, not after it


def _copy_mathjax(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / "mathjax"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(_mathjax_source(), target, ignore=shutil.ignore_patterns(*_MATHJAX_UNUSED, "__pycache__"))


def setup(app):
    _patch_glue_formatting()
    app.add_js_file("plotly.min.js", priority=100)
    # runs early: html-page-context stops at the first handler that returns a template
    app.connect("html-page-context", _dedupe_scripts, priority=100)
    # after sphinx-book-theme has added its launch buttons (priority 501)
    app.connect("html-page-context", _fix_launch_buttons, priority=600)
    app.connect("build-finished", _copy_plotly)
    app.connect("config-inited", _use_local_mathjax)
    app.connect("build-finished", _copy_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
