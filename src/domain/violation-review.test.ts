import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles.ts';
import {
  REVIEW_TARGETS,
  VIOLATION_STATUSES,
  checkReviewStep,
  reviewStepRoles,
  type Attribution,
  type Intent,
  type ReviewTarget,
  type ViolationStatus,
} from './violation-review.ts';

const NONE = { intent: null, attributions: [] };
const DELIBERATE = { intent: 'deliberate' as Intent, attributions: [] };

const withEvidence: Attribution = {
  partyId: 'party-a',
  kind: 'reported',
  evidence: [{ kind: 'incident', ref: 'inc-1' }],
  note: null,
};
const noEvidence: Attribution = { partyId: 'party-b', kind: 'assessed', evidence: [], note: null };

/** Every allowed step and the roles that may take it; everything else is not a step. */
const ALLOWED: [ViolationStatus, ReviewTarget, Role[]][] = [
  ['flagged', 'under_review', ['analyst', 'monitor']],
  ['flagged', 'dismissed', ['analyst']],
  ['under_review', 'confirmed', ['analyst']],
  ['under_review', 'dismissed', ['analyst']],
  ['under_review', 'flagged', ['analyst']],
  ['confirmed', 'under_review', ['analyst']],
  ['dismissed', 'under_review', ['analyst']],
];

describe('checkReviewStep: who may take which step', () => {
  for (const [from, to, roles] of ALLOWED) {
    for (const role of ROLES) {
      const allowed = roles.includes(role);
      it(`${from} → ${to} by ${role}: ${allowed ? 'allowed' : 'forbidden'}`, () => {
        const r = checkReviewStep(from, to, role, DELIBERATE);
        if (allowed) expect(r).toEqual({ ok: true });
        else {
          expect(r).toMatchObject({ ok: false, forbidden: true });
          if (!r.ok) expect(r.reason).toContain(roles.join(' or '));
        }
      });
    }
  }

  it('names the roles of each step, and none for what is not a step', () => {
    for (const from of VIOLATION_STATUSES)
      for (const to of REVIEW_TARGETS)
        expect(reviewStepRoles(from, to)).toEqual(
          ALLOWED.find(([f, t]) => f === from && t === to)?.[2] ?? [],
        );
  });

  it('a monitor may only move flagged → under_review', () => {
    const monitorSteps: string[] = [];
    for (const from of VIOLATION_STATUSES)
      for (const to of REVIEW_TARGETS)
        if (checkReviewStep(from, to, 'monitor', DELIBERATE).ok) monitorSteps.push(`${from}→${to}`);
    expect(monitorSteps).toEqual(['flagged→under_review']);
  });

  it('an analyst may take exactly the allowed steps', () => {
    const analystSteps: string[] = [];
    for (const from of VIOLATION_STATUSES)
      for (const to of REVIEW_TARGETS)
        if (checkReviewStep(from, to, 'analyst', DELIBERATE).ok) analystSteps.push(`${from}→${to}`);
    expect(analystSteps.sort()).toEqual(ALLOWED.map(([f, t]) => `${f}→${t}`).sort());
  });

  it('a monitor trying to dismiss is forbidden, naming the analyst', () => {
    const r = checkReviewStep('flagged', 'dismissed', 'monitor', NONE);
    expect(r).toEqual({
      ok: false,
      forbidden: true,
      reason: 'only analyst may move flagged → dismissed',
    });
  });

  it('a monitor trying to confirm is forbidden even with an intent', () => {
    expect(checkReviewStep('under_review', 'confirmed', 'monitor', DELIBERATE)).toMatchObject({
      ok: false,
      forbidden: true,
    });
  });

  it('the role check comes before the intent check', () => {
    // A monitor without intent is told it is not their step, not that intent is missing.
    const r = checkReviewStep('under_review', 'confirmed', 'monitor', NONE);
    expect(r).toMatchObject({ ok: false, forbidden: true });
  });
});

describe('checkReviewStep: steps that do not exist', () => {
  it('flagged → confirmed is invalid, not forbidden, and lists the allowed steps', () => {
    const r = checkReviewStep('flagged', 'confirmed', 'analyst', DELIBERATE);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.forbidden).toBe(false);
    expect(r.reason).toContain('flagged');
    expect(r.reason).toContain('confirmed');
    expect(r.reason).toContain('under_review, dismissed');
  });

  it('staying in the same status is not a step', () => {
    for (const s of REVIEW_TARGETS)
      expect(checkReviewStep(s, s, 'analyst', DELIBERATE)).toMatchObject({
        ok: false,
        forbidden: false,
      });
  });

  it('confirmed ↔ dismissed directly is not a step (reopen first)', () => {
    expect(checkReviewStep('confirmed', 'dismissed', 'analyst', DELIBERATE)).toMatchObject({
      ok: false,
      forbidden: false,
    });
    expect(checkReviewStep('dismissed', 'confirmed', 'analyst', DELIBERATE)).toMatchObject({
      ok: false,
      forbidden: false,
    });
    expect(checkReviewStep('confirmed', 'flagged', 'analyst', DELIBERATE).ok).toBe(false);
  });

  it('an invalid step is invalid for every role (never reported as forbidden)', () => {
    for (const role of ROLES)
      expect(checkReviewStep('flagged', 'confirmed', role, DELIBERATE)).toMatchObject({
        ok: false,
        forbidden: false,
      });
  });

  it('a superseded violation cannot move anywhere, for anyone', () => {
    for (const to of REVIEW_TARGETS)
      for (const role of ROLES) {
        const r = checkReviewStep('superseded', to, role, DELIBERATE);
        expect(r).toMatchObject({ ok: false, forbidden: false });
        if (!r.ok) expect(r.reason).toMatch(/superseded/);
      }
  });
});

describe('checkReviewStep: what a step needs', () => {
  it('confirming needs a judgement of intent', () => {
    const r = checkReviewStep('under_review', 'confirmed', 'analyst', NONE);
    expect(r).toMatchObject({ ok: false, forbidden: false });
    if (!r.ok) expect(r.reason).toMatch(/intent/);
  });

  it('any of the three intents is enough to confirm, including undetermined', () => {
    for (const intent of ['deliberate', 'accidental', 'undetermined'] as const)
      expect(
        checkReviewStep('under_review', 'confirmed', 'analyst', { intent, attributions: [] }),
      ).toEqual({ ok: true });
  });

  it('other steps do not need an intent', () => {
    expect(checkReviewStep('under_review', 'dismissed', 'analyst', NONE)).toEqual({ ok: true });
    expect(checkReviewStep('flagged', 'under_review', 'monitor', NONE)).toEqual({ ok: true });
    expect(checkReviewStep('confirmed', 'under_review', 'analyst', NONE)).toEqual({ ok: true });
  });

  it('an attribution with evidence is accepted', () => {
    expect(
      checkReviewStep('under_review', 'confirmed', 'analyst', {
        intent: 'accidental',
        attributions: [withEvidence],
      }),
    ).toEqual({ ok: true });
  });

  it('an attribution without evidence is refused, naming the party', () => {
    const r = checkReviewStep('under_review', 'confirmed', 'analyst', {
      intent: 'deliberate',
      attributions: [withEvidence, noEvidence],
    });
    expect(r).toMatchObject({ ok: false, forbidden: false });
    if (!r.ok) {
      expect(r.reason).toContain('party-b');
      expect(r.reason).toMatch(/evidence/);
    }
  });

  it('an attribution without evidence is refused on other steps too', () => {
    expect(
      checkReviewStep('flagged', 'under_review', 'monitor', {
        intent: null,
        attributions: [noEvidence],
      }),
    ).toMatchObject({ ok: false, forbidden: false });
  });
});
