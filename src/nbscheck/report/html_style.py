"""The stylesheet of the HTML reports, inlined into each page so the file works offline.

Sized for A4 (``@page { size: A4 }``): a card fits one page for a clean submission and two for one
with findings; in a folder report each card starts on a new page, after the overview.
"""

CSS = """
@page { size: A4; margin: 11mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 10pt; color: #1b1b1b; margin: 0 auto; max-width: 190mm; line-height: 1.35; }
h1 { font-size: 17pt; margin: 2mm 0 2mm; }
h2 { font-size: 11pt; margin: 3mm 0 1.5mm; border-bottom: 1px solid #bbb; }
h2 small { font-weight: normal; color: #555; }
.kicker { color: #555; font-size: 9pt; }
.facts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.5mm 4mm; margin: 0; font-size: 8.5pt; }
.facts div { display: flex; gap: 2mm; min-width: 0; }
.facts dt { color: #555; white-space: nowrap; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.verdict { border: 2px solid; border-radius: 2mm; padding: 2mm 3mm; margin: 3mm 0; }
.verdict.ok { border-color: #2e7d32; background: #f1f8e9; }
.verdict.no { border-color: #b71c1c; background: #fdecea; }
.verdict strong { font-size: 13pt; margin-right: 4mm; }
.verdict .reasons { font-size: 8.5pt; margin-top: 1mm; }
.verdict ul { margin: 0.5mm 0 0; padding-left: 5mm; }
svg.chart { max-width: 100%; height: auto; display: block; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 0 5mm; align-items: start; break-inside: avoid; }
.findings ul { margin: 0; padding-left: 4mm; font-size: 8pt; }
.findings li.error { color: #8b0000; }
.findings .more { font-size: 8pt; color: #555; margin: 1mm 0; }
.two { display: flex; gap: 3mm; align-items: flex-start; }
table { border-collapse: collapse; }
table.clauses { flex: 1 1 0; font-size: 6.6pt; line-height: 1.15; }
table.clauses th, table.clauses td { border-bottom: 0.5px solid #ddd; padding: 0.2mm 0.8mm; text-align: left; vertical-align: top; }
table.clauses td:first-child { white-space: nowrap; }
table.clauses td:last-child { text-align: right; white-space: nowrap; }
tr.not_met td, tr.missing td, tr.failed td { color: #8b0000; }
tr.partial td { color: #8a5a00; }
tr { break-inside: avoid; }
.sign { display: grid; grid-template-columns: 2fr 1fr; grid-template-rows: auto auto auto; gap: 2mm 4mm; margin-top: 4mm;
  break-inside: avoid; font-size: 9pt; }
.sign .opinion { grid-column: 1; grid-row: 1 / span 3; border: 1px solid #888; min-height: 30mm; padding: 1mm 2mm; }
.sign .line { border-bottom: 1px solid #888; min-height: 10mm; padding-top: 1mm; }
.sign .stamp { border: 1px dashed #888; min-height: 12mm; padding: 1mm 2mm; color: #555; }
.sign span { color: #555; }
article.card + article.card, .overview + article.card { break-before: page; }
.overview .totals { font-size: 11pt; }
.overview ul { overflow-wrap: anywhere; font-size: 9pt; }
.overview .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 6mm; }
table.townships { width: 100%; font-size: 8pt; }
table.townships th, table.townships td { border-bottom: 0.5px solid #ddd; padding: 0.4mm 1mm; text-align: left; }
table.townships td.num { text-align: right; }
a { color: #0b4f8a; }
.back { font-size: 8pt; float: right; }
@media print { a { color: inherit; text-decoration: none; } .back { display: none; } }
"""
