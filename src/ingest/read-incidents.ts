// Incident files of any supported format → import rows; the format is detected from the content.
import { open } from 'node:fs/promises';
import { AppError } from '../domain/errors.ts';
import type { GeoPrecisionRadii } from '../domain/geo-precision.ts';
import type { ImportRow } from './import-row.ts';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { readAcledCsv } from './acled-csv.ts';
import { detectHxl, readHxlCsv } from './hxl-csv.ts';
import { detectUcdp, readUcdpCsv } from './ucdp-csv.ts';
import { parseAcledInWorker } from './parse-in-worker.ts';
import { readGeoJsonStream } from './geojson-incidents.ts';

export const INCIDENT_FORMATS = ['acled-csv', 'ucdp-csv', 'hxl-csv', 'geojson'] as const;
export type IncidentFormat = (typeof INCIDENT_FORMATS)[number];

/**
 * GeoJSON starts with `{`; HXL has a hashtag row in its first two lines (checked before ACLED:
 * HDX publishes ACLED with one); UCDP GED has its id/date_start/… header; ACLED has
 * `event_id_cnty`.
 */
export function detectIncidentFormat(head: string): IncidentFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) return 'geojson';
  if (detectHxl(text)) return 'hxl-csv';
  if (detectUcdp(text)) return 'ucdp-csv';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (/(^|[",])\s*event_id_cnty\s*("|,|$)/i.test(firstLine)) return 'acled-csv';
  throw new AppError(
    'unsupported_format',
    'cannot tell the format: expected a GeoJSON FeatureCollection, an ACLED CSV (header with event_id_cnty), a UCDP GED CSV (id, date_start, date_end, …) or an HXL-tagged CSV (a #hashtag row)',
    'file',
  );
}

function csvRows(
  format: Exclude<IncidentFormat, 'geojson'>,
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  radii: GeoPrecisionRadii,
): AsyncIterable<ImportRow> {
  if (format === 'ucdp-csv') return readUcdpCsv(source, { radii });
  if (format === 'hxl-csv') return readHxlCsv(source, { radii });
  return readAcledCsv(source, radii);
}

export async function readFileHead(path: string, bytes = 4096): Promise<string> {
  const handle = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw new AppError(
      'validation_failed',
      `cannot read ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`,
      'file',
    );
  });
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Rows of an incident file; CSV is streamed and parsed on a worker thread. */
export async function readIncidentFile(
  path: string,
  radii: GeoPrecisionRadii,
  forced?: IncidentFormat,
): Promise<{
  format: IncidentFormat;
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>;
  /** Bytes consumed so far, for a progress bar. */
  bytesRead: () => number;
}> {
  const format = forced ?? detectIncidentFormat(await readFileHead(path));
  if (format === 'acled-csv') return { format, ...parseAcledInWorker(path, radii) };
  if (format !== 'geojson') {
    const stream = createReadStream(path, { encoding: 'utf8' });
    return { format, rows: csvRows(format, stream, radii), bytesRead: () => stream.bytesRead };
  }
  const stream = createReadStream(path);
  return {
    format,
    rows: readGeoJsonStream(stream, radii),
    bytesRead: () => stream.bytesRead,
  };
}

/**
 * Rows of an incident document arriving as a stream (an HTTP body): the first 4 KiB tell the
 * format, then the whole stream is read row by row without being held in memory.
 */
export async function readIncidentStream(
  body: AsyncIterable<string | Buffer>,
  radii: GeoPrecisionRadii,
  forced?: IncidentFormat,
): Promise<{ format: IncidentFormat; rows: AsyncIterable<ImportRow> }> {
  const iterator = body[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < 4096) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    size += chunk.length;
  }
  const text = Buffer.concat(head).toString('utf8');
  if (!text.trim())
    throw new AppError('validation_failed', 'the body is empty; send the file content', '(body)');
  const format = forced ?? detectIncidentFormat(text.slice(0, 4096));
  async function* whole(): AsyncGenerator<Buffer> {
    yield* head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
  }
  // A UTF-8 character may straddle two chunks: decode as one stream.
  const decoded = Readable.from(whole()).setEncoding('utf8');
  return {
    format,
    rows:
      format === 'geojson' ? readGeoJsonStream(decoded, radii) : csvRows(format, decoded, radii),
  };
}
