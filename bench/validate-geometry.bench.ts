// Geometry validation benchmark (issue 20): MultiPolygons of 1,000, 5,000 and 24,000 small
// separate squares and a Polygon with 12,000 square holes in a 40,000-vertex shell, each validated
// once (after a warm-up on the 1,000-part case). Prints the time and its ratio to the 1,000-part
// case: near-linear validation gives a ratio close to the size ratio (5×, 24×, 12×). The caps on
// parts and holes are lifted here so the 24,000-part and 12,000-hole inputs are validated.
// Run: npm run bench:validate  (or: node --import tsx bench/validate-geometry.bench.ts)
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_GEOMETRY_LIMITS,
  validateZoneGeometry,
  type GeometryLimits,
} from '../src/geo/validate-geometry.ts';
import { holedPolygon, squaresMultiPolygon } from '../src/geo/test/scale-shapes.ts';

const limits: GeometryLimits = {
  ...DEFAULT_GEOMETRY_LIMITS,
  maxParts: Infinity,
  maxHolesPerPolygon: Infinity,
};

function time(g: unknown): { ms: number; ok: boolean } {
  const t0 = performance.now();
  const r = validateZoneGeometry(g, limits);
  return { ms: performance.now() - t0, ok: r.ok };
}

const sizes = (process.env.BENCH_SIZES ?? '1000,5000,24000').split(',').map(Number);
const holes = Number(process.env.BENCH_HOLES ?? 12_000);
time(squaresMultiPolygon(sizes[0]!)); // warm-up
const cases: [string, number, unknown][] = [
  ...sizes.map((n): [string, number, unknown] => [
    `MultiPolygon, ${n} squares`,
    n,
    squaresMultiPolygon(n),
  ]),
  [`Polygon, ${holes} holes`, holes, holedPolygon(holes)],
];
let base = 0;
for (const [label, n, g] of cases) {
  const { ms, ok } = time(g);
  if (base === 0) base = ms;
  console.log(
    `${label.padEnd(30)} ${ms.toFixed(0).padStart(7)} ms  valid=${ok}  ` +
      `×${(ms / base).toFixed(1)} the ${sizes[0]}-part time (size ×${(n / sizes[0]!).toFixed(1)})`,
  );
}
