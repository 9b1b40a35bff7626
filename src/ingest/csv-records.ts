// Streaming CSV records for the intake readers: papaparse over a stream, the header line split off
// (BOM stripped, lower-cased, trimmed), every data row handed on with its 1-based row number.
import { Readable, pipeline } from 'node:stream';
import Papa from 'papaparse';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import type { GeoPrecisionRadii } from '../domain/geo-precision.ts';
import { splitSourceList } from '../domain/report.ts';

/** What every intake reader takes besides its source. */
export interface IntakeOptions {
  /** ACLED geo_precision radii (metres), as configured. */
  radii: GeoPrecisionRadii;
  /** The clock: dates after it are rejected (default Date.now() when the reader starts). */
  now?: number;
}

export type CsvSource = AsyncIterable<string | Buffer> | Iterable<string | Buffer>;

export interface CsvRecord {
  /** 1 = the first data row after the header line. */
  row: number;
  /** The header line's cells, BOM stripped, trimmed and lower-cased. */
  header: string[];
  /** The row's cells as written (may have more or fewer cells than the header). */
  record: string[];
}

export interface CsvRecordOptions {
  /** Called once with the header, before any record; may throw to refuse the file. */
  onHeader?: (header: string[]) => void;
}

/** Report limits of the API's report schema, kept by the readers too. */
export const REPORT_LIMITS = { sources: 100, source: 300, reference: 2000 } as const;

/** The source names of a source cell, each cut to 300 characters, at most 100 of them. */
export function sourceNames(cell: string | null): string[] {
  return splitSourceList(cell)
    .slice(0, REPORT_LIMITS.sources)
    .map((n) => n.slice(0, REPORT_LIMITS.source));
}

/** `\uFEFFEvent_ID ` → `event_id`. */
export function normaliseHeaderCell(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/**
 * Chunks → text for papaparse: UTF-8 decoded across chunk boundaries (papaparse decodes each
 * Buffer on its own, garbling a character split between two), no leading BOM, and every line
 * break — CRLF, LF or a lone CR, also inside quoted cells — as LF, so that papaparse need not
 * guess the line ending from the first chunk (a first chunk ending between CR and LF fools it).
 */
export async function* decodeUtf8(source: CsvSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8'); // drops a BOM at the start of the bytes
  let first = true;
  let carry = ''; // a CR at the end of a chunk waits to see whether LF follows
  for await (const chunk of source) {
    let text =
      carry +
      (typeof chunk === 'string'
        ? decoder.decode() + chunk
        : decoder.decode(chunk, { stream: true }));
    if (first && text) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    carry = text.endsWith('\r') ? '\r' : '';
    if (carry) text = text.slice(0, -1);
    if (text) yield text.replace(/\r\n?/g, '\n');
  }
  const tail = carry + decoder.decode();
  if (tail) yield tail.replace(/\r\n?/g, '\n');
}

/**
 * Streams CSV text (chunks may split a record anywhere; CRLF, LF or CR; quoted newlines allowed,
 * read as LF) into records. Empty lines are skipped. A row whose cell count differs from the header's is still
 * yielded, so the caller can reject it by row number. A parse failure of the source becomes an
 * AppError naming the row it stopped at; breaking out of the loop destroys the stream.
 */
export async function* readCsvRecords(
  source: CsvSource,
  options: CsvRecordOptions = {},
): AsyncGenerator<CsvRecord> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: true, newline: '\n' });
  pipeline(Readable.from(decodeUtf8(source)), parser, () => {});
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map(normaliseHeaderCell);
        options.onHeader?.(header);
        continue;
      }
      row++;
      yield { row, header, record };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'validation_failed',
      `CSV cannot be read after data row ${row}: ${(e as Error).message}`,
      `row ${row + 1}`,
    );
  }
}

/** The rejection for a row whose cell count is not the header's, or undefined when it matches. */
export function cellCountError(
  record: readonly string[],
  expected: number,
  what = 'the header',
): { field: string; message: string } | undefined {
  if (record.length === expected) return undefined;
  return {
    field: 'row',
    message: `has ${record.length} columns where ${what} has ${expected}`,
  };
}

/** A record keyed by header cell (for a record whose cell count matches the header). */
export function keyRecord(
  header: readonly string[],
  record: readonly string[],
): Record<string, string> {
  const keyed: Record<string, string> = {};
  header.forEach((h, i) => (keyed[h] = record[i] ?? ''));
  return keyed;
}

// Cell validators shared by the intake schemas. `label` is the column or tag an error names;
// a cell absent from the file reads as empty.

/** Trimmed text cut to `max` characters; empty → null. */
export const cellText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => {
      const t = v?.trim();
      return t ? t.slice(0, max) : null;
    });

/** A count: a whole number 0 or more; empty → null. */
export const cellCount = (label: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const t = v?.trim() ?? '';
      if (t === '') return null;
      if (/^\d+$/.test(t)) return Number(t);
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: /^-\d+$/.test(t)
          ? `${label} must be 0 or more, got "${t}"`
          : `${label} must be a whole number, got "${t}"`,
      });
      return z.NEVER;
    });

/** A required decimal in [min, max]. */
export const cellDecimal = (label: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const t = v?.trim() ?? '';
      const n = Number(t);
      if (t === '' || !Number.isFinite(n)) {
        ctx.issues.push({
          code: 'custom',
          input: v,
          message: `${label} must be a number, got "${t}"`,
        });
        return z.NEVER;
      }
      if (n < min || n > max) {
        ctx.issues.push({
          code: 'custom',
          input: v,
          message: `${label} must be between ${min} and ${max}, got ${t}`,
        });
        return z.NEVER;
      }
      return n;
    });

/** One of a few small integer codes (`1`…`n`); empty → null. */
export const cellCode = <C extends number>(label: string, codes: readonly C[]) =>
  z
    .string()
    .optional()
    .transform((v, ctx): C | null => {
      const t = v?.trim() ?? '';
      if (t === '') return null;
      const code = codes.find((c) => String(c) === t);
      if (code !== undefined) return code;
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: `${label} must be ${codes.slice(0, -1).join(', ')} or ${codes.at(-1)}, got "${t}"`,
      });
      return z.NEVER;
    });
