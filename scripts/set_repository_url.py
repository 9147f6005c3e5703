"""Change the repository URL everywhere it is used, from the one setting in _config.yml.

The book's launch buttons (Binder, Colab, repository) read ``repository.url``
in ``_config.yml``. The same URL also appears where it cannot be read at run
time: the install cell at the top of each chapter (it runs before the package
exists) and ``CITATION.cff``. To publish the book under another address, run

    python scripts/set_repository_url.py https://github.com/OWNER/REPO

which writes the new URL into ``_config.yml`` and replaces the old one in those
files; ``tests/test_sphinx_repository_url.py`` fails while they disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_URL_SETTING = re.compile(r"(?m)^(repository:\s*\n\s+url:\s*)(\S+)")


def configured_url(root: Path = ROOT) -> str:
    """The repository URL set in ``_config.yml``."""
    match = _URL_SETTING.search((root / "_config.yml").read_text(encoding="utf-8"))
    if not match:
        raise ValueError("_config.yml has no repository.url")
    return match.group(2)


def files_using_url(root: Path = ROOT) -> list[Path]:
    """Files other than ``_config.yml`` that must carry the repository URL."""
    pages = sorted(root.glob("chapters/*.md")) + sorted(root.glob("appendix/**/*.md")) + [root / "index.md"]
    return [root / "CITATION.cff", root / "README.md"] + [p for p in pages if p.exists()]


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", argv[1]):
        print(__doc__)
        return 2
    new, old = argv[1], configured_url()
    config = ROOT / "_config.yml"
    config.write_text(_URL_SETTING.sub(lambda m: m.group(1) + new, config.read_text(encoding="utf-8")), encoding="utf-8")
    for path in files_using_url():
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")
            print(f"updated {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
