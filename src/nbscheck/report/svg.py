"""Small charts as inline SVG for the HTML reports: no script, no external file, so a report opens
offline and prints exactly as it shows. Every label is HTML-escaped here; callers pass plain text.

Two shapes cover the reports: horizontal bars of percentages (dimensions, IUCN criteria, clauses)
with the rating bands' thresholds marked, and vertical columns of counts (bands, score histogram).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .labels import num
from .safe import html_text as escape

BAND_COLOURS = ("#2e7d32", "#7cb342", "#f9a825", "#e65100", "#b71c1c")
"""From the highest band down; a guideline with more bands reuses the last colour."""


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value (a percent for :func:`bars`, a count for :func:`columns`),
    and the text shown at its end (a band's name, say)."""

    label: str
    value: float | None
    note: str = ""
    colour: str = "#2e7d32"


def _text_width(s: str, size: float) -> float:
    """Rough width of ``s`` in px: CJK characters are square, others about half as wide."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.55 for ch in s)


def fit(s: str, size: float, room: float) -> str:
    """``s`` cut short with "…" to fit ``room`` px, so a long label never runs off the chart's edge."""
    if _text_width(s, size) <= room:
        return s
    while s and _text_width(s + "…", size) > room:
        s = s[:-1]
    return s.rstrip() + "…"


def bars(rows: Sequence[Bar], thresholds: Sequence[tuple[float, str]] = (), width: int = 640,
         title: str = "", maximum: float = 100.0, unit: str = "%", label_share: float = 0.42) -> str:
    """Horizontal bars from 0 to ``maximum``; ``thresholds`` are (value, label) lines drawn across.
    Labels take at most ``label_share`` of the width and are cut short beyond it."""
    size, row_h, top = 11, 18, 22 if thresholds else 6
    label_w = min(max((_text_width(r.label, size) for r in rows), default=40) + 8, width * label_share)
    note_w = max((_text_width(f"{num(r.value)}{unit} {r.note}", size) for r in rows if r.value is not None), default=30) + 6
    plot_w = max(width - label_w - note_w, 80)
    height = top + row_h * len(rows) + 4
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="img" aria-label="{escape(title)}">', f"<title>{escape(title)}</title>"]
    for value, label in thresholds:
        x = label_w + plot_w * value / maximum
        out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 2}" stroke="#999" stroke-dasharray="3 2"/>')
        out.append(f'<text x="{x:.1f}" y="{top - 8}" font-size="9" text-anchor="middle" fill="#555">{escape(label)}</text>')
    for i, r in enumerate(rows):
        y = top + i * row_h
        out.append(f'<text x="{label_w - 6:.1f}" y="{y + 12}" font-size="{size}" text-anchor="end">'
                   f'{escape(fit(r.label, size, label_w - 8))}</text>')
        if r.value is None:
            out.append(f'<text x="{label_w + 4:.1f}" y="{y + 12}" font-size="{size}" fill="#777">{escape(r.note)}</text>')
            continue
        w = plot_w * max(0.0, min(r.value, maximum)) / maximum
        out.append(f'<rect x="{label_w:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{r.colour}"/>')
        out.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 12}" font-size="{size}">'
                   f'{escape(num(r.value) + unit)} {escape(r.note)}</text>')
    out.append("</svg>")
    return "".join(out)


def columns(rows: Sequence[Bar], width: int = 320, height: int = 160, title: str = "") -> str:
    """Vertical columns of counts, each labelled underneath and with its count on top."""
    size = 10
    n = max(len(rows), 1)
    top, bottom = 14, 18
    peak = max((r.value or 0 for r in rows), default=0) or 1
    step = width / n
    plot_h = height - top - bottom
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="img" aria-label="{escape(title)}">', f"<title>{escape(title)}</title>",
           f'<line x1="0" y1="{top + plot_h}" x2="{width}" y2="{top + plot_h}" stroke="#999"/>']
    for i, r in enumerate(rows):
        v = r.value or 0
        h = plot_h * v / peak
        x = i * step + step * 0.15
        out.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}" fill="{r.colour}"/>')
        cx = i * step + step / 2
        out.append(f'<text x="{cx:.1f}" y="{top + plot_h - h - 3:.1f}" font-size="{size}" text-anchor="middle">{num(v)}</text>')
        out.append(f'<text x="{cx:.1f}" y="{height - 5}" font-size="{size}" text-anchor="middle">{escape(r.label)}</text>')
    out.append("</svg>")
    return "".join(out)
