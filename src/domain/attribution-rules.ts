// Attribution suggestions an analyst can accept: `reported` when the source names a party as the
// actor, `inferred` by an explicit rule. Each suggestion says which rule made it and why.
import { AIR_STRIKE } from './event-types.ts';
import type { Incident, Party } from './types.ts';
import type { AttributionKind, Evidence } from './violation-review.ts';

export interface AttributionSuggestion {
  partyId: string;
  kind: AttributionKind;
  rule: 'source-actor' | 'sole-air-capability';
  explanation: string;
  evidence: Evidence[];
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** True when the actor is the party's id, or contains the party's whole name as whole words. */
function namesParty(actor: string, party: Party): boolean {
  const a = words(actor);
  const name = words(party.name);
  if (a.length === 0) return false;
  if (a.join(' ') === words(party.id).join(' ')) return true;
  if (name.length === 0 || name.length > a.length) return false;
  for (let i = 0; i + name.length <= a.length; i++)
    if (name.every((w, j) => a[i + j] === w)) return true;
  return false;
}

/**
 * Rules, in order:
 * 1. source-actor (reported): the incident's actor1 (the side that acted, as the source reports it)
 *    names a party of the agreement: it is the party's id, or contains the party's full name as
 *    whole words ("Military Forces of Syria (2000-)" names "Forces of Syria", not "Syria Army").
 * 2. sole-air-capability (inferred): the incident is an air/drone strike and exactly one party of
 *    the agreement has the `air` capability — only one side is flying aircraft, so the strike is
 *    theirs. With two or more such parties the rule infers nothing.
 */
export function suggestAttributions(
  incident: Pick<Incident, 'id' | 'actor1' | 'subEventType'>,
  agreementParties: readonly Party[],
): AttributionSuggestion[] {
  const out: AttributionSuggestion[] = [];
  if (incident.actor1) {
    for (const p of agreementParties)
      if (namesParty(incident.actor1, p))
        out.push({
          partyId: p.id,
          kind: 'reported',
          rule: 'source-actor',
          explanation: `the source reports the actor as "${incident.actor1}", which names ${p.name}`,
          evidence: [{ kind: 'incident', ref: incident.id, note: `actor1: ${incident.actor1}` }],
        });
  }
  if (incident.subEventType === AIR_STRIKE) {
    const flyers = agreementParties.filter((p) => p.capabilities.includes('air'));
    const only = flyers.length === 1 ? flyers[0] : undefined;
    if (only)
      out.push({
        partyId: only.id,
        kind: 'inferred',
        rule: 'sole-air-capability',
        explanation: `an air strike, and ${only.name} is the only party to the agreement with air capability`,
        evidence: [
          { kind: 'incident', ref: incident.id, note: 'sub_event_type: Air/drone strike' },
          { kind: 'rule', ref: 'sole-air-capability', note: `capabilities of ${only.id}: air` },
        ],
      });
  }
  return out;
}
