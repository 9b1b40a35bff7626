// The demo scenario (data/demo): the Geneva-truce story as agreements and incidents, loaded on
// first start so a newcomer sees real zones and real violations at once.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importAgreementDocument } from '../app/agreements.ts';
import type { AppContext } from '../app/context.ts';
import { importIncidentRows, type IncidentImportSummary } from '../app/incidents.ts';
import { agreementDocumentSchema } from '../domain/schemas.ts';
import { parseInput } from '../domain/validate.ts';
import { readGeoJsonIncidents } from '../ingest/geojson-incidents.ts';

export const DEMO_DIR = fileURLToPath(new URL('../../data/demo/', import.meta.url));

export interface DemoSummary {
  agreements: string[];
  incidents: IncidentImportSummary;
}

export async function loadDemo(ctx: AppContext, dir = DEMO_DIR): Promise<DemoSummary> {
  const agreementsDir = `${dir}/agreements`;
  const files = (await readdir(agreementsDir)).filter((f) => f.endsWith('.json')).sort();
  const agreements: string[] = [];
  for (const file of files) {
    const doc = parseInput(
      agreementDocumentSchema,
      JSON.parse(await readFile(`${agreementsDir}/${file}`, 'utf8')),
      file,
    );
    await importAgreementDocument(ctx, doc);
    agreements.push(doc.id);
  }
  const incidents = JSON.parse(await readFile(`${dir}/incidents.geojson`, 'utf8')) as unknown;
  const summary = await importIncidentRows(
    ctx,
    readGeoJsonIncidents(incidents, ctx.config.geoPrecisionRadii),
  );
  return { agreements, incidents: summary };
}

/** True when the database holds nothing yet (no agreements, no incidents). */
export async function isEmpty(ctx: AppContext): Promise<boolean> {
  return (
    (await ctx.store.listAgreements()).length === 0 && (await ctx.store.countIncidents()) === 0
  );
}
