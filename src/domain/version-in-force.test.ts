import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  effectiveWindows,
  supersededSpans,
  versionInForce,
  versionsInForce,
  type EffectiveSpan,
  type VersionWindow,
} from './version-in-force.ts';

const H = 3_600_000;
const v = (seq: number, from: number, until: number | null, agreementId = 'a'): VersionWindow => ({
  agreementId,
  seq,
  validFrom: from * H,
  validUntil: until === null ? null : until * H,
});
const hours = (spans: EffectiveSpan[]) =>
  spans.map((s) => [s.from / H, s.until === null ? null : s.until / H]);

describe('versionInForce', () => {
  const v1 = v(1, 0, 100);
  const v2 = v(2, 50, 148);
  it('is the latest signed version whose window contains the instant', () => {
    expect(versionInForce([v1, v2], 10 * H)).toBe(v1);
    expect(versionInForce([v1, v2], 49 * H)).toBe(v1);
    expect(versionInForce([v1, v2], 50 * H)).toBe(v2); // v2's valid_from: v2 takes over
    expect(versionInForce([v1, v2], 99 * H)).toBe(v2); // inside the overlap
    expect(versionInForce([v2, v1], 99 * H)).toBe(v2); // order of the list does not matter
  });
  it('is nothing before the first window, at an open end, after the last and in gaps', () => {
    expect(versionInForce([v1, v2], -1)).toBeUndefined();
    expect(versionInForce([v1, v2], 148 * H)).toBeUndefined(); // half-open
    expect(versionInForce([v(1, 0, 10), v(2, 20, 30)], 15 * H)).toBeUndefined();
  });
  it('lets an earlier version show again where a later one does not reach', () => {
    // v2 suspends a middle stretch of v1: v1 is in force again after v2 ends.
    const list = [v(1, 0, 100), v(2, 40, 60)];
    expect(versionInForce(list, 70 * H)?.seq).toBe(1);
  });
  it('picks one version per agreement among several', () => {
    const list = [v(1, 0, 100, 'a'), v(1, 0, 100, 'b'), v(2, 50, null, 'a')];
    expect(versionsInForce(list, 60 * H).map((x) => [x.agreementId, x.seq])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });
});

describe('effectiveWindows', () => {
  it('gives an amended version only the part of its window before the amendment', () => {
    expect(effectiveWindows([v(1, 0, 100), v(2, 50, 148)]).map(hours)).toEqual([
      [[0, 50]],
      [[50, 148]],
    ]);
  });
  it('keeps the 48-hour extension (no overlap) as two whole windows', () => {
    expect(effectiveWindows([v(1, 0, 100), v(2, 100, 148)]).map(hours)).toEqual([
      [[0, 100]],
      [[100, 148]],
    ]);
  });
  it('splits a version around a later one inside it, and empties one superseded before it starts', () => {
    expect(effectiveWindows([v(1, 0, null), v(2, 40, 60)]).map(hours)).toEqual([
      [
        [0, 40],
        [60, null],
      ],
      [[40, 60]],
    ]);
    expect(effectiveWindows([v(1, 10, 20), v(2, 0, 30)]).map(hours)).toEqual([[], [[0, 30]]]);
  });
  it('treats agreements apart', () => {
    expect(effectiveWindows([v(1, 0, 100, 'a'), v(2, 50, 60, 'b')]).map(hours)).toEqual([
      [[0, 100]],
      [[50, 60]],
    ]);
  });
  it('names the superseded spans of a version', () => {
    const v1 = v(1, 0, null);
    const [eff] = effectiveWindows([v1, v(2, 40, 60), v(3, 80, 90)]);
    expect(hours(supersededSpans(v1, eff!))).toEqual([
      [40, 60],
      [80, 90],
    ]);
  });

  const windows = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: 1, max: 20 })))
      .map(([a, len]) => [a, len === null ? null : a + len] as const),
    { minLength: 1, maxLength: 8 },
  );
  it('agrees with versionInForce at every instant (property)', () => {
    fc.assert(
      fc.property(windows, fc.boolean(), (ws, shuffled) => {
        const list = ws.map(([a, b], i) => v(i + 1, a, b));
        if (shuffled) list.reverse();
        const eff = effectiveWindows(list);
        for (let t = -1; t <= 62; t += 0.5) {
          const inForce = versionInForce(list, t * H);
          const holders = list.filter((_, i) =>
            eff[i]!.some((s) => s.from <= t * H && (s.until === null || t * H < s.until)),
          );
          expect(holders).toEqual(inForce ? [inForce] : []);
        }
        // Spans are disjoint, sorted and non-empty.
        for (const spans of eff)
          spans.forEach((s, k) => {
            expect(s.until === null || s.from < s.until).toBe(true);
            if (k > 0) expect(spans[k - 1]!.until! < s.from || spans[k - 1]!.until === s.from).toBe(true); // prettier-ignore
          });
      }),
    );
  });
});
