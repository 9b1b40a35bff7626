// Accepting a pending news claim as an incident, a report on an incident, or a note on an
// agreement for the mediators. The role needed for the outcome is checked before anything is read;
// the outcome, the decision, the audit entries and the feed events land in one transaction.
import { v7 as uuidv7 } from 'uuid';
import { ACCEPT_CLAIM_AS } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import {
  type AcceptClaimInput,
  type AgreementNote,
  type ArticleClaim,
} from '../domain/news-review.ts';
import type { Actor } from '../domain/roles.ts';
import { incidentInputSchema, reportInputSchema } from '../domain/schemas.ts';
import type { Incident, Violation } from '../domain/types.ts';
import { parseInput } from '../domain/validate.ts';
import {
  claimSource,
  claimSummary,
  incidentValueOf,
  incidentClaim,
  reportValueOf,
} from '../domain/claim-outcomes.ts';
import { decide, pendingClaim } from './claim-decision.ts';
import type { AppContext } from './context.ts';
import { createIncident } from './incidents.ts';
import { audit, event, publish } from './journal.ts';
import { agreementNoteToJson, claimOf } from '../domain/news-review-output.ts';
import { addReportTo } from './reports.ts';

export interface AcceptResult {
  claim: ArticleClaim;
  incident?: Incident;
  violations?: Violation[];
  note?: AgreementNote;
}

/**
 * Accepts a pending claim as an incident, a report on an incident, or an agreement note. The
 * caller's role is checked for that outcome before anything is read or written.
 */
export async function acceptClaim(
  ctx: AppContext,
  actor: Actor,
  articleId: string,
  idx: number,
  input: AcceptClaimInput,
): Promise<AcceptResult> {
  const roles = ACCEPT_CLAIM_AS[input.as];
  if (!roles.includes(actor.role))
    throw new AppError(
      'forbidden',
      `${actor.role} may not accept a claim as ${input.as} (allowed: ${roles.filter((r) => r !== 'admin').join(', ')})`,
      'as',
    );
  const { article, claim } = await pendingClaim(ctx.store, articleId, idx);
  const c = claimOf(claim);
  const note = input.note ?? null;
  const now = ctx.config.now();
  if (input.as === 'incident') {
    const value = incidentValueOf(incidentClaim(c, 'incident'), article, input.incident);
    const incidentInput = parseInput(incidentInputSchema, value, 'incident');
    return ctx.store.transaction(async (tx) => {
      const made = await createIncident(ctx.within(tx), actor, incidentInput);
      if (made.status !== 'added')
        throw new AppError(
          'conflict',
          `external id ${made.incident.externalId} is already incident ${made.incident.id}; accept the claim as a report on it instead`,
          'incident.external_id',
        );
      const outcome = { kind: 'incident' as const, id: made.incident.id };
      const decided = await decide(tx, actor, now, claim, 'accepted', note, outcome);
      return { claim: decided, incident: made.incident, violations: made.violations };
    });
  }
  if (input.as === 'report') {
    const value = { ...reportValueOf(incidentClaim(c, 'report'), article), ...input.report };
    const reportInput = parseInput(reportInputSchema, value, 'report');
    const target = await ctx.store.getIncident(input.incident_id);
    if (!target)
      throw new AppError('unknown_reference', `incident ${input.incident_id} does not exist`, 'incident_id'); // prettier-ignore
    if (target.mergedInto !== null)
      throw new AppError(
        'invalid_transition',
        `incident ${input.incident_id} was merged into ${target.mergedInto}; add the report to that one`,
        'incident_id',
      );
    return ctx.store.transaction(async (tx) => {
      const { incident, report } = await addReportTo(ctx.within(tx), actor, target.id, reportInput);
      const outcome = { kind: 'report' as const, id: report.id };
      const decided = await decide(tx, actor, now, claim, 'accepted', note, outcome);
      return { claim: decided, incident };
    });
  }
  const agreement = await ctx.store.getAgreement(input.agreement_id);
  if (!agreement)
    throw new AppError('unknown_reference', `agreement ${input.agreement_id} does not exist`, 'agreement_id'); // prettier-ignore
  const agreementNote: AgreementNote = {
    id: uuidv7(),
    agreementId: agreement.id,
    kind: c.kind,
    body: input.text ?? claimSummary(c),
    quote: c.quote,
    articleId,
    claimIdx: idx,
    sourceName: claimSource(c, article),
    createdBy: actor.name,
    createdAt: now,
  };
  return ctx.store.transaction(async (tx) => {
    await tx.insertAgreementNote(agreementNote);
    await audit(tx, actor, now, [
      {
        action: 'agreement_note.add',
        entity: 'agreement_note',
        entityId: agreementNote.id,
        after: agreementNoteToJson(agreementNote),
      },
    ]);
    await publish(tx, now, [
      event('agreement_note.added', 'staff', {
        id: agreementNote.id,
        agreement_id: agreement.id,
        kind: c.kind,
        body: agreementNote.body,
      }),
    ]);
    const outcome = { kind: 'agreement_note' as const, id: agreementNote.id };
    const decided = await decide(tx, actor, now, claim, 'accepted', note, outcome);
    return { claim: decided, note: agreementNote };
  });
}
