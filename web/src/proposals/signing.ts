// Signing in the browser (docs/SIGNING.md): an Ed25519 key pair made with WebCrypto whose private
// key is not extractable, kept in IndexedDB (CryptoKey objects are structured-cloneable) keyed by
// party; the digest recomputed from the canonical content; the signature over the 32 digest bytes.
import canonicalize from 'canonicalize';

const DB_NAME = 'truceline-keys';
const STORE = 'keys';

export interface StoredKey {
  party: string;
  keyPair: CryptoKeyPair;
  /** The 32 raw public-key bytes in standard base64. */
  publicKey: string;
  /** Lower-case hex SHA-256 of the raw public key. */
  fingerprint: string;
  createdAt: string;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE))
        req.result.createObjectStore(STORE, { keyPath: 'party' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>) {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = fn(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

export function base64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export const base64url = (bytes: Uint8Array) =>
  base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function hexToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export async function loadKey(party: string): Promise<StoredKey | null> {
  const found = await tx<StoredKey | undefined>('readonly', (s) => s.get(party));
  return found ?? null;
}

export async function forgetKey(party: string): Promise<void> {
  await tx('readwrite', (s) => s.delete(party));
}

/** A new key pair for `party` (private key not extractable), stored in IndexedDB. */
export async function createKey(party: string): Promise<StoredKey> {
  const keyPair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keyPair.publicKey));
  const stored: StoredKey = {
    party,
    keyPair,
    publicKey: base64(raw),
    fingerprint: hex(await crypto.subtle.digest('SHA-256', raw)),
    createdAt: new Date().toISOString(),
  };
  await tx('readwrite', (s) => s.put(stored));
  return stored;
}

/**
 * The digest recomputed here: SHA-256 of the canonical content's UTF-8 bytes, after checking that
 * the content object canonicalises (RFC 8785) to exactly that string.
 */
export async function verifiedDigest(p: {
  content: unknown;
  canonical_content: string;
  digest: string;
}): Promise<Uint8Array> {
  const rebuilt = canonicalize(p.content);
  if (rebuilt !== p.canonical_content)
    throw new Error('The proposal content does not canonicalise to the text the server hashed.');
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(p.canonical_content)),
  );
  if (hex(digest) !== p.digest)
    throw new Error(
      `Digest mismatch: the content hashes to ${hex(digest)}, the server says ${p.digest}. Not signing.`,
    );
  return digest;
}

/** Pure Ed25519 over the 32 raw digest bytes, as base64url (what WebCrypto gives, unpadded). */
export async function signDigest(key: StoredKey, digest: Uint8Array): Promise<string> {
  const sig = new Uint8Array(
    await crypto.subtle.sign('Ed25519', key.keyPair.privateKey, digest as BufferSource),
  );
  return base64url(sig);
}
