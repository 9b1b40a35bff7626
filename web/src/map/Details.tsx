// The details panel: a selected zone (its agreement, version, window, kind and terms) or a selected
// incident (its reports with graded sources, casualties low / best / high, and its violations).
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api.ts';
import { formatInstant, formatWindow } from '../time.ts';
import type { Agreement, IncidentDetail, Range3, ZoneFeature } from '../types.ts';
import { KIND_STYLE } from './zoneStyle.ts';

const range = (r: Range3 | null | undefined) =>
  r && (r.low !== null || r.best !== null || r.high !== null)
    ? `${r.low ?? '?'} / ${r.best ?? '?'} / ${r.high ?? '?'}`
    : 'unknown';

export function ZoneDetails(props: {
  zone: ZoneFeature;
  agreements: Agreement[];
  onClose: () => void;
}) {
  const p = props.zone.properties;
  const agreement = props.agreements.find((a) => a.id === p.agreement_id);
  const version = agreement?.versions?.find((v) => v.id === p.version_id);
  const terms = version?.terms ?? '';
  return (
    <section className="panel details" data-testid="zone-details" aria-labelledby="zone-title">
      <div className="panel-head">
        <h2 id="zone-title">{p.name}</h2>
        <button type="button" className="secondary small" onClick={props.onClose}>
          Close
        </button>
      </div>
      <dl>
        <dt>Agreement</dt>
        <dd>{agreement?.title ?? p.agreement_id}</dd>
        <dt>Version</dt>
        <dd>{p.version_label}</dd>
        <dt>Window (UTC, half-open)</dt>
        <dd>{formatWindow(p.valid_from, p.valid_until)}</dd>
        <dt>Kind</dt>
        <dd>
          {KIND_STYLE[p.kind]?.label ?? p.kind} — {KIND_STYLE[p.kind]?.description}
        </dd>
        <dt>Area</dt>
        <dd>{p.area_km2.toLocaleString('en')} km²</dd>
        {version && (
          <>
            <dt>Signed by</dt>
            <dd>{version.signed_by.join(', ')}</dd>
          </>
        )}
      </dl>
      {terms && (
        <blockquote className="terms">
          {terms.length > 400 ? `${terms.slice(0, 400)}…` : terms}
        </blockquote>
      )}
    </section>
  );
}

export function IncidentDetails(props: { incidentId: string; onClose: () => void }) {
  const [incident, setIncident] = useState<IncidentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setIncident(null);
    setError(null);
    api
      .incident(props.incidentId)
      .then((i) => live && setIncident(i))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [props.incidentId]);

  return (
    <section
      className="panel details"
      data-testid="incident-details"
      aria-labelledby="incident-title"
      aria-busy={!incident && !error}
    >
      <div className="panel-head">
        <h2 id="incident-title">Incident {incident?.external_id ?? ''}</h2>
        <button type="button" className="secondary small" onClick={props.onClose}>
          Close
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!incident && !error && <p className="muted">Loading…</p>}
      {incident && <IncidentBody incident={incident} />}
    </section>
  );
}

function IncidentBody({ incident: i }: { incident: IncidentDetail }) {
  return (
    <>
      <dl>
        <dt>Event</dt>
        <dd>
          {i.event_type}
          {i.sub_event_type ? ` — ${i.sub_event_type}` : ''}
        </dd>
        <dt>When</dt>
        <dd>
          {formatInstant(i.occurred_from)}
          {i.occurred_until !== i.occurred_from ? ` → ${formatInstant(i.occurred_until)}` : ''}
        </dd>
        <dt>Where</dt>
        <dd>
          {i.location ? `${i.location} · ` : ''}
          {i.lat.toFixed(4)}° N, {i.lon.toFixed(4)}° E (±
          {Math.round(i.uncertainty_m).toLocaleString('en')} m)
        </dd>
        {i.actor1 && (
          <>
            <dt>Actors</dt>
            <dd>{[i.actor1, i.actor2].filter(Boolean).join(' vs ')}</dd>
          </>
        )}
        <dt>Killed (low / best / high)</dt>
        <dd data-testid="casualties-killed">{range(i.casualties.killed)}</dd>
        <dt>Injured (low / best / high)</dt>
        <dd>{range(i.casualties.injured)}</dd>
        <dt>Corroborated</dt>
        <dd>{i.corroborated ? 'yes' : 'no'}</dd>
      </dl>
      <h3>Reports ({i.reports.length})</h3>
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Grade</th>
            <th scope="col">Killed</th>
          </tr>
        </thead>
        <tbody>
          {i.reports.map((r) => (
            <tr key={r.id} data-testid="incident-report">
              <td>
                {r.reference && /^https?:\/\//.test(r.reference) ? (
                  <a href={r.reference} rel="noreferrer" target="_blank">
                    {r.source_name}
                  </a>
                ) : (
                  r.source_name
                )}
              </td>
              <td>
                <abbr title="Admiralty grade: source reliability (A–F) and information credibility (1–6)">
                  {r.grade}
                </abbr>
              </td>
              <td>{range(r.killed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Violations ({i.violations.length})</h3>
      <ul className="violations">
        {i.violations.map((v) => (
          <li key={v.id} data-testid="incident-violation" data-certainty={v.certainty}>
            <strong>{v.certainty}</strong> · {v.zone_name} ({v.agreement_id} {v.version_label}) ·
            status <em>{v.status.replace('_', ' ')}</em>
          </li>
        ))}
        {i.violations.length === 0 && <li className="muted">None.</li>}
      </ul>
    </>
  );
}
