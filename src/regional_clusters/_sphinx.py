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
  markdown files. The Binder button opens ``<chapter>.ipynb``, which the
  repository's ``postBuild`` writes from the ``.md`` file with jupytext.
- Serves MathJax from the built site: the MathJax 3 bundle pinned on PyPI as
  ``sphinx-mathjax-offline`` (in the ``book`` extra and the lock file) is
  copied to ``_static/mathjax`` and ``mathjax_path`` points at it, so a reader
  without network still sees typeset formulas and no CDN is contacted.
- Cites and lists references by author and year: the bibliography is sorted
  by the plain-text name of the first author (corporate authors such as
  "European Commission" by their name, braces and accents decoded) and
  labelled "Author, year" like the citations in the text; a work without an
  author (the lighthouse paper) is cited and sorted by its ``shorttitle``
  instead of its whole title.
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


# Binder opens the notebook that the repository's postBuild writes next to each .md file
_BINDER_MD = re.compile(r"^(https://mybinder\.org/.*[?&]urlpath=[^&]*?)\.md$")


def _colab_to_notebook(buttons) -> None:
    for button in buttons:
        if isinstance(button, dict):
            match = _COLAB_MD.match(button.get("url", ""))
            if match:
                button["url"] = f"{match.group(1)}/blob/{SITE_BRANCH}/_sources/{match.group(2)}.ipynb"
            binder = _BINDER_MD.match(button.get("url", ""))
            if binder:
                button["url"] = f"{binder.group(1)}.ipynb"
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


def _plain(latex: str) -> str:
    """Plain text of a BibTeX field: braces dropped, accents and quotes decoded."""
    from pybtex.richtext import Text

    return str(Text.from_latex(latex).render_as("text"))


def _first_name_field(entry) -> str:
    persons = entry.persons.get("author") or entry.persons.get("editor")
    if not persons:
        return _plain(entry.fields.get("shorttitle") or entry.fields.get("title", ""))
    last = [_plain(" ".join(p.prelast_names + p.last_names)) for p in persons]
    if len(last) == 1:
        return last[0]
    if len(last) == 2:
        return f"{last[0]} and {last[1]}"
    return f"{last[0]} et al."


def _register_author_year_styles() -> None:
    """Register the pybtex and sphinxcontrib-bibtex styles named in ``_config.yml``."""
    from collections import Counter
    from dataclasses import dataclass, field

    import pybtex.plugin
    from pybtex.style.formatting.plain import Style as PlainStyle
    from pybtex.style.labels import BaseLabelStyle
    from pybtex.style.sorting import BaseSortingStyle
    from pybtex.style.template import field as bib_field
    from pybtex.style.template import first_of, node, optional, tag
    from sphinxcontrib.bibtex.plugin import register_plugin
    from sphinxcontrib.bibtex.style.referencing import PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
    from sphinxcontrib.bibtex.style.template import names

    class AuthorYearSorting(BaseSortingStyle):
        def sorting_key(self, entry):
            return (_first_name_field(entry).lower(), entry.fields.get("year", ""), _plain(entry.fields.get("title", "")))

    class AuthorYearLabels(BaseLabelStyle):
        def format_labels(self, sorted_entries):
            labels = [f"{_first_name_field(e)}, {e.fields.get('year', 'n.d.')}" for e in sorted_entries]
            counts, seen = Counter(labels), Counter()
            for label in labels:
                if counts[label] > 1:
                    seen[label] += 1
                    label += "abcdefghijklmnopqrstuvwxyz"[seen[label] - 1]
                yield label

    class AuthorYearStyle(PlainStyle):
        default_sorting_style = "rc_author_year"
        default_label_style = "rc_author_year"

    @node
    def author_or_editor_or_short_title(children, data, **kwargs):
        assert not children
        return first_of[
            optional[names("author", **kwargs)],
            optional[names("editor", **kwargs)],
            optional[tag("em")[bib_field("shorttitle")]],
            tag("em")[bib_field("title")],
        ].format_data(data)

    @dataclass
    class ShortTitlePersonStyle(PersonStyle):
        def author_or_editor_or_title(self, full: bool):
            return author_or_editor_or_short_title(
                sep=self.sep, sep2=self.sep2, last_sep=self.last_sep, other=None if full else self.other
            )

    @dataclass
    class ReferenceStyle(AuthorYearReferenceStyle):
        person: PersonStyle = field(default_factory=ShortTitlePersonStyle)

    pybtex.plugin.register_plugin("pybtex.style.sorting", "rc_author_year", AuthorYearSorting, force=True)
    pybtex.plugin.register_plugin("pybtex.style.labels", "rc_author_year", AuthorYearLabels, force=True)
    pybtex.plugin.register_plugin("pybtex.style.formatting", "rc_author_year", AuthorYearStyle, force=True)
    register_plugin("sphinxcontrib.bibtex.style.referencing", "rc_author_year", ReferenceStyle, force=True)


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
    _register_author_year_styles()
    app.add_js_file("plotly.min.js", priority=100)
    # runs early: html-page-context stops at the first handler that returns a template
    app.connect("html-page-context", _dedupe_scripts, priority=100)
    # after sphinx-book-theme has added its launch buttons (priority 501)
    app.connect("html-page-context", _fix_launch_buttons, priority=600)
    app.connect("build-finished", _copy_plotly)
    app.connect("config-inited", _use_local_mathjax)
    app.connect("build-finished", _copy_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
