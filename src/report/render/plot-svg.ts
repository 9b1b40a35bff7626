// Observable Plot drawn on the server: jsdom provides the document, the SVG leaves as a string.
// The output is made reproducible and compact: each chart gets a fixed class name (Plot's inline
// style is scoped to it), coordinates are rounded to hundredths of a pixel, and the ids Plot
// numbers from a global counter (clip paths, patterns, markers) are renumbered per chart.
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';

export type PlotDocument = JSDOM['window']['document'];

/** One document per render: Plot only creates elements in it and never attaches them. */
export function plotDocument(): PlotDocument {
  return new JSDOM('').window.document;
}

const GEOMETRY_ATTRIBUTES =
  /\s(d|transform|x|y|x1|x2|y1|y2|cx|cy|r|width|height|viewBox)="([^"]*)"/g;

/** Rounds every number with three or more decimals in geometry attributes to two. */
export function roundCoordinates(svg: string): string {
  return svg.replace(GEOMETRY_ATTRIBUTES, (_all, name: string, value: string) => {
    const rounded = value.replace(/-?\d+\.\d{3,}(e-?\d+)?/g, (n) => {
      const r = Math.round(Number(n) * 100) / 100;
      return String(Object.is(r, -0) ? 0 : r);
    });
    return ` ${name}="${rounded}"`;
  });
}

/** Plot's counter-numbered ids (plot-clip-7) as `${prefix}-clip-1`, in order of appearance. */
export function renumberIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/plot-(clip|pattern|marker)-\d+/g, (id, kind: string) => {
    let stable = ids.get(id);
    if (!stable) ids.set(id, (stable = `${prefix}-${kind}-${ids.size + 1}`));
    return stable;
  });
}

/** A chart as an SVG string; `name` is its class name and id prefix (unique within a page). */
export function plotSvg(document: PlotDocument, name: string, options: Plot.PlotOptions): string {
  const node: { outerHTML: string } = Plot.plot({ ...options, className: name, document });
  return renumberIds(roundCoordinates(node.outerHTML), name);
}
