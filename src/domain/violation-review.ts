// The violation review workflow: flagged → under_review → confirmed | dismissed, with reopening;
// `superseded` is set only by re-evaluation. Who may take which step, and what each step needs.
import type { Role } from './roles.ts';

export const VIOLATION_STATUSES = [
  'flagged',
  'under_review',
  'confirmed',
  'dismissed',
  'superseded',
] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];
export const REVIEW_TARGETS = ['flagged', 'under_review', 'confirmed', 'dismissed'] as const;
export type ReviewTarget = (typeof REVIEW_TARGETS)[number];

export const INTENTS = ['deliberate', 'accidental', 'undetermined'] as const;
export type Intent = (typeof INTENTS)[number];
export const ATTRIBUTION_KINDS = ['reported', 'inferred', 'assessed'] as const;
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];

export interface Evidence {
  kind: 'incident' | 'report' | 'url' | 'rule' | 'document';
  ref: string;
  note?: string | undefined;
}

export interface Attribution {
  partyId: string;
  kind: AttributionKind;
  evidence: Evidence[];
  note: string | null;
}

/** Allowed steps: from → to, and the roles that may take each. */
const STEPS: Record<ViolationStatus, Partial<Record<ReviewTarget, readonly Role[]>>> = {
  flagged: { under_review: ['analyst', 'monitor'], dismissed: ['analyst'] },
  under_review: { confirmed: ['analyst'], dismissed: ['analyst'], flagged: ['analyst'] },
  confirmed: { under_review: ['analyst'] },
  dismissed: { under_review: ['analyst'] },
  superseded: {},
};

/** The roles that may take the step from → to; none when it is not a step. */
export function reviewStepRoles(from: ViolationStatus, to: ReviewTarget): readonly Role[] {
  return STEPS[from][to] ?? [];
}

export type StepCheck = { ok: true } | { ok: false; reason: string; forbidden: boolean };

export function checkReviewStep(
  from: ViolationStatus,
  to: ReviewTarget,
  role: Role,
  details: { intent: Intent | null; attributions: readonly Attribution[] },
): StepCheck {
  const roles = STEPS[from][to];
  if (!roles)
    return {
      ok: false,
      forbidden: false,
      reason:
        from === 'superseded'
          ? 'a superseded violation is kept for the record and cannot be reviewed'
          : `a ${from} violation cannot move to ${to}; allowed: ${Object.keys(STEPS[from]).join(', ') || 'none'}`,
    };
  if (!roles.includes(role))
    return {
      ok: false,
      forbidden: true,
      reason: `only ${roles.join(' or ')} may move ${from} → ${to}`,
    };
  if (to === 'confirmed' && details.intent === null)
    return {
      ok: false,
      forbidden: false,
      reason: 'confirming needs a judgement of intent: deliberate, accidental or undetermined',
    };
  for (const a of details.attributions)
    if (a.evidence.length === 0)
      return {
        ok: false,
        forbidden: false,
        reason: `the attribution to ${a.partyId} needs at least one piece of evidence`,
      };
  return { ok: true };
}
