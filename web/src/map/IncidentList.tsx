// The single incidents in view as a list of buttons, so every incident on the map can also be
// reached and opened with the keyboard (clusters are summarised: zoom in to list their incidents).
import type { IncidentMapCollection, IncidentPointProps } from '../types.ts';
import { formatInstant } from '../time.ts';
import { CertaintySwatch } from './Legend.tsx';

const MAX = 40;

export function IncidentList(props: {
  incidents: IncidentMapCollection | null;
  onSelect: (id: string) => void;
}) {
  const features = props.incidents?.features ?? [];
  const singles = features
    .map((f) => f.properties)
    .filter((p): p is IncidentPointProps => p.cluster !== true);
  const clustered = features.reduce(
    (n, f) => n + (f.properties.cluster === true ? f.properties.point_count : 0),
    0,
  );
  return (
    <details className="panel incident-list">
      <summary>
        Incidents in view ({singles.length}
        {clustered > 0 ? ` + ${clustered} in clusters` : ''})
      </summary>
      <ul>
        {singles.slice(0, MAX).map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="link-button"
              data-testid="incident-item"
              onClick={() => props.onSelect(p.id)}
            >
              <CertaintySwatch certainty={p.violation} />
              <span>
                {p.external_id ?? p.id} · {p.sub_event_type ?? p.event_type} ·{' '}
                {formatInstant(p.occurred_from).slice(0, 10)}
                {p.fatalities ? ` · ${p.fatalities} killed` : ''}
                <span className="sr-only">
                  {' '}
                  · {p.violation === 'none' ? 'no violation' : `${p.violation} violation`}
                </span>
              </span>
            </button>
          </li>
        ))}
        {singles.length > MAX && <li className="muted">… and {singles.length - MAX} more</li>}
      </ul>
    </details>
  );
}
