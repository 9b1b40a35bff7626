// HXL CSV intake: finding the hashtag row, matching tags whatever their case and attribute order,
// the field mapping and reports, and rejecting bad rows by tag (fixtures in test/fixtures/intake/).
import { describe, expect, it } from 'vitest';
import { DEFAULT_GEO_PRECISION_RADII_M } from '../domain/geo-precision.ts';
import { collect, drafted, intakeFixture, summary } from './intake-test-support.ts';
import { detectHxl, HXL_EXPORT_TAGS, parseHxlDate, parseHxlTag, readHxlCsv } from './hxl-csv.ts';

const fixture = intakeFixture;
const NOW = Date.parse('2024-06-01T00:00:00Z');
const radii = DEFAULT_GEO_PRECISION_RADII_M;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const DAY = 86_400_000;

describe('HXL tags and detection', () => {
  it('matches tags whatever the case, spacing and attribute order', () => {
    expect(parseHxlTag('#geo+lat')?.key).toBe('#geo+lat');
    expect(parseHxlTag(' #Geo +Lat ')).toEqual({ text: '#geo+lat', key: '#geo+lat' });
    expect(parseHxlTag('#affected+civilians+killed')?.key).toBe(
      parseHxlTag('#affected+killed+civilians')?.key,
    );
    expect(parseHxlTag('Latitude')).toBeUndefined();
    expect(parseHxlTag('#geo+')).toBeUndefined();
  });

  it('detects a hashtag row in the first or second line only', () => {
    expect(detectHxl('#date,#geo+lat,#geo+lon\n2024-01-01,1,2\n')).toBe(true);
    expect(detectHxl('\uFEFFDate,"Lat, deg",Lon\r\n#date,#geo+lat,#geo+lon\r\n')).toBe(true);
    expect(detectHxl('a,b\nc,d\n#date,#geo+lat\n')).toBe(false);
    expect(detectHxl('note,#hashtag in text\n1,2\n')).toBe(false);
    expect(detectHxl('event_id_cnty,event_date\n')).toBe(false);
  });

  it('reads days and date-times (no zone = UTC)', () => {
    expect(parseHxlDate('2024-02-10')).toEqual({ day: '2024-02-10' });
    expect(parseHxlDate('2024-02-11T14:30:00Z')).toEqual({
      at: Date.parse('2024-02-11T14:30:00Z'),
    });
    expect(parseHxlDate('2024-02-11 14:30')).toEqual({ at: Date.parse('2024-02-11T14:30:00Z') });
    expect(parseHxlDate('2024-02-11T14:30+0200')).toEqual({
      at: Date.parse('2024-02-11T12:30:00Z'),
    });
    expect(parseHxlDate('2024-02-30')).toBeUndefined();
    expect(parseHxlDate('11/02/2024')).toBeUndefined();
  });

  it('exports one tag per field, each distinct', () => {
    const tags = Object.values(HXL_EXPORT_TAGS).map((t) => parseHxlTag(t)?.key);
    expect(tags.every(Boolean)).toBe(true);
    expect(new Set(tags).size).toBe(tags.length);
  });
});

describe('HXL CSV', () => {
  it('skips the human header row and maps tags onto incidents and reports', async () => {
    const rows = await collect(readHxlCsv(fixture('hxl-sample.csv'), { radii, now: NOW }));
    expect(summary(rows)).toEqual(['1:HXL-1', '2:HXL-2', '3:HXL-3', '4:null', '5:HXL-5']);
    const first = drafted(rows[0]);
    expect(first.draft).toMatchObject({
      externalId: 'HXL-1',
      eventType: 'Explosions/Remote violence',
      subEventType: 'Shelling/artillery/missile attack',
      occurredFrom: utc('2024-02-10'),
      occurredUntil: utc('2024-02-11'),
      timePrecision: 1,
      lat: 41.2034,
      lon: 19.8811,
      geoPrecision: 1,
      uncertaintyM: 2_000,
      actor1: 'Arcadian Army',
      actor2: 'Free Lowlands Army',
      fatalities: 3,
      country: 'Arcadia',
      admin1: 'Coast province',
      admin2: 'Vell district',
      location: 'Port Vell',
      source: 'Arcadia Watch; Radio Borduria',
      notes: 'Shelling of the port, "heavy" damage',
    });
    expect(first.draft.attributes).toEqual({ '#x_operation': 'Spring' });
    expect(first.reports).toEqual([
      {
        source: 'Arcadia Watch',
        reference: 'https://example.org/aw/1',
        receivedAt: null,
        text: null,
        credibility: null,
        killed: { low: 3, best: 3, high: null },
        injured: { low: 5, best: 5, high: null },
        civiliansKilled: 2,
        combatantsKilled: null,
      },
      expect.objectContaining({ source: 'Radio Borduria', reference: 'https://example.org/aw/1' }),
    ]);
  });

  it('applies date and geo precision, date-times and their defaults', async () => {
    const rows = await collect(readHxlCsv(fixture('hxl-sample.csv'), { radii, now: NOW }));
    const d = rows.map((r) => drafted(r).draft);
    const at = Date.parse('2024-02-11T14:30:00Z');
    expect(d[1]).toMatchObject({
      occurredFrom: at,
      occurredUntil: at,
      timePrecision: null,
      uncertaintyM: 10_000,
    });
    expect(d[2]).toMatchObject({
      eventType: 'Violence against civilians',
      occurredFrom: utc('2024-02-12') - 3 * DAY,
      occurredUntil: utc('2024-02-12') + 4 * DAY,
      timePrecision: 2,
      uncertaintyM: 50_000,
    });
    expect(drafted(rows[2]).reports).toEqual([]); // no #meta+source
    expect(d[3]).toMatchObject({
      externalId: null,
      eventType: 'Protests',
      subEventType: null,
      occurredFrom: utc('2024-02-01'),
      occurredUntil: utc('2024-03-01'),
      geoPrecision: 1, // empty #geo+precision → 1
      fatalities: null,
    });
    expect(drafted(rows[3]).reports?.[0]?.killed).toEqual({ low: null, best: null, high: null });
    // a date-time with an explicit precision is read as its UTC day
    expect(d[4]).toMatchObject({
      occurredFrom: utc('2024-02-14'),
      occurredUntil: utc('2024-02-15'),
      fatalities: 0,
    });
  });

  it('rejects each bad row of a nasty file by row and tag, and reads the rest', async () => {
    const rows = await collect(readHxlCsv(fixture('hxl-nasty.csv'), { radii, now: NOW }));
    expect(summary(rows)).toEqual([
      '1:N-1',
      '2:#event+type',
      '3:#geo+lon',
      '4:#event+subtype',
      '5:#date',
      '6:N-6',
      '7:row',
      '8:#geo+precision',
    ]);
    const message = (i: number) => {
      const r = rows[i];
      return r && 'error' in r ? r.error.message : '';
    };
    expect(message(1)).toBe(`#event+type "Battle" is not in ACLED's taxonomy`);
    expect(message(2)).toBe('#geo+lon must be a number, got ""');
    expect(message(3)).toBe('#event+subtype "Armed clash" is not a sub-event type of Riots');
    expect(message(4)).toBe('#date is in the future');
    expect(message(6)).toBe('has 7 columns where the hashtag row has 12');
    expect(message(7)).toBe('#geo+precision must be 1, 2 or 3, got "4"');

    const first = drafted(rows[0]);
    expect(first.draft).toMatchObject({
      eventType: 'Battles',
      subEventType: 'Armed clash',
      lon: 20.1,
      lat: 41.5,
      fatalities: 2,
      admin1: 'Hill province',
    });
    expect(first.draft.attributes).toEqual({ '#crisis+code': 'ARC-24' });
    const sixth = drafted(rows[5]);
    expect(sixth.reports?.map((r) => [r.source, r.civiliansKilled])).toEqual([
      ['Arcadia Watch', 3],
      ['Lowland Post', 3],
    ]);
    expect(sixth.draft.uncertaintyM).toBe(10_000);
  });

  it('refuses a file without a hashtag row or without a required tag', async () => {
    await expect(
      collect(readHxlCsv(['Date,Lat\n2024-01-01,41\n2024-01-02,42\n'], { radii, now: NOW })),
    ).rejects.toMatchObject({ code: 'unsupported_format', field: 'file' });
    await expect(
      collect(readHxlCsv(['#date,#geo+lat,#event+type\n'], { radii, now: NOW })),
    ).rejects.toMatchObject({
      code: 'unsupported_format',
      field: '#geo+lon',
      message: 'not an HXL CSV Truceline can read: no column is tagged #geo+lon',
    });
  });

  it('reads the first #actor+name as actor1, keeps repeated unknown tags apart, allows empty extra cells', async () => {
    const text =
      '#date,#geo+lat,#geo+lon,#event+type,#actor+name,#actor+name,#x_note,#x_note,#X_aid +Type +Food,Untagged\n' +
      '2024-01-02,41,20,Battles,Army,Rebels,a,b,flour,dropped,,\n';
    const [r] = await collect(readHxlCsv([text], { radii, now: NOW }));
    expect(drafted(r).draft).toMatchObject({ actor1: 'Army', actor2: null, externalId: null });
    expect(drafted(r).draft.attributes).toEqual({
      '#actor+name': 'Rebels',
      '#x_note': 'a',
      '#x_note (2)': 'b',
      '#x_aid+food+type': 'flour', // attributes sorted: the same key whatever their order
    });
  });
});
