// The daily report as one self-contained HTML document: inline CSS and inline SVG charts, no
// scripts and no external requests, printable on A4. Every number of the body links to the entry
// of the appendix's figure index that lists exactly its rows; every row has its own anchor.
// User text (names, sources, titles, reasons) is escaped; the SVGs are serialized by jsdom, which
// escapes what Plot puts in them.
import type { DailyReport } from '../daily/report-types.ts';
import type { Block, FigureRef, Inline, ReportDocument, Section, Table } from './document-model.ts';
import { escapeHtml } from './escape-html.ts';
import { entryCount, entryTitle, figureAnchor, rowAnchor, type FigureEntry, type RowRef } from './figure-index.ts'; // prettier-ignore
import { plotDocument, type PlotDocument } from './plot-svg.ts';
import { seriesChart, seriesTitle } from './report-charts.ts';
import { REPORT_CSS } from './report-css.ts';
import { reportDocument, type RenderOptions } from './report-document.ts';
import { formatCount, formatDelta } from './report-format.ts';
import { mapLegendSvg, mapSvg } from './report-map-svg.ts';

export type { RenderOptions } from './report-document.ts';

const figureLink = (f: FigureRef) =>
  `<a class="f" href="#${figureAnchor(f.n)}">${formatCount(f.value)}</a>`;

function inline(x: Inline): string {
  if (typeof x === 'string') return escapeHtml(x);
  switch (x.kind) {
    case 'strong':
      return `<strong>${escapeHtml(x.text)}</strong>`;
    case 'figure':
      return figureLink(x.fig);
    case 'compared':
      return `${figureLink(x.current)}<span class="was">was ${figureLink(x.previous)}, <span class="delta">${formatDelta(x.delta)}</span></span>`; // prettier-ignore
    case 'row':
      return `<a href="#${rowAnchor(x.table, x.id)}">${escapeHtml(x.label)}</a>`;
    case 'section':
      return `<a href="#${escapeHtml(x.id)}">${escapeHtml(x.text)}</a>`;
    case 'code':
      return `<code>${escapeHtml(x.text)}</code>`;
    case 'spark':
      return `<span class="spark" aria-hidden="true">${escapeHtml(x.text)}</span>`;
    case 'label':
      return `<strong id="${escapeHtml(x.text)}">${escapeHtml(x.text)}</strong>`;
  }
}

const inlines = (xs: readonly Inline[]) => xs.map(inline).join('');

function table(t: Table): string {
  const cls = (i: number) => (t.numeric[i] ? ' class="n"' : '');
  const head = t.head.map((h, i) => `<th${cls(i)} scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = t.rows.map((r) => {
    const attrs = (r.anchor ? ` id="${r.anchor}"` : '') + (r.total ? ' class="total"' : '');
    return `<tr${attrs}>${r.cells.map((c, i) => `<td${cls(i)}>${inlines(c)}</td>`).join('')}</tr>`;
  });
  const caption = t.caption ? `<caption>${escapeHtml(t.caption)}</caption>` : '';
  return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`; // prettier-ignore
}

function figureEntry(doc: ReportDocument, e: FigureEntry): string {
  const row = (r: RowRef) =>
    r.listed ? `<a href="#${r.label}">${r.label}</a>` : `<code>${escapeHtml(r.id)}</code>`;
  const rows = doc.rows
    .runs(e.of, e.refs)
    .map(({ first, last }) => (last ? `${row(first)}–${row(last)}` : row(first)))
    .join(', ');
  return `<li id="${figureAnchor(e.n)}"><span class="fn">F${e.n}</span> ${escapeHtml(entryTitle(e))} — ${entryCount(e)}${rows ? `: ${rows}` : ''}</li>`; // prettier-ignore
}

interface Drawing {
  document: PlotDocument;
  doc: ReportDocument;
}

function seriesBlock(d: Drawing, b: Extract<Block, { kind: 'series' }>): string {
  const charts = (['violations', 'killed'] as const).map((m) => {
    const svg = seriesChart(d.document, b.dates, b.panels, m, d.doc.figures);
    return svg
      ? `<figure class="chart"><figcaption>${escapeHtml(seriesTitle(m))}</figcaption>${svg}</figure>`
      : `<p class="note">${escapeHtml(seriesTitle(m))}: none in the series.</p>`;
  });
  return charts.join('\n');
}

function mapBlock(d: Drawing): string {
  const r = d.doc.report;
  const titles = new Map(r.agreements.map((a) => [a.agreementId, a.title]));
  const svg = mapSvg(d.document, r.map, r.timeZone, (id) => titles.get(id) ?? id);
  if (!svg) return '<p class="note">No incidents and no zones in force in the period.</p>';
  const kinds = [...new Set(r.map.zones.map((z) => z.kind))];
  return `<figure class="map"><figcaption>Incidents of the period over the zones in force (click an incident for its row)</figcaption>${svg}${mapLegendSvg(d.document, kinds)}</figure>`; // prettier-ignore
}

function block(d: Drawing, b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p${b.role ? ` class="${b.role}"` : ''}>${inlines(b.content)}</p>`;
    case 'list':
      return `<ul${b.role ? ` class="${b.role}"` : ''}>\n${b.items.map((i) => `<li>${inlines(i)}</li>`).join('\n')}\n</ul>`; // prettier-ignore
    case 'table':
      return table(b.table);
    case 'heading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'facts':
      return `<dl class="facts">\n${b.items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt>\n<dd>${inlines(v)}</dd>`).join('\n')}\n</dl>`; // prettier-ignore
    case 'series':
      return seriesBlock(d, b);
    case 'map':
      return mapBlock(d);
    case 'figure-index':
      // Rendered last of all, when the charts have registered their bars' rows too.
      return `<ul class="figures">\n${d.doc.figures.entries.map((e) => figureEntry(d.doc, e)).join('\n')}\n</ul>`; // prettier-ignore
  }
}

function section(d: Drawing, s: Section): string {
  const blocks = s.blocks.map((b) => block(d, b));
  // The header's method note and grading key: small print, after the facts of the period.
  const body =
    s.role === 'header' && blocks.length > 1
      ? `${blocks[0]}\n<div class="method">\n${blocks.slice(1).join('\n')}\n</div>`
      : blocks.join('\n');
  return `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.title)}</h2>\n${body}\n</section>`;
}

export function renderReportHtml(report: DailyReport, options: RenderOptions = {}): string {
  const doc = reportDocument(report, options);
  const d: Drawing = { document: plotDocument(), doc };
  const of = (role: Section['role']) => doc.sections.filter((s) => s.role === role);
  // Body first: its charts add their bars' entries to the figure index the appendix lists.
  const body = of('body').map((s) => section(d, s));
  const appendix = of('appendix').map((s) => section(d, s));
  const header = of('header').map((s) => section(d, s));
  const toc = [...of('body'), ...of('appendix')]
    .map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`)
    .join(' ');
  const subtitle = doc.subtitle ? `<p class="issuer">${escapeHtml(doc.subtitle)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>
${REPORT_CSS}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(doc.title)}</h1>
${subtitle}
${header.join('\n')}
</header>
<nav class="toc" aria-label="Contents">${toc}</nav>
<main>
${body.join('\n')}
</main>
<div class="appendix">
${appendix.join('\n')}
</div>
</body>
</html>
`;
}
