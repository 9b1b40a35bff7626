// The Markdown edition as an e-mail reader meets it: the same sections, warnings first, the
// headline table with signed changes, each [Fn] resolving to exactly its rows in Appendix A, user
// text escaped, well-formed tables, and a text trend instead of charts.
import { describe, expect, it } from 'vitest';
import type { Figure } from '../daily/report-types.ts';
import { RowLabels } from './figure-index.ts';
import { renderReportMarkdown } from './report-markdown.ts';
import { PIPE_TITLE, renderFixture } from './render-test-support.ts';

const report = renderFixture();
const md = renderReportMarkdown(report, { issuer: 'Joint monitoring cell' });
const lines = md.split('\n');
const labels = new RowLabels(report.appendix);

/** Appendix A's entries: Fn → the row labels it lists, runs (I3–I6) expanded. */
const entries = new Map(
  lines
    .filter((l) => l.startsWith('- **F'))
    .map((l) => {
      const [, n, listed] = /^- \*\*F(\d+)\*\* .* — (?:no \w+|[\d,]+ \w+: (.*))$/.exec(l)!;
      const rows = (listed ?? '')
        .split(', ')
        .filter(Boolean)
        .flatMap((token) => {
          const [a, b] = token.split('–').map((x) => /^([A-Z])(\d+)$/.exec(x)!);
          return Array.from({ length: Number((b ?? a!)[2]) - Number(a![2]) + 1 }, (_, i) => `${a![1]}${Number(a![2]) + i}`); // prettier-ignore
        });
      return [Number(n), rows] as const;
    }),
);

/** The cells of a table row, split on unescaped pipes. */
const cells = (line: string) =>
  line
    .slice(2, -2)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

const rowOf = (label: string) => lines.find((l) => l.startsWith(`| ${label} |`));

describe('the Markdown report', () => {
  it('has the same sections as the HTML, early warning before summary and headline', () => {
    const headings = lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings.slice(0, 5)).toEqual(['About this report', '⚠ Early warning', 'Summary', 'Headline figures', 'Agreements and zones']); // prettier-ignore
    expect(headings).toContain('Appendix A — Figures and the rows behind them');
    expect(headings).toContain('Appendix B — Incidents');
    expect(lines[0]).toBe('# Daily situation report — 17 February 2018');
  });

  it('gives the headline table with the previous period and signed changes', () => {
    expect(md).toContain('|   | This period (17 Feb) | Previous (16 Feb) | Change |\n| --- | ---: | ---: | ---: |'); // prettier-ignore
    expect(cells(rowOf('**Incidents, all types**')!)).toEqual(['**Incidents, all types**', expect.stringMatching(/^7 \[F\d+\]$/), expect.stringMatching(/^5 \[F\d+\]$/), '+2']); // prettier-ignore
    expect(cells(rowOf('Violence against civilians')!).slice(1)).toEqual(['0', expect.stringMatching(/^2 \[F\d+\]$/), '−2']); // prettier-ignore
    expect(cells(rowOf('Battles')!)[3]).toBe('±0');
    expect(cells(rowOf('**Violations**')!)[3]).toBe('+2');
    expect(cells(rowOf('**Killed, best estimate**')!).slice(1)).toEqual([expect.stringMatching(/^13 \[F\d+\]$/), expect.stringMatching(/^6 \[F\d+\]$/), '+7']); // prettier-ignore
  });

  it('resolves each [Fn] of the headline to exactly its rows in Appendix A', () => {
    const check = (cell: string, f: Figure) => {
      const m = /^([\d,]+)(?: \[F(\d+)\])?$/.exec(cell)!;
      expect(Number(m[1]!.replace(/,/g, ''))).toBe(f.value);
      if (f.refs.length === 0) return expect(m[2]).toBeUndefined();
      expect(entries.get(Number(m[2]))?.sort()).toEqual(f.refs.map((id) => labels.of(f.of, id)).sort()); // prettier-ignore
    };
    const h = report.headline;
    for (const [label, c] of [
      ['**Violations**', h.violations.total],
      ['certain', h.violations.certain],
      ['Dismissed (not violations)', h.violations.dismissed],
      ['**Killed, best estimate**', h.casualties.killed.best],
      ['Civilians killed', h.casualties.civiliansKilled],
    ] as const) {
      const [, now, before] = cells(rowOf(label)!);
      check(now!, c.current);
      check(before!, c.previous);
    }
  });

  it('reads as plain text: no HTML, user text escaped, every table row as wide as its head', () => {
    // Every < of user text is escaped (\<) but in code spans, where Markdown shows it as it is.
    expect(md.replace(/`[^`\n]*`/g, '')).not.toMatch(/(?<!\\)<[a-z/]/i);
    expect(md).toContain('\\<script\\>alert("sohr")\\</script\\> & Co');
    expect(md).toContain('Damascus \\| "Eastern" truce');
    expect(md).not.toContain(PIPE_TITLE);
    let width = 0;
    for (const l of lines) {
      if (!l.startsWith('|')) width = 0;
      else if (width === 0) width = cells(l).length;
      else expect(cells(l), l).toHaveLength(width);
    }
  });

  it('replaces the charts with a one-line trend per area', () => {
    const rural = cells(lines.find((l) => l.startsWith('| Rural Damascus |') && l.includes('▁'))!); // prettier-ignore
    const trends = rural.filter((c) => /^[▁▂▃▄▅▆▇█]+$/.test(c));
    expect(trends).toHaveLength(2);
    for (const t of trends) expect([...t]).toHaveLength(report.series.days.length);
    expect(trends[1]!.endsWith('█')).toBe(true); // the period is the busiest day for killed
    expect(md).not.toMatch(/(?<!\\)<svg/);
  });
});
