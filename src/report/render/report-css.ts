// The report's one inline style sheet: readable on screen, A4 in print. Colour is never the only
// signal — warnings carry a word and a border, changes a sign, map marks a shape and a dash.
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232a; background: #fff; max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6em; margin: 0 0 .2rem; }
h2 { font-size: 1.2em; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #1d232a; }
h3 { font-size: 1em; margin: 1.2rem 0 .4rem; }
p { margin: .4rem 0 .8rem; }
.issuer { margin: 0; color: #444; }
.note { font-size: .88em; color: #444; }
.summary { font-size: 1.05em; }
a { color: #0b4f8a; }
a.f { color: inherit; text-decoration: underline dotted #0b4f8a; text-underline-offset: 2px; font-variant-numeric: tabular-nums; }
a.f:hover, a.f:focus { color: #0b4f8a; }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; font-size: .92em; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.method { font-size: .8em; color: #333; columns: 2 20rem; column-gap: 1.5rem; }
.method h3 { font-size: 1.05em; margin: .2rem 0 .3rem; break-after: avoid; }
.method p { margin: 0 0 .4rem; }
.method .note { font-size: inherit; }
.method dl.facts { font-size: inherit; grid-template-columns: 1fr; gap: 0; break-inside: avoid; }
.method dl.facts dd { margin: 0 0 .3rem; }
nav.toc { font-size: .88em; margin: 1rem 0; padding: .5rem .8rem; background: #f3f5f7; }
nav.toc a { margin-right: .8rem; white-space: nowrap; }
#early-warning { border: 3px solid #b3261e; padding: .2rem 1rem .6rem; margin-top: 1.5rem; }
#early-warning h2 { border: 0; color: #b3261e; margin-top: .6rem; }
ul.warnings li { margin-bottom: .5rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1.2rem; font-size: .9em; }
caption { text-align: left; font-size: .85em; color: #444; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid #d5dbe1; padding: .25rem .4rem; vertical-align: top; text-align: left; }
th { border-bottom: 2px solid #1d232a; font-weight: 600; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; background: #f3f5f7; }
.was { display: block; font-size: .8em; color: #555; font-weight: 400; white-space: nowrap; }
.delta { white-space: nowrap; }
.spark { letter-spacing: -1px; white-space: nowrap; }
figure { margin: .8rem 0 1rem; }
figcaption { font-weight: 600; font-size: .9em; margin-bottom: .3rem; }
svg { max-width: 100%; height: auto; }
.appendix table { font-size: .78em; }
.appendix td { overflow-wrap: break-word; }
ul.figures { list-style: none; padding: 0; font-size: .8em; }
ul.figures li { padding: .15rem 0; border-bottom: 1px solid #eef1f4; }
ul.figures .fn { font-weight: 700; display: inline-block; min-width: 3.2em; }
:target { background: #fff4c2; }
@media print {
  @page { size: A4; margin: 15mm 13mm; }
  body { font-size: 9.5pt; max-width: none; padding: 0; }
  a, a.f { color: inherit; text-decoration: none; }
  a[href]::after { content: none !important; }
  nav.toc { display: none; }
  h2, h3, figcaption, caption { break-after: avoid; page-break-after: avoid; }
  tr, li, figure, dl.facts, main table { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .appendix { break-before: page; page-break-before: always; }
  .appendix table { font-size: 7pt; }
  ul.figures { font-size: 7pt; }
  svg { width: 100% !important; height: auto !important; }
  :target { background: none; }
}
`
  .trim()
  .replace(/\n\s*/g, '\n');
