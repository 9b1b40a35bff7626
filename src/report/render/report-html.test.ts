// What a reader of the HTML report would notice: warnings first, every number leading to exactly
// its rows, user text shown as text, nothing fetched from elsewhere, one map mark per incident,
// and the same bytes every time.
import { JSDOM, type DomDocument, type DomElement } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Compared, Figure } from '../daily/report-types.ts';
import { rowAnchor } from './figure-index.ts';
import { formatCount } from './report-format.ts';
import { renderReportHtml } from './report-html.ts';
import { renderReportMarkdown } from './report-markdown.ts';
import {
  PIPE_TITLE,
  REFERENCE_URL,
  SCRIPT_SOURCE,
  SVG_ZONE,
  busyReport,
  quietReport,
  renderFixture,
} from './render-test-support.ts';

const report = renderFixture();
const html = renderReportHtml(report, { issuer: 'Joint monitoring cell <Geneva>' });
const doc: DomDocument = new JSDOM(html).window.document;
const all = (root: DomDocument | DomElement, selector: string) =>
  Array.from(root.querySelectorAll(selector));
const text = (e: DomElement | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The rows (their `incident-<id>` anchors) listed by the figure-index entry a link points to:
 * labels such as `I7` and runs such as `I7–I12`, where each label written is a link to its row.
 */
function rowsBehind(link: DomElement): string[] {
  const entry = doc.getElementById(link.getAttribute('href')!.slice(1));
  expect(entry?.tagName, `target of ${link.getAttribute('href')}`).toBe('LI');
  const linked = new Set(all(entry!, 'a[href]').map((a) => a.getAttribute('href')!.slice(1)));
  const listed = text(entry).split(/ — (?:no \w+$|[\d,]+ \w+: )/)[1] ?? '';
  const labels = listed
    .split(', ')
    .filter(Boolean)
    .flatMap((token) => {
      const ends = token.split('–').map((label) => /^([A-Z])(\d+)$/.exec(label)!);
      for (const [label] of ends) expect(linked.has(label!), label).toBe(true);
      const [, prefix, from] = ends[0]!;
      const to = Number((ends[1] ?? ends[0]!)[2]);
      return Array.from({ length: to - Number(from) + 1 }, (_, i) => `${prefix}${Number(from) + i}`); // prettier-ignore
    });
  return labels.map((label) => doc.getElementById(label)!.closest('tr')!.id);
}

const anchorsOf = (f: Figure) => f.refs.map((id) => rowAnchor(f.of, id)).sort();

describe('the HTML report', () => {
  it('lists the early warnings first: before the summary and the headline figures', () => {
    const order = ['early-warning', 'summary', 'headline', 'agreements', 'appendix-figures'];
    const at = order.map((id) => html.indexOf(`<section id="${id}">`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const warnings = all(doc, '#early-warning ul.warnings > li');
    expect(warnings).toHaveLength(report.earlyWarnings.length);
    // With the rule's numbers in words.
    expect(text(warnings[0]!)).toContain('Rural Damascus — people killed (best estimate): 7 in the period against a baseline of 0.21 a day over the previous 28 report days'); // prettier-ignore
    expect(text(warnings[0]!)).toContain('The rule flags 7 killed or more here; a rise this large would happen by chance about once in 1,400 report days (p = 0.00073)'); // prettier-ignore
  });

  it('opens with a plain-language summary generated from the figures', () => {
    const summary = text(doc.querySelector('#summary p.summary'));
    expect(summary).toMatch(/^4 ceasefire violations were recorded in the 24 hours to 19:30 on 17 February 2018 \(Asia\/Damascus time\), against 2 in the previous period, including 3 in Rural Damascus and 1 in Idlib\./); // prettier-ignore
    expect(summary).toContain('13 people were killed (best estimate; between 7 and 19), 5 of them civilians, against 6 in the previous period.'); // prettier-ignore
    expect(summary).toContain('Over the last nine days, 25 people have been killed; in Rural Damascus alone, 13.'); // prettier-ignore
    expect(summary).toContain('was extended by 48 hours');
  });

  it('links each headline number to an entry listing exactly the rows behind it', () => {
    const h = report.headline;
    const expected: [string, Compared][] = [
      ['Incidents, all types', h.incidents],
      ['Violence against civilians', h.incidentsByType.find((t) => t.eventType === 'Violence against civilians')!.incidents], // prettier-ignore
      ['Violations', h.violations.total],
      ['certain', h.violations.certain],
      ['possible', h.violations.possible],
      ['confirmed', h.violations.confirmed],
      ['pending review', h.violations.pending],
      ['Dismissed (not violations)', h.violations.dismissed],
      ['Killed, best estimate', h.casualties.killed.best],
      ['Killed, low estimate', h.casualties.killed.low],
      ['Killed, high estimate', h.casualties.killed.high],
      ['Civilians killed', h.casualties.civiliansKilled],
      ['Injured, best estimate', h.casualties.injured.best],
    ];
    const rows = new Map(all(doc, '#headline tbody tr').map((tr) => [text(tr.querySelector('td')), tr])); // prettier-ignore
    for (const [label, c] of expected) {
      const tr = rows.get(label);
      expect(tr, label).toBeDefined();
      const [now, before] = all(tr!, 'a.f');
      for (const [link, f] of [
        [now!, c.current],
        [before!, c.previous],
      ] as const) {
        expect(text(link), label).toBe(formatCount(f.value));
        expect(rowsBehind(link).sort(), label).toEqual(anchorsOf(f));
      }
    }
  });

  it('links every number of the body, and every link lands on an anchor of the page', () => {
    const body = doc.querySelector('main')!;
    // Numbers are links; the only numbers outside links are changes (with their sign), dates and
    // the rule's numbers.
    for (const td of all(body, 'td.n'))
      if (!/^[+−±]\d/.test(text(td))) expect(td.querySelector('a.f'), text(td)).not.toBeNull();
    const links = all(doc, 'a[href]');
    expect(links.length).toBeGreaterThan(200);
    for (const a of links) {
      const href = a.getAttribute('href')!;
      expect(href.startsWith('#'), href).toBe(true);
      expect(doc.getElementById(href.slice(1)), href).not.toBeNull();
    }
  });

  it('gives every appendix row its anchor, and lists its sources with their grades', () => {
    for (const i of report.appendix.incidents)
      expect(doc.getElementById(rowAnchor('incident', i.id))?.tagName).toBe('TR');
    for (const v of report.appendix.violations)
      expect(doc.getElementById(rowAnchor('violation', v.id))?.tagName).toBe('TR');
    for (const n of report.appendix.notices) expect(doc.getElementById(rowAnchor('notice', n.id))).not.toBeNull(); // prettier-ignore
    const air = text(doc.getElementById(rowAnchor('incident', 'i-air')));
    expect(air).toContain('merged in: i-dup');
    expect(air).toContain(`${SCRIPT_SOURCE} (monitoring ngo) B2, killed 3/3/3`);
    expect(air).toContain('Source reuters (wire service) B6');
  });

  it('shows user text as text: markup in names, titles and references is escaped', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;sohr&quot;)&lt;/script&gt; &amp; Co');
    expect(all(doc, '[onload], [onerror]')).toHaveLength(0);
    expect(text(doc.body)).toContain(SCRIPT_SOURCE);
    expect(text(doc.body)).toContain(SVG_ZONE); // in the map's zone labels
    expect(text(doc.body)).toContain(PIPE_TITLE);
    expect(text(doc.querySelector('.issuer'))).toBe('Joint monitoring cell <Geneva>');
    // A source's URL is shown, not linked.
    expect(text(doc.body)).toContain(REFERENCE_URL);
    expect(all(doc, 'a[href^="http"]')).toHaveLength(0);
  });

  it('is self-contained: no scripts, no external resources, inline CSS and SVG only', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b/i);
    expect(html).not.toMatch(/\s(src|srcset|xlink:href)=/i);
    expect(html).not.toMatch(/@import|url\((?!#)/i);
    expect(html).not.toMatch(/(href|src)="(https?:)?\/\//i);
    expect(all(doc, 'style')).not.toHaveLength(0);
    expect(all(doc, 'svg').length).toBeGreaterThanOrEqual(4); // two series, the map, its legend
  });

  it('prints on A4: appendix on a new page, rows unbroken, link URLs not printed', () => {
    const css = doc.querySelector('head style')!.textContent!;
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toContain('size: A4');
    expect(print).toMatch(/\.appendix \{ break-before: page;/);
    expect(print).toMatch(/tr, li[^{]*\{ break-inside: avoid;/);
    expect(print).toContain('a[href]::after { content: none !important; }');
    expect(print).toContain('thead { display: table-header-group; }');
    expect(print).toMatch(/svg \{ width: 100% !important; height: auto !important; \}/);
  });

  it('states the period in local time with its zone and in UTC, the cut-off and the grading key', () => {
    const about = text(doc.querySelector('header'));
    expect(about).toContain('Period 16 Feb 2018 19:30 to 17 Feb 2018 19:30 Asia/Damascus time (UTC+2); 16 Feb 2018 17:30 to 17 Feb 2018 17:30 UTC'); // prettier-ignore
    expect(about).toContain('Compared with 15 Feb 2018 19:30 to 16 Feb 2018 19:30');
    expect(about).toContain('Cut-off 19:30 Asia/Damascus time (UTC+2) each day');
    expect(about).toContain(
      'Generated 17 Feb 2018 20:00 Asia/Damascus time; 17 Feb 2018 18:00 UTC',
    );
    expect(about).toContain('A completely reliable · B usually reliable');
    expect(about).toContain('6 truth cannot be judged');
    expect(about).toContain('at least 3 and a rise this large would have probability 0.01 or less');
  });

  it('draws the map: one mark per incident, linked to its row, shaped and coloured by state', () => {
    const marks = all(doc, 'svg.tl-map g.incidents > a');
    expect(marks).toHaveLength(report.map.incidents.length);
    const hrefs = marks.map((a) => a.getAttribute('href')).sort();
    expect(hrefs).toEqual(report.map.incidents.map((i) => `#${rowAnchor('incident', i.id)}`).sort()); // prettier-ignore
    const byState = new Map(report.map.incidents.map((i) => [`#${rowAnchor('incident', i.id)}`, i.violation])); // prettier-ignore
    const looks = new Map<string, Set<string>>();
    for (const a of marks) {
      const path = a.querySelector('path')!;
      const shape = path.getAttribute('d')!.replace(/[\d.-]+/g, '#'); // the symbol, not its size
      const state = byState.get(a.getAttribute('href')!)!;
      looks.set(state, (looks.get(state) ?? new Set()).add(`${shape} ${path.getAttribute('fill')}`)); // prettier-ignore
    }
    const [certain, possible, none] = ['certain', 'possible', 'none'].map((s) => [...looks.get(s)!]); // prettier-ignore
    expect(new Set([...certain!, ...possible!, ...none!]).size).toBe(3);
    expect(all(doc, 'svg.tl-map g[class^="zones-"] path').length).toBe(report.map.zones.length);
    expect(text(doc.querySelector('svg.tl-map-legend'))).toContain('violation, certain');
  });

  it('charts the daily series: each bar links to the rows of its day', () => {
    const bars = all(doc, 'svg.tl-series-violations a');
    const s = report.series;
    const nonZero = [s.total, ...s.areas].flatMap((a) => a.violations.filter((f) => f.value > 0));
    expect(bars).toHaveLength(nonZero.length);
    const lastDay = bars.find((a) => text(a).startsWith('All areas, 17 Feb: 4 violations'));
    expect(lastDay).toBeDefined();
    expect(rowsBehind(lastDay!).sort()).toEqual(anchorsOf(s.total.violations[s.days.length - 1]!));
  });

  it('says so plainly on a quiet day, and still draws the zones', () => {
    const quiet = new JSDOM(renderReportHtml(quietReport())).window.document;
    expect(text(quiet.querySelector('#early-warning'))).toContain('No area or zone rose well above its recent baseline'); // prettier-ignore
    expect(text(quiet.querySelector('#summary p'))).toMatch(/^No ceasefire violations were recorded in the 24 hours to 19:30 on 17 February 2018 \(Asia\/Damascus time\), against 0 in the previous period\. No one was reported killed\./); // prettier-ignore
    expect(text(quiet.querySelector('#series'))).toContain('Violations per report day: none in the series.'); // prettier-ignore
    expect(all(quiet, 'svg.tl-map g.incidents > a')).toHaveLength(0);
    expect(all(quiet, 'svg.tl-map g[class^="zones-"] path').length).toBeGreaterThan(0);
    expect(text(quiet.querySelector('#appendix-incidents'))).toContain('No incidents.');
  });

  it('renders the same bytes every time', () => {
    renderReportHtml(busyReport(20)); // moves Plot's internal counters, if any were used
    expect(renderReportHtml(report, { issuer: 'Joint monitoring cell <Geneva>' })).toBe(html);
    expect(renderReportMarkdown(report)).toBe(renderReportMarkdown(report));
  });

  it('grows linearly with the rows it lists', () => {
    const small = renderReportHtml(busyReport(250)).length;
    const large = renderReportHtml(busyReport(1000)).length;
    const perRow = (large - small) / 750 / 2; // each step adds 2 × 750 incidents, half violations
    expect(large / small).toBeLessThan(4);
    expect(perRow).toBeLessThan(1500);
  });
});
