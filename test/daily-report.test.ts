// The daily report's numbers through the real store: incidents, reports, a merge, reviews and a
// notice written by the services into a SQLite file, read back by buildDailyReport (one read
// transaction, Store.reportRows) and counted. The hand-counted unit scenario is in
// src/report/daily/daily-figures.test.ts; this checks that the store gives it the right rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgreementDocument } from '../src/app/agreements.ts';
import { mergeIncidents } from '../src/app/duplicates.ts';
import { createIncident } from '../src/app/incidents.ts';
import { buildDailyReport } from '../src/app/load-report-rows.ts';
import { answerNotice, reviewViolation } from '../src/app/reviews.ts';
import { putSource } from '../src/app/sources.ts';
import { SYSTEM_ACTOR, type Actor } from '../src/domain/roles.ts';
import { agreementDocumentSchema, incidentInputSchema } from '../src/domain/schemas.ts';
import { parseInput } from '../src/domain/validate.ts';
import { violationIdOf } from '../src/domain/violation-id.ts';
import type { DailyReport } from '../src/report/daily/report-types.ts';
import { agreementDoc, versionV1, versionV2 } from './fixtures.ts';
import { tempContext } from './helpers.ts';

const at = (iso: string) => Date.parse(iso);
const analyst: Actor = { id: 'a', name: 'analyst', role: 'analyst', partyId: null };
const liaison: Actor = { id: 'l', name: 'liaison-gov', role: 'liaison', partyId: 'GOV' };

let env: Awaited<ReturnType<typeof tempContext>>;
let clock = at('2018-02-17T12:00:00Z');
let report: DailyReport;
const ids: Record<string, string> = {};

/** A shelling inside the test agreement's area (lon 36–37, lat 33–34) in Rural Damascus. */
async function shelling(
  ref: string,
  when: Record<string, string>,
  over: Record<string, unknown> = {},
) {
  const { incident } = await createIncident(
    env.ctx,
    SYSTEM_ACTOR,
    parseInput(incidentInputSchema, {
      external_id: ref, event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack',
      lon: 36.5, lat: 33.5, admin1: 'Rural Damascus', ...when, ...over,
    }), // prettier-ignore
  );
  ids[ref] = incident.id;
  return incident;
}

beforeAll(async () => {
  env = await tempContext(() => clock);
  const ctx = env.ctx;
  await importAgreementDocument(ctx, parseInput(agreementDocumentSchema, agreementDoc([versionV1, versionV2])), SYSTEM_ACTOR); // prettier-ignore
  await putSource(ctx, SYSTEM_ACTOR, { name: 'SOHR', aliases: [], kind: 'monitoring_ngo', reliability: 'B', affiliation: null }); // prettier-ignore
  await putSource(ctx, SYSTEM_ACTOR, { name: 'Reuters', aliases: [], kind: 'wire_service', reliability: 'B', affiliation: null }); // prettier-ignore
  await putSource(ctx, SYSTEM_ACTOR, { name: 'Government press office', aliases: [], kind: 'party', reliability: 'D', affiliation: 'GOV' }); // prettier-ignore
  const killed = (best: number) => ({ best });
  // Period P = [16 Feb 17:30Z, 17 Feb 17:30Z) (19:30 in Damascus, UTC+2); Q the day before.
  await shelling('CUT', { occurred_at: '2018-02-16T17:30:00Z' }, { reports: [{ source: 'SOHR', credibility: 2, killed: killed(2) }] }); // prettier-ignore
  await shelling('DUP', { occurred_at: '2018-02-16T17:40:00Z' }, { reports: [{ source: 'Reuters', killed: killed(2) }] }); // prettier-ignore
  await shelling('DISMISS', { occurred_at: '2018-02-17T09:00:00Z' }, { source: 'SOHR', fatalities: 1 }); // prettier-ignore
  await shelling('CLAIM', { occurred_at: '2018-02-17T10:00:00Z' }, {
    reports: [{ source: 'Government press office', killed: killed(0) }, { source: 'Local blog', killed: killed(7) }],
  }); // prettier-ignore
  await shelling('END', { occurred_at: '2018-02-17T17:30:00Z' }, { fatalities: 5, source: 'SOHR' }); // prettier-ignore
  await shelling('Q1', { occurred_at: '2018-02-16T10:00:00Z' }, { fatalities: 1, source: 'SOHR' });
  await shelling('MULTI', { occurred_from: '2018-02-16T12:00:00Z', occurred_until: '2018-02-17T12:00:00Z' }); // prettier-ignore

  await mergeIncidents(ctx, analyst, 'DUP', 'CUT', 'the same shelling, reported twice');
  const key = (ref: string) => violationIdOf({ incidentId: ids[ref]!, agreementId: 'test-coh', zoneKey: 'area' }); // prettier-ignore
  await reviewViolation(ctx, analyst, key('CUT'), { to: 'under_review', note: 'look' });
  const { notices } = await reviewViolation(ctx, analyst, key('CUT'), {
    to: 'confirmed',
    note: 'SOHR names the army',
    intent: 'deliberate',
    attributions: [{ partyId: 'GOV', kind: 'reported', evidence: [{ kind: 'incident', ref: ids.CUT! }], note: null }], // prettier-ignore
  });
  clock = at('2018-02-17T13:00:00Z');
  await answerNotice(ctx, liaison, notices[0]!.id, 'We are looking into it.');
  await reviewViolation(ctx, analyst, key('DISMISS'), { to: 'dismissed', note: 'outgoing fire' });
  clock = at('2018-02-18T12:00:00Z');
  report = await buildDailyReport(ctx);
});
afterAll(async () => {
  await env.close();
});

describe('the daily report over the real store', () => {
  it('defaults to the latest complete report day at the clock reading', () => {
    // 12:00Z on the 18th is before that day's cut-off (17:30Z): the latest complete day is the 17th.
    expect(report.period).toEqual({ date: '2018-02-17', from: at('2018-02-16T17:30:00Z'), until: at('2018-02-17T17:30:00Z') }); // prettier-ignore
    expect(report.generatedAt).toBe(at('2018-02-18T12:00:00Z'));
  });

  it('counts the incident at the cut-off, the duplicate once, the multi-day one on its first day', () => {
    // P: CUT (at 19:30 exactly; DUP merged into it), DISMISS, CLAIM — not END (the next cut-off).
    expect(report.headline.incidents.current.refs).toEqual([ids.CUT, ids.DISMISS, ids.CLAIM]);
    // Q: Q1 and MULTI (which lasts into P).
    expect(report.headline.incidents.previous.refs).toEqual([ids.Q1, ids.MULTI]);
    const v = report.headline.violations;
    expect([v.total.current.value, v.confirmed.current.value, v.pending.current.value, v.dismissed.current.value]).toEqual([2, 1, 1, 1]); // prettier-ignore
    expect(v.dismissed.current.refs).toEqual([`${ids.DISMISS}~test-coh~area`]);
    expect(v.certain.previous.value).toBe(2); // Q1, MULTI
    // CUT 2 (SOHR and Reuters agree), DISMISS 1, CLAIM 4 (median of 0 and 7: no source graded A–C)
    expect(report.headline.casualties.killed.best.current.value).toBe(7);
    expect(report.headline.casualties.killed.high.current.value).toBe(10); // 2 + 1 + 7
  });

  it('gives the survivor both reports with their grades', () => {
    const cut = report.appendix.incidents.find((i) => i.id === ids.CUT)!;
    expect(cut.mergedFrom).toEqual([ids.DUP]);
    expect(cut.sources.map((s) => `${s.name} ${s.grade}`).sort()).toEqual([
      'Reuters B6',
      'SOHR B2',
    ]);
    expect(report.appendix.incidents.map((i) => i.id)).not.toContain(ids.DUP);
    expect(report.appendix.incidents.map((i) => i.id)).not.toContain(ids.END);
  });

  it('per party: the reported attribution, the notice sent and answered in the period', () => {
    const gov = report.parties.find((p) => p.partyId === 'GOV')!;
    expect(gov.attributed.reported.current.refs).toEqual([`${ids.CUT}~test-coh~area`]);
    expect(gov.notices.sent.current.value).toBe(1);
    expect(gov.notices.answered.current.value).toBe(1);
    expect(gov.notices.open.value).toBe(0);
    expect(report.appendix.notices).toHaveLength(1);
  });

  it('per zone, zone changes, disputes and early warnings from the stored records', () => {
    const [agreement] = report.agreements;
    expect(agreement!.zones.map((z) => [z.zoneKey, z.violations.total.current.value])).toEqual([['area', 2]]); // prettier-ignore
    // Both versions were recorded during the period (the import ran at the test's clock).
    expect(report.zoneChanges.filter((c) => c.kind === 'recorded').map((c) => [c.version?.label, c.extendedByHours])).toEqual([['v1', null], ['v2', 48]]); // prettier-ignore
    expect(report.disputed.map((d) => [d.kind, d.incidentId, d.partyIds])).toEqual([
      ['party_claim_unconfirmed', ids.CLAIM, ['GOV']],
      ['casualties_disagree', ids.CLAIM, ['GOV']],
    ]);
    // 7 killed in Rural Damascus against 1 (Q1) over the 28 days before.
    expect(report.earlyWarnings.map((w) => [w.place, w.measure, w.value.value])).toContainEqual([
      { kind: 'area', area: 'Rural Damascus' },
      'killed',
      7,
    ]);
  });

  it('reports another date on request, and refuses a malformed one', async () => {
    const before = await buildDailyReport(env.ctx, { date: '2018-02-16' });
    expect(before.headline.incidents.current.refs).toEqual([ids.Q1, ids.MULTI]);
    await expect(buildDailyReport(env.ctx, { date: '2018-02-30' })).rejects.toThrow(/date/);
  });
});
