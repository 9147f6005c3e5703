"""Sphinx extension: serve the installed plotly.js with the book.

Plotly figures in executed chapters are HTML snippets that expect a global
``Plotly`` object. Copying the bundle that ships with the plotly package into
the build and loading it on every page lets figures render offline and keeps
each page small (the library is loaded once, not embedded per figure).
"""

from __future__ import annotations

import shutil
from pathlib import Path


def _copy_plotly(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    import plotly

    bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    target = Path(app.outdir) / "_static" / "plotly.min.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundle, target)


def setup(app):
    app.add_js_file("plotly.min.js", priority=100)
    app.connect("build-finished", _copy_plotly)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
