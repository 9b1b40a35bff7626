// GET /api/v1/stream: live events for the desk over a real connection, filtered by what the caller
// may see, and resumed without loss after a reconnect with Last-Event-ID.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempContext, testServer } from './helpers.ts';
import { airStrike, setupScenario, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let url: string;
let headers: Record<Caller, { authorization: string }>;

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  ({ headers } = await setupScenario(env.ctx));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  await app.close();
  await env.close();
});

interface Frame {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** Opens the stream and collects frames until `until` says enough; then disconnects. */
async function follow(
  as: Caller,
  until: (frames: Frame[]) => boolean,
  lastEventId?: number,
  afterOpen?: () => Promise<unknown>,
): Promise<Frame[]> {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/v1/stream`, {
    headers: { ...headers[as], ...(lastEventId !== undefined && { 'last-event-id': String(lastEventId) }) },
    signal: abort.signal,
  }); // prettier-ignore
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buffer = '';
  let opened = false;
  try {
    while (!until(frames)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => /^(\w+): (.*)$/gm.exec(block) && block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2); // prettier-ignore
        const id = field('id');
        if (id !== undefined)
          frames.push({ id: Number(id), event: field('event')!, data: JSON.parse(field('data')!) });
      }
      if (!opened) {
        opened = true;
        await afterOpen?.();
      }
    }
  } finally {
    abort.abort();
  }
  return frames;
}

const post = (as: Caller, path: string, payload: unknown) =>
  app.inject({ method: 'POST', url: path, headers: headers[as], payload: payload as object });

describe('live feed', () => {
  let lastSeen = 0;

  it('pushes new incidents and their violations to the desk as they are recorded', async () => {
    const frames = await follow(
      'monitor',
      (f) => f.some((x) => x.event === 'violations.detected'),
      undefined,
      () => post('analyst', '/api/v1/incidents', airStrike({ external_id: 'LIVE-1' })),
    );
    const created = frames.find((f) => f.event === 'incident.created')!;
    expect(created.data).toMatchObject({ external_id: 'LIVE-1', event_type: 'Explosions/Remote violence' });
    const detected = frames.find((f) => f.event === 'violations.detected')!;
    expect((detected.data.violations as { zone_key: string }[]).map((v) => v.zone_key)).toEqual(['area']);
    expect(detected.id).toBeGreaterThan(created.id);
    lastSeen = Math.max(...frames.map((f) => f.id));
  }, 30_000); // prettier-ignore

  it('resumes after a reconnect with Last-Event-ID, without losing what happened meanwhile', async () => {
    // Disconnected: two incidents are recorded.
    await post('analyst', '/api/v1/incidents', airStrike({ external_id: 'GAP-1' }));
    await post('analyst', '/api/v1/incidents', airStrike({ external_id: 'GAP-2' }));
    const frames = await follow(
      'monitor',
      (f) => f.filter((x) => x.event === 'incident.created').length >= 2,
      lastSeen,
    );
    expect(frames[0]!.id).toBe(lastSeen + 1);
    expect(frames.filter((f) => f.event === 'incident.created').map((f) => f.data.external_id)).toEqual(['GAP-1', 'GAP-2']);
  }, 30_000); // prettier-ignore

  it('shows each caller only what they may see', async () => {
    const from = lastSeen;
    const everything = await follow('analyst', (f) => f.some((x) => x.data.external_id === 'GAP-2'), from);
    expect(everything.some((f) => f.event === 'violations.detected')).toBe(true);
    const pub = await follow('public', (f) => f.some((x) => x.data.external_id === 'GAP-2'), from);
    expect(pub.some((f) => f.event === 'incident.created')).toBe(true);
    expect(pub.some((f) => f.event === 'violations.detected')).toBe(false);
  }, 30_000); // prettier-ignore

  it('refuses a caller who is not signed in', async () => {
    expect((await fetch(`${url}/api/v1/stream`)).status).toBe(401);
  });
});
