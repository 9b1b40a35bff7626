// The incident form: what (event type and sub-event type from ACLED's taxonomy, actors,
// fatalities), when, where, the sources' reports and notes, with the error summary on top. When it
// was filled in from a news claim, a banner says so: saving then accepts that claim.
import { EVENT_TYPES, SUB_EVENT_TYPES, type EventType } from '../../../src/domain/event-types.ts';
import {
  ErrorSummary,
  SelectField,
  TextField,
  controlId,
  describedBy,
  FieldError,
} from './Field.tsx';
import type { Source } from './entryTypes.ts';
import { blankReport, type FieldErrors, type IncidentForm as Form } from './incidentForm.ts';
import { ReportFields } from './ReportFields.tsx';
import { WhenFields } from './WhenFields.tsx';
import { WhereFields } from './WhereFields.tsx';

/** The claim the form was filled in from. */
export interface ClaimLink {
  articleId: string;
  articleTitle: string;
  idx: number;
  summary: string;
}

export interface IncidentFormProps {
  form: Form;
  onChange: (next: Form) => void;
  sources: readonly Source[];
  errors: FieldErrors;
  general: string | null;
  busy: boolean;
  claim: ClaimLink | null;
  claimNote: string;
  onClaimNote: (note: string) => void;
  onDetach: () => void;
  onSubmit: () => void;
  onClear: () => void;
  where: Pick<Parameters<typeof WhereFields>[0], 'zones' | 'focus' | 'onCentre'>;
}

export function IncidentForm(props: IncidentFormProps) {
  const { form, errors } = props;
  const set = (patch: Partial<Form>) => props.onChange({ ...form, ...patch });
  const subTypes = SUB_EVENT_TYPES[form.eventType as EventType] ?? [];
  const setEventType = (eventType: string) => {
    const keep = (SUB_EVENT_TYPES[eventType as EventType] ?? []).includes(form.subEventType);
    set({ eventType, subEventType: keep ? form.subEventType : '' });
  };
  return (
    <form
      className="entry-form"
      data-testid="entry-form"
      aria-labelledby="entry-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h2 id="entry-form-title">Record an incident</h2>
      {props.claim && (
        <div className="claim-banner" data-testid="entry-claim-banner">
          <p>
            Filled in from claim {props.claim.idx + 1} of <em>{props.claim.articleTitle}</em>:{' '}
            {props.claim.summary}. Check and correct it; saving records the incident and accepts the
            claim.
          </p>
          <TextField
            field="claim_note"
            label="Review note kept with the claim (optional)"
            value={props.claimNote}
            onChange={props.onClaimNote}
            errors={errors}
          />
          <button type="button" className="secondary small" onClick={props.onDetach}>
            Keep the values, leave the claim pending
          </button>
        </div>
      )}
      <ErrorSummary errors={errors} general={props.general} />
      <fieldset className="entry-section">
        <legend>What</legend>
        <div className="field-pair">
          <SelectField
            field="event_type"
            label="Event type"
            value={form.eventType}
            options={[
              { value: '', label: 'Choose…' },
              ...EVENT_TYPES.map((t) => ({ value: t, label: t })),
            ]}
            onChange={setEventType}
            errors={errors}
          />
          <SelectField
            field="sub_event_type"
            label="Sub-event type"
            value={form.subEventType}
            disabled={subTypes.length === 0}
            options={[
              { value: '', label: subTypes.length ? 'Not known' : 'Choose the event type first' },
              ...subTypes.map((t) => ({ value: t, label: t })),
            ]}
            onChange={(subEventType) => set({ subEventType })}
            errors={errors}
          />
        </div>
        <div className="field-pair">
          <TextField
            field="actor1"
            label="Actor 1 (as reported)"
            value={form.actor1}
            onChange={(actor1) => set({ actor1 })}
            errors={errors}
          />
          <TextField
            field="actor2"
            label="Actor 2 (as reported)"
            value={form.actor2}
            onChange={(actor2) => set({ actor2 })}
            errors={errors}
          />
        </div>
        <TextField
          field="fatalities"
          label="Fatalities (coded)"
          type="number"
          min="0"
          step="1"
          value={form.fatalities}
          onChange={(fatalities) => set({ fatalities })}
          errors={errors}
          hint="ACLED's single, most conservative figure; each report's own counts go below."
        />
      </fieldset>
      <WhenFields form={form} set={set} errors={errors} />
      <WhereFields form={form} set={set} errors={errors} {...props.where} />
      {form.reports.map((r, i) => (
        <ReportFields
          key={i}
          index={i}
          report={r}
          sources={props.sources}
          errors={errors}
          onChange={(next) => set({ reports: form.reports.map((x, j) => (j === i ? next : x)) })}
          onRemove={
            form.reports.length > 1
              ? () => set({ reports: form.reports.filter((_, j) => j !== i) })
              : null
          }
        />
      ))}
      <button
        type="button"
        className="secondary"
        data-testid="entry-add-report"
        onClick={() => set({ reports: [...form.reports, blankReport()] })}
      >
        Add a report from another source
      </button>
      <div className="field">
        <label htmlFor={controlId('notes')}>Notes</label>
        <textarea
          id={controlId('notes')}
          data-testid={controlId('notes')}
          rows={3}
          value={form.notes}
          onChange={(e) => set({ notes: e.target.value })}
          {...describedBy('notes', errors)}
        />
        <FieldError field="notes" errors={errors} />
      </div>
      <div className="row entry-actions">
        <button type="submit" data-testid="entry-submit" disabled={props.busy}>
          {props.busy ? 'Saving…' : props.claim ? 'Save and accept the claim' : 'Save incident'}
        </button>
        <button type="button" className="secondary" onClick={props.onClear} disabled={props.busy}>
          Clear the form
        </button>
      </div>
    </form>
  );
}
