"""What the chapters need beyond the package, so that they also run in plain Jupyter.

The chapters glue computed numbers into their text with myst-nb (part of the
book's build, not a dependency of the package). A reader who downloads a
chapter notebook and runs it with only ``regional-clusters`` and a kernel has
no myst-nb: :func:`glue` then shows each glued value as a short line of text
under its cell, so the numbers the text refers to are still visible.
"""

from __future__ import annotations

from numbers import Integral, Real

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
