// The review form for one queued violation: the steps this role may take from its status, a note
// (required), the intent when confirming and the attribution suggestions to accept; server errors
// are shown inline. Ctrl+Enter submits, Escape closes.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, errorMessage } from '../api.ts';
import { ErrorText } from '../components.tsx';
import {
  reviewStepRoles,
  VIOLATION_STATUSES,
  type ReviewTarget,
  type ViolationStatus,
} from '../../../src/domain/violation-review.ts';
import type { AttributionSuggestion as Suggestion, Role, Violation } from '../types.ts';

interface Step {
  to: ReviewTarget;
  label: string;
}

/** The review steps the desk offers; who may take each is the workflow's (reviewStepRoles). */
const STEPS: Partial<Record<ViolationStatus, Step[]>> = {
  flagged: [
    { to: 'under_review', label: 'Start review (→ under review)' },
    { to: 'dismissed', label: 'Dismiss' },
  ],
  under_review: [
    { to: 'confirmed', label: 'Confirm violation' },
    { to: 'dismissed', label: 'Dismiss' },
    { to: 'flagged', label: 'Return to flagged' },
  ],
};

const isStatus = (s: string): s is ViolationStatus =>
  (VIOLATION_STATUSES as readonly string[]).includes(s);

export const stepsFor = (status: string, role: Role): Step[] =>
  isStatus(status)
    ? (STEPS[status] ?? []).filter((s) => reviewStepRoles(status, s.to).includes(role))
    : [];

export function ReviewForm(props: {
  violation: Violation;
  role: Role;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const v = props.violation;
  const steps = stepsFor(v.status, props.role);
  const [to, setTo] = useState(steps[0]?.to ?? '');
  const [note, setNote] = useState('');
  const [intent, setIntent] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [accepted, setAccepted] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    let live = true;
    api
      .violation(v.id)
      .then((d) => live && setSuggestions(d.suggestions))
      .catch(() => live && setSuggestions([]));
    return () => {
      live = false;
    };
  }, [v.id]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    if (note.trim().length < 3)
      return setError('A review step needs a note (3 characters or more).');
    if (to === 'confirmed' && !intent) return setError('Confirming needs a judgement of intent.');
    setBusy(true);
    setError(null);
    try {
      const attributions = suggestions
        .filter((_, i) => accepted.has(i))
        .map((s) => ({ party_id: s.party_id, kind: s.kind, evidence: s.evidence }));
      await api.review(v.id, {
        to,
        note,
        ...(to === 'confirmed' && { intent }),
        ...(to === 'confirmed' && attributions.length > 0 && { attributions }),
      });
      props.onDone(`${v.incident_ref} (${v.zone_name}) moved to ${to.replace('_', ' ')}.`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      props.onClose();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  };

  return (
    <form
      className="panel review-form"
      data-testid="review-form"
      data-violation-id={v.id}
      aria-labelledby="review-title"
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
    >
      <h2 id="review-title">
        Review {v.incident_ref} — {v.zone_name}
      </h2>
      <p className="muted small">
        {v.certainty} violation of {v.agreement_id} {v.version_label} ({v.zone_kind}) ·{' '}
        {v.event_type}
        {v.sub_event_type ? ` / ${v.sub_event_type}` : ''} · status {v.status.replace('_', ' ')}
      </p>
      {steps.length === 0 ? (
        <p>
          Your role ({props.role}) has no review step from {v.status.replace('_', ' ')}.
        </p>
      ) : (
        <>
          <label htmlFor="review-action">Action</label>
          <select
            id="review-action"
            data-testid="review-action"
            ref={first}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          >
            {steps.map((s) => (
              <option key={s.to} value={s.to}>
                {s.label}
              </option>
            ))}
          </select>
          <label htmlFor="review-note">Note (required)</label>
          <textarea
            id="review-note"
            data-testid="review-note"
            required
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby="review-hint"
          />
          {to === 'confirmed' && (
            <ConfirmFields
              intent={intent}
              setIntent={setIntent}
              suggestions={suggestions}
              accepted={accepted}
              setAccepted={setAccepted}
            />
          )}
          <ErrorText error={error} testId="review-error" />
          <div className="row">
            <button type="submit" data-testid="review-submit" disabled={busy}>
              {busy ? 'Saving…' : 'Submit review'}
            </button>
            <button type="button" className="secondary" onClick={props.onClose}>
              Cancel
            </button>
          </div>
          <p id="review-hint" className="muted small">
            Ctrl+Enter submits · Escape closes
          </p>
        </>
      )}
    </form>
  );
}

function ConfirmFields(props: {
  intent: string;
  setIntent: (v: string) => void;
  suggestions: Suggestion[];
  accepted: Set<number>;
  setAccepted: (s: Set<number>) => void;
}) {
  const toggle = (i: number) => {
    const next = new Set(props.accepted);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    props.setAccepted(next);
  };
  return (
    <>
      <label htmlFor="review-intent">Intent (required to confirm)</label>
      <select
        id="review-intent"
        data-testid="review-intent"
        required
        value={props.intent}
        onChange={(e) => props.setIntent(e.target.value)}
      >
        <option value="">Choose…</option>
        <option value="deliberate">Deliberate</option>
        <option value="accidental">Accidental</option>
        <option value="undetermined">Undetermined</option>
      </select>
      {props.suggestions.length > 0 && (
        <fieldset>
          <legend>Attribution suggestions</legend>
          {props.suggestions.map((s, i) => (
            <label key={`${s.party_id}-${s.rule}`} className="check">
              <input type="checkbox" checked={props.accepted.has(i)} onChange={() => toggle(i)} />
              {s.party_id} ({s.kind}, {s.rule}): {s.explanation}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
