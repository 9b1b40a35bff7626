// Filters for what the map shows: agreement (zones and incidents), event type, violation certainty,
// and the period of incidents around the instant.
import { EVENT_TYPES } from '../../../src/domain/event-types.ts';
import type { Agreement } from '../types.ts';

// The taxonomy is the server's own (a pure module, bundled into the app).
export { EVENT_TYPES };

export const PERIODS = {
  span: 'Whole time span',
  '1d': '±1 day around the instant',
  '7d': '±7 days around the instant',
  '30d': '±30 days around the instant',
} as const;
export type Period = keyof typeof PERIODS;

export interface MapFilters {
  agreement: string;
  eventType: string;
  certainty: string;
  period: Period;
}

export const NO_FILTERS: MapFilters = {
  agreement: '',
  eventType: '',
  certainty: '',
  period: 'span',
};

export function Filters(props: {
  agreements: Agreement[];
  value: MapFilters;
  onChange: (next: MapFilters) => void;
}) {
  const { value, onChange } = props;
  const set = (patch: Partial<MapFilters>) => onChange({ ...value, ...patch });
  const agreements = [
    { value: '', label: 'All agreements' },
    ...props.agreements.map((a) => ({ value: a.id, label: a.title })),
  ];
  const eventTypes = [
    { value: '', label: 'All event types' },
    ...EVENT_TYPES.map((t) => ({ value: t, label: t })),
  ];
  const certainties = [
    { value: '', label: 'All incidents' },
    { value: 'certain', label: 'Certain violations' },
    { value: 'possible', label: 'Possible violations' },
  ];
  const periods = Object.entries(PERIODS).map(([k, label]) => ({ value: k, label }));
  return (
    <fieldset className="filters">
      <legend>Filters</legend>
      <Choice
        id="filter-agreement"
        label="Agreement"
        value={value.agreement}
        options={agreements}
        onChange={(agreement) => set({ agreement })}
      />
      <Choice
        id="filter-event-type"
        label="Event type"
        value={value.eventType}
        options={eventTypes}
        onChange={(eventType) => set({ eventType })}
      />
      <Choice
        id="filter-certainty"
        label="Violation"
        value={value.certainty}
        options={certainties}
        onChange={(certainty) => set({ certainty })}
      />
      <Choice
        id="filter-period"
        label="Incidents from"
        value={value.period}
        options={periods}
        onChange={(period) => set({ period: period as Period })}
      />
    </fieldset>
  );
}

/** A labelled select; its test id is its element id. */
function Choice(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        data-testid={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
