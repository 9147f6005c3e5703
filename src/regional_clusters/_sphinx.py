"""Sphinx extension for the compendium's HTML.

- Serves the plotly.js bundle that ships with the installed plotly package
  and loads it once per page, so figures render offline and pages stay small.
- Reads glued numpy scalars: NumPy 2 shows ``np.float64(0.5)`` as the plain
  text of a scalar, which myst-nb's ``{glue:}`x:.2f``` formatting cannot
  parse; the numeric value inside is used instead, so chapters may glue
  numpy results directly.
- Removes duplicated inline scripts: sphinx-thebe registers its configuration
  script again whenever documents are re-read, and the second ``const``
  declaration is a JavaScript error in the browser.
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
    context["script_files"] = unique


def _copy_plotly(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    import plotly

    bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    target = Path(app.outdir) / "_static" / "plotly.min.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundle, target)


def setup(app):
    _patch_glue_formatting()
    app.add_js_file("plotly.min.js", priority=100)
    # runs early: html-page-context stops at the first handler that returns a template
    app.connect("html-page-context", _dedupe_scripts, priority=100)
    app.connect("build-finished", _copy_plotly)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
