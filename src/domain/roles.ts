// Roles (DESIGN.md §2) and the actor every change is recorded against.

export const ROLES = ['admin', 'mediator', 'analyst', 'monitor', 'liaison', 'public'] as const;
export type Role = (typeof ROLES)[number];

/** The monitoring cell's own staff: everyone except party liaisons and the public. */
export const STAFF: readonly Role[] = ['admin', 'mediator', 'analyst', 'monitor'];
export const EVERYONE: readonly Role[] = ROLES;

/** Who did something: a signed-in user, the local command line, or the system itself. */
export interface Actor {
  /** A user id, `cli:<os user>` or `system`. */
  id: string;
  name: string;
  role: Role;
  /** Set for liaisons: the one party they act for. */
  partyId: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'system', role: 'admin', partyId: null };

/** Whether this reader sees what the cell keeps internal (reviews in progress, notes, handovers). */
export function isStaff(actor: Actor): boolean {
  return STAFF.includes(actor.role);
}
