// The map benchmarks' load: incidents uniform over Syria's bounding box and February 2018, with
// the demo's agreements and source registry, written through the import path into a store.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAgreementDocument } from '../src/app/agreements.ts';
import type { AppContext } from '../src/app/context.ts';
import { importIncidentRows } from '../src/app/incidents.ts';
import type { ImportRow } from '../src/ingest/import-row.ts';
import { importSources } from '../src/app/sources.ts';
import { DEMO_DIR, SOURCES_FILE } from '../src/demo/load-demo.ts';
import { DEFAULT_GEO_PRECISION_RADII_M } from '../src/domain/geo-precision.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { agreementDocumentSchema, sourceRegistrySchema } from '../src/domain/schemas.ts';
import type { IncidentDraft } from '../src/domain/types.ts';
import { parseInput } from '../src/domain/validate.ts';
import { mulberry32 } from './star-load.ts';

export const FROM = Date.parse('2018-02-01T00:00:00Z');
export const UNTIL = Date.parse('2018-03-01T00:00:00Z');
const SUB = ['Air/drone strike', 'Shelling/artillery/missile attack', 'Armed clash'];
const SOURCES = ['SOHR', 'SANA', null];

/** By default over February 2018 without admin1; the report bench spreads them wider and names areas. */
export function* mapLoadRows(
  ROWS: number,
  opts: { from?: number; until?: number; admin1?: (lon: number, lat: number) => string } = {},
): Iterable<ImportRow> {
  const rand = mulberry32(7);
  const [from, until] = [opts.from ?? FROM, opts.until ?? UNTIL];
  for (let i = 0; i < ROWS; i++) {
    const at = from + Math.floor(rand() * (until - from));
    const precision = rand() < 0.7 ? 1 : rand() < 0.83 ? 2 : 3;
    const draft: IncidentDraft = {
      externalId: `MAP${i}`,
      eventType: i % 3 === 2 ? 'Battles' : 'Explosions/Remote violence',
      subEventType: SUB[i % 3]!,
      occurredFrom: at,
      occurredUntil: at,
      timePrecision: 1,
      lon: 35.7 + rand() * 6.7,
      lat: 32.3 + rand() * 5,
      uncertaintyM: DEFAULT_GEO_PRECISION_RADII_M[precision],
      geoPrecision: precision,
      actor1: 'Military Forces of Syria (2000-)',
      actor2: null,
      fatalities: i % 4,
      source: SOURCES[i % 3]!,
      notes: null,
      country: 'Syria',
      admin1: null,
      admin2: null,
      admin3: null,
      location: null,
      attributes: {},
    };
    if (opts.admin1) draft.admin1 = opts.admin1(draft.lon, draft.lat);
    yield { row: i + 1, draft };
  }
}

/** The demo's sources and agreements (no demo incidents or accounts). */
export async function loadDemoAgreements(ctx: AppContext): Promise<void> {
  await importSources(
    ctx,
    SYSTEM_ACTOR,
    parseInput(sourceRegistrySchema, JSON.parse(readFileSync(SOURCES_FILE, 'utf8'))).sources,
  );
  for (const file of readdirSync(join(DEMO_DIR, 'agreements')))
    await importAgreementDocument(
      ctx,
      parseInput(
        agreementDocumentSchema,
        JSON.parse(readFileSync(join(DEMO_DIR, 'agreements', file), 'utf8')),
      ),
      SYSTEM_ACTOR,
    );
}

/** `rows` incidents through importIncidentRows; returns the import summary. */
export function importMapLoad(ctx: AppContext, rows: number) {
  return importIncidentRows(ctx, SYSTEM_ACTOR, mapLoadRows(rows));
}
