// The export of a signed (or partly signed) proposal that anyone can verify offline: the exact
// canonical content, its digest, and each signature with the public key it claims to be made by.
import { z } from 'zod';
import { sha256Hex } from './incident.ts';
import { canonicalJson, proposalContentSchema } from './proposal.ts';
import { fingerprintOf, parsePublicKey, verifyDigest } from './signing.ts';

export const BUNDLE_FORMAT = 'truceline.proposal-bundle.v1';

export const proposalBundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  proposal_id: z.string(),
  agreement_id: z.string(),
  digest: z.string(),
  /** The canonical JSON, exactly the bytes that were hashed. */
  content: z.string(),
  signatures: z.array(
    z.object({
      party_id: z.string(),
      key_fingerprint: z.string(),
      public_key: z.string(),
      signature: z.string(),
      signed_at: z.string(),
    }),
  ),
  refusals: z.array(z.object({ party_id: z.string(), reason: z.string(), refused_at: z.string() })),
  required_signatories: z.array(z.string()),
});
export type ProposalBundle = z.infer<typeof proposalBundleSchema>;

export interface SignatureCheck {
  partyId: string;
  keyFingerprint: string;
  ok: boolean;
  reason: string | null;
}

export interface BundleCheck {
  ok: boolean;
  digestOk: boolean;
  problems: string[];
  signatures: SignatureCheck[];
  /** Required parties without a valid signature. */
  missing: string[];
}

/**
 * Recomputes the digest from the content and verifies every signature in the bundle. `ok` means
 * the bundle is consistent and each signature was made by the key shipped with it; whether a key
 * really belongs to its party is for the parties to confirm out of band (compare fingerprints).
 */
export function verifyBundle(bundle: ProposalBundle): BundleCheck {
  const problems: string[] = [];
  const digest = sha256Hex(bundle.content);
  const digestOk = digest === bundle.digest;
  if (!digestOk) problems.push(`digest: content hashes to ${digest}, not ${bundle.digest}`);
  let content: z.infer<typeof proposalContentSchema> | null = null;
  try {
    const parsed: unknown = JSON.parse(bundle.content);
    if (canonicalJson(parsed) !== bundle.content)
      problems.push('content: is not in RFC 8785 canonical form');
    const result = proposalContentSchema.safeParse(parsed);
    if (result.success) content = result.data;
    else problems.push('content: is not a Truceline proposal');
  } catch {
    problems.push('content: is not JSON');
  }
  if (content && content.proposal_id !== bundle.proposal_id)
    problems.push(`content: names proposal ${content.proposal_id}, not ${bundle.proposal_id}`);
  if (content && content.agreement_id !== bundle.agreement_id)
    problems.push(`content: names agreement ${content.agreement_id}, not ${bundle.agreement_id}`);
  if (
    content &&
    [...bundle.required_signatories].sort().join(',') !== content.required_signatories.join(',')
  )
    problems.push('required_signatories: differ from those in the signed content');
  const required = content?.required_signatories ?? bundle.required_signatories;
  const signatures = bundle.signatures.map((s): SignatureCheck => {
    const base = { partyId: s.party_id, keyFingerprint: s.key_fingerprint };
    let reason: string | null = null;
    try {
      const key = parsePublicKey(s.public_key);
      if (fingerprintOf(key) !== s.key_fingerprint)
        reason = 'the public key does not have the stated fingerprint';
      else if (!required.includes(s.party_id)) reason = 'the party is not a required signatory';
      else if (!verifyDigest(key, bundle.digest, s.signature))
        reason = 'the signature does not verify for this digest and key';
    } catch (e) {
      reason = `public key: ${(e as Error).message}`;
    }
    return { ...base, ok: reason === null && digestOk, reason };
  });
  const signed = new Set(signatures.filter((s) => s.ok).map((s) => s.partyId));
  const missing = required.filter((p) => !signed.has(p));
  return {
    ok: problems.length === 0 && signatures.every((s) => s.ok),
    digestOk,
    problems,
    signatures,
    missing,
  };
}
