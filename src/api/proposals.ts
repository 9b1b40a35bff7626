// The HTTP contract of /api/v1/proposals: proposals with each required party's state, the signed
// content, the diff against the version in force, signatures, refusals and the offline bundle.
import { z } from 'zod';
import { BUNDLE_FORMAT } from '../domain/proposal-bundle.ts';
import { PROPOSAL_FORMAT } from '../domain/proposal.ts';
import { ID_PATTERN } from '../domain/schemas.ts';
import { areaGeometry, isoTime, itemsOf } from './common.ts';

export const PROPOSAL_STATUSES = ['open', 'adopted', 'refused', 'superseded', 'withdrawn'] as const;

const partyId = z.string().regex(ID_PATTERN, 'must be a party id');

export const proposalsQuery = z.object({
  agreement: z.string().optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
});

export const signatureBody = z.object({
  party_id: partyId,
  signature: z
    .string()
    .regex(/^[A-Za-z0-9+/_-]{86}(==)?$/, 'must be a 64-byte Ed25519 signature in base64'),
  key_fingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a key fingerprint (64 hex characters)')
    .optional(),
});
export const refusalBody = z.object({
  party_id: partyId,
  reason: z.string().trim().min(3).max(5000),
});
export const withdrawBody = z.object({ reason: z.string().trim().min(3).max(5000) });

/** A required party's state: pending, signed (when, with which key) or refused (why). */
export const partyState = z.discriminatedUnion('state', [
  z.strictObject({ party_id: z.string(), state: z.literal('pending') }),
  z.strictObject({
    party_id: z.string(),
    state: z.literal('signed'),
    at: isoTime,
    key_fingerprint: z.string().nullable(),
    signature: z.string().nullable(),
    submitted_by: z.string(),
  }),
  z.strictObject({
    party_id: z.string(),
    state: z.literal('refused'),
    at: isoTime,
    reason: z.string().nullable(),
    submitted_by: z.string(),
  }),
]);

export const proposalSummaryResponse = z.strictObject({
  id: z.string(),
  agreement_id: z.string(),
  label: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  /** SHA-256 (hex) of the canonical content: what the parties sign. */
  digest: z.string(),
  supersedes: z.string().nullable(),
  version_id: z.string().nullable(),
  created_by: z.string(),
  created_at: isoTime,
  closed_at: isoTime.nullable(),
  signed: z.number().int().nonnegative(),
  required: z.number().int().nonnegative(),
  parties: z.array(partyState),
});
export const proposalsResponse = itemsOf(proposalSummaryResponse);

/** The signed content (docs/SIGNING.md); zone properties other than name and kind are free-form. */
export const proposalContent = z.strictObject({
  format: z.literal(PROPOSAL_FORMAT),
  proposal_id: z.string(),
  agreement_id: z.string(),
  supersedes: z.string().nullable(),
  label: z.string(),
  terms: z.string().nullable(),
  valid_from: isoTime,
  valid_until: isoTime.nullable(),
  required_signatories: z.array(z.string()),
  zones: z.strictObject({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.strictObject({
        type: z.literal('Feature'),
        /** The zone key. */
        id: z.string(),
        properties: z.object({ name: z.string(), kind: z.string() }).catchall(z.unknown()),
        geometry: areaGeometry,
      }),
    ),
  }),
  proposed_at: isoTime,
});

const zoneSummary = z.strictObject({
  key: z.string(),
  name: z.string(),
  kind: z.string(),
  area_km2: z.number(),
});

/** What the proposal changes against the version in force (src/domain/proposal-diff.ts). */
export const proposalDiff = z.strictObject({
  base: z.strictObject({ version_id: z.string(), label: z.string() }).nullable(),
  terms: z.strictObject({
    changed: z.boolean(),
    parts: z.array(z.strictObject({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
    unified: z.string(),
  }),
  zones: z.strictObject({
    added: z.array(zoneSummary),
    removed: z.array(zoneSummary),
    changed: z.array(
      z.strictObject({
        key: z.string(),
        name: z.string(),
        changes: z.array(z.enum(['geometry', 'kind', 'name', 'properties'])),
        kind_before: z.string(),
        kind_after: z.string(),
        area_before_km2: z.number(),
        area_after_km2: z.number(),
        area_change_km2: z.number(),
      }),
    ),
    unchanged: z.array(z.string()),
    area_change_km2: z.number(),
  }),
  window: z.strictObject({
    valid_from: z.strictObject({
      before: isoTime.nullable(),
      after: isoTime,
      changed: z.boolean(),
    }),
    valid_until: z.strictObject({
      before: isoTime.nullable(),
      after: isoTime.nullable(),
      changed: z.boolean(),
    }),
    extended_by_hours: z.number().nullable(),
  }),
});

export const proposalViewResponse = proposalSummaryResponse.extend({
  superseded_by: z.array(z.string()),
  content: proposalContent,
  /** The stored canonical JSON, byte for byte what the digest is over. */
  canonical_content: z.string(),
  diff: proposalDiff,
});

export const signatureResponse = z.strictObject({
  /** True when this signature was the last one required and the version was recorded. */
  adopted: z.boolean(),
  proposal: proposalViewResponse,
});

export const proposalBundleResponse = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  proposal_id: z.string(),
  agreement_id: z.string(),
  digest: z.string(),
  content: z.string(),
  signatures: z.array(
    z.strictObject({
      party_id: z.string(),
      key_fingerprint: z.string(),
      public_key: z.string(),
      signature: z.string(),
      signed_at: isoTime,
    }),
  ),
  refusals: z.array(
    z.strictObject({ party_id: z.string(), reason: z.string(), refused_at: isoTime }),
  ),
  required_signatories: z.array(z.string()),
});
