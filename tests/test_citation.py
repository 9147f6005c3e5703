"""CITATION.cff is valid Citation File Format 1.2.0 and agrees with the project's settings.

The schema in ``tests/data`` is the official CFF 1.2.0 JSON schema
(citation-file-format/citation-file-format, CC BY 4.0), copied from the
cffconvert 2.0.0 distribution so that the check runs offline.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _cff() -> dict:
    # CFF dates are strings in the schema; YAML would read them as dates
    loader = yaml.SafeLoader
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=loader)
    return json.loads(json.dumps(data, default=str))


def test_citation_file_follows_the_schema():
    schema = json.loads((ROOT / "tests" / "data" / "citation-file-format-1.2.0.schema.json").read_text())
    jsonschema.validate(_cff(), schema)


def test_citation_file_is_rejected_when_broken():
    schema = json.loads((ROOT / "tests" / "data" / "citation-file-format-1.2.0.schema.json").read_text())
    broken = _cff() | {"cff-version": "9.9"}
    broken.pop("authors")
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(broken))
    assert errors, "the schema must reject a file without authors"


def test_version_and_repository_match_the_project():
    cff = _cff()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert cff["version"] == project["version"]
    assert cff["repository-code"] == config["repository"]["url"]
