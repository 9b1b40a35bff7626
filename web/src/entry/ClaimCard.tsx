// One claim of a drafted article: its kind, a one-line summary, the sentence in its context, place,
// period, counts and the extractor's confidence; its review state; and, while pending, "Use as
// incident" (casualties and incident claims) and "Reject" with the reason.
import { useState } from 'react';
import { claimSummary } from '../../../src/domain/claim-outcomes.ts';
import { countText } from '../../../src/domain/count-range-text.ts';
import { errorMessage } from '../api.ts';
import { ErrorText } from '../components.tsx';
import { formatInstant } from '../time.ts';
import { canBecomeIncident } from './claimForm.ts';
import type { Claim, ClaimJson } from './entryTypes.ts';

const CONTEXT = 140;

/** The sentence with the text around it, the sentence marked. */
function QuoteInContext(props: { text: string; claim: Claim }) {
  const { start, end } = props.claim;
  const known = props.text.slice(start, end) === props.claim.quote;
  if (!known) return <blockquote className="claim-quote">{props.claim.quote}</blockquote>;
  // About CONTEXT characters either side, cut at a space so no word is split.
  const before = props.text.lastIndexOf(' ', Math.max(0, start - CONTEXT));
  const after = props.text.indexOf(' ', Math.min(props.text.length, end + CONTEXT));
  const from = start - CONTEXT <= 0 || before < 0 ? 0 : before + 1;
  const until = after < 0 ? props.text.length : after;
  return (
    <blockquote className="claim-quote" data-testid="claim-quote">
      {from > 0 && '…'}
      <span className="context">{props.text.slice(from, start)}</span>
      <mark>{props.claim.quote}</mark>
      <span className="context">{props.text.slice(end, until)}</span>
      {until < props.text.length && '…'}
    </blockquote>
  );
}

function Details({ claim: c }: { claim: Claim }) {
  const rows: [string, string][] = [];
  if (c.source) rows.push(['Source', c.source]);
  if ('place' in c && c.place)
    rows.push([
      'Place',
      `${c.place.name}${c.place.gazetteer_name !== c.place.name ? ` (${c.place.gazetteer_name})` : ''} — ${c.place.lat.toFixed(4)}°N ${c.place.lon.toFixed(4)}°E ± ${(c.place.radius_m / 1000).toLocaleString('en')} km`,
    ]);
  if ('period' in c && c.period)
    rows.push(['Period', `${c.period.from} → ${c.period.until} (“${c.period.expression}”)`]);
  if (c.kind === 'casualties') {
    rows.push([c.measure === 'killed' ? 'Killed' : 'Injured', countText(c.count)]);
    if (c.who.length) rows.push(['Who', c.who.join(', ')]);
    if (c.cause.length) rows.push(['Cause', c.cause.join(', ')]);
  }
  if (c.kind === 'incident') {
    rows.push(['Event', `${c.event_type}${c.sub_event_type ? ` / ${c.sub_event_type}` : ''}`]);
    if (c.fatalities !== null) rows.push(['Killed', String(c.fatalities)]);
    if (c.actor) rows.push(['Actor', c.actor]);
    if (c.target) rows.push(['Target', c.target]);
  }
  if (c.kind === 'violation_count') rows.push(['Violations', String(c.count)]);
  rows.push(['Confidence', `${Math.round(c.confidence * 100)} %`]);
  return (
    <dl className="claim-details">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Decision({ claim }: { claim: ClaimJson }) {
  if (claim.status === 'pending') return null;
  return (
    <p className="claim-decision" data-testid="claim-decision">
      {claim.status === 'accepted' ? 'Accepted' : 'Rejected'} by {claim.decided_by} at{' '}
      {formatInstant(claim.decided_at)}
      {claim.outcome && (
        <>
          {' '}
          as {claim.outcome.kind} <code>{claim.outcome.id}</code>
        </>
      )}
      {claim.decision_note && <> — “{claim.decision_note}”</>}
    </p>
  );
}

export function ClaimCard(props: {
  claim: ClaimJson;
  text: string;
  active: boolean;
  onUse: () => void;
  onReject: (note: string) => Promise<void>;
}) {
  const { claim } = props;
  const c = claim.claim;
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reject = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onReject(note);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  const noteId = `claim-${claim.idx}-reject-note`;
  return (
    <li
      className={`claim-card status-${claim.status}${props.active ? ' active' : ''}`}
      data-testid="claim"
      data-idx={claim.idx}
      data-kind={claim.kind}
      data-status={claim.status}
    >
      <div className="claim-head">
        <span className="claim-kind">{claim.kind.replace(/_/g, ' ')}</span>
        <span className={`claim-status claim-status-${claim.status}`}>{claim.status}</span>
      </div>
      <p className="claim-summary">{claimSummary(c)}</p>
      <QuoteInContext text={props.text} claim={c} />
      <Details claim={c} />
      <Decision claim={claim} />
      {claim.status === 'pending' && (
        <div className="claim-actions">
          {canBecomeIncident(c) && (
            <button type="button" data-testid="claim-use" onClick={props.onUse}>
              {props.active ? 'In the form' : 'Use as incident'}
            </button>
          )}
          {!rejecting ? (
            <button
              type="button"
              className="secondary"
              data-testid="claim-reject"
              onClick={() => setRejecting(true)}
            >
              Reject…
            </button>
          ) : (
            <div className="reject-form">
              <label htmlFor={noteId}>Why is it rejected? (required)</label>
              <input
                id={noteId}
                data-testid="claim-reject-note"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void reject();
                  }
                }}
              />
              <div className="row">
                <button
                  type="button"
                  data-testid="claim-reject-confirm"
                  disabled={busy}
                  onClick={() => void reject()}
                >
                  Reject the claim
                </button>
                <button type="button" className="secondary" onClick={() => setRejecting(false)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
        </div>
      )}
      <ErrorText error={error} testId="claim-error" />
    </li>
  );
}
