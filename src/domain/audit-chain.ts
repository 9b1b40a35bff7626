// The hash chain of the audit log. Each entry's hash is SHA-256 over the canonical JSON of
// { prev, entry }: the previous entry's hash and the entry itself. Editing an entry breaks its own
// hash; deleting one breaks the sequence and the next entry's `prev`. No I/O here.
import { canonicalJson } from './proposal.ts';
import { sha256Hex } from './incident.ts';

/** The hash of the (absent) entry before the first. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  seq: number;
  at: number;
  actor: string;
  actorRole: string | null;
  actorParty: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry extends AuditEntryContent {
  prevHash: string;
  hash: string;
}

export function auditEntryHash(prevHash: string, entry: AuditEntryContent): string {
  return sha256Hex(
    canonicalJson({
      prev: prevHash,
      entry: {
        seq: entry.seq,
        at: new Date(entry.at).toISOString(),
        actor: entry.actor,
        actor_role: entry.actorRole,
        actor_party: entry.actorParty,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
      },
    }),
  );
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  firstBreak: ChainBreak | null;
}

/** Walks entries in seq order and names the first that does not follow from its predecessor. */
export class AuditChainVerifier {
  private prevHash = GENESIS_HASH;
  private prevSeq = 0;
  private last: { seq: number; hash: string } | null = null;
  private count = 0;
  private broken: ChainBreak | null = null;

  push(e: AuditEntry): void {
    this.count++;
    if (this.broken) {
      this.last = { seq: e.seq, hash: e.hash };
      return;
    }
    if (e.seq !== this.prevSeq + 1)
      this.broken = {
        seq: e.seq,
        reason:
          e.seq > this.prevSeq + 1
            ? `entries ${this.prevSeq + 1}–${e.seq - 1} are missing (deleted)`
            : `sequence goes back from ${this.prevSeq} to ${e.seq}`,
      };
    else if (e.prevHash !== this.prevHash)
      this.broken = {
        seq: e.seq,
        reason: 'does not link to the previous entry (prev hash differs)',
      };
    else if (auditEntryHash(e.prevHash, e) !== e.hash)
      this.broken = { seq: e.seq, reason: 'content does not match its hash (edited)' };
    this.prevHash = e.hash;
    this.prevSeq = e.seq;
    this.last = { seq: e.seq, hash: e.hash };
  }

  result(): ChainCheck {
    return {
      ok: this.broken === null,
      entries: this.count,
      head: this.last,
      firstBreak: this.broken,
    };
  }
}
