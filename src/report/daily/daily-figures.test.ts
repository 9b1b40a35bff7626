// Every expected number below was counted by hand from the table in daily-test-support.ts; the
// comment beside each says which incidents (or violations, notices, proposals) make it.
import { describe, expect, it } from 'vitest';
import { dailyFigures } from './daily-figures.ts';
import { at, incidentRow, scenarioRows } from './daily-test-support.ts';
import { reportPeriods } from './report-period.ts';
import { DEFAULT_REPORT_SETTINGS } from './report-settings.ts';
import type { Compared, DailyReport, Figure, RefTable } from './report-types.ts';

const periods = reportPeriods('2018-02-17', DEFAULT_REPORT_SETTINGS);
const report = dailyFigures(scenarioRows(), periods, {
  generatedAt: at('2018-02-17T18:00:00Z'),
  earlyWarning: DEFAULT_REPORT_SETTINGS.earlyWarning,
});

const fig = (of: RefTable, refs: string[], value = refs.length): Figure => ({ value, of, refs });
const inc = (refs: string[], value?: number) => fig('incident', refs, value);
/** Violation ids of incidents: those in the northern zone, else in the eastern one. */
const NORTH = new Set(['i-d09', 'i-d12', 'i-possible']);
const vio = (incidents: string[]) =>
  fig(
    'violation',
    incidents.map((i) => `${i}~${NORTH.has(i) ? 'north~idlib' : 'coh~east'}`),
  );
const cmp = (current: Figure, previous: Figure): Compared => ({
  current,
  previous,
  delta: current.value - previous.value,
});
const none = (of: RefTable) => fig(of, []);

describe('daily figures: the hand-counted scenario of 17 February 2018', () => {
  it('covers [16 Feb 19:30, 17 Feb 19:30) Damascus time against the day before', () => {
    expect(report.period).toEqual({
      date: '2018-02-17',
      from: at('2018-02-16T17:30:00Z'),
      until: at('2018-02-17T17:30:00Z'),
    });
    expect(report.previousPeriod.date).toBe('2018-02-16');
    expect(report).toMatchObject({ timeZone: 'Asia/Damascus', cutoff: '19:30' });
  });

  it('headline incidents: the one at the cut-off in, the one at the next cut-off out, a duplicate once', () => {
    expect(report.headline.incidents).toEqual(
      cmp(
        // i-cut (exactly 19:30 on the 16th) … i-confirmed; not i-dup (merged into i-air), not
        // i-end (exactly 19:30 on the 17th); i-undone counts (its merge was undone).
        inc([
          'i-cut',
          'i-possible',
          'i-air',
          'i-undone',
          'i-dismissed',
          'i-protest',
          'i-confirmed',
        ]),
        // i-multi started in Q and counts there only, though it lasts into P.
        inc(['i-multi', 'i-q1', 'i-q-before']),
      ),
    );
    const byType = Object.fromEntries(
      report.headline.incidentsByType.map((t) => [t.eventType, [t.incidents.current.value, t.incidents.previous.value]]), // prettier-ignore
    );
    expect(byType).toEqual({
      Battles: [1, 1], // P: i-undone; Q: i-q-before
      'Explosions/Remote violence': [5, 2], // P: i-cut, i-possible, i-air, i-dismissed, i-confirmed; Q: i-multi, i-q1
      'Violence against civilians': [0, 0],
      Protests: [1, 0], // i-protest
      Riots: [0, 0],
      'Strategic developments': [0, 0],
    });
  });

  it('headline violations: dismissed out of confirmed and total, shown in dismissed; certain vs possible', () => {
    const v = report.headline.violations;
    expect(v.total).toEqual(cmp(vio(['i-cut', 'i-possible', 'i-air', 'i-confirmed']), vio(['i-multi', 'i-q1']))); // prettier-ignore
    expect(v.certain).toEqual(cmp(vio(['i-cut', 'i-air', 'i-confirmed']), vio(['i-q1'])));
    expect(v.possible).toEqual(cmp(vio(['i-possible']), vio(['i-multi'])));
    expect(v.confirmed).toEqual(cmp(vio(['i-cut', 'i-possible', 'i-confirmed']), vio(['i-q1'])));
    expect(v.pending).toEqual(cmp(vio(['i-air']), vio(['i-multi']))); // flagged; under_review
    expect(v.dismissed).toEqual(cmp(vio(['i-dismissed']), none('violation')));
  });

  it('headline casualties: low / best / high, civilians, injured, against the day before', () => {
    const c = report.headline.casualties;
    // low: i-cut 2 + i-air 3 + i-dismissed 1 (its coded fatalities) + i-confirmed 1 = 7; Q: i-multi 4 + i-q1 1
    expect(c.killed.low).toEqual(cmp(inc(['i-cut', 'i-air', 'i-dismissed', 'i-confirmed'], 7), inc(['i-multi', 'i-q1'], 5))); // prettier-ignore
    // best: 2 + i-possible 6 + 3 + 1 + 1 = 13; Q: 5 + 1 = 6
    expect(c.killed.best).toEqual(cmp(inc(['i-cut', 'i-possible', 'i-air', 'i-dismissed', 'i-confirmed'], 13), inc(['i-multi', 'i-q1'], 6))); // prettier-ignore
    // high: 2 + 12 + 3 + 1 + 1 = 19; Q: 6 + 1 = 7
    expect(c.killed.high.current.value).toBe(19);
    expect(c.killed.high.previous.value).toBe(7);
    // civilians: i-cut 2 + i-air 3 = 5; Q: i-multi 1 + i-q1 1 = 2
    expect(c.civiliansKilled).toEqual(cmp(inc(['i-cut', 'i-air'], 5), inc(['i-multi', 'i-q1'], 2))); // prettier-ignore
    expect(c.injured.best).toEqual(cmp(inc(['i-cut'], 2), none('incident')));
    expect(c.killed.best.delta).toBe(7);
  });

  it('per agreement and zone: violations and the casualties of the incidents that violated it', () => {
    expect(report.agreements.map((a) => a.agreementId)).toEqual(['coh', 'north']);
    const [coh, north] = report.agreements;
    expect(coh!.violations.total).toEqual(cmp(vio(['i-cut', 'i-air', 'i-confirmed']), vio(['i-multi', 'i-q1']))); // prettier-ignore
    expect(coh!.violations.dismissed.current).toEqual(vio(['i-dismissed']));
    expect(coh!.violations.pending.current).toEqual(vio(['i-air']));
    // Not i-dismissed's 1 killed: a dismissed violation is not one. 2 + 3 + 1 = 6; Q: 5 + 1.
    expect(coh!.casualties.killed.best).toEqual(cmp(inc(['i-cut', 'i-air', 'i-confirmed'], 6), inc(['i-multi', 'i-q1'], 6))); // prettier-ignore
    expect(coh!.casualties.civiliansKilled.current.value).toBe(5); // i-cut 2 + i-air 3
    // The excluded area is no zone of its own.
    expect(coh!.zones.map((z) => [z.zoneKey, z.zoneKind, z.inForce])).toEqual([['east', 'ceasefire_area', true]]); // prettier-ignore
    expect(coh!.zones[0]!.violations).toEqual(coh!.violations);
    expect(north!.violations.total).toEqual(cmp(vio(['i-possible']), none('violation')));
    expect(north!.violations.possible.current).toEqual(vio(['i-possible']));
    expect(north!.casualties.killed.low.current).toEqual(none('incident')); // i-possible's low is 0
    expect(north!.casualties.killed.high.current).toEqual(inc(['i-possible'], 12));
    expect(north!.zones[0]).toMatchObject({
      zoneKey: 'idlib',
      zoneName: 'Zone idlib',
      inForce: true,
    });
  });

  it('zone changes: the extension signed and taking over, the northern zone expiring', () => {
    expect(report.zoneChanges.map((c) => [c.kind, c.agreementId, c.zoneKey, new Date(c.at).toISOString(), c.version?.label ?? null, c.previous?.label ?? null, c.extendedByHours])).toEqual([
      ['signed', 'coh', 'east', '2018-02-16T20:00:00.000Z', 'v2', 'v1', 48], // prop-2 adopted
      ['extended', 'coh', 'east', '2018-02-17T00:00:00.000Z', 'v2', 'v1', 48], // v1 ends, v2 takes over
      ['expired', 'north', 'idlib', '2018-02-17T06:00:00.000Z', null, 'v1', null],
    ]); // prettier-ignore
    expect(report.zoneChanges[0]!.version?.proposalId).toBe('prop-2');
  });

  it('per party: attributions by kind (dismissed left out), notices sent and answered, decisions', () => {
    const [gov, opp] = report.parties;
    expect(gov!.partyId).toBe('GOV');
    // GOV: i-cut (reported), i-possible (reported), i-air (inferred); Q: i-q1 (assessed)
    expect(gov!.attributed.total).toEqual(
      cmp(vio(['i-cut', 'i-possible', 'i-air']), vio(['i-q1'])),
    );
    expect(gov!.attributed.reported.current).toEqual(vio(['i-cut', 'i-possible']));
    expect(gov!.attributed.inferred.current).toEqual(vio(['i-air']));
    expect(gov!.attributed.assessed).toEqual(cmp(none('violation'), vio(['i-q1'])));
    // OPP: i-possible (reported), i-confirmed (assessed); not i-dismissed (reported, but dismissed)
    expect(opp!.attributed.total.current).toEqual(vio(['i-possible', 'i-confirmed']));
    expect(opp!.attributed.reported.current).toEqual(vio(['i-possible']));
    expect(opp!.attributed.assessed.current).toEqual(vio(['i-confirmed']));
    // n1 sent in Q and answered in P; n2 sent in P, still open; n5 sent after the cut-off.
    expect(gov!.notices).toEqual({
      sent: cmp(fig('notice', ['n2']), fig('notice', ['n1'])),
      answered: cmp(fig('notice', ['n1']), none('notice')),
      open: fig('notice', ['n2']),
    });
    // n3 sent and answered in P; n4 sent a week earlier and never answered.
    expect(opp!.notices).toEqual({
      sent: cmp(fig('notice', ['n3']), none('notice')),
      answered: cmp(fig('notice', ['n3']), none('notice')),
      open: fig('notice', ['n4']),
    });
    // GOV signed prop-3 on the 15th (before P): not counted.
    expect(gov!.proposals).toEqual({ signed: fig('proposal', ['prop-2']), refused: none('proposal') }); // prettier-ignore
    expect(opp!.proposals).toEqual({ signed: fig('proposal', ['prop-2']), refused: fig('proposal', ['prop-3']) }); // prettier-ignore
  });

  it('rolling windows per area: the last 7 and 9 report days against the days before them', () => {
    const [w7, w9] = report.rolling;
    expect([w7!.days, w9!.days]).toEqual([7, 9]);
    expect(new Date(w7!.from).toISOString()).toBe('2018-02-10T17:30:00.000Z'); // start of the 11th's day
    expect(new Date(w7!.previousFrom).toISOString()).toBe('2018-02-03T17:30:00.000Z');
    expect(w7!.areas.map((a) => a.area)).toEqual(['Aleppo', 'Damascus', 'Idlib', 'Rural Damascus', null]); // prettier-ignore
    const idlib7 = w7!.areas[2]!;
    // 7 days: i-d12 (12th) and i-possible; the 7 before: i-d09 (9th).
    expect(idlib7.violations).toEqual(cmp(vio(['i-d12', 'i-possible']), vio(['i-d09'])));
    expect(idlib7.killed).toEqual(cmp(inc(['i-d12', 'i-possible'], 8), inc(['i-d09'], 4)));
    const rd7 = w7!.areas[3]!;
    expect(rd7.incidents.current).toEqual(inc(['i-multi', 'i-q1', 'i-cut', 'i-air', 'i-dismissed', 'i-confirmed'])); // prettier-ignore
    // Not dismissed: i-multi, i-q1, i-cut, i-air, i-confirmed
    expect(rd7.violations.current.value).toBe(5);
    expect(rd7.killed.current.value).toBe(13); // 5 + 1 + 2 + 3 + 1 + 1
    expect(rd7.civiliansKilled.current.value).toBe(7); // 1 + 1 + 2 + 3
    expect(w7!.total.incidents).toEqual(
      cmp(
        inc(['i-d12', 'i-multi', 'i-q1', 'i-q-before', 'i-cut', 'i-possible', 'i-air', 'i-undone', 'i-dismissed', 'i-protest', 'i-confirmed']), // prettier-ignore
        inc(['i-d09']),
      ),
    );
    expect(w7!.total.killed.current.value).toBe(21); // Idlib 8 + Rural Damascus 13
    expect(w7!.total.violations.previous.value).toBe(1); // i-d09
    // 9 days reach the 9th: i-d09 joins Idlib's current window; nothing in the 9 before (31 Jan–8 Feb).
    const idlib9 = w9!.areas[2]!;
    expect(idlib9.violations).toEqual(
      cmp(vio(['i-d09', 'i-d12', 'i-possible']), none('violation')),
    );
    expect(idlib9.killed.current.value).toBe(12);
    expect(w9!.total.killed).toEqual(cmp(w9!.total.killed.current, none('incident')));
    expect(w9!.total.killed.current.value).toBe(25);
  });

  it('a 30-day daily series per area, each day a figure', () => {
    const s = report.series;
    expect(s.days).toHaveLength(30);
    expect([s.days[0]!.date, s.days[29]!.date]).toEqual(['2018-01-19', '2018-02-17']);
    // Damascus (i-q-before) and the area-less protest have no violation and no one killed.
    expect(s.areas.map((a) => a.area)).toEqual(['Aleppo', 'Idlib', 'Rural Damascus']);
    const nonZero = (xs: Figure[]) => Object.fromEntries(xs.flatMap((f, i) => (f.value ? [[s.days[i]!.date, f.value]] : []))); // prettier-ignore
    expect(nonZero(s.total.violations)).toEqual({
      '2018-02-09': 1, // i-d09 (18:00 UTC on the 8th is after that day's cut-off)
      '2018-02-12': 1, // i-d12
      '2018-02-16': 2, // i-multi, i-q1
      '2018-02-17': 4, // i-cut, i-possible, i-air, i-confirmed
    });
    expect(nonZero(s.total.killed)).toEqual({
      '2018-01-20': 1, // i-d01
      '2018-02-09': 4,
      '2018-02-12': 2,
      '2018-02-16': 6, // i-multi 5 + i-q1 1
      '2018-02-17': 13,
    });
    expect(s.areas[0]!.killed[1]).toEqual(inc(['i-d01'], 1));
  });

  it('early warnings come first: the rule flags Rural Damascus, the east zone and Idlib', () => {
    expect(
      report.earlyWarnings.map((w) => [
        w.place.kind === 'area' ? w.place.area : `${w.place.agreementId}/${w.place.zoneKey}`,
        w.measure,
        w.value.value,
        w.threshold,
      ]),
    ).toEqual([
      // 7 killed against one day of 6 in 28: φ = 6, μ = 6.5/28; P(Y ≥ ⌈7/6⌉ = 2 | μ/φ) = 0.00073
      ['Rural Damascus', 'killed', 7, 7],
      // 3 violations against one day of 2 in 28: φ = 2; P(Y ≥ 2 | 2.5/28/2) = 0.00097
      ['Rural Damascus', 'violations', 3, 3],
      ['coh/east', 'violations', 3, 3], // the same violations
      // 6 killed against 4 and 2 on two days: φ = 3.23; P(Y ≥ 2 | 0.0718) = 0.0025
      ['Idlib', 'killed', 6, 4],
      ['north/idlib', 'killed', 6, 4],
    ]);
    // Not flagged: the east zone's killed (6 against one day of 6: P(Y ≥ 1) = 0.038), Idlib's
    // single violation (below the minimum of 3).
    expect(report.earlyWarnings[0]!.pValue).toBeCloseTo(0.000729, 6);
    expect(report.earlyWarnings[0]!.value.refs).toEqual(['i-cut', 'i-air', 'i-dismissed', 'i-confirmed']); // prettier-ignore
    expect(report.earlyWarnings[3]).toMatchObject({ baselineDays: 28, baselineMean: 6 / 28 });
    expect(report.earlyWarnings[3]!.dispersion).toBeCloseTo(3.2346, 4);
    expect(Object.keys(report)[Object.keys(report).indexOf('rules') + 1]).toBe('earlyWarnings');
  });

  it('disputed claims: an unconfirmed party claim, casualties far apart, blame on both sides', () => {
    expect(report.disputed).toEqual([
      {
        kind: 'party_claim_unconfirmed', // SANA (GOV) and the OPP outlet; no reliable neutral source
        incidentId: 'i-possible',
        violationIds: ['i-possible~north~idlib'],
        partyIds: ['GOV', 'OPP'],
        reportIds: ['r-pos-sana', 'r-pos-opp'],
        reason: 'reported by Source sana, Source opp-media (GOV, OPP); no independent source graded A–C confirms it', // prettier-ignore
      },
      {
        kind: 'casualties_disagree', // 10–12 against 0: 10 apart, more than max(1, 10/4)
        incidentId: 'i-possible',
        violationIds: ['i-possible~north~idlib'],
        partyIds: ['GOV', 'OPP'],
        reportIds: ['r-pos-opp', 'r-pos-sana'],
        reason: 'Source opp-media reports 10–12 killed, Source sana 0',
      },
      {
        kind: 'attribution_disputed',
        incidentId: 'i-possible',
        violationIds: ['i-possible~north~idlib'],
        partyIds: ['GOV', 'OPP'],
        reportIds: ['r-pos-sana', 'r-pos-opp'],
        reason: 'sources attribute violation i-possible~north~idlib to GOV and OPP',
      },
      {
        // A claim the cell dismissed is still a disputed claim; i-confirmed's SANA report is
        // confirmed by Reuters (B) and is not listed.
        kind: 'party_claim_unconfirmed',
        incidentId: 'i-dismissed',
        violationIds: ['i-dismissed~coh~east'],
        partyIds: ['GOV'],
        reportIds: ['r-dis-sana'],
        reason: 'reported by Source sana (GOV); no independent source graded A–C confirms it',
      },
    ]);
  });

  it('the map: the period’s incidents by violation state, the zones in force over it', () => {
    expect(report.map.incidents.map((p) => [p.id, p.violation])).toEqual([
      ['i-cut', 'certain'],
      ['i-possible', 'possible'],
      ['i-air', 'certain'],
      ['i-undone', 'none'],
      ['i-dismissed', 'none'], // its only violation was dismissed
      ['i-protest', 'none'],
      ['i-confirmed', 'certain'],
    ]);
    expect(report.map.zones.map((z) => z.zoneId)).toEqual(['coh-v1-east', 'coh-v1-carve', 'coh-v2-east', 'north-v1-idlib']); // prettier-ignore
  });

  it('the appendix holds every row a figure refers to, sources graded, duplicates folded in', () => {
    const { appendix } = report;
    expect(appendix.incidents.map((i) => i.id)).toEqual([
      'i-d01', 'i-d09', 'i-d12', 'i-multi', 'i-q1', 'i-q-before', 'i-cut', 'i-possible', 'i-air',
      'i-undone', 'i-dismissed', 'i-protest', 'i-confirmed',
    ]); // prettier-ignore
    const air = appendix.incidents.find((i) => i.id === 'i-air')!;
    expect(air.mergedFrom).toEqual(['i-dup']);
    expect(air.sources.map((s) => [s.name, s.grade])).toEqual([['Source sohr', 'B2'], ['Source reuters', 'B6']]); // prettier-ignore
    expect(appendix.incidents.find((i) => i.id === 'i-multi')!.reportDate).toBe('2018-02-16');
    expect(appendix.incidents.find((i) => i.id === 'i-dismissed')!.killed).toEqual({ low: 1, best: 1, high: 1 }); // prettier-ignore
    expect(appendix.violations).toHaveLength(9); // not i-dup's, not i-end's
    expect(appendix.violations.find((v) => v.incidentId === 'i-dismissed')).toMatchObject({ status: 'dismissed', zoneName: 'Zone east', versionLabel: 'v1' }); // prettier-ignore
    expect(appendix.notices.map((n) => n.id)).toEqual(['n4', 'n1', 'n2', 'n3']);
    expect(appendix.proposals.map((p) => p.id)).toEqual(['prop-2', 'prop-3']);
    const tables: Record<RefTable, Set<string>> = {
      incident: new Set(appendix.incidents.map((i) => i.id)),
      violation: new Set(appendix.violations.map((v) => v.id)),
      notice: new Set(appendix.notices.map((n) => n.id)),
      proposal: new Set(appendix.proposals.map((p) => p.id)),
    };
    let checked = 0;
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const f = x as Partial<Figure>;
        if (typeof f.value === 'number' && f.of && Array.isArray(f.refs)) {
          checked++;
          for (const r of f.refs) expect(tables[f.of].has(r), `${f.of} ${r}`).toBe(true);
          expect(new Set(f.refs).size).toBe(f.refs.length);
        } else if (x !== appendix) Object.values(x).forEach(walk);
      }
    };
    walk(report satisfies DailyReport);
    expect(checked).toBeGreaterThan(400);
  });
});

describe('daily figures across a change of clocks', () => {
  it('counts a 23-hour day in Europe/Kyiv by its local cut-offs', () => {
    const kyiv = reportPeriods('2018-03-25', {
      ...DEFAULT_REPORT_SETTINGS,
      timeZone: 'Europe/Kyiv',
    });
    const rows = { ...scenarioRows(), violations: [], reports: [], merges: [] };
    rows.incidents = [
      incidentRow('k-start', '2018-03-24T17:30:00Z'), // 19:30 EET: the period's first instant
      incidentRow('k-last', '2018-03-25T16:29:59Z'), // 19:29:59 EEST
      incidentRow('k-cut', '2018-03-25T16:30:00Z'), // 19:30 EEST: the next report's
      incidentRow('k-later', '2018-03-25T17:00:00Z'), // within 24 h of the start, but the 26th's
      incidentRow('k-before', '2018-03-24T17:29:59Z'), // the 24th's
    ];
    const r = dailyFigures(rows, kyiv, {
      generatedAt: 0,
      earlyWarning: DEFAULT_REPORT_SETTINGS.earlyWarning,
    });
    expect(r.period.until - r.period.from).toBe(23 * 3_600_000);
    expect(r.headline.incidents).toEqual(cmp(inc(['k-start', 'k-last']), inc(['k-before'])));
    expect(r.appendix.incidents.map((i) => i.id)).toEqual(['k-before', 'k-start', 'k-last']);
  });
});
