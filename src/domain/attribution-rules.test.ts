import { describe, expect, it } from 'vitest';
import { suggestAttributions } from './attribution-rules.ts';
import { AIR_STRIKE } from './event-types.ts';
import type { Party } from './types.ts';

const party = (id: string, name: string, capabilities: string[] = []): Party => ({
  id,
  name,
  capabilities,
  createdAt: 0,
});

const GOV = party('gov', 'Government Forces', ['air', 'artillery']);
const REBELS = party('rebels', 'Northern Front', ['artillery']);
const MILITIA = party('militia', 'Hill Militia', []);
const SHELLING = 'Shelling/artillery/missile attack';

const incident = (actor1: string | null, subEventType: string | null = null) => ({
  id: 'inc-7',
  actor1,
  subEventType,
});

describe('suggestAttributions: source-actor (reported)', () => {
  it('suggests the party whose name the source reports as actor1', () => {
    const out = suggestAttributions(incident('Northern Front'), [GOV, REBELS]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ partyId: 'rebels', kind: 'reported', rule: 'source-actor' });
  });

  it('matches the name case-insensitively and ignoring extra whitespace', () => {
    for (const actor of ['northern front', 'NORTHERN FRONT', '  Northern   Front '])
      expect(
        suggestAttributions(incident(actor), [GOV, REBELS]).map((s) => s.partyId),
        actor,
      ).toEqual(['rebels']);
  });

  it('matches the party id case-insensitively', () => {
    expect(suggestAttributions(incident('REBELS'), [GOV, REBELS]).map((s) => s.partyId)).toEqual([
      'rebels',
    ]);
    expect(suggestAttributions(incident('gov'), [GOV, REBELS]).map((s) => s.partyId)).toEqual([
      'gov',
    ]);
  });

  it('matches when actor1 contains the party name (ACLED style with a qualifier)', () => {
    const out = suggestAttributions(incident('Government Forces (2011-)'), [GOV, REBELS]);
    expect(out.map((s) => s.partyId)).toEqual(['gov']);
  });

  it('suggests nothing when actor1 names no party', () => {
    expect(suggestAttributions(incident('Unidentified Armed Group'), [GOV, REBELS])).toEqual([]);
  });

  it('suggests nothing when actor1 is absent or empty', () => {
    expect(suggestAttributions(incident(null), [GOV, REBELS])).toEqual([]);
    expect(suggestAttributions(incident(''), [GOV, REBELS])).toEqual([]);
  });

  it('suggests nothing without parties', () => {
    expect(suggestAttributions(incident('Northern Front', AIR_STRIKE), [])).toEqual([]);
  });

  it('explains itself and cites the incident as evidence', () => {
    const [s] = suggestAttributions(incident('Northern Front'), [GOV, REBELS]);
    expect(s!.explanation).toContain('Northern Front');
    expect(s!.evidence).toEqual([
      { kind: 'incident', ref: 'inc-7', note: 'actor1: Northern Front' },
    ]);
  });
});

describe('suggestAttributions: sole-air-capability (inferred)', () => {
  it('infers the only party with air capability for an air/drone strike', () => {
    const out = suggestAttributions(incident(null, AIR_STRIKE), [GOV, REBELS, MILITIA]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      partyId: 'gov',
      kind: 'inferred',
      rule: 'sole-air-capability',
    });
  });

  it('explains the inference and cites both the incident and the rule', () => {
    const [s] = suggestAttributions(incident(null, AIR_STRIKE), [GOV, REBELS]);
    expect(s!.explanation).toMatch(/air/);
    expect(s!.explanation).toContain('Government Forces');
    expect(s!.evidence).toHaveLength(2);
    expect(s!.evidence[0]).toMatchObject({ kind: 'incident', ref: 'inc-7' });
    expect(s!.evidence[1]).toMatchObject({ kind: 'rule', ref: 'sole-air-capability' });
    expect(s!.evidence[1]!.note).toContain('gov');
  });

  it('infers nothing when two parties have air capability', () => {
    const otherFlyer = party('coalition', 'Coalition', ['air']);
    expect(suggestAttributions(incident(null, AIR_STRIKE), [GOV, otherFlyer, REBELS])).toEqual([]);
  });

  it('infers nothing when no party has air capability', () => {
    expect(suggestAttributions(incident(null, AIR_STRIKE), [REBELS, MILITIA])).toEqual([]);
  });

  it('infers nothing for shelling, even with a sole air party', () => {
    expect(suggestAttributions(incident(null, SHELLING), [GOV, REBELS])).toEqual([]);
  });

  it('infers nothing without a sub-event type', () => {
    expect(suggestAttributions(incident(null, null), [GOV, REBELS])).toEqual([]);
  });

  it('a capability that merely contains "air" does not count', () => {
    const airborne = party('ab', 'Airborne', ['airborne']);
    expect(suggestAttributions(incident(null, AIR_STRIKE), [airborne, REBELS])).toEqual([]);
  });
});

describe('suggestAttributions: both rules', () => {
  it('gives the reported suggestion first, then the inferred one', () => {
    const out = suggestAttributions(incident('Government Forces', AIR_STRIKE), [GOV, REBELS]);
    expect(out.map((s) => [s.partyId, s.kind, s.rule])).toEqual([
      ['gov', 'reported', 'source-actor'],
      ['gov', 'inferred', 'sole-air-capability'],
    ]);
  });

  it('can name different parties: the source says one, the rule infers another', () => {
    const out = suggestAttributions(incident('Northern Front', AIR_STRIKE), [GOV, REBELS]);
    expect(out.map((s) => [s.partyId, s.kind])).toEqual([
      ['rebels', 'reported'],
      ['gov', 'inferred'],
    ]);
  });

  it('every suggestion carries evidence and an explanation', () => {
    const out = suggestAttributions(incident('Northern Front', AIR_STRIKE), [GOV, REBELS]);
    for (const s of out) {
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.explanation.length).toBeGreaterThan(0);
    }
  });
});

describe('suggestAttributions: whole-word names', () => {
  it('does not match a short party name inside another word', () => {
    const idf = party('idf', 'Israel');
    const is = party('is', 'IS');
    const got = suggestAttributions(incident('Military Forces of Israel (2022-)'), [idf, is]);
    expect(got.map((s) => s.partyId)).toEqual(['idf']);
  });

  it('does not match every party whose name merely contains actor1', () => {
    const saa = party('saa', 'Syrian Arab Army');
    const fsa = party('fsa', 'Free Syrian Army');
    expect(suggestAttributions(incident('Army'), [saa, fsa])).toEqual([]);
  });

  it('suggests nothing for a blank actor', () => {
    expect(suggestAttributions(incident('  '), [GOV, REBELS])).toEqual([]);
  });
});
