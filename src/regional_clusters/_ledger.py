"""The claims ledger: one data file, one appendix page, checks that can fail.

``data/claims.yml`` lists every claim of the two source texts that the book
addresses: where it is made (text and section, a German key phrase), an
English paraphrase, the chapter section that tests it, the evidence (glued
numbers of that chapter) and a verdict. This module

- reads and validates the file (:func:`load_claims`), so that a claim with an
  unknown verdict, a missing section or a "not testable" verdict without the
  data that would test it is an error, not a silent gap;
- renders the ledger as MyST markdown (:func:`render_ledger`), with the
  evidence as cross-document glue roles (``{glue:text}`doc::key:fmt```): if
  a chapter stops gluing a number the ledger cites, the book build fails
  with a warning (the book builds with ``-W``);
- is a Sphinx extension that fills the page ``appendix/claims`` from the
  file when the book is built, so the page and the file cannot drift apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

__all__ = ["Claim", "VERDICTS", "SECTIONS", "load_claims", "render_ledger", "glue_keys", "is_glued"]

#: Allowed verdicts, in the order the ledger counts them.
VERDICTS = ("supported", "contradicted", "mixed", "not testable with these data")

#: Every section of the two source texts that the book follows.
SECTIONS = {
    "jonas": ("2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4"),
    "lighthouse": ("I", "II", "III", "IV", "V"),
}
_SOURCE_NAMES = {"jonas": "Jonas (2005)", "lighthouse": "Lighthouse paper"}
_GLUE_SPEC = re.compile(r"^(?P<doc>[\w/]+)::(?P<key>[\w.-]+)(?::(?P<fmt>[^:]*))?$")
LEDGER_FILE = "data/claims.yml"
LEDGER_PAGE = "appendix/claims"
MARKER = "<!-- claims ledger -->"


@dataclass(frozen=True)
class Claim:
    """One claim of a source text and what the book made of it."""

    id: str
    source: str
    section: str
    phrase_de: str
    claim: str
    tested_in: str
    verdict: str
    evidence: tuple[str, ...] = ()
    evidence_text: str = ""
    would_test: str = ""
    note: str = ""
    glue: tuple[tuple[str, str, str], ...] = field(default=(), compare=False)


def _require(entry: dict, name: str, where: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: field {name!r} is missing or empty")
    return value.strip()


def load_claims(path: str | Path) -> list[Claim]:
    """Read and validate the ledger file.

    Parameters
    ----------
    path : str or pathlib.Path
        The YAML file: a list of mappings with the fields ``id``, ``source``
        (``jonas`` or ``lighthouse``), ``section``, ``phrase_de``, ``claim``,
        ``tested_in`` (``docname#anchor``), ``verdict``, and optionally
        ``evidence`` (list of ``doc::key:format`` glue specifications),
        ``evidence_text`` (a sentence with ``{0}``, ``{1}``, ... where the
        glued numbers go), ``would_test`` and ``note``.

    Returns
    -------
    list of Claim

    Raises
    ------
    ValueError
        If an entry lacks a field, names an unknown source, section or
        verdict, repeats an id, has evidence placeholders that do not match
        its evidence list, or is "not testable" without saying what data
        would test it.
    """
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path}: expected a non-empty list of claims")
    claims, seen = [], set()
    for number, entry in enumerate(entries, 1):
        where = f"{path}, entry {number}"
        cid = _require(entry, "id", where)
        where = f"{path}, claim {cid!r}"
        if cid in seen:
            raise ValueError(f"{where}: duplicated id")
        seen.add(cid)
        source = _require(entry, "source", where)
        if source not in SECTIONS:
            raise ValueError(f"{where}: unknown source {source!r}; use one of {sorted(SECTIONS)}")
        section = str(entry.get("section", "")).strip()
        if section not in SECTIONS[source]:
            raise ValueError(f"{where}: unknown section {section!r} of {source}; use one of {SECTIONS[source]}")
        verdict = str(entry.get("verdict") or "").strip()  # YAML reads "verdict: yes" as a boolean
        if not verdict:
            raise ValueError(f"{where}: field 'verdict' is missing or empty")
        if verdict not in VERDICTS:
            raise ValueError(f"{where}: unknown verdict {verdict!r}; use one of {VERDICTS}")
        evidence = tuple(entry.get("evidence") or ())
        glue = []
        for spec in evidence:
            match = _GLUE_SPEC.match(spec)
            if not match:
                raise ValueError(f"{where}: evidence {spec!r} is not of the form doc::key:format")
            glue.append((match["doc"], match["key"], match["fmt"] or ""))
        text = str(entry.get("evidence_text") or "").strip()
        slots = {int(n) for n in re.findall(r"\{(\d+)\}", text)}
        if slots != set(range(len(evidence))):
            raise ValueError(f"{where}: evidence_text has placeholders {sorted(slots)} for {len(evidence)} evidence item(s)")
        would_test = str(entry.get("would_test") or "").strip()
        if verdict == VERDICTS[-1] and not would_test:
            raise ValueError(f"{where}: a claim that is not testable needs 'would_test' (what data would test it)")
        if verdict != VERDICTS[-1] and not evidence:
            raise ValueError(f"{where}: a verdict of {verdict!r} needs evidence from the book")
        tested_in = _require(entry, "tested_in", where)
        if "#" not in tested_in:
            raise ValueError(f"{where}: tested_in {tested_in!r} must be docname#anchor")
        claims.append(Claim(
            id=cid, source=source, section=section, phrase_de=_require(entry, "phrase_de", where),
            claim=_require(entry, "claim", where), tested_in=tested_in, verdict=verdict,
            evidence=evidence, evidence_text=text, would_test=would_test,
            note=str(entry.get("note") or "").strip(), glue=tuple(glue),
        ))
    return claims


def glue_keys(text: str) -> set[str]:
    """Names glued in a chapter's source (``glue("name", ...)`` calls)."""
    return set(re.findall(r"""glue\(\s*["']([\w.-]+)["']""", text))


def is_glued(key: str, text: str) -> bool:
    r"""Whether a chapter's source glues ``key``, literally or from an f-string.

    Chapters glue families of numbers in loops (``glue(f"ec-prem-{area}", ...)``);
    such a call counts for every key that its fixed parts and one name-like
    piece per placeholder can spell.

    Parameters
    ----------
    key : str
        The glue name the ledger cites.
    text : str
        The chapter's source.

    Returns
    -------
    bool

    Examples
    --------
    >>> src = 'glue("a-n", 1)\nfor s in ("x", "y"):\n    glue(f"a-{s}-lo", 2)'
    >>> is_glued("a-n", src), is_glued("a-x-lo", src), is_glued("a-x-hi", src)
    (True, True, False)
    """
    if key in glue_keys(text):
        return True
    for template in re.findall(r"""glue\(\s*f["']([^"']+)["']""", text):
        parts = re.split(r"\{[^{}]*\}", template)
        if len(parts) > 1 and re.fullmatch(r"[\w.-]+?".join(map(re.escape, parts)), key):
            return True
    return False


def _section_order(claim: Claim) -> tuple[int, int]:
    return list(SECTIONS).index(claim.source), SECTIONS[claim.source].index(claim.section)


def render_ledger(claims: list[Claim], *, page_dir: str = "appendix") -> str:
    """The ledger as MyST markdown: counts by verdict, then one block per claim.

    Parameters
    ----------
    claims : list of Claim
    page_dir : str, default "appendix"
        Folder of the page the markdown goes into (links are relative to it).

    Returns
    -------
    str

    Examples
    --------
    >>> c = Claim(id="x", source="jonas", section="2.1", phrase_de="räumliche Nähe",
    ...           claim="Proximity helps.", tested_in="chapters/proximity#concepts",
    ...           verdict="mixed", evidence=("chapters/proximity::k:.2f",),
    ...           evidence_text="coefficient {0}", glue=(("chapters/proximity", "k", ".2f"),))
    >>> md = render_ledger([c])
    >>> "{glue:text}`/chapters/proximity.md::k:.2f`" in md and "| mixed | 1 |" in md
    True
    """
    counts = Counter(c.verdict for c in claims)
    lines = ["| verdict | claims |", "|---|---|"]
    lines += [f"| {v} | {counts.get(v, 0)} |" for v in VERDICTS]
    lines += [f"| all | {len(claims)} |", ""]
    depth = "../" * (page_dir.count("/") + 1)
    current = None
    for claim in sorted(claims, key=_section_order):
        heading = f"{_SOURCE_NAMES[claim.source]}, section {claim.section}"
        if heading != current:
            lines += [f"## {heading}", ""]
            current = heading
        doc, anchor = claim.tested_in.split("#", 1)
        # a leading slash makes the document path relative to the book's root, not to this page
        # the document path starts at the book's root and names the file; glue:text needs a format
        # spec after a path, and "s" prints a glued text as it is
        roles = [f"{{glue:text}}`/{d}.md::{k}:{f or 's'}`" for d, k, f in claim.glue]
        evidence = claim.evidence_text.format(*roles) if roles else "none in this book"
        lines += [
            f"**{claim.phrase_de}** ({claim.id}): {claim.claim}",
            "",
            f"- *Tested in:* [{doc.rsplit('/', 1)[-1].replace('_', ' ')}]({depth}{doc}.md#{anchor})",
            f"- *Evidence:* {evidence}",
            f"- *Verdict:* **{claim.verdict}**",
        ]
        if claim.would_test:
            lines.append(f"- *Data that would test it:* {claim.would_test}")
        if claim.note:
            lines.append(f"- *Note:* {claim.note}")
        lines.append("")
    return "\n".join(lines)


def _fill_page(app, docname, source):
    if docname != LEDGER_PAGE or MARKER not in source[0]:
        return
    claims = load_claims(Path(app.srcdir) / LEDGER_FILE)
    source[0] = source[0].replace(MARKER, render_ledger(claims, page_dir=LEDGER_PAGE.rsplit("/", 1)[0]))


def setup(app):
    app.connect("source-read", _fill_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
