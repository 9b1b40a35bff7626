// Early warning: places (areas and zones) where the period's violations or people killed rose well
// above their recent baseline. The rule (docs/daily-report.md), for each place and measure:
//
//   b_1 … b_B  the values of the B report days before the period (default B = 28)
//   mean = Σb / B,  φ = max(1, sample variance / mean)   (1 when mean = 0)
//   μ = (Σb + ½) / B                                       (half an event: an empty baseline is
//                                                           "rare", not "impossible")
//   p = P(Y ≥ ⌈x / φ⌉),  Y ~ Poisson(μ / φ)                (x: the period's value)
//   flagged when x ≥ minCount (default 3) and p ≤ alpha (default 0.01)
//
// Why this and not "mean + 2 sd": counts of a few a day are Poisson-like, not normal. Over a quiet
// baseline the sd is 0 or tiny, so mean + 2 sd flags a single event; and a normal band gives no
// calibrated false-alarm rate at small means. The exact Poisson tail does, the minimum count keeps
// one or two events from ever being "well above", and the quasi-Poisson scaling by φ (as in
// Farrington's outbreak-detection method) widens the band for lumpy measures — one incident with
// 20 killed in the baseline makes 20 killed today unremarkable. The flagged places come first,
// most significant (smallest p) first.
import type { EarlyWarningRule } from './report-settings.ts';
import type { Days, ZoneDays } from './area-figures.ts';
import type { Tally } from './figures.ts';
import type { Area, EarlyWarning, WarningPlace } from './report-types.ts';

const logFactorials: number[] = [0];

function logFactorial(k: number): number {
  if (k < 10_000) {
    for (let i = logFactorials.length; i <= k; i++) logFactorials[i] = logFactorials[i - 1]! + Math.log(i); // prettier-ignore
    return logFactorials[k]!;
  }
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k);
}

/** P(X ≥ n) for X ~ Poisson(mu). */
export function poissonTail(n: number, mu: number): number {
  if (n <= 0) return 1;
  if (mu <= 0) return 0;
  const logMu = Math.log(mu);
  const pmf = (k: number) => Math.exp(-mu + k * logMu - logFactorial(k));
  let sum = 0;
  if (n <= mu) {
    // The tail is large: one minus the few terms below it.
    for (let k = 0; k < n; k++) sum += pmf(k);
    return Math.max(0, 1 - sum);
  }
  for (let k = n; ; k++) {
    const t = pmf(k);
    sum += t;
    if (t <= sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

export interface WarningTest {
  flagged: boolean;
  baselineMean: number;
  dispersion: number;
  threshold: number;
  pValue: number;
}

/** The rule above for one place and measure. */
export function testRise(
  value: number,
  baseline: readonly number[],
  rule: EarlyWarningRule,
): WarningTest {
  const n = baseline.length;
  const total = baseline.reduce((s, b) => s + b, 0);
  const mean = n > 0 ? total / n : 0;
  const variance = n > 1 ? baseline.reduce((s, b) => s + (b - mean) ** 2, 0) / (n - 1) : 0;
  const phi = mean > 0 ? Math.max(1, variance / mean) : 1;
  const mu = (total + 0.5) / Math.max(n, 1);
  // (Less a hair, so that 6 / 6.000000000000001 is 1, not a float away from it.)
  const p = (x: number) => poissonTail(Math.ceil(x / phi - 1e-9), mu / phi);
  // The smallest flagged value: p falls as x grows, so double, then bisect.
  let lo = rule.minCount;
  let hi = lo;
  while (p(hi) > rule.alpha) [lo, hi] = [hi + 1, hi * 2 + 1];
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (p(mid) <= rule.alpha) hi = mid;
    else lo = mid + 1;
  }
  const pValue = p(value);
  return {
    flagged: value >= rule.minCount && pValue <= rule.alpha,
    baselineMean: mean,
    dispersion: phi,
    threshold: hi,
    pValue,
  };
}

export interface WarningInputs {
  /** Index of the period in the day tallies; the baseline is the `baselineDays` before it. */
  current: number;
  baselineDays: number;
  areas: readonly [Area, Days][];
  zones: readonly ZoneDays[];
  zoneName: (agreementId: string, zoneKey: string) => string;
}

export function earlyWarnings(w: WarningInputs, rule: EarlyWarningRule): EarlyWarning[] {
  const out: EarlyWarning[] = [];
  const check = (place: WarningPlace, measure: EarlyWarning['measure'], days: Tally[]) => {
    const now = days[w.current]!;
    const baseline = days.slice(w.current - w.baselineDays, w.current).map((t) => t.value);
    const t = testRise(now.value, baseline, rule);
    if (!t.flagged) return;
    const { flagged: _flagged, ...numbers } = t;
    out.push({ place, measure, value: now.figure(), baselineDays: baseline.length, ...numbers });
  };
  for (const [area, d] of w.areas) {
    check({ kind: 'area', area }, 'violations', d.violations);
    check({ kind: 'area', area }, 'killed', d.killed);
  }
  for (const z of w.zones) {
    const place: WarningPlace = {
      kind: 'zone',
      agreementId: z.agreementId,
      zoneKey: z.zoneKey,
      zoneName: w.zoneName(z.agreementId, z.zoneKey),
    };
    check(place, 'violations', z.days.violations);
    check(place, 'killed', z.days.killed);
  }
  return out.sort((a, b) => a.pValue - b.pValue || b.value.value - a.value.value);
}
