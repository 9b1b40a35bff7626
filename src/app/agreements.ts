// Agreements, parties and recorded versions: creating them, importing agreement documents
// idempotently, and re-evaluating violations when a version is recorded.
import canonicalize from 'canonicalize';
import { v7 as uuidv7 } from 'uuid';
import { areaKm2, bboxOf } from '../geo/validate-geometry.ts';
import { AppError } from '../domain/errors.ts';
import { sha256Hex } from '../domain/incident.ts';
import {
  zoneKeyOf,
  type AgreementDocument,
  type AgreementInput,
  type PartyInput,
  type VersionInput,
} from '../domain/schemas.ts';
import type { Agreement, AgreementVersion, Party } from '../domain/types.ts';
import type { Store, SyncResult } from '../store/store.ts';
import type { AppContext } from './context.ts';
import { reevaluateAgreement } from './reevaluate.ts';
import type { Actor } from '../domain/roles.ts';
import { audit, event, publish } from './journal.ts';
import { partyToJson, versionToJson } from '../domain/resource-output.ts';

export interface AgreementImportSummary {
  agreement: { id: string; status: 'added' | 'unchanged' };
  parties: { added: string[]; unchanged: string[] };
  versions: { added: string[]; unchanged: string[] };
  violations: SyncResult;
  warnings: string[];
}

function sameParty(p: Party, input: PartyInput): boolean {
  return (
    p.name === input.name &&
    canonicalize([...p.capabilities].sort()) === canonicalize([...input.capabilities].sort())
  );
}

/** The content a version is identified by: same content, same hash, whatever the key order. */
export function versionContentHash(v: VersionInput): string {
  return sha256Hex(
    canonicalize({
      label: v.label,
      valid_from: new Date(v.valid_from).toISOString(),
      valid_until: v.valid_until ? new Date(v.valid_until).toISOString() : null,
      signed_by: [...v.signed_by].sort(),
      terms: v.terms ?? null,
      zones: v.zones.features.map((f) => ({
        key: zoneKeyOf(f),
        properties: f.properties,
        geometry: f.geometry,
      })),
    }) ?? '',
  );
}

export function buildVersion(
  agreementId: string,
  seq: number,
  v: VersionInput,
  now: number,
  proposalId: string | null = null,
): AgreementVersion {
  const id = uuidv7();
  return {
    id,
    agreementId,
    seq,
    label: v.label,
    validFrom: Date.parse(v.valid_from),
    validUntil: v.valid_until ? Date.parse(v.valid_until) : null,
    signedBy: v.signed_by,
    terms: v.terms ?? null,
    contentHash: versionContentHash(v),
    recordedAt: now,
    proposalId,
    zones: v.zones.features.map((f) => {
      const geometry = f.geometry as AgreementVersion['zones'][number]['geometry'];
      const { name, kind, ...rest } = f.properties;
      return {
        id: uuidv7(),
        agreementId,
        versionId: id,
        key: zoneKeyOf(f),
        name,
        kind,
        geometry,
        bbox: bboxOf(geometry),
        areaKm2: areaKm2(geometry),
        properties: rest,
      };
    }),
  };
}

export async function createParty(
  ctx: AppContext,
  input: PartyInput,
  actor: Actor,
): Promise<Party> {
  return ctx.store.transaction(async (tx) => {
    if (await tx.getParty(input.id))
      throw new AppError('conflict', `party ${input.id} already exists`, 'id');
    const now = ctx.config.now();
    const party: Party = { ...input, createdAt: now };
    await tx.insertParty(party);
    await audit(tx, actor, now, [
      { action: 'party.create', entity: 'party', entityId: party.id, after: partyToJson(party) },
    ]);
    await publish(tx, now, [event('party.created', 'public', { party_id: party.id })]);
    return party;
  });
}

export async function requireParties(
  tx: Store,
  ids: readonly string[],
  field: string,
): Promise<void> {
  for (const [i, id] of ids.entries())
    if (!(await tx.getParty(id)))
      throw new AppError(
        'unknown_reference',
        `party ${id} does not exist; create it first`,
        `${field}[${i}]`,
      );
}

export async function createAgreement(
  ctx: AppContext,
  input: AgreementInput,
  actor: Actor,
): Promise<Agreement> {
  return ctx.store.transaction(async (tx) => {
    if (await tx.getAgreement(input.id))
      throw new AppError('conflict', `agreement ${input.id} already exists`, 'id');
    await requireParties(tx, input.parties, 'parties');
    const agreement: Agreement = {
      id: input.id,
      title: input.title,
      description: input.description ?? null,
      partyIds: [...new Set(input.parties)],
      createdAt: ctx.config.now(),
    };
    await tx.insertAgreement(agreement);
    await audit(tx, actor, agreement.createdAt, [
      { action: 'agreement.create', entity: 'agreement', entityId: agreement.id, after: input },
    ]);
    await publish(tx, agreement.createdAt, [
      event('agreement.created', 'public', { agreement_id: agreement.id }),
    ]);
    return agreement;
  });
}

/** Records a version signed outside the system. A label is recorded once; history is never rewritten. */
export async function recordVersion(
  ctx: AppContext,
  agreementId: string,
  input: VersionInput,
  actor: Actor,
): Promise<{ version: AgreementVersion; violations: SyncResult }> {
  return ctx.store.transaction(async (tx) => {
    const agreement = await tx.getAgreement(agreementId);
    if (!agreement) throw new AppError('not_found', `agreement ${agreementId} does not exist`);
    await requireParties(tx, input.signed_by, 'signed_by');
    const versions = await tx.listVersions(agreementId);
    if (versions.some((v) => v.label === input.label))
      throw new AppError(
        'conflict',
        `version ${input.label} of ${agreementId} is already recorded; a change is a new version with a new label`,
        'label',
      );
    const pending = (await tx.listProposals({ agreementId, status: 'open' })).find(
      (p) => p.label === input.label,
    );
    if (pending)
      throw new AppError(
        'conflict',
        `open proposal ${pending.id} would become version ${input.label}; pick another label or withdraw it`,
        'label',
      );
    const now = ctx.config.now();
    const version = buildVersion(agreementId, versions.length + 1, input, now);
    await tx.insertVersion(version);
    await tx.addAgreementParties(agreementId, input.signed_by);
    await audit(tx, actor, now, [versionChange(version)]);
    const violations = await reevaluateAgreement(tx, agreementId, now, actor, {
      because: `version ${version.label} of ${agreementId} was recorded`,
    });
    await publish(tx, now, [versionEvent(version)]);
    return { version, violations };
  });
}

/**
 * Imports an agreement document: new parties, the agreement and new versions are added; what is
 * already recorded and identical is left alone; a recorded version whose content differs is a
 * conflict and nothing is written.
 */
export async function importAgreementDocument(
  ctx: AppContext,
  doc: AgreementDocument,
  actor: Actor,
): Promise<AgreementImportSummary> {
  const summary: AgreementImportSummary = {
    agreement: { id: doc.id, status: 'unchanged' },
    parties: { added: [], unchanged: [] },
    versions: { added: [], unchanged: [] },
    violations: { added: 0, changed: 0, removed: 0, superseded: 0, restored: 0 },
    warnings: [],
  };
  await ctx.store.transaction(async (tx) => {
    const now = ctx.config.now();
    for (const p of doc.parties) {
      const existing = await tx.getParty(p.id);
      if (!existing) {
        const party = { ...p, createdAt: now };
        await tx.insertParty(party);
        await audit(tx, actor, now, [
          { action: 'party.create', entity: 'party', entityId: p.id, after: partyToJson(party) },
        ]);
        summary.parties.added.push(p.id);
      } else {
        summary.parties.unchanged.push(p.id);
        if (!sameParty(existing, p))
          summary.warnings.push(
            `party ${p.id} is registered with other details; the registry was kept as it is`,
          );
      }
    }
    const agreement = await tx.getAgreement(doc.id);
    if (!agreement) {
      await tx.insertAgreement({
        id: doc.id,
        title: doc.title,
        description: doc.description ?? null,
        partyIds: doc.parties.map((p) => p.id),
        createdAt: now,
      });
      await audit(tx, actor, now, [
        {
          action: 'agreement.create',
          entity: 'agreement',
          entityId: doc.id,
          after: { id: doc.id, title: doc.title, parties: doc.parties.map((p) => p.id) },
        },
      ]);
      summary.agreement.status = 'added';
    } else {
      await tx.addAgreementParties(
        doc.id,
        doc.parties.map((p) => p.id),
      );
      if (agreement.title !== doc.title)
        summary.warnings.push(
          `agreement ${doc.id} is recorded with another title; the recorded title was kept`,
        );
    }
    const recorded = await tx.listVersions(doc.id);
    let seq = recorded.length;
    for (const [i, v] of doc.versions.entries()) {
      const same = recorded.find((r) => r.label === v.label);
      if (same) {
        if (same.contentHash !== versionContentHash(v))
          throw new AppError(
            'conflict',
            `version ${v.label} of ${doc.id} is already recorded with different content; history is never rewritten — put the change in a new version with a new label`,
            `versions[${i}]`,
          );
        summary.versions.unchanged.push(v.label);
        continue;
      }
      const version = buildVersion(doc.id, ++seq, v, now);
      await tx.insertVersion(version);
      await audit(tx, actor, now, [versionChange(version)]);
      await publish(tx, now, [versionEvent(version)]);
      summary.versions.added.push(v.label);
    }
    if (summary.versions.added.length > 0)
      summary.violations = await reevaluateAgreement(tx, doc.id, now, actor, {
        because: `versions ${summary.versions.added.join(', ')} of ${doc.id} were recorded`,
      });
  });
  return summary;
}

/** The audit entry of a recorded version: its content hash commits to terms, window and zones. */
export function versionChange(v: AgreementVersion) {
  const { zones: _zones, ...rest } = versionToJson(v, false);
  return {
    action: 'version.record',
    entity: 'version',
    entityId: v.id,
    after: { ...rest, zone_keys: v.zones.map((z) => z.key) },
  };
}

export function versionEvent(v: AgreementVersion) {
  return event('version.recorded', 'public', {
    agreement_id: v.agreementId,
    version_id: v.id,
    label: v.label,
    valid_from: new Date(v.validFrom).toISOString(),
    valid_until: v.validUntil === null ? null : new Date(v.validUntil).toISOString(),
  });
}
