// Proposals and signatures through HTTP and the CLI: digest, forged and wrong-party signatures,
// adoption into a version that the engine picks up at once, the diff, refusal, supersession and
// offline verification of an exported bundle.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/domain/incident.ts';
import { canonicalJson } from '../src/domain/proposal.ts';
import { generateKeyPair, parsePrivateKey, signDigest } from '../src/domain/signing.ts';
import { runCli, runCliAsync, tempContext, testServer } from './helpers.ts';
import { airStrike, proposalInput, setupScenario, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let url: string;
let headers: Record<Caller, { authorization: string }>;
const gov = generateKeyPair();
const opp = generateKeyPair();

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  ({ headers } = await setupScenario(env.ctx));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const call = (as: Caller, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown) =>
  app.inject({
    method,
    url: path,
    headers: headers[as],
    ...(payload !== undefined && { payload: payload as object }),
  });
const body = <T = Record<string, any>>(r: { body: string }) => JSON.parse(r.body) as T; // eslint-disable-line @typescript-eslint/no-explicit-any

interface View {
  id: string;
  status: string;
  digest: string;
  canonical_content: string;
  version_id: string | null;
  parties: { party_id: string; state: string; key_fingerprint?: string; reason?: string }[];
  diff: {
    base: { label: string } | null;
    zones: { added: { key: string }[]; removed: { key: string }[]; unchanged: string[] };
    terms: { changed: boolean; parts: { op: string; text: string }[] };
    window: { extended_by_hours: number | null };
  };
}

describe('a proposal signed by every required party becomes the next version', () => {
  let proposal: View;

  it('registers each party’s public key (a liaison for their own party only)', async () => {
    expect((await call('liaison-gov', 'POST', '/api/v1/parties/GOV/keys', { public_key: gov.publicKeyPem })).statusCode).toBe(201);
    expect((await call('liaison-gov', 'POST', '/api/v1/parties/OPP/keys', { public_key: opp.publicKeyPem })).statusCode).toBe(403);
    expect((await call('admin', 'POST', '/api/v1/parties/OPP/keys', { public_key: opp.publicKeyPem })).statusCode).toBe(201);
    const bad = await call('admin', 'POST', '/api/v1/parties/OPP/keys', { public_key: 'not a key at all, not even close to one!!' });
    expect(bad.statusCode).toBe(400);
    expect(body(bad).error.field).toBe('public_key');
    const keys = body(await call('public', 'GET', '/api/v1/parties/GOV/keys'));
    expect(keys.items.map((k: { fingerprint: string }) => k.fingerprint)).toEqual([gov.fingerprint]);
  }); // prettier-ignore

  it('puts out a proposal whose digest is SHA-256 of its canonical JSON, with a diff', async () => {
    // An incident after v1 has ended: no violation until an extension is in force.
    await call('analyst', 'POST', '/api/v1/incidents', airStrike({ external_id: 'AIR-2', occurred_at: '2018-02-19T10:00:00Z' }));
    expect(body(await call('analyst', 'GET', '/api/v1/violations?status=all')).total).toBe(1);
    const r = await call('mediator', 'POST', '/api/v1/agreements/test-coh/proposals', proposalInput());
    expect(r.statusCode).toBe(201);
    proposal = body<View>(r);
    expect(proposal.digest).toBe(sha256Hex(proposal.canonical_content));
    expect(canonicalJson(JSON.parse(proposal.canonical_content))).toBe(proposal.canonical_content);
    expect(proposal.parties).toEqual([
      { party_id: 'GOV', state: 'pending' },
      { party_id: 'OPP', state: 'pending' },
    ]);
    expect(proposal.diff.base?.label).toBe('v1');
    expect(proposal.diff.zones.added.map((z) => z.key)).toEqual(['school']);
    expect(proposal.diff.zones.removed.map((z) => z.key)).toEqual(['carve']);
    expect(proposal.diff.zones.unchanged).toEqual(['area']);
    expect(proposal.diff.window.extended_by_hours).toBe(48);
    expect(proposal.diff.terms.parts.filter((p) => p.op === 'insert').map((p) => p.text).join('')).toContain('another 48 hours');
  }); // prettier-ignore

  it('rejects forged, wrong-key and wrong-party signatures, changing nothing', async () => {
    const path = `/api/v1/proposals/${proposal.id}/signatures`;
    const forged = await call('liaison-gov', 'POST', path, {
      party_id: 'GOV',
      signature: Buffer.alloc(64, 7).toString('base64'),
    });
    expect(forged.statusCode).toBe(422);
    expect(body(forged).error.code).toBe('bad_signature');
    // A valid signature, but by OPP's key, submitted as GOV's.
    const oppKey = parsePrivateKey(opp.privateKeyPem);
    const wrongKey = await call('liaison-gov', 'POST', path, {
      party_id: 'GOV',
      signature: signDigest(oppKey, proposal.digest),
    });
    expect(body(wrongKey).error.code).toBe('bad_signature');
    // GOV's key over another digest.
    const govKey = parsePrivateKey(gov.privateKeyPem);
    const otherDigest = await call('liaison-gov', 'POST', path, {
      party_id: 'GOV',
      signature: signDigest(govKey, sha256Hex('something else')),
    });
    expect(body(otherDigest).error.code).toBe('bad_signature');
    // A liaison may not sign for another party, even with that party's valid signature.
    const wrongParty = await call('liaison-gov', 'POST', path, {
      party_id: 'OPP',
      signature: signDigest(oppKey, proposal.digest),
    });
    expect(wrongParty.statusCode).toBe(403);
    const view = body<View>(await call('mediator', 'GET', `/api/v1/proposals/${proposal.id}`));
    expect(view.parties.map((p) => p.state)).toEqual(['pending', 'pending']);
  });

  it('stores a valid signature with its key fingerprint; a second one is refused', async () => {
    const sig = signDigest(parsePrivateKey(gov.privateKeyPem), proposal.digest);
    const path = `/api/v1/proposals/${proposal.id}/signatures`;
    const r = await call('liaison-gov', 'POST', path, { party_id: 'GOV', signature: sig });
    expect(r.statusCode).toBe(201);
    expect(body(r).adopted).toBe(false);
    expect(body(r).proposal.parties[0]).toMatchObject({
      party_id: 'GOV',
      state: 'signed',
      key_fingerprint: gov.fingerprint,
    });
    const again = await call('liaison-gov', 'POST', path, { party_id: 'GOV', signature: sig });
    expect(again.statusCode).toBe(409);
  });

  it('the last signature, made with `truceline sign`, adopts it and the engine picks it up', async () => {
    const dir = env.dir;
    writeFileSync(join(dir, 'OPP.key.pem'), opp.privateKeyPem);
    const token = headers['liaison-opp'].authorization.slice('Bearer '.length);
    const r = await runCliAsync(
      ['sign', proposal.id, '--key', join(dir, 'OPP.key.pem'), '--server', url],
      { TRUCELINE_TOKEN: token },
    );
    expect(r.stderr).toContain(proposal.digest);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('it is now version v2');
    const view = body<View>(await call('mediator', 'GET', `/api/v1/proposals/${proposal.id}`));
    expect(view.status).toBe('adopted');
    const versions = body(await call('public', 'GET', '/api/v1/agreements/test-coh/versions'));
    const v2 = versions.items.find((v: { label: string }) => v.label === 'v2');
    expect(v2).toMatchObject({ proposal_id: proposal.id, signed_by: ['GOV', 'OPP'], id: view.version_id });
    // AIR-2 (19 Feb) now violates v2: the area and the new school safe zone.
    const vs = body(await call('analyst', 'GET', '/api/v1/violations?agreement=test-coh'));
    const air2 = vs.items.filter((v: { incident_ref: string }) => v.incident_ref === 'AIR-2');
    expect(air2.map((v: { zone_key: string }) => v.zone_key).sort()).toEqual(['area', 'school']);
  }); // prettier-ignore

  it('`truceline proposals verify` re-checks every signature offline, and catches a tampered bundle', async () => {
    const bundleFile = join(env.dir, 'bundle.json');
    const exp = runCli(['proposals', 'export', proposal.id, '--db', env.path, '--out', bundleFile]);
    expect(exp.code, exp.stderr).toBe(0);
    const ok = runCli(['proposals', 'verify', bundleFile]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('every required party has signed');
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8'));
    bundle.content = bundle.content.replace('"valid_until":"2018-02-20', '"valid_until":"2018-02-27');
    writeFileSync(bundleFile, JSON.stringify(bundle));
    const bad = runCli(['proposals', 'verify', bundleFile]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('DOES NOT match');
    expect(bad.stdout).toContain('INVALID GOV');
  }); // prettier-ignore
});

describe('refusals, supersession and who may propose', () => {
  it('a refusal is final and closes the proposal; a successor names it; a superseded proposal can no longer be signed', async () => {
    const window = { valid_from: '2018-02-20T00:00:00Z', valid_until: '2018-02-22T00:00:00Z' };
    const first = body<View>(await call('mediator', 'POST', '/api/v1/agreements/test-coh/proposals', proposalInput({ label: 'v3', ...window })));
    const refused = await call('liaison-opp', 'POST', `/api/v1/proposals/${first.id}/refusals`, { party_id: 'OPP', reason: 'the school zone is too small' });
    expect(refused.statusCode).toBe(201);
    expect(body<View>(refused).status).toBe('refused');
    expect(body<View>(refused).parties[1]).toMatchObject({ state: 'refused', reason: 'the school zone is too small' });
    const late = await call('liaison-gov', 'POST', `/api/v1/proposals/${first.id}/signatures`, { party_id: 'GOV', signature: signDigest(parsePrivateKey(gov.privateKeyPem), first.digest) });
    expect(late.statusCode).toBe(409);
    expect(body(late).error.code).toBe('invalid_transition');
    // The successor names the refused proposal; the label is free again.
    const second = body<View>(await call('mediator', 'POST', '/api/v1/agreements/test-coh/proposals', proposalInput({ label: 'v3', supersedes: first.id, ...window })));
    const lineage = body<View & { superseded_by: string[] }>(await call('liaison-gov', 'GET', `/api/v1/proposals/${first.id}`));
    expect([lineage.status, lineage.superseded_by]).toEqual(['refused', [second.id]]);
    expect((await call('mediator', 'POST', '/api/v1/agreements/test-coh/proposals', proposalInput({ label: 'v3' }))).statusCode).toBe(409);
    // A version recorded outside the system cannot take the label of an open proposal either.
    const taken = await call('mediator', 'POST', '/api/v1/agreements/test-coh/versions', { ...proposalInput({ label: 'v3' }), signed_by: ['GOV', 'OPP'] });
    expect(taken.statusCode).toBe(409);
    const third = body<View>(await call('mediator', 'POST', '/api/v1/agreements/test-coh/proposals', proposalInput({ label: 'v3', supersedes: second.id, ...window, valid_until: '2018-02-23T00:00:00Z' })));
    expect(body<View>(await call('mediator', 'GET', `/api/v1/proposals/${second.id}`)).status).toBe('superseded');
    const tooLate = await call('liaison-gov', 'POST', `/api/v1/proposals/${second.id}/signatures`, { party_id: 'GOV', signature: signDigest(parsePrivateKey(gov.privateKeyPem), second.digest) });
    expect(body(tooLate).error.code).toBe('invalid_transition');
    // A liaison may not supersede a proposal the mediator put out.
    const hijack = await call('liaison-gov', 'POST', '/api/v1/agreements/test-coh/proposals', proposalInput({ label: 'v3', supersedes: third.id, ...window }));
    expect(hijack.statusCode).toBe(403);
  }); // prettier-ignore

  it('a liaison may propose only for agreements their party is party to; input errors name the field', async () => {
    const r = await call('liaison-gov', 'POST', '/api/v1/agreements/test-coh/proposals', proposalInput({ label: 'v4', valid_from: '2018-03-01T00:00:00Z', valid_until: null }));
    expect(r.statusCode).toBe(201);
    const bad = await call('mediator', 'POST', '/api/v1/agreements/test-coh/proposals', proposalInput({ label: 'v5', valid_until: '2018-02-01T00:00:00Z' }));
    expect(bad.statusCode).toBe(400);
    expect(body(bad).error.field).toBe('valid_until');
    const unknown = await call('mediator', 'POST', '/api/v1/agreements/test-coh/proposals', proposalInput({ label: 'v5', required_signatories: ['GOV', 'NOPE'] }));
    expect(body(unknown).error.field).toBe('required_signatories[1]');
  }); // prettier-ignore
});

describe('truceline keys', () => {
  it('generates a key pair (private key mode 600), registers the public key, and signs with it', async () => {
    const out = join(env.dir, 'keys');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out);
    const gen = runCli(['keys', 'generate', '--party', 'OPP', '--out', out]);
    expect(gen.code, gen.stderr).toBe(0);
    const fingerprint = /fingerprint: ([0-9a-f]{64})/.exec(gen.stdout)![1]!;
    const { statSync } = await import('node:fs');
    expect(statSync(join(out, 'OPP.key.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(out, 'OPP.pub.pem'), 'utf8')).toMatch(/BEGIN PUBLIC KEY/);
    expect(runCli(['keys', 'generate', '--party', 'OPP', '--out', out]).code).toBe(1);
    const leaked = runCli(['keys', 'add', '--party', 'OPP', '--public-key', join(out, 'OPP.key.pem'), '--db', env.path]);
    expect(leaked.code).toBe(1);
    expect(leaked.stderr).toMatch(/PRIVATE key/);
    const add = runCli(['keys', 'add', '--party', 'OPP', '--public-key', join(out, 'OPP.pub.pem'), '--db', env.path]);
    expect(add.code, add.stderr).toBe(0);
    expect(runCli(['keys', 'list', '--party', 'OPP', '--db', env.path]).stdout).toContain(fingerprint);
    const open = body<View>(await call('mediator', 'POST', '/api/v1/agreements/test-coh/proposals', proposalInput({ label: 'v9', valid_from: '2018-04-01T00:00:00Z', valid_until: null })));
    const token = headers['liaison-opp'].authorization.slice('Bearer '.length);
    const sign = await runCliAsync(['sign', open.id, '--key', join(out, 'OPP.key.pem'), '--server', url, '--token', token, '--no-submit']);
    expect(sign.code, sign.stderr).toBe(0);
    const printed = JSON.parse(sign.stdout);
    expect(printed).toMatchObject({ party_id: 'OPP', key_fingerprint: fingerprint });
    const r = await call('liaison-opp', 'POST', `/api/v1/proposals/${open.id}/signatures`, printed);
    expect(r.statusCode).toBe(201);
  }); // prettier-ignore
});

describe('truceline keys against a server', () => {
  it('a liaison registers and revokes their own party’s key remotely, and no other party’s', async () => {
    const dir = join(env.dir, 'remote');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    expect(runCli(['keys', 'generate', '--party', 'GOV', '--out', dir]).code).toBe(0);
    const token = headers['liaison-gov'].authorization.slice('Bearer '.length);
    const pub = join(dir, 'GOV.pub.pem');
    const add = await runCliAsync(['keys', 'add', '--party', 'GOV', '--public-key', pub, '--server', url, '--token', token]);
    expect(add.code, add.stderr).toBe(0);
    const fp = /registered ([0-9a-f]{64}) for GOV/.exec(add.stdout)![1]!;
    const other = await runCliAsync(['keys', 'add', '--party', 'OPP', '--public-key', pub, '--server', url, '--token', token]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/403.*own party/);
    const revoke = await runCliAsync(['keys', 'revoke', '--party', 'GOV', '--fingerprint', fp, '--server', url, '--token', token]);
    expect(revoke.code, revoke.stderr).toBe(0);
    const keys = body(await call('public', 'GET', '/api/v1/parties/GOV/keys')).items;
    expect(keys.find((k: { fingerprint: string }) => k.fingerprint === fp).revoked_at).not.toBeNull();
  }); // prettier-ignore
});
