// One source's report of the incident: the source from the registry (its kind and Admiralty
// reliability A–F shown) or a new name, the information credibility 1–6 of this report, its
// reference and text, and what it counts: killed and injured low / best / high, civilians and
// combatants killed.
import type { SourceKind } from '../../../src/domain/report.ts';
import { controlId, describedBy, FieldError, SelectField, TextField } from './Field.tsx';
import type { Source } from './entryTypes.ts';
import { OTHER_SOURCE, type FieldErrors, type RangeForm, type ReportForm } from './incidentForm.ts';

const KIND_LABEL: Record<SourceKind, string> = {
  monitoring_ngo: 'monitoring NGO',
  state_media: 'state media',
  wire_service: 'wire service',
  news_media: 'news media',
  party: 'party to the conflict',
  own_monitors: 'own monitors',
  other: 'other',
};

export const RELIABILITY_LABEL: Record<string, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

const CREDIBILITY = [
  { value: '', label: 'Not judged' },
  { value: '1', label: '1 — confirmed by other sources' },
  { value: '2', label: '2 — probably true' },
  { value: '3', label: '3 — possibly true' },
  { value: '4', label: '4 — doubtful' },
  { value: '5', label: '5 — improbable' },
  { value: '6', label: '6 — truth cannot be judged' },
];

function RangeFields(props: {
  field: string;
  legend: string;
  value: RangeForm;
  onChange: (v: RangeForm) => void;
  errors: FieldErrors;
}) {
  const { field, value } = props;
  return (
    <fieldset className="range-fields">
      <legend>{props.legend}</legend>
      <div className="field-triple">
        {(['low', 'best', 'high'] as const).map((k) => (
          <TextField
            key={k}
            field={`${field}.${k}`}
            label={k === 'best' ? 'best estimate' : k}
            type="number"
            min="0"
            step="1"
            value={value[k]}
            onChange={(v) => props.onChange({ ...value, [k]: v })}
            errors={props.errors}
          />
        ))}
      </div>
      <FieldError field={field} errors={props.errors} />
    </fieldset>
  );
}

export function ReportFields(props: {
  index: number;
  report: ReportForm;
  sources: readonly Source[];
  onChange: (r: ReportForm) => void;
  onRemove: (() => void) | null;
  errors: FieldErrors;
}) {
  const { report: r, errors, index } = props;
  const at = `reports.${index}`;
  const set = (patch: Partial<ReportForm>) => props.onChange({ ...r, ...patch });
  const source = props.sources.find((s) => s.id === r.sourceId);
  const options = [
    { value: '', label: 'Choose a source…' },
    ...props.sources.map((s) => ({
      value: s.id,
      label: `${s.name} — ${KIND_LABEL[s.kind] ?? s.kind} — ${s.reliability}${s.auto ? ' (not yet graded)' : ''}`,
    })),
    { value: OTHER_SOURCE, label: 'Another source (type its name)…' },
  ];
  return (
    <fieldset className="entry-section report-fields" data-testid="entry-report">
      <legend>Report {index + 1}</legend>
      {props.onRemove && (
        <button type="button" className="secondary small remove" onClick={props.onRemove}>
          Remove report {index + 1}
        </button>
      )}
      <SelectField
        field={`${at}.source`}
        label="Source"
        value={r.sourceId}
        options={options}
        onChange={(sourceId) => set({ sourceId })}
        errors={errors}
        hint={
          source
            ? `Source reliability ${source.reliability}: ${RELIABILITY_LABEL[source.reliability]}.`
            : r.sourceId === OTHER_SOURCE
              ? 'A name the registry does not know is registered at grade F until an analyst grades it.'
              : 'From the source registry: kind and Admiralty reliability (A–F).'
        }
      />
      {r.sourceId === OTHER_SOURCE && (
        <TextField
          field={`${at}.other_source`}
          label="Source name"
          value={r.otherName}
          onChange={(otherName) => set({ otherName })}
          errors={errors}
        />
      )}
      <SelectField
        field={`${at}.credibility`}
        label="Information credibility of this report"
        value={r.credibility}
        options={CREDIBILITY}
        onChange={(credibility) => set({ credibility })}
        errors={errors}
        hint={source ? `Grade ${source.reliability}${r.credibility || '6'}.` : undefined}
      />
      <div className="field-pair">
        <TextField
          field={`${at}.reference`}
          label="URL or reference"
          value={r.reference}
          onChange={(reference) => set({ reference })}
          errors={errors}
        />
        <TextField
          field={`${at}.received_at`}
          label="Received at (UTC, optional)"
          type="datetime-local"
          value={r.receivedAt}
          onChange={(receivedAt) => set({ receivedAt })}
          errors={errors}
        />
      </div>
      <div className="field">
        <label htmlFor={controlId(`${at}.text`)}>Report text</label>
        <textarea
          id={controlId(`${at}.text`)}
          data-testid={controlId(`${at}.text`)}
          rows={3}
          value={r.text}
          onChange={(e) => set({ text: e.target.value })}
          {...describedBy(`${at}.text`, errors)}
        />
        <FieldError field={`${at}.text`} errors={errors} />
      </div>
      <RangeFields
        field={`${at}.killed`}
        legend="Killed"
        value={r.killed}
        onChange={(killed) => set({ killed })}
        errors={errors}
      />
      <RangeFields
        field={`${at}.injured`}
        legend="Injured"
        value={r.injured}
        onChange={(injured) => set({ injured })}
        errors={errors}
      />
      <div className="field-pair">
        <TextField
          field={`${at}.civilians_killed`}
          label="Civilians killed"
          type="number"
          min="0"
          step="1"
          value={r.civiliansKilled}
          onChange={(civiliansKilled) => set({ civiliansKilled })}
          errors={errors}
        />
        <TextField
          field={`${at}.combatants_killed`}
          label="Combatants killed"
          type="number"
          min="0"
          step="1"
          value={r.combatantsKilled}
          onChange={(combatantsKilled) => set({ combatantsKilled })}
          errors={errors}
        />
      </div>
    </fieldset>
  );
}
