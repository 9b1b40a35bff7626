// How a number in the report body leads to the rows behind it. Each appendix row has a stable
// anchor made from its id (`incident-<id>`, for links from elsewhere) and a short label in
// appendix order (I12, V3, N1, P2), which is an anchor too. Each figure of the body is an entry
// Fn of the appendix's figure index, listing exactly its rows by label, with a run of three or
// more consecutive rows written as a range (I40–I97). Figures with the same rows share one entry.
// So the index grows with the rows and the distinct figures, not with how often a set of rows is
// quoted, the busy aggregates (all areas, 30 days) collapse into a few ranges, and it survives
// printing: a PDF viewer follows the links, a paper reader looks up Fn and the labels.
import type { DailyReport, Figure, RefTable } from '../daily/report-types.ts';
import { formatCount } from './report-format.ts';

const ROW_PREFIX: Record<RefTable, string> = {
  incident: 'I',
  violation: 'V',
  notice: 'N',
  proposal: 'P',
};

export const TABLE_NAMES: Record<RefTable, [one: string, many: string]> = {
  incident: ['incident', 'incidents'],
  violation: ['violation', 'violations'],
  notice: ['notice', 'notices'],
  proposal: ['proposal', 'proposals'],
};

/**
 * An HTML id for a row: `incident-<id>`, with any character outside [A-Za-z0-9.~-] written as
 * `_<hex>_` so that user-made ids (zone keys inside violation ids) stay valid, injective anchors
 * that need no escaping in a URL fragment.
 */
export function rowAnchor(table: RefTable, id: string): string {
  const safe = id.replace(/[^A-Za-z0-9.~-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
  return `${table}-${safe}`;
}

export const figureAnchor = (n: number) => `fig-${n}`;

/** A row as the figure index names it. */
export interface RowRef {
  id: string;
  /** `I12`, also its short anchor; the id itself for a row the appendix does not hold. */
  label: string;
  listed: boolean;
}

/** The short label and position of every appendix row. */
export class RowLabels {
  private readonly rows = new Map<string, { label: string; ordinal: number }>();

  constructor(appendix: DailyReport['appendix']) {
    const add = (table: RefTable, rows: readonly { id: string }[]) =>
      rows.forEach(
        (r, i) =>
        this.rows.set(`${table}\u0000${r.id}`, { label: `${ROW_PREFIX[table]}${i + 1}`, ordinal: i }), // prettier-ignore
      );
    add('incident', appendix.incidents);
    add('violation', appendix.violations);
    add('notice', appendix.notices);
    add('proposal', appendix.proposals);
  }

  has(table: RefTable, id: string): boolean {
    return this.rows.has(`${table}\u0000${id}`);
  }

  /** `I12`; the id itself for a row the appendix does not hold. */
  of(table: RefTable, id: string): string {
    return this.rows.get(`${table}\u0000${id}`)?.label ?? id;
  }

  /**
   * A figure's rows in appendix order, consecutive ones (three or more) as one run from `first`
   * to `last`; rows the appendix does not hold come last, each alone.
   */
  runs(table: RefTable, refs: readonly string[]): { first: RowRef; last: RowRef | null }[] {
    const listed: { ref: RowRef; ordinal: number }[] = [];
    const unlisted: RowRef[] = [];
    for (const id of refs) {
      const row = this.rows.get(`${table}\u0000${id}`);
      if (row) listed.push({ ref: { id, label: row.label, listed: true }, ordinal: row.ordinal });
      else unlisted.push({ id, label: id, listed: false });
    }
    listed.sort((a, b) => a.ordinal - b.ordinal);
    const out: { first: RowRef; last: RowRef | null }[] = [];
    for (let i = 0; i < listed.length;) {
      let j = i;
      while (j + 1 < listed.length && listed[j + 1]!.ordinal === listed[j]!.ordinal + 1) j++;
      if (j - i >= 2) out.push({ first: listed[i]!.ref, last: listed[j]!.ref });
      else for (let k = i; k <= j; k++) out.push({ first: listed[k]!.ref, last: null });
      i = j + 1;
    }
    return [...out, ...unlisted.map((first) => ({ first, last: null }))];
  }
}

export interface FigureEntry {
  n: number;
  of: RefTable;
  refs: readonly string[];
  /** Where the figure was first quoted. */
  caption: string;
  /** How many figures of the body quote these rows. */
  uses: number;
}

/** `Summary · violations (and 2 other figures)`: where the rows were first quoted, and how often. */
export function entryTitle(e: FigureEntry): string {
  if (e.refs.length === 0) return `${e.caption} (${e.uses} ${e.uses === 1 ? 'figure' : 'figures'})`;
  const others = e.uses - 1;
  return others === 0 ? e.caption : `${e.caption} (and ${others} other ${others === 1 ? 'figure' : 'figures'})`; // prettier-ignore
}

/** `3 violations`, `1 incident`, `no notices`. */
export function entryCount(e: FigureEntry): string {
  const [one, many] = TABLE_NAMES[e.of];
  const n = e.refs.length;
  return n === 0 ? `no ${many}` : `${formatCount(n)} ${n === 1 ? one : many}`;
}

export class FigureIndex {
  readonly entries: FigureEntry[] = [];
  private readonly byRows = new Map<string, FigureEntry>();

  /** The entry number of a figure's rows (a new entry the first time these rows are quoted). */
  ref(figure: Figure, caption: string): number {
    const key = `${figure.of}\u0000${[...figure.refs].sort().join('\u0000')}`;
    const known = this.byRows.get(key);
    if (known) {
      known.uses++;
      return known.n;
    }
    // Every zero shares one entry per table; where it was first quoted says nothing of the others.
    const shared = figure.refs.length === 0 ? `Every figure with no ${TABLE_NAMES[figure.of][1]} behind it` : caption; // prettier-ignore
    const entry = { n: this.entries.length + 1, of: figure.of, refs: figure.refs, caption: shared, uses: 1 }; // prettier-ignore
    this.entries.push(entry);
    this.byRows.set(key, entry);
    return entry.n;
  }
}

/** A figure of one's own making from others': the sum of their values, the union of their rows. */
export function sumFigures(of: RefTable, figures: readonly Figure[]): Figure {
  const refs = new Set<string>();
  let value = 0;
  for (const f of figures) {
    value += f.value;
    for (const r of f.refs) refs.add(r);
  }
  return { value, of, refs: [...refs] };
}
