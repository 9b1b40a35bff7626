// The web app in a real browser against the real server and the demo: sign-in and the header, the
// live map (zones in force, incidents, what MapLibre renders, the time controls and the Damascus
// extension), live triage on the violation desk across two signed-in browsers, signing a proposal
// in the browser, the zone editor and its map diff, incident entry, and the daily report.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { hasChromium, startHarness, type Harness } from './harness.ts';
import { deskCases } from './desk.cases.ts';
import { editorCases } from './editor.cases.ts';
import { entryCases } from './entry.cases.ts';
import { mapCases } from './map.cases.ts';
import { reportCases } from './reports.cases.ts';
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
  editorCases(h);
  entryCases(h);
  reportCases(h);
});
