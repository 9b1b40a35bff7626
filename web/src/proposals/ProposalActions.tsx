// What can be done with a proposal besides signing: anyone who sees it may download its bundle
// (the content, signatures, refusals and keys, checked offline as docs/SIGNING.md shows); a
// mediator may withdraw an open one, with a reason that goes to every party.
import { useState, type FormEvent } from 'react';
import { WITHDRAW_PROPOSALS } from '../../../src/domain/access.ts';
import { api, errorMessage } from '../api.ts';
import { ErrorText } from '../components.tsx';
import type { ProposalDetail, User } from '../types.ts';

export function ProposalActions(props: {
  user: User;
  proposal: ProposalDetail;
  onChanged: (p: ProposalDetail) => void;
}) {
  const { proposal: p } = props;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const withdraw = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onChanged(await api.withdrawProposal(p.id, reason));
      setReason('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="actions-title" className="proposal-actions">
      <h3 id="actions-title">Verify and act</h3>
      <p>
        <a
          href={`/api/v1/proposals/${encodeURIComponent(p.id)}/bundle`}
          download={`${p.id}.bundle.json`}
          data-testid="bundle-download"
        >
          Download the bundle
        </a>{' '}
        <span className="hint">
          (content, signatures and keys, to check offline with{' '}
          <code>truceline proposals verify</code> or your own tools)
        </span>
      </p>
      {WITHDRAW_PROPOSALS.includes(props.user.role) && p.status === 'open' && (
        <form onSubmit={(e) => void withdraw(e)} data-testid="withdraw-form">
          <label htmlFor="withdraw-reason">
            Withdraw this proposal — reason sent to every party
          </label>
          <textarea
            id="withdraw-reason"
            value={reason}
            minLength={3}
            required
            rows={2}
            onChange={(e) => setReason(e.target.value)}
          />
          <ErrorText error={error} testId="withdraw-error" />
          <button type="submit" className="danger" disabled={busy || reason.trim().length < 3}>
            Withdraw
          </button>
        </form>
      )}
    </section>
  );
}
