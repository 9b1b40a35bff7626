import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { wait } from './stream.ts';

describe('the live feed poll sleep', () => {
  it('leaves no abort listener behind after each poll, however many polls a stream makes', async () => {
    const done = new AbortController();
    for (let i = 0; i < 20; i++) await wait(1, done.signal);
    expect(getEventListeners(done.signal, 'abort')).toHaveLength(0);
  });

  it('wakes at once when the stream ends', async () => {
    const done = new AbortController();
    const sleeping = wait(60_000, done.signal);
    done.abort();
    await expect(sleeping).resolves.toBeUndefined();
  });
});
