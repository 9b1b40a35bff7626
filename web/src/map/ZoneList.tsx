// The zones in force at the instant, one item per zone of the map's zone source (same array), each
// a button that selects the zone and shows its details.
import { formatWindow } from '../time.ts';
import type { ZoneFeature } from '../types.ts';
import { KindSwatch } from './Legend.tsx';
import { KIND_STYLE } from './zoneStyle.ts';

export function ZoneList(props: {
  zones: ZoneFeature[];
  selectedId: string | null;
  loading: boolean;
  /** The instant the list answers (ISO). */
  at: string | null;
  onSelect: (zoneId: string) => void;
}) {
  const { zones } = props;
  return (
    <section className="panel" aria-labelledby="zones-title">
      <h2 id="zones-title">
        Zones in force <span className="count">{zones.length}</span>
      </h2>
      <ul
        className="zone-list"
        data-testid="zones-in-force"
        aria-busy={props.loading}
        data-at={props.at ?? undefined}
        aria-live="polite"
      >
        {zones.map((z) => {
          const p = z.properties;
          const id = String(z.id);
          return (
            <li
              key={id}
              data-testid="zone-item"
              data-zone-key={p.key}
              data-zone-id={id}
              data-agreement={p.agreement_id}
              data-version={p.version_label ?? ''}
              data-kind={p.kind}
            >
              <button
                type="button"
                className="zone-button"
                aria-pressed={props.selectedId === id}
                onClick={() => props.onSelect(id)}
              >
                <KindSwatch kind={p.kind} />
                <span className="zone-text">
                  <strong>{p.name}</strong>
                  <span className="muted">
                    {KIND_STYLE[p.kind]?.label ?? p.kind} · {p.agreement_id} {p.version_label}
                  </span>
                  <span className="muted small">{formatWindow(p.valid_from, p.valid_until)}</span>
                </span>
              </button>
            </li>
          );
        })}
        {zones.length === 0 && !props.loading && (
          <li className="muted">No agreement is in force at this instant.</li>
        )}
      </ul>
    </section>
  );
}
