"""Pivot a long table of counts into the wide region x industry form."""

from __future__ import annotations

import pandas as pd

__all__ = ["to_wide"]


def to_wide(
    long: pd.DataFrame,
    index: str,
    columns: str,
    values: str,
    fill_value: float | None = 0,
) -> pd.DataFrame:
    """Pivot a long table into a wide matrix (rows ``index``, columns ``columns``).

    Parameters
    ----------
    long : pandas.DataFrame
        One row per (index, column) pair.
    index, columns, values : str
        Column names in ``long``.
    fill_value : float or None, default 0
        Value for pairs absent from ``long``; ``None`` leaves them missing.

    Returns
    -------
    pandas.DataFrame
        Rows labelled by ``index``, columns by ``columns``, sorted.

    Raises
    ------
    ValueError
        If a named column is missing or a pair occurs twice (the duplicate is
        named rather than silently summed).

    Examples
    --------
    >>> long = pd.DataFrame({"region": ["A", "A", "B"], "industry": ["x", "y", "x"],
    ...                      "emp": [3, 1, 2]})
    >>> to_wide(long, "region", "industry", "emp")
    industry  x  y
    region
    A         3  1
    B         2  0
    """
    missing = [c for c in (index, columns, values) if c not in long.columns]
    if missing:
        raise ValueError(f"columns not in the table: {missing}")
    dup = long.duplicated([index, columns], keep=False)
    if dup.any():
        first = long.loc[dup, [index, columns]].iloc[0].tolist()
        raise ValueError(f"pair {index}={first[0]!r}, {columns}={first[1]!r} occurs more than once")
    wide = long.pivot(index=index, columns=columns, values=values).sort_index().sort_index(axis=1)
    if fill_value is not None:
        wide = wide.fillna(fill_value)
        if (wide % 1 == 0).all().all():
            wide = wide.astype("int64")
    return wide
