import { describe, expect, it } from 'vitest';
import {
  MAX_JSON_DEPTH,
  checkJsonTextDepth,
  findInputProblem,
  hasLoneSurrogate,
  parseJsonText,
} from './input-safety.ts';
import { parseInput } from './validate.ts';
import { z } from 'zod';

const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('lone surrogates', () => {
  it('finds an unpaired high or low surrogate, not a pair', () => {
    expect(hasLoneSurrogate('plain ascii, عربي')).toBe(false);
    expect(hasLoneSurrogate('emoji 😀 pair')).toBe(false);
    expect(hasLoneSurrogate('x\ud800y')).toBe(true);
    expect(hasLoneSurrogate('x\udc00y')).toBe(true);
    expect(hasLoneSurrogate('end\ud83d')).toBe(true);
    expect(hasLoneSurrogate('\ude00\ud83d')).toBe(true);
  });

  it('reports the first string or key holding one, with its path', () => {
    const input = JSON.parse('{"a":[1,{"notes":"x\\ud800y"}],"b":"\\udfff"}') as unknown;
    expect(findInputProblem(input)?.path).toEqual(['a', 1, 'notes']);
    const key = JSON.parse('{"reports":[{"k\\ud800":1}]}') as unknown;
    expect(findInputProblem(key)).toMatchObject({ path: ['reports', 0] });
    expect(findInputProblem(key)?.message).toMatch(/key/);
    expect(findInputProblem({ ok: 'fine 😀', n: [1, 2, { x: null }] })).toBeUndefined();
  });

  it('parseInput refuses it before the schema, naming the field', () => {
    const schema = z.object({ notes: z.string() });
    expect(() => parseInput(schema, { notes: 'x\ud800y' }, 'incident')).toThrow(
      expect.objectContaining({ code: 'validation_failed', field: 'incident.notes' }),
    );
  });
});

describe('JSON depth', () => {
  it('allows MAX_JSON_DEPTH levels and refuses one more, in text and in values', () => {
    expect(() => checkJsonTextDepth(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => checkJsonTextDepth(nested(MAX_JSON_DEPTH + 1))).toThrow(
      new RegExp(`deeper than ${MAX_JSON_DEPTH}`),
    );
    expect(() => checkJsonTextDepth(nested(20_000))).toThrow(/limit is 64/);
    expect(findInputProblem(JSON.parse(nested(MAX_JSON_DEPTH)))).toBeUndefined();
    expect(findInputProblem(JSON.parse(nested(MAX_JSON_DEPTH + 1)))?.message).toMatch(/limit/);
  });

  it('skips brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ s: '['.repeat(500) + '\\"' + '{'.repeat(500) });
    expect(() => checkJsonTextDepth(text)).not.toThrow();
    expect(parseJsonText(text)).toMatchObject({ s: expect.any(String) });
  });

  it('keeps the malformed-JSON error', () => {
    expect(() => parseJsonText('{"a":', 'f.json', 'FILE')).toThrow(
      expect.objectContaining({ code: 'validation_failed', field: 'FILE' }),
    );
  });
});
