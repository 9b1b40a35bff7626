// Per party: the period's violations attributed to it by kind of attribution (reported by a source,
// inferred by a rule, assessed by an analyst), the notices it was sent and answered, and its
// decisions on proposals. Attributions are the recorded ones on each violation; a violation with
// two attributions of one kind to a party counts once under that kind, and once in the total.
import { slotOf, type CountedViolation } from './counted-incidents.ts';
import { compareTallies, Tally } from './figures.ts';
import type { ReportPeriod } from './report-period.ts';
import type { PartyFigures, ReportRows } from './report-types.ts';

const KINDS = ['total', 'reported', 'inferred', 'assessed'] as const;
type Kind = (typeof KINDS)[number];

interface PartyTallies {
  attributed: [Record<Kind, Tally>, Record<Kind, Tally>];
  sent: [Tally, Tally];
  answered: [Tally, Tally];
  open: Tally;
  signed: Tally;
  refused: Tally;
}

const kinds = () =>
  Object.fromEntries(KINDS.map((k) => [k, new Tally('violation')])) as Record<Kind, Tally>;

function tallies(): PartyTallies {
  return {
    attributed: [kinds(), kinds()],
    sent: [new Tally('notice'), new Tally('notice')],
    answered: [new Tally('notice'), new Tally('notice')],
    open: new Tally('notice'),
    signed: new Tally('proposal'),
    refused: new Tally('proposal'),
  };
}

export function partyFigures(
  rows: ReportRows,
  violations: readonly CountedViolation[],
  dayOf: { current: number; previous: number },
  periods: { current: ReportPeriod; previous: ReportPeriod },
): PartyFigures[] {
  const names = new Map(rows.parties.map((p) => [p.id, p.name]));
  const byParty = new Map<string, PartyTallies>(rows.parties.map((p) => [p.id, tallies()]));
  const of = (partyId: string) => {
    let t = byParty.get(partyId);
    if (!t) byParty.set(partyId, (t = tallies()));
    return t;
  };
  for (const v of violations) {
    const slot = slotOf(v.incident.day, dayOf);
    if (slot === null || v.row.status === 'dismissed') continue;
    const seen = new Set<string>();
    for (const a of v.row.attributions) {
      const t = of(a.partyId).attributed[slot];
      for (const kind of ['total', a.kind] as const) {
        const key = `${a.partyId}\u0000${kind}`;
        if (seen.has(key)) continue;
        seen.add(key);
        t[kind].add(v.id);
      }
    }
  }
  const within = (t: number | null, p: ReportPeriod) => t !== null && t >= p.from && t < p.until;
  const { current, previous } = periods;
  for (const n of [...rows.notices].sort((a, b) => a.sentAt - b.sentAt || (a.id < b.id ? -1 : 1))) {
    const t = of(n.partyId);
    if (within(n.sentAt, current)) t.sent[0].add(n.id);
    if (within(n.sentAt, previous)) t.sent[1].add(n.id);
    if (within(n.answeredAt, current)) t.answered[0].add(n.id);
    if (within(n.answeredAt, previous)) t.answered[1].add(n.id);
    if (n.sentAt < current.until && (n.answeredAt === null || n.answeredAt >= current.until))
      t.open.add(n.id);
  }
  for (const d of [...rows.decisions].sort((a, b) => a.decidedAt - b.decidedAt)) {
    if (!within(d.decidedAt, current)) continue;
    const t = of(d.partyId);
    (d.decision === 'signed' ? t.signed : t.refused).add(d.proposalId);
  }
  return [...byParty]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([partyId, t]) => {
      const [now, before] = t.attributed;
      const c = (k: Kind) => compareTallies(now[k], before[k]);
      return {
        partyId,
        name: names.get(partyId) ?? partyId,
        attributed: {
          total: c('total'),
          reported: c('reported'),
          inferred: c('inferred'),
          assessed: c('assessed'),
        },
        notices: {
          sent: compareTallies(t.sent[0], t.sent[1]),
          answered: compareTallies(t.answered[0], t.answered[1]),
          open: t.open.figure(),
        },
        proposals: { signed: t.signed.figure(), refused: t.refused.figure() },
      };
    });
}
