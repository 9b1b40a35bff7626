// zod schemas for every outside input: agreement documents, parties, versions, incidents.
// Validation happens once, at the edge; what passes is safe for the services to use.
import { z } from 'zod';
import { validateZoneGeometry } from '../geo/validate-geometry.ts';
import { EVENT_TYPES, parseSubEventType, type EventType } from './event-types.ts';
import { ZONE_KINDS } from './zone-kinds.ts';
import { RELIABILITY_GRADES, SOURCE_KINDS } from './report.ts';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const id = (what: string) =>
  z
    .string()
    .regex(
      ID_PATTERN,
      `${what} must be 1–64 letters, digits or _ . : - and start with a letter or digit`,
    );

const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const text = (max: number) => z.string().trim().max(max);

export const partySchema = z.object({
  id: id('party id'),
  name: text(200).min(1, 'must not be empty'),
  capabilities: z
    .array(z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a lower-case word such as air'))
    .max(20)
    .default([]),
});
export type PartyInput = z.infer<typeof partySchema>;

const zoneProperties = z.looseObject({
  name: text(200).min(1, 'must not be empty'),
  kind: z.enum(ZONE_KINDS, { message: `must be one of ${ZONE_KINDS.join(', ')}` }),
});

export const zoneFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string().regex(ID_PATTERN), z.number().int().nonnegative()]).optional(),
  properties: zoneProperties,
  geometry: z.unknown().check((ctx) => {
    const result = validateZoneGeometry(ctx.value);
    if (result.ok) return;
    for (const issue of result.issues) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: issue.message,
        path: pathFromGeometryIssue(issue.path),
        params: { code: 'invalid_geometry' },
      });
    }
  }),
});
export type ZoneFeatureInput = z.infer<typeof zoneFeatureSchema>;

/** `coordinates[1][0][5]` → ['coordinates', 1, 0, 5] so it joins the field path. */
function pathFromGeometryIssue(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([A-Za-z_]+)|\[(\d+)\]/g)) {
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
  }
  return parts;
}

export function zoneKeyOf(feature: ZoneFeatureInput): string {
  return feature.id !== undefined ? String(feature.id) : feature.properties.name;
}

export const zoneCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(zoneFeatureSchema).min(1, 'a version needs at least one zone').max(5000),
  })
  .check((ctx) => {
    const seen = new Set<string>();
    ctx.value.features.forEach((f, i) => {
      const key = zoneKeyOf(f);
      if (seen.has(key))
        ctx.issues.push({
          code: 'custom',
          input: f,
          path: ['features', i, f.id !== undefined ? 'id' : 'properties'],
          message: `zone "${key}" appears twice in this version; give each zone its own id or name`,
        });
      seen.add(key);
    });
  });

/** A validity window is half-open [valid_from, valid_until): the end must come after the start. */
export function checkWindow(ctx: {
  value: { valid_from: string; valid_until?: string | null | undefined };
  issues: z.core.$ZodRawIssue[];
}): void {
  const v = ctx.value;
  if (v.valid_until && Date.parse(v.valid_until) <= Date.parse(v.valid_from))
    ctx.issues.push({
      code: 'custom',
      input: v.valid_until,
      path: ['valid_until'],
      message: 'must be later than valid_from (windows are half-open [from, until))',
    });
}

export const versionSchema = z
  .object({
    label: id('version label'),
    valid_from: isoInstant,
    valid_until: isoInstant.nullable().optional(),
    signed_by: z.array(id('party id')).min(1, 'a recorded version needs its signatories'),
    terms: text(100_000).optional(),
    zones: zoneCollectionSchema,
  })
  .check((ctx) => checkWindow(ctx));
export type VersionInput = z.infer<typeof versionSchema>;

export const agreementSchema = z.object({
  id: id('agreement id'),
  title: text(300).min(1, 'must not be empty'),
  description: text(20_000).optional(),
  parties: z.array(id('party id')).max(100).default([]),
});
export type AgreementInput = z.infer<typeof agreementSchema>;

export const agreementDocumentSchema = z
  .object({
    id: id('agreement id'),
    title: text(300).min(1, 'must not be empty'),
    description: text(20_000).optional(),
    parties: z.array(partySchema).max(100),
    versions: z.array(versionSchema).max(1000),
  })
  .check((ctx) => {
    const doc = ctx.value;
    const partyIds = new Set(doc.parties.map((p) => p.id));
    const labels = new Set<string>();
    doc.versions.forEach((v, i) => {
      if (labels.has(v.label))
        ctx.issues.push({
          code: 'custom',
          input: v.label,
          path: ['versions', i, 'label'],
          message: `version label "${v.label}" is used twice`,
        });
      labels.add(v.label);
      v.signed_by.forEach((p, j) => {
        if (!partyIds.has(p))
          ctx.issues.push({
            code: 'custom',
            input: p,
            path: ['versions', i, 'signed_by', j],
            message: `party "${p}" is not listed in this document's parties`,
          });
      });
    });
  });
export type AgreementDocument = z.infer<typeof agreementDocumentSchema>;

const optionalText = (max: number) =>
  z
    .union([z.string(), z.null()])
    .optional()
    .transform((v) => {
      const t = v?.trim();
      return t ? t.slice(0, max) : null;
    });

const count = z.number().int().min(0, 'must be 0 or more').nullable().optional();
export const casualtyCountSchema = z
  .object({ low: count, best: count, high: count })
  .check((ctx) => {
    const { low, best, high } = ctx.value;
    const order: [string, number | null | undefined][] = [
      ['low', low],
      ['best', best],
      ['high', high],
    ];
    const given = order.filter(([, v]) => v !== null && v !== undefined) as [string, number][];
    for (let i = 1; i < given.length; i++)
      if (given[i]![1] < given[i - 1]![1])
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          path: [given[i]![0]],
          message: `must not be below ${given[i - 1]![0]} (${given[i - 1]![1]})`,
        });
  });

/** One source's account of an incident (Admiralty information credibility 1–6). */
export const reportInputSchema = z.object({
  source: z.string().trim().min(1, 'name the source').max(300),
  reference: z.string().trim().max(2000).nullable().optional(),
  received_at: isoInstant.nullable().optional(),
  text: z.string().trim().max(20_000).nullable().optional(),
  credibility: z
    .number()
    .int()
    .min(1, 'must be 1 (confirmed) to 6 (cannot be judged)')
    .max(6, 'must be 1 (confirmed) to 6 (cannot be judged)')
    .nullable()
    .optional(),
  killed: casualtyCountSchema.optional(),
  injured: casualtyCountSchema.optional(),
  civilians_killed: count,
  combatants_killed: count,
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/**
 * One incident from the API or a GeoJSON feature. Time is `occurred_at` (an instant), or
 * `occurred_from` + `occurred_until` (a half-open interval), or `occurred_on` (a day) with
 * ACLED's `time_precision`. Place is lon/lat with `uncertainty_m` or ACLED's `geo_precision`.
 */
export const incidentInputSchema = z
  .object({
    external_id: z
      .union([z.string().trim().min(1).max(128), z.number().int()])
      .transform(String)
      .nullable()
      .optional(),
    event_type: z.enum(EVENT_TYPES, { message: `must be one of ${EVENT_TYPES.join(', ')}` }),
    sub_event_type: z.string().trim().max(100).nullable().optional(),
    occurred_at: isoInstant.optional(),
    occurred_from: isoInstant.optional(),
    occurred_until: isoInstant.optional(),
    occurred_on: z.iso.date({ message: 'must be a date YYYY-MM-DD' }).optional(),
    time_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    lon: z
      .number()
      .min(-180, 'must be between -180 and 180')
      .max(180, 'must be between -180 and 180'),
    lat: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
    uncertainty_m: z.number().min(0, 'must be 0 or more metres').max(2_000_000).optional(),
    geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    actor1: optionalText(300),
    actor2: optionalText(300),
    fatalities: z.number().int().min(0, 'must be 0 or more').nullable().optional(),
    source: optionalText(1000),
    notes: optionalText(20_000),
    country: optionalText(100),
    admin1: optionalText(200),
    admin2: optionalText(200),
    admin3: optionalText(200),
    location: optionalText(200),
    /** The sources' accounts; without them, one report per name in `source` is made. */
    reports: z.array(reportInputSchema).max(100).optional(),
  })
  .check((ctx) => {
    const v = ctx.value;
    const add = (path: string, message: string) =>
      ctx.issues.push({ code: 'custom', input: v, path: [path], message });
    const forms = [v.occurred_at, v.occurred_from ?? v.occurred_until, v.occurred_on].filter(
      (x) => x !== undefined,
    ).length;
    if (forms === 0)
      add('occurred_at', 'give occurred_at, occurred_from + occurred_until, or occurred_on');
    else if (forms > 1)
      add('occurred_at', 'give only one of occurred_at, occurred_from/occurred_until, occurred_on');
    else if ((v.occurred_from === undefined) !== (v.occurred_until === undefined))
      add(v.occurred_from ? 'occurred_until' : 'occurred_from', 'an interval needs both ends');
    else if (
      v.occurred_from &&
      v.occurred_until &&
      Date.parse(v.occurred_until) <= Date.parse(v.occurred_from)
    )
      add('occurred_until', 'must be later than occurred_from');
    if (v.sub_event_type && !parseSubEventType(v.event_type as EventType, v.sub_event_type))
      add('sub_event_type', `is not a sub-event type of ${v.event_type}`);
  });
export type IncidentInput = z.infer<typeof incidentInputSchema>;

/** A source of the registry (DESIGN.md: Report); its id defaults to a slug of its name. */
export const sourceSchema = z.object({
  id: id('source id').optional(),
  name: text(300).min(1, 'must not be empty'),
  aliases: z.array(text(300).min(1)).max(50).default([]),
  kind: z.enum(SOURCE_KINDS, { message: `must be one of ${SOURCE_KINDS.join(', ')}` }),
  reliability: z.enum(RELIABILITY_GRADES, {
    message: 'must be an Admiralty grade A (reliable) to E (unreliable), or F (cannot be judged)',
  }),
  affiliation: text(100).nullable().optional(),
  notes: text(5000).nullable().optional(),
});
export type SourceInput = z.infer<typeof sourceSchema>;

export const sourceRegistrySchema = z.object({ sources: z.array(sourceSchema).max(10_000) });
