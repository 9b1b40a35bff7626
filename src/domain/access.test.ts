// The access policy's rules: a liaison's own party, the violation statuses each role sees, and
// which feed events reach whom. (Which role may call which route: test/permissions.test.ts.)
import { describe, expect, it } from 'vitest';
import type { Audience } from './accountability-types.ts';
import {
  agreementConcerns,
  canSeeFeedEvent,
  isPartyBound,
  isStaff,
  mayActFor,
  mayProposeOn,
  maySeeViolation,
  partyScope,
  PUBLISHED_VIOLATION_STATUSES,
  SCREEN_ROLES,
  STAFF,
  violationStatusAudience,
  visibleViolationStatuses,
} from './access.ts';
import { ROLES, type Actor, type Role } from './roles.ts';
import { VIOLATION_STATUSES } from './violation-review.ts';

const as = (role: Role, partyId: string | null = null): Actor => ({
  id: role,
  name: role,
  role,
  partyId,
});
const GOV_LIAISON = as('liaison', 'GOV');
const CELL_ROLES: Role[] = ['admin', 'mediator', 'analyst', 'monitor'];

describe('own party', () => {
  it('binds only liaisons to a party', () => {
    for (const role of ROLES) expect(isPartyBound({ role })).toBe(role === 'liaison');
  });

  it('lets a liaison act only for their own party', () => {
    expect(mayActFor(GOV_LIAISON, 'GOV')).toBe(true);
    expect(mayActFor(GOV_LIAISON, 'OPP')).toBe(false);
    expect(mayActFor(GOV_LIAISON, null)).toBe(false);
    expect(mayActFor(GOV_LIAISON, undefined)).toBe(false);
  });

  it('does not restrict other roles by party', () => {
    for (const role of ROLES.filter((r) => r !== 'liaison')) {
      expect(mayActFor(as(role), 'GOV')).toBe(true);
      expect(mayActFor(as(role), null)).toBe(true);
    }
  });

  it('says an agreement concerns the parties it names', () => {
    const agreement = { partyIds: ['GOV', 'OPP'] };
    expect(agreementConcerns(agreement, 'GOV')).toBe(true);
    expect(agreementConcerns(agreement, 'OTHER')).toBe(false);
    expect(agreementConcerns(agreement, null)).toBe(false);
  });

  it('lets a liaison propose only on agreements that concern their party', () => {
    expect(mayProposeOn(GOV_LIAISON, { partyIds: ['GOV', 'OPP'] })).toBe(true);
    expect(mayProposeOn(GOV_LIAISON, { partyIds: ['OPP', 'OTHER'] })).toBe(false);
    expect(mayProposeOn(as('mediator'), { partyIds: ['OPP', 'OTHER'] })).toBe(true);
  });

  it("limits a liaison's notices to their party and nobody else's", () => {
    expect(partyScope(GOV_LIAISON)).toBe('GOV');
    for (const role of ROLES.filter((r) => r !== 'liaison'))
      expect(partyScope(as(role))).toBeUndefined();
  });
});

describe('violation statuses', () => {
  it('counts the cell as staff, and nobody else', () => {
    expect(STAFF).toEqual(CELL_ROLES);
    for (const role of ROLES) expect(isStaff(as(role))).toBe(CELL_ROLES.includes(role));
  });

  it('gives the cell what it asked for (undefined: all but superseded)', () => {
    for (const role of CELL_ROLES) {
      expect(visibleViolationStatuses(as(role))).toBeUndefined();
      expect(visibleViolationStatuses(as(role), ['flagged', 'dismissed'])).toEqual([
        'flagged',
        'dismissed',
      ]);
    }
  });

  it('shows liaisons and the public confirmed violations only', () => {
    expect(PUBLISHED_VIOLATION_STATUSES).toEqual(['confirmed']);
    for (const reader of [GOV_LIAISON, as('public')]) {
      expect(visibleViolationStatuses(reader)).toEqual(['confirmed']);
      expect(visibleViolationStatuses(reader, ['flagged', 'confirmed'])).toEqual(['confirmed']);
      expect(visibleViolationStatuses(reader, ['flagged', 'under_review'])).toEqual([]);
      expect(visibleViolationStatuses(reader, [...VIOLATION_STATUSES])).toEqual(['confirmed']);
    }
  });

  it('lets each role see one violation by its status', () => {
    for (const role of ROLES)
      for (const status of VIOLATION_STATUSES)
        expect(maySeeViolation(as(role, role === 'liaison' ? 'GOV' : null), status)).toBe(
          CELL_ROLES.includes(role) || status === 'confirmed',
        );
  });

  it('announces a status change publicly only once it is confirmed', () => {
    for (const status of VIOLATION_STATUSES)
      expect(violationStatusAudience(status)).toBe(status === 'confirmed' ? 'public' : 'staff');
  });
});

describe('feed events', () => {
  const AUDIENCES: Audience[] = ['staff', 'parties', 'public'];
  const PARTIES = [null, 'GOV', 'OPP'];

  it('reach the cell whatever their audience and party', () => {
    for (const role of CELL_ROLES)
      for (const audience of AUDIENCES)
        for (const partyId of PARTIES)
          expect(canSeeFeedEvent(as(role), { audience, partyId })).toBe(true);
  });

  it("reach a liaison when shared with the parties, and if addressed, only their party's", () => {
    const sees = (audience: Audience, partyId: string | null) =>
      canSeeFeedEvent(GOV_LIAISON, { audience, partyId });
    expect(sees('staff', null)).toBe(false);
    expect(sees('staff', 'GOV')).toBe(false);
    expect(sees('parties', null)).toBe(true);
    expect(sees('parties', 'GOV')).toBe(true);
    expect(sees('parties', 'OPP')).toBe(false);
    expect(sees('public', null)).toBe(true);
    expect(sees('public', 'GOV')).toBe(true);
    expect(sees('public', 'OPP')).toBe(false);
  });

  it('reach the public only when public and addressed to no party', () => {
    for (const audience of AUDIENCES)
      for (const partyId of PARTIES)
        expect(canSeeFeedEvent(as('public'), { audience, partyId })).toBe(
          audience === 'public' && partyId === null,
        );
  });
});

describe('web screens', () => {
  it('show each role the screens of its capabilities', () => {
    const screensOf = (role: Role) =>
      Object.entries(SCREEN_ROLES)
        .filter(([, roles]) => roles.includes(role))
        .map(([screen]) => screen);
    expect(screensOf('admin')).toEqual(['map', 'proposals', 'reports']);
    expect(screensOf('mediator')).toEqual(['map', 'proposals', 'editor', 'reports']);
    expect(screensOf('analyst')).toEqual(['map', 'desk', 'entry', 'proposals', 'reports']);
    expect(screensOf('monitor')).toEqual(['map', 'desk', 'entry', 'proposals', 'reports']);
    expect(screensOf('liaison')).toEqual(['map', 'proposals']);
    expect(screensOf('public')).toEqual(['map']);
  });
});
