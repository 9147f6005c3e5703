"""Input checks shared by the measures: clear errors instead of silent NaN."""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

__all__ = ["as_generator", "check_count_matrix", "check_labels"]


def as_generator(seed) -> np.random.Generator:
    """A numpy Generator from ``seed``: a Generator (returned as is), a
    non-negative int, or ``None`` (fresh entropy, not reproducible).

    Raises
    ------
    ValueError
        If ``seed`` is anything else (a negative number, a float, a bool, ...).

    Examples
    --------
    >>> float(as_generator(1).random()) == float(np.random.default_rng(1).random())
    True
    """
    if seed is None or isinstance(seed, np.random.Generator):
        return np.random.default_rng(seed)
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"seed must be a non-negative int, a numpy Generator or None, got {seed!r}")
    return np.random.default_rng(int(seed))


def check_n_permutations(n_permutations, name: str = "n_permutations") -> int:
    """The number of permutations of a permutation test, as an int of at least 1.

    Zero permutations would give a p-value of 0/0 (NaN) and a negative number
    a numpy error about array dimensions; both are refused here with the name
    of the parameter.

    Raises
    ------
    ValueError
        If ``n_permutations`` is not an integer of at least 1.

    Examples
    --------
    >>> check_n_permutations(999)
    999
    >>> check_n_permutations(0)
    Traceback (most recent call last):
    ...
    ValueError: n_permutations must be an int of at least 1, got 0
    """
    if isinstance(n_permutations, (bool, np.bool_)) or not isinstance(n_permutations, numbers.Integral) or n_permutations < 1:
        raise ValueError(f"{name} must be an int of at least 1, got {n_permutations!r}")
    return int(n_permutations)


def check_labels(index: pd.Index, what: str) -> None:
    """Raise ``ValueError`` naming the first duplicated label of ``index``."""
    dup = index[index.duplicated()]
    if len(dup):
        raise ValueError(f"duplicated {what} label {dup[0]!r}")


def check_count_matrix(
    X,
    *,
    name: str = "X",
    allow_zero_rows: bool = False,
    allow_zero_columns: bool = False,
) -> pd.DataFrame:
    """Validate a wide region x industry table of non-negative counts.

    Parameters
    ----------
    X : pandas.DataFrame
        Rows regions, columns industries.
    name : str
        Name used in error messages.
    allow_zero_rows, allow_zero_columns : bool
        Whether an all-zero region (row) or industry (column) is acceptable.

    Returns
    -------
    pandas.DataFrame
        ``X`` as float64, labels unchanged.

    Raises
    ------
    ValueError
        If ``X`` is not a DataFrame, is empty, has duplicated labels, a
        non-numeric column, a missing or negative value, or an all-zero row or
        column (unless allowed). The message names the offending label.

    Examples
    --------
    >>> check_count_matrix(pd.DataFrame({"a": [1, -2]}, index=["r1", "r2"]))
    Traceback (most recent call last):
    ...
    ValueError: X has a negative value at region 'r2', industry 'a'
    """
    if not isinstance(X, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame (rows regions, columns industries), got {type(X).__name__}")
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"{name} is empty (shape {X.shape})")
    check_labels(X.index, f"{name} region")
    check_labels(X.columns, f"{name} industry")
    for col in X.columns:
        if not (pd.api.types.is_numeric_dtype(X[col]) or pd.api.types.is_bool_dtype(X[col])):
            raise ValueError(f"{name} column {col!r} is not numeric (dtype {X[col].dtype})")
    values = X.to_numpy(dtype="float64", na_value=np.nan)
    bad = np.argwhere(np.isnan(values))
    if len(bad):
        i, j = bad[0]
        raise ValueError(f"{name} has a missing value at region {X.index[i]!r}, industry {X.columns[j]!r}")
    bad = np.argwhere(values < 0)
    if len(bad):
        i, j = bad[0]
        raise ValueError(f"{name} has a negative value at region {X.index[i]!r}, industry {X.columns[j]!r}")
    if not np.isfinite(values).all():
        i, j = np.argwhere(~np.isfinite(values))[0]
        raise ValueError(f"{name} has an infinite value at region {X.index[i]!r}, industry {X.columns[j]!r}")
    if not allow_zero_rows:
        zero = np.flatnonzero(values.sum(axis=1) == 0)
        if len(zero):
            raise ValueError(f"{name} region {X.index[zero[0]]!r} has only zeros")
    if not allow_zero_columns:
        zero = np.flatnonzero(values.sum(axis=0) == 0)
        if len(zero):
            raise ValueError(f"{name} industry {X.columns[zero[0]]!r} has only zeros")
    return pd.DataFrame(values, index=X.index, columns=X.columns)
