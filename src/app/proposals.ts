// Proposals and signatures: putting out an immutable proposal, registering party keys, verifying
// and storing signatures or refusals, and turning a fully signed proposal into the agreement's
// next version, re-evaluated in the same transaction.
import { v7 as uuidv7 } from 'uuid';
import { isPartyBound, mayActFor, mayProposeOn } from '../domain/access.ts';
import type { z } from 'zod';
import type { registerKeyBody } from '../api/parties.ts';
import type { refusalBody, signatureBody } from '../api/proposals.ts';
import type { PartyKey, Proposal, ProposalDecision } from '../domain/accountability-types.ts';
import { AppError } from '../domain/errors.ts';
import {
  canonicalJson,
  proposalContent,
  proposalDigest,
  type ProposalContent,
  type ProposalInput,
} from '../domain/proposal.ts';
import { BUNDLE_FORMAT, type ProposalBundle } from '../domain/proposal-bundle.ts';
import type { Actor } from '../domain/roles.ts';
import { fingerprintOf, parsePublicKey, publicKeyPem, verifyDigest } from '../domain/signing.ts';
import type { VersionInput } from '../domain/schemas.ts';
import type { Store } from '../store/store.ts';
import { buildVersion, requireParties, versionChange, versionEvent } from './agreements.ts';
import type { AppContext } from './context.ts';
import { audit, event, publish } from './journal.ts';
import { reevaluateAgreement } from './reevaluate.ts';

const iso = (t: number) => new Date(t).toISOString();

export function keyToJson(k: PartyKey) {
  return {
    fingerprint: k.fingerprint,
    party_id: k.partyId,
    public_key: k.publicKeyPem,
    label: k.label,
    created_at: iso(k.createdAt),
    revoked_at: k.revokedAt === null ? null : iso(k.revokedAt),
  };
}

export async function registerPartyKey(
  ctx: AppContext,
  actor: Actor,
  partyId: string,
  input: z.output<typeof registerKeyBody>,
): Promise<PartyKey> {
  let pem: string;
  let fingerprint: string;
  try {
    const key = parsePublicKey(input.public_key);
    pem = publicKeyPem(key);
    fingerprint = fingerprintOf(key);
  } catch (e) {
    throw new AppError('validation_failed', `public_key ${(e as Error).message}`, 'public_key');
  }
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.getParty(partyId)))
      throw new AppError('not_found', `party ${partyId} does not exist`);
    const existing = await tx.getPartyKey(fingerprint);
    if (existing)
      throw new AppError(
        'conflict',
        `this key is already registered (for ${existing.partyId})`,
        'public_key',
      );
    const now = ctx.config.now();
    const key: PartyKey = {
      fingerprint,
      partyId,
      publicKeyPem: pem,
      label: input.label ?? null,
      createdAt: now,
      createdBy: actor.name,
      revokedAt: null,
    };
    await tx.insertPartyKey(key);
    await audit(tx, actor, now, [
      { action: 'key.register', entity: 'party', entityId: partyId, after: keyToJson(key) },
    ]);
    await publish(tx, now, [event('key.registered', 'public', { party_id: partyId, fingerprint })]);
    return key;
  });
}

export async function revokePartyKey(
  ctx: AppContext,
  actor: Actor,
  partyId: string,
  fingerprint: string,
): Promise<PartyKey> {
  return ctx.store.transaction(async (tx) => {
    const key = await tx.getPartyKey(fingerprint);
    if (!key || key.partyId !== partyId)
      throw new AppError('not_found', `party ${partyId} has no key ${fingerprint}`);
    if (key.revokedAt !== null) return key;
    const now = ctx.config.now();
    await tx.revokePartyKey(fingerprint, now);
    await audit(tx, actor, now, [
      {
        action: 'key.revoke',
        entity: 'party',
        entityId: partyId,
        before: keyToJson(key),
        after: keyToJson({ ...key, revokedAt: now }),
      },
    ]);
    return { ...key, revokedAt: now };
  });
}

export async function createProposal(
  ctx: AppContext,
  actor: Actor,
  agreementId: string,
  input: ProposalInput,
): Promise<Proposal> {
  return ctx.store.transaction(async (tx) => {
    const agreement = await tx.getAgreement(agreementId);
    if (!agreement) throw new AppError('not_found', `agreement ${agreementId} does not exist`);
    if (!mayProposeOn(actor, agreement))
      throw new AppError(
        'forbidden',
        `a liaison may propose only for agreements their party (${actor.partyId}) is party to`,
      );
    await requireParties(tx, input.required_signatories, 'required_signatories');
    const versions = await tx.listVersions(agreementId);
    const open = await tx.listProposals({ agreementId, status: 'open' });
    if (versions.some((v) => v.label === input.label))
      throw new AppError('conflict', `version ${input.label} is already recorded`, 'label');
    const clash = open.find((p) => p.label === input.label && p.id !== input.supersedes);
    if (clash)
      throw new AppError(
        'conflict',
        `open proposal ${clash.id} already uses label ${input.label}; supersede it or pick another label`,
        'label',
      );
    const now = ctx.config.now();
    if (input.supersedes) {
      const old = await tx.getProposal(input.supersedes);
      if (!old || old.agreementId !== agreementId)
        throw new AppError(
          'unknown_reference',
          `proposal ${input.supersedes} is not a proposal for ${agreementId}`,
          'supersedes',
        );
      // An open proposal is closed by its successor; a refused one is only linked to it.
      if (old.status !== 'open' && old.status !== 'refused')
        throw new AppError(
          'invalid_transition',
          `proposal ${old.id} is ${old.status}; only an open or refused proposal can be superseded`,
          'supersedes',
        );
      if (isPartyBound(actor)) {
        const author = await tx.getUserByUsername(old.createdBy);
        if (!mayActFor(actor, author?.partyId))
          throw new AppError(
            'forbidden',
            `a liaison may supersede only proposals put out for their own party (${actor.partyId})`,
            'supersedes',
          );
      }
      if (old.status === 'open') await tx.closeProposal(old.id, 'superseded', null, now);
    }
    const id = uuidv7();
    const content = proposalContent(input, { proposalId: id, agreementId, proposedAt: now });
    const proposal: Proposal = {
      id,
      agreementId,
      supersedes: content.supersedes,
      label: content.label,
      content: canonicalJson(content),
      digest: proposalDigest(content),
      required: content.required_signatories,
      status: 'open',
      versionId: null,
      createdBy: actor.name,
      createdAt: now,
      closedAt: null,
    };
    await tx.insertProposal(proposal);
    await audit(tx, actor, now, [
      {
        action: 'proposal.create',
        entity: 'proposal',
        entityId: id,
        after: {
          agreement_id: agreementId,
          label: proposal.label,
          digest: proposal.digest,
          required_signatories: proposal.required,
          supersedes: proposal.supersedes,
        },
      },
    ]);
    await publish(tx, now, [
      event('proposal.created', 'parties', {
        proposal_id: id,
        agreement_id: agreementId,
        label: proposal.label,
        digest: proposal.digest,
        supersedes: proposal.supersedes,
      }),
    ]);
    return proposal;
  });
}

async function openProposal(tx: Store, id: string, doing: string): Promise<Proposal> {
  const p = await tx.getProposal(id);
  if (!p) throw new AppError('not_found', `proposal ${id} does not exist`);
  if (p.status !== 'open')
    throw new AppError(
      'invalid_transition',
      `proposal ${id} is ${p.status}; only an open proposal can be ${doing}`,
    );
  return p;
}

async function requireUndecided(tx: Store, p: Proposal, partyId: string): Promise<void> {
  if (!p.required.includes(partyId))
    throw new AppError(
      'validation_failed',
      `party ${partyId} is not a required signatory of this proposal (required: ${p.required.join(', ')})`,
      'party_id',
    );
  const decided = (await tx.listDecisions([p.id])).find((d) => d.partyId === partyId);
  if (decided)
    throw new AppError(
      'conflict',
      `party ${partyId} already ${decided.decision} this proposal; a changed position is a new proposal`,
      'party_id',
    );
}

export type SignInput = z.output<typeof signatureBody>;

export async function signProposal(
  ctx: AppContext,
  actor: Actor,
  proposalId: string,
  input: SignInput,
): Promise<{ proposal: Proposal; adopted: boolean }> {
  return ctx.store.transaction(async (tx) => {
    const p = await openProposal(tx, proposalId, 'signed');
    await requireUndecided(tx, p, input.party_id);
    const keys = (await tx.listPartyKeys(input.party_id)).filter(
      (k) =>
        k.revokedAt === null &&
        (input.key_fingerprint === undefined || k.fingerprint === input.key_fingerprint),
    );
    if (keys.length === 0)
      throw new AppError(
        'bad_signature',
        input.key_fingerprint
          ? `party ${input.party_id} has no active key ${input.key_fingerprint}`
          : `party ${input.party_id} has no registered key; register its public key first`,
        input.key_fingerprint ? 'key_fingerprint' : 'party_id',
      );
    const key = keys.find((k) =>
      verifyDigest(parsePublicKey(k.publicKeyPem), p.digest, input.signature),
    );
    if (!key)
      throw new AppError(
        'bad_signature',
        `the signature does not verify against ${input.party_id}'s registered keys for digest ${p.digest}`,
        'signature',
      );
    const now = ctx.config.now();
    const decision: ProposalDecision = {
      proposalId: p.id,
      partyId: input.party_id,
      decision: 'signed',
      keyFingerprint: key.fingerprint,
      signature: Buffer.from(input.signature, 'base64url').toString('base64'),
      reason: null,
      decidedBy: actor.name,
      decidedAt: now,
    };
    await tx.insertDecision(decision);
    await audit(tx, actor, now, [
      {
        action: 'proposal.sign',
        entity: 'proposal',
        entityId: p.id,
        after: {
          party_id: input.party_id,
          key_fingerprint: key.fingerprint,
          signature: input.signature,
          digest: p.digest,
        },
      },
    ]);
    await publish(tx, now, [
      event('proposal.signed', 'parties', {
        proposal_id: p.id,
        party_id: input.party_id,
        key_fingerprint: key.fingerprint,
      }),
    ]);
    const decisions = await tx.listDecisions([p.id]);
    const signed = new Set(decisions.filter((d) => d.decision === 'signed').map((d) => d.partyId));
    if (!p.required.every((r) => signed.has(r))) return { proposal: p, adopted: false };
    return { proposal: await adopt(tx, actor, p, now), adopted: true };
  });
}

/** Every required party has signed: the proposal becomes the agreement's next signed version. */
async function adopt(tx: Store, actor: Actor, p: Proposal, now: number): Promise<Proposal> {
  const content = JSON.parse(p.content) as ProposalContent;
  const input: VersionInput = {
    label: content.label,
    valid_from: content.valid_from,
    valid_until: content.valid_until,
    signed_by: content.required_signatories,
    ...(content.terms !== null && { terms: content.terms }),
    zones: content.zones as VersionInput['zones'],
  };
  const versions = await tx.listVersions(p.agreementId);
  if (versions.some((v) => v.label === content.label))
    throw new AppError(
      'conflict',
      `version ${content.label} of ${p.agreementId} was recorded meanwhile; supersede this proposal with one under a new label`,
      'label',
    );
  const version = buildVersion(p.agreementId, versions.length + 1, input, now, p.id);
  await tx.insertVersion(version);
  await tx.addAgreementParties(p.agreementId, content.required_signatories);
  await tx.closeProposal(p.id, 'adopted', version.id, now);
  await audit(tx, actor, now, [
    versionChange(version),
    {
      action: 'proposal.adopt',
      entity: 'proposal',
      entityId: p.id,
      before: { status: 'open' },
      after: { status: 'adopted', version_id: version.id },
    },
  ]);
  await reevaluateAgreement(tx, p.agreementId, now, actor, {
    because: `proposal ${p.id} was signed by every required party and became version ${version.label}`,
  });
  await publish(tx, now, [
    versionEvent(version),
    event('proposal.adopted', 'parties', {
      proposal_id: p.id,
      agreement_id: p.agreementId,
      version_id: version.id,
      label: version.label,
    }),
  ]);
  return { ...p, status: 'adopted', versionId: version.id, closedAt: now };
}

export async function refuseProposal(
  ctx: AppContext,
  actor: Actor,
  proposalId: string,
  input: z.output<typeof refusalBody>,
): Promise<Proposal> {
  return ctx.store.transaction(async (tx) => {
    const p = await openProposal(tx, proposalId, 'refused');
    await requireUndecided(tx, p, input.party_id);
    const now = ctx.config.now();
    await tx.insertDecision({
      proposalId: p.id,
      partyId: input.party_id,
      decision: 'refused',
      keyFingerprint: null,
      signature: null,
      reason: input.reason,
      decidedBy: actor.name,
      decidedAt: now,
    });
    await audit(tx, actor, now, [
      {
        action: 'proposal.refuse',
        entity: 'proposal',
        entityId: p.id,
        after: { party_id: input.party_id, reason: input.reason },
      },
    ]);
    // A decision is final, so a refused proposal can never be adopted: it is closed as refused.
    await tx.closeProposal(p.id, 'refused', null, now);
    await publish(tx, now, [
      event('proposal.refused', 'parties', {
        proposal_id: p.id,
        party_id: input.party_id,
        reason: input.reason,
      }),
    ]);
    return { ...p, status: 'refused', closedAt: now };
  });
}

export async function withdrawProposal(
  ctx: AppContext,
  actor: Actor,
  proposalId: string,
  reason: string,
): Promise<Proposal> {
  return ctx.store.transaction(async (tx) => {
    const p = await openProposal(tx, proposalId, 'withdrawn');
    const now = ctx.config.now();
    await tx.closeProposal(p.id, 'withdrawn', null, now);
    await audit(tx, actor, now, [
      {
        action: 'proposal.withdraw',
        entity: 'proposal',
        entityId: p.id,
        before: { status: 'open' },
        after: { status: 'withdrawn', reason },
      },
    ]);
    await publish(tx, now, [event('proposal.withdrawn', 'parties', { proposal_id: p.id, reason })]);
    return { ...p, status: 'withdrawn', closedAt: now };
  });
}

/** Everything needed to check the signatures offline (docs/SIGNING.md). */
export async function proposalBundle(ctx: AppContext, proposalId: string): Promise<ProposalBundle> {
  const p = await ctx.store.getProposal(proposalId);
  if (!p) throw new AppError('not_found', `proposal ${proposalId} does not exist`);
  const decisions = await ctx.store.listDecisions([p.id]);
  const keys = new Map((await ctx.store.listPartyKeys()).map((k) => [k.fingerprint, k]));
  return {
    format: BUNDLE_FORMAT,
    proposal_id: p.id,
    agreement_id: p.agreementId,
    digest: p.digest,
    content: p.content,
    required_signatories: p.required,
    signatures: decisions
      .filter((d) => d.decision === 'signed')
      .map((d) => ({
        party_id: d.partyId,
        key_fingerprint: d.keyFingerprint ?? '',
        public_key: keys.get(d.keyFingerprint ?? '')?.publicKeyPem ?? '',
        signature: d.signature ?? '',
        signed_at: iso(d.decidedAt),
      })),
    refusals: decisions
      .filter((d) => d.decision === 'refused')
      .map((d) => ({ party_id: d.partyId, reason: d.reason ?? '', refused_at: iso(d.decidedAt) })),
  };
}
