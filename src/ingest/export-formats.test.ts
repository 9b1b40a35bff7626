// Export row writers: each incident record read back by its importer gives the same incident
// (ACLED, GeoJSON, HXL), ACLED days that rebuild the span exactly, and violation features.
import { describe, expect, it } from 'vitest';
import type { ImportRow } from './import-row.ts';
import { DEFAULT_GEO_PRECISION_RADII_M } from '../domain/geo-precision.ts';
import { incidentDraftFromInput } from '../domain/incident.ts';
import type { IncidentInput } from '../domain/schemas.ts';
import { parseIsoDay, spanForDayPrecision } from '../domain/time-window.ts';
import type { Incident, IncidentDraft, Violation } from '../domain/types.ts';
import { acledRecordToRow, ACLED_COLUMNS } from './acled-csv.ts';
import {
  acledDayOf,
  csvLine,
  geoPrecisionOf,
  HXL_HEADER_ROWS,
  incidentToAcledRecord,
  incidentToFeature,
  incidentToHxlRecord,
  spreadsheetSafe,
  violationToFeature,
} from './export-formats.ts';
import { INCIDENT_EXPORTS } from './export-stream.ts';
import { readGeoJsonIncidents } from './geojson-incidents.ts';
import { readHxlCsv } from './hxl-csv.ts';

const radii = DEFAULT_GEO_PRECISION_RADII_M;
const DAY = 86_400_000;

function incident(input: Partial<IncidentInput>, over: Partial<Incident> = {}): Incident {
  const draft = incidentDraftFromInput({
    external_id: 'X-1',
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    lon: 36.2912,
    lat: 33.5138,
    actor1: 'Military Forces of Syria (2000-)',
    fatalities: 4,
    source: 'SOHR; SANA',
    notes: 'Strike on a market, "heavy" damage,\nseveral homes hit.',
    country: 'Syria',
    admin1: 'Rural Damascus',
    location: 'Duma',
    ...input,
  } as IncidentInput);
  return {
    ...draft,
    id: '0190a1b2-0000-7000-8000-000000000001',
    contentHash: 'h',
    createdAt: 0,
    updatedAt: 0,
    assessment: {
      killed: { low: 3, best: 5, high: 9 },
      injured: { low: null, best: 2, high: null },
      civiliansKilled: 4,
      combatantsKilled: null,
      corroborated: true,
      reportCount: 2,
    },
    mergedInto: null,
    ...over,
  } as Incident;
}

const FIELDS: (keyof IncidentDraft)[] = [
  'externalId', 'eventType', 'subEventType', 'occurredFrom', 'occurredUntil', 'timePrecision',
  'lon', 'lat', 'uncertaintyM', 'geoPrecision', 'actor1', 'actor2', 'fatalities', 'source', 'notes',
  'country', 'admin1', 'admin2', 'admin3', 'location',
]; // prettier-ignore
const fieldsOf = (d: IncidentDraft) => Object.fromEntries(FIELDS.map((f) => [f, d[f]]));

function draftOf(r: ImportRow | undefined): IncidentDraft {
  if (!r || !('draft' in r)) throw new Error(`expected a draft, got ${JSON.stringify(r)}`);
  return r.draft;
}

const precise = [
  incident({ occurred_on: '2018-02-17', time_precision: 1, geo_precision: 1 }),
  incident({ occurred_on: '2018-02-27', time_precision: 2, geo_precision: 2 }),
  incident({ occurred_on: '2016-02-29', time_precision: 3, geo_precision: 3 }),
];
const loose = [
  incident({ occurred_at: '2018-02-17T09:30:00Z' }),
  incident({ occurred_from: '2018-02-17T22:00:00Z', occurred_until: '2018-02-19T02:00:00Z' }),
  incident({ occurred_at: '2018-02-17T09:30:00Z', uncertainty_m: 750 }, { externalId: null }),
];

describe('ACLED days', () => {
  it('gives back every span of every precision exactly, for each day of a leap year', () => {
    for (let day = Date.UTC(2016, 0, 1); day < Date.UTC(2017, 0, 1); day += DAY)
      for (const p of [1, 2, 3] as const) {
        const s = spanForDayPrecision(day, p);
        const got = acledDayOf({ occurredFrom: s.from, occurredUntil: s.until, timePrecision: p });
        expect(got.precision).toBe(p);
        expect(spanForDayPrecision(parseIsoDay(got.day)!, p)).toEqual(s);
      }
  });

  it('prefers the original date the attributes keep, when it gives the same span', () => {
    const s = spanForDayPrecision(Date.UTC(2018, 1, 3), 3);
    const i = { occurredFrom: s.from, occurredUntil: s.until, timePrecision: 3 as const };
    expect(acledDayOf(i).day).toBe('2018-02-15');
    expect(acledDayOf({ ...i, attributes: { event_date: '03 February 2018' } }).day).toBe(
      '2018-02-03',
    );
    expect(acledDayOf({ ...i, attributes: { event_date: '2018-03-03' } }).day).toBe('2018-02-15');
  });

  it('covers an instant or interval without a precision with the smallest precision', () => {
    const at = (iso: string) => Date.parse(iso);
    const of = (from: string, until = from) =>
      acledDayOf({ occurredFrom: at(from), occurredUntil: at(until), timePrecision: null });
    expect(of('2018-02-17T09:30:00Z')).toEqual({ day: '2018-02-17', precision: 1 });
    expect(of('2018-02-17T00:00:00Z', '2018-02-18T00:00:00Z')).toEqual({ day: '2018-02-17', precision: 1 }); // prettier-ignore
    expect(of('2018-02-17T22:00:00Z', '2018-02-19T02:00:00Z')).toEqual({ day: '2018-02-20', precision: 2 }); // prettier-ignore
    expect(of('2018-02-03T00:00:00Z', '2018-02-20T00:00:00Z')).toEqual({ day: '2018-02-15', precision: 3 }); // prettier-ignore
  });

  it('gives a geo_precision covering the uncertainty, none for an exact point', () => {
    expect(geoPrecisionOf({ geoPrecision: 2, uncertaintyM: 1 })).toBe(2);
    expect(geoPrecisionOf({ geoPrecision: null, uncertaintyM: 0 })).toBeNull();
    expect(geoPrecisionOf({ geoPrecision: null, uncertaintyM: 750 })).toBe(1);
    expect(geoPrecisionOf({ geoPrecision: null, uncertaintyM: 20_000 })).toBe(3);
  });
});

describe('ACLED records', () => {
  it('fills every ACLED column: fields, the coded fatalities, the kept attributes', () => {
    const i = incident(
      { occurred_on: '2018-02-17', time_precision: 1, geo_precision: 1 },
      { attributes: { inter1: '1', tags: 'local', timestamp: '1618316514', iso3: 'SYR' } },
    );
    const r = incidentToAcledRecord(i);
    expect(Object.keys(r)).toEqual([...ACLED_COLUMNS]);
    expect(r).toMatchObject({
      event_id_cnty: 'X-1', event_date: '2018-02-17', year: '2018', time_precision: '1',
      latitude: '33.5138', longitude: '36.2912', geo_precision: '1', fatalities: '4',
      inter1: '1', tags: 'local', timestamp: '1618316514', actor2: '', admin3: '',
    }); // prettier-ignore
    expect(r).not.toHaveProperty('iso3');
    expect(incidentToAcledRecord({ ...i, externalId: null }).event_id_cnty).toBe(i.id);
  });

  it('reads back as the same incident (precise ones exactly, the others as the covering day)', () => {
    for (const i of precise) {
      const d = draftOf(acledRecordToRow(1, incidentToAcledRecord(i), radii));
      expect(fieldsOf(d)).toEqual(fieldsOf(i));
    }
    const back = draftOf(acledRecordToRow(1, incidentToAcledRecord(loose[0]!), radii));
    expect(back.occurredFrom).toBe(Date.parse('2018-02-17T00:00:00Z'));
    expect(back.timePrecision).toBe(1);
  });

  it('writes CSV that quotes commas, quotes and line breaks only', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', 'cr\r', ''])).toBe(
      'a,"b,c","say ""hi""","two\nlines","cr\r",\n',
    );
    expect(INCIDENT_EXPORTS['acled-csv'].head).toBe(ACLED_COLUMNS.join(',') + '\n');
  });
});

describe('GeoJSON features', () => {
  it('reads back as the same incident, every kind of time and place', () => {
    const all = [...precise, ...loose];
    const features = all.map(incidentToFeature);
    const rows = [...readGeoJsonIncidents({ type: 'FeatureCollection', features }, radii)];
    rows.forEach((r, k) => {
      const i = all[k]!;
      expect(fieldsOf(draftOf(r))).toEqual(fieldsOf({ ...i, externalId: i.externalId ?? i.id }));
    });
  });

  it('carries the casualties and corroboration as read-only extras', () => {
    const f = incidentToFeature(precise[0]!);
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [36.2912, 33.5138] });
    expect(f.properties).toMatchObject({
      occurred_on: '2018-02-17',
      time_precision: 1,
      casualties: { killed: { low: 3, best: 5, high: 9 }, civilians_killed: 4 },
      corroborated: true,
      report_count: 2,
    });
    expect(incidentToFeature(loose[1]!).properties).toMatchObject({
      occurred_from: '2018-02-17T22:00:00.000Z',
      occurred_until: '2018-02-19T02:00:00.000Z',
    });
  });

  it('places a violation at its incident, its properties those of the API less lon/lat', () => {
    const v = {
      incidentId: 'i1', agreementId: 'a1', zoneKey: 'area', zoneId: 'z1', versionId: 'v1',
      certainty: 'certain', incidentRef: 'X-1', versionLabel: 'v1', zoneName: 'Area',
      zoneKind: 'ceasefire_area', eventType: 'Battles', subEventType: null, occurredFrom: 0,
      occurredUntil: DAY, lon: 36.5, lat: 33.5, uncertaintyM: 0, fatalities: null, actor1: null,
      detectedAt: 0, status: 'confirmed', intent: 'deliberate', attributions: [], statusNote: null,
      reviewedBy: null, reviewedAt: null,
    } satisfies Violation; // prettier-ignore
    const f = violationToFeature(v);
    expect(f).toMatchObject({ id: 'i1~a1~area', geometry: { coordinates: [36.5, 33.5] } });
    expect(f.properties).toMatchObject({
      status: 'confirmed',
      zone_key: 'area',
      certainty: 'certain',
    });
    expect(f.properties).not.toHaveProperty('lon');
  });
});

describe('HXL records', () => {
  it('writes a header row and the hashtag row, and reads back as the same incident', async () => {
    expect(HXL_HEADER_ROWS[1]).toContain('#geo+lat');
    const all = [...precise, loose[0]!];
    const text = INCIDENT_EXPORTS['hxl-csv'].head + INCIDENT_EXPORTS['hxl-csv'].rows(all, true);
    const rows: ImportRow[] = [];
    for await (const r of readHxlCsv([text], { radii, now: Date.parse('2024-01-01T00:00:00Z') }))
      rows.push(r);
    expect(rows).toHaveLength(all.length);
    rows.forEach((r, k) => {
      const i = all[k]!;
      // HXL import reads a missing geo precision as 1: the instant was an exact point.
      const expected = k === 3 ? { ...i, geoPrecision: 1, uncertaintyM: 2_000 } : i;
      expect(fieldsOf(draftOf(r))).toEqual(fieldsOf(expected as Incident));
    });
    expect(incidentToHxlRecord(precise[0]!)).toMatchObject({ civilians_killed: '4', injured: '2' });
  });
});

describe('spreadsheet-safe cells (CSV injection)', () => {
  it('quotes a cell a spreadsheet would run as a formula', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(spreadsheetSafe('@SUM(1)')).toBe(`'@SUM(1)`);
    expect(spreadsheetSafe('+cmd')).toBe(`'+cmd`);
    expect(spreadsheetSafe('-2+3')).toBe(`'-2+3`);
    expect(spreadsheetSafe('\t=1')).toBe(`'\t=1`);
    expect(spreadsheetSafe('\r=1')).toBe(`'\r=1`);
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const n of ['-1.5', '+3', '-12.25', '-0', '-.5', '1e-3', '-2E+5', '42'])
      expect(spreadsheetSafe(n)).toBe(n);
    for (const t of ['', 'Shelling, 3 killed', "'quoted", 'a=b', '2018-02-17'])
      expect(spreadsheetSafe(t)).toBe(t);
  });

  it('applies in CSV lines unless raw', () => {
    expect(csvLine(['=1+1', '-1.5', '@x'])).toBe(`'=1+1,-1.5,'@x\n`);
    expect(csvLine(['=1+1', '-1.5', '@x'], true)).toBe('=1+1,-1.5,@x\n');
    expect(csvLine(['=A1,"x"'])).toBe(`"'=A1,""x"""\n`);
  });
});
