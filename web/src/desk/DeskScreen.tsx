// The violation desk: the live queue of flagged and under-review violations with keyboard triage
// (j / k or arrows move, Enter reviews, Escape closes), the review form, and the shift handover.
import { useCallback, useEffect, useState } from 'react';
import './desk.css';
import { LiveIndicator, ErrorText } from '../components.tsx';
import type { User } from '../types.ts';
import { QUEUE_EVENTS, SHIFT_EVENTS, useEventStream, type FeedEvent } from '../useEventStream.ts';
import { Handover } from './Handover.tsx';
import { Queue } from './Queue.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { useQueue } from './useQueue.ts';

const STREAM_EVENTS = [...QUEUE_EVENTS, ...SHIFT_EVENTS];
const isField = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(t.tagName));

export function DeskScreen(props: { user: User }) {
  const queue = useQueue();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [byKeyboard, setByKeyboard] = useState(false);
  const [message, setMessage] = useState('');
  const [shiftKey, setShiftKey] = useState(0);

  const { refresh } = queue;
  const onEvent = useCallback(
    (e: FeedEvent) => {
      if ((SHIFT_EVENTS as readonly string[]).includes(e.type)) setShiftKey((k) => k + 1);
      else refresh();
    },
    [refresh],
  );
  const live = useEventStream(STREAM_EVENTS, onEvent);
  // Whatever was missed while the feed was down is fetched again once it is back.
  useEffect(() => {
    if (live === 'live') refresh();
  }, [live, refresh]);

  const { items } = queue;
  const index = items.findIndex((v) => v.id === selectedId);
  const open = items.find((v) => v.id === openId) ?? null;

  // Keep a selection while the queue changes under it.
  useEffect(() => {
    if (items.length && index < 0) setSelectedId(items[0]!.id);
  }, [items, index]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape' && openId) {
        setOpenId(null);
        setByKeyboard(true);
        return;
      }
      const onRow = e.target instanceof HTMLElement && e.target.dataset.testid === 'queue-row';
      if (isField(e.target) && !onRow) return;
      const move = (d: number) => {
        e.preventDefault();
        const next = items[Math.min(items.length - 1, Math.max(0, (index < 0 ? 0 : index) + d))];
        if (next) setSelectedId(next.id);
        setByKeyboard(true);
      };
      if (e.key === 'j' || e.key === 'ArrowDown') move(1);
      else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
      else if (e.key === 'Enter' && selectedId) {
        e.preventDefault();
        setOpenId(selectedId);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [items, index, selectedId, openId]);

  const flagged = items.filter((v) => v.status === 'flagged').length;
  return (
    <main className="desk-screen" data-testid="desk" aria-labelledby="desk-title">
      <div className="desk-head">
        <h1 id="desk-title">Violation desk</h1>
        <LiveIndicator state={live} />
        <p className="muted">
          {flagged} flagged · {items.length - flagged} under review
          {queue.total > items.length ? ` (showing ${items.length} of ${queue.total})` : ''}
        </p>
        <p className="desk-message" role="status" aria-live="polite" data-testid="desk-message">
          {message}
        </p>
      </div>
      <p id="queue-keys" className="muted small">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> move · <kbd>Enter</kbd> review
        · <kbd>Escape</kbd> close. Rows marked “changed” were just updated by the live feed.
      </p>
      <div className="desk-body">
        <div className="queue-wrap">
          <ErrorText error={queue.error} />
          {!queue.loading && items.length === 0 && <p>The queue is empty.</p>}
          <Queue
            items={items}
            selectedId={selectedId}
            fresh={queue.fresh}
            focusSelected={byKeyboard && !open}
            onSelect={setSelectedId}
            onOpen={setOpenId}
          />
        </div>
        <div className="desk-side">
          {open && (
            <ReviewForm
              key={`${open.id}:${open.status}`}
              violation={open}
              role={props.user.role}
              onClose={() => {
                setOpenId(null);
                setByKeyboard(true);
              }}
              onDone={(m) => {
                setMessage(m);
                setOpenId(null);
                setByKeyboard(true);
                refresh();
              }}
            />
          )}
          <Handover refreshKey={shiftKey} onMessage={setMessage} />
        </div>
      </div>
    </main>
  );
}
