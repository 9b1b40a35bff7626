// UCDP GED CSV intake: the time and place precision models, the column mapping, reports, and the
// rejection of bad rows by row number and column (fixtures in test/fixtures/intake/).
import { describe, expect, it } from 'vitest';
import { DEFAULT_GEO_PRECISION_RADII_M } from '../domain/geo-precision.ts';
import { collect, drafted, intakeFixture, summary } from './intake-test-support.ts';
import {
  detectUcdp,
  parseUcdpDate,
  readUcdpCsv,
  ucdpTimeSpan,
  UCDP_WHERE_PREC_RADIUS_M,
} from './ucdp-csv.ts';

const fixture = intakeFixture;
const NOW = Date.parse('2024-01-01T12:00:00Z');
const radii = DEFAULT_GEO_PRECISION_RADII_M;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('ucdpTimeSpan', () => {
  const span = (a: string, b: string, p: 1 | 2 | 3 | 4 | 5) => ucdpTimeSpan(utc(a), utc(b), p);

  it('1: the days as given, [start, end + 1 day)', () => {
    expect(span('2023-03-14', '2023-03-14', 1)).toEqual({
      from: utc('2023-03-14'),
      until: utc('2023-03-15'),
    });
    expect(span('2023-07-20', '2023-07-21', 1)).toEqual({
      from: utc('2023-07-20'),
      until: utc('2023-07-22'),
    });
  });

  it('2: widened by three days each side', () => {
    expect(span('2023-04-02', '2023-04-05', 2)).toEqual({
      from: utc('2023-03-30'),
      until: utc('2023-04-09'),
    });
  });

  it('3: the ISO weeks, Monday to Monday', () => {
    // 2023-05-10 is a Wednesday; 2023-05-14 a Sunday; 2023-05-15 a Monday.
    expect(span('2023-05-10', '2023-05-10', 3)).toEqual({
      from: utc('2023-05-08'),
      until: utc('2023-05-15'),
    });
    expect(span('2023-05-14', '2023-05-15', 3)).toEqual({
      from: utc('2023-05-08'),
      until: utc('2023-05-22'),
    });
    expect(span('2023-05-15', '2023-05-15', 3)).toEqual({
      from: utc('2023-05-15'),
      until: utc('2023-05-22'),
    });
  });

  it('4: the calendar months; 5: the calendar years', () => {
    expect(span('2023-08-28', '2023-09-02', 4)).toEqual({
      from: utc('2023-08-01'),
      until: utc('2023-10-01'),
    });
    expect(span('2023-12-05', '2023-12-05', 4)).toEqual({
      from: utc('2023-12-01'),
      until: utc('2024-01-01'),
    });
    expect(span('2022-03-01', '2022-03-01', 5)).toEqual({
      from: utc('2022-01-01'),
      until: utc('2023-01-01'),
    });
  });

  it('reads both GED date styles as UTC days', () => {
    expect(parseUcdpDate('2023-03-14')).toBe(utc('2023-03-14'));
    expect(parseUcdpDate('2023-03-14 00:00:00.000')).toBe(utc('2023-03-14'));
    expect(parseUcdpDate('2023-02-30')).toBeUndefined();
    expect(parseUcdpDate('14/03/2023')).toBeUndefined();
  });
});

describe('UCDP GED CSV', () => {
  it('maps a sample export onto incidents and reports', async () => {
    const rows = await collect(readUcdpCsv(fixture('ucdp-ged-sample.csv'), { radii, now: NOW }));
    expect(summary(rows)).toEqual([
      '1:UCDP-1001',
      '2:UCDP-1002',
      '3:UCDP-1003',
      '4:UCDP-1004',
      '5:UCDP-1005',
      '6:UCDP-1006',
      '7:UCDP-1007',
    ]);
    const first = drafted(rows[0]);
    expect(first.draft).toMatchObject({
      eventType: 'Battles',
      subEventType: 'Armed clash',
      occurredFrom: utc('2023-03-14'),
      occurredUntil: utc('2023-03-15'),
      timePrecision: null,
      lat: 41.2034,
      lon: 19.8811,
      uncertaintyM: 2_000,
      geoPrecision: null,
      actor1: 'Government of Arcadia',
      actor2: 'Free Lowlands Army',
      fatalities: 3,
      country: 'Arcadia',
      admin1: 'Coast province',
      admin2: 'Vell district',
      location: 'Port Vell, 2 km north of the bridge',
      notes: 'Army and rebels clash near Port Vell',
      source: 'Arcadia Daily Wire;Lowland Post;Borduria Monitor',
    });
    expect(first.draft.attributes).toMatchObject({
      type_of_violence: '1',
      conflict_name: 'Arcadia: Government',
      dyad_name: 'Government of Arcadia - Free Lowlands Army',
      event_clarity: '1',
      number_of_sources: '3',
      date_prec: '1',
      where_prec: '1',
      deaths_a: '1',
      deaths_b: '2',
      date_start: '2023-03-14 00:00:00.000',
      relid: 'ARC-2023-1-1001',
      geom_wkt: 'POINT (19.8811 41.2034)',
      priogrid_gid: '188480',
      gwnoa: '990',
    });
    for (const mapped of ['id', 'side_a', 'latitude', 'best', 'low', 'source_office'])
      expect(first.draft.attributes).not.toHaveProperty(mapped);
    expect(first.draft.attributes).not.toHaveProperty('gwnob'); // empty cells are not kept

    // several sources: one report each, with the casualty range and the paired source dates
    expect(first.reports?.map((r) => r.source)).toEqual([
      'Arcadia Daily Wire',
      'Lowland Post',
      'Borduria Monitor',
    ]);
    expect(first.reports?.[0]).toEqual({
      source: 'Arcadia Daily Wire',
      reference:
        'Arcadia Daily Wire,2023-03-15,"Clashes near Port Vell";Lowland Post,2023-03-15;Borduria Monitor,2023-03-16',
      receivedAt: utc('2023-03-15'),
      text: 'Army and rebels clash near Port Vell',
      credibility: null,
      killed: { low: 2, best: 3, high: 5 },
      injured: { low: null, best: null, high: null },
      civiliansKilled: 0,
      combatantsKilled: 3,
    });
    expect(first.reports?.[2]?.receivedAt).toBe(utc('2023-03-16'));
  });

  it('maps one-sided violence to an attack on civilians and widens by date_prec and where_prec', async () => {
    const rows = await collect(readUcdpCsv(fixture('ucdp-ged-sample.csv'), { radii, now: NOW }));
    const d = rows.map((r) => drafted(r).draft);
    expect(d[1]).toMatchObject({
      eventType: 'Violence against civilians',
      subEventType: 'Attack',
      occurredFrom: utc('2023-03-30'),
      occurredUntil: utc('2023-04-09'),
      uncertaintyM: 25_000,
    });
    expect(drafted(rows[1]).reports?.[0]).toMatchObject({
      source: 'Arcadia Watch',
      civiliansKilled: 7,
      combatantsKilled: 0,
      killed: { low: 7, best: 7, high: 9 },
    });
    expect(d[2]).toMatchObject({
      eventType: 'Battles', // non-state
      occurredFrom: utc('2023-05-08'),
      occurredUntil: utc('2023-05-15'),
      uncertaintyM: 50_000,
    });
    expect(d[3]).toMatchObject({
      occurredFrom: utc('2023-06-01'),
      occurredUntil: utc('2023-07-01'),
      uncertaintyM: 150_000,
    });
    expect(d[4]).toMatchObject({
      occurredFrom: utc('2022-01-01'),
      occurredUntil: utc('2023-01-01'),
      uncertaintyM: 500_000,
      source: 'UCDP GED',
      notes: null,
    });
    expect(d[5]).toMatchObject({
      occurredFrom: utc('2023-07-20'),
      occurredUntil: utc('2023-07-22'),
      uncertaintyM: 50_000,
    });
    expect(d[6]).toMatchObject({
      occurredFrom: utc('2023-08-01'),
      occurredUntil: utc('2023-10-01'),
      uncertaintyM: UCDP_WHERE_PREC_RADIUS_M[7],
    });
  });

  it('falls back to one UCDP GED report; pairs or drops source dates; leaves combatants open', async () => {
    const rows = await collect(readUcdpCsv(fixture('ucdp-ged-sample.csv'), { radii, now: NOW }));
    const yearly = drafted(rows[4]);
    expect(yearly.reports).toEqual([
      expect.objectContaining({
        source: 'UCDP GED',
        reference: null,
        receivedAt: null,
        text: null,
        killed: { low: 12, best: 12, high: 20 },
        combatantsKilled: null, // deaths_a and deaths_b are empty
      }),
    ]);
    // one date for two sources: both get it
    expect(drafted(rows[5]).reports?.map((r) => [r.source, r.receivedAt])).toEqual([
      ['Arcadia Daily Wire', utc('2023-07-22')],
      ['Lowland Post', utc('2023-07-22')],
    ]);
  });

  it('uses the configured ACLED radius for where_prec 1', async () => {
    const rows = await collect(
      readUcdpCsv(fixture('ucdp-ged-sample.csv'), {
        radii: { 1: 1_000, 2: 10_000, 3: 50_000 },
        now: NOW,
      }),
    );
    expect(drafted(rows[0]).draft.uncertaintyM).toBe(1_000);
    expect(drafted(rows[1]).draft.uncertaintyM).toBe(25_000);
  });

  it('rejects each bad row of a nasty export by row and column, and reads the rest', async () => {
    const rows = await collect(readUcdpCsv(fixture('ucdp-nasty.csv'), { radii, now: NOW }));
    expect(summary(rows)).toEqual([
      '1:UCDP-2001',
      '2:row',
      '3:latitude',
      '4:date_start',
      '5:low',
      '6:UCDP-2001', // the same id twice: both yielded, the importer decides
      '7:high',
      '8:date_end',
      '9:longitude',
      '10:deaths_civilians',
      '11:where_prec',
      '12:UCDP-2012',
    ]);
    const message = (i: number) => {
      const r = rows[i];
      return r && 'error' in r ? r.error.message : '';
    };
    expect(message(1)).toBe('has 48 columns where the header has 49');
    expect(message(2)).toBe('latitude must be between -90 and 90, got 95.5');
    expect(message(3)).toBe('date_start 2099-01-01 is in the future');
    expect(message(4)).toBe('low (9) is more than best (4)');
    expect(message(6)).toBe('high (6) is less than best (8)');
    expect(message(7)).toBe('date_end 2023-10-02 is before date_start 2023-10-05');
    expect(message(8)).toBe('longitude must be between -180 and 180, got 200');
    expect(message(9)).toBe('deaths_civilians must be 0 or more, got "-1"');
    expect(message(10)).toBe('where_prec must be 1, 2, 3, 4, 5, 6 or 7, got "9"');

    const first = drafted(rows[0]);
    expect(first.draft.notes).toBe('Shelling hits "market",\nthree dead');
    expect(first.reports?.[0]?.receivedAt).toBe(Date.parse('2023-10-03T08:30:00Z'));
    expect(drafted(rows[5]).draft.occurredUntil).toBe(utc('2023-10-04'));
    expect(drafted(rows[11]).draft.occurredUntil).toBe(utc('2024-01-01'));
  });

  it('rejects a date in the future relative to the given clock', async () => {
    const rows = await collect(
      readUcdpCsv(fixture('ucdp-nasty.csv'), { radii, now: Date.parse('2023-12-30T10:00:00Z') }),
    );
    const last = rows.at(-1);
    expect(last && 'error' in last && last.error).toEqual({
      field: 'date_end',
      message: 'date_end 2023-12-31 is in the future',
    });
  });

  it('refuses a file without the required columns, naming the first missing one', async () => {
    const text = 'id,date_start,date_end,latitude,deaths_a\n1,2023-01-01,2023-01-01,41,0\n';
    await expect(collect(readUcdpCsv([text], { radii, now: NOW }))).rejects.toMatchObject({
      code: 'unsupported_format',
      field: 'longitude',
      message: 'not a UCDP GED CSV: the header lacks longitude, best',
    });
  });

  it('reads records split across chunks and names an empty type_of_violence', async () => {
    const text =
      'id,type_of_violence,date_start,date_end,latitude,longitude,best\r\n' +
      '7,3,2023-01-01,2023-01-01,41,20,2\r\n8,,2023-01-01,2023-01-01,41,20,2\r\n';
    const rows = await collect(
      readUcdpCsv([text.slice(0, 50), text.slice(50, 75), text.slice(75)], { radii, now: NOW }),
    );
    expect(summary(rows)).toEqual(['1:UCDP-7', '2:type_of_violence']);
    expect(drafted(rows[0]).reports?.[0]?.source).toBe('UCDP GED');
  });

  it('detects a GED header', () => {
    expect(
      detectUcdp('\uFEFFid,relid,type_of_violence,date_start,date_end,latitude,longitude,best\n'),
    ).toBe(true);
    expect(detectUcdp('event_id_cnty,event_date,event_type,latitude,longitude\n')).toBe(false);
  });
});
