// Intake rows with a place name but no coordinates → a point and radius from the gazetteer, or
// the rejection that says why the place cannot be found. Readers call it before validating
// latitude/longitude and flag the row with attributes.geocoded.
import {
  describeEntry,
  Gazetteer,
  type MatchedField,
  type PlaceQuery,
} from '../places/gazetteer.ts';

/** The cells of a row that say where it happened (readers map their own column names here). */
export interface PlaceCells extends PlaceQuery {
  latitude?: string | null;
  longitude?: string | null;
}

export type RowGeocode =
  | {
      ok: true;
      lat: number;
      lon: number;
      /** The place's covering radius, plus any padding asked for. */
      uncertainty_m: number;
      /** `<level>:<pcode>`, e.g. `adm3:SY070000`: store as attributes.geocoded. */
      geocoded: string;
      /** Which cell named the place that was used. */
      matched: MatchedField;
    }
  | { ok: false; message: string };

export interface GeocodeRowOptions {
  /** Metres added to the place's radius (e.g. ACLED geo_precision 2/3: "near" the place). */
  paddingM?: number;
}

const blank = (v: string | null | undefined) => (v ?? '').trim() === '';

const FIELDS = ['location', 'admin3', 'admin2', 'admin1'] as const;

/**
 * Geocodes a row whose latitude and longitude are both empty and that names a place; returns
 * null for any other row (coordinates given, one of the two given, or no place named), which the
 * reader then validates as before. `gazetteer` may be a function (e.g. `Gazetteer.load`), so that
 * the file is read only when a row needs it.
 */
export function geocodeMissingCoordinates(
  record: PlaceCells,
  gazetteer: Gazetteer | (() => Gazetteer),
  options: GeocodeRowOptions = {},
): RowGeocode | null {
  if (!blank(record.latitude) || !blank(record.longitude)) return null;
  const query: PlaceQuery = {};
  for (const f of FIELDS) if (!blank(record[f])) query[f] = record[f]!.trim();
  const names = FIELDS.map((f) => query[f]).filter((n): n is string => n !== undefined);
  if (names.length === 0) return null;
  const g = typeof gazetteer === 'function' ? gazetteer() : gazetteer;
  const outcome = g.lookupVerbose(query);
  switch (outcome.status) {
    case 'found': {
      const r = outcome.result;
      return {
        ok: true,
        lat: r.lat,
        lon: r.lon,
        uncertainty_m: r.radiusM + Math.max(0, options.paddingM ?? 0),
        geocoded: `${r.level}:${r.pcode}`,
        matched: r.matched,
      };
    }
    case 'not_found':
      return {
        ok: false,
        message: `no coordinates, and "${names.join(', ')}" is not in the gazetteer`,
      };
    case 'ambiguous':
      return {
        ok: false,
        message:
          `no coordinates, and "${query[outcome.field]}" matches several places: ` +
          `${outcome.candidates.map(describeEntry).join('; ')}; name its governorate or district`,
      };
    case 'conflict':
      return {
        ok: false,
        message:
          `no coordinates, and ${outcome.field} "${query[outcome.field]}" is not in ` +
          `${outcome.outside} "${query[outcome.outside]}": the gazetteer knows only ` +
          outcome.candidates.map(describeEntry).join('; '),
      };
  }
}
