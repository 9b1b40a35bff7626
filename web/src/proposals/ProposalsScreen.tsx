// Agreements & proposals (#/proposals): each agreement with its versions on a timeline and its
// proposals; a proposal's digest, party states, terms diff and map diff; and, for a liaison of a
// required party, signing in the browser.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import './proposals.css';
import { isPartyBound } from '../../../src/domain/access.ts';
import { api, errorMessage } from '../api.ts';
import { ErrorText, LiveIndicator } from '../components.tsx';
import { formatInstant, formatWindow } from '../time.ts';
import { PROPOSAL_EVENTS, useEventStream } from '../useEventStream.ts';
import type {
  Agreement,
  ProposalDetail,
  ProposalSummary,
  User,
  VersionSummary,
  VersionWithZones,
} from '../types.ts';
import { DIFF_COLOURS, diffFeatures, ProposalMap } from './ProposalMap.tsx';
import { ProposalActions } from './ProposalActions.tsx';
import { SigningPanel } from './SigningPanel.tsx';

function setHashId(id: string | null) {
  const hash = `#/proposals${id ? `?id=${encodeURIComponent(id)}` : ''}`;
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

/**
 * Each version on its own lane over a shared time axis: the spans in which it is the version in
 * force drawn solid, the parts of its window a later version replaced drawn hatched ("superseded"),
 * and a line at now. Open-ended windows run to the right edge.
 */
function Timeline({ versions }: { versions: VersionSummary[] }) {
  if (versions.length === 0) return <p className="hint">No recorded versions.</p>;
  const now = Date.now();
  const starts = versions.map((v) => Date.parse(v.valid_from));
  const ends = versions.map((v) => (v.valid_until ? Date.parse(v.valid_until) : now));
  const lo = Math.min(...starts);
  const hi = Math.max(...ends, lo + 1);
  const pct = (t: number) => Math.min(100, Math.max(0, ((t - lo) / (hi - lo)) * 100));
  const place = (from: string, until: string | null) => {
    const left = pct(Date.parse(from));
    const right = until ? pct(Date.parse(until)) : 100;
    return { left: `${Math.min(left, 99)}%`, width: `${Math.max(right - left, 1)}%` };
  };
  const inForce = (v: VersionSummary) =>
    v.effective_windows.some(
      (s) => Date.parse(s.from) <= now && (s.until === null || now < Date.parse(s.until)),
    );
  const nowLeft = now >= lo && now <= hi ? `${pct(now)}%` : null;
  return (
    <>
      <ol className="version-timeline" aria-label="Versions">
        {versions.map((v) => (
          <li
            key={v.id}
            data-testid="version-block"
            data-version-label={v.label}
            data-in-force={inForce(v) ? 'true' : undefined}
            title={`${v.label}: ${formatWindow(v.valid_from, v.valid_until)}${v.superseded_windows.length > 0 ? ` — superseded ${v.superseded_windows.map((s) => formatWindow(s.from, s.until)).join(', ')}` : ''}`}
          >
            <span className="version-lane-label">
              <strong>{v.label}</strong>
              {inForce(v) ? <span className="in-force-badge">in force</span> : null}
            </span>
            <span className="version-lane">
              {v.effective_windows.map((s) => (
                <span
                  key={`e${s.from}`}
                  className="span-effective"
                  data-testid="effective-span"
                  style={place(s.from, s.until)}
                >
                  {formatWindow(s.from, s.until)}
                </span>
              ))}
              {v.superseded_windows.map((s) => (
                <span
                  key={`s${s.from}`}
                  className="span-superseded"
                  data-testid="superseded-span"
                  style={place(s.from, s.until)}
                  aria-label={`superseded ${formatWindow(s.from, s.until)}`}
                >
                  superseded
                </span>
              ))}
              {nowLeft ? <span className="now-line" style={{ left: nowLeft }} aria-hidden /> : null}
            </span>
          </li>
        ))}
      </ol>
      <div className="timeline-axis" aria-hidden>
        <span>{formatInstant(lo)}</span>
        <span>{versions.some((v) => v.valid_until === null) ? 'now' : formatInstant(hi)}</span>
      </div>
    </>
  );
}

function StateBadge({ state }: { state: string }) {
  return <span className={`party-state-badge state-${state}`}>{state}</span>;
}

function AgreementList(props: {
  agreements: Agreement[];
  proposals: ProposalSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <ul className="agreement-list">
      {props.agreements.map((a) => {
        const mine = props.proposals.filter((p) => p.agreement_id === a.id);
        return (
          <li key={a.id} className="agreement" data-testid="agreement" data-agreement-id={a.id}>
            <h3>
              {a.title} <code>{a.id}</code>
            </h3>
            <Timeline versions={[...(a.versions ?? [])].sort((x, y) => x.seq - y.seq)} />
            {mine.length > 0 ? (
              <ul className="proposal-list">
                {mine.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      className={`proposal-row ${p.id === props.selected ? 'selected' : ''}`}
                      data-testid="proposal-row"
                      data-proposal-id={p.id}
                      data-status={p.status}
                      aria-pressed={p.id === props.selected}
                      onClick={() => props.onSelect(p.id)}
                    >
                      <strong>{p.label}</strong> <StateBadge state={p.status} />{' '}
                      <span>
                        {p.signed}/{p.required} signed
                      </span>{' '}
                      <span className="hint">{formatInstant(p.created_at)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="hint">No proposals.</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const km2 = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(3)} km²`;

function ProposalView(props: {
  user: User;
  proposal: ProposalDetail;
  onDecided: (p: ProposalDetail) => void;
}) {
  const { proposal: p, user } = props;
  const [base, setBase] = useState<VersionWithZones | null>(null);
  const [baseError, setBaseError] = useState<string | null>(null);
  const baseId = p.diff.base?.version_id ?? null;
  useEffect(() => {
    let live = true;
    setBase(null);
    if (!baseId) return;
    api
      .versions(p.agreement_id)
      .then((r) => live && setBase(r.items.find((v) => v.id === baseId) ?? null))
      .catch((e: unknown) => live && setBaseError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [p.agreement_id, baseId]);
  const features = useMemo(() => diffFeatures(p, base), [p, base]);
  const { zones, window: w, terms } = p.diff;
  const mine =
    isPartyBound(user) && user.party_id
      ? p.parties.find((s) => s.party_id === user.party_id)
      : undefined;

  return (
    <article className="proposal-view" data-testid="proposal-view" data-proposal-id={p.id}>
      <header>
        <h2>
          {p.agreement_id} · proposal {p.label} <StateBadge state={p.status} />
        </h2>
        <p>
          Digest (SHA-256 of the canonical content):{' '}
          <code className="digest" data-testid="proposal-digest">
            {p.digest}
          </code>
        </p>
        <p className="hint">
          Compared with {p.diff.base ? `version ${p.diff.base.label}` : 'nothing (first version)'}.
          Put out by {p.created_by} on {formatInstant(p.created_at)}.
        </p>
      </header>

      <section aria-labelledby="parties-title">
        <h3 id="parties-title">Required parties</h3>
        <ul className="party-states">
          {p.parties.map((s) => (
            <li
              key={s.party_id}
              data-testid="party-state"
              data-party={s.party_id}
              data-state={s.state}
            >
              <strong>{s.party_id}</strong> <StateBadge state={s.state} />
              {s.state === 'signed' && (
                <span className="hint">
                  {' '}
                  {formatInstant(s.at)} · key <code>{s.key_fingerprint?.slice(0, 16)}…</code>
                </span>
              )}
              {s.state === 'refused' && (
                <span className="hint">
                  {' '}
                  {formatInstant(s.at)} · “{s.reason}”
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      {p.status === 'open' && mine?.state === 'pending' && user.party_id && (
        <SigningPanel party={user.party_id} proposal={p} onDecided={props.onDecided} />
      )}

      <ProposalActions user={user} proposal={p} onChanged={props.onDecided} />

      <section aria-labelledby="window-title">
        <h3 id="window-title">Validity window</h3>
        <p data-testid="window-change">
          {formatWindow(w.valid_from.before ?? undefined, w.valid_until.before)} →{' '}
          <strong>{formatWindow(w.valid_from.after, w.valid_until.after)}</strong>
          {w.extended_by_hours !== null && (
            <span>
              {' '}
              ({w.extended_by_hours > 0 ? 'extended' : 'shortened'} by{' '}
              {Math.abs(w.extended_by_hours)} h)
            </span>
          )}
        </p>
      </section>

      <section aria-labelledby="terms-title">
        <h3 id="terms-title">Terms {terms.changed ? '(changed)' : '(unchanged)'}</h3>
        <div className="terms-diff" data-testid="terms-diff">
          {terms.parts.map((part, i) =>
            part.op === 'insert' ? (
              <ins key={i}>{part.text}</ins>
            ) : part.op === 'delete' ? (
              <del key={i}>{part.text}</del>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </div>
        <details>
          <summary>Unified diff</summary>
          <pre className="unified-diff">{terms.unified}</pre>
        </details>
      </section>

      <section aria-labelledby="zones-title">
        <h3 id="zones-title">Zones (total area change {km2(zones.area_change_km2)})</h3>
        <ul className="diff-legend" aria-label="Legend">
          {(['added', 'removed', 'changed', 'unchanged'] as const).map((k) => (
            <li key={k}>
              <span
                className={`swatch swatch-${k}`}
                style={{ borderColor: DIFF_COLOURS[k] }}
                aria-hidden="true"
              />{' '}
              {k}
            </li>
          ))}
        </ul>
        <ErrorText error={baseError} />
        <ProposalMap features={features} />
        <ul className="zone-changes">
          {zones.added.map((z) => (
            <li key={`a-${z.key}`} data-testid="zone-change" data-change="added" data-zone={z.key}>
              <strong>Added</strong> {z.name} ({z.kind}) {km2(z.area_km2)}
            </li>
          ))}
          {zones.removed.map((z) => (
            <li
              key={`r-${z.key}`}
              data-testid="zone-change"
              data-change="removed"
              data-zone={z.key}
            >
              <strong>Removed</strong> {z.name} ({z.kind}) {km2(-z.area_km2)}
            </li>
          ))}
          {zones.changed.map((z) => (
            <li
              key={`c-${z.key}`}
              data-testid="zone-change"
              data-change="changed"
              data-zone={z.key}
            >
              <strong>Changed</strong> {z.name} ({z.changes.join(', ')}
              {z.kind_before !== z.kind_after ? `: ${z.kind_before} → ${z.kind_after}` : ''}){' '}
              {z.area_before_km2.toFixed(3)} → {z.area_after_km2.toFixed(3)} km² (
              {km2(z.area_change_km2)})
            </li>
          ))}
        </ul>
        {zones.unchanged.length > 0 && (
          <p className="hint" data-testid="zones-unchanged">
            Unchanged: {zones.unchanged.join(', ')}
          </p>
        )}
      </section>
    </article>
  );
}

export function ProposalsScreen(props: { user: User; params: URLSearchParams }) {
  const [agreements, setAgreements] = useState<Agreement[] | null>(null);
  const [proposals, setProposals] = useState<ProposalSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(() => props.params.get('id'));
  const [detail, setDetail] = useState<ProposalDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadList = useCallback(async () => {
    try {
      const [a, p] = await Promise.all([api.agreements(), api.proposals()]);
      setAgreements(a.items);
      setProposals(p.items);
    } catch (e) {
      setAgreements((x) => x ?? []);
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void loadList();
  }, [loadList]);

  useEffect(() => {
    let live = true;
    setHashId(selected);
    setDetail(null);
    if (!selected) return;
    api
      .proposal(selected)
      .then((d) => live && setDetail(d))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [selected]);

  // Live: another party's signature, a refusal, a new or withdrawn proposal, an adoption.
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const live = useEventStream(PROPOSAL_EVENTS, (e) => {
    void loadList();
    const id = selectedRef.current;
    if (id && (e.data.proposal_id === id || e.type === 'version.recorded'))
      api
        .proposal(id)
        .then((d) => selectedRef.current === id && setDetail(d))
        .catch((err: unknown) => setError(errorMessage(err)));
  });

  const onDecided = (p: ProposalDetail) => {
    setDetail(p);
    void loadList();
  };

  return (
    <main className="proposals-screen" data-testid="proposals-screen">
      <aside className="proposals-side">
        <h2>
          Agreements &amp; proposals <LiveIndicator state={live} />
        </h2>
        <ErrorText error={error} testId="proposals-error" />
        {agreements === null ? (
          <p role="status">Loading…</p>
        ) : (
          <AgreementList
            agreements={agreements}
            proposals={proposals}
            selected={selected}
            onSelect={(id) => {
              setError(null);
              setSelected(id);
            }}
          />
        )}
      </aside>
      <section className="proposals-main">
        {detail ? (
          <ProposalView key={detail.id} user={props.user} proposal={detail} onDecided={onDecided} />
        ) : selected ? (
          <p role="status">Loading the proposal…</p>
        ) : (
          <p className="hint">
            Choose a proposal to see its digest, the parties and what it changes.
          </p>
        )}
      </section>
    </main>
  );
}
