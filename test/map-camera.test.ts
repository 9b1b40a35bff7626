// The map's camera without a map (web/src/map/camera.ts) and the preview's sizes: the opening
// view fits the bounds as MapLibre's fitBounds does, the projection is Web Mercator on a 512-pixel
// world, the incidents view is snapped to a quarter-tile grid, and circles are sized by the same
// stops as the map's expressions. (The browser test checks the projection against MapLibre's own.)
import { describe, expect, it } from 'vitest';
import { cameraBounds, fitCamera, mercator, projector, viewOf } from '../web/src/map/camera.ts';
import { SYRIA_BOUNDS } from '../web/src/map/geo.ts';
import { clusterRadius, fatalityRadius } from '../web/src/map/incidentStyle.ts';

describe('camera', () => {
  it('projects Web Mercator on a 512-pixel world', () => {
    // Zoom 0, a 512×512 canvas centred on 0,0: the world fills it exactly.
    const project = projector({ center: [0, 0], zoom: 0, width: 512, height: 512 });
    expect(project(0, 0)).toEqual([256, 256]);
    expect(project(-180, 0)[0]).toBeCloseTo(0, 9);
    expect(project(180, 0)[0]).toBeCloseTo(512, 9);
    expect(project(0, 85.0511287798)[1]).toBeCloseTo(0, 6);
    // One zoom level doubles every distance from the centre.
    const z1 = projector({ center: [0, 0], zoom: 1, width: 512, height: 512 });
    expect(z1(90, 0)[0] - 256).toBeCloseTo(2 * (project(90, 0)[0] - 256), 9);
    expect(mercator(0, 0)).toEqual([0.5, 0.5]);
  });

  it('fits bounds in the canvas: touching the edges on the tighter side, centred on the other', () => {
    // Syria is wider than tall on a square canvas: its west and east edges touch the canvas.
    const camera = fitCamera(SYRIA_BOUNDS, 800, 800);
    const project = projector(camera);
    const [w, s, e, n] = SYRIA_BOUNDS;
    const [x0, y1] = project(w, s);
    const [x1, y0] = project(e, n);
    expect(x0).toBeCloseTo(0, 6);
    expect(x1).toBeCloseTo(800, 6);
    expect(y0 - 0).toBeCloseTo(800 - y1, 6);
    expect(y0).toBeGreaterThan(0);
    // On a wide canvas it is the north and south edges that touch.
    const wide = projector(fitCamera(SYRIA_BOUNDS, 1800, 300));
    expect(wide(w, n)[1]).toBeCloseTo(0, 6);
    expect(wide(e, s)[1]).toBeCloseTo(300, 6);
    expect(wide(w, n)[0]).toBeGreaterThan(0);
    // A wider canvas zooms in: twice the width at the same fit is one zoom level more.
    expect(fitCamera(SYRIA_BOUNDS, 1600, 1600).zoom - camera.zoom).toBeCloseTo(1, 9);
  });

  it('gives back the visible bounds, which hold what was fitted', () => {
    const camera = fitCamera(SYRIA_BOUNDS, 1100, 850);
    const [w, s, e, n] = cameraBounds(camera);
    expect(w).toBeLessThanOrEqual(SYRIA_BOUNDS[0] + 1e-9);
    expect(s).toBeLessThanOrEqual(SYRIA_BOUNDS[1] + 1e-9);
    expect(e).toBeGreaterThanOrEqual(SYRIA_BOUNDS[2] - 1e-9);
    expect(n).toBeGreaterThanOrEqual(SYRIA_BOUNDS[3] - 1e-9);
    // The corners of the canvas are where the bounds say.
    const project = projector(camera);
    expect(project(w, n)[0]).toBeCloseTo(0, 6);
    expect(project(w, n)[1]).toBeCloseTo(0, 6);
    expect(project(e, s)[0]).toBeCloseTo(1100, 6);
    expect(project(e, s)[1]).toBeCloseTo(850, 6);
  });

  it('snaps the incidents view to a quarter-tile grid at a whole zoom', () => {
    const v = viewOf([35.41, 32.19, 42.61, 37.41], 6.6);
    expect(v.zoom).toBe(7);
    const step = 90 / 2 ** 7;
    for (const edge of v.bbox) expect(Math.abs(edge / step - Math.round(edge / step))).toBeLessThan(1e-9); // prettier-ignore
    expect(v.bbox).toEqual([35.15625, 31.640625, 42.890625, 37.96875]);
    // A small pan inside the same grid cell asks the same question.
    expect(viewOf([35.42, 32.2, 42.62, 37.42], 6.7)).toEqual(v);
    // The whole world stays inside longitude and latitude.
    expect(viewOf([-300, -100, 300, 100], 0).bbox).toEqual([-180, -90, 180, 90]);
  });
});

describe('preview sizes follow the map style', () => {
  it('sizes incident points by fatalities, linear between the stops', () => {
    expect(fatalityRadius(0)).toBe(5);
    expect(fatalityRadius(1)).toBe(6);
    expect(fatalityRadius(10)).toBe(9);
    expect(fatalityRadius(30)).toBeCloseTo(11.5, 9);
    expect(fatalityRadius(500)).toBe(20);
  });

  it('sizes clusters in steps of their point count', () => {
    expect(clusterRadius(2)).toBe(14);
    expect(clusterRadius(10)).toBe(18);
    expect(clusterRadius(49)).toBe(18);
    expect(clusterRadius(50)).toBe(24);
    expect(clusterRadius(100_000)).toBe(30);
  });
});
