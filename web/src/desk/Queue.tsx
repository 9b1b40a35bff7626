// The queue table: one focusable row per violation (roving tabindex: the selected row is the tab
// stop), status and certainty in words, and a "changed" tag on rows the live feed just touched.
import { useEffect, useRef } from 'react';
import { CertaintyBadge, StatusBadge } from '../components.tsx';
import { formatInstant } from '../time.ts';
import type { Violation } from '../types.ts';

export function Queue(props: {
  items: Violation[];
  selectedId: string | null;
  fresh: ReadonlyMap<string, number>;
  /** Move keyboard focus to the selected row when the selection changes. */
  focusSelected: boolean;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  useEffect(() => {
    if (props.focusSelected && props.selectedId) rows.current.get(props.selectedId)?.focus();
  }, [props.selectedId, props.focusSelected]);

  return (
    <table className="queue" aria-label="Violation queue" aria-describedby="queue-keys">
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Incident</th>
          <th scope="col">Zone</th>
          <th scope="col">Certainty</th>
          <th scope="col">Event</th>
          <th scope="col">Occurred (UTC)</th>
          <th scope="col">Killed</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((v) => {
          const selected = v.id === props.selectedId;
          const fresh = props.fresh.has(v.id);
          return (
            <tr
              key={v.id}
              ref={(el) => {
                if (el) rows.current.set(v.id, el);
                else rows.current.delete(v.id);
              }}
              data-testid="queue-row"
              data-violation-id={v.id}
              data-status={v.status}
              data-fresh={fresh ? 'true' : undefined}
              className={`${selected ? 'selected' : ''} ${fresh ? 'fresh' : ''}`}
              tabIndex={selected ? 0 : -1}
              aria-selected={selected}
              onClick={() => props.onSelect(v.id)}
              onDoubleClick={() => props.onOpen(v.id)}
              onFocus={() => !selected && props.onSelect(v.id)}
            >
              <td>
                <StatusBadge status={v.status} />
                {fresh && <span className="fresh-tag">changed</span>}
              </td>
              <td>{v.incident_ref}</td>
              <td>
                {v.zone_name}
                <span className="muted small">
                  {' '}
                  {v.agreement_id} {v.version_label}
                </span>
              </td>
              <td>
                <CertaintyBadge certainty={v.certainty} />
              </td>
              <td>{v.sub_event_type ?? v.event_type}</td>
              <td>{formatInstant(v.occurred_from)}</td>
              <td>{v.fatalities ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
