// Which agreement, and what the edit starts from: its version in force now (else the latest
// recorded), one of its open proposals, or nothing. Changing either while there are unsaved edits
// asks first, in the page (no browser dialog).
import { useId, useState } from 'react';
import type { Agreement } from '../types.ts';
import type { AgreementData } from './useAgreementData.ts';

export interface Start {
  agreementId: string;
  /** `base`, `empty` or `proposal:<id>`. */
  from: string;
}

export function StartChooser(props: {
  agreements: readonly Agreement[];
  data: AgreementData | null;
  start: Start | null;
  dirty: boolean;
  onStart: (start: Start) => void;
}) {
  const { data, start } = props;
  const id = useId();
  const [pending, setPending] = useState<Start | null>(null);
  const shown = pending ?? start;
  const choose = (next: Start) => {
    if (props.dirty) setPending(next);
    else {
      setPending(null);
      props.onStart(next);
    }
  };
  const ready = data && start && data.agreementId === start.agreementId;
  const open = ready ? data.proposals.filter((p) => p.status === 'open') : [];

  return (
    <div className="start-chooser">
      <label htmlFor={`${id}-agreement`}>Agreement</label>
      <select
        id={`${id}-agreement`}
        data-testid="editor-agreement"
        value={shown?.agreementId ?? ''}
        disabled={props.agreements.length === 0}
        onChange={(e) => choose({ agreementId: e.target.value, from: 'base' })}
      >
        {props.agreements.map((a) => (
          <option key={a.id} value={a.id}>
            {a.title} ({a.id})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-from`}>Start from</label>
      <div className="row">
        <select
          id={`${id}-from`}
          data-testid="editor-start"
          value={shown?.from ?? 'base'}
          disabled={!ready || pending !== null}
          onChange={(e) =>
            start && choose({ agreementId: start.agreementId, from: e.target.value })
          }
        >
          <option value="base" disabled={ready ? !data.base : false}>
            {!ready
              ? 'Loading…'
              : data.base
                ? `Version ${data.base.label} (${data.baseInForce ? 'in force now' : 'latest recorded; none in force now'})`
                : 'No recorded version'}
          </option>
          {open.map((p) => (
            <option key={p.id} value={`proposal:${p.id}`}>
              Open proposal {p.label}
            </option>
          ))}
          <option value="empty">Nothing (an empty map)</option>
        </select>
        <button
          type="button"
          className="secondary small"
          data-testid="editor-restart"
          disabled={!ready || pending !== null}
          onClick={() => start && choose({ ...start })}
        >
          Start again
        </button>
      </div>
      {pending && (
        <div className="notice discard" role="alert" data-testid="editor-discard">
          <p>Loading that discards the unsaved changes to these zones.</p>
          <div className="row">
            <button
              type="button"
              className="small"
              data-testid="editor-discard-confirm"
              onClick={() => {
                setPending(null);
                props.onStart(pending);
              }}
            >
              Discard changes and load
            </button>
            <button type="button" className="secondary small" onClick={() => setPending(null)}>
              Keep editing
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
