// What GET /api/v1/proposals/:id shows: the content and digest, each required party's state
// (signed when and with which key, refused and why, pending), and the diff against the version
// in force.
import type { Proposal, ProposalDecision } from '../domain/accountability-types.ts';
import { AppError } from '../domain/errors.ts';
import type { ProposalContent } from '../domain/proposal.ts';
import { diffProposal, type DiffBase } from '../domain/proposal-diff.ts';
import type { AgreementVersion } from '../domain/types.ts';
import { versionInForce } from '../domain/version-in-force.ts';
import type { Store } from '../store/store.ts';

const iso = (t: number) => new Date(t).toISOString();

export function partyStates(p: Proposal, decisions: readonly ProposalDecision[]) {
  return p.required.map((partyId) => {
    const d = decisions.find((x) => x.partyId === partyId);
    if (!d) return { party_id: partyId, state: 'pending' as const };
    return d.decision === 'signed'
      ? {
          party_id: partyId,
          state: 'signed' as const,
          at: iso(d.decidedAt),
          key_fingerprint: d.keyFingerprint,
          signature: d.signature,
          submitted_by: d.decidedBy,
        }
      : {
          party_id: partyId,
          state: 'refused' as const,
          at: iso(d.decidedAt),
          reason: d.reason,
          submitted_by: d.decidedBy,
        };
  });
}

export function proposalSummary(p: Proposal, decisions: readonly ProposalDecision[]) {
  const states = partyStates(p, decisions);
  return {
    id: p.id,
    agreement_id: p.agreementId,
    label: p.label,
    status: p.status,
    digest: p.digest,
    supersedes: p.supersedes,
    version_id: p.versionId,
    created_by: p.createdBy,
    created_at: iso(p.createdAt),
    closed_at: p.closedAt === null ? null : iso(p.closedAt),
    signed: states.filter((s) => s.state === 'signed').length,
    required: states.length,
    parties: states,
  };
}

/** The version a proposal is compared with: the one in force now, else the latest recorded. */
export function baseVersion(versions: readonly AgreementVersion[], now: number) {
  return versionInForce(versions, now) ?? [...versions].sort((a, b) => b.seq - a.seq)[0] ?? null;
}

export async function proposalView(store: Store, id: string, now: number) {
  const p = await store.getProposal(id);
  if (!p) throw new AppError('not_found', `proposal ${id} does not exist`);
  const decisions = await store.listDecisions([p.id]);
  const content = JSON.parse(p.content) as ProposalContent;
  const versions = (await store.listVersions(p.agreementId)).filter((v) => v.id !== p.versionId);
  const base = baseVersion(versions, now);
  const diffBase: DiffBase | null = base && {
    versionId: base.id,
    label: base.label,
    terms: base.terms,
    validFrom: base.validFrom,
    validUntil: base.validUntil,
    zones: base.zones,
  };
  const successors = (await store.listProposals({ agreementId: p.agreementId }))
    .filter((x) => x.supersedes === p.id)
    .map((x) => x.id);
  return {
    ...proposalSummary(p, decisions),
    superseded_by: successors,
    content,
    canonical_content: p.content,
    diff: diffProposal(diffBase, content),
  };
}
