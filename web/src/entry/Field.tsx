// Labelled controls for the entry form, each named by its field path (`reports.0.killed.best`) so a
// server error lands next to the control it names, and the error summary that lists every error
// with a button that moves the focus to its control.
import type { ReactNode } from 'react';
import type { FieldErrors } from './incidentForm.ts';

/** The element id (and test id) of the control for a field path. */
export const controlId = (field: string) => `entry-${field.replace(/\./g, '-')}`;
const errorId = (field: string) => `${controlId(field)}-error`;

const LABELS: Record<string, string> = {
  event_type: 'Event type',
  sub_event_type: 'Sub-event type',
  actor1: 'Actor 1',
  actor2: 'Actor 2',
  occurred_at: 'Date and time',
  occurred_from: 'From',
  occurred_until: 'Until',
  occurred_on: 'Day',
  time_precision: 'Time precision',
  lon: 'Longitude',
  lat: 'Latitude',
  uncertainty_m: 'Uncertainty radius',
  geo_precision: 'Geo precision',
  location: 'Location name',
  fatalities: 'Fatalities',
  notes: 'Notes',
  source: 'Source',
  reference: 'URL or reference',
  received_at: 'Received at',
  text: 'Report text',
  credibility: 'Information credibility',
  killed: 'Killed',
  injured: 'Injured',
  civilians_killed: 'Civilians killed',
  combatants_killed: 'Combatants killed',
  reports: 'Reports',
};

/** `reports.0.killed.best` → `Report 1 · Killed (best)`. */
export function fieldLabel(field: string): string {
  const m = /^reports\.(\d+)\.(\w+)(?:\.(low|best|high))?$/.exec(field);
  if (m) return `Report ${Number(m[1]) + 1} · ${LABELS[m[2]!] ?? m[2]}${m[3] ? ` (${m[3]})` : ''}`;
  return LABELS[field] ?? field;
}

export function FieldError(props: { field: string; errors: FieldErrors }) {
  const message = props.errors[props.field];
  if (!message) return null;
  return (
    <p
      id={errorId(props.field)}
      className="field-error"
      data-testid="field-error"
      data-field={props.field}
    >
      {message}
    </p>
  );
}

/** The aria attributes of a control: invalid when its field has an error, described by it. */
export function describedBy(field: string, errors: FieldErrors, hintId?: string) {
  const ids = [hintId, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': ids || undefined,
  } as const;
}

interface FieldProps {
  field: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  hint?: ReactNode;
}

/** A control's frame: its label above, its hint and its error below. */
function FieldFrame(props: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p id={`${props.id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      <FieldError field={props.field} errors={props.errors} />
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'number' | 'datetime-local' | 'date' | 'url';
    step?: string;
    min?: string;
    placeholder?: string;
  },
) {
  const id = controlId(props.field);
  return (
    <FieldFrame {...props} id={id}>
      <input
        id={id}
        data-testid={id}
        type={props.type ?? 'text'}
        step={props.step}
        min={props.min}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...describedBy(props.field, props.errors, props.hint ? `${id}-hint` : undefined)}
      />
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & { options: { value: string; label: string }[]; disabled?: boolean },
) {
  const id = controlId(props.field);
  return (
    <FieldFrame {...props} id={id}>
      <select
        id={id}
        data-testid={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
        {...describedBy(props.field, props.errors, props.hint ? `${id}-hint` : undefined)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Every error at the top of the form; each moves the focus to its control when there is one. */
export function ErrorSummary(props: { errors: FieldErrors; general: string | null }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0 && !props.general) return null;
  const focus = (field: string) => document.getElementById(controlId(field))?.focus();
  return (
    <div className="error-summary" role="alert" data-testid="entry-error-summary" tabIndex={-1}>
      <h2>Nothing was saved</h2>
      {props.general && <p>{props.general}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, message]) => (
            <li key={field}>
              <button type="button" className="link-button" onClick={() => focus(field)}>
                {fieldLabel(field)}: {message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
