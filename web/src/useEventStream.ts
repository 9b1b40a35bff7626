// The live feed (/api/v1/stream, server-sent events): an EventSource that reports whether it is
// connected and hands each named event to the caller. The browser reconnects by itself and sends
// Last-Event-ID, so the server resumes after the last event seen; nothing is lost in a gap.
import { useEffect, useRef, useState } from 'react';

export interface FeedEvent {
  type: string;
  id: string;
  data: Record<string, unknown>;
}

/** Events after which the violation queue may have changed. */
export const QUEUE_EVENTS = [
  'violation.status',
  'violations.detected',
  'violations.reevaluated',
  'incident.created',
  'incident.updated',
  'incidents.imported',
  'incident.merged',
  'incident.unmerged',
  'version.recorded',
  'proposal.adopted',
] as const;
/** Events after which a proposal or the list of proposals may have changed. */
export const PROPOSAL_EVENTS = [
  'proposal.created',
  'proposal.signed',
  'proposal.refused',
  'proposal.withdrawn',
  'proposal.adopted',
  'version.recorded',
] as const;
export const SHIFT_EVENTS = ['shift.started', 'shift.handover'] as const;

export type LiveState = 'connecting' | 'live' | 'offline';

export function useEventStream(
  types: readonly string[],
  onEvent: (e: FeedEvent) => void,
  url = '/api/v1/stream',
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const typesKey = types.join(',');

  useEffect(() => {
    const source = new EventSource(url);
    const listener = (e: MessageEvent<string>) => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(e.data) as Record<string, unknown>;
      } catch {
        // A frame that is not JSON still tells us something happened.
      }
      handler.current({ type: e.type, id: e.lastEventId, data });
    };
    const names = typesKey.split(',').filter(Boolean);
    for (const name of names) source.addEventListener(name, listener);
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.OPEN ? 'live' : 'offline');
    return () => {
      for (const name of names) source.removeEventListener(name, listener);
      source.close();
    };
  }, [typesKey, url]);

  return state;
}
