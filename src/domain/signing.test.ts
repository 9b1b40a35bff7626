import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  fingerprintOf,
  generateKeyPair,
  parsePrivateKey,
  parsePublicKey,
  publicKeyPem,
  publicKeyRawBase64,
  signDigest,
  verifyDigest,
} from './signing.ts';

const DIGEST = createHash('sha256').update('proposal content').digest('hex');
const OTHER_DIGEST = createHash('sha256').update('other content').digest('hex');

function rawBytesOf(pem: string): Buffer {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

describe('generateKeyPair', () => {
  it('gives PEM keys that sign and verify a digest', () => {
    const kp = generateKeyPair();
    expect(kp.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(kp.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const sig = signDigest(parsePrivateKey(kp.privateKeyPem), DIGEST);
    expect(verifyDigest(parsePublicKey(kp.publicKeyPem), DIGEST, sig)).toBe(true);
  });

  it('gives a 64-byte signature in base64', () => {
    const kp = generateKeyPair();
    const sig = signDigest(parsePrivateKey(kp.privateKeyPem), DIGEST);
    expect(Buffer.from(sig, 'base64')).toHaveLength(64);
    expect(Buffer.from(sig, 'base64').toString('base64')).toBe(sig);
  });

  it('gives a fresh key every time', () => {
    const a = generateKeyPair();
    const b = generateKeyPair();
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.publicKeyPem).not.toBe(b.publicKeyPem);
  });

  it('the fingerprint is the sha256 hex of the 32 raw public key bytes (end of the SPKI DER)', () => {
    const kp = generateKeyPair();
    const raw = rawBytesOf(kp.publicKeyPem);
    expect(raw).toHaveLength(32);
    const expected = createHash('sha256').update(raw).digest('hex');
    expect(kp.fingerprint).toBe(expected);
    expect(kp.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf(parsePublicKey(kp.publicKeyPem))).toBe(expected);
    // not the hash of the whole DER
    const der = createPublicKey(kp.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(kp.fingerprint).not.toBe(createHash('sha256').update(der).digest('hex'));
  });

  it('the fingerprint of the derived public key matches when read from the private key', () => {
    const kp = generateKeyPair();
    const pub = createPublicKey(parsePrivateKey(kp.privateKeyPem));
    expect(fingerprintOf(pub)).toBe(kp.fingerprint);
  });
});

describe('parsePublicKey', () => {
  const kp = generateKeyPair();
  const raw = rawBytesOf(kp.publicKeyPem);

  it('accepts SPKI PEM, with surrounding whitespace', () => {
    expect(fingerprintOf(parsePublicKey(kp.publicKeyPem))).toBe(kp.fingerprint);
    expect(fingerprintOf(parsePublicKey(`\n  ${kp.publicKeyPem}\n\n`))).toBe(kp.fingerprint);
  });

  it('accepts the 32 raw bytes in base64', () => {
    expect(fingerprintOf(parsePublicKey(raw.toString('base64')))).toBe(kp.fingerprint);
  });

  it('accepts the 32 raw bytes in base64url (no padding)', () => {
    // find a key whose base64 uses + or / so base64url really differs
    let k = kp;
    let r = raw;
    while (!/[+/]/.test(r.toString('base64'))) {
      k = generateKeyPair();
      r = rawBytesOf(k.publicKeyPem);
    }
    const url = r.toString('base64url');
    expect(url).not.toBe(r.toString('base64'));
    expect(fingerprintOf(parsePublicKey(url))).toBe(k.fingerprint);
  });

  it('round-trips through publicKeyRawBase64 and publicKeyPem', () => {
    const key = parsePublicKey(kp.publicKeyPem);
    expect(publicKeyRawBase64(key)).toBe(raw.toString('base64'));
    expect(fingerprintOf(parsePublicKey(publicKeyRawBase64(key)))).toBe(kp.fingerprint);
    expect(fingerprintOf(parsePublicKey(publicKeyPem(key)))).toBe(kp.fingerprint);
  });

  it('a key read from raw base64 verifies signatures made by the PEM private key', () => {
    const sig = signDigest(parsePrivateKey(kp.privateKeyPem), DIGEST);
    expect(verifyDigest(parsePublicKey(raw.toString('base64')), DIGEST, sig)).toBe(true);
  });

  it('rejects an RSA public key', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => parsePublicKey(pem)).toThrow(/Ed25519/);
  });

  it('rejects an EC (P-256) public key', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => parsePublicKey(pem)).toThrow(/Ed25519/);
  });

  it('rejects an X25519 public key (same size, wrong algorithm)', () => {
    const { publicKey } = generateKeyPairSync('x25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => parsePublicKey(pem)).toThrow(/Ed25519/);
  });

  it('rejects 31 or 33 raw bytes', () => {
    expect(() => parsePublicKey(raw.subarray(0, 31).toString('base64'))).toThrow(/32 raw bytes/);
    expect(() => parsePublicKey(Buffer.concat([raw, Buffer.from([1])]).toString('base64'))).toThrow(
      /32 raw bytes/,
    );
  });

  it('rejects an empty string and a malformed PEM', () => {
    expect(() => parsePublicKey('')).toThrow();
    expect(() =>
      parsePublicKey('-----BEGIN PUBLIC KEY-----\nnotakey\n-----END PUBLIC KEY-----'),
    ).toThrow();
  });
});

describe('parsePrivateKey', () => {
  it('rejects a non-Ed25519 private key', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => parsePrivateKey(pem)).toThrow(/Ed25519/);
  });
});

describe('signDigest / verifyDigest', () => {
  const kp = generateKeyPair();
  const priv = parsePrivateKey(kp.privateKeyPem);
  const pub = parsePublicKey(kp.publicKeyPem);
  const sig = signDigest(priv, DIGEST);

  it('signs the 32 digest bytes, not the hex text', () => {
    // A verifier given the raw bytes of the digest (e.g. WebCrypto) must accept the signature.
    const bytes = Buffer.from(DIGEST, 'hex');
    const key = createPublicKey(kp.publicKeyPem);
    expect(verify(null, bytes, key, Buffer.from(sig, 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(DIGEST), key, Buffer.from(sig, 'base64'))).toBe(false);
  });

  it('is deterministic for the same key and digest (Ed25519)', () => {
    expect(signDigest(priv, DIGEST)).toBe(sig);
    expect(signDigest(priv, OTHER_DIGEST)).not.toBe(sig);
  });

  it('accepts the signature in base64url too', () => {
    expect(verifyDigest(pub, DIGEST, Buffer.from(sig, 'base64').toString('base64url'))).toBe(true);
  });

  it('is false for another digest', () => {
    expect(verifyDigest(pub, OTHER_DIGEST, sig)).toBe(false);
  });

  it('is false for another key', () => {
    const other = parsePublicKey(generateKeyPair().publicKeyPem);
    expect(verifyDigest(other, DIGEST, sig)).toBe(false);
  });

  it('is false for a truncated signature', () => {
    const bytes = Buffer.from(sig, 'base64');
    expect(verifyDigest(pub, DIGEST, bytes.subarray(0, 63).toString('base64'))).toBe(false);
    expect(verifyDigest(pub, DIGEST, '')).toBe(false);
  });

  it('is false for a signature with extra bytes', () => {
    const bytes = Buffer.concat([Buffer.from(sig, 'base64'), Buffer.from([0])]);
    expect(verifyDigest(pub, DIGEST, bytes.toString('base64'))).toBe(false);
  });

  it('is false for any single flipped bit', () => {
    const bytes = Buffer.from(sig, 'base64');
    for (const i of [0, 17, 31, 32, 50, 63]) {
      const flipped = Buffer.from(bytes);
      flipped[i] = flipped[i]! ^ 0x01;
      expect(verifyDigest(pub, DIGEST, flipped.toString('base64')), `byte ${i}`).toBe(false);
    }
  });

  it('is false for a flipped bit in the digest', () => {
    const d = Buffer.from(DIGEST, 'hex');
    d[0] = d[0]! ^ 0x80;
    expect(verifyDigest(pub, d.toString('hex'), sig)).toBe(false);
  });

  it('is false (not a throw) for garbage base64', () => {
    expect(verifyDigest(pub, DIGEST, 'not a signature!!')).toBe(false);
    expect(verifyDigest(pub, DIGEST, '%%%%')).toBe(false);
    expect(verifyDigest(pub, DIGEST, 'A'.repeat(86) + '==')).toBe(false);
  });

  it('is false (not a throw) for a malformed digest', () => {
    expect(verifyDigest(pub, DIGEST.toUpperCase(), sig)).toBe(false);
    expect(verifyDigest(pub, DIGEST.slice(0, 62), sig)).toBe(false);
    expect(verifyDigest(pub, 'zz' + DIGEST.slice(2), sig)).toBe(false);
  });

  it('signDigest refuses anything but 64 lower-case hex characters', () => {
    expect(() => signDigest(priv, 'not hex')).toThrow(/64 lower-case hex/);
    expect(() => signDigest(priv, DIGEST.toUpperCase())).toThrow(/64 lower-case hex/);
    expect(() => signDigest(priv, DIGEST.slice(0, 63))).toThrow(/64 lower-case hex/);
    expect(() => signDigest(priv, DIGEST + '0')).toThrow(/64 lower-case hex/);
    expect(() => signDigest(priv, 'g' + DIGEST.slice(1))).toThrow(/64 lower-case hex/);
    expect(() => signDigest(priv, '')).toThrow(/64 lower-case hex/);
  });
});

describe('refusing what should never be accepted', () => {
  const kp = generateKeyPair();

  it('refuses a private key offered as a public key', () => {
    expect(() => parsePublicKey(kp.privateKeyPem)).toThrow(/PRIVATE/);
  });

  it('refuses a signature with stray characters instead of skipping them', () => {
    const sig = signDigest(parsePrivateKey(kp.privateKeyPem), DIGEST);
    const pub = parsePublicKey(kp.publicKeyPem);
    expect(verifyDigest(pub, DIGEST, sig)).toBe(true);
    expect(verifyDigest(pub, DIGEST, `  ${sig.slice(0, 5)}!!${sig.slice(5)} `)).toBe(false);
  });
});
