// Row ↔ record mapping for the sign-off and accountability tables.
import { numOrNull } from './row-mappers.ts';
import type {
  AuthToken,
  FeedEvent,
  Notice,
  PartyKey,
  Proposal,
  ProposalDecision,
  Shift,
  User,
  ViolationReview,
} from '../domain/accountability-types.ts';
import type { AuditEntry } from '../domain/audit-chain.ts';
import type { Role } from '../domain/roles.ts';
import type {
  AuditLogTable,
  AuthTokensTable,
  EventsTable,
  NoticesTable,
  PartyKeysTable,
  ProposalDecisionsTable,
  ProposalsTable,
  ShiftsTable,
  UsersTable,
  ViolationReviewsTable,
} from './tables.ts';

// Drivers may return bigint columns as strings or bigints (PostgreSQL); times are always numbers.
const num = (v: unknown): number => Number(v);
const json = <T>(v: string | null, fallback: T): T =>
  v === null ? fallback : (JSON.parse(v) as T);

export const userToRow = (u: User): UsersTable => ({
  id: u.id,
  username: u.username,
  display_name: u.displayName,
  role: u.role,
  party_id: u.partyId,
  password_hash: u.passwordHash,
  must_change_password: u.mustChangePassword ? 1 : 0,
  created_at: u.createdAt,
  disabled_at: u.disabledAt,
});
export const userFromRow = (r: UsersTable): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  partyId: r.party_id,
  passwordHash: r.password_hash,
  mustChangePassword: num(r.must_change_password) === 1,
  createdAt: num(r.created_at),
  disabledAt: numOrNull(r.disabled_at),
});

export const tokenToRow = (t: AuthToken): AuthTokensTable => ({
  id: t.id,
  token_hash: t.tokenHash,
  user_id: t.userId,
  kind: t.kind,
  label: t.label,
  created_at: t.createdAt,
  expires_at: t.expiresAt,
  revoked_at: t.revokedAt,
});
export const tokenFromRow = (r: AuthTokensTable): AuthToken => ({
  id: r.id,
  tokenHash: r.token_hash,
  userId: r.user_id,
  kind: r.kind as AuthToken['kind'],
  label: r.label,
  createdAt: num(r.created_at),
  expiresAt: numOrNull(r.expires_at),
  revokedAt: numOrNull(r.revoked_at),
});

export const keyToRow = (k: PartyKey): PartyKeysTable => ({
  fingerprint: k.fingerprint,
  party_id: k.partyId,
  public_key: k.publicKeyPem,
  label: k.label,
  created_at: k.createdAt,
  created_by: k.createdBy,
  revoked_at: k.revokedAt,
});
export const keyFromRow = (r: PartyKeysTable): PartyKey => ({
  fingerprint: r.fingerprint,
  partyId: r.party_id,
  publicKeyPem: r.public_key,
  label: r.label,
  createdAt: num(r.created_at),
  createdBy: r.created_by,
  revokedAt: numOrNull(r.revoked_at),
});

export const proposalToRow = (p: Proposal): ProposalsTable => ({
  id: p.id,
  agreement_id: p.agreementId,
  supersedes: p.supersedes,
  label: p.label,
  content: p.content,
  digest: p.digest,
  required: JSON.stringify(p.required),
  status: p.status,
  version_id: p.versionId,
  created_by: p.createdBy,
  created_at: p.createdAt,
  closed_at: p.closedAt,
});
export const proposalFromRow = (r: ProposalsTable): Proposal => ({
  id: r.id,
  agreementId: r.agreement_id,
  supersedes: r.supersedes,
  label: r.label,
  content: r.content,
  digest: r.digest,
  required: json<string[]>(r.required, []),
  status: r.status as Proposal['status'],
  versionId: r.version_id,
  createdBy: r.created_by,
  createdAt: num(r.created_at),
  closedAt: numOrNull(r.closed_at),
});

export const decisionToRow = (d: ProposalDecision): ProposalDecisionsTable => ({
  proposal_id: d.proposalId,
  party_id: d.partyId,
  decision: d.decision,
  key_fingerprint: d.keyFingerprint,
  signature: d.signature,
  reason: d.reason,
  decided_by: d.decidedBy,
  decided_at: d.decidedAt,
});
export const decisionFromRow = (r: ProposalDecisionsTable): ProposalDecision => ({
  proposalId: r.proposal_id,
  partyId: r.party_id,
  decision: r.decision as ProposalDecision['decision'],
  keyFingerprint: r.key_fingerprint,
  signature: r.signature,
  reason: r.reason,
  decidedBy: r.decided_by,
  decidedAt: num(r.decided_at),
});

export const auditToRow = (e: AuditEntry): AuditLogTable => ({
  seq: e.seq,
  at: e.at,
  actor: e.actor,
  actor_role: e.actorRole,
  actor_party: e.actorParty,
  action: e.action,
  entity: e.entity,
  entity_id: e.entityId,
  before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
  after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
  prev_hash: e.prevHash,
  hash: e.hash,
});
export const auditFromRow = (r: AuditLogTable): AuditEntry => ({
  seq: num(r.seq),
  at: num(r.at),
  actor: r.actor,
  actorRole: r.actor_role,
  actorParty: r.actor_party,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: json<unknown>(r.before, null),
  after: json<unknown>(r.after, null),
  prevHash: r.prev_hash,
  hash: r.hash,
});

export const eventToRow = (e: FeedEvent): EventsTable => ({
  seq: e.seq,
  at: e.at,
  type: e.type,
  audience: e.audience,
  party_id: e.partyId,
  payload: JSON.stringify(e.payload),
});
export const eventFromRow = (r: EventsTable): FeedEvent => ({
  seq: num(r.seq),
  at: num(r.at),
  type: r.type,
  audience: r.audience as FeedEvent['audience'],
  partyId: r.party_id,
  payload: json<Record<string, unknown>>(r.payload, {}),
});

export const reviewToRow = (v: ViolationReview): ViolationReviewsTable => ({
  id: v.id,
  incident_id: v.incidentId,
  agreement_id: v.agreementId,
  zone_key: v.zoneKey,
  from_status: v.fromStatus,
  to_status: v.toStatus,
  note: v.note,
  intent: v.intent,
  attributions: JSON.stringify(v.attributions),
  by_actor: v.byActor,
  at: v.at,
});
export const reviewFromRow = (r: ViolationReviewsTable): ViolationReview => ({
  id: r.id,
  incidentId: r.incident_id,
  agreementId: r.agreement_id,
  zoneKey: r.zone_key,
  fromStatus: r.from_status as ViolationReview['fromStatus'],
  toStatus: r.to_status as ViolationReview['toStatus'],
  note: r.note,
  intent: r.intent as ViolationReview['intent'],
  attributions: json<ViolationReview['attributions']>(r.attributions, []),
  byActor: r.by_actor,
  at: num(r.at),
});

export const noticeToRow = (n: Notice): NoticesTable => ({
  id: n.id,
  incident_id: n.incidentId,
  agreement_id: n.agreementId,
  zone_key: n.zoneKey,
  party_id: n.partyId,
  status: n.status,
  message: n.message,
  sent_at: n.sentAt,
  sent_by: n.sentBy,
  answer: n.answer,
  answered_at: n.answeredAt,
  answered_by: n.answeredBy,
});
export const noticeFromRow = (r: NoticesTable): Notice => ({
  id: r.id,
  incidentId: r.incident_id,
  agreementId: r.agreement_id,
  zoneKey: r.zone_key,
  partyId: r.party_id,
  status: r.status as Notice['status'],
  message: r.message,
  sentAt: num(r.sent_at),
  sentBy: r.sent_by,
  answer: r.answer,
  answeredAt: numOrNull(r.answered_at),
  answeredBy: r.answered_by,
});

export const shiftToRow = (s: Shift): ShiftsTable => ({
  id: s.id,
  started_by: s.startedBy,
  started_at: s.startedAt,
  notes: s.notes,
  handed_over_at: s.handedOverAt,
  handed_over_by: s.handedOverBy,
  handed_to: s.handedTo,
  handover: s.handover === null ? null : JSON.stringify(s.handover),
});
export const shiftFromRow = (r: ShiftsTable): Shift => ({
  id: r.id,
  startedBy: r.started_by,
  startedAt: num(r.started_at),
  notes: r.notes,
  handedOverAt: numOrNull(r.handed_over_at),
  handedOverBy: r.handed_over_by,
  handedTo: r.handed_to,
  handover: json<Shift['handover']>(r.handover, null),
});
