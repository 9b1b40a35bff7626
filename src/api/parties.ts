// The HTTP contract of /api/v1/parties and their Ed25519 public keys.
import { z } from 'zod';
import { isoTime, itemsOf } from './common.ts';

export const partyResponse = z.strictObject({
  id: z.string(),
  name: z.string(),
  capabilities: z.array(z.string()),
  created_at: isoTime,
});
export const partiesResponse = itemsOf(partyResponse);

export const registerKeyBody = z.object({
  public_key: z
    .string()
    .min(40, 'must be an SPKI PEM public key or 32 raw bytes in base64')
    .max(2000),
  label: z.string().trim().max(100).optional(),
});

export const partyKeyResponse = z.strictObject({
  /** SHA-256 of the raw key, 64 hex characters. */
  fingerprint: z.string(),
  party_id: z.string(),
  /** SPKI PEM. */
  public_key: z.string(),
  label: z.string().nullable(),
  created_at: isoTime,
  revoked_at: isoTime.nullable(),
});
export const partyKeysResponse = itemsOf(partyKeyResponse);
