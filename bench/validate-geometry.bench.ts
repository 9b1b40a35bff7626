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

type Ring = number[][];
const sq = (x0: number, y0: number, d: number): Ring => [
  [x0, y0],
  [x0 + d, y0],
  [x0 + d, y0 + d],
  [x0, y0 + d],
  [x0, y0],
];

/** n squares of 0.004° on a 0.01° grid, 200 per row, starting at lon 35, lat 30. */
export function squaresMulti(n: number) {
  return {
    type: 'MultiPolygon',
    coordinates: Array.from({ length: n }, (_, i) => [
      sq(35 + (i % 200) * 0.01, 30 + Math.floor(i / 200) * 0.01, 0.004),
    ]),
  };
}

/**
 * A square shell of 40,000 vertices (10,000 per side, as a detailed boundary would have) with n
 * square holes of 0.004° on a 0.01° grid, 200 per row.
 */
export function holedPolygon(n: number) {
  const top = 30.01 + Math.ceil(n / 200) * 0.01;
  const side = (x0: number, y0: number, x1: number, y1: number): Ring =>
    Array.from({ length: 10_000 }, (_, k) => [
      x0 + ((x1 - x0) * k) / 10_000,
      y0 + ((y1 - y0) * k) / 10_000,
    ]);
  const shell: Ring = [
    ...side(35, 30, 37.01, 30),
    ...side(37.01, 30, 37.01, top),
    ...side(37.01, top, 35, top),
    ...side(35, top, 35, 30),
    [35, 30],
  ];
  const holes = Array.from({ length: n }, (_, i) =>
    sq(35.003 + (i % 200) * 0.01, 30.003 + Math.floor(i / 200) * 0.01, 0.004),
  );
  return { type: 'Polygon', coordinates: [shell, ...holes] };
}

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
time(squaresMulti(sizes[0]!)); // warm-up
const cases: [string, number, unknown][] = [
  ...sizes.map((n): [string, number, unknown] => [
    `MultiPolygon, ${n} squares`,
    n,
    squaresMulti(n),
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
