// Large but valid zone geometries for the scale tests and the validation benchmark (issue 20):
// a MultiPolygon of many small separate squares and a detailed shell with many square holes.
// Pure builders, shared by src/geo, src/app and test/ tests and bench/validate-geometry.bench.ts.

export type Ring = number[][];

/** A closed square ring of side `d` degrees with its south-west corner at (x0, y0). */
export const square = (x0: number, y0: number, d: number): Ring => [
  [x0, y0],
  [x0 + d, y0],
  [x0 + d, y0 + d],
  [x0, y0 + d],
  [x0, y0],
];

/** n squares of 0.004° on a 0.01° grid, 200 per row, from lon 35, lat 30 (5 positions each). */
export function squaresMultiPolygon(n: number) {
  return {
    type: 'MultiPolygon',
    coordinates: Array.from({ length: n }, (_, i) => [
      square(35 + (i % 200) * 0.01, 30 + Math.floor(i / 200) * 0.01, 0.004),
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
    square(35.003 + (i % 200) * 0.01, 30.003 + Math.floor(i / 200) * 0.01, 0.004),
  );
  return { type: 'Polygon', coordinates: [shell, ...holes] };
}
