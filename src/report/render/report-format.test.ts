// The shared formatting: signed changes, counts, probabilities in words, local time and offsets,
// trends; and the figure index's anchors and runs.
import { describe, expect, it } from 'vitest';
import { FigureIndex, RowLabels, rowAnchor } from './figure-index.ts';
import { escapeHtml } from './escape-html.ts';
import {
  chanceInWords,
  formatCount,
  formatDelta,
  formatLocalTime,
  formatPValue,
  sparkline,
  utcOffsetLabel,
} from './report-format.ts';

describe('report formatting', () => {
  it('signs changes: +3, −2 (a true minus), ±0', () => {
    expect([formatDelta(3), formatDelta(-2), formatDelta(0), formatDelta(1234)]).toEqual(['+3', '−2', '±0', '+1,234']); // prettier-ignore
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('puts probabilities in words', () => {
    expect(formatPValue(0.000729)).toBe('p = 0.00073');
    expect(formatPValue(0.0025)).toBe('p = 0.0025');
    expect(formatPValue(1e-9)).toBe('p < 0.000001');
    expect(chanceInWords(0.000729)).toBe('about once in 1,400 report days');
    expect(chanceInWords(0.0025)).toBe('about once in 400 report days');
  });

  it('writes local time with the offset of the day, whatever the zone', () => {
    const t = Date.parse('2018-03-25T16:30:00Z');
    expect(formatLocalTime(t, 'Europe/Kyiv')).toBe('25 Mar 2018 19:30');
    expect(utcOffsetLabel(t, 'Europe/Kyiv')).toBe('UTC+3');
    expect(utcOffsetLabel(Date.parse('2018-03-24T16:30:00Z'), 'Europe/Kyiv')).toBe('UTC+2');
    expect(utcOffsetLabel(t, 'Asia/Kolkata')).toBe('UTC+5:30');
    expect(utcOffsetLabel(t, 'America/Bogota')).toBe('UTC−5');
    expect(utcOffsetLabel(t, 'UTC')).toBe('UTC');
  });

  it('draws a trend with ▁ for none and █ for the busiest day', () => {
    expect(sparkline([0, 1, 2, 4])).toBe('▁▄▅█');
    expect(sparkline([0, 0])).toBe('▁▁');
  });

  it('escapes the five characters of HTML', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'); // prettier-ignore
  });
});

describe('the figure index', () => {
  it('makes valid, distinct anchors of any id', () => {
    expect(rowAnchor('violation', 'i-1~coh~east')).toBe('violation-i-1~coh~east');
    expect(rowAnchor('violation', 'i-1~coh~zone "a"/ü')).toBe('violation-i-1~coh~zone_20__22_a_22__2f__fc_'); // prettier-ignore
    expect(rowAnchor('violation', 'a_20_')).not.toBe(rowAnchor('violation', 'a '));
  });

  it('shares one entry between figures of the same rows, in any order', () => {
    const index = new FigureIndex();
    const a = index.ref({ value: 2, of: 'incident', refs: ['x', 'y'] }, 'first');
    const b = index.ref({ value: 9, of: 'incident', refs: ['y', 'x'] }, 'second');
    const c = index.ref({ value: 2, of: 'violation', refs: ['x', 'y'] }, 'third');
    expect([a, b, c]).toEqual([1, 1, 2]);
    expect(index.entries[0]).toMatchObject({ caption: 'first', uses: 2 });
  });

  it('lists rows in appendix order, three or more consecutive ones as a run', () => {
    const incidents = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }));
    const rows = new RowLabels({ incidents, violations: [], notices: [], proposals: [] } as never);
    const runs = rows.runs('incident', ['f', 'b', 'c', 'a', 'e', 'gone']);
    expect(runs.map(({ first, last }) => (last ? `${first.label}–${last.label}` : first.label))).toEqual(['I1–I3', 'I5', 'I6', 'gone']); // prettier-ignore
    expect(runs[3]!.first.listed).toBe(false);
  });
});
