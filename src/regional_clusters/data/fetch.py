"""Download, verify and cache the pinned data files.

Where a file comes from, in order:

1. the per-user cache (``REGIONAL_CLUSTERS_CACHE``, by default the platform's
   user cache folder), if a copy with the right checksum is there;
2. a local mirror folder laid out like the registry keys
   (``REGIONAL_CLUSTERS_DATA_MIRROR``), copied into the cache;
3. the pinned URL, downloaded into the cache with pooch.

Every copy is checked against the registry's sha256 before use; a copy that
does not match is deleted, never kept.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pooch

from .registry import Source, get_source

__all__ = [
    "CACHE_ENV",
    "MIRROR_ENV",
    "ChecksumError",
    "DataUnavailableError",
    "cache_dir",
    "fetch",
]

CACHE_ENV = "REGIONAL_CLUSTERS_CACHE"
MIRROR_ENV = "REGIONAL_CLUSTERS_DATA_MIRROR"


class ChecksumError(ValueError):
    """A data file's bytes do not match the pinned sha256."""


class DataUnavailableError(OSError):
    """A data file is neither cached, mirrored nor downloadable."""


def cache_dir() -> Path:
    """Folder that holds verified downloads and parsed tables."""
    path = Path(os.environ.get(CACHE_ENV) or pooch.os_cache("regional_clusters"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sha256(path: Path) -> str:
    return pooch.file_hash(str(path), alg="sha256")


def _verify(path: Path, source: Source, origin: str) -> None:
    actual = _sha256(path)
    if actual != source.sha256:
        path.unlink(missing_ok=True)
        raise ChecksumError(
            f"checksum mismatch for {source.key} (from {origin}): expected sha256 "
            f"{source.sha256}, got {actual}; the bad copy was deleted"
        )


def fetch(key: str) -> Path:
    """Return the local path of a verified copy of a registered file.

    Parameters
    ----------
    key : str
        Registry key, e.g. ``"h2020/h2020.csv.gz"``.

    Returns
    -------
    pathlib.Path
        Path inside the cache folder.

    Raises
    ------
    ChecksumError
        If the mirrored or downloaded bytes do not match the pinned sha256.
        The message names the file with the expected and actual hash.
    DataUnavailableError
        If the file is not cached, no mirror holds it and the download fails.
    """
    source = get_source(key)
    target = cache_dir() / source.key
    if target.exists():
        if _sha256(target) == source.sha256:
            return target
        target.unlink()  # stale or truncated copy: fetch again

    target.parent.mkdir(parents=True, exist_ok=True)
    mirror = os.environ.get(MIRROR_ENV)
    if mirror and (Path(mirror) / source.key).is_file():
        tmp = target.with_suffix(target.suffix + ".part")
        shutil.copyfile(Path(mirror) / source.key, tmp)
        _verify(tmp, source, f"mirror {mirror}")
        tmp.replace(target)
        return target

    try:
        pooch.retrieve(
            source.url, known_hash=None, fname=source.filename,
            path=target.parent, progressbar=False,
        )
    except Exception as exc:  # requests raises several types; all mean "not here"
        where = f"the mirror folder {mirror} has no {source.key}" if mirror else (
            f"{MIRROR_ENV} is not set"
        )
        raise DataUnavailableError(
            f"data file {source.key} is missing: it is not in the cache ({target.parent}), "
            f"{where}, and downloading {source.url} failed ({type(exc).__name__}: {exc}). "
            f"Connect to the internet, or set {MIRROR_ENV} to a folder that holds "
            f"{source.key} (e.g. a copy of ../shared/data)."
        ) from exc
    _verify(target, source, source.url)
    return target
