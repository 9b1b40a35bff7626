// Small shared pieces: the live-feed indicator, inline errors, and a status badge that says its
// status in words (colour is never the only signal).
import { Component, type ReactNode } from 'react';
import type { LiveState } from './useEventStream.ts';

export function LiveIndicator({ state }: { state: LiveState }) {
  const live = state === 'live';
  return (
    <span
      className={`live-indicator ${live ? 'is-live' : 'is-offline'}`}
      data-testid="live"
      role="status"
      aria-live="polite"
      title={live ? 'Following the live feed' : 'Not connected to the live feed; retrying'}
    >
      <span className="dot" aria-hidden="true">
        {live ? '●' : '○'}
      </span>{' '}
      {live ? 'live' : 'offline'}
    </span>
  );
}

export function ErrorText(props: { error: string | null | undefined; testId?: string }) {
  if (!props.error) return null;
  return (
    <p className="error" role="alert" data-testid={props.testId}>
      {props.error}
    </p>
  );
}

const STATUS_LABEL: Record<string, string> = {
  flagged: 'Flagged',
  under_review: 'Under review',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
  superseded: 'Superseded',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status-badge status-${status}`}>{STATUS_LABEL[status] ?? status}</span>;
}

export function CertaintyBadge({ certainty }: { certainty: string }) {
  return (
    <span className={`certainty-badge certainty-${certainty}`}>
      <span aria-hidden="true">{certainty === 'certain' ? '!' : '?'}</span> {certainty}
    </span>
  );
}

/** Shows what went wrong instead of a blank page, with a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="auth-screen">
        <div className="auth-card" role="alert">
          <h1>Something went wrong</h1>
          <p className="error">{this.state.error.message}</p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </main>
    );
  }
}
