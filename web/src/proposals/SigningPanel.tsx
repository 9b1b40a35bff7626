// The "Signing key" panel of a party's liaison: a browser key pair (private key not extractable,
// kept in IndexedDB), registered as the party's public key; then sign the digest or refuse.
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api.ts';
import { ErrorText } from '../components.tsx';
import type { PartyKey, ProposalDetail } from '../types.ts';
import {
  createKey,
  forgetKey,
  loadKey,
  signDigest,
  verifiedDigest,
  type StoredKey,
} from './signing.ts';

export function SigningPanel(props: {
  party: string;
  proposal: ProposalDetail;
  onDecided: (p: ProposalDetail) => void;
}) {
  const { party, proposal } = props;
  const [key, setKey] = useState<StoredKey | null>(null);
  const [registered, setRegistered] = useState<PartyKey[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [unsupported, setUnsupported] = useState<string | null>(null);

  const refreshKeys = useCallback(async () => {
    setRegistered((await api.partyKeys(party)).items);
  }, [party]);

  useEffect(() => {
    let live = true;
    loadKey(party)
      .then((k) => live && setKey(k))
      .catch((e: unknown) => live && setUnsupported(errorMessage(e)));
    refreshKeys().catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [party, refreshKeys]);

  const active = key
    ? registered?.find((k) => k.fingerprint === key.fingerprint && k.revoked_at === null)
    : undefined;

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const create = () =>
    run(async () => {
      let k: StoredKey;
      try {
        k = await createKey(party);
      } catch (e) {
        setUnsupported(`This browser cannot make an Ed25519 key (${errorMessage(e)}).`);
        return;
      }
      setKey(k);
      await api.registerKey(party, { public_key: k.publicKey, label: 'browser key' });
      await refreshKeys();
    });

  const register = () =>
    run(async () => {
      if (!key) return;
      await api.registerKey(party, { public_key: key.publicKey, label: 'browser key' });
      await refreshKeys();
    });

  const discard = () =>
    run(async () => {
      await forgetKey(party);
      setKey(null);
    });

  const sign = () =>
    run(async () => {
      if (!key) return;
      const digest = await verifiedDigest(proposal);
      const signature = await signDigest(key, digest);
      const res = await api.signProposal(proposal.id, {
        party_id: party,
        signature,
        key_fingerprint: key.fingerprint,
      });
      props.onDecided(res.proposal);
    });

  const refuse = () =>
    run(async () => {
      props.onDecided(
        await api.refuseProposal(proposal.id, { party_id: party, reason: reason.trim() }),
      );
    });

  return (
    <section className="signing-panel" data-testid="signing-panel" aria-labelledby="signing-title">
      <h3 id="signing-title">Sign for {party}</h3>
      <div className="signing-key" data-testid="signing-key">
        <h4>Signing key</h4>
        {unsupported && <p className="error">{unsupported}</p>}
        {key ? (
          <>
            <p>
              Fingerprint{' '}
              <code data-testid="key-fingerprint" className="digest">
                {key.fingerprint}
              </code>
            </p>
            <p
              data-testid="key-status"
              data-registered={active ? 'true' : 'false'}
              className={active ? 'ok' : 'warn'}
            >
              {active
                ? `Registered for ${party} on ${active.created_at.slice(0, 16).replace('T', ' ')} UTC.`
                : registered === null
                  ? 'Checking registration…'
                  : 'Not registered (or revoked) on the server.'}
            </p>
            {!active && registered !== null && (
              <>
                <p>
                  Public key (raw, base64) for an administrator to register:{' '}
                  <code data-testid="public-key">{key.publicKey}</code>
                </p>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => void register()}
                >
                  Register this key
                </button>{' '}
              </>
            )}
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void discard()}
            >
              Forget this browser’s key
            </button>
            <p className="hint">
              The private key stays in this browser (it cannot be exported). Compare the fingerprint
              with the other parties out of band.
            </p>
          </>
        ) : (
          <>
            <p>This browser holds no signing key for {party}.</p>
            <button
              type="button"
              data-testid="create-key"
              disabled={busy || !!unsupported}
              onClick={() => void create()}
            >
              Create signing key
            </button>
          </>
        )}
      </div>
      <div className="decision">
        <button
          type="button"
          data-testid="sign-proposal"
          disabled={busy || !key || !active}
          onClick={() => void sign()}
        >
          Sign digest
        </button>
        <label className="refuse-reason">
          Reason for refusing
          <textarea
            data-testid="refuse-reason"
            value={reason}
            rows={2}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="danger"
          data-testid="refuse-proposal"
          disabled={busy || reason.trim().length < 3}
          onClick={() => void refuse()}
        >
          Refuse
        </button>
      </div>
      <ErrorText error={error} testId="signing-error" />
    </section>
  );
}
