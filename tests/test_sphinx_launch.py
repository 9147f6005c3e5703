"""Launch buttons open notebooks, not MyST text (regional_clusters._sphinx)."""

from pathlib import Path

from regional_clusters._sphinx import _colab_to_notebook

ROOT = Path(__file__).resolve().parents[1]


def test_binder_and_colab_open_notebooks():
    buttons = [{"buttons": [
        {"url": "https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/chapters/trust.md"},
        {"url": "https://colab.research.google.com/github/o/r/blob/main/chapters/trust.md"},
    ]}]
    _colab_to_notebook(buttons)
    binder, colab = buttons[0]["buttons"]
    assert binder["url"].endswith("urlpath=lab/tree/chapters/trust.ipynb")
    assert colab["url"] == "https://colab.research.google.com/github/o/r/blob/gh-pages/_sources/chapters/trust.ipynb"


def test_binder_writes_the_notebooks_it_opens():
    post_build = (ROOT / "postBuild").read_text()
    assert "jupytext --to ipynb chapters/*.md" in post_build
    assert (ROOT / "postBuild").stat().st_mode & 0o111
