"""Measurable content checks of a guideline version (issue 14): print them, or return them as data.

    python benchmarks/content_checks.py                 # the working draft in guideline/
    python benchmarks/content_checks.py --version 1.1.0 # a released version
    python benchmarks/content_checks.py --json

What is counted, and how:

- clauses by level (shall / should / may / statement), and how many are assessable;
- GBF targets mapped by at least one assessable clause, out of the 23 declared in guideline.yaml;
- assessable clauses per IUCN criterion (first edition: 8 criteria), and the IUCN indicators (28 in
  the first edition, framework ``iucn-indicator``) that at least one assessable clause serves;
- outcome indicators: the assessable clauses of the outcome-assessment section (8.6 in 2.0.0), found
  as the section whose clauses name the term ``outcome-indicator``; until the assessment model
  (issue 13) gives clauses a field for it, that section is the definition;
- defined terms that no clause, note or definition uses (a term defined but never used) and
  normative references that no clause cites, and the reverse for codes that look like a standard;
- ``nbscheck lint``'s findings by code (its wording rules NBS130-NBS138 read numbers, terms and
  citations more closely than the counts above); a lint error is a check not met.

The thresholds the issue sets are in ``THRESHOLDS``; ``failures()`` lists those not met, and
tests/test_content_checks.py asserts there are none for the working draft.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field

from nbscheck.findings import Severity
from nbscheck.lint.runner import lint
from nbscheck.model.guideline import shipped, versions

THRESHOLDS = {
    "gbf_targets_mapped": 21,        # of 23
    "per_iucn_criterion": 5,         # assessable clauses serving each criterion
    "shall_clauses": 100,            # a 规范 with more than a hundred 应 clauses
    "outcome_indicators": 6,
    "iucn_indicators_served": 28,    # of 28, where the guideline maps to indicators at all
}

# A standard's code as cited in Chinese text: GB 3838, GB/T 32000, HJ 710.1, DB3308/T 169, T/NBSES 009
_CODE = re.compile(r"\b(?:GB(?:/T)?|HJ|DB\d{2,4}/T|T/[A-Z]+)\s?\d+(?:\.\d+)?")


@dataclass
class ContentChecks:
    version: str
    levels: dict[str, int]
    assessable: int
    gbf_mapped: list[str]
    gbf_total: int
    per_iucn: dict[str, int]
    outcome_clauses: list[str]
    iucn_indicators: dict[str, int] = field(default_factory=dict)
    unused_terms: list[str] = field(default_factory=list)
    uncited_references: list[str] = field(default_factory=list)
    unlisted_citations: list[str] = field(default_factory=list)
    lint_errors: dict[str, int] = field(default_factory=dict)    # code: how many
    lint_warnings: dict[str, int] = field(default_factory=dict)

    def failures(self) -> list[str]:
        out = []
        if len(self.gbf_mapped) < THRESHOLDS["gbf_targets_mapped"]:
            out.append(f"GBF targets mapped {len(self.gbf_mapped)}/{self.gbf_total} < {THRESHOLDS['gbf_targets_mapped']}")
        for crit, n in sorted(self.per_iucn.items(), key=lambda kv: int(kv[0])):
            if n < THRESHOLDS["per_iucn_criterion"]:
                out.append(f"IUCN criterion {crit}: {n} assessable clauses < {THRESHOLDS['per_iucn_criterion']}")
        if self.levels.get("shall", 0) <= THRESHOLDS["shall_clauses"]:
            out.append(f"shall clauses {self.levels.get('shall', 0)} <= {THRESHOLDS['shall_clauses']}")
        missing = [i for i, n in self.iucn_indicators.items() if n == 0]
        if self.iucn_indicators and missing:
            out.append(f"IUCN indicators served {len(self.iucn_indicators) - len(missing)}/{len(self.iucn_indicators)}"
                       f" (none for {', '.join(missing)})")
        if len(self.outcome_clauses) < THRESHOLDS["outcome_indicators"]:
            out.append(f"outcome indicators {len(self.outcome_clauses)} < {THRESHOLDS['outcome_indicators']}")
        out += [f"term defined but not used: {t}" for t in self.unused_terms]
        out += [f"normative reference not cited: {r}" for r in self.uncited_references]
        out += [f"cited but not listed: {r}" for r in self.unlisted_citations]
        out += [f"lint {code}: {n} error(s)" for code, n in sorted(self.lint_errors.items())]
        return out


def _texts(g) -> list[str]:
    """Every Chinese text of the document: clauses, notes, examples, chapter intros, term entries."""
    out = []
    for ch in g.chapters:
        out += [p.zh for p in ch.intro]
        for c in ch.clauses:
            out.append(c.text.zh)
            out += [p.zh for p in (*c.notes, *c.examples)]
    for t in g.terms:
        out.append(t.definition.zh)
        out += [p.zh for p in t.notes]
    return [t for t in out if t]


def measure(version: str | None = None) -> ContentChecks:
    g = shipped(version)
    levels = Counter(c.level for c in g.clauses)
    assessable = g.assessable
    gbf_items = [i.id for i in g.framework("gbf").items]
    mapped = {x for c in assessable for x in c.mapped("gbf")}
    per_iucn = {i.id: 0 for i in g.framework("iucn").items}
    for c in assessable:
        for x in c.mapped("iucn"):
            per_iucn[x] += 1
    ind_fw = g.framework("iucn-indicator")
    per_indicator = {i.id: 0 for i in ind_fw.items} if ind_fw else {}
    for c in assessable:
        for x in c.mapped("iucn-indicator"):
            per_indicator[x] += 1
    outcome_sections = {c.section for c in assessable if "outcome-indicator" in c.see_terms and c.section}
    # the outcome section is the one in which every assessable clause names the term
    outcome_sections = {s for s in outcome_sections
                        if all("outcome-indicator" in c.see_terms for c in assessable if c.section == s)}
    outcomes = [c.id for c in assessable if c.section in outcome_sections]

    texts = _texts(g)
    alltext = "\n".join(texts)
    used_terms = {t for c in g.clauses for t in c.see_terms} | {t for term in g.terms for t in term.see_terms}
    unused = [t.id for t in g.terms if t.id not in used_terms and t.term.zh not in alltext]

    normative = [r for ch in g.chapters if ch.kind == "chapter" for r in ch.references]
    informative = [r for ch in g.chapters if ch.kind == "annex" for r in ch.references]
    clause_text = "\n".join(c.text.zh for c in g.clauses)
    uncited = [r.code for r in normative if r.code not in clause_text]
    listed = {re.sub(r"—\d{4}$", "", r.code) for r in (*normative, *informative)}
    cited = {m.group(0).replace(" ", " ") for m in _CODE.finditer(alltext)}
    unlisted = sorted(c for c in cited if c not in listed and not any(l.startswith(c + ".") for l in listed))
    findings = lint(versions()[g.version])
    errors = Counter(f.code for f in findings if f.severity is Severity.ERROR)
    warnings = Counter(f.code for f in findings if f.severity is not Severity.ERROR)
    return ContentChecks(g.version, dict(levels), len(assessable), sorted(mapped, key=int), len(gbf_items),
                         per_iucn, outcomes, per_indicator, unused, uncited, unlisted,
                         dict(sorted(errors.items())), dict(sorted(warnings.items())))


def render(m: ContentChecks) -> str:
    lines = [f"guideline {m.version}",
             "clauses by level: " + ", ".join(f"{k} {m.levels.get(k, 0)}" for k in ("shall", "should", "may", "statement")),
             f"assessable clauses: {m.assessable}",
             f"GBF targets mapped by assessable clauses: {len(m.gbf_mapped)}/{m.gbf_total}"
             + (f" (not mapped: {', '.join(sorted(set(map(str, range(1, m.gbf_total + 1))) - set(m.gbf_mapped), key=int))})"
                if len(m.gbf_mapped) < m.gbf_total else ""),
             "assessable clauses per IUCN criterion (first edition, 2020): "
             + ", ".join(f"{k}: {v}" for k, v in sorted(m.per_iucn.items(), key=lambda kv: int(kv[0]))),
             (f"IUCN indicators served by assessable clauses: {sum(1 for n in m.iucn_indicators.values() if n)}"
              f"/{len(m.iucn_indicators)}" if m.iucn_indicators else "IUCN indicators: not mapped"),
             f"outcome indicators: {len(m.outcome_clauses)} ({', '.join(m.outcome_clauses)})",
             f"lint: {sum(m.lint_errors.values())} errors, {sum(m.lint_warnings.values())} warnings"
             + "".join(f"; {c} {n}" for c, n in sorted({**m.lint_errors, **m.lint_warnings}.items()))]
    fails = m.failures()
    lines.append("checks: all met" if not fails else "checks not met:\n  " + "\n  ".join(fails))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--version", help="a released version; default: the working draft")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    m = measure(args.version)
    sys.stdout.write(json.dumps({**asdict(m), "failures": m.failures()}, ensure_ascii=False, indent=2) + "\n"
                     if args.json else render(m))
    return 0 if not m.failures() else 1


if __name__ == "__main__":
    sys.exit(main())
