// The access policy, in one place (docs/PERMISSIONS.md is the readable table; the matrix test walks
// every route with every role): the role set of each capability the routes declare, the own-party
// rules of liaisons, what is shared outside the cell (violation statuses, feed events), and which
// screens of the web app each role sees. Pure: the server, the services and the web app import it.
// Who may take which step of a violation review is the workflow's (violation-review.ts).
import type { Audience, FeedEventDraft } from './accountability-types.ts';
import type { ClaimOutcome } from './news-review.ts';
import { ROLES, type Actor, type Role } from './roles.ts';
import type { ViolationStatus } from './violation-review.ts';

/** The monitoring cell's own staff: everyone except party liaisons and the public. */
export const STAFF: readonly Role[] = ['admin', 'mediator', 'analyst', 'monitor'];
/** Every role: anyone signed in. */
export const EVERYONE: readonly Role[] = ROLES;
/** The cell's staff and the parties' liaisons. */
const CELL_AND_PARTIES: readonly Role[] = [...STAFF, 'liaison'];

// ── Capabilities: the roles each route declares (`access: { roles }`) ───────────────────────────

/** No sign-in needed: signing in, the base map and the boundary layers. */
export const ANYONE = 'anonymous' as const;
/** Signing out, reading one's own account, changing one's password, making API tokens. */
export const OWN_ACCOUNT = EVERYONE;
/**
 * Reading what is published: parties and their public keys, agreements, versions, zones, sources,
 * incidents, violations and exports (cut to `visibleViolationStatuses`), the map's incidents.
 */
export const READ_PUBLISHED = EVERYONE;
/** Recomputing the audit chain: the check is open to all, the entries are not. */
export const VERIFY_AUDIT = EVERYONE;
/** Following the live feed; each event reaches only those `canSeeFeedEvent` lets see it. */
export const FOLLOW_FEED = EVERYONE;
/** Adding and listing user accounts. */
export const MANAGE_USERS: readonly Role[] = ['admin'];
/** Adding a party. */
export const ADD_PARTIES: readonly Role[] = ['admin', 'mediator'];
/** Drafting agreements, importing them and recording versions. */
export const DRAFT_AGREEMENTS: readonly Role[] = ['admin', 'mediator'];
/** Registering and revoking a party's signing keys; a liaison only for their own party. */
export const MANAGE_PARTY_KEYS: readonly Role[] = ['admin', 'liaison'];
/** Reading proposals, their party states, diffs and bundles. */
export const READ_PROPOSALS = CELL_AND_PARTIES;
/** Putting out a proposal; a liaison only on an agreement that concerns their party (`mayProposeOn`). */
export const PUT_OUT_PROPOSALS: readonly Role[] = ['mediator', 'liaison'];
/** Submitting a party's signature; a liaison for their own party, an admin relaying a signature file. */
export const SIGN_PROPOSALS: readonly Role[] = ['admin', 'liaison'];
/** Refusing a proposal for a party: that party's liaison only. */
export const REFUSE_PROPOSALS: readonly Role[] = ['liaison'];
/** Withdrawing an open proposal. */
export const WITHDRAW_PROPOSALS: readonly Role[] = ['mediator'];
/** Checking drawn zones against the server's validation before proposing them. */
export const VALIDATE_ZONES = CELL_AND_PARTIES;
/** Adding or regrading a source: grading is an analytical judgement; admins keep the registry. */
export const EDIT_SOURCES: readonly Role[] = ['admin', 'analyst'];
/** Logging incidents: entry, changes, batches, imports, reports on an incident. */
export const LOG_INCIDENTS: readonly Role[] = ['monitor', 'analyst'];
/** Listing candidate duplicates and an incident's merges. */
export const FIND_DUPLICATES: readonly Role[] = ['monitor', 'analyst'];
/** Merging a duplicate into its survivor, and undoing a merge. */
export const MERGE_INCIDENTS: readonly Role[] = ['analyst'];
/** Running the news extractor on a text (stores nothing). */
export const EXTRACT_NEWS = STAFF;
/** Reading the news review queue: drafted articles and their claims. */
export const READ_NEWS = STAFF;
/**
 * Drafting news articles for review and deciding their claims; what a claim may become is checked
 * per outcome (`ACCEPT_CLAIM_AS`).
 */
export const REVIEW_NEWS: readonly Role[] = ['monitor', 'analyst', 'mediator'];
/**
 * Who may accept a claim as what: incidents and reports are the monitors' and analysts' log; notes
 * on an agreement are for analysts and mediators. `admin` is the command line, which holds the
 * database file (the HTTP routes do not let admins in).
 */
export const ACCEPT_CLAIM_AS: Readonly<Record<ClaimOutcome, readonly Role[]>> = {
  incident: ['monitor', 'analyst', 'admin'],
  report: ['monitor', 'analyst', 'admin'],
  agreement_note: ['analyst', 'mediator', 'admin'],
};
/** Reading the notes for the mediators on an agreement (from accepted news claims). */
export const READ_AGREEMENT_NOTES = STAFF;
/** Taking a review step on a violation; which step each role may take is the workflow's. */
export const REVIEW_VIOLATIONS: readonly Role[] = ['monitor', 'analyst'];
/** Listing violation notices; a liaison sees only their party's (`partyScope`). */
export const READ_NOTICES = CELL_AND_PARTIES;
/** Answering a notice: the liaison of the party it is addressed to. */
export const ANSWER_NOTICES: readonly Role[] = ['liaison'];
/** The desk's shifts: listing, starting, handing over. */
export const KEEP_SHIFTS: readonly Role[] = ['monitor', 'analyst'];
/** Reading the audit entries. */
export const READ_AUDIT: readonly Role[] = ['admin', 'mediator', 'analyst'];
/**
 * The daily report: it counts pending and dismissed violations and their attributions, which
 * outside the cell are not shared, so the cell reads it and sends it to the parties.
 */
export const READ_DAILY_REPORT = STAFF;

// ── Own party: a liaison acts for one party only ───────────────────────────────────────────────

/** Whether an actor (or an account) is bound to one party and acts only for it: a liaison. */
export function isPartyBound(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'liaison';
}

/** Whether the actor may act for `partyId`: a liaison only for their own party; others for any. */
export function mayActFor(actor: Actor, partyId: string | null | undefined): boolean {
  return !isPartyBound(actor) || (partyId != null && partyId === actor.partyId);
}

/** Whether an agreement concerns a party: the party is one of its parties. */
export function agreementConcerns(
  agreement: { partyIds: readonly string[] },
  partyId: string | null,
): boolean {
  return partyId !== null && agreement.partyIds.includes(partyId);
}

/** Whether the actor may put out a proposal on an agreement: a liaison only if it concerns their party. */
export function mayProposeOn(actor: Actor, agreement: { partyIds: readonly string[] }): boolean {
  return !isPartyBound(actor) || agreementConcerns(agreement, actor.partyId);
}

/** The one party whose records (notices) the reader is limited to: a liaison's own; else undefined. */
export function partyScope(actor: Actor): string | undefined {
  return isPartyBound(actor) ? (actor.partyId ?? '') : undefined;
}

// ── What is shared outside the cell ─────────────────────────────────────────────────────────────

/** Whether this reader sees what the cell keeps internal (reviews in progress, notes, handovers). */
export function isStaff(actor: Actor): boolean {
  return STAFF.includes(actor.role);
}

/** The violation statuses shared outside the cell: what the cell has confirmed. */
export const PUBLISHED_VIOLATION_STATUSES: readonly ViolationStatus[] = ['confirmed'];

/**
 * The violation statuses this reader may list (violation lists, exports, the map, an incident's
 * violations): what they asked for (undefined: every status but superseded), cut outside the cell
 * to the published ones (confirmed only).
 */
export function visibleViolationStatuses(
  actor: Actor,
  requested?: readonly ViolationStatus[],
): readonly ViolationStatus[] | undefined {
  if (isStaff(actor)) return requested;
  return (requested ?? PUBLISHED_VIOLATION_STATUSES).filter((s) =>
    PUBLISHED_VIOLATION_STATUSES.includes(s),
  );
}

/** Whether this reader may see a violation in this status (outside the cell: confirmed only). */
export function maySeeViolation(actor: Actor, status: ViolationStatus): boolean {
  return isStaff(actor) || PUBLISHED_VIOLATION_STATUSES.includes(status);
}

/** The feed audience of a violation's move to `status`: public once published, else the staff's. */
export function violationStatusAudience(status: ViolationStatus): Audience {
  return PUBLISHED_VIOLATION_STATUSES.includes(status) ? 'public' : 'staff';
}

/**
 * Whether a feed event reaches this reader. Staff see every event; liaisons see the parties' and
 * public events, of those addressed to one party only their own party's; the public sees public
 * events addressed to no party.
 */
export function canSeeFeedEvent(
  actor: Actor,
  event: Pick<FeedEventDraft, 'audience' | 'partyId'>,
): boolean {
  if (isStaff(actor)) return true;
  if (event.audience === 'staff') return false;
  if (isPartyBound(actor)) return event.partyId === null || event.partyId === actor.partyId;
  return event.audience === 'public' && event.partyId === null;
}

// ── The web app's screens ───────────────────────────────────────────────────────────────────────

export type Screen = 'map' | 'desk' | 'entry' | 'proposals' | 'editor' | 'reports';

/**
 * The roles that see each screen of the web app (the server refuses anyway): each screen follows
 * the capability it is for; the zone editor is the mediators' (liaisons propose from the proposals
 * screen).
 */
export const SCREEN_ROLES: Readonly<Record<Screen, readonly Role[]>> = {
  map: READ_PUBLISHED,
  desk: REVIEW_VIOLATIONS,
  entry: LOG_INCIDENTS,
  proposals: READ_PROPOSALS,
  editor: ['mediator'],
  reports: READ_DAILY_REPORT,
};
