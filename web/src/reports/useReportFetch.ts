// Fetching a report: it can take seconds over a large history (and a PDF is printed by Chromium
// on the server), so the caller gets `busy` with the seconds elapsed for its progress indicator,
// and the server's error message (a bad date, Chromium missing) when it refuses.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';

export interface ReportFetch {
  busy: string | null;
  elapsed: number;
  error: string | null;
  run: (label: string, url: string) => Promise<Response | null>;
}

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `the server answered ${res.status}`;
  } catch {
    return `the server answered ${res.status}`;
  }
}

export function useReportFetch(): ReportFetch {
  const [busy, setBusy] = useState<string | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [busy]);
  useEffect(() => () => abort.current?.abort(), []);

  const run = useCallback(async (label: string, url: string) => {
    abort.current?.abort();
    const mine = new AbortController();
    abort.current = mine;
    setBusy(label);
    setError(null);
    try {
      const res = await fetch(url, { credentials: 'same-origin', signal: mine.signal });
      if (!res.ok) {
        setError(await errorOf(res));
        return null;
      }
      return res;
    } catch (e) {
      if (!mine.signal.aborted)
        setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
      return null;
    } finally {
      if (abort.current === mine) setBusy(null);
    }
  }, []);

  return { busy, elapsed, error, run };
}
