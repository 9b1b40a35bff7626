// When it happened, in UTC: an exact instant, an interval [from, until), or a day with ACLED's time
// precision (the day, the week around it, or its month); below, the span the server will read.
import { formatInstant } from '../time.ts';
import { FieldError, SelectField, TextField } from './Field.tsx';
import { formSpan, type FieldErrors, type IncidentForm, type TimeMode } from './incidentForm.ts';

const MODES: { value: TimeMode; label: string }[] = [
  { value: 'instant', label: 'An exact time' },
  { value: 'interval', label: 'Between two times' },
  { value: 'day', label: 'A day (ACLED time precision)' },
];

const PRECISIONS = [
  { value: '1', label: '1 — that day (00:00 to 24:00 UTC)' },
  { value: '2', label: '2 — the week around it (3 days either side)' },
  { value: '3', label: '3 — the calendar month' },
];

function SpanPreview({ form }: { form: IncidentForm }) {
  const span = formSpan(form);
  let text = 'Not yet given.';
  if (span && span.from === span.until) text = `The instant ${formatInstant(span.from)}.`;
  else if (span && span.until > span.from)
    text = `From ${formatInstant(span.from)} until (not including) ${formatInstant(span.until)}.`;
  else if (span) text = 'The end is not after the start.';
  return (
    <p className="hint" data-testid="entry-time-span" aria-live="polite">
      {text}
    </p>
  );
}

export function WhenFields(props: {
  form: IncidentForm;
  set: (patch: Partial<IncidentForm>) => void;
  errors: FieldErrors;
}) {
  const { form, set, errors } = props;
  return (
    <fieldset className="entry-section">
      <legend>When (UTC)</legend>
      <div className="radio-row" role="radiogroup" aria-label="How the time is known">
        {MODES.map((m) => (
          <label key={m.value} className="check">
            <input
              type="radio"
              name="entry-time-mode"
              data-testid={`entry-time-mode-${m.value}`}
              checked={form.timeMode === m.value}
              onChange={() => set({ timeMode: m.value })}
            />
            {m.label}
          </label>
        ))}
      </div>
      {form.timeMode === 'instant' && (
        <TextField
          field="occurred_at"
          label="Date and time (UTC)"
          type="datetime-local"
          value={form.occurredAt}
          onChange={(occurredAt) => set({ occurredAt })}
          errors={errors}
        />
      )}
      {form.timeMode === 'interval' && (
        <div className="field-pair">
          <TextField
            field="occurred_from"
            label="From (UTC)"
            type="datetime-local"
            value={form.occurredFrom}
            onChange={(occurredFrom) => set({ occurredFrom })}
            errors={errors}
          />
          <TextField
            field="occurred_until"
            label="Until (UTC, not included)"
            type="datetime-local"
            value={form.occurredUntil}
            onChange={(occurredUntil) => set({ occurredUntil })}
            errors={errors}
          />
        </div>
      )}
      {form.timeMode === 'day' && (
        <div className="field-pair">
          <TextField
            field="occurred_on"
            label="Day (UTC)"
            type="date"
            value={form.occurredOn}
            onChange={(occurredOn) => set({ occurredOn })}
            errors={errors}
          />
          <SelectField
            field="time_precision"
            label="Time precision"
            value={form.timePrecision}
            options={PRECISIONS}
            onChange={(v) => set({ timePrecision: v as IncidentForm['timePrecision'] })}
            errors={errors}
          />
        </div>
      )}
      <SpanPreview form={form} />
      {/* A server error on a time field the current mode does not show still appears here. */}
      {(['occurred_at', 'occurred_from', 'occurred_until', 'occurred_on'] as const)
        .filter((f) => !visible(form.timeMode).includes(f))
        .map((f) => (
          <FieldError key={f} field={f} errors={errors} />
        ))}
    </fieldset>
  );
}

const visible = (mode: TimeMode): string[] =>
  mode === 'instant'
    ? ['occurred_at']
    : mode === 'interval'
      ? ['occurred_from', 'occurred_until']
      : ['occurred_on'];
