// The violation queue (flagged and under review, newest incident first), refetched whenever the live
// feed says violations changed; rows that appear or change status are marked for five seconds.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../api.ts';
import type { Violation } from '../types.ts';

export const HIGHLIGHT_MS = 5_000;

export interface Queue {
  items: Violation[];
  total: number;
  error: string | null;
  loading: boolean;
  /** Violation ids that just appeared or changed, until when (ms) to highlight them. */
  fresh: ReadonlyMap<string, number>;
  refresh: () => void;
}

export function useQueue(): Queue {
  const [items, setItems] = useState<Violation[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [fresh, setFresh] = useState<ReadonlyMap<string, number>>(new Map());
  const known = useRef<Map<string, string> | null>(null);
  const seq = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++seq.current;
    api
      .queue()
      .then((page) => {
        if (mine !== seq.current) return;
        const before = known.current;
        const now = Date.now();
        const changed: string[] = [];
        for (const v of page.items) if (before && before.get(v.id) !== v.status) changed.push(v.id);
        known.current = new Map(page.items.map((v) => [v.id, v.status]));
        setItems(page.items);
        setTotal(page.total);
        setError(null);
        setLoading(false);
        if (changed.length)
          setFresh((f) => {
            const next = new Map(f);
            for (const id of changed) next.set(id, now + HIGHLIGHT_MS);
            return next;
          });
      })
      .catch((e: unknown) => {
        if (mine !== seq.current) return;
        setError(`The queue could not be loaded: ${errorMessage(e)}`);
        setLoading(false);
      });
  }, []);

  useEffect(() => refresh(), [refresh]);

  // Drop highlights once their five seconds are over.
  useEffect(() => {
    if (fresh.size === 0) return;
    const next = Math.min(...fresh.values());
    const timer = setTimeout(
      () => setFresh((f) => new Map([...f].filter(([, until]) => until > Date.now()))),
      Math.max(0, next - Date.now()) + 20,
    );
    return () => clearTimeout(timer);
  }, [fresh]);

  return { items, total, error, loading, fresh, refresh };
}
