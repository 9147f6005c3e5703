"""What the chapters need beyond the package, so that they also run in plain Jupyter.

The chapters glue computed numbers into their text with myst-nb (part of the
book's build, not a dependency of the package). A reader who downloads a
chapter notebook and runs it with only ``regional-clusters`` and a kernel has
no myst-nb: :func:`glue` then shows each glued value as a short line of text
under its cell, so the numbers the text refers to are still visible.

Importing this module in a notebook also sets how two kinds of cell output
look, for the book and for anyone re-running a chapter: numpy scalars print
as plain numbers (``0.13``, not ``np.float64(0.13)``), also inside dicts and
lists, and a pandas Series is shown as a table rather than as a text dump
ending in ``Name: ..., dtype: float64``. Nothing changes outside IPython.
"""

from __future__ import annotations

from numbers import Integral, Real

import numpy as np
import pandas as pd

__all__ = ["glue", "HAVE_MYST_NB"]

try:  # the book build, or a reader who installed myst-nb
    from myst_nb import glue as _myst_glue
except ImportError:  # plain Jupyter, Colab
    _myst_glue = None

#: True when myst-nb is installed and glued values go into the book's text.
HAVE_MYST_NB = _myst_glue is not None


class _Text(str):
    """A glued string shown as itself: without it the text would show its repr, in quote marks."""

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))


def _plain(value):
    """Python scalars for numpy scalars (never ``np.float64(...)``), strings without quote marks."""
    if isinstance(value, str):
        return _Text(value)
    if isinstance(value, bool) or not isinstance(value, (Integral, Real)):
        return value
    return int(value) if isinstance(value, Integral) else float(value)


def _series_html(series: pd.Series) -> str:
    return series.to_frame(name="" if series.name is None else series.name)._repr_html_()


def _print_numpy_scalar(value, printer, cycle):
    printer.text(repr(value.item()))


def _register_output_formats() -> bool:
    """Readable outputs for numpy scalars and Series in the running IPython kernel."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    formatters = shell.display_formatter.formatters
    # concrete types: IPython stops at the first class in the MRO that defines __repr__
    for kind in (np.float16, np.float32, np.float64, np.longdouble, np.int8, np.int16, np.int32, np.int64,
                 np.uint8, np.uint16, np.uint32, np.uint64, np.bool_):
        formatters["text/plain"].for_type(kind, _print_numpy_scalar)
    formatters["text/html"].for_type(pd.Series, _series_html)
    return True


_register_output_formats()


def glue(name: str, value, display: bool = True):
    """Glue ``value`` under ``name`` for the book's text, or show it in plain Jupyter.

    Parameters
    ----------
    name : str
        Key used in the text as ``{glue:text}`name:.2f```.
    value : object
        The value; numpy integers and floats are converted to Python ``int``
        and ``float``, and a string is shown as it is (a pre-formatted number
        such as ``"3,899"`` reads 3,899, not '3,899').
    display : bool, default True
        Whether the value is also shown where the cell's output is.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        If ``name`` is empty.

    Examples
    --------
    Without myst-nb the value is printed as ``name = value``:

    >>> import regional_clusters.book as book
    >>> saved, book._myst_glue = book._myst_glue, None
    >>> book.glue("n_regions", 917, display=False)
    n_regions = 917
    >>> book.glue("n_actors", "3,899", display=False)
    n_actors = 3,899
    >>> book._myst_glue = saved
    """
    if not name or not str(name).strip():
        raise ValueError("glue needs a non-empty name")
    value = _plain(value)
    if _myst_glue is not None:
        return _myst_glue(name, value, display=display)
    # plain Jupyter: the text shows {glue:text}`name` literally, so show the value here
    print(f"{name} = {value}")
    return None
