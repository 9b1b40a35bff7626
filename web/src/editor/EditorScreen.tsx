// The zone editor (#/editor, mediators): start from the zones of an agreement's version in force (or
// an open proposal, or nothing), draw and edit outlines with hard lines, snap to OCHA's Aleppo
// neighbourhoods or districts or copy a neighbourhood's exact outline, see the server's validation
// on the map where each problem is, and save the result as a new proposal — never as an edit of a
// signed version. `window.__trucelineEditor` lets browser tests read the drawing's state.
import type * as maplibregl from 'maplibre-gl';
import type { MultiPolygon, Polygon } from 'geojson';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import './editor.css';
import { ErrorText } from '../components.tsx';
import { bboxOf } from '../map/geo.ts';
import { useAgreements } from '../map/useMapData.ts';
import { replaceHashParams } from '../route.ts';
import type { User, ZoneKind } from '../types.ts';
import { useBoundaries, useNeighbourhoodPick, useShownBoundary } from './boundaries.ts';
import { EditedZones } from './EditedZones.tsx';
import { EditorMap } from './EditorMap.tsx';
import { IssueList } from './IssueList.tsx';
import { ProposalForm } from './ProposalForm.tsx';
import { StartChooser, type Start } from './StartChooser.tsx';
import { Tools, type Tool } from './Tools.tsx';
import { baseVersion, useAgreementData } from './useAgreementData.ts';
import { useDraw, type DrawApi } from './useDraw.ts';
import { useLoadStart } from './useLoadStart.ts';
import { placeIssues, saveBlockers, type PlacedIssue } from './issues.ts';
import { useIssueMarkers, useValidation } from './validation.ts';
import { asFeatures, newZoneKey, zoneReducer, type EditorZone } from './zones.ts';

declare global {
  interface Window {
    __trucelineEditor?: {
      draw: DrawApi['instance'];
      zones: () => readonly EditorZone[];
      issues: () => readonly PlacedIssue[];
    };
  }
}

const NEIGHBOURHOOD_SOURCE_NOTE = 'UN OCHA COD-AB Aleppo neighbourhoods (2016), CC BY-IGO';

export function EditorScreen(props: { user: User; params: URLSearchParams }) {
  const agreements = useAgreements();
  const boundaries = useBoundaries();
  const [start, setStart] = useState<Start | null>(null);
  const data = useAgreementData(start?.agreementId ?? null);
  const [{ zones, dirty }, dispatch] = useReducer(zoneReducer, { zones: [], dirty: false });
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [tool, setTool] = useState<Tool>('select');
  const [newKind, setNewKind] = useState<ZoneKind>('safe_zone');
  const [snapOn, setSnapOn] = useState(true);
  const [announce, setAnnounce] = useState('');
  const [activeIssue, setActiveIssue] = useState<number | null>(null);
  const [zoneErrors, setZoneErrors] = useState<Record<string, string>>({});
  const shown = useShownBoundary(map, boundaries.data);
  const zonesRef = useRef(zones);
  zonesRef.current = zones;
  const live = useRef({ snapOn, shown, boundaries: boundaries.data, newKind });
  live.current = { snapOn, shown, boundaries: boundaries.data, newKind };

  const draw = useDraw(map, {
    drawKind: newKind,
    newZone: (polygon) => {
      const names = new Set(zonesRef.current.map((z) => z.name));
      let n = 1;
      while (names.has(`New zone ${n}`)) n++;
      const name = `New zone ${n}`;
      const key = newZoneKey(name, new Set(zonesRef.current.map((z) => z.key)));
      const kind = live.current.newKind;
      return { key, name, kind, extras: {}, geometry: polygon, origin: 'drawn', editable: true };
    },
    snap: (x, y, project, unproject) => {
      const { snapOn: on, boundaries: b, shown: layer } = live.current;
      return on && b ? b.snap[layer].snap(x, y, project, unproject) : undefined;
    },
    onEdit: (edit) => {
      for (const zone of edit.added) dispatch({ type: 'add', zone });
      for (const r of edit.reshaped) dispatch({ type: 'geometry', ...r });
      for (const key of edit.removed) dispatch({ type: 'remove', key });
      const names = edit.added.map((z) => z.name).join(', ');
      const what = edit.removed.length > 0 ? 'Deleted a zone.' : 'Outline changed.';
      setAnnounce(names ? `Drew ${names}.` : what);
    },
  });

  // The agreement first shown: the one in the address, else one with a version in force now.
  useEffect(() => {
    if (start || !agreements.data?.length) return;
    const list = agreements.data;
    const inForce = list.find((a) => baseVersion(a.versions ?? [], Date.now()).inForce);
    const asked = list.find((a) => a.id === props.params.get('agreement'));
    setStart({ agreementId: (asked ?? inForce ?? list[0]!).id, from: 'base' });
  }, [agreements.data]);
  useEffect(() => {
    if (start) replaceHashParams('editor', { agreement: start.agreementId });
  }, [start?.agreementId]);

  const { loaded, error: loadError } = useLoadStart(start, data.data, draw, dispatch, (next) => {
    setZoneErrors({});
    setAnnounce(`Loaded ${next.length} zone${next.length === 1 ? '' : 's'}.`);
    if (next.length > 0) fitTo(next.map((z) => z.geometry));
  });

  useNeighbourhoodPick(map, tool === 'pick', (pcode) => {
    if (pcode) addNeighbourhood(pcode, false);
    else setAnnounce('No neighbourhood there: zoom into Aleppo and click inside one.');
  });

  const checks = useValidation(zones);
  const issues = useMemo(() => placeIssues(zones, checks), [zones, checks]);
  const issuesRef = useRef(issues);
  issuesRef.current = issues;
  useEffect(() => setActiveIssue(null), [issues]);
  const showIssue = (i: number) => {
    const at = issues[i]?.at;
    setActiveIssue(i);
    if (map && at)
      map.flyTo({ center: [at[0]!, at[1]!], zoom: Math.max(map.getZoom(), 15), duration: 400 });
  };
  useIssueMarkers(map, issues, activeIssue, showIssue);

  useEffect(() => {
    window.__trucelineEditor = {
      draw: draw.instance,
      zones: () => zonesRef.current,
      issues: () => issuesRef.current,
    };
    return () => {
      delete window.__trucelineEditor;
    };
  }, [draw.instance]);

  function fitTo(geometries: (Polygon | MultiPolygon)[]) {
    if (!map) return;
    const [w, s, e, n] = bboxOf(geometries.map((g) => g.coordinates));
    if (w <= e) map.fitBounds([w, s, e, n], { padding: 60, maxZoom: 15, duration: 0 });
  }

  function addNeighbourhood(pcode: string, show: boolean) {
    const { boundaries: b, newKind: kind } = live.current;
    const f = b?.neighbourhoods.features.find((x) => x.properties.pcode === pcode);
    if (!f) return;
    const zone: EditorZone = {
      key: newZoneKey(f.properties.name_en, new Set(zonesRef.current.map((z) => z.key))),
      name: f.properties.name_en,
      kind,
      extras: { source: NEIGHBOURHOOD_SOURCE_NOTE, pcodes: [pcode] },
      geometry: structuredClone(f.geometry),
      origin: 'neighbourhood',
      editable: true,
    };
    const ok = draw.add(zone);
    dispatch({ type: 'add', zone: ok ? zone : { ...zone, editable: false } });
    setAnnounce(`Added ${zone.name} with its exact outline.`);
    if (show) fitTo([zone.geometry]);
  }

  const agreement = agreements.data?.find((a) => a.id === start?.agreementId) ?? null;
  const base = data.data?.base ?? null;
  const baseKeys = new Set((base?.zones.features ?? []).map((f) => f.properties.key));
  const added = zones.filter((z) => !baseKeys.has(z.key)).length;
  const removed = [...baseKeys].filter((k) => !zones.some((z) => z.key === k)).length;
  const blockers = loaded ? saveBlockers(zones, checks) : ['Loading the zones…'];
  const fixed = useMemo(() => asFeatures(zones.filter((z) => !z.editable)), [zones]);
  const labels = useMemo(() => asFeatures(zones), [zones]);

  return (
    <main className="editor-screen" data-testid="editor-screen">
      <aside className="editor-side">
        <section className="panel" aria-labelledby="editor-title">
          <h2 id="editor-title">Zone editor</h2>
          <ErrorText error={agreements.error ?? data.error ?? loadError} testId="editor-error" />
          <StartChooser
            agreements={agreements.data ?? []}
            data={data.data}
            start={start}
            dirty={dirty}
            onStart={setStart}
          />
        </section>
        <ErrorText error={boundaries.error} />
        <Tools
          tool={tool}
          ready={draw.ready}
          onTool={(t) => {
            setTool(t);
            draw.setMode(t === 'pick' ? 'static' : t);
          }}
          newKind={newKind}
          onNewKind={setNewKind}
          snap={snapOn}
          onSnap={setSnapOn}
          shown={shown}
          neighbourhoods={boundaries.data?.neighbourhoods ?? null}
          onAddNeighbourhood={(pcode) => addNeighbourhood(pcode, true)}
        />
        <section className="panel" aria-labelledby="editor-zones-title">
          <h2 id="editor-zones-title">
            Zones <span className="count">{zones.length}</span>
          </h2>
          {base && (
            <p className="hint small" data-testid="editor-diff-summary">
              Against version {base.label}: {added} new, {removed} removed.
            </p>
          )}
          <EditedZones
            zones={zones}
            checks={checks}
            errors={zoneErrors}
            onRename={(key, name) => dispatch({ type: 'rename', key, name })}
            onKind={(key, kind) => {
              draw.setKind(key, kind);
              dispatch({ type: 'kind', key, kind });
            }}
            onShow={(key) => {
              const z = zonesRef.current.find((x) => x.key === key);
              if (!z) return;
              fitTo([z.geometry]);
              if (!z.editable) return;
              draw.select(key);
              setTool('select');
            }}
            onRemove={(key) => {
              const z = zonesRef.current.find((x) => x.key === key);
              draw.remove(key);
              dispatch({ type: 'remove', key });
              setAnnounce(`Deleted ${z?.name || key}.`);
            }}
          />
        </section>
        <IssueList issues={issues} active={activeIssue} onSelect={showIssue} />
        <section className="panel" aria-labelledby="editor-save-title">
          <h2 id="editor-save-title">Save as a proposal</h2>
          {agreement && data.data && loaded ? (
            <ProposalForm
              key={`${agreement.id}|${loaded.at}`}
              agreement={agreement}
              base={base}
              versions={data.data.versions}
              proposals={data.data.proposals}
              terms={loaded.terms}
              zones={zones}
              blockers={blockers}
              onZoneError={(key, message) => setZoneErrors((e) => ({ ...e, [key]: message }))}
            />
          ) : (
            <p role="status">Loading…</p>
          )}
        </section>
      </aside>
      <div className="editor-map-wrap">
        <EditorMap fixed={fixed} labels={labels} onMap={setMap} />
        <p className="sr-only" role="status" aria-live="polite" data-testid="editor-announce">
          {announce}
        </p>
      </div>
    </main>
  );
}
