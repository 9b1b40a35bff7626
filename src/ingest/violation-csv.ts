// Violations as CSV (API, CLI and export stream): the columns of the public shape, in export order.
import { stringify } from 'csv-stringify/sync';
import type { Violation } from '../domain/types.ts';
import { violationToJson, type ViolationJson } from '../domain/violation-output.ts';
import { spreadsheetSafe } from './export-formats.ts';

export const VIOLATION_CSV_COLUMNS: (keyof ViolationJson)[] = [
  'incident_ref',
  'agreement_id',
  'version_label',
  'zone_name',
  'zone_kind',
  'certainty',
  'status',
  'intent',
  'attributed_to',
  'event_type',
  'sub_event_type',
  'occurred_from',
  'occurred_until',
  'lon',
  'lat',
  'uncertainty_m',
  'fatalities',
  'zone_key',
  'zone_id',
  'version_id',
  'incident_id',
  'detected_at',
  'id',
];

/** Text cells are made spreadsheet-safe (`spreadsheetSafe`) unless `raw`. */
export function violationsToCsv(items: readonly Violation[], header = true, raw = false): string {
  return stringify(
    items.map((v) => {
      const j = violationToJson(v);
      return VIOLATION_CSV_COLUMNS.map((c) => {
        const cell = (j[c] ?? '') as string | number;
        return typeof cell === 'string' && !raw ? spreadsheetSafe(cell) : cell;
      });
    }),
    { header, columns: header ? VIOLATION_CSV_COLUMNS : undefined },
  );
}
