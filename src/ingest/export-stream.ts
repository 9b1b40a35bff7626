// Streaming exports: the formats (what goes before, between and after the rows) and the writer
// that pours pages of rows into a stream at the pace its reader takes them, so memory stays flat
// whatever the number of rows.
import type { Incident, Violation } from '../domain/types.ts';
import { ACLED_COLUMNS } from './acled-csv.ts';
import {
  csvLine,
  HXL_FIELDS,
  HXL_HEADER_ROWS,
  incidentToAcledRecord,
  incidentToFeature,
  incidentToHxlRecord,
  violationToFeature,
} from './export-formats.ts';
import { VIOLATION_CSV_COLUMNS, violationsToCsv } from './violation-csv.ts';

export interface ExportFormat<T> {
  /** The HTTP content type. */
  contentType: string;
  /** File name ending, e.g. `.csv`. */
  extension: string;
  head: string;
  /** The text of one page of rows; `first` when no row was written before it. */
  rows(items: readonly T[], first: boolean): string;
  tail: string;
}

export const INCIDENT_EXPORT_FORMATS = ['acled-csv', 'geojson', 'hxl-csv'] as const;
export type IncidentExportFormat = (typeof INCIDENT_EXPORT_FORMATS)[number];
export const VIOLATION_EXPORT_FORMATS = ['csv', 'geojson'] as const;
export type ViolationExportFormat = (typeof VIOLATION_EXPORT_FORMATS)[number];

const CSV = 'text/csv; charset=utf-8';
const GEOJSON = 'application/geo+json; charset=utf-8';

/** CSV lines of records, in the order of `columns`; spreadsheet-safe cells unless `raw`. */
function csvRows<T, C extends string>(
  items: readonly T[],
  toRecord: (item: T) => Record<C, string>,
  columns: readonly C[],
  raw: boolean,
): string {
  const lines: string[] = [];
  for (const item of items) {
    const r = toRecord(item);
    lines.push(
      csvLine(
        columns.map((c) => r[c]),
        raw,
      ),
    );
  }
  return lines.join('');
}

/** A FeatureCollection written feature by feature, one per line. */
function featureCollection<T>(toFeature: (item: T) => unknown): ExportFormat<T> {
  return {
    contentType: GEOJSON,
    extension: '.geojson',
    head: '{"type":"FeatureCollection","features":[\n',
    rows: (items, first) =>
      (first ? '' : ',\n') + items.map((i) => JSON.stringify(toFeature(i))).join(',\n'),
    tail: '\n]}\n',
  };
}

/**
 * The incident export formats. CSV cells are made spreadsheet-safe (a leading `'` before `=`, `+`,
 * `-`, `@`, tab or CR; see spreadsheetSafe) unless `raw`, which keeps the bytes an import reads
 * back (the ACLED CSV round trip).
 */
export function incidentExports(raw = false): Record<IncidentExportFormat, ExportFormat<Incident>> {
  return {
    'acled-csv': {
      contentType: CSV,
      extension: '.csv',
      head: csvLine(ACLED_COLUMNS, true),
      rows: (items) => csvRows(items, incidentToAcledRecord, ACLED_COLUMNS, raw),
      tail: '',
    },
    'hxl-csv': {
      contentType: CSV,
      extension: '.hxl.csv',
      head: HXL_HEADER_ROWS.map((r) => csvLine(r, true)).join(''),
      rows: (items) => csvRows(items, incidentToHxlRecord, HXL_FIELDS, raw),
      tail: '',
    },
    geojson: featureCollection(incidentToFeature),
  };
}

/** The violation export formats; CSV cells spreadsheet-safe unless `raw` (as incidentExports). */
export function violationExports(
  raw = false,
): Record<ViolationExportFormat, ExportFormat<Violation>> {
  return {
    csv: {
      contentType: CSV,
      extension: '.csv',
      head: csvLine(VIOLATION_CSV_COLUMNS, true),
      rows: (items) => violationsToCsv(items, false, raw),
      tail: '',
    },
    geojson: featureCollection(violationToFeature),
  };
}

/** The default (spreadsheet-safe) formats. */
export const INCIDENT_EXPORTS = incidentExports();
export const VIOLATION_EXPORTS = violationExports();

/** The reader went away (a closed connection, a broken pipe) before the export was complete. */
export class ExportInterrupted extends Error {}

/**
 * Writes head, every page of rows and tail to `out`, honouring backpressure: when `out` asks to
 * wait, the next page is read and formatted meanwhile, but not written before 'drain' (so at most
 * two pages are in memory). Returns the number of rows; does not end `out`. Fails with
 * ExportInterrupted, and stops reading pages, when `out` closes or errs first.
 */
export async function writeExport<T>(
  pages: AsyncIterable<readonly T[]>,
  format: ExportFormat<T>,
  out: NodeJS.WritableStream,
  onProgress?: (rows: number) => void,
): Promise<number> {
  let failure: Error | undefined;
  const onError = (e: Error) => (failure ??= e);
  out.on('error', onError);
  let draining: Promise<void> | undefined;
  const write = async (chunk: string) => {
    if (draining) await draining;
    draining = undefined;
    if (failure || isGone(out)) throw interrupted(failure);
    if (chunk === '' || out.write(chunk)) return;
    draining = drained(out);
    draining.catch(() => {}); // awaited before the next write; never left unhandled meanwhile
  };
  try {
    let count = 0;
    await write(format.head);
    for await (const page of pages) {
      if (page.length === 0) continue;
      await write(format.rows(page, count === 0));
      count += page.length;
      onProgress?.(count);
    }
    await write(format.tail);
    if (draining) await draining;
    return count;
  } finally {
    out.off('error', onError);
  }
}

/** Resolves on 'drain'; rejects when the stream closes or errs first. */
function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (e?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onFail);
      if (e) reject(interrupted(e));
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the stream closed'));
    const onFail = (e: Error) => done(e);
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onFail);
  });
}

function isGone(out: NodeJS.WritableStream): boolean {
  const s = out as { destroyed?: boolean; writableEnded?: boolean };
  return s.destroyed === true || s.writableEnded === true;
}

function interrupted(cause: Error | undefined): ExportInterrupted {
  return new ExportInterrupted(
    `the export was cut short: ${cause?.message ?? 'the stream closed'}`,
    { cause },
  );
}
