import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PROPOSAL_FORMAT,
  canonicalJson,
  proposalContent,
  proposalContentSchema,
  proposalDigest,
  proposalInputSchema,
  type ProposalContent,
  type ProposalInput,
} from './proposal.ts';
import { BUNDLE_FORMAT, verifyBundle, type ProposalBundle } from './proposal-bundle.ts';
import { generateKeyPair, parsePrivateKey, signDigest, type KeyPairPem } from './signing.ts';

const square = [
  [
    [36, 33],
    [36.1, 33],
    [36.1, 33.1],
    [36, 33.1],
    [36, 33],
  ],
];

const zones = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'z1',
      properties: { name: 'Z', kind: 'safe_zone' },
      geometry: { type: 'Polygon', coordinates: square },
    },
  ],
};

const rawInput = {
  label: 'v2',
  terms: '  No fire into the zone.  ',
  valid_from: '2024-06-01T03:00:00+03:00',
  valid_until: '2024-07-01T00:00:00Z',
  required_signatories: ['party-b', 'party-a'],
  zones,
};

const IDS = { proposalId: 'prop-1', agreementId: 'agr-1', proposedAt: Date.UTC(2024, 4, 20, 12) };

function parseInput(raw: unknown): ProposalInput {
  return proposalInputSchema.parse(raw);
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Shuffles object keys (reverses them) at every depth; arrays keep their order. */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reverseKeys(x)]),
    );
  return v;
}

describe('proposalInputSchema', () => {
  it('accepts a valid input', () => {
    expect(proposalInputSchema.safeParse(rawInput).success).toBe(true);
  });

  it('accepts an open-ended proposal', () => {
    expect(proposalInputSchema.safeParse({ ...rawInput, valid_until: null }).success).toBe(true);
    const { valid_until: _, ...noUntil } = rawInput;
    expect(proposalInputSchema.safeParse(noUntil).success).toBe(true);
  });

  function issuesOf(raw: unknown) {
    const r = proposalInputSchema.safeParse(raw);
    expect(r.success).toBe(false);
    return r.success ? [] : r.error.issues;
  }

  it('rejects valid_until before valid_from, on the valid_until field', () => {
    const issues = issuesOf({ ...rawInput, valid_until: '2024-05-01T00:00:00Z' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(['valid_until']);
    expect(issues[0]!.message).toMatch(/later than valid_from/);
  });

  it('rejects valid_until equal to valid_from, even written with another offset', () => {
    const issues = issuesOf({
      ...rawInput,
      valid_from: '2024-06-01T03:00:00+03:00',
      valid_until: '2024-06-01T00:00:00Z',
    });
    expect(issues.map((i) => i.path)).toEqual([['valid_until']]);
  });

  it('accepts valid_until one millisecond after valid_from', () => {
    expect(
      proposalInputSchema.safeParse({
        ...rawInput,
        valid_from: '2024-06-01T00:00:00.000Z',
        valid_until: '2024-06-01T00:00:00.001Z',
      }).success,
    ).toBe(true);
  });

  it('rejects a signatory named twice, pointing at the repeat', () => {
    const issues = issuesOf({
      ...rawInput,
      required_signatories: ['party-a', 'party-b', 'party-a'],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(['required_signatories', 2]);
    expect(issues[0]!.message).toContain('party-a');
  });

  it('rejects no signatories, a bad party id, a bad label and a non-ISO time', () => {
    expect(issuesOf({ ...rawInput, required_signatories: [] })[0]!.path).toEqual([
      'required_signatories',
    ]);
    expect(issuesOf({ ...rawInput, required_signatories: ['bad id'] })[0]!.path).toEqual([
      'required_signatories',
      0,
    ]);
    expect(issuesOf({ ...rawInput, label: 'has space' })[0]!.path).toEqual(['label']);
    expect(issuesOf({ ...rawInput, valid_from: '2024-06-01' })[0]!.path).toEqual(['valid_from']);
    expect(issuesOf({ ...rawInput, valid_from: '2024-06-01T00:00:00' })[0]!.path).toEqual([
      'valid_from',
    ]);
  });

  it('rejects a proposal without zones', () => {
    expect(
      issuesOf({ ...rawInput, zones: { type: 'FeatureCollection', features: [] } }),
    ).not.toEqual([]);
  });
});

describe('proposalContent', () => {
  const content = proposalContent(parseInput(rawInput), IDS);

  it('records ids, format and proposal time', () => {
    expect(content.format).toBe(PROPOSAL_FORMAT);
    expect(content.proposal_id).toBe('prop-1');
    expect(content.agreement_id).toBe('agr-1');
    expect(content.proposed_at).toBe('2024-05-20T12:00:00.000Z');
    expect(content.supersedes).toBeNull();
    expect(content.label).toBe('v2');
  });

  it('normalises times to ISO UTC with milliseconds', () => {
    expect(content.valid_from).toBe('2024-06-01T00:00:00.000Z');
    expect(content.valid_until).toBe('2024-07-01T00:00:00.000Z');
  });

  it('keeps an open-ended window as null', () => {
    const c = proposalContent(parseInput({ ...rawInput, valid_until: null }), IDS);
    expect(c.valid_until).toBeNull();
  });

  it('trims the terms and uses null when there are none', () => {
    expect(content.terms).toBe('No fire into the zone.');
    const { terms: _, ...noTerms } = rawInput;
    expect(proposalContent(parseInput(noTerms), IDS).terms).toBeNull();
  });

  it('sorts the required signatories', () => {
    expect(content.required_signatories).toEqual(['party-a', 'party-b']);
  });

  it('drops repeated signatories (when given input that bypassed the schema)', () => {
    const input = { ...parseInput(rawInput), required_signatories: ['c', 'a', 'c', 'b', 'a'] };
    expect(proposalContent(input, IDS).required_signatories).toEqual(['a', 'b', 'c']);
  });

  it('gives every zone its key as id: its id as a string, or its name', () => {
    const input = parseInput({
      ...rawInput,
      zones: {
        type: 'FeatureCollection',
        features: [
          { ...zones.features[0], id: 7 },
          { ...zones.features[0], id: undefined, properties: { name: 'Named', kind: 'corridor' } },
        ],
      },
    });
    const c = proposalContent(input, IDS);
    expect(c.zones.features.map((f) => f.id)).toEqual(['7', 'Named']);
    expect(c.zones.type).toBe('FeatureCollection');
    expect(c.zones.features[1]!.properties).toMatchObject({ name: 'Named', kind: 'corridor' });
    expect(c.zones.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: square });
  });

  it('is read back by proposalContentSchema', () => {
    const back = proposalContentSchema.parse(JSON.parse(canonicalJson(content)));
    expect(back).toEqual(JSON.parse(JSON.stringify(content)));
  });
});

describe('proposalDigest', () => {
  const content = proposalContent(parseInput(rawInput), IDS);

  it('is the SHA-256 hex of the canonical JSON', () => {
    expect(proposalDigest(content)).toBe(sha256(canonicalJson(content)));
    expect(proposalDigest(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the canonical JSON has sorted keys and no whitespace', () => {
    const json = canonicalJson(content);
    expect(json.startsWith('{"agreement_id":"agr-1","format":')).toBe(true);
    expect(json).not.toMatch(/\n|": /);
  });

  it('does not depend on key order', () => {
    const reordered = reverseKeys(content) as ProposalContent;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(content));
    expect(proposalDigest(reordered)).toBe(proposalDigest(content));
  });

  it('is the same for inputs that differ only in signatory order or time offset', () => {
    const other = proposalContent(
      parseInput({
        ...rawInput,
        valid_from: '2024-06-01T00:00:00Z',
        valid_until: '2024-07-01T02:00:00+02:00',
        required_signatories: ['party-a', 'party-b'],
      }),
      IDS,
    );
    expect(proposalDigest(other)).toBe(proposalDigest(content));
  });

  it('changes with any change of content', () => {
    const d = proposalDigest(content);
    const variants: ProposalContent[] = [
      { ...content, label: 'v3' },
      { ...content, terms: 'No fire into the zone' },
      { ...content, valid_until: null },
      { ...content, required_signatories: ['party-a'] },
      { ...content, agreement_id: 'agr-2' },
      { ...content, proposal_id: 'prop-2' },
      { ...content, supersedes: 'prop-0' },
      {
        ...content,
        zones: {
          type: 'FeatureCollection',
          features: [
            {
              ...content.zones.features[0]!,
              properties: { name: 'Z', kind: 'corridor' },
            },
          ],
        },
      },
    ];
    for (const v of variants) expect(proposalDigest(v)).not.toBe(d);
  });

  it('canonicalJson refuses a value with no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------

interface Signer {
  partyId: string;
  keys: KeyPairPem;
}

const A: Signer = { partyId: 'party-a', keys: generateKeyPair() };
const B: Signer = { partyId: 'party-b', keys: generateKeyPair() };
const C: Signer = { partyId: 'party-c', keys: generateKeyPair() };

function sigBy(signer: Signer, digest: string, partyId = signer.partyId) {
  return {
    party_id: partyId,
    key_fingerprint: signer.keys.fingerprint,
    public_key: signer.keys.publicKeyPem,
    signature: signDigest(parsePrivateKey(signer.keys.privateKeyPem), digest),
    signed_at: '2024-05-21T09:00:00.000Z',
  };
}

function makeBundle(signers: Signer[], content = proposalContent(parseInput(rawInput), IDS)) {
  const text = canonicalJson(content);
  const digest = proposalDigest(content);
  const bundle: ProposalBundle = {
    format: BUNDLE_FORMAT,
    proposal_id: content.proposal_id,
    agreement_id: content.agreement_id,
    digest,
    content: text,
    signatures: signers.map((s) => sigBy(s, digest)),
    refusals: [],
    required_signatories: content.required_signatories,
  };
  return bundle;
}

describe('verifyBundle', () => {
  it('a fully signed bundle verifies', () => {
    const check = verifyBundle(makeBundle([A, B]));
    expect(check).toEqual({
      ok: true,
      digestOk: true,
      problems: [],
      signatures: [
        { partyId: 'party-a', keyFingerprint: A.keys.fingerprint, ok: true, reason: null },
        { partyId: 'party-b', keyFingerprint: B.keys.fingerprint, ok: true, reason: null },
      ],
      missing: [],
    });
  });

  it('a partly signed bundle is consistent but names the missing party', () => {
    const check = verifyBundle(makeBundle([A]));
    expect(check.ok).toBe(true);
    expect(check.missing).toEqual(['party-b']);
  });

  it('an unsigned bundle lists every required party as missing', () => {
    const check = verifyBundle(makeBundle([]));
    expect(check.missing).toEqual(['party-a', 'party-b']);
    expect(check.signatures).toEqual([]);
  });

  it('accepts a public key given as raw base64 instead of PEM', () => {
    const bundle = makeBundle([A, B]);
    const der = Buffer.from(
      A.keys.publicKeyPem.replace(/-----[^-]+-----|\s/g, ''),
      'base64',
    ).subarray(-32);
    bundle.signatures[0]!.public_key = der.toString('base64');
    expect(verifyBundle(bundle).ok).toBe(true);
  });

  it('edited content: the digest no longer matches and no signature counts', () => {
    const bundle = makeBundle([A, B]);
    bundle.content = bundle.content.replace('No fire into the zone.', 'Fire at will.');
    const check = verifyBundle(bundle);
    expect(check.ok).toBe(false);
    expect(check.digestOk).toBe(false);
    expect(check.problems.some((p) => p.startsWith('digest:'))).toBe(true);
    expect(check.problems.join('\n')).toContain(sha256(bundle.content));
    expect(check.signatures.every((s) => !s.ok)).toBe(true);
    expect(check.missing).toEqual(['party-a', 'party-b']);
  });

  it('edited content with the digest recomputed: the signatures fail', () => {
    const bundle = makeBundle([A, B]);
    bundle.content = bundle.content.replace('No fire into the zone.', 'Fire at will.');
    bundle.digest = sha256(bundle.content);
    const check = verifyBundle(bundle);
    expect(check.digestOk).toBe(true);
    expect(check.ok).toBe(false);
    for (const s of check.signatures) {
      expect(s.ok).toBe(false);
      expect(s.reason).toMatch(/does not verify/);
    }
    expect(check.missing).toEqual(['party-a', 'party-b']);
  });

  it('a key whose fingerprint is not the stated one is refused', () => {
    const bundle = makeBundle([A, B]);
    // B's key and signature, but claiming A's fingerprint
    bundle.signatures[1]!.key_fingerprint = A.keys.fingerprint;
    const check = verifyBundle(bundle);
    expect(check.ok).toBe(false);
    expect(check.signatures[1]).toMatchObject({ partyId: 'party-b', ok: false });
    expect(check.signatures[1]!.reason).toMatch(/fingerprint/);
    expect(check.missing).toEqual(['party-b']);
  });

  it('a signature by a party that is not required is refused', () => {
    const bundle = makeBundle([A, B, C]);
    const check = verifyBundle(bundle);
    expect(check.ok).toBe(false);
    expect(check.signatures[2]).toMatchObject({ partyId: 'party-c', ok: false });
    expect(check.signatures[2]!.reason).toMatch(/not a required signatory/);
    expect(check.missing).toEqual([]);
  });

  it('a bad signature is refused and the party stays missing', () => {
    const bundle = makeBundle([A, B]);
    const sig = Buffer.from(bundle.signatures[0]!.signature, 'base64');
    sig[10] = sig[10]! ^ 0x04;
    bundle.signatures[0]!.signature = sig.toString('base64');
    const check = verifyBundle(bundle);
    expect(check.ok).toBe(false);
    expect(check.signatures[0]).toMatchObject({ partyId: 'party-a', ok: false });
    expect(check.signatures[0]!.reason).toMatch(/does not verify/);
    expect(check.missing).toEqual(['party-a']);
  });

  it('a signature over another proposal is refused', () => {
    const bundle = makeBundle([A, B]);
    bundle.signatures[1] = sigBy(B, sha256('some other proposal'));
    const check = verifyBundle(bundle);
    expect(check.signatures[1]!.ok).toBe(false);
    expect(check.missing).toEqual(['party-b']);
  });

  it('a signature by one party presented as another is refused (the stated key must have signed)', () => {
    const bundle = makeBundle([A, B]);
    // B's claimed key, A's signature
    bundle.signatures[1]!.signature = bundle.signatures[0]!.signature;
    const check = verifyBundle(bundle);
    expect(check.signatures[1]!.ok).toBe(false);
    expect(check.missing).toEqual(['party-b']);
  });

  it('a public key that is not Ed25519 or not a key at all is reported', () => {
    const bundle = makeBundle([A, B]);
    bundle.signatures[0]!.public_key = 'not a key';
    bundle.signatures[1]!.public_key = '';
    const check = verifyBundle(bundle);
    expect(check.ok).toBe(false);
    expect(check.signatures[0]!.reason).toMatch(/^public key:/);
    expect(check.signatures[1]!.reason).toMatch(/^public key:/);
    expect(check.missing).toEqual(['party-a', 'party-b']);
  });

  it('content that is valid JSON but not canonical is a problem, even when signed', () => {
    const content = proposalContent(parseInput(rawInput), IDS);
    const text = JSON.stringify(content, null, 2);
    const digest = sha256(text);
    const bundle: ProposalBundle = {
      ...makeBundle([]),
      content: text,
      digest,
      signatures: [sigBy(A, digest), sigBy(B, digest)],
    };
    const check = verifyBundle(bundle);
    expect(check.digestOk).toBe(true);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(['content: is not in RFC 8785 canonical form']);
  });

  it('content that is not JSON is a problem', () => {
    const text = 'not json';
    const bundle: ProposalBundle = { ...makeBundle([]), content: text, digest: sha256(text) };
    const check = verifyBundle(bundle);
    expect(check.ok).toBe(false);
    expect(check.problems).toContain('content: is not JSON');
    // falls back to the bundle's list of required parties
    expect(check.missing).toEqual(['party-a', 'party-b']);
  });

  it('canonical JSON that is not a proposal is a problem', () => {
    const text = canonicalJson({ format: 'something.else', proposal_id: 'prop-1' });
    const bundle: ProposalBundle = { ...makeBundle([]), content: text, digest: sha256(text) };
    const check = verifyBundle(bundle);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(['content: is not a Truceline proposal']);
  });

  it('content naming another proposal than the bundle is a problem', () => {
    const bundle = { ...makeBundle([A, B]), proposal_id: 'prop-99' };
    const check = verifyBundle(bundle);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(['content: names proposal prop-1, not prop-99']);
  });

  it('the required parties come from the signed content, not the bundle wrapper', () => {
    // A wrapper that drops party-b from the required list cannot make the proposal look complete.
    const bundle = { ...makeBundle([A]), required_signatories: ['party-a'] };
    expect(verifyBundle(bundle).missing).toEqual(['party-b']);
    // Nor can a wrapper make a non-required party count.
    const withC = {
      ...makeBundle([A, B, C]),
      required_signatories: ['party-a', 'party-b', 'party-c'],
    };
    expect(verifyBundle(withC).signatures[2]!.ok).toBe(false);
  });

  it('a required party with one bad and one good signature is not missing', () => {
    const bundle = makeBundle([A, B]);
    const bad = { ...bundle.signatures[0]!, signature: bundle.signatures[1]!.signature };
    bundle.signatures.push(bad);
    const check = verifyBundle(bundle);
    expect(check.missing).toEqual([]);
    expect(check.ok).toBe(false);
  });
});

describe('verifyBundle: the wrapper must agree with the signed content', () => {
  it('reports an agreement id or signatory list that differs from the content', () => {
    const b = makeBundle([A, B]);
    const check = verifyBundle({ ...b, agreement_id: 'agr-OTHER', required_signatories: ['zzz'] });
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(/agreement agr-1.*agr-OTHER|agr-OTHER/);
    expect(check.problems.join('\n')).toMatch(/required_signatories/);
  });
});
