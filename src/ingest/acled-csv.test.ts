import { describe, expect, it } from 'vitest';
import { DEFAULT_GEO_PRECISION_RADII_M } from '../domain/geo-precision.ts';
import type { ImportRow } from './import-row.ts';
import { parseAcledDate, readAcledCsv } from './acled-csv.ts';
import { ACLED_HEADER, acledRow } from '../../test/fixtures.ts';

async function rows(text: string | string[]): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const r of readAcledCsv(
    Array.isArray(text) ? text : [text],
    DEFAULT_GEO_PRECISION_RADII_M,
  ))
    out.push(r);
  return out;
}

describe('ACLED CSV', () => {
  it('reads both date styles', () => {
    expect(parseAcledDate('2018-02-17')).toBe('2018-02-17');
    expect(parseAcledDate('17 February 2018')).toBe('2018-02-17');
    expect(parseAcledDate('7 Feb 2018')).toBe('2018-02-07');
    expect(parseAcledDate('17 Febtember 2018')).toBeUndefined();
    expect(parseAcledDate('Feb 17, 2018')).toBeUndefined();
  });

  it('maps columns onto an incident and keeps the rest as attributes', async () => {
    const [r] = await rows(
      `${ACLED_HEADER}\n${acledRow({ id: 'SYR1', date: '17 February 2018', lat: 36.2, lon: 37.15, geoPrecision: 2, fatalities: 4, timePrecision: 2 })}\n`,
    );
    if (!r || !('draft' in r)) throw new Error('expected a draft');
    expect(r.draft).toMatchObject({
      externalId: 'SYR1',
      eventType: 'Explosions/Remote violence',
      subEventType: 'Shelling/artillery/missile attack',
      occurredFrom: Date.parse('2018-02-14T00:00:00Z'),
      occurredUntil: Date.parse('2018-02-21T00:00:00Z'),
      lon: 37.15,
      lat: 36.2,
      uncertaintyM: 10_000,
      fatalities: 4,
      source: 'SOHR; SANA',
      admin1: 'Rural Damascus',
    });
    expect(r.draft.attributes).toMatchObject({
      inter1: 'State forces',
      iso: '760',
      timestamp: '1618316514',
    });
  });

  it('keeps quoted notes with commas, quotes and newlines, even split across chunks', async () => {
    const text = `${ACLED_HEADER}\n${acledRow({ id: 'SYR2', date: '2018-02-17', lat: 36.2, lon: 37.1, notes: 'On 17 February, "heavy" shelling;\nthree dead.' })}\n`;
    const cut = text.indexOf('heavy');
    const [r] = await rows([text.slice(0, cut), text.slice(cut)]);
    expect(r && 'draft' in r && r.draft.notes).toBe(
      'On 17 February, "heavy" shelling;\nthree dead.',
    );
  });

  it('rejects a bad row by column and reads on', async () => {
    const text = [
      ACLED_HEADER,
      acledRow({ id: 'A', date: '2018-02-17', lat: 91, lon: 37 }),
      acledRow({ id: 'B', date: '2018-02-17', lat: 36, lon: 37, type: 'Battle' }),
      'only,three,cells',
      acledRow({ id: 'C', date: '2018-02-17', lat: 36, lon: 37 }),
    ].join('\n');
    const out = await rows(text);
    expect(out.map((r) => ('error' in r ? `${r.row}:${r.error.field}` : `${r.row}:ok`))).toEqual([
      '1:latitude',
      '2:event_type',
      '3:row',
      '4:ok',
    ]);
  });

  it('refuses a file whose header is not ACLED', async () => {
    await expect(rows('a,b,c\n1,2,3\n')).rejects.toThrow(
      /not an ACLED CSV: the header lacks event_id_cnty/,
    );
  });
});
