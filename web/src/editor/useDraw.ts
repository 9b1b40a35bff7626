// Drawing and editing zone outlines with terra-draw on the editor's MapLibre map. Each polygon part
// of a zone is one terra-draw feature tagged with the zone's key; what the mediator draws or edits
// on the map comes back as new zones, new outlines or deleted zones. An outline that was not
// touched on the map is never rewritten from terra-draw's copy, so it stays byte for byte as loaded.
import type * as maplibregl from 'maplibre-gl';
import type { Polygon, Position } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import {
  TerraDraw,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type HexColor,
  type SnapToCustom,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { KIND_STYLE } from '../map/zoneStyle.ts';
import { ZONE_KINDS, type ZoneKind } from '../types.ts';
import { geometryOf, partsOf, type EditorZone } from './zones.ts';

export type DrawMode = 'select' | 'polygon' | 'static';

export interface DrawEdit {
  /** Zones drawn on the map (one polygon each). */
  added: EditorZone[];
  /** New outlines of zones edited on the map. */
  reshaped: { key: string; geometry: EditorZone['geometry'] }[];
  /** Zones whose every part was deleted on the map. */
  removed: string[];
}

export interface DrawOptions {
  /** Kind of what is being drawn (the colour of a polygon before it is a zone). */
  drawKind: ZoneKind;
  /** Makes the zone for a polygon just drawn (key, name, kind). */
  newZone: (polygon: Polygon) => EditorZone;
  /** The boundary position a pointer snaps to, if any. */
  snap: (x: number, y: number, project: Project, unproject: Unproject) => Position | undefined;
  onEdit: (edit: DrawEdit) => void;
}

type Project = (lng: number, lat: number) => { x: number; y: number };
type Unproject = (x: number, y: number) => { lng: number; lat: number };

export interface DrawApi {
  ready: boolean;
  mode: DrawMode;
  instance: TerraDraw | null;
  setMode: (mode: DrawMode) => void;
  /** Replaces every outline; returns the keys of zones the map could not take (kept as they are). */
  load: (zones: readonly EditorZone[]) => string[];
  /** Adds a zone's outline; false when the map cannot take it (it is then kept as it is). */
  add: (zone: EditorZone) => boolean;
  remove: (key: string) => void;
  setKind: (key: string, kind: ZoneKind) => void;
  select: (key: string) => void;
}

interface Entry {
  ids: (string | number)[];
  /** The parts' coordinates as terra-draw holds them, when last read: a change means an edit. */
  snapshot: string;
}

const kindOf = (f: GeoJSONStoreFeatures, fallback: ZoneKind): ZoneKind => {
  const k = f.properties.kind;
  return (ZONE_KINDS as readonly unknown[]).includes(k) ? (k as ZoneKind) : fallback;
};

export function useDraw(map: maplibregl.Map | null, options: DrawOptions): DrawApi {
  const [instance, setInstance] = useState<TerraDraw | null>(null);
  const [mode, setModeState] = useState<DrawMode>('select');
  const opts = useRef(options);
  opts.current = options;
  const entries = useRef(new Map<string, Entry>());

  useEffect(() => {
    if (!map) return;
    const colour = (f: GeoJSONStoreFeatures) =>
      KIND_STYLE[kindOf(f, opts.current.drawKind)].colour as HexColor;
    const fill = (f: GeoJSONStoreFeatures) =>
      Math.min(0.35, KIND_STYLE[kindOf(f, opts.current.drawKind)].fillOpacity);
    const toCustom: SnapToCustom = (e, ctx) =>
      opts.current.snap(e.containerX, e.containerY, ctx.project, ctx.unproject);
    const td = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
      modes: [
        new TerraDrawPolygonMode({
          snapping: { toCustom },
          pointerDistance: 20,
          styles: {
            fillColor: colour,
            fillOpacity: fill,
            // Hard lines: solid, 2 px, in the kind's colour.
            outlineColor: colour,
            outlineWidth: 2,
            closingPointColor: '#ffffff',
            closingPointOutlineColor: '#1c2329',
            closingPointOutlineWidth: 2,
            snappingPointColor: '#ffbf00',
          },
        }),
        new TerraDrawSelectMode({
          pointerDistance: 20,
          flags: {
            polygon: {
              feature: {
                draggable: true,
                // The server is the judge of shape: a crossing is allowed here and shown as an error.
                selfIntersectable: true,
                coordinates: {
                  draggable: true,
                  deletable: true,
                  midpoints: true,
                  snappable: { toCustom },
                },
              },
            },
          },
          styles: {
            selectedPolygonColor: colour,
            selectedPolygonOutlineColor: colour,
            selectedPolygonOutlineWidth: 3,
            selectedPolygonFillOpacity: 0.35,
            selectionPointColor: '#ffffff',
            selectionPointOutlineColor: '#1c2329',
            selectionPointOutlineWidth: 2,
            selectionPointWidth: 5,
            midPointColor: '#ffbf00',
            midPointOutlineColor: '#1c2329',
            midPointOutlineWidth: 1,
            midPointWidth: 4,
          },
        }),
      ],
    });
    td.start();
    td.setMode('select');
    entries.current.clear();

    // What the map now holds, compared with what was last read: drawn, reshaped, deleted zones.
    const sync = () => {
      const byKey = new Map<string, { part: number; coords: Position[][] }[]>();
      const untagged: GeoJSONStoreFeatures<Polygon>[] = [];
      for (const f of td.getSnapshot()) {
        if (f.geometry.type !== 'Polygon' || f.properties.currentlyDrawing) continue;
        const key = f.properties.zoneKey;
        if (typeof key !== 'string') {
          untagged.push(f as GeoJSONStoreFeatures<Polygon>);
          continue;
        }
        const list = byKey.get(key) ?? [];
        list.push({ part: Number(f.properties.part) || 0, coords: f.geometry.coordinates });
        byKey.set(key, list);
      }
      const edit: DrawEdit = { added: [], reshaped: [], removed: [] };
      for (const [key, entry] of entries.current) {
        const parts = byKey.get(key);
        if (!parts) {
          entries.current.delete(key);
          edit.removed.push(key);
          continue;
        }
        parts.sort((a, b) => a.part - b.part);
        const snapshot = JSON.stringify(parts.map((p) => p.coords));
        if (snapshot === entry.snapshot) continue;
        entry.snapshot = snapshot;
        edit.reshaped.push({ key, geometry: geometryOf(parts.map((p) => p.coords)) });
      }
      for (const f of untagged) {
        const zone = opts.current.newZone(f.geometry);
        td.updateFeatureProperties(f.id!, { zoneKey: zone.key, part: 0, kind: zone.kind });
        entries.current.set(zone.key, {
          ids: [f.id!],
          snapshot: JSON.stringify([f.geometry.coordinates]),
        });
        edit.added.push({ ...zone, geometry: f.geometry });
      }
      if (edit.added.length + edit.reshaped.length + edit.removed.length > 0)
        opts.current.onEdit(edit);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(sync, ms);
    };
    // A finished drawing or edit is read at once; other changes once the pointer rests.
    td.on('finish', () => later(0));
    td.on('change', (_ids, _type, context) => {
      if (context && 'origin' in context && context.origin === 'api') return;
      later(300);
    });
    setInstance(td);
    setModeState('select');
    return () => {
      clearTimeout(timer);
      setInstance(null);
      entries.current.clear();
      // The map may already be gone (the screen unmounts the map first): stopping is best effort.
      try {
        td.stop();
      } catch {
        // nothing left to clean up
      }
    };
  }, [map]);

  const add = (zone: EditorZone): boolean => {
    const td = instance;
    if (!td || !zone.editable) return false;
    const features: GeoJSONStoreFeatures[] = partsOf(zone.geometry).map((coordinates, part) => ({
      type: 'Feature',
      id: td.getFeatureId(),
      geometry: { type: 'Polygon', coordinates },
      properties: { mode: 'polygon', zoneKey: zone.key, part, kind: zone.kind },
    }));
    const results = td.addFeatures(features);
    const ids = features.map((f) => f.id!);
    if (results.some((r) => !r.valid)) {
      td.removeFeatures(ids.filter((id) => td.hasFeature(id)));
      return false;
    }
    const snapshot = JSON.stringify(
      ids.map((id) => (td.getSnapshotFeature(id)!.geometry as Polygon).coordinates),
    );
    entries.current.set(zone.key, { ids, snapshot });
    return true;
  };

  const remove = (key: string) => {
    const td = instance;
    const entry = entries.current.get(key);
    entries.current.delete(key);
    if (!td || !entry) return;
    const present = entry.ids.filter((id) => td.hasFeature(id));
    if (td.getMode() === 'select')
      for (const id of present)
        if (td.getSnapshotFeature(id)?.properties.selected) td.deselectFeature(id);
    td.removeFeatures(present.filter((id) => td.hasFeature(id)));
  };

  return {
    ready: instance !== null,
    mode,
    instance,
    setMode: (m) => {
      instance?.setMode(m);
      setModeState(m);
    },
    load: (zones) => {
      if (!instance) return zones.map((z) => z.key);
      for (const key of [...entries.current.keys()]) remove(key);
      instance.clear();
      entries.current.clear();
      return zones.filter((z) => !add(z)).map((z) => z.key);
    },
    add,
    remove,
    setKind: (key, kind) => {
      for (const id of entries.current.get(key)?.ids ?? [])
        if (instance?.hasFeature(id)) instance.updateFeatureProperties(id, { kind });
    },
    select: (key) => {
      const id = entries.current.get(key)?.ids.find((x) => instance?.hasFeature(x));
      if (!instance || id === undefined) return;
      instance.setMode('select');
      setModeState('select');
      instance.selectFeature(id);
    },
  };
}
