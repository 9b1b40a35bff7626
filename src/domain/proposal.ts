// A proposal: a draft version of an agreement put to the key players. Its content is frozen when it
// is put out; the digest every party signs is SHA-256 over the RFC 8785 canonical JSON of that
// content (docs/SIGNING.md). Nothing here does I/O.
import canonicalize from 'canonicalize';
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { sha256Hex } from './incident.ts';
import { checkWindow, ID_PATTERN, zoneCollectionSchema, zoneKeyOf } from './schemas.ts';

export const PROPOSAL_FORMAT = 'truceline.proposal.v1';

const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const partyId = z.string().regex(ID_PATTERN, 'must be a party id');

/** What a mediator or liaison sends to put out a proposal (the agreement comes from the URL). */
export const proposalInputSchema = z
  .object({
    label: z
      .string()
      .regex(
        ID_PATTERN,
        'must be 1–64 letters, digits or _ . : - (the version label it would get)',
      ),
    terms: z.string().trim().max(100_000).optional(),
    valid_from: isoInstant,
    valid_until: isoInstant.nullable().optional(),
    required_signatories: z
      .array(partyId)
      .min(1, 'name at least one party whose signature is required')
      .max(50),
    supersedes: z.string().min(1).max(64).nullable().optional(),
    zones: zoneCollectionSchema,
  })
  .check((ctx) => {
    checkWindow(ctx);
    const v = ctx.value;
    const seen = new Set<string>();
    v.required_signatories.forEach((p, i) => {
      if (seen.has(p))
        ctx.issues.push({
          code: 'custom',
          input: p,
          path: ['required_signatories', i],
          message: `party "${p}" is named twice`,
        });
      seen.add(p);
    });
  });
export type ProposalInput = z.infer<typeof proposalInputSchema>;

export interface ProposalZoneFeature {
  type: 'Feature';
  id: string;
  properties: { name: string; kind: string; [k: string]: unknown };
  geometry: Polygon | MultiPolygon;
}

/** The signed content. Every field is part of the digest; key order does not matter (RFC 8785). */
export interface ProposalContent {
  format: typeof PROPOSAL_FORMAT;
  proposal_id: string;
  agreement_id: string;
  supersedes: string | null;
  label: string;
  terms: string | null;
  /** ISO 8601 UTC with milliseconds (Date.prototype.toISOString). */
  valid_from: string;
  valid_until: string | null;
  /** Sorted, without repeats. */
  required_signatories: string[];
  zones: { type: 'FeatureCollection'; features: ProposalZoneFeature[] };
  proposed_at: string;
}

export function proposalContent(
  input: ProposalInput,
  ids: { proposalId: string; agreementId: string; proposedAt: number },
): ProposalContent {
  return {
    format: PROPOSAL_FORMAT,
    proposal_id: ids.proposalId,
    agreement_id: ids.agreementId,
    supersedes: input.supersedes ?? null,
    label: input.label,
    terms: input.terms ?? null,
    valid_from: new Date(input.valid_from).toISOString(),
    valid_until: input.valid_until ? new Date(input.valid_until).toISOString() : null,
    required_signatories: [...new Set(input.required_signatories)].sort(),
    zones: {
      type: 'FeatureCollection',
      features: input.zones.features.map((f) => ({
        type: 'Feature',
        id: zoneKeyOf(f),
        properties: f.properties,
        // zoneFeatureSchema has checked it is a valid Polygon or MultiPolygon.
        geometry: f.geometry as Polygon | MultiPolygon,
      })),
    },
    proposed_at: new Date(ids.proposedAt).toISOString(),
  };
}

/** RFC 8785 canonical JSON: the exact bytes (UTF-8) that are hashed. */
export function canonicalJson(value: unknown): string {
  const s = canonicalize(value);
  if (s === undefined) throw new Error('value has no canonical JSON form');
  return s;
}

/** The digest parties sign: lower-case hex SHA-256 of the canonical JSON. */
export function proposalDigest(content: ProposalContent): string {
  return sha256Hex(canonicalJson(content));
}

/** Reads stored content back; anything that is not a proposal of this format is refused. */
export const proposalContentSchema = z.object({
  format: z.literal(PROPOSAL_FORMAT),
  proposal_id: z.string(),
  agreement_id: z.string(),
  supersedes: z.string().nullable(),
  label: z.string(),
  terms: z.string().nullable(),
  valid_from: z.string(),
  valid_until: z.string().nullable(),
  required_signatories: z.array(z.string()),
  zones: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.looseObject({ type: z.literal('Feature') })),
  }),
  proposed_at: z.string(),
});
