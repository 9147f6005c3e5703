"""The claims ledger covers both source texts and points at things that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from myst_parser.mdit_to_docutils.base import default_slugify

from regional_clusters._ledger import LEDGER_FILE, SECTIONS, VERDICTS, is_glued, load_claims, render_ledger

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def claims():
    return load_claims(ROOT / LEDGER_FILE)


def _headings(text: str) -> set[str]:
    """Anchors MyST gives to headings (levels 1-3, as myst_heading_anchors: 3)."""
    body = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)  # no code cells
    return {default_slugify(m.group(2).strip()) for m in re.finditer(r"^(#{1,3}) (.+)$", body, flags=re.M)}


def test_every_section_of_both_texts_has_an_entry(claims):
    covered = {(c.source, c.section) for c in claims}
    missing = [(s, sec) for s, secs in SECTIONS.items() for sec in secs if (s, sec) not in covered]
    assert not missing, f"sections without a ledger entry: {missing}"


def test_links_resolve_to_a_heading_of_an_existing_chapter(claims):
    for claim in claims:
        doc, anchor = claim.tested_in.split("#", 1)
        path = ROOT / f"{doc}.md"
        assert path.exists(), f"{claim.id}: {doc}.md does not exist"
        assert anchor in _headings(path.read_text(encoding="utf-8")), f"{claim.id}: no heading #{anchor} in {doc}.md"


def test_evidence_is_glued_by_the_chapter_it_names(claims):
    for claim in claims:
        for doc, key, _ in claim.glue:
            path = ROOT / f"{doc}.md"
            assert path.exists(), f"{claim.id}: evidence from a missing page {doc}"
            assert is_glued(key, path.read_text(encoding="utf-8")), f"{claim.id}: {doc} glues no {key!r}"


def test_verdicts_are_counted_on_the_page(claims):
    markdown = render_ledger(claims)
    for verdict in VERDICTS:
        n = sum(c.verdict == verdict for c in claims)
        assert f"| {verdict} | {n} |" in markdown
    assert f"| all | {len(claims)} |" in markdown


GOOD = """
- id: a
  source: jonas
  section: "2.1"
  phrase_de: räumliche Nähe
  claim: Proximity helps.
  tested_in: chapters/proximity#concepts
  verdict: mixed
  evidence: ["chapters/proximity::k:.2f"]
  evidence_text: "coefficient {0}"
"""


@pytest.mark.parametrize(
    "change, message",
    [
        (("verdict: mixed", "verdict: true"), "unknown verdict"),
        (('section: "2.1"', 'section: "2.9"'), "unknown section"),
        (("source: jonas", "source: porter"), "unknown source"),
        (("verdict: mixed", "verdict: not testable with these data"), "would_test"),
        (('evidence_text: "coefficient {0}"', 'evidence_text: "coefficient {0} and {1}"'), "placeholders"),
        (("tested_in: chapters/proximity#concepts", "tested_in: chapters/proximity"), "docname#anchor"),
        (("claim: Proximity helps.", "claim: ''"), "'claim'"),
    ],
)
def test_bad_entries_are_named(tmp_path, change, message):
    path = tmp_path / "claims.yml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_claims(path)


def test_duplicated_id_is_rejected(tmp_path):
    path = tmp_path / "claims.yml"
    path.write_text(GOOD + GOOD, encoding="utf-8")
    with pytest.raises(ValueError, match="duplicated id"):
        load_claims(path)
