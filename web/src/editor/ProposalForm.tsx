// Saving is putting out a new proposal (POST /api/v1/agreements/:id/proposals): a label, the terms
// (prefilled from where the zones came from), a UTC validity window, the parties whose signatures
// it needs, and the open proposal it supersedes, if any. The signed version is never touched. The
// server's errors are shown at the field they name; a zone's at the zone.
import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api.ts';
import { ErrorText } from '../components.tsx';
import { navigate } from '../route.ts';
import { ceilHour, fromInputValue, toInputValue } from '../time.ts';
import type { Agreement, ProposalSummary, VersionWithZones } from '../types.ts';
import { editorApi } from './editorApi.ts';
import { nextLabel, toProposalZones, type EditorZone } from './zones.ts';

type Field =
  'label' | 'terms' | 'valid_from' | 'valid_until' | 'required_signatories' | 'supersedes';
const FIELDS: readonly Field[] = [
  'label',
  'terms',
  'valid_from',
  'valid_until',
  'required_signatories',
  'supersedes',
];

export function ProposalForm(props: {
  agreement: Agreement;
  base: VersionWithZones | null;
  versions: readonly VersionWithZones[];
  proposals: readonly ProposalSummary[];
  /** The terms of what the zones were loaded from. */
  terms: string;
  zones: readonly EditorZone[];
  /** Why saving is not possible yet; empty when it is. */
  blockers: readonly string[];
  onZoneError: (key: string, message: string) => void;
}) {
  const { agreement, base, proposals } = props;
  const id = useId();
  const open = proposals.filter((p) => p.status === 'open');
  const [label, setLabel] = useState(() =>
    nextLabel([...props.versions.map((v) => v.label), ...proposals.map((p) => p.label)]),
  );
  const [terms, setTerms] = useState(props.terms);
  const [from, setFrom] = useState(() => toInputValue(ceilHour(Date.now())));
  const [until, setUntil] = useState(() => {
    const u = base?.valid_until ? Date.parse(base.valid_until) : Number.NaN;
    return Number.isFinite(u) && u > ceilHour(Date.now()) ? toInputValue(u) : '';
  });
  const [signatories, setSignatories] = useState<string[]>(() => {
    const signed = (base?.signed_by ?? []).filter((p) => agreement.parties.includes(p));
    return signed.length > 0 ? signed : [...agreement.parties];
  });
  const [supersedes, setSupersedes] = useState(() => open[0]?.id ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const { blockers } = props;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (blockers.length > 0 || saving) return;
    const local: Partial<Record<Field, string>> = {};
    const fromMs = fromInputValue(from);
    const untilMs = until ? fromInputValue(until) : null;
    if (!Number.isFinite(fromMs)) local.valid_from = 'Give a date and time (UTC).';
    if (untilMs !== null && !Number.isFinite(untilMs))
      local.valid_until = 'Give a date and time (UTC), or leave it empty for open-ended.';
    if (signatories.length === 0) local.required_signatories = 'Choose at least one party.';
    setErrors(local);
    setError(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      const created = await editorApi.putOutProposal(agreement.id, {
        label: label.trim(),
        ...(terms.trim() && { terms }),
        valid_from: new Date(fromMs).toISOString(),
        valid_until: untilMs === null ? null : new Date(untilMs).toISOString(),
        required_signatories: agreement.parties.filter((p) => signatories.includes(p)),
        supersedes: supersedes || null,
        zones: { type: 'FeatureCollection', features: toProposalZones(props.zones) },
      });
      navigate('proposals', { id: created.id });
    } catch (err) {
      setSaving(false);
      // Every problem the server found: at a zone (marked in the list), at a form field, or
      // otherwise in the form's own error.
      const problems = err instanceof ApiError ? err.problems : [];
      const next: Partial<Record<Field, string>> = {};
      const elsewhere: string[] = [];
      for (const p of problems) {
        const zone = /^zones\.features\[(\d+)\]/.exec(p.field);
        const top = p.field.split(/[.[]/)[0] as Field;
        const named = `${p.field}: ${p.message}`;
        if (zone) {
          const key = props.zones[Number(zone[1])]?.key;
          if (key) props.onZoneError(key, named);
          elsewhere.push(`A zone was refused: ${named}`);
        } else if (FIELDS.includes(top)) next[top] ??= p.message;
        else elsewhere.push(named);
      }
      setErrors(next);
      if (problems.length === 0) setError(errorMessage(err));
      else if (elsewhere.length > 0) setError(elsewhere.join('; '));
    }
  };

  const fieldError = (f: Field) =>
    errors[f] ? (
      <p className="error small" id={`${id}-${f}-error`} role="alert" data-testid={`error-${f}`}>
        {errors[f]}
      </p>
    ) : null;
  const described = (f: Field) => (errors[f] ? `${id}-${f}-error` : undefined);

  return (
    <form className="proposal-form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="hint">
        Saving puts out a <strong>new proposal</strong> for the parties to sign;
        {base ? ` version ${base.label} stays as it was signed.` : ' nothing recorded changes.'}
      </p>
      <label htmlFor={`${id}-label`}>Label (the version label it would get)</label>
      <input
        id={`${id}-label`}
        data-testid="proposal-label"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        aria-invalid={errors.label ? true : undefined}
        aria-describedby={described('label')}
      />
      {fieldError('label')}

      <label htmlFor={`${id}-terms`}>Terms</label>
      <textarea
        id={`${id}-terms`}
        data-testid="proposal-terms"
        rows={6}
        value={terms}
        onChange={(e) => setTerms(e.target.value)}
        aria-invalid={errors.terms ? true : undefined}
        aria-describedby={described('terms')}
      />
      {fieldError('terms')}

      <div className="window-fields">
        <div>
          <label htmlFor={`${id}-from`}>Valid from (UTC)</label>
          <input
            id={`${id}-from`}
            type="datetime-local"
            step={60}
            data-testid="proposal-valid-from"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-invalid={errors.valid_from ? true : undefined}
            aria-describedby={described('valid_from')}
          />
          {fieldError('valid_from')}
        </div>
        <div>
          <label htmlFor={`${id}-until`}>Valid until (UTC)</label>
          <input
            id={`${id}-until`}
            type="datetime-local"
            step={60}
            data-testid="proposal-valid-until"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            aria-invalid={errors.valid_until ? true : undefined}
            aria-describedby={described('valid_until')}
          />
          {fieldError('valid_until')}
        </div>
      </div>
      <p className="hint small">
        Times are UTC; the window is [from, until). Leave “until” empty for an open-ended version.
      </p>

      <fieldset
        className="signatories"
        aria-describedby={described('required_signatories')}
        data-testid="proposal-signatories"
      >
        <legend>Signatures required</legend>
        {agreement.parties.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              value={p}
              checked={signatories.includes(p)}
              onChange={(e) =>
                setSignatories((s) => (e.target.checked ? [...s, p] : s.filter((x) => x !== p)))
              }
            />
            {p}
          </label>
        ))}
        {fieldError('required_signatories')}
      </fieldset>

      <label htmlFor={`${id}-supersedes`}>Supersedes</label>
      <select
        id={`${id}-supersedes`}
        data-testid="proposal-supersedes"
        value={supersedes}
        onChange={(e) => setSupersedes(e.target.value)}
        aria-describedby={described('supersedes')}
      >
        <option value="">Nothing: put it out beside any open proposal</option>
        {proposals
          .filter((p) => p.status === 'open' || p.status === 'refused')
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} ({p.status}, {p.signed}/{p.required} signed)
            </option>
          ))}
      </select>
      {supersedes && (
        <p className="hint small">
          Putting this out closes that proposal as superseded (a refused one is only linked).
        </p>
      )}
      {fieldError('supersedes')}

      {blockers.length > 0 && (
        <ul className="save-blockers" id={`${id}-blockers`} data-testid="save-blockers">
          {blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <ErrorText error={error} testId="proposal-error" />
      <button
        type="submit"
        data-testid="editor-save"
        disabled={blockers.length > 0 || saving}
        aria-describedby={blockers.length > 0 ? `${id}-blockers` : undefined}
      >
        {saving ? 'Putting out…' : 'Save as a new proposal'}
      </button>
    </form>
  );
}
