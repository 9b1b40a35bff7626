// The accountability tables over Kysely: accounts and tokens, party keys, proposals and decisions,
// reviews, notices, shifts, the audit chain and the feed. KyselyStore inherits these.
import type { Kysely } from 'kysely';
import type {
  AuthToken,
  FeedEvent,
  Notice,
  PartyKey,
  Proposal,
  ProposalDecision,
  ProposalStatus,
  Shift,
  User,
  ViolationKey,
  ViolationReview,
  ViolationReviewState,
} from '../domain/accountability-types.ts';
import type { AuditEntry } from '../domain/audit-chain.ts';
import * as m from './accountability-mappers.ts';
import { chunks } from './query-filters.ts';
import type { NoticeFilter, ProposalFilter } from './store.ts';
import type { Database } from './tables.ts';
import { IntakeQueries } from './intake-queries.ts';

export abstract class AccountabilityQueries extends IntakeQueries {
  constructor(db: Kysely<Database>) {
    super(db);
  }

  // ── reviews ──
  async setViolationReview(k: ViolationKey, s: ViolationReviewState): Promise<void> {
    await this.db
      .updateTable('violations')
      .set({
        status: s.status,
        intent: s.intent,
        attributions: JSON.stringify(s.attributions),
        status_note: s.statusNote,
        reviewed_by: s.reviewedBy,
        reviewed_at: s.reviewedAt,
      })
      .where('incident_id', '=', k.incidentId)
      .where('agreement_id', '=', k.agreementId)
      .where('zone_key', '=', k.zoneKey)
      .execute();
  }

  async insertViolationReview(r: ViolationReview): Promise<void> {
    await this.db.insertInto('violation_reviews').values(m.reviewToRow(r)).execute();
  }

  async listViolationReviews(k: ViolationKey): Promise<ViolationReview[]> {
    const rows = await this.db
      .selectFrom('violation_reviews')
      .selectAll()
      .where('incident_id', '=', k.incidentId)
      .where('agreement_id', '=', k.agreementId)
      .where('zone_key', '=', k.zoneKey)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(m.reviewFromRow);
  }

  // ── accounts ──
  async countUsers(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async getUserById(id: string): Promise<User | undefined> {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r && m.userFromRow(r);
  }

  async getUserByUsername(username: string): Promise<User | undefined> {
    const r = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return r && m.userFromRow(r);
  }

  async listUsers(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('username').execute()).map(
      m.userFromRow,
    );
  }

  async insertUser(u: User): Promise<void> {
    await this.db.insertInto('users').values(m.userToRow(u)).execute();
  }

  async updateUser(u: User): Promise<void> {
    const { id, ...rest } = m.userToRow(u);
    await this.db.updateTable('users').set(rest).where('id', '=', id).execute();
  }

  async insertToken(t: AuthToken): Promise<void> {
    await this.db.insertInto('auth_tokens').values(m.tokenToRow(t)).execute();
  }

  async findToken(tokenHash: string): Promise<AuthToken | undefined> {
    const r = await this.db
      .selectFrom('auth_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return r && m.tokenFromRow(r);
  }

  async revokeToken(id: string, at: number): Promise<void> {
    await this.db.updateTable('auth_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
  }

  async revokeUserTokens(userId: string, at: number, exceptId?: string): Promise<number> {
    let q = this.db
      .updateTable('auth_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    const [r] = await q.execute();
    return Number(r?.numUpdatedRows ?? 0);
  }

  // ── party keys ──
  async listPartyKeys(partyId?: string): Promise<PartyKey[]> {
    let q = this.db.selectFrom('party_keys').selectAll().orderBy('party_id').orderBy('created_at');
    if (partyId !== undefined) q = q.where('party_id', '=', partyId);
    return (await q.execute()).map(m.keyFromRow);
  }

  async getPartyKey(fingerprint: string): Promise<PartyKey | undefined> {
    const r = await this.db
      .selectFrom('party_keys')
      .selectAll()
      .where('fingerprint', '=', fingerprint)
      .executeTakeFirst();
    return r && m.keyFromRow(r);
  }

  async insertPartyKey(k: PartyKey): Promise<void> {
    await this.db.insertInto('party_keys').values(m.keyToRow(k)).execute();
  }

  async revokePartyKey(fingerprint: string, at: number): Promise<void> {
    await this.db
      .updateTable('party_keys')
      .set({ revoked_at: at })
      .where('fingerprint', '=', fingerprint)
      .execute();
  }

  // ── proposals ──
  async insertProposal(p: Proposal): Promise<void> {
    await this.db.insertInto('proposals').values(m.proposalToRow(p)).execute();
  }

  async getProposal(id: string): Promise<Proposal | undefined> {
    const r = await this.db
      .selectFrom('proposals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && m.proposalFromRow(r);
  }

  async listProposals(f: ProposalFilter): Promise<Proposal[]> {
    let q = this.db.selectFrom('proposals').selectAll().orderBy('created_at', 'desc').orderBy('id');
    if (f.agreementId) q = q.where('agreement_id', '=', f.agreementId);
    if (f.status) q = q.where('status', '=', f.status);
    return (await q.execute()).map(m.proposalFromRow);
  }

  async closeProposal(
    id: string,
    status: ProposalStatus,
    versionId: string | null,
    at: number,
  ): Promise<void> {
    await this.db
      .updateTable('proposals')
      .set({ status, version_id: versionId, closed_at: at })
      .where('id', '=', id)
      .execute();
  }

  async insertDecision(d: ProposalDecision): Promise<void> {
    await this.db.insertInto('proposal_decisions').values(m.decisionToRow(d)).execute();
  }

  async listDecisions(proposalIds: readonly string[]): Promise<ProposalDecision[]> {
    if (proposalIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('proposal_decisions')
      .selectAll()
      .where('proposal_id', 'in', proposalIds)
      .orderBy('decided_at')
      .execute();
    return rows.map(m.decisionFromRow);
  }

  // ── notices and shifts ──
  async insertNotice(n: Notice): Promise<void> {
    await this.db.insertInto('notices').values(m.noticeToRow(n)).execute();
  }

  async getNotice(id: string): Promise<Notice | undefined> {
    const r = await this.db
      .selectFrom('notices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && m.noticeFromRow(r);
  }

  async listNotices(f: NoticeFilter): Promise<Notice[]> {
    let q = this.db.selectFrom('notices').selectAll().orderBy('sent_at', 'desc').orderBy('id');
    if (f.partyId) q = q.where('party_id', '=', f.partyId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.key)
      q = q
        .where('incident_id', '=', f.key.incidentId)
        .where('agreement_id', '=', f.key.agreementId)
        .where('zone_key', '=', f.key.zoneKey);
    return (await q.execute()).map(m.noticeFromRow);
  }

  async updateNotice(n: Notice): Promise<void> {
    const { id, ...rest } = m.noticeToRow(n);
    await this.db.updateTable('notices').set(rest).where('id', '=', id).execute();
  }

  async insertShift(s: Shift): Promise<void> {
    await this.db.insertInto('shifts').values(m.shiftToRow(s)).execute();
  }

  async getShift(id: string): Promise<Shift | undefined> {
    const r = await this.db
      .selectFrom('shifts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && m.shiftFromRow(r);
  }

  async listShifts(limit: number): Promise<Shift[]> {
    const rows = await this.db
      .selectFrom('shifts')
      .selectAll()
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(m.shiftFromRow);
  }

  async updateShift(s: Shift): Promise<void> {
    const { id, ...rest } = m.shiftToRow(s);
    await this.db.updateTable('shifts').set(rest).where('id', '=', id).execute();
  }

  // ── audit chain ──
  async auditHead(): Promise<{ seq: number; hash: string } | null> {
    const r = await this.db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r ? { seq: Number(r.seq), hash: r.hash } : null;
  }

  async insertAuditEntries(entries: readonly AuditEntry[]): Promise<void> {
    for (const part of chunks(entries, 200))
      await this.db.insertInto('audit_log').values(part.map(m.auditToRow)).execute();
  }

  async *scanAudit(afterSeq: number, pageSize: number): AsyncIterable<AuditEntry[]> {
    let after = afterSeq;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      const page = rows.map(m.auditFromRow);
      yield page;
      after = page[page.length - 1]!.seq;
    }
  }

  async listAudit(f: {
    entity?: string | undefined;
    entityId?: string | undefined;
    beforeSeq?: number | undefined;
    limit: number;
  }): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(f.limit);
    if (f.entity) q = q.where('entity', '=', f.entity);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
    return (await q.execute()).map(m.auditFromRow);
  }

  // ── feed ──
  async feedHead(): Promise<number> {
    const r = await this.db
      .selectFrom('events')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r ? Number(r.seq) : 0;
  }

  async insertEvents(events: readonly FeedEvent[]): Promise<void> {
    for (const part of chunks(events, 200))
      await this.db.insertInto('events').values(part.map(m.eventToRow)).execute();
  }

  async eventsAfter(seq: number, limit: number): Promise<FeedEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('seq', '>', seq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(m.eventFromRow);
  }
}
