// Records of sign-off and accountability: users, tokens, party keys, proposals and decisions,
// violation reviews, notices, shifts and feed events. Times are epoch ms, UTC.
import type { Role } from './roles.ts';
import type { Attribution, Intent, ViolationStatus } from './violation-review.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  partyId: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: number;
  disabledAt: number | null;
}

export type TokenKind = 'session' | 'api';

export interface AuthToken {
  id: string;
  tokenHash: string;
  userId: string;
  kind: TokenKind;
  label: string | null;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface PartyKey {
  fingerprint: string;
  partyId: string;
  publicKeyPem: string;
  label: string | null;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
}

export type ProposalStatus = 'open' | 'adopted' | 'refused' | 'superseded' | 'withdrawn';

export interface Proposal {
  id: string;
  agreementId: string;
  supersedes: string | null;
  label: string;
  /** The canonical JSON that is hashed and signed, exactly as stored. */
  content: string;
  digest: string;
  required: string[];
  status: ProposalStatus;
  versionId: string | null;
  createdBy: string;
  createdAt: number;
  closedAt: number | null;
}

export interface ProposalDecision {
  proposalId: string;
  partyId: string;
  decision: 'signed' | 'refused';
  keyFingerprint: string | null;
  signature: string | null;
  reason: string | null;
  decidedBy: string;
  decidedAt: number;
}

/** Identifies one violation: (incident, agreement, zone key). */
export interface ViolationKey {
  incidentId: string;
  agreementId: string;
  zoneKey: string;
}

export interface ViolationReviewState {
  status: ViolationStatus;
  intent: Intent | null;
  attributions: Attribution[];
  statusNote: string | null;
  reviewedBy: string | null;
  reviewedAt: number | null;
}

export interface ViolationReview extends ViolationKey {
  id: string;
  fromStatus: ViolationStatus;
  toStatus: ViolationStatus;
  note: string;
  intent: Intent | null;
  attributions: Attribution[];
  byActor: string;
  at: number;
}

export interface Notice extends ViolationKey {
  id: string;
  partyId: string;
  status: 'sent' | 'answered';
  message: string;
  sentAt: number;
  sentBy: string;
  answer: string | null;
  answeredAt: number | null;
  answeredBy: string | null;
}

export interface HandoverItem {
  ref: string;
  note: string;
}

export interface Handover {
  notes: string;
  openItems: HandoverItem[];
  /** The violation queue at the moment of handover. */
  queue: { flagged: number; underReview: number; violationIds: string[] };
}

export interface Shift {
  id: string;
  startedBy: string;
  startedAt: number;
  notes: string | null;
  handedOverAt: number | null;
  handedOverBy: string | null;
  handedTo: string | null;
  handover: Handover | null;
}

/** Who may see a feed event: the cell's staff, also the parties' liaisons, or everyone signed in. */
export type Audience = 'staff' | 'parties' | 'public';

export interface FeedEventDraft {
  type: string;
  audience: Audience;
  /** When set, of the liaisons only this party's see it. */
  partyId: string | null;
  payload: Record<string, unknown>;
}

export interface FeedEvent extends FeedEventDraft {
  seq: number;
  at: number;
}
