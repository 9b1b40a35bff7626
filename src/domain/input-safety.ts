// Rules every outside input passes before its schema: JSON nested no deeper than MAX_JSON_DEPTH
// (deeper documents overflow the stack of JSON.stringify and the canonical JSON of the audit hash)
// and text that is well-formed Unicode (a lone UTF-16 surrogate, which a JSON `\ud800` escape can
// produce, cannot be encoded as UTF-8, so canonical JSON and the database would fail on it).
import { AppError } from './errors.ts';

/**
 * The deepest nesting of arrays and objects a JSON input may have. The deepest real document, an
 * agreement with MultiPolygon zones (versions[].zones.features[].geometry.coordinates[][][][]),
 * is about 10 levels deep; 64 leaves a wide margin and stays far below any stack limit.
 */
export const MAX_JSON_DEPTH = 64;

const depthError = (where: string, field: string) =>
  new AppError(
    'validation_failed',
    `${where} is nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects (the limit is ${MAX_JSON_DEPTH})`,
    field,
  );

/**
 * Scans JSON text for its bracket depth without parsing it (strings skipped, escapes honoured),
 * so a too-deep document is refused before any recursive step sees it.
 */
export function checkJsonTextDepth(text: string, where = 'the body', field = '(body)'): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_JSON_DEPTH) throw depthError(where, field);
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
}

/** JSON.parse behind the depth scan; malformed text gives `validation_failed` naming `field`. */
export function parseJsonText(text: string, where = 'the body', field = '(body)'): unknown {
  checkJsonTextDepth(text, where, field);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError(
      'validation_failed',
      `${where} is not valid JSON: ${(e as Error).message}`,
      field,
    );
  }
}

/** True if `s` holds a UTF-16 surrogate that is not part of a high–low pair. */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}

export interface InputProblem {
  path: PropertyKey[];
  message: string;
}

const isPlain = (v: object): boolean => {
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Walks a parsed input (plain objects, arrays, strings; anything else — streams, buffers — is not
 * entered) without recursion and returns its first problem: a string or an object key holding a
 * lone surrogate, or nesting deeper than MAX_JSON_DEPTH.
 */
export function findInputProblem(value: unknown): InputProblem | undefined {
  const stack: { v: unknown; path: PropertyKey[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (hasLoneSurrogate(v))
        return { path, message: 'holds invalid Unicode (an unpaired UTF-16 surrogate)' };
      continue;
    }
    if (typeof v !== 'object' || v === null || !isPlain(v)) continue;
    if (path.length >= MAX_JSON_DEPTH)
      return {
        path,
        message: `is nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects (the limit is ${MAX_JSON_DEPTH})`,
      };
    const children: { v: unknown; path: PropertyKey[] }[] = [];
    if (Array.isArray(v)) v.forEach((x, i) => children.push({ v: x, path: [...path, i] }));
    else
      for (const [k, x] of Object.entries(v)) {
        if (hasLoneSurrogate(k))
          return {
            path,
            message: `has a key holding invalid Unicode (an unpaired UTF-16 surrogate): ${JSON.stringify(k)}`,
          };
        children.push({ v: x, path: [...path, k] });
      }
    // Reversed, so the first problem in document order is the one reported.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}
