// The confirmation after a save: the new incident's id, what was recorded, the violations the
// server detected for it (zone, agreement and version, certainty, status), the claim it accepted,
// and links to the map at the incident's time and to the violation desk.
import { useEffect, useRef } from 'react';
import { CertaintyBadge, StatusBadge } from '../components.tsx';
import { KIND_STYLE } from '../map/zoneStyle.ts';
import { formatInstant } from '../time.ts';
import type { ZoneKind } from '../types.ts';
import type { SavedIncident as Saved } from './entryTypes.ts';

const STATUS_TEXT: Record<Saved['status'], string> = {
  added: 'Incident recorded',
  updated: 'Incident updated',
  unchanged: 'Incident already recorded, unchanged',
};

export function SavedIncident(props: { saved: Saved; onDismiss: () => void }) {
  const { incident: i, violations, claim } = props.saved;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [props.saved]);
  const when =
    i.occurred_from === i.occurred_until
      ? formatInstant(i.occurred_from)
      : `${formatInstant(i.occurred_from)} → ${formatInstant(i.occurred_until)}`;
  const mapHref = `#/map?${new URLSearchParams({ at: i.occurred_from }).toString()}`;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="panel saved-incident"
      data-testid="entry-saved"
      data-incident-id={i.id}
      role="status"
      aria-labelledby="entry-saved-title"
    >
      <div className="panel-head">
        <h2 id="entry-saved-title">{STATUS_TEXT[props.saved.status]}</h2>
        <button type="button" className="secondary small" onClick={props.onDismiss}>
          Dismiss
        </button>
      </div>
      <p>
        Incident <code data-testid="entry-saved-id">{i.id}</code>: {i.event_type}
        {i.sub_event_type ? ` / ${i.sub_event_type}` : ''}, {when}, at {i.lat.toFixed(5)}°N{' '}
        {i.lon.toFixed(5)}°E
        {i.uncertainty_m > 0 ? ` ± ${i.uncertainty_m.toLocaleString('en')} m` : ''}
        {i.location ? ` (${i.location})` : ''}; {i.report_count} report(s).
      </p>
      {claim && (
        <p data-testid="entry-saved-claim">
          Claim {claim.idx + 1} of the article is now <strong>{claim.status}</strong>.
        </p>
      )}
      <h3>Violations detected</h3>
      {violations.length === 0 ? (
        <p data-testid="entry-saved-no-violation">
          None: no zone in force at that time prohibits this event there.
        </p>
      ) : (
        <ul className="saved-violations">
          {violations.map((v) => (
            <li key={v.id} data-testid="entry-saved-violation" data-zone-key={v.zone_key}>
              <CertaintyBadge certainty={v.certainty} /> <strong>{v.zone_name}</strong> (
              {KIND_STYLE[v.zone_kind as ZoneKind]?.label ?? v.zone_kind}) — {v.agreement_id}{' '}
              {v.version_label} <StatusBadge status={v.status} />
            </li>
          ))}
        </ul>
      )}
      <p className="row">
        <a href={mapHref} data-testid="entry-saved-map-link">
          See it on the map at {formatInstant(i.occurred_from)}
        </a>
        {violations.length > 0 && <a href="#/desk">Open the violation desk</a>}
      </p>
    </section>
  );
}
