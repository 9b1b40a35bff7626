// GET /api/v1/stream: server-sent events for the 24/7 desk — new incidents, violations, status
// changes, proposals and notices — filtered by what the caller may see. Events are read from the
// feed table, so events written by another process (the CLI) arrive too, and a client that
// reconnects with Last-Event-ID gets everything after that id. A stream whose session is signed out
// or expires ends within a minute.
import { streamQuery } from '../../api/stream.ts';
import type { AppContext } from '../../app/context.ts';
import { canSeeFeedEvent, FOLLOW_FEED } from '../../domain/access.ts';
import type { FeedEvent } from '../../domain/accountability-types.ts';
import { sessionOf } from '../auth.ts';
import type { RouteRegistry } from '../route-registry.ts';

const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;
/** How often a long-lived stream re-checks its credential (sign-out, expiry, disabled user). */
const RECHECK_MS = 60_000;
const PAGE = 500;

export function sseFrame(e: FeedEvent): string {
  const data = JSON.stringify({ seq: e.seq, at: new Date(e.at).toISOString(), ...e.payload });
  return `id: ${e.seq}\nevent: ${e.type}\ndata: ${data}\n\n`;
}

/** Sleeps `ms`, or less if `signal` aborts; the abort listener goes when the sleep ends. */
export const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

export function streamRoutes(r: RouteRegistry, ctx: AppContext, shutdown: AbortSignal): void {
  r.add({
    method: 'GET',
    url: '/api/v1/stream',
    tag: 'desk',
    summary: 'Follow the live feed (server-sent events; resume with Last-Event-ID)',
    access: { roles: FOLLOW_FEED },
    query: streamQuery,
    response: {
      status: 200,
      description: 'text/event-stream',
      contentTypes: ['text/event-stream'],
    },
    handler: async ({ req, reply, actor, query }) => {
      const header = Number(req.headers['last-event-id']);
      let last = Number.isInteger(header) && header >= 0 ? header : query.last_event_id;
      last ??= await ctx.store.feedHead();
      const done = new AbortController();
      const stop = () => done.abort();
      req.raw.on('close', stop);
      shutdown.addEventListener('abort', stop, { once: true });
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 2000\n: following the feed after event ${last}\n\n`);
      let quietSince = Date.now();
      let checkedAt = Date.now();
      while (!done.signal.aborted) {
        if (Date.now() - checkedAt >= RECHECK_MS) {
          checkedAt = Date.now();
          if (!(await sessionOf(ctx, req))) break;
        }
        const events = await ctx.store.eventsAfter(last, PAGE);
        for (const e of events) {
          last = e.seq;
          if (canSeeFeedEvent(actor, e)) {
            res.write(sseFrame(e));
            quietSince = Date.now();
          }
        }
        if (Date.now() - quietSince >= HEARTBEAT_MS) {
          res.write(': keep-alive\n\n');
          quietSince = Date.now();
        }
        if (events.length < PAGE) await wait(POLL_MS, done.signal);
      }
      shutdown.removeEventListener('abort', stop);
      res.end();
    },
  });
}
