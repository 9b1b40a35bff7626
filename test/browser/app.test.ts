// The web app in a real browser against the real server and the demo: sign-in and the header, the
// live map (zones in force, incidents, what MapLibre renders, the time controls and the Damascus
// extension), and live triage on the violation desk across two signed-in browsers.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { hasChromium, startHarness, type Harness } from './harness.ts';
import { deskCases } from './desk.cases.ts';
import { mapCases } from './map.cases.ts';
import { proposalCases } from './proposals.cases.ts';
import { signInCases } from './sign-in.cases.ts';

describe.skipIf(!hasChromium)('the web app in Chromium', () => {
  let harness: Harness | undefined;
  const h = () => {
    expect(harness, 'the harness started').toBeDefined();
    return harness!;
  };
  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  signInCases(h);
  mapCases(h);
  deskCases(h);
  proposalCases(h);
});
