// The zones being edited, one row each: name and kind (editable), area from the server's check,
// whether the outline is valid, where it came from, and buttons to show it on the map or delete it.
import { KindSwatch } from '../map/Legend.tsx';
import { KIND_STYLE } from '../map/zoneStyle.ts';
import { ZONE_KINDS, type ZoneKind } from '../types.ts';
import type { ZoneCheck } from './issues.ts';
import type { EditorZone } from './zones.ts';

const ORIGIN: Record<EditorZone['origin'], string> = {
  version: 'from the version',
  proposal: 'from the proposal',
  drawn: 'drawn here',
  neighbourhood: 'neighbourhood outline (OCHA)',
};

export function stateOf(check: ZoneCheck | undefined): string {
  if (!check) return 'checking';
  if (check.status !== 'done') return check.status;
  return check.valid ? 'valid' : 'invalid';
}

function CheckState({ check }: { check: ZoneCheck | undefined }) {
  if (!check || check.status === 'checking')
    return <span className="zone-state checking">checking…</span>;
  if (check.status === 'failed') return <span className="zone-state failed">{check.error}</span>;
  if (check.valid)
    return (
      <span className="zone-state valid">
        <span aria-hidden="true">✓</span> valid
      </span>
    );
  const n = check.issues.length;
  return (
    <span className="zone-state invalid">
      <span aria-hidden="true">✗</span> {n} problem{n === 1 ? '' : 's'}
    </span>
  );
}

export function EditedZones(props: {
  zones: readonly EditorZone[];
  checks: Record<string, ZoneCheck>;
  /** Errors the server gave for a zone when the proposal was put out. */
  errors: Record<string, string>;
  onRename: (key: string, name: string) => void;
  onKind: (key: string, kind: ZoneKind) => void;
  onShow: (key: string) => void;
  onRemove: (key: string) => void;
}) {
  const { zones, checks } = props;
  if (zones.length === 0)
    return (
      <p className="hint" data-testid="editor-no-zones">
        No zones yet: draw one, or add a neighbourhood’s outline.
      </p>
    );
  return (
    <ol className="edited-zones" data-testid="editor-zones">
      {zones.map((z) => {
        const check = checks[z.key];
        const state = stateOf(check);
        const nameId = `zone-name-${z.key}`;
        const errorId = `zone-error-${z.key}`;
        const nameMissing = z.name.trim() === '';
        const error = props.errors[z.key] ?? (nameMissing ? 'Give the zone a name.' : null);
        return (
          <li
            key={z.key}
            className={`edited-zone state-${state}`}
            data-testid="editor-zone"
            data-zone-key={z.key}
            data-state={state}
            data-kind={z.kind}
          >
            <div className="zone-head">
              <KindSwatch kind={z.kind} />
              <label htmlFor={nameId} className="sr-only">
                Name of zone {z.key}
              </label>
              <input
                id={nameId}
                data-testid="zone-name"
                value={z.name}
                maxLength={200}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) => props.onRename(z.key, e.target.value)}
              />
            </div>
            <div className="zone-row">
              <label className="inline">
                <span className="sr-only">Kind of {z.name || z.key}</span>
                <select
                  data-testid="zone-kind"
                  value={z.kind}
                  onChange={(e) => props.onKind(z.key, e.target.value as ZoneKind)}
                >
                  {ZONE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {KIND_STYLE[k].label}
                    </option>
                  ))}
                </select>
              </label>
              <span className="zone-area" data-testid="zone-area">
                {check?.area_km2 != null ? `${check.area_km2.toFixed(3)} km²` : '— km²'}
              </span>
              <CheckState check={check} />
            </div>
            <div className="zone-row">
              <span className="muted small">
                <code>{z.key}</code> · {ORIGIN[z.origin]}
                {!z.editable && ' · outline kept as it is (holes cannot be edited on this map)'}
              </span>
            </div>
            {error && (
              <p className="error small" id={errorId} role="alert">
                {error}
              </p>
            )}
            <div className="zone-row">
              <button
                type="button"
                className="secondary small"
                data-testid="zone-show"
                onClick={() => props.onShow(z.key)}
              >
                Show<span className="sr-only"> {z.name}</span>
              </button>
              <button
                type="button"
                className="secondary small danger"
                data-testid="zone-delete"
                onClick={() => props.onRemove(z.key)}
              >
                Delete<span className="sr-only"> {z.name}</span>
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
