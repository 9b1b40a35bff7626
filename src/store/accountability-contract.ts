// The storage contract for the accountability records: every Store implementation must round-trip
// them unchanged and page the audit chain and the feed in order.
import { describe, expect, it } from 'vitest';
import type {
  AuthToken,
  FeedEvent,
  Notice,
  PartyKey,
  Proposal,
  ProposalDecision,
  Shift,
  User,
} from '../domain/accountability-types.ts';
import type { AuditEntry } from '../domain/audit-chain.ts';
import type { Store } from './store.ts';

const party = { id: 'GOV', name: 'Government', capabilities: ['air'], createdAt: 1 };
const user: User = {
  id: 'u1',
  username: 'ana',
  displayName: 'Ana',
  role: 'liaison',
  partyId: 'GOV',
  passwordHash: '$argon2id$…',
  mustChangePassword: true,
  createdAt: 5,
  disabledAt: null,
};
const token: AuthToken = {
  id: 't1',
  tokenHash: 'f'.repeat(64),
  userId: 'u1',
  kind: 'api',
  label: 'ci',
  createdAt: 6,
  expiresAt: 1e13,
  revokedAt: null,
};
const key: PartyKey = {
  fingerprint: 'a'.repeat(64),
  partyId: 'GOV',
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\n…',
  label: null,
  createdAt: 7,
  createdBy: 'ana',
  revokedAt: null,
};
const proposal: Proposal = {
  id: 'p1',
  agreementId: 'agr',
  supersedes: null,
  label: 'v2',
  content: '{"a":1}',
  digest: 'd'.repeat(64),
  required: ['GOV', 'OPP'],
  status: 'open',
  versionId: null,
  createdBy: 'med',
  createdAt: 8,
  closedAt: null,
};
const decision: ProposalDecision = {
  proposalId: 'p1',
  partyId: 'GOV',
  decision: 'signed',
  keyFingerprint: 'a'.repeat(64),
  signature: 'sig',
  reason: null,
  decidedBy: 'ana',
  decidedAt: 9,
};
const notice: Notice = {
  id: 'n1',
  incidentId: 'i1',
  agreementId: 'agr',
  zoneKey: 'z',
  partyId: 'GOV',
  status: 'sent',
  message: 'm',
  sentAt: 10,
  sentBy: 'an',
  answer: null,
  answeredAt: null,
  answeredBy: null,
};
const shift: Shift = {
  id: 's1',
  startedBy: 'mo',
  startedAt: 11,
  notes: null,
  handedOverAt: null,
  handedOverBy: null,
  handedTo: null,
  handover: null,
};
const entry = (seq: number): AuditEntry => ({
  seq,
  at: 100 + seq,
  actor: 'ana',
  actorRole: 'liaison',
  actorParty: 'GOV',
  action: 'x.y',
  entity: 'x',
  entityId: String(seq),
  before: seq === 1 ? null : { n: seq - 1 },
  after: { n: seq, list: [1, 'two'] },
  prevHash: String(seq - 1).padStart(64, '0'),
  hash: String(seq).padStart(64, '0'),
});
const feed = (seq: number): FeedEvent => ({
  seq,
  at: 200 + seq,
  type: 'incident.created',
  audience: 'public',
  partyId: seq % 2 ? null : 'GOV',
  payload: { id: `i${seq}` },
});

export function accountabilityContract(
  name: string,
  open: () => Promise<{ store: Store; close: () => Promise<void> }>,
): void {
  describe(`Store contract (accountability): ${name}`, () => {
    it('round-trips users, tokens, keys, proposals, decisions, notices and shifts', async () => {
      const { store, close } = await open();
      try {
        await store.transaction(async (tx) => {
          await tx.insertParty(party);
          await tx.insertParty({ ...party, id: 'OPP' });
          await tx.insertAgreement({ id: 'agr', title: 'A', description: null, partyIds: [], createdAt: 1 }); // prettier-ignore
          await tx.insertUser(user);
          await tx.insertToken(token);
          await tx.insertPartyKey(key);
          await tx.insertProposal(proposal);
          await tx.insertDecision(decision);
          await tx.insertNotice(notice);
          await tx.insertShift(shift);
        });
        expect(await store.countUsers()).toBe(1);
        expect(await store.getUserByUsername('ana')).toEqual(user);
        expect(await store.getUserById('u1')).toEqual(user);
        await store.updateUser({ ...user, mustChangePassword: false });
        expect((await store.listUsers())[0]!.mustChangePassword).toBe(false);
        expect(await store.findToken('f'.repeat(64))).toEqual(token);
        await store.revokeToken('t1', 50);
        expect((await store.findToken('f'.repeat(64)))?.revokedAt).toBe(50);
        // Ending a user's tokens: live ones only, all but the one kept.
        const other = { ...token, id: 't2', tokenHash: 'e'.repeat(64), revokedAt: null };
        const kept = { ...token, id: 't3', tokenHash: 'd'.repeat(64), revokedAt: null };
        await store.insertToken(other);
        await store.insertToken(kept);
        expect(await store.revokeUserTokens('u1', 60, 't3')).toBe(1);
        expect((await store.findToken('e'.repeat(64)))?.revokedAt).toBe(60);
        expect((await store.findToken('d'.repeat(64)))?.revokedAt).toBeNull();
        expect((await store.findToken('f'.repeat(64)))?.revokedAt).toBe(50);
        expect(await store.revokeUserTokens('u1', 61)).toBe(1);
        expect((await store.findToken('d'.repeat(64)))?.revokedAt).toBe(61);
        expect(await store.listPartyKeys('GOV')).toEqual([key]);
        await store.revokePartyKey(key.fingerprint, 51);
        expect((await store.getPartyKey(key.fingerprint))?.revokedAt).toBe(51);
        expect(await store.getProposal('p1')).toEqual(proposal);
        await store.closeProposal('p1', 'adopted', 'ver', 52);
        expect(await store.listProposals({ agreementId: 'agr', status: 'adopted' })).toEqual([
          { ...proposal, status: 'adopted', versionId: 'ver', closedAt: 52 },
        ]);
        expect(await store.listDecisions(['p1'])).toEqual([decision]);
        expect(await store.listNotices({ partyId: 'GOV' })).toEqual([notice]);
        await store.updateNotice({ ...notice, status: 'answered', answer: 'a', answeredAt: 53, answeredBy: 'ana' }); // prettier-ignore
        expect((await store.getNotice('n1'))?.answer).toBe('a');
        const handedOver: Shift = {
          ...shift,
          handedOverAt: 54,
          handedOverBy: 'mo',
          handedTo: 'ana',
          handover: {
            notes: 'n',
            openItems: [{ ref: 'r', note: 'x' }],
            queue: { flagged: 1, underReview: 0, violationIds: ['v'] },
          },
        };
        await store.updateShift(handedOver);
        expect(await store.listShifts(10)).toEqual([handedOver]);
      } finally {
        await close();
      }
    });

    it('appends the audit chain and the feed, and pages them in order', async () => {
      const { store, close } = await open();
      try {
        expect(await store.auditHead()).toBeNull();
        expect(await store.feedHead()).toBe(0);
        const entries = Array.from({ length: 7 }, (_, i) => entry(i + 1));
        await store.transaction((tx) => tx.insertAuditEntries(entries));
        expect(await store.auditHead()).toEqual({ seq: 7, hash: entries[6]!.hash });
        const pages: AuditEntry[][] = [];
        for await (const page of store.scanAudit(2, 3)) pages.push(page);
        expect(pages.map((p) => p.map((e) => e.seq))).toEqual([[3, 4, 5], [6, 7]]);
        expect(pages.flat()).toEqual(entries.slice(2));
        expect((await store.listAudit({ entityId: '4', limit: 5 })).map((e) => e.seq)).toEqual([4]);
        expect((await store.listAudit({ beforeSeq: 3, limit: 5 })).map((e) => e.seq)).toEqual([2, 1]);
        const events = Array.from({ length: 5 }, (_, i) => feed(i + 1));
        await store.transaction((tx) => tx.insertEvents(events));
        expect(await store.feedHead()).toBe(5);
        expect(await store.eventsAfter(2, 2)).toEqual(events.slice(2, 4));
      } finally {
        await close();
      }
    }); // prettier-ignore
  });
}
