// The demo scenario (data/demo): the Geneva-truce story as agreements and incidents, loaded on
// first start so a newcomer sees real zones and real violations at once.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { actorOf, createUser, generateSecret } from '../app/accounts.ts';
import { createProposal } from '../app/proposals.ts';
import { proposalInputSchema } from '../domain/proposal.ts';
import { importAgreementDocument } from '../app/agreements.ts';
import { SYSTEM_ACTOR, type Role } from '../domain/roles.ts';
import type { AppContext } from '../app/context.ts';
import { importIncidentRows, type IncidentImportSummary } from '../app/incidents.ts';
import { agreementDocumentSchema, sourceRegistrySchema } from '../domain/schemas.ts';
import { importSources } from '../app/sources.ts';
import { parseInput } from '../domain/validate.ts';
import { readGeoJsonIncidents } from '../ingest/geojson-incidents.ts';

export const DEMO_DIR = fileURLToPath(new URL('../../data/demo/', import.meta.url));
/** The starting source registry (graded sources of the Geneva story), loaded with the demo. */
export const SOURCES_FILE = fileURLToPath(new URL('../../data/sources.json', import.meta.url));

export interface DemoAccount {
  username: string;
  role: Role;
  partyId: string | null;
  password: string;
}

export interface DemoSummary {
  agreements: string[];
  incidents: IncidentImportSummary;
  /** One user per role and one liaison per demo party, with generated passwords. */
  accounts: DemoAccount[];
}

const DEMO_ROLES: Role[] = ['admin', 'mediator', 'analyst', 'monitor', 'public'];

async function createDemoAccounts(ctx: AppContext): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  const add = async (username: string, role: Role, partyId: string | null) => {
    if (await ctx.store.getUserByUsername(username)) return;
    const { password } = await createUser(ctx, SYSTEM_ACTOR, {
      username,
      role,
      party_id: partyId,
      password: generateSecret(),
      display_name: partyId ? `Liaison for ${partyId}` : `Demo ${role}`,
    });
    accounts.push({ username, role, partyId, password });
  };
  for (const role of DEMO_ROLES) await add(role, role, null);
  for (const party of await ctx.store.listParties())
    await add(`liaison-${party.id.toLowerCase()}`, 'liaison', party.id);
  return accounts;
}

/** The table printed at start, so a newcomer can sign in as every role. */
export function describeAccounts(accounts: readonly DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.username.length), 8);
  return accounts
    .map(
      (a) =>
        `  ${a.username.padEnd(width)}  ${a.password}  ${a.role}${a.partyId ? ` for ${a.partyId}` : ''}`,
    )
    .join('\n');
}

export async function loadDemo(ctx: AppContext, dir = DEMO_DIR): Promise<DemoSummary> {
  const registry = parseInput(
    sourceRegistrySchema,
    JSON.parse(await readFile(SOURCES_FILE, 'utf8')),
    'data/sources.json',
  );
  await importSources(ctx, SYSTEM_ACTOR, registry.sources);
  const agreementsDir = `${dir}/agreements`;
  const files = (await readdir(agreementsDir)).filter((f) => f.endsWith('.json')).sort();
  const agreements: string[] = [];
  for (const file of files) {
    const doc = parseInput(
      agreementDocumentSchema,
      JSON.parse(await readFile(`${agreementsDir}/${file}`, 'utf8')),
      file,
    );
    await importAgreementDocument(ctx, doc, SYSTEM_ACTOR);
    agreements.push(doc.id);
  }
  const incidents = JSON.parse(await readFile(`${dir}/incidents.geojson`, 'utf8')) as unknown;
  const summary = await importIncidentRows(
    ctx,
    SYSTEM_ACTOR,
    readGeoJsonIncidents(incidents, ctx.config.geoPrecisionRadii),
  );
  const accounts = await createDemoAccounts(ctx);
  await proposeDemoExtension(ctx);
  return { agreements, incidents: summary, accounts };
}

/**
 * An open proposal to try sign-off with: the Damascus truce "extended for another 48 hours",
 * put out by the demo mediator to the parties that signed the version in force.
 */
async function proposeDemoExtension(ctx: AppContext): Promise<void> {
  const agreementId = 'damascus-coh';
  if ((await ctx.store.listProposals({ agreementId })).length > 0) return;
  const latest = (await ctx.store.listVersions(agreementId)).at(-1);
  const mediator = await ctx.store.getUserByUsername('mediator');
  if (!latest || latest.validUntil === null || !mediator) return;
  const until = latest.validUntil + 48 * 3600_000;
  await createProposal(
    ctx,
    actorOf(mediator),
    agreementId,
    parseInput(proposalInputSchema, {
      label: 'v3',
      terms: `${latest.terms ?? ''}\n\nExtended for another 48 hours.`.trim(),
      valid_from: new Date(latest.validFrom).toISOString(),
      valid_until: new Date(until).toISOString(),
      required_signatories: latest.signedBy,
      zones: {
        type: 'FeatureCollection',
        features: latest.zones.map((z) => ({
          type: 'Feature',
          id: z.key,
          properties: { ...z.properties, name: z.name, kind: z.kind },
          geometry: z.geometry,
        })),
      },
    }),
  );
}

/** True when the database holds nothing yet (no agreements, no incidents). */
export async function isEmpty(ctx: AppContext): Promise<boolean> {
  return (
    (await ctx.store.listAgreements()).length === 0 && (await ctx.store.countIncidents()) === 0
  );
}
