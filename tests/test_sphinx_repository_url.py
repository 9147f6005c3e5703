"""The repository URL is one setting: the install cells and CITATION.cff agree with _config.yml."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("set_repository_url", ROOT / "scripts" / "set_repository_url.py")
repo_url = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(repo_url)


def test_config_has_a_github_url():
    assert re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", repo_url.configured_url())


def test_install_cells_and_citation_use_the_configured_url():
    url = repo_url.configured_url()
    stale = []
    for path in repo_url.files_using_url():
        text = path.read_text(encoding="utf-8")
        for found in re.findall(r"git\+(https://[^\s\"'@]+)", text):  # install cells
            if found != url:
                stale.append(f"{path.relative_to(ROOT)}: {found}")
    assert not stale, "run scripts/set_repository_url.py: " + "; ".join(stale)


def test_citation_names_the_repository():
    assert f'repository-code: "{repo_url.configured_url()}"' in (ROOT / "CITATION.cff").read_text(encoding="utf-8")
