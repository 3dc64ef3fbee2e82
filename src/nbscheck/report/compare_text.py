"""``nbscheck compare`` for a terminal: the two sides, the score change, then clause by clause."""

from __future__ import annotations

from ..change.compare import Comparison
from ..findings import Finding
from . import compare_words as cw
from .findings_text import COLOUR, SEVERITY, render_finding, width
from .safe import printable
from .style import Style, plain


def _finding(f: Finding, lang: str, style: Style) -> str:
    """One finding on one line (no hint, no source: the files themselves say more)."""
    loc = f"{f.file}:{f.line}:{f.column}" if f.line else f.file
    clause = f" [{f.clause}]" if f.clause else ""
    sev = SEVERITY["en" if lang == "en" else "zh"][f.severity.value]
    return f"  {printable(loc)}: {style(sev, COLOUR[f.severity])} {f.code}{printable(clause)} {printable(f.message(lang))}"


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    out = []
    for r in rows:
        cells = [r[i] + " " * (widths[i] - width(r[i])) for i in range(len(widths))] + [r[-1]]
        out.append(printable(("  " + "  ".join(cells)).rstrip()))
    return out


def render(c: Comparison, lang: str = "zh", style: Style | None = None) -> str:
    style = style or plain()
    w = cw.words(lang)
    colon = w["colon"]
    out = [style(printable(f"{w['title']} {c.old.file} → {c.new.file}"), "bold")]
    township = cw.township(c.old, lang)
    shown = township if township == cw.township(c.new, lang) else f"{township} → {cw.township(c.new, lang)}"
    out.append(printable(f"{w['township']}{colon}{shown}"))
    out.append(f"{w['guideline']}{colon}{cw.guideline(c.old)} → {cw.guideline(c.new)}")
    out.append(f"{w['score']}{colon}{cw.score(c.old, lang)} → {cw.score(c.new, lang)}（{cw.percent_change(c, lang)}）"
               if lang != "en" else
               f"{w['score']}{colon}{cw.score(c.old, lang)} → {cw.score(c.new, lang)} ({cw.percent_change(c, lang)})")
    out.append(f"{w['qualified']}{colon}{cw.qualified(c.old, lang)} → {cw.qualified(c.new, lang)}")
    out.append(f"{w['counts']}{colon}{c.old.errors}/{c.old.warnings} → {c.new.errors}/{c.new.warnings}")
    for f in c.problems:
        out.append(render_finding(f, lang, style, None))
    out.append("")
    out.append(style(f"{w['dimensions']} ({len(c.dimensions)})", "bold"))
    if c.dimensions:
        out += _table([cw.dimension_line(d, lang)[:2] + ("→ " + cw.dimension_line(d, lang)[2],) for d in c.dimensions])
    else:
        out.append(f"  {w['none']}")
    out.append("")
    out.append(style(f"{w['clauses']} ({len(c.clauses)})", "bold"))
    if c.clauses:
        out += _table([(cw.clause_label(d), w["sep"].join(cw.clause_parts(c, d, lang))) for d in c.clauses])
    else:
        out.append(f"  {w['none']}")
    for title, found in ((w["new"], c.new_findings), (w["resolved"], c.resolved)):
        out.append("")
        out.append(style(f"{title} ({len(found)})", "bold"))
        out += [_finding(f, lang, style) for f in found] or [f"  {w['none']}"]
    return "\n".join(out) + "\n"
