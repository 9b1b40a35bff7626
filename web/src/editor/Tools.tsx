// The drawing tools: what a pointer does on the map (select and edit, draw, pick a
// neighbourhood), the kind new zones get, snapping, and the neighbourhood search.
import { KIND_STYLE } from '../map/zoneStyle.ts';
import { ZONE_KINDS, type ZoneKind } from '../types.ts';
import type { ShownBoundary } from './boundaries.ts';
import type { BoundaryCollection } from './editorTypes.ts';
import { NeighbourhoodPicker } from './NeighbourhoodPicker.tsx';

export type Tool = 'select' | 'polygon' | 'pick';

const TOOLS: readonly [Tool, string][] = [
  ['select', 'Select & edit'],
  ['polygon', 'Draw a zone'],
  ['pick', 'Pick a neighbourhood'],
];

const HINT: Record<Tool, string> = {
  select:
    'Click an outline to select it; drag its corners, drag a midpoint to add a corner, right-click a corner to delete it, Delete removes the part, Escape deselects.',
  polygon:
    'Click to place corners; click the first corner (or press Enter) to close the outline; Escape cancels. Corners snap to the boundary lines shown.',
  pick: 'Click a neighbourhood on the map to add it as a zone with its exact outline.',
};

export function Tools(props: {
  tool: Tool;
  ready: boolean;
  onTool: (tool: Tool) => void;
  newKind: ZoneKind;
  onNewKind: (kind: ZoneKind) => void;
  snap: boolean;
  onSnap: (on: boolean) => void;
  shown: ShownBoundary;
  neighbourhoods: BoundaryCollection | null;
  onAddNeighbourhood: (pcode: string) => void;
}) {
  return (
    <section className="panel" aria-labelledby="editor-tools-title">
      <h2 id="editor-tools-title">Draw</h2>
      <div className="tool-buttons" role="group" aria-label="Map tool">
        {TOOLS.map(([t, label]) => (
          <button
            key={t}
            type="button"
            className={props.tool === t ? '' : 'secondary'}
            aria-pressed={props.tool === t}
            data-testid={`editor-tool-${t}`}
            disabled={!props.ready}
            onClick={() => props.onTool(t)}
          >
            {label}
          </button>
        ))}
      </div>
      <p className="hint small" data-testid="editor-tool-hint">
        {HINT[props.tool]}
      </p>
      <div className="row">
        <label className="inline" htmlFor="editor-new-kind">
          New zones are
        </label>
        <select
          id="editor-new-kind"
          data-testid="editor-new-kind"
          value={props.newKind}
          onChange={(e) => props.onNewKind(e.target.value as ZoneKind)}
        >
          {ZONE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_STYLE[k].label}
            </option>
          ))}
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          data-testid="editor-snap"
          checked={props.snap}
          onChange={(e) => props.onSnap(e.target.checked)}
        />
        Snap corners to{' '}
        {props.shown === 'aleppo_neighbourhoods' ? 'Aleppo neighbourhoods' : 'district boundaries'}{' '}
        (the thin lines on the map)
      </label>
      <NeighbourhoodPicker neighbourhoods={props.neighbourhoods} onAdd={props.onAddNeighbourhood} />
    </section>
  );
}
