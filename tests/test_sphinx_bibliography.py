"""The author-year bibliography style and the bib file's rendering (regional_clusters._sphinx)."""

from pathlib import Path

import pybtex.plugin
from pybtex.database import parse_file

import regional_clusters._sphinx as ext

ROOT = Path(__file__).resolve().parents[1]
ext._register_author_year_styles()
BIB = parse_file(ROOT / "references.bib")
_STYLE = pybtex.plugin.find_plugin("pybtex.style.formatting", "rc_author_year")()
FORMATTED = list(_STYLE.format_entries(BIB.entries.values()))


def _formatted():
    return FORMATTED


def test_labels_are_author_year_and_sorted_by_plain_name():
    entries = _formatted()
    labels = [e.label for e in entries]
    keys = [e.key for e in entries]
    assert labels[keys.index("jonas2005")] == "Jonas, 2005"
    assert labels[keys.index("ballester2006")] == "Ballester et al., 2006"
    assert labels[keys.index("leuchttuerme")] == "Wie hell strahlen „Leuchttürme“?, n.d."
    # corporate authors sort by their name, not after every person
    assert keys.index("cordis") < keys.index("feld1981")
    assert keys.index("uscmp") < keys.index("wasserman1994")
    names = [ext._first_name_field(BIB.entries[k]).lower() for k in keys]
    assert names == sorted(names)


def test_no_latex_left_in_rendered_entries():
    for entry in _formatted():
        text = entry.text.render_as("text")
        assert "\\" not in text and "{" not in text, (entry.key, text)


def test_german_titles_keep_their_capitals():
    text = {e.key: e.text.render_as("text") for e in _formatted()}
    assert "Soziologische Annäherung an ein ökonomisches Erklärungskonzept" in text["jonas2005"]
    assert "Grundriß einer allgemeinen Theorie" in text["luhmann1984"]
    assert "Wanted: the key player" in text["ballester2006"]
    assert text["magnani2013"].count("1303.4986") == 1


def test_citations_of_works_without_author_use_the_short_title():
    from sphinxcontrib.bibtex.plugin import find_plugin

    style = find_plugin("sphinxcontrib.bibtex.style.referencing", "rc_author_year")()
    assert style.person.__class__.__name__ == "ShortTitlePersonStyle"
