// Shift handover: start a shift, then hand it over with notes, open items (one per line,
// "reference: note") and optionally whom it goes to; the server records the queue as it stands.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api.ts';
import { ErrorText } from '../components.tsx';
import { formatInstant } from '../time.ts';
import type { Shift } from '../types.ts';

/** "DEMO-0005: check the second source" → { ref, note }; a line without a colon is all ref. */
export function parseOpenItems(text: string): { ref: string; note: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf(':');
      return i > 0
        ? { ref: l.slice(0, i).trim(), note: l.slice(i + 1).trim() }
        : { ref: l, note: '' };
    });
}

export function Handover(props: { refreshKey: number; onMessage: (m: string) => void }) {
  const [shifts, setShifts] = useState<Shift[] | null>(null);
  const [notes, setNotes] = useState('');
  const [items, setItems] = useState('');
  const [handedTo, setHandedTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api
      .shifts()
      .then((r) => setShifts(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(() => load(), [load, props.refreshKey]);

  const open = shifts?.find((s) => s.handed_over_at === null) ?? null;
  const last = shifts?.find((s) => s.handed_over_at !== null) ?? null;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.startShift();
      props.onMessage('Shift started.');
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!open) return;
    setBusy(true);
    setError(null);
    try {
      await api.handover(open.id, {
        notes: notes.trim(),
        open_items: parseOpenItems(items),
        ...(handedTo.trim() && { handed_to: handedTo.trim() }),
      });
      setNotes('');
      setItems('');
      setHandedTo('');
      props.onMessage('Shift handed over; the queue as it stands was recorded with it.');
      load();
    } catch (err) {
      setError(errorMessage(err));
    }
    setBusy(false);
  };

  return (
    <section className="panel handover" aria-labelledby="handover-title" data-testid="handover">
      <h2 id="handover-title">Shift handover</h2>
      {last && (
        <p className="muted small">
          Last handover: {formatInstant(last.handed_over_at)} by {last.handed_over_by}
          {last.handed_to ? ` to ${last.handed_to}` : ''}.
        </p>
      )}
      {!open ? (
        <>
          <p>No shift is open.</p>
          <button type="button" onClick={() => void start()} disabled={busy}>
            Start a shift
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p className="muted small">
            Shift started {formatInstant(open.started_at)} by {open.started_by}.
          </p>
          <label htmlFor="handover-notes">Handover notes (required)</label>
          <textarea
            id="handover-notes"
            data-testid="handover-notes"
            required
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
          <label htmlFor="handover-items">Open items (one per line, “reference: note”)</label>
          <textarea
            id="handover-items"
            data-testid="handover-items"
            rows={3}
            value={items}
            onChange={(e) => setItems(e.target.value)}
          />
          <label htmlFor="handover-to">Hand over to (user name, optional)</label>
          <input
            id="handover-to"
            value={handedTo}
            onChange={(e) => setHandedTo(e.target.value)}
            autoComplete="off"
          />
          <button type="submit" data-testid="handover-submit" disabled={busy || !notes.trim()}>
            Hand over shift
          </button>
        </form>
      )}
      <ErrorText error={error} />
    </section>
  );
}
