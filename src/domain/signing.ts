// Ed25519 signatures over proposal digests (docs/SIGNING.md). The message signed is the 32 raw
// bytes of the SHA-256 digest; keys travel as SPKI/PKCS#8 PEM or raw base64; a key's fingerprint
// is the hex SHA-256 of its 32 raw public-key bytes. Uses only node:crypto.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hash,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

const DIGEST_HEX = /^[0-9a-f]{64}$/;
/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface KeyPairPem {
  publicKeyPem: string;
  privateKeyPem: string;
  fingerprint: string;
}

export function generateKeyPair(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

export function fingerprintOf(key: KeyObject): string {
  return hash('sha256', rawPublicKey(key), 'hex');
}

/**
 * Reads a public key given as SPKI PEM, or as base64/base64url of the 32 raw bytes (what WebCrypto's
 * `exportKey('raw')` gives). Throws with a reason when it is not an Ed25519 public key.
 */
export function parsePublicKey(text: string): KeyObject {
  const t = text.trim();
  let key: KeyObject;
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(t))
    throw new Error('is a PRIVATE key: never send it anywhere; send the public key (.pub.pem)');
  if (t.startsWith('-----BEGIN PUBLIC KEY-----')) {
    key = createPublicKey(t);
  } else {
    const raw = strictBase64(t);
    if (!raw) throw new Error('must be a PEM public key or 32 raw bytes in base64');
    if (raw.length !== 32) throw new Error('must be a PEM public key or 32 raw bytes in base64');
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('must be an Ed25519 key');
  return key;
}

export function publicKeyPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

export function publicKeyRawBase64(key: KeyObject): string {
  return rawPublicKey(key).toString('base64');
}

export function parsePrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('must be an Ed25519 private key');
  return key;
}

/** Decodes base64 or base64url, refusing anything else (Node's decoder skips stray characters). */
function strictBase64(text: string): Buffer | null {
  const t = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(t)) return null;
  return Buffer.from(t, 'base64');
}

function digestBytes(digestHex: string): Buffer {
  if (!DIGEST_HEX.test(digestHex)) throw new Error('a digest is 64 lower-case hex characters');
  return Buffer.from(digestHex, 'hex');
}

/** Signs a proposal digest; returns the 64-byte signature in base64. */
export function signDigest(privateKey: KeyObject, digestHex: string): string {
  return sign(null, digestBytes(digestHex), privateKey).toString('base64');
}

/** True only for a well-formed 64-byte signature by this key over these digest bytes. */
export function verifyDigest(publicKey: KeyObject, digestHex: string, signature: string): boolean {
  const sig = strictBase64(signature);
  if (!sig || sig.length !== 64) return false;
  try {
    return verify(null, digestBytes(digestHex), publicKey, sig);
  } catch {
    return false;
  }
}
