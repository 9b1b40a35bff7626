// The sign-off protocol of docs/SIGNING.md, checked against implementations that share no code
// with src/domain/signing.ts: WebCrypto (globalThis.crypto.subtle), OpenSSL and Python when they
// are installed, and the examples and recipes printed in the document itself, so the document
// cannot drift from the code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_FORMAT,
  proposalBundleSchema,
  verifyBundle,
  type ProposalBundle,
} from '../src/domain/proposal-bundle.ts';
import {
  canonicalJson,
  proposalContent,
  proposalContentSchema,
  proposalDigest,
  proposalInputSchema,
  type ProposalContent,
} from '../src/domain/proposal.ts';
import {
  generateKeyPair,
  parsePrivateKey,
  parsePublicKey,
  signDigest,
  verifyDigest,
  type KeyPairPem,
} from '../src/domain/signing.ts';

const { subtle } = globalThis.crypto;
const DOC = readFileSync(new URL('../docs/SIGNING.md', import.meta.url), 'utf8');

/** The code block right after `<!-- name -->` in docs/SIGNING.md, without its last newline. */
function docBlock(name: string): string {
  const marker = `<!-- ${name} -->`;
  const at = DOC.indexOf(marker);
  if (at < 0) throw new Error(`docs/SIGNING.md has no block marked ${marker}`);
  const m = /^\s*```[\w.-]*\n([\s\S]*?)\n```/.exec(DOC.slice(at + marker.length));
  if (!m) throw new Error(`docs/SIGNING.md has no code block after ${marker}`);
  return m[1]!;
}

// ---- encodings (no cryptography here) ----

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromHex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
/** Standard or URL-safe base64, padded or not. */
const fromBase64 = (text: string): Uint8Array =>
  Uint8Array.from(Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));

/** The body of a PEM block, decoded. */
const pemDer = (pem: string): Uint8Array =>
  fromBase64(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));

/** The 32 raw bytes of an Ed25519 SPKI PEM: the last 32 bytes of its 44-byte DER. */
function rawFromSpkiPem(pem: string): Uint8Array {
  const der = pemDer(pem);
  if (der.length !== 44 || hex(der.subarray(0, 12)) !== '302a300506032b6570032100')
    throw new Error('not an Ed25519 SPKI public key');
  return der.subarray(der.length - 32);
}

/** RFC 8785 as docs/SIGNING.md §2 states it, in a few lines, to show the rules are complete. */
function jcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort(); // UTF-16 code units
    return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value); // ES number and minimal string serialisation
}

// ---- WebCrypto: the independent verifier ----

const sha256 = async (bytes: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await subtle.digest('SHA-256', bytes));

interface WebCryptoCheck {
  digest: string;
  signatures: { party: string; fingerprint: string; verified: boolean }[];
}

/** Recomputes the digest and verifies each signature of a bundle with WebCrypto only. */
async function webCryptoCheck(bundle: ProposalBundle): Promise<WebCryptoCheck> {
  const digest = await sha256(utf8(bundle.content));
  const signatures: WebCryptoCheck['signatures'] = [];
  for (const s of bundle.signatures) {
    const raw = s.public_key.startsWith('-----BEGIN')
      ? rawFromSpkiPem(s.public_key)
      : fromBase64(s.public_key);
    const key = await subtle.importKey('raw', raw, { name: 'Ed25519' }, true, ['verify']);
    signatures.push({
      party: s.party_id,
      fingerprint: hex(await sha256(raw)),
      verified: await subtle.verify('Ed25519', key, fromBase64(s.signature), digest),
    });
  }
  return { digest: hex(digest), signatures };
}

async function webCryptoKeyPair() {
  const pair = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  if (!('privateKey' in pair)) throw new Error('expected a key pair');
  const raw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  return { pair, raw };
}

// ---- bundles made with Truceline's own functions ----

/** More digits than a double holds (in a string: the linter rightly flags such a literal). */
const SURPLUS_DIGITS = JSON.parse('36.2000000000000001') as number;

/** A proposal that exercises the canonicalisation rules: non-ASCII text, property keys beyond
 * U+FFFF, control characters, numbers with surplus digits, a numeric zone id. */
const INPUT = proposalInputSchema.parse({
  label: 'v7.1',
  terms: '  Feuer einstellen — 48 h; 停火. Tab:\there, "quotes", back\\slash, bell:\u0007 😀  ',
  valid_from: '2024-03-01T02:00:00+02:00',
  valid_until: null,
  required_signatories: ['SYR-GOV', 'OPP-EG'],
  zones: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 7,
        properties: {
          name: ' Zone 7 ',
          kind: 'corridor',
          '\uFB01': 1,
          '\u{1F600}': 'a/b',
          Z: [1.5e-7, 1e21],
        },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [SURPLUS_DIGITS, 33.5],
              [36.3, 33.5],
              [36.3, 33.6],
              [36.2, 33.6],
              [36.2, 33.5],
            ],
          ],
        },
      },
    ],
  },
});

let proposalCounter = 0;

/** A bundle for INPUT, signed by `signers` with the given key pairs, as the server would export. */
function makeBundle(keys: Record<string, KeyPairPem>, signers: string[]): ProposalBundle {
  proposalCounter += 1;
  const content = proposalContent(INPUT, {
    proposalId: `0190a1b2-c3d4-7e5f-8a9b-${String(proposalCounter).padStart(12, '0')}`,
    agreementId: 'DAMASCUS-2024',
    proposedAt: Date.parse('2024-02-27T10:00:00Z'),
  });
  const digest = proposalDigest(content);
  return {
    format: BUNDLE_FORMAT,
    proposal_id: content.proposal_id,
    agreement_id: content.agreement_id,
    digest,
    content: canonicalJson(content),
    required_signatories: content.required_signatories,
    signatures: signers.map((party) => ({
      party_id: party,
      key_fingerprint: keys[party]!.fingerprint,
      public_key: keys[party]!.publicKeyPem,
      signature: signDigest(parsePrivateKey(keys[party]!.privateKeyPem), digest),
      signed_at: '2024-02-28T08:00:00.000Z',
    })),
    refusals: [],
  };
}

const KEYS: Record<string, KeyPairPem> = {
  'SYR-GOV': generateKeyPair(),
  'OPP-EG': generateKeyPair(),
};

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-signing-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const succeeds = (cmd: string, args: string[]): boolean =>
  spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const hasOpenssl = /^OpenSSL [3-9]/.test(
  spawnSync('openssl', ['version'], { encoding: 'utf8' }).stdout ?? '',
);
const hasJq = succeeds('jq', ['--version']);
const hasSh = succeeds('sh', ['-c', 'exit 0']);
const hasPythonCryptography = succeeds('python3', ['-c', 'import cryptography']);

// ---- tests ----

describe('the documented protocol, checked with WebCrypto', () => {
  it('the canonical content follows the stated rules', () => {
    const content = JSON.parse(makeBundle(KEYS, []).content) as Record<string, unknown>;
    const text = canonicalJson(content);
    expect(jcs(content)).toBe(text);
    expect(text).toContain('"required_signatories":["OPP-EG","SYR-GOV"]');
    expect(text).toContain('"valid_from":"2024-03-01T00:00:00.000Z","valid_until":null');
    expect(text).toContain('"id":"7"');
    expect(text).toContain(
      '"properties":{"Z":[1.5e-7,1e+21],"kind":"corridor","name":"Zone 7","😀":"a/b","ﬁ":1}',
    );
    expect(text).toContain('[[[36.2,33.5],[36.3,33.5]');
    expect(text).toContain(
      '"terms":"Feuer einstellen — 48 h; 停火. Tab:\\there, \\"quotes\\", back\\\\slash, bell:\\u0007 😀"',
    );
  });

  it('a bundle made by Truceline verifies with WebCrypto alone', async () => {
    const bundle = makeBundle(KEYS, ['SYR-GOV', 'OPP-EG']);
    const check = await webCryptoCheck(bundle);
    expect(check.digest).toBe(bundle.digest);
    expect(check.signatures).toEqual([
      { party: 'SYR-GOV', fingerprint: KEYS['SYR-GOV']!.fingerprint, verified: true },
      { party: 'OPP-EG', fingerprint: KEYS['OPP-EG']!.fingerprint, verified: true },
    ]);
    expect(fromBase64(bundle.signatures[0]!.signature)).toHaveLength(64);
  });

  it('WebCrypto rejects what the protocol rejects', async () => {
    const bundle = makeBundle(KEYS, ['SYR-GOV']);
    const s = bundle.signatures[0]!;
    const key = await subtle.importKey(
      'raw',
      rawFromSpkiPem(s.public_key),
      { name: 'Ed25519' },
      true,
      ['verify'],
    );
    const sig = fromBase64(s.signature);
    // The message is the 32 digest bytes: not the hex text, not the content.
    expect(await subtle.verify('Ed25519', key, sig, fromHex(bundle.digest))).toBe(true);
    expect(await subtle.verify('Ed25519', key, sig, utf8(bundle.digest))).toBe(false);
    expect(await subtle.verify('Ed25519', key, sig, utf8(bundle.content))).toBe(false);
    // Another party's key, and content changed by one character.
    const other = await subtle.importKey(
      'raw',
      rawFromSpkiPem(KEYS['OPP-EG']!.publicKeyPem),
      { name: 'Ed25519' },
      true,
      ['verify'],
    );
    expect(await subtle.verify('Ed25519', other, sig, fromHex(bundle.digest))).toBe(false);
    const tampered = { ...bundle, content: bundle.content.replace('48 h', '96 h') };
    const check = await webCryptoCheck(tampered);
    expect(check.digest).not.toBe(bundle.digest);
    expect(verifyBundle(tampered).ok).toBe(false);
  });

  it('a signature made with WebCrypto verifies with verifyDigest and in a bundle', async () => {
    const { pair, raw } = await webCryptoKeyPair();
    const bundle = makeBundle(KEYS, []);
    const sig = new Uint8Array(
      await subtle.sign('Ed25519', pair.privateKey, fromHex(bundle.digest)),
    );
    expect(sig).toHaveLength(64);
    const publicKey = parsePublicKey(base64(raw));
    expect(verifyDigest(publicKey, bundle.digest, base64(sig))).toBe(true);
    // base64url without padding, as the server also accepts, for the key and the signature
    expect(verifyDigest(parsePublicKey(base64url(raw)), bundle.digest, base64url(sig))).toBe(true);
    // signing the hex text is the classic mistake, and it does not verify
    const overHex = new Uint8Array(
      await subtle.sign('Ed25519', pair.privateKey, utf8(bundle.digest)),
    );
    expect(verifyDigest(publicKey, bundle.digest, base64(overHex))).toBe(false);
    // A bundle whose key is given as raw base64 (what exportKey('raw') gives)
    const fingerprint = hex(await sha256(raw));
    const withWebCrypto: ProposalBundle = {
      ...bundle,
      signatures: [
        {
          party_id: 'OPP-EG',
          key_fingerprint: fingerprint,
          public_key: base64(raw),
          signature: base64(sig),
          signed_at: '2024-02-28T08:00:00.000Z',
        },
      ],
    };
    const check = verifyBundle(withWebCrypto);
    expect(check.ok).toBe(true);
    expect(check.signatures[0]).toMatchObject({ partyId: 'OPP-EG', ok: true });
    expect(check.missing).toEqual(['SYR-GOV']);
  });

  it('WebCrypto and Truceline make the same signature with the same key (Ed25519 is deterministic)', async () => {
    const pair = KEYS['SYR-GOV']!;
    const privateKey = await subtle.importKey(
      'pkcs8',
      pemDer(pair.privateKeyPem),
      { name: 'Ed25519' },
      false,
      ['sign'],
    );
    const digest = makeBundle(KEYS, []).digest;
    const sig = new Uint8Array(await subtle.sign('Ed25519', privateKey, fromHex(digest)));
    expect(base64(sig)).toBe(signDigest(parsePrivateKey(pair.privateKeyPem), digest));
  });
});

describe('docs/SIGNING.md', () => {
  const canonical = docBlock('example:canonical');
  const digest = docBlock('example:digest').trim();

  it('the example canonical JSON hashes to the digest the document states', async () => {
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(hex(await sha256(utf8(canonical)))).toBe(digest);
    const parsed = proposalContentSchema.parse(JSON.parse(canonical));
    expect(canonicalJson(parsed)).toBe(canonical);
    expect(jcs(parsed)).toBe(canonical);
    expect(proposalDigest(JSON.parse(canonical) as ProposalContent)).toBe(digest);
    expect(DOC).toContain(
      `one line of ${utf8(canonical).length} bytes (${canonical.length} characters`,
    );
  });

  it('the example request gives the example content', () => {
    const parsed = JSON.parse(canonical) as {
      proposal_id: string;
      agreement_id: string;
      proposed_at: string;
    };
    const content = proposalContent(
      proposalInputSchema.parse(JSON.parse(docBlock('example:request'))),
      {
        proposalId: parsed.proposal_id,
        agreementId: parsed.agreement_id,
        proposedAt: Date.parse(parsed.proposed_at),
      },
    );
    expect(canonicalJson(content)).toBe(canonical);
  });

  it('the canonicalisation examples are what canonicalJson gives', () => {
    const lines = docBlock('example:canonicalisation').split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      const [input, output] = line.split('  →  ');
      const value: unknown = JSON.parse(input!);
      expect(canonicalJson(value), line).toBe(output);
      expect(jcs(value), line).toBe(output);
    }
  });

  it('the test vector key signs the example digest to the stated signature', async () => {
    const privateKey = parsePrivateKey(docBlock('example:private-key'));
    const signature = docBlock('example:signature').trim();
    expect(signDigest(privateKey, digest)).toBe(signature);
    const raw = fromBase64(docBlock('example:public-key').trim());
    expect(hex(await sha256(raw))).toBe(docBlock('example:fingerprint').trim());
    const key = await subtle.importKey('raw', raw, { name: 'Ed25519' }, true, ['verify']);
    expect(await subtle.verify('Ed25519', key, fromBase64(signature), fromHex(digest))).toBe(true);
  });

  it('the example bundle verifies, with WebCrypto and with verifyBundle', async () => {
    const bundle = proposalBundleSchema.parse(JSON.parse(docBlock('example:bundle')));
    expect(bundle.content).toBe(canonical);
    expect(bundle.digest).toBe(digest);
    expect(bundle.signatures[0]!.signature).toBe(docBlock('example:signature').trim());
    expect(bundle.signatures[0]!.key_fingerprint).toBe(docBlock('example:fingerprint').trim());
    const check = await webCryptoCheck(bundle);
    expect(check.digest).toBe(digest);
    expect(check.signatures).toEqual([
      { party: 'SYR-GOV', fingerprint: bundle.signatures[0]!.key_fingerprint, verified: true },
    ]);
    expect(verifyBundle(bundle)).toMatchObject({ ok: true, missing: ['OPP-EG'] });
  });

  it('the WebCrypto recipe verifies a Truceline bundle and rejects a bad one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'verify-bundle.mjs'), docBlock('recipe:webcrypto'));
    writeFileSync(
      join(dir, 'run.mjs'),
      "import { readFileSync } from 'node:fs';\nimport { verifyBundle } from './verify-bundle.mjs';\n" +
        "verifyBundle(JSON.parse(readFileSync(process.argv[2], 'utf8'))).then(\n" +
        '  (r) => console.log(JSON.stringify(r)),\n' +
        '  (e) => console.log(JSON.stringify({ error: e.message })),\n);\n',
    );
    const run = (bundle: ProposalBundle) => {
      writeFileSync(join(dir, 'bundle.json'), JSON.stringify(bundle, null, 2));
      const r = spawnSync(process.execPath, ['run.mjs', 'bundle.json'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as unknown;
    };
    const bundle = makeBundle(KEYS, ['SYR-GOV', 'OPP-EG']);
    expect(run(bundle)).toEqual({
      signatures: [
        { party: 'SYR-GOV', fingerprint: KEYS['SYR-GOV']!.fingerprint, ok: true },
        { party: 'OPP-EG', fingerprint: KEYS['OPP-EG']!.fingerprint, ok: true },
      ],
      missing: [],
    });
    const swapped = structuredClone(bundle);
    swapped.signatures[0]!.signature = bundle.signatures[1]!.signature;
    expect(run(swapped)).toMatchObject({
      signatures: [{ ok: false }, { ok: true }],
      missing: ['SYR-GOV'],
    });
    expect(run({ ...bundle, content: bundle.content.replace('48 h', '96 h') })).toEqual({
      error: 'the digest is not the SHA-256 of the content',
    });
  });

  it.skipIf(!hasOpenssl)('the documented OpenSSL commands verify a Truceline bundle', () => {
    const dir = tempDir();
    const bundle = makeBundle(KEYS, ['SYR-GOV', 'OPP-EG']);
    const openssl = (...args: string[]) => spawnSync('openssl', args, { cwd: dir });
    // jq -j .content bundle.json > content.json: the exact bytes, no trailing newline
    writeFileSync(join(dir, 'content.json'), bundle.content);
    // openssl dgst -sha256 -binary content.json > digest.bin
    const dgst = openssl('dgst', '-sha256', '-binary', 'content.json');
    expect(dgst.status).toBe(0);
    expect(dgst.stdout.toString('hex')).toBe(bundle.digest);
    writeFileSync(join(dir, 'digest.bin'), dgst.stdout);
    // a trailing newline, as `jq -r` or `echo` would add, changes the digest
    writeFileSync(join(dir, 'content-nl.json'), bundle.content + '\n');
    expect(
      openssl('dgst', '-sha256', '-binary', 'content-nl.json').stdout.toString('hex'),
    ).not.toBe(bundle.digest);
    writeFileSync(join(dir, 'digest.hex'), bundle.digest);
    for (const s of bundle.signatures) {
      writeFileSync(join(dir, 'party.pub.pem'), s.public_key);
      writeFileSync(join(dir, 'sig.bin'), fromBase64(s.signature)); // base64 -d
      const verify = (input: string) =>
        openssl(
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          'party.pub.pem',
          '-rawin',
          '-in',
          input,
          '-sigfile',
          'sig.bin',
        );
      const ok = verify('digest.bin');
      expect(ok.status, ok.stderr.toString()).toBe(0);
      expect(ok.stdout.toString()).toContain('Signature Verified Successfully');
      expect(verify('digest.hex').status).not.toBe(0); // the hex text is not the message
      // fingerprint: openssl pkey -pubin -in party.pub.pem -outform DER | tail -c 32 | openssl dgst -sha256
      const der = openssl('pkey', '-pubin', '-in', 'party.pub.pem', '-outform', 'DER').stdout;
      writeFileSync(join(dir, 'raw.bin'), der.subarray(der.length - 32));
      const fp = openssl('dgst', '-sha256', '-r', 'raw.bin').stdout.toString().split(' ')[0];
      expect(fp).toBe(s.key_fingerprint);
    }
    // The other way: OpenSSL signs (as documented for signing without the CLI), Truceline verifies.
    writeFileSync(join(dir, 'party.key.pem'), KEYS['SYR-GOV']!.privateKeyPem);
    const signed = openssl(
      'pkeyutl',
      '-sign',
      '-inkey',
      'party.key.pem',
      '-rawin',
      '-in',
      'digest.bin',
    );
    expect(signed.status, signed.stderr.toString()).toBe(0);
    const sig = signed.stdout.toString('base64');
    expect(sig).toBe(bundle.signatures[0]!.signature);
    expect(verifyDigest(parsePublicKey(KEYS['SYR-GOV']!.publicKeyPem), bundle.digest, sig)).toBe(
      true,
    );
  });

  it.skipIf(!hasOpenssl || !hasJq || !hasSh)(
    'the verify-bundle.sh recipe (OpenSSL and jq) runs as documented',
    () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'verify-bundle.sh'), docBlock('recipe:verify-bundle.sh'));
      const run = (bundle: ProposalBundle) => {
        writeFileSync(join(dir, 'bundle.json'), JSON.stringify(bundle, null, 2) + '\n');
        return spawnSync('sh', ['verify-bundle.sh', 'bundle.json'], { cwd: dir, encoding: 'utf8' });
      };
      const bundle = makeBundle(KEYS, ['SYR-GOV', 'OPP-EG']);
      const good = run(bundle);
      expect(good.status, good.stdout + good.stderr).toBe(0);
      expect(good.stdout).toContain(`digest ${bundle.digest} matches the content`);
      expect(good.stdout).toContain(`valid   SYR-GOV key ${KEYS['SYR-GOV']!.fingerprint}`);
      expect(good.stdout).toContain(`valid   OPP-EG key ${KEYS['OPP-EG']!.fingerprint}`);
      expect(good.stdout).toContain('every required party has signed');
      // base64url signatures without padding, as the server stores them when submitted that way
      const url = structuredClone(bundle);
      for (const s of url.signatures) s.signature = base64url(fromBase64(s.signature));
      expect(url.signatures[0]!.signature).not.toContain('=');
      const urlRun = run(url);
      expect(urlRun.status, urlRun.stdout + urlRun.stderr).toBe(0);
      // a bundle that not every required party has signed yet: valid, and says who is missing
      const partial = run(makeBundle(KEYS, ['OPP-EG']));
      expect(partial.status, partial.stdout + partial.stderr).toBe(0);
      expect(partial.stdout).toContain('not signed (validly) yet: SYR-GOV');
      // a swapped signature, a party that is not required, and changed content all fail
      const swapped = structuredClone(bundle);
      swapped.signatures[0]!.signature = bundle.signatures[1]!.signature;
      const bad = run(swapped);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain('INVALID SYR-GOV: the signature does not verify');
      const stranger = structuredClone(bundle);
      stranger.signatures[0]!.party_id = 'RUS';
      expect(run(stranger).stdout).toContain('INVALID RUS: not a required signatory');
      const tampered = run({ ...bundle, content: bundle.content.replace('48 h', '96 h') });
      expect(tampered.status).toBe(1);
      expect(tampered.stdout).toContain('DIGEST MISMATCH');
      // and the example bundle printed in the document
      const example = run(proposalBundleSchema.parse(JSON.parse(docBlock('example:bundle'))));
      expect(example.status).toBe(0);
      expect(example.stdout).toContain('not signed (validly) yet: OPP-EG');
    },
  );

  it.skipIf(!hasPythonCryptography)('the Python recipe verifies a Truceline bundle', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'verify_bundle.py'), docBlock('recipe:python'));
    const run = (bundle: ProposalBundle) => {
      writeFileSync(join(dir, 'bundle.json'), JSON.stringify(bundle));
      return spawnSync('python3', ['verify_bundle.py', 'bundle.json'], {
        cwd: dir,
        encoding: 'utf8',
      });
    };
    const bundle = makeBundle(KEYS, ['SYR-GOV', 'OPP-EG']);
    const good = run(bundle);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toContain('every required party has signed');
    const swapped = structuredClone(bundle);
    swapped.signatures[0]!.signature = bundle.signatures[1]!.signature;
    expect(run(swapped).status).toBe(1);
    expect(run({ ...bundle, content: bundle.content.replace('48 h', '96 h') }).status).toBe(1);
  });
});
