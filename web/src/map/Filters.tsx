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
  return (
    <fieldset className="filters">
      <legend>Filters</legend>
      <label htmlFor="filter-agreement">Agreement</label>
      <select
        id="filter-agreement"
        data-testid="filter-agreement"
        value={value.agreement}
        onChange={(e) => set({ agreement: e.target.value })}
      >
        <option value="">All agreements</option>
        {props.agreements.map((a) => (
          <option key={a.id} value={a.id}>
            {a.title}
          </option>
        ))}
      </select>
      <label htmlFor="filter-event-type">Event type</label>
      <select
        id="filter-event-type"
        data-testid="filter-event-type"
        value={value.eventType}
        onChange={(e) => set({ eventType: e.target.value })}
      >
        <option value="">All event types</option>
        {EVENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <label htmlFor="filter-certainty">Violation</label>
      <select
        id="filter-certainty"
        data-testid="filter-certainty"
        value={value.certainty}
        onChange={(e) => set({ certainty: e.target.value })}
      >
        <option value="">All incidents</option>
        <option value="certain">Certain violations</option>
        <option value="possible">Possible violations</option>
      </select>
      <label htmlFor="filter-period">Incidents from</label>
      <select
        id="filter-period"
        data-testid="filter-period"
        value={value.period}
        onChange={(e) => set({ period: e.target.value as Period })}
      >
        {Object.entries(PERIODS).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
