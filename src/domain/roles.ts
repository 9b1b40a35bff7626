// Roles (DESIGN.md §2) and the actor every change is recorded against. What each role may do is
// the access policy's (access.ts).

export const ROLES = ['admin', 'mediator', 'analyst', 'monitor', 'liaison', 'public'] as const;
export type Role = (typeof ROLES)[number];

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
