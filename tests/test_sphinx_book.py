"""regional_clusters.book.glue: readable glued values with and without myst-nb."""

import numpy as np
import pytest
from IPython.core.formatters import format_display_data

import regional_clusters.book as book


@pytest.mark.parametrize("value, shown", [
    ("3,899", "3,899"),  # a pre-formatted number: no quote marks
    ("all", "all"),
    (np.float64(0.1303800918994867), "0.1303800918994867"),  # never np.float64(...)
    (np.int64(67), "67"),
    (3, "3"),
])
def test_glued_values_show_as_plain_text(value, shown):
    assert format_display_data(book._plain(value))[0]["text/plain"] == shown


def test_numpy_numbers_become_python_numbers():
    assert type(book._plain(np.int64(67))) is int
    assert type(book._plain(np.float32(0.5))) is float
    assert book._plain(np.bool_(True)) == True  # noqa: E712 (left as it is)


def test_without_myst_nb_values_are_printed(monkeypatch, capsys):
    monkeypatch.setattr(book, "_myst_glue", None)
    assert book.glue("share", np.float64(0.25), display=False) is None
    assert capsys.readouterr().out == "share = 0.25\n"


def test_with_myst_nb_values_are_glued(monkeypatch):
    calls = []
    monkeypatch.setattr(book, "_myst_glue", lambda name, value, display: calls.append((name, value, display)))
    book.glue("n", np.int64(3), display=False)
    assert calls == [("n", 3, False)] and type(calls[0][1]) is int


def test_empty_name_is_refused():
    with pytest.raises(ValueError, match="non-empty name"):
        book.glue(" ", 1)


def test_outputs_in_a_kernel_are_readable():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    assert book._register_output_formats()
    fmt = shell.display_formatter.format
    assert fmt(np.float64(0.1303800918994867))[0]["text/plain"] == "0.1303800918994867"
    assert fmt({"a": np.float64(0.5), "b": np.int64(2)})[0]["text/plain"] == "{'a': 0.5, 'b': 2}"
    import pandas as pd

    html = fmt(pd.Series([0.5, 0.25], index=["x", "y"], name="share"))[0]["text/html"]
    assert "<table" in html and "share" in html
