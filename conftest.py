"""Collect the book's MyST-markdown notebooks for nbval (``--nbval-lax``).

nbval only knows ``.ipynb`` files; the chapters are jupytext MyST files, so
they are read with jupytext and handed to nbval's collector.
"""

from __future__ import annotations

import jupytext
import nbval.plugin as nbval_plugin


def _is_myst_notebook(path) -> bool:
    if path.suffix != ".md":
        return False
    head = path.read_text(encoding="utf-8")[:600]
    return head.startswith("---") and "kernelspec" in head


class MystNotebookFile(nbval_plugin.IPyNbFile):
    def collect(self):
        notebook = jupytext.read(self.path)
        original = nbval_plugin.nbformat.read
        nbval_plugin.nbformat.read = lambda *args, **kwargs: notebook
        try:
            yield from super().collect()
        finally:
            nbval_plugin.nbformat.read = original


def pytest_collect_file(file_path, parent):
    opt = parent.config.option
    if (opt.nbval or opt.nbval_lax) and _is_myst_notebook(file_path):
        return MystNotebookFile.from_parent(parent, path=file_path)
    return None
