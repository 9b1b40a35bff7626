// Query pieces shared by the incident and violation queries: box and time-overlap filters.

const DEFAULT_CHUNK = 400;

export function chunks<T>(items: readonly T[], size = DEFAULT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Incidents inside a box and overlapping a time range (columns of alias `i` in joins). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's builder generics differ per query
export function whereIncident<Q extends { where: (...args: any[]) => Q }>(
  q: Q,
  f: {
    bbox?: [number, number, number, number] | undefined;
    from?: number | undefined;
    until?: number | undefined;
  },
  alias?: string,
): Q {
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  let out = q;
  if (f.bbox) {
    const [x0, y0, x1, y1] = f.bbox;
    out = out
      .where(col('lon'), '>=', x0)
      .where(col('lon'), '<=', x1)
      .where(col('lat'), '>=', y0)
      .where(col('lat'), '<=', y1);
  }
  return overlapsTime(out, f.from, f.until, col('occurred_from'), col('occurred_until'));
}

/** Leaves out incidents merged into another as duplicates: they count through their survivor. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's builder generics differ per query
export function notMerged<Q extends { where: (...args: any[]) => Q }>(q: Q, alias?: string): Q {
  return q.where(alias ? `${alias}.merged_into` : 'merged_into', 'is', null);
}

/**
 * Spans overlapping [from, until): an interval [a, b) when a < until and b > from; an instant
 * (a = b) when from <= a < until.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's builder generics differ per query
function overlapsTime<Q extends { where: (...args: any[]) => Q }>(
  q: Q,
  from: number | undefined,
  until: number | undefined,
  fromCol: string,
  untilCol: string,
): Q {
  let out = q;
  if (until !== undefined) out = out.where(fromCol, '<', until);
  if (from !== undefined)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    out = out.where((eb: any) =>
      eb.or([
        eb(untilCol, '>', from),
        eb.and([eb(untilCol, '=', eb.ref(fromCol)), eb(fromCol, '>=', from)]),
      ]),
    );
  return out;
}
