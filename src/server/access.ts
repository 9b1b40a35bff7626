// Role sets that routes declare (docs/PERMISSIONS.md is the readable table; the matrix test walks
// every route with every role).
import { EVERYONE, STAFF, type Role } from '../domain/roles.ts';

/** Published data: parties, agreements, zones, incidents, confirmed violations. */
export const ANY_SIGNED_IN = EVERYONE;
/** The cell's staff and the parties' liaisons (proposals, notices). */
export const CELL_AND_PARTIES: readonly Role[] = [...STAFF, 'liaison'];
export const CELL = STAFF;
export const ADMIN: readonly Role[] = ['admin'];
/** Drafting and recording agreements. */
export const AGREEMENT_WRITERS: readonly Role[] = ['admin', 'mediator'];
/** Logging incidents. */
export const INCIDENT_WRITERS: readonly Role[] = ['monitor', 'analyst'];
/** The desk: the violation queue, reviews, shifts. */
export const DESK: readonly Role[] = ['monitor', 'analyst'];
/**
 * Drafting news articles for review and deciding their claims; the service then checks what a claim
 * may become for whom (incidents and reports: monitor, analyst; agreement notes: analyst, mediator).
 */
export const NEWS_REVIEWERS: readonly Role[] = ['monitor', 'analyst', 'mediator'];
