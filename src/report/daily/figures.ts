// Counting with receipts: a Tally adds up a number and keeps the id of every row that added to it,
// so each figure of the report links to its appendix rows. Rows that add nothing (a violation
// counted elsewhere, an incident with no one killed) are not listed behind the figure.
import type { Certainty } from '../../domain/types.ts';
import type { ViolationStatus } from '../../domain/violation-review.ts';
import type {
  CasualtyFigures,
  Compared,
  Figure,
  LowBestHigh,
  RefTable,
  ViolationFigures,
} from './report-types.ts';

export class Tally {
  value = 0;
  readonly refs: string[] = [];

  constructor(readonly of: RefTable) {}

  add(id: string, amount = 1): void {
    if (amount <= 0) return;
    this.value += amount;
    this.refs.push(id);
  }

  figure(): Figure {
    return { value: this.value, of: this.of, refs: this.refs };
  }
}

/** One figure over several tallies whose rows are disjoint (e.g. consecutive days). */
export function sumOf(of: RefTable, tallies: readonly Tally[]): Figure {
  let value = 0;
  const refs: string[] = [];
  for (const t of tallies) {
    value += t.value;
    for (const r of t.refs) refs.push(r);
  }
  return { value, of, refs };
}

export function compared(current: Figure, previous: Figure): Compared {
  return { current, previous, delta: current.value - previous.value };
}

export function compareTallies(current: Tally, previous: Tally): Compared {
  return compared(current.figure(), previous.figure());
}

// ── violations ──

export function violationTallies(): ViolationFigures<Tally> {
  const t = () => new Tally('violation');
  return { total: t(), certain: t(), possible: t(), confirmed: t(), pending: t(), dismissed: t() };
}

/** Superseded violations never reach here (the rows leave them out). */
export function addViolation(
  t: ViolationFigures<Tally>,
  id: string,
  certainty: Certainty,
  status: ViolationStatus,
): void {
  if (status === 'superseded') return;
  if (status === 'dismissed') {
    t.dismissed.add(id);
    return;
  }
  t.total.add(id);
  t[certainty].add(id);
  (status === 'confirmed' ? t.confirmed : t.pending).add(id);
}

export function compareViolations(
  current: ViolationFigures<Tally>,
  previous: ViolationFigures<Tally>,
): ViolationFigures<Compared> {
  const c = (k: keyof ViolationFigures) => compareTallies(current[k], previous[k]);
  return {
    total: c('total'),
    certain: c('certain'),
    possible: c('possible'),
    confirmed: c('confirmed'),
    pending: c('pending'),
    dismissed: c('dismissed'),
  };
}

// ── casualties ──

export interface Casualties {
  killed: { low: number; best: number; high: number };
  injured: { low: number; best: number; high: number };
  civiliansKilled: number;
}

const lbh = (): LowBestHigh<Tally> => ({
  low: new Tally('incident'),
  best: new Tally('incident'),
  high: new Tally('incident'),
});

export function casualtyTallies(): CasualtyFigures<Tally> {
  return { killed: lbh(), injured: lbh(), civiliansKilled: new Tally('incident') };
}

export function addCasualties(t: CasualtyFigures<Tally>, id: string, c: Casualties): void {
  t.killed.low.add(id, c.killed.low);
  t.killed.best.add(id, c.killed.best);
  t.killed.high.add(id, c.killed.high);
  t.injured.low.add(id, c.injured.low);
  t.injured.best.add(id, c.injured.best);
  t.injured.high.add(id, c.injured.high);
  t.civiliansKilled.add(id, c.civiliansKilled);
}

export function compareCasualties(
  current: CasualtyFigures<Tally>,
  previous: CasualtyFigures<Tally>,
): CasualtyFigures<Compared> {
  const trio = (a: LowBestHigh<Tally>, b: LowBestHigh<Tally>) => ({
    low: compareTallies(a.low, b.low),
    best: compareTallies(a.best, b.best),
    high: compareTallies(a.high, b.high),
  });
  return {
    killed: trio(current.killed, previous.killed),
    injured: trio(current.injured, previous.injured),
    civiliansKilled: compareTallies(current.civiliansKilled, previous.civiliansKilled),
  };
}
