// Which version of an agreement is in force, and when (DESIGN.md §3): the version in force at an
// instant is the latest signed version (highest `seq`: versions are recorded in the order they were
// signed) whose validity window [validFrom, validUntil) contains the instant. So a version's
// *effective window* is its own window minus the windows of every version of the same agreement
// signed after it: an amendment that overlaps v1 replaces v1 over the overlap, and a version whose
// effective window is empty was superseded before it started. This module is the only place that
// says so; the engine, the store's `at=` query, the proposal diff, the daily report and the web app
// all derive from it.

/** What the rule reads of a version. `validUntil` null = open-ended. */
export interface VersionWindow {
  agreementId: string;
  seq: number;
  validFrom: number;
  validUntil: number | null;
}

/** A half-open span of time [from, until); `until` null = open-ended. */
export interface EffectiveSpan {
  from: number;
  until: number | null;
}

const end = (until: number | null) => (until === null ? Infinity : until);

function contains(v: VersionWindow, t: number): boolean {
  return v.validFrom <= t && t < end(v.validUntil);
}

/**
 * The version of ONE agreement in force at `t`: the highest `seq` whose window contains `t`, or
 * undefined when none does (before the first, after the last, or in a gap between versions).
 */
export function versionInForce<V extends VersionWindow>(
  versions: readonly V[],
  t: number,
): V | undefined {
  let best: V | undefined;
  for (const v of versions) if (contains(v, t) && (!best || v.seq > best.seq)) best = v;
  return best;
}

/** The versions in force at `t`, at most one per agreement, in the order of `versions`. */
export function versionsInForce<V extends VersionWindow>(versions: readonly V[], t: number): V[] {
  const best = new Map<string, V>();
  for (const v of versions) {
    if (!contains(v, t)) continue;
    const b = best.get(v.agreementId);
    if (!b || v.seq > b.seq) best.set(v.agreementId, v);
  }
  const chosen = new Set(best.values());
  return versions.filter((v) => chosen.has(v));
}

/**
 * Each version's effective window, aligned with `versions` (which may mix agreements): its window
 * minus the windows of the later versions of its agreement, as disjoint spans in time order (empty
 * when it was superseded before it started). The spans of one agreement's versions never overlap,
 * and together they cover exactly the union of the versions' windows.
 *
 * Versions are taken newest first while the union of the later windows is kept as sorted disjoint
 * spans, so each version costs a binary search plus the spans it actually overlaps.
 */
export function effectiveWindows(versions: readonly VersionWindow[]): EffectiveSpan[][] {
  const out: EffectiveSpan[][] = versions.map(() => []);
  const byAgreement = new Map<string, number[]>();
  versions.forEach((v, i) => {
    const list = byAgreement.get(v.agreementId);
    if (list) list.push(i);
    else byAgreement.set(v.agreementId, [i]);
  });
  for (const indexes of byAgreement.values()) {
    indexes.sort((a, b) => versions[b]!.seq - versions[a]!.seq);
    // Union of the windows of the versions seen so far (all signed later), as [from, until) pairs.
    const from: number[] = [];
    const until: number[] = [];
    for (const i of indexes) {
      const v = versions[i]!;
      const a = v.validFrom;
      const b = end(v.validUntil);
      if (!(a < b)) continue;
      // First union span that ends after a.
      let lo = 0;
      let hi = from.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (until[mid]! <= a) lo = mid + 1;
        else hi = mid;
      }
      const spans: EffectiveSpan[] = [];
      let cursor = a;
      let k = lo;
      for (; k < from.length && from[k]! < b; k++) {
        if (from[k]! > cursor) spans.push({ from: cursor, until: from[k]! });
        cursor = Math.max(cursor, until[k]!);
      }
      if (cursor < b) spans.push({ from: cursor, until: b === Infinity ? null : b });
      out[i] = spans;
      // Merge [a, b) into the union: spans lo..k-1 overlap it; a span ending exactly at a or
      // starting exactly at b touches it and is merged too, keeping the list minimal.
      let first = lo;
      if (first > 0 && until[first - 1]! === a) first--;
      let last = k;
      if (last < from.length && from[last]! === b) last++;
      const mergedFrom = first < last ? Math.min(a, from[first]!) : a;
      const mergedUntil = first < last ? Math.max(b, until[last - 1]!) : b;
      from.splice(first, last - first, mergedFrom);
      until.splice(first, last - first, mergedUntil);
    }
  }
  return out;
}

/** The parts of a version's own window during which a later version is in force instead. */
export function supersededSpans(v: VersionWindow, effective: readonly EffectiveSpan[]) {
  const out: EffectiveSpan[] = [];
  let cursor = v.validFrom;
  const b = end(v.validUntil);
  for (const s of effective) {
    if (s.from > cursor) out.push({ from: cursor, until: s.from });
    cursor = end(s.until);
  }
  if (cursor < b) out.push({ from: cursor, until: b === Infinity ? null : b });
  return out;
}

/**
 * The versions in force at some instant of [from, until): those whose effective window overlaps
 * it, in the order of `versions` (a version wholly superseded over the span is left out).
 */
export function versionsInForceDuring<V extends VersionWindow>(
  versions: readonly V[],
  from: number,
  until: number,
): V[] {
  const effective = effectiveWindows(versions);
  return versions.filter((_, i) =>
    effective[i]!.some((s) => s.from < until && end(s.until) > from),
  );
}
